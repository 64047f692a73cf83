"""STAR labels in the styles people actually write them."""

from __future__ import annotations

import pytest

from star_bank.model.story import SectionKind
from star_bank.story.parse import classify_label, parse_story

S, T, A, R, L = (SectionKind.situation, SectionKind.task, SectionKind.action, SectionKind.result, SectionKind.lesson)


def kinds(text: str) -> list[SectionKind]:
    return [s.kind for s in parse_story(text).sections]


@pytest.mark.parametrize(
    "text",
    [
        "S: The nightly export kept timing out.\nT: I owned the fix.\nA: I split the job in two.\nR: It ran in 9 minutes.\n",
        "S- The nightly export kept timing out.\nT- I owned the fix.\nA- I split the job in two.\nR- It ran in 9 minutes.\n",
        "(S) The nightly export kept timing out. (T) I owned the fix. (A) I split the job in two. (R) It ran in 9 minutes.\n",
        "SITUATION\nThe nightly export kept timing out.\n\nTASK\nI owned the fix.\n\nACTION\nI split the job in two.\n\n"
        "RESULT\nIt ran in 9 minutes.\n",
        "**Situation:** The nightly export kept timing out.\n**Task:** I owned the fix.\n"
        "**Action:** I split the job in two.\n**Result:** It ran in 9 minutes.\n",
        "<b>Situation:</b> The nightly export kept timing out.\n\n<b>Task:</b> I owned the fix.\n\n"
        "<b>Action:</b> I split the job in two.\n\n<b>Result:</b> It ran in 9 minutes.\n",
        "Situation: The nightly export kept timing out.\nTask: I owned the fix.\n"
        "Action: I split the job in two.\nResult: It ran in 9 minutes.\n",
        "Situation - The nightly export kept timing out.\n\nTask - I owned the fix.\n\n"
        "Action - I split the job in two.\n\nResult - It ran in 9 minutes.\n",
        "SITUATIONThe nightly export kept timing out.\n\nTASKMy job was the fix.\n\n"
        "ACTION: I split the job in two.\n\nRESULT: It ran in 9 minutes.\n",
        "**S:** The nightly export kept timing out.\n**T:** I owned the fix.\n**A:** I split the job in two.\n"
        "**R:** It ran in 9 minutes.\n",
        "1. Situation: The nightly export kept timing out.\n2. Task: I owned the fix.\n"
        "3. Action: I split the job in two.\n4. Result: It ran in 9 minutes.\n",
        "**Situation** - The nightly export kept timing out.\n\n**Task** - I owned the fix.\n\n"
        "**Action** - I split the job in two.\n\n**Result** - It ran in 9 minutes.\n",
        "[Situation]\nThe nightly export kept timing out.\n\n[Task]\nI owned the fix.\n\n"
        "[Action]\nI split the job in two.\n\n[Result]\nIt ran in 9 minutes.\n",
        "s: the nightly export kept timing out\n\nt: i owned the fix\n\na: i split the job in two\n\n"
        "r: it ran in 9 minutes\n",
        # A capital alone on its line, bold or not, over the part it names.
        "**S**\n- nightly export timing out\n\n**T**\n- me, owner of the fix\n\n**A**\n- split the job in two\n\n"
        "**R**\n- runs in 9 minutes\n",
        "S\nThe nightly export kept timing out.\n\nT\nI owned the fix.\n\nA\nI split the job in two.\n\n"
        "R\nIt ran in 9 minutes.\n",
    ],
    ids=["letter-colon", "letter-dash", "letter-parens-inline", "caps-lines", "bold", "html-bold", "plain-lines",
         "plain-dash", "caps-glued", "bold-letters", "numbered", "bold-dash", "bracketed-lines", "lower-letters",
         "bold-letter-lines", "letter-lines"],
)
def test_label_styles_give_the_four_parts(text):
    assert kinds(text) == [S, T, A, R]


def test_a_story_written_as_an_html_list_is_read():
    text = (
        "<ul>\n  <li>\n    <b>Situation:</b><br>\n    - The report page froze for large accounts.\n  </li>\n"
        "  <li>\n    <b>Action</b><br>\n    - I paged the query and cached the totals.\n  </li>\n"
        "  <li>\n    <b>Result</b><br>\n    - Load time fell from 12 s to 2 s.\n  </li>\n</ul>\n"
    )
    story = parse_story(text)
    assert [s.kind for s in story.sections] == [S, A, R]
    assert "12 s to 2 s" in story.section("result").sentences[0].text


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("The Learning", L), ("Key Takeaway", L), ("The Prevention", L), ("Learnings -", L),
        ("Context", S), ("What went wrong", S), ("Outcome", R), ("My approach", A),
    ],
)
def test_heading_aliases(label, kind):
    assert classify_label(label) is kind


def test_everyday_words_name_a_part_only_as_a_whole_label():
    assert classify_label("What happened to the invoices, and why it matters") is None
    assert classify_label("What happened") is S


def test_letters_are_not_labels_in_a_question_and_answer_transcript():
    text = (
        "Q: What was the project?\nA: A billing export for the finance team.\n"
        "Q: What went wrong?\nA: I shipped it without a row limit. S: not a label here.\n"
    )
    assert S not in kinds(text) and A not in kinds(text)


def test_letters_under_a_question_line_are_labels_when_s_t_and_r_open_lines_too():
    text = (
        "Q: Tell me about a release you had to pull back.\n\n"
        "S: Our nightly export ran on a shared box.\n\nT: I owned the new compression step.\n\n"
        "A: I turned the step off within ten minutes.\n\nR: The export caught up by noon.\n"
    )
    assert kinds(text) == [S, T, A, R]


def test_lower_case_letters_need_a_colon_and_an_unmatched_bracket_is_no_label():
    # "a-ha" and "s-shaped" open no part; "[Situation" is prose, not a bracketed label.
    text = "s- shaped curve at first\n\nt- test\n\na-ha, it was the cache\n\nr- retry\n"
    assert S not in kinds(text)
    assert S not in kinds("## Notes\n[Situation\nThe export kept timing out.\n")


def test_a_single_stray_letter_is_not_a_label():
    text = "## Situation\nOur queue backed up.\n\nA - the first consumer was stuck, so I restarted it.\n"
    assert kinds(text) == [S]


def test_a_label_line_in_the_middle_of_a_paragraph_opens_a_part():
    text = "Situation: The deploy failed twice.\nTask: I had to find out why.\nAction: I bisected it.\n"
    assert kinds(text) == [S, T, A]


def test_a_lone_label_like_line_inside_prose_is_a_sentence():
    text = "We lost a day to the flaky deploy.\nThe result: nobody trusted the pipeline for a week.\n"
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("The backdrop", S),
        ("What we were up against", S),
        ("What I was asked to deliver", T),
        ("My brief", T),
        ("What was expected of me", T),
        ("How I went about it", A),
        ("What we tried, week by week", A),
        ("Where it landed", R),
        ("How things played out", R),
        ("What happened next", R),
        ("What it cost us", R),
        ("The fallout", R),
        ("What we took away", L),
        ("How I work now", L),
        ("What I'd tell my younger self", L),
        ("Advice to my past self", L),
    ],
)
def test_a_heading_in_its_own_words_names_the_part_it_holds(heading, kind):
    assert classify_label(heading) is kind


@pytest.mark.parametrize(
    "heading",
    ["Stage 2", "What happened to the invoices", "My brief was to cut the cloud bill before the audit began", "The queue"],
)
def test_a_heading_about_something_else_names_no_part(heading):
    assert classify_label(heading) is None


def test_a_story_under_headings_in_its_own_words_is_not_missing_parts():
    text = (
        "# Moving the warehouse scanners\n\n## The backdrop\nOur pickers lost scans whenever the wifi dropped.\n\n"
        "## What I was asked to deliver\nA scanner app that kept working offline.\n\n"
        "## How I went about it\nI queued scans on the device and synced them in batches.\n\n"
        "## Where it landed\nLost scans fell from 40 a day to 2.\n"
    )
    assert kinds(text) == [S, T, A, R]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Laying out the backdrop", S), ("What we inherited", S), ("Some background first", S),
        ("What I was on the hook for", None), ("What I owned", T), ("Our brief for the quarter", T),
        ("What I handled myself", A), ("The recovery on day two", A), ("How it landed", R),
        ("The upshot for customers", R), ("Changed since", L), ("What I changed afterwards", L),
        ("What stayed with me", L), ("What I fixed", A), ("What changed for me", L),
        ("What changed in my process", L), ("What I changed in how I work", L),
        ("What my squad does now", L), ("What our crew changed", L), ("What my lead wanted", None),
    ],
)
def test_a_label_in_the_writers_own_words_is_read_by_its_head_word(label, kind):
    assert classify_label(label) == kind


@pytest.mark.parametrize(
    "label",
    ["How I rebuilt the billing export", "The cache I forgot to warm", "Rolling back the payments shard",
     "Why the alerts were noisy", "Fixed the flaky test suite"],
)
def test_a_title_naming_its_subject_is_not_a_part(label):
    assert classify_label(label) is None


def test_sibling_headings_in_own_words_are_the_parts_and_a_lone_title_is_not():
    parts = (
        "## Laying out the backdrop\n\nOur invoicing job ran nightly for 300 clients.\n\n"
        "## What I owned\n\nI owned its move to the new queue.\n\n"
        "## What I handled myself\n\nI moved one client a day and compared totals.\n\n"
        "## How it landed\n\nAll 300 moved in six weeks with no missed invoice.\n"
    )
    assert kinds(parts) == [S, T, A, R]
    titled = "# My role in the queue move\n\n## Situation\n\nOur invoicing job ran nightly.\n"
    story = parse_story(titled)
    assert story.title == "My role in the queue move"
    assert kinds(titled) == [S]


def test_bullet_labels_in_own_words_count_only_beside_other_labels():
    notes = (
        "- Background: a night shift packing 5,000 orders.\n- My job that month: cut mis-packs.\n"
        "- What I did: added a weigh check at the last bench.\n- Result: mis-packs fell from 40 to 6 a week.\n"
    )
    assert kinds(notes) == [S, T, A, R]
    lone = (
        "- a night shift packing 5,000 orders\n- mis-packs kept reaching customers\n"
        "- I added a weigh check at the last bench\n- what I do now: weigh every tenth box myself\n"
    )
    assert L not in kinds(lone)


def test_numbered_label_lines_open_the_parts():
    text = (
        "1. Situation\nThe nightly export kept timing out.\n\n2. Action\nI split the job in two.\n\n"
        "3. Result\nIt ran in 9 minutes.\n"
    )
    assert kinds(text) == [S, A, R]


def test_a_line_label_in_own_words_counts_beside_other_line_labels():
    text = (
        "S - The cafe fridge died overnight.\n\nA - I binned the dairy and called the repair line.\n\n"
        "R - We opened on time.\n\nWhat changed after - I added a 2am temperature check to the closing list.\n"
    )
    assert kinds(text) == [S, A, R, L]
    alone = "The cafe fridge died overnight and I binned the dairy.\n\nWhat changed after - a 2am check.\n"
    assert L not in kinds(alone)


def test_labels_decorated_with_pictographs_or_arrows_are_read():
    text = (
        "\U0001F4CD The situation:\nA clinic booking app on a document store.\n\n"
        "\U0001F3AF My job:\nEvery technical call was mine.\n\n"
        "\u2192 Result:\nReports went from hours to a minute.\n"
    )
    assert kinds(text) == [S, T, R]


def test_a_double_hyphen_separates_a_label_from_its_text():
    text = "Situation -- The clinic's discharge packet confused patients.\n\nAction -- I watched ten discharges.\n\nResult -- Calls fell by half.\n"
    assert kinds(text) == [S, A, R]


def test_letters_with_a_bracket_under_a_question_line_are_the_parts():
    text = (
        "Question: Tell me about a time a supplier caused you a problem.\n\n"
        "S) A dye house changed its recipe without telling us.\n\nA) I called the manager the same day.\n\n"
        "R) The order shipped two weeks late.\n"
    )
    assert kinds(text) == [S, A, R]


def test_what_was_going_on_names_the_situation():
    assert classify_label("What was going on") == S


def test_an_arrow_after_a_label_separates_it_from_its_text():
    text = (
        "Situation/Task -> A venue needed bulk voucher upload in three weeks.\n\n"
        "Action => I wrote the validation rules.\n\nResult \u2192 It shipped one release late.\n\n"
        "What I would do differently -> Ask for real sample files first.\n"
    )
    assert kinds(text) == [S, A, R, L]
    assert kinds("The build -> deploy step broke twice.\n\nI fixed it.\n") == []


def test_a_part_named_in_ones_own_words_on_a_line_of_its_own_counts_beside_other_labels():
    notes = ("context: the nightly export ran on one shared box.\n\n"
             "what i did:\n- moved it to its own queue\n- told the data team the same day\n\n"
             "what changed for me\n- every job i add now gets its own queue, and a second person reviews it\n")
    assert kinds(notes) == [S, A, L]
    # Alone, with no other label, such a line is only prose.
    alone = "We moved the export to its own queue.\n\nWhat changed for me\n\nEvery job gets its own queue now.\n"
    assert L not in kinds(alone)


def test_a_bold_label_with_an_aside_in_brackets_still_opens_its_part():
    text = ("**What I did**\n\nI rolled the certificate back at 08:30.\n\n"
            "**Follow-ups** (mine, all closed within a month)\n\n- The script pins the chain by fingerprint.\n")
    story = parse_story(text)
    assert [s.kind for s in story.sections][-1] is SectionKind.lesson
    assert "closed within a month" not in story.sections[-1].text  # the aside is part of the label


def test_shortened_labels_in_notes_and_a_repeated_label_of_ones_own_inside_a_part():
    text = ("sit: billing service, six pods, restarting every few hours\n\n"
            "task: find the leak\n\n"
            "did:\n- heap snapshots half an hour apart\n- fix: one abort controller per request\n\n"
            "res: memory flat after two days\n")
    # "fix:" inside the "did:" list is a line of the Action, not a second Action.
    assert kinds(text) == [SectionKind.situation, SectionKind.task, SectionKind.action, SectionKind.result]


def test_an_interviewers_sub_questions_in_bold_name_the_parts_they_ask_for():
    text = ("**What was the context?**\n\nOur support team searched tickets by scrolling.\n\n"
            "**What did you do first?**\n\nI sat with two agents for a morning.\n\n"
            "**How did it turn out?**\n\nSearch took 4 seconds instead of 90.\n\n"
            "**What would you take from it?**\n\nI now write a one-page question list before any build.\n")
    assert kinds(text) == [S, A, R, L]
