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
from typing import TYPE_CHECKING, Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from star_bank.data.loader import read_yaml
from star_bank.data.paths import data_path
from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import AnalysedStory, SectionText, is_first_person_singular, subject_of
from star_bank.nlp.lexicon import PhraseList, compile_phrases, find_phrases
from star_bank.nlp.numbers import has_quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

SPEAKER_SUBJECTS = frozenset({"i", "we"})
SPEAKER_OBJECTS = frozenset({"me", "us", "myself", "ourselves"})


class LessonVocabulary(BaseModel):
    """The word lists lesson finding reads (see star_bank/data/lessons.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    learning_verbs: list[str]
    teaching_verbs: list[str]
    lesson_nouns: list[str]
    later_markers: list[str]
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
    after_event: list[str]
    safeguards: list[str]
    adopting_verbs: list[str]
    vague_amounts: list[str]
    adoption_nouns: list[str]
    gaining_verbs: list[str]
    insight_nouns: list[str]

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
    failure = story.is_failure
    found: list[LessonStatement] = []
    for section in story.sections:
        if section.doc is None or section.kind is SectionKind.tie_in:
            continue
        in_lesson = section.kind is SectionKind.lesson
        for sentence in statement_units(section.doc):
            if not any(t.is_alpha for t in sentence):
                continue
            cue = lesson_cue(sentence, vocabulary, lists, section.kind)
            if cue is None and in_lesson:
                cue = "lesson section"
            if cue is None:
                cue = change_cue(sentence, vocabulary, lists, section.kind, failure)
            if cue is None:
                continue
            abstraction = _abstraction(sentence, vocabulary)
            topic = set(abstraction[1].subtree) if abstraction else set()
            mechanism = _mechanism(sentence, lists, topic)
            if mechanism is not None:
                abstraction = None
            found.append(
                LessonStatement(
                    section=section,
                    sentence=sentence,
                    cue=cue,
                    hypothetical=is_hypothetical(sentence, vocabulary),
                    mechanism=mechanism,
                    abstraction=abstraction[0] if abstraction else None,
                )
            )
    return found


def statement_units(doc: "Doc") -> Iterator["SpacySpan"]:
    """The Doc's sentences, also cut at line breaks: a bullet or a label line is a
    statement of its own even when spaCy runs it into the next line."""
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if "\n" in token.text_with_ws and token.i + 1 < sentence.end:
                if any(not t.is_space for t in doc[start : token.i + 1]):
                    yield doc[start : token.i + 1]
                    start = token.i + 1
        if any(not t.is_space for t in doc[start : sentence.end]):
            yield doc[start : sentence.end]


@dataclass(frozen=True)
class _Lists:
    later: PhraseList
    markers: PhraseList
    recurrence: PhraseList
    mechanisms: PhraseList
    cadences: PhraseList
    values: PhraseList
    after_event: PhraseList
    safeguards: PhraseList


_COMPILED: dict[int, tuple[LessonVocabulary, _Lists]] = {}


def _compiled(vocabulary: LessonVocabulary) -> _Lists:
    """The vocabulary's phrase lists, compiled once per vocabulary object."""
    cached = _COMPILED.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    if len(_COMPILED) > 32:
        _COMPILED.clear()
    lists = _Lists(
        later=compile_phrases(vocabulary.later_markers),
        markers=compile_phrases(vocabulary.change_markers),
        recurrence=compile_phrases(vocabulary.recurrence_phrases),
        mechanisms=compile_phrases(vocabulary.mechanisms),
        cadences=compile_phrases(vocabulary.cadences),
        values=compile_phrases(vocabulary.value_statements),
        after_event=compile_phrases(vocabulary.after_event),
        safeguards=compile_phrases(vocabulary.safeguards),
    )
    _COMPILED[id(vocabulary)] = (vocabulary, lists)
    return lists


def lesson_cue(sentence: "SpacySpan", vocabulary: LessonVocabulary, lists: _Lists,
               kind: SectionKind = SectionKind.other) -> str | None:
    """The words that make `sentence` a lesson statement, or None."""
    tokens = list(sentence)
    for token in tokens:
        cue = (
            _learning_cue(token, vocabulary, kind)
            or _teaching_cue(token, vocabulary)
            or _noun_cue(token, vocabulary)
            or _gaining_cue(token, vocabulary)
            or _adoption_cue(token, vocabulary)
        )
        if cue:
            return cue
    if _speaker_in(tokens):
        for first, last, _ in find_phrases(tokens, lists.later):
            if not _verb_use(first):
                return sentence.doc[first.i : last.i + 1].text
        marker = next(find_phrases(tokens, lists.markers), None)
        if marker is not None and not _past_narration(sentence):
            return sentence.doc[marker[0].i : marker[1].i + 1].text
    if kind not in (SectionKind.situation, SectionKind.task):
        principle = _principle_cue(sentence, vocabulary)
        if principle:
            return principle
        if sentence.root.tag_ in ("VBP", "VBZ"):
            habit = _habit_trigger(sentence)  # "When I estimate now, I add ...": a habit told in the present
            if habit:
                return habit
    return _recurrence_cue(tokens, vocabulary, lists)


def _verb_use(first: "Token") -> bool:
    """'moving forward with the migration' uses the marker's words as a verb phrase."""
    return first.pos_ == "VERB" and any(c.dep_ in ("prep", "dobj") and c.lower_ != "forward" for c in first.children)


def _gaining_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'I gained a better understanding of ...', 'we developed a real appreciation for ...'."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in vocabulary.gaining_verbs:
        return None
    subject = subject_of(token)
    if subject is None or subject.lower_ not in SPEAKER_SUBJECTS:
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in vocabulary.insight_nouns), None)
    return _cue_text(token, obj) if obj is not None else None


def _adoption_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'The spike became our standard for ...': a practice the team adopted after the event."""
    if token.lemma_.lower() not in ("become", "remain") or token.pos_ not in ("VERB", "AUX"):
        return None
    attr = next((c for c in token.children if c.dep_ in ("attr", "acomp")), None)
    if attr is None or attr.lemma_.lower() not in vocabulary.adoption_nouns:
        return None
    if not any(c.dep_ == "poss" for c in attr.children):
        return None  # "became the template for the next deal" is the deliverable reused, not a practice
    return _cue_text(token, attr)


def _adopted_practice(verb: "Token") -> bool:
    """Whether 'X became our standard/process/...' names a practice (read with the shipped vocabulary)."""
    return _adoption_cue(verb, load_vocabulary()) is not None


def _principle_cue(sentence: "SpacySpan", vocabulary: LessonVocabulary) -> str | None:
    """'It is important to ...', 'it's key to ...': a principle the speaker states (not past narration)."""
    for token in sentence:
        if token.lemma_.lower() not in vocabulary.evaluations or token.dep_ not in ("acomp", "attr"):
            continue
        verb = token.head
        if verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP"):
            continue
        if any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl") for c in verb.children) and any(
            c.dep_ in ("xcomp", "ccomp") for c in [*verb.children, *token.children]
        ):
            return sentence.doc[verb.i : token.i + 1].text
    return None


def change_cue(sentence: "SpacySpan", vocabulary: LessonVocabulary, lists: _Lists,
               kind: SectionKind, failure: bool) -> str | None:
    """'The next day I added an expiry to the lock': the speaker puts a mechanism in
    place after the event. Dated by an after-event marker, or (in a story about the
    speaker's own mistake) told in the Result or the closing part."""
    tokens = list(sentence)
    # spaCy sometimes cuts a leading time phrase off as a sentence of its own ("The next day my lead").
    before = sentence.doc[sentence.start - 1].sent if sentence.start > 0 else None
    dating = tokens if before is None or any(t.pos_ == "VERB" for t in before) else [*before, *tokens]
    dated = next(find_phrases(dating, lists.after_event), None) is not None
    if not dated and not (failure and kind in (SectionKind.result, SectionKind.lesson, SectionKind.other)):
        return None
    for token in tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in vocabulary.adopting_verbs:
            continue
        subject = subject_of(token)
        if subject is None or not (subject.lower_ == "we" or is_first_person_singular(subject)):
            continue
        objects = [t for c in token.children if c.dep_ in ("dobj", "prt", "prep") for t in c.subtree]
        if next(find_phrases(objects, lists.safeguards), None) is not None:
            return token.text
    return None


def _learning_cue(token: "Token", vocabulary: LessonVocabulary, kind: SectionKind) -> str | None:
    """'I learned to ...', 'we realised that X needs ...' (not 'I realised the cache was stale')."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in vocabulary.learning_verbs:
        return None
    subject = subject_of(token)
    if subject is None or subject.lower_ not in SPEAKER_SUBJECTS:
        return None
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
    for child in token.children:
        infinitive = child.dep_ == "xcomp" and any(c.tag_ == "TO" for c in child.children)
        if infinitive or (child.dep_ in ("ccomp", "advcl") and _general(child)):
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
        if node.lemma_.lower() in vocabulary.person_nouns and _improved(node):
            return _cue_text(token, node)
    return None


def _improved(noun: "Token") -> bool:
    """'a better engineer', 'a stronger developer', 'a more patient lead'."""
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJR" or any(g.lower_ == "more" for g in c.children)) for c in noun.children
    )


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
        if token.tag_ == "MD" and token.lower_ in vocabulary.hypothetical_modals and _in_main_clause(token.head):
            subject = subject_of(token.head)
            if subject is None or subject.lower_ in SPEAKER_SUBJECTS:
                return True
    return any(t.lower_ == "if" and t.head.tag_ == "VBD" for t in sentence) and any(
        t.lower_ in ("would", "'d") for t in sentence
    )


def _in_main_clause(verb: "Token") -> bool:
    """Whether a verb is the sentence's own claim (or what the speaker learned), not a
    condition or a description inside it ("... the case where I would be wrong")."""
    node = verb
    for _ in range(6):
        if node.dep_ in ("relcl", "advcl", "acl", "pcomp", "pobj"):
            return False
        if node.head is node:
            return True
        node = node.head
    return True


def _mechanism(sentence: "SpacySpan", lists: _Lists, topic: set["Token"] = frozenset()) -> str | None:
    """The observable mechanism, cadence or trigger the sentence names, or None.

    A cadence counts when the speaker does the recurring act ("I review it every
    Monday", not "requirements will always change"); a mechanism that is only the
    topic of an abstract lesson ("more proactive about monitoring") does not count,
    nor does a sentence that only praises a value ("the importance of testing").
    """
    tokens = list(sentence)
    for first, last, _ in find_phrases(tokens, lists.cadences):
        if _speaker_acts(first):
            return sentence.doc[first.i : last.i + 1].text
    trigger = _habit_trigger(sentence)
    if trigger is not None:
        return trigger
    adopted = next((t for t in tokens if t.lemma_.lower() in ("become", "remain") and _adopted_practice(t)), None)
    if adopted is not None:
        return _phrase_of(adopted)
    if next(find_phrases(tokens, lists.values, max_gap=1), None) is not None:
        return None
    for first, last, _ in find_phrases(tokens, lists.mechanisms):
        if last in topic:
            continue
        if last.pos_ in ("NOUN", "PROPN") or last.dep_ == "compound" or first.i != last.i:
            return sentence.doc[first.i : last.i + 1].text
    return None


def _speaker_acts(token: "Token") -> bool:
    """Whether the verb a word belongs to has the speaker (or no one: an imperative, a note) as subject."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            break
        if node.head is node:
            return True
        node = node.head
    subject = subject_of(node)
    return subject is None or subject.lower_ in SPEAKER_SUBJECTS or is_first_person_singular(subject)


def _habit_trigger(sentence: "SpacySpan") -> str | None:
    """'When I disagree now, I ask for ...', '... I spiked it before committing': an act of the
    speaker's (named as the subject) with the event that triggers it."""
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBP", "VBZ", "VB", "VBD"):
            continue
        subject = subject_of(verb)
        if subject is None or not (subject.lower_ in SPEAKER_SUBJECTS or is_first_person_singular(subject)):
            continue
        for clause in verb.children:
            if clause.dep_ == "advcl" and clause.tag_ in ("VBP", "VBZ"):
                mark = next((c for c in clause.children if c.dep_ in ("mark", "advmod") and c.lower_ in _TRIGGERS), None)
                if mark is not None:
                    return sentence.doc[mark.i : clause.i + 1].text
            if clause.dep_ == "prep" and clause.lower_ in ("before", "after") and any(
                c.dep_ == "pcomp" and c.tag_ == "VBG" for c in clause.children
            ):
                return sentence.doc[clause.i : clause.i + 2].text
    return None


_TRIGGERS = frozenset({"when", "whenever", "before", "after", "once", "if", "as soon as"})


def _abstraction(sentence: "SpacySpan", vocabulary: LessonVocabulary) -> tuple[str, "Token"] | None:
    """The abstract value a lesson states with no number (its text and head word), or None."""
    tokens = list(sentence)
    if has_quantity(tokens):
        return None
    for token in tokens:
        lemma = token.lemma_.lower()
        if lemma in vocabulary.abstract_nouns and token.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ in ("of", "for") for c in token.children
        ):
            return _phrase_of(token), token
        if lemma in vocabulary.evaluations and token.dep_ in ("acomp", "attr") and token.head.lemma_ in ("be", "matter"):
            return _phrase_of(token.head), token.head
        if lemma in vocabulary.person_nouns and _improved(token):
            return _phrase_of(token), token
        if lemma in vocabulary.insight_nouns and any(
            c.dep_ == "amod" and c.tag_ in ("JJR", "JJS") for c in token.children
        ):
            return _phrase_of(token), token
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and any(
            c.lower_ in ("more", "less") and c.dep_ == "amod" for c in token.children
        ) and _speaker_subject(token.head):
            return token.doc[token.head.i : token.i + 1].text, token.head
        if lemma in vocabulary.vague_amounts and token.dep_ in ("dobj", "npadvmod", "advmod") \
                and token.head.lemma_.lower() in (*vocabulary.learning_verbs, "grow"):
            return token.doc[token.head.i : token.i + 1].text, token.head
        trait = _comparative_trait(token, vocabulary)
        if trait is not None:
            return trait
    return None


def _comparative_trait(token: "Token", vocabulary: LessonVocabulary) -> tuple[str, "Token"] | None:
    """'to be more careful', 'communicate better', 'plan more carefully', 'be proactive'."""
    lemma = token.lemma_.lower()
    more = any(c.lower_ in ("more", "less") and c.dep_ == "advmod" for c in token.children)
    if token.pos_ == "ADJ" and token.head.lemma_ in ("be", "become", "get", "stay"):
        if _speaker_subject(token.head):
            text = token.doc[token.head.i : token.i + 1].text if token.head.i < token.i else token.text
            return text, token
    if token.pos_ == "ADV" and token.head.pos_ == "VERB" and token.dep_ == "advmod":
        comparative = token.tag_ == "RBR" and token.lower_ in ("better", "earlier", "sooner", "faster") or more
        concrete_object = any(
            c.dep_ == "dobj" and c.pos_ != "PRON" and c.lemma_.lower() not in _VAGUE_OBJECTS for c in token.head.children
        )
        if comparative and not concrete_object:
            return token.doc[min(token.head.i, token.i) : max(token.head.i, token.i) + 1].text, token.head
    return None


# "plan things more carefully": an object that names nothing in particular.
_VAGUE_OBJECTS = frozenset({"thing", "stuff", "everything", "work", "time", "myself", "way"})


def _speaker_subject(verb: "Token") -> bool:
    """'(I need) to be more careful', 'I should be more patient', 'you have to be flexible':
    a resolution about the speaker's traits, not a description of the story."""
    imperative = verb.dep_ == "ROOT" and verb.tag_ == "VB" and subject_of(verb) is None
    resolution = imperative or any(c.tag_ in ("TO", "MD") for c in verb.children) or verb.dep_ == "xcomp"
    if not resolution:
        return False
    subject = subject_of(verb)
    return subject is None or subject.lower_ in (*SPEAKER_SUBJECTS, "you", "one")


def _phrase_of(token: "Token") -> str:
    subtree = list(token.subtree)
    first, last = subtree[0], subtree[-1]
    return token.doc[first.i : min(last.i, first.i + 8) + 1].text


def _cue_text(a: "Token", b: "Token") -> str:
    first, last = sorted((a, b), key=lambda t: t.i)
    if last.i - first.i > 4:
        return a.text
    return a.doc[first.i : last.i + 1].text
