"""Inline suppression comments in a story.

    <!-- starlint-disable passive-voice -->       off until enabled again (no names: all rules)
    <!-- starlint-enable passive-voice -->        back on (no names: all rules)
    <!-- starlint-disable-next-line OWN001 -->    the next non-blank line only
    <!-- starlint-disable-file hedging -->        the whole file

Rules are named by code or slug, separated by commas or spaces. Anything after
` -- ` is a reason for the reader and is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from star_bank.story.positions import LineIndex

_DIRECTIVE = re.compile(
    r"<!--\s*starlint-(disable-file|disable-next-line|disable|enable)\b(.*?)-->", re.S
)


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    names: frozenset[str] | None  # None: every rule


def _names(arguments: str) -> frozenset[str] | None:
    names = frozenset(name for name, _ in _named(arguments))
    return names or None


def _named(arguments: str) -> list[tuple[str, int]]:
    """The rule names in a directive's arguments, each with its offset in `arguments`."""
    arguments = arguments.split(" -- ", 1)[0]
    arguments = arguments.split("--", 1)[0] if arguments.strip().startswith("--") else arguments
    return [(m.group(), m.start()) for m in re.finditer(r"[^\s,]+", arguments)]


def directive_names(text: str) -> list[tuple[str, int, int]]:
    """Every rule name written in a suppression comment: (name, start, end) in `text`."""
    found = []
    for match in _DIRECTIVE.finditer(text):
        for name, at in _named(match.group(2)):
            start = match.start(2) + at
            found.append((name, start, start + len(name)))
    return found


def suppression_regions(text: str, index: LineIndex | None = None) -> list[Region]:
    """Every region of `text` where some rules are switched off."""
    index = index or LineIndex(text)
    regions: list[Region] = []
    open_all: int | None = None
    open_named: dict[str, int] = {}
    for match in _DIRECTIVE.finditer(text):
        directive, names = match.group(1), _names(match.group(2))
        if directive == "disable-file":
            regions.append(Region(0, len(text), names))
        elif directive == "disable-next-line":
            line = index.line_of(match.end()) + 1
            while line < index.line_count and not text[index.starts[line] : index.ends[line]].strip():
                line += 1
            if line < index.line_count:
                regions.append(Region(index.starts[line], index.ends[line] + 1, names))
        elif directive == "disable":
            if names is None:
                open_all = match.end() if open_all is None else open_all
            else:
                for name in names:
                    open_named.setdefault(name, match.end())
        else:  # enable
            if names is None:
                if open_all is not None:
                    regions.append(Region(open_all, match.start(), None))
                    open_all = None
                for name, start in open_named.items():
                    regions.append(Region(start, match.start(), frozenset({name})))
                open_named.clear()
            else:
                for name in names:
                    if name in open_named:
                        regions.append(Region(open_named.pop(name), match.start(), frozenset({name})))
    if open_all is not None:
        regions.append(Region(open_all, len(text) + 1, None))
    for name, start in open_named.items():
        regions.append(Region(start, len(text) + 1, frozenset({name})))
    return regions


def is_suppressed(regions: list[Region], offset: int, rule_names: set[str]) -> bool:
    return any(
        r.start <= offset < r.end and (r.names is None or r.names & rule_names) for r in regions
    )


def overlaps_region(regions: list[Region], start: int, end: int, rule_names: set[str]) -> bool:
    """Whether a region switching off one of `rule_names` overlaps text[start:end]."""
    return any(
        r.start < end and start < r.end and (r.names is None or r.names & rule_names) for r in regions
    )
