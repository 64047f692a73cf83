"""The JSON contract: {"findings": [...], "errors": [...], "summary": {...}}."""

from __future__ import annotations

import json

from star_bank.model.findings import LintReport


def render(report: LintReport, rules=None) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)
