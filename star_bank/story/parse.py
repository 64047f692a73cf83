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

import yaml
from pydantic import ValidationError

from star_bank.model.story import FrontMatter, Section, SectionKind, Sentence, Story
from star_bank.story.positions import LineIndex
from star_bank.story.prose import Prose, count_words, extract_prose

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


class StoryParseError(Exception):
    """A story file that cannot be read or parsed. `str()` is one line naming the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# Labels people put on STAR parts, after lower-casing and splitting off decorations.
_LABELS: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.situation: ("situation", "the situation", "context", "background", "setting", "scenario"),
    SectionKind.task: (
        "task", "tasks", "the task", "my task", "responsibility", "my responsibility",
        "your responsibility", "role", "my role", "your role", "goal", "objective", "assignment",
    ),
    SectionKind.action: (
        "action", "actions", "the action", "my actions", "what i did", "what you did",
        "approach", "steps taken", "actions taken",
    ),
    SectionKind.result: ("result", "results", "the result", "outcome", "outcomes", "impact"),
    SectionKind.lesson: (
        "lesson", "lessons", "lesson learned", "lessons learned", "lessons learnt", "learning",
        "learnings", "reflection", "reflections", "takeaway", "takeaways", "what i learned",
        "what i learnt", "growth", "retrospective", "what i do differently now",
        "what i would do differently", "what i'd do differently",
    ),
    SectionKind.tie_in: (
        "tie-in", "tie in", "tiein", "ai tie-in", "ai tie in", "lead tie-in", "lead tie in",
    ),
}
_LABEL_KIND = {label: kind for kind, labels in _LABELS.items() for label in labels}
# A heading that merely starts with one of these words still names the part ("Results and impact").
_LEADING_WORD_KIND = {
    "situation": SectionKind.situation,
    "task": SectionKind.task,
    "action": SectionKind.action,
    "actions": SectionKind.action,
    "result": SectionKind.result,
    "results": SectionKind.result,
    "outcome": SectionKind.result,
    "lesson": SectionKind.lesson,
    "lessons": SectionKind.lesson,
    "learning": SectionKind.lesson,
    "learnings": SectionKind.lesson,
    "reflection": SectionKind.lesson,
    "takeaways": SectionKind.lesson,
}
_SEPARATORS = re.compile(r"\s[-–—]\s|[–—:|/(),&+]|\band\b")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_BOLD_LABEL = re.compile(
    r"^[ \t]{0,3}(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?"  # a list marker may come first
    r"(\*\*|__)(?P<label>[^*_\n]{1,60}?)[ \t]*(?P<inner>[:.–—])?[ \t]*\1"
    r"[ \t]*(?P<outer>[:–—])?[ \t]*"
)
_PLAIN_LABEL = re.compile(r"^[ \t]{0,3}(?P<label>[A-Za-z][A-Za-z '’/&-]{0,40}?)[ \t]*:[ \t]+")
_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*")
_FRONT_MATTER_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")


def classify_label(label: str) -> SectionKind | None:
    """The STAR part a heading or bold label names, or None for any other heading."""
    text = _COMMENT.sub(" ", label).lower().replace("’", "'")
    text = re.sub(r"[*_`#]", " ", text)
    text = re.sub(r"^[^a-z]*(?:\d+[.)]\s*)?", "", text).strip(" .:-–—\t")
    text = re.sub(r"\s+", " ", text)
    if text in _LABEL_KIND:
        return _LABEL_KIND[text]
    parts = [p.strip(" .-") for p in _SEPARATORS.split(text) if p.strip(" .-")]
    for part in parts:
        if part in _LABEL_KIND:
            return _LABEL_KIND[part]
    words = text.split()
    if words and words[0] in _LEADING_WORD_KIND and len(words) <= 6:
        return _LEADING_WORD_KIND[words[0]]
    return None


@dataclass
class _Start:
    """Where a section's label starts, where its body starts, and what it is."""

    label_start: int
    body_start: int
    kind: SectionKind
    label: str
    level: int | None  # heading level; None for a bold or plain label


# A story told in three minutes is about 3 KB; a file a thousand times that is not
# a story, and parsing it would cost minutes and gigabytes.
MAX_STORY_BYTES = 1_000_000


def read_story(path: str | os.PathLike[str]) -> Story:
    """Read and parse one story file. Raises StoryParseError with a one-line reason."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise StoryParseError(name, "is a directory, not a story file") from None
    except FileNotFoundError:
        if Path(path).is_symlink():
            raise StoryParseError(name, "is a symbolic link to a file that does not exist") from None
        raise StoryParseError(name, "file not found (was it removed while being read?)") from None
    except OSError as exc:
        raise StoryParseError(name, f"cannot read: {exc.strerror or exc}") from None
    return parse_story(decode_story(data, name), name)


def decode_story(data: bytes, path: str) -> str:
    """Bytes -> text: UTF-8, an optional BOM dropped. Raises StoryParseError otherwise."""
    if len(data) > MAX_STORY_BYTES:
        raise StoryParseError(
            path,
            f"is {len(data) / 1_000_000:.1f} MB; stories over {MAX_STORY_BYTES // 1_000_000} MB are not read "
            "(a three-minute story is about 3 KB)",
        )
    if b"\x00" in data:
        raise StoryParseError(path, "looks like a binary file (it contains NUL bytes), not a Markdown story")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        line = data.count(b"\n", 0, exc.start) + 1
        raise StoryParseError(
            path, f"is not valid UTF-8 (byte 0x{bad} on line {line}); save it as UTF-8"
        ) from None


def parse_story(text: str, path: str = "<story>") -> Story:
    """Parse the text of one story. Raises StoryParseError for broken front matter."""
    if text.startswith("\ufeff"):
        text = text[1:]
    index = LineIndex(text)
    hidden = bytearray(len(text))
    front_matter, body_line = _front_matter(text, index, path)
    if body_line:
        end = index.starts[body_line] if body_line < index.line_count else len(text)
        hidden[0:end] = b"\x01" * end
    for match in _COMMENT.finditer(text):
        hidden[match.start() : match.end()] = b"\x01" * (match.end() - match.start())

    # markdown-it counts lines as we do; blank the front matter so it is not read as Markdown.
    lines = re.split(r"\r\n|\r|\n", text)
    markdown = "\n".join([""] * body_line + lines[body_line:])
    tokens = _markdown().parse(markdown)

    starts: list[_Start] = []
    title: str | None = None
    title_span = None
    for i, token in enumerate(tokens):
        if token.map is None:
            continue
        first, last = token.map
        if token.type in ("fence", "code_block", "html_block", "hr"):
            a, b = index.lines_span(first, last)
            hidden[a:b] = b"\x01" * (b - a)
        elif token.type == "heading_open":
            inline = tokens[i + 1].content if i + 1 < len(tokens) else ""
            level = int(token.tag[1:])
            a, b = index.lines_span(first, last)
            if _starts_hidden(text, hidden, a, b):
                continue  # a heading inside an HTML comment is commented out
            kind = classify_label(inline)
            if kind is not None:
                starts.append(_Start(a, b, kind, _clean_label(inline), level))
            elif title is None and not starts:
                title = _clean_label(inline)
                title_span = index.span(*_trimmed(text, a, b))
            else:
                starts.append(_Start(a, b, SectionKind.other, _clean_label(inline), level))
        elif token.type == "paragraph_open":
            # A label opens the paragraph; a bold label may also open any of its lines
            # ("**Situation:** ...\n**Task:** ..." with no blank line between).
            for line_no in range(first, last):
                line_start = index.starts[line_no]
                line = text[line_start : index.ends[line_no]]
                label = _paragraph_label(line, bold_only=line_no > first)
                if label is not None and not hidden[line_start]:
                    kind, label_text, length = label
                    starts.append(_Start(line_start, line_start + length, kind, label_text, None))

    starts = _drop_nested_others(starts)
    sections = [
        _section(index, hidden, start, starts[n + 1].label_start if n + 1 < len(starts) else len(text))
        for n, start in enumerate(starts)
    ]
    body_prose = None
    if sections:
        words = sum(s.words for s in sections)
    else:
        # No STAR labels: the body after the title is one stretch of prose.
        body_start = index.starts[body_line] if body_line < index.line_count else len(text)
        if title_span is not None:
            body_start = max(body_start, title_span.end)
        body_prose = extract_prose(index, body_start, len(text), hidden)
        words = count_words(body_prose.text)
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
    return story


@functools.cache
def _markdown() -> "MarkdownIt":
    # Imported here: a fully cached lint run reads no Markdown and skips the import.
    from markdown_it import MarkdownIt

    # maxNesting bounds recursion on hostile input (thousands of nested quotes or lists).
    return MarkdownIt("commonmark", {"maxNesting": 50})


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, kept to plain data: every failure is a YAMLError with a line.

    Aliases are refused (a recursive or exponentially shared value cannot be
    serialised), and so are binary values; a scalar that a constructor cannot
    read ("2024-13-45" as a date) is a YAML error, not a ValueError.
    """

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not supported in front matter", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_object(self, node, deep=False):  # type: ignore[no-untyped-def]
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError, OverflowError):
            kind = str(node.tag).rsplit(":", 1)[-1]
            value = node.value if isinstance(node.value, str) else ""
            shown = f" {value[:40]!r}" if value else ""
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read the {kind} value{shown}", node.start_mark
            ) from None


def _refuse_tag(loader: yaml.SafeLoader, node: yaml.Node) -> None:
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag {node.tag!r} is not supported in front matter", node.start_mark
    )


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:binary", _refuse_tag)


def _front_matter(text: str, index: LineIndex, path: str) -> tuple[FrontMatter, int]:
    """The front matter and the 0-based line where the Markdown body starts."""
    first_line = text[index.starts[0] : index.ends[0]]
    if not _FRONT_MATTER_OPEN.fullmatch(first_line):
        return FrontMatter(), 0
    close = next(
        (
            n
            for n in range(1, index.line_count)
            if _FRONT_MATTER_CLOSE.fullmatch(text[index.starts[n] : index.ends[n]])
        ),
        None,
    )
    if close is None:
        raise StoryParseError(path, "front matter opened with '---' on line 1 is never closed")
    raw = text[index.starts[1] : index.starts[close]] if close > 1 else ""
    try:
        data = yaml.load(raw, Loader=_FrontMatterLoader)  # a SafeLoader: never builds objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise StoryParseError(path, f"front matter is not valid YAML{where}: {problem}") from None
    except RecursionError:
        raise StoryParseError(path, "front matter is not valid YAML: it is nested too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise StoryParseError(path, "front matter must be a YAML mapping of keys to values")
    return _front_matter_values(data, path), close + 1


def _front_matter_values(data: dict, path: str) -> FrontMatter:
    known = {"title", "archetypes", "level", "role", "tags"}
    values = {str(k): v for k, v in data.items() if str(k) in known}
    extra = {str(k): v for k, v in data.items() if str(k) not in known}
    if "archetypes" in values:
        archetypes = values["archetypes"]
        if isinstance(archetypes, int) and not isinstance(archetypes, bool):
            archetypes = [archetypes]
        if archetypes is None:
            archetypes = []
        if not isinstance(archetypes, list) or not all(
            isinstance(a, int) and not isinstance(a, bool) and 1 <= a <= 10 for a in archetypes
        ):
            raise StoryParseError(path, "front matter 'archetypes' must be a list of archetype ids 1-10")
        values["archetypes"] = archetypes
    if "tags" in values:
        tags = values["tags"]
        if isinstance(tags, str):
            tags = [tags]
        if not isinstance(tags, list):
            raise StoryParseError(path, "front matter 'tags' must be a list")
        values["tags"] = [str(t) for t in tags if t is not None]
    if "title" in values and values["title"] is not None:
        values["title"] = str(values["title"])
    try:
        return FrontMatter(**values, extra=extra)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(p) for p in error["loc"])
        allowed = {"level": "swe1, swe2, senior or staff", "role": "ai, lead or ic"}.get(key)
        detail = f"must be one of {allowed}" if allowed else error["msg"]
        raise StoryParseError(path, f"front matter '{key}' {detail} (got {values.get(key)!r})") from None


def _paragraph_label(line: str, bold_only: bool = False) -> tuple[SectionKind, str, int] | None:
    """A STAR label opening a paragraph ("**Result:** ...", "Result: ..."): kind, label, length."""
    match = _BOLD_LABEL.match(line)
    if match:
        rest_empty = not line[match.end() :].strip()
        if match.group("inner") or match.group("outer") or rest_empty:
            kind = classify_label(match.group("label"))
            if kind is not None:
                return kind, match.group("label").strip(), match.end()
    match = None if bold_only else _PLAIN_LABEL.match(line)
    if match:
        label = match.group("label").strip().lower().replace("’", "'")
        if label in _LABEL_KIND:
            return _LABEL_KIND[label], match.group("label").strip(), match.end()
    return None


def _drop_nested_others(starts: list[_Start]) -> list[_Start]:
    """An unrecognised heading deeper than the current section's heading stays inside it."""
    kept: list[_Start] = []
    for start in starts:
        if start.kind is SectionKind.other and kept:
            owner = kept[-1]
            if owner.level is None or (start.level is not None and start.level > owner.level):
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


def _clean_label(inline: str) -> str:
    label = _COMMENT.sub("", inline)
    label = re.sub(r"[*_`]", "", label)
    return re.sub(r"\s+", " ", label).strip()
