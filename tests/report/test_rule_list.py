"""`starlint --list-rules`: one line per rule a run applies (star_bank.report.rule_docs)."""

from __future__ import annotations

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter
from star_bank.model.findings import Severity
from star_bank.report.rule_docs import render_rule_list


def test_each_active_rule_shows_code_slug_configured_severity_and_dimension():
    config = Config.model_validate({"rules": {"passive-voice": {"severity": "error"}}})
    linter = Linter(config, select=["passive-voice", "hedging"])
    lines = render_rule_list(linter.active).splitlines()
    assert len(lines) == 2
    passive = next(line for line in lines if " passive-voice " in line)
    code, slug, severity, dimension = passive.split()
    assert (slug, severity) == ("passive-voice", Severity.error.value)
    assert code == next(a.rule.code for a in linter.active if a.rule.slug == "passive-voice")
    assert dimension == "ownership"
