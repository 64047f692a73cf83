"""How a story is framed: a mistake owned, something broken, a disagreement.

Topic words say what a story is about; framing says what kind of story it is.
"The migration I ran locked the orders table" is about databases, but it is
the story of an incident the speaker caused, and "my manager and I disagreed"
makes a disagreement story of any topic. The frames are word patterns read
from the story's own sentences, with no parser (`list` and `suggest` stay
fast); the patterns and the archetype evidence they give are data: `framing`
in archetypes.yaml.

`frame_story` is used by the classifier (framing outweighs topic words) and by
the rubric choice (a story where something went wrong is rated on detection,
recovery and pattern awareness whatever its archetype).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from star_bank.model.story import SectionKind, Story
from star_bank.retrieve.archetypes import ArchetypeBook, Framing, load_archetypes
from star_bank.retrieve.text_match import stem, stems
from star_bank.story.prose import Prose, starts_list_item

# Words that may stand between two words of a pattern without breaking it: auxiliaries
# and adverbs ("I had completely forgotten"). Not a negation: "I never missed a deadline"
# is no mistake, so a pattern that wants one says so ("i not ~ test").
FILLERS = frozenset(
    stem(w)
    for w in """
    do does did have has had be was were is am are also then just completely totally
    accidentally simply really even actually initially originally somehow badly still
    so quickly immediately later already would could should will can might must the a an that
    this it properly fully thoroughly carefully enough adequately first ever yet always even bother entirely
    to
    """.split()
)
SENTENCE_START = "^"  # a pattern word that matches only the start of a sentence
ANY_GAP = 3  # "~": up to this many other words
ONE_SENTENCE_SHARE = 0.7  # the share of a rule's bonus a frame told in a single sentence earns
ONE_SENTENCE_ASIDE_SHARE = 0.5  # the same, for frames marked `aside` (the speaker's own slip)...
ASIDE_MIN_SENTENCES = 8  # ...in a story this long: in a short one, one sentence is a fair part of it
BEFORE_WINDOW = 5  # words before a match searched for a cancelling word
HYPOTHETICAL = (("would",), ("next", "time"))  # a sentence with these tells what did not happen
# "I told her about my own first PR, which was reverted": a story the speaker tells someone
# inside the story is an anecdote, not what happened in it.
TELLING = frozenset(stem(w) for w in "tell told share shared mention mentioned recount recounted".split())
ABOUT = frozenset(stem(w) for w in "about of".split())
# "a meaningful share of the calls": after these, "share" is a noun, not a telling.
_DETERMINERS = frozenset(stem(w) for w in "a an the my our their his her its".split())
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[.!?])(?=[\"”’)])")


@dataclass(frozen=True)
class _Step:
    stems: frozenset[str]
    gap: str  # how the step may follow the previous one: "fill", "any", "later"


@dataclass(frozen=True)
class _Pattern:
    text: str
    steps: tuple[_Step, ...]


@dataclass(frozen=True)
class FrameHit:
    """One frame found in a story: its name, the pattern and the sentence."""

    frame: str
    pattern: str
    sentence: str


@dataclass
class StoryFraming:
    """The frames a story shows, and what they say about it."""

    hits: list[FrameHit] = field(default_factory=list)
    went_wrong_frames: frozenset[str] = frozenset()
    narrative_sentences: int = 0  # how many sentences tell the events

    @property
    def frames(self) -> set[str]:
        return {hit.frame for hit in self.hits}

    @property
    def went_wrong(self) -> bool:
        """Something went wrong that the speaker had to notice or recover from."""
        return bool(self.frames & self.went_wrong_frames)

    def first(self, *frames: str) -> FrameHit | None:
        """The first hit of any of `frames`, in the order given."""
        for frame in frames:
            hit = next((h for h in self.hits if h.frame == frame), None)
            if hit is not None:
                return hit
        return None


def frame_story(story: Story, book: ArchetypeBook | None = None) -> StoryFraming:
    """The frames found in the story's prose (title, sections, or the unlabelled body)."""
    book = book or load_archetypes()
    return frame_sentences(story_sentences(story), book.framing)


def frame_sentences(sentences: list[tuple[str, bool]], framing: Framing) -> StoryFraming:
    """The frames found in (sentence, is narrative) pairs, each frame once per sentence.

    Narrative sentences tell the events; the others are the lesson and the tie-in.
    """
    compiled = _compile(framing)
    tokenised = [[SENTENCE_START, *stems(text)] for text, _ in sentences]
    hypothetical = [_hypothetical(tokens) for tokens in tokenised]
    hits: list[FrameHit] = []
    for name, (patterns, unless, cancels) in compiled.items():
        frame = framing.frames[name]
        for index, tokens in enumerate(tokenised):
            if (frame.skip_hypothetical and hypothetical[index]) or (frame.narrative_only and not sentences[index][1]):
                continue
            following = tokenised[index + 1] if index + 1 < len(tokenised) else []
            if any(_matches(c, tokens, following, frozenset()) for c in cancels):
                continue
            pattern = next((p for p in patterns if _matches(p, tokens, following, unless)), None)
            if pattern is not None:
                hits.append(FrameHit(name, pattern.text, sentences[index][0].strip()))
    wrong = frozenset(name for name, frame in framing.frames.items() if frame.went_wrong)
    return StoryFraming(hits, wrong, sum(1 for _, narrative in sentences if narrative))


def framing_weights(found: StoryFraming, framing: Framing) -> tuple[dict[int, float], dict[int, float]]:
    """(bonus weight, topic scale) per archetype from the rules the story's frames meet."""
    told = [hit for hit in found.hits if not told_as_anecdote(hit.sentence)]
    frames = {hit.frame for hit in told}
    add: dict[int, float] = {}
    scale: dict[int, float] = {}
    for rule in framing.rules:
        if not set(rule.when) <= frames or set(rule.unless) & frames:
            continue
        # A frame told in one sentence may be a side remark ("I argued against it"); told in two
        # or more, it is what the story is about.
        sentences = {hit.sentence for hit in told if hit.frame in rule.when}
        # A slip of the speaker's told in one sentence of a story about something else is often an aside.
        asides = {name for name, frame in framing.frames.items() if frame.aside}
        passing = rule.when and set(rule.when) <= asides and found.narrative_sentences >= ASIDE_MIN_SENTENCES
        single = ONE_SENTENCE_ASIDE_SHARE if passing else ONE_SENTENCE_SHARE
        share = 1.0 if len(sentences) > 1 else single
        for archetype, weight in rule.add.items():
            add[archetype] = add.get(archetype, 0.0) + weight * share
        for archetype, factor in rule.scale.items():
            scale[archetype] = scale.get(archetype, 1.0) * factor
    return add, scale


def told_as_anecdote(sentence: str) -> bool:
    """Whether the sentence tells of a story the speaker told someone ("I told her about the
    time my release was reverted"): what happened in that story is not this story's arc."""
    tokens = stems(sentence)
    return any(
        token in TELLING and ABOUT & set(tokens[i + 1 : i + 4]) and not _DETERMINERS & set(tokens[max(0, i - 2) : i])
        for i, token in enumerate(tokens)
    )


def story_sentences(story: Story) -> list[tuple[str, bool]]:
    """The story's prose as (sentence, is narrative): the parser's sentences where it
    found sections, else the body split; the Lesson and the tie-in are not narrative.
    Each list item is a sentence of its own: notes in bullets carry no full stops."""
    out = [(story.title, True)] if story.title else []
    for section in story.sections:
        narrative = section.kind not in (SectionKind.lesson, SectionKind.tie_in)
        if section.label and not section.inferred:
            out.append((section.label, narrative))  # a label in the writer's words: "What went wrong"
        for sentence in section.sentences:
            items = _list_items(section.prose, story.text, sentence.span.start, sentence.span.end)
            out += [(text, narrative) for text in (items or [sentence.text])]
    if not story.sections and story.body_prose is not None:
        prose = story.body_prose
        pieces = _list_items(prose, story.text, 0, len(story.text)) or [prose.text]
        out += [(s, True) for piece in pieces for s in _SENTENCE_END.split(piece) if s.strip()]
    return out


def _list_items(prose: Prose | None, text: str, start: int, end: int) -> list[str]:
    """The clean text of story.text[start:end] cut where a list item begins; [] when there is none."""
    if prose is None or not prose.origin:
        return []
    first = bisect.bisect_left(prose.origin, start)
    last = bisect.bisect_left(prose.origin, end)
    cuts = [i for i in range(first + 1, last) if prose.text[i - 1] in " \n" and starts_list_item(text, prose.origin[i])]
    if not cuts:
        return []
    bounds = [first, *cuts, last]
    return [prose.text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if prose.text[a:b].strip()]



def _hypothetical(tokens: list[str]) -> bool:
    return any(
        tuple(tokens[i : i + len(words)]) == words for words in HYPOTHETICAL for i in range(len(tokens))
    )


def _matches(pattern: _Pattern, tokens: list[str], following: list[str], unless: frozenset[str]) -> bool:
    later = any(step.gap == "later" for step in pattern.steps)
    stream = tokens + ["\n"] + following if later else tokens
    limit = len(tokens)
    for start in range(limit):
        if stream[start] not in pattern.steps[0].stems:
            continue
        if unless and unless & set(stream[max(0, start - BEFORE_WINDOW) : start]):
            continue
        if _rest(pattern.steps, 1, stream, start):
            return True
    return False


def _rest(steps: tuple[_Step, ...], index: int, stream: list[str], at: int) -> bool:
    """Whether steps[index:] match after position `at` (where steps[index-1] matched)."""
    if index == len(steps):
        return True
    step = steps[index]
    for position in _next_positions(step.gap, stream, at):
        if stream[position] in step.stems and _rest(steps, index + 1, stream, position):
            return True
    return False


def _next_positions(gap: str, stream: list[str], at: int) -> list[int]:
    if gap == "later":
        return list(range(at + 1, len(stream)))
    if gap == "any":
        end = at + 1
        while end < len(stream) and end <= at + ANY_GAP + 1 and stream[end] != "\n":
            end += 1
        return list(range(at + 1, end))
    positions = []
    position = at + 1
    while position < len(stream) and stream[position] != "\n":
        positions.append(position)
        if stream[position] not in FILLERS or position - at > 3:
            break
        position += 1
    return positions


_Compiled = dict[str, tuple[tuple[_Pattern, ...], frozenset[str], tuple[_Pattern, ...]]]
_CACHE: dict[int, tuple[Framing, _Compiled]] = {}


def _compile(framing: Framing) -> _Compiled:
    """The framing's patterns, compiled once per framing object."""
    cached = _CACHE.get(id(framing))
    if cached is not None and cached[0] is framing:
        return cached[1]
    compiled: _Compiled = {}
    for name, frame in framing.frames.items():
        patterns = tuple(_compile_pattern(text) for text in frame.patterns)
        unless = frozenset(stem(w.lower()) for w in frame.unless_before)
        compiled[name] = (patterns, unless, tuple(_compile_pattern(text) for text in frame.unless_sentence))
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(framing)] = (framing, compiled)
    return compiled


def _one_word(alternative: str, pattern: str) -> str:
    """The stem of one alternative; an alternative must be one word ("post-mortem" is two)."""
    if alternative == SENTENCE_START:
        return alternative
    words = stems(alternative)
    if len(words) != 1:
        raise ValueError(f"framing pattern {pattern!r}: {alternative!r} is not one word")
    return words[0]


def _compile_pattern(text: str) -> _Pattern:
    steps: list[_Step] = []
    gap = "fill"
    for word in text.lower().split():
        if word == SENTENCE_START:
            steps.append(_Step(frozenset({SENTENCE_START}), gap))
            gap = "fill"
            continue
        if word in ("~", "/"):
            gap = "any" if word == "~" else "later"
            continue
        alternatives = frozenset(_one_word(alt, text) for alt in word.split("|"))
        steps.append(_Step(alternatives, gap))
        gap = "fill"
    if not steps:
        raise ValueError(f"empty framing pattern {text!r}")
    return _Pattern(text, tuple(steps))
