"""Something went wrong: where it starts, how it is told, and what the rubric makes of it.

Each story here is written for the pattern it shows; none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from star_bank.lint.engine import Linter
from star_bank.rubric.score import score_story
from star_bank.story.parse import parse_story


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def card(text: str, linter: Linter):
    return score_story(parse_story(text, "story.md"), linter=linter)


def rating(scorecard, name: str) -> str | None:
    return next(d.rating for d in scorecard.dimensions if d.name == name)


ADMITTED_LATE = """\
# The cache key I shortened

## Situation
I looked after the image service of a small photo-printing shop.

## Action
I shortened the cache key to save memory and deployed it after lunch.
Within a quarter of an hour the thumbnails on the order page showed other customers' photos.
I reverted the deploy at 13:20, posted in the support channel what had happened, and called my manager.
The next morning I wrote down what I had got wrong: I had never checked the key for collisions.

## Result
Thumbnails were correct again eight minutes after the revert.
"""


def test_recovery_told_before_the_admission_of_the_mistake_still_counts(linter):
    # The mistake is named last, but things went wrong earlier: the revert, its time
    # and who was told come after the first sign of trouble, so they are the recovery.
    scorecard = card(ADMITTED_LATE, linter)
    assert scorecard.rubric == "failure"
    assert rating(scorecard, "recovery") == "expert"
