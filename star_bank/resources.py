"""Where the shipped data lives: `archetypes.yaml` and the `rules/` pack.

In a source checkout they sit at the repository root; an installed wheel
carries a copy under `star_bank/data/`.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """The shipped file or folder `name` ("archetypes.yaml" or "rules")."""
    bundled = _PACKAGE / "data" / name
    if bundled.exists():
        return bundled
    return _PACKAGE.parent / name
