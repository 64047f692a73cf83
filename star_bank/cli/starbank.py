"""`starbank`: the story bank: list stories (and, as it grows, suggest, score, coverage)."""

from __future__ import annotations

from pathlib import Path

import click

from star_bank import __version__
from star_bank.bank import load_bank
from star_bank.cli.common import EXIT_ERROR, default_bank, error_line, print_json
from star_bank.listing import list_stories


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="starbank")
def main() -> None:
    """Your interview story bank: what it holds and which story answers a question."""


@main.command("list")
@click.option(
    "--bank",
    "bank_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of story files [default: ./stories if it exists, else .].",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def list_command(bank_dir: Path | None, fmt: str) -> None:
    """List the stories in the bank: title, archetypes, sections, length."""
    bank = load_bank(bank_dir or default_bank())
    entries = list_stories(bank)
    for error in bank.errors:
        error_line(f"{error.path}: {error.message}")
    if fmt == "json":
        print_json([e.model_dump(mode="json") for e in entries])
    else:
        for entry in entries:
            archetypes = ",".join(str(a) for a in entry.archetypes) or "-"
            click.echo(f"{entry.path}  [{archetypes}]  {entry.title}")
            click.echo(f"    {' '.join(entry.sections) or 'no STAR sections'} · {entry.words} words")
        click.echo(f"{len(entries)} stories, {len(bank.errors)} unreadable")
    if bank.errors:
        raise SystemExit(EXIT_ERROR)
