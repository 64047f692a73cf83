"""How the trouble came to light, and why it was read wrongly at first, read from the parse.

The signal specs (rubric/signals.py) hear the speaker noticing with a time or
in a named source. Real answers tell detection in more forms than that, and
the rubric counts them all as naming the signal:

- **came to light**: anyone realised, noticed or discovered something, told as
  past fact ("my lead looked at the list and realised half of it was not
  started", "I went back through my notes and noticed ..."); the news was
  brought to the speaker (rubric/news_arrived.py: "a customer complained to
  us", "support pinged our channel", "the first failed deploys were reported
  in the channel"); it arrived from somewhere ("she found out from the release
  notes"); a thing looked wrong to someone ("the curve looked almost too clean",
  "the totals seemed off"), or the trouble turned up ("the problem showed up
  about a year in"): the symptom as it was seen; the people it reached said so
  ("players said their farm was gone"; not in the Situation, where a customer's
  report is the story's premise);
- **answered an instrument**: the speaker acted when an alert or alarm went off
  ("I picked it up when it tripped the burn-rate alert", "when the disk alarm
  went off, we drained the node"): the instrument told, and someone heard it;
- **instrument told**: an alert, monitor or check did its job ("the alert fired
  on Friday"), or a figure moved on a dashboard or graph ("the success rate on the
  dashboard fell to 88%"). Alone it says the signal existed, not that anyone saw it: it
  names the signal only with a reason it was missed ("... but it went to an
  unwatched inbox"), or told at a time of day ("at 20:41 the rebuffer alert fired"),
  which puts it on the story's clock; otherwise the drill still asks who noticed;
- **set aside**: a sign someone saw and dismissed ("I waved her recordings away as
  anecdotal"): it was there to see, and reached someone (the dismissal itself is
  `missed_signal`, a phrase spec in rubrics.yaml);
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
from star_bank.nlp.lesson_habits import names_a_person
from star_bank.nlp.numbers import has_quantity
from star_bank.rubric.news_arrived import news_arrived, reported_by_others
from star_bank.rubric.signals import Mark, clock_time, list_items
from star_bank.rubric.why_missed import FIRST_PERSON, HYPOTHETICAL, SEEMING, is_fact, nobody, why_it_was_missed

if TYPE_CHECKING:
    from spacy.tokens import Token

    from star_bank.rubric.went_wrong import WentWrongWords

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
        if section.doc is None or section.kind is SectionKind.tie_in:
            continue
        # A lesson looks back: it may say why the sign was missed ("our load test had been run at
        # 1.2 times the forecast, which told us nothing"), not how the trouble came to light.
        looking_back = section.kind is SectionKind.lesson
        for sentence in section.doc.sents:
            for tokens in list_items(list(sentence), section, story.story.text):
                text = section.doc[tokens[0].i : tokens[-1].i + 1].text.strip()
                tests = {
                    "came_to_light": lambda t: _noticed(t, noticing) or news_arrived(t, trouble)
                    or _found_out_from(t) or _looked_wrong(t, odd) or _showed_a_reading(t)
                    or _surfaced(t) or _showed_up(t, trouble) or _answered_an_instrument(t, instruments)
                    or _found_by(t, finding, checks) or _caught(t, trouble) or _ran_and_it_told(t, trouble)
                    or _set_aside(t) or _told_at_a_time(t, instruments)
                    # "A customer reported a bug" opening the story is its premise, not how it was seen.
                    or (section.kind is not SectionKind.situation and reported_by_others(t)),
                    "instrument_told": lambda t: _instrument_told(t, instruments) or _moved_on_an_instrument(t, instruments)
                    or _showed_trouble(t, trouble),
                    "misread_signal": lambda t: why_it_was_missed(t, belief, noticing, instruments),
                }
                for name, test in tests.items():
                    if looking_back and name != "misread_signal":
                        continue
                    hit = next((t for t in tokens if test(t)), None)
                    if hit is not None:
                        start, end = section.prose.source_range(hit.idx, hit.idx + len(hit.text))
                        found[name].append(Mark(name, start, end, section.kind, text))
    return found


# Verbs of setting a sign aside, and those that do so only with a particle ("wave away").
_SETTING_ASIDE = frozenset({"dismiss", "ignore", "discount"})
_WITH_PARTICLE = frozenset({"wave", "brush", "write", "shrug", "laugh"})
_ASIDE = frozenset({"away", "off", "aside"})


def _set_aside(token: "Token") -> bool:
    """'I waved her recordings away as anecdotal', 'we ignored the disk alert': a sign named (the
    verb's object) and set aside, told as past fact: it was there to see."""
    if token.pos_ != "VERB" or not is_fact(token) or not any(c.dep_ == "dobj" for c in token.children):
        return False
    if token.lemma_.lower() in _WITH_PARTICLE:
        return any(c.dep_ in ("prt", "advmod") and c.lower_ in _ASIDE for c in token.children)
    return token.lemma_.lower() in _SETTING_ASIDE


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


_CAUGHT_THINGS = frozenset({"it", "this", "that", "them"})


def _caught(token: "Token", trouble: frozenset[str]) -> bool:
    """'Dana caught it at 9:14 during her morning check', 'a tester caught the bug': anyone
    catching the trouble, told as fact ('caught up', 'caught a cold' are no finding). Found
    by someone else ('finance found it in reconciliation'), the trouble came to the speaker;
    what the speaker found ('I found the bug in the parser') is usually the diagnosis."""
    lemma, subject = token.lemma_.lower(), subject_of(token)
    if lemma not in ("catch", "find") or not is_fact(token) or nobody(subject):
        return False
    if lemma == "find" and (subject is None or subject.lower_ in ("i", "we")):
        return False
    if any(c.dep_ in ("prt", "auxpass") for c in token.children):
        return False
    return any(c.dep_ == "dobj" and (c.lower_ in _CAUGHT_THINGS or c.lemma_.lower() in trouble)
               for c in token.children)


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


def _told_at_a_time(token: "Token", instruments: frozenset[str]) -> bool:
    """'At 20:41 the rebuffer alert fired': an instrument that told at a time of day is the moment
    the trouble showed on the story's clock, not only a signal that existed."""
    return token.lemma_.lower() in _SOUNDING and _instrument_told(token, instruments) and any(
        clock_time(t) for t in token.sent)


# What an instrument does when it tells ("the dashboards refreshed by 07:00" tells nothing).
_SOUNDING = frozenset({"fire", "trip", "go", "page", "flag", "trigger", "sound", "ring", "show", "catch", "detect",
                       "fail", "turn", "light", "start", "spike"})


def _showed_trouble(token: "Token", trouble: frozenset[str]) -> bool:
    """'Crashlytics started showing a cluster of crashes', 'the logs showed timeouts': a thing, not a
    person, that showed the trouble. Like an alert that fired, the signal was there to see."""
    if token.lemma_.lower() != "show" or any(c.dep_ == "prt" for c in token.children):
        return False
    verb = token.head if token.dep_ == "xcomp" else token  # "started showing"
    subject = subject_of(verb)
    if not is_fact(verb) or subject is None or subject.lower_ in FIRST_PERSON or is_person_or_group(subject):
        return False
    shown = [t for c in token.children if c.dep_ == "dobj" for t in c.subtree]
    return any(t.lemma_.lower() in trouble for t in shown)


_MOVING = frozenset({"drop", "fall", "dip", "spike", "jump", "climb", "rise", "plunge", "plummet", "sink", "surge",
                     "double", "halve", "creep", "flatline", "stall"})
def _moved_on_an_instrument(token: "Token", instruments: frozenset[str]) -> bool:
    """'the success rate on our dashboard dropped from 97% to 88%', 'errors spiked on the graph':
    a figure moved where someone could watch it ('the p95 line on our dashboard went from 25
    seconds to 4 minutes'). Like an alert that fired, it says the signal was there, not that
    anyone saw it."""
    went = token.lemma_.lower() == "go" and {"from", "to"} <= {c.lower_ for c in token.children if c.dep_ == "prep"}
    if not (went or token.lemma_.lower() in _MOVING) or not is_fact(token):
        return False
    subject = subject_of(token)
    if subject is None or subject.lower_ in FIRST_PERSON or is_first_person_singular(subject):
        return False
    around = [*subject.subtree, *(g for c in token.children if c.dep_ == "prep" for g in c.subtree)]
    if any(t.lemma_.lower() in instruments for t in around):
        return True
    # "median queue time went from 25 seconds to over 8 minutes": two readings are a measurement.
    readings = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "to")
                for g in c.children if g.dep_ == "pobj"]
    # A figure, not a state ("from green to red").
    return went and not names_a_person(subject) and len(readings) >= 2 and all(
        has_quantity(g.subtree) for g in readings)


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


_RUN = frozenset({"run", "rerun", "execute", "launch", "trigger", "try", "kick"})
# What a check that was run says when it finds trouble ("it rejected 9% of the rows")...
_TROUBLE_TOLD = frozenset({"reject", "flag", "fail", "error", "throw", "complain", "catch", "crash", "choke",
                           "refuse", "break"})
# ...and what it says when it reports a count or a trouble ("it returned 40 duplicates").
_RESULT_TOLD = frozenset({"return", "show", "report", "find", "list", "produce"})


def _ran_and_it_told(verb: "Token", trouble: frozenset[str]) -> bool:
    """'I ran the validation tool and it rejected 9% of the rows', 'we reran the suite, which
    failed on two platforms': the speaker ran a check and the check told the trouble."""
    lemma = verb.lemma_.lower()
    if lemma not in _TROUBLE_TOLD | _RESULT_TOLD or not is_fact(verb):
        return False
    subject = subject_of(verb)
    if verb.dep_ == "conj" and subject is not None and subject.lower_ in ("it", "they", "that"):
        ran = verb.head
    elif verb.dep_ == "relcl" and verb.head.dep_ == "dobj":
        ran = verb.head.head
    else:
        return False
    runner = subject_of(ran)
    if ran.lemma_.lower() not in _RUN or runner is None or runner.lower_ not in FIRST_PERSON or not is_fact(ran):
        return False
    if lemma in _TROUBLE_TOLD:
        return True
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in trouble or any(g.dep_ == "nummod" for g in c.children))
               for c in verb.children)

