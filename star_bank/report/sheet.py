"""`starbank sheet`: the interview-day page as Markdown, HTML or JSON.

The Markdown and the HTML hold the same things in the same order: a line on
the bank, one block per archetype (its best ready story as bullets, or the gap
and what the interviewer will probe), then the questions to ask. The HTML is
one self-contained page, styled to print on one sheet (two columns, small
type, no script, no network).
"""

from __future__ import annotations

from html import escape

from star_bank.model.sheet import InterviewSheet, SheetRow
from star_bank.report.json_report import dumps


def _heading(sheet: InterviewSheet) -> str:
    who = ", ".join(x for x in (sheet.level, f"{sheet.role} role" if sheet.role else None) if x)
    return "Interview sheet" + (f" ({who})" if who else "")


def _summary(sheet: InterviewSheet) -> str:
    covered = len(sheet.rows) - len(sheet.gaps)
    line = f"{covered} of {len(sheet.rows)} archetypes covered by a ready story; {sheet.ready} of {sheet.total} stories ready."
    if sheet.gaps:
        line += " Gaps: " + ", ".join(f"#{row.id}" for row in sheet.gaps) + "."
    return line


def _gap_line(row: SheetRow) -> str:
    line = f"No ready story. They will probe: {row.probe}"
    if row.closest:
        line += f" Closest draft: {row.closest}" + (f" ({row.not_ready})" if row.not_ready else "")
    return line


def _also(row: SheetRow) -> str:
    return f" (also for {', '.join(f'#{a}' for a in row.also_for)})" if row.also_for else ""


def render_sheet_markdown(sheet: InterviewSheet) -> str:
    """The sheet as Markdown: prints on one page, reads in a terminal."""
    out = [f"# {_heading(sheet)}", "", _summary(sheet), ""]
    for row in sheet.rows:
        if row.story is None:
            out += [f"**#{row.id} {row.name}**: gap", f"- {_gap_line(row)}", ""]
            continue
        minutes, seconds = divmod(row.story.speaking_seconds, 60)
        out.append(f"**#{row.id} {row.name}**: {row.story.title} ({minutes}:{seconds:02d}){_also(row)}")
        out += [f"- {bullet.label}: {bullet.text}" for bullet in row.story.bullets]
        out.append("")
    out += ["## Questions to ask them", ""]
    out += [f"{n}. {question.text}" for n, question in enumerate(sheet.questions, 1)]
    return "\n".join(out).rstrip() + "\n"


def render_sheet_json(sheet: InterviewSheet) -> str:
    """The sheet as JSON: exactly `InterviewSheet.model_dump(mode="json")`."""
    return dumps(sheet.model_dump(mode="json"))


_STYLE = """
@page{size:A4;margin:9mm}
body{font:8pt/1.2 system-ui,sans-serif;color:#111;margin:0 auto;max-width:190mm;padding:0}
h1{font-size:14pt;margin:0 0 1mm}p.summary{margin:0 0 3mm;color:#333}
main{columns:2;column-gap:6mm}
section.row{break-inside:avoid;margin:0 0 2mm;padding-left:2mm;border-left:2pt solid #2e7d32}
section.gap{border-left-color:#c62828}
h2{font-size:8.5pt;margin:0}h2 .title{font-weight:normal}
ul{margin:.5mm 0 0;padding-left:4mm}li{margin:0}b.label{font-weight:600}
.probe{color:#c62828;margin:.5mm 0 0}
section.questions{break-inside:avoid;border-left-color:#1565c0}
ol{margin:.5mm 0 0;padding-left:5mm}
"""


def render_sheet_html(sheet: InterviewSheet) -> str:
    """The sheet as one self-contained HTML page that prints on one sheet."""
    rows = []
    for row in sheet.rows:
        head = f"<h2 id=\"archetype-{row.id}\">#{row.id} {escape(row.name)}"
        if row.story is None:
            rows.append(
                f"<section class=\"row gap\" data-archetype=\"{row.id}\">{head}: gap</h2>"
                f"<p class=\"probe\">{escape(_gap_line(row))}</p></section>"
            )
            continue
        items = "".join(
            f"<li data-part=\"{b.part}\"><b class=\"label\">{escape(b.label)}:</b> {escape(b.text)}</li>"
            for b in row.story.bullets
        )
        rows.append(
            f"<section class=\"row\" data-archetype=\"{row.id}\">{head}: "
            f"<span class=\"title\">{escape(row.story.title)}{escape(_also(row))}</span></h2><ul>{items}</ul></section>"
        )
    questions = "".join(f"<li>{escape(q.text)}</li>" for q in sheet.questions)
    rows.append(f"<section class=\"row questions\"><h2>Questions to ask them</h2><ol>{questions}</ol></section>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(_heading(sheet))}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{escape(_heading(sheet))}</h1><p class=\"summary\">{escape(_summary(sheet))}</p>"
        f"<main>{''.join(rows)}</main></body></html>\n"
    )


RENDERERS = {"md": render_sheet_markdown, "html": render_sheet_html, "json": render_sheet_json}
