"""`starlint`: lint STAR interview stories."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from star_bank import __version__
from star_bank.lint.cache import LintCache
from star_bank.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, OutputErrors, default_bank, error_line
from star_bank.lint.config import ConfigError, find_config, load_config
from star_bank.model.findings import LintReport, Severity
from star_bank.lint.engine import Linter
from star_bank.nlp.pipeline import PipelineUnavailable
from star_bank.model.story import LEVELS
from star_bank.report import RENDERERS, text
from star_bank.report.terminal import safe_output
from star_bank.lint.rules import RuleError

if TYPE_CHECKING:
    from star_bank.model.scorecard import Scorecard


class LintProgress:
    """`linted 120/480 files` on stderr, redrawn in place; shown only once a run
    has taken a second, so a pre-commit run on one story prints nothing."""

    DELAY = 1.0
    INTERVAL = 0.1

    def __init__(self) -> None:
        self.total = 0
        self.started = time.monotonic()
        self.drawn = 0.0
        self.width = 0

    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if now - self.started < self.DELAY or (now - self.drawn < self.INTERVAL and done < self.total):
            return
        self.drawn = now
        line = f"starlint: linted {done}/{self.total} files"
        click.echo("\r" + line.ljust(self.width), err=True, nl=False)
        self.width = len(line)

    def close(self) -> None:
        """Erase the line, so the report starts on a clean line."""
        if self.width:
            click.echo("\r" + " " * self.width + "\r", err=True, nl=False)
            self.width = 0


def _stderr_is_terminal() -> bool:
    return _is_terminal(sys.stderr)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _use_color() -> bool:
    """Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org)."""
    return _is_terminal(sys.stdout) and not os.environ.get("NO_COLOR")


def _names(values: tuple[str, ...]) -> list[str]:
    """`--select a,b --select c` -> [a, b, c]."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


class _Command(OutputErrors, click.Command):
    """starlint's command: output errors as one line (star_bank.cli.common.OutputErrors)."""


@click.command(cls=_Command, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(sorted([*RENDERERS, "html"])), default="text", show_default=True,
    help="Output format (html: one self-contained page with each story's findings in place).",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Write the report to this file [default: stdout].",
)
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (codes or slugs, comma-separated).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (codes or slugs, comma-separated).")
@click.option(
    "--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
    help="Config file [default: nearest .starlint.toml or pyproject.toml with [tool.starlint]].",
)
@click.option("--level", type=click.Choice(LEVELS), help="Your level (for the rubric).")
@click.option("--role", type=click.Choice(["ai", "lead", "ic"]), help="The role you interview for.")
@click.option(
    "--fail-on", type=click.Choice([s.value for s in Severity]), default=None,
    help="Exit 1 when a finding is at or above this severity [default: warning].",
)
@click.option("--no-cache", is_flag=True, help="Lint every file again, ignoring cached results.")
@click.option(
    "--cache-dir", type=click.Path(path_type=Path, file_okay=False), envvar="STARLINT_CACHE_DIR",
    help="Cache folder [default: .starlint_cache beside the config file, else the user cache folder].",
)
@click.option(
    "--scorecard", is_flag=True,
    help="After the findings, print each story's rubric scorecard (text format only; exit code unchanged).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line (and errors).")
@click.option("--list-rules", is_flag=True, help="List every rule, whether it is on, and exit.")
@click.version_option(__version__, prog_name="starlint")
def main(
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: Path | None,
    level: str | None,
    role: str | None,
    fail_on: str | None,
    no_cache: bool,
    cache_dir: Path | None,
    quiet: bool,
    list_rules: bool,
    scorecard: bool,
) -> None:
    """Lint STAR interview stories in PATHS (files or folders; default: ./stories,
    else the current folder, skipping what .gitignore and `exclude` name).

    \b
    starlint stories/                          every story in a folder
    starlint story.md --format json            findings as JSON (also sarif, github)
    starlint stories/ --format html -o r.html  one page: findings in place, scorecards, readiness
    starlint --select passive-voice,OWN002 .   only some rules (slugs or codes)
    starlint --scorecard story.md              findings, then the interviewer's scorecard

    Configure in [tool.starlint] (pyproject.toml) or .starlint.toml; silence one
    place with <!-- starlint-disable-next-line passive-voice -->. Rules:
    starlint --list-rules.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, config or input errors.
    """
    targets = list(paths) or [default_bank()]
    if not paths and targets[0] == Path(".") and not list_rules and not quiet:
        click.echo("starlint: no ./stories folder; linting the current folder", err=True)
    if scorecard and fmt != "text":
        error_line("--scorecard works with --format text only")
        raise SystemExit(EXIT_ERROR)
    try:
        config = load_config(config_file or find_config(targets[0]))
        linter = Linter(config, select=_names(select) or None, ignore=_names(ignore), level=level, role=role)
    except (ConfigError, RuleError) as exc:
        error_line(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    if list_rules:
        _list_rules(linter)
        raise SystemExit(EXIT_CLEAN)
    cache = None if no_cache else linter.open_cache(cache_dir)
    if fmt == "html":
        report = _html(linter, targets, level, cache, output)
    else:
        report, cards = _run(linter, targets, level, scorecard, cache, fmt)
        _print(report, cards, fmt, linter, output, quiet)
    threshold = Severity(fail_on) if fail_on else config.fail_on
    if report.errors:
        raise SystemExit(EXIT_ERROR)
    raise SystemExit(EXIT_FINDINGS if report.fails(threshold) else EXIT_CLEAN)


def _list_rules(linter: Linter) -> None:
    from star_bank.report.rule_docs import render_rule_list  # only for --list-rules

    click.echo(render_rule_list(linter.rule_states()))


def _run(
    linter: Linter, targets: list[Path], level: str | None, scorecard: bool, cache: LintCache | None, fmt: str
) -> tuple[LintReport, list[Scorecard]]:
    """The lint report and (with --scorecard) the scorecards, from one run over the files;
    a cached story is neither parsed nor scored again."""
    progress = LintProgress() if fmt == "text" and _stderr_is_terminal() else None
    try:
        if scorecard:
            from star_bank.rubric.run import lint_and_score_paths

            report, scores = lint_and_score_paths(targets, level=level, linter=linter, cache=cache, progress=progress)
            return report, scores.scorecards
        return linter.lint_paths(targets, progress=progress, cache=cache), []
    except PipelineUnavailable as exc:
        error_line(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    finally:
        if progress is not None:
            progress.close()


def _print(
    report: LintReport, cards: list[Scorecard], fmt: str, linter: Linter, output: Path | None, quiet: bool
) -> None:
    """Unreadable files on stderr; the findings, then the scorecards, on stdout (or in `output`)."""
    for error in report.errors:
        error_line(f"{error.path}: {error.message}")
    color = fmt == "text" and output is None and _use_color()
    if fmt == "text":
        rendered = text.render(report, linter.rules, color=color, quiet=quiet)
    else:
        rendered = RENDERERS[fmt](report, linter.rules)
    if cards and not quiet:
        from star_bank.report.scorecard import render_text

        # The scorecards never change the exit code.
        rendered = (rendered + "\n\n" if rendered else "\n") + render_text(cards)
    _emit(rendered, output, color, terminal=fmt == "text")


def _html(linter: Linter, targets: list[Path], level: str | None, cache: LintCache | None, output: Path | None) -> LintReport:
    """The HTML page of the bank: findings in place, scorecards, readiness, coverage (one run)."""
    from star_bank.report.html import render_html
    from star_bank.retrieve.archetypes import ArchetypeError
    from star_bank.retrieve.bank_review import review_bank
    from star_bank.rubric.run import RubricError

    try:
        review = review_bank(targets, level=level, linter=linter, cache=cache)
    except (PipelineUnavailable, RubricError, ArchetypeError) as exc:
        error_line(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    for error in review.report.errors:
        error_line(f"{error.path}: {error.message}")
    _emit(render_html(review), output)
    return review.report


def _emit(rendered: str, output: Path | None, color: bool = False, terminal: bool = False) -> None:
    """`rendered` on stdout, or written to `output` (one error line when it cannot be).

    `terminal` output (the text format) has control characters escaped and no line
    starting with `::`, wherever it goes: a report file is shown in terminals and CI logs too.
    """
    if terminal:
        rendered = safe_output(rendered, colour=color)
    if output is None:
        if rendered:
            click.echo(rendered, color=color)
        return
    try:
        output.write_text(rendered if rendered.endswith("\n") or not rendered else rendered + "\n", encoding="utf-8")
    except OSError as exc:
        error_line(f"{output}: cannot write: {exc.strerror or exc}")
        raise SystemExit(EXIT_ERROR) from None
