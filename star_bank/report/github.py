"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from star_bank.model.findings import LintReport, Severity

_COMMAND = {Severity.error: "error", Severity.warning: "warning", Severity.suggestion: "notice"}


def render(report: LintReport, rules=None) -> str:
    lines = []
    for f in report.findings:
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", f.path),
                ("line", f.line),
                ("col", f.column),
                ("endLine", f.end_line),
                ("endColumn", f.end_column),
                ("title", f"{f.code} {f.rule}"),
            )
        )
        lines.append(f"::{_COMMAND[f.severity]} {properties}::{_escape_data(f.message)}")
    for error in report.errors:
        lines.append(f"::error file={_escape_property(error.path)}::{_escape_data(error.message)}")
    return "\n".join(lines)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
