"""The saved draft: the answers assembled into a story with front matter and STAR headings,
remembering where each answer landed so that findings can be traced back to it."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from star_bank.drill.script import DrillScript, Scenario
from star_bank.drill.text import draft_title, escape_line, escape_paragraphs, one_line, split_first_sentence
from star_bank.model.story import SectionKind

# Where an answer to each step goes in the assembled story. The opening answer
# is split: its first sentence is the Situation, the rest the Action. The drill
# never asks for the outcome in numbers, so the Result is left for the author
# (with a prompt in an HTML comment), as is any section no answer went to.
STEP_SECTION: dict[str, SectionKind] = {
    "walkthrough": SectionKind.task,
    "ownership": SectionKind.task,
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
        if answer.step == "opening":
            first, rest = split_first_sentence(answer.text)
            chunks[SectionKind.situation].append((n, escape_paragraphs(first)))
            if rest:
                chunks[SectionKind.action].append((n, escape_paragraphs(rest)))
        else:
            chunks[STEP_SECTION[answer.step]].append((n, answer.text))
    title = draft_title(answers[0].text if answers else "")
    front = {
        "title": title,
        "archetypes": [scenario.archetype],
        "level": level,
        "tags": ["failure", "drill"] + (["feedback"] if scenario_name == "feedback" else []),
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
