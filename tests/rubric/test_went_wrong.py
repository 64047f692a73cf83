"""Something went wrong: where it starts, how it is told, and what the rubric makes of it.

Each story here is written for the pattern it shows; none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from star_bank.lint.engine import Linter, analyse
from star_bank.nlp.stream import attach_docs
from star_bank.rubric.book import load_rubrics
from star_bank.rubric.score import score_story
from star_bank.rubric.went_wrong import went_wrong_marks
from star_bank.story.parse import parse_story


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def card(text: str, linter: Linter):
    return score_story(parse_story(text, "story.md"), linter=linter)


def rating(scorecard, name: str) -> str | None:
    return next(d.rating for d in scorecard.dimensions if d.name == name)


ADMITTED_LATE = """\
# The cache key I shortened

## Situation
I looked after the image service of a small photo-printing shop.

## Action
I shortened the cache key to save memory and deployed it after lunch.
Within a quarter of an hour the thumbnails on the order page showed other customers' photos.
I reverted the deploy at 13:20, posted in the support channel what had happened, and called my manager.
The next morning I wrote down what I had got wrong: I had never checked the key for collisions.

## Result
Thumbnails were correct again eight minutes after the revert.
"""


def test_recovery_told_before_the_admission_of_the_mistake_still_counts(linter):
    # The mistake is named last, but things went wrong earlier: the revert, its time
    # and who was told come after the first sign of trouble, so they are the recovery.
    scorecard = card(ADMITTED_LATE, linter)
    assert scorecard.rubric == "failure"
    assert rating(scorecard, "recovery") == "expert"


def story_of(body: str, archetype: int = 9) -> str:
    # The front matter names an archetype that is no failure by definition: what went wrong
    # must be read from the text itself.
    return f"---\narchetypes: [{archetype}]\n---\n# A week at the bakery app\n\n{body}\n"


TROUBLE_ROSE = story_of(
    "I ran the ordering app for a chain of four bakeries. One Monday the refund requests tripled before "
    "noon. I called the shop managers, paused the new coupon screen and sent each affected customer "
    "a voucher. Refunds were back to normal by Wednesday."
)

FLAW_POINTED_OUT = story_of(
    "I wrote the weekly summary for the shop owners. After the third week my supervisor warned me that "
    "the way I ranked the shops was misleading. I started ending each summary with the two numbers that "
    "had moved and what I proposed to do about them, and the owners now reply with a decision.",
    archetype=6,
)


# A mistake taken on oneself and a pump that tripped; a measure of a model's quality that fell.
TAKEN_ON_ME = story_of(
    "I looked after the pumps at the bakery's flour silo. After a filter change I left the low-level alarm "
    "switched off. That night the feed pump tripped and the silo ran empty before the early shift. "
    "So that one was on me. I switched the alarm back on at six and restarted the pump.",
    archetype=2,
)
RECALL_FELL = story_of(
    "I retrain the bakery's demand model every month. After the April retrain, recall on the weekend "
    "orders dropped from 0.81 to 0.64, and the shops ran out of rye bread twice.",
    archetype=7,
)


@pytest.mark.parametrize("text", [TROUBLE_ROSE, FLAW_POINTED_OUT, TAKEN_ON_ME, RECALL_FELL],
                         ids=["trouble-rose", "flaw-pointed-out", "on-me-and-tripped", "recall-fell"])
def test_harm_or_a_flaw_pointed_out_gets_the_failure_rubric_without_any_stock_phrase(linter, text):
    scorecard = card(text, linter)
    assert scorecard.rubric == "failure", scorecard.rubric_reason
    assert {"detection", "recovery", "pattern_awareness"} <= {d.name for d in scorecard.dimensions}


NOTHING_WENT_WRONG = [
    story_of("I redesigned the help page of the bakery app. Support tickets dropped by half within a month, "
             "and the owners asked me to do the same for the checkout page."),
    story_of("I broke the loyalty programme into three small releases so that each shop could try it "
             "first. All three shipped on time and sign-ups rose by a fifth."),
    story_of("I set up the nightly stock report for the bakeries. If the job fails we simply run it again in "
             "the morning, so I kept it simple and documented how to rerun it."),
    story_of("My manager told me that the new menu layout was clear and easy to use, and I shared the "
             "template with the other shops."),
    story_of("I set up online ordering for the four shops. Within a month the phone queue at lunch time "
             "disappeared and the owners asked me to add delivery slots."),
]


@pytest.mark.parametrize("text", NOTHING_WENT_WRONG,
                         ids=["good-fall", "broke-into-parts", "conditional", "praise", "trouble-went-away"])
def test_good_news_splits_conditions_and_praise_are_not_something_going_wrong(linter, text):
    scorecard = card(text, linter)
    assert scorecard.rubric != "failure", scorecard.rubric_reason


LONE_SCENE_HARM = """\
---
archetypes: [10]
---
# Handing over the label printer scripts

## Situation
I wrote the scripts that print shipping labels for our warehouse. While I was on leave, two evening shipments slipped.

## Action
I wrote a one-page guide per script, paired with two colleagues on a real evening run each, and added them as
owners of the scripts.

## Result
The next month both colleagues ran every evening shipment, and I was needed once in four weeks.
"""


def test_one_harm_sentence_that_only_sets_the_scene_is_the_reason_for_the_work_not_the_story(linter):
    assert card(LONE_SCENE_HARM, linter).rubric != "failure"


NOTES = """\
Q: tell me about a mistake you made

- first month at a garden centre chain, on the stock app
- day 4: changed the barcode format without asking anyone
- the change broke the tills in two shops, staff typed prices by hand
- rolled it back myself and wrote to the shop managers
- now I run the till tests before any change to the barcode code
"""


def test_notes_in_bullets_are_read_item_by_item(linter):
    # "day 4" times the change, not the recovery; the question above the answer is no event.
    scorecard = card(NOTES, linter)
    assert scorecard.rubric == "failure"
    recovery = next(d for d in scorecard.dimensions if d.name == "recovery")
    assert recovery.rating == "intermediate", recovery.reason
    # A note that opens with its verb is the speaker's step, and it is quoted alone.
    assert "'rolled it back myself and wrote to the shop managers'" in recovery.reason
    assert all("Q:" not in e.text and "day 4" not in e.text for e in recovery.evidence)


TOLD_THE_PERSON_WHO_RAISED_IT = story_of(
    "I ran the survey analysis for a small charity. My coordinator warned me that the response rate I "
    "reported was wrong, because I had counted the test submissions. I removed the test rows, re-ran the "
    "numbers and the next morning told her what had happened and sent her the corrected table.",
    archetype=6,
)


def test_telling_the_person_who_raised_it_with_its_timing_is_expert_recovery(linter):
    # "told her the next morning": the audience may be a pronoun for the person already named.
    assert rating(card(TOLD_THE_PERSON_WHO_RAISED_IT, linter), "recovery") == "expert"


GATE_WITH_A_CONDITION = """\
# The app bundle that doubled

## Situation
I looked after the web shop of a bicycle retailer.

## Action
I added a charting library for one small graph, and the next release doubled the size of the app bundle.
Page loads on phones slowed down, and the checkout conversion dropped that week. I replaced the library
with a forty-line component the same day and told the shop manager what had happened.

## Lesson
I added a check to the release pipeline that stops the release if the bundle grows by more than 50 KB.
"""


def test_a_gate_with_a_condition_guards_the_whole_class_of_cases(linter):
    # "stops the release if the bundle grows": a rule with a trigger covers every future release.
    assert rating(card(GATE_WITH_A_CONDITION, linter), "pattern_awareness") in ("intermediate", "expert")


def test_a_complaint_about_our_work_is_a_flaw_pointed_out(linter):
    text = story_of(
        "I coordinated the deliveries for a flower shop. In May the wedding planner complained that our "
        "deliveries were late for two weddings in a row. I moved the wedding orders to the first van of the "
        "day and now call the planner the evening before each wedding.",
        archetype=6,
    )
    assert card(text, linter).rubric == "failure"


def test_a_flaw_written_to_our_team_is_pointed_out_even_in_the_situation(linter):
    text = ("**Situation:** I built the stock-alert model our shop sells to pharmacies. After a month the "
            "head pharmacist at one branch wrote to our support lead that her staff ignored the alerts because "
            "there were too many.\n\n**Action:** I sat with her staff for two days and raised the threshold "
            "for slow-moving items.\n\n**Result:** Alerts fell from 40 a day to 9.\n")
    assert card(text, linter).rubric == "failure"


SEEN_IN_THE_LOGS = story_of(
    "I looked after the booking site of a climbing gym. A member wrote that her class had vanished from "
    "her account, so I went through the server logs and spotted in the logs that the nightly clean-up "
    "removed bookings made after midnight. I restored the bookings from the backup and fixed the clean-up.",
    archetype=9,
)


def test_the_speaker_seeing_it_in_a_log_or_dashboard_is_a_signal(linter):
    assert rating(card(SEEN_IN_THE_LOGS, linter), "detection") in ("intermediate", "expert")


def found_by(finder: str) -> str:
    return story_of(
        "I looked after the ticket sales of a small theatre. A change I made to the seat map caused a bug that sold "
        f"twelve seats twice for the Friday show. They were spotted by {finder} on Saturday morning, "
        "and I moved the twelve buyers to the front row and wrote to each of them.",
        archetype=9,
    )


def test_trouble_found_by_a_check_told_in_the_passive_is_a_signal_but_news_from_people_is_not(linter):
    # The check is named in the "by" phrase; people who passed it on brought news, they were no signal.
    assert rating(card(found_by("the nightly reconciliation"), linter), "detection") == "intermediate"
    assert rating(card(found_by("the box office manager"), linter), "detection") == "novice"
    assert rating(card(found_by("an outside auditor"), linter), "detection") == "novice"


FEEDBACK_IN_THE_SITUATION = """\
---
archetypes: [6]
---
# The meeting notes nobody read

## Situation
Two months into the job my team lead told me that the notes I sent after planning meetings were confusing.

## Action
I rewrote the notes as three short lists: decisions, owners and open questions.

## Result
People started replying to the notes with their updates.
"""

FLAW_FOUND = story_of(
    "I handled the orders of a tea shop on weekends. Going through the week's sales I realised that the "
    "prices on our website were wrong for every imported tin. I corrected them and asked the owner to "
    "check the import sheet with me each Monday.",
    archetype=9,
)

GAP_FLAGGED = """\
---
archetypes: [9]
---
# The archive that kept everything

## Situation
The auditors of our school board had flagged that the pupil archive was not removing the files of pupils who had left.

## Action
I listed every folder the archive wrote to and built a monthly clean-up with a log the office can read.
"""

TROUBLE_NOUNS = story_of(
    "I built the booking tool our dance studio used for its classes. It worked well for a year. Then the "
    "problems started as the studio opened two more rooms, and in one month we had four double-booking "
    "incidents. I moved the bookings onto the studio's calendar service and retired my tool.",
    archetype=9,
)


# Trouble that surfaced, told in passing at the end of a success story, still had to be dealt with.
TROUBLE_SURFACED = story_of(
    "I moved the parish hall's booking records from a desktop database to a hosted one over a weekend. "
    "A small mismatch in the date fields emerged on the Monday, and two weddings showed on the wrong day "
    "until I fixed the import that afternoon. The hall now takes bookings online.",
    archetype=7,
)


@pytest.mark.parametrize("text", [FEEDBACK_IN_THE_SITUATION, FLAW_FOUND, GAP_FLAGGED, TROUBLE_NOUNS, TROUBLE_SURFACED],
                         ids=["feedback-in-situation", "flaw-found", "gap-flagged", "trouble-nouns",
                              "trouble-surfaced"])
def test_flaws_found_feedback_in_the_scene_and_trouble_told_as_nouns_are_something_going_wrong(linter, text):
    # Feedback on the speaker, or a gap someone flagged, is the story even when it opens the
    # Situation; trouble told as a noun ("we had four incidents") happened as much as a verb.
    scorecard = card(text, linter)
    assert scorecard.rubric == "failure", scorecard.rubric_reason


COUNTED_AWAY = [
    story_of("I rebuilt the timetable page of the swimming club. In the first season we had no complaints "
             "and the coaches asked me to add the competition calendar."),
    story_of("I checked the club's new payment form before launch and found that it was clear and quick to fill in."),
]


@pytest.mark.parametrize("text", COUNTED_AWAY, ids=["no-complaints", "found-it-fine"])
def test_trouble_counted_away_and_a_finding_without_a_fault_are_not_something_going_wrong(linter, text):
    assert card(text, linter).rubric != "failure", card(text, linter).rubric_reason


MESSAGE_SAYING_IT_SLOWED_US = """\
# The shared calendar

When I ran the volunteer rota for the food bank, I moved every shift into a new shared calendar, and I pushed
for it over the old spreadsheet. Two months in, a driver sent me a note after our monthly meeting saying the
calendar was slowing the drivers down and that he spent longer finding his shift than driving it. We talked
it over as a group and some of the old sheets were brought back.
"""


def test_a_message_saying_the_speakers_change_slowed_people_down_is_something_going_wrong(linter):
    scorecard = card(MESSAGE_SAYING_IT_SLOWED_US, linter)
    assert scorecard.rubric == "failure", scorecard.rubric_reason
    assert rating(scorecard, "detection") == "intermediate"
    # Talking it over is no step; "some of the old sheets were brought back" tells a step with
    # no one taking it, which the annotated stories rate intermediate far more often than novice.
    recovery = next(d for d in scorecard.dimensions if d.name == "recovery")
    assert recovery.rating == "intermediate" and "hides who took it" in recovery.reason


DONE_WRONG = [
    story_of("I kept the seed library of our community garden. In March I sorted the new donations into the "
             "drawers, and I had filed the squash packets wrongly under melons, so two members sowed the wrong "
             "crop. I re-sorted every drawer that weekend and emailed the members who had borrowed from it."),
    story_of("- Role: treasurer of a rowing club, yearly accounts.\n"
             "- What I got wrong: I entered the boat repair invoice twice.\n"
             "- Fixed it: reversed the second entry and told the committee at the next meeting."),
]


@pytest.mark.parametrize("text", DONE_WRONG, ids=["filed-wrongly", "what-i-got-wrong"])
def test_the_speakers_own_act_done_wrong_is_something_going_wrong(linter, text):
    # The manner word modifies the speaker's own verb: no stock phrase, no trouble noun needed.
    scorecard = card(text, linter)
    assert scorecard.rubric == "failure", scorecard.rubric_reason


PROVED_THEM_WRONG = story_of(
    "The board of our rowing club doubted that a junior squad would pay for itself. I proved them wrong with "
    "a one-term pilot: eighteen juniors signed up and the fees covered the coach and the boat hire."
)


def test_proving_someone_else_wrong_is_no_mistake_of_the_speakers(linter):
    assert card(PROVED_THEM_WRONG, linter).rubric != "failure", card(PROVED_THEM_WRONG, linter).rubric_reason


NO_ACTION_HEADING = """\
# The freezer that drifted

## Background
I managed the walk-in freezers of a school kitchen. Over a fortnight the temperature log of freezer two crept
up by a degree every few days, and on a Monday its compressor failed overnight.

## My part
I moved the stock into freezer one within the hour and threw out what had thawed. At 10:30 I told the kitchen
manager and the supplier's engineer what the log showed. The engineer replaced a worn door seal that afternoon.

## How it ended
Freezer two has held minus eighteen since, and we lost one delivery's worth of stock.
"""


def test_a_story_without_an_action_heading_recovers_under_the_heading_read_as_its_task(linter):
    # "My part" holds every act here: the Task is not mere scene-setting when no Action follows it.
    scorecard = card(NO_ACTION_HEADING, linter)
    assert scorecard.rubric == "failure", scorecard.rubric_reason
    assert rating(scorecard, "recovery") == "expert"


ONE_LABEL_THEN_A_LIST = """\
# The overnight stock sync

Context - I ran the stock sync for a chain of garden centres, a job that copied the till counts to the web shop.

What happened:

1. One Saturday the sync copied Friday's counts twice and the shop sold 40 plants it did not have.
2. I paused the sync and set the affected items to "call to order".
3. I rang the duty manager of each store and emailed the customers whose orders could not be filled.

Outcome - every affected customer had a refund by Monday.
"""


def test_acts_listed_under_the_one_label_that_opened_the_story_are_the_recovery(linter):
    # With no Action label, the list after "Context -" is still what the speaker did once it went wrong.
    scorecard = card(ONE_LABEL_THEN_A_LIST, linter)
    assert rating(scorecard, "recovery") in ("intermediate", "expert"), scorecard


def test_owning_a_mistake_is_not_how_it_came_to_light(linter):
    # "What I got wrong" says that it happened; nothing in it tells who noticed, or through what.
    assert rating(card(DONE_WRONG[0], linter), "detection") == "novice"


DUTY_LEFT_UNDONE = [
    story_of("I set up the allotment society's plot waiting list. I copied last year's sheet as the starting "
             "point and never read the committee's minutes, where the new priority for local families was agreed. "
             "Three families wrote to the chair in May, and I rebuilt the list with them at the top that week."),
    story_of("I planned the choir's spring tour. I booked a full-size coach for the whole route and "
             "didn't ask the venues about their parking, so the coach could not stop at two of them. I moved the "
             "pick-ups to the station car parks and told every singer by text the day before."),
]
DUTY_NOT_OWED = [
    story_of("I rebuilt the choir's rehearsal booking page. I didn't ask the singers to change anything they "
             "did: the old link kept working, and forty of them booked through it in the first week."),
    story_of("I ran the swimming club's gala entries this year. If I hadn't checked the ages, two swimmers "
             "would have raced in the wrong group; the entries went in on time and every heat started as planned."),
]


@pytest.mark.parametrize("text", DUTY_LEFT_UNDONE, ids=["never-read", "and-didnt-ask"])
def test_a_check_the_speaker_left_undone_is_something_going_wrong(linter, text):
    # The negated duty is found through the parse: "I copied ... and never read" shares its subject.
    scorecard = card(text, linter)
    assert scorecard.rubric == "failure", scorecard.rubric_reason


@pytest.mark.parametrize("text", DUTY_NOT_OWED, ids=["no-ask-needed", "check-that-happened"])
def test_a_choice_not_to_ask_or_a_check_that_was_made_is_no_mistake(linter, text):
    scorecard = card(text, linter)
    assert scorecard.rubric != "failure", scorecard.rubric_reason


def test_a_mistake_owned_does_not_turn_the_scene_setting_trouble_into_the_signal(linter):
    # The outage in the opening line is what went wrong; "I didn't test" owns it. Neither says
    # how it came to light.
    text = story_of("Context: my schema change locked the bookings table for a minute at the Friday peak.\n\n"
                    "What I did: I didn't test the change on a full-size copy. I rolled it back at 18:05 and "
                    "told the on-call lead.", archetype=3)
    scorecard = card(text, linter)
    assert scorecard.rubric == "failure"
    assert rating(scorecard, "detection") == "novice", scorecard


def test_a_safeguard_that_fails_the_build_under_a_condition_is_no_breakage():
    # "fails the build if ..." states a rule, not something that broke; the crash did happen.
    text = ("# Timetable app\n\n## Action\nThe timetable site crashed for every teacher on Monday morning. "
            "It is a line in the checklist I keep, and I added a rule to the app template that fails the build if a lesson is under one room.\n")
    story = analyse(parse_story(text, "story.md"))
    attach_docs([story])
    told = [m.sentence for m in went_wrong_marks(story, load_rubrics().went_wrong)]
    assert told == ["The timetable site crashed for every teacher on Monday morning."]


@pytest.mark.parametrize("unable", ["Customers couldn't get past the delivery step.",
                                    "09:10 - a shop manager says customers can't pay by card."])
def test_the_people_a_service_is_for_unable_to_use_it_is_something_going_wrong(linter, unable):
    text = story_of(f"I shipped the new checkout for the bakery app on Friday. {unable} I put the old one back.")
    scorecard = card(text, linter)
    assert scorecard.rubric == "failure", scorecard.rubric_reason


def test_a_guard_that_keeps_customers_from_a_mistake_is_not_harm(linter):
    text = story_of("I shipped the new checkout for the bakery app on Friday. I added a check so that customers "
                    "can't order a cake for a closed day, and orders for Sunday went up by a third.")
    assert card(text, linter).rubric != "failure"


@pytest.mark.parametrize("late", ["The payroll export wasn't sent on time for two Fridays in a row.",
                                  "The new ward rota wasn't ready in time for the March rotation.",
                                  "I didn't hand the grant report in on time."])
def test_something_owed_by_a_time_and_not_done_then_is_something_going_wrong(linter, late):
    text = story_of(f"I took over the office systems in spring. {late} I moved the job to the new server.")
    scorecard = card(text, linter)
    assert scorecard.rubric == "failure", scorecard.rubric_reason


@pytest.mark.parametrize("rule", ["If the export isn't sent on time, payroll stops.",
                                  "I made sure the export was never late again."])
def test_a_deadline_as_a_rule_or_a_care_taken_is_not_something_going_wrong(linter, rule):
    text = story_of(f"I took over the office systems in spring and moved the payroll export to a new server. {rule}")
    assert card(text, linter).rubric != "failure"


@pytest.mark.parametrize(("sentence", "failure"), [
    ("One night the order queue stalled.", True),
    ("Once the new printer arrived the order queue vanished within a day.", False),  # trouble going away
])
def test_a_measure_of_trouble_that_breaks_down_is_trouble_and_one_that_goes_away_is_not(linter, sentence, failure):
    text = story_of(f"I ran the order desk of a small print shop. {sentence} I sent the orders by courier.")
    assert (card(text, linter).rubric == "failure") is failure


@pytest.mark.parametrize("denial", ["Nothing broke.", "No order failed during the move."])
def test_a_denial_that_anything_broke_is_not_something_going_wrong(linter, denial):
    text = story_of(f"I moved the shop's stock sync to the new server over the weekend. {denial}")
    assert card(text, linter).rubric != "failure"


def test_a_lost_argument_is_a_setback_not_harm_done():
    # "I lost that one" after a disagreement: the story did not go as the speaker planned, but
    # nothing broke, so it is no symptom to name as the warning sign.
    text = ("## Situation\nI argued that the lab should buy a scheduler rather than build one.\n\n"
            "## Action\nI wrote a cost comparison and presented it twice.\n\n"
            "## Result\nIn the end I partly lost that one, and we built the timing layer ourselves.\n")
    story = analyse(parse_story(text, "story.md"))
    attach_docs([story])
    assert not [m for m in went_wrong_marks(story, load_rubrics().went_wrong) if m.signal == "harm"]
    assert "did not go as planned" in score_story(parse_story(text, "story.md")).rubric_reason
