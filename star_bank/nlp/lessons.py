"""Lesson statements and post-event changes, wherever a story tells them.

People rarely write a Lesson heading: they say what they learned at the end of
the Result, in a closing paragraph, or in an unlabelled story's last lines. A
lesson statement is recognised from the parse, not from a heading or a list of
whole sentences:

- a learning verb with the speaker as subject and a general complement
  ("I learned to ...", "we realised that estimates need ..."); a past-tense
  complement is a discovery inside the story ("I realised the cache was stale"),
  not a lesson;
- a teaching verb with the speaker as object ("it taught me ...", "the outage
  showed us ..."), or a lesson noun as subject ("the lesson was ...");
- a marker of a change after the event ("since then", "from then on", "going
  forward", "next time", "I now ...", "I always ...") or a purpose clause about
  recurrence ("to avoid this again, I ...");
- any sentence of a section labelled as the lesson.

Each statement says whether it is hypothetical ("I would ...", "I should have
..."), which observable mechanism it names (a habit with a trigger or cadence,
a checklist, a gate, a tool, a metric, a review), and which abstract value it
states instead of a behaviour ("the importance of testing", "to communicate
better", "made me a better engineer"). The vocabulary is data:
`star_bank/data/lessons.yaml`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from pydantic import BaseModel, ConfigDict

from star_bank.data.loader import read_yaml
from star_bank.data.paths import data_path
from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import AnalysedStory, SectionText, subject_of
from star_bank.nlp.lexicon import PhraseList, compile_phrases, find_phrases
from star_bank.nlp.numbers import has_quantity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token

SPEAKER_SUBJECTS = frozenset({"i", "we"})
SPEAKER_OBJECTS = frozenset({"me", "us", "myself", "ourselves"})
# Markers that date a change after the event whatever the tense ("Since then I always ran ...").
_AFTER_MARKERS = frozenset({"since then", "ever since", "from then on", "from that point", "from that day",
                            "going forward", "moving forward", "have since", "to this day"})


class LessonVocabulary(BaseModel):
    """The word lists lesson finding reads (see star_bank/data/lessons.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    learning_verbs: list[str]
    teaching_verbs: list[str]
    lesson_nouns: list[str]
    change_markers: list[str]
    recurrence_verbs: list[str]
    recurrence_phrases: list[str]
    hypothetical_modals: list[str]
    mechanisms: list[str]
    cadences: list[str]
    value_statements: list[str]
    abstract_nouns: list[str]
    evaluations: list[str]
    person_nouns: list[str]
    vague_traits: list[str]

    def extended(self, **extra: Iterable[str]) -> "LessonVocabulary":
        """A copy with words added to some lists (a rule's `extra_mechanisms`, say)."""
        values = self.model_dump()
        for key, words in extra.items():
            values[key] = [*values[key], *words]
        return LessonVocabulary(**values)


@functools.cache
def load_vocabulary() -> LessonVocabulary:
    """The shipped vocabulary, read once."""
    path = data_path("lessons.yaml")
    return LessonVocabulary(**read_yaml(path, ValueError))


@dataclass(frozen=True)
class LessonStatement:
    """One sentence that states a lesson or a change the speaker made after the event.

    `start`/`end` are offsets in the section's clean prose (`section.prose.text`);
    `cue` is the words that mark it ("taught me", "since then", or "lesson section");
    `mechanism` the observable mechanism it names, or None; `abstraction` the
    abstract value it states with no behaviour, trigger, artefact or number, or None.
    """

    section: SectionText
    sentence: "SpacySpan"
    cue: str
    hypothetical: bool
    mechanism: str | None
    abstraction: str | None

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def start(self) -> int:
        return self.sentence.start_char

    @property
    def end(self) -> int:
        return self.sentence.end_char

    @property
    def section_kind(self) -> SectionKind:
        return self.section.kind

    @property
    def observable(self) -> bool:
        """A change a colleague could see within a week: a mechanism, not a hypothetical."""
        return self.mechanism is not None and not self.hypothetical

    @property
    def vague(self) -> bool:
        return self.abstraction is not None


def find_lessons(story: AnalysedStory, vocabulary: LessonVocabulary | None = None) -> list[LessonStatement]:
    """Every lesson statement and post-event change in the story, in text order.

    Reads the spaCy Docs attached to the story's sections (sections without a Doc
    are skipped). A tie-in section (how the story maps to the role) is not a lesson.
    """
    vocabulary = vocabulary or load_vocabulary()
    lists = _compiled(vocabulary)
    found: list[LessonStatement] = []
    for section in story.sections:
        if section.doc is None or section.kind is SectionKind.tie_in:
            continue
        in_lesson = section.kind is SectionKind.lesson
        for sentence in section.doc.sents:
            if not any(t.is_alpha for t in sentence):
                continue
            cue = lesson_cue(sentence, vocabulary, lists, section.kind)
            if cue is None and in_lesson:
                cue = "lesson section"
            if cue is None:
                continue
            mechanism = _mechanism(sentence, lists)
            abstraction = None if mechanism else _abstraction(sentence, vocabulary, lists)
            found.append(
                LessonStatement(
                    section=section,
                    sentence=sentence,
                    cue=cue,
                    hypothetical=is_hypothetical(sentence, vocabulary),
                    mechanism=mechanism,
                    abstraction=abstraction,
                )
            )
    return found


@dataclass(frozen=True)
class _Lists:
    markers: PhraseList
    recurrence: PhraseList
    mechanisms: PhraseList
    cadences: PhraseList
    values: PhraseList


_COMPILED: dict[int, tuple[LessonVocabulary, _Lists]] = {}


def _compiled(vocabulary: LessonVocabulary) -> _Lists:
    """The vocabulary's phrase lists, compiled once per vocabulary object."""
    cached = _COMPILED.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    if len(_COMPILED) > 32:
        _COMPILED.clear()
    lists = _Lists(
        markers=compile_phrases(vocabulary.change_markers),
        recurrence=compile_phrases(vocabulary.recurrence_phrases),
        mechanisms=compile_phrases(vocabulary.mechanisms),
        cadences=compile_phrases(vocabulary.cadences),
        values=compile_phrases(vocabulary.value_statements),
    )
    _COMPILED[id(vocabulary)] = (vocabulary, lists)
    return lists


def lesson_cue(sentence: "SpacySpan", vocabulary: LessonVocabulary, lists: _Lists,
               kind: SectionKind = SectionKind.other) -> str | None:
    """The words that make `sentence` a lesson statement, or None."""
    tokens = list(sentence)
    for token in tokens:
        cue = _learning_cue(token, vocabulary, kind) or _teaching_cue(token, vocabulary) or _noun_cue(token, vocabulary)
        if cue:
            return cue
    marker = next(find_phrases(tokens, lists.markers), None)
    if marker is not None and _speaker_in(tokens):
        first, last, phrase = marker
        if phrase.text in _AFTER_MARKERS or not _past_narration(sentence):
            return sentence.doc[first.i : last.i + 1].text
    return _recurrence_cue(tokens, vocabulary, lists)


def _learning_cue(token: "Token", vocabulary: LessonVocabulary, kind: SectionKind) -> str | None:
    """'I learned to ...', 'we realised that X needs ...' (not 'I realised the cache was stale')."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in vocabulary.learning_verbs:
        return None
    subject = subject_of(token)
    if subject is None or subject.lower_ not in SPEAKER_SUBJECTS:
        return None
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
    for child in token.children:
        if child.dep_ == "xcomp" or (child.dep_ in ("ccomp", "advcl") and _general(child)):
            if kind in (SectionKind.situation, SectionKind.task) and not perfect:
                return None  # "I had to learn to ..." sets the scene
            return _cue_text(token, child)
        if child.dep_ in ("dobj", "attr") and (
            child.lemma_.lower() in (*vocabulary.abstract_nouns, *vocabulary.lesson_nouns, "lot", "thing", "much")
            or any(c.dep_ == "relcl" for c in child.children)
        ):
            return _cue_text(token, child)
    if perfect and kind not in (SectionKind.situation, SectionKind.task):
        return token.text
    return None


def _general(verb: "Token") -> bool:
    """A complement stated as a general claim: present tense, a modal, or 'how to'."""
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)):
        return True
    return any(c.tag_ == "MD" or (c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP")) for c in verb.children)


def _teaching_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'it taught me ...', 'the outage showed us ...', 'made me realise ...', 'made me a better engineer'."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or lemma not in vocabulary.teaching_verbs:
        return None
    speaker = next((c for c in token.subtree if c.lower_ in SPEAKER_OBJECTS and c.head.i in (token.i, *[x.i for x in token.children])), None)
    if speaker is None:
        return None
    if lemma in ("teach", "show", "remind"):
        return _cue_text(token, speaker)
    # Weaker verbs teach only with a learning complement or 'a better <person>'.
    for node in token.subtree:
        if node.i != token.i and node.lemma_.lower() in vocabulary.learning_verbs:
            return _cue_text(token, node)
        if node.lemma_.lower() in vocabulary.person_nouns and any(c.lower_ == "better" for c in node.children):
            return _cue_text(token, node)
    return None


def _noun_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'The lesson was ...', 'my biggest takeaway is ...'."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in vocabulary.lesson_nouns:
        return None
    if token.dep_ in ("nsubj", "ROOT") or (token.dep_ == "attr" and token.head.lemma_ == "be"):
        if any(c.dep_ == "compound" for c in token.children):
            return None  # "machine learning"
        return token.text
    return None


def _recurrence_cue(tokens: list["Token"], vocabulary: LessonVocabulary, lists: _Lists) -> str | None:
    """'To avoid this happening again, I ...', 'so that it never happens again, we ...'."""
    guard = next((t for t in tokens if t.lemma_.lower() in vocabulary.recurrence_verbs and t.pos_ == "VERB"), None)
    if guard is None or next(find_phrases(tokens, lists.recurrence), None) is None:
        return None
    if not _speaker_in(tokens):
        return None
    return guard.text


def _speaker_in(tokens: list["Token"]) -> bool:
    return any(
        (t.lower_ in SPEAKER_SUBJECTS and t.dep_ in ("nsubj", "nsubjpass")) or t.lower_ in ("my", "our")
        for t in tokens
    )


def _past_narration(sentence: "SpacySpan") -> bool:
    """A sentence whose main verb is simple past: it tells the story, it states no habit."""
    root = sentence.root
    if any(c.tag_ == "MD" or (c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP")) for c in root.children):
        return False
    if root.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in root.children)


def is_hypothetical(sentence: "SpacySpan", vocabulary: LessonVocabulary) -> bool:
    """'I would ...', 'I should have ...', 'next time I'd ...': not a change the speaker made."""
    for token in sentence:
        if token.tag_ == "MD" and token.lower_ in vocabulary.hypothetical_modals:
            subject = subject_of(token.head)
            if subject is None or subject.lower_ in SPEAKER_SUBJECTS:
                return True
    return any(t.lower_ == "if" and t.head.tag_ == "VBD" for t in sentence) and any(
        t.lower_ in ("would", "'d") for t in sentence
    )


def _mechanism(sentence: "SpacySpan", lists: _Lists) -> str | None:
    """The observable mechanism or cadence the sentence names, or None for a praise of a value."""
    tokens = list(sentence)
    cadence = next(find_phrases(tokens, lists.cadences), None)
    if cadence is not None:
        return sentence.doc[cadence[0].i : cadence[1].i + 1].text
    if next(find_phrases(tokens, lists.values, max_gap=1), None) is not None:
        return None
    for first, last, _ in find_phrases(tokens, lists.mechanisms):
        if last.pos_ in ("NOUN", "PROPN") or last.dep_ == "compound" or first.i != last.i:
            return sentence.doc[first.i : last.i + 1].text
    return None


def _abstraction(sentence: "SpacySpan", vocabulary: LessonVocabulary, lists: _Lists) -> str | None:
    """The abstract value a lesson states with no behaviour, trigger, artefact or number."""
    tokens = list(sentence)
    if has_quantity(tokens):
        return None
    for token in tokens:
        lemma = token.lemma_.lower()
        if lemma in vocabulary.abstract_nouns and token.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ in ("of", "for") for c in token.children
        ):
            return _phrase_of(token)
        if lemma in vocabulary.evaluations and token.dep_ in ("acomp", "attr") and token.head.lemma_ in ("be", "matter"):
            return _phrase_of(token.head)
        if lemma in vocabulary.person_nouns and any(c.lower_ in ("better", "stronger") for c in token.children):
            return _phrase_of(token)
        trait = _comparative_trait(token, vocabulary)
        if trait is not None:
            return trait
    return None


def _comparative_trait(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'to be more careful', 'communicate better', 'plan more carefully', 'be proactive'."""
    lemma = token.lemma_.lower()
    more = any(c.lower_ in ("more", "less") and c.dep_ == "advmod" for c in token.children)
    if token.pos_ == "ADJ" and token.head.lemma_ in ("be", "become", "get", "stay"):
        if lemma in vocabulary.vague_traits or (more or token.tag_ == "JJR") and _speaker_subject(token.head):
            return token.doc[token.head.i : token.i + 1].text if token.head.i < token.i else token.text
    if token.pos_ == "ADV" and token.head.pos_ == "VERB" and token.dep_ == "advmod":
        comparative = token.tag_ == "RBR" and token.lower_ in ("better", "earlier", "sooner", "faster") or more
        if comparative:
            return token.doc[min(token.head.i, token.i) : max(token.head.i, token.i) + 1].text
    return None


def _speaker_subject(verb: "Token") -> bool:
    subject = subject_of(verb)
    if subject is None:  # "to be more careful": the subject is the learner's
        return verb.dep_ in ("xcomp", "ccomp") or any(c.tag_ == "TO" for c in verb.children)
    return subject.lower_ in SPEAKER_SUBJECTS


def _phrase_of(token: "Token") -> str:
    subtree = list(token.subtree)
    first, last = subtree[0], subtree[-1]
    return token.doc[first.i : min(last.i, first.i + 8) + 1].text


def _cue_text(a: "Token", b: "Token") -> str:
    first, last = sorted((a, b), key=lambda t: t.i)
    if last.i - first.i > 4:
        return a.text
    return a.doc[first.i : last.i + 1].text
