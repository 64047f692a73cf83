"""The fingerprint a linter gives the cache: it changes with everything that decides
the findings (rules, their settings, level, role, code) and with nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter
from star_bank.lint.fingerprint import engine_fingerprint, settings_fingerprint

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def linter():
    return Linter()


def test_config_changes_change_the_fingerprint(linter):
    base = linter.fingerprint()
    assert Linter().fingerprint() == base
    assert Linter(select=["hedging"]).fingerprint() != base
    assert Linter(ignore=["hedging"]).fingerprint() != base
    assert Linter(level="staff").fingerprint() != base
    assert Linter(role="lead").fingerprint() != base
    severity = Config(rules={"hedging": {"severity": "error"}})
    assert Linter(severity).fingerprint() != base
    option = Config(rules={"too-long": {"max_minutes": 2.0}})
    assert Linter(option).fingerprint() != base
    # fail_on decides the exit status, not the findings: the cache stays valid
    assert Linter(Config(fail_on="error")).fingerprint() == base


def test_rule_change_changes_the_fingerprint(tmp_path):
    rules = tmp_path / "lint-rules"
    rules.mkdir()
    source = (ROOT / "rules" / "hedging.yaml").read_text(encoding="utf-8")
    rule = source.replace("code: DLV002", "code: XTR002").replace("slug: hedging", "slug: my-hedging")
    (rules / "my-hedging.yaml").write_text(rule, encoding="utf-8")
    config = Config(rule_dirs=[str(rules)], path=tmp_path / ".starlint.toml")
    before = Linter(config).fingerprint()
    (rules / "my-hedging.yaml").write_text(rule.replace("severity: suggestion", "severity: warning"), encoding="utf-8")
    assert Linter(config).fingerprint() != before


def test_settings_fingerprint_is_stable_and_sees_every_value():
    settings = {"level": "senior", "rules": ["a", "b"]}
    assert settings_fingerprint(settings) == settings_fingerprint(dict(reversed(settings.items())))
    assert settings_fingerprint({**settings, "level": "staff"}) != settings_fingerprint(settings)


def test_editing_a_package_file_changes_the_engine_fingerprint(tmp_path, monkeypatch):
    import star_bank.lint.fingerprint as fingerprint

    package = tmp_path / "star_bank"
    (package / "lint").mkdir(parents=True)
    kind = package / "lint" / "kind.py"
    kind.write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "_PACKAGE", package)
    engine_fingerprint.cache_clear()
    try:
        before = engine_fingerprint()
        kind.write_text("X = 22\n", encoding="utf-8")
        engine_fingerprint.cache_clear()
        assert engine_fingerprint() != before
    finally:
        engine_fingerprint.cache_clear()
