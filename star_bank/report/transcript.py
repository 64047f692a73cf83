"""`starbank drill`: one turn of the practice interview as the terminal shows it."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from star_bank.drill.turns import Turn

# The widest a turn is wrapped, whatever the terminal; the narrowest is MIN_WIDTH.
MAX_WIDTH = 88
MIN_WIDTH = 40


def turn_width(terminal_columns: int) -> int:
    """The wrap width for a terminal this wide: one column spare, within MIN_WIDTH..MAX_WIDTH."""
    return max(MIN_WIDTH, min(MAX_WIDTH, terminal_columns - 1))


def render_turn(turn: Turn, width: int = MAX_WIDTH) -> str:
    """The interviewer's line (and the dimension it probes) or the answer, wrapped, then a blank line.

    An answer keeps its paragraphs, each wrapped under the `You:` label.
    """
    if turn.role == "interviewer":
        lines = [_wrap("Interviewer: ", turn.text, width)]
        if turn.probe:
            lines.append(f"  [probe: {turn.probe}]")
    else:
        paragraphs = [p for p in re.split(r"\n\s*\n", turn.text) if p.strip()]
        lines = [
            "\n".join(
                _wrap("You: " if n == 0 else "     ", " ".join(p.split()), width) for n, p in enumerate(paragraphs)
            )
        ]
    return "\n".join([*lines, ""])


def _wrap(label: str, text: str, width: int) -> str:
    return textwrap.fill(
        text, width=width, initial_indent=label, subsequent_indent=" " * min(len(label), 5),
        break_long_words=False, break_on_hyphens=False,
    )
