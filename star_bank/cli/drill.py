"""`starbank drill`: a practice failure interview in the terminal (library: star_bank.drill)."""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path
from typing import Callable, TextIO

import click

from star_bank.cli.common import EXIT_ERROR, error_line, print_json
from star_bank.model.story import DEFAULT_LEVEL, LEVELS
from star_bank.report.transcript import MAX_WIDTH, render_turn, turn_width

INTERACTIVE_HELP = (
    "(Answer in as many lines as you like; press Enter on two empty lines to send it. "
    "Type 'hint' for a hint, Ctrl-D to finish and see the scorecard.)"
)


@click.command("drill")
@click.option("--question", "-q", default=None, help="Open with this question instead of the warm-up.")
@click.option(
    "--archetype", "-a", type=int, default=None, metavar="N",
    help="Open with the scenario question of a failure archetype: 3 (incident you caused) or 8 (decision you'd make differently).",
)
@click.option(
    "--level", type=click.Choice(LEVELS), default=None,
    help=f"What is expected [default: the config's level, else {DEFAULT_LEVEL}]. Staff is asked for the pattern across failures.",
)
@click.option(
    "--answers", "answers_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Read the answers from FILE, separated by lines of '---', instead of the terminal.",
)
@click.option(
    "--save", "save_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Write the answers as a story draft to FILE (never overwritten).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="Output format (json: the turns and the scorecard).",
)
def drill_command(
    question: str | None,
    archetype: int | None,
    level: str | None,
    answers_file: Path | None,
    save_path: Path | None,
    fmt: str,
) -> None:
    """Practise a failure interview: warm-up, the failure, detection and recovery, the lesson.

    The interviewer greets you and asks the warm-up question (or --question, or
    the question of --archetype 3 or 8). Type your answer over as many lines as
    you like and press Enter on two empty lines to send it. Follow-ups press on
    what the answer lacks: your own decision when it is told in the passive or
    as "we", the warning signs, who you told and when, and a lesson a colleague
    could observe. Type `hint` for a hint (each one more detailed, four in all);
    Ctrl-D ends the session. The answers are then scored with the failure
    rubric, as `starbank score` would score the story.

    \b
    starbank drill
    starbank drill --archetype 8 --level staff --save stories/wrong-call.md
    starbank drill --answers answers.txt --format json
    """
    if question is not None and archetype is not None:
        _fail("give --question or --archetype, not both (see 'starbank drill --help')")
    if save_path is not None:
        _check_save_path(save_path)
    scripted = _read_answers(answers_file) if answers_file is not None else None

    # Imported here so that other commands (suggest must answer fast) never load them.
    from star_bank.lint.config import ConfigError
    from star_bank.drill.script import DrillError
    from star_bank.drill.session import DrillSession
    from star_bank.lint.engine import Linter
    from star_bank.nlp.pipeline import PipelineUnavailable
    from star_bank.rubric.score import RubricError
    from star_bank.lint.rules import RuleError

    try:
        linter = Linter.from_path(Path.cwd(), level=level)
        session = DrillSession(
            question=question,
            archetype=archetype,
            level=level,
            linter=linter,
            path=str(save_path) if save_path is not None else "practice session",
        )
        if scripted is not None:
            session.play(scripted)
        else:
            _run_interactive(session, to_stderr=fmt == "json")
        transcript = session.transcript()
    except (ConfigError, RuleError, RubricError, DrillError, PipelineUnavailable) as exc:
        error_line(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    except KeyboardInterrupt:
        raise click.Abort() from None

    if fmt == "json":
        print_json(transcript.model_dump(mode="json"))
    else:
        if scripted is not None:
            for turn in transcript.turns:
                _echo_turn(turn)
        _echo_scorecard(transcript.scorecard)
    if save_path is not None:
        _save(save_path, session)


def _fail(message: str) -> None:
    error_line(message)
    raise SystemExit(EXIT_ERROR)


def _check_save_path(path: Path) -> None:
    """Refuse before the session starts, not after twenty minutes of answers."""
    if path.exists():
        _fail(f"{path}: already exists; choose another file name (stories are never overwritten)")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        _fail(f"{path}: folder {parent} does not exist")


def _read_answers(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        _fail(f"{path}: no such file (--answers expects answers separated by lines of '---')")
    except IsADirectoryError:
        _fail(f"{path}: is a directory, not a file of answers")
    except UnicodeDecodeError:
        _fail(f"{path}: is not valid UTF-8 text")
    except OSError as exc:
        _fail(f"{path}: cannot read: {exc.strerror or exc}")
    from star_bank.drill.text import split_answers

    answers = split_answers(text)
    if not answers:
        _fail(f"{path}: holds no answers (separate answers with lines of '---')")
    return answers


def _run_interactive(session, to_stderr: bool) -> None:
    stdin = sys.stdin
    try:  # a stray byte that is not UTF-8 should not end a twenty-minute session
        stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        pass
    tty = _is_tty(stdin)

    def say(turn) -> None:
        _echo_turn(turn, err=to_stderr)

    def prompt() -> None:
        if tty:
            click.echo("> ", nl=False, err=to_stderr)

    say(session.start())
    if tty:
        click.echo(INTERACTIVE_HELP, err=True)
    # spaCy loads while the first answer is typed.
    loader = threading.Thread(target=_quietly(session.prepare), daemon=True)
    loader.start()
    while not session.done:
        text, ended = read_answer(stdin, prompt)
        if text or not ended:  # an empty answer gets the question again
            loader.join()
            turn = session.answer(text)
            if not ended:
                say(turn)
        if ended:
            if tty:
                click.echo("", err=to_stderr)
            say(session.finish())
            return
    # The interviewer ran out of questions: the closing line was the last turn said.


def read_answer(stream: TextIO, prompt: Callable[[], None] = lambda: None) -> tuple[str, bool]:
    """One answer typed over several lines: (text, input ended).

    Two empty lines in a row send it; so does the end of input (Ctrl-D). A first
    line that is just `hint` is sent at once.
    """
    lines: list[str] = []
    blank = 0
    prompt()  # once per answer, so that a pasted answer reads cleanly
    while True:
        line = stream.readline()
        if not line:
            return "\n".join(lines).strip(), True
        line = line.rstrip("\r\n")
        if not lines and line.strip().lower() == "hint":
            return line.strip(), False
        if not line.strip():
            blank += 1
            if blank >= 2:
                return "\n".join(lines).strip(), False
            continue
        if blank and lines:
            lines.append("")
        blank = 0
        lines.append(line)


def _quietly(function: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        try:
            function()
        except Exception:  # the same error is raised again, and reported, by the first answer
            pass

    return run


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _echo_turn(turn, err: bool = False) -> None:
    width = turn_width(shutil.get_terminal_size((MAX_WIDTH, 24)).columns)
    click.echo(render_turn(turn, width), err=err)


def _echo_scorecard(card) -> None:
    if card is None:
        click.echo("No answers were given, so there is nothing to score.")
        return
    from star_bank.report.scorecard import render_text

    click.echo(render_text([card]))
    if card.path == "practice session":
        click.echo("\n  (Line numbers count in the story your answers make; --save FILE writes it.)")


def _save(path: Path, session) -> None:
    if not session.answers:
        click.echo(f"nothing saved to {path}: no answers were given", err=True)
        return
    try:
        # Mode "x" fails if the file exists: a story is never overwritten.
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(session.story_text())
    except FileExistsError:
        _fail(f"{path}: already exists; choose another file name (stories are never overwritten)")
    except OSError as exc:
        _fail(f"{path}: cannot write: {exc.strerror or exc}")
    click.echo(f"wrote {path} (a draft: edit it, then run `starlint {path}`)", err=True)


__all__ = ["drill_command", "read_answer"]
