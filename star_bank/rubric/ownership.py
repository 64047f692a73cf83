"""Ownership: how much of what happened the speaker tells as their own act.

Counted per verb, not per sentence, over the narrative (the lesson and the
tie-in tell the future, not what happened), from the spaCy parse:

- **own**: a verb whose subject is the speaker ("I traced it and fixed it" is
  two; each bullet of a list is one);
- **we**: a verb whose subject is "we": the speaker's part is blurred;
- **fragments**: a verb with no subject at all ("Initiated meetings",
  "Rolled back at once"): the reader has to guess who acted;
- **hidden**: the passives that hide the speaker's or the team's act (the
  passive-voice rule's findings; "I was assigned to build" is not one).

A verb of state (be, have, feel, want) or a hedged, negated or hypothetical one
is not an act. A hiding passive that hides a decision ("the date was agreed",
"mistakes were made") keeps the story from expert unless the speaker owns three
decisions or more: then they lead with their own choices, and one decision told
without its maker hides no one.
The verbs that are soft ("listen", "communicate", "work with",
"help") are acts but not decisions: a story made only of them has no decision
of the speaker's, and cannot be expert. An outside cause told first (the
blame-first rule) keeps a failure story from expert too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import is_first_person_singular, notes_speak_for_i, opens_as_note, subject_of
from star_bank.rubric.evidence import Judgement, StoryEvidence, advice_list, judge, more_note, unique_marks
from star_bank.rubric.signals import Mark, list_items

if TYPE_CHECKING:
    from spacy.tokens import Token

# Clause heads: a verb that carries an act of its own.
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "xcomp", "parataxis", "relcl"})
_NOT_NARRATIVE = (SectionKind.lesson, SectionKind.tie_in)
_SETTING = (SectionKind.situation,)
_HEDGES = frozenset({"would", "could", "should", "might", "may", "'d", "will", "can", "must"})
_NOTHING = frozenset({"anything", "anyone", "anybody", "nothing"})
# Expert: this share of all acts, and decisions for at least half of the own acts
# (two at least, unless every own act is one).
EXPERT_SHARE = 0.55
EXPERT_DECISION_SHARE = 0.5
# A passive with no actor whose verb is one of these hides a decision ("the go-live date
# was agreed", "it was decided", "the launch was pushed back"), or whose subject is one of
# the nouns ("mistakes were made"): a story that hides one is not expert on ownership.
_DECIDING = frozenset({"decide", "agree", "choose", "approve", "push", "postpone", "schedule", "plan",
                       "propose", "commit", "cancel", "promise"})
_DECISION_NOUNS = frozenset({"decision", "mistake", "call", "choice", "error", "commitment", "promise"})
# A hiding passive that hides a decision keeps from expert only a story whose speaker owns
# fewer decisions than this.
OWNED_DECISIONS = 3
# Fewer own acts than this share of all acts is novice. On the labelled stories of the
# development corpus and bench/heldout*, the stories annotators rated novice run up to
# about a quarter, the intermediate ones mostly from 0.29 up.
NOVICE_SHARE = 0.28
# "We" blurs the speaker's part, but it is also fair credit to a team: each "we"
# counts this much of an act (a hiding passive counts whole).
BLUR_WEIGHT = 0.5

_PROBLEM = {
    "blame-first": "puts an outside cause first",
    "passive-voice": "hides who acted",
    "we-overuse": "lets 'we' replace 'I'",
    "fragments": "leaves out who acted",
    "we": "tells it as 'we'",
}


@dataclass
class Acts:
    """The narrative's acts by who did them, as marks on their sentences."""

    own: list[Mark] = field(default_factory=list)
    decisions: list[Mark] = field(default_factory=list)
    we: list[Mark] = field(default_factory=list)
    fragments: list[Mark] = field(default_factory=list)
    verbs: dict[int, str] = field(default_factory=dict)  # an act's file offset -> its verb's lemma
    omissions: set[int] = field(default_factory=set)  # offsets of acts owned as not done ("I didn't test")
    unsaid: bool = False  # the acts are notes with no subject: the speaker never says "I"

    def share(self, hidden: int) -> float:
        """The speaker's own acts as a share of every act told (fragments count whole)."""
        total = len(self.own) + len(self.fragments) + hidden + BLUR_WEIGHT * len(self.we)
        return len(self.own) / total if total else 0.0

    def decided(self) -> bool:
        """Enough of the own acts are decisions, not soft verbs."""
        enough = len(self.decisions) >= 2 or (self.decisions and len(self.decisions) == len(self.own))
        return bool(enough) and len(self.decisions) >= EXPERT_DECISION_SHARE * len(self.own)


def count_acts(ev: StoryEvidence) -> Acts:
    """Every act in the narrative, by its subject (see the module docstring).

    In a failure story an omission owned with "I" ("I didn't test the migration")
    is an act of the speaker's: naming it is what ownership asks for.
    """
    omissions = ev.rubric == "failure"
    state_verbs = frozenset(ev.book.ownership.state_verbs)
    soft_verbs = frozenset(ev.book.ownership.soft_verbs)
    lessons = {(lesson.section.kind, lesson.start) for lesson in ev.lessons}
    acts = Acts()
    for section in ev.story.sections:
        if section.doc is None or section.kind in _NOT_NARRATIVE:
            continue
        for sentence in section.doc.sents:
            if (section.kind, sentence.start_char) in lessons:
                continue
            for item in list_items(list(sentence), section, ev.story.story.text):
                text = section.doc[item[0].i : item[-1].i + 1].text.strip()
                for token in item:
                    kind = _act_kind(token, state_verbs, omissions)
                    if kind is None or (kind == "we" and section.kind in _SETTING):
                        continue  # "we" that sets the scene ("a gateway we paid for") blurs no act
                    start, end = section.prose.source_range(token.idx, token.idx + len(token.text))
                    mark = Mark(kind, start, end, section.kind, text)
                    getattr(acts, kind).append(mark)
                    acts.verbs[start] = token.lemma_.lower()
                    if any(c.dep_ == "neg" for c in token.children):
                        acts.omissions.add(start)
                    if kind == "own" and token.lemma_.lower() not in soft_verbs and not _making_sure(token):
                        acts.decisions.append(mark)
    return _notes_in_first_person(acts, soft_verbs)


def _notes_in_first_person(acts: Acts, soft_verbs: frozenset[str]) -> Acts:
    """Notes written without a subject ("Wrote the bot. Found out from the chat. Handed it
    over.") drop only the writer's "I": where they outnumber the acts told with "I" and are at
    least as many as those told with "we", their acts are the speaker's, though never said."""
    if not notes_speak_for_i(len(acts.fragments), len(acts.own), len(acts.we)):
        return acts
    mine = [replace(m, signal="own") for m in acts.fragments]
    decided = [m for m in mine if acts.verbs.get(m.start) not in soft_verbs]
    by_start = lambda m: m.start  # noqa: E731
    return replace(acts, own=sorted([*acts.own, *mine], key=by_start),
                   decisions=sorted([*acts.decisions, *decided], key=by_start), fragments=[], unsaid=not acts.own)


def _making_sure(verb: "Token") -> bool:
    """'make sure', 'make certain': checking on things, as soft as 'ensure'."""
    return verb.lemma_.lower() == "make" and any(c.lower_ in ("sure", "certain") for c in verb.children)


def _act_kind(token: "Token", state_verbs: frozenset[str], omissions: bool) -> str | None:
    """'own', 'we', 'fragments' or None (not an act) for one token."""
    if token.pos_ != "VERB" or token.dep_ not in _CLAUSE_DEPS:
        return None
    if token.lemma_.lower() in state_verbs:
        return None
    if any(c.dep_ == "aux" and c.lower_ in _HEDGES for c in token.children):
        return None
    if any(c.dep_ == "neg" for c in token.children):
        if not omissions or any(c.dep_ == "dobj" and c.lower_ in _NOTHING for c in token.children):
            return None  # "I did not decide anything" owns nothing
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return None  # a passive: the passive-voice rule decides whether it hides anyone
    subject = subject_of(token)
    if subject is None:
        return "fragments" if opens_as_note(token) else None
    if subject.dep_ in ("nsubjpass", "csubjpass", "expl"):
        return None
    if is_first_person_singular(subject):
        return "own"
    if subject.lower_ == "we" or any(c.lower_ == "we" for c in subject.conjuncts):
        return "we"
    return None


def rate_ownership(ev: StoryEvidence) -> Judgement:
    """Ownership: the speaker's own decisions and acts against 'we', fragments and hiding passives."""
    acts = count_acts(ev)
    hidden = ev.found("passive-voice")
    blame = ev.found("blame-first") if ev.rubric == "failure" else []
    share = acts.share(len(hidden))
    problems = _problems(acts, hidden, blame)
    advice = advice_list(*(ev.advise(_advice_key(m), m) for m in problems[:2]),
                         ev.advise("missing") if not acts.decisions else None)
    counts = _counts(acts, len(hidden))
    if not acts.own or share < NOVICE_SHARE or (blame and len(acts.decisions) < 2) or not acts.decisions:
        worst = "; ".join(f"{ev.cite(m, 60)} {_PROBLEM[m.signal]}" for m in problems[:2])
        reason = f"no act told with 'I' ({counts})" if not acts.own else f"few acts told with 'I' ({counts})"
        return judge("novice", f"{reason}: {worst}" if worst else reason, problems[:3], advice=advice)
    first = acts.decisions[0] if acts.decisions else acts.own[0]
    praise = f"you tell what you did with 'I' ({ev.cite(first, 70)})"
    crowded = ev.found("we-overuse")
    # A speaker who owns several decisions leads with them; one "it was decided" among them
    # hides no one (over every labelled story, the annotators rate such stories expert).
    hidden_decision = None if len(acts.decisions) >= OWNED_DECISIONS else next(
        (m for m in hidden if _hides_a_decision(ev, m)), None)
    # An answer with more hedges than decisions is unsure of its own part (a rambling, filler-laden telling).
    unsure = len(ev.found("hedging")) > len(acts.decisions)
    # Notes that never say "I" leave the listener to infer the speaker's part: not expert.
    expert = (share >= EXPERT_SHARE and acts.decided() and not blame and not crowded and hidden_decision is None
              and not acts.unsaid and not unsure)
    if expert:
        reason = f"{ev.cite(first)}{more_note(unique_marks(acts.own), 'own act')} ({counts})"
        return judge("expert", reason, [first, *acts.own[:2]], praise=praise,
                     advice=advice_list(*(ev.advise("passive-voice", m) for m in hidden[:1])))
    if not acts.decided():
        why = "few of your acts are decisions: most are soft verbs such as listening, trying or helping"
    elif crowded:
        why = f"{ev.cite(crowded[0], 60)} {_PROBLEM['we-overuse']}"
    elif blame:
        why = f"{ev.cite(blame[0], 60)} {_PROBLEM['blame-first']}"
    elif hidden_decision is not None:
        why = f"{ev.cite(hidden_decision, 60)} hides who made the decision"
    elif acts.unsaid:
        why = "the notes never say 'I': the listener has to infer who acted"
    elif unsure:
        why = "hedges ('kind of', 'I think') outnumber the decisions it tells"
    elif problems:
        why = f"{ev.cite(problems[0], 60)} {_PROBLEM[problems[0].signal]}"
    else:
        why = "only one act is told with 'I'"
    return judge("intermediate", f"{ev.cite(first, 60)} is yours, but {why} ({counts})",
                 [first, *problems[:2]], praise=praise, advice=advice)


def _hides_a_decision(ev: StoryEvidence, passive: Mark) -> bool:
    """The hiding passive's verb decides or commits ("was agreed"), or its subject is a decision."""
    for section in ev.story.sections:
        if section.doc is None:
            continue
        for token in section.doc:
            if token.pos_ != "VERB" or not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
                continue
            start, _ = section.prose.source_range(token.idx, token.idx + len(token.text))
            if passive.start <= start < max(passive.end, passive.start + 1):
                subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
                return token.lemma_.lower() in _DECIDING or any(
                    c.lemma_.lower() in _DECISION_NOUNS for c in subjects)
    return False


def _problems(acts: Acts, hidden: list[Mark], blame: list[Mark]) -> list[Mark]:
    """What blurs the speaker's part, in the order the listener hears it (one per sentence)."""
    marks = [*blame[:1], *hidden[:2], *acts.we[:2], *acts.fragments[:2]]
    return unique_marks(sorted(marks, key=lambda m: m.start))


def _advice_key(mark: Mark) -> str:
    return {"we": "we-overuse", "fragments": "fragment"}.get(mark.signal, mark.signal)


def _counts(acts: Acts, hidden: int) -> str:
    parts = [f"{len(acts.own)} with 'I'"]
    if acts.we:
        parts.append(f"{len(acts.we)} with 'we'")
    if acts.fragments:
        parts.append(f"{len(acts.fragments)} without a subject")
    if hidden:
        parts.append(f"{hidden} hiding passive{'s' if hidden > 1 else ''}")
    return ", ".join(parts)
