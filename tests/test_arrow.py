"""Arrow tables and Parquet datasets: the layout, the exact round trip, and the errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsevents.strategies as nst
from _seed import seed_article
from newsevents import (
    Article,
    Certainty,
    Country,
    Detention,
    DetentionStatus,
    Event,
    Organization,
    Person,
    Precision,
    QuoteMode,
    Statement,
    Term,
    TimeRef,
    ValidationError,
    event_type,
    to_json,
)

pa = pytest.importorskip("pyarrow", reason="the arrow extra (pyarrow) is not installed")
pq = pytest.importorskip("pyarrow.parquet", reason="the arrow extra (pyarrow) is not installed")

from newsevents._columnar import Encoder, _builtin_parties  # noqa: E402 -- after the skip
from newsevents.arrow import LAYOUT_VERSION, from_arrow, read_parquet, schemas, to_arrow, write_parquet  # noqa: E402

WIRE = Organization(name="Wire")
PUBLISHED = datetime(2022, 7, 28, 22, 23, tzinfo=UTC)


@event_type("arrow_test_vigil")
@attrs.frozen(kw_only=True)
class Vigil(Event):
    """A custom type with no fields of its own: its JSON column is null, not an empty struct."""


@event_type("arrow_test_summit")
@attrs.frozen(kw_only=True)
class Summit(Event):
    """A custom type with actors, numbers and text of its own."""

    chair: Person
    members: tuple[Country, ...] = ()
    budget: float | None = None
    text: str | None = None


nst.register_event_strategy(
    Summit,
    st.builds(
        Summit,
        id=nst.slugs(),
        chair=nst.persons(max_roles=0),
        members=st.lists(nst.countries(), max_size=2).map(tuple),
        budget=st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64),
        text=st.none() | nst.texts(),
    ),
)
nst.register_event_strategy(Vigil, st.builds(Vigil, id=nst.slugs()))


def article(*events: Event, ident: str = "a1", published: datetime = PUBLISHED) -> Article:
    return Article(id=ident, title="A title", published=published, publisher=WIRE, events=events)


def round_trip(articles: list[Article]) -> list[Article]:
    back = from_arrow(to_arrow(articles))
    assert back == articles
    assert [to_json(a) for a in back] == [to_json(a) for a in articles]
    return back


# ---------------------------------------------------------------- the layout


def test_four_tables_with_the_format_version_in_their_metadata() -> None:
    tables = to_arrow([seed_article()])
    assert list(tables) == ["articles", "events", "event_actors", "actors"]
    for name, table in tables.items():
        assert table.schema.metadata[b"newsevents.layout_version"] == str(LAYOUT_VERSION).encode()
        assert table.schema.metadata[b"newsevents.table"] == name.encode()
        assert table.schema == schemas()[name]
    assert tables["articles"].num_rows == 1
    assert tables["events"].num_rows == len(seed_article().events)


def test_times_are_utc_with_the_offset_and_precision_beside_them() -> None:
    msk = timezone(timedelta(hours=3))
    when = TimeRef(start=datetime(2022, 7, 28, tzinfo=msk), precision=Precision.DAY, text="on Thursday")
    said = Statement(id="s", speaker=Country(code="RU"), text="No.", quotes=("No",), when=when)
    row = to_arrow([article(said)])["events"].to_pylist()[0]
    assert row["when_start"] == datetime(2022, 7, 27, 21, tzinfo=UTC)
    assert row["when_end"] == datetime(2022, 7, 28, 21, tzinfo=UTC)
    assert row["when_offset"] == 3 * 3600
    assert (row["when_precision"], row["when_text"]) == ("day", "on Thursday")


def test_event_actors_follow_parties_with_their_fields() -> None:
    held = Detention(
        id="d",
        detainee=Person(name="Paul Whelan"),
        held_by=Country(code="RU"),
        status=DetentionStatus.JAILED,
        reported_by=WIRE,
    )
    tables = to_arrow([article(held)])
    rows = [(r["role"], r["position"], r["field"]) for r in tables["event_actors"].to_pylist()]
    assert rows == [("acting", 0, "held_by"), ("receiving", 0, "detainee"), ("other", 0, "reported_by")]
    actors = {r["key"]: r for r in tables["actors"].to_pylist()}
    names = {actors[r["actor"]]["name"] for r in tables["event_actors"].to_pylist()}
    assert names == {"Paul Whelan", "Russia", "Wire"}
    assert "whelan" in actors[tables["events"].column("detainee")[0].as_py()]["terms"]


def test_events_are_sorted_by_time_undated_last() -> None:
    first = Statement(id="s1", speaker=WIRE, text="a", mode=QuoteMode.INDIRECT)
    events = (
        attrs.evolve(first, id="undated"),
        attrs.evolve(first, id="late", when=TimeRef.of(2022, 7, 28)),
        attrs.evolve(first, id="early", when=TimeRef.of(2022, 7, 1)),
    )
    table = to_arrow([article(*events)])["events"]
    assert table.column("id").to_pylist() == ["early", "late", "undated"]
    assert table.column("position").to_pylist() == [2, 1, 0]


def test_an_actor_key_collision_takes_the_next_free_key() -> None:
    encoder = Encoder()
    columns: dict[str, list[object]] = {name: [] for name in ("key", "kind", "id", "name", "nationality")}
    columns |= {"terms": [], "json": []}
    russia = encoder.actor(Country(code="RU"), columns)
    clash = Encoder()
    clash._digests[russia] = 12345  # the same 64 bits, another actor's digest
    again = {k: [] for k in columns}
    assert clash.actor(Country(code="RU"), again) == russia + 1
    assert again["key"] == [russia + 1]


def test_an_actor_in_a_later_batch_keeps_its_key_and_gets_no_second_row() -> None:
    encoder = Encoder()
    first = encoder.encode([article(Statement(id="s", speaker=Country(code="RU"), text="a", quotes=("a",)))])
    second = encoder.encode([article(Statement(id="t", speaker=Country(code="RU"), text="b", quotes=("b",)))])
    assert first["actors"]["name"] == ["Russia"]
    assert second["actors"]["key"] == []
    assert second["events"][0]["speaker"] == first["events"][0]["speaker"] == first["actors"]["key"][0]


# ---------------------------------------------------------------- exact round trips


def test_the_seed_article_round_trips_exactly() -> None:
    round_trip([seed_article()])


def test_custom_types_round_trip_with_and_without_fields_of_their_own() -> None:
    summit = Summit(id="s", chair=Person(name="Ann Lee"), members=(Country(code="NO"),), budget=0.1, text="x")
    round_trip([article(summit, Vigil(id="v", certainty=Certainty.CLAIMED))])
    assert to_arrow([article(Vigil(id="v"))])["events"].column("custom").to_pylist() == [None]


def test_offsets_and_a_year_9999_period_that_ends_after_datetime_max_in_utc() -> None:
    west = timezone(timedelta(hours=-5, minutes=-31))  # offsets are whole minutes (RFC 3339)
    last = TimeRef(start=datetime(9999, 12, 31, 23, tzinfo=west), precision=Precision.HOUR)
    year = TimeRef(start=datetime(9999, 1, 1, tzinfo=west), precision=Precision.YEAR)
    events = (
        Statement(id="s1", speaker=WIRE, text="a", quotes=("a",), when=last),
        Statement(id="s2", speaker=WIRE, text="a", quotes=("a",), when=year),
    )
    back = round_trip([article(*events, published=datetime(2022, 1, 1, tzinfo=west))])
    assert back[0].events[0].when is not None
    assert back[0].events[0].when.start.utcoffset() == west.utcoffset(None)


def test_a_sentence_and_an_expected_time_round_trip() -> None:
    held = Detention(
        id="d",
        detainee=Person(name="Ann Lee"),
        held_by=Country(code="RU"),
        status=DetentionStatus.SENTENCED,
        sentence=Term(years=9, months=6),
    )
    round_trip([article(held)])


@pytest.mark.slow
@settings(max_examples=40)
@given(st.lists(nst.articles(max_events=4), max_size=4))
def test_random_articles_round_trip_exactly_in_memory(articles: list[Article]) -> None:
    round_trip(articles)


@settings(max_examples=10)
@given(st.lists(nst.articles(max_events=3), max_size=3), st.sampled_from([None, "year"]))
def test_random_articles_round_trip_through_parquet(
    tmp_path_factory: pytest.TempPathFactory, articles: list[Article], partition: str | None
) -> None:
    root = tmp_path_factory.mktemp("dataset") / "ds"
    assert write_parquet(articles, root, partition_by=partition, batch_size=2) == len(articles)  # type: ignore[arg-type]
    back = read_parquet(root)
    assert back == articles
    assert [to_json(a) for a in back] == [to_json(a) for a in articles]


@settings(max_examples=30)
@given(nst.articles(max_events=4))
def test_the_built_in_types_parties_rows_are_those_of_parties(drawn: Article) -> None:
    encoder = Encoder()
    rows = encoder.encode([drawn])["events"]
    by_id = {r["id"]: r for r in rows}
    for event in drawn.events:
        if type(event).__module__ == "newsevents.events":
            assert _builtin_parties(by_id[event.id]) == encoder._parties(
                event, {k: [] for k in ("key", "kind", "id", "name", "nationality", "terms", "json")}
            )


# ---------------------------------------------------------------- files


def test_write_from_a_json_lines_file_and_read_with_a_filter(tmp_path: Path) -> None:
    from newsevents import dump_jsonl  # noqa: PLC0415

    articles = [attrs.evolve(seed_article(), id=f"a{i}") for i in range(5)]
    dump_jsonl(articles, tmp_path / "in.jsonl")
    assert write_parquet(tmp_path / "in.jsonl", tmp_path / "ds", batch_size=2) == 5
    assert read_parquet(tmp_path / "ds") == articles
    import pyarrow.compute as pc  # noqa: PLC0415

    assert read_parquet(tmp_path / "ds", filters=pc.field("id") == "a3") == [articles[3]]


def test_a_newer_format_version_is_a_clear_error(tmp_path: Path) -> None:
    write_parquet([seed_article()], tmp_path / "ds")
    events = tmp_path / "ds" / "events" / "part-0.parquet"
    table = pq.read_table(events)
    meta = dict(table.schema.metadata)
    meta[b"newsevents.layout_version"] = str(LAYOUT_VERSION + 1).encode()
    pq.write_table(table.replace_schema_metadata(meta), events)
    with pytest.raises(ValidationError, match=r"layout version 2 is newer than this newsevents reads \(1\)"):
        read_parquet(tmp_path / "ds")


def test_a_missing_table_or_dataset_is_a_validation_error_with_its_path(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no Parquet dataset here"):
        read_parquet(tmp_path / "nowhere")
    write_parquet([seed_article()], tmp_path / "ds")
    for file in (tmp_path / "ds" / "actors").iterdir():
        file.unlink()
    with pytest.raises(ValidationError, match=r"actors: missing table 'actors'") as info:
        read_parquet(tmp_path / "ds")
    assert info.value.errors[0].path.endswith("actors")


def test_write_refuses_a_directory_with_files_and_leaves_nothing_on_failure(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("keep", encoding="utf-8")
    with pytest.raises(ValidationError, match="expected a new or empty directory"):
        write_parquet([], tmp_path / "full")

    def broken() -> object:
        yield seed_article()
        yield "not an article"

    with pytest.raises(ValidationError, match=r"articles\[1\]: expected Article, found str"):
        write_parquet(broken(), tmp_path / "ds", batch_size=1)  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full"]


def test_an_empty_dataset_has_every_table(tmp_path: Path) -> None:
    assert write_parquet([], tmp_path / "ds", partition_by="year") == 0
    assert sorted(p.name for p in (tmp_path / "ds").iterdir()) == sorted(schemas())
    assert read_parquet(tmp_path / "ds") == []


def test_corpus_from_parquet_finds_what_the_corpus_of_the_articles_finds(tmp_path: Path) -> None:
    from newsevents import Corpus  # noqa: PLC0415
    from newsevents.query import by  # noqa: PLC0415

    write_parquet([seed_article()], tmp_path / "ds")
    loaded = Corpus.from_parquet(tmp_path / "ds")
    assert list(loaded) == [seed_article()]
    assert loaded.find(by("Zakharova")) == Corpus([seed_article()]).find(by("Zakharova"))
    assert loaded.find(by("Zakharova"))
