"""The shape of a clause, for telling a lesson statement from narration (see
star_bank.nlp.lesson_cues): whether the speaker is in it, whether it is a note that
drops the subject, whether its verb tells a past event, and whether it labels what follows
("What I took from it: ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.nlp.analysis import is_first_person_singular, subject_of
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


def labels_what_follows(verb: "Token", changed: bool = False) -> bool:
    """'What I took from it: ...', 'What we learned -', 'Biggest thing I took away:': a free
    relative (or a plain noun) about the speaker's learning, standing as a label before a colon
    or a dash, introduces the lesson. With
    `changed`, the things changed may be the subject ("What changed afterwards: ...")."""
    free_relative = any(c.tag_ == "WP" and c.lower_ == "what" and c.i < verb.i for c in verb.children)
    # "Biggest thing I took away: ...", "One thing I changed after -": the same label on a plain noun.
    on_a_thing = verb.dep_ == "relcl" and verb.head.lemma_.lower() in _PLAIN_THINGS and verb.head.i < verb.i
    if not (free_relative or on_a_thing):
        return False
    subject = subject_of(verb)
    if subject is None or not (subject.lower_ in SPEAKER_SUBJECTS or is_first_person_singular(subject)
                               or (changed and subject.lower_ == "what")):
        return False
    # The colon may hang on the verb itself ("What I changed after:") or follow its words.
    # On a plain noun, the label is the noun's phrase, with any aside on it ("The changes I made,
    # which are still how I review: ...").
    label = verb.head if on_a_thing else verb
    after = max(t.i for t in label.subtree if not t.is_space and (t.dep_ != "punct" or t.i < label.i)) + 1
    return (after < len(verb.doc) and verb.doc[after].text in _LABEL_ENDS) or _label_after_aside(verb)


_LABEL_ENDS = (":", "-", "–", "—")
_PLAIN_THINGS = frozenset({"thing", "lesson", "point", "takeaway", "change"})


def _label_after_aside(verb: "Token") -> bool:
    """'What changed afterwards (interviewers ask about this):': an aside in brackets may stand
    between the label's words and its colon; the parser hangs the colon anywhere then."""
    depth = 0
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        opened = token.text.count("(") - token.text.count(")")
        if depth or opened:
            depth = max(depth + opened, 0)
            if depth == 0 and token.text.endswith(_LABEL_ENDS):
                return True  # "):" closes the aside and ends the label in one token
        elif token.text in _LABEL_ENDS:
            return True
        elif not token.is_space and (token.pos_ != "ADV" or token.head.i != verb.i):
            return False  # "What I changed afterwards" may close on an adverb; anything else is a clause
    return False
