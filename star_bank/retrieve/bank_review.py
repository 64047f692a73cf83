"""Everything the HTML report shows about a bank, gathered from one lint-and-score run.

    review = review_bank(["stories"], linter=linter)
    review.report, review.readiness, review.coverage, review.stories[0].findings

Each story comes with its text (for highlighting findings in place), its
findings, its scorecard and its readiness; the bank with its readiness summary
and its archetype coverage. Rendering is star_bank/report/html.py's.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Sequence

from pydantic import BaseModel, Field

from star_bank.model.findings import Finding, LintReport
from star_bank.model.scorecard import Scorecard
from star_bank.model.story import Story
from star_bank.retrieve.archetypes import ArchetypeBook, load_archetypes
from star_bank.retrieve.bank_coverage import Coverage, coverage
from star_bank.retrieve.bank_readiness import BankReadiness, StoryReadiness, readiness_from
from star_bank.story.bank import Bank, load_bank

if TYPE_CHECKING:
    from star_bank.lint.cache import LintCache
    from star_bank.lint.engine import Linter


class StoryReview(BaseModel):
    """One story with all that was found about it."""

    story: Story
    findings: list[Finding] = Field(default_factory=list)
    scorecard: Scorecard | None = None
    readiness: StoryReadiness


class BankReview(BaseModel):
    """The bank's stories, its lint report, its readiness and its coverage."""

    stories: list[StoryReview]
    report: LintReport
    readiness: BankReadiness
    coverage: Coverage
    archetype_names: dict[int, str] = Field(default_factory=dict)


def review_bank(
    paths: Sequence[str | os.PathLike[str]],
    *,
    level: str | None = None,
    linter: "Linter | None" = None,
    cache: "LintCache | None" = None,
    book: ArchetypeBook | None = None,
) -> BankReview:
    """Lint and score every story under `paths` once, and gather what a reviewer looks at."""
    from star_bank.rubric.run import lint_and_score_paths

    book = book or load_archetypes()
    report, scores = lint_and_score_paths(list(paths), level=level, linter=linter, cache=cache)
    loaded = load_bank(list(paths))
    readiness = readiness_from(loaded.stories, report, scores.scorecards, book)
    judged = {r.path: r for r in readiness.stories}
    stories = [s for s in loaded.stories if s.path in judged]
    cards = {card.path: card for card in scores.scorecards}
    reviews = [
        StoryReview(
            story=story,
            findings=[f for f in report.findings if f.path == story.path],
            scorecard=cards.get(story.path),
            readiness=judged[story.path],
        )
        for story in stories
    ]
    return BankReview(
        stories=reviews,
        report=report,
        readiness=readiness,
        coverage=coverage(Bank(stories=stories), book),
        archetype_names={a.id: a.name for a in book.archetypes},
    )
