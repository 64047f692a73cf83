"""`starlint --list-rules`: every rule of the pack, on or off and why (star_bank.report.rule_docs)."""

from __future__ import annotations

from pathlib import Path

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter
from star_bank.report.rule_docs import render_rule_list


def _rows(linter: Linter) -> dict[str, str]:
    lines = render_rule_list(linter.rule_states()).splitlines()
    assert lines[0].split()[:4] == ["code", "rule", "severity", "state"]
    return {line.split()[1]: line for line in lines[1:]}


def test_every_rule_is_listed_with_code_severity_state_and_description():
    linter = Linter(Config.model_validate({"rules": {"passive-voice": {"severity": "error"}}}))
    rows = _rows(linter)
    assert set(rows) == {rule.slug for rule in linter.rules}
    passive = rows["passive-voice"]
    assert passive.startswith("OWN001") and " error " in passive and " on " in passive
    assert "An agentless passive" in passive  # the description, first sentence
    assert "failure stories only" in rows["blame-first"]


def test_rules_turned_off_say_why(tmp_path: Path):
    config = Config(ignore=["hedging"], path=tmp_path / "pyproject.toml")
    rows = _rows(Linter(config, ignore=["too-long"]))
    assert "off: ignored in pyproject.toml" in rows["hedging"]
    assert "off: --ignore" in rows["too-long"]
    rows = _rows(Linter(select=["passive-voice"]))
    assert "off: not in --select" in rows["hedging"] and " on " in rows["passive-voice"]
