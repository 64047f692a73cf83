"""Which rules run under a configuration, at which severity, with which options.

Kept apart from the engine: deciding the rule set is a matter of the config
file and the command line (`select`, `ignore`, per-rule tables), and every
mistake there must be one line naming where it was made (the option, or the
file and the key), with the nearest known name, before any story is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from star_bank.lint.config import Config, ConfigError, config_key
from star_bank.lint.kinds.registry import kind_of
from star_bank.lint.names import did_you_mean
from star_bank.lint.rules import Rule, RuleError, load_rules, validate_options
from star_bank.model.findings import Severity


@dataclass(frozen=True)
class ActiveRule:
    """A rule as configured for this run: its severity and validated options."""

    rule: Rule
    severity: Severity
    options: Any


@dataclass(frozen=True)
class RuleState:
    """A rule of the pack and whether this run applies it: `why` says what turned it off."""

    rule: Rule
    severity: Severity
    on: bool
    why: str = ""


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
    states = rule_states_by_code(config, rules, select, ignore)
    return [_configured(rule, config, rules) for rule in rules if states[rule.code].on]


def rule_states(
    config: Config, rules: list[Rule], select: Iterable[str] | None = None, ignore: Iterable[str] = ()
) -> list[RuleState]:
    """Every rule of the pack, on or off for this run and why (for `--list-rules`)."""
    states = rule_states_by_code(config, rules, select, ignore)
    return [states[rule.code] for rule in rules]


def rule_states_by_code(
    config: Config, rules: list[Rule], select: Iterable[str] | None, ignore: Iterable[str]
) -> dict[str, RuleState]:
    by_name = {name: rule for rule in rules for name in rule.names()}
    cli_select, cli_ignore = list(select or ()), list(ignore)
    _check_names(by_name, cli_select, "--select")
    _check_names(by_name, cli_ignore, "--ignore")
    _check_names(by_name, config.select, _where(config, "select"))
    _check_names(by_name, config.ignore, _where(config, "ignore"))
    for name in config.rules:
        _check_names(by_name, [name], _where(config, f"rules.{name}"))
    if cli_select:
        chosen, not_chosen = {by_name[n].code for n in cli_select}, "off: not in --select"
    elif config.select:
        chosen, not_chosen = {by_name[n].code for n in config.select}, f"off: not in select ({_file(config)})"
    else:
        chosen, not_chosen = {r.code for r in rules}, ""
    ignored_here = {by_name[n].code for n in cli_ignore}
    ignored_there = {by_name[n].code for n in config.ignore}
    severities = _severities(config, by_name)
    states = {}
    for rule in rules:
        severity = severities.get(rule.code, rule.severity)
        if rule.code not in chosen:
            states[rule.code] = RuleState(rule, severity, False, not_chosen)
        elif rule.code in ignored_here:
            states[rule.code] = RuleState(rule, severity, False, "off: --ignore")
        elif rule.code in ignored_there:
            states[rule.code] = RuleState(rule, severity, False, f"off: ignored in {_file(config)}")
        else:
            only = f" ({rule.applies_to} stories only)" if rule.applies_to != "any" else ""
            states[rule.code] = RuleState(rule, severity, True, f"on{only}")
    return states


def _check_names(by_name: dict[str, Rule], names: Iterable[str], where: str) -> None:
    for name in names:
        if name not in by_name:
            raise ConfigError(f"{where}: unknown rule {name!r}{did_you_mean(name, by_name)}")


def _where(config: Config, key: str) -> str:
    """`pyproject.toml: tool.starlint.select`, or the key alone for a config built in code."""
    return f"{config.path}: {config_key(config.path, key)}" if config.path else key


def _file(config: Config) -> str:
    return config.path.name if config.path else "the configuration"


def _severities(config: Config, by_name: dict[str, Rule]) -> dict[str, Severity]:
    """Each configured rule's severity, checked."""
    severities = {}
    for name, table in config.rules.items():
        if "severity" not in table:
            continue
        try:
            severities[by_name[name].code] = Severity(table["severity"])
        except ValueError:
            where = _where(config, f"rules.{name}.severity")
            raise ConfigError(f"{where}: must be error, warning or suggestion") from None
    return severities


def _configured(rule: Rule, config: Config, rules: list[Rule]) -> ActiveRule:
    """One rule with its config table applied: `severity`, then the kind's options."""
    name, table = next(
        ((n, dict(t)) for n, t in config.rules.items() if n in rule.names()), (rule.slug, {})
    )
    severity = Severity(table.pop("severity", rule.severity))
    known = kind_of(rule).Options.model_fields
    for key in table:
        if key not in known:
            where = _where(config, f"rules.{name}.{key}")
            raise ConfigError(f"{where}: rule {rule.slug} has no option {key!r}{did_you_mean(key, known)}")
    try:
        options = validate_options(rule, table, where=str(config.path or "configuration"))
    except RuleError as exc:
        raise ConfigError(str(exc)) from None
    bind = getattr(kind_of(rule), "bind_rule_pack", None)
    return ActiveRule(rule, severity, bind(options, rules) if callable(bind) else options)
