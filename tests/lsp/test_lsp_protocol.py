"""The editor-side values: UTF-16 positions, diagnostics, suppress edits that work, hovers."""

from __future__ import annotations

import pytest

pytest.importorskip("lsprotocol", reason="the lsp extra (lsprotocol) is not installed")

from lsprotocol import types  # noqa: E402

from star_bank.lint.engine import Linter  # noqa: E402
from star_bank.lsp.documents import Linters, lint_document  # noqa: E402
from star_bank.lsp.positions import DocumentLines, utf16_units  # noqa: E402
from star_bank.lsp.protocol import (  # noqa: E402
    code_actions,
    diagnostic,
    disable_file_edit,
    hover_text,
    suppress_line_edit,
)

STORY = "---\ntitle: T\narchetypes: [3]\n---\n# T\n\n## Action\n  😀 Mistakes were made in the rollout.\n"


def _apply(text: str, edit: types.WorkspaceEdit) -> str:
    lines = DocumentLines(text)
    (change,) = next(iter(edit.changes.values()))
    assert change.range.start == change.range.end and change.range.start.character == 0
    offset = lines.starts[change.range.start.line]
    return text[:offset] + change.new_text + text[offset:]


def test_utf16_columns_count_an_emoji_twice_and_lines_break_at_crlf_cr_and_lf():
    lines = DocumentLines("a😀b\r\nc\rd\ne")
    assert utf16_units("a😀b") == 4
    assert lines.position(2) == (0, 3)  # 'b', after the emoji's two units
    assert lines.position(5) == (1, 0) and lines.position(7) == (2, 0) and lines.position(9) == (3, 0)
    assert lines.position(4) == (0, 4)  # inside the CRLF: the end of the first line
    assert lines.line_ending() == "\r\n"


def test_a_byte_order_mark_shifts_story_offsets_by_one_character():
    lines = DocumentLines("\ufeffab")
    assert lines.position(1) == (0, 2)  # story offset 1 is 'b', after the mark and 'a'


def test_diagnostic_fields_follow_the_finding():
    (finding,) = [f for f in Linter().lint_text(STORY, "s.md") if f.rule == "passive-voice"]
    diag = diagnostic(finding, DocumentLines(STORY))
    assert diag.code == "passive-voice" and diag.source == "starlint"
    assert diag.severity == types.DiagnosticSeverity.Warning
    assert diag.range.start == types.Position(line=7, character=len("  😀 Mistakes ") + 1)
    assert finding.suggestion is None or diag.message.endswith(f"Fix: {finding.suggestion}")


@pytest.mark.parametrize("which", ["line", "file"])
def test_each_suppress_edit_applied_silences_the_finding_and_keeps_the_indent(which):
    lines = DocumentLines(STORY)
    if which == "line":
        edit = suppress_line_edit("file:///s.md", lines, 7, "passive-voice")
        assert edit.changes["file:///s.md"][0].new_text.startswith("  <!-- starlint-disable-next-line passive-voice")
    else:
        edit = disable_file_edit("file:///s.md", lines, "passive-voice")
        assert edit.changes["file:///s.md"][0].range.start.line == 4  # after the front matter
    edited = _apply(STORY, edit)
    linted = lint_document(Linters(), edited, None)
    assert linted.error is None
    assert "passive-voice" not in {f.rule for f in linted.findings}


def test_code_actions_skip_other_sources_and_hover_shows_the_rule_examples():
    linted = lint_document(Linters(), STORY, None)
    (finding,) = [f for f in linted.findings if f.rule == "passive-voice"]
    lines = DocumentLines(STORY)
    ours = diagnostic(finding, lines)
    theirs = types.Diagnostic(range=ours.range, message="spelling", source="cspell", code="typo")
    titles = [a.title for a in code_actions("file:///s.md", lines, [ours, theirs])]
    assert titles[:2] == ["Suppress passive-voice on this line", "Disable passive-voice in this file"]
    assert all("typo" not in t for t in titles)
    text = hover_text(finding, linted.rules["passive-voice"])
    assert finding.message in text and "Flagged:" in text and "Not flagged:" in text
