"""How trouble came to light, and why it was read wrongly: the forms detection is told in.

Each story here is written for the pattern it shows; none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from star_bank.lint.engine import Linter
from star_bank.rubric.score import score_story
from star_bank.story.parse import parse_story
from failure_stories import dimension, failure, linter  # noqa: F401  (linter is a fixture)


COLLEAGUE_REALISED = failure(
    "I kept the ferry timetable site up to date for a small island council. I copied the summer times by "
    "hand from the operator's sheet. A week later the harbour clerk compared the site with the printed "
    "poster and realised three sailings were an hour off. I corrected them and wrote to the operator."
)
INSTRUMENT_FIRED = failure(
    "I ran the booking server of the ferry company. On a Sunday the disk monitor fired twice in the "
    "evening. By Monday the server had stopped taking bookings, and I cleared the old upload folder and "
    "restarted it."
)
BROUGHT_TO_ME = failure(
    "I printed the boarding passes for the ferry company. One morning a deckhand came to me because the "
    "passes showed the wrong date. I fixed the date field in the template and reprinted the batch."
)


@pytest.mark.parametrize("text", [COLLEAGUE_REALISED, BROUGHT_TO_ME], ids=["colleague-realised", "brought-to-me"])
def test_someone_else_noticing_or_a_report_to_the_speaker_names_the_signal(linter, text):
    # Detection is told in more forms than "I noticed in the logs": whoever saw it, it came to light.
    assert dimension(text, linter, "detection").rating in ("intermediate", "expert")


def test_an_alarm_that_fired_is_not_yet_someone_noticing(linter):
    # "The monitor fired" says the signal existed, not who saw it: the drill still asks.
    assert dimension(INSTRUMENT_FIRED, linter, "detection").rating == "novice"


ANSWERED_THE_ALARM = failure(
    "I ran the booking server of the ferry company. I picked the problem up when it tripped the disk alarm "
    "for the second night running, and I cleared the old upload folder before the morning sailings."
)
SET_UP_AN_ALARM = failure(
    "I ran the booking server of the ferry company. When I set up the disk alarm, I also cleared the old "
    "upload folder. Later that month the server stopped taking bookings for an hour."
)


def test_the_trouble_turning_up_names_the_signal(linter):
    # The moment the cost of an early choice became visible is how it came to light.
    text = failure(
        "I picked a flat file store for the ferry company's booking history because it was quick to set up. "
        "The problem showed up about a year later, when the harbour office asked for monthly reports. I moved "
        "the history into a proper database over six weeks."
    )
    assert dimension(text, linter, "detection").rating == "intermediate"
    # Turning up with no trouble in it is no signal.
    assert dimension(text.replace("The problem showed up", "The harbour clerk showed up"), linter,
                     "detection").rating == "novice"


def test_the_speaker_acting_when_an_alarm_went_off_names_the_signal(linter):
    # The alarm told, and the speaker's own act answered it: someone heard it.
    assert dimension(ANSWERED_THE_ALARM, linter, "detection").rating == "intermediate"
    # Setting an alarm up is work, not a signal that anything was wrong.
    assert dimension(SET_UP_AN_ALARM, linter, "detection").rating == "novice"


TAKEN_FOR_SOMETHING_ELSE = failure(
    "For two weeks the ticket machine on the pier crashed every few afternoons. My colleague and I "
    "concluded it was the heat in the kiosk. It turned out my new receipt logo overflowed the printer "
    "buffer, and I shrank it and told the harbour office the same day."
)
ALERT_MISSED_FOR_A_REASON = failure(
    "I looked after the payment terminals on the ferries. The card alert fired on Saturday morning, but the "
    "alert was missed because it went to an inbox nobody read at weekends. Passengers paid cash until "
    "Monday, when I moved the alert to the duty phone."
)
THOUGHT_I_COULD_FIX_IT_ALONE = failure(
    "I owned the new ferry app and promised it for the spring. In February I realised the offline maps "
    "were far bigger than I had planned. I thought I could shrink them on my own before anyone noticed. "
    "In March I told my manager, and we moved the launch by a month."
)

UNSEEN_FOR_A_REASON = failure(
    "I ran the booking site of the ferry company. On a Sunday the card payments failed for passengers on the "
    "island route, and we didn't know about it for most of the morning, because our uptime check only "
    "loaded the home page. A deckhand phoned me at 11:10 saying the queue at the kiosk was out of the door. "
    "I switched the route to the backup payment provider and told the duty manager."
)


SLIPPED_THROUGH_REVIEW = failure(
    "I built the ferry site's seat picker in a week. Nobody caught it in review either. A passenger wrote to "
    "the office on Monday that she could not pick a seat with her screen reader. I rebuilt it with labelled "
    "buttons that week and told the office."
)


@pytest.mark.parametrize("text", [TAKEN_FOR_SOMETHING_ELSE, ALERT_MISSED_FOR_A_REASON, THOUGHT_I_COULD_FIX_IT_ALONE,
                                  UNSEEN_FOR_A_REASON, SLIPPED_THROUGH_REVIEW],
                         ids=["taken-for-something-else", "missed-for-a-reason", "thought-i-could-fix-it",
                              "unseen-for-a-reason", "slipped-through-review"])
def test_why_the_signal_was_missed_makes_detection_expert(linter, text):
    # Taking the symptom for something else, missing it for a stated reason, or trusting
    # oneself to fix it quietly: each says why the signal did not lead to action.
    judged = dimension(text, linter, "detection")
    assert judged.rating == "expert", judged.reason


REACTION_TO_FEEDBACK = failure(
    "I wrote the ferry company's newsletter. My editor told me my last issue was confusing, and I thought she "
    "was being unfair. I reread it the next day and rewrote the route changes as a table."
)
NOT_SEEN_WITHOUT_A_REASON = failure(
    "I changed the fare rules of the ferry site on a Friday, and I didn't notice that the weekend fares doubled. "
    "A passenger emailed me about it on Sunday evening. I reverted it and told the office."
)
SOMEONE_FOUND_IT = failure(
    "I changed the fare rules of the ferry site on a Friday. The weekend fares doubled, and my colleague "
    "figured out it was my change. I reverted it and told the office."
)


@pytest.mark.parametrize("text", [REACTION_TO_FEEDBACK, SOMEONE_FOUND_IT, NOT_SEEN_WITHOUT_A_REASON],
                         ids=["opinion-of-feedback", "figured-out", "not-seen-without-a-reason"])
def test_an_opinion_of_feedback_or_finding_the_cause_is_no_misreading(linter, text):
    assert dimension(text, linter, "detection").rating != "expert"


PASSED_ON_WITH_WHAT_WAS_SAID = failure(
    "I set the watering timers in the city greenhouse. Ten days after my new schedule, the night gardener "
    "messaged me saying the fern beds were soaked every morning. I had mixed up two valve numbers, and I "
    "swapped them back that evening."
)
TOLD_ME_WITH_A_CLAUSE = failure(
    "I ordered the seed trays for the greenhouse. Over a month two volunteers told me their seedlings "
    "were rotting at the roots, and at first I assumed it was their watering. I checked the tray batch, "
    "found it had no drain holes and returned it."
)
FOUND_OUT_FROM = failure(
    "I ran the greenhouse sales stand and kept the price list. I repriced the orchids and got "
    "two of them wrong. My supervisor found out from a customer's receipt a week later, and I fixed the "
    "list that day."
)
TOLD_ME_TO_DO_SOMETHING = failure(
    "I ran the greenhouse sales stand. My supervisor told me to count the till every evening. One night "
    "the till was short by forty pounds, and I recounted the receipts."
)


@pytest.mark.parametrize("text", [PASSED_ON_WITH_WHAT_WAS_SAID, FOUND_OUT_FROM],
                         ids=["messaged-me-saying", "found-out-from"])
def test_news_passed_to_the_speaker_or_found_out_from_somewhere_names_the_signal(linter, text):
    judged = dimension(text, linter, "detection")
    assert judged.rating == "intermediate", judged.reason


def test_news_passed_on_and_first_taken_for_something_else_is_expert_detection(linter):
    # The signal (what two people told the speaker) and why it was dismissed (taken for their watering).
    judged = dimension(TOLD_ME_WITH_A_CLAUSE, linter, "detection")
    assert judged.rating == "expert", judged.reason


def test_an_instruction_to_the_speaker_is_no_news_of_trouble(linter):
    judged = dimension(TOLD_ME_TO_DO_SOMETHING, linter, "detection")
    assert "told me to count" not in judged.reason


LOOKED_OFF = failure(
    "I reconciled the ferry company's ticket sales every Monday. One week the weekend totals looked far too "
    "round, every route ending in hundreds. I had imported the Saturday file twice, so I deleted the copy, "
    "reran the report and told the finance lead that afternoon."
)
LOOKED_FINE = failure(
    "I reconciled the ferry company's ticket sales every Monday. One week the weekend totals looked fine. "
    "I had imported the Saturday file twice, so I deleted the copy, reran the report and told the finance "
    "lead that afternoon."
)


def test_a_thing_that_looked_wrong_is_how_it_came_to_light(linter):
    # The symptom as it was seen: no noticing verb, no alert, and no stock phrase.
    assert dimension(LOOKED_OFF, linter, "detection").rating == "intermediate"
    assert dimension(LOOKED_FINE, linter, "detection").rating == "novice"


FIGURE_MOVED = failure(
    "I ran the ticket app of the ferry company. One Saturday the paid-order rate on our dashboard fell "
    "from 95% to 70%. I traced it to the card form and switched it back to the old provider within an hour."
)
FIGURE_MOVED_AND_MISREAD = FIGURE_MOVED.replace(
    "I traced it", "The first guess on the team was a slow mobile network. I traced it"
)


def test_a_figure_that_moved_on_a_dashboard_alone_does_not_say_anyone_saw_it(linter):
    # Like an alert that fired: the signal was there; who noticed, and when, is still untold.
    assert dimension(FIGURE_MOVED, linter, "detection").rating == "novice"


def test_the_first_guess_at_a_figure_that_moved_names_the_signal_and_why_it_was_misread(linter):
    assert dimension(FIGURE_MOVED_AND_MISREAD, linter, "detection").rating == "expert"


COOLER = failure(
    "I ran the kitchen of a small cafe. One Monday I came in at 6am and the fridge was reading 14 degrees. "
    "Nobody knew when it had failed, because the temperature was only written down at closing. I moved the "
    "dairy to the bar fridge, binned the rest and called the repair line at 6:20."
)


def test_a_reading_given_and_why_nobody_knew_sooner_are_expert_detection(linter):
    detection = dimension(COOLER, linter, "detection")
    assert detection.rating == "expert"
    assert "the fridge was reading" in detection.reason and "Nobody knew" in detection.reason


def test_a_finding_told_in_the_passive_hides_who_found_it(linter):
    text = failure(
        "I looked after the ferry company's booking API. Pages were slow for a month. Eventually it was found "
        "that the connection pool was too small, so the pool size was raised."
    )
    assert dimension(text, linter, "detection").rating == "novice"


@pytest.mark.parametrize(
    ("told", "rating"),
    [
        ("What I hadn't checked was that two ports still used the old timetable format.", "expert"),
        ("I thought a copy of last year's file was a safe starting point.", "expert"),
        # a check that covered only part of what could go wrong
        ("Before it went live I only checked the weekday sailings.", "expert"),
        ("I tested a handful of the summer dates and saw nothing odd.", "expert"),
        # too much of something to see it
        ("I was too sure of last year's file to see the risk in it.", "expert"),
        # holding on to the choice the warnings were about
        ("For two months I defended my choice of the old file format.", "expert"),
        # a few options or a few hours count nothing checked; a job doing too little is the fault itself
        ("I looked at a couple of other timetable tools first.", "intermediate"),
        ("I reviewed the drafts within a couple of hours.", "intermediate"),
        # an aside on a thing ("what I thought was ...") holds no belief about the trouble
        ("I did what I thought was helpful.", "intermediate"),
        ("The export job covered only half of the harbours.", "intermediate"),
    ],
)
def test_a_skipped_or_narrow_check_or_a_misjudged_thing_says_why_it_was_missed(linter, told, rating):
    text = failure(
        "I published the winter ferry timetable. " + told + " A week later a passenger emailed us that the "
        "Sunday sailing did not exist. I fixed the page within the hour and told the harbour office."
    )
    assert dimension(text, linter, "detection").rating == rating


def test_an_opinion_of_the_person_giving_feedback_is_no_misreading(linter):
    text = failure(
        "My lead told me my pull requests were too big to review. I thought she was being harsh. "
        "I split my next change into three and asked her to review the first one that day."
    )
    assert dimension(text, linter, "detection").rating == "intermediate"


def test_a_heading_that_names_what_went_wrong_makes_it_a_failure_story(linter):
    text = (
        "# The shared drive\n\n## Background\nI reorganised the lab's shared drive.\n\n"
        "## What went wrong\nMy script overwrote files that shared a name.\n\n"
        "## What I did\nI told my supervisor the same afternoon and restored the runs from a snapshot.\n"
    )
    card = score_story(parse_story(text, "story.md"), linter=linter)
    assert card.rubric == "failure" and "What went wrong" in card.rubric_reason


def test_no_one_noticing_is_why_it_was_missed_not_how_it_came_to_light(linter):
    text = failure(
        "I ran the ferry booking API. The failed-payment rate had been creeping up for a week. "
        "No one noticed because our alert threshold was 5%, so it stayed under the line. "
        "A customer emailed us on Monday, and I rolled back the payment client that morning."
    )
    detection = dimension(text, linter, "detection")
    assert detection.rating == "expert" and "No one noticed" in detection.reason


SEEN_AND_ASSUMED = failure(
    "I ran the sound desk for a touring choir. Before the first concert the conductor moved two songs, "
    "and nobody asked if the playback list was reordered too. I assumed it was, because we had agreed it at rehearsal. "
    "In the second half I pressed play and could hear at once that the wrong backing track had started. "
    "I could see it in the singers' faces too. I faded it out within five seconds and told the tour manager "
    "at the interval."
)


def test_a_belief_held_for_a_reason_and_a_sight_told_with_could_are_expert_detection(linter):
    # "I assumed X, because Y" says why no one checked; "I could see it" in a past story is what was seen.
    rated = dimension(SEEN_AND_ASSUMED, linter, "detection")
    assert rated.rating == "expert", rated.reason
    no_reason = SEEN_AND_ASSUMED.replace(", because we had agreed it at rehearsal", "")
    assert dimension(no_reason, linter, "detection").rating == "intermediate"


def test_a_decision_made_for_a_reason_or_what_could_have_been_seen_is_no_detection(linter):
    decided = failure(
        "I ran the sound desk for a touring choir. We decided to skip the sound check, because the bus was late. "
        "The wrong backing track played in the second half. I could have seen it in the list, but I faded it out "
        "and moved on."
    )
    assert dimension(decided, linter, "detection").rating == "novice"


def fare_story(middle: str, close: str = "I corrected the row within the hour and refunded 41 tickets.") -> str:
    """A fare typed into the wrong row: the failure the detection tests below tell in different ways."""
    return failure("I updated the ferry fares on the booking site and typed the winter price into the summer row. "
                   f"{middle} {close}")


def timetable_story(middle: str) -> str:
    """Summer times typed into the winter page, and the fix told the same afternoon."""
    return failure("I uploaded the new ferry timetable and typed the summer times into the winter page. "
                   f"{middle} I corrected the page that afternoon and told the harbour office.")


@pytest.mark.parametrize("how", [
    "We found out when a passenger emailed the harbour office about the price.",
    "Found out because passengers kept asking the crew why the price had doubled.",
])
def test_finding_out_when_or_because_someone_told_names_the_signal(linter, how):
    text = fare_story(how)
    assert dimension(text, linter, "detection").rating in ("intermediate", "expert")


def test_finding_out_how_to_fix_it_is_no_signal(linter):
    text = fare_story("I found out how to fix the row when I read the admin guide.",
                      "I corrected it and refunded 41 tickets.")
    assert dimension(text, linter, "detection").rating == "novice"


@pytest.mark.parametrize("why", [
    "The price file looked routine, so I published it without a second look.",
    "Fare changes did not go through the review that timetable changes get.",
    "I did not call the operator to confirm the new prices.",
    "The new prices were not checked against the operator's sheet.",
    "It stayed up because the wrong fare was close enough to the right one that nobody noticed.",
])
def test_a_thing_that_seemed_safe_a_bypassed_safeguard_or_a_skipped_check_says_why_it_was_missed(linter, why):
    text = fare_story(f"{why} Two days later we found out when a passenger emailed the harbour office about the price.")
    judged = dimension(text, linter, "detection")
    assert judged.rating == "expert", judged.reason


def test_a_thing_that_seemed_wrong_or_a_person_who_seemed_calm_is_no_misjudgement(linter):
    text = fare_story("The captain seemed calm about it. "
                      "Two days later we found out when a passenger emailed the harbour office about the price.")
    assert dimension(text, linter, "detection").rating == "intermediate"


@pytest.mark.parametrize("told", [
    "In the second week several passengers said their tickets showed the wrong sailing.",
    "For a month the harbour office had been getting a trickle of complaints about the times.",
    "On the Tuesday a complaint about the times reached me through the harbour office.",
])
def test_reports_from_those_the_failure_reached_name_the_signal(linter, told):
    text = timetable_story(told)
    assert dimension(text, linter, "detection").rating in ("intermediate", "expert")


@pytest.mark.parametrize("why", [
    "The booking monitor showed nothing, because no booking failed.",
    "No alarm went off, because no booking failed.",
    "At first everyone assumed a caching bug.",
    "Nobody in the office could reproduce it.",
    "The common opinion in the office was that the printing firm had mixed up the pages.",
])
def test_a_silent_instrument_a_wrong_diagnosis_or_a_sign_no_one_could_pin_down_say_why_it_was_missed(linter, why):
    text = timetable_story(f"For a month the harbour office had been getting a trickle of complaints about the times. {why}")
    judged = dimension(text, linter, "detection")
    assert judged.rating == "expert", judged.reason


def test_a_customer_report_that_opens_the_story_is_its_premise_not_how_it_was_seen(linter):
    text = (
        "---\ntags: [failure]\n---\n## Situation\nA customer reported that the ferry page showed summer times.\n\n"
        "## Action\nI corrected the page and told the harbour office.\n"
    )
    assert dimension(text, linter, "detection").rating == "novice"


def test_trouble_that_came_out_when_someone_showed_it_names_the_signal(linter):
    text = timetable_story("It only came out when a deckhand showed us a passenger's printout.")
    assert dimension(text, linter, "detection").rating in ("intermediate", "expert")


def test_a_search_left_undone_says_why_it_was_missed(linter):
    text = fare_story("What I didn't search: the winter fare sheet. "
                      "Two days later we found out when a passenger emailed the harbour office about the price.")
    judged = dimension(text, linter, "detection")
    assert judged.rating == "expert", judged.reason


def test_a_message_to_the_speaker_with_its_clock_time_names_the_signal(linter):
    text = failure(
        "I ran the booking site of the ferry company. On Sunday the card payments failed for the island route. "
        "The harbour clerk messaged me at 7:10, and I switched the route to the backup provider."
    )
    assert dimension(text, linter, "detection").rating == "intermediate"


@pytest.mark.parametrize(
    ("sentence", "rating"),
    [
        ("I got paged a little after two in the morning.", "intermediate"),  # the speaker alerted
        ("We were alerted by the harbour office before the first sailing.", "intermediate"),
        ("The harbour clerk flagged a thread on the island forum the next morning.", "intermediate"),
        ("The ticket office escalated two complaints to me on Monday.", "intermediate"),
        ("I flagged the risk in the planning meeting.", "novice"),  # the speaker raising it is no signal coming in
        ("Nobody flagged anything.", "novice"),
        ("I was asked to update the fares.", "novice"),  # the speaker on the receiving end of a request
    ],
)
def test_being_alerted_or_someone_else_raising_the_trouble_names_the_signal(linter, sentence, rating):
    assert dimension(fare_story(sentence), linter, "detection").rating == rating


@pytest.mark.parametrize(
    ("sentence", "rating"),
    [
        # a check came back clean, and the story says why it could not have caught it
        ("I tested the new fares on the booking page and it worked, because I only tried a summer date.", "expert"),
        ("The fare tests passed because they only covered the mainland route.", "expert"),
        # a clean check with no reason given says nothing about why it was missed
        ("I tested the new fares on the booking page and it worked.", "intermediate"),
    ],
)
def test_a_check_that_came_back_clean_for_a_reason_says_why_it_was_missed(linter, sentence, rating):
    text = fare_story(f"{sentence} The harbour clerk flagged the wrong prices on Monday morning.")
    judged = dimension(text, linter, "detection")
    assert judged.rating == rating, judged.reason


@pytest.mark.parametrize(
    ("sentence", "rating"),
    [
        # the trouble reported, told in the passive, is the moment it reached the team
        ("The first wrong prices were reported at the ticket desk on Monday.", "intermediate"),
        ("The wrong fare was flagged in the Monday stand-up.", "intermediate"),
        # a timeline note made of the report that came in
        ("09:40 - First complaint: a passenger was charged the winter price twice.", "intermediate"),
        # paging or pinging the speaker's channel or team is an alert in itself
        ("The ticket office pinged our channel on Monday morning.", "intermediate"),
        # results reported are no trouble; the speaker raising it brings no news in
        ("The new fares were reported to the board on Monday.", "novice"),
        ("I pinged our channel about the new fares.", "novice"),
        # no one bringing news brings none
        ("No one complained to us about the new fares.", "novice"),
        ("Nobody pinged our channel that week.", "novice"),
        # a check the speaker ran that told the trouble shows it; one that told nothing wrong does not
        ("On Thursday I ran the fare validator on the export and it rejected 12 rows.", "intermediate"),
        ("On Thursday I ran the price comparison, which flagged the summer row.", "intermediate"),
        ("On Thursday I ran the nightly export and it produced the usual file.", "novice"),
        # finding a person locates them; it notices nothing
        ("The next morning I went and found the harbour manager.", "novice"),
    ],
)
def test_reports_pages_and_checks_that_told_the_trouble_name_the_signal(linter, sentence, rating):
    judged = dimension(fare_story(sentence), linter, "detection")
    assert judged.rating == rating, judged.reason


@pytest.mark.parametrize("miss", ["Nobody looked at the fare table after the upload.",
                                  "No one had checked a fare change there in two years."])
def test_a_check_nobody_made_says_why_the_sign_was_missed(linter, miss):
    text = fare_story(f"The ticket office pinged our channel on Monday morning. {miss}")
    judged = dimension(text, linter, "detection")
    assert judged.rating == "expert", judged.reason


def test_a_message_sent_to_the_speaker_with_what_it_said_names_the_signal(linter):
    text = fare_story('A deckhand sent me a message that just said, "third wrong ticket this week."')
    judged = dimension(text, linter, "detection")
    assert judged.rating == "intermediate", judged.reason


@pytest.mark.parametrize(("why", "rating"), [
    ("The fare alert was never triggered, because its threshold sat above any fare we sold.", "expert"),
    ("The fare dashboards weren't refreshed on time for two mornings.", "intermediate"),  # the trouble, not a quiet instrument
])
def test_an_instrument_left_quiet_in_the_passive_says_why_only_when_it_was_meant_to_sound(linter, why, rating):
    text = fare_story(f"The ticket office pinged our channel on Monday morning. {why}")
    judged = dimension(text, linter, "detection")
    assert judged.rating == rating, judged.reason


@pytest.mark.parametrize(("caught", "rating"), [
    ("At 9:10 the harbour clerk caught it during her morning check of the fares.", "intermediate"),
    ("The harbour clerk caught up with the operator on the quay.", "novice"),
    # Found by someone else, the trouble came to the speaker; found by the speaker, it is the diagnosis.
    ("The harbour accountant found it by hand during the monthly reconciliation.", "intermediate"),
    ("We found it and replaced the row.", "novice"),
])
def test_someone_catching_the_trouble_names_the_signal(linter, caught, rating):
    assert dimension(fare_story(caught), linter, "detection").rating == rating


def test_a_delay_told_in_the_passive_is_no_skipped_check(linter):
    # "Not scanned until the afternoon" says when something happened, not which check was skipped.
    text = fare_story("The morning sales were not counted until the afternoon. "
                      "Two days later we found out when a passenger emailed the harbour office about the price.")
    assert dimension(text, linter, "detection").rating == "intermediate"


FOUND_OUT = "Two days later we found out when a passenger emailed the harbour office about the price."


@pytest.mark.parametrize(("why", "rating"), [
    # A source never opened or read is a check skipped; done, and done wrong, it is not.
    ("I never opened the operator's sheet, and that part is on me.", "expert"),
    ("I did not read the operator's covering email.", "expert"),
    ("I did not read the operator's figures correctly.", "intermediate"),
    # The blind spot named as a cleft: what the speaker did not think of or realise.
    ("What I hadn't thought about was that the summer sheet had two fare columns.", "expert"),
    ("What I didn't realise was that the sheet listed the child fares first.", "expert"),
    # "'d" before a past form is "had": a check told as past fact, narrowed to part of the fares;
    # "I'd have checked" is what would have happened.
    ("Before publishing, I'd only checked the adult fares.", "expert"),
    ("With more time I'd have only checked the adult fares.", "intermediate"),
    # A misreading told as past counts; a purpose ("to treat ...") or a standing rule does not.
    ("At first I treated the complaint as a one-off.", "expert"),
    ("I changed the import to treat a blank fare as an error.", "intermediate"),
    ("Now we treat any fare change as a release.", "intermediate"),
])
def test_why_it_was_missed_is_told_as_past_fact_about_the_speakers_own_check(linter, why, rating):
    text = fare_story(f"{FOUND_OUT} {why}" if "treat" in why else f"{why} {FOUND_OUT}")
    judged = dimension(text, linter, "detection")
    assert judged.rating == rating, judged.reason


QUEUE_LAUNCH = (
    "---\ntags: [failure]\n---\n# The launch queue\n\n"
    "## Situation\nI ran the booking service for the ferry company's summer launch. "
    "At 09:40 the p95 line on our booking dashboard went from 2 seconds to over a minute.\n\n"
    "## Action\nI split the booking pool by harbour and told the duty manager at 09:55.\n\n"
    "## Result\nBookings were back under 3 seconds by 11:00.\n\n"
    "## Lesson\n{lesson}\n"
)


@pytest.mark.parametrize(("lesson", "rating"), [
    # The lesson looks back at why the sign was missed: the check, whatever "which" hangs on.
    ("Our load test had been run at 1.2 times the forecast, which told us basically nothing.", "expert"),
    # A lesson that names no miss leaves the signal on its own, and a lesson section tells no signal.
    ("Every launch now gets a load test at three times the forecast.", "novice"),
])
def test_a_lesson_may_say_why_the_sign_was_missed_and_a_figure_that_went_from_one_value_to_another_was_the_sign(
        linter, lesson, rating):
    judged = dimension(QUEUE_LAUNCH.format(lesson=lesson), linter, "detection")
    assert judged.rating == rating, judged.reason


WINTER_PAGE = (
    "---\ntags: [failure]\n---\n# The winter timetable\n\n"
    "## Action\nI published the winter ferry timetable and fixed the Sunday page within the hour.\n\n"
    "## Result\n{result}\n"
)


@pytest.mark.parametrize(("result", "rating"), [
    # A warning sign named by that name in the Result is the signal; a comparison there is none.
    ("The page was right again by noon. The two late bookings that week were the warning sign.", "intermediate"),
    ("Bookings were back to 96%, slightly better than before the change.", "novice"),
])
def test_a_warning_sign_named_in_the_result_is_the_signal_but_a_comparison_is_not(linter, result, rating):
    assert dimension(WINTER_PAGE.format(result=result), linter, "detection").rating == rating


def test_too_early_to_see_results_is_no_missed_sign(linter):
    text = failure("I published the winter ferry timetable. It was too early to see results in the first week. "
                   "A week later a passenger emailed us that the Sunday sailing did not exist. "
                   "I fixed the page within the hour and told the harbour office.")
    assert dimension(text, linter, "detection").rating == "intermediate"


@pytest.mark.parametrize(("told", "rating"), [
    # A tool, not a person, showing the trouble: the signal was there, and the lesson says why no check saw it.
    ("The booking tracker started showing a cluster of failed payments on Sunday. "
     "Nothing in our release checks could have caught it, since every check ran on weekday data.", "expert"),
    ("The booking tracker started showing a cluster of failed payments on Sunday.", "novice"),
])
def test_a_tool_showing_the_trouble_is_the_sign_once_the_story_says_why_no_check_caught_it(linter, told, rating):
    text = failure(f"I published the winter ferry timetable. {told} I fixed the page within the hour.")
    judged = dimension(text, linter, "detection")
    assert judged.rating == rating, judged.reason


MEASURED_BUT_UNEXPLAINED = failure(
    "I had load tested the ferry booking queue before the summer sale. On the first evening the median "
    "wait went from 20 seconds to over 6 minutes. My test never touched the slow path for group bookings. "
    "I capped group searches that night and told the office."
)


ACTED_ON_A_BELIEF = failure(
    "At 16:40 I ran the cleanup script in the open terminal thinking it was the test database. "
    "At 16:52 the booking page went from half a second to nine seconds and the on-call engineer got paged. "
    "I rebuilt the index by 17:20 and told my manager."
)


@pytest.mark.parametrize("text, quoted", [
    # Two readings of the same figure are a measurement, whether or not a dashboard is named.
    (MEASURED_BUT_UNEXPLAINED, "went from"),
    # "ran it thinking it was the test database": the belief the act was done on, told as a participle.
    (ACTED_ON_A_BELIEF, "thinking"),
], ids=["two-readings", "acted-on-a-belief"])
def test_a_measured_signal_and_an_act_done_on_a_belief_make_detection_expert(linter, text, quoted):
    judged = dimension(text, linter, "detection")
    assert judged.rating == "expert" and quoted in judged.reason


POSTED_IN_THE_CHANNEL = failure(
    "I ran the ferry company's booking site. I changed the seat map on a Friday night. At nine on Saturday "
    "the harbour office manager posted in the ops channel that passengers were being sold the same seat. "
    "I reverted the seat map within the hour and told my manager."
)
# An instrument that stayed well while the trouble went on is why it was missed.
MONITORS_GREEN = POSTED_IN_THE_CHANNEL.replace(
    "I reverted", "Our booking monitors were green the whole time. I reverted")
SET_ASIDE = failure(
    "I built the ferry company's new booking page. The ticket office sent me screenshots of customers "
    "stuck on the payment step. I waved them away as old browsers. Two weeks later sales had fallen by a "
    "third, and I rolled the page back that morning."
)
# Without the dismissal, nothing says the screenshots were a sign anyone saw.
NOT_SET_ASIDE = SET_ASIDE.replace("I waved them away as old browsers. ", "")
ALERT_AT_A_TIME = failure(
    "I ran the ferry company's ticket servers. At 18:05 on a Friday the queue alert fired for the east "
    "gate only. At 18:07 I moved the east gate to the spare server and told the harbour master."
)
# Without its time, the alert only says a signal existed, not that it was heard.
UNTIMED_ALERT = ALERT_AT_A_TIME.replace("At 18:05 on a Friday the", "The").replace("At 18:07 I", "I")
ALERT_NOTE = failure(
    "S: Sunday, 03:10. Alert from the backup monitor: the ferry bookings dump was empty. I was on call.\n\n"
    "T: Get a good dump before the 06:00 sailings.\n\n"
    "A: I reran the dump by hand at 03:30 and told the operations lead at 08:00.\n\n"
    "R: The morning sailings sold 412 tickets from a complete booking list."
)
NOT_HEEDED = failure(
    "I ran the ferry company's ticket reports. For two weeks the harbour office complained that the "
    "monthly passenger count was too high. At first nobody took it seriously, because the gap was small. "
    "I traced it to a duplicated midnight import, removed 900 rows and told the office manager that Friday."
)
FIRST_REACTION = failure(
    "I ran the ferry company's ticket site. On Monday at 09:05 the harbour office messaged me that the "
    "kiosk printed blank tickets. My first reaction was that the kiosk was out of paper. I checked the "
    "logs, found my template change, reverted it at 09:40 and told the office."
)

CAME_TO_SEE_ME = failure(
    "I ran the ferry company's booking app. On a Tuesday the ticket office manager came to see me: "
    "\"Passengers say the app charged them twice for one crossing.\" I traced it to my retry change, "
    "turned the retries off that morning and told my manager."
)
# A check that covered each part on its own, never the parts together, is why the fault got through.
EACH_ALONE = CAME_TO_SEE_ME.replace(
    " I traced", " Our tests had checked each payment step alone, never the two steps together. I traced")
NOT_THE_UI = CAME_TO_SEE_ME.replace(" I traced", " We had tested the payment API, not the app itself. I traced")
# Anyone else who reports what they saw brings the news, not only the people it reached.
CREW_REPORTED = failure(
    "I ran the ferry company's ticket gates. I changed the gate firmware on a Monday. "
    "On Wednesday the deck crew started reporting gates that froze for a minute at every boarding. "
    "I rolled the firmware back that evening and told the harbour master."
)
# A figure compared with what someone reported is no report that brought the news.
COMPARED_WITH_A_REPORT = failure(
    "I ran the ferry company's ticket reports. I changed the fare export on a Monday. "
    "Our totals for March were higher than what the harbour office reported. "
    "I rolled the export back that evening and told the harbour master."
)
# A forecast the next sentence overturns is why the sign was read wrong; a forecast that held is not.
WRONG_FORECAST = failure(
    "I ran the ferry company's booking database. At 06:10 I got paged for slow searches. I restarted both "
    "database servers at once. I thought the caches would warm up within a minute. What actually happened "
    "was that both servers rebuilt their indexes together and bookings stopped for an hour. I told the "
    "harbour master at 06:40."
)
FORECAST_HELD = WRONG_FORECAST.replace("What actually happened was that both", "Both")


@pytest.mark.parametrize(
    ("told", "rating"),
    [
        (CAME_TO_SEE_ME, "intermediate"),  # someone came to the speaker with the news: how it came to light
        (EACH_ALONE, "expert"),
        (NOT_THE_UI, "expert"),
        (CREW_REPORTED, "intermediate"),
        (COMPARED_WITH_A_REPORT, "novice"),
        (WRONG_FORECAST, "expert"),
        (FORECAST_HELD, "intermediate"),
        (POSTED_IN_THE_CHANNEL, "intermediate"),  # news posted where the team reads: how it came to light
        (MONITORS_GREEN, "expert"),
        (SET_ASIDE, "expert"),  # a sign waved away names the signal, and its reason why it was missed
        (NOT_SET_ASIDE, "novice"),
        (ALERT_AT_A_TIME, "intermediate"),  # an instrument that told at a time of day: when it showed
        (UNTIMED_ALERT, "novice"),
        (ALERT_NOTE, "intermediate"),  # a note that opens with the alert that arrived: how it came to light
        (NOT_HEEDED, "expert"),  # a sign nobody took seriously, with the reason: why it was missed
        (FIRST_REACTION, "expert"),  # a first reaction that took the sign for something else
    ],
    ids=["came-to-see-me", "each-alone", "not-the-ui", "crew-reported", "compared-with-a-report", "wrong-forecast", "forecast-held", "posted", "monitors-green", "set-aside", "not-set-aside", "timed-alert", "untimed-alert",
         "alert-note", "not-heeded", "first-reaction"],
)
def test_how_it_came_to_light_and_why_it_was_missed_in_more_forms(linter, told, rating):
    assert dimension(told, linter, "detection").rating == rating
