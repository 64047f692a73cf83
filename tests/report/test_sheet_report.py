"""The sheet's renderers: the same rows in Markdown, HTML and JSON, and the HTML page as a
real browser renders and prints it (headless Chromium: one A4 page)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from star_bank.model.sheet import InterviewSheet, SheetBullet, SheetQuestion, SheetRow, SheetStory
from star_bank.report.sheet import render_sheet_html, render_sheet_json, render_sheet_markdown

ROOT = Path(__file__).resolve().parents[2]


def _story(n: int) -> SheetStory:
    bullets = [
        SheetBullet(part="situation", label="Situation", text=f"checkout <timeouts> in region {n}"),
        SheetBullet(part="actions", label="Did", text="traced vault latency; added canary gate"),
        SheetBullet(part="result", label="Result", text=f"errors fell from {n}% to 0.1%"),
    ]
    return SheetStory(path=f"stories/{n}.md", title=f"Story & {n}", bullets=bullets, number=f"{n}%", speaking_seconds=130)


def _sheet() -> InterviewSheet:
    rows = [SheetRow(id=n, name=f"Archetype {n}", probe=f"Probe {n}?", story=_story(n) if n != 4 else None,
                     closest="stories/draft.md" if n == 4 else None, not_ready="line 3: no number" if n == 4 else None)
            for n in range(1, 11)]
    return InterviewSheet(level="senior", role="lead", rows=rows, ready=9, total=10,
                          questions=[SheetQuestion(text="What changed after your last incident?")])


class _Sections(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.archetypes: list[str] = []
        self.bullets = 0
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "section" and "data-archetype" in attributes:
            self.archetypes.append(attributes["data-archetype"])
        if tag == "li" and "data-part" in attributes:
            self.bullets += 1
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


def test_markdown_lists_every_row_then_the_questions():
    text = render_sheet_markdown(_sheet())
    assert text.startswith("# Interview sheet (senior, lead role)")
    assert "9 of 10 archetypes covered by a ready story; 9 of 10 stories ready. Gaps: #4." in text
    assert "**#4 Archetype 4**: gap\n- No ready story. They will probe: Probe 4? Closest draft: stories/draft.md (line 3: no number)" in text
    assert text.index("**#10 ") < text.index("## Questions to ask them") < text.index("1. What changed")


def test_html_escapes_story_text_and_needs_nothing_outside_the_page():
    html = render_sheet_html(_sheet())
    parsed = _Sections()
    parsed.feed(html)
    assert parsed.archetypes == [str(n) for n in range(1, 11)]
    assert parsed.bullets == 27 and parsed.urls == []
    assert "&lt;timeouts&gt;" in html and "<timeouts>" not in html and "Story &amp; 1" in html


def test_json_is_the_model_dump():
    sheet = _sheet()
    assert json.loads(render_sheet_json(sheet)) == sheet.model_dump(mode="json")


def test_a_real_browser_prints_the_sample_banks_sheet_on_one_page(chromium, tmp_path):
    from star_bank.lint.engine import Linter
    from star_bank.retrieve.sheet import interview_sheet

    linter = Linter.from_path(ROOT / "stories")
    sheet = interview_sheet([ROOT / "stories"], linter=linter, cache=linter.open_cache(tmp_path / "cache"))
    page = tmp_path / "sheet.html"
    page.write_text(render_sheet_html(sheet), encoding="utf-8")
    dom = chromium("dom", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    parsed = _Sections()
    parsed.feed(dom.stdout)
    assert parsed.archetypes == [str(n) for n in range(1, 11)]
    pdf = tmp_path / "sheet.pdf"
    printed = chromium("pdf", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", printed.stderr[-2000:]
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())
    assert len(pages) == 1, "the sheet no longer prints on one page"
