"""pattern: a regular expression that must not match the prose (Vale's "existence").

Options: `patterns` (regexes, matched on the clean prose of each section in scope),
`ignore_case`.

Patterns are compiled with RE2 (google-re2), whose matching time grows linearly
with the text: a pattern from a user's rule pack such as `(a+)+$` cannot hang a
run as it does with backtracking engines. RE2 has no lookarounds and no
backreferences; a pattern that uses them is refused when the rule is loaded.
FAIL: "I fixed [the flaky failure] in a day." with pattern `\\[[^\\]]+\\]`.
PASS: "I fixed the flaky checkout test in a day."
"""

from __future__ import annotations

import functools
from typing import Iterator

import re2
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
                compiled(pattern, True)
            except re2.error as exc:
                reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else exc
                raise ValueError(
                    f"invalid regex {pattern!r}: {reason} (patterns use RE2 syntax: no lookarounds or backreferences)"
                ) from None
        return patterns


@functools.lru_cache(maxsize=256)
def compiled(pattern: str, ignore_case: bool) -> "re2._Regexp":
    """`pattern` compiled once per process, quietly (RE2 logs compile errors to stderr by default)."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    return re2.compile(pattern, options)


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    regexes = [compiled(p, options.ignore_case) for p in options.patterns]
    for section in story.in_scope(rule.scope):
        for regex in regexes:
            for match in regex.finditer(section.prose.text):
                if match.end() > match.start():
                    yield story.prose_hit(section, match.start(), match.end(), match=match.group(0))
