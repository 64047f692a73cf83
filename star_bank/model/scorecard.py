"""What `starbank score` returns: one `Scorecard` per story, and how it is shown.

The JSON output is exactly `[card.model_dump(mode="json") for card in cards]`:

    [{"path", "rubric": "failure" | "learning" | "star", "rubric_reason", "level",
      "archetypes": [int], "archetype_source": "front-matter" | "tags" | "classified",
      "dimensions": [{"name", "rating": "novice" | "intermediate" | "expert" | null,
                      "reason", "evidence": [{"line", "column", "text"}]}],
      "strengths": [str], "improvements": [str],
      "resources": [{"title", "author", "kind", "why", "dimensions"}]}]

The renderers return strings; only the CLI prints them.
"""

from __future__ import annotations

import json
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


def _rating_text(rating: str | None) -> str:
    return rating if rating is not None else "n/a"


def render_json(cards: list[Scorecard]) -> str:
    return json.dumps([card.model_dump(mode="json") for card in cards], indent=2, ensure_ascii=False)


def render_text(cards: list[Scorecard]) -> str:
    """A table per story (dimension, rating, reason), then strengths, improvements, resources."""
    blocks = []
    for card in cards:
        width = max([len("Dimension"), *(len(d.name) for d in card.dimensions)])
        lines = [
            f"{card.path}",
            f"  {card.rubric} rubric, level {level_name(card.level)}",
            "",
            f"  {'Dimension':<{width}}  {'Rating':<12}  Reason",
            f"  {'-' * width}  {'-' * 12}  {'-' * 6}",
        ]
        for dim in card.dimensions:
            lines.append(f"  {dim.name:<{width}}  {_rating_text(dim.rating):<12}  {dim.reason}")
        lines += ["", "  Strengths"]
        lines += [f"    {n}. {text}" for n, text in enumerate(card.strengths, 1)] or ["    (none found)"]
        lines += ["", "  Improvements"]
        lines += [f"    {n}. {text}" for n, text in enumerate(card.improvements, 1)] or ["    (none)"]
        lines += ["", "  Resources"]
        lines += [f"    - {_resource_line(r)}" for r in card.resources] or ["    (none)"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def render_markdown(cards: list[Scorecard]) -> str:
    """A Markdown section per story: a table, then three lists."""
    blocks = []
    for card in cards:
        lines = [
            f"## {card.path}",
            "",
            f"*{card.rubric} rubric, level {level_name(card.level)}*",
            "",
            "| Dimension | Rating | Reason |",
            "|---|---|---|",
        ]
        for dim in card.dimensions:
            reason = dim.reason.replace("|", "\\|")
            lines.append(f"| {dim.name} | {_rating_text(dim.rating)} | {reason} |")
        lines += ["", "**Strengths**", ""]
        lines += [f"{n}. {text}" for n, text in enumerate(card.strengths, 1)] or ["- (none found)"]
        lines += ["", "**Improvements**", ""]
        lines += [f"{n}. {text}" for n, text in enumerate(card.improvements, 1)] or ["- (none)"]
        lines += ["", "**Resources**", ""]
        lines += [f"- {_resource_line(r, markdown=True)}" for r in card.resources] or ["- (none)"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _resource_line(resource: Resource, markdown: bool = False) -> str:
    title = f"*{resource.title}*" if markdown and resource.kind == "book" else resource.title
    by = f" by {resource.author}" if resource.author else ""
    helps = f" (helps: {', '.join(resource.dimensions)})" if resource.dimensions else ""
    return f"{title}{by}: {resource.why}{helps}"


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}
