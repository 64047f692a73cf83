"""Helpers shared by the failure-rubric test modules (`from failure_stories import ...`):
a linter fixture, a story tagged as a failure, and one dimension of its scorecard."""

from __future__ import annotations

import pytest

from star_bank.lint.engine import Linter
from star_bank.rubric.score import score_story
from star_bank.story.parse import parse_story


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def dimension(text: str, linter: Linter, name: str):
    scorecard = score_story(parse_story(text, "story.md"), linter=linter)
    assert scorecard.rubric == "failure", scorecard.rubric_reason
    return next(d for d in scorecard.dimensions if d.name == name)


def failure(body: str) -> str:
    return f"---\ntags: [failure]\n---\n# The ferry timetable\n\n{body}\n"
