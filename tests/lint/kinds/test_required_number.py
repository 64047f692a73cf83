"""result-without-metric: real quantities pass, ordinals, names and versions do not."""

from __future__ import annotations

import pytest

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter


@pytest.fixture(scope="module")
def linter():
    return Linter(Config(select=["result-without-metric"]))


def flagged(linter, result):
    return [f for f in linter.lint_text(f"## Situation\nThe app was slow.\n## Result\n{result}\n") if f.rule == "result-without-metric"]


@pytest.mark.parametrize(
    "result",
    ["It was the first release on the new stack.", "We moved the assets to S3 and kept the E2E suite green.",
     "We shipped v2.3.1 to every customer."],
)
def test_ordinals_names_and_versions_are_not_metrics(linter, result):
    assert flagged(linter, result)


@pytest.mark.parametrize(
    "result",
    ["Page loads got twice as fast.", "The cold start halved.", "It failed only once in three months.",
     "Tickets dropped by a third."],
)
def test_word_quantities_are_metrics(linter, result):
    assert not flagged(linter, result)


# An unlabelled story whose outcome no cue marks: numbers describe the problem and the work,
# the last paragraph of the narrative tells how it ended.
UNLABELLED = (
    "Last spring our volunteer choir of 40 singers lost its rehearsal hall two weeks before a concert.\n\n"
    "I phoned six schools and a church, and I asked the council about its community rooms. "
    "I booked a school gym for three evenings and moved the chairs myself.\n\n"
    "{closing}\n\n"
    "Looking back I think I should have kept a list of spare venues.\n"
)


def test_an_unlabelled_story_is_judged_on_the_last_paragraph_of_its_narrative(linter):
    text = UNLABELLED.format(closing="The concert went ahead in the gym and people enjoyed it.")
    assert [f for f in linter.lint_text(text) if f.rule == "result-without-metric"]


def test_an_unlabelled_story_with_a_number_in_its_closing_paragraph_passes(linter):
    text = UNLABELLED.format(closing="The concert went ahead in the gym and 220 people came.")
    assert not [f for f in linter.lint_text(text) if f.rule == "result-without-metric"]
