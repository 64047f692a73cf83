"""One line per finding, `path:line:col: CODE [slug] message`, then a summary."""

from __future__ import annotations

from star_bank.model.findings import LintReport, Severity


def render(report: LintReport, rules=None) -> str:
    lines = [
        f"{f.path}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}" for f in report.findings
    ]
    lines.append(summary_line(report))
    return "\n".join(lines)


def summary_line(report: LintReport) -> str:
    summary = report.summary
    if not summary.findings and not summary.errors:
        return f"All clean: {_plural(summary.files, 'file')} checked, no findings."
    counts = [
        _plural(summary.by_severity.get(s.value, 0), s.value)
        for s in (Severity.error, Severity.warning, Severity.suggestion)
        if summary.by_severity.get(s.value, 0)
    ]
    affected = len({f.path for f in report.findings})
    line = (
        f"Found {_plural(summary.findings, 'finding')}"
        + (f" ({', '.join(counts)})" if counts else "")
        + f" in {affected} of {_plural(summary.files, 'file')}"
    )
    if summary.errors:
        line += f"; {_plural(summary.errors, 'file')} could not be read"
    return line + "."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
