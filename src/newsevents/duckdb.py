"""Questions asked of a Parquet dataset in place, with DuckDB (the ``duckdb`` extra).

:func:`connect` opens an in-memory DuckDB connection in which the dataset's four
tables are views (``articles``, ``events``, ``event_actors``, ``actors``) over the
files, with nothing loaded: a question reads only the columns and row groups it
needs. The session's time zone is UTC, so that a ``TIMESTAMPTZ`` shows the same
wherever it runs (the original offsets are in the ``*_offset`` columns).

:func:`find` answers like :meth:`newsevents.Corpus.find`: the same events, in the
same order (by time, undated last, then in corpus and article order), with their
articles loaded back as typed, validated objects; :func:`find_ids` gives just the
article and event ids, which is all a SQL engine needs to touch.

>>> import tempfile
>>> from newsevents.arrow import write_parquet
>>> from newsevents.query import by
>>> root = tempfile.mkdtemp() + "/dataset"
>>> write_parquet([], root)
0
>>> find_ids(connect(root), by("Lavrov"))
[]
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb

from newsevents._columnar import COLUMNS, VERSION_KEY
from newsevents._columnar_read import check_table, decode, table_files
from newsevents.corpus import Hit
from newsevents.errors import ValidationError
from newsevents.query import Predicate
from newsevents.sql import ORDER_BY, literal, to_sql

__all__ = ["connect", "find", "find_ids", "select"]  # to_sql is importable here too; it is newsevents.sql's


def connect(
    root: str | os.PathLike[str] | Mapping[str, Any],
    *,
    connection: duckdb.DuckDBPyConnection | None = None,
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the dataset's tables as views, in UTC.

    Args:
        root: The dataset's directory (see :func:`newsevents.arrow.write_parquet`),
            or the four Arrow tables of :func:`newsevents.arrow.to_arrow`, in memory.
        connection: An existing connection to add the views to (its time zone is set
            to UTC); a new in-memory one by default.
    """
    con = connection if connection is not None else duckdb.connect(":memory:")
    con.execute("SET TimeZone = 'UTC'")
    if isinstance(root, Mapping):
        for table in COLUMNS:
            if table not in root:
                raise ValidationError.single(f"tables.{table}", "missing table")
            schema = root[table].schema
            version = (schema.metadata or {}).get(VERSION_KEY)
            check_table(table, version, schema.names, f"tables.{table}")
            con.register(f"_newsevents_{table}", root[table])
            columns = ", ".join(COLUMNS[table])
            con.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT {columns} FROM _newsevents_{table}")
        return con
    for table, files in table_files(root).items():
        _check_files(con, table, files)
        listed = ", ".join(literal(str(f)) for f in files)
        columns = ", ".join(COLUMNS[table])
        con.execute(
            f"CREATE OR REPLACE VIEW {table} AS"
            f" SELECT {columns} FROM read_parquet([{listed}], hive_partitioning = false)"
        )
    return con


def _check_files(con: duckdb.DuckDBPyConnection, table: str, files: list[Path]) -> None:
    """The layout's checks of each file, from its footer, read by DuckDB (no pyarrow to import)."""
    listed = ", ".join(literal(str(f)) for f in files)
    versions = dict(
        con.execute(
            f"SELECT file_name, decode(value) FROM parquet_kv_metadata([{listed}])"
            " WHERE decode(key) = 'newsevents.layout_version'"
        ).fetchall()
    )
    names: dict[str, list[str]] = {}
    for file_name, name in con.execute(f"SELECT file_name, name FROM parquet_schema([{listed}])").fetchall():
        names.setdefault(file_name, []).append(name)
    for file in files:
        check_table(table, versions.get(str(file)), names.get(str(file), []), str(file))


def select(predicate: Predicate, columns: str = "e.article, e.position, e.article_id, e.id") -> str:
    """The DuckDB query for the events that match, in :meth:`~newsevents.Corpus.find`'s order."""
    return f"SELECT {columns} FROM events e WHERE {to_sql(predicate)} ORDER BY {ORDER_BY}"


def find_ids(con: duckdb.DuckDBPyConnection, predicate: Predicate) -> list[tuple[str, str]]:
    """The (article id, event id) of each matching event, in :meth:`~newsevents.Corpus.find`'s order."""
    return [(a, e) for a, e in con.execute(select(predicate, "e.article_id, e.id")).fetchall()]


def find(con: duckdb.DuckDBPyConnection, predicate: Predicate, *, limit: int | None = None) -> list[Hit]:
    """The matching events and their articles, as :meth:`~newsevents.Corpus.find` gives them (validated)."""
    if not isinstance(predicate, Predicate):
        raise ValidationError.single(
            "find.predicate", f"expected a predicate from newsevents.query, found {type(predicate).__name__}"
        )
    query = select(predicate, "e.article, e.position")
    rows = con.execute(query if limit is None else f"{query} LIMIT {int(limit)}").fetchall()
    if not rows:
        return []
    con.execute("CREATE OR REPLACE TEMP TABLE _newsevents_wanted (seq BIGINT)")
    con.executemany("INSERT INTO _newsevents_wanted VALUES (?)", [(a,) for a in sorted({a for a, _ in rows})])
    wanted = "(SELECT seq FROM _newsevents_wanted)"
    articles = _columns(con, "articles", f"seq IN {wanted}")
    events = _columns(con, "events", f"article IN {wanted}")
    actors = _columns(
        con,
        "actors",
        "key IN (SELECT ea.actor FROM event_actors ea JOIN events e ON e.seq = ea.event"
        f" WHERE e.article IN {wanted})"
        f" OR key IN (SELECT reported_by FROM events WHERE article IN {wanted})",
    )
    con.execute("DROP TABLE _newsevents_wanted")
    loaded = decode(articles, events, actors)
    by_seq = dict(zip(sorted({int(str(s)) for s in articles["seq"]}), loaded, strict=True))
    return [Hit(by_seq[a], by_seq[a].events[p]) for a, p in rows]


def _columns(con: duckdb.DuckDBPyConnection, table: str, where: str) -> dict[str, list[object]]:
    """A table's matching rows as lists by column, times as integers of microseconds (no overflow in 9999)."""
    names = list(COLUMNS[table])
    select_list = ", ".join(f"epoch_us({n}) AS {n}" if COLUMNS[table][n] == "ts" else n for n in names)
    rows = con.execute(f"SELECT {select_list} FROM {table} WHERE {where}").fetchall()
    return {name: [row[i] for row in rows] for i, name in enumerate(names)}
