"""required_number: a section that must state a number (a metric in the Result).

Any quantity counts: digits, number words ("three", "a dozen"), percentages,
money, durations and multipliers ("halved", "doubled", "once", "twice").
Ordinals ("first"), names with digits ("E2E", "S3") and versions ("v2.1") do not,
nor does a number in a plan told in the Result ("next time I'd test it twice").
A story without labels is judged on the part read as its outcome, or, when no
part reads as one, on the last paragraph of its narrative (before any lesson) that
tells something that happened (a sign-off or a parting word tells nothing).
Options: `extra_words` (more words that count as a quantity).
FAIL: "The team was happy and the launch went well."
PASS: "Checkout errors fell from 2.1% to 0.3% within a week."
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Iterator

from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.model.story import SectionKind
from star_bank.story.prose import PARAGRAPH_BREAK

if TYPE_CHECKING:
    from spacy.tokens import Token

NEEDS_NLP = True

class Options(KindOptions):
    extra_words: list[str] = []


def has_number(doc, extra: set[str] = frozenset()) -> bool:
    """Whether the Doc states a quantity (star_bank.nlp.numbers: ordinals, versions
    and names with digits do not count; "twice" and "halved" do)."""
    from star_bank.nlp.numbers import has_quantity  # here: its patterns are compiled on import

    return has_quantity(doc, extra)




def closing_paragraph(story: AnalysedStory) -> list["Token"]:
    """The tokens of the narrative's last paragraph: the story's own parts, not its lesson."""
    placed = [
        (section.prose.origin[token.idx], token)
        for section in story.sections
        if section.doc is not None and section.kind not in (SectionKind.lesson, SectionKind.tie_in)
        for token in section.doc
        if not token.is_space and token.idx < len(section.prose.origin)
    ]
    cut = _lesson_start(story)
    narrative = [(offset, token) for offset, token in placed if offset < cut] or placed
    if not narrative:
        return []
    breaks = [0, *(m.end() for m in PARAGRAPH_BREAK.finditer(story.story.text))]
    paragraphs: dict[int, list[tuple[int, "Token"]]] = {}
    for offset, token in narrative:
        start = breaks[bisect.bisect_right(breaks, offset) - 1]
        paragraphs.setdefault(start, []).append((offset, token))
    # A closing paragraph that tells nothing that happened ("Thank you, and go and phone your
    # users.", "Kind regards, Amara") is not where the outcome is.
    starts = sorted(paragraphs)
    while len(starts) > 1 and not _tells_events(paragraphs[starts[-1]]):
        starts.pop()
    return [token for _, token in paragraphs[starts[-1]]]


def _tells_events(paragraph: list[tuple[int, "Token"]]) -> bool:
    """A verb in the past: the paragraph tells something that happened."""
    return any(t.tag_ in ("VBD", "VBN") and t.pos_ in ("VERB", "AUX") for _, t in paragraph)


def _lesson_start(story: AnalysedStory) -> int:
    """File offset of the first paragraph in the second half that opens with a lesson.

    Parts inferred from unlabelled prose often run the closing reflection into the
    Action; the narrative ends where a paragraph of lessons begins. A lesson told inside
    a paragraph (a safeguard added among the acts) is part of the narrative, and one in
    the first half (a habit mentioned while setting the scene) ends nothing.
    """
    # Imported late: nlp.lessons loads the lesson vocabulary, which a cached run never reads.
    from star_bank.nlp.lessons import find_lessons

    text = story.story.text
    paragraph_starts = {0, *(m.end() for m in PARAGRAPH_BREAK.finditer(text))}
    starts = (
        statement.section.prose.origin[min(statement.start, len(statement.section.prose.origin) - 1)]
        for statement in find_lessons(story)
        if statement.section.prose.origin
    )
    opening = (offset for offset in starts if offset > len(text) // 2 and offset in paragraph_starts)
    return min(opening, default=len(text) + 1)


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    extra = {w.lower() for w in options.extra_words}
    sections = story.in_scope(rule.scope)
    if not sections and story.labels_missing:
        # No labels and no part read as the outcome: a story is told in order, so its outcome is
        # in the last paragraph of the narrative (before any lesson); numbers earlier describe
        # the problem or the work ("5 engineers", "two days to set up").
        # Prose whose parts could not be told apart has no lesson set aside: read all of it.
        closing = [t for s in story.sections if s.doc is not None for t in s.doc] if story.unlabelled \
            else closing_paragraph(story)
        if closing and not has_number(closing, extra):
            yield story.story_hit(section_name="Story")
        return
    for section in sections:
        if section.doc is None or not section.prose.text.strip():
            continue
        if not has_number(_outcome_tokens(story, section), extra):
            yield story.heading_hit(section, section_name=section.label)


def _outcome_tokens(story: AnalysedStory, section) -> list["Token"]:
    """The section's tokens up to a later paragraph that opens with a lesson ("Next time I
    would ..."): a number there measures the lesson, not the outcome. A plan told inside the
    section ("if I did it again I'd check it once a week") measures nothing that happened."""
    # Imported late: nlp.lessons loads the lesson vocabulary, which a cached run never reads.
    from star_bank.nlp.lessons import find_lessons

    origin = section.prose.origin
    statements = [statement for statement in find_lessons(story) if statement.section is section]
    plans = {t.i for statement in statements if statement.hypothetical for t in statement.sentence}
    tokens = [t for t in section.doc if t.idx < len(origin)]
    if not tokens:
        return list(section.doc)
    tokens = [t for t in tokens if t.i not in plans]
    if not tokens:
        return []
    text = story.story.text
    paragraph_starts = {m.end() for m in PARAGRAPH_BREAK.finditer(text)}
    first = origin[tokens[0].idx]
    cuts = [origin[min(statement.start, len(origin) - 1)] for statement in statements]
    cut = min((offset for offset in cuts if offset > first and offset in paragraph_starts), default=None)
    return tokens if cut is None else [t for t in tokens if origin[t.idx] < cut]
