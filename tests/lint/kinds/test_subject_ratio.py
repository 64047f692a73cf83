"""we-overuse counts who acts over the whole story."""

from __future__ import annotations

import pytest

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter


@pytest.fixture(scope="module")
def linter():
    return Linter(Config(select=["we-overuse"]))


def flagged(linter, text):
    return [f for f in linter.lint_text(text) if f.rule == "we-overuse"]


def test_we_spread_over_every_section_is_caught(linter):
    text = (
        "## Situation\nWe saw the error rate climb after lunch.\n"
        "## Task\nWe had to find the cause before the evening peak.\n"
        "## Action\nWe checked the dashboards. We rolled back the config.\n"
        "## Result\nWe got the errors down by six.\n"
    )
    found = flagged(linter, text)
    assert len(found) == 1 and found[0].section == "action"


def test_i_for_the_decisions_stays_quiet(linter):
    text = (
        "## Situation\nWe saw the error rate climb after lunch, and we paged the owners.\n"
        "## Action\nI read the deploy log and I found the bad config. I proposed we roll it back, "
        "and I ran the rollback.\n## Result\nWe were back to normal within the hour.\n"
    )
    assert not flagged(linter, text)


def test_a_team_description_is_not_an_action(linter):
    text = (
        "## Situation\nWe were a team of five. We had two weeks. We were new to the codebase.\n"
        "## Action\nI wrote the migration and I tested it.\n"
    )
    assert not flagged(linter, text)


def test_parts_under_headings_in_the_writers_own_words_count_too(linter):
    # "The morning after" and "Cleaning up" name no STAR part, yet they tell most of what the
    # speaker did; a closing team decision must not outweigh them.
    text = (
        "## Context\nI ran the billing jobs for a gym chain.\n\n"
        "## The morning after\nI matched the support ticket to my deploy and I paused the job.\n\n"
        "## Cleaning up\nI wrote the refund query, I refunded every double charge and I re-ran the job.\n\n"
        "## What changed for me\nWe agreed on a second reviewer. We added an alert. We wrote a runbook.\n"
    )
    assert not flagged(linter, text)


def test_one_we_in_the_action_is_enough_when_the_speaker_never_says_i(linter):
    # The rest is passive: the speaker's part has gone entirely.
    text = (
        "## Situation\nThe booking page slowed down every Monday.\n"
        "## Action\nWe looked at the logs. The cache was resized and the servers were restarted.\n"
        "## Result\nPages loaded in under a second again.\n"
    )
    assert len(flagged(linter, text)) == 1
    owned = text.replace("The cache was resized", "I resized the cache")
    assert flagged(linter, owned) == []


def test_looking_at_something_is_an_act_but_looking_fine_is_not(linter):
    looked = "## Action\nWe looked at the logs. We looked into the queue. We looked through the traces.\n"
    assert len(flagged(linter, looked)) == 1
    fine = "## Action\nI restarted the worker. We looked fine after that. It looked calm.\n"
    assert flagged(linter, fine) == []


def test_notes_that_drop_the_writers_i_count_as_i_unless_we_outnumbers_them(linter):
    text = (
        "## Situation\nThe booking page slowed down every Monday.\n"
        "## Action\nChecked the cache first. Pulled a month of latency graphs. "
        "Found the Monday import job. We agreed to move it to Sunday night.\n"
        "## Result\nWe moved the job, and Monday pages load in under a second.\n"
    )
    assert flagged(linter, text) == []
    team = text.replace("Checked the cache first. ", "We checked the cache first. We paged the owner. ")
    assert len(flagged(linter, team)) == 1


def test_a_practice_the_team_adopted_afterwards_is_theirs_to_say_we(linter):
    text = (
        "I ran a small agency's mobile work. We built a field app for a farm co-op and shipped it in March. "
        "By May a dozen of 140 growers used it. I drove out and rode with one grower for a day, and I saw "
        "the app lose his records wherever the signal dropped. I rebuilt it to save on the phone first.\n\n"
        "What we do now is that at every kickoff we ask where the user will stand, we build offline-first "
        "unless the answer is a sure yes, and we ride along before we write any code.\n"
    )
    assert not flagged(linter, text)
    # The same "we"s told as what happened are acts of the story, and count.
    told = text.replace("What we do now is that at every kickoff we ask", "At the next kickoff we asked")
    told = told.replace("we build offline-first", "we built offline-first").replace("and we ride along before we write",
                                                                                       "and we rode along before we wrote")
    assert flagged(linter, told)
