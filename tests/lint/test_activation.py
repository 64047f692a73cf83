"""Which rules run: select and ignore by code or slug, per-rule severity and options from the config."""

from __future__ import annotations

from pathlib import Path

import pytest

from star_bank.lint.config import Config, ConfigError
from star_bank.lint.engine import Linter

ROOT = Path(__file__).resolve().parents[2]

# A weak failure story: blame first, passive voice, hedges, no metric, a vague lesson.
WEAK = (ROOT / "tests" / "fixtures" / "weak-failure.md").read_text(encoding="utf-8")


def _rules(findings):
    return [f.rule for f in findings]


def test_select_and_ignore_by_code_or_slug():
    only = Linter(select=["passive-voice", "LSN001"])
    assert set(_rules(only.lint_text(WEAK))) == {"passive-voice", "vague-lesson"}
    without = Linter(ignore=["hedging", "OWN001"])
    assert not {"hedging", "passive-voice"} & set(_rules(without.lint_text(WEAK)))


def test_unknown_rule_name_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown rule 'no-such-rule'"):
        Linter(select=["no-such-rule"])


def test_per_rule_severity_and_options_come_from_config():
    config = Config(rules={"hedging": {"severity": "error"}, "too-long": {"max_minutes": 0.05}})
    findings = Linter(config).lint_text(WEAK)
    assert {f.severity.value for f in findings if f.rule == "hedging"} == {"error"}
    assert "too-long" in _rules(findings)


def test_unknown_option_names_the_rule_and_key():
    with pytest.raises(ConfigError, match="too-long.*max_minuets"):
        Linter(Config(rules={"too-long": {"max_minuets": 2}}))
