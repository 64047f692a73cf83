"""Every kind module meets its contract: NEEDS_NLP, a strict Options model, and
check(story, rule, options) typed with the analysed story, the Rule and its own Options
(a bank kind: check_bank(profiles, rule, options, context) over every story's profile)."""

from __future__ import annotations

import inspect
import typing

import pytest
from pydantic import ValidationError

from collections.abc import Sequence

from star_bank.lint.kinds import BANK_KIND_NAMES, KIND_NAMES
from star_bank.lint.kinds.base import BankContext
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.kinds.registry import KINDS, kind_of
from star_bank.lint.rule import Rule
from star_bank.lint.rules import load_rules
from star_bank.model.profile import StoryProfile
from star_bank.nlp.analysis import AnalysedStory

STORY_KIND_NAMES = [name for name in KIND_NAMES if name not in BANK_KIND_NAMES]


@pytest.mark.parametrize("name", STORY_KIND_NAMES)
def test_kind_module_meets_the_contract(name):
    kind = KINDS[name]
    assert isinstance(kind.NEEDS_NLP, bool)
    assert issubclass(kind.Options, KindOptions)
    assert list(inspect.signature(kind.check).parameters) == ["story", "rule", "options"]
    hints = typing.get_type_hints(kind.check)
    assert hints["story"] is AnalysedStory
    assert hints["rule"] is Rule
    assert hints["options"] is kind.Options


@pytest.mark.parametrize("name", BANK_KIND_NAMES)
def test_bank_kind_module_meets_the_contract(name):
    kind = KINDS[name]
    assert isinstance(kind.NEEDS_NLP, bool)
    assert issubclass(kind.Options, KindOptions)
    assert not hasattr(kind, "check"), "a bank kind judges the bank, not one story"
    assert list(inspect.signature(kind.check_bank).parameters) == ["profiles", "rule", "options", "context"]
    hints = typing.get_type_hints(kind.check_bank)
    assert hints["profiles"] == Sequence[StoryProfile]
    assert hints["rule"] is Rule
    assert hints["options"] is kind.Options
    assert hints["context"] is BankContext


def test_bank_rules_and_only_they_use_bank_kinds():
    for rule in load_rules():
        assert rule.bank_level == (rule.kind in BANK_KIND_NAMES), rule.slug


@pytest.mark.parametrize("name", KIND_NAMES)
def test_kind_options_reject_unknown_keys(name):
    with pytest.raises(ValidationError):
        KINDS[name].Options.model_validate({"no_such_option": 1})


def test_every_shipped_rule_names_a_registered_kind():
    for rule in load_rules():
        assert kind_of(rule) is KINDS[rule.kind]
