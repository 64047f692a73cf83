"""The interview-day sheet: the best ready story per archetype, as bullets, on one page.

    sheet = interview_sheet(["stories"], level="senior", role="lead")
    sheet.rows[0].story.bullets, sheet.gaps, sheet.questions

Readiness is the bank's (star_bank/retrieve/bank_readiness.py: one lint-and-score
run, through the cache); among the ready stories of an archetype the sheet
takes the one that answers it first, then the best rated by its scorecard,
then the shortest to tell, and prefers a story not already on the page. Only
the chosen stories are parsed again, to cut them into bullets
(star_bank/retrieve/sheet_bullets.py). An archetype with no ready story is a
gap, with the probe an interviewer will use and the closest draft.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from pydantic import BaseModel, ConfigDict

from star_bank.data.loader import load_shipped, load_yaml_model
from star_bank.model.scorecard import Scorecard
from star_bank.model.sheet import InterviewSheet, SheetQuestion, SheetRow, SheetStory
from star_bank.model.story import Story
from star_bank.retrieve.archetypes import ArchetypeBook, load_archetypes
from star_bank.retrieve.bank_readiness import StoryReadiness, readiness_from
from star_bank.story.bank import load_bank

if TYPE_CHECKING:
    from star_bank.lint.cache import LintCache
    from star_bank.lint.engine import Linter

__all__ = ["SheetError", "interview_sheet", "load_questions"]

_RATING_POINTS = {"expert": 2, "intermediate": 1, "novice": 0}


class SheetError(Exception):
    """A questions file that cannot be used (one line naming the file and the key)."""


class QuestionsFile(BaseModel):
    """data/sheet.yaml, or a user's file of the same shape."""

    model_config = ConfigDict(extra="forbid")

    questions: list[SheetQuestion]


def load_questions(path: str | os.PathLike[str] | None = None) -> list[SheetQuestion]:
    """The questions to ask the interviewer: the shipped data/sheet.yaml, or `path`."""
    if path is None:
        return list(load_shipped("sheet.yaml", QuestionsFile, SheetError).questions)
    return list(load_yaml_model(Path(path), QuestionsFile, SheetError).questions)


def interview_sheet(
    paths: Sequence[str | os.PathLike[str]],
    *,
    level: str | None = None,
    role: str | None = None,
    linter: "Linter | None" = None,
    cache: "LintCache | None" = None,
    book: ArchetypeBook | None = None,
    questions: list[SheetQuestion] | None = None,
) -> InterviewSheet:
    """One page for the interview: every archetype's best ready story as bullets, or a gap."""
    from star_bank.lint.engine import Linter
    from star_bank.rubric.run import lint_and_score_paths

    book = book or load_archetypes()
    linter = linter or Linter(role=role)
    report, scores = lint_and_score_paths(list(paths), level=level, linter=linter, cache=cache)
    stories = {s.path: s for s in load_bank(list(paths)).stories}
    readiness = readiness_from(list(stories.values()), report, scores.scorecards, book)
    cards = {card.path: card for card in scores.scorecards}
    chosen = _choose(readiness.stories, cards, book)
    cut = _bullets([stories[path] for path in dict.fromkeys(p for p in chosen.values() if p)], linter)
    rows = [
        _row(archetype.id, archetype.name, archetype.probes, chosen.get(archetype.id), chosen, cut, readiness.stories)
        for archetype in sorted(book.archetypes, key=lambda a: a.id)
    ]
    wanted = role or linter.role
    asked = questions if questions is not None else load_questions()
    return InterviewSheet(
        level=level,
        role=wanted,
        rows=rows,
        questions=[q for q in asked if not q.roles or wanted is None or wanted in q.roles],
        ready=readiness.ready,
        total=readiness.total,
        errors=readiness.errors,
    )


def _rank(story: StoryReadiness, archetype: int, card: Scorecard | None) -> tuple:
    """Lower is better: answers the archetype first, best rated, quickest to tell."""
    rated = [d.rating for d in card.dimensions if d.rating] if card is not None else []
    points = sum(_RATING_POINTS[r] for r in rated) / len(rated) if rated else 0.0
    return (story.archetypes.index(archetype), -points, story.speaking_seconds, story.path)


def _choose(stories: list[StoryReadiness], cards: dict[str, Scorecard], book: ArchetypeBook) -> dict[int, str | None]:
    """Each archetype's story: the best ready one not yet on the page, else the best ready one."""
    chosen: dict[int, str | None] = {}
    used: set[str] = set()
    for archetype in sorted(book.archetypes, key=lambda a: a.id):
        ready = sorted(
            (s for s in stories if s.ready and archetype.id in s.archetypes),
            key=lambda s: _rank(s, archetype.id, cards.get(s.path)),
        )
        fresh = [s for s in ready if s.path not in used]
        pick = (fresh or ready or [None])[0]
        chosen[archetype.id] = pick.path if pick is not None else None
        if pick is not None:
            used.add(pick.path)
    return chosen


def _bullets(stories: list[Story], linter: "Linter") -> dict[str, SheetStory]:
    """The chosen stories cut into bullets (one spaCy pass over them)."""
    from star_bank.lint.engine import analyse
    from star_bank.nlp import stream
    from star_bank.nlp.pipeline import load_pipeline
    from star_bank.retrieve.bank_readiness import speaking_seconds
    from star_bank.retrieve.sheet_bullets import story_bullets

    if not stories:
        return {}
    nlp = load_pipeline(linter.config.pipeline)
    cut = {}
    for _, analysed in stream.with_docs(((n, analyse(s)) for n, s in enumerate(stories)), nlp, n_process=1):
        bullets, number = story_bullets(analysed)
        story = analysed.story
        cut[story.path] = SheetStory(
            path=story.path, title=story.title, bullets=bullets, number=number,
            speaking_seconds=speaking_seconds(story.words),
        )
    return cut


def _row(
    archetype: int,
    name: str,
    probe: str,
    path: str | None,
    chosen: dict[int, str | None],
    cut: dict[str, SheetStory],
    stories: list[StoryReadiness],
) -> SheetRow:
    if path is not None:
        also = [a for a, p in chosen.items() if p == path and a != archetype]
        return SheetRow(id=archetype, name=name, probe=probe, story=cut[path], also_for=also)
    drafts = [s for s in stories if archetype in s.archetypes]
    draft = min(drafts, key=lambda s: (len(s.blockers), s.archetypes.index(archetype), s.path), default=None)
    return SheetRow(
        id=archetype, name=name, probe=probe,
        closest=draft.path if draft is not None else None,
        not_ready=_first_blocker(draft) if draft is not None else None,
    )


def _first_blocker(story: StoryReadiness) -> str | None:
    return story.blockers[0].detail if story.blockers else None
