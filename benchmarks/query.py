"""How fast does a Corpus answer questions, against a linear scan of the same events?

Builds a corpus of N events (default 1,000,000) from a seeded generator, writes it
as JSON Lines once, then measures in one run:

- the time to load the corpus from JSON Lines (``read_jsonl``),
- the time to build the indexes (``Corpus(...)``),
- for three queries (an actor; a type and a time window; type, actor and time
  combined), the latency of the indexed ``find`` and of ``scan``, which tests
  every event.

Timings are medians over repeated runs, with the spread (min-max) beside them;
the machine is shared, so read the ratios, not single times. Results are also
written as JSON.

    python benchmarks/query.py                       # the full run (several minutes)
    python benchmarks/query.py --events 20000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import newsevents
from newsevents import (
    Actor,
    Article,
    Corpus,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    Organization,
    OrgKind,
    Person,
    Precision,
    QuoteMode,
    RequestKind,
    RequestStatus,
    Role,
    Statement,
    TimeRef,
    dump_jsonl,
    read_jsonl,
)
from newsevents.query import Predicate, by, during, of_type

EVENTS_PER_ARTICLE = 10
FIRST = ["Anna", "Boris", "Carmen", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jamal"]
LAST = ["Ivanova", "Price", "Okafor", "Novak", "Silva", "Chen", "Haddad", "Kowalski", "Moreau", "Sato"]
CODES = ["RU", "US", "GB", "FR", "DE", "CN", "UA", "TR", "IR", "IN", "BR", "JP", "QA", "AE", "BY"]


def _people(rng: random.Random, orgs: list[Organization]) -> list[Person]:
    people = []
    for i in range(2000):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        role = Role(title="spokesperson", organization=rng.choice(orgs)) if i % 3 == 0 else None
        people.append(Person(name=name, nationality=(rng.choice(CODES),), roles=(role,) if role else ()))
    return people


def _event(rng: random.Random, i: int, people: list[Person], orgs: list[Organization]) -> Event:
    day = datetime(2015, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(3650))
    when = TimeRef(start=day, precision=Precision.DAY) if rng.random() < 0.9 else None
    kind = rng.randrange(3)
    countries = [Country(code=c) for c in CODES]
    if kind == 0:
        return Statement(
            id=f"e{i}",
            when=when,
            speaker=rng.choice(people),
            mode=QuoteMode.INDIRECT,
            text="Talks continue.",
            about=(rng.choice(countries),),
        )
    if kind == 1:
        requester, addressee = rng.sample(countries, 2)
        return DiplomaticRequest(
            id=f"e{i}",
            when=when,
            requester=requester,
            addressee=addressee,
            kind=rng.choice(list(RequestKind)),
            status=rng.choice(list(RequestStatus)),
            participants=(rng.choice(people), rng.choice(people)),
        )
    holders: list[Actor] = [*countries, *orgs[:5]]
    return Detention(
        id=f"e{i}",
        when=when,
        detainee=rng.choice(people),
        held_by=rng.choice(holders),
        status=rng.choice([s for s in DetentionStatus if s is not DetentionStatus.SENTENCED]),
        charges=("espionage",),
    )


def generate(events: int, seed: int) -> list[Article]:
    """A deterministic corpus of about ``events`` events, 10 to an article."""
    rng = random.Random(seed)
    orgs = [
        Organization(name=f"Ministry {i}", kind=OrgKind.MINISTRY, country=rng.choice(CODES))
        for i in range(300)
    ]
    people = _people(rng, orgs)
    publisher = Organization(name="Wire", kind=OrgKind.MEDIA)
    articles = []
    for a in range(max(1, events // EVENTS_PER_ARTICLE)):
        items = tuple(_event(rng, k, people, orgs) for k in range(EVENTS_PER_ARTICLE))
        articles.append(
            Article(
                id=f"a{a}",
                title=f"Article {a}",
                published=datetime(2025, 1, 1, tzinfo=UTC),
                publisher=publisher,
                events=items,
            )
        )
    return articles


def _median(fn: Callable[[], Any], repeat: int) -> tuple[float, float, float, Any]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each indexed query (scans: fewer)")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    articles = generate(args.events, args.seed)
    generated = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        dump_jsonl(articles, path)
        size = path.stat().st_size
        del articles
        load_s, _, _, loaded = _median(lambda: list(read_jsonl(path)), 1)
    build_s, build_min, build_max, corpus = _median(lambda: Corpus(loaded), max(1, args.repeat // 2))
    # A speaker of the first statement: an actor as common as any other in the corpus.
    first = next(e for article in corpus for e in article.events if isinstance(e, Statement))
    person = first.speaker
    queries: dict[str, Predicate] = {
        "actor": by(person.name),
        "type + time window": of_type(Detention) & during("2019-03"),
        "type + actor + time": of_type(Statement) & by(person.name) & during("2016", "2022"),
    }
    rows = []
    for label, predicate in queries.items():
        found_s, found_min, found_max, hits = _median(partial(corpus.find, predicate), args.repeat)
        scans = max(1, args.repeat // 2)  # a scan of 1M events is slow and steady: fewer runs
        scan_s, scan_min, scan_max, scanned = _median(partial(corpus.scan, predicate), scans)
        assert hits == scanned, f"{label}: indexed and scanned results differ"
        rows.append(
            {
                "query": label,
                "predicate": repr(predicate),
                "hits": len(hits),
                "find_ms": found_s * 1e3,
                "find_spread_ms": [found_min * 1e3, found_max * 1e3],
                "scan_ms": scan_s * 1e3,
                "scan_spread_ms": [scan_min * 1e3, scan_max * 1e3],
                "speedup": scan_s / found_s if found_s else float("inf"),
            }
        )
    report = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "newsevents": newsevents.__version__,
        "events": corpus.event_count,
        "articles": len(corpus),
        "jsonl_mb": size / 1e6,
        "generate_s": generated,
        "load_s": load_s,
        "index_build_s": build_s,
        "index_build_spread_s": [build_min, build_max],
        "build_to_load": build_s / load_s,
        "queries": rows,
    }
    print(f"{corpus.event_count:,} events in {len(corpus):,} articles ({size / 1e6:.0f} MB of JSON Lines)")
    print(f"load (read_jsonl) {load_s:8.2f} s")
    print(f"index build       {build_s:8.2f} s   ({build_s / load_s:.2f} x the load time)")
    print()
    print(f"{'query':<22} {'hits':>7} {'find ms':>10} {'scan ms':>10} {'scan/find':>10}")
    for row in rows:
        times = f"{row['find_ms']:>10.2f} {row['scan_ms']:>10.1f} {row['speedup']:>9.0f}x"
        print(f"{row['query']:<22} {row['hits']:>7} {times}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
