"""Phrase lists matched on lemmas, with small insertions allowed.

A phrase is written as words separated by spaces; a word may list
alternatives with `|` ("careful|thorough"). Each word matches a token whose
lower-case form or lemma equals it, so "communicating much better" matches
"communicate better" with one insertion. A word written with a leading `=`
matches that exact form only: "i =think" is a hedge, "I thought" is not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from spacy.tokens import Token


class PhraseSpec(BaseModel):
    """A phrase with context it must not stand in ("kind of" but not "this kind of")."""

    model_config = ConfigDict(extra="forbid")

    phrase: str
    not_after: list[str] = []
    not_before: list[str] = []


PhraseItem = str | PhraseSpec


@dataclass(frozen=True)
class Phrase:
    text: str
    terms: tuple[frozenset[str], ...]
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()


class PhraseList(list):
    """Compiled phrases, indexed by the words their first term accepts (for speed)."""

    def __init__(self, phrases: Iterable[Phrase] = ()) -> None:
        super().__init__(phrases)
        self.by_first: dict[str, list[tuple[int, Phrase]]] = {}
        for order, phrase in enumerate(self):
            for word in phrase.terms[0]:
                self.by_first.setdefault(word, []).append((order, phrase))


def compile_phrases(items: Iterable[PhraseItem]) -> PhraseList:
    # Kinds compile their lists on every check; the same lists compile once.
    key = tuple(
        item if isinstance(item, str) else (item.phrase, tuple(item.not_after), tuple(item.not_before))
        for item in items
    )
    return _compile(key)


@functools.lru_cache(maxsize=256)
def _compile(items: tuple) -> PhraseList:
    phrases = []
    for item in items:
        text, not_after, not_before = (item, (), ()) if isinstance(item, str) else item
        # spaCy splits "sign-off" into "sign", "-", "off": a hyphenated word also matches that way.
        spellings = [text] + ([re.sub(r"(?<=\w)-(?=\w)", " - ", text)] if re.search(r"\w-\w", text) else [])
        for spelling in spellings:
            terms = tuple(frozenset(w.lower().split("|")) for w in spelling.split())
            if terms:
                phrases.append(
                    Phrase(
                        text,
                        terms,
                        frozenset(w.lower() for w in not_after),
                        frozenset(w.lower() for w in not_before),
                    )
                )
    return PhraseList(phrases)


def token_is(token: "Token", words: frozenset[str] | set[str]) -> bool:
    lower = token.lower_
    return lower in words or "=" + lower in words or token.lemma_.lower() in words


_BARRIERS = {".", "!", "?", ";", ":"}


def find_phrases(
    tokens: Sequence["Token"], phrases: list[Phrase], max_gap: int = 0
) -> Iterator[tuple["Token", "Token", Phrase]]:
    """Non-overlapping matches (first token, last token, phrase), in text order."""
    if not isinstance(phrases, PhraseList):
        phrases = PhraseList(phrases)
    by_first = phrases.by_first
    taken_until = -1
    for i, token in enumerate(tokens):
        if i <= taken_until:
            continue
        # Only the phrases whose first word this token can be (in list order, as before).
        lower = token.lower_
        candidates = [
            *by_first.get(lower, ()),
            *by_first.get("=" + lower, ()),
            *by_first.get(token.lemma_.lower(), ()),
        ]
        if not candidates:
            continue
        if len(candidates) > 1:
            candidates = sorted(set(candidates), key=lambda c: c[0])
        for _, phrase in candidates:
            end = _match_at(tokens, i, phrase, max_gap)
            if end is None:
                continue
            before = tokens[i - 1] if i > 0 else None
            after = tokens[end + 1] if end + 1 < len(tokens) else None
            if before is not None and phrase.not_after and token_is(before, phrase.not_after):
                continue
            if after is not None and phrase.not_before and token_is(after, phrase.not_before):
                continue
            yield token, tokens[end], phrase
            taken_until = end
            break


def _match_at(tokens: Sequence["Token"], i: int, phrase: Phrase, max_gap: int) -> int | None:
    if not token_is(tokens[i], phrase.terms[0]):
        return None
    position = i
    for terms in phrase.terms[1:]:
        found = None
        for j in range(position + 1, min(len(tokens), position + 2 + max_gap)):
            if tokens[j].text in _BARRIERS:
                break
            if token_is(tokens[j], terms):
                found = j
                break
        if found is None:
            return None
        position = found
    return position


def any_phrase(tokens: Sequence["Token"], phrases: list[Phrase], max_gap: int = 0) -> bool:
    return next(find_phrases(tokens, phrases, max_gap), None) is not None
