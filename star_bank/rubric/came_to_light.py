"""How the trouble came to light, and why it was read wrongly at first, read from the parse.

The signal specs (rubric/signals.py) hear the speaker noticing with a time or
in a named source. Real answers tell detection in more forms than that, and
the rubric counts them all as naming the signal:

- **came to light**: anyone realised, noticed or discovered something, told as
  past fact ("my lead looked at the list and realised half of it was not
  started", "I went back through my notes and noticed ..."); an instrument
  someone brought the trouble to the speaker ("a customer complained to us",
  "a student came to me because the data made no sense", "the on-call engineer
  messaged me saying the exports were empty", "support messaged me at 7:10"), the
  news arrived from somewhere ("she found out from the release notes"), or a thing looked wrong to someone
  ("the curve looked almost too clean", "the totals seemed off"), or the trouble
  turned up ("the problem showed up about a year in"): the symptom as it
  was seen; the people it reached said so ("players said their farm was gone"; not
  in the Situation, where a customer's report is the story's premise), or reports
  came in ("support had been getting a trickle of tickets"), the speaker was alerted
  ("I got paged at ten past one"), or someone else raised it ("the clerk flagged the
  forum thread");
- **answered an instrument**: the speaker acted when an alert or alarm went off
  ("I picked it up when it tripped the burn-rate alert", "when the disk alarm
  went off, we drained the node"): the instrument told, and someone heard it;
- **instrument told**: an alert, monitor or check did its job ("the alert fired
  on Friday"), or a figure moved on a dashboard or graph ("the success rate on the
  dashboard fell to 88%"). Alone it says the signal existed, not that anyone saw it: it
  names the signal only with a reason it was missed ("... but it went to an
  unwatched inbox"); otherwise the drill still asks who noticed;
- **misread signal** (why it was missed, for expert): read by
  rubric/why_missed.py (a misreading, a check skipped, a thing that seemed safe).

Only the narrative counts: a Lesson that says "I realised" is a lesson, not a
detection. The word lists are data (`went_wrong:` in star_bank/data/rubrics.yaml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import AnalysedStory, is_first_person_singular, subject_of
from star_bank.nlp.actors import is_person_or_group
from star_bank.rubric.signals import Mark, clock_time, list_items
from star_bank.rubric.why_missed import FIRST_PERSON, HYPOTHETICAL, PAST, SEEMING, is_fact, nobody, why_it_was_missed

if TYPE_CHECKING:
    from spacy.tokens import Token

    from star_bank.rubric.went_wrong import WentWrongWords

_NOT_EVENTS = frozenset({SectionKind.lesson, SectionKind.tie_in})
# Verbs of holding a belief (a decision made for a reason is no misreading).
_BRINGING = frozenset({"come", "complain", "report", "escalate", "flag", "write", "email", "call"})
# Verbs that pass news on: with the speaker as their object and what was said
# ("pinged me saying", "told me their runs were failing"), the trouble reached the speaker.
_PASSING_ON = frozenset({"tell", "ping", "message", "text", "send", "email", "warn", "write", "call", "mention"})
_SAYING = frozenset({"say", "ask", "tell", "complain", "report", "mention", "warn", "explain"})


def came_to_light_marks(story: AnalysedStory, words: "WentWrongWords") -> dict[str, list[Mark]]:
    """The narrative's `came_to_light`, `instrument_told` and `misread_signal` marks, in story order."""
    noticing = frozenset(w.lower() for w in words.noticing_verbs)
    belief = frozenset(w.lower() for w in words.belief_verbs)
    instruments = frozenset(w.lower() for w in words.instruments)
    odd = frozenset(w.lower() for w in words.odd_looks)
    trouble = frozenset(w.lower() for w in words.trouble_events)
    finding = frozenset(w.lower() for w in words.finding_verbs) | noticing
    checks = instruments | frozenset(w.lower() for w in words.sources)
    found: dict[str, list[Mark]] = {"came_to_light": [], "instrument_told": [], "misread_signal": []}
    for section in story.sections:
        if section.doc is None or section.kind in _NOT_EVENTS:
            continue
        for sentence in section.doc.sents:
            for tokens in list_items(list(sentence), section, story.story.text):
                text = section.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)].strip()
                tests = {
                    "came_to_light": lambda t: _noticed(t, noticing) or _brought_to_us(t) or _passed_on_to_me(t)
                    or _found_out_from(t) or _looked_wrong(t, odd) or _showed_a_reading(t) or _reports_came_in(t)
                    or _surfaced(t) or _showed_up(t, trouble) or _answered_an_instrument(t, instruments)
                    or _alerted(t) or _raised_by_someone(t) or _found_by(t, finding, checks)
                    # "A customer reported a bug" opening the story is its premise, not how it was seen.
                    or (section.kind is not SectionKind.situation and _those_hit_said(t)),
                    "instrument_told": lambda t: _instrument_told(t, instruments) or _moved_on_an_instrument(t, instruments),
                    "misread_signal": lambda t: why_it_was_missed(t, belief, noticing, instruments),
                }
                for name, test in tests.items():
                    hit = next((t for t in tokens if test(t)), None)
                    if hit is not None:
                        start, end = section.prose.source_range(hit.idx, hit.idx + len(hit.text))
                        found[name].append(Mark(name, start, end, section.kind, text))
    return found


def _noticed(token: "Token", noticing: frozenset[str]) -> bool:
    """'I realised I had swapped the labels', 'my lead noticed half of it was not started'."""
    if token.lemma_.lower() not in noticing or not (is_fact(token) or _could_perceive(token)):
        return False
    if nobody(subject_of(token)):
        return False  # "no one noticed, because ...": why it was missed, not how it came to light
    if any(c.dep_ in ("ccomp", "dobj") for c in token.children):
        return True
    # The parser sometimes hangs the clause on an earlier verb ("asked to see the list and
    # realised half of it was not started"): a clause that opens right after still counts.
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is not None and after.dep_ in ("nsubj", "nsubjpass", "mark")


# Reported or learned: news passed on, whoever passed it.
_NEWS = frozenset({"report", "learn"})


def _found_by(verb: "Token", finding: frozenset[str], checks: frozenset[str]) -> bool:
    """'They were caught by reconciliation the next morning', 'it was flagged by the nightly
    scan': a check that found the trouble, told in the passive with the check in its 'by'
    phrase. Found by people ('flagged by an auditor', 'reported by the contact centre'), it
    is news brought in."""
    if verb.lemma_.lower() not in finding - _NEWS or not any(c.dep_ == "auxpass" for c in verb.children) or not is_fact(verb):
        return False
    finders = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(_a_check(f, checks) for f in finders)


def _a_check(noun: "Token", checks: frozenset[str]) -> bool:
    """An instrument or source of the lexicon, or a process named as one ('reconciliation',
    'monitoring', 'the nightly comparison'), not a person or a group."""
    lemma = noun.lemma_.lower()
    return not is_person_or_group(noun) and (lemma in checks or lemma.endswith(_PROCESS_ENDINGS))


_PROCESS_ENDINGS = ("tion", "sion", "ing", "ment")


def _could_perceive(verb: "Token") -> bool:
    """'I could see it from the desk straight away': in a story told in the past, 'could' with a
    verb of seeing tells what was perceived, not what might have been ('could have seen')."""
    children = list(verb.children)
    return (verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "could" for c in children)
            and not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lemma_ == "have") for c in children)
            and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children))


def _instrument_told(token: "Token", instruments: frozenset[str]) -> bool:
    """'the alert fired', 'the nightly check flagged it': a subject that exists to tell."""
    subject = subject_of(token)
    return (subject is not None and subject.dep_ == "nsubj" and subject.lemma_.lower() in instruments
            and is_fact(token))


_MOVING = frozenset({"drop", "fall", "dip", "spike", "jump", "climb", "rise", "plunge", "plummet", "sink", "surge",
                     "double", "halve", "creep", "flatline", "stall"})
def _moved_on_an_instrument(token: "Token", instruments: frozenset[str]) -> bool:
    """'the success rate on our dashboard dropped from 97% to 88%', 'errors spiked on the graph':
    a figure moved where someone could watch it. Like an alert that fired, it says the signal
    was there, not that anyone saw it."""
    if token.lemma_.lower() not in _MOVING or not is_fact(token):
        return False
    subject = subject_of(token)
    if subject is None or subject.lower_ in FIRST_PERSON or is_first_person_singular(subject):
        return False
    around = [*subject.subtree, *(g for c in token.children if c.dep_ == "prep" for g in c.subtree)]
    return any(t.lemma_.lower() in instruments for t in around)


_READING = frozenset({"read", "show", "display", "register"})
def _showed_a_reading(token: "Token") -> bool:
    """'the walk-in was reading 52 degrees', 'the gauge showed 9 bar': a thing gave a reading,
    the symptom as it was seen."""
    if token.lemma_.lower() not in _READING or token.tag_ not in ("VBD", "VBG"):
        return False
    if any(c.dep_ == "prt" for c in token.children):
        return False  # "the engineer showed up at 11": an arrival
    if token.tag_ == "VBG" and not any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in token.children):
        return False
    subject = subject_of(token)
    if subject is None or subject.lower_ in FIRST_PERSON or is_first_person_singular(subject):
        return False
    return any(c.dep_ in ("dobj", "attr") and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
               for c in token.children)


# How a thing looked when it was misjudged as safe ("a YAML file felt harmless").
def _brought_to_us(token: "Token") -> bool:
    """'a customer complained to us', 'the student came to me because ...'."""
    if token.lemma_.lower() not in _BRINGING or not is_fact(token):
        return False
    subject = subject_of(token)
    if subject is None or subject.lower_ in FIRST_PERSON or is_first_person_singular(subject):
        return False
    if subject.lower_ in ("it", "this", "that", "which"):
        return False
    to_us = any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in FIRST_PERSON for g in c.children)
                for c in token.children) or (token.lemma_.lower() in ("email", "call", "write") and any(
                    c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in token.children))  # "a customer emailed us"
    return to_us or token.lemma_.lower() == "complain"


# The people a failure reaches first: what they say about it is the trouble coming to light.
_AFFECTED = frozenset({"user", "customer", "player", "client", "member", "patient", "student", "guest", "parent",
                       "caller", "buyer", "seller", "driver", "reader", "subscriber", "tenant", "resident", "passenger",
                       "visitor", "attendee", "viewer", "shopper", "fan"})
_TELLING = frozenset({"say", "report", "complain", "post", "write", "tweet", "mention", "ask"})
# What brings trouble in: a queue of these arriving is the signal.
_REPORTS = frozenset({"ticket", "complaint", "report", "email", "message", "call", "review", "escalation"})


def _those_hit_said(token: "Token") -> bool:
    """'a handful of players said their farm was gone', 'customers reported blank invoices':
    the people the failure reached said so."""
    if token.lemma_.lower() not in _TELLING or not is_fact(token):
        return False
    subject = subject_of(token)
    return subject is not None and subject.lemma_.lower() in _AFFECTED and any(
        c.dep_ in ("ccomp", "dobj") for c in token.children)


def _reports_came_in(token: "Token") -> bool:
    """'support had been getting a trickle of tickets', 'we received three complaints': the
    trouble arriving as reports."""
    if token.lemma_.lower() not in ("get", "receive") or token.pos_ != "VERB":
        return False
    past = token.tag_ in PAST or any(c.dep_ == "aux" and c.lower_ in ("had", "was", "were", "been") for c in token.children)
    if not past or any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL) for c in token.children):
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in _REPORTS for o in objects)


def _passed_on_to_me(token: "Token") -> bool:
    """'our support lead pinged me saying checkout was timing out', 'two people told me their
    runs were failing', 'a developer sent me a message saying ...': someone else passes news to
    the speaker (the speaker is the object) and what they said is told."""
    if token.lemma_.lower() not in _PASSING_ON or not is_fact(token):
        return False
    subject = subject_of(token)
    if subject is None or subject.lower_ in FIRST_PERSON or is_first_person_singular(subject):
        return False
    if subject.lower_ in ("it", "this", "that", "which", "what"):
        return False
    # "pinged me saying ...": the parser sometimes hangs "me" on the saying verb instead.
    near = [*token.children, *(g for c in token.children if c.lemma_.lower() in _SAYING for g in c.children)]
    if not any(c.lower_ in ("me", "us") and c.i < token.i + 3 for c in near):
        return False
    said = [t for t in token.subtree if t.i != token.i]
    # "our support lead messaged me at 7:10": a message with its clock time is the moment it arrived.
    clocked = any(clock_time(t) for t in said)
    return clocked or any(t.dep_ == "ccomp" and t.head.i == token.i for t in said) or any(
        t.tag_ == "VBG" and t.lemma_.lower() in _SAYING for t in said)


def _surfaced(token: "Token") -> bool:
    """'it only came out when his daughter showed us the packet', 'the bug surfaced after a
    customer exported twice': the trouble emerging, with the occasion it emerged on."""
    lemma = token.lemma_.lower()
    emerged = lemma in ("surface", "emerge") or (lemma == "come" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in token.children))
    if not emerged or not is_fact(token):
        return False
    return any(c.dep_ == "advcl" and any(m.lower_ in ("when", "after", "because") and m.dep_ in ("mark", "advmod")
                                         for m in c.children) for c in token.children)


def _showed_up(token: "Token", trouble: frozenset[str]) -> bool:
    """'the problem showed up about a year in', 'the bug cropped up in partner tickets': a trouble
    noun turning up is the moment, or the place, it was seen."""
    if token.lemma_.lower() not in ("show", "crop", "turn") or not is_fact(token):
        return False
    if not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return False
    subject = subject_of(token)
    return subject is not None and subject.lemma_.lower() in trouble


# Acts that put trouble in front of someone: done to the speaker, they are how it came to light.
_ALERTING = _PASSING_ON | {"page", "alert", "notify", "wake", "flag"}
# Acts of raising trouble with others ("the QA lead flagged the thread").
_RAISING = frozenset({"flag", "escalate", "raise"})


def _alerted(token: "Token") -> bool:
    """'I got paged at ten past one', 'we were alerted by the on-call', 'I was woken by a call':
    the speaker on the receiving end of an alert, told as fact."""
    if token.lemma_.lower() not in _ALERTING or token.pos_ != "VERB" or not is_fact(token):
        return False
    return any(c.dep_ == "nsubjpass" and (c.lower_ in FIRST_PERSON or is_first_person_singular(c))
               for c in token.children)


def _raised_by_someone(token: "Token") -> bool:
    """'our community manager flagged a forum thread the next morning', 'support escalated the
    ticket': someone other than the speaker raising the trouble, with what they raised."""
    if token.lemma_.lower() not in _RAISING or token.pos_ != "VERB" or not is_fact(token):
        return False
    subject = subject_of(token)
    if subject is None or subject.dep_ != "nsubj" or subject.lower_ in FIRST_PERSON or is_first_person_singular(subject):
        return False
    if subject.lower_ in ("it", "this", "that", "which", "what", "nobody", "no"):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in token.children)


def _found_out_from(token: "Token") -> bool:
    """'she found out from a demo', 'I heard about it from a customer', 'we found out when a
    customer emailed support', 'found out because people kept asking': how the news arrived."""
    lemma = token.lemma_.lower()
    if lemma not in ("find", "hear") or not is_fact(token):
        return False
    if lemma == "find" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") and c.left_edge.lower_ == "how" for c in token.children):
        return False  # "found out how to fix it when I read the docs" learned a remedy
    return any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children) or any(
        c.dep_ == "advcl" and any(m.lower_ in ("when", "because", "after") and m.dep_ in ("mark", "advmod")
                                  for m in c.children)
        for c in token.children)


def _looked_wrong(token: "Token", odd: frozenset[str]) -> bool:
    """'the curve looked almost too clean', 'the totals seemed off': a thing (not the speaker)
    showed a symptom; 'it looked good' is none, and 'I felt too tired' is about the speaker."""
    if token.lemma_.lower() not in SEEMING or token.tag_ != "VBD":
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL) for c in token.children):
        return False
    subject = subject_of(token)
    if subject is None or subject.lower_ in FIRST_PERSON or is_first_person_singular(subject):
        return False
    for complement in (c for c in token.children if c.dep_ in ("acomp", "oprd", "advmod", "prt")):
        if complement.lower_ in odd or any(m.lower_ == "too" for m in complement.children):
            return True
    return False


_WHEN = frozenset({"when", "after", "once"})


def _answered_an_instrument(token: "Token", instruments: frozenset[str]) -> bool:
    """'I picked it up when it tripped the alert': a clause opened by "when" names an instrument
    going off (its subject not the speaker: "when I set up the alert" is work, not a signal),
    and the speaker's own verb, told as fact, is what it answers."""
    if token.lower_ not in _WHEN or token.dep_ not in ("advmod", "mark") or token.head.dep_ != "advcl":
        return False
    clause, answer = token.head, token.head.head
    subject, answerer = subject_of(clause), subject_of(answer)
    if subject is not None and subject.lower_ in FIRST_PERSON:
        return False
    if answerer is None or answerer.lower_ not in FIRST_PERSON or not (is_fact(answer) or is_fact(clause)):
        return False
    rest = [t for t in token.sent if t.i > token.i]
    return any(t.lemma_.lower() in instruments and t.pos_ in ("NOUN", "PROPN") for t in rest)
