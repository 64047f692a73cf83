"""A drill turn as the terminal shows it (star_bank.report.transcript)."""

from __future__ import annotations

from star_bank.drill.turns import Turn
from star_bank.report.transcript import MAX_WIDTH, MIN_WIDTH, render_turn, turn_width


def test_interviewer_line_is_labelled_wrapped_and_followed_by_its_probe_and_a_blank_line():
    turn = Turn(role="interviewer", text="Help me understand who made that call: " * 3, phase="failure",
                probe="ownership", kind="probe")
    lines = render_turn(turn, width=40).split("\n")
    assert lines[0].startswith("Interviewer: ") and all(len(line) <= 40 for line in lines)
    assert all(line.startswith("     ") for line in lines[1:-2])
    assert lines[-2:] == ["  [probe: ownership]", ""]


def test_answer_keeps_its_paragraphs_under_one_label():
    turn = Turn(role="candidate", text="I paused the rollout.\n\n\nThen I  told\nmy manager.", phase="failure",
                kind="answer")
    assert render_turn(turn) == "You: I paused the rollout.\n     Then I told my manager.\n"


def test_wrap_width_follows_the_terminal_within_bounds():
    assert turn_width(200) == MAX_WIDTH
    assert turn_width(61) == 60
    assert turn_width(10) == MIN_WIDTH
