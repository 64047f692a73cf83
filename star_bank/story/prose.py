"""The prose of a Markdown range, cleaned of markup, with a map back to the file.

Rules and the NLP pipeline read clean sentences ("I rolled back the deploy"),
but a finding must point at the original file. `Prose.origin[i]` is the offset
in the story text of `Prose.text[i]`, so any range of the clean text maps back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from star_bank.story.positions import LineIndex

# Container and list markers at the start of a line: "> ", "- ", "1. ", "- [x] ", "## ".
_BLOCK_PREFIX = re.compile(
    r"^[ \t]{0,3}(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|#{1,6}(?:[ \t]+|$))?"
)
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
# Inline markup whose characters are not words: images, link targets, tags, emphasis, code ticks.
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(\[)[^\]\n]*(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_EMPHASIS = re.compile(r"\*+|~~|`+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|a\.m|p\.m|approx|Mr|Mrs|Ms|Dr|Inc|Ltd|No|U\.S)|\b[A-Z])\.$"
)
# A blank line: where one paragraph ends and the next begins.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"[0-9A-Za-z\u00C0-\uFFFF][0-9A-Za-z\u00C0-\uFFFF'’.,%$-]*")


@dataclass
class Prose:
    """Clean prose text and, for each of its characters, the offset it came from."""

    text: str = ""
    origin: list[int] = field(default_factory=list)

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the story text of the clean range text[start:end]."""
        if not self.origin:
            return 0, 0
        start = max(0, min(start, len(self.origin) - 1))
        end = max(start + 1, min(end, len(self.origin)))
        return self.origin[start], self.origin[end - 1] + 1

    def sentences(self) -> list[tuple[int, int]]:
        """Clean-text ranges of the sentences, split on end punctuation and paragraph breaks."""
        ranges: list[tuple[int, int]] = []
        for paragraph in re.finditer(r"[^\n]+", self.text):
            start = paragraph.start()
            for boundary in _SENTENCE_END.finditer(self.text, paragraph.start(), paragraph.end()):
                if _ABBREVIATIONS.search(self.text, start, boundary.start()):
                    continue
                ranges.append((start, boundary.start()))
                start = boundary.end()
            ranges.append((start, paragraph.end()))
        return [_strip(self.text, a, b) for a, b in ranges if self.text[a:b].strip()]


_LIST_MARKER = re.compile(r"[ \t>]*(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")


def starts_list_item(text: str, offset: int) -> bool:
    """Whether `offset` in the story text is the first character of a Markdown list item's text."""
    line_start = text.rfind("\n", 0, offset) + 1
    return _LIST_MARKER.fullmatch(text, line_start, offset) is not None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _inline_drops(line: str) -> set[int]:
    """Indices of a line's characters that are markup, not words."""
    drops: set[int] = set()
    for match in _IMAGE.finditer(line):
        drops.update(range(match.start(), match.end()))
    for match in _LINK.finditer(line):
        drops.update(range(match.start(1), match.end(1)))
        drops.update(range(match.start(2), match.end(2)))
    for pattern in (_TAG, _EMPHASIS, _ESCAPE):
        for match in pattern.finditer(line):
            drops.update(range(match.start(), match.end()))
    return drops


def extract_prose(index: LineIndex, start: int, end: int, hidden: bytearray) -> Prose:
    """The prose of text[start:end]: lines joined by spaces, paragraphs by a newline.

    `hidden[i]` is 1 for characters that are never prose (front matter, code,
    HTML blocks and comments).
    """
    text = index.text
    chars: list[str] = []
    origin: list[int] = []
    pending_break: int | None = None  # offset of the break before the next kept line
    paragraph_open = False
    in_list = False  # whether the last kept line belongs to a list item
    first = index.line_of(start)
    last = index.line_of(max(start, end - 1)) if end > start else first
    for line_no in range(first, last + 1):
        line_start, line_end = index.starts[line_no], index.ends[line_no]
        seg_start, seg_end = max(line_start, start), min(line_end, end)
        if seg_start >= seg_end:
            segment = ""
        else:
            segment = text[seg_start:seg_end]
        visible = [i for i in range(len(segment)) if not hidden[seg_start + i]]
        if not segment.strip() or not any(not segment[i].isspace() for i in visible):
            if all(hidden[line_start:line_end]) and line_end > line_start:
                # A hidden block ends a paragraph just as a blank line does.
                paragraph_open = False
            elif not segment.strip():
                paragraph_open = False
            continue
        skip = 0
        is_heading = seg_start == line_start and re.match(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)", segment)
        if is_heading:
            paragraph_open = False
        # A list starts a block of its own, even right under a lead-in line. (The line is read
        # whole: a part of the story may start inside a list item, after its label.)
        item = _LIST_MARKER.match(text, line_start, line_end) is not None
        if item and not in_list and seg_start == line_start:
            paragraph_open = False
        in_list = item or (in_list and paragraph_open)
        if seg_start == line_start:
            prefix = _BLOCK_PREFIX.match(segment)
            skip = prefix.end() if prefix else 0
            if re.fullmatch(r"[ \t]*(?:[-*_][ \t]*){3,}|[ \t]*=+[ \t]*", segment):
                paragraph_open = False  # thematic break or setext underline
                continue
        body = segment[skip:]
        closing = _CLOSING_HASHES.search(body) if skip and segment.lstrip().startswith("#") else None
        if closing:
            body = body[: closing.start()]
        drops = _inline_drops(body)
        kept = [
            (ch, seg_start + skip + i)
            for i, ch in enumerate(body)
            if i not in drops and not hidden[seg_start + skip + i]
        ]
        while kept and kept[0][0].isspace():
            kept.pop(0)
        while kept and kept[-1][0].isspace():
            kept.pop()
        if not kept:
            continue
        if chars:
            joiner = " " if paragraph_open else "\n"
            chars.append(joiner)
            origin.append(pending_break if pending_break is not None else kept[0][1])
        for ch, offset in kept:
            chars.append(" " if ch == "\t" else ch)
            origin.append(offset)
        pending_break = line_end
        paragraph_open = not is_heading
    return Prose("".join(chars), origin)
