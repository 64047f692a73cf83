"""Lessons told as a value or a trait rather than a habit: "it reinforced the importance of
capacity planning", "it was a good reminder that documentation matters", "it made me more careful",
"sometimes you just have to start". The lesson finder (star_bank.nlp.lesson_cues)
reads them as lesson statements; the judgement (star_bank.nlp.lesson_judgement) as vague ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.nlp.lesson_vocabulary import LessonVocabulary

if TYPE_CHECKING:
    from spacy.tokens import Token


# Who a trait can grow in: the speaker, or everyone ("sharing knowledge makes everyone stronger").
_GROWING = frozenset({"me", "us", "everyone", "everybody", "people", "you", "teams"})


def grown_trait(word: "Token") -> bool:
    """'(made) me more careful', '(made) us less sure', '(makes) everyone stronger': a trait
    said to grow, in the speaker or in people at large."""
    return word.pos_ == "ADJ" and word.dep_ in ("ccomp", "acomp", "oprd", "xcomp") and (
        word.tag_ == "JJR" or any(c.lower_ in ("more", "less") and c.dep_ == "advmod" for c in word.children)
    ) and any(c.dep_ == "nsubj" and c.lower_ in _GROWING for c in word.children)


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
    # "it brought home the value of ...", "drove home the importance of ...": taught, too.
    home = head.lemma_.lower() in ("bring", "drive", "hammer") and any(c.lower_ == "home" for c in head.children)
    # "I drove home the importance of the deadline to the team": the speaker taught others.
    teller = any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children)
    if (head.lemma_.lower() in _SHOWING or home) and not teller and (token.dep_ in ("dobj", "pobj") and head.i < token.i):
        return token.doc[head.i : token.i + 1].text
    return None


def reminder_that(token: "Token") -> str | None:
    """'It was a good reminder that knowledge sharing matters', 'Good reminder that ...': what
    the event is said to have been a reminder of ('I sent a reminder that ...' is an errand)."""
    if token.lemma_.lower() != "reminder" or token.pos_ != "NOUN" or token.dep_ not in ("attr", "ROOT"):
        return None
    # The parser hangs the clause on the noun or, after "it was a reminder", on "was".
    around = [*token.children, *(token.head.children if token.dep_ == "attr" else [])]
    clause = next((c for c in around if c.dep_ in ("acl", "ccomp") and c.i > token.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    return None if clause is None else f"{token.text} that"


def generic_necessity(verb: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'sometimes you just have to start and figure it out', 'you have to think about everyone',
    'you have to stand your ground', 'you can't do everything yourself': what anyone has to do
    (or cannot do), with nothing named to do it to but the listener's own self ('you have to
    test the restore' names a thing, and is left to the other checks)."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children):
        return None
    subject = min(t.i for t in verb.children if t.dep_ == "nsubj")
    if _cannot_do_it_all(verb):
        return verb.doc[subject : verb.i + 1].text
    if verb.lemma_.lower() not in ("have", "need") or verb.tag_ != "VBP":
        return None
    act = next((c for c in verb.children if c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children)), None)
    if act is None:
        return None
    acts = [act, *(c for c in act.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if all(a.lemma_.lower() in vocabulary.mental_verbs for a in acts):
        return verb.doc[subject : act.i + 1].text  # "you have to respect the environment": an attitude, whatever its object
    objects = [c for a in acts for c in a.children if c.dep_ == "dobj"]
    if objects and all(_the_self(o, vocabulary) for o in objects):
        return verb.doc[subject : act.i + 1].text  # "put yourself in the user's shoes": an attitude
    objects += [g for a in acts for c in a.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if any(o.pos_ != "PRON" for o in objects):
        return None
    return verb.doc[subject : act.i + 1].text


_ALL = frozenset({"everything", "anything", "all", "everyone", "everybody"})


def _cannot_do_it_all(verb: "Token") -> bool:
    """'you can't do everything yourself', 'you cannot please everyone': a limit anyone has."""
    children = list(verb.children)
    if any(c.dep_ == "advcl" or (c.dep_ == "prep" and c.lower_ in _CONDITIONS) for c in children):
        return False  # "you can't release everything without a second reviewer": a rule with its condition
    return (any(c.dep_ == "aux" and c.lower_ in ("ca", "can") for c in children)
            and any(c.dep_ == "neg" for c in children)
            and any(c.dep_ == "dobj" and c.lower_ in _ALL for c in children))


_CONDITIONS = frozenset({"without", "unless", "before", "after", "until", "except"})


def _the_self(noun: "Token", vocabulary: LessonVocabulary) -> bool:
    """'yourself', 'your ground', 'your instincts': the listener's own self as the object of the
    act; 'your rollback step' names a thing to act on."""
    if noun.lower_ in ("yourself", "oneself"):
        return True
    return (any(c.dep_ == "poss" and c.lower_ == "your" for c in noun.children)
            and not any(c.dep_ in ("compound", "nummod") for c in noun.children)
            and noun.lemma_.lower() not in vocabulary.mechanisms)
