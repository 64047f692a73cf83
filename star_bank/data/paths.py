"""Where the shipped data lives: `archetypes.yaml`, the `rules/` pack and the
package's own `rubrics.yaml` and `drill.yaml`.

The files users read and extend (`archetypes.yaml`, `rules/`) sit at the root of
a source checkout; an installed wheel carries a copy beside this module, where
the package's own data files always are.
"""

from __future__ import annotations

from pathlib import Path

_DATA = Path(__file__).resolve().parent
_CHECKOUT = _DATA.parent.parent


def data_path(name: str) -> Path:
    """The shipped file or folder `name` ("archetypes.yaml", "rules", "rubrics.yaml", "drill.yaml")."""
    bundled = _DATA / name
    if bundled.exists():
        return bundled
    return _CHECKOUT / name
