"""The JSON contract: {"findings": [...], "errors": [...], "summary": {...}}.

`dumps` is the one JSON layout every command prints (two-space indent, text
kept as UTF-8), so all JSON output reads alike.
"""

from __future__ import annotations

import json
from typing import Any

from star_bank.model.findings import LintReport


def dumps(value: Any) -> str:
    """`value` (plain JSON data) as the commands print it."""
    return json.dumps(value, indent=2, ensure_ascii=False)


def render(report: LintReport, rules=None) -> str:
    return dumps(report.model_dump(mode="json"))
