""""Did you mean": the nearest known name for a typo, and none for a name far from all."""

from __future__ import annotations

import pytest

from star_bank.lint.names import closest, did_you_mean
from star_bank.lint.rules import load_rules

NAMES = {name for rule in load_rules() for name in rule.names()}


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("pasive", "passive-voice"), ("vauge-lesson", "vague-lesson"), ("hedgeing", "hedging"),
     ("OWN01", "OWN001"), ("too-lng", "too-long")],
)
def test_a_typo_finds_the_rule_meant(typo, meant):
    assert closest(typo, NAMES) == meant
    assert did_you_mean(typo, NAMES) == f"; did you mean {meant!r}?"


@pytest.mark.parametrize("name", ["nope", "no-such-rule", "xyz"])
def test_a_name_close_to_nothing_gets_no_suggestion(name):
    assert closest(name, NAMES) is None and did_you_mean(name, NAMES) == ""
