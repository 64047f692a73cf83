"""Scorecards shown to a person: a text table, Markdown, or JSON.

The JSON output is exactly `[card.model_dump(mode="json") for card in cards]`
(see star_bank/model/scorecard.py for its shape). The renderers return
strings; only the CLI prints them.
"""

from __future__ import annotations

import json

from star_bank.model.scorecard import Resource, Scorecard, level_name


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
