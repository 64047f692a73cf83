"""pattern: a regular expression that must not match the prose (Vale's "existence").

Options: `patterns` (regexes, matched on the clean prose of each section in scope),
`ignore_case`.
FAIL: "I fixed [the flaky failure] in a day." with pattern `\\[[^\\]]+\\]`.
PASS: "I fixed the flaky checkout test in a day."
"""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import Field, field_validator

from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule

NEEDS_NLP = False


class Options(KindOptions):
    patterns: list[str] = Field(min_length=1)
    ignore_case: bool = True

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid regex {pattern!r}: {exc}") from None
        return patterns


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    flags = re.IGNORECASE if options.ignore_case else 0
    compiled = [re.compile(p, flags) for p in options.patterns]
    for section in story.in_scope(rule.scope):
        for regex in compiled:
            for match in regex.finditer(section.prose.text):
                if match.end() > match.start():
                    yield story.prose_hit(section, match.start(), match.end(), match=match.group(0))
