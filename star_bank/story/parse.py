"""Markdown story files -> `Story` values with exact spans.

The block structure (headings, paragraphs, code, HTML) comes from markdown-it-py;
positions come from our own line index over the original text, so CRLF, a BOM,
tabs and non-ASCII text keep exact line and column numbers.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from star_bank.model.story import STAR_KINDS, Section, SectionKind, Sentence, Story
from star_bank.story.errors import StoryParseError
from star_bank.story.front_matter import read_front_matter
from star_bank.story.infer import infer_parts
from star_bank.story.labels import COMMENT, classify_label, clean_label, line_labels, uses_letter_labels
from star_bank.story.positions import LineIndex
from star_bank.story.prose import PARAGRAPH_BREAK, Prose, count_words, extract_prose
# Re-exported from here as before; they live apart so that a cached run need not import this module.
from star_bank.story.reading import MAX_STORY_BYTES, decode_story, read_story_bytes
from star_bank.story.transcript import hide_other_voices

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Re-exported: callers read stories and classify labels through this module.
__all__ = ["MAX_STORY_BYTES", "StoryParseError", "classify_label", "decode_story", "parse_story", "read_story", "read_story_bytes"]


@dataclass
class _Start:
    """Where a section's label starts, where its body starts, and what it is."""

    label_start: int
    body_start: int
    kind: SectionKind
    label: str
    level: int | None  # heading level; None for a bold or plain label
    # A plain "Result: ..." prefix inside a paragraph: prose can read like that too.
    weak: bool = False


def read_story(path: str | os.PathLike[str]) -> Story:
    """Read and parse one story file. Raises StoryParseError with a one-line reason."""
    return parse_story(decode_story(read_story_bytes(path), str(path)), str(path))


def parse_story(text: str, path: str = "<story>") -> Story:
    """Parse the text of one story. Raises StoryParseError for broken front matter."""
    if text.startswith("\ufeff"):
        text = text[1:]
    index = LineIndex(text)
    hidden = bytearray(len(text))
    front_matter, body_line = read_front_matter(text, index, path)
    if body_line:
        end = index.starts[body_line] if body_line < index.line_count else len(text)
        hidden[0:end] = b"\x01" * end
    for match in COMMENT.finditer(text):
        hidden[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    # An interview, panel or chat: only the storyteller's turns are the story.
    hide_other_voices(text, hidden, index.starts[body_line] if body_line < index.line_count else len(text))

    # markdown-it counts lines as we do; blank the front matter so it is not read as Markdown.
    lines = re.split(r"\r\n|\r|\n", text)
    markdown = "\n".join([""] * body_line + lines[body_line:])
    tokens = _markdown().parse(markdown)
    letters = uses_letter_labels(markdown)

    starts: list[_Start] = []
    title: str | None = None
    title_span = None
    for i, token in enumerate(tokens):
        if token.map is None:
            continue
        first, last = token.map
        if token.type == "html_block" and _TEXT_HTML.match(token.content):
            # A story written as an HTML list ("<li><b>Situation:</b> ..."): its text is prose.
            _add_line_labels(starts, text, index, hidden, range(first, last), letters, indented=True)
        elif token.type in ("fence", "code_block", "html_block", "hr"):
            a, b = index.lines_span(first, last)
            hidden[a:b] = b"\x01" * (b - a)
        elif token.type == "heading_open":
            inline = tokens[i + 1].content if i + 1 < len(tokens) else ""
            level = int(token.tag[1:])
            a, b = index.lines_span(first, last)
            if _starts_hidden(text, hidden, a, b):
                continue  # a heading inside an HTML comment is commented out
            # The first heading of a story, before any part, is its title unless it names a
            # part outright: "My role in the launch" there is what the story is about.
            title_position = title is None and not starts and not _sibling_follows(tokens, i, level)
            kind = classify_label(inline, by_meaning=not title_position)
            if kind is not None:
                starts.append(_Start(a, b, kind, clean_label(inline), level))
            elif title is None and not starts:
                title = clean_label(inline)
                title_span = index.span(*_trimmed(text, a, b))
            else:
                starts.append(_Start(a, b, SectionKind.other, clean_label(inline), level))
        elif token.type == "paragraph_open":
            # A label may open any line of a paragraph ("Situation: ...\nTask: ..." with
            # no blank line between); letters ("(S) ... (T) ...") may also stand inside one.
            _add_line_labels(starts, text, index, hidden, range(first, last), letters)

    starts = _drop_nested_others(_drop_repeated_weak_labels(_drop_lone_weak_labels(starts)))
    sections = [
        _section(index, hidden, start, starts[n + 1].label_start if n + 1 < len(starts) else len(text))
        for n, start in enumerate(starts)
    ]
    body_prose = None
    body_start = index.starts[body_line] if body_line < index.line_count else len(text)
    if title_span is not None:
        body_start = max(body_start, title_span.end)
    if sections and not {s.kind for s in sections} & set(STAR_KINDS):
        # Only a closing label ("Key Takeaway"): the story before it is unlabelled prose.
        before = extract_prose(index, body_start, starts[0].label_start, hidden)
        sections = _inferred_sections(index, hidden, before) + sections
    stars = [n for n, section in enumerate(sections) if section.kind in STAR_KINDS]
    if len(stars) == 1 and stars[0] == len(sections) - 1 and sections[-1].kind is SectionKind.situation:
        sections[-1:] = _situation_then_prose(index, hidden, starts[-1], sections[-1])
    opening = None
    if sections and not sections[0].inferred and starts[0].label_start > body_start:
        opening = extract_prose(index, body_start, starts[0].label_start, hidden)
        opening = opening if opening.text.strip() else None
    if sections:
        words = sum(s.words for s in sections)
    else:
        # No STAR labels: the body after the title is one stretch of prose.
        body_prose = extract_prose(index, body_start, len(text), hidden)
        words = count_words(body_prose.text)
        sections = _inferred_sections(index, hidden, body_prose)
        if sections:
            body_prose = None
    title = front_matter.title or title or Path(path).stem
    story = Story(
        path=path,
        text=text,
        front_matter=front_matter,
        title=title,
        title_span=title_span,
        sections=sections,
        words=words,
    )
    story._body_prose = body_prose
    story._opening_prose = opening
    story._body_start = index.starts[body_line] if body_line < index.line_count else len(text)
    story._readable_body = _unhidden(text, hidden, story._body_start)
    return story


_HIDDEN_RUN = re.compile(rb"\x01+")


def _unhidden(text: str, hidden: bytearray, start: int) -> str:
    """text[start:] with every hidden run (comments, code, HTML blocks) replaced by a space."""
    parts, at = [], start
    for run in _HIDDEN_RUN.finditer(hidden, start):
        parts.append(text[at : run.start()])
        parts.append(" ")
        at = run.end()
    parts.append(text[at:])
    return "".join(parts)


@functools.cache
def _markdown() -> "MarkdownIt":
    # Imported here: a fully cached lint run reads no Markdown and skips the import.
    from markdown_it import MarkdownIt

    # maxNesting bounds recursion on hostile input (thousands of nested quotes or lists).
    return MarkdownIt("commonmark", {"maxNesting": 50})


# HTML that holds a story's text (lists, paragraphs, bold labels), not code or a table.
_TEXT_HTML = re.compile(r"\s*<(?:ul|ol|li|p|div|b|strong|br|span|section|blockquote)\b", re.I)


_HTML_LIST_MARKER = re.compile(r"[ \t]*[-*•][ \t]+")


def _add_line_labels(
    starts: list[_Start], text: str, index: LineIndex, hidden: bytearray, lines: range, letters: bool,
    indented: bool = False,
) -> None:
    """The labels that open lines of one block (or stand inside them, for letters)."""
    for line_no in lines:
        line_start = index.starts[line_no]
        line = text[line_start : index.ends[line_no]]
        indent = len(line) - len(line.lstrip()) if indented else 0
        marker = _HTML_LIST_MARKER.match(line) if indented else None
        if marker:  # "- item" inside HTML is not Markdown: drop the marker from the prose
            hidden[line_start : line_start + marker.end()] = b"\x01" * marker.end()
        for label in line_labels(line[indent:], letters):
            at = line_start + indent + label.start
            if not hidden[at]:
                # A bullet label in the writer's own words counts only beside other labels.
                # So does a bold heading of the writer's own ("**Timeline**").
                weak = (label.prefix and (line_no != lines.start or label.guessed)) or label.kind is SectionKind.other
                starts.append(_Start(at, line_start + indent + label.end, label.kind, label.text, None, weak))


def _inferred_sections(index: LineIndex, hidden: bytearray, prose: Prose) -> list[Section]:
    """The parts of an unlabelled story, read from its sentences (star_bank.story.infer)."""
    ranges = prose.sentences()
    parts = infer_parts([prose.text[a:b] for a, b in ranges])
    if parts is None:
        return []
    starts = [
        _Start(prose.source_range(a, b)[0], prose.source_range(a, b)[0], kind, kind.value.capitalize(), None)
        for n, ((a, b), kind) in enumerate(zip(ranges, parts))
        if n == 0 or parts[n - 1] is not kind
    ]
    end = prose.source_range(len(prose.text) - 1, len(prose.text))[1]
    sections = []
    for n, start in enumerate(starts):
        section = _section(index, hidden, start, starts[n + 1].label_start if n + 1 < len(starts) else end)
        # No label: the heading is an empty span where the part starts (findings about
        # the part point at its first line; see AnalysedStory.heading_hit).
        section.heading = index.span(section.body.start, section.body.start)
        section.inferred = True
        sections.append(section)
    return sections


def _situation_then_prose(index: LineIndex, hidden: bytearray, start: _Start, section: Section) -> list[Section]:
    """A story labelled only "Situation:" that runs on for paragraphs tells the rest as prose
    under it: the label covers what reads as scene-setting, and the parts that follow are read
    from their sentences, as in an unlabelled story."""
    if PARAGRAPH_BREAK.search(index.text, section.body.start, section.body.end) is None:
        return [section]
    parts = _inferred_sections(index, hidden, section.prose)
    rest = [part for part in parts if part.kind is not SectionKind.situation]
    if not rest:
        return [section]
    return [_section(index, hidden, start, rest[0].span.start), *rest]


def _sibling_follows(tokens: list, at: int, level: int) -> bool:
    """Whether the next heading after tokens[at] has the same level: then the first heading
    is one of the parts ("## Setting the scene" over "## What I owned"), not a title."""
    for token in tokens[at + 1 :]:
        if token.type == "heading_open":
            return int(token.tag[1:]) == level
    return False


def _drop_lone_weak_labels(starts: list[_Start]) -> list[_Start]:
    """A "Result: ..." line inside a paragraph is a label only in a story that labels
    at least two STAR parts; alone, it is a sentence ("The result: it held")."""
    kinds = {s.kind for s in starts if s.kind in STAR_KINDS}
    if len(kinds) >= 2:
        return starts
    return [s for s in starts if not s.weak]


def _drop_repeated_weak_labels(starts: list[_Start]) -> list[_Start]:
    """'did:' over '- fix: per-request controller ...': a label of the writer's own words naming
    the part already open is a line inside it, not a second part."""
    kept: list[_Start] = []
    for start in starts:
        if start.weak and kept and start.kind is kept[-1].kind and start.kind in STAR_KINDS:
            continue
        kept.append(start)
    return kept


def _drop_nested_others(starts: list[_Start]) -> list[_Start]:
    """An unrecognised heading deeper than the current section's heading stays inside it."""
    kept: list[_Start] = []
    for start in starts:
        if start.kind is SectionKind.other and kept:
            owner = kept[-1]
            sibling = owner.level is None and start.level is None  # bold line after a bold label
            if not sibling and (owner.level is None or (start.level is not None and start.level > owner.level)):
                continue
        kept.append(start)
    return kept


def _section(index: LineIndex, hidden: bytearray, start: _Start, end: int) -> Section:
    text = index.text
    body_start = min(start.body_start, end)
    body_end = max(body_start, end)
    # The body ends at the last non-space character before the next section.
    while body_end > body_start and text[body_end - 1].isspace():
        body_end -= 1
    while body_start < body_end and text[body_start].isspace():
        body_start += 1
    prose: Prose = extract_prose(index, body_start, body_end, hidden)
    sentences = [
        Sentence(text=prose.text[a:b], span=index.span(*prose.source_range(a, b)))
        for a, b in prose.sentences()
    ]
    label_start, label_end = _trimmed(text, start.label_start, start.body_start)
    section = Section(
        kind=start.kind,
        label=start.label,
        heading=index.span(label_start, label_end),
        body=index.span(body_start, body_end),
        span=index.span(label_start, max(body_end, label_end)),
        text=text[body_start:body_end],
        sentences=sentences,
        words=count_words(prose.text),
    )
    section._prose = prose
    return section


def _starts_hidden(text: str, hidden: bytearray, start: int, end: int) -> bool:
    """Whether the first non-blank character of text[start:end] is not prose (say, in a comment)."""
    while start < end and text[start] in " \t":
        start += 1
    return start < end and bool(hidden[start])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
