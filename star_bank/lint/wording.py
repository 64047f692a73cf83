"""Filling message templates and quoting story text: shared by lint findings, rubric advice and the drill.

Templates come from data files (a rule's `message`, a rubric's advice, the
drill's lines), so a template may name a value its caller does not have. With
`FormatValues` such a placeholder stays as written (`{limit}`), or is left
empty with `blank=True`, instead of raising KeyError in the middle of a run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any


class FormatValues(dict):
    """Values for `str.format_map`; a placeholder with no value stays as written, or empty with `blank=True`."""

    def __init__(self, values: Mapping[str, Any] | None = None, /, *, blank: bool = False, **more: Any) -> None:
        super().__init__(values or {}, **more)
        self.blank = blank

    def __missing__(self, key: str) -> str:
        return "" if self.blank else "{" + key + "}"


def option_values(options: Any) -> dict[str, str]:
    """A rule's options that carry a unit (`Field(..., json_schema_extra={"unit": "minute"})`),
    as a message shows them: max_minutes=1.0 -> '1 minute', 2.5 -> '2.5 minutes'."""
    values = {}
    for name, field in type(options).model_fields.items():
        extra = field.json_schema_extra
        unit = extra.get("unit") if isinstance(extra, dict) else None
        if isinstance(unit, str):
            values[name] = with_unit(getattr(options, name), unit)
    return values


def with_unit(value: Any, unit: str) -> str:
    """'1 minute', '2.5 minutes', '0 minutes': the unit in the plural unless the number is one."""
    number = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{number} {unit}{'' if number == '1' else 's'}"


def quote(text: str, limit: int, around: str = "") -> str:
    """`text` on one line in at most about `limit` characters, cut at a word (marked `…`).

    When `around` (the matched words) would fall past the cut, the quote is a
    window that keeps them in view, so the reader sees what was flagged.
    """
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    around = re.sub(r"[*_`]+", "", re.sub(r"\s+", " ", around)).strip()
    at = text.find(around) if around else -1
    if at <= 0 or len(around) > limit // 2 or at + len(around) <= limit - 1:
        cut = text[: limit - 1].rsplit(" ", 1)[0]
        return cut.rstrip(",;:") + "…"
    start = max(0, min(at - limit // 3, len(text) - limit + 2))
    start = text.find(" ", start) + 1 if start > 0 else 0
    window = text[start : start + limit - 2]
    if start + limit - 2 < len(text):
        window = window.rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return "…" + window


def rule_wording(rule: Any, options: Any, values: dict[str, Any]) -> tuple[str, str | None]:
    """A rule's message and suggestion filled in from its options and a hit's values
    (a hit's value wins over an option of the same name)."""
    filled = FormatValues({**option_values(options), **values})
    suggestion = rule.suggestion.format_map(filled) if rule.suggestion else None
    return rule.message.format_map(filled), suggestion
