"""`starbank readiness`: the one number the night before, and what to fix first."""

from __future__ import annotations

import os
from pathlib import Path

import click

from star_bank.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, default_bank, echo_text, error_line
from star_bank.model.story import DEFAULT_LEVEL, LEVELS


@click.command("readiness")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--level", type=click.Choice(LEVELS), default=None,
    help=f"Judge at this level [default: the story's front matter level, else the config, else {DEFAULT_LEVEL}].",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)
def readiness_command(paths: tuple[Path, ...], level: str | None, fmt: str) -> None:
    """How many stories in PATHS are interview-ready (default: ./stories).

    Ready means: no starlint warning or error, every rubric dimension at least
    intermediate for your level, and told within three minutes. Then which
    archetypes a ready story covers, and the three edits that would ready the
    most stories.

    Exit status: 0 every story ready, 1 some not ready, 2 unreadable files or bad configuration.
    """
    from star_bank.lint.config import ConfigError
    from star_bank.lint.engine import Linter
    from star_bank.lint.rules import RuleError
    from star_bank.nlp.pipeline import PipelineUnavailable
    from star_bank.report.readiness import render_readiness_json, render_readiness_text
    from star_bank.retrieve.archetypes import ArchetypeError
    from star_bank.retrieve.bank_readiness import bank_readiness
    from star_bank.rubric.run import RubricError

    targets = list(paths) or [default_bank()]
    try:
        linter = Linter.from_path(targets[0])
        cache = linter.open_cache(os.getenv("STARLINT_CACHE_DIR"))
        readiness = bank_readiness(targets, level=level, linter=linter, cache=cache)
    except (ConfigError, RuleError, RubricError, PipelineUnavailable, ArchetypeError) as exc:
        error_line(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    for error in readiness.errors:
        error_line(f"{error.path}: {error.message}")
    if fmt == "json":
        click.echo(render_readiness_json(readiness))
    else:
        echo_text(render_readiness_text(readiness))
    if readiness.errors:
        raise SystemExit(EXIT_ERROR)
    raise SystemExit(EXIT_CLEAN if readiness.all_ready else EXIT_FINDINGS)
