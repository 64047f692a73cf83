"""Statements about a whole class of cases, told outside the narrative: the pattern a speaker draws.

Pattern awareness asks whether the speaker generalises the lesson to a class of
problems. Speakers often do it without a lesson cue, in a plain statement of how
things usually are: "it's usually whatever sits underneath DNS", "a migration on
a big table is never as quick as it looks", "every 'intermittent' bug I've ever
chased was one of two things". The parse shows the shape: a present-tense clause
(or a perfect one reaching over "ever") whose subject is a class ("every bug",
"most outages", "anything that ...") or that a frequency adverb ("usually",
"always", "rarely") makes general, or advice to anyone in a kind of situation ("if your
team only moves when you're in the room, you've built a queue").

Only what the story tells after the scene counts (not the Situation or Task,
where "we usually deploy on Fridays" is the setting), and not a plan or a question.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import AnalysedStory, subject_of
from star_bank.rubric.signals import Mark
from star_bank.rubric.why_missed import HYPOTHETICAL

if TYPE_CHECKING:
    from spacy.tokens import Token

_SCENE = frozenset({SectionKind.situation, SectionKind.task})
_FREQUENCY = frozenset({"usually", "always", "often", "rarely", "seldom", "never", "generally", "typically",
                        "normally", "mostly", "invariably"})
_CLASS = frozenset({"every", "any", "most", "all", "each"})
# What opens a clause describing a kind of situation ("when the build fails, ...").
SITUATION_MARKS = frozenset({"when", "whenever", "if", "once"})
_EVERY_THING = frozenset({"anything", "everything", "whatever", "anyone", "everyone", "whoever"})
# A modal makes it a plan or a rule to follow, not how things go.
_PLANS = HYPOTHETICAL | {"'ll", "must"}


def generic_claims(story: AnalysedStory) -> list[Mark]:
    """The sentences, after the scene, that state how things go for a whole class of cases."""
    found: list[Mark] = []
    for section in story.sections:
        if section.doc is None or section.kind in _SCENE:
            continue
        for sentence in section.doc.sents:
            root = sentence.root
            if sentence.text.rstrip().endswith("?") or not _generic(root):
                continue
            start, end = section.prose.source_range(sentence.start_char, sentence.end_char)
            found.append(Mark("generic_claim", start, end, section.kind, sentence.text.strip()))
    return found


def _generic(verb: "Token") -> bool:
    children = list(verb.children)
    quotes = sum(1 for t in verb.sent if t.i < verb.i and t.text in ('"', "“", "”"))
    if quotes % 2:
        return False  # 'not in a "you get paged if it breaks" way': words quoted, not a claim
    if any(c.dep_ == "aux" and c.lower_ in _PLANS for c in children):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in ("now", "since") for c in children):
        return False  # "every ticket now needs repro steps" is a rule put in place, not a pattern seen
    present = verb.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                                  for c in children)
    ever = any(t.lower_ == "ever" for t in verb.subtree)
    if not (present or ever):
        return False
    subject = subject_of(verb)
    if subject is not None and subject.lower_ == "you" and _on_condition(verb):
        return True  # "if your team can only move when you're in the room, you've built a queue"
    if subject is not None and subject.lower_ in ("i", "we", "you") and not ever:
        return False  # "I usually ask ..." is a habit of the speaker's: lesson_habits reads those
    by_class = subject is not None and (subject.lower_ in _EVERY_THING or any(
        c.dep_ == "det" and c.lower_ in _CLASS for c in subject.children))
    by_frequency = any(c.dep_ == "advmod" and c.lower_ in _FREQUENCY for c in children)
    return by_class or by_frequency


def _on_condition(verb: "Token") -> bool:
    """A claim about anyone ("you") in a kind of situation a clause describes: advice drawn
    from the case for every case like it."""
    if verb.sent[0].lower_ in SITUATION_MARKS:
        return True  # the parser does not always hang the opening "If ..." clause on the claim
    clauses = [verb, *(c for c in verb.children if c.dep_ in ("ccomp", "conj"))]  # "..., you haven't X, you've Y"
    return any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in SITUATION_MARKS
                                         for m in c.children) for clause in clauses for c in clause.children)
