"""`starbank sheet`: one printable page for the day of the interview."""

from __future__ import annotations

import os
from pathlib import Path

import click

from star_bank.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, default_bank, echo_text, error_line
from star_bank.model.story import DEFAULT_LEVEL, LEVELS


@click.command("sheet")
@click.option(
    "--bank", "bank_dir", type=click.Path(path_type=Path), default=None,
    help="Folder of story files [default: ./stories if it exists, else .].",
)
@click.option(
    "--level", type=click.Choice(LEVELS), default=None,
    help=f"Judge readiness at this level [default: the story's front matter level, else the config, else {DEFAULT_LEVEL}].",
)
@click.option("--role", type=click.Choice(["ai", "lead", "ic"]), default=None, help="The role you interview for.")
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True, help="Output format."
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Write the sheet to this file [default: print it].",
)
@click.option(
    "--questions", "questions_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Your own questions to ask, a YAML file shaped like the shipped data/sheet.yaml.",
)
def sheet_command(
    bank_dir: Path | None, level: str | None, role: str | None, fmt: str, output: Path | None, questions_file: Path | None
) -> None:
    """One printable page for the interview: per archetype, your best ready
    story as a few short bullets (situation, what you owned, what you did, the
    result with its number, the rule you now follow, the tie-in), the archetypes
    with no ready story and what the interviewer will probe there, then
    questions to ask them.

    \b
    starbank sheet --bank stories --role lead
    starbank sheet --format html -o sheet.html

    Exit status: 0 every archetype covered, 1 some archetype has no ready story,
    2 unreadable files, bad configuration or an unusable questions file.
    """
    from star_bank.lint.config import ConfigError
    from star_bank.lint.engine import Linter
    from star_bank.lint.rules import RuleError
    from star_bank.nlp.pipeline import PipelineUnavailable
    from star_bank.report.sheet import RENDERERS
    from star_bank.retrieve.archetypes import ArchetypeError
    from star_bank.retrieve.sheet import SheetError, interview_sheet, load_questions
    from star_bank.rubric.run import RubricError

    bank = bank_dir or default_bank()
    if not bank.exists():
        error_line(f"{bank}: no such folder (--bank expects the folder of your stories)")
        raise SystemExit(EXIT_ERROR)
    try:
        questions = load_questions(questions_file)
        linter = Linter.from_path(bank, role=role)
        cache = linter.open_cache(os.getenv("STARLINT_CACHE_DIR"))
        sheet = interview_sheet([bank], level=level, role=role, linter=linter, cache=cache, questions=questions)
    except (ConfigError, RuleError, RubricError, PipelineUnavailable, ArchetypeError, SheetError) as exc:
        error_line(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    for error in sheet.errors:
        error_line(f"{error.path}: {error.message}")
    text = RENDERERS[fmt](sheet)
    if output is None:
        if fmt == "md":  # shown in a terminal: what stories hold cannot drive it
            echo_text(text, nl=False)
        else:
            click.echo(text, nl=False)
    else:
        _write(output, text, {Path(row.story.path).resolve() for row in sheet.rows if row.story})
    if sheet.errors:
        raise SystemExit(EXIT_ERROR)
    raise SystemExit(EXIT_FINDINGS if sheet.gaps else EXIT_CLEAN)


def _write(output: Path, text: str, stories: set[Path]) -> None:
    """Write the sheet, but never over one of the stories it was made from."""
    if output.resolve() in stories:
        error_line(f"{output}: is one of your stories; choose another file for the sheet")
        raise SystemExit(EXIT_ERROR)
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        error_line(f"{output}: cannot write: {exc.strerror or exc}")
        raise SystemExit(EXIT_ERROR) from None
    click.echo(f"wrote {output}", err=True)
