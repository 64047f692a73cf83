"""comment_directive: a suppression comment that names a rule the pack does not have.

A typo in `<!-- starlint-disable vauge-lesson -->` silences nothing, and the
writer believes the finding is handled; like ruff's unused-noqa, the comment
itself is reported, with the nearest rule name.
Options: none. The engine gives the kind the rule pack's names, shipped and
the config's `rule_dirs` (`bind_rule_pack`).
FAIL: <!-- starlint-disable-next-line pasive-voice -->
PASS: <!-- starlint-disable-next-line passive-voice -->
"""

from __future__ import annotations

from typing import Iterable, Iterator

from pydantic import Field

from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.names import did_you_mean
from star_bank.lint.rule import Rule
from star_bank.lint.suppress import directive_names
from star_bank.nlp.analysis import AnalysedStory, Hit

NEEDS_NLP = False


class Options(KindOptions):
    # Filled from the rule pack when the rule is activated, not written by users.
    known_rules: frozenset[str] = Field(default_factory=frozenset, exclude=True)


def bind_rule_pack(options: Options, rules: Iterable[Rule]) -> Options:
    """The options with every rule name (codes and slugs) of this run's pack."""
    return options.model_copy(update={"known_rules": frozenset(n for r in rules for n in r.names())})


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    for name, start, end in directive_names(story.story.text):
        if name not in options.known_rules:
            yield Hit(start, end, None, {"name": name, "did_you_mean": did_you_mean(name, options.known_rules)})
