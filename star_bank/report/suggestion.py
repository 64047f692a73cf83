"""`starbank suggest`: each question's archetypes and stories, as text or JSON."""

from __future__ import annotations

from star_bank.report.json_report import dumps
from star_bank.retrieve.suggestions import Suggestion


def suggestion_json(suggestion: Suggestion) -> dict:
    """One suggestion as the JSON contract names it (the internal `topic` stays out)."""
    return {
        "question": suggestion.question,
        "match": suggestion.match,
        "archetypes": [a.model_dump(mode="json") for a in suggestion.archetypes],
        "stories": [s.model_dump(mode="json") for s in suggestion.stories],
        "why": suggestion.why,
        "advice": suggestion.advice,
    }


def render_suggestions_json(results: list[Suggestion]) -> str:
    """The suggestions as a JSON array, in question order."""
    return dumps([suggestion_json(s) for s in results])


def render_suggestions_text(results: list[Suggestion], has_bank: bool = True) -> str:
    """Each question, numbered when there are several, with its match, archetypes and stories.

    `has_bank` is False when no story folder was given or found, so an empty
    story list says how to pass one instead of suggesting a new story.
    """
    blocks = []
    for number, result in enumerate(results, start=1):
        prefix = f"{number}. " if len(results) > 1 else ""
        blocks.append("\n".join([f"{prefix}{result.question}", *_answer_lines(result, has_bank)]))
    return "\n\n".join(blocks)


def _answer_lines(result: Suggestion, has_bank: bool) -> list[str]:
    if result.match == "none":
        return [f"   match: none ({result.why})", f"   prepare instead: {result.advice}"]
    if result.match == "open":
        return [f"   match: open ({result.why})", f"   tip: {result.advice}", *_open_story_lines(result, has_bank)]
    lines = [f"   match: {result.match}"]
    for rank, fit in enumerate(result.archetypes, start=1):
        lines.append(f"   {rank}) #{fit.id} {fit.name}  [{fit.score:.2f}]  {fit.why}")
    if result.advice:
        lines.append(f"   tip: {result.advice}")
    return lines + _story_lines(result, has_bank)


def _story_lines(result: Suggestion, has_bank: bool) -> list[str]:
    if result.stories:
        lines = ["   your stories:"]
        for story in result.stories:
            lines.append(f"     - {story.title}  (#{story.archetype}, {story.score:.2f})")
            lines.append(f"       {story.path}: {story.why}")
        return lines
    if not has_bank:
        return ["   your stories: no story bank here (pass --bank DIR)"]
    wanted = ", ".join(f"#{a.id}" for a in result.archetypes)
    return [f"   your stories: none for {wanted} yet (starbank new --archetype {result.archetypes[0].id})"]


def _open_story_lines(result: Suggestion, has_bank: bool) -> list[str]:
    """No archetype fits but a story is wanted: the bank's readiest stories."""
    if not result.stories:
        return ["   your stories: no story bank here (pass --bank DIR)"] if not has_bank else []
    lines = ["   your readiest stories:"]
    for story in result.stories:
        label = f"#{story.archetype}, " if story.archetype else ""
        lines.append(f"     - {story.title}  ({label}{story.score:.2f})")
        lines.append(f"       {story.path}: {story.why}")
    return lines
