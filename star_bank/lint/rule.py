"""A rule as written in its YAML file: what to look for and how to talk about it.

The model alone, apart from loading (star_bank/lint/rules.py) and from the
kind modules (star_bank/lint/kinds/): a kind's `check` is typed with `Rule`,
so this module must not import the kinds, only their names.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from star_bank.lint.kinds import BANK_KIND_NAMES, KIND_NAMES
from star_bank.model.findings import DIMENSIONS, Severity

Scope = Literal["situation", "task", "action", "result", "lesson", "tie_in", "other", "story", "bank"]


class Example(BaseModel):
    """An example with options of its own (to show a threshold on a short text), and
    for a bad example, optionally where its finding must be and what it must say
    (as yamllint and Vale fixtures do): `line` and `column` count from 1 in the
    example as written, `message` is the whole message."""

    model_config = ConfigDict(extra="forbid")

    text: str = ""
    stories: list[str] = Field(default_factory=list, description="for a bank rule: the bank, one story each")
    options: dict[str, Any] = Field(default_factory=dict)
    line: int | None = Field(default=None, ge=1)
    column: int | None = Field(default=None, ge=1)
    message: str | None = None

    @model_validator(mode="after")
    def _has_text(self) -> "Example":
        if not self.text.strip() and not self.stories:
            raise ValueError("an example needs `text` (a story) or `stories` (a bank)")
        return self


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
        if value not in KIND_NAMES:
            raise ValueError(f"unknown kind {value!r}; known kinds: {', '.join(sorted(KIND_NAMES))}")
        return value

    @field_validator("dimension")
    @classmethod
    def _known_dimension(cls, value: str) -> str:
        if value not in DIMENSIONS:
            raise ValueError(f"must be one of {', '.join(DIMENSIONS)}")
        return value

    @model_validator(mode="after")
    def _bank_scope_alone(self) -> "Rule":
        bank_kind = self.kind in BANK_KIND_NAMES
        if ("bank" in self.scope) != bank_kind or (bank_kind and self.scope != ["bank"]):
            raise ValueError(f"scope: kind {self.kind} needs scope {'[bank]' if bank_kind else 'of sections or story'}")
        return self

    @property
    def bank_level(self) -> bool:
        """Judged once over the whole bank, not story by story."""
        return self.scope == ["bank"]

    def names(self) -> set[str]:
        return {self.code, self.slug}
