"""The four tables of a columnar dataset, and objects turned into their columns. Private.

Kept free of pyarrow so that it can be read (and tested) without the extra: it
builds plain lists of Python values, one list per column; :mod:`newsevents.arrow`
turns them into Arrow arrays with the schemas it declares from :data:`COLUMNS`.

Times are stored as integers of microseconds since 1970-01-01 UTC, computed from
the wall time and the offset rather than through ``datetime.timestamp()``: the end
of a year-9999 period lies after ``datetime.max`` once moved to UTC, and integers
do not overflow.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, Final

import attrs

from newsevents._plan import micros
from newsevents.article import Article
from newsevents.dates import Precision, TimeRef
from newsevents.entities import Actor, Country, Organization, Person, actor_key
from newsevents.errors import ValidationError
from newsevents.events import (
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    RequestStatus,
    Statement,
    tag_of,
)
from newsevents.query import ROLES, _texts, actor_terms
from newsevents.serialize import to_dict

LAYOUT_VERSION: Final = 1
"""The version of the four tables' layout, in each file's metadata; readers refuse a newer one."""

TABLES: Final = ("articles", "events", "event_actors", "actors")
VERSION_KEY: Final = b"newsevents.layout_version"
TABLE_KEY: Final = b"newsevents.table"

_MICRO = timedelta(microseconds=1)

# Column name -> logical type. "ts" is a UTC timestamp in microseconds; "[...]" a list.
_TIME = {
    "start": "ts",
    "end": "ts",
    "offset": "int32",
    "precision": "str",
    "text": "str",
    "approximate": "bool",
}
COLUMNS: Final[dict[str, dict[str, str]]] = {
    "articles": {
        "seq": "int64",
        "id": "str",
        "title": "str",
        "published": "ts",
        "published_offset": "int32",
        "extra": "str",
    },
    "events": {
        "seq": "int64",
        "article": "int64",
        "position": "int32",
        "article_id": "str",
        "id": "str",
        "type": "str",
        **{f"when_{k}": v for k, v in _TIME.items()},
        "place_name": "str",
        "place_id": "str",
        "place_country": "str",
        "certainty": "str",
        "summary": "str",
        "related": "[str]",
        "evidence": "[str]",
        "reported_by": "int64",
        "speaker": "int64",
        "text": "str",
        "mode": "str",
        "quotes": "[str]",
        "audience": "str",
        "venue": "str",
        "about": "[int64]",
        "requester": "int64",
        "addressee": "int64",
        "kind": "str",
        "status": "str",
        "participants": "[int64]",
        "channel": "str",
        "purpose": "str",
        **{f"expected_{k}": v for k, v in _TIME.items()},
        "detainee": "int64",
        "held_by": "int64",
        "charges": "[str]",
        "sentence_years": "int64",
        "sentence_months": "int64",
        "sentence_days": "int64",
        "sentence_life": "bool",
        "custom": "str",
        "texts": "[str]",
    },
    "event_actors": {
        "event": "int64",
        "role": "str",
        "position": "int32",
        "field": "str",
        "actor": "int64",
    },
    "actors": {
        "key": "int64",
        "kind": "str",
        "id": "str",
        "name": "str",
        "nationality": "[str]",
        "terms": "[str]",
        "json": "str",
    },
}

BUILTIN: Final = (Statement, DiplomaticRequest, Detention)
BASE_FIELDS: Final = frozenset(f.name for f in attrs.fields(Event)) | {"type"}
_SINGLE_ACTORS = ("reported_by", "speaker", "requester", "addressee", "detainee", "held_by")
_MANY_ACTORS = ("about", "participants")
_ACTOR_TYPES = (Person, Organization, Country)
_FIXED_STEPS = {
    p: (datetime(2000, 1, 1) + p.step - datetime(2000, 1, 1)) // _MICRO
    for p in (Precision.WEEK, Precision.DAY, Precision.HOUR, Precision.MINUTE, Precision.SECOND)
}


def offset_seconds(moment: datetime, path: str) -> int:
    """The UTC offset in whole seconds (a sub-second offset cannot be stored)."""
    offset = moment.utcoffset()
    assert offset is not None  # the model keeps every datetime aware
    if offset.microseconds:
        raise ValidationError.single(path, f"expected a UTC offset in whole seconds, found {offset}")
    return offset.days * 86400 + offset.seconds


def _canonical(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class Encoder:
    """Articles to columns, batch by batch; remembers the actors written so far (their keys)."""

    def __init__(self) -> None:
        # What is kept for the whole write: per distinct actor, its 128-bit digest and its key (about
        # 250 bytes), never the actor itself, so that memory grows with the actors, not their size.
        self._keys: dict[int, int] = {}  # digest -> key
        self._digests: dict[int, int] = {}  # key -> digest: a taken key, and by whom (collisions)
        # Within one batch: keys by object identity (objects shared between events) and by value.
        # Cleared after each batch, so that they hold no more than the batch's actors.
        self._batch_keys: dict[int, tuple[Actor, int]] = {}
        self._batch_values: dict[Actor, int] = {}
        self.articles_seen = 0
        self.events_seen = 0

    def encode(self, articles: Iterable[Article]) -> dict[str, Any]:
        """The rows of a batch: lists by column, but for events a list of rows (dicts, absent = null).

        Actors are only those not written before.
        """
        out: dict[str, Any] = {table: {name: [] for name in COLUMNS[table]} for table in TABLES}
        out["events"] = []
        for article in articles:
            if not isinstance(article, Article):
                raise ValidationError.single(
                    f"articles[{self.articles_seen}]", f"expected Article, found {type(article).__name__}"
                )
            self._article(article, out)
        self._batch_keys.clear()
        self._batch_values.clear()
        return out

    # ------------------------------------------------------------ actors

    def actor(self, actor: Actor, actors: dict[str, list[Any]]) -> int:
        """The key of an actor: a 64-bit content hash, checked against collisions."""
        seen = self._batch_keys.get(id(actor))
        if seen is not None and seen[0] is actor:
            return seen[1]
        key = self._batch_values.get(actor)
        if key is not None:
            self._batch_keys[id(actor)] = (actor, key)
            return key
        text = _canonical(to_dict(actor))
        digest = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=16).digest(), "big")
        key = self._keys.get(digest)
        if key is None:
            key = (digest >> 64) - 2**63  # the first 64 bits, as a signed integer
            while key in self._digests:  # a collision: another actor has these 64 bits; the next free key
                key = key + 1 if key < 2**63 - 1 else -(2**63)
            self._keys[digest] = key
            self._digests[key] = digest
            kind, ident = actor_key(actor)
            actors["key"].append(key)
            actors["kind"].append(kind)
            actors["id"].append(ident)
            actors["name"].append(actor.name)
            actors["nationality"].append(list(actor.nationality) if isinstance(actor, Person) else [])
            actors["terms"].append(sorted(actor_terms(actor)))
            actors["json"].append(text)
        self._batch_values[actor] = key
        self._batch_keys[id(actor)] = (actor, key)
        return key

    # ------------------------------------------------------------ articles and events

    def _article(self, article: Article, out: dict[str, Any]) -> None:
        seq = self.articles_seen
        self.articles_seen += 1
        rows = out["articles"]
        rows["seq"].append(seq)
        rows["id"].append(article.id)
        rows["title"].append(article.title)
        rows["published"].append(micros(article.published))
        rows["published_offset"].append(offset_seconds(article.published, f"articles[{seq}].published"))
        # The article without its events, for its JSON form: a shallow copy with the field emptied,
        # not attrs.evolve, which would check the whole (already valid) article again.
        bare = copy.copy(article)
        object.__setattr__(bare, "events", ())
        extra = to_dict(bare)
        for name in ("type", "id", "title", "published", "events"):
            extra.pop(name, None)
        rows["extra"].append(_canonical(extra))
        for position, event in enumerate(article.events):
            self._event(event, seq, position, article.id, out)

    def _event(self, event: Event, article: int, index: int, article_id: str, out: dict[str, Any]) -> None:
        seq = self.events_seen
        self.events_seen += 1
        path = f"articles[{article}].events[{index}]"
        row: dict[str, Any] = {
            "seq": seq,
            "article": article,
            "position": index,
            "article_id": article_id,
            "id": event.id,
            "type": tag_of(type(event)),
            "certainty": event.certainty.value,
            "summary": event.summary,
            "related": list(event.related),
            "evidence": list(event.evidence),
            "texts": [t.casefold() for t in _texts(event)],
        }
        _time(row, "when", event.when, f"{path}.when")
        if event.place is not None:
            place = event.place
            row.update(place_name=place.name, place_id=place.id, place_country=place.country)
        actors = out["actors"]
        builtin = type(event) in BUILTIN
        if builtin:
            for name in _SINGLE_ACTORS:
                value = getattr(event, name, None)
                if value is not None:
                    row[name] = self.actor(value, actors)
            for name in _MANY_ACTORS:
                if hasattr(event, name):
                    row[name] = [self.actor(a, actors) for a in getattr(event, name)]
            _builtin_fields(row, event, path)
        else:
            if event.reported_by is not None:
                row["reported_by"] = self.actor(event.reported_by, actors)
            own = {k: v for k, v in to_dict(event).items() if k not in BASE_FIELDS}
            row["custom"] = _canonical(own) if own else None
        status = getattr(event, "status", None)
        if isinstance(status, (RequestStatus, DetentionStatus)):
            row["status"] = status.value
        out["events"].append(row)
        rows = out["event_actors"]
        parties = _builtin_parties(row) if builtin else self._parties(event, actors)
        for role, position, field, key in parties:
            rows["event"].append(seq)
            rows["role"].append(role)
            rows["position"].append(position)
            rows["field"].append(field)
            rows["actor"].append(key)

    def _parties(self, event: Event, actors: dict[str, list[Any]]) -> list[tuple[str, int, str | None, int]]:
        """One row per actor in each role of ``parties()``, with the field it came from where known."""
        slots = _slots(event)
        found = []
        for role, group in zip(ROLES, event.parties(), strict=True):
            for position, actor in enumerate(group):
                field = None
                for k, (name, candidate) in enumerate(slots):
                    if candidate is actor or candidate == actor:
                        field = name
                        del slots[k]
                        break
                found.append((role, position, field, self.actor(actor, actors)))
        return found


def _builtin_parties(row: dict[str, Any]) -> list[tuple[str, int, str | None, int]]:
    """What the built-in types' ``parties()`` give, from the keys already in the row (faster)."""
    if "speaker" in row:
        acting, receiving, others = [("speaker", row["speaker"])], [], [("about", k) for k in row["about"]]
    elif "requester" in row:
        acting, receiving = [("requester", row["requester"])], [("addressee", row["addressee"])]
        others = [("participants", k) for k in row["participants"]]
    else:
        acting, receiving, others = [("held_by", row["held_by"])], [("detainee", row["detainee"])], []
    if row.get("reported_by") is not None:
        others.append(("reported_by", row["reported_by"]))
    return [
        (role, position, field, key)
        for role, group in zip(ROLES, (acting, receiving, others), strict=True)
        for position, (field, key) in enumerate(group)
    ]


def _slots(event: Event) -> list[tuple[str, Actor]]:
    """The actors held in an event's fields, by field name, in field order (speaker before reported_by)."""
    found: list[tuple[str, Actor]] = []
    later: list[tuple[str, Actor]] = []
    for field in attrs.fields(type(event)):
        value = getattr(event, field.name)
        target = later if field.name in BASE_FIELDS else found
        if isinstance(value, _ACTOR_TYPES):
            target.append((field.name, value))
        elif isinstance(value, tuple):
            target.extend((field.name, v) for v in value if isinstance(v, _ACTOR_TYPES))
    return found + later


def _time(row: dict[str, Any], prefix: str, ref: TimeRef | None, path: str) -> None:
    if ref is None:
        return
    start = row[f"{prefix}_start"] = micros(ref.start)
    step = _FIXED_STEPS.get(ref.precision)
    # A fixed step adds as integers; months and years (and the last periods of year 9999) go through .end.
    row[f"{prefix}_end"] = start + step if step is not None and ref.start.year < 9999 else micros(ref.end)
    row[f"{prefix}_offset"] = offset_seconds(ref.start, f"{path}.start")
    row[f"{prefix}_precision"] = ref.precision.value
    row[f"{prefix}_text"] = ref.text
    row[f"{prefix}_approximate"] = ref.approximate


def _builtin_fields(row: dict[str, Any], event: Event, path: str) -> None:
    if isinstance(event, Statement):
        row.update(
            text=event.text,
            mode=event.mode.value,
            quotes=list(event.quotes),
            audience=event.audience,
            venue=event.venue,
        )
    elif isinstance(event, DiplomaticRequest):
        row.update(kind=event.kind.value, channel=event.channel, purpose=event.purpose)
        _time(row, "expected", event.expected, f"{path}.expected")
    elif isinstance(event, Detention):
        row["charges"] = list(event.charges)
        if event.sentence is not None:
            s = event.sentence
            row.update(sentence_years=s.years, sentence_months=s.months, sentence_days=s.days)
            row["sentence_life"] = s.life
