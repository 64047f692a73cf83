"""Properties of the whole pipeline: parse + lint + score on any text.

For any text: nothing raises, every finding points inside the text, suppressed
findings stay suppressed, text added inside a fenced code block adds no
finding, and the same input always gives the same output.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from star_bank.lint.engine import Linter
from star_bank.story.parse import StoryParseError, parse_story
from star_bank.story.positions import LineIndex
from star_bank.rubric.score import score_story

PIPELINE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LINTER = Linter()

LABELS = ["## Situation", "## Task", "## Action", "## Result", "## Lesson", "**Action:**", "## AI tie-in"]
SENTENCES = [
    "The deadline was missed.", "Mistakes were made by nobody in particular.", "I think it was kind of slow.",
    "We rewrote the job and we shipped it.", "I traced the leak to a cache key.", "Latency fell by 40%.",
    "I learned to communicate better.", "I now run a pre-mortem before every launch.", "[the flaky failure]",
    "It was decided to ship on Friday.", "I was excited.", "Ünïcödé 😀 text\twith tabs.", "",
]
sentence = st.sampled_from(SENTENCES)
line = st.one_of(sentence, st.text(max_size=40))
block = st.one_of(
    st.sampled_from(LABELS),
    st.lists(line, min_size=1, max_size=4).map("\n".join),
    st.lists(sentence, min_size=1, max_size=3).map(lambda s: "```\n" + "\n".join(s) + "\n```"),
)
story_text = st.one_of(
    st.lists(block, max_size=12).map("\n\n".join),
    st.text(max_size=300),
    st.lists(block, max_size=8).map("\r\n".join),
)


def _lint(text):
    try:
        story = parse_story(text, "p.md")
    except StoryParseError:
        return None, []
    return story, LINTER.lint_stories([story])[0]


@PIPELINE
@given(story_text)
def test_parse_lint_and_score_never_raise_and_findings_lie_inside_the_text(text):
    story, findings = _lint(text)
    if story is None:
        return
    index = LineIndex(story.text)
    for f in findings:
        assert 0 <= f.offset <= f.end_offset <= len(story.text)
        assert (f.line, f.column) == index.position(f.offset)
        assert (f.end_line, f.end_column) == index.position(f.end_offset)
    card = score_story(story)
    assert card.dimensions and all(d.reason for d in card.dimensions)


@PIPELINE
@given(story_text)
def test_linting_is_deterministic(text):
    _, first = _lint(text)
    _, second = _lint(text)
    assert [f.model_dump() for f in first] == [f.model_dump() for f in second]


@PIPELINE
@given(story_text)
def test_a_file_wide_disable_silences_every_finding(text):
    _, findings = _lint("<!-- starlint-disable-file -->\n" + text)
    assert findings == []


@PIPELINE
@given(story_text, st.sampled_from([s for s in SENTENCES if s]))
def test_a_disabled_rule_stays_silent(text, _):
    _, findings = _lint("<!-- starlint-disable passive-voice, hedging -->\n" + text)
    assert not [f for f in findings if f.rule in ("passive-voice", "hedging")]


@PIPELINE
@given(story_text, st.lists(sentence, min_size=1, max_size=4))
def test_text_inside_a_fenced_code_block_adds_no_finding(text, code):
    _, before = _lint(text)
    if text.count("```") % 2:  # an unclosed fence would swallow what follows
        return
    fenced = text + "\n\n```\n" + "\n".join(code) + "\n```\n"
    _, after = _lint(fenced)
    key = lambda f: (f.rule, f.line, f.column, f.message)  # noqa: E731
    assert sorted(map(key, after)) == sorted(map(key, before))
