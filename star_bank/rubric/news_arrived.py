"""How news of trouble reached the speaker: someone told, paged or complained, or reports came in.

One way trouble comes to light (rubric/came_to_light.py): the speaker did not
see it first, it was brought to them. Someone passed it on ("our support lead
pinged me saying checkout was timing out"), paged or alerted them or their team
("support pinged our channel", "I got paged at ten past one"), complained or
escalated ("a customer complained to us", "the QA lead flagged the thread"), came
to find them ("support came to see me: ..."), posted it where the team reads ("the
support lead posted in the ops channel that calls had tripled"), reports or alerts arrived ("support had been getting a
trickle of tickets", "21:44 - first support ticket: ...", "Alert from the audit
pipeline: ..."), or the trouble was reported, told in the passive ("the first
failed deploys were reported in the platform channel").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.nlp.analysis import is_first_person_singular, subject_of
from star_bank.rubric.signals import clock_time
from star_bank.rubric.went_wrong import AFFECTED
from star_bank.rubric.why_missed import FIRST_PERSON, HYPOTHETICAL, PAST, is_fact, nobody

if TYPE_CHECKING:
    from spacy.tokens import Token


def news_arrived(token: "Token", trouble: frozenset[str]) -> bool:
    """Whether `token` heads a telling of trouble brought to the speaker or their team
    (not what the people it reached, or others who saw it, reported: see `reported_by_others`)."""
    return (_brought_to_us(token) or _passed_on_to_me(token) or _reports_came_in(token) or _alerted(token)
            or _raised_by_someone(token) or _trouble_reported(token, trouble) or _report_noted(token, trouble)
            or _alerted_us(token) or _posted_where_we_read(token))


# What someone comes to do when they bring the news in person ("came to see me", "came to find us").
_SEEKING = frozenset({"see", "find", "tell", "ask", "warn", "get"})
# Verbs of bringing trouble to someone ('a customer complained to us').
_BRINGING = frozenset({"come", "complain", "report", "escalate", "flag", "write", "email", "call"})
# Verbs that pass news on: with the speaker as their object and what was said
# ("pinged me saying", "told me their runs were failing"), the trouble reached the speaker.
_PASSING_ON = frozenset({"tell", "ping", "message", "text", "send", "email", "warn", "write", "call", "mention"})
_SAYING = frozenset({"say", "ask", "tell", "complain", "report", "mention", "warn", "explain"})
# What the people a failure reached do when they say so ("players said their farm was gone").
_TELLING = frozenset({"say", "report", "complain", "post", "write", "tweet", "mention", "ask"})
# What brings trouble in: a queue of these arriving is the signal.
_REPORTS = frozenset({"ticket", "complaint", "report", "email", "message", "call", "review", "escalation"})
# What an instrument sends: a note that opens with one ("Alert from the audit pipeline: ...").
_NOTICES = frozenset({"alert", "alarm", "page", "notification", "warning"})
# Acts that put trouble in front of someone: done to the speaker, they are how it came to light.
_ALERTING = _PASSING_ON | {"page", "alert", "notify", "wake", "flag"}
# Acts of raising trouble with others ("the QA lead flagged the thread").
_RAISING = frozenset({"flag", "escalate", "raise"})
# Acts that are an alert in themselves: no message need be quoted.
_PAGING = frozenset({"ping", "page", "alert", "notify", "wake"})
# Subjects that name no one who could bring news ("it", "what"; "nobody" is `nobody`'s).
_NO_SENDER = frozenset({"it", "this", "that", "which", "what"})


# What trouble looks like when it is named by its symptom: "failed deploys", "broken links".
_FAILED = frozenset({"fail", "break", "crash", "miss", "corrupt", "lose", "stick", "wrong", "duplicate", "bad"})


def _someone_else(subject: "Token | None") -> bool:
    """A person or group other than the speaker: not 'I' or 'we', not a thing, not 'nobody'."""
    return not (subject is None or subject.lower_ in FIRST_PERSON or is_first_person_singular(subject)
                or subject.lower_ in _NO_SENDER or nobody(subject))


def _trouble_reported(verb: "Token", trouble: frozenset[str]) -> bool:
    """'the first failed deploys were reported in the platform channel', 'the bug was flagged at
    standup': trouble reported, told in the passive: the moment it reached the team."""
    if verb.lemma_.lower() not in _RAISING | {"report", "notice", "spot"} or not is_fact(verb):
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    subject = subject_of(verb)
    return subject is not None and subject.dep_ == "nsubjpass" and _names_trouble(subject, trouble)


def _names_trouble(noun: "Token", trouble: frozenset[str]) -> bool:
    return noun.lemma_.lower() in trouble or any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in _FAILED for c in noun.children)


def _report_noted(token: "Token", trouble: frozenset[str]) -> bool:
    """'21:44 - First support ticket: a customer can't get past the address step', 'Two more
    tickets, both from Canada.', 'Alert from the audit pipeline: ...': a note that opens with
    the report or alert that arrived, verbless."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    # The parser may take the note's head for the subject of what follows its colon (and hang
    # the colon on it).
    edge = token.right_edge
    colon = next((c for c in token.children if c.text == ":"), None) or (
        token.doc[edge.i + 1] if edge.i + 1 < len(token.doc) else None)
    if token.dep_ not in ("ROOT", "dep") and (colon is None or colon.text != ":"):
        return False
    if token.lemma_.lower() not in _REPORTS | _NOTICES | trouble:
        return False
    if token.lemma_.lower() in trouble and not any(c.dep_ in ("amod", "nummod") for c in token.children):
        return False  # "Bug:" or "The problem:" heads a note; it does not say the trouble arrived
    if token.lemma_.lower() in _NOTICES and not any(
            c.dep_ in ("amod", "nummod", "compound") or (c.dep_ == "prep" and c.lower_ == "from") for c in token.children):
        return False  # "Warning: long post" heads a note; "Alert from the audit job:" is one that arrived
    sentence = token.sent
    # Only a time stamp or a dash before it, and nothing but punctuation right after it.
    before = [t for t in sentence if t.i < token.left_edge.i]
    after = colon if colon is not None and colon.i < sentence.end else None
    return (all(t.like_num or t.is_punct or clock_time(t) for t in before)
            and (after is None or after.text in (":", ",", ".", ";", "-")))


def _brought_to_us(token: "Token") -> bool:
    """'a customer complained to us', 'the student came to me because ...'."""
    if token.lemma_.lower() not in _BRINGING or not is_fact(token):
        return False
    if not _someone_else(subject_of(token)):
        return False
    to_us = any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in FIRST_PERSON for g in c.children)
                for c in token.children) or (token.lemma_.lower() in ("email", "call", "write") and any(
                    c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in token.children))  # "a customer emailed us"
    # "Sandrine from support came to see me: ...": coming to find the speaker brings the news.
    to_us = to_us or (token.lemma_.lower() == "come" and any(
        c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _SEEKING and any(
            g.dep_ == "dobj" and g.lower_ in ("me", "us") for g in c.children) for c in token.children))
    return to_us or token.lemma_.lower() == "complain"




def reported_by_others(token: "Token") -> bool:
    """'a handful of players said their farm was gone', 'customers reported blank invoices',
    'the deck crew started reporting frozen gates': the people the failure reached said so, or
    others who report or complain of what they saw."""
    # "started reporting": the telling is as much a fact as the verb it hangs on.
    begun = token.dep_ == "xcomp" and token.tag_ == "VBG" and is_fact(token.head)
    if token.lemma_.lower() not in _TELLING or not (is_fact(token) or begun):
        return False
    if any(a.lower_ == "than" for a in token.ancestors):
        return False  # "higher than what the provider reported": a figure compared with, no news
    subject = subject_of(token)
    if subject is None or not any(c.dep_ in ("ccomp", "dobj") for c in token.children):
        return False
    # "field techs started reporting docks that went offline": anyone else who reports or
    # complains of something brings it, whoever they are.
    return subject.lemma_.lower() in AFFECTED or (token.lemma_.lower() in ("report", "complain")
                                                  and _someone_else(subject) and subject.pos_ in ("NOUN", "PROPN"))


# Verbs of a report arriving by itself: "the complaint reached me", "a ticket came in".
_ARRIVING = frozenset({"reach", "arrive", "land"})


def _reports_came_in(token: "Token") -> bool:
    """'support had been getting a trickle of tickets', 'we received three complaints', 'the
    complaint reached me on a Tuesday', 'a ticket came in': the trouble arriving as reports."""
    if token.pos_ == "VERB" and is_fact(token) and (token.lemma_.lower() in _ARRIVING or (
            token.lemma_.lower() == "come" and any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children))):
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _REPORTS for c in token.children)
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
    runs were failing', 'a developer sent me a message saying ...' (or 'a message that said ...'):
    someone else passes news to the speaker (the speaker is the object) and what they said is told."""
    if token.lemma_.lower() not in _PASSING_ON or not is_fact(token):
        return False
    if not _someone_else(subject_of(token)):
        return False
    # "pinged me saying ...": the parser sometimes hangs "me" on the saying verb instead.
    near = [*token.children, *(g for c in token.children if c.lemma_.lower() in _SAYING for g in c.children)]
    if not any(c.lower_ in ("me", "us") and c.i < token.i + 3 for c in near):
        return False
    said = [t for t in token.subtree if t.i != token.i]
    # "our support lead messaged me at 7:10": a message with its clock time is the moment it arrived.
    clocked = any(clock_time(t) for t in said)
    # "sent me a message that said ...": what the message said is told in a clause on it.
    quoted = any(t.dep_ == "relcl" and t.lemma_.lower() in _SAYING and t.head.dep_ == "dobj"
                 and t.head.head.i == token.i for t in said)
    return clocked or quoted or any(t.dep_ == "ccomp" and t.head.i == token.i for t in said) or any(
        t.tag_ == "VBG" and t.lemma_.lower() in _SAYING for t in said)


def _alerted(token: "Token") -> bool:
    """'I got paged at ten past one', 'we were alerted by the on-call', 'I was woken by a call':
    the speaker on the receiving end of an alert, told as fact."""
    if token.lemma_.lower() not in _ALERTING or token.pos_ != "VERB" or not is_fact(token):
        return False
    return any(c.dep_ == "nsubjpass" and (c.lower_ in FIRST_PERSON or is_first_person_singular(c))
               for c in token.children)




def _alerted_us(token: "Token") -> bool:
    """'support pinged our channel', 'the on-call paged me', 'a customer alerted my team': someone
    else put the trouble in front of the speaker or their team."""
    if token.lemma_.lower() not in _PAGING or token.pos_ != "VERB" or not is_fact(token):
        return False
    subject = subject_of(token)
    if not _someone_else(subject) or subject.dep_ != "nsubj":
        return False
    return any(c.dep_ == "dobj" and (c.lower_ in ("me", "us") or any(
        p.dep_ == "poss" and p.lower_ in ("my", "our") for p in c.children)) for c in token.children)


def _raised_by_someone(token: "Token") -> bool:
    """'our community manager flagged a forum thread the next morning', 'support escalated the
    ticket': someone other than the speaker raising the trouble, with what they raised."""
    if token.lemma_.lower() not in _RAISING or token.pos_ != "VERB" or not is_fact(token):
        return False
    subject = subject_of(token)
    if not _someone_else(subject) or subject.dep_ != "nsubj":
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in token.children)


# Where a team reads what others post: news posted there has reached the team.
_SHARED_PLACES = frozenset({"channel", "thread", "chat", "slack", "forum", "group", "room", "standup", "bridge"})
_POSTING = frozenset({"post", "write", "say", "report", "mention", "drop", "share", "flag"})


def _posted_where_we_read(token: "Token") -> bool:
    """'the support lead posted in the ops channel that calls were at three times normal', 'Priya
    wrote in the team thread that the export was empty': someone else put the news where the
    team reads, with what they said."""
    if token.lemma_.lower() not in _POSTING or token.pos_ != "VERB" or not is_fact(token):
        return False
    subject = subject_of(token)
    if subject is None and token.dep_ in ("xcomp", "acl") and token.head.dep_ == "nsubj":
        subject = token.head  # "07:52 the support lead posted ...": a leading clock time upsets the parse
    if not _someone_else(subject):
        return False
    places = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "into", "to")
              for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in _SHARED_PLACES]
    # What was said: a clause on the verb, or one the parser hung on the place ("channel that ...").
    said = any(c.dep_ in ("ccomp", "dobj") for c in token.children) or any(
        c.dep_ in ("relcl", "acl") for p in places for c in p.children)
    return bool(places) and said

