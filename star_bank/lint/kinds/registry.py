"""The kind modules by name, loaded once: the one place that imports them all.

Apart from star_bank/lint/kinds/__init__.py (the names only), so that the
kinds may import the `Rule` model they are typed with, and the model may
check a kind's name, without an import cycle.
"""

from __future__ import annotations

import importlib
from typing import Any, cast

from star_bank.lint.kinds import KIND_NAMES
from star_bank.lint.kinds.base import CheckKind
from star_bank.lint.rule import Rule

KINDS: dict[str, CheckKind[Any]] = {
    name: cast(CheckKind[Any], importlib.import_module(f"star_bank.lint.kinds.{name}")) for name in KIND_NAMES
}


def kind_of(rule: Rule) -> CheckKind[Any]:
    """The kind module that runs `rule`."""
    return KINDS[rule.kind]
