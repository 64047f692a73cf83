""""Did you mean" for a mistyped name: a rule, a config key, a rule option.

A typo ('pasive', 'selct', 'max_minuets') should cost the user one glance, so
every "unknown ..." error offers the nearest known name when one is close.
A slug is also compared by its leading words, so 'pasive' finds
'passive-voice' and 'vague' finds 'vague-lesson'.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

# How alike two names must be (difflib's ratio) to be offered.
CLOSE_ENOUGH = 0.75


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name nearest to `name`, or None when none is close."""
    wanted = name.lower()
    best, best_score = None, CLOSE_ENOUGH
    for candidate in sorted(set(known)):
        score = max(SequenceMatcher(None, wanted, form.lower()).ratio() for form in _forms(candidate))
        if score > best_score or (score == best_score and best is None):
            best, best_score = candidate, score
    return best


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`; did you mean 'x'?` to append to an error, or "" when nothing is close."""
    match = closest(name, known)
    return f"; did you mean {match!r}?" if match is not None else ""


def _forms(candidate: str) -> list[str]:
    """The name and its leading words: 'passive-voice' -> ['passive', 'passive-voice']."""
    words = candidate.replace("_", "-").split("-")
    return ["-".join(words[:n]) for n in range(1, len(words))] + [candidate]
