"""What `starbank sheet` returns: the one printable page for the day of the interview.

The JSON output is exactly `InterviewSheet.model_dump(mode="json")`: for each
archetype, the best ready story as a few short bullets (or a gap, with the
probe an interviewer will use), then the questions to ask the interviewer.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from star_bank.model.story import FileError

BulletPart = Literal["situation", "owned", "actions", "result", "lesson", "tie_in"]


class SheetBullet(BaseModel):
    """One line of a story on the sheet: what part of the story it recalls, and the words."""

    part: BulletPart
    label: str = Field(description="the short label printed before it: 'Did', 'Result', 'AI tie-in'...")
    text: str


class SheetStory(BaseModel):
    """A ready story, as the bullets to glance at before telling it."""

    path: str
    title: str
    bullets: list[SheetBullet]
    number: str | None = Field(None, description="the quantity its result states, when it states one")
    speaking_seconds: int


class SheetRow(BaseModel):
    """One archetype: the story to tell, or a gap and what the interviewer will probe."""

    id: int
    name: str
    probe: str
    story: SheetStory | None = None
    also_for: list[int] = Field(default_factory=list, description="other archetypes this same story answers on the sheet")
    closest: str | None = Field(None, description="for a gap: a story of this archetype that is not ready yet")
    not_ready: str | None = Field(None, description="for a gap: the first thing keeping that story back")

    @property
    def gap(self) -> bool:
        return self.story is None


class SheetQuestion(BaseModel):
    """A question to ask the interviewer, and the roles it suits (empty: every role)."""

    model_config = ConfigDict(extra="forbid")  # a user edits these: a misspelt key is an error

    text: str = Field(min_length=1)
    roles: list[Literal["ai", "lead", "ic"]] = Field(default_factory=list)


class InterviewSheet(BaseModel):
    """The page: one row per archetype, the questions to ask, and what could not be read."""

    level: str | None = None
    role: str | None = None
    rows: list[SheetRow]
    questions: list[SheetQuestion]
    ready: int = Field(description="ready stories in the bank")
    total: int = Field(description="stories in the bank")
    errors: list[FileError] = Field(default_factory=list)

    @property
    def gaps(self) -> list[SheetRow]:
        return [row for row in self.rows if row.gap]
