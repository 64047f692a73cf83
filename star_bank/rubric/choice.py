"""Which rubric a story is rated against, decided from what it tells, and why.

- **failure**: something went wrong that the speaker had to notice or recover
  from (a mistake, an incident, a crisis, a flaw someone pointed out), whatever
  the archetype: detection, recovery and pattern awareness are rated for an
  outage the speaker debugged as much as for one they caused. A failure tag, a
  stated question about criticism the speaker received,
  or an archetype that is a failure by definition (#1 debugging a failure, #3
  an incident you caused, #8 a decision you would make differently), says so
  too.
- **learning**: a learning tag, or a story that tells learning something new
  and hard (new ground, a deliberate way of learning it) and what it produced,
  when no archetype describes it better (none in the front matter, and the
  classification from its text is unsure).
- **star**: everything else.

The reason is kept in the scorecard (`rubric_reason`) and quotes the sentence
that decided it.
"""

from __future__ import annotations

from dataclasses import dataclass

from star_bank.nlp.analysis import FAILURE_TAGS, LEARNING_TAGS, AnalysedStory
from star_bank.retrieve.archetypes import ArchetypeBook
from star_bank.retrieve.classify import ArchetypeMatch
from star_bank.retrieve.framing import StoryFraming
from star_bank.rubric.signals import Mark

# Archetypes whose story is, by its shape, something that went wrong.
WENT_WRONG_ARCHETYPES = frozenset({1, 3, 8})
_FRAME_WORDS = {
    "own_mistake": "a mistake of yours",
    "impact": "something that broke",
    "rollback": "a change rolled back",
    "schedule_slip": "a commitment that slipped",
    "flaw_pointed_out": "a flaw someone pointed out",
    "crisis": "a crisis",
    "hindsight": "a decision you would make differently",
    "setback": "something that did not go as planned",
}


@dataclass(frozen=True)
class RubricChoice:
    name: str  # failure | learning | star
    reason: str


def choose_rubric(
    story: AnalysedStory,
    match: ArchetypeMatch,
    framing: StoryFraming,
    book: ArchetypeBook,
    learning_marks: dict[str, list[Mark]],
    events: list[Mark] = (),  # type: ignore[assignment]
) -> RubricChoice:
    """The rubric for the story and the reason, from its tags, its text, then its archetype."""
    tags = {t.lower() for t in story.story.front_matter.tags}
    if tags & FAILURE_TAGS:
        return RubricChoice("failure", f"the tags say so ({', '.join(sorted(tags & FAILURE_TAGS))})")
    if tags & LEARNING_TAGS:
        return RubricChoice("learning", f"the tags say so ({', '.join(sorted(tags & LEARNING_TAGS))})")
    hit = framing.first(*_FRAME_WORDS)
    if framing.went_wrong and hit is not None:
        return RubricChoice(
            "failure", f"something went wrong that you had to notice or recover from: {_FRAME_WORDS[hit.frame]} "
            f"('{_short(hit.sentence)}')"
        )
    if events:
        return RubricChoice(
            "failure", f"something went wrong that you had to notice or recover from ('{_short(events[0].sentence)}')"
        )
    asked = _asks_for_criticism(story)
    if asked is not None:
        return RubricChoice("failure", f"the question it answers asks about criticism you received ('{_short(asked)}')")
    best = match.archetypes[0] if match.archetypes else None
    if best in WENT_WRONG_ARCHETYPES:
        source = "the front matter says" if match.source == "front-matter" else "it reads as"
        return RubricChoice("failure", f"{source} #{best} {book.get(best).name}, a story of something that went wrong")
    learned = _learning_story(learning_marks) if match.source == "classified" and match.low_confidence else None
    if learned is not None:
        return RubricChoice("learning", f"it tells learning something new and what it produced ('{_short(learned)}')")
    return RubricChoice("star", "nothing in it went wrong and it is not a learning story: the STAR rubric")


def _asks_for_criticism(story: AnalysedStory) -> str | None:
    """The question stated above the story, when it asks about criticism the speaker received:
    a flaw someone pointed out is something the speaker had to notice and recover from."""
    from star_bank.retrieve.archetypes import load_archetypes
    from star_bank.retrieve.question_match import match_question
    from star_bank.retrieve.stated_question import stated_question

    question = stated_question(story.story)
    if question is None:
        return None
    return question if match_question(question, load_archetypes()).topic == "received feedback" else None


def _learning_story(marks: dict[str, list[Mark]]) -> str | None:
    """The sentence that shows new ground, when the story also says how it was learned and what it produced."""
    stretch = marks.get("stretch", [])
    if stretch and marks.get("learning_method") and marks.get("learning_output"):
        return stretch[0].sentence
    return None


def _short(sentence: str, limit: int = 80) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
