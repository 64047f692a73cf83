"""Text output cannot drive a terminal or start a GitHub workflow command."""

from __future__ import annotations

from star_bank.report.terminal import escape_value, safe_output


def test_a_value_has_every_control_escaped_but_tab():
    assert escape_value("a\tb\nc\rd\x1b]0;x\x07\x9b\x7f") == "a\tb\\nc\\rd\\x1b]0;x\\x07\\x9b\\x7f"


def test_output_keeps_its_lines_and_escapes_the_rest():
    assert safe_output("one\n\x1b[2Jtwo\tthree") == "one\n\\x1b[2Jtwo\tthree"


def test_our_own_colour_survives_only_with_colour_on():
    coloured = "\x1b[1;31merror:\x1b[0m \x07"
    assert safe_output(coloured, colour=True) == "\x1b[1;31merror:\x1b[0m \\x07"
    assert safe_output(coloured) == "\\x1b[1;31merror:\\x1b[0m \\x07"


def test_no_line_starts_a_workflow_command():
    text = "ok\n::error file=x::forged\n  ::warning::indented\na :: b"
    assert safe_output(text) == "ok\n\\x3a:error file=x::forged\n  \\x3a:warning::indented\na :: b"
