"""`starbank drill`: the practice interview, its follow-ups, hints, scorecard and saved draft."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank.cli.drill import read_answer
from star_bank.cli.starbank import main as starbank
from star_bank.drill.scenarios import choose_scenario
from star_bank.drill.script import PHASES, DrillError, load_drill_script
from star_bank.drill.session import DrillSession
from star_bank.drill.text import clean_answer, split_answers
from star_bank.drill.turns import DrillTranscript
from star_bank.lint.engine import Linter
from star_bank.story.parse import parse_story

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "drill"
WEAK = FIXTURES / "weak.txt"
STRONG = FIXTURES / "strong.txt"
COVERED = FIXTURES / "covered.txt"
LATE = FIXTURES / "late-telling.txt"
DIMENSIONS = {"ownership", "detection", "recovery", "concrete_lesson", "pattern_awareness"}


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def play(answers: list[str] | Path, linter: Linter, **options) -> DrillSession:
    """A scripted session: every answer in turn until they run out, then the close."""
    if isinstance(answers, Path):
        answers = split_answers(answers.read_text(encoding="utf-8"))
    return DrillSession(linter=linter, **options).play(answers)


def probes(session: DrillSession) -> list[str]:
    return session.transcript().probes()


def interviewer(session: DrillSession) -> list:
    return [t for t in session.turns if t.role == "interviewer"]


# --- The done-when cases ---------------------------------------------------------------------


def test_weak_answer_draws_ownership_and_concrete_lesson_probes_and_a_novice_lesson(linter):
    session = play(WEAK, linter)
    asked = probes(session)
    assert "ownership" in asked
    assert "concrete_lesson" in asked
    card = session.scorecard()
    assert card is not None and card.rubric == "failure"
    assert card.dimension("concrete_lesson").rating == "novice"
    assert card.dimension("ownership").rating == "novice"


def test_first_probe_on_mistakes_were_made_asks_for_the_candidates_own_role(linter):
    session = DrillSession(linter=linter)
    session.start()
    turn = session.answer(
        "Our quarterly report went out a week late. Mistakes were made in the data pipeline "
        "and the deadline was missed. I learned to communicate better."
    )
    assert turn.probe == "ownership"
    assert turn.phase == "failure"
    assert "what was your specific role in that decision?" in turn.text.lower()
    assert "Mistakes were made" in turn.text  # the candidate's own words, quoted back


def test_strong_answer_draws_fewer_probes_and_a_strong_lesson(linter):
    weak, strong = play(WEAK, linter), play(STRONG, linter)
    assert len(probes(strong)) < len(probes(weak))
    assert probes(strong) == []
    card = strong.scorecard()
    assert card.dimension("concrete_lesson").rating in ("intermediate", "expert")
    assert card.dimension("ownership").rating in ("intermediate", "expert")


def test_answer_that_names_the_warning_sign_and_who_was_told_when_skips_those_questions(linter):
    session = play(COVERED, linter)
    after_first = interviewer(session)[1]
    assert after_first.phase == "lesson" and after_first.probe is None
    assert "detection" not in probes(session)
    assert "recovery" not in probes(session)


# --- Two passes, in order ------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", [WEAK, STRONG, COVERED, LATE])
def test_the_lesson_is_never_asked_before_the_failure_is_told(fixture, linter):
    session = play(fixture, linter)
    phases = [PHASES.index(t.phase) for t in interviewer(session)]
    assert phases == sorted(phases), "the interview went back to an earlier phase"
    first_lesson = next(i for i, t in enumerate(session.turns) if t.phase == "lesson")
    earlier_answers = [t for t in session.turns[:first_lesson] if t.role == "candidate"]
    assert earlier_answers, "the lesson was asked before any failure was told"
    assert not any(t.probe in ("concrete_lesson", "pattern_awareness") for t in session.turns[:first_lesson])


def test_weak_session_walks_through_every_phase(linter):
    session = play(WEAK, linter)
    seen = [t.phase for t in interviewer(session)]
    for phase in ("warmup", "failure", "detection", "recovery", "lesson", "closing"):
        assert phase in seen


def test_a_probe_presses_at_most_twice_on_the_same_point(linter):
    session = play(WEAK, linter)
    for dimension in DIMENSIONS:
        steps = [t.text for t in interviewer(session) if t.probe == dimension]
        assert len(steps) == len(set(steps)), f"{dimension}: the same line twice"
    assert probes(session).count("ownership") <= 2


def test_session_ends_with_a_closing_line_when_nothing_is_left_to_ask(linter):
    session = play(STRONG, linter)
    assert session.done
    assert session.turns[-1].kind == "closing" and session.turns[-1].phase == "closing"
    with pytest.raises(DrillError):
        session.answer("one more thing")


# --- Follow-ups target what the answer lacks ----------------------------------------------------


def next_turn(linter, *answers: str, **options):
    session = DrillSession(linter=linter, **options)
    session.start()
    turn = None
    for answer in answers:
        turn = session.answer(answer)
    return turn


def test_we_instead_of_i_draws_an_ownership_probe(linter):
    turn = next_turn(
        linter,
        "Last year our team picked a new queue for the order service. We chose the vendor, we wrote "
        "the adapter, we skipped the failover test and we shipped it in two weeks. It fell over on Black Friday.",
    )
    assert turn.probe == "ownership"
    assert '"we"' in turn.text


def test_blame_first_draws_an_ownership_probe(linter):
    turn = next_turn(
        linter,
        "The product team kept changing the requirements, so the launch slipped by a month. "
        "I rewrote the export twice and it still shipped broken.",
    )
    assert turn.probe == "ownership"
    assert "What was your specific role in that decision?" in turn.text


def test_no_warning_sign_draws_a_detection_probe(linter):
    turn = next_turn(
        linter,
        "In my internship I owned the signup form, and I decided to ship it without testing it on mobile. "
        "On launch day half the mobile signups failed, and I fixed the layout that evening.",
    )
    assert turn.probe == "detection"
    assert "signals" in turn.text


def test_a_warning_sign_without_why_it_was_missed_is_asked_about(linter):
    turn = next_turn(
        linter,
        "I owned the cache migration and I decided to cut over on a Friday. The first sign was a jump in "
        "cache misses in staging on Thursday. On Friday night the API slowed to a crawl and I rolled back "
        "within an hour, and twenty minutes later I told my manager and the on call lead.",
    )
    assert turn.probe == "detection"
    assert "dismiss" in turn.text


def test_telling_someone_without_when_draws_a_timing_probe(linter):
    turn = next_turn(
        linter,
        "I decided to delete the old backups before the new ones were verified. The warning sign was a "
        "backup job that reported zero bytes, which I dismissed as a reporting bug without checking it. "
        "When the restore failed I paused the cleanup job. I told my manager about the lost backups.",
    )
    assert turn.probe == "recovery"
    assert "How long after you knew" in turn.text


def test_telling_days_later_is_asked_about(linter):
    session = play(LATE, linter)
    gap = [t for t in interviewer(session) if "more than two days" in t.text]
    assert gap and gap[0].probe == "recovery"


def test_vague_lesson_is_quoted_back_and_pressed(linter):
    session = play(COVERED, linter)
    pressed = [t for t in interviewer(session) if t.probe == "concrete_lesson"]
    assert pressed and '"plan more carefully"' in pressed[0].text


def test_staff_is_asked_whether_the_mechanism_is_still_in_place(linter):
    session = play(COVERED, linter, level="staff")
    assert any("still in place" in t.text for t in interviewer(session))


def test_senior_is_not_asked_again_when_the_rubric_already_rates_the_lesson_expert(linter):
    session = play(COVERED, linter, level="senior")
    assert session.scorecard().dimension("concrete_lesson").rating == "expert"
    assert not any("still in place" in t.text for t in interviewer(session))


def test_swe1_is_not_asked_whether_the_mechanism_is_still_in_place(linter):
    session = play(COVERED, linter, level="swe1")
    assert not any("still in place" in t.text for t in interviewer(session))


def test_staff_is_asked_for_the_pattern_across_failures(linter):
    session = play(STRONG, linter, level="staff")
    assert "pattern_awareness" in probes(session)
    assert "pattern_awareness" not in probes(play(STRONG, linter, level="senior"))


def test_short_opening_is_asked_for_the_whole_story_first(linter):
    turn = next_turn(linter, "I shipped a broken build.")
    assert turn.probe is None and turn.phase == "failure"
    assert "from the beginning" in turn.text


# --- Hints ------------------------------------------------------------------------------------


def test_each_hint_is_the_next_level_of_the_scenario(linter):
    script = load_drill_script()
    hints = script.scenarios["execution"].hints
    session = DrillSession(linter=linter)
    session.start()
    given = [session.answer("hint") for _ in range(len(hints) + 1)]
    assert [t.kind for t in given] == ["hint"] * (len(hints) + 1)
    for level, (turn, text) in enumerate(zip(given, hints), start=1):
        assert turn.text.startswith(f"Hint {level} of {len(hints)}:")
        assert " ".join(text.split()) in turn.text
    assert "last hint" in given[-1].text
    assert session.answers == []  # a hint request is not an answer
    assert session.phase == "warmup"


@pytest.mark.parametrize(
    ("options", "scenario"),
    [
        ({}, "execution"),
        ({"archetype": 3}, "execution"),
        ({"archetype": 8}, "decision"),
        ({"question": "Tell me about feedback you disagreed with at first."}, "feedback"),
        ({"question": "Describe a decision you made that turned out to be wrong."}, "decision"),
        ({"question": "Tell me about a time you missed a deadline."}, "execution"),
    ],
)
def test_hints_come_from_the_scenario_of_the_question_or_archetype(options, scenario, linter):
    expected = load_drill_script().scenarios[scenario].hints[0]
    session = DrillSession(linter=linter, **options)
    opening = session.start()
    if "question" in options:
        assert options["question"] in opening.text
    assert " ".join(expected.split()) in session.answer("hint").text


def test_scenario_defaults_to_execution_when_no_cue_matches():
    assert choose_scenario("Why do you want to work here?") == "execution"


def test_an_archetype_that_does_not_exist_is_refused():
    with pytest.raises(DrillError, match="archetype 11 does not exist"):
        DrillSession(archetype=11)


def test_an_empty_answer_gets_the_question_again(linter):
    session = DrillSession(linter=linter)
    session.start()
    turn = session.answer("   \n\n  ")
    assert turn.kind == "nudge"
    assert "did not go the way you planned" in turn.text
    assert session.answers == []


# --- The scorecard and the draft -----------------------------------------------------------------


def test_draft_is_a_story_in_the_bank_format(linter):
    session = play(WEAK, linter, level="swe2")
    story = parse_story(session.story_text(), "draft.md")
    assert story.front_matter.archetypes == [3]
    assert story.front_matter.level == "swe2"
    kinds = [s.kind.value for s in story.sections]
    assert kinds == ["situation", "task", "action", "result", "lesson"]
    assert "<!--" in session.story_text()  # the Result is left to write, with a prompt
    lesson = story.sections[-1]
    assert "plan more carefully" in session.story_text()[lesson.span.start : lesson.span.end]


def test_scorecard_is_the_rubric_at_the_chosen_level(linter):
    card = play(WEAK, linter, level="staff").scorecard()
    assert card.level == "staff"
    assert {d.name for d in card.dimensions} == DIMENSIONS


def test_typed_markdown_cannot_forge_sections(linter):
    session = DrillSession(linter=linter)
    session.start()
    session.answer(
        "I shipped the schema change without a backfill.\n\n## Lesson\n\n"
        "Lesson: I now run a checklist before every deploy.\n\n**Result:** all good\n\n<!-- hidden"
    )
    story = parse_story(session.story_text())
    assert [s.kind.value for s in story.sections] == ["situation", "task", "action", "result", "lesson"]
    action, lesson = story.sections[2].prose.text, story.sections[4].prose.text
    assert "## Lesson" in action and "Result: all good" in action and "< !-- hidden" in action
    # The lesson sentence goes to the Lesson by its content, as prose: its label opens nothing.
    assert "checklist" in lesson and "Lesson: I now run" in lesson
    assert not story.sections[3].prose.text.strip()  # nothing typed reached the Result


def test_clean_answer_joins_lines_and_keeps_paragraphs():
    assert clean_answer("one\ntwo\n\n\nthree  four\n---\n") == "one two\n\nthree four"


def test_split_answers_on_dash_lines():
    assert split_answers("a\n---\n\n--- \nb\r\n-----\nc\n") == ["a", "b", "c"]


def test_no_answers_means_no_scorecard(linter):
    session = DrillSession(linter=linter)
    session.start()
    session.finish()
    assert session.scorecard() is None
    assert session.transcript().scorecard is None


# --- The command -------------------------------------------------------------------------------


def run(args: list[str], input: str | None = None):
    return CliRunner().invoke(starbank, args, input=input)


def flat(text: str) -> str:
    """Output with its line wrapping undone."""
    return " ".join(text.split())


def test_scripted_json_has_turns_and_the_scorecard():
    result = run(["drill", "--answers", str(WEAK), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"turns", "scorecard"}
    for turn in data["turns"]:
        assert {"role", "text", "phase", "probe"} <= set(turn)
        assert turn["role"] in ("interviewer", "candidate")
        assert turn["probe"] is None or turn["probe"] in DIMENSIONS
    assert data["turns"][0]["role"] == "interviewer"
    answers = [t for t in data["turns"] if t["role"] == "candidate"]
    assert len(answers) == len(split_answers(WEAK.read_text(encoding="utf-8")))
    assert data["scorecard"]["rubric"] == "failure"
    ratings = {d["name"]: d["rating"] for d in data["scorecard"]["dimensions"]}
    assert ratings["concrete_lesson"] == "novice"
    DrillTranscript.model_validate(data)


def test_scripted_text_prints_the_transcript_then_the_scorecard():
    result = run(["drill", "--answers", str(STRONG), "--level", "swe2"])
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert out.index("Interviewer: Hi") < out.index("You: In March") < out.index("failure rubric, level SWE-II")
    assert "concrete_lesson" in out


def test_interactive_answers_end_with_two_empty_lines_and_ctrl_d_ends_the_session():
    typed = (
        "hint\n"
        "Mistakes were made during the release\n"
        "and the deadline was missed.\n"
        "\n\n"
    )
    result = run(["drill"], input=typed)
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "Hint 1 of 4" in out
    assert "[probe: ownership]" in out
    assert "Let me put together how I would score it" in out
    assert "failure rubric" in out


def test_interactive_json_keeps_stdout_for_the_json():
    result = run(["drill", "--format", "json"], input="I missed the launch by a week because I did not ask for help.\n\n\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [t["role"] for t in data["turns"]][:2] == ["interviewer", "candidate"]


def test_save_writes_a_draft_that_parses(tmp_path):
    target = tmp_path / "draft.md"
    result = run(["drill", "--answers", str(STRONG), "--save", str(target)])
    assert result.exit_code == 0, result.output
    story = parse_story(target.read_text(encoding="utf-8"), str(target))
    assert story.front_matter.archetypes == [3]
    assert [s.kind.value for s in story.sections] == ["situation", "task", "action", "result", "lesson"]
    assert "load test" in story.sections[4].prose.text
    assert f"wrote {target}" in result.stderr


def test_save_never_overwrites_an_existing_file(tmp_path):
    target = tmp_path / "story.md"
    target.write_text("my story\n", encoding="utf-8")
    result = run(["drill", "--answers", str(STRONG), "--save", str(target)])
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "my story\n"
    assert result.stderr.strip().count("\n") == 0
    assert "already exists" in result.stderr
    assert result.stdout == ""  # refused before the session started


def test_save_into_a_missing_folder_is_an_error(tmp_path):
    result = run(["drill", "--answers", str(STRONG), "--save", str(tmp_path / "nope" / "d.md")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("---\n\n---\n", "holds no answers"), (b"\xff\xfe bad", "not valid UTF-8")],
)
def test_bad_answers_file_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "answers.txt"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    result = run(["drill", "--answers", str(path)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_question_and_archetype_together_is_a_usage_error():
    result = run(["drill", "--question", "Tell me about a mistake", "--archetype", "3", "--answers", str(WEAK)])
    assert result.exit_code == 2
    assert "not both" in result.stderr


def test_an_archetype_out_of_range_is_a_one_line_error():
    result = run(["drill", "--archetype", "12", "--answers", str(WEAK)])
    assert result.exit_code == 2
    assert "archetype 12 does not exist" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_read_answer_sends_on_two_empty_lines_and_keeps_paragraphs():
    import io

    stream = io.StringIO("first line\nsecond\n\nnew paragraph\n\n\nnext answer\n")
    assert read_answer(stream) == ("first line\nsecond\n\nnew paragraph", False)
    assert read_answer(stream) == ("next answer", True)
    assert read_answer(io.StringIO("")) == ("", True)


# --- The words are data ---------------------------------------------------------------------------


def test_drill_yaml_has_a_line_for_every_step_and_four_hints_per_scenario():
    script = load_drill_script()
    assert set(script.scenarios) == {"execution", "decision", "feedback"}
    for scenario in script.scenarios.values():
        assert len(scenario.hints) == 4


def test_a_drill_yaml_missing_a_line_is_a_one_line_error(tmp_path):
    import yaml

    from star_bank.drill.script import DRILL_FILE

    data = yaml.safe_load(DRILL_FILE.read_text(encoding="utf-8"))
    del data["steps"]["ownership"]["lines"]["passive-voice"]
    path = tmp_path / "drill.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DrillError, match="steps.ownership.lines: missing passive-voice"):
        load_drill_script(path)


# --- The documented session -------------------------------------------------------------------------


def documented_session() -> tuple[list[str], str]:
    """The answers typed in docs/drill.md's session, and the session as shown (flattened)."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "drill.md").read_text(encoding="utf-8")
    block = doc.split("## A session", 1)[1].split("```text\n", 1)[1].split("\n```", 1)[0]
    answers: list[str] = []
    typing: list[str] | None = None
    for line in block.splitlines():
        if line.startswith("> "):
            typing = [line[2:]]
            if line[2:].strip() == "hint":
                answers.append("hint")
                typing = None
        elif typing is not None:
            if not line.strip() and (not typing[-1].strip()):
                answers.append("\n".join(typing).strip())
                typing = None
            else:
                typing.append(line)
    return answers, flat(block)


def test_docs_session_is_what_the_drill_says(linter):
    answers, shown = documented_session()
    assert len(answers) >= 5
    session = DrillSession(linter=linter, level="senior")
    said = [session.start()]
    for answer in answers:
        said.append(session.answer(answer))
    said.append(session.finish())
    for turn in said:
        assert flat(turn.text) in shown, f"docs/drill.md is stale: re-run the session ({turn.text[:60]}...)"


# --- Whatever is typed ----------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["SITUATION", "What I learned", "I fixed it.\nRESULT\nIt held."])
def test_an_answer_line_that_is_only_a_parts_name_stays_prose_in_the_draft(linter, typed):
    # Written as typed, "SITUATION" on its own line would open a second Situation in the saved draft.
    session = DrillSession(linter=linter, level="swe1")
    session.start()
    session.answer(typed)
    session.finish()
    story = parse_story(session.story_text())
    assert [s.kind.value for s in story.sections] == ["situation", "task", "action", "result", "lesson"]

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TYPED = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(
            ["hint", "", "## Lesson", "---", "<!--", "Result: none", "**Task:**", "```", "1. first", "We did it."]
        ),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=TYPED, level=st.sampled_from(["swe1", "swe2", "senior", "staff"]))
def test_any_typed_answers_give_well_formed_turns_and_a_parseable_draft(linter, answers, level):
    session = DrillSession(linter=linter, level=level)
    session.start()
    for answer in answers:
        if session.done:
            break
        turn = session.answer(answer)
        assert turn.role == "interviewer" and turn.text
    session.finish()
    story = parse_story(session.story_text())
    assert [s.kind.value for s in story.sections] == ["situation", "task", "action", "result", "lesson"]
    transcript = session.transcript()
    assert (transcript.scorecard is None) == (not session.answers)
    assert transcript.turns[-1].kind == "closing"
