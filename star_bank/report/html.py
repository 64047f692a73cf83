"""`starlint --format html`: one self-contained page for a bank.

No network, no script: the styles are inline, hovering a mark shows its
finding through the `title` attribute, and links are anchors in the page. On
top: the readiness summary, the edits worth doing first and the archetype x
story coverage grid as a heat map; then each story (star_bank/report/html_story.py).
"""

from __future__ import annotations

from html import escape

from star_bank.retrieve.bank_review import BankReview
from star_bank.report.html_story import render_story
from star_bank.report.readiness import readiness_line

# One colour per rubric dimension a rule feeds (model.findings.DIMENSIONS); anything else is grey.
DIMENSION_COLOURS = {
    "ownership": "#f4a261",
    "detection": "#90caf9",
    "recovery": "#a5d6a7",
    "concrete_lesson": "#ce93d8",
    "pattern_awareness": "#ffe082",
    "structure": "#80cbc4",
    "delivery": "#ef9a9a",
}

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem 2rem;color:#222}
h1{margin-bottom:.2rem}.summary{font-size:1.1rem}
pre.text{white-space:pre-wrap;font:14px/1.6 ui-monospace,monospace;background:#fafafa;padding:1rem;border:1px solid #ddd;margin:0}
mark.hl{border-bottom:2px solid #555;border-radius:2px;padding:0 1px;cursor:help}
mark.sev-error{border-bottom-color:#b00020}mark.sev-suggestion{border-bottom-style:dotted}
.columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem}
aside h3{margin:.2rem 0 .4rem}ol.findings{padding-left:1.2rem;margin-top:0}
li.finding{margin-bottom:.5rem;border-left:6px solid #ccc;padding-left:.4rem;list-style-position:inside}
.fix{color:#333;font-style:italic}.dim{font-size:.8rem;color:#555}
.sev{font-size:.75rem;padding:0 .3rem;border-radius:3px;background:#eee}
.sev-error{background:#f8d7da}.sev-warning{background:#fff3cd}
.state{font-size:.8rem;padding:.1rem .5rem;border-radius:1rem;vertical-align:middle}
.state.ok{background:#c8e6c9}.state.no{background:#ffcdd2}.path{color:#666;margin-top:0}
table{border-collapse:collapse;margin-bottom:1rem}td,th{border:1px solid #ddd;padding:.2rem .4rem;font-size:.85rem;text-align:left}
.r-novice{background:#ffcdd2}.r-intermediate{background:#fff9c4}.r-expert{background:#c8e6c9}
table.heat td.cell{width:1.6rem;text-align:center}
td.heat-ready{background:#2e7d32;color:#fff}td.heat-unready{background:#ffb74d}
td.heat-0{background:#ffebee}td.heat-1{background:#c8e6c9}td.heat-2{background:#81c784}td.heat-3{background:#388e3c;color:#fff}
.legend span{display:inline-block;padding:0 .4rem;margin-right:.3rem;border-radius:3px}
article.story{border-top:2px solid #ddd;margin-top:2rem}
"""


def _dimension_css() -> str:
    """Marks and side-list entries coloured by their rubric dimension."""
    rules = [f"mark.dim-{d}{{background:{c}}}li.dim-{d}{{border-left-color:{c}}}" for d, c in DIMENSION_COLOURS.items()]
    return "\n".join(rules)


def render_html(review: BankReview) -> str:
    """The whole page as one string."""
    head = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>starlint report</title><style>mark.hl{{background:#e0e0e0}}{_STYLE}{_dimension_css()}</style></head>"
    )
    stories = "".join(render_story(r, n) for n, r in enumerate(review.stories, 1))
    return f"{head}<body>{_summary(review)}{_edits(review)}{_heat_map(review)}{_errors(review)}{stories}</body></html>\n"


def _summary(review: BankReview) -> str:
    counts = review.report.summary.by_severity
    found = ", ".join(f"{n} {s}{'s' if n > 1 else ''}" for s, n in counts.items() if n) or "no findings"
    legend = "".join(
        f'<span style="background:{c}">{escape(d.replace("_", " "))}</span>' for d, c in DIMENSION_COLOURS.items()
    )
    return (
        '<header><h1>Story bank report</h1>'
        f'<p class="summary" id="readiness">{escape(readiness_line(review.readiness))}</p>'
        f"<p>{review.report.summary.files} files, {review.report.summary.findings} findings ({found}).</p>"
        f'<p class="legend">Highlight colour = rubric dimension: {legend}</p></header>'
    )


def _edits(review: BankReview) -> str:
    if not review.readiness.edits:
        return ""
    items = "".join(
        f"<li>{escape(e.description)} <small>(readies {len(e.makes_ready)}, helps {len(e.touches)})</small></li>"
        for e in review.readiness.edits
    )
    return f"<section><h2>Edits that would ready the most stories</h2><ol>{items}</ol></section>"


def _heat_map(review: BankReview) -> str:
    """Archetypes down, stories across: dark where a ready story answers, amber where only an unready one does."""
    ready = {s.path: s.ready for s in review.readiness.stories}
    columns = review.coverage.stories
    header = "".join(
        f'<th title="{escape(c.title)}"><a href="#story-{n}">{n}</a></th>' for n, c in enumerate(columns, 1)
    )
    rows = []
    for row in review.coverage.rows:
        cells = []
        for column in columns:
            if row.id not in column.archetypes:
                cells.append('<td class="cell"></td>')
            else:
                kind = "ready" if ready.get(column.path) else "unready"
                cells.append(f'<td class="cell heat-{kind}" title="{escape(column.title)}">●</td>')
        count = sum(1 for c in columns if row.id in c.archetypes and ready.get(c.path))
        rows.append(
            f'<tr><th>{row.id}. {escape(row.name)}</th>{"".join(cells)}'
            f'<td class="heat-{min(count, 3)}">{count}</td></tr>'
        )
    return (
        '<section><h2>Coverage</h2><table class="heat">'
        f'<tr><th>Archetype</th>{header}<th>ready</th></tr>{"".join(rows)}</table>'
        "<p><small>Green: a ready story answers the archetype; amber: only a story not ready yet.</small></p></section>"
    )


def _errors(review: BankReview) -> str:
    if not review.report.errors:
        return ""
    items = "".join(f"<li>{escape(e.path)}: {escape(e.message)}</li>" for e in review.report.errors)
    return f'<section><h2>Unreadable files</h2><ul class="errors">{items}</ul></section>'
