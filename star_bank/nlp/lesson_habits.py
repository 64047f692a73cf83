"""Habits and who does them: a recurring act of the speaker's, and the event that triggers it
(see star_bank.nlp.lessons)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.nlp.analysis import is_first_person_singular, nobody, subject_of
from star_bank.nlp.lesson_vocabulary import SPEAKER_SUBJECTS, load_vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token


def speaker_acts(token: "Token") -> bool:
    """Whether the verb a word belongs to has the speaker (or no one: an imperative, a note) as subject."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            break
        if node.head is node:
            return True
        node = node.head
    subject = subject_of(node)
    if subject is not None and subject.dep_ == "csubj":
        subject = subject_of(subject)  # "What I kept is the game day, one every quarter": the clause's "I"
    if node.dep_ == "ccomp" and node.head.lemma_ == "be":
        # "What we do now is that at every kickoff somebody asks ...": the practice the clause
        # describes is the speaker's, whoever in it acts.
        framing = next((c for c in node.head.children if c.dep_ == "csubj"), None)
        framer = subject_of(framing) if framing is not None else None
        if framer is not None and is_speaker(framer):
            return True
    return subject is None or is_speaker(subject)


def is_speaker(subject: "Token") -> bool:
    """'I', 'we', 'my manager and I', or a group the speaker belongs to ('our team')."""
    if subject.lower_ in SPEAKER_SUBJECTS or is_first_person_singular(subject):
        return True
    return subject.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ == "our" for c in subject.children)


# Nouns for people: what they do is their own habit, not a process or rule the story set up.
_PEOPLE = frozenset({"team", "manager", "lead", "engineer", "developer", "customer", "user", "client", "colleague",
                     "people", "staff", "boss", "director", "everyone", "everybody"})


def names_a_person(noun: "Token") -> bool:
    """'my manager', 'the customers', 'Priya': a person or a group of people, not a thing."""
    return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in _PEOPLE


def mental_act(verb: "Token") -> bool:
    """An act of the mind ('think', 'try to keep in mind'), read with the shipped vocabulary."""
    if verb.lemma_.lower() in load_vocabulary().mental_verbs:
        return True
    return any(t.lower_ == "mind" for t in verb.subtree if t.head.i == verb.i or t.head.head.i == verb.i)


def wish_or_vague(verb: "Token") -> bool:
    """'I need to / want to / try to X', or an act only said to get better ('plan my sprints better')."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("need", "want", "try", "hope", "aim", "plan", "intend"):
        return True
    return any(c.dep_ == "advmod" and c.tag_ in ("RBR", "JJR") for c in verb.children)


def habit_trigger(sentence: "SpacySpan", imperatives: bool = False) -> str | None:
    """'When I disagree now, I ask for ...', '... I spiked it before committing': an act of the
    speaker's (named as the subject) with the event that triggers it. With `imperatives`, a
    rule told as advice ("when a bug looks random, line up the timestamps first") counts too:
    inside a lesson, the act advised is the speaker's own."""
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBP", "VBZ", "VB", "VBD", "VBG", "VBN"):
            continue
        if verb.tag_ in ("VBG", "VBN") and verb.dep_ not in ("xcomp", "ROOT", "conj"):
            continue  # "I've started asking, whenever ...": the habit is the complement; not a modifier
        subject = subject_of(verb)
        if subject is None and not (imperatives and _imperative(verb)):
            continue
        if subject is not None and not (subject.lower_ in SPEAKER_SUBJECTS or is_first_person_singular(subject)):
            continue
        if mental_act(verb) or _ability(verb):
            continue  # "I keep it in mind when ...", "I can take the lead when ...": nothing anyone could watch
        if wish_or_vague(verb) or _vague_object(verb):
            continue  # "I need to plan my sprints better when ...", "I check everything before ...": no act named
        for clause in verb.children:
            if clause.dep_ == "advcl" and clause.tag_ in ("VBP", "VBZ"):
                mark = next((c for c in clause.children if c.dep_ in ("mark", "advmod") and c.lower_ in _TRIGGERS), None)
                if mark is not None:
                    return sentence.doc[mark.i : clause.i + 1].text
            if clause.dep_ == "prep" and clause.lower_ in ("before", "after") and any(
                c.dep_ == "pcomp" and c.tag_ == "VBG" for c in clause.children
            ):
                return sentence.doc[clause.i : clause.i + 2].text
            recurring = _recurring_occasion(clause) if verb.tag_ in ("VBP", "VBZ") else None
            if recurring is not None:
                return sentence.doc[clause.i : recurring.i + 1].text
    return None


# "before every release", "after each incident", "on every pull request": an occasion that recurs.
_OCCASION_PREPS = frozenset({"before", "after", "on", "at", "during", "with", "for"})
_EVERY = frozenset({"every", "each"})


def _recurring_occasion(prep: "Token") -> "Token | None":
    """The object of 'before every release' or 'after each incident': a trigger that comes round
    again, so the present-tense act it starts is a habit ('for each step I asked' is one past pass)."""
    if prep.dep_ != "prep" or prep.lower_ not in _OCCASION_PREPS:
        return None
    return next((o for o in prep.children if o.dep_ == "pobj"
                 and any(d.dep_ == "det" and d.lower_ in _EVERY for d in o.children)), None)


def _ability(verb: "Token") -> bool:
    """'I can stay calm when ...': a claim of what the speaker is able to do, not a habit."""
    return any(c.dep_ == "aux" and c.lower_ in ("can", "could", "ca") for c in verb.children)


_TRIGGERS = frozenset({"when", "whenever", "before", "after", "once", "if", "as soon as"})
# "check everything", "double-check things": an object that names nothing in particular.
VAGUE_HABIT_OBJECTS = frozenset({"everything", "thing", "stuff", "anything", "something"})


def _vague_object(verb: "Token") -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lemma_.lower() in VAGUE_HABIT_OBJECTS for o in objects)


def _imperative(verb: "Token") -> bool:
    """An instruction with something to act on: 'line up the timestamps', 'write the rollback
    step down' (a bare 'communicate' or 'listen' names no act; see the vague-lesson rule)."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VB", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "expl") for c in verb.children):
        return False
    return any(c.dep_ in ("dobj", "prt") for c in verb.children)


# Determiners that make a subject a whole class of cases ("any deal", "every batch", "no release").
_UNIVERSAL = frozenset({"any", "every", "each", "all", "no"})


def standing_rule(sentence: "SpacySpan") -> str | None:
    """'Any deal that promises an unlisted feature gets routed to an engineer before the quote
    goes out': a rule for a whole class of cases, told in the present with the event that
    triggers it. Inside a story told in the past, the present tense says the rule is in force."""
    barred = _barred_without(sentence)
    if barred is not None:
        return barred
    for verb in sentence:
        if verb.pos_ not in ("VERB", "AUX") or not present_finite(verb):
            continue
        if verb.dep_ not in ("ROOT", "conj") and not _after_colon(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if _narrowed_class(subject) and verb.lemma_ != "be" and not mental_act(verb):
            # "Anything over ten needs a VP signature", "anyone who wants an exception fills in the
            # form": the words that narrow the class are the rule's trigger.
            return sentence.doc[subject.left_edge.i : verb.i + 1].text
        if not for_every(subject):
            continue
        for clause in verb.children:
            if clause.dep_ != "advcl":
                continue
            mark = next((c for c in clause.children if c.dep_ in ("mark", "advmod") and c.lower_ in _TRIGGERS), None)
            if mark is not None:
                return sentence.doc[mark.i : clause.i + 1].text
        gate = waits_on_a_step(verb, subject)
        if gate is not None:
            return sentence.doc[gate.i : gate.right_edge.i + 1].text
    return None


_GATING = frozenset({"before", "until", "unless"})


def _after_colon(verb: "Token") -> bool:
    """'Added: any PR touching money needs a second reviewer': the clause after a colon stands on
    its own, though the parser makes it the object of what comes before."""
    head = verb.head
    colon = any(t.text == ":" for t in verb.doc[head.i + 1 : verb.left_edge.i])
    if verb.dep_ != "ccomp" or head.i > verb.i or not colon:
        return False
    # "He said: anyone who ..." reports someone else's words; the speaker's own note ("Added:", "We
    # agreed:") puts the rule in place.
    teller = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return teller is None or teller.lower_ in ("i", "we") or not teller.is_alpha


def waits_on_a_step(verb: "Token", subject: "Token") -> "Token | None":
    """The 'before' or 'until' that holds each case back, anywhere in what the verb says of its
    subject ('needs its metrics split before it goes live', 'soaks a day in staging with the
    graph open before prod': the parser hangs the phrase anywhere), or None."""
    own = {t.i for t in subject.subtree}
    return next((t for t in verb.subtree if t.i not in own and t.lower_ in _GATING and (
        t.dep_ == "prep" or (t.dep_ == "mark" and present_finite(t.head)))), None)


def _barred_without(sentence: "SpacySpan") -> str | None:
    """'Nobody starts a rewrite without a two-week spike', 'no migration ships without a second
    reviewer', 'a model can no longer ramp without a parity check': an act barred, now, unless
    the gate is passed. The parser may hang "without" on the act's object, or take the act
    for a noun ("ramp"), so the act is what "without" hangs on (or that object's verb)."""
    for gate in sentence:
        if gate.lower_ != "without" or gate.dep_ != "prep" or not any(
                g.dep_ in ("pobj", "pcomp") for g in gate.children):
            continue
        act = gate.head.head if gate.head.dep_ == "dobj" else gate.head
        helpers = list(act.children)
        able = any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in helpers)
        if not (able or present_finite(act)):
            continue
        subject = next((c for c in helpers if c.dep_ in ("nsubj", "nsubjpass")), None)
        negated = any(c.dep_ == "neg" or (c.lower_ == "longer" and any(g.dep_ == "neg" for g in c.children))
                      for c in helpers)
        # "nobody", "no one", "nothing", "no migration"
        none_of_a_kind = subject is not None and (nobody(subject) or subject.lower_ == "nothing" or any(
            c.dep_ == "det" and c.lower_ == "no" for c in subject.children))
        if negated or none_of_a_kind:
            return sentence.doc[gate.i : max(t.i for t in gate.subtree) + 1].text
    return None


_CLASS_PRONOUNS = frozenset({"anyone", "anybody", "anything", "everyone", "everybody", "everything"})


def _narrowed_class(subject: "Token") -> bool:
    """'anyone who wants an exception', 'anything over ten': everyone or everything of a kind,
    narrowed by a clause or a phrase; or 'any PR that touches money', 'every job writing to the
    ledger': a whole class of things narrowed by a clause of its own."""
    if for_every(subject) and subject.lower_ != "all":
        # The parser may hang a participle on the class noun as an adjective ("any PR touching money math").
        return any(c.dep_ in ("relcl", "acl") or (c.dep_ == "amod" and c.tag_ == "VBG")
                   for c in subject.subtree if c.i > subject.left_edge.i)
    if subject.lower_ not in _CLASS_PRONOUNS:
        return False
    after = subject.doc[subject.i + 1] if subject.i + 1 < len(subject.doc) else None
    # The parser often hangs the phrase on the verb ("Anything | over ten | needs"): it still narrows.
    hung = after is not None and after.dep_ == "prep" and after.head.i > after.i
    return hung or any(c.dep_ in ("relcl", "prep", "acl") for c in subject.children)


def for_every(noun: "Token") -> bool:
    """'any deal', 'every release', 'no migration': a noun that stands for a whole class."""
    return any(c.dep_ == "det" and c.lower_ in _UNIVERSAL for c in noun.children)


def present_finite(verb: "Token") -> bool:
    """'gets routed', 'needs', 'must go through': in force now."""
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ in ("VBZ", "VBP") or c.lower_ == "must") for c in verb.children
    )


def class_trigger(sentence: "SpacySpan") -> str | None:
    """'On any new site I leave the procedure sheet', 'in every handover I walk them through
    it': the speaker's present act, tied to a whole class of occasions by a preposition whose
    object is "any", "every" or "each" of them (no list of such phrases needs each one)."""
    for prep in sentence:
        if prep.dep_ != "prep" or not any(c.dep_ == "pobj" and for_every(c) and c.lower_ != "all"
                                          for c in prep.children):
            continue
        verb = prep.head
        if verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "conj") or not present_finite(verb):
            continue  # "something I bring into any team": a description, not a practice
        subject = subject_of(verb)
        if subject is None or not is_speaker(subject):
            continue
        if mental_act(verb) or wish_or_vague(verb) or _vague_object(verb) or _ability(verb):
            continue
        return sentence.doc[prep.i : prep.right_edge.i + 1].text
    return None
