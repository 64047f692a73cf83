"""The kind modules by name, each imported on first use: the one place that imports them.

Apart from star_bank/lint/kinds/__init__.py (the names only), so that the
kinds may import the `Rule` model they are typed with, and the model may
check a kind's name, without an import cycle. A kind module is imported when
a rule of its kind is first looked up, not when this module is: a command
that never reads a kind does not pay for it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from star_bank.lint.kinds import KIND_NAMES

if TYPE_CHECKING:
    from star_bank.lint.kinds.base import CheckKind
    from star_bank.lint.rule import Rule


class _Kinds(Mapping[str, "CheckKind[Any]"]):
    """Kind name -> kind module, importing each module the first time it is asked for."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self._names = names
        self._loaded: dict[str, CheckKind[Any]] = {}

    def __getitem__(self, name: str) -> "CheckKind[Any]":
        kind = self._loaded.get(name)
        if kind is None:
            if name not in self._names:
                raise KeyError(name)
            module = importlib.import_module(f"star_bank.lint.kinds.{name}")
            kind = self._loaded[name] = cast("CheckKind[Any]", module)
        return kind

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


KINDS: Mapping[str, "CheckKind[Any]"] = _Kinds(KIND_NAMES)


def kind_of(rule: "Rule") -> "CheckKind[Any]":
    """The kind module that runs `rule`."""
    return KINDS[rule.kind]
