"""What the bank pass keeps of each story: small enough to cache, to send between
processes, and to judge the whole bank without parsing a story again."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Anchor(BaseModel):
    """Where a finding about the bank points in one story: its title (or first line)."""

    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    text: str


class StoryProfile(BaseModel):
    """One story as the bank-level rules read it."""

    path: str
    title: str
    anchor: Anchor
    archetypes: list[int] = Field(default_factory=list, description="as list, coverage and suggest classify it")
    role: str | None = Field(None, description="the front matter's role")
    actions: list[str] = Field(default_factory=list, description="lemmas of the verbs of the speaker's own actions")
    credits: list[str] = Field(
        default_factory=list, description="the words that give someone else a part in the work ('Dana', 'we', 'with the team')"
    )
    silenced: list[str] = Field(default_factory=list, description="bank rules (code and slug) switched off at the anchor")
