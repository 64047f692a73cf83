"""One story in the HTML report: its text with every finding marked in place,
the findings beside it, the speaking time of each section and its scorecard.

Findings may overlap, so the text is cut at every finding's start and end; each
piece is one `<mark>` listing (in `data-findings`) every finding that covers
it, coloured by the rubric dimension of the narrowest one. The message and the
fix are in the mark's `title` (shown on hover, no script) and in the side list,
whose entries link to an anchor where each finding starts.
"""

from __future__ import annotations

from html import escape

from star_bank.model.findings import Finding
from star_bank.model.scorecard import Scorecard
from star_bank.retrieve.bank_readiness import WORDS_PER_MINUTE
from star_bank.retrieve.bank_review import StoryReview


def minutes(seconds: int) -> str:
    """`2:05`: how speaking times read."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def finding_id(story_number: int, finding_number: int) -> str:
    return f"s{story_number}-f{finding_number}"


def render_story(review: StoryReview, number: int) -> str:
    """The `<article>` of one story."""
    story, readiness = review.story, review.readiness
    state = "ready" if readiness.ready else "not ready"
    blockers = "".join(f"<li>{escape(b.detail)}</li>" for b in readiness.blockers)
    return (
        f'<article class="story" id="story-{number}" data-path="{escape(story.path)}">'
        f'<h2>{escape(story.title)} <span class="state {"ok" if readiness.ready else "no"}">{state}</span></h2>'
        f'<p class="path">{escape(story.path)} · about {minutes(readiness.speaking_seconds)} to tell</p>'
        + (f'<ul class="blockers">{blockers}</ul>' if blockers else "")
        + '<div class="columns">'
        f'<pre class="text">{highlighted(story.text, review.findings, number)}</pre>'
        f'<aside>{_finding_list(review.findings, number)}{_section_times(review)}'
        f"{_scorecard(review.scorecard)}</aside>"
        "</div></article>"
    )


def _bounds(finding: Finding, length: int) -> tuple[int, int]:
    """Where a finding is marked: its span, at least one character, inside the text."""
    start = min(max(finding.offset, 0), max(length - 1, 0))
    end = min(max(finding.end_offset, start + 1), length)
    return start, end


def highlighted(text: str, findings: list[Finding], story_number: int) -> str:
    """The escaped text with each finding's span wrapped in marks (see the module docstring)."""
    if not text:
        return ""
    spans = [(*_bounds(f, len(text)), n) for n, f in enumerate(findings)]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        anchors = "".join(f'<a id="{finding_id(story_number, n)}"></a>' for s, _, n in spans if s == a)
        covering = [(e - s, n) for s, e, n in spans if s <= a and b <= e]
        chunk = escape(text[a:b])
        if not covering:
            pieces.append(anchors + chunk)
            continue
        narrowest = findings[min(covering)[1]]
        ids = " ".join(finding_id(story_number, n) for _, n in sorted(covering, key=lambda c: c[1]))
        tip = "\n".join(_tip(findings[n]) for _, n in sorted(covering, key=lambda c: c[1]))
        pieces.append(
            f'{anchors}<mark class="hl dim-{escape(narrowest.dimension)} sev-{narrowest.severity.value}" '
            f'data-findings="{ids}" title="{escape(tip)}">{chunk}</mark>'
        )
    return "".join(pieces)


def _tip(finding: Finding) -> str:
    fix = f" Fix: {finding.suggestion}" if finding.suggestion else ""
    return f"{finding.code} [{finding.rule}] {finding.message}.{fix}"


def _finding_list(findings: list[Finding], story_number: int) -> str:
    if not findings:
        return '<h3>Findings</h3><p class="clean">No findings.</p>'
    items = []
    for n, f in enumerate(findings):
        fix = f'<div class="fix">Fix: {escape(f.suggestion)}</div>' if f.suggestion else ""
        items.append(
            f'<li class="finding dim-{escape(f.dimension)}" data-finding="{finding_id(story_number, n)}">'
            f'<a href="#{finding_id(story_number, n)}">{f.line}:{f.column}</a> '
            f'<span class="sev sev-{f.severity.value}">{f.severity.value}</span> '
            f"<code>{escape(f.code)}</code> [{escape(f.rule)}] {escape(f.message)}"
            f'<div class="dim">{escape(f.dimension.replace("_", " "))}</div>{fix}</li>'
        )
    return f'<h3>Findings</h3><ol class="findings">{"".join(items)}</ol>'


def _section_times(review: StoryReview) -> str:
    rows = "".join(
        f"<tr><td>{escape(s.label)}</td><td>{s.words}</td><td>{minutes(round(s.words * 60 / WORDS_PER_MINUTE))}</td></tr>"
        for s in review.story.sections
    )
    if not rows:
        return ""
    return (
        '<h3>Speaking time</h3><table class="times"><tr><th>Section</th><th>Words</th><th>Time</th></tr>'
        f"{rows}<tr><th>Total</th><th>{review.story.words}</th>"
        f"<th>{minutes(review.readiness.speaking_seconds)}</th></tr></table>"
    )


def _scorecard(card: Scorecard | None) -> str:
    if card is None:
        return ""
    rows = "".join(
        f'<tr><td>{escape(d.name.replace("_", " "))}</td>'
        f'<td class="rating r-{d.rating or "na"}">{d.rating or "n/a"}</td><td>{escape(d.reason)}</td></tr>'
        for d in card.dimensions
    )
    return (
        f'<h3>Scorecard <small>({escape(card.rubric)} rubric, {escape(card.level)})</small></h3>'
        f'<table class="scorecard">{rows}</table>'
    )
