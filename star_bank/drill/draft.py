"""The saved draft: the answers assembled into a story with front matter and STAR headings,
remembering where each answer landed so that findings can be traced back to it.

Each answer goes to the section of the question it answered, except the
sentences whose content belongs elsewhere (found when the answer is recorded,
evidence.place_sentences): the opening's first sentence is the Situation, a
lesson told in any answer goes to the Lesson and an outcome told after the
recovery to the Result, where the rubric and an interviewer look for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from star_bank.drill.script import DrillScript, Scenario
from star_bank.drill.text import draft_title, escape_line, escape_paragraphs, one_line, split_first_sentence
from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import FAILURE_ARCHETYPES

# Where an answer to each step goes in the assembled story. The opening answer
# is split: its first sentence is the Situation, the rest the Action. The drill
# never asks for the outcome in numbers, so the Result is left for the author
# (with a prompt in an HTML comment), as is any section no answer went to.
STEP_SECTION: dict[str, SectionKind] = {
    "walkthrough": SectionKind.task,
    "ownership": SectionKind.task,
    "focus": SectionKind.action,
    "signals": SectionKind.action,
    "dismissed": SectionKind.action,
    "contain": SectionKind.action,
    "told": SectionKind.action,  # the rubric counts timed steps, telling included, in the Action
    "gap": SectionKind.action,
    "lesson": SectionKind.lesson,
    "concrete": SectionKind.lesson,
    "in_place": SectionKind.lesson,
    "pattern": SectionKind.lesson,
}
STORY_ORDER = (SectionKind.situation, SectionKind.task, SectionKind.action, SectionKind.result, SectionKind.lesson)
SECTION_TITLES = {
    SectionKind.situation: "Situation",
    SectionKind.task: "Task",
    SectionKind.action: "Action",
    SectionKind.result: "Result",
    SectionKind.lesson: "Lesson",
}


@dataclass
class Answer:
    """One answer as it will go into the draft, with the step and phase it answered."""

    text: str
    step: str  # the step it answers ("opening" for the first question)
    phase: str
    # Sentences whose content belongs to another section: (start, end) in `text`, and where.
    moved: list[tuple[int, int, SectionKind]] = field(default_factory=list)


@dataclass
class Draft:
    """The assembled story and where each answer landed in it."""

    text: str
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (answer, start, end)
    headings: dict[SectionKind, tuple[int, int]] = field(default_factory=dict)
    sections_of: dict[int, set[SectionKind]] = field(default_factory=dict)


def build_draft(
    answers: list[Answer], script: DrillScript, scenario_name: str, scenario: Scenario, level: str
) -> Draft:
    """The answers as a story: front matter, a title, the five sections (a prompt where empty)."""
    chunks: dict[SectionKind, list[tuple[int, str]]] = {kind: [] for kind in STORY_ORDER}
    for n, answer in enumerate(answers):
        home = STEP_SECTION.get(answer.step, SectionKind.action)
        if home is SectionKind.lesson:
            chunks[home].append((n, answer.text))
            continue
        told, moved = split_ranges(answer.text, answer.moved)
        if answer.step == "opening":
            first, told = split_first_sentence(told)
            chunks[SectionKind.situation].append((n, escape_paragraphs(first)))
        if told:
            chunks[home].append((n, escape_paragraphs(told)))
        for kind, sentences in moved.items():
            chunks[kind].append((n, escape_line(" ".join(sentences))))
    title = draft_title(answers[0].text if answers else "")
    front = {
        "title": title,
        "archetypes": [scenario.archetype],
        "level": level,
        "tags": (["failure"] if scenario.archetype in FAILURE_ARCHETYPES else [])
        + ["drill"]
        + (["feedback"] if scenario_name == "feedback" else []),
    }
    head = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
    text = head + "---\n" + f"# {escape_line(title)}\n"
    draft = Draft(text)
    for kind in STORY_ORDER:
        text += "\n"
        heading = f"## {SECTION_TITLES[kind]}"
        draft.headings[kind] = (len(text), len(text) + len(heading))
        text += heading + "\n"
        if not chunks[kind]:
            text += f"<!-- {one_line(script.draft_prompts[kind.value])} -->\n"
        for i, (n, chunk) in enumerate(chunks[kind]):
            if i:
                text += "\n"
            draft.spans.append((n, len(text), len(text) + len(chunk)))
            draft.sections_of.setdefault(n, set()).add(kind)
            text += chunk + "\n"
    draft.text = text
    return draft


def split_ranges(
    text: str, ranges: list[tuple[int, int, SectionKind]]
) -> tuple[str, dict[SectionKind, list[str]]]:
    """(`text` without the ranges, the ranges' texts by section): paragraphs kept, spaces tidied."""
    kept: list[str] = []
    taken: dict[SectionKind, list[str]] = {}
    at = 0
    for start, end, kind in sorted(ranges):
        if start < at:
            continue
        kept.append(text[at:start])
        if one_line(text[start:end]):
            taken.setdefault(kind, []).append(one_line(text[start:end]))
        at = end
    kept.append(text[at:])
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in "".join(kept).split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p), taken
