"""The rule reference in docs/ is generated from rules/ and must not drift."""

from pathlib import Path

from star_bank.report.rule_docs import render_rules
from star_bank.lint.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]


def test_rule_reference_is_up_to_date():
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == render_rules(load_rules()), "docs/rules.md is stale: run `make docs`"


def test_rule_reference_documents_every_rule():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in load_rules():
        assert f"## {rule.slug}" in text
