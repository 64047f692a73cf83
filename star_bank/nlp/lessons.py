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
- any sentence of a section labelled as the lesson;
- the practice that follows a lesson statement in its paragraph, or in the list a
  lead-in opens ("What I changed, and still do:"), when it is told in the present
  and names a mechanism ("In practice, every such design now goes to review").

Each statement says whether it is hypothetical ("I would ...", "I should have
..."), which observable mechanism it names (a habit with a trigger or cadence,
a checklist, a gate, a tool, a metric, a review), and which abstract value it
states instead of a behaviour ("the importance of testing", "to communicate
better", "made me a better engineer"). The vocabulary is data:
`star_bank/data/lessons.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import AnalysedStory, SectionText, is_first_person_singular, subject_of
from star_bank.nlp.lesson_changes import change_cue
from star_bank.nlp.lesson_cues import lesson_cue
from star_bank.nlp.lesson_habits import is_speaker, present_finite
from star_bank.nlp.lesson_judgement import abstraction_of, is_hypothetical, mechanism_of
from star_bank.nlp.lesson_vocabulary import LessonVocabulary, compiled, load_vocabulary
from star_bank.nlp.lexicon import find_phrases

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan

# A lesson is told in a sentence; a "sentence" this long is a run-on list or pasted
# data, and reading it clause by clause would cost time for nothing.
MAX_STATEMENT_TOKENS = 150

__all__ = ["LessonStatement", "LessonVocabulary", "find_lessons", "load_vocabulary", "statement_units"]


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
    key = ("lessons", id(vocabulary), tuple(id(s.doc) for s in story.sections))
    cached = story.memo.get(key)
    if cached is not None and cached[0] is vocabulary:
        return list(cached[1])
    found = _find(story, vocabulary)
    story.memo[key] = (vocabulary, found)
    return list(found)


def _find(story: AnalysedStory, vocabulary: LessonVocabulary) -> list[LessonStatement]:
    lists = compiled(vocabulary)
    # Something went wrong: a change told in the Result or a closing part came of it. Parts
    # inferred from unlabelled prose are too rough to tell the fix from what came after it.
    failure = story.is_failure or (story.went_wrong and not story.labels_missing)
    found: list[LessonStatement] = []
    told = False  # whether the story's action or outcome has been told yet
    ending = _last_paragraph_start(story.story.text)
    for section in story.sections:
        # A part of its own after the story ("Afterwards", "Follow-up") tells what came after the event.
        closing = told and section.kind is SectionKind.other
        told = told or section.kind in (SectionKind.action, SectionKind.result)
        if section.doc is None or section.kind is SectionKind.tie_in:
            continue
        in_lesson = section.kind is SectionKind.lesson
        text = section.doc.text  # built token by token on each access: once per section, not per sentence
        last: "SpacySpan | None" = None  # the section's last lesson told as one ("what I learned was")
        listed = False  # whether that lesson is a lead-in to the changes themselves ("What I changed:")
        for sentence in statement_units(section.doc):
            if len(sentence) > MAX_STATEMENT_TOKENS or not any(t.is_alpha for t in sentence):
                continue
            cue = lesson_cue(sentence, vocabulary, lists, section.kind)
            if cue is not None:
                last, listed = sentence, _lists_changes(sentence)
            elif _dated_lead_in(sentence, lists):
                last, listed = sentence, True  # "After:", "Since then:": a label over the changes, no lesson itself
                continue
            elif _asked_for_the_lesson(sentence, vocabulary):
                last, listed = sentence, False  # "She asked what I took from it.": the answer follows
                continue
            if cue is None and in_lesson:
                cue = "lesson section"
            if cue is None:
                # The story's last paragraph tells how it ended, whatever part it was read as.
                late = closing or _origin(section, sentence.start_char) >= ending
                cue = change_cue(sentence, vocabulary, lists, section.kind, failure, closing, late)
            if cue is None and last is not None and _continues(text, last, sentence):
                # "The lesson I drew is X. In practice, every such design now goes to review
                # with a note": the practice that follows a lesson in its paragraph, or the list
                # after a lead-in ("What I changed, and still do:"), states it too.
                # Under "What I changed:" the items are the changes, whatever they name.
                practice = _told_as_practice(sentence) and (listed or mechanism_of(sentence, lists) is not None)
                # So does a maxim after it ("If there's a takeaway: ... Stay curious."), read for a
                # platitude; the speaker's own state ("I'm not sure I'd have seen it") is no maxim, nor
                # is what the practice does not do ("Doesn't win me more arguments.").
                maxim = (_imperative(sentence) or _told_as_practice(sentence) and not _said_of_self(sentence)) \
                    and not any(c.dep_ == "neg" for c in sentence.root.children) and abstraction_of(sentence, vocabulary)
                cue = "continues the lesson" if practice or maxim else None
            if cue is None:
                continue
            abstraction = abstraction_of(sentence, vocabulary)
            topic = set(abstraction[1].subtree) if abstraction else set()
            mechanism = mechanism_of(sentence, lists, topic)
            if mechanism is None and cue == "continues the lesson" and listed and abstraction is None:
                mechanism = _what_is_in_place(sentence)
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


def _continues(text: str, lesson: "SpacySpan", sentence: "SpacySpan") -> bool:
    """`sentence` goes on from `lesson`: the same paragraph (the prose joins a paragraph's lines
    with spaces and paragraphs with a newline), or the paragraph a lead-in ending in ":" opens."""
    # From the lesson's last word: a statement unit cut at a line break carries the break itself.
    end = max((t.idx + len(t.text) for t in lesson if not t.is_space), default=lesson.end_char)
    breaks = text.count("\n", end, sentence.start_char)
    return breaks == 0 or (breaks == 1 and lesson.text.rstrip().endswith(":"))


def _lists_changes(sentence: "SpacySpan") -> bool:
    """'What I changed, and still do:', 'What changed afterwards:', 'The changes I made: ...': a
    lead-in whose list (or the rest of its line) is the changes themselves."""
    colon = next((t.i for t in sentence if t.text == ":"), None)
    if colon is None:
        return False
    # "What I changed:", or the changes named as a noun ("The changes I made, still how I work: ...").
    return any(t.lemma_.lower() == "change" and t.i < colon and (
        t.pos_ == "VERB" or any(c.dep_ == "relcl" for c in t.children)) for t in sentence)


def _dated_lead_in(sentence: "SpacySpan", lists) -> bool:
    """'After:', 'Afterwards:', 'Since then:', 'Going forward:': a short label, dated after the
    event, over the list of what changed."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if not sentence.text.rstrip().endswith(":") or not 0 < len(words) <= 3:
        return False
    if len(words) == 1 and words[0].lower_ == "after":
        return True
    return any(next(find_phrases(words, phrases), None) is not None
               for phrases in (lists.after_event, lists.later, lists.forward))


def _asked_for_the_lesson(sentence: "SpacySpan", vocabulary: LessonVocabulary) -> bool:
    """'The interviewer asked what I took from it', 'my manager asked what we learned': a question
    about the speaker's lesson, told as an event; the statement after it is the answer."""
    root = sentence.root
    if root.lemma_.lower() not in ("ask", "wonder") or root.tag_ not in ("VBD", "VBN"):
        return False
    asked = [c for c in root.children if c.dep_ in ("ccomp", "xcomp")]
    return any(c.lemma_.lower() in (*vocabulary.learning_verbs, *vocabulary.takeaway_verbs, "change")
               and (subject := subject_of(c)) is not None and is_speaker(subject) for c in asked)


def _what_is_in_place(sentence: "SpacySpan") -> str:
    """What an item under 'What I changed:' puts in place: the first thing it names ('my
    default role on prod is read only', 'psql prompt shows the environment')."""
    named = next((chunk for chunk in sentence.noun_chunks if chunk.root.pos_ != "PRON"), None)
    return named.text if named is not None else sentence.root.text


def _told_as_practice(sentence: "SpacySpan") -> bool:
    """A standing practice, told in the present ("every design now goes to review", "a second
    DBA must sign it"), not an event of the story ("I then backfilled the records"), a plan
    ("I will ...") or a question."""
    if sentence.text.rstrip().endswith("?"):
        return False
    root = sentence.root
    helpers = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    return (present_finite(root) or _present_in_form(root)) and not any(
        c.tag_ in ("VBD", "VBN") or c.lower_ in ("will", "'ll", "would", "'d") for c in helpers)


def _imperative(sentence: "SpacySpan") -> bool:
    """'Stay curious', 'Give them the space': a bare verb with no subject."""
    root = sentence.root
    return root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children)


def _said_of_self(sentence: "SpacySpan") -> bool:
    subject = subject_of(sentence.root)
    return subject is not None and is_first_person_singular(subject)


def _present_in_form(verb: "SpacySpan") -> bool:
    """'If anyone writes "high", I read the doc': a verb whose past has the present's form
    ('read', 'put', 'set'), tagged past, but told with a present-tense trigger."""
    return verb.tag_ == "VBD" and verb.lower_ == verb.lemma_.lower() and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children) and any(
        c.dep_ == "advcl" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def statement_units(doc: "Doc") -> Iterator["SpacySpan"]:
    """The Doc's sentences, also cut at line breaks: a bullet or a label line is a
    statement of its own even when spaCy runs it into the next line."""
    for sentence in _joined_sentences(doc):
        start = sentence.start
        for token in sentence:
            if "\n" in token.text_with_ws and token.i + 1 < sentence.end:
                if any(not t.is_space for t in doc[start : token.i + 1]):
                    yield doc[start : token.i + 1]
                    start = token.i + 1
        if any(not t.is_space for t in doc[start : sentence.end]):
            yield doc[start : sentence.end]




def _joined_sentences(doc: "Doc") -> Iterator["SpacySpan"]:
    """spaCy's sentences, with a quoted question put back into its sentence: 'I ask "what
    would break?" in every review' is cut after the question, and the rest starts in lower case."""
    sentences = list(doc.sents)
    start = 0
    for n, sentence in enumerate(sentences):
        following = sentences[n + 1] if n + 1 < len(sentences) else None
        first = next((t for t in following if not t.is_space), None) if following is not None else None
        joined = (
            first is not None and first.is_alpha and first.is_lower and first.text != "i"
            and sentence[-1].text in ('"', "”", "'", "’") and "\n" not in sentence[-1].text_with_ws
        )
        if not joined:
            yield doc[sentences[start].start : sentence.end]
            start = n + 1


def _last_paragraph_start(text: str) -> int:
    """File offset where the story's last paragraph starts."""
    body = text.rstrip()
    return max((m.end() for m in re.finditer(r"\n[ \t]*\n", body)), default=0)


def _origin(section: SectionText, offset: int) -> int:
    origin = section.prose.origin
    return origin[min(offset, len(origin) - 1)] if origin else 0
