"""vague_lesson: a lesson that states an abstract value instead of a behaviour.

Reads the lesson statements found anywhere in the story (star_bank.nlp.lessons:
"it taught me ...", "I learned ...", "going forward ...", a Lesson section) and
flags one whose object is an abstract value ("the importance of X", "X is a
gift", "made me a better engineer", "to communicate better", "to be more
careful") and that names no behaviour, trigger, artefact or number. The shape
comes from the parse, so a new wording needs no new entry; `phrases` (lemma
phrases) add wordings the parse cannot see, matched inside lesson statements only.
Options: `phrases`, `extra_phrases`, `max_gap`.
FAIL: "It taught me the importance of testing."
PASS: "Since then I run the migration on a copy of production data before every release."
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.nlp.lexicon import PhraseItem, compile_phrases, find_phrases

NEEDS_NLP = True


class Options(KindOptions):
    phrases: list[PhraseItem] = []
    extra_phrases: list[PhraseItem] = []
    max_gap: int = Field(0, ge=0, le=5)


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    # Imported late: nlp.lessons loads the lesson vocabulary, which a cached run never reads.
    from star_bank.nlp.lessons import find_lessons
    from star_bank.nlp.numbers import has_quantity

    phrases = compile_phrases([*options.phrases, *options.extra_phrases])
    scope = set(rule.scope)
    for statement in find_lessons(story):
        if statement.section.kind.value not in scope or statement.mechanism is not None:
            continue
        section = statement.section
        if statement.abstraction is not None:
            start = statement.start + statement.sentence.text.find(statement.abstraction)
            if start < statement.start:
                start = statement.start
            end = min(start + len(statement.abstraction), statement.end)
            yield story.prose_hit(section, start, end, phrase=statement.abstraction)
            continue
        tokens = list(statement.sentence)
        if has_quantity(tokens):
            continue
        match = next(find_phrases(tokens, phrases, options.max_gap), None)
        if match is not None:
            first, last, _ = match
            yield story.token_hit(section, first, last, phrase=section.doc[first.i : last.i + 1].text)
