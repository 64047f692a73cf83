"""`starbank suggest`: question -> archetypes -> your stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank import Bank, load_archetypes, load_bank, match_question, parse_story, suggest
from star_bank.cli.starbank import main
from star_bank.retrieve.question_intent import intent_topics
from star_bank.rubric.readiness import StoryQuality, structure_quality

ROOT = Path(__file__).resolve().parents[2]


def _story(archetype: int, title: str, result: str = "Errors fell 40% in a week.") -> str:
    return f"""\
---
archetypes: [{archetype}]
---
# {title}

## Situation
Context.

## Task
What I owned.

## Action
What I did.

## Result
{result}

## Lesson
I now review every change with a checklist.
"""


@pytest.fixture(scope="module")
def book():
    return load_archetypes()


@pytest.fixture
def bank_dir(tmp_path):
    stories = {
        "incident-config.md": _story(3, "The config change I shipped that broke checkout"),
        "incident-refund.md": _story(3, "The refund join I merged that double counted revenue"),
        "regret-analytics.md": _story(8, "One Postgres table for every analytics event"),
        "pushback.md": _story(4, "Arguing for hybrid search with a pilot"),
        "mentoring.md": _story(5, "Coaching a perfectionist engineer"),
    }
    for name, text in stories.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _top_ids(question: str, book, k: int) -> list[int]:
    return [a.id for a in match_question(question, book).archetypes[:k]]


def test_mistake_question_ranks_incident_and_regret_archetypes_first(book):
    found = match_question("tell me about a mistake", book)
    assert found.match == "strong"
    assert {a.id for a in found.archetypes[:2]} == {3, 8}


def test_every_retrieval_table_question_ranks_its_archetypes_first(book):
    for row in book.retrieval:
        assert set(_top_ids(row.question, book, len(row.archetypes))) == set(row.archetypes), row.question


def test_every_named_question_ranks_its_archetype_first(book):
    for row in book.named_questions:
        assert _top_ids(row.question, book, 1) == [row.archetypes[0]], row.question


@pytest.mark.parametrize(
    ("question", "acceptable"),
    [
        ("Describe a situation where you had to push back on your manager", {4}),
        ("Tell me about a time you had to earn trust quickly", {6, 9}),
        ("Walk me through an outage you caused and what you changed afterwards", {3}),
        ("Have you ever been the only engineer who could deploy a critical service?", {10}),
        ("Tell me about a time you coached someone who lacked confidence", {5}),
        ("Describe a time you watched real users struggle with something you built", {9}),
    ],
)
def test_paraphrased_and_oblique_questions_find_their_archetype(book, question, acceptable):
    found = match_question(question, book)
    assert found.match != "none"
    assert found.archetypes[0].id in acceptable


@pytest.mark.parametrize(
    "question",
    [
        "Why do you want to work here?",
        "What is your greatest weakness?",
        "What salary are you hoping for?",
        "Where would you like to be in five years?",
        "How would you design a rate limiter for a public API?",
        "Are you open to working from our Berlin office?",
    ],
)
def test_question_no_archetype_fits_gets_none_and_advice_instead_of_a_forced_archetype(book, question):
    found = match_question(question, book)
    assert found.match == "none"
    assert found.archetypes == []
    assert found.advice


@pytest.mark.parametrize(
    "question",
    [
        "Tell me about a time you noticed your lead was making a mistake.",
        "What do you do when you're convinced the roadmap is a mistake?",
    ],
)
def test_a_mistake_that_is_not_the_candidates_own_is_a_disagreement(book, question):
    found = match_question(question, book)
    assert found.archetypes and found.archetypes[0].id == 4
    assert "not your own" in found.archetypes[0].why
    assert all(a.id not in (3, 8) for a in found.archetypes[:1])


def test_a_mistake_the_candidate_judges_in_hindsight_stays_their_own(book):
    assert _top_ids("Tell me about a mistake you made that you still think about.", book, 2) in ([3, 8], [8, 3])


def test_a_cue_anchored_on_the_candidate_allows_auxiliaries_in_between(book):
    assert _top_ids("What is the first thing you do when you've broken something?", book, 1) == [3]


def test_a_question_about_how_you_behave_does_not_override_an_out_of_bank_topic(book):
    assert match_question("What do you do when you are stressed?", book).match == "none"
    assert _top_ids("What do you do when you think your manager is wrong?", book, 1) == [4]


def test_a_what_is_question_about_a_past_episode_is_not_a_knowledge_question(book):
    assert _top_ids("What's a schema choice that didn't age well?", book, 1) == [8]
    assert match_question("What is a good schema choice for time series?", book).match == "none"


def test_every_out_of_bank_topic_has_advice_in_archetypes_yaml(book):
    topics = {entry.topic for entry in book.unmatched}
    assert set(intent_topics()) <= topics


def test_match_explains_itself_in_a_sentence(book):
    found = match_question("Tell me about a time you disagreed with your tech lead", book)
    assert found.archetypes[0].id == 4
    assert "disagree" in found.archetypes[0].why


def test_suggest_lists_the_stories_of_the_matched_archetypes(book, bank_dir):
    [result] = suggest(["tell me about a mistake"], load_bank(bank_dir), book)
    assert result.stories, "the bank has #3 and #8 stories"
    assert {s.archetype for s in result.stories} <= {3, 8}
    assert Path(result.stories[0].path).name.startswith("incident-")
    assert all("front matter lists" in s.why for s in result.stories)


def test_stories_are_not_reused_across_a_list_of_questions(book, bank_dir):
    first, second = suggest(
        ["Tell me about a production incident you caused", "Describe an outage that was your fault"],
        load_bank(bank_dir),
        book,
    )
    assert first.stories[0].path != second.stories[0].path
    reused = next(s for s in second.stories if s.path == first.stories[0].path)
    assert "already the first pick for question 1" in reused.why


def test_a_quality_scorer_can_reorder_stories(book, bank_dir):
    def prefer_refund(story) -> StoryQuality:
        return StoryQuality(score=1.0 if "refund" in story.path else 0.0, notes=["from the test"])

    [default] = suggest(["Tell me about an outage you caused"], load_bank(bank_dir), book)
    [hooked] = suggest(["Tell me about an outage you caused"], load_bank(bank_dir), book, quality=prefer_refund)
    assert "refund" not in default.stories[0].path
    assert "refund" in hooked.stories[0].path


def test_structure_quality_rewards_all_parts_and_a_measured_result():
    full = parse_story(_story(1, "Measured"), "a.md")
    unmeasured = parse_story(_story(1, "Unmeasured", result="It went well."), "b.md")
    assert structure_quality(full).score > structure_quality(unmeasured).score
    assert "no number in the result" in structure_quality(unmeasured).notes


def test_question_that_fits_no_story_in_the_bank_lists_none(book, bank_dir):
    [result] = suggest(["Tell me about a time you scaled a system"], load_bank(bank_dir), book)
    assert result.match == "strong"
    assert result.stories == []


def test_suggest_with_an_empty_bank_still_ranks_archetypes(book):
    [result] = suggest(["Tell me about a disagreement"], Bank(), book)
    assert result.archetypes[0].id == 4
    assert result.stories == []


# The CLI ---------------------------------------------------------------------------


def test_cli_json_is_a_list_with_the_contract_keys(bank_dir):
    result = CliRunner().invoke(
        main, ["suggest", "tell me about a mistake", "Why do you want to work here?", "--bank", str(bank_dir), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    answers = json.loads(result.output)
    assert isinstance(answers, list) and len(answers) == 2
    mistake, motivation = answers
    assert {"question", "match", "archetypes", "stories"} <= set(mistake)
    assert mistake["match"] in ("strong", "weak")
    assert set(mistake["archetypes"][0]) >= {"id", "name", "score", "why"}
    assert set(mistake["stories"][0]) >= {"path", "title", "archetype", "score", "why"}
    assert [a["score"] for a in mistake["archetypes"]] == sorted((a["score"] for a in mistake["archetypes"]), reverse=True)
    assert motivation["match"] == "none"
    assert motivation["archetypes"] == [] and motivation["stories"] == []
    assert motivation["advice"]


def test_cli_text_names_the_archetypes_and_the_stories(bank_dir):
    result = CliRunner().invoke(main, ["suggest", "tell me about a mistake", "--bank", str(bank_dir)])
    assert result.exit_code == 0
    assert "#3 A production incident you caused" in result.output
    assert "#8 A decision you'd make differently" in result.output
    assert "The config change I shipped that broke checkout" in result.output


def test_cli_answers_a_list_of_questions_from_a_file(bank_dir, tmp_path):
    questions = tmp_path / "acme.txt"
    questions.write_text("# Acme onsite\nTell me about a disagreement\n\nWhat is your greatest weakness?\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["suggest", "--from", str(questions), "--bank", str(bank_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    answers = json.loads(result.output)
    assert [a["question"] for a in answers] == ["Tell me about a disagreement", "What is your greatest weakness?"]
    assert answers[0]["archetypes"][0]["id"] == 4
    assert answers[1]["match"] == "none"


def test_cli_missing_question_file_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["suggest", "--from", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "nope.txt" in result.stderr


@pytest.mark.parametrize("args", [["suggest"], ["suggest", "   "]])
def test_cli_no_or_empty_question_is_a_usage_error(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.output


def test_cli_unknown_option_is_a_one_line_usage_error():
    result = CliRunner().invoke(main, ["suggest", "--frm", "x"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_cli_unreadable_story_is_named_and_the_rest_still_used(bank_dir):
    (bank_dir / "broken.md").write_bytes(b"\xff\xfe not text")
    result = CliRunner().invoke(main, ["suggest", "tell me about a mistake", "--bank", str(bank_dir), "--format", "json"])
    assert result.exit_code == 2
    assert "broken.md" in result.stderr and result.stderr.count("\n") == 1
    assert json.loads(result.stdout)[0]["stories"]


def test_cli_uses_stories_folder_of_the_current_directory_by_default(bank_dir, tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    (home / "stories").mkdir()
    (home / "stories" / "pushback.md").write_text((bank_dir / "pushback.md").read_text(), encoding="utf-8")
    monkeypatch.chdir(home)
    result = CliRunner().invoke(main, ["suggest", "Tell me about a disagreement", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["stories"][0]["path"].endswith("pushback.md")


def test_cli_without_a_bank_still_answers_and_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["suggest", "Tell me about a disagreement"])
    assert result.exit_code == 0
    assert "#4 Disagreement / pushback" in result.output
    assert "no story bank" in result.output


@pytest.mark.skipif(not (ROOT / "stories").is_dir(), reason="no sample bank")
def test_mistake_question_lists_the_sample_stories_for_archetypes_3_and_8():
    result = CliRunner().invoke(main, ["suggest", "tell me about a mistake", "--bank", str(ROOT / "stories"), "--format", "json"])
    assert result.exit_code == 0
    [answer] = json.loads(result.output)
    assert [a["id"] for a in answer["archetypes"][:2]] == [3, 8]
    assert answer["stories"] and {s["archetype"] for s in answer["stories"]} <= {3, 8}


def test_cli_prints_an_open_question_with_the_readiest_stories():
    result = CliRunner().invoke(
        main, ["suggest", "Tell me about a time you went well beyond what was asked of you.", "--bank", str(ROOT / "stories")]
    )
    assert result.exit_code == 0, result.output
    assert "match: open (" in result.output
    assert "your readiest stories:" in result.output
    as_json = CliRunner().invoke(
        main, ["suggest", "Tell me about a time you went well beyond what was asked of you.", "--format", "json"]
    )
    [item] = json.loads(as_json.output)
    assert item["match"] == "open" and item["archetypes"] == []
