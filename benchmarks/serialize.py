"""How fast does newsevents load and save articles, against pydantic v2, msgspec and raw orjson?

Builds a corpus of N articles (default 10,000; 5 to 15 events each, of all three
types, with people and their roles, organisations, places and time references) from
a seeded generator, as newsevents objects, and serializes it to JSON Lines once.
Mirror models of the same schema in pydantic v2 and in msgspec (``_mirrors.py``)
must load those lines and write them back unchanged (see "Differences" below for the
one spelling that differs). Then, in one run, with every measurement interleaved
with the others and repeated (median and min-max spread), it times for each library:

- load: the bytes of every line -> validated typed objects (newsevents: ``read_jsonl``
  over the lines, which shares identical entities across lines, and the same with
  ``share_entities=False``; pydantic: ``model_validate_json``; msgspec: ``Decoder.decode``);
- load (unique entities): the same, on a copy of the corpus where every person,
  organisation and place is unique (a number added to its name), so nothing can be shared;
- dump: typed objects -> JSON bytes (newsevents: ``dump_jsonl`` into a binary buffer;
  pydantic: ``TypeAdapter.dump_json`` with ``exclude_defaults``; msgspec: ``Encoder.encode``);
- round trip: load then dump, line by line;
- the raw floor: ``orjson.loads`` / ``orjson.dumps`` of the same data as plain dicts, and
  the load floor: ``orjson.loads`` plus building the same objects with no checks at all
  (newsevents' generated code with the checks left out);
- newsevents with the stdlib ``json`` instead of orjson (load and dump), whose bytes
  are checked to be identical.

Memory per article held is the tracemalloc current (and peak) of loading the whole
list, divided by N. A small table of invalid documents shows which rules each
library enforces. The full run takes about eight minutes on two x86_64 cores; on
a shared machine, read the ratios and the CPU column, not single times::

    python benchmarks/serialize.py --json serialize.json       # the full run
    python benchmarks/serialize.py --articles 500 --rounds 3   # a quick look
    python benchmarks/serialize.py --articles 2000 --profile   # where newsevents spends its time

The cyclic garbage collector is off during each timed call, as in ``timeit``
(``--gc`` leaves it on): a load of 10,000 articles creates millions of objects,
and the full collections they trigger grow with everything else the process
holds, which would measure the collector and the harness more than the library.
Times are wall-clock; the CPU time of the process is recorded beside them (the
two part when the machine is busy with other work).

Differences between the mirrors and newsevents
----------------------------------------------

Same in all three: field names, order and JSON shape; strict types (no coercion of a
number to a string or back); aware datetimes; the enums' values; ``type`` tags and
closed tagged unions for actors, authors and events; slugs, Wikidata ids and BCP 47
tags by newsevents' own patterns; the 249 assigned ISO 3166-1 codes (a ``Literal``,
so a set lookup, not ``[A-Z]{2}``); ints in 0..2**63-1 for sentence terms; unknown
fields refused; and these cross-field invariants, in a pydantic
``model_validator(mode="after")`` or a msgspec ``__post_init__``: unique event ids,
``related`` ids that resolve and are not the event's own, ``updated >= published``,
the quote-mode rule (DIRECT and MIXED need quotes, INDIRECT has none), requester and
addressee differ (compared by newsevents' actor key), SENTENCED needs a sentence, a
term is not empty, a TimeRef's start is truncated to its precision, a country's name
is not another country's name.

Where they differ:

- **UTC is written ``Z``** by pydantic and msgspec, ``+00:00`` by newsevents
  (``datetime.isoformat``). That is the only difference in bytes: the agreement
  check counts the lines it touches and compares them after rewriting ``Z"`` to
  ``+00:00"`` in datetime values. Neither peer can be told otherwise without a
  Python-level serializer per datetime (pydantic) or at all (msgspec).
- **Derived defaults are not derived.** newsevents computes a missing ``id`` of a
  Person, Organization or Place from its name (``slugify``) and a missing country
  ``name`` from the ISO table, and checks the derived id is a valid slug (a name in
  Cyrillic with no ``id`` is refused); on dump it derives them again to leave them
  out. The mirrors keep what the JSON says (``None`` when absent): they do this work
  only to compare a request's two parties, and they accept a name with no ASCII slug
  and no id. A mirror that materialised them would need a custom serializer to leave
  them out again.
- **Tags and ``format_version`` are required** by the mirrors on input (a required
  ``Literal`` in pydantic so that ``exclude_defaults`` keeps it; a required field in
  msgspec for ``format_version``). newsevents accepts an object of a concrete class
  without its tag, and an article without ``format_version`` (then version 1).
- **Blank and stripped strings** use regex ``\\s`` (Unicode White_Space) in the
  mirrors and ``str.isspace``/``str.strip`` in newsevents; they differ only on
  characters such as U+001C..U+001F.
- **URLs** are a regex in the mirrors (http/https, a host, an optional port of up to
  five digits); newsevents uses ``urlsplit`` and also checks the port range.
  pydantic's ``HttpUrl`` would normalise the text (a trailing ``/``) and break the
  round trip, so it is not used.
- **Datetime spellings** accepted on input are each library's own ISO 8601 parser
  (``datetime.fromisoformat`` in newsevents, RFC 3339 parsers in the peers).
- **Errors**: newsevents reports every problem of a document, each with its
  ``$.path``; pydantic reports every field error, but runs an object's invariants
  only once its fields are valid; msgspec stops at the first error. Messages differ.
- **Extensibility**: newsevents' event union is open (``event_type`` registers new
  tags at run time); the mirrors' unions are closed over the three built-in types.
- Left as each library's default: pydantic models keep a ``__dict__`` per object;
  msgspec Structs are GC-tracked (``gc=False`` would be faster and smaller, but not
  what a user writes by default).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import itertools
import json
import os
import platform
import pstats
import random
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import Any

import _mirrors
import attrs
import msgspec
import orjson
import pydantic
from pydantic import TypeAdapter

import newsevents
import newsevents._jsontext as ne_jsontext
from newsevents import (
    Actor,
    Article,
    Certainty,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    Organization,
    OrgKind,
    Person,
    Place,
    Precision,
    QuoteMode,
    RequestKind,
    RequestStatus,
    Role,
    Statement,
    Term,
    TimeRef,
    ValidationError,
    dump_jsonl,
    from_json,
    read_jsonl,
    slugify,
    to_dict,
    to_json,
)
from newsevents._base import LOADING
from newsevents._codegen import UNCHECKED, top_loader

# ---------------------------------------------------------------- the corpus

FIRST = [
    "Anna", "Boris", "Carmen", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jamal",
    "Kateryna", "Liam", "Mariam", "Nikolai", "Olga", "Pedro", "Qiu", "Rania", "Sören", "Tomás",
    "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoë", "Ahmed", "Beatriz", "Chloé", "Daniel",
]  # fmt: skip
LAST = [
    "Ivanova", "Price", "Okafor", "Novak", "Silva", "Chen", "Haddad", "Kowalski", "Moreau", "Sato",
    "O'Brien", "Müller", "Nguyen", "Petrov", "García", "Kim", "Rossi", "Łukaszewicz", "Al-Sayed", "Larsen",
    "Mendes", "Dubois", "Kovács", "Tanaka", "Sokolov", "Nowak", "Fischer", "Ali", "Brown", "Singh",
]  # fmt: skip
CYRILLIC = ["Сергей Лавров", "Мария Захарова", "Дмитрий Песков", "Анна Смирнова", "Олег Иванов"]
CODES = [
    "RU", "US", "GB", "FR", "DE", "CN", "UA", "TR", "IR", "IN", "BR", "JP", "QA", "AE", "BY",
    "PL", "IT", "ES", "CA", "AU", "ZA", "NG", "EG", "SA", "IL", "KZ", "MX", "AR", "KR", "SE",
]  # fmt: skip
CITIES = [
    ("Moscow", "RU"), ("Washington", "US"), ("London", "GB"), ("Paris", "FR"), ("Berlin", "DE"),
    ("Beijing", "CN"), ("Kyiv", "UA"), ("Ankara", "TR"), ("Istanbul", "TR"), ("Tehran", "IR"),
    ("New Delhi", "IN"), ("Brasília", "BR"), ("Tokyo", "JP"), ("Doha", "QA"), ("Abu Dhabi", "AE"),
    ("Minsk", "BY"), ("Warsaw", "PL"), ("Rome", "IT"), ("Madrid", "ES"), ("Geneva", "CH"),
    ("Vienna", "AT"), ("Riyadh", "SA"), ("Cairo", "EG"), ("Astana", "KZ"), ("Seoul", "KR"),
]  # fmt: skip
ORG_HEADS = ["Ministry of", "Office of", "Department of", "Committee on", "Council for", "Agency for"]
ORG_TOPICS = ["Foreign Affairs", "Defence", "Justice", "Trade", "Energy", "Health", "Security", "Culture"]
ORG_KINDS = [OrgKind.MINISTRY, OrgKind.AGENCY, OrgKind.GOVERNMENT, OrgKind.COURT, OrgKind.LEGISLATURE]
MEDIA = ["Wire", "Daily Ledger", "Evening Post", "Radio Meridian", "The Courier", "Global Desk"]
ROLES = ["spokeswoman", "spokesman", "Foreign Minister", "ambassador", "deputy minister", "lawyer"]
DESCRIPTIONS = ["basketball player", "journalist", "businessman", "former marine", "activist"]
CHARGES = ["espionage", "smuggling", "fraud", "drug possession", "treason", "extremism"]
TOPICS = ["diplomacy", "prisoner exchange", "sanctions", "courts", "energy", "sport", "security"]
AUDIENCES = ["journalists", "reporters in Moscow", "a news briefing", "lawmakers", "state television"]
CHANNELS = ["diplomatic channels", "a phone call", "a letter", "intermediaries"]
TEXT = (
    "the minister said talks would continue after officials met on the sidelines of a summit where "
    "both sides discussed a possible exchange of prisoners and the release of detained citizens while "
    "lawyers for the defendant argued that the charges were politically motivated and the court "
    "rejected an appeal as negotiations over sanctions energy supplies and security guarantees stalled"
)
WORDS = TEXT.split(" ")
OFFSETS = [
    UTC,
    UTC,
    timezone(timedelta(hours=3)),
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=1)),
    timezone(timedelta(hours=5, minutes=30)),
]
PRECISIONS = [
    Precision.DAY,
    Precision.MONTH,
    Precision.WEEK,
    Precision.YEAR,
    Precision.HOUR,
    Precision.MINUTE,
]
PRECISION_WEIGHTS = [50, 12, 8, 5, 15, 10]
TIME_TEXTS = {
    Precision.YEAR: ["this year", "last year"],
    Precision.MONTH: ["last month", "earlier this month"],
    Precision.WEEK: ["last week", "this week"],
    Precision.DAY: ["on Thursday", "yesterday", "earlier on Monday", "today"],
    Precision.HOUR: ["this morning", "late on Tuesday"],
    Precision.MINUTE: ["at 14:05", "shortly after noon"],
}
EPOCH = datetime(2021, 1, 1, tzinfo=UTC)


def _sentence(rng: random.Random, low: int = 6, high: int = 16) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    if rng.random() < 0.05:
        words[1] = f'"{words[1]}"'  # a quotation mark to escape
    return " ".join(words).capitalize() + "."


class Pools:
    """The countries, organisations, people and places the articles draw on."""

    def __init__(self, rng: random.Random) -> None:
        self.countries = [Country(code=c) for c in CODES]
        self.places = [Place(name=name, country=code) for name, code in CITIES]
        self.orgs = []
        for i, (head, topic, code) in enumerate(
            rng.sample([(h, t, c) for h in ORG_HEADS for t in ORG_TOPICS for c in CODES], 240)
        ):
            self.orgs.append(
                Organization(
                    name=f"{head} {topic} ({code})",
                    kind=rng.choice(ORG_KINDS),
                    country=code,
                    aliases=(f"{topic} {head.split()[0]} {code}",) if i % 5 == 0 else (),
                    wikidata=f"Q{1000 + i}" if i % 3 == 0 else None,
                )
            )
        self.media = [
            Organization(name=name, kind=OrgKind.MEDIA, country=rng.choice(CODES)) for name in MEDIA
        ]
        names = rng.sample([f"{f} {last}" for f in FIRST for last in LAST], 800)
        self.people = [self._person(rng, name, i) for i, name in enumerate(names)]
        self.people += [
            Person(name=name, id=f"ru-{i}", nationality=("RU",), aliases=(f"Person {i}",))
            for i, name in enumerate(CYRILLIC)
        ]
        self.journalists = self.people[:40]

    def _person(self, rng: random.Random, name: str, i: int) -> Person:
        roles = tuple(
            Role(title=rng.choice(ROLES), organization=rng.choice(self.orgs) if rng.random() < 0.8 else None)
            for _ in range(rng.choice((0, 1, 1, 1, 2)))
        )
        # Most ids are left to default to the slug of the name; every tenth is explicit.
        explicit: dict[str, Any] = {"id": f"p{i}"} if i % 10 == 0 else {}
        return Person(
            name=name,
            **explicit,
            nationality=tuple(rng.sample(CODES, rng.choice((0, 1, 1, 1, 2)))),
            roles=roles,
            description=rng.choice(DESCRIPTIONS) if rng.random() < 0.2 else None,
            wikidata=f"Q{50000 + i}" if rng.random() < 0.3 else None,
        )

    def actor(self, rng: random.Random) -> Actor:
        roll = rng.random()
        if roll < 0.6:
            return rng.choice(self.people)
        if roll < 0.85:
            return rng.choice(self.orgs)
        return rng.choice(self.countries)


def _when(rng: random.Random, published: datetime) -> TimeRef:
    precision = rng.choices(PRECISIONS, PRECISION_WEIGHTS)[0]
    moment = published - timedelta(minutes=rng.randrange(60 * 24 * 45))
    text = rng.choice(TIME_TEXTS[precision]) if rng.random() < 0.5 else None
    return TimeRef.at(moment, precision, text=text, approximate=rng.random() < 0.1)


def _common(rng: random.Random, pools: Pools, ident: str, earlier: list[str], published: datetime) -> Any:
    return {
        "id": ident,
        "when": _when(rng, published) if rng.random() < 0.8 else None,
        "place": rng.choice(pools.places) if rng.random() < 0.4 else None,
        "certainty": rng.choices(list(Certainty), [70, 15, 10, 5])[0],
        "reported_by": rng.choice(pools.media) if rng.random() < 0.15 else None,
        "related": tuple(rng.sample(earlier, min(len(earlier), rng.randint(1, 2))))
        if earlier and rng.random() < 0.3
        else (),
        "evidence": tuple(_sentence(rng, 4, 10) for _ in range(rng.choice((0, 0, 1, 2)))),
        "summary": _sentence(rng) if rng.random() < 0.5 else None,
    }


def _statement(rng: random.Random, pools: Pools, common: Any) -> Statement:
    mode = rng.choice(list(QuoteMode))
    quotes = (
        () if mode is QuoteMode.INDIRECT else tuple(_sentence(rng, 3, 8) for _ in range(rng.randint(1, 2)))
    )
    return Statement(
        **common,
        speaker=pools.actor(rng),
        text=_sentence(rng, 8, 24),
        mode=mode,
        quotes=quotes,
        audience=rng.choice(AUDIENCES) if rng.random() < 0.3 else None,
        venue="a news briefing" if rng.random() < 0.2 else None,
        about=tuple(pools.actor(rng) for _ in range(rng.choice((0, 1, 1, 2)))),
    )


def _request(rng: random.Random, pools: Pools, common: Any, published: datetime) -> DiplomaticRequest:
    requester = pools.actor(rng)
    addressee = pools.actor(rng)
    while addressee is requester:
        addressee = pools.actor(rng)
    return DiplomaticRequest(
        **common,
        requester=requester,
        addressee=addressee,
        kind=rng.choice(list(RequestKind)),
        status=rng.choice(list(RequestStatus)),
        participants=tuple(rng.sample(pools.people, rng.choice((0, 1, 2, 2)))),
        channel=rng.choice(CHANNELS) if rng.random() < 0.3 else None,
        purpose=_sentence(rng, 4, 10) if rng.random() < 0.4 else None,
        expected=_when(rng, published + timedelta(days=60)) if rng.random() < 0.3 else None,
    )


def _detention(rng: random.Random, pools: Pools, common: Any) -> Detention:
    status = rng.choice(list(DetentionStatus))
    sentenced = status is DetentionStatus.SENTENCED or (
        status in (DetentionStatus.CONVICTED, DetentionStatus.JAILED) and rng.random() < 0.4
    )
    term = None
    if sentenced:
        life = rng.random() < 0.03
        term = Term(years=0 if life else rng.randint(1, 25), months=rng.choice((0, 0, 6)), life=life)
    return Detention(
        **common,
        detainee=rng.choice(pools.people),
        held_by=rng.choice(pools.countries) if rng.random() < 0.6 else rng.choice(pools.orgs),
        status=status,
        charges=tuple(rng.sample(CHARGES, rng.choice((0, 1, 1, 2)))),
        sentence=term,
    )


def _article(rng: random.Random, pools: Pools, n: int) -> Article:
    published = (EPOCH + timedelta(seconds=rng.randrange(3 * 365 * 86400))).astimezone(rng.choice(OFFSETS))
    publisher = rng.choice(pools.media)
    count = rng.randint(5, 15)
    kinds = [0, 1, 2] + [rng.randrange(3) for _ in range(count - 3)]  # all three types in each
    rng.shuffle(kinds)
    events: list[Event] = []
    for i, kind in enumerate(kinds):
        common = _common(rng, pools, f"e{i + 1}", [e.id for e in events], published)
        if kind == 0:
            events.append(_statement(rng, pools, common))
        elif kind == 1:
            events.append(_request(rng, pools, common, published))
        else:
            events.append(_detention(rng, pools, common))
    authors: tuple[Person | Organization, ...] = tuple(
        rng.sample(pools.journalists, rng.choice((0, 1, 1, 2)))
    )
    ident = f"a{n:06d}"
    return Article(
        id=ident,
        title=_sentence(rng, 5, 12)[:-1],
        published=published,
        publisher=publisher,
        url=f"https://news.example.org/{publisher.id}/{ident}" if rng.random() < 0.8 else None,
        subtitle=_sentence(rng) if rng.random() < 0.5 else None,
        updated=published + timedelta(minutes=rng.randint(1, 600)) if rng.random() < 0.3 else None,
        language=rng.choice(["en", "en", "en", "en-GB", "fr", "de", "ru", "pt-BR"]),
        authors=authors or ((publisher,) if rng.random() < 0.3 else ()),
        body=tuple(
            " ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(2, 5))
        ),
        events=tuple(events),
        topics=tuple(rng.sample(TOPICS, rng.randint(0, 3))),
    )


def generate(articles: int, seed: int) -> list[Article]:
    """A deterministic corpus of ``articles`` articles."""
    rng = random.Random(seed)
    pools = Pools(rng)
    return [_article(rng, pools, n) for n in range(articles)]


def unique_entities(articles: Sequence[Article]) -> list[Article]:
    """The same corpus with every person, organisation and place made unique (a number added to its name).

    Countries stay as they are: there are only 249 of them. Ids derived from names stay
    derived (left out of the JSON); explicit ids get the same number.
    """
    counter = itertools.count(1)

    def fresh(obj: Any) -> Any:
        if isinstance(obj, tuple):
            return tuple(fresh(v) for v in obj)
        if not attrs.has(type(obj)) or isinstance(obj, (Country, TimeRef, Term)):
            return obj
        changes = {f.name: fresh(getattr(obj, f.name)) for f in attrs.fields(type(obj)) if f.name != "id"}
        if isinstance(obj, (Person, Organization, Place)):
            n = next(counter)
            changes["name"] = f"{obj.name} {n}"
            derived = obj.id == slugify(obj.name)
            changes["id"] = slugify(changes["name"]) if derived else f"{obj.id}-{n}"
        return attrs.evolve(obj, **changes)

    return [fresh(a) for a in articles]


# ---------------------------------------------------------------- the contenders

Load = Callable[[bytes], Any]
Dump = Callable[[Any], bytes]


@contextlib.contextmanager
def stdlib_json() -> Iterator[None]:
    """newsevents without orjson, as if it were not installed."""
    saved = ne_jsontext._orjson  # type: ignore[attr-defined]
    ne_jsontext._orjson = None  # type: ignore[attr-defined,assignment]
    try:
        yield
    finally:
        ne_jsontext._orjson = saved  # type: ignore[attr-defined]


def _ne_load(line: bytes) -> Article:
    return from_json(Article, line)  # type: ignore[no-any-return]


def _ne_dump(obj: Article) -> bytes:
    return to_json(obj).encode("utf-8")


_pd_adapter = TypeAdapter(_mirrors.PdArticle)
_ms_decoder = msgspec.json.Decoder(_mirrors.MsArticle)
_ms_encoder = msgspec.json.Encoder()

CODECS: dict[str, tuple[Load, Dump]] = {
    "newsevents": (_ne_load, _ne_dump),
    "pydantic": (
        _mirrors.PdArticle.model_validate_json,
        partial(_pd_adapter.dump_json, exclude_defaults=True),
    ),
    "msgspec": (_ms_decoder.decode, _ms_encoder.encode),
    "raw orjson": (orjson.loads, orjson.dumps),
}
STDLIB = "newsevents (stdlib json)"
UNSHARED = "newsevents (unshared)"
FLOOR = "floor: orjson + unchecked build"
LIBRARIES = ["newsevents", UNSHARED, STDLIB, FLOOR, "pydantic", "msgspec", "raw orjson"]
LOADERS_ONLY = {UNSHARED, FLOOR}  # contenders that only load: their dump is newsevents' own
PEER_ERRORS: dict[str, tuple[type[BaseException], ...]] = {
    "newsevents": (ValidationError,),
    "pydantic": (pydantic.ValidationError,),
    "msgspec": (msgspec.ValidationError, msgspec.DecodeError),
}


def load_all(library: str, lines: Sequence[bytes]) -> list[Any]:
    """Every line loaded: newsevents reads them as JSON Lines (read_jsonl), the peers one by one."""
    if library == "newsevents":
        return list(read_jsonl(lines))  # identical entities across lines shared (the default)
    if library == UNSHARED:
        return list(read_jsonl(lines, share_entities=False))
    if library == STDLIB:
        with stdlib_json():  # and so no sharing: its cache keys are orjson's compact text
            return list(read_jsonl(lines, share_entities=False))
    if library == FLOOR:
        return build_unchecked(lines)
    load = CODECS[library][0]
    return [load(line) for line in lines]


def build_unchecked(lines: Sequence[bytes]) -> list[Any]:
    """The floor: orjson.loads, then the same objects built by generated code with no checks at all."""
    build = top_loader(Article, UNCHECKED)
    token = LOADING.set(True)
    try:
        return [build(orjson.loads(line), None) for line in lines]
    finally:
        LOADING.reset(token)


def dump_all(library: str, objs: Sequence[Any]) -> list[bytes]:
    """Every object written, one JSON text each (for the agreement checks)."""
    if library == STDLIB:
        with stdlib_json():
            return [_ne_dump(obj) for obj in objs]
    dump = CODECS[library][1]
    return [dump(obj) for obj in objs]


def dump_timed(library: str, objs: Sequence[Any]) -> object:
    """What is timed: newsevents writes JSON Lines to a binary file (dump_jsonl), the peers one by one."""
    if library in ("newsevents", STDLIB):
        out = io.BytesIO()
        with stdlib_json() if library == STDLIB else contextlib.nullcontext():
            dump_jsonl(objs, out)
        return out
    return dump_all(library, objs)


def round_trip(library: str, lines: Sequence[bytes]) -> object:
    if library == "newsevents":
        out = io.BytesIO()
        dump_jsonl(read_jsonl(lines), out)
        return out
    load, dump = CODECS[library]
    return [dump(load(line)) for line in lines]


# ---------------------------------------------------------------- agreement and rules

UTC_NOTE = "UTC written as Z instead of +00:00; identical after rewriting it"
_UTC_Z = re.compile(rb'(?<=[0-9]:[0-9]{2})Z"')


def check_agreement(articles: Sequence[Article], lines: Sequence[bytes]) -> dict[str, Any]:
    """newsevents reads its own lines back; each peer loads them and writes them back the same."""
    loaded = load_all("newsevents", lines)
    assert loaded == list(articles), "newsevents: the loaded articles differ from the generated ones"
    assert [_ne_load(line) for line in lines] == loaded, "newsevents: read_jsonl and from_json disagree"
    assert load_all(UNSHARED, lines) == loaded, "newsevents: sharing entities changed what loads"
    assert load_all(FLOOR, lines) == loaded, "the floor builds other objects"
    written = dump_timed("newsevents", loaded)
    assert isinstance(written, io.BytesIO)
    assert written.getvalue() == b"".join(line + b"\n" for line in lines), "dump_jsonl writes other bytes"
    assert dump_all("newsevents", loaded) == list(lines), "newsevents: the round trip is not exact"
    assert load_all(STDLIB, lines) == loaded, "newsevents (stdlib json): loads other objects"
    stdlib_bytes = dump_all(STDLIB, loaded)
    assert stdlib_bytes == list(lines), "newsevents (stdlib json): writes other bytes than with orjson"
    report: dict[str, Any] = {STDLIB: {"identical_lines": len(lines), "differing_lines": 0}}
    for library in ("pydantic", "msgspec", "raw orjson"):
        out = dump_all(library, load_all(library, lines))
        differing = [i for i, (a, b) in enumerate(zip(out, lines, strict=True)) if a != b]
        for i in differing:
            fixed = _UTC_Z.sub(b'+00:00"', out[i])
            assert fixed == lines[i], f"{library}: line {i + 1} differs beyond the UTC spelling:\n{out[i]!r}"
        report[library] = {
            "identical_lines": len(lines) - len(differing),
            "differing_lines": len(differing),
            "difference": UTC_NOTE if differing else "",
        }
    return report


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return mutate


def _first(doc: dict[str, Any], tag: str) -> int:
    return next(i for i, e in enumerate(doc["events"]) if e["type"] == tag)


def _case_quotes(doc: dict[str, Any]) -> None:
    event = doc["events"][_first(doc, "statement")]
    event["mode"], event["quotes"] = "indirect", ["a quote"]


def _case_sentence(doc: dict[str, Any]) -> None:
    event = doc["events"][_first(doc, "detention")]
    event["status"] = "sentenced"
    event.pop("sentence", None)


def _case_parties(doc: dict[str, Any]) -> None:
    event = doc["events"][_first(doc, "diplomatic_request")]
    event["addressee"] = event["requester"]


def _case_term(doc: dict[str, Any]) -> None:
    doc["events"][_first(doc, "detention")]["sentence"] = {"years": -1}


def _case_duplicate(doc: dict[str, Any]) -> None:
    doc["events"][1]["id"] = doc["events"][0]["id"]


MISNAMED_COUNTRY = {"type": "country", "code": "US", "name": "Russia"}
CASES: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("unknown field", _set("extra", 1)),
    ("number for a string", _set("title", 7)),
    ("title not stripped", _set("title", " A title")),
    ("blank name", _set("publisher/name", "  ")),
    ("event id not a slug", _set("events/0/id", "Event 1")),
    ("unknown event type", _set("events/0/type", "protest")),
    ("unassigned country code", _set("publisher/country", "XX")),
    ("bad language tag", _set("language", "english")),
    ("relative url", _set("url", "www.example.org/a")),
    ("naive datetime", _set("published", "2022-07-28T10:00:00")),
    ("updated before published", _set("updated", "2000-01-01T00:00:00+00:00")),
    ("duplicate event id", _case_duplicate),
    ("related id that does not resolve", _set("events/0/related", ["nowhere"])),
    ("time ref not truncated", _set("events/0/when", {"start": "2022-07-28T10:30:00+00:00"})),
    ("indirect statement with quotes", _case_quotes),
    ("requester is the addressee", _case_parties),
    ("sentenced without a sentence", _case_sentence),
    ("negative term", _case_term),
    ("country named after another", _set("events/0/reported_by", MISNAMED_COUNTRY)),
    ("name with no slug and no id", _set("publisher", {"type": "organization", "name": "Первый канал"})),
    ("no format_version (valid)", lambda doc: doc.pop("format_version")),
]  # fmt: skip


def check_rules(article: Article) -> list[dict[str, str]]:
    """Which library refuses which invalid document (built from one article of the corpus)."""
    rows = []
    base = orjson.dumps(to_dict(article))
    for name, mutate in CASES:
        doc = orjson.loads(base)
        mutate(doc)
        data = orjson.dumps(doc)
        row = {"case": name}
        for library, errors in PEER_ERRORS.items():
            try:
                CODECS[library][0](data)
            except errors:
                row[library] = "refused"
            else:
                row[library] = "accepted"
        rows.append(row)
    return rows


# ---------------------------------------------------------------- measuring


def measure_memory(library: str, lines: Sequence[bytes]) -> tuple[float, float]:
    """tracemalloc's (current, peak) bytes per article of holding the loaded list."""
    gc.collect()
    tracemalloc.start()
    try:
        held = load_all(library, lines)
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del held
    return current / len(lines), peak / len(lines)


def time_rounds(
    tasks: dict[tuple[str, str], Callable[[], object]], rounds: int, seed: int, *, collect: bool = False
) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(wall, cpu) seconds of every task, once per round, in a new shuffled order each round."""
    times: dict[tuple[str, str], list[tuple[float, float]]] = {key: [] for key in tasks}
    order = list(tasks)
    rng = random.Random(seed)
    for _ in range(rounds):
        rng.shuffle(order)
        for key in order:
            gc.collect()
            if not collect:
                gc.disable()
            try:
                wall, cpu = time.perf_counter(), time.process_time()
                result = tasks[key]()
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            finally:
                gc.enable()
            times[key].append((wall, cpu))
            del result
    return times


def median_ratio(a: list[tuple[float, float]], b: list[tuple[float, float]], *, wall: bool) -> float:
    """The median over rounds of a's time over b's, timed in the same round (wall or CPU seconds)."""
    pick = 0 if wall else 1
    return statistics.median(x[pick] / y[pick] for x, y in zip(a, b, strict=True))


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _fmt_ratio(value: float | None) -> str:
    return f"{value:.2f}x" if value is not None else "-"


TARGETS = [  # issue 12's acceptance
    ("load", "pydantic", 1.0),
    ("load", "msgspec", 2.0),
    ("load (unique entities)", "pydantic", 1.4),
    ("dump", "pydantic", 0.7),
    ("dump", "msgspec", 5.0),
]
MEMORY_TARGET = 0.5  # memory held per article, x pydantic
UNIQUE_CONTENDERS = ["newsevents", UNSHARED, "pydantic", "msgspec"]


def profile(articles: Sequence[Article], lines: Sequence[bytes], top: int = 15) -> None:
    """cProfile of newsevents' load and dump paths: the top entries by cumulative, then by own time."""
    load_all("newsevents", lines[:50])  # build and cache the hooks first
    for label, run in [
        ("load (from_json per line)", lambda: load_all("newsevents", lines)),
        ("dump (to_json per object)", lambda: dump_all("newsevents", articles)),
    ]:
        profiler = cProfile.Profile()
        gc.collect()
        gc.disable()  # as in the timings
        try:
            profiler.runcall(run)
        finally:
            gc.enable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(pstats.SortKey.CUMULATIVE).print_stats(top)
        stats.sort_stats(pstats.SortKey.TIME).print_stats(top)  # and where the time is spent itself
        print(f"==== newsevents {label}, {len(lines):,} articles ====")
        print(out.getvalue())


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown cpu"


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 -- one straight run: setup, checks, timings, report
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the corpus")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved repetitions of every timing")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--gc", action="store_true", help="leave the garbage collector on while timing")
    parser.add_argument("--profile", action="store_true", help="profile newsevents' load and dump instead")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.rounds < 1:
        parser.error("--articles and --rounds must be at least 1")

    t0 = time.perf_counter()
    articles = generate(args.articles, args.seed)
    lines = [_ne_dump(a) for a in articles]
    generated = time.perf_counter() - t0
    if args.profile:
        profile(articles, lines)
        return 0
    events = sum(len(a.events) for a in articles)
    size = sum(len(line) + 1 for line in lines)
    print(f"{len(articles):,} articles, {events:,} events, {size / 1e6:.1f} MB of JSON Lines")
    print(f"generated and serialized in {generated:.1f} s; checking that every library agrees...")

    agreement = check_agreement(articles, lines)
    rules = check_rules(articles[0])
    unique = unique_entities(articles)
    unique_lines = [_ne_dump(a) for a in unique]
    assert load_all("newsevents", unique_lines) == unique, "newsevents: the unique corpus loads otherwise"
    for peer in ("pydantic", "msgspec"):
        assert len(load_all(peer, unique_lines)) == len(unique)
    held = {lib: load_all(lib, lines) for lib in CODECS}
    held[STDLIB] = held["newsevents"]
    del articles, unique
    if not args.gc:
        # Out of the collector's sight: the gc.collect() between timings no longer walks
        # millions of held objects. (With the collector on while timing, this would make
        # its full collections far more frequent: it counts only unfrozen survivors.)
        gc.collect()
        gc.freeze()

    tasks: dict[tuple[str, str], Callable[[], object]] = {}
    for lib in LIBRARIES:
        tasks["load", lib] = partial(load_all, lib, lines)
        if lib in LOADERS_ONLY:
            continue
        tasks["dump", lib] = partial(dump_timed, lib, held[lib])
        if lib != STDLIB:
            tasks["round trip", lib] = partial(round_trip, lib, lines)
    for lib in UNIQUE_CONTENDERS:
        tasks["load (unique entities)", lib] = partial(load_all, lib, unique_lines)
    print(f"timing {len(tasks)} measurements x {args.rounds} rounds...")
    times = time_rounds(tasks, args.rounds, args.seed, collect=args.gc)
    memory = {
        lib: measure_memory(lib, lines)
        for lib in ["newsevents", UNSHARED, "pydantic", "msgspec", "raw orjson"]
    }
    gc.unfreeze()

    medians = {key: statistics.median(wall for wall, _ in values) for key, values in times.items()}
    timings: list[dict[str, Any]] = []
    for (operation, lib), values in times.items():
        median = medians[operation, lib]
        walls = [wall for wall, _ in values]
        timings.append(
            {
                "operation": operation,
                "library": lib,
                "median_s": median,
                "min_s": min(walls),
                "max_s": max(walls),
                "cpu_median_s": statistics.median(cpu for _, cpu in values),
                "per_article_us": median / len(lines) * 1e6,
                "vs_msgspec": _ratio(median, medians.get((operation, "msgspec"))),
                "vs_pydantic": _ratio(median, medians.get((operation, "pydantic"))),
                "vs_raw": _ratio(median, medians.get((operation, "raw orjson"))),
            }
        )
    operations = ["load", "load (unique entities)", "dump", "round trip"]
    timings.sort(key=lambda r: (operations.index(r["operation"]), LIBRARIES.index(r["library"])))
    memory_rows: list[dict[str, Any]] = [
        {
            "library": lib,
            "current_bytes_per_article": current,
            "peak_bytes_per_article": peak,
            "vs_pydantic": current / memory["pydantic"][0],
        }
        for lib, (current, peak) in memory.items()
    ]
    targets: list[dict[str, Any]] = []
    for lib in ("newsevents", STDLIB):
        for operation, peer, limit in TARGETS:
            if (operation, lib) not in medians:
                continue
            ratio = median_ratio(times[operation, lib], times[operation, peer], wall=True)
            targets.append(
                {
                    "target": f"{lib} {operation} <= {limit} x {peer}",
                    "ratio": ratio,
                    "cpu_ratio": median_ratio(times[operation, lib], times[operation, peer], wall=False),
                    "met": ratio <= limit,
                }
            )
    for lib in ("newsevents", UNSHARED):
        mem_ratio = memory[lib][0] / memory["pydantic"][0]
        label = f"{lib} memory <= {MEMORY_TARGET} x pydantic"
        targets.append({"target": label, "ratio": mem_ratio, "met": mem_ratio <= MEMORY_TARGET})
    for lib in ("newsevents", UNSHARED):
        floor_ratio = median_ratio(times["load", lib], times["load", FLOOR], wall=True)
        floor_cpu = median_ratio(times["load", lib], times["load", FLOOR], wall=False)
        label = f"{lib} load / the floor (reported)"
        targets.append({"target": label, "ratio": floor_ratio, "cpu_ratio": floor_cpu, "met": True})

    print()
    header = f"{'operation':<22} {'library':<31} {'median ms':>10} {'min-max ms':>13} {'cpu ms':>8}"
    print(header + f" {'us/article':>10} {'x msgspec':>9} {'x pydantic':>10} {'x raw':>7}")
    for row in timings:
        spread = f"{row['min_s'] * 1e3:.0f}-{row['max_s'] * 1e3:.0f}"
        print(
            f"{row['operation']:<22} {row['library']:<31} {row['median_s'] * 1e3:>10.1f} {spread:>13}"
            f" {row['cpu_median_s'] * 1e3:>8.0f} {row['per_article_us']:>10.1f}"
            f" {_fmt_ratio(row['vs_msgspec']):>9} {_fmt_ratio(row['vs_pydantic']):>10}"
            f" {_fmt_ratio(row['vs_raw']):>7}"
        )
    print()
    print(f"{'memory held':<37} {'KiB/article':>11} {'peak KiB/article':>17} {'x pydantic':>10}")
    for mem in memory_rows:
        print(
            f"{mem['library']:<37} {mem['current_bytes_per_article'] / 1024:>11.2f}"
            f" {mem['peak_bytes_per_article'] / 1024:>17.2f} {mem['vs_pydantic']:>9.2f}x"
        )
    print()
    for target in targets:
        verdict = "met   " if target["met"] else "missed"
        cpu = f", CPU {target['cpu_ratio']:.2f}" if "cpu_ratio" in target else ""
        print(f"{verdict} {target['target']:<55} (measured {target['ratio']:.2f}{cpu})")
    print()
    for lib, agreed in agreement.items():
        note = f" ({agreed['difference']})" if agreed.get("difference") else ""
        print(f"{lib}: {agreed['identical_lines']:,} of {len(lines):,} lines byte-identical{note}")
    differing = [r for r in rules if len({r[lib] for lib in PEER_ERRORS}) > 1]
    print(f"{len(rules) - len(differing)} of {len(rules)} invalid-document cases judged alike; differing:")
    for row in differing:
        print(f"  {row['case']:<34} " + ", ".join(f"{lib} {row[lib]}" for lib in PEER_ERRORS))

    report: dict[str, Any] = {
        "machine": f"{platform.machine()}, {_cpu_model()}, {os.cpu_count()} cores, {platform.system()}",
        "python": platform.python_version(),
        "versions": {
            "newsevents": newsevents.__version__,
            "pydantic": pydantic.VERSION,
            "msgspec": msgspec.__version__,
            "orjson": orjson.__version__,
        },
        "articles": len(lines),
        "unique_entities_jsonl_bytes": sum(len(line) + 1 for line in unique_lines),
        "events": events,
        "jsonl_bytes": size,
        "rounds": args.rounds,
        "gc_during_timings": args.gc,
        "seed": args.seed,
        "timings": timings,
        "memory": memory_rows,
        "targets": targets,
        "agreement": agreement,
        "rules": rules,
    }
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
