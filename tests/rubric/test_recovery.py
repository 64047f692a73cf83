"""Recovery: the steps taken once it went wrong, their timing, and who was told.

Each story here is written for the pattern it shows; none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from failure_stories import dimension, failure, linter  # noqa: F401  (linter is a fixture)


STEPS_BEFORE_THE_HINDSIGHT = failure(
    "I moved the ferry company's invoices to a new accounting tool. I estimated a week from the first "
    "three invoices and said I was on track at every meeting. My manager checked the list and saw half "
    "was not done. We sat down, brought in a colleague and dropped the rarely used reports.\n\n"
    "If I did it again I would split the work at the start instead of guessing from the easy part."
)


def test_what_the_speaker_would_do_differently_does_not_hide_the_recovery_told_before_it(linter):
    # "If I did it again" is a reflection at the end, not where things went wrong.
    assert dimension(STEPS_BEFORE_THE_HINDSIGHT, linter, "recovery").rating != "novice"


ANSWERED_AS_A_TEAM = """\
---
tags: [failure]
---
# The fare export

## Situation
Our finance office flagged that the fare export left out every refunded ticket.

## Action
I traced it to a filter I had written and fixed it the same afternoon.

## Result
We answered the finance office within two days with the corrected export and the list of affected months.
"""


def test_answering_the_person_who_raised_it_as_a_team_with_its_timing_is_expert_recovery(linter):
    # Who was told may be told with "we", and answering the one who raised it is telling them.
    judged = dimension(ANSWERED_AS_A_TEAM, linter, "recovery")
    assert judged.rating == "expert", judged.reason


TOLD_AFTER_A_COLON = failure(
    "I pushed a new price feed for the garden centre's website on a Monday, and every pot showed a price of "
    "zero. Within the hour I did three things: told the shop manager and the web agency what had broken, "
    "switched the feed back to the old file, and refunded the two orders taken at zero."
)


EMAILED_THE_GROUP = failure(
    "I mixed the potting compost for our allotment group and used a bag of lime by mistake. The beans "
    "yellowed within a week. I emailed the group that afternoon with the beds that had the bad mix, and "
    "I dug it out and replaced it."
)


# "halt" is a recovery step; tagging people in a post tells them.
HALTED_AND_TAGGED = failure(
    "I changed the fare rounding on the ferry booking site on a Friday. Over the weekend the island route "
    "charged some passengers twice. At 16:10 I halted the rollout, tagging the duty manager and the harbour "
    "office in a post."
)

# "You" narrates: the acts are the speaker's, so the telling and its timing are the recovery.
TOLD_IN_THE_SECOND_PERSON = failure(
    "You get a call from the harbour office at 6:10 on a Sunday. The island route is charging some "
    "passengers twice, and it started after your fare change on Friday. You open the payment logs and "
    "you find the rounding bug within ten minutes. You switch the route back to the old fares at 6:40 "
    "and you message the duty manager and the harbour office straight away. You refund the double "
    "charges that afternoon, and since then you test every fare change on a copy of the live prices."
)

# A timeline of notes: each line opens with its time stamp, and the writer's "I" goes unsaid.
TIMELINE_NOTES = failure(
    "I changed the fare rounding on the ferry booking site on a Friday, and on Saturday the island route "
    "charged some passengers twice.\n\n"
    "- 09:12 switched the route back to the old fares\n"
    "- 09:20 posted in the booking incident channel: my change, rolled back, refunds next\n"
)


@pytest.mark.parametrize("text", [TOLD_AFTER_A_COLON, EMAILED_THE_GROUP, HALTED_AND_TAGGED, TOLD_IN_THE_SECOND_PERSON,
                                  TIMELINE_NOTES],
                         ids=["listed-after-colon", "group", "halted-and-tagged", "second-person", "timeline-notes"])
def test_who_was_told_and_when_in_a_list_or_to_a_group_is_expert_recovery(linter, text):
    judged = dimension(text, linter, "recovery")
    assert judged.rating == "expert", judged.reason


def test_telling_people_by_name_with_its_timing_is_expert_recovery(linter):
    # No list of roles names Dana or Priya: the parse finds the people the message went to.
    named = failure(
        "I ran the booking site of the ferry company. On Sunday the card payments failed for the island route. "
        "I switched the route to the backup provider at 11:20 and messaged Dana and Priya within the hour."
    )
    assert dimension(named, linter, "recovery").rating == "expert"
    # A message with no one it went to says nothing of who was told.
    nobody_named = named.replace("messaged Dana and Priya within the hour", "posted a notice within the hour")
    assert dimension(nobody_named, linter, "recovery").rating == "intermediate"


@pytest.mark.parametrize("when", ["went straight to the duty manager and told her", "told the duty manager at once",
                                  "told the duty manager as soon as the last ferry was in",
                                  "told the duty manager before the harbour office heard it from anyone else"])
def test_telling_someone_straight_away_is_timed(linter, when):
    # "Straight away" and "at once" date the telling as surely as "within the hour"; so does
    # telling someone before they heard it elsewhere.
    text = failure(
        "I ran the booking site of the ferry company. On Sunday the card payments failed for the island route. "
        f"I switched the route to the backup provider, {when}, and checked every booking."
    )
    assert dimension(text, linter, "recovery").rating == "expert"



def _recovery_told(recovery: str) -> str:
    return failure(
        "## Situation\nI changed the fare rounding on the ferry booking site on a Friday.\n\n"
        "## Action\nOver the weekend the island route charged some passengers twice. " + recovery + "\n\n"
        "## Result\nThe island route ran normally again by Monday.\n"
    )


def test_a_recovery_told_in_the_passive_is_a_step_with_no_one_taking_it(linter):
    # Something was done, so not "nothing": but who did it, when and who was told stay hidden.
    judged = dimension(_recovery_told("The old rounding was restored and a fix was released."), linter, "recovery")
    assert judged.rating == "intermediate", judged.reason
    assert "hides who took it" in judged.reason


def test_a_story_that_tells_no_recovery_at_all_is_novice(linter):
    judged = dimension(_recovery_told("It was an awkward weekend for the island."), linter, "recovery")
    assert judged.rating == "novice", judged.reason


@pytest.mark.parametrize(
    ("recovery", "rating"),
    [
        # "let someone know" tells them, whoever they are
        ("I reverted the rounding, and that evening I let Marta know which tickets were charged twice.", "expert"),
        ("I reverted the rounding, and that evening I let the harbour office know.", "expert"),
        # "let" without "know" tells no one
        ("I reverted the rounding, and that evening I let the refund script run overnight.", "intermediate"),
        # The object of "told" or "warned" is a hearer, whatever role it names...
        ("I reverted the rounding within the hour and told the purser which tickets were charged twice.", "expert"),
        ("Reverted the rounding within the hour. Warned the deckhand on the early sailing.", "expert"),
        # ... but "emailed the report" sends a thing, not a person.
        ("I reverted the rounding within the hour and emailed the refund report.", "intermediate"),
        # Saying it in a meeting or a thread tells everyone there...
        ("I reverted the rounding, and the next morning in the review I said the double charges were mine.", "expert"),
        ("I reverted the rounding, and that evening in the booking thread I said which tickets were charged twice.",
         "expert"),
        # ... but a review that is a thing worked on hears nothing.
        ("I reverted the rounding, and that evening I said nothing more about the review of the fares.",
         "intermediate"),
    ],
)
def test_letting_someone_know_or_telling_them_by_role_names_who_was_told(linter, recovery, rating):
    judged = dimension(_recovery_told(recovery), linter, "recovery")
    assert judged.rating == rating, judged.reason


TOLD_BEFORE_THE_CAUSE = failure(
    "I look after the booking site of a small ferry company. I found out at 7:10 on a Sunday, when the "
    "harbour office rang me because no one could book the morning boat. Within fifteen minutes I told "
    "the harbour master and the owner, and I switched the booking form back to the version from Friday. Later that day I found the "
    "cause: the date filter I had rewritten on Friday was broken and hid every sailing before noon."
)


LISTED_NOTES = failure(
    "I updated the ferry company's booking plugins on a Friday evening and the payment button stopped "
    "working. The owner rang me at 9:30 on Saturday.\n\nWhat I did:\n\n"
    "- Rolled the plugins back one by one. That took twenty minutes.\n"
    "- Called the owner back and told her plainly that it was my update, not her hosting.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        # The recovery starts when the trouble is seen, even if the sentence naming the fault comes later.
        TOLD_BEFORE_THE_CAUSE,
        # The parser may tag a note's opening "Called" as a participle; with no auxiliary it is an act.
        LISTED_NOTES,
    ],
    ids=["told-before-the-cause", "note-opened-by-a-participle"],
)
def test_telling_once_the_trouble_came_to_light_in_prose_or_notes_is_expert_recovery(linter, text):
    judged = dimension(text, linter, "recovery")
    assert judged.rating == "expert", judged.reason


def test_a_telling_dated_by_an_event_of_the_story_is_timed(linter):
    # "The afternoon of the refunds" places the telling on the story's clock as surely as "that afternoon".
    text = _recovery_told("I refunded every double charge and told the duty manager the afternoon of the first "
                          "complaint.")
    assert dimension(text, linter, "recovery").rating == "expert"


@pytest.mark.parametrize(
    ("recovery", "rating"),
    [
        # "grouped" is no group of people told
        ("That evening I wrote a script that grouped the refunds by sailing and ran it.", "intermediate"),
        ("That evening I wrote to the group of skippers and refunded every ticket.", "expert"),
    ],
)
def test_the_people_told_are_named_by_nouns_not_by_a_verb_that_shares_their_word(linter, recovery, rating):
    judged = dimension(_recovery_told(recovery), linter, "recovery")
    assert judged.rating == rating, judged.reason


def test_a_note_that_tells_someone_before_a_colon_clause_is_the_speakers_telling(linter):
    text = failure(
        "## Situation\nI changed the fare rounding on the ferry booking site on a Friday.\n\n"
        "## Action\nOver the weekend the island route charged some passengers twice.\n"
        "- Reverted the rounding within the hour.\n"
        "- Called the harbour office and told them plainly: the double charges were my change.\n\n"
        "## Result\nThe island route ran normally again by Monday.\n"
    )
    judged = dimension(text, linter, "recovery")
    assert judged.rating == "expert", judged.reason


@pytest.mark.parametrize(("told", "rating"), [
    # the acts before the trouble, in the sentence that tells it, are how it went wrong
    ("On Friday I changed the fare rounding and it broke the island route's checkout.", "novice"),
    ("On Friday the island route's checkout broke and I put the old rounding back at once.", "intermediate"),
])
def test_the_act_that_caused_the_trouble_is_no_step_against_it(linter, told, rating):
    text = failure(f"## Situation\nI look after the ferry booking site.\n\n## Action\n{told}\n")
    judged = dimension(text, linter, "recovery")
    assert judged.rating == rating, judged.reason


def test_a_safeguard_that_shows_trouble_before_a_customer_sees_it_does_not_date_a_telling(linter):
    # "Before a customer sees it" is what the check is for, not when anyone was told.
    text = _recovery_told("I refunded every double charge and told the duty manager. I also added a check that "
                          "shows the charges to the office before a customer sees them.")
    assert dimension(text, linter, "recovery").rating == "intermediate"



@pytest.mark.parametrize("telling", [
    # The parser leaves "told" unlabelled after "rolled back ..., then": it is still the speaker's.
    "I rolled back to the previous queue within the hour, then told my manager and the office lead directly "
    "before posting in the incident channel what I knew.",
    # Getting on a call with someone tells them, whatever verb gets the speaker there.
    "I capped the group searches and split the queue by route. Within ten minutes I hopped on a call with the "
    "office manager so she could post honest waiting times for passengers.",
], ids=["run-on-act", "on-a-call-with"])
def test_who_was_told_and_when_however_the_telling_is_parsed(linter, telling):
    story = failure(
        "My change to the ferry booking queue made waits climb past ten minutes on the first sale evening.\n\n"
        + telling
    )
    assert dimension(story, linter, "recovery").rating == "expert"
