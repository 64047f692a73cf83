"""`starbank drill`: a practice failure interview in the terminal (library: star_bank.drill)."""

from __future__ import annotations

import shutil
import signal
import sys
import threading
from pathlib import Path
from typing import Callable, TextIO

import click

from star_bank.cli.common import EXIT_ERROR, echo_text, error_line, print_json
from star_bank.data.safe_read import UnreadableFile, read_limited_text
from star_bank.drill.answer_limits import MAX_ANSWER_CHARS, plain_answer
from star_bank.model.story import DEFAULT_LEVEL, LEVELS
from star_bank.report.transcript import MAX_WIDTH, render_turn, turn_width

INTERACTIVE_HELP = (
    "(Answer in as many lines as you like, up to 20,000 characters; press Enter on two empty lines "
    "to send it. Type 'hint' for a hint, Ctrl-D to finish and see the scorecard.)"
)
# A file of answers holds a whole interview: a few answers of MAX_ANSWER_CHARS at most.
MAX_ANSWERS_FILE_BYTES = 1_000_000


@click.command("drill")
@click.option("--question", "-q", default=None, help="Open with this question instead of the warm-up.")
@click.option(
    "--archetype", "-a", type=int, default=None, metavar="N",
    help="Open with the question of archetype N (1-10, as in archetypes.yaml); 3 and 8 are the failure scenarios.",
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
    the question of --archetype N, any of the ten). Type your answer over as many
    lines as you like and press Enter on two empty lines to send it. Follow-ups
    press only on what your answers have not covered yet: your own decision when
    it is told in the passive or as "we", the warning signs, who you told and
    when, and a lesson a colleague could observe. Type `hint` for a hint on the
    question being asked (each one more detailed); Ctrl-D ends the session. The
    answers are then scored as `starbank score` would score the story.

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
            _run_interactive(session, to_stderr=fmt == "json", stdin=_open_stdin())
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
    if path.is_symlink() and not path.exists():
        _fail(f"{path}: is a symbolic link to a file that does not exist; choose another file name")
    if path.exists():
        _fail(f"{path}: already exists; choose another file name (stories are never overwritten)")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        _fail(f"{path}: folder {parent} does not exist")


def _read_answers(path: Path) -> list[str]:
    try:
        text = read_limited_text(path, MAX_ANSWERS_FILE_BYTES)
    except UnreadableFile as exc:
        if not path.exists() and not path.is_symlink():
            _fail(f"{path}: no such file (--answers expects answers separated by lines of '---')")
        _fail(f"{path}: {exc.reason}")
    from star_bank.drill.text import split_answers

    answers = [_capped(answer) for answer in split_answers(text)]
    answers = [answer for answer in answers if answer.strip()]
    if not answers:
        _fail(f"{path}: holds no answers (separate answers with lines of '---')")
    return answers


def _capped(text: str) -> str:
    """The answer as plain text, with a note on stderr when it had to be cut."""
    answer, cut = plain_answer(text)
    if cut:
        click.echo(f"note: an answer was cut at {MAX_ANSWER_CHARS:,} characters", err=True)
    return answer


def _open_stdin() -> TextIO:
    """Standard input, or one error line when it is closed (`starbank drill <&-`)."""
    stdin = sys.stdin
    if stdin is None or getattr(stdin, "closed", False):
        _fail("standard input is closed: answer in a terminal, or give --answers FILE")
    return stdin


def _run_interactive(session, to_stderr: bool, stdin: TextIO) -> None:
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
    loader = _start_in_background(session.prepare)
    while not session.done:
        try:
            text, ended = read_answer(stdin, prompt)
        except OSError as exc:
            _fail(f"cannot read standard input: {exc.strerror or exc}")
        if text or not ended:  # an empty answer gets the question again
            loader.join()
            turn = session.answer(_capped(text))
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
    line that is just `hint` is sent at once. Past MAX_ANSWER_CHARS the lines are
    read but not kept, so endless input cannot fill the memory.
    """
    lines: list[str] = []
    kept = 0
    blank = 0
    prompt()  # once per answer, so that a pasted answer reads cleanly
    while True:
        line = stream.readline(MAX_ANSWER_CHARS + 2)
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
        if kept > MAX_ANSWER_CHARS:
            blank = 0
            continue
        if blank and lines:
            lines.append("")
        blank = 0
        lines.append(line)
        kept += len(line) + 1


def _start_in_background(function: Callable[[], None]) -> threading.Thread:
    """Run `function` on a thread that never receives Ctrl-C. The kernel may hand SIGINT to
    any thread that does not block it, and then the main thread's read() is not interrupted
    and the drill would wait for input instead of stopping."""
    thread = threading.Thread(target=_quietly(function), daemon=True)
    if not hasattr(signal, "pthread_sigmask"):  # Windows: signals go to the main thread
        thread.start()
        return thread
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        thread.start()  # a new thread inherits the mask of the one that starts it
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    return thread


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
    echo_text(render_turn(turn, width), err=err)


def _echo_scorecard(card) -> None:
    if card is None:
        click.echo("No answers were given, so there is nothing to score.")
        return
    from star_bank.report.scorecard import render_text

    echo_text(render_text([card]))
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
