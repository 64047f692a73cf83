"""Lint, rubric and classification accuracy on the held-out stories in bench/heldout/.

The stories there were written for this measurement in the styles real answers
come in (assorted labels or none, lessons told anywhere, passives of both kinds)
and labelled twice, independently (labels-a.jsonl, labels-b.jsonl). The rules
were not tuned on them. Gold is where the two labellings agree:

- a yes/no field counts only where both say the same;
- a passive sentence is a fault when both list it, neutral when one does;
- a rubric rating is right when it equals either labeller's rating, and is
  scored only where both rate the dimension.

`--half odd` scores the odd-numbered stories only, the half that may be read
when looking for the causes of errors; `--half even` the half that is kept
unread, so its figures stay an estimate for unseen writing.

The figures are the development corpus's (per story; passive per sentence;
"quiet" = the share of stories without the fault that a rule leaves alone).

    python bench/heldout_accuracy.py [--only lint,score,classify] [--detail] [--set bench/heldout2]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "heldout"
BIN = Path(sys.executable).parent

STORY_RULES = ("vague-lesson", "result-without-metric", "no-observable-change", "too-long",
               "missing-section", "we-overuse")
STAR = ("situation", "task", "action", "result")


def read_labels(folder: Path, name: str) -> dict[str, dict]:
    with open(folder / name, encoding="utf-8") as fh:
        return {row["file"]: row for row in map(json.loads, filter(str.strip, fh))}


def agreed(a: dict, b: dict) -> dict:
    """One story's gold from two labellings (see the module docstring)."""
    gold = {key: a[key] if a[key] == b[key] else None for key in a if not isinstance(a[key], (list, dict))}
    both = set(a["passive_gold"]) & set(b["passive_gold"])
    gold["passive_gold"] = sorted(both)
    gold["passive_neutral"] = sorted((set(a["passive_gold"]) | set(b["passive_gold"]) |
                                      set(a["passive_neutral"]) | set(b["passive_neutral"])) - both)
    gold["section_labels"] = a["section_labels"]
    gold["missing_star_sections"] = a["missing_star_sections"] if a["missing_star_sections"] == b["missing_star_sections"] else None
    gold["rubric"] = {dim: sorted({a["rubric"][dim][0], b["rubric"][dim][0]})
                      if a["rubric"].get(dim) and b["rubric"].get(dim) else None for dim in a["rubric"]}
    return gold


def cli_json(*args: str):
    run = subprocess.run([str(BIN / args[0]), *args[1:]], capture_output=True, text=True, timeout=1800)
    if "Traceback" in run.stderr:
        sys.exit(f"{args[0]} crashed:\n{run.stderr[-1500:]}")
    return json.loads(run.stdout)


def char_span(text: str, sentence: str) -> tuple[int, int] | None:
    match = re.search(r"\s+".join(map(re.escape, sentence.split())), text)
    return match.span() if match else None


def char_offset(text: str, line: int, column: int) -> int:
    return sum(len(x) + 1 for x in text.split("\n")[: line - 1]) + column - 1


class Tally:
    """Per-rule confusion counts and the disagreements, for --detail."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.notes: list[str] = []

    def add(self, rule: str, want: bool | None, got: bool, name: str) -> None:
        if want is None:
            return
        row = self.counts.setdefault(rule, [0, 0, 0, 0])  # tp fp fn tn
        row[0 if want and got else 1 if got else 2 if want else 3] += 1
        if want != got:
            self.notes.append(f"  {name}  {rule}: {'missed' if want else 'false alarm'}")


def ratio(a: float, b: float, empty: float = 0.0) -> float:
    return a / b if b else empty


def lint(folder: Path, gold: dict[str, dict], detail: bool) -> None:
    report = cli_json("starlint", "--format", "json", "--no-cache", str(folder))
    by_file: dict[str, list[dict]] = {}
    for finding in report.get("findings", []):
        by_file.setdefault(Path(finding["path"]).name, []).append(finding)
    tally, tp, fp, fn = Tally(), 0, 0, 0
    for name, lab in gold.items():
        text = (folder / name).read_text(encoding="utf-8")
        found = by_file.get(name, [])
        rules = {f["rule"] for f in found}
        faults = [char_span(text, s) for s in lab["passive_gold"]]
        neutral = [char_span(text, s) for s in lab["passive_neutral"]]
        hit = set()
        for f in (f for f in found if f["rule"] == "passive-voice"):
            at = char_offset(text, f["line"], f["column"])
            inside = [i for i, span in enumerate(faults) if span and span[0] <= at < span[1]]
            if inside:
                hit.add(inside[0])
            elif not any(span and span[0] <= at < span[1] for span in neutral):
                fp += 1
                tally.notes.append(f"  {name}:{f['line']}  passive-voice: false alarm")
        tp, fn = tp + len(hit), fn + len(faults) - len(hit)
        tally.notes += [f"  {name}  passive-voice: missed {sentence[:70]!r}"
                        for i, sentence in enumerate(lab["passive_gold"]) if i not in hit]
        tally.add("vague-lesson", lab["vague_lesson"], "vague-lesson" in rules, name)
        if lab["has_sections"] is False or "result" in lab["section_labels"]:
            metric = lab["result_has_metric"]
            tally.add("result-without-metric", None if metric is None else not metric, "result-without-metric" in rules, name)
        change = lab["concrete_change"]
        # A story told with no lesson at all is flagged as a missing Lesson part instead.
        no_lesson = any(f["rule"] == "missing-section" and str(f.get("section", "")).lower() in ("lesson", "learning")
                        for f in found)
        tally.add("no-observable-change", None if change is None else not change,
                  "no-observable-change" in rules or no_lesson, name)
        if lab["words"] is not None and not 430 <= lab["words"] <= 470:
            tally.add("too-long", lab["over_450_words"], "too-long" in rules, name)
        if lab["has_sections"] and lab["missing_star_sections"] is not None:
            missing = any(f["rule"] == "missing-section" and str(f.get("section", "")).lower() in STAR for f in found)
            tally.add("missing-section", bool(lab["missing_star_sections"]), missing, name)
        tally.add("we-overuse", lab["we_heavy"], "we-overuse" in rules, name)
    print("lint (per story; passive per sentence):")
    print(f"  passive-voice P{ratio(tp, tp + fp):.2f} R{ratio(tp, tp + fn):.2f} ({tp + fn} labelled sentences)")
    for rule in STORY_RULES:
        t, f, m, n = tally.counts.get(rule, [0, 0, 0, 0])
        print(f"  {rule} P{ratio(t, t + f):.2f} R{ratio(t, t + m):.2f} quiet{ratio(n, n + f, 1.0):.2f} "
              f"(faults {t + m} of {t + f + m + n})")
    if detail:
        print("\n".join(sorted(tally.notes)))


def score(folder: Path, gold: dict[str, dict], detail: bool) -> None:
    cards = cli_json("starbank", "score", "--format", "json", *(str(folder / n) for n in sorted(gold)))
    by_file = {Path(c.get("path", "")).name: c for c in cards}
    right = total = 0
    per_class: dict[str, dict[str, list[int]]] = {}
    notes = []
    for name, lab in gold.items():
        ratings = {d["name"]: d["rating"] for d in by_file.get(name, {}).get("dimensions", [])}
        for dim, want in lab["rubric"].items():
            if not want:
                continue
            ok = ratings.get(dim) in want
            right, total = right + ok, total + 1
            cell = per_class.setdefault(dim, {}).setdefault(want[-1], [0, 0])
            cell[0], cell[1] = cell[0] + ok, cell[1] + 1
            if not ok:
                notes.append(f"  {name}  {dim}: gold {'/'.join(want)}, got {ratings.get(dim)}")
    balanced = {dim: sum(a / b for a, b in cls.values()) / len(cls) for dim, cls in per_class.items()}
    print(f"score: exact {ratio(right, total):.2f} balanced {ratio(sum(balanced.values()), len(balanced)):.2f} "
          f"on {total} ratings; " + " ".join(f"{k}:{v:.2f}" for k, v in balanced.items()))
    if detail:
        print("\n".join(notes))


def classify(folder: Path, gold: dict[str, dict], detail: bool) -> None:
    listed = cli_json("starbank", "list", "--bank", str(folder), "--format", "json")
    by_file = {Path(s.get("path", "")).name: s.get("archetypes", []) for s in listed}
    scored = {n: lab["archetype"] for n, lab in gold.items() if lab["archetype"] is not None}
    wrong = [f"  {n}  gold #{want}, got {by_file.get(n, [])}" for n, want in scored.items()
             if not by_file.get(n) or by_file[n][0] != want]
    print(f"classify: story archetype top-1 {ratio(len(scored) - len(wrong), len(scored)):.2f} on {len(scored)} stories")
    if detail:
        print("\n".join(wrong))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="lint,score,classify")
    parser.add_argument("--detail", action="store_true", help="list every disagreement with the gold labels")
    parser.add_argument("--half", choices=["all", "odd", "even"], default="all",
                        help="odd: the stories open for error analysis; even: the ones kept unread (default all)")
    parser.add_argument("--set", type=Path, default=HERE, dest="labelled",
                        help="a folder laid out like bench/heldout (stories/, labels-a.jsonl, labels-b.jsonl)")
    args = parser.parse_args()
    a, b = read_labels(args.labelled, "labels-a.jsonl"), read_labels(args.labelled, "labels-b.jsonl")
    if args.half != "all":
        keep = 1 if args.half == "odd" else 0
        a = {name: row for name, row in a.items() if int(name[:3]) % 2 == keep}
    # Copied under neutral names (201.md ...): a title can only come from the story's text.
    gold = {name.split("-")[0] + ".md": agreed(a[name], b[name]) for name in sorted(a) if name in b}
    folder = Path(tempfile.mkdtemp(prefix="star-bank-heldout-"))
    try:
        for name in sorted(a):
            if name in b:
                shutil.copy(args.labelled / "stories" / name, folder / (name.split("-")[0] + ".md"))
        for part in args.only.split(","):
            {"lint": lint, "score": score, "classify": classify}[part](folder, gold, args.detail)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
