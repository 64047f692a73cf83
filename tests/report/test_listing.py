"""The `starbank list` renderer: a StoryEntry list as text lines or a JSON array."""

from __future__ import annotations

import json

from star_bank.report.listing import render_listing_json, render_listing_text
from star_bank.retrieve.listing import StoryEntry


def _entry(path: str, archetypes: list[int], source: str = "front-matter", confidence: float = 1.0) -> StoryEntry:
    return StoryEntry(
        path=path, title=f"Title of {path}", archetypes=archetypes, archetype_source=source,
        confidence=confidence, sections=["situation", "action"], words=120,
    )


def test_front_matter_story_shows_its_archetypes_without_a_confidence():
    text = render_listing_text([_entry("a.md", [3, 8])])
    assert text.splitlines()[0] == "a.md  [3,8]  Title of a.md"
    assert text.splitlines()[1] == "    situation action · 120 words"


def test_classified_story_shows_its_confidence_and_unarchetyped_a_dash():
    lines = render_listing_text([_entry("b.md", [4], "classified", 0.854), _entry("c.md", [], "classified", 0.0)])
    assert lines.splitlines()[0] == "b.md  [4] (classified, 0.85)  Title of b.md"
    assert lines.splitlines()[2].startswith("c.md  [-] (classified, 0.00)")


def test_a_story_classified_within_its_stated_question_says_so():
    lines = render_listing_text([_entry("q.md", [4], "question", 0.8)])
    assert lines.splitlines()[0] == "q.md  [4] (from the question it states, 0.80)  Title of q.md"


def test_story_without_sections_says_so_and_the_count_names_unreadable_files():
    entry = _entry("d.md", [1]).model_copy(update={"sections": []})
    lines = render_listing_text([entry], unreadable=2).splitlines()
    assert lines[1] == "    no STAR sections · 120 words"
    assert lines[-1] == "1 stories, 2 unreadable"


def test_json_is_the_entries_as_dumped():
    entries = [_entry("a.md", [3]), _entry("b.md", [4], "classified", 0.5)]
    assert json.loads(render_listing_json(entries)) == [e.model_dump(mode="json") for e in entries]


def test_low_confidence_guess_gets_a_line_saying_how_to_pin_it():
    entry = _entry("e.md", [5], "classified", 0.31).model_copy(
        update={"low_confidence": True, "note": "low confidence: add `archetypes: [5]` to the front matter"})
    lines = render_listing_text([entry, _entry("f.md", [2])]).splitlines()
    assert lines[2] == "    low confidence: add `archetypes: [5]` to the front matter"
    assert lines[3].startswith("f.md  [2]")


def test_a_story_classified_within_what_its_title_names_says_so():
    lines = render_listing_text([_entry("t.md", [8], "title", 0.8)])
    assert lines.splitlines()[0] == "t.md  [8] (from its title, 0.80)  Title of t.md"
    lines = render_listing_text([_entry("o.md", [4], "opening", 0.8)])
    assert lines.splitlines()[0] == "o.md  [4] (from its opening, 0.80)  Title of o.md"
