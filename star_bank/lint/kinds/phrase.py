"""phrase: words or phrases that should not be said, matched on lemmas.

Options: `phrases` (the list; see star_bank.nlp.lexicon for the syntax and
context exclusions), `extra_phrases` (a user's additions to the list),
`max_gap` (how many words may stand between the words of a phrase).
FAIL (vague-lesson): "I learned to communicate much better with product."
PASS: "I now post a written status in the launch channel every Friday."
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.nlp.lexicon import PhraseItem, compile_phrases, find_phrases

NEEDS_NLP = True


class Options(KindOptions):
    phrases: list[PhraseItem] = Field(min_length=1)
    extra_phrases: list[PhraseItem] = []
    max_gap: int = Field(0, ge=0, le=5)


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    phrases = compile_phrases([*options.phrases, *options.extra_phrases])
    for section in story.in_scope(rule.scope):
        if section.doc is None:
            continue
        for first, last, phrase in find_phrases(list(section.doc), phrases, options.max_gap):
            yield story.token_hit(section, first, last, phrase=section.doc[first.i : last.i + 1].text)
