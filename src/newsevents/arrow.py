"""Articles as Apache Arrow tables and Parquet datasets (the ``arrow`` extra: pyarrow).

A dataset is a directory of four tables, each a directory of Parquet files:

- ``articles``: one row an article (``seq`` is its position in the dataset);
- ``events``: one row an event: its type, the time as a UTC start and exclusive end
  with the original UTC offset and precision beside them, the built-in types' fields
  as nullable columns, and a JSON column (``custom``) for a custom type's own fields;
- ``event_actors``: one row per actor in each role of :meth:`~newsevents.Event.parties`
  (``acting``, ``receiving``, ``other``), with its position and the field it fills;
- ``actors``: one row per distinct actor, keyed by a 64-bit content hash, with the
  match terms that :mod:`newsevents.query` uses.

Every file carries the layout's version in its metadata; a newer one is refused.
The round trip is exact: ``read_parquet(write_parquet(articles))`` gives equal
articles, whose ``to_json`` is byte-identical.

>>> import tempfile
>>> from newsevents.arrow import read_parquet, write_parquet
>>> root = tempfile.mkdtemp() + "/dataset"
>>> write_parquet([], root)
0
>>> read_parquet(root)
[]
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from newsevents._columnar import (
    COLUMNS,
    LAYOUT_VERSION,
    TABLE_KEY,
    TABLES,
    VERSION_KEY,
    Encoder,
)
from newsevents._columnar_read import check_table, decode, table_files
from newsevents.article import Article
from newsevents.errors import ValidationError
from newsevents.serialize import read_jsonl

__all__ = ["LAYOUT_VERSION", "from_arrow", "read_parquet", "schemas", "to_arrow", "write_parquet"]

_TYPES: dict[str, pa.DataType] = {
    "int64": pa.int64(),
    "int32": pa.int32(),
    "str": pa.string(),
    "bool": pa.bool_(),
    "ts": pa.timestamp("us", tz="UTC"),
    "[str]": pa.list_(pa.string()),
    "[int64]": pa.list_(pa.int64()),
}


def schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each of the four tables, with the format version in its metadata."""
    return {
        table: pa.schema(
            [pa.field(name, _TYPES[kind]) for name, kind in columns.items()],
            metadata={VERSION_KEY: str(LAYOUT_VERSION).encode(), TABLE_KEY: table.encode()},
        )
        for table, columns in COLUMNS.items()
    }


_SCHEMAS = schemas()


_INT_TIMES = {
    table: pa.schema([f.with_type(pa.int64()) if pa.types.is_timestamp(f.type) else f for f in schema])
    for table, schema in _SCHEMAS.items()
}


def _batch(table: str, columns: dict[str, list[Any]] | list[dict[str, Any]]) -> pa.Table:
    schema = _SCHEMAS[table]
    if isinstance(columns, list):  # rows
        return pa.Table.from_pylist(columns, schema=_INT_TIMES[table]).cast(schema)
    arrays = []
    for field in schema:
        if pa.types.is_timestamp(field.type):
            arrays.append(pa.array(columns[field.name], pa.int64()).cast(field.type))
        else:
            arrays.append(pa.array(columns[field.name], field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _sorted_events(events: pa.Table) -> pa.Table:
    # By time, undated last, then in corpus order: the order of Corpus.find.
    return events.sort_by([("when_start", "ascending", "at_end"), ("seq", "ascending", "at_end")])


def to_arrow(articles: Iterable[Article]) -> dict[str, pa.Table]:
    """The four tables of these articles, in memory (events sorted by time, undated last).

    >>> from datetime import UTC, datetime
    >>> from newsevents import Article, Organization
    >>> wire = Organization(name="Wire")
    >>> one = Article(id="a", title="A", published=datetime(2022, 7, 28, tzinfo=UTC), publisher=wire)
    >>> tables = to_arrow([one])
    >>> {name: t.num_rows for name, t in tables.items()}
    {'articles': 1, 'events': 0, 'event_actors': 0, 'actors': 0}
    """
    rows = Encoder().encode(articles)
    tables = {table: _batch(table, rows[table]) for table in TABLES}
    tables["events"] = _sorted_events(tables["events"])
    return tables


def _int_columns(table: pa.Table) -> dict[str, list[Any]]:
    """Columns as Python lists, timestamps as integers of microseconds (no datetime overflow)."""
    out = {}
    for name in table.column_names:
        column = table.column(name)
        if pa.types.is_timestamp(column.type):
            column = column.cast(pa.int64())
        out[name] = column.to_pylist()
    return out


def from_arrow(tables: dict[str, pa.Table]) -> list[Article]:
    """Articles from the four tables (as :func:`to_arrow` gives them), in their original order, validated."""
    for table in ("articles", "events", "actors"):
        if table not in tables:
            raise ValidationError.single(f"tables.{table}", "missing table")
        _check_schema(table, tables[table].schema, f"tables.{table}")
    return list(
        decode(
            _int_columns(tables["articles"]), _int_columns(tables["events"]), _int_columns(tables["actors"])
        )
    )


# ---------------------------------------------------------------- files

Source = Iterable[Article] | str | os.PathLike[str]


def _articles(source: Source) -> Iterable[Article]:
    if isinstance(source, (str, os.PathLike)):
        return read_jsonl(source, Article)
    return source


def write_parquet(  # noqa: PLR0913 -- the source, the target, and keyword-only options
    source: Source,
    root: str | os.PathLike[str],
    *,
    partition_by: Literal["year"] | None = None,
    compression: str = "zstd",
    batch_size: int = 2000,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write articles (or a JSON Lines file of them) as a Parquet dataset at ``root``; return the count.

    It streams: ``batch_size`` articles are held at a time (plus one key per distinct
    actor), each batch becomes a row group of each table, its events sorted by time
    (undated last). The dataset is written beside ``root`` and moved into place at
    the end, so a failed write leaves nothing behind; ``root`` must not exist, or be
    an empty directory.

    Args:
        source: Articles, or the path of a JSON Lines file of them.
        root: The dataset's directory.
        partition_by: ``"year"`` splits the events table by the year (UTC) of each
            event's start (``year=2022/``, undated events under ``year=0/``).
        compression: The Parquet codec (``"zstd"``, ``"snappy"``, ``"none"``...).
        batch_size: Articles per row group.
        progress: Called with (articles, events) written so far after each batch.
    """
    if partition_by not in (None, "year"):
        raise ValidationError.single(
            "write_parquet.partition_by", f"expected None or 'year', found {partition_by!r}"
        )
    if batch_size < 1:
        raise ValidationError.single("write_parquet.batch_size", f"expected at least 1, found {batch_size}")
    target = Path(root)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ValidationError.single(str(target), "expected a new or empty directory for the dataset")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        count = _write(
            _articles(source),
            staging,
            partition_by=partition_by,
            compression=compression,
            batch_size=batch_size,
            progress=progress,
        )
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


def _write(  # noqa: PLR0913 -- write_parquet's options, passed on
    articles: Iterable[Article],
    staging: Path,
    *,
    partition_by: str | None,
    compression: str,
    batch_size: int,
    progress: Callable[[int, int], None] | None,
) -> int:
    encoder = Encoder()
    writers: dict[str, pq.ParquetWriter] = {}

    def writer(name: str, folder: str) -> pq.ParquetWriter:
        if folder not in writers:
            path = staging / folder / "part-0.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            writers[folder] = pq.ParquetWriter(path, _SCHEMAS[name], compression=compression)
        return writers[folder]

    for table in TABLES:  # every table exists, even when empty
        if table != "events" or partition_by is None:
            writer(table, table)
    try:
        iterator = iter(articles)
        while batch := list(itertools.islice(iterator, batch_size)):
            rows = encoder.encode(batch)
            for table in TABLES:
                data = _batch(table, rows[table])
                if table == "events":
                    data = _sorted_events(data)
                    if partition_by == "year":
                        for year, part in _by_year(data):
                            writer(table, f"events/year={year}").write_table(part)
                        continue
                if data.num_rows:
                    writer(table, table).write_table(data)
            if progress is not None:
                progress(encoder.articles_seen, encoder.events_seen)
    finally:
        for w in writers.values():
            w.close()
    if partition_by == "year" and not any(f.startswith("events/") for f in writers):
        writer("events", "events/year=0").close()
    return encoder.articles_seen


def _by_year(events: pa.Table) -> Iterator[tuple[int, pa.Table]]:
    years = pc.fill_null(pc.year(events.column("when_start")), 0)
    for year in sorted(set(years.to_pylist())):
        yield year, events.filter(pc.equal(years, year))


def _check_schema(table: str, schema: pa.Schema, where: str) -> None:
    check_table(table, (schema.metadata or {}).get(VERSION_KEY), schema.names, where)


def table_paths(root: str | os.PathLike[str]) -> dict[str, Path]:
    """The directory of each table of a dataset, checked: present, and of a version this reads."""
    paths = table_files(root)
    for table, files in paths.items():
        for file in files:
            _check_schema(table, pq.read_schema(file), str(file))
    return {table: Path(root) / table for table in paths}


def _read(folder: Path, table: str, filters: Any = None) -> pa.Table:
    partitioning = "hive" if table == "events" else None
    dataset = ds.dataset(folder, format="parquet", partitioning=partitioning, schema=None)
    data = dataset.to_table(filter=filters) if filters is not None else dataset.to_table()
    return data.select(list(COLUMNS[table]))


def read_parquet(root: str | os.PathLike[str], *, filters: Any = None) -> list[Article]:
    """The articles of a Parquet dataset, in their original order, typed and validated.

    Args:
        root: The dataset's directory (as :func:`write_parquet` wrote it).
        filters: A ``pyarrow.compute`` expression on the ``articles`` table
            (``pc.field("id") == "a1"``): only the matching articles are read.
    """
    paths = table_paths(root)
    articles = _read(paths["articles"], "articles", filters)
    events = _read(paths["events"], "events")
    if filters is not None:
        events = events.filter(pc.is_in(events.column("article"), articles.column("seq")))
    return from_arrow({"articles": articles, "events": events, "actors": _read(paths["actors"], "actors")})
