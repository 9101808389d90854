"""DuckDB over a Parquet dataset: the SQL of every predicate; find() against Corpus.find and brute force."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _seed import seed_article
from newsevents import (
    Article,
    Corpus,
    Country,
    Detention,
    DetentionStatus,
    Organization,
    Person,
    QuoteMode,
    Statement,
    TimeRef,
    ValidationError,
)
from newsevents.query import Predicate, by, certainty, during, involving, mentioning, nationality, of_type, to
from newsevents.sql import literal, to_sql

pytest.importorskip("pyarrow", reason="the arrow extra (pyarrow) is not installed")
duckdb = pytest.importorskip("duckdb", reason="the duckdb extra is not installed")

from newsevents import duckdb as nd  # noqa: E402 -- after the skip
from newsevents.arrow import to_arrow, write_parquet  # noqa: E402
from test_corpus import (  # noqa: E402
    EDGE_CASES,
    EDGE_EVENTS,
    LOCAL_CASES,
    LOCAL_EVENTS,
    Case,
    brute_force,
    corpora_and_actor_predicates,
    corpora_and_predicates,
    dated_corpora_and_windows,
)

WIRE = Organization(name="Wire")
PUBLISHED = datetime(2030, 1, 1, tzinfo=UTC)
MSK = timezone(timedelta(hours=3))


def said(
    ident: str, when: TimeRef | None = None, text: str = "No comment.", speaker: object = WIRE
) -> Statement:
    return Statement(id=ident, speaker=speaker, text=text, mode=QuoteMode.INDIRECT, when=when)  # type: ignore[arg-type]


def article(*events: Statement | Detention, ident: str = "a1") -> Article:
    return Article(id=ident, title="A title", published=PUBLISHED, publisher=WIRE, events=events)


def sql_positions(con: object, predicate: Predicate) -> list[tuple[int, int]]:
    return [tuple(r) for r in con.execute(nd.select(predicate, "e.article, e.position")).fetchall()]  # type: ignore[attr-defined]


def corpus_positions(articles: list[Article], predicate: Predicate) -> list[tuple[int, int]]:
    where = {(id(a), id(e)): (i, j) for i, a in enumerate(articles) for j, e in enumerate(a.events)}
    return [where[id(h.article), id(h.event)] for h in Corpus(articles).find(predicate)]


def agree(articles: list[Article], case: Case) -> None:
    con = nd.connect(to_arrow(articles))
    expected = brute_force(articles, case.oracle)
    assert corpus_positions(articles, case.predicate) == expected
    assert sql_positions(con, case.predicate) == expected


# ---------------------------------------------------------------- property tests


@pytest.mark.slow
@settings(max_examples=60)
@given(corpora_and_predicates())
def test_duckdb_agrees_with_corpus_find_and_brute_force(drawn: tuple[list[Article], Case]) -> None:
    agree(*drawn)


@pytest.mark.slow
@settings(max_examples=30)
@given(corpora_and_actor_predicates())
def test_duckdb_agrees_on_actor_names_and_respelled_ids(drawn: tuple[list[Article], Case]) -> None:
    agree(*drawn)


@pytest.mark.slow
@settings(max_examples=10)
@given(corpora_and_predicates(), st.sampled_from([None, "year"]))
def test_find_from_parquet_files_gives_the_corpus_hits(
    tmp_path_factory: pytest.TempPathFactory, drawn: tuple[list[Article], Case], partition: str | None
) -> None:
    articles, case = drawn
    root = tmp_path_factory.mktemp("ds") / "ds"
    write_parquet(articles, root, batch_size=2, partition_by=partition)  # type: ignore[arg-type]
    assert nd.find(nd.connect(root), case.predicate) == Corpus(articles).find(case.predicate)


@settings(max_examples=40)
@given(dated_corpora_and_windows())
def test_duckdb_reads_calendar_bounds_in_each_event_s_offset_as_corpus_find_does(
    drawn: tuple[list[Article], Case],
) -> None:
    agree(*drawn)


# ---------------------------------------------------------------- boundaries


@pytest.mark.parametrize(
    ("events", "predicate", "expected"),
    [(LOCAL_EVENTS, p, e) for p, e in LOCAL_CASES] + [(EDGE_EVENTS, p, e) for p, e in EDGE_CASES],
    ids=[repr(p) for p, _ in LOCAL_CASES + EDGE_CASES],
)
def test_local_days_and_window_edges_as_in_corpus_find(
    tmp_path: Path, events: tuple[Statement, ...], predicate: Predicate, expected: list[str]
) -> None:
    articles = [article(*events)]
    assert [e for _, e in nd.find_ids(nd.connect(to_arrow(articles)), predicate)] == expected
    root = tmp_path / "ds"
    write_parquet(articles, root)  # the files, read through their own statistics
    assert [e for _, e in nd.find_ids(nd.connect(root), predicate)] == expected


JULY = TimeRef.of(2022, 7)
EVENTS = (
    said("june", TimeRef.of(2022, 6)),  # ends exactly where July starts
    said("july-28-msk", TimeRef(start=datetime(2022, 7, 28, tzinfo=MSK))),  # starts 27 July 21:00 UTC
    said("august", TimeRef.of(2022, 8)),  # starts exactly where July ends
    said("undated"),
)


@pytest.mark.parametrize(
    ("predicate", "expected"),
    [
        (during("2022-07"), ["july-28-msk"]),
        (during("2022-06"), ["june"]),
        (during(datetime(2022, 7, 1, tzinfo=UTC)), []),  # an instant: June has ended there
        (during(datetime(2022, 6, 30, 23, 59, 59, tzinfo=UTC)), ["june"]),
        (during(datetime(2022, 7, 28, 0, 30, tzinfo=MSK)), ["july-28-msk"]),
        (during("2022-07-27"), []),  # 21:00-24:00 UTC of the 27th, but 28 July in its own offset
        (during("2022-07-28"), ["july-28-msk"]),
        (during(TimeRef.of(2022, 7, 27)), ["july-28-msk"]),  # a TimeRef keeps its zone: UTC instants
        (~during("2022-07"), ["june", "august", "undated"]),
    ],
)
def test_time_boundaries(predicate: Predicate, expected: list[str]) -> None:
    articles = [article(*EVENTS)]
    con = nd.connect(to_arrow(articles))
    assert [e for _, e in nd.find_ids(con, predicate)] == expected
    assert [h.event.id for h in Corpus(articles).find(predicate)] == expected


def test_names_are_casefolded_in_python_not_lowered_in_sql() -> None:
    strauss = Person(name="Johann Strauß")
    articles = [article(said("s1", speaker=strauss, text="Die Straße ist zu."), said("s2", text="İstanbul"))]
    con = nd.connect(to_arrow(articles))
    for predicate, expected in [
        (by("STRAUSS"), ["s1"]),
        (mentioning("STRASSE"), ["s1"]),
        (mentioning("i̇stanbul"), ["s2"]),
        (by("o'brien"), []),
    ]:
        assert [e for _, e in nd.find_ids(con, predicate)] == expected
        assert [h.event.id for h in Corpus(articles).find(predicate)] == expected


def test_the_seed_article_s_questions() -> None:
    articles = [seed_article()]
    con = nd.connect(to_arrow(articles))
    for predicate in [
        of_type(Statement) & by("Zakharova") & during("2022-07"),
        of_type(Detention) & by("RU") & nationality("US"),
        involving("Lavrov"),
        to(Country(code="US")) | certainty("claimed"),
    ]:
        assert nd.find(con, predicate) == Corpus(articles).find(predicate)
        assert nd.find(con, predicate)


def test_a_detention_held_by_russia_of_a_us_citizen() -> None:
    whelan = Person(name="Paul Whelan", nationality=("US", "GB"))
    held = Detention(id="d", detainee=whelan, held_by=Country(code="RU"), status=DetentionStatus.JAILED)
    con = nd.connect(to_arrow([article(held)]))
    assert nd.find_ids(con, by("RU") & nationality("GB")) == [("a1", "d")]
    assert nd.find_ids(con, to("RU")) == []


# ---------------------------------------------------------------- SQL text and errors


def test_literals_escape_quotes_and_spark_s_backslashes() -> None:
    assert literal("O'Brien") == "'O''Brien'"
    assert literal("a\\b'c", "spark") == "'a\\\\b\\'c'"


def test_a_predicate_from_a_bare_function_has_no_sql_form() -> None:
    bare = Predicate(lambda e: True, "anything")
    with pytest.raises(ValidationError, match="has no SQL form"):
        to_sql(bare)
    with pytest.raises(ValidationError, match="expected 'duckdb' or 'spark'"):
        to_sql(by("x"), "oracle")  # type: ignore[arg-type]


def test_the_session_time_zone_is_utc(tmp_path: Path) -> None:
    write_parquet([seed_article()], tmp_path / "ds")
    con = nd.connect(tmp_path / "ds")
    assert con.execute("SELECT current_setting('TimeZone')").fetchone() == ("UTC",)
    first = con.execute("SELECT CAST(when_start AS VARCHAR) FROM events ORDER BY seq LIMIT 1").fetchone()
    assert first is not None
    assert first[0].endswith("+00")


def test_connect_to_a_missing_dataset_is_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no Parquet dataset here"):
        nd.connect(tmp_path / "nowhere")


def test_connect_refuses_a_newer_layout_version_read_from_the_footer(tmp_path: Path) -> None:
    import pyarrow.parquet as pq  # noqa: PLC0415

    write_parquet([seed_article()], tmp_path / "ds")
    actors = tmp_path / "ds" / "actors" / "part-0.parquet"
    table = pq.read_table(actors)
    meta = dict(table.schema.metadata)
    meta[b"newsevents.layout_version"] = b"2"
    pq.write_table(table.replace_schema_metadata(meta), actors)
    with pytest.raises(
        ValidationError, match=r"layout version 2 is newer than this newsevents reads"
    ) as info:
        nd.connect(tmp_path / "ds")
    assert info.value.errors[0].path == str(actors)


def test_connect_refuses_a_file_without_a_column_of_its_table(tmp_path: Path) -> None:
    import pyarrow.parquet as pq  # noqa: PLC0415

    write_parquet([seed_article()], tmp_path / "ds")
    events = tmp_path / "ds" / "events" / "part-0.parquet"
    pq.write_table(pq.read_table(events).drop_columns(["texts"]), events)
    with pytest.raises(ValidationError, match="missing columns: texts"):
        nd.connect(tmp_path / "ds")


def test_a_year_9999_period_whose_end_lies_past_datetime_max_in_utc() -> None:
    west = timezone(timedelta(hours=-5))
    last_day = TimeRef(start=datetime(9999, 12, 31, tzinfo=west))  # ends 10000-01-01 05:00 UTC
    articles = [article(said("last", last_day), said("early", TimeRef.of(2022, 7, 1)))]
    con = nd.connect(to_arrow(articles))
    for predicate, expected in [
        (during("9999-12-31"), ["last"]),
        (during(datetime(9999, 12, 31, 23, 59, tzinfo=UTC)), ["last"]),
        (during("2022", "9999"), ["early", "last"]),
        (~during("9999"), ["early"]),
    ]:
        assert [e for _, e in nd.find_ids(con, predicate)] == expected
        assert [h.event.id for h in Corpus(articles).find(predicate)] == expected
    assert nd.find(con, during("9999-12-31"))[0].event.when == last_day
