"""How ready a story is to tell, as one number for ranking stories against each other.

`structure_quality` reads the story's shape: all four STAR parts present and
not empty, a number in the result, a lesson. `lint_quality` adds what starlint
found, when the lint cache already holds the story's findings (a run of
`starlint` or the pre-commit hook put them there); it never parses a story
itself, so `starbank suggest` stays fast. Anything that maps a `Story` to a
`StoryQuality` plugs into `suggest(..., quality=...)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from star_bank.model.story import STAR_KINDS, SectionKind, Story
from star_bank.story.parse import StoryParseError, read_story_bytes

if TYPE_CHECKING:
    from star_bank.lint.cache import LintCache

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


# What each cached finding costs a story's readiness, by severity.
FINDING_PENALTY = {"error": 0.3, "warning": 0.12, "suggestion": 0.03}


def lint_quality(cache: "LintCache") -> QualityScorer:
    """A scorer that adds the story's cached lint findings to its structure score."""

    def score(story: Story) -> StoryQuality:
        base = structure_quality(story)
        try:
            findings = cache.get(cache.key(read_story_bytes(story.path), story.path), story.path)
        except StoryParseError:
            findings = None
        if findings is None:
            return base
        penalty = sum(FINDING_PENALTY.get(f.severity.value, 0.0) for f in findings)
        counts: dict[str, int] = {}
        for finding in findings:
            counts[finding.severity.value] = counts.get(finding.severity.value, 0) + 1
        note = "starlint: clean" if not findings else "starlint: " + ", ".join(
            f"{n} {severity}{'s' if n > 1 else ''}" for severity, n in sorted(counts.items())
        )
        return StoryQuality(score=round(max(0.0, base.score - penalty), 2), notes=[*base.notes, note])

    return score
