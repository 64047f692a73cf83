"""Rule files: a user's rule folder, and rule files that cannot be used named with their key."""

from __future__ import annotations

import pytest

from star_bank.lint.config import ConfigError
from star_bank.lint.engine import Linter


def test_extra_rule_directory_adds_a_user_rule(tmp_path):
    rules = tmp_path / "my-rules"
    rules.mkdir()
    (rules / "no-synergy.yaml").write_text(
        "code: USR001\nslug: no-synergy\nkind: pattern\nseverity: warning\n"
        "dimension: delivery\nscope: [action]\nmessage: \"Say what you did instead of '{match}'\"\n"
        "description: Buzzwords.\noptions: {patterns: ['\\bsynerg\\w*']}\n"
        "examples: {bad: ['I created synergy.'], good: ['I merged the queues.']}\n"
    )
    (tmp_path / ".starlint.toml").write_text('rule_dirs = ["my-rules"]\n')
    linter = Linter.from_path(tmp_path)
    findings = linter.lint_text("## Action\nI drove synergy across teams.\n")
    assert [f.code for f in findings if f.code.startswith("USR")] == ["USR001"]


def test_rule_file_with_missing_field_names_file_and_key(tmp_path):
    rules = tmp_path / "r"
    rules.mkdir()
    (rules / "broken.yaml").write_text("code: USR002\nslug: broken\nkind: pattern\n")
    (tmp_path / ".starlint.toml").write_text('rule_dirs = ["r"]\n')
    with pytest.raises(ConfigError, match=r"broken\.yaml: severity: missing"):
        Linter.from_path(tmp_path)


def test_rule_with_invalid_regex_is_rejected(tmp_path):
    rules = tmp_path / "r"
    rules.mkdir()
    (rules / "bad-regex.yaml").write_text(
        "code: USR003\nslug: bad-regex\nkind: pattern\nseverity: warning\ndimension: delivery\n"
        "scope: [action]\nmessage: m\ndescription: d\noptions: {patterns: ['(unclosed']}\n"
        "examples: {bad: [a], good: [b]}\n"
    )
    (tmp_path / ".starlint.toml").write_text('rule_dirs = ["r"]\n')
    with pytest.raises(ConfigError, match=r"bad-regex\.yaml.*patterns.*invalid regex"):
        Linter.from_path(tmp_path)
