"""Every rule file's examples are run: bad examples must fire the rule (where and as an
example says, when it says), good ones must not."""

from __future__ import annotations

import pytest

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter
from star_bank.lint.rule_examples import example_bank, example_expectations, example_options
from star_bank.lint.rules import load_rule_file, load_rules
from star_bank.story.parse import parse_story

RULES = load_rules()
CASES = [
    pytest.param(rule, example, expected, id=f"{rule.slug}-{expected}-{n}")
    for rule in RULES
    for expected, examples in (("bad", rule.examples.bad), ("good", rule.examples.good))
    for n, example in enumerate(examples)
]


def _findings_of(rule, example, config=None):
    config = (config or Config()).model_copy(
        update={"select": [rule.slug], "rules": {rule.slug: example_options(example)}}
    )
    texts = example_bank(rule, example)
    paths = ["example.md"] if len(texts) == 1 else [f"example-{n}.md" for n in range(1, len(texts) + 1)]
    stories = [parse_story(text, path) for text, path in zip(texts, paths)]
    return [f for findings in Linter(config).lint_stories(stories) for f in findings]


def _check_example(rule, example, expected, config=None):
    findings = [f for f in _findings_of(rule, example, config) if f.rule == rule.slug]
    if expected == "good":
        assert not findings, f"{rule.slug} flagged its good example: {[f.text for f in findings]}"
        return
    assert findings, f"{rule.slug} did not flag its bad example"
    want = example_expectations(rule, example)
    shown = [{key: getattr(f, key) for key in want} for f in findings]
    assert want in shown, f"{rule.slug}: no finding with {want}; found {shown}"


@pytest.mark.parametrize(("rule", "example", "expected"), CASES)
def test_rule_example_behaves_as_documented(rule, example, expected):
    _check_example(rule, example, expected)


USER_RULE = """\
code: USR009
slug: no-synergy
kind: pattern
severity: warning
dimension: delivery
scope: [action]
message: "Say what you did instead of '{match}'"
description: Buzzwords.
options: {patterns: ['\\bsynerg\\w*']}
examples:
  bad:
    - text: "I met the team.\\nThen I drove synergy."
      line: 2
      column: 14
      message: "Say what you did instead of 'synergy'"
  good: ["I merged the queues."]
"""


def test_a_bad_example_may_say_where_its_finding_is_and_what_it_says(tmp_path):
    (tmp_path / "rules").mkdir()
    path = tmp_path / "rules" / "no-synergy.yaml"
    path.write_text(USER_RULE, encoding="utf-8")
    rule = load_rule_file(path)
    config = Config(rule_dirs=["rules"], path=tmp_path / ".starlint.toml")
    [bad] = rule.examples.bad
    assert example_expectations(rule, bad) == {
        "line": 3, "column": 14, "message": "Say what you did instead of 'synergy'"
    }  # line 2 of the example is line 3 of the story, under its "## Action" heading
    _check_example(rule, bad, "bad", config)
    moved = bad.model_copy(update={"column": 15})
    with pytest.raises(AssertionError, match="no finding with"):
        _check_example(rule, moved, "bad", config)


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
