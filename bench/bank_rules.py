"""Accuracy of the bank-level rules and the signals they rest on.

    python bench/bank_rules.py                       # our own labelled data
    python bench/bank_rules.py --corpus ../shared/corpus/stories

1. Who is credited (hero-in-every-story's signal): precision and recall of
   star_bank.nlp.actors.credits_to_others on the labelled sentences of
   bench/data/bank_rules.yaml.
2. Whose voice (one-sided-lead's signal): the labelled Actions sorted into
   leading people, hands-on work or both with the rule file's verb lists.
3. The rules themselves on banks built from those sentences: every bank of
   four solo stories must get hero-in-every-story; the same bank with one
   crediting sentence added must not. Lead banks of hands-on (or people)
   stories only must get one-sided-lead; with one story of the other side,
   not. Then the sample bank and bench/corpus, which must get no bank finding.
4. With --corpus: how often each new rule fires on real stories (no labels
   apply there: counts to read, and the per-story credit rate).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from star_bank.lint.config import Config  # noqa: E402
from star_bank.lint.engine import Linter  # noqa: E402
from star_bank.lint.kinds.bank_voice import verb_forms  # noqa: E402
from star_bank.lint.rules import load_rules  # noqa: E402
from star_bank.nlp.actors import credits_to_others, main_act, speaker_actions  # noqa: E402
from star_bank.nlp.pipeline import load_pipeline  # noqa: E402
from star_bank.story.bank import load_bank  # noqa: E402
from star_bank.story.parse import parse_story  # noqa: E402

DATA = yaml.safe_load((ROOT / "bench" / "data" / "bank_rules.yaml").read_text(encoding="utf-8"))
BANK_RULES = ["hero-in-every-story", "one-sided-lead", "story-stretched"]


def pr(true_pos: int, found: int, labelled: int) -> str:
    precision = f"{true_pos / found:.2f}" if found else "-"
    recall = f"{true_pos / labelled:.2f}" if labelled else "-"
    return f"P {precision} / R {recall} ({true_pos} right of {found} found, {labelled} labelled)"


def credit_signal(nlp) -> None:
    found = {label: sum(bool(list(credits_to_others(nlp(s)))) for s in DATA["credit"][label]) for label in ("credits", "solo")}
    for sentence in DATA["credit"]["solo"]:
        if list(credits_to_others(nlp(sentence))):
            print(f"  credit read in a solo sentence: {sentence}")
    for sentence in DATA["credit"]["credits"]:
        if not list(credits_to_others(nlp(sentence))):
            print(f"  credit missed: {sentence}")
    print("credit signal (sentences):", pr(found["credits"], found["credits"] + found["solo"], len(DATA["credit"]["credits"])))


def voice_signal(nlp) -> None:
    rule = next(r for r in load_rules() if r.slug == "one-sided-lead")
    people, hands_on = set(rule.options["people_verbs"]), set(rule.options["hands_on_verbs"])
    right = total = 0
    for label, sentences in DATA["voice"].items():
        for sentence in sentences:
            acts = verb_forms([main_act(v).lemma_.lower() for v in speaker_actions(nlp(sentence))])
            sides = {side for side, verbs in (("people", people), ("hands_on", hands_on)) if acts & verbs}
            got = "both" if len(sides) == 2 else next(iter(sides), "none")
            right += got == label
            total += 1
            if got != label:
                print(f"  voice miss: {label} read as {got}: {sentence}")
    print(f"voice signal (Actions): {right} of {total} sorted right")


def story(title: str, sentences: list[str], front: str = "") -> str:
    return f"{front}# {title}\n\n## Action\n" + " ".join(sentences) + "\n"


def findings(texts: list[str], rule: str, role: str | None = None) -> int:
    stories = [parse_story(text, f"story-{n}.md") for n, text in enumerate(texts)]
    per_story = Linter(Config(select=[rule]), role=role).lint_stories(stories)
    return sum(1 for story_findings in per_story for f in story_findings if f.rule == rule)


def bank_cases() -> None:
    solo = DATA["credit"]["solo"]
    solo_banks = [[story(f"S{n}{k}", solo[(n + k * 4) % len(solo) : (n + k * 4) % len(solo) + 2]) for k in range(4)]
                  for n in range(0, 8, 2)]
    flagged_solo = sum(findings(bank, "hero-in-every-story") == 1 for bank in solo_banks)
    credited = [bank[:3] + [bank[3].rstrip("\n") + " " + yes + "\n"]
                for yes in DATA["credit"]["credits"] for bank in solo_banks[:1]]
    flagged_credited = sum(findings(bank, "hero-in-every-story") > 0 for bank in credited)
    print("hero-in-every-story on built banks:",
          pr(flagged_solo, flagged_solo + flagged_credited, len(solo_banks)),
          f"; {len(credited) - flagged_credited} of {len(credited)} crediting banks quiet")
    lead = "---\nrole: lead\n---\n"
    hands_on, people = DATA["voice"]["hands_on"], DATA["voice"]["people"]
    one_sided = [[story(f"H{n}", [s], lead) for n, s in enumerate(hands_on)],
                 [story(f"P{n}", [s], lead) for n, s in enumerate(people)]]
    balanced = [[story(f"H{n}", [s], lead) for n, s in enumerate(hands_on[:3])] + [story("P", [p], lead)] for p in people]
    balanced += [[story(f"P{n}", [s], lead) for n, s in enumerate(people[:3])] + [story("H", [h], lead)] for h in hands_on]
    hit = sum(findings(bank, "one-sided-lead") == 1 for bank in one_sided)
    false = sum(findings(bank, "one-sided-lead") > 0 for bank in balanced)
    print("one-sided-lead on built banks:", pr(hit, hit + false, len(one_sided)),
          f"; {len(balanced) - false} of {len(balanced)} balanced banks quiet")


def real_banks(folders: list[Path], with_action_count: bool) -> None:
    rules = BANK_RULES + (["action-count"] if with_action_count else [])
    for folder in folders:
        report = Linter(Config(select=rules)).lint_paths([folder])
        counts = {rule: report.summary.by_rule.get(rule, 0) for rule in rules}
        print(f"{folder}: {report.summary.files} stories; findings {counts}")


def corpus_credit_rate(folder: Path, nlp) -> None:
    from star_bank.lint.engine import analyse

    stories = load_bank([folder]).stories
    crediting = 0
    for story_value in stories:
        text = " ".join(s.prose.text for s in analyse(story_value).sections)
        crediting += bool(list(credits_to_others(nlp(text))))
    print(f"{folder}: {crediting} of {len(stories)} stories credit someone else")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="a folder of real stories (no labels apply)")
    args = parser.parse_args()
    nlp = load_pipeline()
    credit_signal(nlp)
    voice_signal(nlp)
    bank_cases()
    real_banks([ROOT / "stories", ROOT / "bench" / "corpus"], with_action_count=False)
    corpus_credit_rate(ROOT / "bench" / "corpus", nlp)
    if args.corpus is not None:
        real_banks([args.corpus], with_action_count=True)
        corpus_credit_rate(args.corpus, nlp)


if __name__ == "__main__":
    main()
