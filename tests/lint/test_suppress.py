"""Inline suppression comments: next line, regions, whole file, every rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from star_bank.lint.engine import Linter

ROOT = Path(__file__).resolve().parents[2]

# A weak failure story: blame first, passive voice, hedges, no metric, a vague lesson.
WEAK = (ROOT / "tests" / "fixtures" / "weak-failure.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def linter():
    return Linter()


def _rules(findings):
    return [f.rule for f in findings]


SUPPRESSED = """\
## Action
<!-- starlint-disable-next-line passive-voice -- the vendor did this, not me -->
The certificate was rotated without notice.
The deadline was missed.

<!-- starlint-disable hedging -->
I think it was kind of slow.
<!-- starlint-enable hedging -->
Maybe it was the cache.
"""


def test_disable_next_line_silences_only_that_line(linter):
    passives = [f.line for f in linter.lint_text(SUPPRESSED) if f.rule == "passive-voice"]
    assert passives == [4]


def test_disable_region_ends_at_enable(linter):
    hedges = [f.line for f in linter.lint_text(SUPPRESSED) if f.rule == "hedging"]
    assert hedges == [9]


def test_disable_file_silences_named_rule_everywhere(linter):
    text = "<!-- starlint-disable-file hedging, OWN001 -->\n" + SUPPRESSED
    assert not {"hedging", "passive-voice"} & set(_rules(linter.lint_text(text)))


def test_disable_without_names_silences_every_rule(linter):
    text = "<!-- starlint-disable -->\n" + WEAK
    assert linter.lint_text(text) == []


def test_directive_names_gives_each_name_with_its_place():
    from star_bank.lint.suppress import directive_names

    text = "Intro.\n<!-- starlint-disable hedging, OWN001 -- a reason with words -->\n"
    found = directive_names(text)
    assert [name for name, _, _ in found] == ["hedging", "OWN001"]
    assert all(text[start:end] == name for name, start, end in found)
