"""A story told as a transcript: only the storyteller's turns are read.

Each text here is written for the pattern it shows; none is copied from a corpus.
"""

from __future__ import annotations

from star_bank.story.parse import parse_story

PANEL = """\
*From the afternoon panel on running small platform teams*

**CHAIR (Ana Ruiz):** Next question from the floor: when did a plan of yours go wrong?

**TOM BECK (Head of Platform, Lumen):** Oh, a good one. [laughter] Two years ago I moved our build cache to a
single bucket to save money. Within a week every branch build was twice as slow, because the cache was
thrashing between projects.

**CHAIR:** So what did you do?

**TOM:** I split the cache per project again the same afternoon and told the team what I had broken. Since
then I load-test any change to shared build storage on a copy before it goes live.

**CHAIR:** Thank you. Lena, over to you.
"""

CHAT = """\
**Mira Holt** 10:02 AM
you asked what happened with the export last night, so short version: my cron change ran it twice.

**Jon Pike** 10:03 AM
did anyone get the file twice?

**Mira Holt** 10:05 AM
yes, the two partner banks. I rang both before nine and sent them the corrected file.

**Jon Pike** 10:06 AM
ok thanks

**Mira Holt** 10:08 AM
I now run every cron change through the dry-run job before it merges.
"""

TICKET = """\
TICKET: OPS-118
OWNER: me (night shift)
SEVERITY: high

The label printer stopped after the driver update. I rolled the driver back at 02:10 and told the
warehouse lead, and the printer ran again within ten minutes.
"""


def _body(text: str) -> str:
    story = parse_story(text, "story.md")
    return " ".join(s.prose.text for s in story.sections if s.prose is not None) or story.body_prose.text


def test_a_panel_transcript_is_read_as_the_storytellers_words_only():
    body = _body(PANEL)
    assert "I moved our build cache" in body
    assert "Since then I load-test any change" in body
    # The chair's questions, the speakers' tags and the audience's laughter are not the story.
    for other in ("when did a plan of yours go wrong", "So what did you do", "Lena, over to you", "CHAIR",
                  "Head of Platform", "TOM", "[laughter]"):
        assert other not in body


def test_a_chat_thread_is_read_as_its_main_senders_messages():
    body = _body(CHAT)
    assert "my cron change ran it twice" in body
    assert "I now run every cron change through the dry-run job" in body
    for other in ("did anyone get the file twice", "ok thanks", "Mira Holt", "10:05 AM"):
        assert other not in body


def test_field_names_that_each_appear_once_are_not_voices():
    body = _body(TICKET)
    assert "OPS-118" in body and "I rolled the driver back at 02:10" in body


def test_star_labels_are_never_taken_for_speakers():
    text = ("Situation: the nightly export doubled.\n\nTask: find out why.\n\nSituation: again on Monday.\n\n"
            "Task: stop it for good.\n\nAction: I removed the second cron entry.\n\nResult: one export a night.\n")
    story = parse_story(text, "story.md")
    assert [s.kind.value for s in story.sections][:2] == ["situation", "task"]
    assert "the nightly export doubled" in story.sections[0].prose.text
