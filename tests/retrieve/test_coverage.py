"""`starbank coverage`: does the bank have a story for every archetype?"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank import coverage, load_archetypes, load_bank
from star_bank.cli.starbank import main

ROOT = Path(__file__).resolve().parents[2]


def _story(archetypes: list[int], title: str) -> str:
    return f"---\narchetypes: {archetypes}\n---\n# {title}\n\n## Situation\nS.\n\n## Task\nT.\n\n## Action\nA.\n\n## Result\nR 10%.\n"


@pytest.fixture
def full_bank(tmp_path):
    for archetype in range(1, 11):
        (tmp_path / f"story-{archetype:02d}.md").write_text(_story([archetype], f"Story {archetype}"), encoding="utf-8")
    return tmp_path


@pytest.fixture
def gap_bank(tmp_path):
    (tmp_path / "incident.md").write_text(_story([1, 3], "An outage"), encoding="utf-8")
    (tmp_path / "everything.md").write_text(_story([4, 5, 6], "A story for everything"), encoding="utf-8")
    return tmp_path


def test_matrix_has_a_row_per_archetype_and_a_column_per_story(gap_bank):
    report = coverage(load_bank(gap_bank), load_archetypes())
    assert [row.id for row in report.rows] == list(range(1, 11))
    assert [Path(s.path).name for s in report.stories] == ["everything.md", "incident.md"]
    rows = {row.id: [Path(p).name for p in row.stories] for row in report.rows}
    assert rows[1] == ["incident.md"] and rows[5] == ["everything.md"] and rows[7] == []


def test_archetypes_with_no_story_are_listed(gap_bank):
    report = coverage(load_bank(gap_bank), load_archetypes())
    assert report.missing == [2, 7, 8, 9, 10]
    assert not report.complete


def test_story_claiming_too_many_archetypes_is_reported(gap_bank):
    report = coverage(load_bank(gap_bank), load_archetypes())
    assert [Path(s.path).name for s in report.overloaded] == ["everything.md"]


def test_retrieval_question_only_one_story_can_answer_is_reported(gap_bank):
    report = coverage(load_bank(gap_bank), load_archetypes())
    thin = {t.question: Path(t.story).name for t in report.thin_questions}
    assert thin["Tell me about a disagreement"] == "everything.md"
    assert thin["Tell me about a production incident"] == "incident.md"
    assert "Tell me about scaling a system" not in thin  # no story at all: that is a gap, not a thin spot


def test_cli_exits_1_when_an_archetype_has_no_story(gap_bank):
    result = CliRunner().invoke(main, ["coverage", "--bank", str(gap_bank)])
    assert result.exit_code == 1
    assert "archetypes with no story: #2 Ambiguity" in result.output
    assert "too many archetypes: " in result.output


def test_cli_exits_0_when_every_archetype_has_a_story(full_bank):
    result = CliRunner().invoke(main, ["coverage", "--bank", str(full_bank)])
    assert result.exit_code == 0, result.output
    assert "all 10 archetypes have a story" in result.output


def test_cli_json_reports_the_matrix_and_the_gaps(gap_bank):
    result = CliRunner().invoke(main, ["coverage", "--bank", str(gap_bank), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["complete"] is False
    assert report["missing"] == [2, 7, 8, 9, 10]
    assert len(report["rows"]) == 10
    assert {s["archetype_source"] for s in report["stories"]} == {"front-matter"}


def test_classified_stories_count_towards_coverage(tmp_path):
    (tmp_path / "pasted.md").write_text(
        "# Priya's first year\n\nI mentored a junior engineer through weekly 1:1s and coaching until she was promoted.\n",
        encoding="utf-8",
    )
    report = coverage(load_bank(tmp_path), load_archetypes())
    assert report.stories[0].archetype_source == "classified"
    assert report.rows[4].stories  # archetype 5


@pytest.mark.skipif(len(list((ROOT / "stories").glob("*.md"))) < 10, reason="the sample bank is not complete yet")
def test_sample_bank_covers_all_ten_archetypes():
    result = CliRunner().invoke(main, ["coverage", "--bank", str(ROOT / "stories")])
    assert result.exit_code == 0, result.output
    assert "all 10 archetypes have a story" in result.output


def test_tagged_stories_count_under_their_tags_archetypes(tmp_path):
    (tmp_path / "tagged.md").write_text(
        "---\ntags: [disagreement]\n---\n# Queues\n\nI wrote a comparison of two queues for the launch.\n",
        encoding="utf-8",
    )
    report = coverage(load_bank(tmp_path), load_archetypes())
    assert report.stories[0].archetype_source == "tags"
    assert report.rows[3].stories  # archetype 4
