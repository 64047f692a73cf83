"""Lint the text of an open document as the CLI would lint the file.

The configuration is found from the document's path exactly as `starlint`
finds it (`.starlint.toml`, or `[tool.starlint]` in `pyproject.toml`), and one
`Linter` is kept per configuration file until that file changes, so spaCy and
the rules load once per server and a re-lint costs about one parse.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from star_bank.lint.config import ConfigError, find_config, load_config
from star_bank.lint.engine import Linter
from star_bank.lint.rule import Rule
from star_bank.lint.rules import RuleError
from star_bank.model.findings import Finding
from star_bank.nlp.pipeline import PipelineUnavailable
from star_bank.story.parse import StoryParseError, parse_story


@dataclass
class LintedDocument:
    """A document's findings, the rules that made them (by slug), or why it could not be linted."""

    findings: list[Finding] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)
    error: str | None = None


class Linters:
    """One linter per configuration file, rebuilt when the file changes."""

    def __init__(self) -> None:
        self._built: dict[Path | None, tuple[float | None, Linter]] = {}

    def for_path(self, path: str | None) -> Linter:
        """The linter for a document at `path` (None: an unsaved document, from the working folder)."""
        config = find_config(Path(path) if path else Path(os.getcwd()))
        stamp = _modified(config)
        built = self._built.get(config)
        if built is None or built[0] != stamp:
            built = (stamp, Linter(load_config(config)))
            self._built[config] = built
        return built[1]


def _modified(path: Path | None) -> float | None:
    try:
        return path.stat().st_mtime if path is not None else None
    except OSError:
        return None


def lint_document(linters: Linters, text: str, path: str | None) -> LintedDocument:
    """Findings for `text` as if it were saved at `path`; a bad config or story becomes `error`."""
    try:
        linter = linters.for_path(path)
        story = parse_story(text, path or "<unsaved>")
        findings = linter.lint_stories([story])[0]
    except (ConfigError, RuleError, PipelineUnavailable) as exc:
        return LintedDocument(error=str(exc))
    except StoryParseError as exc:
        return LintedDocument(error=f"{exc.path}: {exc.reason}")
    return LintedDocument(findings=findings, rules={rule.slug: rule for rule in linter.rules})


def warm_up(linters: Linters, path: str | None) -> None:
    """Load the rules and the spaCy model before the first document arrives."""
    lint_document(linters, "# Warm-up\n\n## Action\nI checked the logs.\n", path)
