"""Lessons told as a value or a trait rather than a habit: "it reinforced the importance of
capacity planning", "it made me more careful". The lesson finder (star_bank.nlp.lesson_cues)
reads them as lesson statements; the judgement (star_bank.nlp.lesson_judgement) as vague ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.nlp.lesson_vocabulary import LessonVocabulary

if TYPE_CHECKING:
    from spacy.tokens import Token


def grown_trait(word: "Token") -> bool:
    """'(made) me more careful', '(made) us less sure': the speaker's trait said to have grown."""
    return word.pos_ == "ADJ" and word.dep_ in ("ccomp", "acomp", "oprd", "xcomp") and (
        word.tag_ == "JJR" or any(c.lower_ in ("more", "less") and c.dep_ == "advmod" for c in word.children)
    ) and any(c.dep_ == "nsubj" and c.lower_ in ("me", "us") for c in word.children)


# Verbs and nouns that present a value as taught: "it reinforced the importance of ...", "a good
# reminder of the value of ...". Told with no one taught, the lesson is still the speaker's.
_SHOWING = frozenset({"reinforce", "remind", "highlight", "underline", "underscore", "show", "teach", "reminder"})


def value_shown(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'It reinforced the importance of capacity planning', 'Good reminder of the value of a
    dry run': an abstract value (with its "of") presented as a thing taught."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in vocabulary.abstract_nouns:
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    head = token.head.head if token.dep_ == "pobj" else token.head
    if head.lemma_.lower() in _SHOWING and (token.dep_ in ("dobj", "pobj") and head.i < token.i):
        return token.doc[head.i : token.i + 1].text
    return None
