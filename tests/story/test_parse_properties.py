"""Properties of the parser: it never crashes, and every position it reports is exact."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from star_bank.story.parse import StoryParseError, parse_story

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LABELS = [
    "Situation", "Task", "Action", "Result", "Lesson", "Situation – Context",
    "Task – Your Responsibility", "Action – What You Did", "Actions", "Result – Outcome & Impact",
    "Learning / Reflection – Growth", "Lessons learned", "Reflection", "Tie-in", "AI tie-in",
    "Lead tie-in", "1. Situation", "🚀 Result", "Background", "Notes", "Follow-up",
]
# Written only inside code, comments and front matter: it must never reach prose.
HIDDEN = "QZXHIDDENQZX"

# Prose material: ASCII, Markdown punctuation, tabs, accents (precomposed and combining),
# emoji (with and without joiners), CJK, right-to-left script, numbers.
_PIECES = list("abcdefghij KLMNOP .,;!?'\"()-*_`[]#>:") + [
    "\t", "é", "e\u0301", "ß", "ğ", "日本", "😀", "👩\u200d💻", "עברית", "1.", "42%", "$3", "I ", "We ",
]
line_text = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25).map("".join)
paragraph = st.lists(line_text, min_size=1, max_size=4).map("\n".join)
list_items = st.lists(line_text, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {i}" for i in items))
quote = line_text.map(lambda line: "> " + line)


@st.composite
def heading(draw):
    label = draw(st.sampled_from(LABELS))
    if draw(st.booleans()):
        indent = " " * draw(st.integers(0, 3))
        hashes = "#" * draw(st.integers(1, 6))
        closing = draw(st.sampled_from(["", " #", " ###"]))
        return f"{indent}{hashes} {label}{closing}"
    return label + "\n" + draw(st.sampled_from(["===", "---", "======"]))  # setext


@st.composite
def bold_label(draw):
    label = draw(st.sampled_from(LABELS))
    form = draw(st.sampled_from(["**{}:**", "**{}**:", "__{}:__", "**{}** –", "- **{}:**", "{}:"]))
    return form.format(label) + " " + draw(line_text)


CODE_LINES = [HIDDEN, f"x = '{HIDDEN}'", "", "\t" + HIDDEN, f"## Result {HIDDEN}", f"**Task:** {HIDDEN}"]
code_lines = st.lists(st.sampled_from(CODE_LINES), max_size=3)


@st.composite
def code_block(draw):
    fence = draw(st.sampled_from(["```", "~~~", "````"]))
    info = draw(st.sampled_from(["", "python", "text"]))
    return "\n".join([fence + info, *draw(code_lines), fence])


# A fence left open runs to the end of the file, so it only ever comes last.
unclosed_code = code_lines.map(lambda lines: "\n".join(["```", *lines]))


@st.composite
def html_comment(draw):
    inner = draw(st.sampled_from([HIDDEN, f"\n{HIDDEN}\n", f"\n## Situation {HIDDEN}\n", f"\n**Action:** {HIDDEN}\n"]))
    # An HTML comment may stand alone, or open at the end of a paragraph line.
    before = draw(st.sampled_from(["", "Some words "]))
    return before + "<!--" + inner + draw(st.sampled_from(["-->", "-->", ""]))


inline_comment = st.tuples(line_text, line_text).map(lambda pair: f"{pair[0]} <!-- {HIDDEN} --> {pair[1]}")

block = st.one_of(
    heading(), bold_label(), paragraph, code_block(), html_comment(), inline_comment, list_items, quote,
    st.just(""), st.just("---"), st.just("\t"), st.just("   "),
)


@st.composite
def front_matter(draw):
    if not draw(st.booleans()):
        return ""
    title = draw(st.sampled_from(["A title", "Ünïcödé 😀", "'quoted: yes'"]))
    level = draw(st.sampled_from(["", "level: senior\n", "level: swe1\n", "role: ai\n"]))
    return f"---\ntitle: {title}\n{level}note: {HIDDEN}\ntags: [{HIDDEN}]\n---\n"


@st.composite
def markdown_story(draw):
    blocks = draw(st.lists(block, max_size=10))
    if draw(st.integers(0, 9)) == 0:
        blocks.append(draw(unclosed_code))
    separator = draw(st.sampled_from(["\n\n", "\n"]))
    return draw(front_matter()) + separator.join(blocks) + draw(st.sampled_from(["", "\n", "\n\n"]))


@st.composite
def mixed_line_endings(draw):
    text = draw(markdown_story())
    return "".join(part if part != "\n" else draw(st.sampled_from(["\n", "\r\n", "\r"])) for part in re.split(r"(\n)", text))


# Arbitrary text, a soup of Markdown punctuation and line breaks, and Markdown-ish stories.
markdown_soup = st.lists(
    st.sampled_from(list("#*-_=>`~<!:\r\n\t \ufeff") + ["Situation", "Result", "<!--", "-->", "```", "a", "é", "😀"])
).map("".join)
any_text = st.one_of(st.text(), markdown_soup, markdown_story(), mixed_line_endings())


def naive_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset`, computed from the text before it."""
    before = text[:offset]
    if before.endswith("\r") and text[offset : offset + 1] == "\n":
        before = before[:-1]  # between the CR and LF of one break: still the end of the line
    lines = re.split(r"\r\n|\r|\n", before)
    return len(lines), len(lines[-1]) + 1


def all_spans(story):
    if story.title_span is not None:
        yield story.title_span
    for section in story.sections:
        yield section.span
        yield section.heading
        yield section.body
        for sentence in section.sentences:
            yield sentence.span


def parse_or_none(text: str):
    try:
        return parse_story(text, "story.md")
    except StoryParseError:
        return None


def positions(story):
    """Everything about a story's sections that is a line or column, with the texts."""
    return [
        (
            s.kind,
            s.label,
            (s.heading.line, s.heading.column, s.heading.end_line, s.heading.end_column),
            (s.body.line, s.body.column, s.body.end_line, s.body.end_column),
            [(x.text, x.span.line, x.span.column, x.span.end_line, x.span.end_column) for x in s.sentences],
        )
        for s in story.sections
    ]


@PROPERTY
@given(any_text)
def test_parser_raises_nothing_but_a_one_line_story_parse_error(text):
    try:
        parse_story(text, "stories/x.md")
    except StoryParseError as exc:
        message = str(exc)
        assert message.startswith("stories/x.md: ")
        assert "\n" not in message and "\r" not in message


front_matter_soup = st.lists(
    st.sampled_from(["a", ": ", "- ", "[", "]", "{", "}", "&x ", "*x", "!!", "python", "'", '"', "\t", "\n", "level", "junior", "2024-13-45", "1e9", "#", "?"]),
    max_size=30,
).map(lambda parts: "---\n" + "".join(parts) + "\n---\n# Title\n")


@PROPERTY
@given(front_matter_soup)
def test_any_front_matter_parses_or_fails_with_story_parse_error(text):
    try:
        story = parse_story(text, "x.md")
    except StoryParseError as exc:
        assert str(exc).startswith("x.md: front matter") and "\n" not in str(exc)
    else:
        story.model_dump_json()  # whatever was kept can be serialised


@PROPERTY
@given(any_text.filter(lambda t: not re.match(r"\ufeff?---[ \t]*(?:\r\n|\r|\n|$)", t)))
def test_text_without_a_leading_front_matter_line_always_parses(text):
    story = parse_story(text)
    assert story.text == text.removeprefix("\ufeff")


@PROPERTY
@given(any_text)
def test_every_span_lies_inside_the_text(text):
    story = parse_or_none(text)
    if story is None:
        return
    for span in all_spans(story):
        assert 0 <= span.start <= span.end <= len(story.text)


@PROPERTY
@given(any_text)
def test_section_text_is_exactly_its_body_in_the_file(text):
    story = parse_or_none(text)
    if story is None:
        return
    for section in story.sections:
        assert story.text[section.body.start : section.body.end] == section.text
        assert section.span.start == section.heading.start
        assert section.heading.end <= section.body.start or section.text == ""
        assert section.body.end <= section.span.end


@PROPERTY
@given(any_text)
def test_line_and_column_agree_with_the_offset(text):
    story = parse_or_none(text)
    if story is None:
        return
    for span in all_spans(story):
        assert (span.line, span.column) == naive_position(story.text, span.start)
        assert (span.end_line, span.end_column) == naive_position(story.text, span.end)


@PROPERTY
@given(any_text)
def test_sentence_span_starts_and_ends_on_its_own_characters(text):
    story = parse_or_none(text)
    if story is None:
        return
    for section in story.sections:
        for sentence in section.sentences:
            assert sentence.text and sentence.text == sentence.text.strip()
            assert story.text[sentence.span.start] == sentence.text[0]
            assert story.text[sentence.span.end - 1] == sentence.text[-1]
            assert section.body.start <= sentence.span.start < sentence.span.end <= section.body.end


@PROPERTY
@given(st.one_of(markdown_story(), mixed_line_endings()))
def test_code_comments_and_front_matter_are_never_prose(text):
    story = parse_or_none(text)
    if story is None:
        return
    assert HIDDEN not in story.title
    for section in story.sections:
        assert HIDDEN not in section.label
        for sentence in section.sentences:
            assert HIDDEN not in sentence.text


@PROPERTY
@given(st.one_of(markdown_story(), markdown_soup.map(lambda t: t.replace("\r", ""))))
def test_crlf_twin_has_same_positions(text):
    lf, crlf = parse_or_none(text), parse_or_none(text.replace("\n", "\r\n"))
    assert (lf is None) == (crlf is None)
    if lf is None:
        return
    assert crlf.title == lf.title
    assert positions(crlf) == positions(lf)
    if lf.title_span is not None:
        assert (crlf.title_span.line, crlf.title_span.column) == (lf.title_span.line, lf.title_span.column)


@PROPERTY
@given(any_text.map(lambda t: t.lstrip("\ufeff")))
def test_bom_twin_has_same_positions(text):
    plain, with_bom = parse_or_none(text), parse_or_none("\ufeff" + text)
    assert (plain is None) == (with_bom is None)
    if plain is None:
        return
    assert with_bom.model_dump() == plain.model_dump()
