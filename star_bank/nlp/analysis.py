"""A story as the check kinds see it: its sections' prose, parsed once by spaCy.

Kinds yield `Hit`s in clean-prose or file coordinates; the engine turns them
into `Finding`s with exact file positions.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from star_bank.model.story import SectionKind, Story
from star_bank.story.positions import LineIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

    # A type only: the prose module compiles its patterns on import, which a cached run never needs.
    from star_bank.story.prose import Prose

# Story traits that decide which rules and rubric apply.
FAILURE_ARCHETYPES = frozenset({3, 8})
# "incident" is not among them: the speaker may have debugged the incident, not caused it.
FAILURE_TAGS = frozenset({"failure", "mistake", "postmortem", "regret"})
LEARNING_TAGS = frozenset({"learning", "growth", "continuous-learning"})


@dataclass
class SectionText:
    """One section's clean prose and its spaCy Doc (None until parsed)."""

    kind: SectionKind
    label: str
    heading: tuple[int, int]  # file offsets of the heading or bold label
    prose: Prose
    doc: "Doc | None" = None


@dataclass
class Hit:
    """A place a kind found, in file offsets, with values for the rule's message."""

    start: int
    end: int
    section: SectionKind | None = None
    values: dict[str, Any] = field(default_factory=dict)
    severity: str | None = None  # overrides the rule's severity for this hit


@dataclass
class AnalysedStory:
    story: Story
    index: LineIndex
    sections: list[SectionText]
    archetypes: list[int]  # front matter, else classified; best first
    # The story's ArchetypeMatch (star_bank.retrieve.classify), classified once for every
    # command that reads it: the linter, the bank rules and the rubric.
    classification: Any = field(default=None, repr=False, compare=False)
    # Results several kinds share (the lesson statements), computed once per story.
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_failure(self) -> bool:
        """A story about the speaker's own mistake (archetypes 3 and 8, or a failure tag)."""
        front = self.story.front_matter
        if FAILURE_TAGS & {t.lower() for t in front.tags}:
            return True
        if front.archetypes:
            return bool(FAILURE_ARCHETYPES & set(front.archetypes))
        return bool(self.archetypes) and self.archetypes[0] in FAILURE_ARCHETYPES

    @property
    def went_wrong(self) -> bool:
        """The text of a story whose front matter names no archetype tells something going wrong."""
        match = self.classification
        return bool(match is not None and match.source != "front-matter" and match.went_wrong)

    @property
    def is_learning(self) -> bool:
        return bool(LEARNING_TAGS & {t.lower() for t in self.story.front_matter.tags})

    @property
    def unlabelled(self) -> bool:
        """No STAR label at all: the whole body is one `other` section named "story"."""
        return not self.story.sections

    @property
    def labels_missing(self) -> bool:
        """The writer's labels do not mark the story's parts: one stretch of prose, or parts the parser
        inferred (all of them, or those told as prose under a lone "Situation:")."""
        return self.unlabelled or any(s.inferred for s in self.story.sections)

    def in_scope(self, scope: Iterable[str]) -> list[SectionText]:
        """The sections a rule reads. In an unlabelled story, a rule that reads the
        narrative parts (situation or action) reads the whole body."""
        wanted = set(scope)
        if self.unlabelled and wanted & {"situation", "action"}:
            return list(self.sections)
        return [s for s in self.sections if s.kind.value in wanted]

    def section(self, kind: SectionKind | str) -> SectionText | None:
        kind = SectionKind(kind)
        return next((s for s in self.sections if s.kind == kind), None)

    # Anchors: where a section-level or story-level finding points.
    def heading_hit(self, section: SectionText, **values: Any) -> Hit:
        start, end = section.heading
        if start == end and self.story.text:
            # An inferred part has no label: point at its first line.
            end = max(start, self.index.ends[self.index.line_of(start)])
        return Hit(start, end, section.kind, values)

    def story_hit(self, **values: Any) -> Hit:
        span = self.story.title_span
        if span is not None:
            return Hit(span.start, span.end, None, values)
        # No title: the first section's label, else the top of the file.
        start = self.sections[0].heading[0] if self.sections else 0
        end = self.index.ends[self.index.line_of(start)] if self.story.text else 0
        return Hit(start, end, None, values)

    def prose_hit(self, section: SectionText, start: int, end: int, **values: Any) -> Hit:
        a, b = section.prose.source_range(start, end)
        return Hit(a, b, section.kind, values)

    def token_hit(self, section: SectionText, first: "Token", last: "Token | None" = None, **values: Any) -> Hit:
        last = last or first
        return self.prose_hit(section, first.idx, last.idx + len(last.text), **values)


_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


_NOBODY = frozenset({"nobody", "noone", "none"})


def nobody(subject: "Token | None") -> bool:
    """'nobody', 'no one', 'none of us'."""
    return subject is not None and (subject.lower_ in _NOBODY or (
        subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children)))


def subject_of(verb: "Token") -> "Token | None":
    """The nominal subject of a verb (climbing conjunctions: 'I traced and fixed it')."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
                    and not _timestamp(c)]
        if subjects:
            # Two subjects is a misparse ("The habit I took: ..., I call them"): the nearest is the verb's.
            return max(subjects, key=lambda s: (s.i < node.i, s.i if s.i < node.i else -s.i))
        if (node.dep_ in ("conj", "xcomp", "advcl") or _run_on_act(node)) and node.head.i != node.i:
            node = node.head
        else:
            break
    return None


def _run_on_act(verb: "Token") -> bool:
    """'I rolled back within the hour, then told my manager': the parser leaves a second past
    act after a comma unlabelled ('dep'); it shares the first act's subject."""
    return (verb.dep_ == "dep" and verb.tag_ == "VBD" and verb.head.pos_ == "VERB" and verb.head.tag_ == "VBD"
            and verb.i > verb.head.i)


def _timestamp(token: "Token") -> bool:
    """'10:45 cancelled my backend': a clock time the parser took for the subject of a note's
    verb; a timeline's acts have no subject ('4.12 shipped Thursday' has one: the release)."""
    return token.i < token.head.i and token.n_lefts + token.n_rights == 0 and _CLOCK.fullmatch(token.text) is not None


def is_first_person_singular(token: "Token") -> bool:
    """'I', or a coordination that includes 'I' ('My manager and I'); in a story told in the
    second person ("you open the logs, you find ..."), 'you' (see `mark_narrator`)."""
    if token.lower_ in ("i", "me", "myself"):
        return True
    if token.lower_ in ("you", "yourself") and token.doc.user_data.get(NARRATOR) == "you":
        return True
    return any(c.lower_ == "i" for c in token.conjuncts)


NARRATOR = "star_bank.narrator"
# A story told in the second person: this many "you" narrating acts, and far more than "I".
_YOU_NARRATION = 6


def mark_narrator(story: AnalysedStory) -> None:
    """Mark the Docs of a story told in the second person ("You get paged at 2:10. You open
    the dashboard ..."): its "you" is the speaker. "You" narrates when it is the subject of a
    verb told as fact (no modal: "you should" is advice); the speaker's own "I" must be rare."""
    docs = [section.doc for section in story.sections if section.doc is not None]
    you = sum(1 for doc in docs for t in doc if t.lower_ == "you" and t.dep_ == "nsubj" and _told(t.head))
    i = sum(1 for doc in docs for t in doc if t.lower_ == "i" and t.dep_ == "nsubj")
    if you >= _YOU_NARRATION and you >= 3 * i:
        for doc in docs:
            doc.user_data[NARRATOR] = "you"


def _told(verb: "Token") -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def sentence_of(token: "Token") -> "SpacySpan":
    return token.sent


def opens_as_note(verb: "Token") -> bool:
    """'Pulled a month of lag graphs.', '- 10:45 cancelled the job': an act told as a note that
    drops the writer's "I": a past verb heading its sentence, with no subject and only
    punctuation, a list number or a time before it."""
    return (verb.pos_ == "VERB" and verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBN")
            and subject_of(verb) is None and not any(c.dep_ == "auxpass" for c in verb.children)
            and all(t.is_punct or t.is_space or t.tag_ == "CD" for t in verb.sent[: verb.i - verb.sent.start]))


def notes_speak_for_i(notes: int, said_i: int, said_we: float) -> bool:
    """Whether acts told as notes are the speaker's: at least two, more than the acts told with
    "I" and at least as many as those told with "we" (one "we" does not make them the team's)."""
    return notes >= 2 and notes > said_i and notes >= said_we
