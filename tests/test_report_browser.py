"""The report's pages in headless Chromium: every event drawn, marks placed and sized by time, no errors.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it); it is driven over the DevTools
protocol by ``benchmarks/_browser.py`` (standard library only). Without it, these tests are skipped
and say why; a chromium that is there but fails is a failure, not a skip.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from newsevents import Article, Corpus, Country, Organization, Statement, TimeRef, from_json
from newsevents.report import to_html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import _browser  # noqa: E402 -- the driver lives beside the benchmark that also uses it
import report as report_benchmark  # noqa: E402

pytestmark = pytest.mark.skipif(
    _browser.chromium_path() is None,
    reason="no chromium: install Debian's chromium package (apt-get install chromium); .ci/run does",
)

# What the page's layout says, read from the DOM: the axis, and every mark's period and drawn box.
GEOMETRY = """
(() => {
  const timelines = [...document.querySelectorAll("svg.timeline")].map(svg => ({
    domain: [svg.dataset.domainStart, svg.dataset.domainEnd],
    plot: [Number(svg.dataset.plotX), Number(svg.dataset.plotWidth)],
    marks: [...svg.querySelectorAll("g.mark")].map(g => {
      const span = g.querySelector("rect.span");
      const box = span ? span.getBBox() : null;
      return {event: g.dataset.event, article: g.dataset.article, start: g.dataset.start, end: g.dataset.end,
              precision: g.dataset.precision, x: box && box.x, width: box && box.width,
              shown: g.getBoundingClientRect().width > 0};
    }),
  }));
  return {timelines, marks: timelines.flatMap(t => t.marks),
          rows: [...document.querySelectorAll("table.events tbody tr")].map(r => r.dataset.event),
          scripts: document.scripts.length, title: document.querySelector("h1").textContent};
})()
"""


@pytest.fixture(scope="module")
def browser() -> Any:
    with _browser.Browser(width=1000, height=800) as opened:
        yield opened


def _moment(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def _load(browser: Any, tmp_path: Path, page: str) -> dict[str, Any]:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    browser.open(path.as_uri())
    found: dict[str, Any] = browser.evaluate(GEOMETRY)
    return found


def _check_geometry(found: dict[str, Any]) -> None:
    """On every timeline: each span where its start is, as wide as its period, the spans in time order."""
    assert found["timelines"]
    for timeline in found["timelines"]:
        low, high = (_moment(t) for t in timeline["domain"])
        plot_x, plot_w = timeline["plot"]
        scale = plot_w / (high - low)
        dated = [m for m in timeline["marks"] if m["start"]]
        assert dated
        for mark in dated:
            start, end = _moment(mark["start"]), _moment(mark["end"])
            assert mark["x"] == pytest.approx(plot_x + (start - low) * scale, abs=0.5), mark
            assert mark["width"] == pytest.approx((end - start) * scale, abs=0.5), mark
            assert mark["shown"], mark
        placed = sorted(dated, key=lambda m: (_moment(m["start"]), m["x"]))
        xs = [m["x"] for m in placed]
        assert xs == sorted(xs)


def _not_blank(png: bytes) -> tuple[int, set[tuple[int, ...]]]:
    width, height, rows = _browser.png_pixels(png)
    step = len(rows[0]) // width
    colours = {tuple(row[i : i + 3]) for row in rows for i in range(0, len(row), step)}
    return width * height, colours


def test_seed_page_in_the_browser(browser: Any, tmp_path: Path) -> None:
    article = from_json(Article, (ROOT / "examples" / "data" / "lavrov_blinken_call.json").read_text("utf-8"))
    found = _load(browser, tmp_path, to_html(article))
    assert browser.problems == []
    assert {m["event"] for m in found["marks"]} == {e.id for e in article.events}
    assert found["rows"] == [e.id for e in article.events]
    assert found["scripts"] == 0
    assert found["title"] == article.title
    _check_geometry(found)
    assert len(found["timelines"]) == 2  # the whole story, and a close-up of the days of the call
    by_id = {m["event"]: m for m in found["timelines"][0]["marks"]}
    # A year (2012, a leap year) is drawn 366 times as wide as a day.
    assert by_id["bout-sentence"]["width"] / by_id["call-request"]["width"] == pytest.approx(366, rel=0.01)
    assert by_id["release-proposal"]["precision"] == "none"  # undated, in its own lane
    pixels, colours = _not_blank(browser.screenshot(scale=0.5))
    assert pixels > 100_000
    assert len(colours) > 50  # text, lanes, marks; a blank page has one colour
    assert (220, 38, 38) in colours  # the detention red of the 2012 sentence's bar


def test_corpus_of_200_articles_in_the_browser(browser: Any, tmp_path: Path) -> None:
    corpus = report_benchmark.make_corpus(1000, per_article=5)
    assert len(corpus) == 200
    found = _load(browser, tmp_path, to_html(corpus))
    assert browser.problems == []
    drawn = {(m["article"], m["event"]) for m in found["marks"]}
    assert drawn == {(a.id, e.id) for a in corpus for e in a.events}
    assert len(found["rows"]) == 1000
    _check_geometry(found)
    _, colours = _not_blank(browser.screenshot(scale=0.5))
    assert len(colours) > 50


def test_markup_in_an_article_stays_text_in_the_browser(browser: Any, tmp_path: Path) -> None:
    words = "<script>console.error('injected')</script><img src=x onerror=\"console.error('img')\">"
    said = Statement(
        id="s", speaker=Country(code="RU"), text=words, quotes=(words,), when=TimeRef.of(2022, 7)
    )
    rt = Organization(name="<b>RT</b>")
    published = datetime.fromisoformat("2022-08-01T00:00Z")
    article = Article(id="a", title=words, published=published, publisher=rt, events=(said,))
    found = _load(browser, tmp_path, to_html(article))
    assert browser.problems == []
    assert found["scripts"] == 0
    assert found["title"] == words
    assert browser.evaluate("document.querySelectorAll('img, b b').length") == 0


def test_the_console_check_catches_an_error(browser: Any, tmp_path: Path) -> None:
    # The checks above mean something only if a page that logs an error is caught.
    page = to_html(Corpus([])).replace("</body>", "<script>console.error('caught')</script></body>")
    page = page.replace("default-src 'none'", "default-src 'none'; script-src 'unsafe-inline'")
    _load(browser, tmp_path, page)
    assert browser.problems == ["console.error: caught"]


def test_the_policy_blocks_a_script_that_got_in(browser: Any, tmp_path: Path) -> None:
    # Defence in depth: were escaping ever to fail, the page's policy still runs nothing.
    page = to_html(Corpus([])).replace("</body>", "<script>document.title = 'ran'</script></body>")
    _load(browser, tmp_path, page)
    assert browser.evaluate("document.title") != "ran"
    assert any("Content Security Policy" in p for p in browser.problems), browser.problems
