"""Story -> archetypes, the one classification every command uses.

`classify_story` is what `list`, `coverage`, `suggest`, `score`, the linter and
the drill read, so a story is the same thing whichever command looks at it:

1. the front matter's `archetypes` win;
2. else its tags, when one names archetypes (`story_tags` in archetypes.yaml:
   `failure` is #3 or #8, the text picks which);
3. else the text.

Most stories people paste in have no front matter, so the text is the common
case. A story scores for an archetype through:

- the archetype's cue phrases found in the story, weighted by where they stand
  (the title and the situation say what a story is about; the tie-in talks
  about other systems and counts little), each cue counted once per section;
  a scene-setting sentence without the speaker in it counts less, and so does a
  cue that names what the speaker's act worked on rather than the act;
- how close the story's words are to the archetype's story shape, probes and
  template (an IDF-weighted overlap with the archetype's own description);
- its framing (star_bank/retrieve/framing.py), which outweighs topic words: a
  mistake the speaker owns ("I didn't test the migration") with something
  broken makes #3 whatever system it hit, without breakage #8; "my manager and
  I disagreed" makes #4; a story with no failure framing is rarely #3 or #8. A
  frame told in one sentence counts less, and the speaker's own slip told once in
  a long story less again: it may be a remark in passing.
  Framing also reads whose act the story centres on: an outage a provider
  caused is the speaker's response (#1), not their incident; acts aimed at
  one colleague who then grows make #5; watching how people really use the
  product makes #9; an ask with no spec or owner makes #2.

The best archetype comes first; a close runner-up is kept as a second. The
confidence says how clearly the best one beats the rest, and `evidence` lists
what decided it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Literal

from pydantic import BaseModel, Field

from star_bank.retrieve.archetypes import ArchetypeBook, load_archetypes
from star_bank.retrieve.cue_index import ArchetypeIndex, archetype_index
from star_bank.retrieve.framing import StoryFraming, frame_sentences, framing_weights, story_sentences
from star_bank.model.story import SectionKind, Story
from star_bank.retrieve.stated_question import asked_archetypes
from star_bank.retrieve.story_model import archetype_probabilities, story_features
from star_bank.retrieve.text_match import content_stems, stems

ArchetypeSource = Literal["front-matter", "tags", "question", "title", "opening", "classified"]
_WHERE = {"title": "its title", "opening": "its opening sentence", "question": "the question it answers"}

# Where a cue stands says how much it tells about the story.
SECTION_WEIGHTS: dict[str, float] = {
    "title": 2.0,
    SectionKind.situation.value: 1.3,
    SectionKind.task.value: 1.3,
    SectionKind.action.value: 1.0,
    SectionKind.result.value: 0.6,
    SectionKind.lesson.value: 0.8,
    SectionKind.tie_in.value: 0.2,
    SectionKind.other.value: 0.6,
    "body": 1.0,  # a story without STAR labels
}
# The same cue in several sections counts, but with diminishing returns.
REPEAT_FACTOR = 0.35
# How much the overlap with the archetype's story shape adds, next to the cues.
SHAPE_WEIGHT = 6.0
# A scene-setting sentence where the speaker does not appear counts this much.
CONTEXT_FACTOR = 0.6
# A cue after the act in the speaker's own Action sentence, naming other archetypes.
OBJECT_FACTOR = 0.8
# A runner-up this close to the best is reported too.
RUNNER_UP_SHARE = 0.8
# Below this much evidence the confidence is scaled down: the story says little.
ENOUGH_EVIDENCE = 6.0
MAX_EVIDENCE = 5
# A framing rule's weight is worth this much, plus this share of the best topic score
# (fitted over every labelled story the project may read, its own included).
FRAME_BASE = 3.5
FRAME_SHARE = 0.8
# Below this confidence a classified archetype is a guess: `list` says so.
LOW_CONFIDENCE = 0.45
# A story classified among its tags' archetypes is this sure.
TAG_CONFIDENCE = 0.9
# The story model's probability for an archetype (star_bank/retrieve/story_model.py) is worth
# this much score: chosen by leaving each written set out of its training in turn, where it
# lifts the sets left out without moving the development corpus.
STORY_MODEL_WEIGHT = 5.0
# Where the model is sure (more likely than all the others together) its probability weighs
# this much more: the sets left out of training gain, real text (seldom sure) does not move.
SURE_MODEL_PROBABILITY = 0.5
SURE_MODEL_WEIGHT = 10.0
# ... and from this probability on it is named among the evidence.
STORY_MODEL_NOTE = 0.5
QUESTION_CONFIDENCE = 0.8


class ArchetypeScore(BaseModel):
    """One archetype's score for a story and the evidence behind it."""

    id: int
    name: str
    score: float
    evidence: list[str] = Field(default_factory=list)


class ArchetypeMatch(BaseModel):
    """The archetypes a story answers, best first, and where that came from."""

    path: str
    archetypes: list[int]
    source: ArchetypeSource
    confidence: float = Field(description="0..1; 1.0 when the front matter says so")
    why: str
    scores: list[ArchetypeScore] = Field(
        default_factory=list, description="every archetype with evidence, best first (classified stories)"
    )
    went_wrong: bool = Field(
        False, description="the text tells something that went wrong that the speaker had to notice or recover from"
    )
    framing: list[str] = Field(default_factory=list, description="the frames found in the text, by name")

    @property
    def low_confidence(self) -> bool:
        """A classification from the text too unsure to rely on without the author's word."""
        return self.source == "classified" and self.confidence < LOW_CONFIDENCE


def classify_story(story: Story, book: ArchetypeBook | None = None) -> ArchetypeMatch:
    """The story's archetypes: its front matter's, else its tags', else classified from its text."""
    book = book or load_archetypes()
    framing = frame_sentences(story_sentences(story), book.framing)
    declared = list(dict.fromkeys(story.front_matter.archetypes))
    if declared:
        names = ", ".join(f"#{a} {book.get(a).name}" for a in declared)
        return ArchetypeMatch(
            path=story.path,
            archetypes=declared,
            source="front-matter",
            confidence=1.0,
            why=f"the front matter lists {names}",
            went_wrong=framing.went_wrong,
            framing=sorted(framing.frames),
        )
    tagged = _tag_archetypes(story, book)
    asked, source = ([], "question") if tagged else asked_archetypes(story, book)
    match = _classify(story, archetype_index(book), framing, allowed=tagged or [a for a, _ in asked])
    if tagged:
        return _from_tags(story, book, match, tagged)
    if asked:
        return _from_question(match, asked, source)
    return match


def _from_question(match: ArchetypeMatch, asked: list[tuple[int, str]], source: ArchetypeSource) -> ArchetypeMatch:
    """The text's ranking among the archetypes the stated question (or the title) names."""
    ids = [a for a, _ in asked]
    best = [a for a in match.archetypes if a in ids][:1] or ids[:1]
    where = _WHERE[source]
    return match.model_copy(update={
        "archetypes": best + [a for a in ids if a not in best],
        "source": source,
        "confidence": max(match.confidence, QUESTION_CONFIDENCE),
        "why": f'{where} ("{asked[0][1]}") names #{", #".join(map(str, ids))}; the text reads as ' + match.why,
    })


def _from_tags(story: Story, book: ArchetypeBook, match: ArchetypeMatch, tagged: list[int]) -> ArchetypeMatch:
    """The text's ranking among the tags' archetypes; a tagged archetype the text does not
    mention at all still counts, behind the ones it does."""
    tags = ", ".join(t for t in story.front_matter.tags if t.lower() in book.story_tags)
    best = match.archetypes[:1] or tagged[:1]
    scores = list(match.scores)
    floor = min((x.score for x in scores), default=1.0)
    for archetype in tagged:
        if all(x.id != archetype for x in scores):
            name = book.get(archetype).name
            scores.append(ArchetypeScore(id=archetype, name=name, score=round(floor / 2, 2), evidence=["named by the tags"]))
    return match.model_copy(update={
        "archetypes": best + [a for a in match.archetypes[1:] if a in tagged],
        "source": "tags",
        "confidence": TAG_CONFIDENCE,
        "why": f"the tags ({tags}) name #{', #'.join(map(str, tagged))}; the text reads as " + match.why,
        "scores": scores,
    })


def _tag_archetypes(story: Story, book: ArchetypeBook) -> list[int]:
    """The archetypes the story's tags name, in tag order (none when no tag names any)."""
    out: list[int] = []
    for tag in story.front_matter.tags:
        for archetype in book.story_tags.get(tag.lower(), []):
            if archetype not in out:
                out.append(archetype)
    return out


def _classify(
    story: Story, index: ArchetypeIndex, framing: StoryFraming, allowed: list[int] | None = None
) -> ArchetypeMatch:
    book = index.book
    parts = _parts(story)
    cue_score: dict[int, float] = defaultdict(float)
    cue_notes: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for cue_text, places in _cue_places(_cue_parts(story), index).items():
        cue, sections = places
        ordered = sorted(sections, key=lambda s: -SECTION_WEIGHTS.get(s, 0.6) * sections[s])
        value = 0.0
        for rank, section in enumerate(ordered):
            value += SECTION_WEIGHTS.get(section, 0.6) * sections[section] * (1.0 if rank == 0 else REPEAT_FACTOR)
        value *= cue.weight
        for archetype_id in cue.archetypes:
            cue_score[archetype_id] += value
            cue_notes[archetype_id].append((value, f'"{cue_text}" ({ordered[0]})'))

    shape = _shape_overlap(parts, index)
    topic = {a.id: cue_score[a.id] + SHAPE_WEIGHT * shape.get(a.id, 0.0) for a in book.archetypes}
    add, scale = framing_weights(framing, book.framing)
    frame_value = FRAME_BASE + FRAME_SHARE * max(topic.values(), default=0.0)
    framed_note = _framing_note(framing)
    # The model weighs in only where the text gives some other evidence: a story with none
    # ("We ate soup.") stays without an archetype.
    evidence = any(topic.values()) or bool(add)
    model = archetype_probabilities(story_features(story, framing.frames)) if evidence else {}
    scores = []
    for archetype in book.archetypes:
        if allowed and archetype.id not in allowed:
            continue
        total = topic[archetype.id] * scale.get(archetype.id, 1.0) + add.get(archetype.id, 0.0) * frame_value
        probability = model.get(archetype.id, 0.0)
        sure = probability >= SURE_MODEL_PROBABILITY
        total += (STORY_MODEL_WEIGHT + (SURE_MODEL_WEIGHT if sure else 0.0)) * probability
        notes = [text for _, text in sorted(cue_notes[archetype.id], key=lambda n: -n[0])][:MAX_EVIDENCE]
        if model.get(archetype.id, 0.0) >= STORY_MODEL_NOTE:
            notes.append(f"its words read as this archetype ({model[archetype.id]:.2f})")
        if add.get(archetype.id) and framed_note:
            notes.insert(0, framed_note)
        if shape.get(archetype.id, 0.0) >= 0.1:
            notes.append(f"close to its story shape ({shape[archetype.id]:.2f})")
        if total > 0:
            scores.append(ArchetypeScore(id=archetype.id, name=archetype.name, score=round(total, 2), evidence=notes))
    scores.sort(key=lambda s: (-s.score, s.id))
    facts = {"went_wrong": framing.went_wrong, "framing": sorted(framing.frames)}
    if not scores:
        return ArchetypeMatch(
            path=story.path, archetypes=[], source="classified", confidence=0.0,
            why="no archetype's cues, story shape or framing appear in the text", **facts,
        )
    best = scores[0]
    chosen = [best.id]
    if len(scores) > 1 and scores[1].score >= RUNNER_UP_SHARE * best.score:
        chosen.append(scores[1].id)
    runner_up = scores[1].score if len(scores) > 1 else 0.0
    confidence = best.score / (best.score + runner_up) if best.score + runner_up else 0.0
    confidence *= min(1.0, best.score / ENOUGH_EVIDENCE)
    why = f"#{best.id} {best.name}: " + ("; ".join(best.evidence) or "weak overlap")
    return ArchetypeMatch(
        path=story.path,
        archetypes=chosen,
        source="classified",
        confidence=round(confidence, 2),
        why=why,
        scores=scores,
        **facts,
    )


def _framing_note(framing: StoryFraming) -> str | None:
    """'framed as own_mistake: "I didn't test the migration..."' for the strongest frame found."""
    hit = framing.first("own_mistake", "rollback", "disagreement", "impact", "schedule_slip")
    if hit is None:
        return None
    sentence = hit.sentence if len(hit.sentence) <= 70 else hit.sentence[:69].rsplit(" ", 1)[0] + "…"
    return f'framed as {hit.frame.replace("_", " ")}: "{sentence}"'


def _parts(story: Story) -> list[tuple[str, str]]:
    """(section name, prose) pairs: the title, then each section or the whole body."""
    parts = [("title", story.title)]
    # Prose only: code blocks, comments and the front matter say nothing about the story.
    for section in story.sections:
        parts.append((section.kind.value, " ".join(s.text for s in section.sentences)))
    if not story.sections and story.body_prose is not None:
        parts.append(("body", story.body_prose.text))
    return parts


def _cue_parts(story: Story) -> list[tuple[str, str, float]]:
    """(section name, sentence, how much its cues count) for the title and every sentence.

    The Situation and Task set the scene: a sentence there that names neither the
    speaker nor their team ("the dashboards were slow for every tenant") is the
    world's topic, not what the speaker did, so its cues count CONTEXT_FACTOR."""
    parts = [("title", story.title, 1.0)]
    for section in story.sections:
        scene = section.kind in (SectionKind.situation, SectionKind.task)
        for sentence in section.sentences:
            told_by_speaker = bool(_SPEAKER_STEMS & set(stems(sentence.text)))
            parts.append((section.kind.value, sentence.text, CONTEXT_FACTOR if scene and not told_by_speaker else 1.0))
    if not story.sections and story.body_prose is not None:
        parts.append(("body", story.body_prose.text, 1.0))
    return parts


_SPEAKER_STEMS = frozenset(stems("I me my we us our"))
_ACTOR_STEMS = frozenset(stems("I we"))


def _cue_places(parts: list[tuple[str, str, float]], index: ArchetypeIndex) -> dict[str, tuple]:
    """Each cue found in the story, with the sections it appears in and how much it counts there.

    In an Action sentence where the speaker or their team acts, the first cue is
    mostly the act itself ("I ran deep dives with the team on the on-call alerts");
    a later cue of other archetypes is what the act worked on, and counts
    OBJECT_FACTOR: a hand-over that writes runbooks is not a debugging story."""
    places: dict[str, tuple] = {}
    for section, text, factor in parts:
        tokens = stems(text)
        hits = index.find_cues(tokens)
        acted = section == SectionKind.action.value and bool(_ACTOR_STEMS & set(tokens))
        for rank, hit in enumerate(hits):
            weight = factor
            if acted and rank and hits[0].cue.archetypes.isdisjoint(hit.cue.archetypes):
                weight *= OBJECT_FACTOR
            cue, sections = places.setdefault(hit.cue.text, (hit.cue, {}))
            sections[section] = max(sections.get(section, 0.0), weight)
    return places


def _shape_overlap(parts: list[tuple[str, str]], index: ArchetypeIndex) -> dict[int, float]:
    """Cosine of the story's words with each archetype's description, IDF-weighted."""
    counts = Counter(
        word for section, text in parts if section != SectionKind.tie_in.value for word in content_stems(text)
    )
    story_vector = {w: (1 + math.log(c)) * index.weight_of(w) for w, c in counts.items() if index.weight_of(w) > 0}
    story_norm = math.sqrt(sum(v * v for v in story_vector.values()))
    overlap: dict[int, float] = {}
    if not story_norm:
        return overlap
    for archetype_id, vocabulary in index.description.items():
        archetype_norm = math.sqrt(sum(index.weight_of(w) ** 2 for w in vocabulary))
        if not archetype_norm:
            continue
        dot = sum(story_vector.get(w, 0.0) * index.weight_of(w) for w in vocabulary)
        overlap[archetype_id] = dot / (story_norm * archetype_norm)
    return overlap
