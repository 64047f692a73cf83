"""Phrase lists matched on lemmas, with small insertions allowed.

A phrase is written as words separated by spaces; a word may list
alternatives with `|` ("careful|thorough"). Each word matches a token whose
lower-case form or lemma equals it, so "communicating much better" matches
"communicate better" with one insertion. A word written with a leading `=`
matches that exact form only: "i =think" is a hedge, "I thought" is not.
"""

from __future__ import annotations

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


def compile_phrases(items: Iterable[PhraseItem]) -> list[Phrase]:
    phrases = []
    for item in items:
        spec = item if isinstance(item, PhraseSpec) else PhraseSpec(phrase=item)
        terms = tuple(frozenset(w.lower().split("|")) for w in spec.phrase.split())
        if terms:
            phrases.append(
                Phrase(
                    spec.phrase,
                    terms,
                    frozenset(w.lower() for w in spec.not_after),
                    frozenset(w.lower() for w in spec.not_before),
                )
            )
    return phrases


def token_is(token: "Token", words: frozenset[str] | set[str]) -> bool:
    lower = token.lower_
    return lower in words or "=" + lower in words or token.lemma_.lower() in words


_BARRIERS = {".", "!", "?", ";", ":"}


def find_phrases(
    tokens: Sequence["Token"], phrases: list[Phrase], max_gap: int = 0
) -> Iterator[tuple["Token", "Token", Phrase]]:
    """Non-overlapping matches (first token, last token, phrase), in text order."""
    taken_until = -1
    for i, token in enumerate(tokens):
        if i <= taken_until:
            continue
        for phrase in phrases:
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
