"""Which rules run under a configuration, at which severity, with which options.

Kept apart from the engine: deciding the rule set is a matter of the config
file and the command line (`select`, `ignore`, per-rule tables), and every
mistake there must be one line naming the file and the key, before any story
is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from star_bank.lint.config import Config, ConfigError
from star_bank.lint.rules import Rule, RuleError, load_rules, validate_options
from star_bank.model.findings import Severity


@dataclass(frozen=True)
class ActiveRule:
    """A rule as configured for this run: its severity and validated options."""

    rule: Rule
    severity: Severity
    options: Any


def config_rules(config: Config) -> list[Rule]:
    """The shipped rules plus the config's `rule_dirs` (relative to the config file)."""
    base = config.path.parent if config.path else Path.cwd()
    try:
        return load_rules([base / d for d in config.rule_dirs])
    except RuleError as exc:
        raise ConfigError(str(exc)) from None


def activate(
    config: Config, rules: list[Rule], select: Iterable[str] | None = None, ignore: Iterable[str] = ()
) -> list[ActiveRule]:
    """The rules this run applies, in code order.

    `select` (else the config's) narrows the set, `ignore` adds to the config's
    ignore list; every name, by code or slug, must be a known rule.
    """
    where = str(config.path or "configuration")
    by_name = {name: rule for rule in rules for name in rule.names()}
    chosen = list(select) if select else list(config.select)
    ignored = [*config.ignore, *ignore]
    for name in [*chosen, *ignored, *config.rules]:
        if name not in by_name:
            raise ConfigError(f"{where}: unknown rule {name!r} (see `starlint --list-rules`)")
    selected = {by_name[n].code for n in chosen} if chosen else {r.code for r in rules}
    selected -= {by_name[n].code for n in ignored}
    per_rule = {by_name[name].code: table for name, table in config.rules.items()}
    return [
        _configured(rule, dict(per_rule.get(rule.code, {})), where) for rule in rules if rule.code in selected
    ]


def _configured(rule: Rule, table: dict[str, Any], where: str) -> ActiveRule:
    """One rule with its config table applied: `severity`, then the kind's options."""
    severity = table.pop("severity", rule.severity)
    try:
        severity = Severity(severity)
    except ValueError:
        raise ConfigError(f"{where}: rules.{rule.slug}.severity: must be error, warning or suggestion") from None
    try:
        options = validate_options(rule, table, where=where)
    except RuleError as exc:
        raise ConfigError(str(exc)) from None
    return ActiveRule(rule, severity, options)
