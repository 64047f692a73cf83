"""Scorecards for story files: the path-level entry points of the rubric.

    report = score_paths(["stories"], level="staff")

Finding, reading, caching and parsing files is the lint runner's business
(star_bank/lint/runner.py): scoring goes through the same run as linting, with
a scorer that rates each story from its parse and its findings, so a cached
`starlint --scorecard` or `starbank score` never imports spaCy.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from star_bank.data.paths import data_path
from star_bank.lint.fingerprint import file_digest, settings_fingerprint
from star_bank.model.findings import Finding, LintReport
from star_bank.model.scorecard import Scorecard, ScoreReport
from star_bank.nlp.analysis import AnalysedStory

if TYPE_CHECKING:
    from star_bank.lint.cache import LintCache
    from star_bank.lint.engine import Linter
    from star_bank.rubric.book import RubricBook, RubricError

__all__ = ["RubricError", "RubricScorer", "lint_and_score_paths", "score_paths"]  # RubricError: what they raise


def __getattr__(name: str):
    # The rubric (its raters, the archetypes, the lesson vocabulary) is imported when a story
    # is scored or its error is named, not here: a fully cached --scorecard run scores nothing.
    if name in ("RubricBook", "RubricError"):
        from star_bank.rubric import book

        return getattr(book, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class RubricScorer:
    """Scores one analysed story; picklable, so worker processes score their share.

    `level` is the caller's (the CLI's `--level`); `fallback_level` the config
    file's, which ranks below a story's front matter.
    """

    level: str | None = None
    fallback_level: str | None = None
    book: RubricBook | None = None

    def fingerprint(self) -> str:
        """What decides a scorecard besides the story and its findings: the rubric
        data and the levels (the code is in every fingerprint)."""
        if self.book is None:
            rubric = file_digest(data_path("rubrics.yaml"))
        else:
            rubric = hashlib.sha256(self.book.model_dump_json().encode()).hexdigest()
        return settings_fingerprint({"rubric": rubric, "level": self.level, "fallback": self.fallback_level})

    def __call__(self, story: AnalysedStory, findings: list[Finding]) -> Scorecard:
        from star_bank.rubric.score import score_analysed  # imported late, as the module __getattr__ says

        return score_analysed(story, findings, level=self.level, fallback_level=self.fallback_level, book=self.book)


def score_paths(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    level: str | None = None,
    linter: "Linter | None" = None,
    book: RubricBook | None = None,
    cache: "LintCache | None" = None,
    progress: Callable[[int], None] | None = None,
) -> ScoreReport:
    """Scorecards for every story file under `paths`; unreadable files become `errors`."""
    return lint_and_score_paths(paths, level=level, linter=linter, book=book, cache=cache, progress=progress)[1]


def lint_and_score_paths(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    level: str | None = None,
    linter: "Linter | None" = None,
    book: RubricBook | None = None,
    cache: "LintCache | None" = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[LintReport, ScoreReport]:
    """The lint report and the scorecards of every story under `paths`, from one parse.

    With a `cache` (see `Linter.lint_paths`), a story whose bytes, lint settings
    and scoring settings match an entry is neither parsed nor scored again.
    """
    from star_bank.lint.engine import Linter
    from star_bank.lint.runner import run_paths

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    linter = linter or Linter()
    scorer = RubricScorer(level, linter.config.level, book)
    run = run_paths(linter, paths, progress=progress, cache=cache, scorer=scorer)
    return run.report, ScoreReport(scorecards=run.scorecards, errors=run.report.errors)
