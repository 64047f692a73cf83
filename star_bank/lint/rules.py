"""The rule pack: one YAML file per rule, validated, each run by a check kind.

A rule file says what to look for and how to talk about it (code, slug,
severity, rubric dimension, scope, message, options, examples); the kind it
names (a module in `star_bank.lint.kinds`) knows how to look. The `Rule`
model itself is in star_bank/lint/rule.py.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from star_bank.data.loader import read_yaml, validation_message
from star_bank.data.paths import data_path
from star_bank.lint.kinds.registry import kind_of
from star_bank.lint.rule import Example, Examples, Rule, Scope

__all__ = [
    "Example", "Examples", "Rule", "RuleError", "Scope",
    "default_rules_dir", "load_rule_file", "load_rules", "rules_fingerprint", "validate_options",
]

class RuleError(Exception):
    """A rule file that cannot be used (one line naming the file and the key)."""


def validate_options(rule: Rule, overrides: dict[str, Any] | None = None, where: str = "") -> Any:
    """The kind's Options model built from the rule's options and any overrides.

    Raises RuleError naming the file and the key for an unknown key or a bad value.
    """
    values = {**rule.options, **(overrides or {})}
    try:
        return kind_of(rule).Options(**values)
    except ValidationError as exc:
        raise RuleError(f"{where or rule.source}: rule {rule.slug}: option {validation_message(exc)}") from None


def default_rules_dir() -> Path:
    return data_path("rules")


def load_rule_file(path: Path) -> Rule:
    """Read and validate one rule file."""
    data = read_yaml(path, RuleError)
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a YAML mapping")
    try:
        rule = Rule(**data, source=str(path))
    except ValidationError as exc:
        raise RuleError(f"{path}: {validation_message(exc)}") from None
    validate_options(rule, where=str(path))
    return rule


def load_rules(extra_dirs: list[Path] | None = None) -> list[Rule]:
    """The shipped rule pack plus the rules in `extra_dirs`, ordered by code.

    A rule in an extra folder with the same code or slug as a shipped one is an error:
    users change shipped rules through configuration, not by shadowing them.
    """
    rules = list(_shipped_rules())
    for folder in extra_dirs or []:
        if not folder.is_dir():
            raise RuleError(f"{folder}: rules folder not found")
        for path in sorted(folder.glob("*.y*ml")):
            rules.append(load_rule_file(path))
    seen: dict[str, str] = {}
    for rule in rules:
        for name in (rule.code, rule.slug):
            if name in seen:
                raise RuleError(f"{rule.source}: {name} is already defined in {seen[name]}")
            seen[name] = rule.source
    return sorted(rules, key=lambda r: r.code)


@functools.cache
def _shipped_rules() -> tuple[Rule, ...]:
    folder = default_rules_dir()
    return tuple(load_rule_file(p) for p in sorted(folder.glob("*.y*ml")))


def rules_fingerprint(rules: list[Rule]) -> str:
    """A hash of the rule pack's content, for cache keys."""
    digest = hashlib.sha256()
    for rule in rules:
        digest.update(rule.model_dump_json().encode())
    return digest.hexdigest()
