"""required_number: a section that must state a number (a metric in the Result).

Any number counts: digits, number words ("three", "a dozen"), percentages,
money, durations and multipliers ("halved", "doubled", "twice").
Options: `extra_words` (more words that count as a quantity).
FAIL: "The team was happy and the launch went well."
PASS: "Checkout errors fell from 2.1% to 0.3% within a week."
"""

from __future__ import annotations

from typing import Iterator

from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule

NEEDS_NLP = True

QUANTITY_WORDS = {
    "half", "halve", "halved", "double", "doubled", "triple", "tripled", "quadruple",
    "quadrupled", "twice", "thrice", "dozen", "dozens", "hundreds", "thousands", "millions",
    "billions", "zero", "percent", "tenfold", "twofold", "threefold", "fivefold",
}


class Options(KindOptions):
    extra_words: list[str] = []


def has_number(doc, extra: set[str] = frozenset()) -> bool:
    words = QUANTITY_WORDS | extra
    for token in doc:
        if token.like_num or any(ch.isdigit() for ch in token.text):
            # "one of the ..." is a pronoun use, not a count.
            if token.lower_ == "one" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "of":
                continue
            return True
        if token.text in ("%", "$", "€", "£") or token.lower_ in words or token.lemma_.lower() in words:
            return True
    return False


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    extra = {w.lower() for w in options.extra_words}
    for section in story.in_scope(rule.scope):
        if section.doc is None or not section.prose.text.strip():
            continue
        if not has_number(section.doc, extra):
            yield story.heading_hit(section, section_name=section.label)
