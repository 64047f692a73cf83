"""The development corpus measurement, when the corpus is there.

The development corpus (real published STAR answers and interview questions,
labelled twice) lives outside the repository, at ../shared/corpus by default.
This runs its `measure.py` on the CLIs in .venv/bin and passes any arguments
through (`--only lint`, `--detail`); without the corpus it says so in one line
and exits 0, so `make bench` works on any checkout.

    python bench/dev_corpus.py [--corpus DIR] [measure.py arguments]
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def main(argv: list[str]) -> int:
    corpus = Path(os.environ.get("STAR_BANK_DEV_CORPUS", DEFAULT_CORPUS))
    if argv[:1] == ["--corpus"] and len(argv) >= 2:
        corpus, argv = Path(argv[1]), argv[2:]
    script = corpus / "measure.py"
    if not script.is_file():
        print(f"development corpus: skipped ({corpus} not found)")
        return 0
    print(f"== development corpus ({corpus}) ==", flush=True)
    return subprocess.call([sys.executable, str(script), *argv], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
