"""The rule pack as text: docs/rules.md (generated, so the reference cannot drift) and `starlint --list-rules`.

    python -m star_bank.report.rule_docs > docs/rules.md
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from star_bank.lint.rules import Rule, load_rules

if TYPE_CHECKING:
    from star_bank.lint.engine import ActiveRule

HEADER = """# Rule reference

Generated from `rules/` by `python -m star_bank.report.rule_docs`; do not edit by hand.
Turn a rule off with `ignore = ["slug"]` in `[tool.starlint]`, change its
severity or options in `[tool.starlint.rules.<slug>]`, or silence one place
with `<!-- starlint-disable-next-line slug -->` (see docs/configuration.md).

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
                text = example if isinstance(example, str) else example.text
                note = "" if isinstance(example, str) else f"(with options {example.options})\n"
                out.append(f"{note}```markdown\n{text.rstrip()}\n```\n\n")
        if rule.options:
            out.append("Options (defaults in the rule file; more in the kind's documentation):\n\n")
            for key, value in rule.options.items():
                out.append(f"- `{key}`: `{value}`\n")
            out.append("\n")
    return "".join(out).rstrip() + "\n"


def render_rule_list(active: Iterable[ActiveRule]) -> str:
    """One line per rule a run applies: code, slug, severity as configured, dimension."""
    return "\n".join(
        f"{a.rule.code}  {a.rule.slug:<26} {a.severity.value:<10} {a.rule.dimension}" for a in active
    )


def main() -> None:
    sys.stdout.write(render_rules(load_rules()))


if __name__ == "__main__":
    main()
