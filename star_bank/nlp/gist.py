"""A sentence cut down to its gist, from the parse: who, the verb, what, and the number.

The interview sheet shows bullets, not sentences: "she merged 41 pull
requests", "fell from 8 days to 1 day". A gist keeps one clause (the one
around a chosen token, else the main one): its subject unless it is the
speaker, the verb with its negation and particle, and the complements that
carry the meaning (object, attribute, the phrase holding the number),
dropping articles, relative clauses, asides and everything past a word limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from star_bank.nlp.actors import STATIVE
from star_bank.nlp.analysis import is_first_person_singular

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Children that add detail, not meaning, to a phrase on the sheet.
_ASIDES = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "det", "predet", "advcl", "parataxis",
                     "mark", "meta", "dep", "discourse", "intj", "preconj", "case"})
# Complements of the verb, in the order they are worth keeping.
_COMPLEMENTS = ("dobj", "attr", "acomp", "oprd", "dative", "xcomp", "ccomp", "prep", "npadvmod", "advmod", "prt")
_KEEP_DET = frozenset({"no", "every", "each", "all", "both"})


def phrase(token: "Token", limit: int = 6, focus: "Token | None" = None) -> list["Token"]:
    """The words of `token`'s phrase, asides dropped, at most `limit` words.

    Over the limit, the head keeps its closest modifiers (compounds, adjectives,
    numbers) and, when `focus` lies inside, the branch that leads to it.
    """
    words = sorted(_trimmed(token), key=lambda t: t.i)
    if len(words) <= limit:
        return words
    core = {token} | {c for c in token.children if c.dep_ in ("compound", "amod", "nummod", "poss", "quantmod", "neg")}
    if token.dep_ in ("prep", "agent"):  # a preposition means nothing without its object
        for obj in (c for c in token.children if c.dep_ == "pobj"):
            core |= {obj} | {c for c in obj.children if c.dep_ in ("compound", "nummod", "quantmod", "amod")}
    # A short prepositional tail keeps its meaning: "1 in 40 patients", "p99 of the vault".
    for prep in (c for c in token.children if c.dep_ == "prep" and c.i > token.i):
        room = limit - len(core)
        tail = phrase(prep, room) if room >= 2 else []
        if len(tail) >= 2 and tail[0].i == prep.i:  # "in 40 patients", never a stray "in"
            core |= set(tail)
    # Tokens are compared by position: spaCy makes a new Token object on every access.
    if focus is not None and focus in set(token.subtree) and focus.i != token.i:
        node = focus
        while node.i != token.i and node.head.i != node.i:
            core |= {node} | {c for c in node.children if c.dep_ in ("compound", "nummod", "quantmod", "amod")}
            node = node.head
    words = sorted(core, key=lambda t: t.i)
    words = words[-limit:] if focus is None else _around(words, focus, limit)
    if token.dep_ in ("prep", "agent") and token not in words:
        return []  # "three months" without its "In" reads as the subject
    return words


def _around(words: list["Token"], focus: "Token", limit: int) -> list["Token"]:
    at = next((n for n, t in enumerate(words) if t.i >= focus.i), len(words) - 1)
    start = max(0, min(at - limit // 2, len(words) - limit))
    return words[start : start + limit]


def _trimmed(token: "Token") -> Iterable["Token"]:
    yield token
    for child in token.children:
        if child.dep_ == "punct" and child.text in ("-", "/") and not child.whitespace_:
            yield child  # "30-minute", "draft/merge": the word needs its joint
            continue
        if child.dep_ in _ASIDES and not (child.dep_ == "det" and child.lower_ in _KEEP_DET):
            continue
        yield from _trimmed(child)


def clause_of(token: "Token") -> "Token":
    """The verb whose clause holds `token` (the token itself when it is one)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def gist(sentence: "Span", focus: "Token | None" = None, max_words: int = 12, subject: bool = True) -> str:
    """The sentence in at most `max_words` words: the clause around `focus`
    (else the main clause), with its subject (left out when it is the speaker
    or `subject` is False), verb group and leading complements."""
    verb = clause_of(focus) if focus is not None else sentence.root
    words: list[Token] = []
    who = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject and who is not None and not is_first_person_singular(who):
        words += phrase(who, 5)
    words += [c for c in verb.children if c.dep_ in ("neg",) or (c.dep_ in ("aux", "auxpass") and c.lower_ in ("not", "never"))]
    words.append(verb)
    words += [c for c in verb.children if c.dep_ == "prt"]
    complements = sorted(
        (c for c in verb.children if c.dep_ in _COMPLEMENTS and c.dep_ != "prt" and c.tag_ != "WRB"),
        key=lambda c: (focus is None or focus not in set(c.subtree), _COMPLEMENTS.index(c.dep_), c.i),
    )
    for complement in complements:
        room = max_words - len(words)
        if room < 2:
            break
        inner = focus if focus is not None and focus in set(complement.subtree) else None
        part = phrase(complement, min(room, 7), inner)
        if len(part) > 1 or (part and part[0].pos_ != "ADP"):  # never a preposition left on its own
            words += part
    # Coordinated acts share the clause: "tell the people, correct it, and keep..."
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_.lower() not in STATIVE):
        target = next((c for c in conj.children if c.dep_ in ("dobj", "attr", "acomp", "prep", "xcomp")), None)
        joint = [c for c in verb.children if c.dep_ == "cc" and c.i < conj.i][-1:]
        extra = joint + [conj] + (phrase(target, 3) if target is not None else [])
        if len(words) + len(extra) > max_words:
            break
        words += extra
    words = sorted(set(words), key=lambda t: t.i)[:max_words]
    return tidy(words)


def tidy(words: list["Token"]) -> str:
    """Tokens joined back into text, spacing as written, no dangling punctuation."""
    out = ""
    for n, token in enumerate(words):
        joined = n > 0 and words[n - 1].i == token.i - 1 and not words[n - 1].whitespace_
        out += ("" if n == 0 or joined else " ") + token.text
    return out.strip(" ,;:-–—").replace(" ,", ",")
