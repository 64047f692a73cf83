"""A headless Chromium for the tests that render HTML in a real browser."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Callable

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
Chromium = Callable[..., subprocess.CompletedProcess]


@pytest.fixture
def chromium(tmp_path: Path) -> Chromium:
    """`chromium(name, *arguments)` runs the browser headless with a fresh profile
    (`tmp_path/profile-<name>`); the test skips where no browser is installed."""
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        pytest.skip("no Chromium binary on PATH (Debian: apt-get install chromium); the HTML checks without a browser still ran")

    def run(name: str, *arguments: str) -> subprocess.CompletedProcess[str]:
        command = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            f"--user-data-dir={tmp_path / f'profile-{name}'}", *arguments,
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    return run
