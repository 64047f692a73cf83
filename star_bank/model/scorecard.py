"""What `starbank score` returns: one `Scorecard` per story.

The JSON output is exactly `[card.model_dump(mode="json") for card in cards]`:

    [{"path", "rubric": "failure" | "learning" | "star", "rubric_reason", "level",
      "archetypes": [int], "archetype_source": "front-matter" | "tags" | "classified",
      "dimensions": [{"name", "rating": "novice" | "intermediate" | "expert" | null,
                      "reason", "evidence": [{"line", "column", "text"}]}],
      "strengths": [str], "improvements": [str],
      "resources": [{"title", "author", "kind", "why", "dimensions"}]}]

How a scorecard is shown (text, JSON, Markdown) is star_bank/report/scorecard.py.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from star_bank.model.story import FileError

Rating = Literal["novice", "intermediate", "expert"]
RubricName = Literal["failure", "learning", "star"]


class Evidence(BaseModel):
    """A place in the story a rating rests on: 1-based line and column, and the sentence."""

    line: int
    column: int
    text: str


class DimensionRating(BaseModel):
    """One rubric dimension: its rating (None when it does not apply), why, and where."""

    name: str
    rating: Rating | None
    reason: str
    evidence: list[Evidence] = Field(default_factory=list)


class Resource(BaseModel):
    """Something to read or practise, and the dimensions it helps with."""

    title: str
    author: str | None = None
    kind: str
    why: str
    dimensions: list[str] = Field(default_factory=list)


class Scorecard(BaseModel):
    """A story rated against one rubric, with what to keep, what to change and what to read.

    `rubric_reason` says why this rubric: the failure rubric is chosen whenever the
    story tells something that went wrong that the speaker had to notice or recover
    from, whatever its archetype. `archetypes` are the same as `starbank list` shows.
    """

    path: str
    rubric: RubricName
    rubric_reason: str = ""
    level: str
    archetypes: list[int] = Field(default_factory=list)
    archetype_source: str = "classified"
    dimensions: list[DimensionRating]
    strengths: list[str] = Field(default_factory=list)
    improvements: list[str] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)

    def dimension(self, name: str) -> DimensionRating | None:
        return next((d for d in self.dimensions if d.name == name), None)

    def ratings(self) -> dict[str, str | None]:
        """{dimension: rating} in rubric order."""
        return {d.name: d.rating for d in self.dimensions}


class ScoreReport(BaseModel):
    """The scorecards for some paths, and the files that could not be read."""

    scorecards: list[Scorecard] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)


_LEVEL_NAMES = {"swe1": "SWE-I", "swe2": "SWE-II", "senior": "Senior", "staff": "Staff"}


def level_name(level: str) -> str:
    return _LEVEL_NAMES.get(level, level)
