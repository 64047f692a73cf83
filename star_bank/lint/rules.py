"""The rule pack: one YAML file per rule, validated, each run by a check kind.

A rule file says what to look for and how to talk about it (code, slug,
severity, rubric dimension, scope, message, options, examples); the kind it
names (a module in `star_bank.lint.kinds`) knows how to look.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from star_bank.data.loader import read_yaml, validation_message
from star_bank.model.findings import DIMENSIONS, Severity
from star_bank.lint.kinds import KINDS
from star_bank.data.paths import data_path

Scope = Literal["situation", "task", "action", "result", "lesson", "tie_in", "other", "story"]


# libyaml when installed: every run loads the whole rule pack, cached or not.


class RuleError(Exception):
    """A rule file that cannot be used (one line naming the file and the key)."""


class Example(BaseModel):
    """An example with options of its own (to show a threshold on a short text)."""

    model_config = ConfigDict(extra="forbid")

    text: str
    options: dict[str, Any] = Field(default_factory=dict)


class Examples(BaseModel):
    """Texts the rule must flag (`bad`) and must not flag (`good`); the test suite runs them."""

    model_config = ConfigDict(extra="forbid")

    bad: list[str | Example] = Field(min_length=1)
    good: list[str | Example] = Field(min_length=1)


class Rule(BaseModel):
    """One rule, as written in its YAML file."""

    model_config = ConfigDict(extra="forbid")

    code: str
    slug: str
    kind: str
    severity: Severity
    dimension: str
    scope: list[Scope] = Field(min_length=1)
    applies_to: Literal["any", "failure", "learning"] = "any"
    message: str
    suggestion: str | None = None
    description: str
    options: dict[str, Any] = Field(default_factory=dict)
    examples: Examples
    source: str = Field(default="", exclude=True)  # the file it came from

    @field_validator("code")
    @classmethod
    def _code_shape(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]{2,5}\d{3}", value):
            raise ValueError("must be 2-5 capital letters and 3 digits, like OWN001")
        return value

    @field_validator("slug")
    @classmethod
    def _slug_shape(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", value):
            raise ValueError("must be lowercase words joined by hyphens, like passive-voice")
        return value

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"unknown kind {value!r}; known kinds: {', '.join(sorted(KINDS))}")
        return value

    @field_validator("dimension")
    @classmethod
    def _known_dimension(cls, value: str) -> str:
        if value not in DIMENSIONS:
            raise ValueError(f"must be one of {', '.join(DIMENSIONS)}")
        return value

    @property
    def kind_module(self) -> Any:
        return KINDS[self.kind]

    def names(self) -> set[str]:
        return {self.code, self.slug}


def validate_options(rule: Rule, overrides: dict[str, Any] | None = None, where: str = "") -> Any:
    """The kind's Options model built from the rule's options and any overrides.

    Raises RuleError naming the file and the key for an unknown key or a bad value.
    """
    values = {**rule.options, **(overrides or {})}
    try:
        return rule.kind_module.Options(**values)
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
