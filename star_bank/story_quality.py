"""How ready a story is to tell, as one number for ranking stories against each other.

Today this reads the story's structure: all four STAR parts present and not
empty, a number in the result, a lesson. When the linter can score a story,
pass its scorer to `suggest(..., quality=...)` instead: anything that maps a
`Story` to a `StoryQuality` plugs in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel, Field

from star_bank.model import STAR_KINDS, SectionKind, Story

_NUMBER = re.compile(r"\d")


class StoryQuality(BaseModel):
    """0..1, higher is readier to tell, with the reasons in a few words each."""

    score: float = Field(ge=0.0, le=1.0)
    notes: list[str] = Field(default_factory=list)


QualityScorer = Callable[[Story], StoryQuality]


def structure_quality(story: Story) -> StoryQuality:
    """Score a story by its shape: STAR parts present, a measured result, a lesson."""
    present = [kind for kind in STAR_KINDS if (s := story.section(kind)) is not None and s.words > 0]
    missing = [kind.value for kind in STAR_KINDS if kind not in present]
    result = story.section(SectionKind.result)
    lesson = story.section(SectionKind.lesson)
    measured = result is not None and bool(_NUMBER.search(result.text))
    has_lesson = lesson is not None and lesson.words > 0

    score = 0.6 * len(present) / len(STAR_KINDS) + 0.25 * measured + 0.15 * has_lesson
    notes = []
    if not missing:
        notes.append("all STAR parts")
    elif not present:
        notes.append("no STAR sections")
    else:
        notes.append("missing " + ", ".join(missing))
    notes.append("a number in the result" if measured else "no number in the result")
    if not has_lesson:
        notes.append("no lesson")
    return StoryQuality(score=round(score, 2), notes=notes)
