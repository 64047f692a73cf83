"""empty_section: a STAR heading with nothing under it.

FAIL: "## Result" followed directly by "## Lesson".
PASS: every heading followed by at least one sentence.
"""

from __future__ import annotations

from typing import Iterator

from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule

NEEDS_NLP = False


class Options(KindOptions):
    pass


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    for section in story.in_scope(rule.scope):
        if not section.prose.text.strip():
            yield story.heading_hit(section, name=section.label)
