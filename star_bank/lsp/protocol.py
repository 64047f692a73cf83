"""Findings as the editor sees them: diagnostics, hovers and code actions.

A diagnostic's `code` is the rule's slug, its `codeDescription` the rule's
section of docs/rules.md, its `source` "starlint", its severity mapped
(error -> Error, warning -> Warning, suggestion -> Information), and its
message ends with the fix. The suppress actions insert the project's own
comments (star_bank/lint/suppress.py), in the document's own line ending.
"""

from __future__ import annotations

from lsprotocol import types

from star_bank.data.paths import data_path
from star_bank.lint.rule import Rule
from star_bank.lsp.positions import DocumentLines, Units, utf16_units
from star_bank.model.findings import Finding, Severity

SOURCE = "starlint"
SHOW_RULE_DOCS = "starlint.showRuleDocumentation"
SUPPRESS_REASON = "reason"

SEVERITIES = {
    Severity.error: types.DiagnosticSeverity.Error,
    Severity.warning: types.DiagnosticSeverity.Warning,
    Severity.suggestion: types.DiagnosticSeverity.Information,
}


def rule_docs_url(slug: str) -> str | None:
    """The rule's section of docs/rules.md in a source checkout (None when not shipped)."""
    docs = data_path("rules").parent / "docs" / "rules.md"
    return f"{docs.resolve().as_uri()}#{slug}" if docs.is_file() else None


def finding_range(finding: Finding, lines: DocumentLines, units: Units = utf16_units) -> types.Range:
    start = lines.position(finding.offset, units)
    end = lines.position(max(finding.end_offset, finding.offset), units)
    return types.Range(start=types.Position(*start), end=types.Position(*end))


def diagnostic(finding: Finding, lines: DocumentLines, units: Units = utf16_units) -> types.Diagnostic:
    """One finding as an LSP diagnostic."""
    url = rule_docs_url(finding.rule)
    message = finding.message + (f"\nFix: {finding.suggestion}" if finding.suggestion else "")
    return types.Diagnostic(
        range=finding_range(finding, lines, units),
        message=message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=url) if url else None,
        source=SOURCE,
        data={"code": finding.code},
    )


def hover_text(finding: Finding, rule: Rule | None) -> str:
    """Markdown for a hover: the rule's message, the fix, and one flagged and one clean example."""
    parts = [f"**{finding.code} [{finding.rule}]** {finding.message}"]
    if finding.suggestion:
        parts.append(f"Fix: {finding.suggestion}")
    if rule is not None:
        for label, examples in (("Flagged", rule.examples.bad), ("Not flagged", rule.examples.good)):
            if examples:
                example = examples[0] if isinstance(examples[0], str) else examples[0].text
                parts.append(f"{label}:\n```markdown\n{example.rstrip()}\n```")
    return "\n\n".join(parts)


def _insert_line(uri: str, line: int, text: str) -> types.WorkspaceEdit:
    position = types.Position(line=line, character=0)
    edit = types.TextEdit(range=types.Range(start=position, end=position), new_text=text)
    return types.WorkspaceEdit(changes={uri: [edit]})


def suppress_line_edit(uri: str, lines: DocumentLines, line: int, slug: str) -> types.WorkspaceEdit:
    """Insert `<!-- starlint-disable-next-line SLUG -- reason -->` above `line`, indented like it."""
    current = lines.line_text(line)
    indent = current[: len(current) - len(current.lstrip(" \t"))]
    comment = f"{indent}<!-- starlint-disable-next-line {slug} -- {SUPPRESS_REASON} -->{lines.line_ending()}"
    return _insert_line(uri, line, comment)


def disable_file_edit(uri: str, lines: DocumentLines, slug: str) -> types.WorkspaceEdit:
    """Insert `<!-- starlint-disable-file SLUG -- reason -->` at the top of the body (after front matter)."""
    comment = f"<!-- starlint-disable-file {slug} -- {SUPPRESS_REASON} -->{lines.line_ending()}"
    return _insert_line(uri, lines.first_body_line(), comment)


def code_actions(uri: str, lines: DocumentLines, diagnostics: list[types.Diagnostic]) -> list[types.CodeAction]:
    """For each starlint diagnostic: suppress on this line, disable in this file, show the rule's docs."""
    actions: list[types.CodeAction] = []
    for diag in diagnostics:
        if diag.source != SOURCE or not isinstance(diag.code, str):
            continue
        slug = diag.code
        actions.append(
            types.CodeAction(
                title=f"Suppress {slug} on this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                edit=suppress_line_edit(uri, lines, diag.range.start.line, slug),
            )
        )
        actions.append(
            types.CodeAction(
                title=f"Disable {slug} in this file",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                edit=disable_file_edit(uri, lines, slug),
            )
        )
        url = rule_docs_url(slug)
        if url:
            actions.append(
                types.CodeAction(
                    title=f"Show documentation for {slug}",
                    kind=types.CodeActionKind.Empty,
                    diagnostics=[diag],
                    command=types.Command(title=f"Show documentation for {slug}", command=SHOW_RULE_DOCS, arguments=[url]),
                )
            )
    return actions


def contains(range_: types.Range, position: types.Position) -> bool:
    """True when `position` falls inside `range_` (its end included, so a hover at the last character counts)."""
    start, end = range_.start, range_.end
    after_start = (position.line, position.character) >= (start.line, start.character)
    before_end = (position.line, position.character) <= (end.line, end.character)
    return after_start and before_end
