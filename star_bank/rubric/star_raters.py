"""Rating functions of the STAR rubric's own dimensions: impact and structure."""

from __future__ import annotations

import re

from star_bank.model.findings import Finding
from star_bank.model.story import SectionKind
from star_bank.rubric.evidence import Judgement, StoryEvidence, advice_list, first_of, judge, more_note
from star_bank.rubric.signals import Mark


def rate_impact(ev: StoryEvidence) -> Judgement:
    """Impact: numbers in the Result; a before and after, or two measures, is expert."""
    result = ev.story.section(SectionKind.result)
    no_metric = ev.found("result-without-metric")
    if result is None or not result.prose.text.strip():
        return judge("novice", "no Result section to measure", ev.found("missing-section")[:1],
                      advice=advice_list(ev.advise("missing-section"), ev.advise("missing")))
    numbers = ev.signal("result_number")
    before_after = ev.signal("before_after")
    if not numbers:
        reason = "the Result has no number"
        if no_metric:
            reason = f"line {ev.position(no_metric[0])[0]}: {reason}"
        return judge("novice", reason, no_metric,
                      advice=advice_list(*(ev.advise("result-without-metric", m) for m in no_metric[:1]),
                                     ev.advise("missing") if not no_metric else None))
    best = first_of(before_after, numbers)
    praise = f"your result is measured ({ev.cite(best, 70)})"
    if before_after or len(numbers) >= 2:
        return judge("expert", f"{ev.cite(best)}{more_note(numbers, 'measure')}", [*before_after[:1], *numbers[:2]],
                      praise=praise)
    return judge("intermediate", f"{ev.cite(best)} is the only measure, with no before and after",
                  numbers[:1], praise=praise, advice=advice_list(ev.advise("partial", best)))


def rate_structure(ev: StoryEvidence) -> Judgement:
    """Structure: all STAR parts present and filled, no placeholders, tellable in 2-3 minutes."""
    gaps = ev.found("missing-section") + ev.found("empty-section")
    # A placeholder is quoted as itself ("[date]"), not as its sentence.
    placeholders = [
        Mark(m.signal, m.start, m.end, m.section, ev.story.story.text[m.start : m.end])
        for m in ev.found("unfilled-placeholder")
    ]
    too_long = [f for f in ev.findings if f.rule == "too-long"]
    issues = len(gaps) + (1 if placeholders else 0) + (1 if too_long else 0)
    advice = advice_list(
        *(ev.advise(m.signal, m, message=_finding_message(ev, m)) for m in gaps[:2]),
        *(ev.advise("unfilled-placeholder", m) for m in placeholders[:1]),
        *(ev.advise("too-long", None, message=f.message) for f in too_long[:1]),
    )
    problems = [*gaps, *placeholders[:1]]
    gap_findings = [f for rule in ("missing-section", "empty-section") for f in ev.findings if f.rule == rule]
    described = [_describe(ev, m, f) for m, f in zip(problems[:2], [*gap_findings, *[None] * 2])]
    if too_long:
        described.append(f"about {ev.story.story.words} words: longer than three minutes to tell")
    if not ev.story.story.labelled:
        return judge("novice", "no labelled STAR sections", gaps[:1], advice=advice_list(ev.advise("missing")))
    core_gap = any(re.search(r"\b(situation|task|action|result)\b", _finding_message(ev, m), re.I) for m in gaps)
    if len(gaps) >= 2 or issues >= 3 or (core_gap and issues >= 2):
        return judge("novice", "; ".join(described), problems[:4], advice=advice)
    if issues:
        return judge("intermediate", "; ".join(described), problems[:3], advice=advice,
                      praise="the STAR parts are in order" if not gaps else None)
    return judge("expert", "every STAR part is present and filled in, with no placeholder, and it fits in "
                  "three minutes", praise="the story has every STAR part and fits in three minutes")


def _describe(ev: StoryEvidence, mark: Mark, finding: Finding | None) -> str:
    """A structure gap in the scorecard's own words, with its line (not the lint message)."""
    line = ev.position(mark)[0]
    if mark.signal == "unfilled-placeholder":
        return f"the placeholder '{mark.sentence}' is still in (line {line})"
    section = (finding.section if finding is not None and finding.section else "").replace("_", " ").title()
    if mark.signal == "empty-section":
        return f"the {section or 'a'} section is empty (line {line})"
    return f"no {section} section (line {line})" if section else f"no labelled STAR sections (line {line})"


def _finding_message(ev: StoryEvidence, mark: Mark) -> str:
    finding = next((f for f in ev.findings if f.offset == mark.start and f.rule == mark.signal), None)
    return finding.message if finding is not None else mark.sentence


# Learning rubric.
