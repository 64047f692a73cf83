"""observable_change: a lesson a colleague could see you practise within a week.

The section passes when a sentence names a mechanism (a checklist, review,
gate, metric, template, alert, meeting...) or a cadence or trigger ("every",
"before each", "weekly", "whenever"). Sentences that only praise a value
("the importance of testing") do not count.
Options: `mechanisms`, `cadences`, `extra_mechanisms`, `extra_cadences` (lemma phrases).
FAIL: "I learned that communication matters and that I should speak up sooner."
PASS: "I now open a risk log for any project over two weeks and review it every Monday."
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.nlp.lexicon import any_phrase, compile_phrases

NEEDS_NLP = True


class Options(KindOptions):
    mechanisms: list[str] = Field(min_length=1)
    cadences: list[str] = Field(min_length=1)
    extra_mechanisms: list[str] = []
    extra_cadences: list[str] = []
    # A sentence that only praises a value is not a mechanism, even if it names one.
    value_statements: list[str]


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    mechanisms = compile_phrases([*options.mechanisms, *options.extra_mechanisms])
    cadences = compile_phrases([*options.cadences, *options.extra_cadences])
    values = compile_phrases(options.value_statements)
    for section in story.in_scope(rule.scope):
        if section.doc is None or not section.prose.text.strip():
            continue
        observable = False
        for sentence in section.doc.sents:
            tokens = list(sentence)
            if any_phrase(tokens, values, max_gap=1) and not any_phrase(tokens, cadences):
                continue
            if any_phrase(tokens, mechanisms) or any_phrase(tokens, cadences):
                observable = True
                break
        if not observable:
            yield story.heading_hit(section, section_name=section.label)
