"""The values that flow through star-bank: a parsed story and its parts.

Every position is exact in the text the file decoded to (a UTF-8 byte-order
mark removed): offsets are character offsets, lines and columns are 1-based,
columns count characters, and CRLF or a lone CR counts as one line break.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr


class SectionKind(str, Enum):
    situation = "situation"
    task = "task"
    action = "action"
    result = "result"
    lesson = "lesson"
    tie_in = "tie_in"
    other = "other"


# The four parts every story needs, in telling order.
STAR_KINDS: tuple[SectionKind, ...] = (
    SectionKind.situation,
    SectionKind.task,
    SectionKind.action,
    SectionKind.result,
)

# The career levels a story is judged at, most junior first: the one list every
# option, check and message reads.
Level = Literal["swe1", "swe2", "senior", "staff"]
LEVELS: tuple[str, ...] = get_args(Level)
# The level when neither the story, the command line nor the configuration names one.
DEFAULT_LEVEL: Level = "senior"
Role = Literal["ai", "lead", "ic"]


class Span(BaseModel):
    """A half-open range of the text: `text[start:end]`, with its position.

    `end_line`/`end_column` point just past the last character, as SARIF does.
    """

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class Sentence(BaseModel):
    """A sentence of prose: `text` is cleaned of Markdown markup; `span` is where it stands."""

    text: str
    span: Span


class Section(BaseModel):
    """One STAR part of a story.

    `span` covers the label and the body; `text` is exactly the body as written
    (Markdown included), so `story.text[body.start:body.end] == text`.
    """

    kind: SectionKind
    label: str
    heading: Span
    body: Span
    span: Span
    text: str
    sentences: list[Sentence] = Field(default_factory=list)
    words: int = 0
    # True when the writer put no label here and the parser inferred the part from the prose.
    inferred: bool = False
    # The cleaned prose with its map back to the file (see star_bank.story.prose); kept
    # out of the serialised value, set by the parser.
    _prose: Any = PrivateAttr(default=None)

    @property
    def prose(self) -> Any:
        """The section's `star_bank.story.prose.Prose` (clean text + offsets into the story)."""
        return self._prose


class FrontMatter(BaseModel):
    """The YAML block at the top of a story. Unknown keys are kept in `extra`."""

    title: str | None = None
    archetypes: list[int] = Field(default_factory=list)
    level: Level | None = None
    role: Role | None = None
    tags: list[str] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)


class Story(BaseModel):
    """A parsed story file."""

    path: str
    text: str
    front_matter: FrontMatter = Field(default_factory=FrontMatter)
    title: str
    title_span: Span | None = None
    sections: list[Section] = Field(default_factory=list)
    words: int = 0
    # For a story with no STAR labels: the prose of its whole body (set by the parser).
    _body_prose: Any = PrivateAttr(default=None)
    # A labelled story's prose before its first label (set by the parser), or None.
    _opening_prose: Any = PrivateAttr(default=None)
    # Offset in `text` where the Markdown body starts, after any front matter (set by the parser).
    _body_start: int = PrivateAttr(default=0)
    # The body with comments and code blanked out (set by the parser), or None.
    _readable_body: str | None = PrivateAttr(default=None)

    @property
    def body_prose(self) -> Any:
        return self._body_prose

    @property
    def opening_prose(self) -> Any:
        """What a labelled story says before its first label (an introduction, the question it
        answers, a lesson told up front), as prose; None when there is nothing there."""
        return self._opening_prose

    @property
    def body(self) -> str:
        """The file's text after its front matter."""
        return self.text[self._body_start :]

    @property
    def readable_body(self) -> str:
        """The body as a reader sees it: headings and labels kept, comments and code blocks
        left out (the body itself for a story that did not come from the parser)."""
        return self._readable_body if self._readable_body is not None else self.body

    def section(self, kind: SectionKind | str) -> Section | None:
        """The first section of that kind, or None."""
        kind = SectionKind(kind)
        return next((s for s in self.sections if s.kind == kind), None)

    @property
    def labelled(self) -> bool:
        """Whether the writer labelled any part (parts inferred from unlabelled prose do not count)."""
        return any(not s.inferred for s in self.sections)

    @property
    def section_kinds(self) -> list[str]:
        return [s.kind.value for s in self.sections]


class FileError(BaseModel):
    """A file that could not be read or parsed, and why, in one line."""

    path: str
    message: str
