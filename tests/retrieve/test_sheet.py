"""The interview-day sheet: every archetype's best ready story as a few short bullets,
the gaps with the interviewer's probe, and the questions to ask, from the library and
from `starbank sheet` as a user runs it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank.cli.starbank import main as starbank
from star_bank.model.sheet import SheetQuestion
from star_bank.retrieve.archetypes import load_archetypes
from star_bank.retrieve.sheet import SheetError, interview_sheet, load_questions
from star_bank.story.bank import load_bank

ROOT = Path(__file__).resolve().parents[2]
STORIES = ROOT / "stories"


@pytest.fixture(scope="module")
def cache_env(tmp_path_factory):
    """One cache for the module: the sample bank is linted and scored once."""
    return {"STARLINT_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}


@pytest.fixture(scope="module")
def sheet(cache_env):
    from star_bank.lint.engine import Linter

    linter = Linter.from_path(STORIES)
    return interview_sheet([STORIES], linter=linter, cache=linter.open_cache(cache_env["STARLINT_CACHE_DIR"]))


@pytest.fixture(scope="module")
def printed(cache_env, sheet):
    return CliRunner().invoke(starbank, ["sheet", "--bank", str(STORIES)], env=cache_env)


def _sentences(path: str) -> set[str]:
    story = next(s for s in load_bank([STORIES]).stories if s.path == path)
    words = re.sub(r"[^\w%$.,' -]", " ", story.text)
    return {" ".join(s.split()).strip(" .").lower() for s in re.split(r"(?<=[.!?])\s+|\n", words) if s.strip()}


def test_the_sample_bank_fills_every_archetype_with_a_ready_story(sheet):
    assert [row.id for row in sheet.rows] == list(range(1, 11))
    assert not sheet.gaps
    assert sheet.ready == sheet.total == 13


def test_each_story_is_three_to_six_bullets_of_at_most_fifteen_words(sheet):
    for row in sheet.rows:
        bullets = row.story.bullets
        assert 3 <= len(bullets) <= 6, row.story.title
        for bullet in bullets:
            assert len(f"{bullet.label}: {bullet.text}".split()) <= 15, bullet


def test_each_story_shows_its_results_number(sheet):
    for row in sheet.rows:
        [result] = [b for b in row.story.bullets if b.part == "result"]
        assert row.story.number and row.story.number in result.text, (row.story.title, result.text)
        assert re.search(r"\d", result.text)


def test_the_actions_are_verb_and_object_of_the_speaker_not_sentences(sheet):
    for row in sheet.rows:
        [actions] = [b for b in row.story.bullets if b.part == "actions"]
        assert 2 <= len(actions.text.split("; ")) <= 4, actions.text
        copied = _sentences(row.story.path)
        for bullet in row.story.bullets:
            assert bullet.text.lower().strip(" .") not in copied, f"copied whole: {bullet.text}"


def test_a_tie_in_is_labelled_by_its_role(sheet):
    labels = {b.label for row in sheet.rows for b in row.story.bullets if b.part == "tie_in"}
    assert labels == {"AI tie-in", "Lead tie-in"}


def test_a_story_is_not_repeated_while_another_ready_one_answers(sheet):
    paths = [row.story.path for row in sheet.rows]
    assert len(set(paths)) == len(paths)


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_an_archetype_without_a_ready_story_is_a_gap_with_the_probe(tmp_path):
    bank = tmp_path / "bank"
    write(bank, "debugging.md", (STORIES / "01-duplicate-reminders-lease-race.md").read_text(encoding="utf-8"))
    write(bank, "draft.md", "---\narchetypes: [4]\n---\n# Pushback draft\n\n## Action\nWe argued about it.\n")
    result = interview_sheet([bank])
    book = load_archetypes()
    assert [row.id for row in result.rows if not row.gap] == [1]
    gap = next(row for row in result.rows if row.id == 4)
    assert gap.probe == book.get(4).probes
    assert gap.closest == str(bank / "draft.md") and gap.not_ready


def test_questions_follow_the_role_and_can_be_the_users_own(tmp_path):
    shipped = load_questions()
    assert shipped and all(q.text for q in shipped)
    assert any(q.roles for q in shipped) and any(not q.roles for q in shipped)
    own = tmp_path / "mine.yaml"
    own.write_text("questions:\n  - text: What does on-call look like here?\n  - text: How are evals owned?\n    roles: [ai]\n")
    assert [q.text for q in load_questions(own)] == ["What does on-call look like here?", "How are evals owned?"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("questions:\n  - txt: typo\n")
    with pytest.raises(SheetError, match=r"bad\.yaml: questions\.0\.text: missing"):
        load_questions(bad)


def test_the_role_filters_the_questions(tmp_path):
    bank = tmp_path / "bank"
    write(bank, "debugging.md", (STORIES / "01-duplicate-reminders-lease-race.md").read_text(encoding="utf-8"))
    questions = [SheetQuestion(text="Evals?", roles=["ai"]), SheetQuestion(text="Reorgs?", roles=["lead"]), SheetQuestion(text="Growth?")]
    lead = interview_sheet([bank], role="lead", questions=questions)
    assert [q.text for q in lead.questions] == ["Reorgs?", "Growth?"] and lead.role == "lead"


def test_starbank_sheet_prints_one_page_for_all_ten_archetypes(printed):
    assert printed.exit_code == 0, printed.output
    blocks = re.findall(r"^\*\*#(\d+) ", printed.output, re.M)
    assert blocks == [str(n) for n in range(1, 11)]
    assert "gap" not in printed.output
    bullets = [line for line in printed.output.splitlines() if line.startswith("- ")]
    assert 30 <= len(bullets) <= 60
    assert all(len(line[2:].split()) <= 15 for line in bullets)
    assert "## Questions to ask them" in printed.output


def test_the_json_sheet_carries_the_same_content(printed, cache_env):
    result = CliRunner().invoke(starbank, ["sheet", "--bank", str(STORIES), "--format", "json"], env=cache_env)
    data = json.loads(result.output)
    lines = [f"- {b['label']}: {b['text']}" for row in data["rows"] for b in row["story"]["bullets"]]
    assert lines == [line for line in printed.output.splitlines() if line.startswith("- ")]
    assert [q["text"] for q in data["questions"]] == re.findall(r"^\d+\. (.*)$", printed.output, re.M)


def test_sheet_writes_the_file_asked_for_and_never_over_a_story(tmp_path):
    bank = tmp_path / "bank"
    story = (STORIES / "01-duplicate-reminders-lease-race.md").read_text(encoding="utf-8")
    write(bank, "debugging.md", story)
    env = {"STARLINT_CACHE_DIR": str(tmp_path / "cache")}
    out = tmp_path / "sheet.md"
    result = CliRunner().invoke(starbank, ["sheet", "--bank", str(bank), "-o", str(out)], env=env)
    assert result.exit_code == 1  # nine archetypes have no ready story
    assert out.read_text(encoding="utf-8").startswith("# Interview sheet")
    result = CliRunner().invoke(starbank, ["sheet", "--bank", str(bank), "-o", str(bank / "debugging.md")], env=env)
    assert result.exit_code == 2 and "is one of your stories" in result.output
    assert (bank / "debugging.md").read_text(encoding="utf-8") == story


def test_sheet_errors_are_one_line(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(starbank, ["sheet", "--bank", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and missing.output.count("\n") == 1 and "no such folder" in missing.output
    bad = tmp_path / "q.yaml"
    bad.write_text("questions: [", encoding="utf-8")
    broken = runner.invoke(starbank, ["sheet", "--bank", str(tmp_path), "--questions", str(bad)])
    assert broken.exit_code == 2 and "q.yaml: not valid YAML" in broken.output and broken.output.count("\n") == 1
