"""A rule's examples as runnable stories, shared by the test suite and the rule docs.

An example is a Markdown snippet. One with its own headings or front matter is
a whole story; a bare sentence is placed under the heading of the first section
the rule reads, with front matter that makes the rule apply (a failure or a
learning story).
"""

from __future__ import annotations

import re
from typing import Any

from star_bank.lint.rules import Example, Rule

_HEADING_OR_FRONT_MATTER = re.compile(r"^(?:#{1,6}\s|---\s*$|\*\*\w)", re.M)


def example_bank(rule: Rule, example: str | Example) -> list[str]:
    """The stories an example stands for: a bank rule's `stories`, else the one story."""
    if isinstance(example, Example) and example.stories:
        return [story if story.endswith("\n") else story + "\n" for story in example.stories]
    return [example_text(rule, example)]


def example_text(rule: Rule, example: str | Example) -> str:
    """The full story text an example stands for."""
    text = example.text if isinstance(example, Example) else example
    if _HEADING_OR_FRONT_MATTER.search(text):
        return text
    return f"{_preamble(rule)}{text.strip()}\n"


def _preamble(rule: Rule) -> str:
    """What goes above a bare example: front matter that makes the rule apply, a heading."""
    front = {"failure": "---\narchetypes: [3]\n---\n", "learning": "---\ntags: [learning]\n---\n"}
    section = next((s for s in rule.scope if s != "story"), "situation")
    heading = section.replace("_", "-").capitalize()
    return f"{front.get(rule.applies_to, '')}## {heading}\n"


def example_expectations(rule: Rule, example: str | Example) -> dict[str, Any]:
    """What a bad example's finding must show (`line`, `column`, `message`), with the
    line counted in the full story `example_text` makes; {} when it says nothing."""
    if not isinstance(example, Example):
        return {}
    expected: dict[str, Any] = {}
    if example.line is not None:
        added = 0 if _HEADING_OR_FRONT_MATTER.search(example.text) else _preamble(rule).count("\n")
        leading = len(example.text) - len(example.text.lstrip())
        expected["line"] = example.line + added - example.text[:leading].count("\n")
    if example.column is not None:
        expected["column"] = example.column
    if example.message is not None:
        expected["message"] = example.message
    return expected


def example_options(example: str | Example) -> dict[str, Any]:
    return dict(example.options) if isinstance(example, Example) else {}
