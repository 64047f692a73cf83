"""Positive evidence in a story, read from the spaCy parse the linter already made.

The linter says what is wrong; the rubric also needs what is right: a
decision told with "I", a warning sign named, "within 20 minutes I told my
manager", a checklist with a cadence. Each such signal is a small spec in
`star_bank/data/rubrics.yaml` under `signals:`; this module runs them.

A signal matches a sentence (of a section in its `scope`) when:

- one of its `phrases` is in it (lemma matching, star_bank/nlp/lexicon.py), or
- one of its `verbs` has an allowed subject ("I decided", "we paused");
  a negated verb ("I did not tell anyone") never counts,
- and the sentence has one of its `with_phrases` (when given), or, with
  `with_recipient`, the matched verb is addressed to a person the parse finds,
- and every condition in `requires` holds: `timing` ("within 20 minutes",
  "at 01:40", "the next morning"), `number`, `first_person`.

A signal with neither phrases nor verbs matches on its conditions alone
(`result_number`: any sentence of the Result with a number in it).
Each sentence gives at most one `Mark` per signal.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field

from star_bank.nlp.actors import is_person_or_group
from star_bank.nlp.analysis import AnalysedStory, SectionText, is_first_person_singular, subject_of
from star_bank.lint.kinds.required_number import has_number
from star_bank.nlp.lexicon import Phrase, PhraseItem, compile_phrases, find_phrases
from star_bank.model.story import SectionKind, Story
from star_bank.story.prose import starts_list_item

if TYPE_CHECKING:
    from spacy.tokens import Token

ALL_SECTIONS = [kind.value for kind in SectionKind]
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")


def clock_time(token: "Token") -> bool:
    """'01:40', 'p.m.': a time of day."""
    return bool(_CLOCK.match(token.text)) or token.lower_ in ("a.m.", "p.m.")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
_QUANTIFIERS = {"a", "an", "few", "several", "couple", "half"}
# Words that place a unit of time on the story's clock: "the next evening", "that night".
_DEICTIC = {"next", "following", "same", "that", "this", "previous"}
_HYPOTHETICAL = {"should", "would", "could", "might", "may", "'d"}
# Words that tie a unit of time to an event of the story: "the day of the launch".
_ANCHORS = {"of", "after", "before"}


class SignalSpec(BaseModel):
    """One detector, as written in rubrics.yaml."""

    model_config = ConfigDict(extra="forbid")

    doc: str
    phrases: list[PhraseItem] = Field(default_factory=list)
    verbs: list[str] = Field(default_factory=list)
    subjects: list[Literal["i", "we", "any"]] = Field(default_factory=lambda: ["i"])
    with_phrases: list[str] = Field(default_factory=list)
    # The matched verb addressed to a person ("emailed it to our CISO", "told Priya") also
    # satisfies `with_phrases`: the parse finds a recipient no list of roles foresees.
    with_recipient: bool = False
    requires: list[Literal["timing", "number", "first_person"]] = Field(default_factory=list)
    scope: list[Literal[tuple(ALL_SECTIONS)]] = Field(default_factory=lambda: list(ALL_SECTIONS))  # type: ignore[valid-type]
    max_gap: int = Field(1, ge=0, le=10)
    # The matched verb's object is a person only with what was seen in them: "I found the
    # compliance lead" locates someone; "I saw Sam struggling" notices something.
    not_a_person_found: bool = False
    # A phrase that opens with a verb counts only told as past: "to treat it as a hard rule" is
    # a purpose, "we treat it as a reschedule" a standing rule; "I treated it as noise" is what happened.
    phrase_in_past: bool = False


class TimingLexicon(BaseModel):
    """What makes a sentence timed: a count before a unit, a clock time, or a phrase."""

    model_config = ConfigDict(extra="forbid")

    units: list[str]
    phrases: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Mark:
    """Where a signal (or a finding) was seen: file offsets, section and sentence."""

    signal: str
    start: int
    end: int
    section: SectionKind | None
    sentence: str


@dataclass(frozen=True)
class _CompiledSignal:
    name: str
    spec: SignalSpec
    phrases: list[Phrase]
    verbs: frozenset[str]
    particles: dict[str, frozenset[str]]  # "roll back": roll -> {back}, unless "roll" is listed alone
    with_phrases: list[Phrase]


class SignalDetector:
    """Runs the signal specs over analysed stories (spaCy Docs attached)."""

    def __init__(self, specs: dict[str, SignalSpec], timing: TimingLexicon) -> None:
        self.signals = [_compile(name, spec) for name, spec in specs.items()]
        self.timing_units = frozenset(u.lower() for u in timing.units)
        self.timing_phrases = compile_phrases(timing.phrases)

    def detect(self, story: AnalysedStory) -> dict[str, list[Mark]]:
        """Every signal's marks in the story, in text order (an empty list when absent)."""
        marks: dict[str, list[Mark]] = {signal.name: [] for signal in self.signals}
        has_action = any(section.kind == SectionKind.action for section in story.sections)
        for section in story.sections:
            if section.doc is None:
                continue
            # With no Action section, the acts are told under the heading read as the Task
            # ("My part"): signals scoped to the Action read it too.
            scoped_as = {section.kind.value, *(["action"] if section.kind == SectionKind.task and not has_action else [])}
            for sentence in section.doc.sents:
                for tokens in list_items(list(sentence), section, story.story.text):
                    text = section.doc[tokens[0].i : tokens[-1].i + 1].text
                    facts = _SentenceFacts(tokens, self)
                    for signal in self.signals:
                        if scoped_as.isdisjoint(signal.spec.scope):
                            continue
                        hit = _match(signal, tokens, facts)
                        if hit is not None:
                            marks[signal.name].append(_mark(signal.name, section, text, hit))
        return marks

    def is_timed(self, tokens: list["Token"]) -> bool:
        """A time expression: '20 minutes', 'an hour', '01:40', 'the next morning', or an act
        placed before another ('before the manager heard it from anyone else')."""
        for i, token in enumerate(tokens):
            if clock_time(token) or _placed_before(token):
                return True
            if token.lemma_.lower() in self.timing_units or token.lower_ in self.timing_units:
                before = tokens[max(0, i - 2) : i]
                if any(t.like_num or _ORDINAL.match(t.text) or t.lower_ in _QUANTIFIERS | _DEICTIC for t in before):
                    return True  # "20 minutes", "an hour", "the 3rd day", "the next evening"
                after = tokens[i + 1 : i + 2]
                if any(t.like_num for t in after) and token.lower_ in ("week", "day", "month", "sprint"):
                    return True  # "at week 2", "on day 3"
                if before[-1:] and before[-1].lower_ == "the" and any(t.lower_ in _ANCHORS for t in after):
                    return True  # "the afternoon of the repro", "the morning after the release"
        return next(find_phrases(tokens, self.timing_phrases), None) is not None


def _placed_before(token: "Token") -> bool:
    """'before the manager heard it from anyone else': a past event the act came ahead of
    ('so we see it before a customer does' is a safeguard's purpose, not a time)."""
    return token.lower_ == "before" and token.dep_ == "mark" and token.head.tag_ == "VBD"


class _SentenceFacts:
    """Sentence conditions, computed once per sentence and only when asked."""

    def __init__(self, tokens: list["Token"], detector: SignalDetector) -> None:
        self.tokens = tokens
        self.detector = detector
        self._cache: dict[str, bool] = {}

    def holds(self, condition: str) -> bool:
        if condition not in self._cache:
            if condition == "timing":
                value = self.detector.is_timed(self.tokens)
            elif condition == "number":
                value = has_number(self.tokens)
            else:  # first_person
                value = any(t.lower_ in ("i", "me", "my", "myself") for t in self.tokens)
            self._cache[condition] = value
        return self._cache[condition]


def _compile(name: str, spec: SignalSpec) -> _CompiledSignal:
    verbs: set[str] = set()
    particles: dict[str, set[str]] = {}
    for verb in spec.verbs:
        head, *rest = verb.lower().split()
        verbs.add(head)
        if rest:
            particles.setdefault(head, set()).add(rest[0])
    bare = {v.lower() for v in spec.verbs if " " not in v}
    particles = {head: words for head, words in particles.items() if head not in bare}
    return _CompiledSignal(
        name,
        spec,
        compile_phrases(spec.phrases),
        frozenset(verbs),
        {k: frozenset(v) for k, v in particles.items()},
        compile_phrases(spec.with_phrases),
    )


def _match(signal: _CompiledSignal, tokens: list["Token"], facts: _SentenceFacts) -> tuple["Token", "Token"] | None:
    spec = signal.spec
    hit: tuple[Token, Token] | None = None
    if signal.phrases:
        found = next(find_phrases(tokens, signal.phrases, spec.max_gap), None)
        if found is not None and not (spec.phrase_in_past and _not_past(found[0])):
            hit = (found[0], found[1])
    if hit is None and signal.verbs:
        verb = next((t for t in tokens if _verb_matches(signal, t, tokens[0])), None)
        if verb is not None:
            hit = (verb, verb)
    if hit is None and not signal.phrases and not signal.verbs:
        hit = (tokens[0], tokens[-1]) if tokens else None
    if hit is None:
        return None
    # The people told are named by nouns: "grouped the stops" names no group.
    with_hits = (found for found in find_phrases(tokens, signal.with_phrases)
                 if not (spec.with_recipient and found[0].pos_ == "VERB"))
    if signal.with_phrases and next(with_hits, None) is None:
        addressed = spec.with_recipient and signal.verbs and next(
            (t for t in tokens if _verb_matches(signal, t, tokens[0]) and _has_recipient(t)), None)
        if not addressed:
            return None
        hit = (addressed, addressed)
    if not all(facts.holds(condition) for condition in spec.requires):
        return None
    return hit


_RECIPIENT_PRONOUNS = frozenset({"him", "her", "them", "everyone", "everybody", "anyone"})
_HEARER_VERBS = frozenset({"tell", "inform", "notify", "brief", "warn", "contact", "phone", "ring"})
# Where a team hears something together: "said in the review" tells everyone in it.
_GATHERINGS = frozenset({"review", "meeting", "standup", "stand-up", "retro", "retrospective", "postmortem",
                         "post-mortem", "sync", "huddle", "all-hands", "thread", "channel", "debrief", "room"})


def _has_recipient(verb: "Token") -> bool:
    """A person the act is addressed to: its object or dative ("told Priya", "emailed him"), or
    the object of its "to" ("emailed it to our CISO"): a name, a person pronoun or a role acronym."""
    heard = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    knowing = _let_know(verb)
    heard += [c for c in knowing.children if c.dep_ == "nsubj"] if knowing is not None else []  # "let Ines know"
    heard += [g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
              for g in c.children if g.dep_ == "pobj"]
    if verb.lemma_.lower() in _HEARER_VERBS and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children):
        return True  # "told the editor", "warned the ward sister": these verbs' object is a hearer
    # The place may hang on a time phrase: "the next morning in the review I said ...".
    heads = [verb, *(c for c in verb.children if c.dep_ == "npadvmod")]
    if any(c.dep_ == "prep" and c.lower_ in ("in", "at", "during") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _GATHERINGS for g in c.children)
           for head in heads for c in head.children):
        return True  # "in the review I said I was wrong": told to everyone there
    for who in heard:
        for token in (who, *who.conjuncts):
            if token.lower_ in _RECIPIENT_PRONOUNS or token.ent_type_ in ("PERSON", "ORG"):
                return True
            if token.pos_ == "PROPN" or (token.text.isupper() and 2 <= len(token.text) <= 5):
                return True
    return False


def _let_know(verb: "Token") -> "Token | None":
    """The 'know' of "let someone know", which tells them."""
    if verb.lemma_.lower() != "let":
        return None
    return next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() == "know"), None)


def _verb_matches(signal: _CompiledSignal, token: "Token", lead: "Token | None" = None) -> bool:
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if "*" not in signal.verbs and lemma not in signal.verbs and token.lower_ not in signal.verbs:
        return False
    wanted = signal.particles.get(lemma)
    if wanted and not any(c.dep_ == "prt" and c.lower_ in wanted for c in token.children):
        return False
    if lemma == "let" and _let_know(token) is None:
        return False  # "let" tells only as "let someone know"
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL) for c in token.children):
        return False  # "I did not tell anyone", "I should have run it": not something done
    if signal.spec.not_a_person_found and _found_a_person(token):
        return False
    return _subject_allowed(token, signal.spec.subjects, lead)


def _not_past(verb: "Token") -> bool:
    """A verb in the present, or an infinitive ('to treat'): not an event of the story."""
    return verb.pos_ == "VERB" and (verb.tag_ in ("VBP", "VBZ") or (
        verb.tag_ == "VB" and any(c.tag_ == "TO" for c in verb.children)))


def _found_a_person(verb: "Token") -> bool:
    """'I went and found the compliance lead': the object is someone, with nothing seen in them."""
    if any(c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and is_person_or_group(c) and not any(g.dep_ in ("acl", "relcl", "amod") for g in c.children)
               for c in verb.children)


def _subject_allowed(verb: "Token", subjects: list[str], lead: "Token | None" = None) -> bool:
    if "any" in subjects:
        return True
    subject = subject_of(verb)
    if subject is not None and lead is not None and subject.i < lead.i:
        subject = None  # parsed across a list item's start: the word belongs to the item before
    if subject is not None and subject.i > verb.i and _opens_note(verb, lead):
        subject = None  # "Called her back and told her: this was mine": the clause after a colon has its own
    if subject is None and "i" in subjects and (_opens_note(verb, lead) or _listed_after_my_colon(verb, lead)):
        return True  # "rolled it back myself": a note that starts with its verb means "I"
    if subject is None or subject.dep_ in ("nsubjpass", "csubjpass"):
        return False  # "I was paged" is not something I did
    if "i" in subjects and is_first_person_singular(subject):
        return True
    return "we" in subjects and (subject.lower_ == "we" or any(c.lower_ == "we" for c in subject.conjuncts))


def _opens_note(verb: "Token", lead: "Token | None") -> bool:
    """A past-tense verb that opens its sentence or list item, with no subject anywhere before it."""
    if lead is None or not _past_act(verb) or verb.i < lead.i:
        return False
    if verb.dep_ == "conj" and verb.head.i >= lead.i:  # "reverted it and wrote to the team": one reading for both
        return _past_act(verb.head) and _opens_note(verb.head, lead)
    # "10:47 posted in the incident channel": a note may open with its time stamp.
    return all(t.pos_ in ("ADV", "PUNCT", "SPACE", "CCONJ", "SYM") or clock_time(t) for t in verb.doc[lead.i : verb.i])


def _past_act(verb: "Token") -> bool:
    """A past tense, or a bare participle the parser took for one ("Called her back and told
    her": no auxiliary, so nothing makes it a passive or a perfect)."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _listed_after_my_colon(verb: "Token", lead: "Token | None") -> bool:
    """'I did three things that day: told my manager, moved the jobs ...': past-tense verbs
    listed after a colon whose clause has the speaker as its subject are the speaker's."""
    if lead is None or verb.tag_ != "VBD":
        return False
    while verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.tag_ == "VBD":
        verb = verb.head
    before = [t for t in verb.doc[lead.i : verb.i] if t.pos_ not in ("ADV", "SPACE")]
    if not before or before[-1].text != ":":
        return False
    return any(t.dep_ == "nsubj" and is_first_person_singular(t) for t in before[:-1])


def _mark(name: str, section: SectionText, sentence: str, hit: tuple["Token", "Token"]) -> Mark:
    first, last = hit
    start, end = section.prose.source_range(first.idx, last.idx + len(last.text))
    return Mark(name, start, end, section.kind, sentence.strip())


def list_items(tokens: list["Token"], section: SectionText, story_text: str) -> list[list["Token"]]:
    """A parser sentence cut where a Markdown list item begins: notes in bullets carry no
    full stops, and "week 3" in one bullet must not time the step in the next."""
    runs: list[list["Token"]] = []
    origin = section.prose.origin
    for token in tokens:
        cut = runs and token.idx < len(origin) and starts_list_item(story_text, origin[token.idx])
        if not runs or cut:
            runs.append([])
        runs[-1].append(token)
    return runs


class SentenceIndex:
    """The parser's sentences of a story, to quote the sentence around any offset."""

    def __init__(self, story: Story) -> None:
        spans = sorted(
            ((s.span.start, s.span.end, s.text) for section in story.sections for s in section.sentences),
            key=lambda item: item[0],
        )
        self._starts = [start for start, _, _ in spans]
        self._spans = spans

    def sentence_at(self, offset: int) -> str | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0:
            start, end, text = self._spans[i]
            if start <= offset < end:
                return text
        return None


def iter_marks(marks: dict[str, list[Mark]], *names: str) -> Iterator[Mark]:
    """The marks of several signals, in text order, one per sentence."""
    seen: set[str] = set()
    for mark in sorted((m for name in names for m in marks.get(name, [])), key=lambda m: m.start):
        if mark.sentence not in seen:
            seen.add(mark.sentence)
            yield mark


__all__ = ["Mark", "SentenceIndex", "SignalDetector", "SignalSpec", "TimingLexicon", "iter_marks"]
