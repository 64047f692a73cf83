"""Fingerprints: one string standing for everything besides a story's bytes that
decides what a run says about it.

The cache keys its entries by these strings and never looks inside the linter;
a change of code, data or settings gives a new string, so old entries are
simply never looked up again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from star_bank import __version__
from star_bank.data.paths import data_path

_PACKAGE = Path(__file__).resolve().parent.parent  # the whole star_bank package


def settings_fingerprint(settings: dict[str, Any]) -> str:
    """A hash of `settings` (JSON-able values) with the package version and code."""
    stamped = {
        "version": __version__,
        "engine": engine_fingerprint(),
        "archetypes": file_digest(data_path("archetypes.yaml")),
        **settings,
    }
    return hashlib.sha256(json.dumps(stamped, sort_keys=True, default=str).encode()).hexdigest()


@functools.cache
def engine_fingerprint() -> str:
    """The installed package's files by name, size and modification time.

    A wheel's files never change, so this is stable for an install; in a source
    checkout, editing a kind invalidates the cache as a version bump would.
    """
    digest = hashlib.sha256()
    for folder, dirs, names in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".pyc", ".pyo")):
                continue
            try:
                stat = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            rel = os.path.relpath(os.path.join(folder, name), _PACKAGE)
            digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def file_digest(path: Path) -> str | None:
    """The SHA-256 of a file's bytes; None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
