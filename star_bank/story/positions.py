"""Offsets to lines and columns, counting CRLF, LF and a lone CR as one break.

Markdown parsers normalise line endings before they count lines; this index
counts the same way, so a CRLF file and its LF twin get the same positions.
"""

from __future__ import annotations

import bisect
import re

from star_bank.model.story import Span

_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps character offsets of one text to 1-based line and column."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]  # offset where each line starts
        self.ends = []  # offset where each line's content ends (before its break)
        for match in _BREAK.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """0-based line holding `offset` (an offset inside a CRLF pair counts as its line)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        return line + 1, min(offset, self.ends[line]) - self.starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        """The Span of `text[start:end]`."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column)

    def lines_span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets covering 0-based lines first..last-1, without the final break."""
        first = max(0, min(first, self.line_count - 1))
        last = max(first + 1, min(last, self.line_count))
        return self.starts[first], self.ends[last - 1]
