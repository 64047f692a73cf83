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


def example_text(rule: Rule, example: str | Example) -> str:
    """The full story text an example stands for."""
    text = example.text if isinstance(example, Example) else example
    if _HEADING_OR_FRONT_MATTER.search(text):
        return text
    front = {"failure": "---\narchetypes: [3]\n---\n", "learning": "---\ntags: [learning]\n---\n"}
    section = next((s for s in rule.scope if s != "story"), "situation")
    heading = section.replace("_", "-").capitalize()
    return f"{front.get(rule.applies_to, '')}## {heading}\n{text.strip()}\n"


def example_options(example: str | Example) -> dict[str, Any]:
    return dict(example.options) if isinstance(example, Example) else {}
