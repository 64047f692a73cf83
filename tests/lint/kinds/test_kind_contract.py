"""Every kind module meets the CheckKind contract: NEEDS_NLP, a strict Options model,
and check(story, rule, options) typed with the analysed story, the Rule and its own Options."""

from __future__ import annotations

import inspect
import typing

import pytest
from pydantic import ValidationError

from star_bank.lint.kinds import KIND_NAMES
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.kinds.registry import KINDS, kind_of
from star_bank.lint.rule import Rule
from star_bank.lint.rules import load_rules
from star_bank.nlp.analysis import AnalysedStory


@pytest.mark.parametrize("name", KIND_NAMES)
def test_kind_module_meets_the_contract(name):
    kind = KINDS[name]
    assert isinstance(kind.NEEDS_NLP, bool)
    assert issubclass(kind.Options, KindOptions)
    assert list(inspect.signature(kind.check).parameters) == ["story", "rule", "options"]
    hints = typing.get_type_hints(kind.check)
    assert hints["story"] is AnalysedStory
    assert hints["rule"] is Rule
    assert hints["options"] is kind.Options


@pytest.mark.parametrize("name", KIND_NAMES)
def test_kind_options_reject_unknown_keys(name):
    with pytest.raises(ValidationError):
        KINDS[name].Options.model_validate({"no_such_option": 1})


def test_every_shipped_rule_names_a_registered_kind():
    for rule in load_rules():
        assert kind_of(rule) is KINDS[rule.kind]
