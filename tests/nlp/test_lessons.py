"""Lesson statements and post-event changes, found wherever a story tells them."""

from __future__ import annotations

import pytest

from star_bank.lint.engine import analyse
from star_bank.nlp.stream import attach_docs
from star_bank.model.story import SectionKind
from star_bank.nlp.lessons import find_lessons
from star_bank.story.parse import parse_story


def lessons(text: str, front: str = ""):
    story = analyse(parse_story(front + text))
    attach_docs([story])
    return find_lessons(story)


def one(sentence: str, heading: str = "Result"):
    found = lessons(f"## {heading}\nThe rollout finished on Tuesday.\n{sentence}\n")
    assert len(found) == 1, [s.text for s in found]
    return found[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "The whole episode taught me to write the rollback plan first.",
        "I learned that a flaky test needs an owner within a day.",
        "Since then I pair with a second reviewer on every schema change.",
        "From then on we kept a shared list of risky tables.",
        "Going forward, I ask for the acceptance criteria in writing.",
        "I now run the load test before each release.",
        "To avoid a repeat, I added a size check to the upload handler.",
        "The biggest takeaway was that estimates need a buffer for unknowns.",
        # an aside between the lesson and its verb: the lesson is still "for me"
        "I think the main lesson for me, and I tell every new lead this, is to write the rollback plan first.",
    ],
)
def test_lesson_statements_are_found_outside_a_lesson_section(sentence):
    statement = one(sentence)
    assert statement.section_kind is SectionKind.result
    assert statement.text.startswith(sentence[:20])


@pytest.mark.parametrize(
    "sentence",
    [
        "I realised the cache key was missing the tenant.",  # a discovery inside the story
        "We moved the job to a bigger machine.",
        "The team was happy with the release.",
        "I learned Go in my first month.",
        "The latency graph showed us that the spike started at noon.",
        "It is important to note that three teams shared the API.",
        "I drove home the importance of the deadline to the whole team.",  # the speaker taught others
    ],
)
def test_narration_is_not_a_lesson(sentence):
    assert not lessons(f"## Action\n{sentence}\n")


def test_every_sentence_of_a_lesson_section_is_a_statement():
    found = lessons("## Key Takeaway\nSmall releases are easier to roll back.\nI keep them under a day of work.\n")
    assert [s.cue for s in found] == ["lesson section", "lesson section"]


def test_a_hypothetical_is_not_an_observable_change():
    statement = one("Next time I would add a canary stage to the deploy.")
    assert statement.hypothetical and statement.mechanism == "canary"
    assert not statement.observable


@pytest.mark.parametrize(
    ("sentence", "mechanism"),
    [
        ("Since then I review the error budget every Monday.", "every Monday"),
        ("I now keep a checklist for database migrations.", "checklist"),
        ("When I estimate now, I add a day for every unknown dependency.", "for every unknown dependency"),
        ("Since the outage I walk through the runbook before every failover drill.", "before every failover drill"),
        ("Our design review became our standard for risky changes, and I still run it.", None),
        ("Since then I hold a half-hour on Thursdays for looking at unfinished work.", "on Thursdays"),
    ],
)
def test_observable_mechanisms(sentence, mechanism):
    statement = one(sentence)
    assert statement.observable
    if mechanism:
        assert statement.mechanism == mechanism


@pytest.mark.parametrize(
    ("sentence", "abstraction"),
    [
        ("It taught me the importance of clear ownership.", "importance"),
        ("I learned to communicate better with the design team.", "better"),
        ("I realised I need to be more careful with config changes.", "careful"),
        ("The experience made me a better engineer.", "engineer"),
        ("My main takeaway is that feedback is a gift.", "gift"),
        ("I learned a lot about working across time zones.", "lot"),
        ("Going forward I need to be more proactive about monitoring.", "proactive"),
        # a trait said to have grown, with no lesson word at all
        ("It definitely made me more careful about finishing my jobs properly.", "careful"),
        ("The main thing I learned is that pairing on the rota makes everyone calmer.", "calmer"),
        # a value presented as taught, with no one named as taught
        ("Overall it reinforced the importance of planning ahead of the busy season.", "importance"),
        ("Good reminder of the value of a second pair of eyes.", "value"),
        # a number in the scene ("forty services"), not in the value's own phrase
        ("It was a good reminder of the importance of clear notes when you move forty services at once.", "importance"),
        ("It was a good reminder that handover notes really matter.", "matter"),
        ("For me it brought home the value of walking the ward before writing the spec.", "value"),
        # what anyone has to do, with nothing named to do it to
        ("The main thing I learned is that sometimes you just have to start and sort it out as you go.", "have to start"),
        # ... or with only the listener's own self to do it to, or a limit anyone has
        ("What I learned is that you have to trust your instincts with a new team.", "have to trust"),
        ("The big thing I took away is that you need to put yourself in the nurse's position.", "need to put"),
        ("Mostly I learned that you can't please everyone on a shared roadmap.", "can't please"),
        # ... or an attitude, whatever it is held towards
        ("What I took from it is that you have to respect the weather your sensors live in.", "have to respect"),
    ],
)
def test_vague_lessons_name_an_abstract_value(sentence, abstraction):
    statement = one(sentence)
    assert statement.vague and abstraction in statement.abstraction
    assert statement.mechanism is None


@pytest.mark.parametrize("sentence", [
    "I learned that you have to test the restore before you trust the backup.",
    "It taught me the value of a 5-minute dry run on a copy of the data.",
    "I learned that you have to write your rollback step into the ticket before every deploy.",
    "I learned that you can't release everything on a Friday without a second reviewer.",
    'Since then every joiner gets our "which alerts actually matter" page in week one.',
])
def test_a_necessity_with_a_thing_to_act_on_or_a_title_that_says_matter_is_not_vague(sentence):
    assert not one(sentence).vague


def test_a_concrete_lesson_is_not_vague():
    statement = one("Since then I write the rollback steps into the ticket before every deploy.")
    assert not statement.vague and statement.observable


def test_a_safeguard_added_after_the_event_is_a_change():
    found = lessons(
        "## Result\nThe queue drained by morning.\nThe next day I added an alert on the queue depth.\n"
    )
    assert found and found[0].observable


@pytest.mark.parametrize("line", [
    "- Fare check has caught 3 bad uploads since, two from the summer timetable.",
    "The fare check has caught three bad uploads since then.",
])
def test_a_safeguard_at_work_since_is_a_change_even_in_notes_without_articles(line):
    found = lessons(f"## Result\n- Refunds done within the week.\n{line}\n")
    assert any(s.observable for s in found)


def test_a_one_off_act_after_the_event_is_not_a_change():
    found = lessons("## Result\nThe queue drained by morning.\nAfter that I wrote a short note to the team.\n")
    assert not any(s.observable for s in found)


def test_a_tie_in_is_not_a_lesson():
    assert not lessons("## AI tie-in\nI learned that evals need a fixed test set.\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "I learned to always double-check my work.",
        "I learned a valuable lesson about trust.",
        "Next time I will try to keep the bigger picture in mind when a deadline gets close.",
    ],
)
def test_lessons_that_name_nothing_a_colleague_could_watch(sentence):
    assert not one(sentence).observable


def test_looking_back_introduces_a_lesson():
    statement = one("Looking back, I should have asked for a second reviewer.")
    assert statement.cue == "Looking back" and statement.hypothetical


@pytest.mark.parametrize(
    "sentence",
    [
        "I made it a rule to pair on every schema change.",
        "I've made a habit of reviewing the error dashboard every morning.",
    ],
)
def test_a_rule_of_ones_own_is_an_observable_change(sentence):
    assert one(sentence).observable


def test_a_safeguard_added_so_the_failure_cannot_recur_is_a_change():
    found = lessons("## Action\nI rolled back and added a CI check so this never happens again.\n")
    assert found and found[0].observable


def test_doing_something_again_is_not_a_change():
    assert not lessons("## Action\nI added the missing row and ran the test again.\n")


def test_a_part_told_after_the_story_dates_its_changes():
    # A heading the STAR labels do not name ("Afterwards") after the Result: what it tells came later.
    found = lessons(
        "## Action\nI traced the stall to a lock that never expired.\n\n"
        "## Result\nThe stalls stopped the same day.\n\n"
        "## Afterwards\nI added a test to the suite that holds the lock past its expiry.\n"
    )
    assert [s.section_kind for s in found] == [SectionKind.other]
    assert found[0].observable


def test_a_sentence_adverb_is_not_a_vague_trait():
    statement = one("More broadly, I've started asking for a load test whenever a query touches the orders table.")
    assert not statement.vague and statement.observable


@pytest.mark.parametrize(
    "sentence",
    [
        "The lesson for me was to always double-check before merging and to be more careful with billing code.",
        "My takeaway was to re-check everything and to be more thorough.",
    ],
)
def test_a_mechanism_word_used_as_a_verb_names_no_mechanism(sentence):
    # "double-check", "re-check": an act with no artefact, so the trait beside it makes the lesson vague.
    statement = one(sentence)
    assert statement.mechanism is None and statement.vague


def test_a_mechanism_word_that_others_do_as_an_activity_names_no_mechanism():
    # "asking questions" is what the new hires do; "we hold retros" would be the speaker's.
    statement = one("I think what I learned is that you have to be patient, and communication is key, like you "
                    "have to make sure people feel comfortable asking questions.")
    assert statement.mechanism is None and statement.vague
    assert one("Since then we hold retros with the new hires every month.").observable


@pytest.mark.parametrize(
    "sentence",
    [
        "What I took from it is that a one-line design note settles most arguments early.",
        "The thing I learned was to ask who else reads a table before changing it.",
        "What stuck with me was how quickly a small demo changes a skeptic's mind.",
    ],
)
def test_a_lesson_told_as_the_subject_of_be_is_found(sentence):
    assert one(sentence).cue


def test_a_modal_inside_a_cleft_lesson_makes_it_hypothetical():
    assert one("The thing I'd carry into any rewrite is to freeze the old API first.").hypothetical


@pytest.mark.parametrize(
    ("sentence", "abstraction"),
    [
        ("This taught me patience and humility.", "patience"),
        ("The whole thing taught me accountability.", "accountability"),
        ("I came away with a much deeper appreciation for the support team.", "appreciation"),
        ("I grew a lot as a developer that year.", "lot"),
        ("I now understand how crucial code review is.", "how crucial"),
        ("The biggest lesson was to never assume and to always communicate.", "to never assume"),
        ("The lesson is that onboarding is really about patience and trust.", "patience"),
        # A stance of the mind, after a cleft that names the learning: "what I took from it is to ...".
        ("What I took from it is to keep an open mind when a tester disagrees.", "to keep"),
        ("The lesson I learned was to keep an open mind.", "to keep"),
    ],
)
def test_platitudes_in_other_shapes_are_vague(sentence, abstraction):
    # A virtue as what was learned, an insight gained, growth claimed, an evaluation, or an act with no object.
    statement = one(sentence)
    assert statement.vague and abstraction in statement.abstraction


@pytest.mark.parametrize(
    "sentence",
    [
        "It taught me to ask for the rollback plan before approving a deploy.",
        "I learned Kubernetes networking the hard way.",
        "The lesson was to run the migration on a copy of the production data first.",
        "What I took from it is to keep a changelog next to every migration script.",
    ],
)
def test_a_lesson_with_an_object_or_a_named_skill_is_not_a_platitude(sentence):
    found = lessons(f"## Result\nThe rollout finished on Tuesday.\n{sentence}\n")
    assert not any(s.vague for s in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Since that outage I read the connection-pool graph before every release.",
        "Ever since, our team holds a short design review before each new endpoint.",
        "My rule now: no migration merges without a dry run on staging.",
        # nothing of a kind goes ahead without the gate
        "Nobody on the desk, me included, publishes a fare change without a second reader.",
        # a cleft: the cadence belongs to what "I" kept
        "What I kept is the fare review: one every Monday, with a different clerk leading it.",
    ],
)
def test_a_habit_dated_from_the_event_or_owned_by_our_team_is_observable(sentence):
    assert one(sentence).observable


def test_since_meaning_because_is_not_a_lesson():
    assert not lessons("## Action\nSince the vendor was late, I wrote a stub for their API.\n")


@pytest.mark.parametrize(
    ("sentence", "abstraction"),
    [
        ("The outage taught me a lot about humility.", "lot"),
        ("In the end I learned that honesty is the best policy.", "honesty"),
        ("It made me realise that ownership is a team sport.", "ownership"),
        ("Most of all, I learned to trust the people around me.", "to trust"),
    ],
)
def test_maxims_and_stances_are_vague(sentence, abstraction):
    # "X is the best policy" names a category, not a policy anyone follows.
    statement = one(sentence)
    assert statement.vague and abstraction in statement.abstraction and not statement.observable


def test_a_rule_dated_from_the_event_binds_whoever_it_names():
    statement = one("Since the outage, every schema change needs a sign-off from a second engineer.")
    assert statement.observable and statement.mechanism == "sign-off"


def test_what_the_speaker_would_do_another_time_is_a_hypothetical_lesson():
    found = lessons("## Result\nThe rollout finished on Tuesday.\nIf I ran it again, I would stage the rollout by region.\n")
    assert found and found[0].hypothetical and not found[0].observable


def test_a_vague_resolution_beside_a_habit_with_a_vague_object_stays_vague():
    text = (
        "## Situation\nI booked the venue for our conference before asking the speakers about dates.\n\n"
        "## Action\nI moved the booking by a month.\n\n"
        "## Lesson\nI learned to be more thorough and to go over everything with the speakers before booking.\n"
    )
    statements = lessons(text)
    assert len(statements) == 1
    assert statements[0].mechanism is None and statements[0].vague


def test_double_written_apart_before_its_verb_is_not_a_quantity():
    text = (
        "## Situation\nOur invoice run failed.\n\n## Action\nI reran it.\n\n"
        "## Lesson\nI learned the value of planning and to always double check my assumptions.\n"
    )
    statements = lessons(text)
    assert statements and statements[0].vague


def test_a_modal_inside_a_quoted_question_is_not_the_speakers_hypothetical():
    text = (
        "## Situation\nA new tester kept sitting on finished test plans.\n\n## Action\nI paired with her.\n\n"
        '## Lesson\nI now ask "what would go wrong if you shared it today?" at every first check-in.\n'
    )
    statements = lessons(text)
    assert len(statements) == 1, [s.text for s in statements]
    assert not statements[0].hypothetical and statements[0].observable


@pytest.mark.parametrize(
    ("sentence", "abstraction"),
    [
        ("Patience is absolutely essential on a night shift.", "Patience"),  # a maxim about a thing in general
        ("All in all it was a valuable learning experience.", "learning experience"),  # the event praised as a lesson
        ("Next time I would think more carefully about the schema.", "think more carefully"),
        ("Next time I would reflect longer on who else depends on it.", "reflect longer"),  # the mind said to work more
    ],
)
def test_platitudes_recognised_by_their_shape(sentence, abstraction):
    statement = one(sentence)
    assert statement.vague and abstraction in statement.abstraction


@pytest.mark.parametrize(
    "sentence",
    [
        "The staging database is essential for the nightly import.",  # a thing in the story, not a maxim
        "If I ran it again, I would argue harder for a second week of testing.",  # an act with its object
    ],
)
def test_not_every_evaluation_or_comparative_is_a_platitude(sentence):
    found = lessons(f"## Result\nThe rollout finished on Tuesday.\n{sentence}\n")
    assert not any(s.vague for s in found)


def test_learning_as_the_aim_of_an_act_is_not_a_lesson():
    assert not lessons("## Action\nI sat with two cashiers for a morning to understand the refunds they handled.\n")


def test_a_claim_of_ability_is_no_habit():
    found = lessons("## Result\nThe rollout finished on Tuesday.\nIt proved I can lead a team when the plan keeps changing.\n")
    assert not any(s.observable for s in found)


def test_a_safeguard_at_work_in_a_later_period_is_a_change():
    statement = one("The following quarter the checklist stopped three risky quotes.")
    assert statement.observable and statement.mechanism == "checklist"


@pytest.mark.parametrize(
    "sentence",
    [
        "On any new site now I leave the wiring sheet with the shift lead.",
        "In any handover now I walk the new owner through the restore steps.",
    ],
)
def test_an_act_tied_to_every_case_of_a_kind_is_an_observable_change(sentence):
    # The class of occasions is read from the parse ("any new site"), not from a phrase list.
    assert one(sentence).observable


@pytest.mark.parametrize(
    "sentence",
    [
        "That is something I bring now into any team I join.",
        "I now think about the customer on any project.",
    ],
)
def test_a_trait_or_a_thought_for_every_case_is_no_observable_change(sentence):
    assert not one(sentence).observable


@pytest.mark.parametrize(
    ("sentence", "observable"),
    [
        ("The nightly job restores last week's backup into a scratch database.", True),  # a process in force
        ("A weekly report now lists every restore that took over an hour.", True),
        ("The customers phone the desk every morning.", False),  # people's own routine, nothing set up
    ],
)
def test_a_thing_doing_a_recurring_act_in_a_lesson_is_a_process_in_force(sentence, observable):
    found = lessons(f"## Situation\nA restore I ran failed.\n\n## Lesson\n{sentence}\n")
    assert found and found[0].observable is observable



def test_a_maxim_after_a_lesson_in_its_paragraph_is_read_for_a_platitude():
    told = ("## Result\nThe rollout finished on Tuesday.\n"
            "If there's one takeaway: a slow queue is rarely where you first look. Stay curious.\n")
    found = lessons(told)
    assert [s.cue for s in found] == ["takeaway", "continues the lesson"]
    assert found[1].abstraction == "Stay curious"
    # The speaker's own state after the lesson is no maxim, whatever words it holds.
    aside = ("## Result\nThe rollout finished on Tuesday.\n"
             "If there's one takeaway: a slow queue is rarely where you first look. "
             "I'm not sure I'd have seen it myself, to be honest.\n")
    assert [s.cue for s in lessons(aside)] == ["takeaway"]
