"""Story -> archetypes: front matter wins, otherwise the text decides, with evidence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank import classify_story, load_archetypes, parse_story, read_story
from star_bank.cli.starbank import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_STORIES = sorted((ROOT / "stories").glob("*.md"))

OUTAGE_STORY = """\
# Checkout errors during the holiday sale

## Situation
During our holiday sale the checkout service started failing intermittently: about 3% of
requests timed out, and the on-call alert paged me at 2 a.m.

## Task
I had to find the root cause and stop the outage while the sale was still running.

## Action
I read the traces and logs of the failing requests and saw every timeout hit the same
database connection pool. I reproduced the pool exhaustion in staging, found a retry loop
that never released its connection, shipped a hotfix, and wrote a runbook for the alert.

## Result
The error rate fell from 3% to 0.01% within 40 minutes, and the pool alert has not fired since.

## Lesson
I now add a connection-pool saturation alert to every service I put on call.
"""

MENTORING_STORY = """\
I mentored a junior engineer on my team who struggled to ship: every pull request
sat in draft for weeks because she wanted it perfect. In our weekly 1:1s I found the
real blocker was confidence, not skill. I coached her to split work into small scoped
wins, paired with her on the first two, and gave feedback within a day. Within two
months she shipped weekly, and a year later she was promoted and mentoring a new hire.
"""


@pytest.fixture(scope="module")
def book():
    return load_archetypes()


def test_front_matter_archetypes_win_over_the_text(book):
    story = parse_story("---\narchetypes: [5, 10]\n---\n" + OUTAGE_STORY, "declared.md")
    match = classify_story(story, book)
    assert match.archetypes == [5, 10]
    assert match.source == "front-matter"
    assert match.confidence == 1.0
    assert "front matter" in match.why


def test_outage_story_without_front_matter_classifies_as_debugging_or_incident(book):
    match = classify_story(parse_story(OUTAGE_STORY, "outage.md"), book)
    assert match.source == "classified"
    assert match.archetypes[0] in (1, 3)
    assert 0.0 < match.confidence < 1.0


def test_classification_names_the_evidence_that_decided_it(book):
    match = classify_story(parse_story(OUTAGE_STORY, "outage.md"), book)
    best = match.scores[0]
    assert best.id == match.archetypes[0]
    assert best.evidence, "the winning archetype must say which cues decided it"
    # Evidence reads as a quoted cue and the section it stood in: '"on-call" (situation)'.
    assert re.search(r'"[^"]+" \((title|situation|task|action|result|lesson)\)', match.why)


def test_story_without_star_labels_is_classified_from_its_prose(book):
    match = classify_story(parse_story(MENTORING_STORY, "mentoring.md"), book)
    assert match.archetypes[0] == 5


def test_story_with_no_archetype_words_gets_no_archetype_and_zero_confidence(book):
    match = classify_story(parse_story("# Lunch\n\nWe ate soup.\n", "lunch.md"), book)
    assert match.archetypes == []
    assert match.confidence == 0.0


@pytest.mark.skipif(len(SAMPLE_STORIES) < 5, reason="the sample bank is not there yet")
def test_sample_stories_stripped_of_front_matter_classify_to_their_own_archetypes(book):
    right = 0
    for path in SAMPLE_STORIES:
        story = read_story(path)
        declared = story.front_matter.archetypes
        if not declared:
            continue
        bare = re.sub(r"(?s)\A---\n.*?\n---\n", "", story.text)
        match = classify_story(parse_story(bare, str(path)), book)
        right += match.archetypes[0] in declared
    assert right >= 0.75 * len(SAMPLE_STORIES)


def test_list_reports_archetypes_with_their_source_and_confidence(tmp_path):
    (tmp_path / "a-declared.md").write_text("---\narchetypes: [3]\n---\n" + OUTAGE_STORY, encoding="utf-8")
    (tmp_path / "b-pasted.md").write_text(OUTAGE_STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["list", "--bank", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    declared, pasted = json.loads(result.output)
    assert declared["archetypes"] == [3]
    assert declared["archetype_source"] == "front-matter"
    assert declared["confidence"] == 1.0
    assert pasted["archetype_source"] == "classified"
    assert pasted["archetypes"][0] in (1, 3)
    assert 0.0 < pasted["confidence"] < 1.0


def test_list_text_marks_classified_stories(tmp_path):
    (tmp_path / "pasted.md").write_text(OUTAGE_STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["list", "--bank", str(tmp_path)])
    assert result.exit_code == 0
    assert "(classified, 0." in result.output


# --- Framing before topic words, one classification everywhere --------------------------------

CAUSED_OUTAGE = """\
# The cache change that took down search

## Situation
Our search service had grown to three regions and the cross-functional roadmap wanted a faster product page.

## Task
I owned the caching layer and the rollout plan with the product and sales teams.

## Action
I shipped a cache key change without testing it against production traffic, and my change caused a
40-minute outage for every region. I rolled it back, told the product manager within 15 minutes, and
wrote the postmortem.

## Result
Search was down for 40 minutes and about 2,000 queries failed.
"""

ESTIMATE_MISSED = """\
I promised the team the billing export in two weeks because I underestimated the reconciliation work.
I did not break the task down or spike the unknowns. It took five weeks, and I flagged the delay late.
Now I timebox a spike for anything I have not built before committing to a date.
"""

DISAGREEMENT_AMID_STAKEHOLDERS = """\
# Choosing the queue for the marketing launch

## Situation
Marketing and sales wanted the launch emails out in a week, and my manager and I disagreed about the queue:
he wanted a new managed service, I wanted to keep our existing one.

## Action
I wrote a one-page comparison with the costs and the risks of both, and proposed a two-day pilot.

## Result
The pilot showed the existing queue handled three times the launch volume, and we kept it.
"""


def test_an_outage_the_speaker_caused_is_an_incident_whatever_the_topic_words(book):
    match = classify_story(parse_story(CAUSED_OUTAGE, "caused.md"), book)
    assert match.archetypes[0] == 3
    assert match.went_wrong
    assert "framed as own mistake" in match.why


def test_an_owned_miss_with_nothing_broken_is_a_decision_to_make_differently(book):
    match = classify_story(parse_story(ESTIMATE_MISSED, "estimate.md"), book)
    assert match.archetypes[0] == 8
    assert match.went_wrong


def test_a_disagreement_outweighs_the_stakeholder_words_around_it(book):
    match = classify_story(parse_story(DISAGREEMENT_AMID_STAKEHOLDERS, "queue.md"), book)
    assert match.archetypes[0] == 4
    assert not match.went_wrong


def test_prevented_downtime_is_not_something_that_went_wrong(book):
    text = "I planned the migration so that there was zero downtime and no data loss, and I shipped it in stages."
    assert not classify_story(parse_story(text, "calm.md"), book).went_wrong


def test_tags_rank_between_the_front_matter_and_the_text(book):
    tagged = parse_story("---\ntags: [failure]\n---\n" + ESTIMATE_MISSED, "tagged.md")
    match = classify_story(tagged, book)
    assert match.source == "tags" and match.archetypes[0] in (3, 8)
    declared = parse_story("---\narchetypes: [6]\ntags: [failure]\n---\n" + ESTIMATE_MISSED, "declared.md")
    assert classify_story(declared, book).archetypes == [6]
    disagreement = parse_story("---\ntags: [disagreement]\n---\n" + CAUSED_OUTAGE, "tag4.md")
    assert classify_story(disagreement, book).archetypes[0] == 4


def test_list_says_when_the_classification_is_unsure_and_what_to_add(tmp_path):
    (tmp_path / "vague.md").write_text("I worked on a project with some people and it went fine in the end.\n")
    (tmp_path / "clear.md").write_text(CAUSED_OUTAGE)
    result = CliRunner().invoke(main, ["list", "--bank", str(tmp_path), "--format", "json"])
    entries = {Path(e["path"]).name: e for e in json.loads(result.stdout)}
    assert entries["vague.md"]["low_confidence"] is True
    assert "archetypes:" in entries["vague.md"]["note"] and "front matter" in entries["vague.md"]["note"]
    assert entries["clear.md"]["low_confidence"] is False and entries["clear.md"]["note"] is None


def test_list_coverage_suggest_and_score_report_the_same_archetypes(tmp_path):
    from star_bank.retrieve.bank_coverage import coverage
    from star_bank.retrieve.listing import list_stories
    from star_bank.retrieve.suggestions import suggest
    from star_bank.rubric.score import score_stories
    from star_bank.story.bank import load_bank

    (tmp_path / "caused.md").write_text(CAUSED_OUTAGE)
    (tmp_path / "estimate.md").write_text(ESTIMATE_MISSED)
    (tmp_path / "queue.md").write_text(DISAGREEMENT_AMID_STAKEHOLDERS)
    (tmp_path / "tagged.md").write_text("---\ntags: [failure]\n---\n" + ESTIMATE_MISSED)
    bank = load_bank(tmp_path)
    listed = {e.path: e.archetypes for e in list_stories(bank)}
    covered = {c.path: c.archetypes for c in coverage(bank).stories}
    scored = {c.path: c.archetypes for c in score_stories(bank.stories)}
    assert listed == covered == scored
    for answer in suggest(["Tell me about a mistake you made.", "Tell me about a disagreement."], bank):
        for pick in answer.stories:
            assert pick.archetype in listed[pick.path]


def test_framing_patterns_read_negation_and_hypotheticals(book):
    from star_bank.retrieve.framing import frame_sentences

    def frames(*sentences: str) -> set[str]:
        return frame_sentences([(s, True) for s in sentences], book.framing).frames

    assert "own_mistake" in frames("I didn't test the migration on a copy of production.")
    assert "own_mistake" not in frames("I never missed a deadline on that team.")
    assert "rollback" in frames("Rolled back to the previous version within ten minutes.")
    assert "rollback" not in frames("I wrote down a rollback plan before the release.")
    assert "rollback" in frames("I rolled the upgrade back within the hour.")  # the particle apart
    assert "disagreement" not in frames("Next time I would push back on the date.")
    assert "disagreement" in frames("The team planned to build its own queue.", "I wanted to use the managed one.")
    lesson_only = frame_sentences([("Whenever a score and a metric disagree, I read the raw data.", False)], book.framing)
    assert "disagreement" not in lesson_only.frames


def test_framing_tells_a_mistake_from_a_split_a_wish_and_a_condition(book):
    from star_bank.retrieve.framing import frame_sentences

    def frames(sentence: str) -> set[str]:
        return frame_sentences([(sentence, True)], book.framing).frames

    # Breaking work into parts, not wanting something, and "if it fails" tell nothing that went wrong.
    assert "own_mistake" not in frames("I broke the launch into four small releases.")
    assert "own_mistake" not in frames("I didn't want the memo to sound like an attack on the old design.")
    assert "impact" not in frames("If the export job fails, the analysts simply run it again.")
    # What the change spared ("rather than timing out", "instead of crashing") did not happen.
    assert "impact" not in frames("I moved the sends onto a queue so bursts wait rather than timing out.")
    assert "impact" not in frames("The worker now skips the bad row instead of crashing.")
    assert "own_mistake" not in frames("I thought it was the wrong call for that quarter.")
    # The same verbs told as what happened still count.
    assert "own_mistake" in frames("On my second day I broke the build for the whole office.")
    assert "own_mistake" in frames("I didn't properly test the export before the release.")
    assert "impact" in frames("The export job failed three nights in a row.")
    # A count of zero, in digits or words, says the trouble is gone.
    assert "impact" not in frames("0 crashes in the month after, down from six a day.")
    assert "impact" not in frames("Zero crashes in the month after, down from six a day.")


def test_framing_reads_notes_counterfactuals_and_what_was_hit(book):
    from star_bank.retrieve.framing import frame_sentences

    def frames(sentence: str) -> set[str]:
        return frame_sentences([(sentence, True)], book.framing).frames

    # Notes drop the subject: a "should have" line is still the speaker's hindsight.
    assert "hindsight" in frames("Should've checked the partition count first.")
    # What the harm touched, named as the set to put right.
    assert "impact" in frames("I re-ran the affected samples over the next two days.")
    # The trouble traced back to the speaker's own work names the speaker's mistake.
    assert "own_mistake" in frames("By the evening I had traced it to my change in the fare table.")
    assert "own_mistake" in frames("The report called it a defect introduced by my refactor.")
    assert "own_mistake" not in frames("I traced it to a driver update the vendor had pushed.")
    # A counterfactual tells a check that was made; an argument avoided is no disagreement.
    assert "own_mistake" not in frames("If I hadn't checked the ages, two swimmers would have raced in the wrong heat.")
    assert "disagreement" not in frames("We could show them the numbers in ten minutes instead of arguing for a week.")
    assert "disagreement" in frames("I didn't agree with the plan to cache every price.")
    # What would have gone wrong without the change, and what someone else felt, name no mistake.
    assert "own_mistake" not in frames("Her review caught two payroll faults I'd have missed.")
    assert "own_mistake" not in frames("Sales felt like we were ignoring their tickets.")
    assert "own_mistake" in frames("I missed two payroll faults in March.")
    # The speaker's own shortcut or setup, owned as theirs; a demo or a deploy that blew up.
    assert "own_mistake" in frames("Half the problem was my shortcut with the staging database.")
    assert "own_mistake" in frames("That setup was mine, and it was quick.")
    assert "impact" in frames("Two sales demos blew up in the same month.")
    assert "impact" not in frames("The story blew up on social media.")
    # A system that went down broke; a figure that went down fell, and a person went somewhere.
    assert "impact" in frames("The checkout service went down for forty minutes.")
    assert "impact" not in frames("The storage bill went down, which was the point.")
    assert "impact" not in frames("At the break I went down and told the duty manager.")
    # A newcomer stuck on a first ticket is the premise of a mentoring story, not a team blocked.
    assert "impact" not in frames("A graduate joined my team and was stuck on her first ticket for two weeks.")


NOTES_IN_BULLETS = """\
# notes: the mistake question

- second month at a print shop, looking after the order website
- changed the tax rounding in the checkout and pushed it on a friday
- the totals on about 300 invoices came out a cent off, accounts noticed on monday
- reverted it that morning and called the accounts lead
- now every change to money code gets a second reviewer and a test with real invoices
"""


def test_each_bullet_of_notes_is_read_as_its_own_sentence(book):
    # With no full stops, "...on monday reverted it..." would run together and hide the rollback.
    from star_bank.retrieve.framing import frame_story, story_sentences

    story = parse_story(NOTES_IN_BULLETS, "notes.md")
    assert "reverted it that morning and called the accounts lead" in [text for text, _ in story_sentences(story)]
    assert "rollback" in frame_story(story, book).frames
    assert classify_story(story, book).archetypes[0] == 3


SCALING_WITH_ONE_ARGUMENT = """\
# Keeping the ticket scanner fast through the festival season

## Situation
Our ticket-scanning service handled about 40 scans a second, and the festival season was going to bring
ten times that at the gates, with every scan needing an answer in under 200 ms.

## Action
I load-tested the service at 500 scans a second and found the database connection pool was the limit.
I added read replicas, moved the ticket lookups to a cache sized for the full season's tickets, and
sharded the scan log by gate. I argued against rewriting the service in another language that season.
I added autoscaling on queue depth and rehearsed a gate-opening surge twice in staging.

## Result
At the biggest gate opening the service handled 450 scans a second with a p99 of 120 ms.
"""


def test_one_side_remark_of_disagreement_does_not_outweigh_what_the_story_is_about(book):
    # The frame still counts, but told once it earns less than a story's whole topic.
    match = classify_story(parse_story(SCALING_WITH_ONE_ARGUMENT, "scanner.md"), book)
    assert match.archetypes[0] == 7, match.why


def test_harm_told_as_a_measure_that_rose_or_a_duplicate_is_impact(book):
    from star_bank.retrieve.framing import frame_sentences

    def frames(sentence: str) -> set[str]:
        return frame_sentences([(sentence, True)], book.framing).frames

    assert "impact" in frames("That evening the support tickets tripled.")
    assert "impact" in frames("About 9,000 members were charged twice for the same month.")
    assert "impact" in frames("The warehouse team was blocked for a whole shift.")
    assert "impact" not in frames("Support tickets fell by half after the redesign.")


def test_a_service_running_badly_or_answering_with_server_errors_is_impact(book):
    from star_bank.retrieve.framing import frame_sentences

    def frames(sentence: str) -> set[str]:
        return frame_sentences([(sentence, True)], book.framing).frames

    assert "impact" in frames("Search was degraded for most of the afternoon.")
    assert "impact" in frames("The booking API started returning 503s to every caller.")
    assert "impact" not in frames("I added a fallback so that search never degrades for members.")


DUPLICATE_CHARGE = """\
I moved the gym's membership billing to a new payment provider. I forgot to switch off the old
monthly job, so about 9,000 members were charged twice that month, and the front desk took dozens of
complaints. I refunded every duplicate charge that afternoon and wrote to each member.
"""


def test_a_mistake_of_mine_that_hurt_people_is_an_incident_i_caused(book):
    assert classify_story(parse_story(DUPLICATE_CHARGE, "gym.md"), book).archetypes[0] == 3


def test_a_breakage_nobody_admits_causing_reads_as_debugging(book):
    text = ("# The nightly export\n\nThe nightly export to the accounting system started crashing twice a week, "
            "and the error rate on the import side spiked each time. I read the logs, reproduced the crash with "
            "one malformed invoice, and added validation before the export.\n")
    assert classify_story(parse_story(text, "export.md"), book).archetypes[0] == 1


FIRST_VERSION = """\
**Situation:** The volunteers at our food bank booked their shifts by phone, and the coordinator spent her
Mondays answering calls and frustrated messages about double bookings.

**Task:** I offered to build a booking page so volunteers could pick their own shifts.

**Action:** I asked three volunteers what they needed from it, sketched two layouts on paper, and built a
first version on a free form tool in a weekend. After a two-week pilot with one site I added reminders by text.

**Result:** All four sites use it now, and the coordinator's Monday calls went from about forty to five.
"""


def test_building_a_first_version_of_something_new_reads_as_zero_to_one(book):
    # "frustrated" and "volunteers" are topic words of other archetypes; building a first
    # version and piloting it is what the story does.
    assert classify_story(parse_story(FIRST_VERSION, "booking.md"), book).archetypes[0] == 2


def test_a_framing_rule_naming_an_unknown_frame_is_an_error(tmp_path):
    import yaml

    from star_bank.retrieve.archetypes import ArchetypeError, load_archetypes as load

    data = yaml.safe_load((ROOT / "archetypes.yaml").read_text(encoding="utf-8"))
    data["framing"]["rules"].append({"when": ["no_such_frame"], "add": {3: 1.0}})
    path = tmp_path / "archetypes.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ArchetypeError, match="no_such_frame"):
        load(path)


SCENE_ABOUT_SCALE_STORY = """\
## Situation
The reporting cluster was struggling under heavy load. Traffic had tripled since spring, queries
timed out at peak, and capacity planning for the database had been put off for months.

## Task
A junior engineer had just joined, and I was asked to help him get productive.

## Action
I paired with him every morning for three weeks and let him drive. I gave him the smaller
tickets first, reviewed his pull requests the same day and explained my comments in our one-on-ones.
I coached him through writing his first design note and sat next to him for his first on-call week.

## Result
After two months he was closing tickets on his own and presented his design at the team review;
his lead asked me to mentor the next new hire the same way.
"""


def test_scene_setting_topic_does_not_outweigh_what_the_speaker_did():
    # The Situation is all scaling words, but none of its sentences has the speaker in it:
    # what the speaker did (pairing, reviewing, coaching) decides, with scale the next best.
    match = classify_story(parse_story(SCENE_ABOUT_SCALE_STORY, "scene.md"), load_archetypes())
    assert match.archetypes[0] == 5
    assert match.scores[1].id == 7


HAND_OVER_STORY = """\
## Situation
I had built the payments reconciliation service alone, and for two years
I was its only maintainer.

## Task
I was moving to another team in six weeks, so the service had to keep running without me.

## Action
I wrote documentation for each alert and a runbook for the nightly jobs.
I ran three sessions where I walked two teammates through the logs and traces of the batch jobs.
I paired each of them with me on the on-call rotation for two weeks, then swapped roles so I only watched.
I handed over code review of the service to them and added dashboards for job duration and queue depth.

## Result
After I moved, the two of them handled every alert on their own, and nobody paged me.
"""


def test_what_the_speaker_worked_on_counts_less_than_the_act():
    # Every Action sentence is the speaker handing the service over; runbooks, on-call,
    # logs and dashboards are what those acts worked on, so the story is about making
    # the speaker replaceable. The handover framing ("without me") settles it; debugging,
    # from the topic words, is still the runner-up.
    match = classify_story(parse_story(HAND_OVER_STORY, "notes.md"), load_archetypes())
    assert match.archetypes[0] == 10
    assert "handover" in match.framing
    assert match.scores[1].id == 1
