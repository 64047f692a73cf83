"""The story parser: front matter, title, STAR sections, exact spans, and bad files."""

from __future__ import annotations

import pytest

from star_bank.model.story import SectionKind
from star_bank.story.parse import StoryParseError, classify_label, parse_story, read_story

STORY = """\
---
title: Flaky checkout tests traced to a shared cache key
archetypes: [1, 3]
level: senior
role: ai
tags: [debugging, testing]
team: payments
---
# Flaky checkout tests

## Situation
Our checkout tests failed on one run in ten. Nobody trusted the build.

## Task
I had to find the cause within a week.

## Action
I bisected the failures and found a shared cache key.

## Result
Flaky runs fell from 10% to 0.2% in a month.

## Lesson
I now add a test-isolation check to every review.
"""


def kinds(story) -> list[str]:
    return [s.kind.value for s in story.sections]


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first `needle` in an LF text."""
    offset = text.index(needle)
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


# --- front matter and title ---------------------------------------------------------------


def test_front_matter_fields_are_read():
    story = parse_story(STORY, "stories/flaky.md")
    fm = story.front_matter
    assert fm.title == "Flaky checkout tests traced to a shared cache key"
    assert fm.archetypes == [1, 3]
    assert fm.level == "senior"
    assert fm.role == "ai"
    assert fm.tags == ["debugging", "testing"]


def test_unknown_front_matter_keys_are_kept_in_extra():
    story = parse_story(STORY)
    assert story.front_matter.extra == {"team": "payments"}


def test_front_matter_title_wins_over_the_heading():
    story = parse_story(STORY)
    assert story.title == "Flaky checkout tests traced to a shared cache key"
    assert story.text[story.title_span.start : story.title_span.end] == "# Flaky checkout tests"


def test_first_heading_is_the_title_without_front_matter():
    story = parse_story("# Cutting build time in half\n\n## Situation\nSlow builds.\n")
    assert story.title == "Cutting build time in half"
    assert (story.title_span.line, story.title_span.column) == (1, 1)
    assert story.front_matter.title is None


def test_title_drops_inline_markup():
    story = parse_story("# The *flaky* `cache` **key**\n")
    assert story.title == "The flaky cache key"


def test_setext_heading_can_be_the_title():
    story = parse_story("Migrating billing\n=================\n\nSituation\n---------\nOld system.\n")
    assert story.title == "Migrating billing"
    assert kinds(story) == ["situation"]


def test_file_name_is_the_title_when_nothing_else_names_the_story():
    story = parse_story("## Situation\nText.\n", "stories/07-scaling.md")
    assert story.title == "07-scaling"
    assert story.title_span is None


def test_empty_front_matter_is_allowed():
    story = parse_story("---\n---\n# Title\n")
    assert story.title == "Title"
    assert story.front_matter.extra == {}


def test_single_values_become_lists():
    story = parse_story("---\narchetypes: 4\ntags: leadership\n---\n")
    assert story.front_matter.archetypes == [4]
    assert story.front_matter.tags == ["leadership"]


def test_front_matter_is_read_from_a_crlf_file():
    story = parse_story(STORY.replace("\n", "\r\n"))
    assert story.front_matter.level == "senior"
    assert story.front_matter.extra == {"team": "payments"}
    assert kinds(story) == ["situation", "task", "action", "result", "lesson"]


# --- sections -----------------------------------------------------------------------------


def test_star_headings_open_sections_in_order():
    story = parse_story(STORY)
    assert kinds(story) == ["situation", "task", "action", "result", "lesson"]
    assert [s.label for s in story.sections] == ["Situation", "Task", "Action", "Result", "Lesson"]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Situation – Context", "situation"),
        ("Task – Your Responsibility", "task"),
        ("Action – What You Did", "action"),
        ("Actions", "action"),
        ("Result – Outcome & Impact", "result"),
        ("Learning / Reflection – Growth", "lesson"),
        ("Lessons learned", "lesson"),
        ("Reflection", "lesson"),
        ("Tie-in", "tie_in"),
        ("AI tie-in", "tie_in"),
        ("Lead tie-in", "tie_in"),
        ("SITUATION", "situation"),
        ("1. Situation", "situation"),
        ("Result:", "result"),
        ("🚀 Result", "result"),
        ("Results and impact", "result"),
        ("Since then", "lesson"),
        ("Since:", "lesson"),
    ],
)
def test_decorated_and_synonym_headings_are_classified(label, kind):
    assert classify_label(label) == SectionKind(kind)
    story = parse_story(f"# Title\n\n## {label}\nBody text.\n")
    assert kinds(story) == [kind]
    assert story.sections[0].text == "Body text."


@pytest.mark.parametrize("label", ["Background reading list", "Timeline", "Appendix", "What happened next week"])
def test_other_headings_are_not_star_parts(label):
    assert classify_label(label) is None


@pytest.mark.parametrize("level", range(1, 7))
def test_any_heading_level_opens_a_section(level):
    story = parse_story(f"# Title\n\n{'#' * level} Result\nLatency fell 40%.\n")
    assert kinds(story) == ["result"]
    assert story.sections[0].text == "Latency fell 40%."


@pytest.mark.parametrize("underline", ["=====", "-----"])
def test_setext_heading_opens_a_section(underline):
    story = parse_story(f"# Title\n\nAction\n{underline}\nI rolled back.\n")
    assert kinds(story) == ["action"]
    section = story.sections[0]
    assert section.text == "I rolled back."
    assert (section.heading.line, section.heading.end_line) == (3, 4)


def test_closing_hashes_of_a_heading_are_not_part_of_the_label():
    story = parse_story("## Situation ##\nText.\n")
    assert story.sections[0].label == "Situation"


@pytest.mark.parametrize(
    "line",
    [
        "**Situation:** The nightly build broke.",
        "**Situation**: The nightly build broke.",
        "__Situation:__ The nightly build broke.",
        "**Situation –** The nightly build broke.",
        "- **Situation:** The nightly build broke.",
        "1. **Situation:** The nightly build broke.",
    ],
)
def test_bold_label_opens_a_section(line):
    story = parse_story(f"# Title\n\n{line}\n\n**Result:** It passed.\n")
    assert kinds(story) == ["situation", "result"]
    situation = story.sections[0]
    assert situation.text == "The nightly build broke."
    assert situation.label == "Situation"
    assert [s.text for s in situation.sentences] == ["The nightly build broke."]


def test_bold_label_alone_on_its_line_opens_a_section():
    story = parse_story("**Situation**\nThe build broke.\n")
    assert kinds(story) == ["situation"]
    assert story.sections[0].text == "The build broke."


def test_bold_labels_on_consecutive_lines_each_open_a_section():
    story = parse_story("**Situation:** The build broke.\n**Task:** Fix it today.\n**Action:** I pinned it.\n")
    assert kinds(story) == ["situation", "task", "action"]
    assert [s.text for s in story.sections] == ["The build broke.", "Fix it today.", "I pinned it."]
    assert story.sections[1].heading.line == 2


def test_plain_label_at_paragraph_start_opens_a_section():
    story = parse_story("Situation: the build broke.\n\nResult: it passed.\n")
    assert kinds(story) == ["situation", "result"]


def test_since_label_opens_the_lesson():
    story = parse_story("S: The alert fired.\n\nA: I disabled the key.\n\nR: Contained.\n\n"
                        "Since: every muted rule now needs an expiry date.\n")
    assert kinds(story) == ["situation", "action", "result", "lesson"]


@pytest.mark.parametrize(
    "line",
    ["**Note:** this is unrelated.", "**Situation** was tense for everyone.", "One number mattered: latency."],
)
def test_bold_text_that_is_not_a_label_stays_prose(line):
    story = parse_story(f"## Situation\nFirst.\n\n{line}\n")
    assert kinds(story) == ["situation"]
    assert line.split()[-1] in story.sections[0].text


def test_unrecognised_heading_is_an_other_section():
    story = parse_story("# Title\n\n## Situation\nA.\n\n## Timeline\nB.\n\n## Result\nC.\n")
    assert kinds(story) == ["situation", "other", "result"]
    assert story.sections[1].label == "Timeline"


def test_bold_heading_of_ones_own_opens_a_part_beside_star_labels():
    # An email write-up: bold STAR labels, and bold headings that name no STAR part.
    text = ("**Background**\nThe export held a lock.\n\n**Timeline (UTC)**\n- 10:41 I ran the change.\n\n"
            "**Impact:** 20 minutes of errors.\n\n**What I got wrong**\nI skipped the lock check.\n")
    story = parse_story(text)
    assert kinds(story) == ["situation", "other", "result", "other"]
    assert [s.label for s in story.sections] == ["Background", "Timeline (UTC)", "Impact", "What I got wrong"]
    assert story.sections[1].text == "- 10:41 I ran the change."


def test_bold_heading_of_ones_own_alone_is_prose():
    # Without STAR labels beside it, a bold line is emphasis; the story is read as unlabelled prose.
    story = parse_story("**Timeline**\nI ran the change at 10:41. It locked the table for 20 minutes.\n")
    assert "other" not in kinds(story)


@pytest.mark.parametrize(
    "label, kind",
    [
        ("What's changed (in place since May)", "lesson"),
        ("What's changed", "lesson"),
        ("Slide 3: What went wrong", "situation"),
        ("Part 2 - Context", "situation"),
        ("Slide 4: Detection", None),
    ],
)
def test_label_read_past_its_aside_and_its_counter(label, kind):
    assert classify_label(label) == (SectionKind(kind) if kind else None)


def test_deeper_unrecognised_heading_stays_inside_its_section():
    story = parse_story("## Action\nFirst step.\n\n### Rollout details\nSecond step.\n\n## Result\nDone.\n")
    assert kinds(story) == ["action", "result"]
    assert "### Rollout details" in story.sections[0].text
    assert "Second step." in [s.text for s in story.sections[0].sentences]


def test_story_without_labels_has_no_sections_but_counts_words():
    story = parse_story("# A story\n\nI fixed the build in two days and nobody noticed.\n")
    assert story.sections == []
    assert story.words == 10


def test_section_lookup_by_kind():
    story = parse_story(STORY)
    assert story.section("result").text == "Flaky runs fell from 10% to 0.2% in a month."
    assert story.section(SectionKind.tie_in) is None


def test_section_text_is_the_body_as_written():
    story = parse_story("## Action\nI **rolled back** the [deploy](http://x).\n\nThen I paged the owner.\n")
    section = story.sections[0]
    assert section.text == "I **rolled back** the [deploy](http://x).\n\nThen I paged the owner."
    assert story.text[section.body.start : section.body.end] == section.text
    assert [s.text for s in section.sentences] == ["I rolled back the deploy.", "Then I paged the owner."]
    assert section.words == 10


def test_sentences_split_on_end_punctuation_but_not_abbreviations_or_decimals():
    story = parse_story("## Result\nP95 fell from 1.2 s to 0.3 s, e.g. on checkout. Costs fell $3,000.\n")
    assert [s.text for s in story.sections[0].sentences] == [
        "P95 fell from 1.2 s to 0.3 s, e.g. on checkout.",
        "Costs fell $3,000.",
    ]


def test_a_list_starts_a_line_of_its_own_even_right_under_a_lead_in():
    story = parse_story("## Result\nErrors fell. Two things stayed:\n- the prompt shows the environment\n- deploys need a dry run\n")
    assert story.section("result").prose.text == "Errors fell. Two things stayed:\nthe prompt shows the environment deploys need a dry run"


def test_a_list_item_a_part_starts_inside_still_runs_on_into_the_next_item():
    # "RESULT:" opens the Result inside a list item: the items after it are not a new list.
    story = parse_story("- I fixed the pool\n- RESULT: errors fell to zero\n- also added an alert\n")
    result = story.section("result")
    assert result is not None and "\n" not in result.prose.text


def test_section_prose_maps_clean_text_back_to_the_file():
    story = parse_story("## Action\nI **rolled back** the deploy.\n")
    prose = story.sections[0].prose
    assert prose.text == "I rolled back the deploy."
    start = prose.text.index("rolled")
    a, b = prose.source_range(start, start + len("rolled back"))
    assert story.text[a:b] == "rolled back"


# --- spans --------------------------------------------------------------------------------


def test_section_spans_point_at_the_heading_and_the_body():
    story = parse_story(STORY)
    result = story.section("result")
    assert story.text[result.heading.start : result.heading.end] == "## Result"
    assert (result.heading.line, result.heading.column) == position(STORY, "## Result")
    assert (result.body.line, result.body.column) == position(STORY, "Flaky runs fell")
    assert result.span.start == result.heading.start and result.span.end == result.body.end
    assert (result.body.end_line, result.body.end_column) == (21, 45)


def test_sentence_spans_point_at_the_sentence_in_the_file():
    story = parse_story(STORY)
    situation = story.section("situation")
    second = situation.sentences[1]
    assert second.text == "Nobody trusted the build."
    assert story.text[second.span.start : second.span.end] == "Nobody trusted the build."
    assert (second.span.line, second.span.column) == position(STORY, "Nobody trusted")


def test_sentence_span_covers_the_markup_inside_it():
    text = "## Action\nI **rolled back** the deploy.\n"
    sentence = parse_story(text).sections[0].sentences[0]
    assert text[sentence.span.start : sentence.span.end] == "I **rolled back** the deploy."


def test_sentence_across_lines_ends_on_its_last_line():
    text = "## Situation\nThe queue grew\nuntil it overflowed.\n"
    sentence = parse_story(text).sections[0].sentences[0]
    assert sentence.text == "The queue grew until it overflowed."
    assert (sentence.span.line, sentence.span.column) == (2, 1)
    assert (sentence.span.end_line, sentence.span.end_column) == (3, 21)


def test_crlf_twin_has_same_positions():
    lf = parse_story(STORY)
    crlf = parse_story(STORY.replace("\n", "\r\n"))
    for a, b in zip(lf.sections, crlf.sections, strict=True):
        assert (a.heading.line, a.heading.column, a.body.end_line, a.body.end_column) == (
            b.heading.line, b.heading.column, b.body.end_line, b.body.end_column,
        )
        assert [(s.text, s.span.line, s.span.column) for s in a.sentences] == [
            (s.text, s.span.line, s.span.column) for s in b.sentences
        ]
        assert b.text == crlf.text[b.body.start : b.body.end]


def test_lone_cr_counts_as_a_line_break():
    story = parse_story("## Situation\rOld.\r## Result\rNew.\r")
    assert kinds(story) == ["situation", "result"]
    assert story.sections[1].sentences[0].span.line == 4


def test_bom_file_has_same_positions_as_without(write_file):
    with_bom = read_story(write_file("bom.md", b"\xef\xbb\xbf" + STORY.encode()))
    plain = parse_story(STORY, with_bom.path)
    assert with_bom.text == STORY
    assert with_bom.model_dump() == plain.model_dump()


def test_columns_count_characters_across_tabs_and_non_ascii():
    text = "## Situation\nÉté\t😀 naïve café. Next\tone 日本.\n"
    sentences = parse_story(text).sections[0].sentences
    assert [s.text for s in sentences] == ["Été 😀 naïve café.", "Next one 日本."]
    assert (sentences[1].span.line, sentences[1].span.column) == (2, text.split("\n")[1].index("Next") + 1)
    assert text[sentences[1].span.start : sentences[1].span.end] == "Next\tone 日本."


def test_combining_marks_keep_their_offsets():
    text = "## Result\nCafe\u0301 sales grew 5%. Then more.\n"
    sentences = parse_story(text).sections[0].sentences
    assert sentences[0].text == "Cafe\u0301 sales grew 5%."
    assert sentences[1].span.column == len("Cafe\u0301 sales grew 5%. ") + 1


# --- what is not prose --------------------------------------------------------------------


def all_sentences(story) -> str:
    return " | ".join(s.text for section in story.sections for s in section.sentences)


def test_code_blocks_are_not_prose():
    story = parse_story(
        "## Action\nI wrote a query.\n\n```sql\nSELECT secret FROM t;\n```\n\n    indented_code()\n\nThen I ran it.\n"
    )
    assert all_sentences(story) == "I wrote a query. | Then I ran it."


def test_html_comments_are_not_prose():
    story = parse_story(
        "## Action\nI paged the owner. <!-- inline note -->\n\n<!--\nA whole\nblock.\n-->\nThen I waited.\n"
    )
    assert all_sentences(story) == "I paged the owner. | Then I waited."


def test_front_matter_is_not_prose():
    story = parse_story("---\ntitle: Secret title\nnote: Hidden words.\n---\n**Situation:** Seen words.\n")
    assert all_sentences(story) == "Seen words."


def test_heading_inside_a_comment_does_not_open_a_section():
    story = parse_story("# Title\n\n## Situation\nReal text. <!--\n## Result\nDraft.\n-->\n")
    assert kinds(story) == ["situation"]
    assert all_sentences(story) == "Real text."


def test_heading_inside_a_code_block_does_not_open_a_section():
    story = parse_story("## Situation\nText.\n\n```\n## Result\n**Task:** no\n```\n")
    assert kinds(story) == ["situation"]


def test_unclosed_comment_hides_the_rest_of_the_file():
    story = parse_story("## Situation\nText.\n<!-- draft\n## Result\nNot yet.\n")
    assert kinds(story) == ["situation"]
    assert all_sentences(story) == "Text."


# --- bad files ----------------------------------------------------------------------------


def parse_error(text: str, path: str = "stories/bad.md") -> str:
    with pytest.raises(StoryParseError) as caught:
        parse_story(text, path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert caught.value.path == path
    return message


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: [unclosed\n---\n", "not valid YAML on line 3"),
        ("---\ntitle: x\n  bad: indent\n---\n", "not valid YAML"),
        ("---\n- a\n- b\n---\n", "must be a YAML mapping"),
        ("---\njust a sentence\n---\n", "must be a YAML mapping"),
        ("---\ntitle: x\n# Story\n", "never closed"),
        ("---\nlevel: junior\n---\n", "'level' must be one of swe1, swe2, senior or staff (got 'junior')"),
        ("---\nrole: manager\n---\n", "'role' must be one of ai, lead or ic"),
        ("---\narchetypes: [0, 11]\n---\n", "'archetypes' must be a list of archetype ids 1-10"),
        ("---\narchetypes: [one]\n---\n", "'archetypes'"),
        ("---\ntags: {a: 1}\n---\n", "'tags' must be a list"),
        ("---\ndate: 2024-13-45\n---\n", "cannot read the timestamp value '2024-13-45'"),
        ("---\nbase: &b {x: 1}\nother: *b\n---\n", "aliases (*b) are not supported"),
        ("---\nloop: &l [*l]\n---\n", "aliases (*l) are not supported"),
        ("---\na: " + "[" * 5000 + "\n---\n", "nested too deeply"),
    ],
)
def test_bad_front_matter_raises_a_one_line_error(text, reason):
    assert reason in parse_error(text)


def test_yaml_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    for tag in ("!!python/object/apply:os.system", "!!python/object/apply:subprocess.call"):
        message = parse_error(f"---\ntitle: {tag} [['touch', '{marker}']]\n---\n")
        assert "could not determine a constructor" in message
    message = parse_error(f"---\n!!python/object/apply:os.system ['touch {marker}']\n---\n")
    assert "not valid YAML" in message
    assert not marker.exists()


def test_text_without_front_matter_never_raises():
    story = parse_story("--- not front matter\n\nlevel: junior\n")
    assert story.front_matter.level is None


def test_not_utf8_file_raises_naming_the_file(write_file):
    path = write_file("latin1.md", "# Café\n\nNaïve.\n".encode("latin-1"))
    with pytest.raises(StoryParseError) as caught:
        read_story(path)
    assert str(caught.value) == f"{path}: is not valid UTF-8 (byte 0xe9 on line 1); save it as UTF-8"


def test_binary_file_raises_naming_the_file(write_file):
    path = write_file("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(StoryParseError, match="binary") as caught:
        read_story(path)
    assert str(caught.value).startswith(f"{path}: ") and "\n" not in str(caught.value)


def test_directory_and_missing_file_raise_story_parse_error(tmp_path):
    folder = tmp_path / "folder.md"
    folder.mkdir()
    with pytest.raises(StoryParseError, match="is a directory"):
        read_story(folder)
    with pytest.raises(StoryParseError, match="not found"):
        read_story(tmp_path / "gone.md")


def test_read_story_keeps_the_path_it_was_given(write_file):
    path = write_file("sub/story.md", STORY)
    story = read_story(path)
    assert story.path == str(path)
    assert story.front_matter.level == "senior"


def test_words_before_the_first_label_are_the_opening():
    story = parse_story(
        "# The export\n\nThe rule I keep now: I compare row counts before any upload.\n\n"
        "## Situation\nThe nightly file came up short.\n\n## Action\nI traced it to a shared temp path.\n"
    )
    assert story.opening_prose.text.strip() == "The rule I keep now: I compare row counts before any upload."
    assert [s.kind for s in story.sections] == [SectionKind.situation, SectionKind.action]
    assert parse_story("## Situation\nThe file came up short.\n\n## Action\nI fixed it.\n").opening_prose is None
    assert parse_story("Just prose, no labels at all, told in one go.\n").opening_prose is None


def test_the_readable_body_keeps_headings_and_leaves_out_comments_and_code():
    story = parse_story("---\ntags: [x]\n---\n## Situation\nA slow page.<!-- note to self -->\n\n```\nSELECT 1;\n```\n")
    assert "## Situation" in story.readable_body and "A slow page." in story.readable_body
    assert "note to self" not in story.readable_body and "SELECT" not in story.readable_body
    assert "tags" not in story.readable_body
