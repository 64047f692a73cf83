"""Changes the speaker made after the event, told as acts rather than as lessons
(see star_bank.nlp.lessons).

The shapes, all read from the parse:

- an act that puts a safeguard in place ("I added an alert on queue depth"), dated
  after the event, told in a part of its own after the story, or told with the
  safeguard described as still at work: a present-tense clause on a past act
  ("I added a check that validates ...", "... so a bad file is never sent"), or a
  consequence that says what can no longer happen ("..., so you couldn't close a
  discharge without it");
- a decision whose content is a safeguard ("we agreed that every config change
  gets a second reviewer", "it was decided that alerts would go to the pager"), or
  whose content is set in the future ("we agreed to ... in future");
- a habit told in the present with "now", wherever "now" stands ("Now, for
  anything hard to undo, I write ..."), or a rule now in force whoever it binds
  ("config now goes through the canary", "any allergy ticket now gets read back");
- "I changed what I do", which opens the practice its paragraph tells;
- a rule for a whole class of cases told in the present, with its trigger ("any deal
  that promises an unlisted feature gets routed to an engineer before the quote goes out"),
  or with the class narrowed by a clause or a phrase ("anything over ten needs a VP signature").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import is_first_person_singular, subject_of
from star_bank.nlp.lesson_habits import (
    for_every, is_speaker, mental_act, names_a_person, present_finite, standing_rule, waits_on_a_step, wish_or_vague,
)
from star_bank.nlp.lesson_vocabulary import LessonVocabulary, PhraseLists
from star_bank.nlp.lexicon import find_phrases

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token

# Where the story is set up, a safeguard described in the present is the world as it was
# ("we have a check that runs nightly"), not a change.
_SETTING = (SectionKind.situation, SectionKind.task)


def change_cue(sentence: "SpacySpan", vocabulary: LessonVocabulary, lists: PhraseLists,
               kind: SectionKind, failure: bool, closing: bool = False, late: bool = False) -> str | None:
    """'The next day I added an expiry to the lock': the speaker puts a mechanism in
    place after the event. Dated by an after-event marker, told in a part of its own
    after the story (`closing`: "Afterwards", "Follow-up"), told in the Result or the
    closing part of a story about the speaker's own mistake, or told with the
    safeguard still at work (see the module docstring). `late`: the sentence is in the
    story's last paragraph."""
    tokens = list(sentence)
    # spaCy sometimes cuts a leading time phrase off as a sentence of its own ("The next day my lead").
    before = sentence.doc[sentence.start - 1].sent if sentence.start > 0 else None
    dating = tokens if before is None or any(t.pos_ == "VERB" for t in before) else [*before, *tokens]
    # Dated after the event, or done so that the failure cannot recur ("... so it never happens again").
    dated = next(find_phrases(dating, lists.after_event), None) is not None or any(
        phrase.text != "again" for _, _, phrase in find_phrases(tokens, lists.recurrence)
    )
    # The last paragraph of the Result comes after the outcome is told: a safeguard set up
    # there came of the story, whether or not anything went wrong.
    placed = dated or closing or (failure and kind in (SectionKind.result, SectionKind.lesson, SectionKind.other)) or (
        late and kind is SectionKind.result
    )
    # A rule in force told amid the work may describe what was built; told once the story is
    # over (after the action, in the last paragraph, or dated) it is a change that came of it.
    if kind not in _SETTING and (placed or late or kind is not SectionKind.action):
        rule = standing_rule(sentence)
        if rule is not None:
            return rule  # "any deal that ... gets routed to an engineer before ...": a rule now in force
    for token in tokens:
        if token.pos_ != "VERB" or any(c.dep_ == "neg" for c in token.children):
            continue  # "I hadn't set any limit" puts nothing in place
        lemma = token.lemma_.lower()
        if lemma in vocabulary.decision_verbs:
            cue = _decision(token, lists, placed)
            if cue is not None:
                return cue
            continue
        if placed and _present_habit(token, lists):
            return token.text  # "for any bulk rename I use a checklist", told once the story is over
        if lemma not in vocabulary.adopting_verbs or (lemma in _PROPOSING and not placed):
            continue  # a proposal amid the work is part of it; "afterwards I proposed a check" is a change
        subject = subject_of(token)
        if subject is None or not (subject.lower_ == "we" or is_first_person_singular(subject)):
            continue
        if not placed and (kind in _SETTING or not _still_at_work(token)):
            continue
        objects = [t for c in token.children if c.dep_ in ("dobj", "prt", "prep", "xcomp") for t in c.subtree]
        if next(find_phrases(objects, lists.safeguards), None) is not None or next(
            find_phrases(objects, lists.cadences), None
        ) is not None:
            return token.text  # a safeguard, or anything set up to recur ("a weekly sync")
        if placed and _still_at_work(token) and next(find_phrases(objects, lists.mechanisms), None) is not None:
            return token.text  # "after that I made a prep log that sits by the autoclave": an artefact still in use
    return None


_PROPOSING = frozenset({"propose"})


def _present_habit(verb: "Token", lists: PhraseLists) -> bool:
    """The speaker's own act in the present tense, on a mechanism ('I use a checklist', 'I run
    the dry run first'): told after the story, it is how the speaker works now."""
    if verb.tag_ not in ("VBP", "VBZ") or mental_act(verb) or wish_or_vague(verb):
        return False
    if verb.dep_ == "conj" and verb.head.tag_ == "VBD":
        return False  # "I traced it and I rewrote the rule": a past act the tagger read as present
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    subject = subject_of(verb)
    if subject is None or not is_first_person_singular(subject):
        return False
    objects = [t for c in verb.children if c.dep_ in ("dobj", "prt", "prep", "xcomp") for t in c.subtree]
    return next(find_phrases(objects, lists.safeguards), None) is not None or next(
        find_phrases(objects, lists.mechanisms), None) is not None


def _still_at_work(verb: "Token") -> bool:
    """A past act of setting something up, with a clause in the present that says what the
    thing does: 'I added a check that validates ...', '... an alert when the job fails',
    '..., so a bad file is never sent'. The present tense inside a past story says the
    mechanism outlived the event. The parser sometimes hangs the act under its consequence
    ("I added a limit, so a big file is never accepted": 'added' a complement of 'accepted')."""
    if verb.dep_ == "ccomp" and not _quoted(verb.head) and (_present_finite(verb.head) or _gate(verb.head)):
        return True
    things = [c for c in verb.children if c.dep_ == "dobj"]
    preps = [c for node in [verb, *things] for c in node.children if c.dep_ == "prep"]
    things += [g for c in preps for g in c.children if g.dep_ == "pobj"]
    # A clause of the act itself (its consequence or trigger), or one describing what was set up;
    # deeper clauses ("a meeting to discuss why the build is slow") describe something else.
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "conj", "ccomp")]
    # "I added an alert, moved the limit into the bootstrap so nobody sets it by hand": acts that
    # share the speaker as subject are one list, and a clause on any of them tells what was set up.
    clauses += [c for act in clauses if act.dep_ == "conj"
                and not any(s.dep_ in ("nsubj", "nsubjpass") for s in act.children)
                for c in act.children if c.dep_ in ("advcl", "ccomp")]
    # "against the warehouse, where prices are stored ...": a clause on where the act took place
    # describes the place, not what was set up.
    clauses += [c for thing in things for c in thing.children if c.dep_ in ("relcl", "acl")
                and not any(w.lower_ == "where" and w.dep_ == "advmod" for w in c.children)]
    contents = _contents_list(things)
    for node in clauses:
        if contents is not None and node.left_edge.i > contents:
            continue  # "a note: repro steps, what a duplicate order costs": what the note holds
        if node.dep_ == "conj" and _own_subject_is_speaker(node):
            continue  # "I added X and I check it": the second act is judged on its own
        if not _quoted(node) and (_present_finite(node) or _gate(node)):
            return True
    return False


def _contents_list(things: list["Token"]) -> int | None:
    """Where a colon opens the list of what a thing holds ("a one-page note: repro steps, ..."):
    the clauses after it describe the contents, not what the thing does."""
    for thing in things:
        for item in thing.children:
            if item.dep_ == "appos" and item.i > thing.i:
                colon = next((t.i for t in thing.doc[thing.i + 1 : item.i] if t.text == ":"), None)
                if colon is not None:
                    return colon
    return None


def _quoted(clause: "Token") -> bool:
    """'we built a reminders product, "your appointment is tomorrow"': a clause in quotation
    marks is words quoted, not what the thing does now."""
    return any(c.dep_ == "punct" and c.text in _QUOTES for c in clause.children)


_QUOTES = frozenset({'"', "\u201c", "\u201d"})


def _gate(verb: "Token") -> bool:
    """'..., so you couldn't close a discharge without documenting it': the consequence says
    what can no longer happen, so what was set up is a gate, in force from then on."""
    children = list(verb.children)
    return (any(c.lower_ == "so" for c in children) and any(c.dep_ == "neg" for c in children)
            and any(c.dep_ == "aux" and c.lemma_.lower() in ("can", "could") for c in children))


def _present_finite(verb: "Token") -> bool:
    return verb.pos_ in ("VERB", "AUX") and present_finite(verb)


def _own_subject_is_speaker(verb: "Token") -> bool:
    subject = subject_of(verb)
    return subject is not None and is_speaker(subject)


def _decision(verb: "Token", lists: PhraseLists, placed: bool) -> str | None:
    """'We agreed that every config change gets a second reviewer', 'it was decided that alerts
    would be routed to the pager': a decision taken by the speaker (or told with no one
    named) whose content puts a safeguard in place."""
    if not placed or not _decider(verb):
        return None
    content = [t for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree]
    if next(find_phrases(content, lists.safeguards), None) is None:
        return None
    return verb.text


def _decider(verb: "Token") -> bool:
    """The speaker decided, or the decision is told with no one named ('it was decided')."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if subject.dep_ == "nsubjpass":
        return subject.lower_ == "it" and not any(c.dep_ == "agent" for c in verb.children)
    return is_speaker(subject)


def resolution_cue(sentence: "SpacySpan", vocabulary: LessonVocabulary, lists: PhraseLists) -> str | None:
    """'We agreed to review config changes more carefully in future', 'I decided that from
    now on ...': a decision about how the speaker acts from then on, a lesson statement
    even when told in the past."""
    forward = [(first, last) for first, last, _ in find_phrases(list(sentence), lists.forward)]
    if not forward:
        return None
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in vocabulary.decision_verbs or not _decider(verb):
            continue
        content = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
        if any(first.i in content or first.head.i == verb.i for first, _ in forward):
            return verb.text
    return None


def present_habit_cue(sentence: "SpacySpan", vocabulary: LessonVocabulary, lists: PhraseLists | None = None,
                      kind: SectionKind = SectionKind.other) -> str | None:
    """'Now, for anything hard to undo, I write a decision record': 'now' (or 'nowadays',
    'these days') on an act of the speaker's told in the present, however far apart the
    two stand. An act of the mind or a wish ('I try to be ... now') is no habit.

    Once the scene is set, a rule now in force counts too, whoever it binds: 'config changes
    now go through the canary', 'now any ticket with an allergy gets read back' (a whole
    class of cases, or a safeguard named in the clause; needs `lists`)."""
    for token in sentence:
        if token.dep_ not in ("advmod", "npadvmod") or token.lemma_.lower() not in vocabulary.present_markers:
            continue
        these_days = token.lower_ == "days" and any(c.lower_ == "these" for c in token.children)
        if token.lemma_.lower() == "day" and not these_days:
            continue  # "these days" is now; "the same day" or "one day" is a date in the story
        verb = token.head
        # "I do handover at the bedside now": the parser may hang 'now' on the act's object.
        while verb.dep_ in ("dobj", "pobj", "prep") and verb.head.i != verb.i and not present_finite(verb):
            verb = verb.head
        # "what I do now: ...": 'do' as the main verb is often tagged an auxiliary.
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass") or not present_finite(verb):
            continue
        # "Now anything that touches customers, I ask ...": the parser may hang the speaker's
        # clause beside the one 'now' modifies.
        # "... now needs a review, and we run a drill before every event": 'now' covers both clauses.
        for act in [verb, *(c for c in verb.children if c.dep_ in ("parataxis", "conj") and present_finite(c))]:
            subject = subject_of(act)
            if subject is not None and is_speaker(subject) and not mental_act(act) and not wish_or_vague(act):
                return token.text
        if lists is not None and kind not in _SETTING and _rule_in_force(verb, lists):
            return token.text
    return None


def changed_practice_cue(sentence: "SpacySpan") -> str | None:
    """'After that I changed what I do', 'it changed how I run handovers', 'what I changed is how
    I run reviews': the speaker says their
    way of working changed; what follows in the paragraph tells how."""
    for verb in sentence:
        if verb.lemma_.lower() != "change" or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
            continue
        # "What I changed is how I run reviews": the practice is what the change is said to be.
        holder = verb.head if verb.dep_ == "csubj" and verb.head.lemma_ == "be" else verb
        practice = next((c for c in holder.children if c.dep_ in ("ccomp", "dobj", "attr")
                         and any(w.lower_ in ("what", "how") for w in c.subtree if w.i < c.i)), None)
        if practice is None:
            continue
        doer = subject_of(practice) if practice.pos_ in ("VERB", "AUX") else None
        if doer is not None and is_speaker(doer) and present_finite(practice):
            return sentence.doc[verb.i : practice.i + 1].text
    return None


def _rule_in_force(verb: "Token", lists: PhraseLists) -> bool:
    """'Any ticket with an allergy now gets read back', 'config now goes through the canary',
    'the export now gets a second review': a thing (not a person) held to a safeguard, or a
    whole class of cases that something is done to."""
    subject = subject_of(verb)  # the nearest: "One, config now goes ..." lists the change as "one"
    if subject is None or subject.dep_ not in ("nsubj", "nsubjpass") or subject.pos_ not in ("NOUN", "PROPN") \
            or names_a_person(subject):
        return False
    if for_every(subject) and subject.dep_ == "nsubjpass":
        return True  # "every parcel now arrives with a code" is an outcome; "gets weighed" a procedure
    if for_every(subject) and any(c.dep_ == "dobj" and next(find_phrases(list(c.subtree), lists.mechanisms), None)
                                  is not None for c in verb.children):
        return True  # "now any build-or-buy choice gets a decision record": every case is given the mechanism
    if for_every(subject) and waits_on_a_step(verb, subject) is not None:
        # "any new component now needs its metrics split before it goes live", "any dependency bump
        # now soaks a day in staging before prod": each case waits on a step, a gate.
        return True
    # With an object, the object is what the thing is held to ("gets a second review"); otherwise
    # a team is acting ("product now includes support in their plans").
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects:  # the object's own phrase: "a second review", not "support in their checklist"
        held_to = [t for o in objects for t in o.doc[o.left_edge.i : o.i + 1]]
    else:
        held_to = [t for c in verb.children if c.i != subject.i for t in c.subtree]
    return next(find_phrases(held_to, lists.safeguards), None) is not None
