"""The terminal report: one line per finding, its fix on the next, then a summary.

    stories/launch.md:14:10: OWN001 [passive-voice] warning: 'were made' is passive with no actor: say who did it
      help: Name who did it: 'I made two mistakes' ...
    Found 3 findings (1 error, 2 warnings) in 1 of 2 files.

The severity is on every line, so a reader can tell what blocks a commit
(`fail_on`) from what is advice. Colour is for terminals only: the CLI decides
(a terminal, and no NO_COLOR), this module only applies it.
"""

from __future__ import annotations

from star_bank.model.findings import Finding, LintReport, Severity
from star_bank.report.terminal import escape_value

# ANSI styles: bold red errors, yellow warnings, cyan suggestions, dim positions.
_STYLE = {Severity.error: "1;31", Severity.warning: "33", Severity.suggestion: "36"}
_DIM, _BOLD = "2", "1"


def render(report: LintReport, rules=None, *, color: bool = False, quiet: bool = False) -> str:
    """The findings and the summary; with `quiet`, the summary alone."""
    lines: list[str] = []
    if not quiet:
        for finding in report.findings:
            lines.extend(finding_lines(finding, color))
    lines.append(summary_line(report))
    return "\n".join(lines)


def finding_lines(finding: Finding, color: bool = False) -> list[str]:
    """`path:line:col: CODE [slug] severity: message`, then `  help: <fix>` when the rule has one."""

    def paint(style: str, text: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if color else text

    # Each value escaped on its own: a message quoting a story cannot add colour codes
    # that pass for ours, nor a newline that starts a line of its own.
    where = paint(_BOLD, f"{escape_value(finding.path)}:{finding.line}:{finding.column}:")
    severity = paint(_STYLE[finding.severity], f"{finding.severity.value}:")
    code, rule, message = (escape_value(v) for v in (finding.code, finding.rule, finding.message))
    lines = [f"{where} {code} [{rule}] {severity} {message}"]
    if finding.suggestion:
        lines.append(f"  {paint(_DIM, 'help:')} {escape_value(finding.suggestion)}")
    return lines


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
