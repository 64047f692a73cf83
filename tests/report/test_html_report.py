"""`starlint --format html`: one self-contained page with every finding marked in place,
checked as parsed HTML and as a real browser renders it (headless Chromium)."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank.cli.starlint import main as starlint
from star_bank.model.findings import DIMENSIONS, Finding, Severity
from star_bank.report.html import DIMENSION_COLOURS, render_html
from star_bank.report.html_story import highlighted
from star_bank.retrieve.bank_review import review_bank

ROOT = Path(__file__).resolve().parents[2]
WEAK = ROOT / "tests" / "fixtures" / "weak-failure.md"


class _Marks(HTMLParser):
    """The finding ids of the side lists, those the marks cover, and every tag and URL attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.listed: list[str] = []
        self.marked: set[str] = set()
        self.tags: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.add(tag)
        if tag == "li" and "data-finding" in attributes:
            self.listed.append(attributes["data-finding"])
        if tag == "mark":
            self.marked.update((attributes.get("data-findings") or "").split())
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def _parsed(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def page() -> str:
    """The report of the sample bank plus one weak story."""
    return render_html(review_bank([ROOT / "stories", WEAK]))


def _finding(offset: int, end: int, rule: str, dimension: str = "ownership") -> Finding:
    return Finding(
        path="s.md", line=1, column=offset + 1, end_line=1, end_column=end + 1, code="X001", rule=rule,
        severity=Severity.warning, dimension=dimension, section=None, message="msg", text="", offset=offset,
        end_offset=end, suggestion="do <this>",
    )


def test_overlapping_findings_each_keep_a_mark_and_text_is_escaped():
    text = "a <b> & c d e\r\nnext"
    marks = highlighted(text, [_finding(0, 9, "outer"), _finding(4, 6, "inner", "delivery"), _finding(13, 13, "empty")], 1)
    parsed = _parsed(f"<pre>{marks}</pre>")
    assert parsed.marked == {"s1-f0", "s1-f1", "s1-f2"}
    assert re.sub(r"<[^>]*>", "", marks) == escape(text)  # the text itself, escaped, cut only by marks
    assert 'class="hl dim-delivery' in marks  # the narrowest finding colours the overlap
    assert "Fix: do &lt;this&gt;" in marks


def test_every_dimension_a_rule_feeds_has_a_colour():
    assert set(DIMENSION_COLOURS) == set(DIMENSIONS)


def test_the_page_is_self_contained_and_marks_every_finding(page):
    parsed = _parsed(page)
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    assert all(url.startswith("#") for url in parsed.urls), [u for u in parsed.urls if not u.startswith("#")]
    assert parsed.listed, "the weak story's findings are listed"
    assert set(parsed.listed) <= parsed.marked
    assert "13 of 14 stories ready" in page
    assert page.count('<article class="story"') == 14
    assert 'class="heat"' in page and "Speaking time" in page and "Scorecard" in page


def test_starlint_writes_the_page_to_a_file_and_keeps_the_exit_code(tmp_path, monkeypatch):
    monkeypatch.setenv("STARLINT_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "report.html"
    result = CliRunner().invoke(starlint, [str(WEAK), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert result.output == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_real_browser_renders_the_page_with_every_finding_highlighted(page, chromium, tmp_path):
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    shot = tmp_path / "report.png"
    rendered = chromium("shot", "--window-size=1280,2000", f"--screenshot={shot}", report.as_uri())
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", rendered.stderr[-2000:]
    assert shot.stat().st_size > 10_000  # a blank page compresses to far less
    dom = chromium("dom", "--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    parsed = _parsed(dom.stdout)
    assert parsed.listed and set(parsed.listed) <= parsed.marked
    assert dom.stdout.count('class="story"') == 14
