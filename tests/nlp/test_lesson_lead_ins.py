"""Lessons told in shapes other than a cue verb: a label over them, a question that asks for
them, a practice framed as "what we do now", a gate on every case of a kind."""

from __future__ import annotations

import pytest

from star_bank.lint.engine import analyse
from star_bank.nlp.lessons import find_lessons
from star_bank.nlp.stream import attach_docs
from star_bank.story.parse import parse_story


def lessons(text: str):
    story = analyse(parse_story(text))
    attach_docs([story])
    return find_lessons(story)


def test_a_noun_label_over_the_lesson_introduces_it():
    told = ("Main thing I took away: when I review a schema change, I run it against a copy of "
            "production first.\n\nI was the backend lead on the billing service. A column rename "
            "broke the invoice export for a morning and I rolled it back.\n")
    found = lessons(told)
    assert found and found[0].cue == "I took" and found[0].observable


def test_keeping_on_doing_something_is_not_keeping_a_lesson():
    told = ("## Result\nThe export came back by noon.\nThe one I keep coming back to is the invoice "
            "table at my old job, which every report in the firm read from.\n")
    assert lessons(told) == []


def test_the_changes_named_as_a_noun_label_the_practices_after_them():
    told = ("## Result\nThe team stopped routing around me within a month.\n"
            "The changes I made, which I still keep to: every comment I mark blocking says what I "
            "would do instead. I tag comments \"nit:\" when they are taste. And if a pull request has "
            "more than a dozen of my comments, I book a call with its author.\n")
    found = lessons(told)
    assert found[0].cue == "The changes I made"
    assert len(found) == 3 and all(s.observable for s in found[1:])


def test_now_covers_a_coordinated_clause_and_a_gate_on_every_case_binds_it():
    told = ("## Result\nThe stream held for the whole match.\n"
            "Any new video service now needs its error rates split by region before it takes "
            "traffic, and we run a failover rehearsal a week before each big match.\n")
    found = lessons(told)
    assert len(found) == 1 and found[0].cue == "now" and found[0].observable


@pytest.mark.parametrize(
    "sentence",
    [
        "Any dependency bump on the ledger now soaks for a day in staging, with its memory graph open, before production.",
        "Every vendor contract now waits for a second reader until the legal team signs it.",
    ],
)
def test_a_class_of_cases_held_back_by_a_step_is_a_gate(sentence):
    found = lessons(f"## Result\nThe leak was gone by Friday.\n{sentence}\n")
    assert len(found) == 1 and found[0].observable


def test_the_answer_to_a_question_about_the_lesson_is_read_as_one():
    told = ("## Result\nThe match streamed without an outage.\n"
            "My manager asked what I took from it. Honestly the main one is the importance of staying "
            "calm under pressure.\n")
    found = lessons(told)
    assert [s.cue for s in found] == ["continues the lesson"]
    assert found[0].abstraction is not None and not found[0].observable


def test_a_practice_framed_as_what_we_do_now_is_ours_whoever_acts_in_it():
    told = ("## Result\nThe growers used the app all season.\n"
            "What we do now at the agency is that at every kickoff someone asks where the user will "
            "be standing and whether there is any signal there.\n")
    found = lessons(told)
    assert len(found) == 1 and found[0].observable


def test_what_i_changed_said_to_be_a_practice_opens_it():
    told = ("## Result\nThe outbox move took five weeks.\n"
            "What I changed is how I run design reviews. The design doc goes out two days ahead and "
            "everyone leaves written comments in it before the meeting.\n")
    found = lessons(told)
    assert found[0].cue.startswith("changed is how I run")
    assert found[1].cue == "continues the lesson" and found[1].observable


def test_what_a_practice_does_not_do_is_no_maxim():
    told = ("## Result\nThe refund went out by Friday.\n"
            "Now I write the riskiest assumption at the top of every plan and have the sponsor initial it. "
            "Doesn't win me more debates. Makes the surprises cheaper.\n")
    found = lessons(told)
    assert found and not any(s.vague for s in found), [(s.text, s.abstraction) for s in found]


def test_a_number_in_the_reason_for_a_lesson_does_not_make_it_concrete():
    told = ("## Result\nThe duplicates were gone by the next close.\n"
            "What I learned is that one must be very careful with time zones, because the bug only showed "
            "twice a year, on 2 nights.\n")
    found = lessons(told)
    assert len(found) == 1 and found[0].vague
