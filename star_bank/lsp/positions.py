"""Offsets in a document as an editor counts them: zero-based lines split at
LF, CRLF or CR (as the Language Server Protocol says), and columns in code
units of the negotiated encoding, UTF-16 unless the client chose another.

Findings carry character offsets into the story text, which is the document
without a leading byte-order mark; `DocumentLines` takes the document as the
editor holds it and accounts for that mark.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"

Units = Callable[[str], int]


def utf16_units(text: str) -> int:
    """How many UTF-16 code units `text` takes: two for a character beyond the BMP (an emoji)."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class DocumentLines:
    """Line starts of a document, to turn story offsets into (line, column) pairs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.shift = 1 if text.startswith(_BOM) else 0
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, story_offset: int, units: Units = utf16_units) -> tuple[int, int]:
        """The (line, column) of a story offset; column in `units` from the line start."""
        offset = min(max(story_offset + self.shift, 0), len(self.text))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        prefix = self.text[start:offset].rstrip("\r\n") if offset > start else ""
        return line, units(prefix)

    def line_text(self, line: int) -> str:
        """The text of `line` without its line break ('' past the end)."""
        if not 0 <= line < len(self.starts):
            return ""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[line] : end].rstrip("\r\n")

    def line_ending(self) -> str:
        """The document's own line break (its first one), so an inserted line matches."""
        found = _LINE_BREAK.search(self.text)
        return found.group() if found else "\n"

    def first_body_line(self) -> int:
        """The first line after the front matter (0 when there is none)."""
        if self.line_text(0).lstrip(_BOM).strip() != "---":
            return 0
        for line in range(1, len(self.starts)):
            if self.line_text(line).strip() in ("---", "..."):
                return line + 1
        return 0
