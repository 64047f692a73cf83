"""Who does what in a parsed section: the speaker's own actions, and the other people credited.

Read from the dependency parse, not from word lists alone:

- a speaker action is a verb whose subject is "I" (or "My manager and I"),
  climbing coordination ("I traced it and fixed it"), or the verb that opens a
  subjectless bullet ("- Traced the leak to the cache"); states and thoughts
  ("I felt", "I knew", "I was") are not actions;
- someone else is credited when a person or a group is the subject of an act
  ("Dana wrote the migration", "the SRE team helped", "we rolled it out"), is
  worked "with" ("I paired with Dana"), or when the work was done "together".

The lint kinds (`action_count`), the bank pass and the interview sheet all
read these, so "a thing the speaker did" means one thing everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Sequence

from star_bank.nlp.analysis import is_first_person_singular, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs that say what the speaker was or thought, not what they did.
STATIVE = frozenset({
    "be", "have", "feel", "know", "think", "want", "need", "like", "hope", "seem", "wish",
    "believe", "love", "hate", "remember", "forget", "learn", "realise", "realize", "understand",
    "care", "mean", "expect", "worry", "wonder", "guess", "assume", "doubt", "get",
})
# Clause roles a verb of its own can have (not a modifier inside a noun phrase).
ACTION_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "parataxis", "xcomp", "dep"})
# Verbs that only introduce the real act: "I decided to add a gate" is adding a gate.
LIGHT_VERBS = frozenset({
    "decide", "start", "begin", "try", "manage", "choose", "agree", "offer", "help", "continue",
    "go", "plan", "volunteer", "proceed", "attempt", "need", "want",
})
# Nouns that name people or groups of people.
PEOPLE = frozenset({
    "team", "teammate", "colleague", "coworker", "co-worker", "engineer", "developer", "manager",
    "lead", "director", "designer", "pm", "analyst", "intern", "mentee", "mentor", "partner",
    "sre", "owner", "reviewer", "tester", "qa", "staff", "peer", "everyone", "someone", "somebody",
    "member", "founder", "cto", "ceo", "vp", "architect", "scientist", "researcher", "admin",
    "squad", "group", "department", "org", "organization", "organisation", "vendor", "contractor",
    "consultant", "customer", "client", "user", "stakeholder", "friend", "boss", "junior", "senior",
    "head", "person", "people", "colleagues", "crew", "counterpart", "expert", "specialist", "dev",
    "ops", "on-call", "oncall", "support", "sales", "marketing", "product", "leadership", "executive",
})
# Verbs a measure does ("latency fell", "the queue grew"): their subject is no one to credit.
CHANGE_VERBS = frozenset({
    "fall", "drop", "rise", "grow", "climb", "reach", "stay", "remain", "go", "improve", "spike", "increase",
    "decrease", "double", "triple", "halve", "shrink", "jump", "decline", "plateau", "hover", "peak", "sit",
})
_PERSON_PRONOUNS = frozenset({"we", "us", "he", "she", "him", "her", "they", "them", "you"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_person_or_group(token: "Token") -> bool:
    """A noun phrase head that names someone other than the speaker: a name, a
    pronoun for people, or a people noun ("the data team", "my manager")."""
    if is_first_person_singular(token):
        return False
    lower = token.lower_
    if lower in _PERSON_PRONOUNS:
        return True
    if token.pos_ == "PROPN" and token.ent_type_ not in ("ORG", "PRODUCT", "GPE") and token.text[:1].isupper():
        return True
    if token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower() in PEOPLE or lower in PEOPLE):
        return True
    # "the SRE on-call", "the payments folks": the people word is the modifier.
    if token.pos_ == "NOUN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
        return True
    return any(is_person_or_group(c) for c in token.conjuncts if c.i > token.i)


def _is_act(verb: "Token") -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in STATIVE


def _opens_bullet_fragment(token: "Token") -> bool:
    """The verb that opens a sentence with no subject at all ("Traced the leak to the cache")."""
    if token.dep_ != "ROOT" or token.tag_ not in ("VBD", "VBN", "VB", "VBG"):
        return False
    if any(c.dep_ in _SUBJECT_DEPS | {"expl", "csubj"} for c in token.children):
        return False  # a subject inside a later clause ("...the bug that they hit") does not count
    first = next((t for t in token.sent if not t.is_punct and t.pos_ not in ("ADV", "CCONJ")), None)
    return first is not None and first.i == token.i  # spaCy makes a new Token object per access


def fragment_verb(tokens: "Sequence[Token]") -> "Token | None":
    """The verb a subjectless item opens with ("Traced the leak", "- Added a flag"), else None."""
    first = next((t for t in tokens if not (t.is_space or t.is_punct) and t.pos_ not in ("ADV", "CCONJ")), None)
    if first is None or first.pos_ != "VERB" or first.tag_ not in ("VBD", "VBN", "VB", "VBG"):
        return None
    # A subject from the next item does not count: the parse often runs bullets together.
    inside = {t.i for t in tokens}
    if any(c.dep_ in _SUBJECT_DEPS and c.i in inside for c in first.children) or first.lemma_.lower() in STATIVE:
        return None
    return first


def speaker_actions(doc: "Doc | Span") -> list["Token"]:
    """Every verb in `doc` that says something the speaker did, in text order."""
    actions = []
    for token in doc:
        if not _is_act(token) or token.dep_ not in ACTION_DEPS:
            continue
        subject = subject_of(token)
        if subject is not None and is_first_person_singular(subject):
            actions.append(token)
        elif subject is None and _opens_bullet_fragment(token):
            actions.append(token)
        elif subject is None and token.dep_ == "dep" and token.head in actions:
            actions.append(token)  # "I built the prototype, then delegated the rollout": a loose conjunct
    return actions


def verbs_of_a_lone_speaker(doc: "Doc | Span") -> list["Token"]:
    """Past-tense acts in sentences whose every subject is "I", however the parse hung
    them: in "I led the tests, identified the bottlenecks and implemented a fix" the
    model may read "identified" as a modifier of "tests", yet only the speaker acts."""
    found = []
    for sentence in doc.sents:
        subjects = [t for t in sentence if t.dep_ in _SUBJECT_DEPS]
        if not subjects or not all(is_first_person_singular(t) for t in subjects):
            continue
        found += [t for t in sentence if t.tag_ == "VBD" and _is_act(t)]
    return found


def _own_subject(verb: "Token") -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def distinct_actions(doc: "Doc | Span") -> list["Token"]:
    """The speaker's actions, one per clause: verbs sharing a subject through
    coordination ("traced it and fixed it") or a light verb ("decided to add")
    count once, a clause with its own "I" counts again."""
    kept = []
    for verb in speaker_actions(doc):
        if verb.dep_ == "xcomp":
            continue
        if verb.dep_ == "conj" and not _own_subject(verb):
            continue
        kept.append(verb)
    return kept


def main_act(verb: "Token") -> "Token":
    """The act a light verb introduces ("decided to add" -> "add"), else the verb."""
    if verb.lemma_.lower() in LIGHT_VERBS:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                return child
    return verb


def credits_to_others(doc: "Doc | Span") -> Iterator["Token"]:
    """Tokens where someone other than the speaker is given a part in the work."""
    for token in doc:
        if token.dep_ in _SUBJECT_DEPS and token.head.pos_ in ("VERB", "AUX") and is_person_or_group(token):
            if (_is_act(token.head) and token.head.lemma_.lower() not in CHANGE_VERBS) or token.head.lemma_.lower() in ("help", "get"):
                yield token
        elif token.dep_ == "pobj" and is_person_or_group(token) and (
            token.head.lower_ in ("with", "alongside") or token.head.dep_ == "agent"
        ):
            yield token  # "I paired with Dana", "the fix was reviewed by Dana"
        elif token.lower_ == "together" and token.dep_ == "advmod":
            yield token
        elif token.dep_ == "poss" and token.head.lemma_.lower() in ("help", "support", "idea", "suggestion") \
                and is_person_or_group(token):
            yield token
