"""passive_voice: an agentless passive that hides who acted.

From the dependency parse: a past participle (VBN) with a passive auxiliary
(be/get) and no "by ..." agent. Participles that describe a state rather than
an act ("I was excited", "I was involved", "it was based on") are listed in
`stative` and never flagged; `extra_stative` extends the list. Nor is the
speaker (or a named colleague) as the patient of someone else's act ("I was
asked to", "I got pulled into"), a modal or goal passive ("could be cached",
"to be reviewed"), a present-tense description ("the list is sorted by
name"), or a graded participle ("really limited"). In the
`context_sections` (the Situation), a passive about what others did to the
speaker or the organisation ("I was promoted", "the team was formed last
year") is context, so it is reported as a suggestion only. Notes that drop the
auxiliary ("Apology posted in each channel", "Postmortem written next morning") are
passives too, unless the verb also tells a change with no actor (`changes_of_state`:
"traffic recovered").
FAIL: "The deadline was missed." "It was decided to ship on Friday."
PASS: "I missed the deadline." "The outage was caused by my config change."
"""

from __future__ import annotations

from typing import Iterator

from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.nlp.numbers import MONTHS
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule

NEEDS_NLP = True

_PASSIVE_AUX = {"be", "get"}


class Options(KindOptions):
    stative: list[str]
    extra_stative: list[str] = []
    changes_of_state: list[str] = []
    context_sections: list[str]
    context_verbs: list[str]


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    stative = {w.lower() for w in [*options.stative, *options.extra_stative]}
    changes = {w.lower() for w in options.changes_of_state}
    for section in story.in_scope(rule.scope):
        if section.doc is None:
            continue
        for token in section.doc:
            if token.tag_ != "VBN" or (token.i > 0 and token.doc[token.i - 1].text == "#"):
                continue  # "#lessonslearned" is a hashtag, not a verb
            aux = [c for c in token.children if c.dep_ == "auxpass" and c.lemma_.lower() in _PASSIVE_AUX]
            if not aux:
                if token.lemma_.lower() not in changes | stative and _reduced_passive(token):
                    yield story.token_hit(section, token, verb=token.text)
                continue
            if any(c.dep_ == "agent" and not _is_measure(c) and not _is_criterion(token) for c in token.children):
                continue  # "caused by my change": the actor is named
            if (token.lemma_.lower() in stative or token.lower_ in stative) and not any(
                c.dep_ == "prt" for c in token.children
            ):
                continue  # a state; but "blocked off", "shut down" are acts
            following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if token.lower_ == "used" and following is not None and following.lower_ == "to":
                continue  # "I was used to ...": a habit, not an act
            first = min(aux, key=lambda t: t.i)
            if first.i > token.i:
                continue  # an auxiliary after its participle is a mis-parse, not a passive
            if _has_not_is(first, token):
                continue  # "it's held two sends", "it's been live": "'s" is "has" there
            between = token.doc[first.i + 1 : token.i]
            if any(t.pos_ not in ("ADV", "PART") for t in between):
                continue  # "was dead still controlled": a mis-attached auxiliary, not a passive
            if first.lemma_.lower() == "get" and token.lemma_.lower() in _GET_STATES:
                continue  # "got lost", "got stuck": a state, not an act
            if _not_an_act(token) or _modal_or_present(first):
                continue
            hit = story.token_hit(section, first, token, verb=f"{first.text} {token.text}")
            if section.kind.value in options.context_sections and _is_context(token, options):
                hit.severity = "suggestion"
            yield hit


def _has_not_is(aux, verb) -> bool:
    """"'s" read as "is" where it is "has": before "been" ("it's been live a year") or before a
    participle with an object of its own ("it's failed the build three times")."""
    if aux.lower_ not in ("'s", "’s"):
        return False
    return verb.lemma_.lower() == "be" or any(c.dep_ == "dobj" for c in verb.children)


def _reduced_passive(verb) -> bool:
    """'Apology posted in each server.', 'Root cause found within the hour.': notes that drop the
    auxiliary. The parser reads a participle heading the sentence with a bare noun as subject
    (no article, possessive or number), or a verbless sentence headed by such a noun with the
    participle after it; no object and no agent. A person there is the patient of someone
    else's act ('Customer notified'), like 'I was asked'."""
    if any(c.dep_ in ("aux", "auxpass", "agent", "neg") for c in verb.children):
        return False
    # "the next morning" is often read as an object; a time is no object.
    if any(c.dep_ == "dobj" and c.lemma_.lower() not in _UNITS | _TIME_POINTS for c in verb.children):
        return False
    if verb.dep_ == "acl":
        # "Root cause found within the hour": a sentence with no finite verb, the noun heading it.
        head = verb.head
        return head.dep_ == "ROOT" and head.i + 1 == verb.i and _bare_thing(head) and not any(
            t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in verb.sent)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return verb.dep_ == "ROOT" and len(subjects) == 1 and _bare_thing(subjects[0])


def _bare_thing(noun) -> bool:
    # A capital inside the sentence, or inside the word ("eBay"), names someone: an agent.
    named = noun.tag_ == "NNP" and (noun.i > noun.sent.start or any(ch.isupper() for ch in noun.text[1:]))
    return (noun.tag_ in ("NN", "NNS", "NNP") and not named and noun.lower_ not in _PEOPLE
            and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children))


def _not_an_act(verb) -> bool:
    """Passives that hide no one's act.

    The speaker or a named colleague as the patient of someone else's act ("I
    was asked to", "I got pulled into", "Priya was promoted"); a modal or goal
    passive, which narrates nothing ("it could be cached", "to be reviewed");
    and a participle graded like an adjective ("really limited", "fully
    automated"), which describes a state.
    """
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and (
        subject.lower_ in _SPEAKER or subject.ent_type_ == "PERSON" or any(c.lower_ in _SPEAKER for c in subject.conjuncts)
    ):
        return True
    if any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in verb.children):
        return True
    if _expectation(verb, subject):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in _DEGREE for c in verb.children)


def _expectation(verb, subject) -> bool:
    """'the second phase was planned to double traffic', 'the fix was expected to land Friday':
    what a thing was meant to do, an expectation rather than a narrated act. 'It was decided
    to ship' names no thing and hides the decision, so an empty 'it' subject does not count."""
    if verb.lemma_.lower() not in _EXPECTING or subject is None or subject.lower_ == "it":
        return False
    # Read the words, not the tree: the infinitive after "planned to" is often mis-parsed as a
    # preposition. "to" before a determiner, a number, a name or a pronoun is one ("planned to
    # the day", "scheduled to Friday"); before anything else it opens the infinitive.
    after = [t for t in verb.doc[verb.i + 1 : verb.i + 4] if t.pos_ != "ADV"]
    if len(after) < 2 or after[0].lower_ != "to":
        return False
    return after[1].tag_ not in _NOT_A_VERB_START


def _modal_or_present(aux) -> bool:
    """'would be indexed', 'to be reviewed' (nothing happened) and 'the list is sorted'
    (a present-tense description of how things are, not a narrated act)."""
    if aux.lemma_.lower() == "be" and aux.tag_ in ("VBZ", "VBP"):
        subject = next((c for c in aux.head.children if c.dep_ == "nsubjpass"), None)
        # "This is applied ...", "It is decided ...": a pronoun standing for an act, not a description.
        return subject is None or subject.lower_ not in ("this", "that", "it", "these", "those")
    before = [t for t in aux.doc[max(0, aux.i - 3) : aux.i] if t.pos_ not in ("ADV", "PART") or t.tag_ == "TO"]
    return bool(before) and before[-1].tag_ in ("MD", "TO")


_SPEAKER = {"i", "me", "we", "us"}
_PEOPLE = {"customer", "customers", "user", "users", "client", "clients", "manager", "team", "lead", "everyone"}
_DEGREE = {
    "very", "quite", "fully", "completely", "totally", "too", "so", "pretty", "extremely",
    "somewhat", "rather", "highly", "heavily", "largely", "mostly", "partly", "partially", "entirely",
    "slightly", "deeply", "hugely", "severely", "incredibly", "super", "fairly", "already",
}

_NOT_A_VERB_START = {"DT", "PDT", "PRP", "PRP$", "CD", "NNP", "NNPS", "WP", "$"}
_EXPECTING = {"expect", "plan", "schedule", "mean", "intend", "slate", "project", "forecast"}

_GET_STATES = {"lose", "stick", "distract", "carry", "hurt", "marry", "dress", "sick"}

_UNITS = {
    "second", "minute", "hour", "day", "week", "month", "quarter", "year", "percent", "%",
    "point", "ms", "millisecond", "release", "sprint",
}


# Points in time a 'by' phrase can name ("by Friday", "by the end of the sprint", "by then").
_TIME_POINTS = {
    "end", "start", "time", "then", "now", "noon", "midnight", "morning", "afternoon", "evening", "night",
    "lunchtime", "lunch", "today", "tonight", "tomorrow", "deadline", "eod", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "weekend", *MONTHS,
}


def _is_measure(by: "object") -> bool:
    """'missed by two weeks', 'cut by 40%', 'issued by 2:45pm', 'cleared by the end of the week':
    a 'by' phrase that measures or dates instead of naming an actor."""
    for obj in by.children:
        if obj.dep_ == "pobj":
            if obj.like_num or any(ch.isdigit() for ch in obj.text) or obj.lemma_.lower() in _UNITS | _TIME_POINTS:
                return True
            return any(c.dep_ == "nummod" or c.like_num for c in obj.children)
    return False


# Verbs that arrange things: their "by" names the key they are arranged by, not who did it.
_ARRANGING = frozenset({"split", "group", "sort", "order", "partition", "shard", "filter", "rank", "segment",
                        "divide", "key", "index", "bucket", "break"})


def _is_criterion(verb) -> bool:
    """'Prometheus was split by domain', 'the table is partitioned by date': the 'by' phrase is
    the key of the arrangement (a bare noun), and the actor stays hidden."""
    if verb.lemma_.lower() not in _ARRANGING:
        return False
    return any(obj.dep_ == "pobj" and obj.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in obj.children)
               for by in verb.children if by.dep_ == "agent" for obj in by.children)


def _is_context(verb, options: Options) -> bool:
    """'I was promoted', 'the team was formed': something done to the speaker or the org."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ in ("i", "we"):
        return True
    return verb.lemma_.lower() in {v.lower() for v in options.context_verbs}
