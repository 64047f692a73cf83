"""`starbank`: the story bank: list stories, suggest one for a question, check coverage, start a new one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from star_bank import __version__
from star_bank.data.safe_read import UnreadableFile, read_limited_text
from star_bank.retrieve.archetypes import ArchetypeBook, ArchetypeError, load_archetypes
from star_bank.story.bank import Bank, load_bank
from star_bank.model.story import DEFAULT_LEVEL, LEVELS
from star_bank.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, OutputErrors, default_bank, echo_text, error_line
from star_bank.report.coverage import render_coverage_json, render_coverage_text
from star_bank.report.listing import render_listing_json, render_listing_text
from star_bank.report.skeleton import story_skeleton
from star_bank.report.suggestion import render_suggestions_json, render_suggestions_text
from star_bank.retrieve.bank_coverage import coverage
from star_bank.retrieve.listing import list_stories
from star_bank.retrieve.suggestions import suggest


class _OneLineErrors(OutputErrors, click.Group):
    """Usage errors as one `error: ...` line on stderr (exit 2), like every other error."""

    def main(self, *args, **kwargs):  # type: ignore[override]
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx else "starbank"
            error_line(f"{exc.format_message()} (see '{command} --help')")
            sys.exit(EXIT_ERROR)
        except click.ClickException as exc:
            error_line(exc.format_message())
            sys.exit(exc.exit_code)
        except click.Abort:
            error_line("interrupted")
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else EXIT_CLEAN)


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="starbank")
def main() -> None:
    """Your interview story bank: what it holds and which story answers a question.

    \b
    starbank list                         the stories and their archetypes
    starbank suggest "tell me about a mistake"
                                          which archetype and which of your stories
    starbank coverage                     archetypes with no story (exit 1 when any)
    starbank new --archetype 3 -o FILE    a skeleton for a new story
    starbank score stories/               each story rated against the interview rubric
    starbank readiness                    how many stories are ready, and what to fix first
    starbank sheet                        one printable page for the interview day
    starbank drill                        a practice failure interview, then its scorecard
    """


_BANK_OPTION = click.option(
    "--bank",
    "bank_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of story files [default: ./stories if it exists, else .].",
)
_FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)


def _archetypes() -> ArchetypeBook:
    try:
        return load_archetypes()
    except ArchetypeError as exc:
        error_line(str(exc))
        raise SystemExit(EXIT_ERROR) from None


def _load(bank_dir: Path | None) -> Bank:
    """The bank, with one error line per unreadable file (the rest are still used)."""
    bank = load_bank(bank_dir or default_bank())
    for error in bank.errors:
        error_line(f"{error.path}: {error.message}")
    return bank


@main.command("list")
@_BANK_OPTION
@_FORMAT_OPTION
def list_command(bank_dir: Path | None, fmt: str) -> None:
    """List the stories in the bank: title, archetypes, sections, length.

    A story's archetypes come from its front matter when it lists them, and are
    classified from its text otherwise (with a confidence), best first.
    """
    book = _archetypes()
    bank = _load(bank_dir)
    entries = list_stories(bank, book)
    if fmt == "json":
        click.echo(render_listing_json(entries))
    else:
        echo_text(render_listing_text(entries, unreadable=len(bank.errors)))
    if bank.errors:
        raise SystemExit(EXIT_ERROR)


@main.command("suggest")
@click.argument("questions", nargs=-1)
@click.option(
    "--from",
    "from_file",
    type=click.Path(path_type=Path),
    default=None,
    help="A file of questions, one per line (blank lines and lines starting with # are skipped).",
)
@click.option(
    "--bank",
    "bank_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of story files [default: ./stories if it exists].",
)
@click.option(
    "--top", type=click.IntRange(1, 10), default=3, show_default=True, help="Archetypes and stories to show per question."
)
@_FORMAT_OPTION
def suggest_command(
    questions: tuple[str, ...], from_file: Path | None, bank_dir: Path | None, top: int, fmt: str
) -> None:
    """Which archetype, and which of your stories, answer an interview QUESTION.

    Ranks the ten archetypes for each question, says how strong the match is
    (strong, weak or none) and why, then ranks your stories for it by archetype
    fit and readiness. Across several questions a story already suggested first
    ranks lower, so you do not tell the same story twice. A question no
    archetype fits ("Why do you want to work here?") gets `none` and advice on
    how to prepare it instead.

    \b
    starbank suggest "tell me about a mistake"
    starbank suggest --from acme-questions.txt --bank ~/stories --format json
    """
    asked = [q.strip() for q in questions]
    if any(not q for q in asked):
        _usage_error("a question is empty; put the question in quotes")
    if from_file is not None:
        asked += _read_questions(from_file)
    if not asked:
        _usage_error("give a question, for example: starbank suggest \"tell me about a mistake\" (or --from FILE)")
    book = _archetypes()
    if bank_dir is None and Path("stories").is_dir():
        bank_dir = Path("stories")
    bank = _load(bank_dir) if bank_dir is not None else Bank()
    results = suggest(asked, bank, book, top=top, quality=_cached_lint_quality(bank_dir))
    if fmt == "json":
        click.echo(render_suggestions_json(results))
    else:
        echo_text(render_suggestions_text(results, has_bank=bank_dir is not None))
    if bank.errors:
        raise SystemExit(EXIT_ERROR)


def _cached_lint_quality(bank_dir: Path | None):
    """Story readiness from starlint's cache for this bank, when its configuration loads."""
    from star_bank.lint.cache import LintCache, resolve_cache_dir
    from star_bank.lint.config import ConfigError
    from star_bank.lint.engine import Linter
    from star_bank.lint.rules import RuleError
    from star_bank.rubric.readiness import lint_quality

    try:
        linter = Linter.from_path(bank_dir or Path("."))
    except (ConfigError, RuleError):
        return None  # starlint reports a broken configuration; suggest ranks by structure
    cache_dir = resolve_cache_dir(linter.config, os.environ.get("STARLINT_CACHE_DIR"))
    return lint_quality(LintCache.for_linter(linter, cache_dir))


def _usage_error(message: str) -> None:
    error_line(f"{message} (see 'starbank suggest --help')")
    raise SystemExit(EXIT_ERROR)


# A file of questions: a few hundred lines at most.
MAX_QUESTIONS_FILE_BYTES = 1_000_000


def _read_questions(path: Path) -> list[str]:
    try:
        text = read_limited_text(path, MAX_QUESTIONS_FILE_BYTES)
    except UnreadableFile as exc:
        if not path.exists() and not path.is_symlink():
            error_line(f"{path}: no such file (--from expects a file of questions, one per line)")
        else:
            error_line(f"{path}: {exc.reason}")
        raise SystemExit(EXIT_ERROR) from None
    questions = [line.strip() for line in text.splitlines()]
    questions = [q for q in questions if q and not q.startswith("#")]
    if not questions:
        error_line(f"{path}: holds no questions (one per line expected)")
        raise SystemExit(EXIT_ERROR)
    return questions


@main.command("coverage")
@_BANK_OPTION
@_FORMAT_OPTION
def coverage_command(bank_dir: Path | None, fmt: str) -> None:
    """Check that every archetype has a story.

    Prints the archetype x story matrix, the archetypes with no story, stories
    that claim too many archetypes, and the questions of the retrieval table
    that only one story can answer. Exit 1 when an archetype has no story, so it
    can run in CI.
    """
    book = _archetypes()
    bank = _load(bank_dir)
    report = coverage(bank, book)
    if fmt == "json":
        click.echo(render_coverage_json(report))
    else:
        echo_text(render_coverage_text(report))
    if bank.errors:
        raise SystemExit(EXIT_ERROR)
    if not report.complete:
        raise SystemExit(EXIT_FINDINGS)


@main.command("new")
@click.option(
    "--archetype", "-a", "archetype", required=True, metavar="N",
    help="The archetype the story answers: its number (1-10) or its slug.",
)
@click.option("--title", "-t", default=None, help="The story's title [default: a prompt to replace].")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Write the skeleton to this file (never overwritten) [default: print it].",
)
def new_command(archetype: str, title: str | None, output: Path | None) -> None:
    """Start a new story: a skeleton for one archetype.

    The skeleton has front matter, the Situation / Task / Action / Result /
    Lesson headings and a tie-in, each with the archetype's bracketed prompt to
    replace and its guidance in an HTML comment.

    \b
    starbank new --archetype 3 --title "The config change that broke checkout" -o stories/config-outage.md
    """
    book = _archetypes()
    chosen = next(
        (a for a in book.archetypes if archetype.strip() in (str(a.id), a.slug)),
        None,
    )
    if chosen is None:
        choices = ", ".join(f"{a.id} ({a.slug})" for a in sorted(book.archetypes, key=lambda a: a.id))
        error_line(f"unknown archetype {archetype!r}; choose one of {choices}")
        raise SystemExit(EXIT_ERROR)
    text = story_skeleton(chosen, title)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        # Mode "x" fails if the file exists: a story is never overwritten.
        with output.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        error_line(f"{output}: already exists; choose another file name (stories are never overwritten)")
        raise SystemExit(EXIT_ERROR) from None
    except OSError as exc:
        error_line(f"{output}: cannot write: {exc.strerror or exc}")
        raise SystemExit(EXIT_ERROR) from None
    click.echo(f"wrote {output} (archetype #{chosen.id} {chosen.name})", err=True)


@main.command("score")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--level", type=click.Choice(LEVELS), default=None,
    help=f"Judge at this level [default: the story's front matter level, else the config, else {DEFAULT_LEVEL}].",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
    help="Output format.",
)
def score_command(paths: tuple[Path, ...], level: str | None, fmt: str) -> None:
    """Rate stories in PATHS against the interview rubric (default: ./stories).

    Failure stories get the failure rubric (ownership, detection, recovery,
    concrete lesson, pattern awareness), learning stories the learning rubric,
    the rest a STAR rubric. Each dimension is rated novice, intermediate or
    expert with the evidence quoted, then three strengths, three improvements
    and resources for the weakest dimensions.

    Exit status: 0 scored, 2 when a file could not be read (the rest are still scored).
    """
    # Imported here so the other commands (suggest must answer fast) never load the rubric.
    from star_bank.lint.config import ConfigError
    from star_bank.lint.engine import Linter
    from star_bank.nlp.pipeline import PipelineUnavailable
    from star_bank.rubric.run import RubricError, score_paths
    from star_bank.lint.rules import RuleError
    from star_bank.report.scorecard import RENDERERS as SCORE_RENDERERS

    targets = list(paths) or [default_bank()]
    try:
        linter = Linter.from_path(targets[0])
        report = score_paths(targets, level=level, linter=linter, cache=linter.open_cache(os.getenv("STARLINT_CACHE_DIR")))
    except (ConfigError, RuleError, RubricError, PipelineUnavailable) as exc:
        error_line(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    for error in report.errors:
        error_line(f"{error.path}: {error.message}")
    if report.scorecards or fmt == "json":
        rendered = SCORE_RENDERERS[fmt](report.scorecards).rstrip("\n")
        if fmt == "json":
            click.echo(rendered)
        else:
            echo_text(rendered)
    if report.errors:
        raise SystemExit(EXIT_ERROR)


from star_bank.cli.drill import drill_command  # noqa: E402  (kept apart: the drill lives in its own module)

main.add_command(drill_command)

from star_bank.cli.readiness import readiness_command  # noqa: E402  (its own module: this one is full)

main.add_command(readiness_command)

from star_bank.cli.sheet import sheet_command  # noqa: E402  (its own module, like readiness)

main.add_command(sheet_command)
