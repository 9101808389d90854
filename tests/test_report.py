"""newsevents.report without a browser: what a page holds, the marks' sizes, escaping, notebooks, the CLI.

The browser checks (layout, console, screenshot) are in ``test_report_browser.py``.
"""

from __future__ import annotations

import ast
import enum
import io
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsevents
from newsevents import (
    Article,
    Corpus,
    Country,
    Event,
    Hit,
    Hits,
    Organization,
    Parties,
    Place,
    Statement,
    TimeRef,
    dump_jsonl,
    event_type,
    from_json,
)
from newsevents.cli import main
from newsevents.query import of_type
from newsevents.report import preview_html, to_html
from newsevents.strategies import articles, texts

ROOT = Path(__file__).resolve().parents[1]
SEED_JSON = ROOT / "examples" / "data" / "lavrov_blinken_call.json"
MARK = re.compile(r"<g class=\"mark[^\"]*\"[^>]*>")


class Severity(enum.Enum):
    LOW = "low"
    HIGH = "high_level"


@event_type("report_test_sanction")
@attrs.frozen(kw_only=True)
class Sanction(Event):
    """A custom type with fields of every kind: the page must still draw one sensible line."""

    imposed_by: Country
    targets: tuple[Place, ...] = ()
    severity: Severity = Severity.LOW
    amount: int = 0
    measures: tuple[str, ...] = ()

    def parties(self) -> Parties:
        return Parties(acting=(self.imposed_by,))


def seed() -> Article:
    return from_json(Article, SEED_JSON.read_text(encoding="utf-8"))


def rt() -> Organization:
    return Organization(name="RT", country="RU")


def _timeline(page: str, n: int) -> str:
    return page.split("<svg ")[n + 1].split("</svg>", maxsplit=1)[0] if "<svg " in page else ""


def labels(page: str) -> list[str]:
    """The lane labels of the first timeline, in full."""
    return re.findall(r'<text class="label"[^>]*><title>([^<]*)</title>', _timeline(page, 0))


def marks(page: str, timeline: int = 0) -> list[dict[str, str]]:
    """The data attributes and the span's geometry of every mark of a timeline (the first: the whole)."""
    page = _timeline(page, timeline)
    found = []
    for match in re.finditer(r"<g class=\"(mark[^\"]*)\"([^>]*)>(.*?)</g>", page, re.DOTALL):
        attrs_ = dict(re.findall(r'(data-[\w-]+)="([^"]*)"', match.group(2)))
        attrs_["class"] = match.group(1)
        span = re.search(r'<rect class="span" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', match.group(3))
        if span:
            attrs_["x"], attrs_["width"] = span.groups()
        found.append(attrs_)
    return found


def at(year: int, month: int = 1, day: int = 1) -> datetime:
    return datetime(year, month, day, tzinfo=UTC)


def said(ident: str, when: TimeRef | None) -> Statement:
    speaker = Country(code="RU")
    return Statement(id=ident, speaker=speaker, text="Words.", quotes=("Words.",), when=when)


# ---------------------------------------------------------------- the seed article's page


def test_seed_page_holds_every_event_its_header_and_no_script() -> None:
    article = seed()
    page = to_html(article)
    assert {m["data-event"] for m in marks(page)} == {e.id for e in article.events}
    assert escape(article.title) in page
    assert "RT \u00b7 2022-07-28T22:23:00+00:00" in page
    assert "<script" not in page.lower()
    assert "default-src 'none'" in page  # the policy: nothing fetched, no script runs


def test_seed_page_is_at_most_100_kb() -> None:
    assert len(to_html(seed()).encode("utf-8")) <= 100_000


def test_seed_page_fetches_nothing() -> None:
    page = to_html(seed())
    assert not re.search(r"\b(?:src|href)=", page)  # the seed has no url: no link at all
    assert "@import" not in page
    assert "url(" not in page


def test_seed_page_lists_actors_with_what_they_did() -> None:
    page = to_html(seed())
    assert "<b>Maria Zakharova, spokeswoman of Russian Ministry of Foreign Affairs</b>: spoke" in page
    assert "spoke (zakharova-attention); spoke (zakharova-schedule)" in page


def test_seed_page_draws_related_links() -> None:
    page = to_html(seed())
    assert 'class="link" data-from="call-request" data-to="release-proposal"' in page


# ---------------------------------------------------------------- the time axis


def test_marks_are_as_wide_as_their_period() -> None:
    events = (
        said("a-year", TimeRef.of(2020)),
        said("a-month", TimeRef.of(2021, 3)),
        said("a-day", TimeRef.of(2021, 6, 15)),
        said("an-hour", TimeRef.of(2021, 6, 15, 9)),
    )
    page = to_html(Article(id="a", title="T", published=at(2022), publisher=rt(), events=events))
    width = {m["data-event"]: float(m["width"]) for m in marks(page)}
    assert width["a-year"] / width["a-day"] == pytest.approx(366, rel=1e-3)  # 2020 is a leap year
    assert width["a-month"] / width["a-day"] == pytest.approx(31, rel=1e-3)
    assert width["a-day"] / width["an-hour"] == pytest.approx(24, rel=1e-2)


def test_marks_run_left_to_right_in_time_order() -> None:
    events = tuple(said(f"e{n}", TimeRef.of(2022, 12 - n)) for n in range(6))
    page = to_html(Article(id="a", title="T", published=at(2023), publisher=rt(), events=events))
    placed = sorted(marks(page), key=lambda m: m["data-start"])
    xs = [float(m["x"]) for m in placed]
    assert xs == sorted(xs)
    assert len(set(xs)) == 6


def test_marks_carry_their_period_in_utc() -> None:
    msk = timezone(timedelta(hours=3))
    when = TimeRef(start=datetime(2022, 7, 28, tzinfo=msk))
    (mark,) = marks(
        to_html(Article(id="a", title="T", published=at(2023), publisher=rt(), events=(said("e", when),)))
    )
    assert (mark["data-start"], mark["data-end"]) == ("2022-07-27T21:00:00Z", "2022-07-28T21:00:00Z")
    assert mark["data-precision"] == "day"


def test_a_tight_cluster_gets_a_close_up_drawn_to_its_own_scale() -> None:
    page = to_html(seed())
    assert "<h3>Close-up: 2022-07-27 to 2022-07-29</h3>" in page
    close = {m["data-event"]: float(m["width"]) for m in marks(page, timeline=1)}
    assert set(close) == {"blinken-bring-home", "call-request", "mfa-receipt", "zakharova-attention",
                          "zakharova-schedule", "price-seeking-call"}  # fmt: skip
    assert min(close.values()) > 100  # a day is wide here; on the whole axis it is a dot
    spread = tuple(said(f"e{n}", TimeRef.of(2022, n + 1)) for n in range(6))
    even = to_html(Article(id="a", title="T", published=at(2023), publisher=rt(), events=spread))
    assert "Close-up" not in even  # months evenly spread: nothing to zoom into


def test_approximate_and_undated_events_are_marked_apart() -> None:
    events = (said("loose", TimeRef.of(2022, 7, approximate=True)), said("when-unknown", None))
    page = to_html(Article(id="a", title="T", published=at(2023), publisher=rt(), events=events))
    by_id = {m["data-event"]: m for m in marks(page)}
    assert by_id["loose"]["class"] == "mark approx"
    assert by_id["when-unknown"]["data-start"] == ""
    assert "width" not in by_id["when-unknown"]  # a diamond in the undated lane, not a span
    assert 'class="lane undated-lane"' in page
    assert "~2022-07" in page  # the table says approximate too


def test_an_article_without_events_still_makes_a_page() -> None:
    page = to_html(Article(id="a", title="Nothing yet", published=at(2022), publisher=rt()))
    assert "<h2>Events (0)</h2>" in page
    assert not marks(page)


def test_an_empty_corpus_or_query_result_still_makes_a_page() -> None:
    for subject in (Corpus([]), Hits()):
        page = to_html(subject)
        assert "0 events in 0 articles" in page
        assert not marks(page)


def test_timeline_of_extreme_dates_does_not_overflow() -> None:
    events = (said("first", TimeRef.of(1)), said("last", TimeRef.of(9999, 12, 31)))
    page = to_html(
        Article(id="a", title="T", published=datetime.max.replace(tzinfo=UTC), publisher=rt(), events=events)
    )
    assert {m["data-event"] for m in marks(page)} == {"first", "last"}


# ---------------------------------------------------------------- custom event types


def test_custom_event_type_renders_one_generic_line() -> None:
    sanction = Sanction(
        id="s1",
        imposed_by=Country(code="US"),
        targets=(Place(name="Moscow"),),
        severity=Severity.HIGH,
        amount=3,
        measures=("asset freeze", "visa ban"),
        summary="New sanctions.",
        when=TimeRef.of(2022, 3),
    )
    page = to_html(Article(id="a", title="T", published=at(2023), publisher=rt(), events=(sanction,)))
    (mark,) = marks(page)
    assert mark["data-type"] == "report_test_sanction"
    expected = (
        "New sanctions.; targets: Moscow; severity: high level; amount: 3; measures: asset freeze, visa ban"
    )
    assert f"<td>{escape(expected)}</td>" in page
    assert "<b>United States</b>: took part (s1)" in page
    assert "report test sanction" in page  # the legend and the table name the type


# ---------------------------------------------------------------- collections


def test_corpus_page_has_a_lane_per_story_and_every_event() -> None:
    one = seed()
    two = Article(
        id="b",
        title="Another",
        published=at(2022, 8),
        publisher=rt(),
        events=(said("x", TimeRef.of(2022, 8)),),
    )
    page = to_html(Corpus([one, two]), title="Two stories")
    assert {(m["data-article"], m["data-event"]) for m in marks(page)} == {
        (a.id, e.id) for a in (one, two) for e in a.events
    }
    assert "<h1>Two stories</h1>" in page
    assert "16 events in 2 articles" in page
    assert "<b>Russia</b>: was asked (rt-2022-07-28-lavrov-blinken-call#release-proposal)" in page
    assert labels(page) == [one.id, "b", "undated (not on the axis)"]


def test_actor_lanes_put_an_event_in_each_of_its_actors_lanes() -> None:
    request = attrs.evolve(seed().event("call-request"), related=())
    article = Article(id="a", title="T", published=at(2023), publisher=rt(), events=(request,))
    page = to_html(article, lanes="actor")
    assert len(labels(page)) == len(request.parties().everyone)
    assert len(marks(page)) == len(labels(page))


def test_a_query_result_makes_a_page_of_its_hits() -> None:
    hits = Corpus([seed()]).find(of_type(Statement))
    page = to_html(hits)
    assert {m["data-event"] for m in marks(page)} == {h.event.id for h in hits}
    assert f"{len(hits)} events in 1 articles" in page


def test_to_html_refuses_what_it_cannot_draw() -> None:
    with pytest.raises(TypeError, match="found str"):
        to_html("article.json")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"found int at \[0\]"):
        to_html([1])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="lanes: expected"):
        to_html(seed(), lanes="topic")  # type: ignore[arg-type]


# ---------------------------------------------------------------- escaping


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "p", "a", "span", "i", "b", "svg",
    "g", "rect", "circle", "path", "line", "text", "table", "thead", "tbody", "tr", "th", "td", "q", "ul",
    "li", "details", "summary", "code", "div",
}  # fmt: skip
HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "</title><script>alert(2)</script>",
        '"><img src=x onerror=alert(3)>',
        "</style><svg onload=alert(4)>",
        "]]></svg><iframe src=javascript:alert(5)>",
        "&lt;b&gt; & &amp; <!-- -->",
        "' onmouseover='alert(6)",
    ]
)
NASTY = st.tuples(texts(max_size=10), HOSTILE, texts(readable=False, max_size=10)).map(" ".join)


@st.composite
def hostile_articles(draw: st.DrawFn) -> Article:
    """A drawn article whose headline, body, summaries and statements' words carry markup."""
    article = draw(articles(max_events=3))
    events = []
    for event in article.events:
        changes: dict[str, Any] = {"summary": draw(NASTY)}
        if isinstance(event, Statement):
            changes["text"] = draw(NASTY)
        events.append(attrs.evolve(event, **changes))
    return attrs.evolve(
        article,
        title=draw(NASTY),
        subtitle=draw(NASTY),
        body=(draw(NASTY),),
        publisher=attrs.evolve(article.publisher, name=draw(NASTY)),
        events=tuple(events),
    )


def _strings(article: Article, *, whole: bool) -> list[str]:
    """The article's strings that a page shows: the whole page, or a notebook's preview."""
    found = [article.title, article.publisher.name]
    if whole:
        found += [article.subtitle] if article.subtitle else []
    for event in article.events if whole else article.events[:20]:
        found += [event.id] + ([event.summary] if event.summary else [])
        if isinstance(event, Statement):
            found += [event.text, *event.quotes]
    return found


@pytest.mark.slow
@given(hostile_articles())
def test_every_string_of_an_article_appears_escaped(article: Article) -> None:
    for page, whole in ((to_html(article), True), (preview_html(article), False)):
        parser = _Markup()
        parser.feed(page)
        parser.close()
        assert parser.tags <= OUR_TAGS, parser.tags - OUR_TAGS
        assert parser.handlers == []
        text = "".join(parser.text)
        for value in _strings(article, whole=whole):
            assert escape(value) in page, value
            assert value in text, value
            if "<" in value:
                assert value not in page, value


def test_a_body_with_a_script_stays_text() -> None:
    statement = Statement(
        id="s", speaker=Country(code="RU"), text="<script>alert(1)</script>", quotes=("</td></table><b>",)
    )
    article = Article(
        id="a", title="<script>x</script>", published=at(2022, 8), publisher=rt(), events=(statement,)
    )
    page = to_html(article)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;/td&gt;&lt;/table&gt;&lt;b&gt;" in page


# ---------------------------------------------------------------- notebooks and reprs


def test_notebook_display_of_an_article_is_a_short_fragment() -> None:
    article = seed()
    shown = article._repr_html_()
    assert shown.startswith('<div class="ne-report">')
    assert "<html" not in shown
    assert shown.count("<tr data-event=") == 15
    assert 'class="timeline"' in shown  # 15 events: small enough to draw


def test_notebook_display_of_many_hits_is_a_table_of_the_first_twenty() -> None:
    events = tuple(said(f"e{n}", TimeRef.of(2022, 1, 1 + n)) for n in range(25))
    big = Article(id="big", title="T", published=at(2023), publisher=rt(), events=events)
    hits = Corpus([big]).find(of_type(Statement))
    assert isinstance(hits, Hits)
    shown = hits._repr_html_()
    assert shown.count("<tr data-event=") == 20
    assert "20 of 25 events shown" in shown
    assert 'class="timeline"' in shown
    many = Corpus([attrs.evolve(big, id=f"a{n}") for n in range(2)]).find(of_type(Statement))
    assert 'class="timeline"' not in many._repr_html_()  # 50 events: the table only


def test_notebook_display_of_a_corpus_counts_and_tables_its_events() -> None:
    shown = Corpus([seed()])._repr_html_()
    assert "<b>15 events</b> in 1 articles" in shown
    assert shown.count("<tr data-event=") == 15
    assert repr(Corpus([seed()])) == "<Corpus: 1 articles, 15 events>"


def test_hits_slice_to_hits_and_compare_as_lists() -> None:
    hits = Corpus([seed()]).find(of_type(Statement))
    assert isinstance(hits[:3], Hits)
    assert hits[:3] == list(hits)[:3]
    assert isinstance(hits[0], Hit)
    assert Corpus([]).find(of_type(Statement)) == []


def test_a_hits_plain_repr_is_short() -> None:
    hit = Corpus([seed()]).find(of_type(Statement))[0]
    assert repr(hit) == "<Hit rt-2022-07-28-lavrov-blinken-call#blinken-bring-home (Statement)>"


def test_the_model_does_not_import_the_report_at_module_level() -> None:
    for module in ("article", "events", "entities", "dates", "corpus", "query"):
        tree = ast.parse((ROOT / "src" / "newsevents" / f"{module}.py").read_text(encoding="utf-8"))
        top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        names = [getattr(n, "module", None) or n.names[0].name for n in top]
        assert not [n for n in names if n and n.startswith("newsevents.report")], module


def test_report_names_are_re_exported() -> None:
    assert newsevents.to_html is to_html
    assert newsevents.Hits is Hits


# ---------------------------------------------------------------- the command line


def test_show_html_writes_the_page(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "seed.html"
    assert main(["show", str(SEED_JSON), "--html", str(target)], out, err) == 0
    page = target.read_text(encoding="utf-8")
    assert page == to_html(seed())
    assert out.getvalue() == f"{target}: {len(page.encode()):,} bytes\n"


def test_show_html_of_json_lines_is_a_corpus_page(tmp_path: Path) -> None:
    source = tmp_path / "two.jsonl"
    other = Article(id="b", title="Other", published=at(2022, 8), publisher=rt())
    dump_jsonl([seed(), other], source)
    target = tmp_path / "two.html"
    assert (
        main(["show", str(source), "--html", str(target), "--title", "Both"], io.StringIO(), io.StringIO())
        == 0
    )
    page = target.read_text(encoding="utf-8")
    assert "<h1>Both</h1>" in page
    assert "15 events in 2 articles" in page


def test_show_open_opens_the_page_in_a_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    target = tmp_path / "seed.html"
    assert main(["show", str(SEED_JSON), "--html", str(target), "--open"], io.StringIO(), io.StringIO()) == 0
    assert opened == [target.resolve().as_uri()]


def test_show_open_alone_opens_a_temporary_page(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    out = io.StringIO()
    assert main(["show", str(SEED_JSON), "--open"], out, io.StringIO()) == 0
    path = Path(out.getvalue().split(":")[0])
    try:
        assert opened == [path.resolve().as_uri()]
        assert path.read_text(encoding="utf-8") == to_html(seed())
    finally:
        path.unlink()


def test_query_html_writes_a_page_of_the_hits(tmp_path: Path) -> None:
    target = tmp_path / "q.html"
    argv = ["query", str(SEED_JSON), "--type", "detention", "--html", str(target)]
    assert main(argv, io.StringIO(), io.StringIO()) == 0
    page = target.read_text(encoding="utf-8")
    assert {m["data-event"] for m in marks(page)} == {"griner-detention", "whelan-detention", "bout-sentence"}


def test_show_html_to_an_unwritable_path_is_a_usage_error(tmp_path: Path) -> None:
    err = io.StringIO()
    target = tmp_path / "missing" / "x.html"
    assert main(["show", str(SEED_JSON), "--html", str(target)], io.StringIO(), err) == 2
    assert err.getvalue().startswith(f"newsevents: error: cannot write {str(target)!r}: ")


def test_show_without_html_is_unchanged() -> None:
    out = io.StringIO()
    assert main(["show", str(SEED_JSON)], out, io.StringIO()) == 0
    assert out.getvalue().startswith(seed().title + "\n")
    assert "<" not in out.getvalue()
    json.dumps(out.getvalue())  # plain text
