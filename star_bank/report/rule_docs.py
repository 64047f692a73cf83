"""The rule pack as text: docs/rules.md (generated, so the reference cannot drift) and `starlint --list-rules`.

    python -m star_bank.report.rule_docs > docs/rules.md
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from star_bank.lint.rules import Rule, load_rules
from star_bank.lint.wording import quote

if TYPE_CHECKING:
    from star_bank.lint.activation import RuleState

HEADER = """# Rule reference

Generated from `rules/` by `python -m star_bank.report.rule_docs`; do not edit by hand.
Turn a rule off with `ignore = ["slug"]` in `[tool.starlint]`, change its
severity or options in `[tool.starlint.rules.<slug>]`, or silence one place
with `<!-- starlint-disable-next-line slug -->` (see docs/configuration.md).
Rules that read `bank` judge all the stories of a run at once; each of their
findings sits on the title of the story it names, where a comment on the line
above the title (or `starlint-disable-file`) silences it.

Your own rules (`rule_dirs`) are YAML files like these, read with the same
guarded loader as the shipped data (a regular file under 2 MB, no alias
expansion past 200,000 values). A `pattern` rule's regexes are compiled with
RE2 (google-re2), not Python's `re`: matching time grows linearly with the
text, so a pattern such as `(a+)+$` cannot hang a run. RE2 has no lookarounds
and no backreferences, and `\\b` is an ASCII word boundary; a pattern that
RE2 cannot compile is an error naming the rule file when the rules load.

| code | slug | default severity | rubric dimension | reads |
|---|---|---|---|---|
"""


def render_rules(rules: list[Rule]) -> str:
    out = [HEADER]
    for rule in rules:
        out.append(
            f"| {rule.code} | [{rule.slug}](#{rule.slug}) | {rule.severity.value} | "
            f"{rule.dimension} | {', '.join(rule.scope)} |\n"
        )
    for rule in rules:
        out.append(f"\n## {rule.slug}\n\n")
        out.append(f"`{rule.code}` · {rule.severity.value} · feeds **{rule.dimension}**")
        if rule.applies_to != "any":
            out.append(f" · {rule.applies_to} stories only")
        out.append(f" · kind `{rule.kind}`\n\n{rule.description.strip()}\n\n")
        out.append(f"Message: {rule.message}\n\n")
        if rule.suggestion:
            out.append(f"Fix: {rule.suggestion}\n\n")
        for label, examples in (("Flagged", rule.examples.bad), ("Not flagged", rule.examples.good)):
            out.append(f"**{label}:**\n\n")
            for example in examples:
                note = "" if isinstance(example, str) or not example.options else f"(with options {example.options})\n"
                if not isinstance(example, str) and example.stories:
                    out.append(f"{note}A bank of {len(example.stories)} stories:\n\n")
                    out.extend(f"```markdown\n{story.rstrip()}\n```\n\n" for story in example.stories)
                    continue
                text = example if isinstance(example, str) else example.text
                out.append(f"{note}```markdown\n{text.rstrip()}\n```\n\n")
        if rule.options:
            out.append("Options (defaults in the rule file; more in the kind's documentation):\n\n")
            for key, value in rule.options.items():
                out.append(f"- `{key}`: `{value}`\n")
            out.append("\n")
    return "".join(out).rstrip() + "\n"


def render_rule_list(states: Iterable[RuleState]) -> str:
    """A table of every rule: code, slug, severity as configured, on or off (and why), what it checks."""
    states = list(states)
    rows = [("code", "rule", "severity", "state", "description")] + [
        (s.rule.code, s.rule.slug, s.severity.value, s.why or ("on" if s.on else "off"), first_sentence(s.rule.description))
        for s in states
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths)) + "  " + row[4] for row in rows
    )


def first_sentence(text: str, limit: int = 90) -> str:
    """A rule's description cut to its first sentence, on one line of at most about `limit` characters."""
    flat = " ".join(text.split())
    end = re.search(r"(?<=[.?!])\s", flat)
    return quote(flat[: end.start()] if end else flat, limit)


def main() -> None:
    sys.stdout.write(render_rules(load_rules()))


if __name__ == "__main__":
    main()
