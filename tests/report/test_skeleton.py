"""The new-story skeleton (`star_bank.report.skeleton`) and `starbank new`, which writes it without overwriting a file."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from star_bank import classify_story, load_archetypes, parse_story, story_skeleton
from star_bank.cli.starbank import main
from star_bank.model.story import SectionKind

FIVE_PARTS = [SectionKind.situation, SectionKind.task, SectionKind.action, SectionKind.result, SectionKind.lesson]


@pytest.mark.parametrize("archetype", range(1, 11))
def test_skeleton_parses_into_all_five_sections(archetype):
    story = parse_story(story_skeleton(archetype), "new.md")
    kinds = [s.kind for s in story.sections]
    assert kinds[:5] == FIVE_PARTS
    assert kinds[5] == SectionKind.tie_in
    assert story.front_matter.archetypes == [archetype]


def test_skeleton_carries_the_template_prompts_and_probes():
    book = load_archetypes()
    text = story_skeleton(3, book=book)
    incident = book.get(3)
    story = parse_story(text, "new.md")
    assert story.section(SectionKind.situation).text.startswith(incident.template.situation)
    assert story.section(SectionKind.action).text.startswith(incident.template.action)
    assert "Whether you own your mistakes" in text  # the probes, as guidance
    # The guidance sits in HTML comments, so no rule reads it as prose.
    assert "Whether you own" not in " ".join(s.text for sec in story.sections for s in sec.sentences)


def test_skeleton_title_with_quotes_and_colons_stays_valid_front_matter():
    title = 'Outage: the "harmless" config change'
    story = parse_story(story_skeleton(3, title), "new.md")
    assert story.front_matter.title == title
    assert story.title == title


def test_skeleton_is_classified_by_its_front_matter():
    story = parse_story(story_skeleton(9), "new.md")
    match = classify_story(story)
    assert match.source == "front-matter" and match.archetypes == [9]


def test_new_prints_to_stdout_without_output():
    result = CliRunner().invoke(main, ["new", "--archetype", "5"])
    assert result.exit_code == 0
    assert result.stdout.startswith("---\n")
    assert "## Situation" in result.stdout and "## Lesson" in result.stdout


def test_new_accepts_the_archetype_slug(tmp_path):
    result = CliRunner().invoke(main, ["new", "--archetype", "making-yourself-replaceable"])
    assert result.exit_code == 0
    assert "archetypes: [10]" in result.stdout


def test_new_writes_the_file_and_refuses_to_overwrite_it(tmp_path):
    target = tmp_path / "story.md"
    runner = CliRunner()
    first = runner.invoke(main, ["new", "-a", "4", "--title", "Pushing back", "-o", str(target)])
    assert first.exit_code == 0
    written = target.read_text(encoding="utf-8")
    assert "# Pushing back" in written

    second = runner.invoke(main, ["new", "-a", "1", "-o", str(target)])
    assert second.exit_code == 2
    assert second.stderr.startswith("error: ") and "already exists" in second.stderr
    assert target.read_text(encoding="utf-8") == written


@pytest.mark.parametrize("value", ["0", "11", "mentoring", ""])
def test_new_rejects_an_unknown_archetype(value):
    result = CliRunner().invoke(main, ["new", "--archetype", value])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown archetype")


def test_new_without_archetype_is_a_usage_error():
    result = CliRunner().invoke(main, ["new"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
