"""How long a browser takes to draw newsevents.report's page of N events, and how big the page is.

Generates a corpus (a story told over months: statements, requests and detentions at every
precision, some approximate, some undated, with ``related`` links), writes its page, and opens it
in headless Chromium ``--repeat`` times. For each load it reads the page's own clocks: the load
event, the first contentful paint, and the frame after the load (two animation frames: the page
is laid out and painted). Prints medians; ``--json`` writes them.

    python benchmarks/report.py --events 1000 --repeat 9
    python benchmarks/report.py --screenshot docs/how-to/files/seed-report.png   # the docs' picture

Needs Debian's ``chromium`` (or ``NEWSEVENTS_CHROMIUM``). No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs
from _browser import Browser, chromium_path

from newsevents import (
    Article,
    Certainty,
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
    Statement,
    TimeRef,
    from_json,
)
from newsevents.report import to_html

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "data" / "lavrov_blinken_call.json"
_PEOPLE = [
    Person(name="Brittney Griner", nationality=("US",)),
    Person(name="Paul Whelan", nationality=("US", "GB", "CA", "IE")),
    Person(name="Viktor Bout", nationality=("RU",)),
    Person(name="Antony Blinken", nationality=("US",)),
    Person(name="Sergey Lavrov", nationality=("RU",)),
    Person(name="Maria Zakharova", nationality=("RU",)),
    Person(name="Ned Price", nationality=("US",)),
]
_STATES = [Country(code="US"), Country(code="RU")]
_OUTLETS = [Organization(name=n, kind=OrgKind.MEDIA) for n in ("RT", "CNN", "Reuters", "TASS", "AP")]
_PRECISIONS = [Precision.DAY] * 6 + [Precision.MONTH, Precision.WEEK, Precision.YEAR, Precision.HOUR]


def _when(rng: random.Random, day: datetime) -> TimeRef | None:
    if rng.random() < 0.15:
        return None
    precision = rng.choice(_PRECISIONS)
    moment = day + timedelta(hours=rng.randrange(24))
    return TimeRef(start=precision.truncate(moment), precision=precision, approximate=rng.random() < 0.1)


def _event(rng: random.Random, n: int, day: datetime, earlier: list[str]) -> Event:
    ident = f"e{n}"
    pick = rng.random()
    event: Event
    if pick < 0.6:
        speaker = rng.choice(_PEOPLE[3:])
        quote = f"we are working on it, day {n}"
        text = f"{speaker.name} says talks go on ({n})."
        event = Statement(id=ident, speaker=speaker, text=text, mode=QuoteMode.MIXED, quotes=(quote,))
    elif pick < 0.85:
        requester, addressee = rng.sample(_STATES, 2)
        status = rng.choice(list(RequestStatus))
        event = DiplomaticRequest(
            id=ident, requester=requester, addressee=addressee, kind=RequestKind.RELEASE, status=status
        )
    else:
        detainee = rng.choice(_PEOPLE[:3])
        held = rng.choice([DetentionStatus.DETAINED, DetentionStatus.JAILED, DetentionStatus.EXCHANGED])
        event = Detention(id=ident, detainee=detainee, held_by=rng.choice(_STATES), status=held)
    related = (rng.choice(earlier),) if earlier and rng.random() < 0.3 else ()
    certainty = Certainty.CLAIMED if rng.random() < 0.1 else Certainty.CONFIRMED
    return attrs.evolve(event, when=_when(rng, day), related=related, certainty=certainty)


def make_corpus(events: int, *, per_article: int = 5, seed: int = 16) -> Corpus:
    """A corpus of ``events`` events, ``per_article`` to an article, over about a year of coverage."""
    rng = random.Random(seed)
    first = datetime(2022, 2, 17, tzinfo=UTC)
    articles: list[Article] = []
    made = 0
    while made < events:
        published = first + timedelta(days=rng.randrange(300), hours=rng.randrange(24))
        count = min(per_article, events - made)
        ids: list[str] = []
        found: list[Event] = []
        for _ in range(count):
            day = published - timedelta(days=rng.randrange(60))
            event = _event(rng, made, day.replace(hour=0, minute=0, second=0, microsecond=0), ids)
            found.append(event)
            ids.append(event.id)
            made += 1
        articles.append(
            Article(
                id=f"story-{len(articles)}",
                title=f"Prisoner swap talks, part {len(articles)}",
                published=published,
                publisher=rng.choice(_OUTLETS),
                events=tuple(found),
            )
        )
    return Corpus(articles)


_CLOCKS = """
new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  done({load: nav.loadEventEnd, paint: paint ? paint.startTime : null, drawn: performance.now(),
        marks: document.querySelectorAll("g.mark").length});
})))
"""


def measure(events: int, repeat: int) -> dict[str, object]:
    """Page size, the Python time to make it, and the browser's medians over ``repeat`` loads."""
    corpus = make_corpus(events)
    started = time.perf_counter()
    page = to_html(corpus, title=f"{events} events")
    made_ms = (time.perf_counter() - started) * 1000
    loads, paints, drawn = [], [], []
    with tempfile.TemporaryDirectory() as folder, Browser() as browser:
        path = Path(folder) / "page.html"
        path.write_text(page, encoding="utf-8")
        for _ in range(repeat):
            browser.open(path.as_uri())
            clocks = browser.evaluate(_CLOCKS)
            if browser.problems:
                raise SystemExit(f"the page reported problems: {browser.problems}")
            if clocks["marks"] < events:
                raise SystemExit(f"expected at least {events} marks, found {clocks['marks']}")
            loads.append(clocks["load"])
            drawn.append(clocks["drawn"])
            if clocks["paint"] is not None:
                paints.append(clocks["paint"])
    return {
        "events": events,
        "articles": len(corpus),
        "page_bytes": len(page.encode("utf-8")),
        "to_html_ms": round(made_ms, 1),
        "repeat": repeat,
        "load_ms_median": round(statistics.median(loads), 1),
        "first_paint_ms_median": round(statistics.median(paints), 1) if paints else None,
        "drawn_ms_median": round(statistics.median(drawn), 1),
    }


def screenshot(out: Path) -> None:
    """The seed article's page as the docs show it: the top of the page, 1000 pixels wide."""
    article = from_json(Article, SEED.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder, Browser(width=1000, height=760) as browser:
        path = Path(folder) / "seed.html"
        path.write_text(to_html(article), encoding="utf-8")
        browser.open(path.as_uri())
        out.write_bytes(browser.screenshot())
    print(f"{out}: {out.stat().st_size:,} bytes")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, or make the docs' screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--screenshot", type=Path, help="write the seed article's page as PNG here, and stop")
    args = parser.parse_args(argv)
    if chromium_path() is None:
        print("no chromium: install Debian's chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    if args.screenshot is not None:
        screenshot(args.screenshot)
        return 0
    seed = to_html(from_json(Article, SEED.read_text(encoding="utf-8")))
    report = measure(args.events, args.repeat)
    report["seed_page_bytes"] = len(seed.encode("utf-8"))
    for key, value in report.items():
        print(f"{key:>22}: {value}")
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
