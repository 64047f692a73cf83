"""The vocabulary lesson finding reads, and the word-level helpers its parts share.

The lists are data (`star_bank/data/lessons.yaml`); a rule may extend them
(`LessonVocabulary.extended`). Compiled phrase lists are kept per vocabulary.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from pydantic import BaseModel, ConfigDict

from star_bank.data.loader import read_yaml
from star_bank.data.paths import data_path
from star_bank.nlp.lexicon import PhraseList, compile_phrases

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEAKER_SUBJECTS = frozenset({"i", "we"})
SPEAKER_OBJECTS = frozenset({"me", "us", "myself", "ourselves"})


class LessonVocabulary(BaseModel):
    """The word lists lesson finding reads (see star_bank/data/lessons.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    learning_verbs: list[str]
    teaching_verbs: list[str]
    lesson_nouns: list[str]
    later_markers: list[str]
    reflection_markers: list[str]
    change_markers: list[str]
    recurrence_verbs: list[str]
    recurrence_phrases: list[str]
    hypothetical_modals: list[str]
    mental_verbs: list[str]
    discourse_verbs: list[str]
    mechanisms: list[str]
    cadences: list[str]
    value_statements: list[str]
    abstract_nouns: list[str]
    evaluations: list[str]
    difficulties: list[str] = []  # "time is hard": a topic judged hard, a maxim with no behaviour
    person_nouns: list[str]
    after_event: list[str]
    safeguards: list[str]
    adopting_verbs: list[str]
    vague_amounts: list[str]
    adoption_nouns: list[str]
    gaining_verbs: list[str]
    insight_nouns: list[str]
    takeaway_verbs: list[str]
    virtue_nouns: list[str]
    virtue_suffixes: list[str]
    attitude_verbs: list[str]
    decision_verbs: list[str]
    forward_markers: list[str]
    present_markers: list[str]

    def extended(self, **extra: Iterable[str]) -> "LessonVocabulary":
        """A copy with words added to some lists (a rule's `extra_mechanisms`, say)."""
        values = self.model_dump()
        for key, words in extra.items():
            values[key] = [*values[key], *words]
        return LessonVocabulary(**values)


@functools.cache
def load_vocabulary() -> LessonVocabulary:
    """The shipped vocabulary, read once."""
    path = data_path("lessons.yaml")
    return LessonVocabulary(**read_yaml(path, ValueError))


@dataclass(frozen=True)
class PhraseLists:
    later: PhraseList
    reflection: PhraseList
    markers: PhraseList
    recurrence: PhraseList
    mechanisms: PhraseList
    cadences: PhraseList
    values: PhraseList
    after_event: PhraseList
    safeguards: PhraseList
    forward: PhraseList


_COMPILED: dict[int, tuple[LessonVocabulary, PhraseLists]] = {}


def compiled(vocabulary: LessonVocabulary) -> PhraseLists:
    """The vocabulary's phrase lists, compiled once per vocabulary object."""
    cached = _COMPILED.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    if len(_COMPILED) > 32:
        _COMPILED.clear()
    lists = PhraseLists(
        later=compile_phrases(vocabulary.later_markers),
        reflection=compile_phrases(vocabulary.reflection_markers),
        markers=compile_phrases(vocabulary.change_markers),
        recurrence=compile_phrases(vocabulary.recurrence_phrases),
        mechanisms=compile_phrases(vocabulary.mechanisms),
        cadences=compile_phrases(vocabulary.cadences),
        values=compile_phrases(vocabulary.value_statements),
        after_event=compile_phrases(vocabulary.after_event),
        safeguards=compile_phrases(vocabulary.safeguards),
        forward=compile_phrases(vocabulary.forward_markers),
    )
    _COMPILED[id(vocabulary)] = (vocabulary, lists)
    return lists


def phrase_of(token: "Token") -> str:
    subtree = list(token.subtree)
    first, last = subtree[0], subtree[-1]
    return token.doc[first.i : min(last.i, first.i + 8) + 1].text


def cue_text(a: "Token", b: "Token") -> str:
    first, last = sorted((a, b), key=lambda t: t.i)
    if last.i - first.i > 4:
        return a.text
    return a.doc[first.i : last.i + 1].text


def improved(noun: "Token") -> bool:
    """'a better engineer', 'a stronger developer', 'a more patient lead'."""
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJR" or any(g.lower_ == "more" for g in c.children)) for c in noun.children
    )
