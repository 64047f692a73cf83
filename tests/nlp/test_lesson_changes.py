"""Changes told as acts, with no time marker: a safeguard still at work, a decision about a
safeguard or about the future, a habit told with "now" far from its verb."""

from __future__ import annotations

import pytest

from star_bank.lint.engine import Linter, analyse
from star_bank.nlp.lessons import find_lessons
from star_bank.nlp.stream import attach_docs
from star_bank.rubric.score import score_story
from star_bank.story.parse import parse_story

# An unlabelled story where nothing is said to have gone wrong: no marker of the Result and
# no failure to date the change by, so only the sentence's own shape can make it a change.
PLAIN = (
    "Our warehouse team asked for a faster way to reconcile pallet counts each evening.\n\n"
    "I wrote a small service that compares the scanner totals with the stock ledger and it went live in May.\n"
    "{sentence}\n"
)

INCIDENT = (
    "## Situation\nA pricing job I owned pushed wrong discounts to the shop for a morning.\n\n"
    "## Action\nI reverted the job and corrected the affected orders with the support team.\n\n"
    "## Result\nAll orders were corrected by the evening. {sentence}\n"
)


_LINTER = Linter()


def found(text: str):
    story = analyse(parse_story(text))
    attach_docs([story])
    return find_lessons(story)


def rules_fired(text: str) -> set[str]:
    return {finding.rule for finding in _LINTER.lint_text(text, "story.md")}


@pytest.mark.parametrize(
    "sentence",
    [
        # a present-tense clause on the safeguard: it outlived the event
        "I put a lint step in the pipeline that rejects any migration without a down script.",
        # a present-tense consequence: what the safeguard keeps from happening
        "I also added a size limit to the upload form, so an oversized file is never accepted.",
        # a trigger in the present on the thing set up
        "I added an alert when the nightly import fails.",
        # a consequence that says what can no longer happen: a gate
        "I made the sign-off a required field in the release form, so you couldn't publish without it.",
    ],
)
def test_a_safeguard_still_at_work_is_a_change_with_no_time_marker(sentence):
    statements = [s for s in found(PLAIN.format(sentence=sentence)) if s.text.startswith(sentence[:15])]
    assert statements and statements[0].observable
    assert "no-observable-change" not in rules_fired(PLAIN.format(sentence=sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "I added a test to reproduce the bug.",  # past, nothing said to keep working
        "I wrote a script and ran it once on the old rows.",
        "I rewrote the form, so the customers could read it.",  # a consequence, but no gate
        # words quoted in the present are what the thing said, not what it still does
        'I built a reminder service for the clinic, texts to patients, "your appointment is tomorrow".',
    ],
)
def test_a_one_off_act_with_no_present_clause_is_not_a_change(sentence):
    assert not [s for s in found(PLAIN.format(sentence=sentence)) if s.text.startswith(sentence[:15])]


def test_a_safeguard_described_in_the_setting_is_the_world_as_it_was():
    text = "## Situation\nWe had set up a dashboard that tracks refund volume by region.\n\n## Action\nI chased the spike.\n"
    assert not found(text)


def test_now_far_from_its_verb_still_marks_a_present_habit():
    sentence = "Now, for any change that touches invoicing, I write a short rollback note before I merge."
    statements = found(PLAIN.format(sentence=sentence))
    assert [s.cue for s in statements] == ["Now"]
    assert statements[0].observable


def test_now_on_a_wish_or_a_state_of_mind_is_no_habit():
    assert not found(PLAIN.format(sentence="I try to be calmer about deadlines now."))


def test_a_decision_about_a_safeguard_is_a_change_even_with_nobody_named():
    sentence = "It was agreed that every pricing change would need a second approval."
    statements = found(INCIDENT.format(sentence=sentence))
    assert [s.cue for s in statements] == ["agreed"]
    assert statements[0].observable and not statements[0].hypothetical


def test_a_decision_set_in_the_future_is_a_lesson_and_a_manner_that_only_grows_is_vague():
    sentence = "We also agreed to check discount rules more thoroughly in future."
    statements = found(INCIDENT.format(sentence=sentence))
    assert len(statements) == 1 and statements[0].vague
    assert "vague-lesson" in rules_fired(INCIDENT.format(sentence=sentence))


def test_a_decision_with_no_safeguard_and_no_future_is_narration():
    assert not found(INCIDENT.format(sentence="We decided to refund the customers the same day."))


def test_an_unowned_safeguard_is_not_an_adopted_lesson():
    text = INCIDENT.format(sentence="It was decided that alerts for the job would page the on-call engineer.")
    card = score_story(parse_story(text, "story.md"), linter=_LINTER)
    assert card.dimension("concrete_lesson").rating == "intermediate"
    owned = INCIDENT.format(sentence="I then added an alert for the job that pages the on-call engineer.")
    card = score_story(parse_story(owned, "story.md"), linter=_LINTER)
    assert card.dimension("concrete_lesson").rating == "expert"


def test_a_habit_the_parser_hangs_under_its_consequence_is_still_adopted():
    # "..., so new forms get reviewed": spaCy often makes the act a complement of the 'so' clause.
    text = INCIDENT.format(
        sentence="Since then I add a privacy section to every design template I touch, so new tables get on the register before they are built."
    )
    card = score_story(parse_story(text, "story.md"), linter=_LINTER)
    assert card.dimension("concrete_lesson").rating == "expert"


def test_a_specific_behaviour_imagined_for_next_time_is_intermediate_but_a_platitude_is_novice():
    # A named act for another time is a change in behaviour, not yet a mechanism anyone can see.
    for plan in ("If I faced this again, I would split the discount work into smaller pieces.",
                 "If this came up again I would ask the client for real sample files on the first day.",
                 "If I faced this again, I would add a checklist to the discount release."):
        card = score_story(parse_story(INCIDENT.format(sentence=plan), "story.md"), linter=_LINTER)
        assert card.dimension("concrete_lesson").rating == "intermediate", plan
    vague = INCIDENT.format(sentence="If I faced this again, I would communicate better with everyone.")
    card = score_story(parse_story(vague, "story.md"), linter=_LINTER)
    assert card.dimension("concrete_lesson").rating == "novice"


# A labelled story where the speaker fixed someone else's fault: no failure of their own to date
# a change by, so the change must be recognised from how it is told.
FIXED = (
    "## Situation\nA partner's feed sometimes sent each parcel twice and our depot booked both.\n\n"
    "## Action\nI matched the duplicates by tracking number and rewrote the import to skip a repeat.\n\n"
    "## Result\nDuplicate bookings went from 30 a week to none. {sentence}\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Any parcel without a depot code goes to a person for a check before it is booked.",
        "Every new partner feed must pass a replay of last month's parcels before it goes live.",
        # Everyone or everything of a kind, narrowed by a clause or a phrase: the narrowing is the trigger.
        "Everyone who ships a feed change runs the replay first.",
        "Anything over fifty parcels needs a second pair of eyes.",
        # A class of things narrowed by a clause of its own: the clause is the trigger.
        "Any import that touches the depot codes needs a second reviewer from operations.",
        "Every feed that sends returns goes through the replay.",
        # The speaker's own note of what was added, with the rule after a colon.
        "-> added: any import touching depot codes needs a 2nd reviewer from ops.",
    ],
)
def test_a_rule_for_a_whole_class_of_cases_in_force_now_is_a_change(sentence):
    statements = found(FIXED.format(sentence=sentence))
    assert statements and statements[0].observable
    assert "no-observable-change" not in rules_fired(FIXED.format(sentence=sentence))


def test_a_present_outcome_for_every_case_with_no_trigger_is_not_a_rule():
    assert not found(FIXED.format(sentence="Every parcel now arrives with a depot code."))
    # Everyone, un-narrowed, or a state of the class, is no rule either.
    assert not found(FIXED.format(sentence="Everyone likes the new depot screen."))
    assert not found(FIXED.format(sentence="Anyone who joined later is happier with it."))
    # Someone else's words after a colon report a rule; they do not put one in place.
    assert not found(FIXED.format(sentence="The ops lead said: anyone who wants an exception asks her."))


def test_a_safeguard_seen_at_work_since_the_event_is_a_change():
    text = FIXED.format(sentence="I also set up a duplicate alarm. The alarm has gone off twice since then, both real repeats.")
    statements = found(text)
    assert any(s.cue.endswith("since then") and s.observable for s in statements)


def test_a_team_change_since_the_event_names_no_mechanism():
    assert not found(FIXED.format(sentence="The depot has grown a lot since then."))


@pytest.mark.parametrize(
    "sentence",
    [
        "The duplicate check has been green since then.",  # a state: how things stayed, not a safeguard at work
        "The duplicate check has been green since then, as far as I know.",  # a hedge puts no speaker in it
    ],
)
def test_a_state_since_the_event_is_the_outcome_not_a_change(sentence):
    assert not found(FIXED.format(sentence=sentence))


def test_an_artefact_made_after_the_event_and_still_in_use_is_a_change():
    # 'notebook' is an artefact, not in the safeguard list: what makes it a change is the date and
    # the present tense that describes it at work.
    sentence = "After that I made a shared notebook that lists every partner's feed quirks."
    statements = found(FIXED.format(sentence=sentence))
    assert [s.cue for s in statements] == ["made"] and statements[0].observable


def test_a_lesson_introduced_by_a_label_clause_is_found_and_an_advised_habit_with_a_trigger_counts():
    sentence = "What I took away: when two records look identical, diff their raw bytes before trusting the ids."
    statements = found(FIXED.format(sentence=sentence))
    assert [s.cue for s in statements] == ["What I took"]
    assert statements[0].observable


def test_an_advised_habit_with_nothing_to_act_on_is_not_a_mechanism():
    statements = found(FIXED.format(sentence="What I took away: when in doubt, check everything before you ship."))
    assert statements and not statements[0].observable


def test_a_rule_told_amid_the_work_describes_what_was_built():
    text = (
        "## Situation\nOur primary database ran hot every evening.\n\n"
        "## Action\nI rewrote the read path. Every query that misses the cache goes to a replica before it "
        "can reach the primary.\n\n## Result\nLoad on the primary fell by 60%.\n"
    )
    assert not found(text)


# A success story: nothing went wrong, so only where the sentence stands can date a change.
GROWTH = (
    "## Situation\nA partner was about to send our search four times its usual traffic.\n\n"
    "## Action\nI split the index into shards and replayed an hour of traffic against staging.\n\n"
    "## Result\nAt the next peak p95 latency was 190ms.\n\n{sentence}\n"
)


def test_a_safeguard_set_up_at_the_end_of_a_success_storys_result_is_a_change():
    text = GROWTH.format(sentence="I added the replay to our launch checklist for every new partner.")
    assert [lesson.observable for lesson in found(text)] == [True]
    assert not any(f.rule == "missing-section" and "Lesson" in f.message
                   for f in _LINTER.lint_text(text, "story.md"))


def test_the_deliverable_at_the_end_of_a_success_storys_result_is_not_a_change():
    text = GROWTH.format(sentence="I shipped the sharded index to every region that month.")
    assert found(text) == []
    assert any(f.rule == "missing-section" and "Lesson" in f.message
               for f in _LINTER.lint_text(text, "story.md"))


# A story the classifier reads as debugging, whose text still tells something going wrong.
DRIFT = (
    "## Situation\nA new node pool went live and an outage hit uploads for a slice of users.\n\n"
    "## Action\nI traced the failures to three nodes whose clocks had drifted and drained them.\n\n"
    "## Result\nFailures dropped from 3% to almost none within a day. {sentence}\n\n"
    "## Numbers\nThree percent to almost none in a day.\n"
)


def test_a_safeguard_told_in_the_result_of_a_story_where_something_went_wrong_is_a_change():
    text = DRIFT.format(sentence="I added an alert on clock offset above one second.")
    assert [lesson.observable for lesson in found(text)] == [True]


def test_a_present_habit_on_a_mechanism_told_after_a_failure_is_a_change():
    text = (
        "## Background\nI reorganised the lab's shared drive with a script.\n\n"
        "## What went wrong\nThe script overwrote files that shared a name, and I did not count the files.\n\n"
        "## What I did\nI told my supervisor that afternoon and we restored most runs from a snapshot.\n\n"
        "## After\nFor any bulk rename I use a checklist that compares file counts before anything is deleted.\n"
    )
    assert any(lesson.observable for lesson in found(text))


def test_a_proposal_counts_as_a_change_only_once_the_story_is_over():
    amid = ("## Situation\nMy manager wanted to split billing into a service.\n\n## Action\n"
            "I proposed a six-week pilot: we keep billing in the monolith behind a linter that guards its edges.\n\n"
            "## Result\nThe pilot ran for six weeks.\n")
    assert found(amid) == []
    after = ("## Situation\nOur email provider dropped password resets for two hours.\n\n## Action\n"
             "I paged the on-call engineer and posted a status update at 9:05.\n\n## Result\nResets worked "
             "again by 10:30. Afterwards I proposed a synthetic check that emails a seed inbox every ten minutes.\n")
    assert any(lesson.observable for lesson in found(after))


def test_a_label_clause_about_what_the_speaker_changed_introduces_the_change():
    text = PLAIN.format(sentence="What I changed after: \u2192 every fare change now goes through a second reader before it is published.")
    statements = [s for s in found(text) if "What I changed" in s.text]
    assert statements and statements[0].observable


LESSON_THEN_PRACTICE = (
    "## Situation\nThe quarterly stock report I built double-counted returns for a month.\n\n"
    "## Action\nI rebuilt the report and sent the corrected totals to the buyers. The lesson I took was "
    "mainly the value of checking my own work. {practice}\n\n"
    "## Result\nThe buyers reordered on the right numbers.\n"
)


def test_the_practice_told_after_a_lesson_in_its_paragraph_states_the_lesson_too():
    # "The value of checking" is a platitude; the present-tense practice after it is the change.
    text = LESSON_THEN_PRACTICE.format(practice="In practice, every report I build goes through a checklist "
                                       "and a second analyst's review before it is shared.")
    practice = [s for s in found(text) if s.text.startswith("In practice")]
    assert practice and practice[0].observable
    assert "no-observable-change" not in rules_fired(text)


def test_an_event_told_after_a_lesson_is_not_a_practice():
    # Past tense: what happened next in the story, not a standing change.
    text = LESSON_THEN_PRACTICE.format(practice="I then sent a reconciliation sheet to the buyers.")
    assert not [s for s in found(text) if s.text.startswith("I then")]


@pytest.mark.parametrize("text, first", [
    # Told in the Action, the list would read as the fix; the lead-in says it is what changed.
    ("## Situation\nI chose a customer's phone number as the key of our loyalty accounts.\n\n"
     "## Action\nWhen people changed numbers, their points vanished, and I moved the accounts to an "
     "internal ID over a month.\n\nWhat I changed afterwards, and still do:\n\n"
     "- For any key that comes from outside, I write one line in the design doc about the day it changes.\n"
     "- For every new identifier, I ask a second engineer for a review.\n", "For "),
    # No checklist, alert or review word in the items: the lead-in says these are what changed.
    ("## Situation\nI ran a cleanup script against the production database by mistake.\n\n"
     "## Action\nI restored the table from the replica within the hour and told my lead.\n\n"
     "What I changed, and still do:\n"
     "- my shell prompt shows the environment in red on production.\n"
     "- my default role on production is read only.\n", "my "),
], ids=["mechanisms", "whatever-they-name"])
def test_the_list_after_a_lead_in_states_the_lesson(text, first):
    listed = [s for s in found(text) if s.text.startswith(first)]
    assert len(listed) == 2 and all(s.observable for s in listed)
    assert "no-observable-change" not in rules_fired(text)


def test_a_step_dated_the_same_day_is_the_recovery_not_a_habit():
    # "day" marks the present only in "these days": "the same day" dates an act of the story.
    text = ("## Situation\nThe stock report I built double-counted returns for a month.\n\n"
            "## Action\nI rebuild the report the same day and tell the buyers within the hour.\n")
    assert not [s for s in found(text) if s.text.startswith("I rebuild")]


@pytest.mark.parametrize(
    "sentence",
    [
        # a thing held to a safeguard, whoever does the work
        "Price files now go through the same canary as code.",
        "So now the nightly export gets a second review before it is published.",
        # a whole class of cases, with no safeguard word at all
        "So now, any parcel with a fragile sticker gets set aside and wrapped twice by the packer.",
        # the speaker's clause hung beside the one 'now' modifies
        'Now anything that touches invoices, I ask "has this had a dry run?" first.',
        # every case of a kind is given a mechanism
        "So now any make-or-buy choice on my team gets a one-page decision record in the wiki.",
    ],
)
def test_a_rule_now_in_force_is_a_lesson_whoever_it_binds(sentence):
    statements = [s for s in found(INCIDENT.format(sentence=sentence)) if s.text.startswith(sentence[:12])]
    assert statements and statements[0].cue.lower() == "now"


@pytest.mark.parametrize(
    "sentence",
    [
        "The billing team now includes support in their launch plans.",  # a team acting, with an object of its own
        "The service now handles four thousand requests a second.",  # an outcome, no rule
        "My manager now checks the export herself.",  # a person's habit, not the speaker's rule
    ],
)
def test_now_on_someone_elses_act_or_an_outcome_is_not_a_rule(sentence):
    assert not [s for s in found(INCIDENT.format(sentence=sentence)) if s.text.startswith(sentence[:12])]


def test_a_lesson_noun_the_speaker_took_away_is_a_lesson_statement():
    sentence = "The habit I took from it: when a queue backs up and the workers look idle, I check the broker first."
    statements = [s for s in found(PLAIN.format(sentence=sentence)) if s.text.startswith("The habit")]
    assert statements and statements[0].cue == "habit I took"
    assert statements[0].observable


def test_a_noun_of_the_speakers_that_was_not_taken_from_the_event_is_not_a_lesson():
    sentence = "The template I built for the launch had nine sections."
    assert not found(PLAIN.format(sentence=sentence))


def test_a_safeguard_in_a_list_of_acts_sharing_the_speaker_is_still_at_work():
    # The present clause hangs on the second act; the alert on the first is set up all the same.
    sentence = ("I added an alert at 80% disk use, moved the retention setting into the base image so nobody "
                "changes it by hand, and wrote the step into the runbook.")
    statements = [s for s in found(PLAIN.format(sentence=sentence)) if s.text.startswith("I added")]
    assert statements and statements[0].observable


def test_a_verb_whose_past_looks_like_its_present_continues_a_lesson_with_a_present_trigger():
    # 'read' is tagged past; the present trigger says it is a practice that goes on from the lesson.
    text = INCIDENT.format(sentence=(
        "What I do now is simple: every pricing job has a dry-run flag. If a run changes more than a hundred "
        "prices, I read the diff myself before it goes out."))
    assert any(s.text.startswith("If a run") and s.observable for s in found(text))


def test_now_hung_on_the_acts_object_still_marks_a_present_habit():
    # The parser hangs 'now' on "handover" (read as a verb object), not on "do".
    sentence = "I do handover at the bedside now with the chart open between us."
    statements = [s for s in found(INCIDENT.format(sentence=sentence)) if s.text.startswith("I do handover")]
    assert statements and statements[0].cue == "now"


def test_saying_the_way_of_working_changed_opens_the_practice_that_follows():
    text = (
        "I gave the wrong dose times at a ward handover, and the pharmacist caught it the next morning. I told "
        "the charge nurse and filled in the incident form with her.\n\n"
        "After that I changed what I do. For anything that changed during my shift, I say it out loud and the "
        "next nurse reads it back before I leave.\n"
    )
    statements = found(text)
    assert [s.cue for s in statements][:2] == ["changed what I do", "continues the lesson"]
    assert statements[1].observable


def test_a_change_to_what_someone_else_does_is_not_the_speakers_practice():
    sentence = "The audit changed what the night team checks."
    assert not [s for s in found(PLAIN.format(sentence=sentence)) if s.text.startswith("The audit")]


@pytest.mark.parametrize("sentence", ["I hadn't set any limit on the discount codes.",
                                      "We never added a review step for the pricing job."])
def test_a_safeguard_not_put_in_place_is_no_change(sentence):
    assert [lesson.text for lesson in found(INCIDENT.format(sentence=sentence)) if sentence[:12] in lesson.text] == []


def test_a_cadence_after_instead_of_is_the_old_way_not_the_new_mechanism():
    from star_bank.nlp.lesson_judgement import mechanism_of
    from star_bank.nlp.lesson_vocabulary import load_vocabulary
    from star_bank.nlp.lessons import compiled
    from star_bank.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    lists = compiled(load_vocabulary())
    old_way = nlp("Because the rota now goes out on Friday instead of whenever I found the time, swaps have dropped.")
    assert mechanism_of(old_way[:], lists) is None
    new_way = nlp("I now send the rota out weekly instead of whenever I found the time.")
    assert mechanism_of(new_way[:], lists) == "weekly"


def test_what_a_note_holds_after_its_colon_does_not_make_writing_it_a_change():
    # "what a double booking costs a guest" is the note's content, not a safeguard at work.
    sentence = ("I wrote a one-page note: the repro steps, what a double booking actually costs a guest, "
                "and the two options side by side.")
    assert not [s for s in found(PLAIN.format(sentence=sentence)) if s.text.startswith(sentence[:15])]


@pytest.mark.parametrize("sentence", [
    "Before every release of the mobile app, I sit with two nurses and watch them book a shift.",
    "After each outage I write the timeline into our shared incident log.",
])
def test_a_present_act_on_a_recurring_occasion_is_an_observable_habit(sentence):
    text = INCIDENT.format(sentence=sentence)
    lessons = [lesson for lesson in found(text) if lesson.text.startswith(sentence.split()[0])]
    assert lessons and lessons[0].observable
    assert "no-observable-change" not in rules_fired(text)


def test_a_past_pass_over_each_item_is_no_habit():
    text = PLAIN.format(sentence="Then I went back and asked, for each column, whether anyone still read it.")
    assert found(text) == []


@pytest.mark.parametrize("sentence", [
    "Concretely, a price file can no longer go live without a parity check against the ledger.",
    "Nobody can merge to the release branch without a second review now.",
])
def test_an_act_barred_without_a_gate_is_a_rule_in_force(sentence):
    statements = [s for s in found(INCIDENT.format(sentence=sentence)) if s.text.startswith(sentence[:12])]
    assert statements and statements[0].observable and "without" in statements[0].mechanism


def test_a_list_right_under_a_lead_in_line_states_what_changed():
    # No blank line between the lead-in and its list, an aside before the colon, and items
    # in lower case with no full stop: still the changes, one by one.
    text = (
        "## Situation\nA discount job I owned sent wrong prices to the shop for a morning.\n\n"
        "## Action\nI reverted the job and re-sent the corrected prices by noon.\n"
        "What changed afterwards (people always ask about this part):\n"
        "- every price job runs a dry run against yesterday's file before it publishes\n"
        "- any discount over half gets a second pair of eyes\n"
    )
    listed = [s for s in found(text) if s.text.lower().startswith(("every", "any"))]
    assert listed and all(s.observable for s in listed)


def test_a_marker_inside_a_clause_that_describes_or_recalls_is_no_lesson():
    for scene in ("The vendor we looked at quoted thirty thousand a year, which felt like a lot for what I called, "
                  "in a meeting I still remember, a glorified toggle.",
                  "That quote is one number I still remember from the whole project."):
        text = f"## Situation\n{scene}\n\n## Action\nI built the toggle service myself in three weeks.\n"
        assert not [s for s in found(text) if "remember" in s.text]


def test_a_clause_on_where_the_work_was_done_does_not_make_it_a_safeguard():
    # "where totals are stored after every refund" describes the ledger, not something set up.
    text = INCIDENT.replace("## Action\nI reverted", "## Action\nFor the report I wrote the query against "
                            "the ledger, where totals are stored after every refund. I reverted")
    assert not [s for s in found(text) if s.text.startswith("For the report")]


def test_a_rule_noun_of_ours_that_tells_the_story_is_no_rule_of_our_own():
    # "My rule now: ..." states one (test_lessons); "our template felt like homework" tells the story.
    text = ("## Situation\nNew managers kept dropping out of our scheduling app's onboarding.\n\n"
            "## Action\nI called eight of them. I heard the same thing each time: our CSV template felt like "
            "homework.\n")
    assert not [s for s in found(text) if "template" in s.text]



def test_a_dated_label_over_a_list_opens_the_changes_and_ends_with_the_list():
    # "After:" is a label over what changed; the note after the list is not one of the changes.
    text = (
        "## Situation\nA firmware change of mine made one board in fifty miss its heartbeat at the end of line.\n\n"
        "## Result\nNo timeouts in the next 9,000 boards.\n\nAfter:\n"
        "- The nightly rig on main fails the build on a missed heartbeat.\n\n"
        "Interview note: keep the interrupt details short.\n"
    )
    statements = found(text)
    assert [s for s in statements if s.text.startswith("The nightly rig") and s.observable]
    assert not [s for s in statements if s.text.startswith(("After", "Interview"))]


def test_the_paragraph_after_a_lead_in_list_does_not_continue_the_lesson():
    text = (
        "## Situation\nA firmware change of mine made one board in fifty miss its heartbeat.\n\n"
        "## Result\nNo timeouts in the next 9,000 boards. What I changed, and still do:\n"
        "- I run the heartbeat rig before every merge to main.\n\n"
        "Interview note: don't go deep on the interrupts unless asked.\n"
    )
    assert not [s for s in found(text) if s.text.startswith("Interview")]
