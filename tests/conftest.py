"""Fixtures shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes seconds (builds a wheel, ...); part of the normal run")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout: `stories/`, `rules/`, `archetypes.yaml`, `pyproject.toml`."""
    return ROOT


@pytest.fixture
def write_file(tmp_path: Path):
    """Write text (UTF-8, newlines kept as given) or bytes under tmp_path; return the path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return write
