"""The `starbank coverage` renderer: the matrix, its key and the weak spots."""

from __future__ import annotations

import json

from star_bank.report.coverage import render_coverage_json, render_coverage_text
from star_bank.retrieve.bank_coverage import ArchetypeRow, Coverage, ThinQuestion
from star_bank.retrieve.listing import StoryEntry


def _entry(path: str, archetypes: list[int], source: str = "front-matter") -> StoryEntry:
    return StoryEntry(
        path=path, title=path, archetypes=archetypes, archetype_source=source,
        confidence=0.75, sections=[], words=10,
    )


def _report(stories: list[StoryEntry], thin: list[ThinQuestion] | None = None) -> Coverage:
    rows = [
        ArchetypeRow(id=n, name=f"arch{n}", stories=[s.path for s in stories if n in s.archetypes]) for n in (1, 2)
    ]
    return Coverage(
        rows=rows,
        stories=stories,
        missing=[r.id for r in rows if not r.stories],
        overloaded=[s for s in stories if len(s.archetypes) > 2],
        thin_questions=thin or [],
    )


def test_matrix_marks_front_matter_and_classified_cells_and_counts_each_row():
    lines = render_coverage_text(_report([_entry("a.md", [1]), _entry("b.md", [1], "classified")])).splitlines()
    assert lines[0] == " " * len("#1 arch1  ") + "  1  2"
    assert lines[1] == "#1 arch1    F  c   2"
    assert lines[2] == "#2 arch2    .  .   0"
    assert lines[3] == "F = front matter, c = classified from the text"
    assert lines[5:7] == ["  1  a.md", "  2  b.md (classified, 0.75)"]
    assert lines[8] == "archetypes with no story: #2 arch2"


def test_complete_bank_says_so_and_reports_overloaded_stories_and_thin_questions():
    thin = ThinQuestion(question="Tell me about X", archetypes=[1, 2], story="a.md")
    lines = render_coverage_text(_report([_entry("a.md", [1, 2, 3])], [thin])).splitlines()
    assert lines[-3:] == [
        "all 2 archetypes have a story",
        "too many archetypes: a.md claims [1,2,3]; keep the 2 it tells best",
        'only one story answers "Tell me about X" (#1, #2): a.md',
    ]


def test_json_adds_the_complete_flag():
    report = _report([_entry("a.md", [1])])
    data = json.loads(render_coverage_json(report))
    assert data["complete"] is False and data["missing"] == [2]
    assert data["rows"] == [r.model_dump(mode="json") for r in report.rows]
