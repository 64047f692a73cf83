"""What a scorecard says besides its ratings: strengths, improvements and resources.

Strengths quote the story's own sentences and never one a lint rule flags;
improvements start with the weakest dimensions; resources follow the gaps.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from star_bank.model.scorecard import Resource
from star_bank.rubric.evidence import Judgement, StoryEvidence
from star_bank.rubric.levels import RANK

if TYPE_CHECKING:
    from star_bank.rubric.book import RubricBook


def strengths(ev: StoryEvidence, judgements: list[tuple[str, Judgement]]) -> list[str]:
    """Up to three things to keep: expert dimensions first, then intermediate, then plain facts."""
    titles = ev.book.rubrics[ev.rubric].dimensions  # type: ignore[index]
    ranked = sorted(
        ((name, j) for name, j in judgements
         if j.rating is not None and j.praise and not (j.praised is not None and ev.flagged(j.praised))),
        key=lambda item: -RANK[item[1].rating],  # type: ignore[index]
    )
    out = [f"{titles[name].title}: {j.praise}." for name, j in ranked]
    said = " ".join(out)
    out += [s for s in _plain_strengths(ev) if _cited(s) is None or _cited(s) not in said]
    return _dedupe(out)[:3]


def _cited(text: str) -> str | None:
    """The "line N: '...'" citation inside a sentence, if any."""
    match = re.search(r"line \d+: '[^']*'", text)
    return match.group(0) if match else None


def _plain_strengths(ev: StoryEvidence) -> list[str]:
    """Facts worth keeping in any story, for stories with few rated strengths."""
    out = []
    numbers = [m for m in ev.signal("result_number") if not ev.flagged(m)]
    if numbers:
        out.append(f"Result: it has a number ({ev.cite(numbers[0], 70)}).")
    actions = [m for m in ev.signal("first_person_action") if not ev.flagged(m)]
    if actions:
        out.append(f"Action: you say what you did with 'I' ({ev.cite(actions[0], 70)}).")
    if ev.story.sections and not any(f.rule == "too-long" for f in ev.findings):
        out.append("Delivery: it is short enough to tell in under three minutes.")
    present = [s.kind.value for s in ev.story.sections if s.prose.text.strip()]
    if all(k in present for k in ("situation", "task", "action", "result")):
        out.append("Structure: Situation, Task, Action and Result are all there.")
    if "lesson" in present:
        out.append("Lesson: the story ends with what you took from it, as interviewers expect.")
    return out


def improvements(ev: StoryEvidence, judgements: list[tuple[str, Judgement]]) -> list[str]:
    """Three actions: the weakest dimensions first (one each), then their other advice,
    then delivery fixes, then what to rehearse next on the strongest."""
    specs = ev.book.rubrics[ev.rubric].dimensions  # type: ignore[index]
    rated = [(name, j) for name, j in judgements if j.rating is not None]
    weakest = sorted(
        (item for item in rated if item[1].rating != "expert"),
        key=lambda i: (RANK[i[1].rating], specs[i[0]].priority),  # type: ignore[index]
    )
    out = [j.advice[0] for _, j in weakest if j.advice]
    out += [a for _, j in weakest for a in j.advice[1:]]
    out += [a for _, j in rated if j.rating == "expert" for a in j.advice]
    out += _delivery_advice(ev)
    out += [specs[name].next_step for name, j in rated if j.rating == "expert"]
    return _dedupe(out)[:3]


def _delivery_advice(ev: StoryEvidence) -> list[str]:
    out = []
    for finding in ev.findings:
        if finding.rule == "hedging":
            out.append(f"Drop the hedge '{finding.text}' (line {finding.line}) and say it plainly.")
        elif finding.rule == "result-without-metric" and ev.rubric != "star":
            out.append(f"Give the Result (line {finding.line}) a number: how much, how many, how long.")
        elif finding.rule == "too-long" and ev.rubric != "star":
            out.append(f"Cut the story to two or three minutes: {finding.message}.")
        elif finding.rule == "unfilled-placeholder" and ev.rubric != "star":
            out.append(f"Replace the placeholder '{finding.text}' (line {finding.line}) with your own specifics.")
    return out


def resources(book: RubricBook, rubric: str, level: str, judgements: list[tuple[str, Judgement]]) -> list[Resource]:
    """Two or three resources for the weakest dimensions (novice counts double)."""
    weight = {name: 2 - RANK[j.rating] for name, j in judgements if j.rating is not None}  # type: ignore[index]
    dims = set(weight)
    candidates = [r for r in book.resources if level in r.levels and dims & set(r.dimensions)]
    scored = [(sum(weight[d] for d in r.dimensions if d in weight), i, r) for i, r in enumerate(candidates)]
    chosen = [r for score, _, r in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0][:3]
    if len(chosen) < 2:  # a strong story still gets two things to go further with
        rest = sorted(
            (r for r in candidates if r not in chosen),
            key=lambda r: (r.kind != "book", -len(dims & set(r.dimensions))),
        )
        chosen += rest[: 2 - len(chosen)]
    return [
        Resource(
            title=r.title,
            author=r.author,
            kind=r.kind,
            why=r.why,
            dimensions=[d for d in r.dimensions if d in dims],
        )
        for r in chosen
    ]


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    return [x for x in items if not (x in seen or seen.add(x))]
