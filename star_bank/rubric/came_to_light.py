"""How the trouble came to light, and why it was read wrongly at first, read from the parse.

The signal specs (rubric/signals.py) hear the speaker noticing with a time or
in a named source. Real answers tell detection in more forms than that, and
the rubric counts them all as naming the signal:

- **came to light**: anyone realised, noticed or discovered something, told as
  past fact ("my lead looked at the list and realised half of it was not
  started", "I went back through my notes and noticed ..."); an instrument
  someone brought the trouble to the speaker ("a customer complained to us",
  "a student came to me because the data made no sense", "the on-call engineer
  messaged me saying the exports were empty"), the news arrived from somewhere
  ("she found out from the release notes"), or a thing looked wrong to someone
  ("the curve looked almost too clean", "the totals seemed off"): the symptom as it
  was seen;
- **instrument told**: an alert, monitor or check did its job ("the alert fired
  on Friday"), or a figure moved on a dashboard or graph ("the success rate on the
  dashboard fell to 88%"). Alone it says the signal existed, not that anyone saw it: it
  names the signal only with a reason it was missed ("... but it went to an
  unwatched inbox"); otherwise the drill still asks who noticed;
- **misread signal** (why it was missed, for expert): someone concluded or
  thought it was something else, which also says a symptom was there to misread ("we concluded it was the network"), thought
  it could be handled quietly ("I thought I could catch up and nobody needed to
  know"), a signal missed or ignored for a stated reason ("the alert was missed
  because it went to an unwatched channel"), the speaker being slow to see it, or
  the speaker (or their team) saying why they did not see it at the time ("we
  didn't know about it at first, because every probe ran inside one region").

Only the narrative counts: a Lesson that says "I realised" is a lesson, not a
detection. The word lists are data (`went_wrong:` in star_bank/data/rubrics.yaml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import AnalysedStory, is_first_person_singular, subject_of
from star_bank.rubric.signals import Mark, list_items

if TYPE_CHECKING:
    from spacy.tokens import Token

    from star_bank.rubric.went_wrong import WentWrongWords

_NOT_EVENTS = frozenset({SectionKind.lesson, SectionKind.tie_in})
_PAST = frozenset({"VBD", "VBN"})
_HYPOTHETICAL = frozenset({"should", "would", "could", "might", "may", "'d", "can", "will"})
_FIRST_PERSON = frozenset({"i", "me", "we", "us"})
_REASONS = frozenset({"because", "since", "as"})
# Verbs of holding a belief (a decision made for a reason is no misreading).
_HOLDING = frozenset({"think", "assume", "believe", "suppose", "figure", "expect"})
_BRINGING = frozenset({"come", "complain", "report", "escalate", "flag", "write", "email", "call"})
# Verbs that pass news on: with the speaker as their object and what was said
# ("pinged me saying", "told me their runs were failing"), the trouble reached the speaker.
_PASSING_ON = frozenset({"tell", "ping", "message", "text", "send", "email", "warn", "write", "call", "mention"})
_WH = frozenset({"how", "where", "who", "whom", "what", "which", "whether", "when", "why"})
_SAYING = frozenset({"say", "ask", "tell", "complain", "report", "mention", "warn", "explain"})


def came_to_light_marks(story: AnalysedStory, words: "WentWrongWords") -> dict[str, list[Mark]]:
    """The narrative's `came_to_light`, `instrument_told` and `misread_signal` marks, in story order."""
    noticing = frozenset(w.lower() for w in words.noticing_verbs)
    belief = frozenset(w.lower() for w in words.belief_verbs)
    instruments = frozenset(w.lower() for w in words.instruments)
    odd = frozenset(w.lower() for w in words.odd_looks)
    found: dict[str, list[Mark]] = {"came_to_light": [], "instrument_told": [], "misread_signal": []}
    for section in story.sections:
        if section.doc is None or section.kind in _NOT_EVENTS:
            continue
        for sentence in section.doc.sents:
            for tokens in list_items(list(sentence), section, story.story.text):
                text = section.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)].strip()
                tests = {
                    "came_to_light": lambda t: _noticed(t, noticing) or _brought_to_us(t) or _passed_on_to_me(t)
                    or _found_out_from(t) or _looked_wrong(t, odd) or _showed_a_reading(t),
                    "instrument_told": lambda t: _instrument_told(t, instruments) or _moved_on_an_instrument(t, instruments),
                    "misread_signal": lambda t: _misread(t, belief) or _missed_for_a_reason(t) or _slow_to_see(t, noticing)
                    or _did_not_see(t, noticing) or _first_guess(t) or _nobody_knew(t, noticing)
                    or _left_unchecked(t),
                }
                for name, test in tests.items():
                    hit = next((t for t in tokens if test(t)), None)
                    if hit is not None:
                        start, end = section.prose.source_range(hit.idx, hit.idx + len(hit.text))
                        found[name].append(Mark(name, start, end, section.kind, text))
    return found


def _fact(verb: "Token") -> bool:
    """Past, not negated, not hypothetical, not under a condition."""
    if verb.pos_ != "VERB" or verb.tag_ not in _PAST:
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL) for c in verb.children):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _noticed(token: "Token", noticing: frozenset[str]) -> bool:
    """'I realised I had swapped the labels', 'my lead noticed half of it was not started'."""
    if token.lemma_.lower() not in noticing or not (_fact(token) or _could_perceive(token)):
        return False
    if _nobody(subject_of(token)):
        return False  # "no one noticed, because ...": why it was missed, not how it came to light
    if any(c.dep_ in ("ccomp", "dobj") for c in token.children):
        return True
    # The parser sometimes hangs the clause on an earlier verb ("asked to see the list and
    # realised half of it was not started"): a clause that opens right after still counts.
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is not None and after.dep_ in ("nsubj", "nsubjpass", "mark")


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
            and _fact(token))


_MOVING = frozenset({"drop", "fall", "dip", "spike", "jump", "climb", "rise", "plunge", "plummet", "sink", "surge",
                     "double", "halve", "creep", "flatline", "stall"})
_GUESSES = frozenset({"guess", "assumption", "theory", "hunch", "suspicion", "thought", "diagnosis", "read"})


def _moved_on_an_instrument(token: "Token", instruments: frozenset[str]) -> bool:
    """'the success rate on our dashboard dropped from 97% to 88%', 'errors spiked on the graph':
    a figure moved where someone could watch it. Like an alert that fired, it says the signal
    was there, not that anyone saw it."""
    if token.lemma_.lower() not in _MOVING or not _fact(token):
        return False
    subject = subject_of(token)
    if subject is None or subject.lower_ in _FIRST_PERSON or is_first_person_singular(subject):
        return False
    around = [*subject.subtree, *(g for c in token.children if c.dep_ == "prep" for g in c.subtree)]
    return any(t.lemma_.lower() in instruments for t in around)


_READING = frozenset({"read", "show", "display", "register"})
_NOBODY = frozenset({"nobody", "noone", "none"})


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
    if subject is None or subject.lower_ in _FIRST_PERSON or is_first_person_singular(subject):
        return False
    return any(c.dep_ in ("dobj", "attr") and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
               for c in token.children)


def _nobody_knew(token: "Token", noticing: frozenset[str]) -> bool:
    """'nobody knew when, because the log was only filled in at close': why no one saw it sooner."""
    if token.lemma_.lower() not in (noticing | {"know"}) or token.tag_ not in _PAST:
        return False
    if not _nobody(subject_of(token)):
        return False
    return any(c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in _REASONS for m in c.children)
               for c in token.children)


_PEOPLE = frozenset({"he", "she", "they", "you", "everyone", "everybody", "people"})
_CHECKING = frozenset({"check", "test", "verify", "validate", "look", "measure", "consider", "confirm", "count"})


def _left_unchecked(token: "Token") -> bool:
    """'what I hadn't checked was that ...', 'I didn't test it against real traffic': the check
    the speaker skipped, which is why the sign went unseen."""
    if token.lemma_.lower() not in _CHECKING or token.pos_ != "VERB" or token.dep_ == "relcl":
        return False  # "the pipeline, which I hadn't looked at": a description, not the miss
    children = list(token.children)
    if not any(c.dep_ == "neg" for c in children) or any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL
                                                         for c in children):
        return False
    if not (token.tag_ in _PAST or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in children)):
        return False
    subject = subject_of(token)
    return subject is not None and (is_first_person_singular(subject) or subject.lower_ == "we")


def _nobody(subject: "Token | None") -> bool:
    """'nobody', 'no one', 'none of us'."""
    return subject is not None and (subject.lower_ in _NOBODY or (
        subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children)))


def _first_guess(token: "Token") -> bool:
    """'the first guess in the channel was a bad build', 'my assumption was that the cache was
    stale': a reading of the symptom, told as what it was taken for."""
    if token.lemma_.lower() != "be" or token.tag_ != "VBD":
        return False
    subject = subject_of(token)
    return (subject is not None and subject.lemma_.lower() in _GUESSES
            and any(c.dep_ in ("attr", "ccomp") for c in token.children))


def _brought_to_us(token: "Token") -> bool:
    """'a customer complained to us', 'the student came to me because ...'."""
    if token.lemma_.lower() not in _BRINGING or not _fact(token):
        return False
    subject = subject_of(token)
    if subject is None or subject.lower_ in _FIRST_PERSON or is_first_person_singular(subject):
        return False
    if subject.lower_ in ("it", "this", "that", "which"):
        return False
    to_us = any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in _FIRST_PERSON for g in c.children)
                for c in token.children) or (token.lemma_.lower() in ("email", "call", "write") and any(
                    c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in token.children))  # "a customer emailed us"
    return to_us or token.lemma_.lower() == "complain"


def _misread(token: "Token", belief: frozenset[str]) -> bool:
    """'we concluded it was the network', 'I thought I could catch up and nobody needed to know'.

    The belief must take the trouble for something else ("it was X") or trust the speaker
    to handle it alone ("I could ..."); an opinion of someone's feedback is no misreading.
    """
    if token.lemma_.lower() not in belief or not _fact(token):
        return False
    if any(c.dep_ == "prt" for c in token.children):
        return False  # "she figured out it was my commit" found it; it is no belief
    if token.lemma_.lower() in _HOLDING and _with_a_reason(token):
        return True  # "I assumed it had been renumbered, because we'd talked about it": why no one checked
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        subject = subject_of(clause)
        if subject is None:
            continue
        if subject.lower_ in ("it", "this", "that") and any(c.dep_ == "attr" for c in clause.children):
            return True
        # "I thought a quick handover at the desk was the efficient way": a judgment of the
        # thing that then went wrong.
        if clause.lemma_.lower() == "be" and any(c.dep_ in ("attr", "acomp") for c in clause.children) \
                and not (is_first_person_singular(subject) or subject.lower_ in _FIRST_PERSON
                         or subject.lower_ in _PEOPLE or subject.ent_type_ == "PERSON"):
            return True
        if is_first_person_singular(subject) and any(c.dep_ == "aux" and c.lower_ in ("could", "can")
                                                     for c in clause.children):
            return True
    return False


def _person(subject: "Token | None") -> bool:
    return subject is not None and (subject.lower_ in _PEOPLE or subject.ent_type_ == "PERSON"
                                    or is_first_person_singular(subject) or subject.lower_ in _FIRST_PERSON)


def _with_a_reason(belief: "Token") -> bool:
    """A belief about a thing held for a stated reason: 'because ...' on the belief or on what
    was believed ('I thought she was being harsh, because ...' judges a person, not the trouble)."""
    believed = [c for c in belief.children if c.dep_ == "ccomp"]
    if any(_person(subject_of(c)) for c in believed):
        return False
    clauses = [belief, *believed]
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("because", "since") for m in c.children)
               for clause in clauses for c in clause.children)


def _missed_for_a_reason(token: "Token") -> bool:
    """'the alert was missed because it went to a channel nobody watched'."""
    if token.lemma_.lower() not in ("miss", "ignore", "overlook", "dismiss") or token.pos_ != "VERB":
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _REASONS for m in c.children)
               for c in token.children)


def _slow_to_see(token: "Token", noticing: frozenset[str]) -> bool:
    """'it made me slow to see it was a problem', 'we were late to notice'."""
    if token.lemma_.lower() not in noticing or token.dep_ != "xcomp":
        return False
    return token.head.lemma_.lower() in ("slow", "late", "reluctant")


def _passed_on_to_me(token: "Token") -> bool:
    """'our support lead pinged me saying checkout was timing out', 'two people told me their
    runs were failing', 'a developer sent me a message saying ...': someone else passes news to
    the speaker (the speaker is the object) and what they said is told."""
    if token.lemma_.lower() not in _PASSING_ON or not _fact(token):
        return False
    subject = subject_of(token)
    if subject is None or subject.lower_ in _FIRST_PERSON or is_first_person_singular(subject):
        return False
    if subject.lower_ in ("it", "this", "that", "which", "what"):
        return False
    # "pinged me saying ...": the parser sometimes hangs "me" on the saying verb instead.
    near = [*token.children, *(g for c in token.children if c.lemma_.lower() in _SAYING for g in c.children)]
    if not any(c.lower_ in ("me", "us") and c.i < token.i + 3 for c in near):
        return False
    said = [t for t in token.subtree if t.i != token.i]
    return any(t.dep_ == "ccomp" and t.head.i == token.i for t in said) or any(
        t.tag_ == "VBG" and t.lemma_.lower() in _SAYING for t in said)


def _found_out_from(token: "Token") -> bool:
    """'she found out from a demo', 'I heard about it from a customer', 'we found out when a
    customer emailed support', 'found out because people kept asking': how the news arrived."""
    lemma = token.lemma_.lower()
    if lemma not in ("find", "hear") or not _fact(token):
        return False
    if lemma == "find" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") and c.left_edge.lower_ == "how" for c in token.children):
        return False  # "found out how to fix it when I read the docs" learned a remedy
    return any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children) or any(
        c.dep_ == "advcl" and any(m.lower_ in ("when", "because", "after") and m.dep_ in ("mark", "advmod")
                                  for m in c.children)
        for c in token.children)


def _did_not_see(token: "Token", noticing: frozenset[str]) -> bool:
    """'we didn't know about it at first, because ...', 'I never noticed it, as the report went to
    an old address': the speaker or their team says why they did not see it (not 'how to' do something)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in (noticing | {"know"}):
        return False
    children = list(token.children)
    if not any(c.dep_ == "neg" for c in children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in children):
        return False  # "I would not have noticed": not what happened
    if not (token.tag_ in _PAST or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in children)):
        return False
    subject = subject_of(token)
    if subject is None or subject.dep_ != "nsubj" or not (is_first_person_singular(subject) or subject.lower_ == "we"):
        return False
    if any(t.lower_ in _WH for t in token.doc[token.i + 1 : token.i + 3]):
        return False  # "I didn't know how to ...", "we didn't know who owned it": a gap, not a missed sign
    # Not seeing it is no explanation ("I did not realise the data was lost", "I didn't notice
    # until she told me"): the reason why it went unseen is.
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _REASONS for m in c.children)
               for c in children)


_APPEARING = frozenset({"look", "seem", "appear", "sound"})


def _looked_wrong(token: "Token", odd: frozenset[str]) -> bool:
    """'the curve looked almost too clean', 'the totals seemed off': a thing (not the speaker)
    showed a symptom; 'it looked good' is none, and 'I felt too tired' is about the speaker."""
    if token.lemma_.lower() not in _APPEARING or token.tag_ != "VBD":
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL) for c in token.children):
        return False
    subject = subject_of(token)
    if subject is None or subject.lower_ in _FIRST_PERSON or is_first_person_singular(subject):
        return False
    for complement in (c for c in token.children if c.dep_ in ("acomp", "oprd", "advmod", "prt")):
        if complement.lower_ in odd or any(m.lower_ == "too" for m in complement.children):
            return True
    return False
