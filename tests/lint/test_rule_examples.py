"""Every rule file's examples are run: bad examples must fire the rule, good ones must not."""

from __future__ import annotations

import pytest

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter
from star_bank.lint.rule_examples import example_options, example_text
from star_bank.lint.rules import load_rules

RULES = load_rules()
CASES = [
    pytest.param(rule, example, expected, id=f"{rule.slug}-{expected}-{n}")
    for rule in RULES
    for expected, examples in (("bad", rule.examples.bad), ("good", rule.examples.good))
    for n, example in enumerate(examples)
]


def _findings_of(rule, example):
    config = Config(select=[rule.slug], rules={rule.slug: example_options(example)})
    return Linter(config).lint_text(example_text(rule, example), path="example.md")


@pytest.mark.parametrize(("rule", "example", "expected"), CASES)
def test_rule_example_behaves_as_documented(rule, example, expected):
    findings = [f for f in _findings_of(rule, example) if f.rule == rule.slug]
    if expected == "bad":
        assert findings, f"{rule.slug} did not flag its bad example"
    else:
        assert not findings, f"{rule.slug} flagged its good example: {[f.text for f in findings]}"


def test_every_rule_has_bad_and_good_examples():
    for rule in RULES:
        assert rule.examples.bad and rule.examples.good, rule.slug


def test_rule_codes_and_slugs_are_unique():
    codes = [r.code for r in RULES]
    slugs = [r.slug for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(slugs)) == len(slugs)


def test_the_slugs_users_asked_for_exist():
    slugs = {r.slug for r in RULES}
    assert {
        "passive-voice", "we-overuse", "vague-lesson", "result-without-metric",
        "no-observable-change", "missing-section", "empty-section", "unfilled-placeholder",
        "too-long", "blame-first", "no-warning-signal", "learning-without-output", "hedging",
    } <= slugs
