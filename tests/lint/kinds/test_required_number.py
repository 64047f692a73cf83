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
