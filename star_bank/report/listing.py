"""`starbank list`: the story listing as text or JSON."""

from __future__ import annotations

from star_bank.report.json_report import dumps
from star_bank.report.terminal import escape_value
from star_bank.retrieve.listing import StoryEntry


def render_listing_json(entries: list[StoryEntry]) -> str:
    """The listing as a JSON array, one object per story."""
    return dumps([entry.model_dump(mode="json") for entry in entries])


def render_listing_text(entries: list[StoryEntry], unreadable: int = 0) -> str:
    """Two lines per story (path, archetypes, title; sections and length), a third when the
    archetypes were guessed with low confidence, then a count."""
    lines = []
    for entry in entries:
        path, title = escape_value(entry.path), escape_value(entry.title)
        lines.append(f"{path}  [{archetype_list(entry.archetypes) or '-'}]{source_note(entry)}  {title}")
        lines.append(f"    {' '.join(entry.sections) or 'no STAR sections'} · {entry.words} words")
        if entry.note:
            lines.append(f"    {entry.note}")
    lines.append(f"{len(entries)} stories, {unreadable} unreadable")
    return "\n".join(lines)


def archetype_list(archetypes: list[int]) -> str:
    """Archetype ids as `3,1,8`: how a listing and the coverage warnings show them."""
    return ",".join(str(a) for a in archetypes)


def source_note(entry: StoryEntry) -> str:
    """Nothing for front-matter archetypes, ` (classified, 0.85)` for classified ones,
    ` (from the question it states, 0.80)` when a stated question bounded the choice, and
    ` (from its title, 0.80)` or ` (from its opening, 0.80)` when the title or an opening
    sentence that restates the prompt did."""
    if entry.archetype_source == "front-matter":
        return ""
    if entry.archetype_source == "question":
        return f" (from the question it states, {entry.confidence:.2f})"
    if entry.archetype_source == "title":
        return f" (from its title, {entry.confidence:.2f})"
    if entry.archetype_source == "opening":
        return f" (from its opening, {entry.confidence:.2f})"
    return f" (classified, {entry.confidence:.2f})"
