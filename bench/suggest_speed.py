"""Cold start of `starbank suggest`: a whole new process each run, as a user types it.

Prints the median (and min/max) wall time over several runs of

- `starbank suggest "tell me about a mistake"` on the sample bank (target: under 1 s),
- `python -c "import star_bank"`, for reference,
- `python -c "pass"`, the interpreter's own start-up,

and checks that the suggest path never imports spaCy (its import alone costs ~0.8 s).

Usage: python bench/suggest_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 1.0
QUESTION = "tell me about a mistake"


def _starbank() -> list[str]:
    script = Path(sys.executable).parent / "starbank"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from star_bank.cli.starbank import main; main()"]


def _time(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return times


def _imports_spacy() -> bool:
    probe = (
        "import sys\n"
        "from star_bank.cli.starbank import main\n"
        f"sys.argv = ['starbank', 'suggest', {QUESTION!r}, '--bank', 'stories']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('SPACY=%s' % ('spacy' in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    return "SPACY=True" in done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per command (default 9)")
    args = parser.parse_args(argv)
    commands = {
        f'starbank suggest "{QUESTION}"': _starbank() + ["suggest", QUESTION, "--bank", "stories"],
        'python -c "import star_bank"': [sys.executable, "-c", "import star_bank"],
        'python -c "pass"': [sys.executable, "-c", "pass"],
    }
    _time(commands[f'starbank suggest "{QUESTION}"'], 1)  # warm the OS file cache, not Python
    medians = {}
    for label, command in commands.items():
        times = _time(command, args.runs)
        medians[label] = statistics.median(times)
        print(f"{label:42} median {medians[label]:.3f} s  (min {min(times):.3f}, max {max(times):.3f}, {args.runs} runs)")
    suggest_median = medians[f'starbank suggest "{QUESTION}"']
    spacy = _imports_spacy()
    print(f"spaCy imported on the suggest path: {'YES' if spacy else 'no'}")
    verdict = "meets" if suggest_median < TARGET_SECONDS and not spacy else "MISSES"
    print(f"cold start {suggest_median:.3f} s {verdict} the {TARGET_SECONDS:.1f} s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
