"""Why a warning sign was missed at the time, read from the parse (the expert half of detection).

rubric/came_to_light.py hears how the trouble came to light; this module hears the
reason it was not seen sooner, in the forms real answers use:

- a belief that took the trouble for something else, or was held for a stated
  reason ("we concluded it was the network", "I assumed it had, because ..."), or
  a forecast the next sentence overturns ("I thought it would clear. Actually ...");
- a thing misjudged as safe ("a YAML file felt harmless");
- a signal missed or ignored for a stated reason, or the speaker slow to see it;
- nobody noticing, with the reason ("... generous enough that nobody noticed");
- the check the speaker skipped ("I didn't test it against real traffic", "I did
  not call to confirm it"), or the safeguard the change never went through
  ("config changes didn't go through the canary");
- the first reading of the symptom ("the first guess was a bad build", "everyone
  assumed a migration bug");
- the instrument that should have told staying quiet ("telemetry showed nothing");
- a check that came back clean, and why it could not have caught the trouble ("I
  tested it and it worked, because my saves had no status effects");
- a check that covered only part of what could go wrong ("we only alerted on
  5xx", "I tested a handful of URLs", "our tests verified each path alone, never
  the two together").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.nlp.analysis import is_first_person_singular, nobody, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

PAST = frozenset({"VBD", "VBN"})
HYPOTHETICAL = frozenset({"should", "would", "could", "might", "may", "'d", "can", "will"})
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
_WH = frozenset({"how", "where", "who", "whom", "what", "which", "whether", "when", "why"})


def why_it_was_missed(token: "Token", belief: frozenset[str], noticing: frozenset[str],
                      instruments: frozenset[str]) -> bool:
    """Whether `token` heads a statement of why the sign was missed (see the module docstring)."""
    return (_misread(token, belief) or _missed_for_a_reason(token) or _slow_to_see(token, noticing)
            or _did_not_see(token, noticing) or _first_guess(token) or _nobody_knew(token, noticing)
            or _left_unchecked(token) or _seemed_safe(token) or _bypassed_safeguard(token, instruments)
            or _diagnosis_assumed(token) or _instrument_silent(token, instruments) or _nobody_could(token, noticing)
            or _false_all_clear(token) or _narrow_check(token, instruments))


# What narrows a check to part of what it should have covered.
_ONLY = frozenset({"only", "just", "merely", "alone", "individually", "separately"})
_FEW = frozenset({"handful", "sample", "few", "couple", "subset"})
_COVERING = frozenset({"alert", "sample", "monitor", "watch", "cover", "ping", "glance", "spot"})
_CHECKERS = frozenset({"test", "suite", "protocol", "review", "qa", "verification", "reviewer", "tester"})


def _narrow_check(token: "Token", instruments: frozenset[str]) -> bool:
    """'we only alerted on 5xx', 'the protocol sampled the loud alarms only', 'I tested a handful
    of URLs': a check told as past fact that covered only part of what could go wrong."""
    if token.lemma_.lower() not in _CHECKING | _COVERING | instruments or not is_fact(token):
        return False
    if token.dep_ in ("relcl", "amod", "acl"):
        return False  # "the one check that only ran nightly" describes a thing; it tells no miss
    subject = subject_of(token)
    if subject is not None and not (subject.lower_ in FIRST_PERSON or subject.lemma_.lower() in instruments | _CHECKERS):
        return False  # "the deletion job covered only half the tables" is the fault, not a check
    scope = [token, *(c for c in token.children if c.dep_ in ("dobj", "prep", "advmod", "npadvmod"))]
    narrowed = any(w.lower_ in _ONLY and w.dep_ == "advmod" and w.head in scope for w in token.subtree)
    # "our tests verified each path alone, never the two together": what it left out, set against what it covered.
    narrowed = narrowed or any(w.dep_ == "neg" and w.head is not token and w.head.pos_ in ("NOUN", "NUM", "PROPN")
                               for w in token.subtree)
    # "tested a handful of URLs"; "looked at a couple of options", "within a couple of hours" count nothing checked.
    few = any(c.dep_ == "dobj" and c.lower_ in _FEW for c in token.children)
    return narrowed or few


# What a check that came back clean did.
_ALL_CLEAR = frozenset({"work", "pass", "succeed"})
_BECAUSE = frozenset({"because", "since", "as"})


def _false_all_clear(token: "Token") -> bool:
    """'I tested loading old saves and it worked, because my saves had no status effects', 'the
    tests passed because they ran on mock data': a check came back clean, and the story says
    why it could not have caught the trouble."""
    if token.lemma_.lower() not in _ALL_CLEAR or token.pos_ != "VERB" or not is_fact(token):
        return False
    if not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _BECAUSE for m in c.children)
               for c in token.children):
        return False
    subject = subject_of(token)
    checked = token.dep_ == "conj" and token.head.lemma_.lower() in _CHECKS  # "I tested X and it worked"
    return checked or (subject is not None and subject.lemma_.lower() in _CHECKS)


_CHECKS = frozenset({"test", "check", "verify", "validate", "try", "run", "review"})


def _nobody_could(token: "Token", noticing: frozenset[str]) -> bool:
    """'nobody on the dev side could reproduce it', 'no one could find the cause': the sign was
    there, and why it went unexplained; 'nothing in our pipeline could have caught it': no check
    could have seen it; 'nobody caught it in review': the check it slipped through."""
    if token.lemma_.lower() not in noticing | {"reproduce", "find", "explain", "replicate", "pin", "track", "catch",
                                               "detect"}:
        return False
    subject = subject_of(token)
    no_one = nobody(subject) or (subject is not None and subject.lower_ == "nothing")
    # "Nobody caught it in review", "no one noticed during testing": the check it slipped through.
    slipped = is_fact(token) and any(c.dep_ == "prep" and c.lower_ in ("in", "during") for c in token.children)
    return no_one and (slipped or any(c.dep_ == "aux" and c.lower_ == "could" for c in token.children))


def _diagnosis_assumed(token: "Token") -> bool:
    """'everyone assumed a migration bug', 'we suspected the network': the trouble taken for
    something else, named as a thing."""
    if token.lemma_.lower() not in ("assume", "suspect", "blame") or not is_fact(token):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in token.children)


# What is done to an instrument when it speaks: "the alert was never triggered" is a quiet one.
_SOUNDED = frozenset({"trigger", "fire", "raise", "send", "sound", "page"})


# An instrument that stayed or looked well while the trouble went on told no one.
_STAYING = frozenset({"be", "stay", "remain", "show", "read"})
_ALL_WELL = frozenset({"green", "quiet", "silent", "clean", "normal", "healthy", "flat"})


def _instrument_silent(token: "Token", instruments: frozenset[str]) -> bool:
    """'crash telemetry showed nothing, because nothing was crashing', 'the alert never fired',
    'our monitors were green the whole time': the instrument that should have told stayed quiet."""
    own = subject_of(token)
    subject = _antecedent(own, instruments)
    if subject is None or subject.lemma_.lower() not in instruments | {"telemetry", "monitoring", "metric"}:
        return False
    if token.lemma_.lower() in _STAYING and token.tag_ in PAST and any(
            c.dep_ == "acomp" and c.lemma_.lower() in _ALL_WELL for c in token.children):
        return True  # "our synthetic monitors were green the whole time"
    if own.dep_ == "nsubjpass" and token.lemma_.lower() not in _SOUNDED:
        return False  # "the dashboards weren't refreshed on time" is the trouble, not a quiet instrument
    if token.tag_ not in PAST or any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in token.children):
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
        return True  # "no alert went off"
    return any(c.dep_ == "neg" or (c.dep_ == "dobj" and c.lower_ in ("nothing", "none")) for c in token.children)


def _antecedent(subject: "Token | None", instruments: frozenset[str]) -> "Token | None":
    """'Our load test had been run at 1.2 times the forecast, which told us nothing': the parser
    hangs "which" on the nearest noun; the check it stands for is the subject before it."""
    if subject is None or subject.tag_ != "WDT":
        return subject
    checks = [t for t in subject.sent if t.i < subject.i and t.dep_ in ("nsubj", "nsubjpass")
              and t.lemma_.lower() in instruments | _CHECKERS]
    return checks[-1] if checks else subject


def is_fact(verb: "Token") -> bool:
    """Past, not negated, not hypothetical, not under a condition ("we'd only looked at totals":
    before a past form "'d" is "had"; "I'd have looked" is "would")."""
    if verb.pos_ != "VERB" or verb.tag_ not in PAST:
        return False
    had = not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL and not (c.lower_ == "'d" and had))
           for c in verb.children):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)

_REASONS = frozenset({"because", "since", "as"})
_HOLDING = frozenset({"think", "assume", "believe", "suppose", "figure", "expect"})
_GUESSES = frozenset({"guess", "assumption", "theory", "hunch", "suspicion", "thought", "diagnosis", "read",
                      "opinion", "belief", "consensus", "feeling", "impression", "reaction", "instinct"})


def _nobody_knew(token: "Token", noticing: frozenset[str]) -> bool:
    """'nobody knew when, because the log was only filled in at close': why no one saw it sooner."""
    if token.lemma_.lower() not in (noticing | {"know"}) or token.tag_ not in PAST:
        return False
    if not nobody(subject_of(token)):
        return False
    if any(c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in _REASONS for m in c.children)
           for c in token.children):
        return True
    # "... because the old default was generous enough that nobody noticed": the reason governs it.
    return any(a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("because", "since") for m in a.children)
               for a in token.ancestors)


_PEOPLE = frozenset({"he", "she", "they", "you", "everyone", "everybody", "people"})
# Acts that would have shown the trouble: "I never opened the actual file" skipped one.
_CHECKING = frozenset({"check", "test", "verify", "validate", "look", "measure", "consider", "confirm", "count",
                       "search", "grep", "scan", "review", "open", "read", "inspect", "examine", "compare",
                       "proofread", "double-check"})


def _left_unchecked(token: "Token") -> bool:
    """'what I hadn't checked was that ...', 'I didn't test it against real traffic', 'nobody
    looked at it', 'the load was not tested': the check the speaker (or anyone) skipped, which
    is why the sign went unseen."""
    if _skipped_check_act(token):
        return True
    if token.lemma_.lower() not in _CHECKING or token.pos_ != "VERB" or token.dep_ == "relcl":
        return False  # "the pipeline, which I hadn't looked at": a description, not the miss
    children = list(token.children)
    if nobody(subject_of(token)) and token.tag_ in PAST and not any(
            c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in children):
        return True  # "nobody looked at it", "no one had reviewed a change there in months"
    if not any(c.dep_ == "neg" for c in children) or any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL
                                                         for c in children):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in _DONE_WRONG for c in children):
        return False  # "I did not read the figures correctly": the check was done, and done wrong
    if not (token.tag_ in PAST or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in children)):
        return False
    subject = subject_of(token)
    if subject is not None and subject.dep_ == "nsubjpass":
        # "the traffic profile was not checked": the skipped check told without its actor.
        # "it wasn't scanned until the afternoon" is a delay, not a skipped check.
        return not any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "until") for c in children)
    return subject is not None and (is_first_person_singular(subject) or subject.lower_ == "we")


_DONE_WRONG = frozenset({"correctly", "accurately", "right", "well"})


def _skipped_check_act(token: "Token") -> bool:
    """'I did not call to confirm it': an act left undone whose purpose was a check."""
    if token.pos_ != "VERB" or not any(c.dep_ == "neg" for c in token.children):
        return False
    subject = subject_of(token)
    if subject is None or not (is_first_person_singular(subject) or subject.lower_ == "we"):
        return False
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _CHECKING
               and any(g.tag_ == "TO" for g in c.children) for c in token.children)


SEEMING = frozenset({"feel", "seem", "look", "sound", "appear"})
_SAFE = frozenset({"harmless", "safe", "fine", "minor", "trivial", "routine", "small", "simple", "ok", "okay",
                   "innocent", "benign", "obvious", "low", "straightforward", "easy", "normal"})


def _seemed_safe(token: "Token") -> bool:
    """'a YAML file felt harmless', 'the change looked routine': a thing misjudged as safe, in the
    past, which is why no one looked harder."""
    if token.lemma_.lower() not in SEEMING or token.tag_ != "VBD":
        return False
    subject = subject_of(token)
    if subject is None or _person(subject) or subject.lower_ in ("it", "this", "that", "everything"):
        return False
    return any(c.dep_ == "acomp" and c.lemma_.lower() in _SAFE and not any(g.dep_ == "neg" for g in c.children)
               for c in token.children)


def _bypassed_safeguard(token: "Token", instruments: frozenset[str]) -> bool:
    """'config changes didn't go through the canary', 'it never hit the staging check': the
    safeguard that would have shown it was not on the path."""
    if token.pos_ != "VERB" or not any(c.dep_ == "neg" for c in token.children) or token.tag_ not in (*PAST, "VB"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in token.children):
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"] + [
        g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in instruments | {"review", "staging", "qa"} for o in objects)


def _first_guess(token: "Token") -> bool:
    """'the first guess in the channel was a bad build', 'my assumption was that the cache was
    stale', 'the common opinion was that the agency did bad work': a reading of the symptom,
    told as what it was taken for."""
    if token.lemma_.lower() != "be" or token.tag_ != "VBD":
        return False
    subject = subject_of(token)
    return (subject is not None and subject.lemma_.lower() in _GUESSES
            and any(c.dep_ in ("attr", "ccomp") for c in token.children))


def _misread(token: "Token", belief: frozenset[str]) -> bool:
    """'we concluded it was the network', 'I thought I could catch up and nobody needed to know'.

    The belief must take the trouble for something else ("it was X") or trust the speaker
    to handle it alone ("I could ..."); an opinion of someone's feedback is no misreading.
    """
    if token.lemma_.lower() in _HOLDING and _acted_on(token):
        return True  # "I ran the migration in that tab thinking it was staging": the act done on a belief
    if token.lemma_.lower() not in belief or not is_fact(token):
        return False
    if any(c.dep_ == "prt" for c in token.children):
        return False  # "she figured out it was my commit" found it; it is no belief
    if token.lemma_.lower() in _HOLDING and _with_a_reason(token):
        return True  # "I assumed it had been renumbered, because we'd talked about it": why no one checked
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        subject = subject_of(clause)
        if subject is None or subject.lower_ in _WH:
            continue  # "she gave me what I thought was a clear brief": an aside on a thing, no belief held
        if subject.lower_ in ("it", "this", "that") and any(c.dep_ == "attr" for c in clause.children):
            return True
        # "I thought a quick handover at the desk was the efficient way": a judgment of the
        # thing that then went wrong.
        if clause.lemma_.lower() == "be" and any(c.dep_ in ("attr", "acomp") for c in clause.children) \
                and not (is_first_person_singular(subject) or subject.lower_ in FIRST_PERSON
                         or subject.lower_ in _PEOPLE or subject.ent_type_ == "PERSON"):
            return True
        if is_first_person_singular(subject) and any(c.dep_ == "aux" and c.lower_ in ("could", "can")
                                                     for c in clause.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in clause.children) and _overturned(token):
            return True  # "I thought the heap would clear. What actually happened was ...": a wrong forecast
    return False


def _overturned(belief: "Token") -> bool:
    """The next sentence opens by saying things went otherwise ('What actually happened', 'Instead')."""
    after = belief.doc[belief.sent.end : belief.sent.end + 6]
    return any(t.lower_ in ("actually", "instead", "however") for t in after) or "turned out" in after.text.lower()


def _acted_on(belief: "Token") -> bool:
    """'ran it thinking it was staging', 'merged it assuming the tests covered it': a belief told
    as a participle on a past act of the speaker's, with what was believed."""
    act = belief.head
    if belief.tag_ != "VBG" or belief.dep_ != "advcl" or not is_fact(act):
        return False
    subject = subject_of(act)
    return subject is not None and (is_first_person_singular(subject) or subject.lower_ in FIRST_PERSON) and any(
        c.dep_ == "ccomp" for c in belief.children)


def _person(subject: "Token | None") -> bool:
    return subject is not None and (subject.lower_ in _PEOPLE or subject.ent_type_ == "PERSON"
                                    or is_first_person_singular(subject) or subject.lower_ in FIRST_PERSON)


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
    """'it made me slow to see it was a problem', 'we were late to notice', 'I was too attached to
    the idea to see the risk' (too much of something to see it, wherever the parser hangs 'to see')."""
    if token.lemma_.lower() not in noticing:
        return False
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in ("slow", "late", "reluctant"):
        return True
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    before = token.doc[max(token.sent.start, token.i - _TOO_WINDOW) : token.i]
    holder = next((s for s in map(subject_of, token.ancestors) if s is not None), None)
    # A person too taken with something to see it; "it was too early to see results" is no miss.
    return holder is not None and holder.lower_ in FIRST_PERSON and any(
        t.dep_ == "advmod" and t.lower_ == "too" for t in before)


_TOO_WINDOW = 8  # "too attached to the idea to see": how far back "too" may stand


# What the speaker did not think of, told as a cleft ("what I hadn't considered was ...").
_BLIND_SPOTS = frozenset({"think", "consider", "expect", "check", "test", "anticipate", "account"})


def _did_not_see(token: "Token", noticing: frozenset[str]) -> bool:
    """'we didn't know about it at first, because ...', 'I never noticed it, as the report went to
    an old address': the speaker or their team says why they did not see it (not 'how to' do something)."""
    lemma = token.lemma_.lower()
    cleft = token.dep_ == "csubj" and token.head.lemma_ == "be"
    if token.pos_ != "VERB" or lemma not in (noticing | {"know"} | (_BLIND_SPOTS if cleft else frozenset())):
        return False
    children = list(token.children)
    if not any(c.dep_ == "neg" for c in children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in children):
        return False  # "I would not have noticed": not what happened
    if not (token.tag_ in PAST or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in children)):
        return False
    subject = subject_of(token)
    if subject is None or subject.dep_ != "nsubj" or not (is_first_person_singular(subject) or subject.lower_ == "we"):
        return False
    if any(t.lower_ in _WH for t in token.doc[token.i + 1 : token.i + 3]):
        return False  # "I didn't know how to ...", "we didn't know who owned it": a gap, not a missed sign
    if cleft:
        return True  # "What I hadn't thought about was that staging has 2k products": the blind spot named
    # Not seeing it ("I did not realise the data was lost") is no explanation: the reason why it went unseen is.
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _REASONS for m in c.children)
               for c in children)
