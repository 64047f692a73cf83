"""Rubric scorecards: a story's parse, its lint findings and its framing -> ratings.

    card = score_story(parse_story(text, "story.md"))
    print(card.rubric, card.rubric_reason, card.ratings())

Each story gets one rubric, chosen from what it tells (rubric/choice.py): the
failure rubric whenever something went wrong that the speaker had to notice
or recover from, the learning rubric for a story of learning something hard,
the STAR rubric otherwise; the scorecard says which and why. Its archetypes
are the ones every other command shows (`classify_story`).

Each dimension has a rating function (rubric/raters.py) that reads:

- the linter's findings, by rule slug (a hiding passive is evidence against
  ownership), which are never quoted as the reason themselves;
- positive signals found on the same spaCy parse (rubric/signals.py; word lists
  in star_bank/data/rubrics.yaml);
- the lesson statements found anywhere in the story (star_bank/nlp/lessons.py,
  shared with the lint rules).

Every rating carries a reason quoting the story's sentence with its line.
Expectations follow the level (the CLI's `--level`, else the story's front
matter `level`, else the config, else senior).

Reading files from paths is rubric/run.py's business.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from star_bank.model.findings import Finding
from star_bank.model.scorecard import DimensionRating, Evidence, Scorecard
from star_bank.model.story import Story
from star_bank.nlp.analysis import AnalysedStory
from star_bank.retrieve.archetypes import load_archetypes
from star_bank.retrieve.classify import classify_story
from star_bank.retrieve.framing import frame_story
from star_bank.rubric.book import RubricBook, RubricError, load_rubrics
from star_bank.rubric.choice import choose_rubric
from star_bank.rubric.evidence import Judgement, StoryEvidence, unique_marks
from star_bank.rubric.feedback import improvements, resources, strengths
from star_bank.rubric.came_to_light import came_to_light_marks
from star_bank.rubric.incident_raters import failure_point, failure_start
from star_bank.rubric.levels import resolve_level
from star_bank.rubric.raters import rater_for
from star_bank.rubric.signals import Mark, SentenceIndex
from star_bank.rubric.went_wrong import went_wrong_marks

if TYPE_CHECKING:
    from star_bank.lint.engine import Linter

__all__ = ["RubricBook", "RubricError", "load_rubrics", "score_analysed", "score_stories", "score_story"]


def score_analysed(
    story: AnalysedStory,
    findings: list[Finding],
    *,
    level: str | None = None,
    fallback_level: str | None = None,
    book: RubricBook | None = None,
) -> Scorecard:
    """The scorecard of one analysed story (spaCy Docs attached) given its lint findings."""
    book = book or load_rubrics()
    archetypes = load_archetypes()
    resolved = resolve_level(story.story, level, fallback_level)
    match = story.classification or classify_story(story.story, archetypes)
    framing = frame_story(story.story, archetypes)
    marks = {**book.detector.detect(story), **came_to_light_marks(story, book.went_wrong)}
    events = went_wrong_marks(story, book.went_wrong)
    # A flaw pointed out or found is how the trouble came to light; harm is what could be misread.
    # ... unless the finding hides its finder ("it was found that the pool was too small").
    hidden = [(f.offset, f.end_offset) for f in findings if f.rule == "passive-voice"]
    found = [e for e in events if e.signal == "flaw" and not any(a <= e.start < b for a, b in hidden)]
    marks["came_to_light"] = sorted([*marks["came_to_light"], *found], key=lambda m: m.start)
    marks["trouble_told"] = [e for e in events if e.signal == "harm"]
    choice = choose_rubric(story, match, framing, archetypes, marks, events)
    # What the speaker would do differently is a reflection, not the moment it went wrong.
    wrong = [hit.sentence for hit in framing.hits if hit.frame in framing.went_wrong_frames
             and hit.frame != "hindsight" and hit.sentence != story.story.title] + [event.sentence for event in events]
    start = failure_start(story.story.text, wrong)
    evidence = StoryEvidence(
        story, findings, marks, resolved, choice.name, book, SentenceIndex(story.story),
        failure_start=start, failure_point=failure_point(story.story.text, start, events),
    )
    judgements: list[tuple[str, Judgement]] = []
    for name in book.rubrics[choice.name].dimensions:  # type: ignore[index]
        evidence.dimension = name
        judgements.append((name, rater_for(choice.name, name)(evidence)))
    dimensions = [
        DimensionRating(
            name=name,
            rating=j.rating,  # type: ignore[arg-type]
            reason=j.reason,
            evidence=[_evidence(evidence, m) for m in unique_marks(j.evidence)],
        )
        for name, j in judgements
    ]
    return Scorecard(
        path=story.story.path,
        rubric=choice.name,  # type: ignore[arg-type]
        rubric_reason=choice.reason,
        level=resolved,
        archetypes=list(match.archetypes),
        archetype_source=match.source,
        dimensions=dimensions,
        strengths=strengths(evidence, judgements),
        improvements=improvements(evidence, judgements),
        resources=resources(book, choice.name, resolved, judgements),
    )


def score_stories(
    stories: list[Story],
    *,
    level: str | None = None,
    linter: "Linter | None" = None,
    book: RubricBook | None = None,
) -> list[Scorecard]:
    """Scorecards for parsed stories: one spaCy pass feeds both the linter and the signals.

    `linter` carries the user's configuration (rules, thresholds, pipeline, level);
    the default is a linter with the shipped rules.
    """
    from star_bank.lint.engine import Linter  # lazy: `import star_bank` stays light

    linter = linter or Linter()
    analysed = linter.analyse_and_lint(stories, parse=True)
    fallback = linter.config.level  # the config file's level ranks below front matter
    return [score_analysed(a, f, level=level, fallback_level=fallback, book=book) for a, f in analysed]


def score_story(
    story: Story, *, level: str | None = None, linter: "Linter | None" = None, book: RubricBook | None = None
) -> Scorecard:
    """The scorecard of one parsed story (`parse_story` or `read_story` gives one)."""
    return score_stories([story], level=level, linter=linter, book=book)[0]


def _evidence(ev: StoryEvidence, mark: Mark) -> Evidence:
    line, column = ev.position(mark)
    return Evidence(line=line, column=column, text=re.sub(r"\s+", " ", mark.sentence).strip())
