"""The shape of a clause, for telling a lesson statement from narration (see
star_bank.nlp.lesson_cues): whether the speaker is in it, whether it is a note that
drops the subject, and whether its verb tells a past event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.nlp.lesson_vocabulary import SPEAKER_SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token


# "As far as I know", "I think": the speaker hedging what they say, not acting in it.
_HEDGING_VERBS = frozenset({"know", "think", "guess", "believe", "suppose", "reckon", "imagine"})


def speaker_in(tokens: list["Token"]) -> bool:
    """'I' or 'we' as a subject (not of a hedge such as 'as far as I know'), or 'my' / 'our'
    anywhere in the tokens."""
    return any(
        (t.lower_ in SPEAKER_SUBJECTS and t.dep_ in ("nsubj", "nsubjpass") and not _hedge(t.head))
        or t.lower_ in ("my", "our")
        for t in tokens
    )


def _hedge(verb: "Token") -> bool:
    """'..., as far as I know', '..., I think': a verb of belief set aside as a clause of its
    own. ("Looking back, I guess a phased cutover was smarter" keeps its speaker: the hedge
    heads the sentence; "I now think about the customer" is no hedge.)"""
    return verb.lemma_.lower() in _HEDGING_VERBS and verb.dep_ in ("advcl", "parataxis")


def notes_fragment(sentence: "SpacySpan") -> bool:
    """'next time: would load test it first', 'since then: run the check weekly': notes that drop
    the writer's "I". The main verb has no subject at all and is not a bare command."""
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
        return False
    # A bare participle heading a note is its past ("Learned to ..."): nothing makes it a passive.
    bare = root.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in root.children)
    return root.tag_ in ("VBD", "VBZ", "VBP") or bare or any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children)


def past_narration(root: "Token") -> bool:
    """A clause whose verb is simple past: it tells the story, it states no habit."""
    if any(c.tag_ == "MD" or (c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP")) for c in root.children):
        return False
    if root.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in root.children)
