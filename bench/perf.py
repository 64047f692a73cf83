"""How much starlint costs next to the spaCy parse it cannot avoid.

Whole processes, timed from the outside, each side run several times,
interleaved, medians reported:

  (a) starlint over a bank of distinct generated stories (nothing cached) vs a
      bare `nlp.pipe` over exactly the texts starlint parses (every section's
      prose), same model, NER excluded, n_process=2 on both sides;  target <= 1.3x
  (b) starlint on one story vs a process that only imports spaCy and loads the
      model;                                                        target <= 1.25x
  (c) a fully cached rerun vs the cold run, on one story (the pre-commit case)
      and on the whole bank; spaCy must not be imported;             target <= 0.2x
  (d) `starlint --scorecard` on the sample bank: a fully cached rerun vs the
      cold run (target <= 0.2x), and vs a fully cached plain `starlint` (the
      scorecards come from the same cache; target <= 1.3x)

Peak memory is the largest resident set of a run's process tree (os.wait4,
ru_maxrss). Python caches bytecode in a private folder for these runs (as an
installed package has its .pyc files), and one warm-up run of each command goes
first.

    python bench/perf.py [--stories 240] [--runs 5] [--sweep]

`--sweep` also times linting with one and with two processes at several bank
sizes (in this process, the model already loaded) to show where starting worker
processes pays off.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus"
SAMPLE_BANK = ROOT / "stories"
MARKER = re.compile(r"[ \t]*<!--\s*expect:.*?-->")
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?![\w,])")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
NAMES = ["Priya", "Tomas", "Aisha", "Kenji", "Marta", "Diego", "Lena", "Omar"]


# -- the generated bank --------------------------------------------------------------

def _source_texts() -> list[str]:
    files = sorted(SAMPLE_BANK.glob("*.md")) + sorted(CORPUS.glob("[0-9]*.md"))
    return [MARKER.sub("", f.read_text(encoding="utf-8")) for f in files]


def _split(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(everything before the first `## ` heading, [(heading line, body)])."""
    parts = re.split(r"(?m)^(## .*\n)", text)
    head, rest = parts[0], parts[1:]
    return head, [(rest[i], rest[i + 1]) for i in range(0, len(rest) - 1, 2)]


def _kind(heading: str) -> str:
    return re.sub(r"[^a-z]", " ", heading.lower()).split()[0] if heading.strip("# \n") else ""


def generate_bank(folder: Path, count: int) -> list[Path]:
    """`count` distinct stories: the sample bank and the corpus as written, then
    recombinations (each section taken from another story with a section of the same
    kind), with numbers scaled, weekdays shifted and a name added per round."""
    sources = _source_texts()
    split = [_split(t) for t in sources]
    recombinable = [s for s in split if len(s[1]) >= 4]
    by_kind: dict[str, list[str]] = {}
    for _, sections in recombinable:
        for heading, body in sections:
            by_kind.setdefault(_kind(heading), []).append(body)
    texts: list[str] = []
    seen: set[str] = set()
    i = 0
    while len(texts) < count:
        if i < len(sources):
            text = sources[i]
        else:
            round_ = (i - len(sources)) // len(recombinable) + 1
            head, sections = recombinable[(i - len(sources)) % len(recombinable)]
            parts = [_vary_title(head, round_)]
            for j, (heading, body) in enumerate(sections):
                donors = by_kind.get(_kind(heading), [body])
                parts += [heading, donors[(i * 7 + j * 11 + round_) % len(donors)]]
            text = _vary("".join(parts), round_)
        if text not in seen:
            seen.add(text)
            texts.append(text)
        i += 1
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, text in enumerate(texts, 1):
        path = folder / f"story-{n:04d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _vary_title(head: str, round_: int) -> str:
    return re.sub(r"(?m)^(# .*?)[ \t]*$", lambda m: f"{m.group(1)} (take {round_ + 1})", head, count=1)


def _scaled(number: str, scale: int) -> str:
    if len(number) == 4 and number.startswith(("19", "20")):  # a year
        return number
    value = int(number.replace(",", "")) * scale
    return f"{value:,}" if "," in number else str(value)


def _vary(text: str, round_: int) -> str:
    """Numbers scaled, weekdays shifted, a colleague named; the front matter kept."""
    match = re.match(r"---\n.*?\n---\n", text, re.S)
    front, text = (match.group(), text[match.end():]) if match else ("", text)
    scale = 1 + round_
    text = NUMBER.sub(lambda m: _scaled(m.group(), scale), text)
    for n, day in enumerate(WEEKDAYS):
        text = text.replace(day, f"@{n}@")
    for n in range(len(WEEKDAYS)):
        text = text.replace(f"@{n}@", WEEKDAYS[(n + round_) % len(WEEKDAYS)])
    name = NAMES[round_ % len(NAMES)]
    return front + text.replace("## Action\n", f"## Action\nI paired with {name} for the first two days. ", 1)


def parsed_texts(paths: list[Path]) -> list[str]:
    """Exactly the texts starlint hands to spaCy: every section's prose."""
    from star_bank.lint.engine import analyse
    from star_bank.story.parse import read_story

    return [
        section.prose.text
        for path in paths
        for section in analyse(read_story(path)).sections
        if section.prose.text
    ]


# -- running and timing processes ----------------------------------------------------

def _child_env(pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.pop("STARLINT_CACHE_DIR", None)
    return env


def run(command: list[str], env: dict[str, str]) -> tuple[float, int, int, str]:
    """(seconds, peak RSS in MB of the largest process, exit status, stdout)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return elapsed, usage.ru_maxrss // 1024, process.returncode, out.read().decode()


class Side:
    """One command, timed several times; `prepare` runs untimed before each run."""

    def __init__(self, name: str, command, prepare=None) -> None:
        self.name = name
        self.command = command
        self.prepare = prepare
        self.times: list[float] = []
        self.memory: list[int] = []
        self.outputs: list[str] = []

    def once(self, env: dict[str, str], record: bool = True) -> None:
        if self.prepare:
            self.prepare()
        elapsed, rss, status, output = run(self.command() if callable(self.command) else self.command, env)
        if status not in (0, 1):
            raise SystemExit(f"{self.name}: exit status {status}")
        if record:
            self.times.append(elapsed)
            self.memory.append(rss)
            self.outputs.append(output)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def measure(sides: list[Side], runs: int, env: dict[str, str]) -> None:
    for side in sides:  # warm-up: bytecode, file cache
        side.once(env, record=False)
    for _ in range(runs):
        for side in sides:  # interleaved, so a noisy moment hits every side alike
            side.once(env)


def ratio_line(label: str, ours: Side, base: Side, target: float) -> str:
    ratio = ours.median / base.median
    verdict = "meets" if ratio <= target else "MISSES"
    return (
        f"{label}: {ours.median:.2f} s vs {base.median:.2f} s = {ratio:.2f}x "
        f"(target <= {target}x: {verdict}); peak RSS {max(ours.memory)} MB vs {max(base.memory)} MB"
    )


BARE_PIPE = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1], exclude=["ner"])
texts = json.load(open(sys.argv[2], encoding="utf-8"))
for doc in nlp.pipe(texts, batch_size=64, n_process=2):
    pass
"""
BARE_LOAD = """
import sys
import spacy
spacy.load(sys.argv[1], exclude=["ner"])
"""
SPACY_PROBE = """
import sys
from star_bank.cli.starlint import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("spacy imported:", "spacy" in sys.modules)
"""


def sweep(paths: list[Path]) -> None:
    """Parse + lint time in one process with one and two spaCy processes."""
    import star_bank.nlp.stream as stream
    from star_bank.lint.engine import Linter
    from star_bank.nlp.pipeline import load_pipeline

    load_pipeline()
    linter = Linter()
    original = stream.parse_processes
    print("\nlint_paths with the model loaded (seconds, median of 3):")
    for size in (5, 10, 20, 40, 80, 160):
        if size > len(paths):
            break
        cells = []
        for processes in (1, 2):
            stream.parse_processes = lambda *_args, p=processes: p
            times = []
            for _ in range(3):
                start = time.perf_counter()
                linter.lint_paths(paths[:size])
                times.append(time.perf_counter() - start)
            cells.append(statistics.median(times))
        print(f"  {size:4d} stories: n_process=1 {cells[0]:.2f}  n_process=2 {cells[1]:.2f}")
    stream.parse_processes = original


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=240, help="size of the generated bank")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per side")
    parser.add_argument("--sweep", action="store_true", help="also time 1 vs 2 processes by bank size")
    args = parser.parse_args()

    from star_bank.nlp.pipeline import pipeline_name

    model = pipeline_name()
    bin_dir = Path(sys.executable).parent
    starlint = str(bin_dir / "starlint") if (bin_dir / "starlint").exists() else None
    base_cmd = [starlint] if starlint else [sys.executable, "-m", "star_bank.cli.starlint"]

    work = Path(tempfile.mkdtemp(prefix="starlint-perf-"))
    try:
        env = _child_env(work / "pycache")
        bank = work / "bank"
        paths = generate_bank(bank, args.stories)
        texts = parsed_texts(paths)
        texts_file = work / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        words = sum(len(t.split()) for t in texts)
        one = paths[0]
        print(
            f"bank: {len(paths)} distinct stories, {len(texts)} sections, {words:,} words of prose; "
            f"model {model}; {os.cpu_count()} cores; {args.runs} timed runs per side"
        )

        cold_dir = work / "cold-cache"

        def fresh_cache() -> None:
            shutil.rmtree(cold_dir, ignore_errors=True)

        # (a) the bank, nothing cached (the cold run writes its cache, as a user's does)
        lint_bank = Side("starlint bank", [*base_cmd, "--cache-dir", str(cold_dir), str(bank)], fresh_cache)
        bare_pipe = Side("bare nlp.pipe", [sys.executable, "-c", BARE_PIPE, model, str(texts_file)])
        # (b) one story, cold
        lint_one = Side("starlint one", [*base_cmd, "--cache-dir", str(cold_dir), str(one)], fresh_cache)
        bare_load = Side("import + load", [sys.executable, "-c", BARE_LOAD, model])
        measure([lint_bank, bare_pipe, lint_one, bare_load], args.runs, env)

        # (c) fully cached reruns, same commands and cache folders as the cold runs;
        # also the sample bank, the size of a personal story repo
        warm_one, warm_bank, warm_sample = work / "warm-one", work / "warm-bank", work / "warm-sample"
        cached_one = Side("starlint one, cached", [*base_cmd, "--cache-dir", str(warm_one), str(one)])
        cached_bank = Side("starlint bank, cached", [*base_cmd, "--cache-dir", str(warm_bank), str(bank)])
        sample_dir = work / "cold-sample"
        lint_sample = Side(
            "starlint sample bank", [*base_cmd, "--cache-dir", str(sample_dir), str(SAMPLE_BANK)],
            lambda: shutil.rmtree(sample_dir, ignore_errors=True),
        )
        cached_sample = Side(
            "sample bank, cached", [*base_cmd, "--cache-dir", str(warm_sample), str(SAMPLE_BANK)]
        )
        run([*base_cmd, "--cache-dir", str(warm_one), str(one)], env)
        run([*base_cmd, "--cache-dir", str(warm_bank), str(bank)], env)
        run([*base_cmd, "--cache-dir", str(warm_sample), str(SAMPLE_BANK)], env)
        measure([cached_one, cached_bank, lint_sample, cached_sample], args.runs, env)

        # (d) the sample bank with scorecards: cold, then cached (same cache as the plain runs use)
        score_cold_dir, warm_score = work / "cold-score", work / "warm-score"
        score_sample = Side(
            "--scorecard sample", [*base_cmd, "--scorecard", "--cache-dir", str(score_cold_dir), str(SAMPLE_BANK)],
            lambda: shutil.rmtree(score_cold_dir, ignore_errors=True),
        )
        cached_score = Side(
            "--scorecard, cached", [*base_cmd, "--scorecard", "--cache-dir", str(warm_score), str(SAMPLE_BANK)]
        )
        run([*base_cmd, "--scorecard", "--cache-dir", str(warm_score), str(SAMPLE_BANK)], env)
        measure([score_sample, cached_score, cached_sample], args.runs, env)
        score_probe = run(
            [sys.executable, "-c", SPACY_PROBE, "--scorecard", "--cache-dir", str(warm_score), str(SAMPLE_BANK)], env
        )[3].strip().splitlines()[-1]
        same = cached_bank.outputs[-1] == lint_bank.outputs[-1] and cached_one.outputs[-1] == lint_one.outputs[-1]
        probe = run(
            [sys.executable, "-c", SPACY_PROBE, "--cache-dir", str(warm_bank), str(bank)], env
        )[3].strip().splitlines()[-1]

        print()
        print(ratio_line("(a) bank, starlint vs bare nlp.pipe", lint_bank, bare_pipe, 1.3))
        print(ratio_line("(b) one story, starlint vs import spaCy + load model", lint_one, bare_load, 1.25))
        print(ratio_line("(c) one story, cached rerun vs cold run", cached_one, lint_one, 0.2))
        print(ratio_line("(c) whole bank, cached rerun vs cold run", cached_bank, lint_bank, 0.2))
        print(ratio_line(
            f"(c) sample bank ({len(list(SAMPLE_BANK.glob('*.md')))} stories), cached rerun vs cold run",
            cached_sample, lint_sample, 0.2,
        ))
        print(f"    cached output identical to the cold run's: {same}; fully cached bank run: {probe}")
        print(ratio_line("(d) sample bank --scorecard, cached rerun vs cold run", cached_score, score_sample, 0.2))
        print(ratio_line("(d) sample bank, cached --scorecard vs cached starlint", cached_score, cached_sample, 1.3))
        same_cards = cached_score.outputs[-1] == score_sample.outputs[-1]
        print(f"    cached --scorecard output identical to the cold run's: {same_cards}; fully cached run: {score_probe}")
        print(f"    throughput: starlint {words / lint_bank.median:,.0f} words/s, bare {words / bare_pipe.median:,.0f} words/s")
        sides = (lint_bank, bare_pipe, lint_one, bare_load, cached_one, cached_bank, lint_sample, cached_sample)
        for side in (*sides, score_sample, cached_score):
            runs = " ".join(f"{t:.2f}" for t in side.times)
            print(f"    {side.name:<22} median {side.median:6.2f} s  runs {runs}  peak RSS {max(side.memory)} MB")
        if args.sweep:
            sweep(paths)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
