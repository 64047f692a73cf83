"""Classification reads the story's own arc, not the side stories and remarks told in it."""

from __future__ import annotations

import pytest

from star_bank import classify_story, load_archetypes, parse_story
from star_bank.retrieve.framing import told_as_anecdote


@pytest.fixture(scope="module")
def book():
    return load_archetypes()


COACHING_WITH_AN_ANECDOTE = """\
## Situation
Tomasz, a new hire on our data team, had been with us a month and had not opened a single
pull request. His first task, a small fix to the nightly report, was still on his laptop.

## Task
My manager asked me to look after him for his first quarter.

## Action
We met for half an hour every Tuesday and Thursday. In the first meeting he showed me his branch:
he had restructured the whole report module because he was afraid of being judged on messy code.
I told him about the time my own first change at this company was rolled back within an hour.
Then we agreed on a rule: every ticket goes up as a small draft within two days. I paired with him on cutting his
change into three pieces and reviewed each one the same afternoon.

## Result
He merged all three that week, and by the end of the quarter he was reviewing other people's work.
"""


def test_a_story_the_speaker_tells_someone_is_not_the_story_itself(book):
    # The rollback happened in an anecdote told to a new hire; the arc is the coaching.
    assert told_as_anecdote("I told him about the time my own first change was rolled back.")
    assert not told_as_anecdote("I told my manager that my change had been rolled back.")
    # "share" after an article is a noun: a part of something, not a story told.
    assert told_as_anecdote("At lunch I shared the story of my first outage with her.")
    assert not told_as_anecdote("A large share of the calls had card numbers read aloud, and I argued against the plan.")
    match = classify_story(parse_story(COACHING_WITH_AN_ANECDOTE, "notes.md"), book)
    assert match.archetypes[0] == 5, match.why


OWN_DECISION_OUTGROWN = """\
Three years ago I chose to keep our job queue in a single Redis instance rather than adopt a managed
queue, because we had four workers and I wanted nothing more to operate. It held for a year. Then the
traffic grew tenfold, the instance ran out of memory twice at peak, and I spent my weeks sharding it
and adding capacity by hand. The original choice was mine, so I proposed the move to a managed queue
and moved the workers over one by one. Now I write down, for every hard-to-reverse choice, the load
at which we should look at it again.
"""


def test_a_choice_the_speaker_owns_outweighs_the_growth_it_ran_into(book):
    # Memory, traffic and capacity are scaling words; the story is a decision the speaker made
    # and would revisit sooner now.
    match = classify_story(parse_story(OWN_DECISION_OUTGROWN, "queue.md"), book)
    assert match.archetypes[0] == 8, match.why


DOUBT_THEN_RESEARCH = """\
Our city's parking app let drivers pay for a spot, but a third of the users who opened the payment screen
left without paying. The plan on the roadmap was a cheaper tariff. I was the developer on that screen
and I was not convinced it was the price. I spent two afternoons next to a busy car park to observe twenty
drivers trying to pay, and read a month of support tickets. Most of them could not find their zone number,
printed only on a small sign at the entrance. I shared three short videos of real usage with the team, and
we added a map that finds the zone from the phone's location. Drop-off on the payment screen fell
from 33% to 12% in six weeks.
"""


def test_a_doubt_that_sends_the_speaker_to_the_users_is_not_an_argument(book):
    # "not convinced" is the speaker's doubt, the reason to go and watch users; nobody argues.
    match = classify_story(parse_story(DOUBT_THEN_RESEARCH, "parking.md"), book)
    assert "disagreement" not in match.framing
    assert match.archetypes[0] == 9, match.why


BACKED_THE_PLAN_THEN_REGRETTED_IT = """\
When I took over the mobile team, we chose to write the app twice, once per platform, instead of
using a shared toolkit. I agreed with the plan and argued for it at the kickoff. Eight months later a
designer showed me that every screen reached one platform weeks before the other, and each bug had
to be fixed in two codebases. We moved the shared screens to one toolkit over the next quarter.
Looking back, I think we split the work too early. Next time I would start with one shared codebase
and give a platform its own code only when the toolkit cannot do what it needs.
"""


def test_backing_the_chosen_plan_is_not_a_disagreement_and_hindsight_makes_it_a_regretted_call(book):
    # "argued for it" stands in the sentence where the speaker agreed with the plan: support, not
    # pushback. The arc is the speaker's own call, judged too early looking back.
    match = classify_story(parse_story(BACKED_THE_PLAN_THEN_REGRETTED_IT, "mobile.md"), book)
    assert "disagreement" not in match.framing
    assert "hindsight" in match.framing
    assert match.archetypes[0] == 8, match.why


def test_a_drawback_of_one_option_is_not_a_disagreement(book):
    text = (
        "I listed three ways to send the newsletters and priced each one. The hosted service was the easiest, "
        "but the legal team had concerns about sending addresses abroad, so I chose the self-hosted one.\n"
    )
    assert "disagreement" not in classify_story(parse_story(text, "mail.md"), book).framing
    text = "My manager wanted the hosted service. I had concerns about sending addresses abroad and said so.\n"
    assert "disagreement" in classify_story(parse_story(text, "mail.md"), book).framing


PASSIVE_INCIDENT = """\
Last spring our shop moved its product catalogue to a new search cluster. It was agreed that the switch
would happen on a Sunday night, when traffic is quietest, and we had rehearsed it twice. The switch was
made at ten and the first checks looked fine. By midnight we saw on the sales dashboard that orders had
fallen to nearly zero: prices were being indexed as text, so every basket failed at payment. Mistakes were
made in the field mapping, which nobody had looked at twice. The decision was taken to roll back, and the
old index was restored from the backup. A week later the switch was done again and it held. The team
pulled together well and we learned that communication matters.
"""


def test_an_incident_told_in_agentless_passives_is_still_the_teams_own_failure(book):
    # No "I" and no "we broke": the failure is told in passives that hide the team's act,
    # its effect is a business figure falling to nothing, and the change is rolled back.
    match = classify_story(parse_story(PASSIVE_INCIDENT, "search.md"), book)
    assert {"hidden_mistake", "impact", "rollback"} <= set(match.framing)
    assert match.went_wrong
    assert match.archetypes[0] == 3, match.why


def test_a_figure_that_fell_a_little_is_not_breakage(book):
    text = "After the new form shipped, support calls about signup dropped by a third and orders grew.\n"
    assert "impact" not in classify_story(parse_story(text, "form.md"), book).framing


STEPPING_BACK_FROM_THE_PAGER = """\
## Situation
I wrote the payroll export five years ago and I was the only engineer who knew how its retries worked.
Every incident with it paged me, on call or not, and I debugged the same timeouts in the logs every month.

## Task
With my manager I set a goal: by summer, the two newest engineers run the export and its alerts without me.

## Action
- Wrote down the five ways the export fails and how each one shows in the logs and the alerts.
- Put Ana and Luis on the pager for it, with me as backup for the first six weeks.
- I stopped reviewing changes to the export unless one of them asked for a second pair of eyes.

## Result
In the next quarter they handled four incidents, and I heard about three of them after the fix.
"""


def test_handing_the_pager_over_is_making_yourself_replaceable_not_debugging(book):
    # Pages, incidents, logs and alerts are what was handed over; the arc is the speaker stepping back.
    match = classify_story(parse_story(STEPPING_BACK_FROM_THE_PAGER, "payroll.md"), book)
    assert "handover" in match.framing
    assert not match.went_wrong
    assert match.archetypes[0] == 10, match.why


OPTIONS_WEIGHED_FOR_A_NEW_TOOL = """\
**Situation:** Our forty-person agency had no common way to store client design files: two teams used
shared drives, one used a chat channel, and the product team kept everything in email. Nobody owned it.

**Action:** I offered to set up one place for all of it. I interviewed the three team leads and the
finance manager about what they needed, and it came down to versions, client access and search. I compared
three options, a hosted asset manager, an open-source one we could run ourselves and a folder convention
on the drive we already paid for, and wrote down cost and effort for each. I went with the open-source
one behind our single sign-on, moved my own team's files first, then helped the other two teams move theirs.

**Result:** Within four months all three teams and two clients used it for every delivery.
"""


def test_a_choice_among_options_for_something_nobody_owned_is_a_zero_to_one_story(book):
    # Teams, product and finance are who it served; the arc is weighing options and building the thing.
    match = classify_story(parse_story(OPTIONS_WEIGHED_FOR_A_NEW_TOOL, "assets.md"), book)
    assert "options_weighed" in match.framing
    assert match.archetypes[0] == 2, match.why


@pytest.mark.parametrize("sentence, handover", [
    ("I was the only engineer who knew how the export retried.", True),
    ("My aim was to enable other engineers to run the export.", True),
    ("I was the only one who noticed the pattern in the logs.", False),
    ("The new platform enabled other teams to release every week.", False),
])
def test_handover_is_the_work_leaving_the_speaker_not_any_only_or_enable(book, sentence, handover):
    framing = classify_story(parse_story(sentence + "\n", "one.md"), book).framing
    assert ("handover" in framing) is handover


@pytest.mark.parametrize(
    ("sentence", "mistake"),
    [
        ("The carrier dropped the codes. Not something we caused or could have fixed.", False),
        ("Nothing I did caused the drop in sign-ins.", False),
        ("I saw nothing odd on the dashboard, and I missed the alert.", True),
        ("My config change caused the drop in sign-ins.", True),
    ],
)
def test_a_denial_names_no_mistake_of_the_speakers(book, sentence, mistake):
    from star_bank.retrieve.framing import frame_story

    framing = frame_story(parse_story(f"## Situation\n{sentence}\n"), book)
    assert ("own_mistake" in framing.frames) is mistake


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("## Where it started\nI ran the session store.\n\n## What I broke\nLogins failed for an hour.\n", "own_mistake"),
        ("## Situation\nI posted in the channel that it was almost certainly my change.\n", "own_mistake"),
        ("## Situation\nWhat I did not think about was the rows already on disk.\n", "own_mistake"),
        ("## Situation\nNobody else could build a signed release.\n", "handover"),
        ("## Action\nI reopened the notebook that afternoon, and the problem was mine.\n", "own_mistake"),
        # The speaker's verdict on the evening is a crisis they had to get through.
        ("## Action\nTwo coach parties arrived for the same table, and it was a complete mess.\n", "crisis"),
    ],
)
def test_frames_told_in_a_heading_or_in_plain_words(book, text, frame):
    from star_bank.retrieve.framing import frame_story

    assert frame in frame_story(parse_story(text), book).frames


def test_doubting_a_cause_is_not_an_oversight(book):
    from star_bank.retrieve.framing import frame_story

    framing = frame_story(parse_story("## Situation\nI didn't think it was the build, since both apps dropped.\n"), book)
    assert "own_mistake" not in framing.frames



def test_the_speakers_own_slip_told_in_one_sentence_earns_less_than_other_frames(book):
    # A story about something else may mention its teller's slip in passing ("I should have ...
    # once"): told in one sentence of a long story, an `aside` frame earns half its rule's bonus;
    # other frames, and any frame in a short story, 0.7.
    from star_bank.retrieve.framing import FrameHit, StoryFraming, framing_weights

    wrong = frozenset(name for name, frame in book.framing.frames.items() if frame.went_wrong)
    def bonus(*hits: tuple[str, str], told: int = 12) -> dict[int, float]:
        found = StoryFraming([FrameHit(frame, "", sentence) for frame, sentence in hits], wrong, told)
        return framing_weights(found, book.framing)[0]

    assert book.framing.frames["own_mistake"].aside and not book.framing.frames["disagreement"].aside
    assert bonus(("own_mistake", "I skipped the test.")) == {8: 0.5}
    assert bonus(("own_mistake", "I skipped the test."), told=3) == {8: 0.7}
    assert bonus(("own_mistake", "I skipped the test."), ("own_mistake", "I never checked it.")) == {8: 1.0}
    assert bonus(("disagreement", "I argued against it.")) == {4: 0.7}


def test_the_noun_page_is_no_sign_of_an_on_call_debugging_story(book):
    # "Paged" as a cue is the verb of being called out; its stem is shared with "the login pages".
    from star_bank.retrieve.classify import classify_story

    text = ("## Situation\nOur library's login pages confused older readers.\n\n## Action\nI rewrote the pages "
            "with the help desk and watched six readers use them.\n\n## Result\nPIN resets completed went from 59% to 87%.\n")
    evidence = [e for score in classify_story(parse_story(text), book).scores for e in score.evidence]
    assert not any("pag" in e for e in evidence)
    paged = "## Situation\nI got paged at 2am when checkout slowed down.\n"
    assert any("paged" in e for score in classify_story(parse_story(paged), book).scores for e in score.evidence)

