"""Text that is safe to print: what a story holds cannot drive the terminal or the CI log.

A story, a file name or a cache entry can hold control characters. Printed raw,
`ESC ]0;...BEL` retitles the terminal and other sequences move the cursor or
rewrite what is on screen; a file named `x\\n::error file=...` starts a line
that GitHub Actions runs as a workflow command. So every text output escapes
the C0 and C1 control characters (tab aside) as `\\xNN`, and a line that would
start with `::` has its first colon escaped.
"""

from __future__ import annotations

import re

# Inside one value (a path, a message): every C0 control but tab, DEL and the C1 controls.
_VALUE_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# In whole output: the same, but newlines separate its lines.
_OUTPUT_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The colour codes star-bank writes itself (SGR: ESC [ digits m).
_OUR_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
_COMMAND_LINE = re.compile(r"^([ \t]*):(?=:)", re.M)
_NAMED = {"\n": "\\n", "\r": "\\r"}


def escape_value(text: str) -> str:
    """One value (a path, a message, a title) with its control characters escaped:
    `\\n`, `\\r`, else `\\xNN`."""
    return _VALUE_CONTROL.sub(_escaped, text)


def safe_output(text: str, colour: bool = False) -> str:
    """Whole text output made safe for a terminal and a CI log.

    Control characters are escaped except newline, tab and, with `colour`, the
    colour codes star-bank adds itself; no line starts with `::`.
    """
    if colour:
        pieces = []
        last = 0
        for match in _OUR_COLOUR.finditer(text):
            pieces.append(_OUTPUT_CONTROL.sub(_escaped, text[last : match.start()]))
            pieces.append(match.group())
            last = match.end()
        pieces.append(_OUTPUT_CONTROL.sub(_escaped, text[last:]))
        text = "".join(pieces)
    else:
        text = _OUTPUT_CONTROL.sub(_escaped, text)
    return _COMMAND_LINE.sub(r"\1\\x3a", text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char, f"\\x{ord(char):02x}")
