"""The practice scenarios: the failure scenarios of data/drill.yaml, and one for each other
archetype of archetypes.yaml (its question from the question table, its hints from its
probes, shape, template and tie-in), so that any of the ten can be drilled."""

from __future__ import annotations

import re

from star_bank.drill.script import DEFAULT_SCENARIO, DrillError, DrillScript, Scenario, load_drill_script
from star_bank.drill.text import Blanks, one_line
from star_bank.retrieve.archetypes import Archetype, ArchetypeBook, load_archetypes


def choose_scenario(
    question: str | None = None, archetype: int | None = None, script: DrillScript | None = None
) -> str:
    """The scenario whose hints fit: by archetype, else by the cue words in the question.

    An archetype with a scenario in drill.yaml gets it; any other gets the one
    built from archetypes.yaml, named by the archetype's slug.
    """
    script = script or load_drill_script()
    if archetype is not None:
        for name, scenario in script.scenarios.items():
            if scenario.archetype == archetype:
                return name
        book = load_archetypes()
        if archetype not in {a.id for a in book.archetypes}:
            raise DrillError(f"archetype {archetype} does not exist: give a number from 1 to 10")
        return book.get(archetype).slug
    if not question:
        return DEFAULT_SCENARIO
    text = question.lower()
    counts = {
        name: sum(1 for cue in s.cues if re.search(rf"(?<![\w-]){re.escape(cue.lower())}(?![\w-])", text))
        for name, s in script.scenarios.items()
    }
    best = max(counts.values())
    if best == 0:
        return DEFAULT_SCENARIO
    return next(name for name, count in counts.items() if count == best)


def scenario_named(name: str, script: DrillScript) -> Scenario:
    """The scenario `choose_scenario` named: drill.yaml's, or the one of an archetype's slug."""
    if name in script.scenarios:
        return script.scenarios[name]
    book = load_archetypes()
    found = next((a for a in book.archetypes if a.slug == name), None)
    if found is None:
        raise DrillError(f"no practice scenario is called {name!r}")
    return archetype_scenario(found, book, script)


def archetype_scenario(archetype: Archetype, book: ArchetypeBook, script: DrillScript) -> Scenario:
    """A scenario for an archetype, from its own entry in archetypes.yaml."""
    values = Blanks(
        probes=_clause(archetype.probes),
        shape=one_line(archetype.shape),
        tie_in=one_line(archetype.tie_in.text),
        **{part: one_line(getattr(archetype.template, part)) for part in ("situation", "task", "action", "result")},
    )
    return Scenario(
        title=archetype.name,
        archetype=archetype.id,
        question=archetype_question(archetype, book),
        cues=list(archetype.cues),
        hints=[one_line(hint.format_map(values)) for hint in script.archetype_hints],
        focus=_clause(archetype.probes),
    )


def archetype_question(archetype: Archetype, book: ArchetypeBook) -> str:
    """The question an interviewer asks for the archetype: the question table's row that names
    it first, else a named question about it alone, else any row that names it."""
    rows = [(row.question, row.archetypes) for row in book.retrieval]
    named = [(q.question, q.archetypes) for q in book.named_questions]
    for question, ids in [*rows, *named]:
        if ids and ids[0] == archetype.id and (len(ids) == 1 or (question, ids) in rows):
            return _sentence(question)
    for question, ids in [*rows, *named]:
        if archetype.id in ids:
            return _sentence(question)
    return f"Tell me about a time that shows this: {one_line(archetype.name).lower()}."


def _clause(text: str) -> str:
    """A sentence made to follow a colon: "Whether you ..." -> "whether you ..."."""
    text = one_line(text)
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _sentence(question: str) -> str:
    question = one_line(question)
    return question if question[-1:] in ".?!" else question + "."
