"""required_number: a section that must state a number (a metric in the Result).

Any quantity counts: digits, number words ("three", "a dozen"), percentages,
money, durations and multipliers ("halved", "doubled", "once", "twice").
Ordinals ("first"), names with digits ("E2E", "S3") and versions ("v2.1") do not.
A story without labels is judged on the part read as its outcome, or, when no
part reads as one, on its whole text.
Options: `extra_words` (more words that count as a quantity).
FAIL: "The team was happy and the launch went well."
PASS: "Checkout errors fell from 2.1% to 0.3% within a week."
"""

from __future__ import annotations

from typing import Iterator

from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.lint.kinds.options import KindOptions
from star_bank.nlp.numbers import has_quantity
from star_bank.lint.rule import Rule

NEEDS_NLP = True

class Options(KindOptions):
    extra_words: list[str] = []


def has_number(doc, extra: set[str] = frozenset()) -> bool:
    """Whether the Doc states a quantity (star_bank.nlp.numbers: ordinals, versions
    and names with digits do not count; "twice" and "halved" do)."""
    return has_quantity(doc, extra)


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    extra = {w.lower() for w in options.extra_words}
    sections = story.in_scope(rule.scope)
    if not sections and story.labels_missing:
        # No labels and no part read as the outcome: a story with no number anywhere has none there.
        if story.sections and not any(s.doc is not None and has_number(s.doc, extra) for s in story.sections):
            yield story.story_hit(section_name="Story")
        return
    for section in sections:
        if section.doc is None or not section.prose.text.strip():
            continue
        if not has_number(section.doc, extra):
            yield story.heading_hit(section, section_name=section.label)
