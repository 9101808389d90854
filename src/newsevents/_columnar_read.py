"""Reading a dataset: its files checked, its columns back to articles. Private; see :mod:`newsevents.arrow`.

Rows are turned into the JSON form (dicts) and loaded with :func:`~newsevents.from_dict`,
so that what comes back from a file is validated exactly as a JSON document is.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from newsevents._columnar import COLUMNS, LAYOUT_VERSION, TABLES
from newsevents.article import Article
from newsevents.errors import ValidationError
from newsevents.serialize import from_dict

_EPOCH = datetime(1970, 1, 1)
Columns = dict[str, list[Any]]
_BUILTIN_TAGS = {"statement", "diplomatic_request", "detention"}
_TAG_FIELDS = {
    "statement": (("text", "mode", "quotes", "audience", "venue"), ("speaker",), ("about",)),
    "diplomatic_request": (
        ("kind", "status", "channel", "purpose"),
        ("requester", "addressee"),
        ("participants",),
    ),
    "detention": (("status", "charges"), ("detainee", "held_by"), ()),
}


def table_files(root: str | os.PathLike[str]) -> dict[str, list[Path]]:
    """The Parquet files of each table of a dataset; a missing dataset or table is a ValidationError."""
    base = Path(root)
    if not base.is_dir():
        raise ValidationError.single(str(base), "no Parquet dataset here (expected a directory)")
    found = {}
    for table in TABLES:
        folder = base / table
        files = sorted(folder.rglob("*.parquet")) if folder.is_dir() else []
        if not files:
            raise ValidationError.single(str(folder), f"missing table {table!r} (no Parquet files)")
        found[table] = files
    return found


def check_table(table: str, version: bytes | str | None, names: Iterable[str], where: str) -> None:
    """Refuse a file without the layout's version, of a newer version, or without a column of the table."""
    if version is None:
        raise ValidationError.single(where, "not a newsevents table: no layout version in its metadata")
    try:
        number = int(version)
    except ValueError:
        raise ValidationError.single(where, f"unreadable layout version {version!r}") from None
    if number > LAYOUT_VERSION:
        raise ValidationError.single(
            where,
            f"layout version {number} is newer than this newsevents reads ({LAYOUT_VERSION});"
            " upgrade newsevents",
        )
    present = set(names)
    missing = [name for name in COLUMNS[table] if name not in present]
    if missing:
        raise ValidationError.single(where, f"missing columns: {', '.join(missing)}")


def iso(us: int, offset: int) -> str:
    """The ISO 8601 text of a UTC instant in microseconds, shown at a UTC offset in seconds."""
    local = _EPOCH + timedelta(microseconds=us + offset * 1_000_000)
    return local.replace(tzinfo=timezone(timedelta(seconds=offset))).isoformat()


def _time(columns: Columns, prefix: str, i: int) -> dict[str, Any] | None:
    start = columns[f"{prefix}_start"][i]
    if start is None:
        return None
    return {
        "start": iso(start, columns[f"{prefix}_offset"][i]),
        "precision": columns[f"{prefix}_precision"][i],
        "text": columns[f"{prefix}_text"][i],
        "approximate": columns[f"{prefix}_approximate"][i],
    }


def _rows(columns: Columns) -> int:
    return len(next(iter(columns.values()))) if columns else 0


def _event(events: Columns, i: int, actors: dict[int, Any], where: str) -> dict[str, Any]:
    def actor(key: int | None) -> Any:
        if key is None:
            return None
        try:
            return actors[key]
        except KeyError:
            raise ValidationError.single(f"{where}", f"actor {key} is not in the actors table") from None

    tag = events["type"][i]
    data: dict[str, Any] = {
        "type": tag,
        "id": events["id"][i],
        "when": _time(events, "when", i),
        "certainty": events["certainty"][i],
        "summary": events["summary"][i],
        "related": events["related"][i] or [],
        "evidence": events["evidence"][i] or [],
        "reported_by": actor(events["reported_by"][i]),
    }
    if events["place_name"][i] is not None:
        data["place"] = {
            "type": "place",
            "name": events["place_name"][i],
            "id": events["place_id"][i],
            "country": events["place_country"][i],
        }
    fields = _TAG_FIELDS.get(tag)
    if fields is None:
        custom = events["custom"][i]
        if custom is not None:
            own = json.loads(custom)
            if not isinstance(own, dict):
                raise ValidationError.single(f"{where}.custom", "expected a JSON object")
            data.update(own)
        return data
    plain, single, many = fields
    for name in plain:
        data[name] = events[name][i]
    for name in single:
        data[name] = actor(events[name][i])
    for name in many:
        data[name] = [actor(k) for k in events[name][i] or []]
    if tag == "diplomatic_request":
        data["expected"] = _time(events, "expected", i)
    elif tag == "detention" and events["sentence_years"][i] is not None:
        data["sentence"] = {p: events[f"sentence_{p}"][i] for p in ("years", "months", "days", "life")}
    return data


def decode(articles: Columns, events: Columns, actors: Columns) -> Iterator[Article]:
    """Articles from the columns of their tables, in their original order, validated."""
    known = {key: json.loads(text) for key, text in zip(actors["key"], actors["json"], strict=True)}
    by_article: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, (owner, position) in enumerate(zip(events["article"], events["position"], strict=True)):
        by_article[owner].append((position, i))
    order = sorted(range(_rows(articles)), key=articles["seq"].__getitem__)
    for row in order:
        seq = articles["seq"][row]
        where = f"articles[{seq}]"
        extra = json.loads(articles["extra"][row])
        data = {
            **extra,
            "type": "article",
            "id": articles["id"][row],
            "title": articles["title"][row],
            "published": iso(articles["published"][row], articles["published_offset"][row]),
            "events": [
                _event(events, i, known, f"{where}.events[{p}]") for p, i in sorted(by_article.pop(seq, []))
            ],
        }
        try:
            yield from_dict(Article, data)
        except ValidationError as exc:
            raise ValidationError(e.placed(where) if e.root == "$" else e for e in exc.errors) from None
