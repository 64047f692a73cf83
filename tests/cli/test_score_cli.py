"""`starbank score` and `starlint --scorecard`: formats, the JSON contract, bad files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from star_bank.cli.starbank import main as starbank
from star_bank.cli.starlint import main as starlint

ROOT = Path(__file__).resolve().parents[2]
STRONG_FAILURE = ROOT / "stories" / "03-tokenization-timeout-checkout-outage.md"

WEAK_FAILURE = """\
---
title: The release that went wrong
archetypes: [3]
level: senior
---
# The release that went wrong

## Situation
Mistakes were made during the mobile release.

## Task
The login screen had to be updated before the launch.

## Action
We shipped the new refresh handler to both app stores on Friday.
The change was reverted on Saturday.

## Result
Some users could not log in for a while.

## Lesson
I learned to communicate better with the QA team.
"""


@pytest.fixture
def weak_story(write_file) -> Path:
    return write_file("stories/weak.md", WEAK_FAILURE)


def run(command, args: list[str]):
    return CliRunner().invoke(command, [str(a) for a in args], catch_exceptions=False)


def test_score_prints_a_table_then_strengths_improvements_and_resources(weak_story):
    result = run(starbank, ["score", weak_story])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "failure rubric, level Senior" in out
    header = out.index("Dimension")
    assert header < out.index("ownership") < out.index("Strengths") < out.index("Improvements") < out.index("Resources")
    row = next(line for line in out.splitlines() if line.strip().startswith("ownership"))
    assert "novice" in row and "line 9: 'Mistakes were made during the mobile release.'" in row


def test_score_json_is_a_list_of_scorecards_with_the_contract_keys(weak_story):
    result = run(starbank, ["score", "--format", "json", weak_story, STRONG_FAILURE])
    assert result.exit_code == 0
    cards = json.loads(result.stdout)
    assert isinstance(cards, list) and len(cards) == 2
    for card in cards:
        assert set(card) == {"path", "rubric", "rubric_reason", "level", "archetypes", "archetype_source",
                             "dimensions", "strengths", "improvements", "resources"}
        assert card["rubric_reason"] and card["archetype_source"] in ("front-matter", "tags", "classified")
        assert card["rubric"] in ("failure", "learning", "star")
        assert card["level"] in ("swe1", "swe2", "senior", "staff")
        for dimension in card["dimensions"]:
            assert set(dimension) == {"name", "rating", "reason", "evidence"}
            assert dimension["rating"] in ("novice", "intermediate", "expert", None)
            assert isinstance(dimension["reason"], str) and dimension["reason"]
            for evidence in dimension["evidence"]:
                assert set(evidence) == {"line", "column", "text"}
        assert all(isinstance(s, str) for s in card["strengths"] + card["improvements"])
        assert 2 <= len(card["resources"]) <= 3
    weak = next(c for c in cards if c["path"].endswith("weak.md"))
    ratings = {d["name"]: d["rating"] for d in weak["dimensions"]}
    assert ratings["ownership"] == "novice" and ratings["concrete_lesson"] == "novice"


def test_score_markdown_renders_a_table_and_three_lists(weak_story):
    result = run(starbank, ["score", "--format", "markdown", weak_story])
    assert result.exit_code == 0
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    types = [t.type for t in tokens]
    assert "table_open" in types
    cells = [t.content for t in tokens if t.type == "inline"]
    assert "Dimension" in cells and "ownership" in cells and "novice" in cells
    assert types.count("ordered_list_open") == 2  # strengths, improvements
    assert types.count("bullet_list_open") == 1  # resources


def test_level_option_wins_over_front_matter(weak_story):
    result = run(starbank, ["score", "--format", "json", "--level", "swe1", weak_story])
    card = json.loads(result.stdout)[0]
    assert card["level"] == "swe1"
    pattern = next(d for d in card["dimensions"] if d["name"] == "pattern_awareness")
    assert pattern["rating"] is None


def test_unreadable_files_get_one_error_line_each_and_the_rest_are_scored(weak_story, write_file, tmp_path):
    broken = write_file("stories/broken.md", b"---\ntitle: x\n---\n\xff\xfe not utf-8\n")
    missing = tmp_path / "stories" / "missing.md"
    result = run(starbank, ["score", "--format", "json", weak_story, broken, missing])
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert any(line.startswith(f"error: {broken}: ") for line in errors)
    assert any(line.startswith(f"error: {missing}: ") for line in errors)
    assert [c["path"] for c in json.loads(result.stdout)] == [str(weak_story)]


def test_a_folder_is_scored_story_by_story(weak_story):
    result = run(starbank, ["score", "--format", "json", weak_story.parent])
    assert result.exit_code == 0
    assert [Path(c["path"]).name for c in json.loads(result.stdout)] == ["weak.md"]


def test_starlint_scorecard_prints_after_the_findings_and_keeps_the_exit_code(weak_story):
    plain = run(starlint, [weak_story])
    with_card = run(starlint, ["--scorecard", weak_story])
    assert with_card.exit_code == plain.exit_code == 1
    out = with_card.stdout
    assert out.startswith(plain.stdout)
    summary = out.index("Found ")
    assert summary < out.index("failure rubric, level Senior") < out.index("Improvements")


def test_starlint_scorecard_on_a_clean_story_exits_zero():
    result = run(starlint, ["--scorecard", STRONG_FAILURE])
    assert result.exit_code == 0
    assert "All clean" in result.stdout and "failure rubric" in result.stdout


def test_starlint_scorecard_refuses_machine_formats(weak_story):
    result = run(starlint, ["--scorecard", "--format", "json", weak_story])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --scorecard works with --format text only"
    assert result.stdout == ""


def test_the_example_in_the_scorecard_docs_is_real_output(tmp_path, monkeypatch):
    doc = (ROOT / "docs" / "scorecard.md").read_text(encoding="utf-8")
    story = doc.split("```markdown\n", 1)[1].split("```", 1)[0]
    expected = doc.split("`starbank score story.md`:\n\n```text\n", 1)[1].split("```", 1)[0]
    (tmp_path / "story.md").write_text(story, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(starbank, ["score", "story.md"])
    assert result.stdout == expected, "docs/scorecard.md is stale: paste the new output of the example"
