"""Something went wrong, read from the parse: a harm event, or a flaw of the speaker's pointed out.

The framing patterns (retrieve/framing.py) catch the common wordings without a
parser. The parse catches the ones no fixed word sequence covers:

- **harm**: a measure of trouble that rose ("the error rate jumped", "latency
  spiked", "complaints doubled"), a measure of health that fell ("sign-ups
  dropped"), or a thing that broke, crashed or was lost ("each restart dropped
  in-flight requests", "the service kept getting killed"), told as something
  that happened, not negated, not denied ("nothing broke"), not hypothetical,
  not a purpose ("to avoid breaking it");
- **flaw pointed out**: someone else tells, asks or warns the speaker ("my lead
  told me", "she pointed out that my...") and the same sentence carries a
  verdict against what the speaker did ("not acceptable", "wrong", "too long");
- **flaw found**: someone (the speaker too) realises, finds or flags that a thing
  is wrong or does not do its job ("I realised the stock counts were stale and
  wrong", "the auditors flagged that exports were not encrypted"): the verdict
  or the negation sits in the clause that says what was found;
- **own act done wrong**: the speaker did something in a wrong manner ("what I
  did wrong", "I had stacked them wrongly", "one I'd labelled wrong"): the
  manner word modifies the speaker's own verb ("proved them wrong" judges
  someone else, and is no manner);
- **duty left undone**: the speaker (or their team) did not do a check they
  owed, told as past fact ("I never opened the deal notes", "I took the ticket
  as the spec and didn't ask sales"): the subject is found through the
  coordination, so the negated verb need not follow "I";
- **trouble that happened**: a trouble noun told as an event, the object of a
  verb of having or causing ("we had two outages", "I caused an incident") or
  the subject of a verb of occurring ("the failures started"), not counted
  away ("no incidents", "zero complaints");
- **kept from it**: the people a service is for could not use it ("customers
  couldn't get past the address step"), told as what happened, not as what a
  guard prevents ("so that customers can't order for a closed day");
- **not in time**: something owed by a time was not done by then ("the
  dashboards weren't refreshed on time", "the build wasn't ready in time").

Trouble in the scene-setting alone is the reason for the work, not the story;
a flaw pointed out or found is the story even when told in the Situation
(feedback on the speaker, a gap someone flagged).

The word lists are data (`went_wrong:` in star_bank/data/rubrics.yaml). Only
narrative sections count: a lesson that says "a latency spike" is no event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import AnalysedStory, is_first_person_singular, subject_of
from star_bank.rubric.signals import Mark, list_items

if TYPE_CHECKING:
    from spacy.tokens import Token

_NOT_EVENTS = frozenset({SectionKind.lesson, SectionKind.tie_in})
_SCENE = frozenset({SectionKind.situation, SectionKind.task})
_HYPOTHETICAL = frozenset({"should", "would", "could", "might", "may", "'d", "can", "will"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our"})
_PEOPLE_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "you", "someone", "everyone", "nobody", "everybody"})
_MODIFIERS = frozenset({"amod", "acomp", "compound", "attr", "oprd"})
_SPLIT = frozenset({"into", "down", "up", "out", "off", "apart"})
_CONDITIONS = frozenset({"if", "unless", "whether", "lest"})
WINDOW = 4  # tokens before a rise or fall verb searched for the measure it moves


class WentWrongWords(BaseModel):
    """The lexicon of the parse-based detector (see the module docstring)."""

    model_config = ConfigDict(extra="forbid")

    trouble_measures: list[str]  # nouns whose rise is bad news: error, latency, complaint
    health_measures: list[str]  # nouns whose fall is bad news: conversion, revenue, uptime
    rise_verbs: list[str]
    fall_verbs: list[str]
    breakdown_verbs: list[str]  # happened to a thing: crash, break, corrupt, lose, kill
    own_breakdown_verbs: list[str]  # harm even with the speaker as subject: "I broke the build"
    idiom_objects: list[str]  # "broke the deadlock", "lost track": no harm
    people: list[str]  # nouns for people: a person who stops or drops something chose to
    guards: list[str]  # a head word that makes the event a purpose or a prevention: avoid, prevent
    telling_verbs: list[str]  # tell, point, ask, warn, criticise
    verdicts: list[str]  # wrong, unacceptable, mistake, too, sloppy
    negated_praise: list[str]  # words that are a verdict when negated: "not acceptable", "not clear"
    sources: list[str]  # things that tell without being a person: report, data, dashboard
    finding_verbs: list[str]  # realise, notice, discover, flag: what follows is what was found
    trouble_events: list[str]  # nouns that are trouble when they happen: outage, incident, failure
    having_verbs: list[str]  # the trouble is their object: have, cause, hit
    occurring_verbs: list[str]  # the trouble is their subject: start, happen, occur
    noticing_verbs: list[str]  # realise, notice, discover: how it came to light (rubric/came_to_light.py)
    belief_verbs: list[str]  # think, conclude, assume: what it was taken for at the time
    instruments: list[str]  # subjects that exist to tell: alert, alarm, monitor, check
    wrong_manner: list[str] = []  # how an act of the speaker's went: wrong, wrongly, incorrectly
    duties: list[str] = []  # checks a speaker can owe and leave undone: check, test, read, ask
    odd_looks: list[str] = []  # how a symptom looked: off, odd, strange (rubric/came_to_light.py)


def went_wrong_marks(story: AnalysedStory, words: WentWrongWords) -> list[Mark]:
    """Sentences of the narrative that tell harm or a flaw pointed out, in story order.

    One harm sentence in the scene-setting alone ("three releases slipped while I was
    away") is the reason for the work, not the story: it is left out. A flaw
    pointed out or found stays: feedback on the speaker is the story wherever it is told.
    """
    marks = _event_marks(story, words)
    # A mistake owned says the story went wrong, not that the scene's trouble was the failure.
    told = [m for m in marks if m.signal != "mistake"]
    if len(told) == 1 and told[0].section in _SCENE and told[0].signal == "harm":
        return [m for m in marks if m is not told[0]]
    return marks


def _event_marks(story: AnalysedStory, words: WentWrongWords) -> list[Mark]:
    lexicon = _Lexicon(words)
    marks: list[Mark] = []
    for section in story.sections:
        if section.doc is None or section.kind in _NOT_EVENTS:
            continue
        for sentence in section.doc.sents:
            for tokens in list_items(list(sentence), section, story.story.text):
                if _prompt(tokens):
                    continue
                # A flaw pointed out or found tells how it came to light; a mistake owned ("what I did
                # wrong") tells only that it happened, as harm does.
                kinds = (
                    ("flaw", lambda t: _flaw_pointed_out(t, tokens, lexicon) or _flaw_found(t, lexicon)),
                    ("mistake", lambda t: _own_act_done_wrong(t, lexicon) or _duty_left_undone(t, lexicon)),
                    ("harm", lambda t: _harm(t, tokens, lexicon) or _trouble_happened(t, lexicon)
                     or _kept_from_it(t, lexicon) or _not_in_time(t, lexicon)),
                )
                for kind, test in kinds:
                    hit = next((t for t in tokens if test(t)), None)
                    if hit is not None:
                        start, end = section.prose.source_range(hit.idx, hit.idx + len(hit.text))
                        text = section.doc[tokens[0].i : tokens[-1].i + 1].text
                        marks.append(Mark(kind, start, end, section.kind, text.strip()))
                        break
    return marks


class _Lexicon:
    def __init__(self, words: WentWrongWords) -> None:
        lower = lambda items: frozenset(w.lower() for w in items)  # noqa: E731
        self.trouble = lower(words.trouble_measures)
        self.health = lower(words.health_measures)
        self.rise = lower(words.rise_verbs)
        self.fall = lower(words.fall_verbs)
        self.breakdown = lower(words.breakdown_verbs)
        self.own_breakdown = lower(words.own_breakdown_verbs)
        self.idiom_objects = lower(words.idiom_objects)
        self.people = lower(words.people)
        self.guards = lower(words.guards)
        self.telling = lower(words.telling_verbs)
        self.verdicts = lower(words.verdicts)
        self.negated_praise = lower(words.negated_praise)
        self.sources = lower(words.sources)
        self.finding = lower(words.finding_verbs)
        self.trouble_events = lower(words.trouble_events)
        self.having = lower(words.having_verbs)
        self.occurring = lower(words.occurring_verbs)
        self.wrong_manner = lower(words.wrong_manner)
        self.duties = lower(words.duties)


def _happened(verb: "Token", lexicon: _Lexicon, negated: bool = False, unable: bool = False) -> bool:
    """Told as a fact: not negated (unless `negated`, for what did not happen), not hypothetical,
    not under 'to avoid' or 'if', not a rule with its own condition ('a check that fails the
    build if the timeout is under a minute'). With `unable`, the verb's own "couldn't" is the
    fact told ('customers couldn't pay')."""
    if not (negated or unable) and _negated(verb):
        return False
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
           for c in verb.children):
        return False
    for clause in (verb, *verb.ancestors):
        if any((c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL and not (unable and clause is verb))
               or (c.dep_ == "mark" and c.lower_ in _CONDITIONS) for c in clause.children):
            return False
    return not any(a.lemma_.lower() in lexicon.guards for a in verb.ancestors)


def _harm(token: "Token", tokens: list["Token"], lexicon: _Lexicon) -> bool:
    if token.pos_ != "VERB" or token.dep_ in _MODIFIERS:
        return False  # "a failed run", "lost productivity", "felt lost" describe, they do not tell
    lemma = token.lemma_.lower()
    subject = subject_of(token)
    if lemma in lexicon.rise or lemma in lexicon.fall:
        measures = lexicon.trouble if lemma in lexicon.rise else lexicon.health
        # The subject names what moved; with none parsed, the words just before the verb.
        near = ([subject, *(c for c in subject.children if c.dep_ in ("compound", "amod"))] if subject is not None
                else [t for t in tokens if 0 < token.i - t.i <= WINDOW])
        return any(t.lemma_.lower() in measures for t in near) and _happened(token, lexicon)
    if lemma not in lexicon.breakdown or (token.tag_ == "VBG" and not _has_aux(token)):
        return False  # a gerund ("blocking ideas") names an act, it does not tell one
    if subject is not None and (subject.lower_ in _NOTHING or any(c.dep_ == "det" and c.lower_ == "no"
                                                                  for c in subject.children)):
        return False  # "nothing broke", "no data was lost": a denial, not harm
    if subject is not None and subject.lemma_.lower() in lexicon.trouble and lemma in _GOING_AWAY:
        return False  # "the errors disappeared", "the queue vanished": trouble going away is good news
    if subject is not None and subject.dep_ == "nsubj":
        if _person(subject, lexicon) and not (lemma in lexicon.own_breakdown and subject.lower_ in _FIRST_PERSON):
            return False  # "I dropped the idea", "the architect stopped responding": choices, not harm
    if any(c.dep_ in ("prt", "prep") and c.lower_ in _SPLIT for c in token.children):
        return False  # "broke it into stages", "broke it down"
    if any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.idiom_objects for c in token.children):
        return False  # "broke the deadlock"
    return _happened(token, lexicon)


_NOTHING = frozenset({"nothing", "none", "nobody", "noone"})
# What trouble does when it goes away ("the backlog vanished"); "the queue stalled" is still trouble.
_GOING_AWAY = frozenset({"vanish", "disappear", "drop", "die", "wipe", "delete"})


# The people a failure reaches first: users of what the speaker runs.
AFFECTED = frozenset({"user", "customer", "player", "client", "member", "patient", "student", "guest", "parent",
                      "caller", "buyer", "seller", "driver", "reader", "subscriber", "tenant", "resident", "passenger",
                      "visitor", "attendee", "viewer", "shopper", "fan"})
_UNABLE = frozenset({"could", "can", "ca"})


def _kept_from_it(token: "Token", lexicon: _Lexicon) -> bool:
    """'customers couldn't check out', 'a user can't get past the address step': the people a
    service is for, unable to use it, told as what happened (not 'so that users can't ...')."""
    if token.pos_ != "VERB" or token.dep_ in _MODIFIERS or token.dep_ in ("advcl", "xcomp", "relcl", "acl"):
        return False
    children = list(token.children)
    if not (any(c.dep_ == "aux" and c.lower_ in _UNABLE for c in children) and any(c.dep_ == "neg" for c in children)):
        return False
    subject = subject_of(token)
    return subject is not None and subject.lemma_.lower() in AFFECTED and _happened(token, lexicon, unable=True)


_PAST_AUX = frozenset({"did", "had", "was", "were"})


def _not_in_time(token: "Token", lexicon: _Lexicon) -> bool:
    """'the dashboards weren't refreshed on time', 'I didn't deliver it on time', 'the build
    wasn't ready in time': something owed by a time, told as not done by then."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in _MODIFIERS or not _negated(token):
        return False
    if not (token.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_AUX
                                                  for c in token.children)):
        return False  # "if it isn't done on time": a rule, not what happened
    scope = [token, *(c for c in token.children if c.dep_ == "acomp")]  # "wasn't ready in time"
    by_then = any(p.dep_ == "prep" and p.lower_ in ("on", "in") and any(g.dep_ == "pobj" and g.lower_ == "time"
                                                                        for g in p.children)
                  for head in scope for p in head.children)
    return by_then and _happened(token, lexicon, negated=True)


def _has_aux(verb: "Token") -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _person(token: "Token", lexicon: _Lexicon) -> bool:
    if token.lower_ in _PEOPLE_PRONOUNS or token.ent_type_ == "PERSON":
        return True
    return token.lemma_.lower() in lexicon.people


def _prompt(tokens: list["Token"]) -> bool:
    """The interview question written above the answer ("Q: tell me about a mistake?")."""
    return tokens[0].text.lower() in ("q", "question") or tokens[-1].text == "?"


def _flaw_pointed_out(token: "Token", tokens: list["Token"], lexicon: _Lexicon) -> bool:
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.telling:
        return False
    sender = _sending_verb(token) if subject_of(token) is None else None
    subject = subject_of(sender if sender is not None else token)
    if subject is None or subject.lower_ in _FIRST_PERSON or is_first_person_singular(subject):
        return False
    if subject.lemma_.lower() in lexicon.sources or subject.lower_ in ("it", "this", "that", "which"):
        return False  # "the report said", "the data showed": a signal, not a person's verdict
    to_me = sender is not None and any(c.dep_ in ("dobj", "dative") and c.lower_ in ("me", "us")
                                       for c in sender.children)
    if not to_me and not any(t.lower_ in _FIRST_PERSON for t in token.subtree if t.i != token.i):
        return False
    # The verdict is what was said, after the verb: "after a bad week, she asked me" is none.
    return any(_verdict(t, lexicon) for t in token.subtree if t.i > token.i) and _happened(token, lexicon)


def _sending_verb(saying: "Token") -> "Token | None":
    """The verb of the message that says it: 'a tester sent me a note after the demo saying ...'."""
    if saying.tag_ != "VBG" or saying.dep_ not in ("acl", "advcl"):
        return None
    return next((a for a in saying.ancestors if a.pos_ == "VERB"), None)


def _verdict(token: "Token", lexicon: _Lexicon) -> bool:
    lemma = token.lemma_.lower()
    if lemma in lexicon.verdicts:
        return True
    negated = any(c.dep_ == "neg" for c in (*token.children, *token.head.children))
    return lemma in lexicon.negated_praise and negated


_PAST_TAGS = frozenset({"VBD", "VBN"})
_NONE = frozenset({"no", "zero", "fewer", "less", "any", "without", "never"})


def _trouble_happened(token: "Token", lexicon: _Lexicon) -> bool:
    """'we had three outages', 'the failures started': a trouble noun told as an event."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon.trouble_events:
        return False
    if any(c.lower_ in _NONE for c in token.children):
        return False  # "no incidents", "zero complaints": counted away
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBD", "VBN"):
        return False  # told as past fact, not a plan or a habit ("we have few bugs")
    if token.dep_ == "dobj":
        told = verb.lemma_.lower() in lexicon.having
    elif token.dep_ == "nsubj":
        told = verb.lemma_.lower() in lexicon.occurring
    else:
        told = False
    return told and _happened(verb, lexicon)


def _flaw_found(token: "Token", lexicon: _Lexicon) -> bool:
    """'I realised the counts were wrong', 'legal flagged that deletion was not deleting'."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.finding or not _happened(token, lexicon):
        return False
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _HYPOTHETICAL for c in clause.children):
            continue
        judged = any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in lexicon.verdicts and c.lower_ != "too"
                     for c in clause.children)
        subject = subject_of(clause)
        negated = any(c.dep_ == "neg" for c in clause.children) and clause.pos_ == "VERB"
        if judged or (negated and subject is not None and not _person(subject, lexicon)):
            return True
    return False


def _own_act_done_wrong(token: "Token", lexicon: _Lexicon) -> bool:
    """'what I did wrong', 'I had stacked them wrongly': the speaker's own act, done in a wrong manner."""
    if token.pos_ not in ("VERB", "AUX") or token.tag_ not in _PAST_TAGS:
        return False
    subject = subject_of(token)
    if subject is None or subject.dep_ != "nsubj" or not is_first_person_singular(subject):
        return False
    # The parser may hang the manner word on the verb's preposition ("filed them wrongly under melons").
    near = [*token.children, *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
    wrong = any(c.dep_ in ("advmod", "oprd") and c.lower_ in lexicon.wrong_manner for c in near)
    return wrong and _happened(token, lexicon)


def _negated(verb: "Token") -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)


def _duty_left_undone(token: "Token", lexicon: _Lexicon) -> bool:
    """'I never opened the deal notes', 'I took the ticket as the spec and didn't ask sales'."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.duties or not _negated(token):
        return False
    past = token.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in token.children)
    subject = subject_of(token)
    if not past or subject is None or subject.dep_ != "nsubj":
        return False
    if any(c.dep_ == "xcomp" for c in token.children):
        return False  # "I didn't ask them to change anything" is a request not made, not a question left unasked
    if not (is_first_person_singular(subject) or subject.lower_ == "we"):
        return False
    return _happened(token, lexicon, negated=True)
