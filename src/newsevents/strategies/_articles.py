"""Whole articles, and their serialized form: valid documents and documents broken in one known way."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, NamedTuple

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from newsevents.article import Article
from newsevents.dates import TimeRef
from newsevents.events import Event, Statement
from newsevents.serialize import to_dict
from newsevents.strategies._args import check_bool, check_size
from newsevents.strategies._entities import organizations, persons
from newsevents.strategies._events import needs_date
from newsevents.strategies._registry import event_strategy
from newsevents.strategies._text import LANGUAGES, OFFSETS, SLUGS, slugs, texts
from newsevents.strategies._time import ALL_PRECISIONS
from newsevents.validators import non_http_uri


def _paragraph(event: Event) -> str:
    quotes = event.quotes if isinstance(event, Statement) else ()
    pieces = [f"\u201c{q}\u201d" for q in quotes] + list(event.evidence)
    return " ".join(pieces) if pieces else (event.summary or "More in the article.")


def articles(
    *,
    min_events: int = 0,
    max_events: int = 4,
    event_types: Sequence[type[Event]] | None = None,
    with_body: bool = True,
) -> st.SearchStrategy[Article]:
    """Whole, consistent articles.

    With a body, :func:`newsevents.checks.check` finds nothing to report in them:
    every quote and evidence fragment is in the body verbatim, no event is dated
    after publication, a DIRECT statement's text is one of its quotes, released
    and exchanged detentions are dated, roles belong to their holder's countries.
    (Without a body, ``check`` says only that it had no text to check against.)

    Args:
        min_events: The fewest events.
        max_events: The most events (keep it small: each event draws several actors).
        event_types: Draw only these event classes (built-in or registered); all by default.
        with_body: Give the article a body that holds every quote and evidence
            fragment verbatim; ``False`` leaves the body empty.

    >>> from hypothesis import given
    >>> @given(articles(min_events=1, max_events=2))
    ... def check(article):
    ...     assert 1 <= len(article.events) <= 2
    >>> check()
    """
    check_size("min_events", min_events)
    check_size("max_events", max_events)
    if min_events > max_events:
        raise InvalidArgument(f"min_events={min_events} is more than max_events={max_events}")
    check_bool("with_body", with_body)
    event_st = event_strategy(event_types, st.none(), "event_types")
    published_st = st.datetimes(
        datetime(1990, 1, 1), datetime(2040, 1, 1), timezones=st.sampled_from(OFFSETS)
    )
    count_st = st.integers(min_events, max_events)
    ids_st = {
        n: st.lists(slugs(max_size=12), min_size=n, max_size=n, unique=True) for n in range(max_events + 1)
    }
    dated = st.booleans()
    back = st.timedeltas(timedelta(0), timedelta(days=3650))
    precision_st = st.sampled_from(ALL_PRECISIONS)
    ref_text = st.none() | texts(max_size=20)
    updated_st = st.none() | st.timedeltas(timedelta(0), timedelta(days=3))
    url_st = st.none() | slugs(max_size=10).map(lambda s: f"https://news.example/{s}")
    subtitle_st = st.none() | texts()
    uri_st = st.none() | non_http_uri.strategy(str)
    language_st = st.sampled_from(LANGUAGES)
    authors_st = st.lists(persons(max_roles=0), max_size=2).map(tuple)
    topics_st = st.lists(texts(max_size=20), max_size=2).map(tuple)
    publisher_st = organizations()
    title_st = texts()

    @st.composite
    def build(draw: st.DrawFn) -> Article:
        published = draw(published_st).replace(microsecond=0)
        count = draw(count_st)
        ids = draw(ids_st[count])
        linked = []
        for ident in ids:
            event = draw(event_st)
            others = [i for i in ids if i != ident]
            related = (
                tuple(draw(st.lists(st.sampled_from(others), max_size=2, unique=True))) if others else ()
            )
            when = None
            if draw(dated) or needs_date(event):
                # Never dated after publication: the period starts at or before it.
                precision = draw(precision_st)
                start = precision.truncate(published - draw(back))
                when = TimeRef(start=start, precision=precision, text=draw(ref_text), approximate=draw(dated))
            linked.append(attrs.evolve(event, id=ident, related=related, when=when))
        updated = draw(updated_st)
        return Article(
            id=draw(SLUGS),
            title=draw(title_st),
            published=published,
            publisher=draw(publisher_st),
            url=draw(url_st),
            subtitle=draw(subtitle_st),
            updated=None if updated is None else published + updated,
            language=draw(language_st),
            authors=draw(authors_st),
            body=tuple(_paragraph(e) for e in linked) if with_body else (),
            events=tuple(linked),
            topics=draw(topics_st),
            uri=draw(uri_st),
        )

    return build()


def documents(*, max_events: int = 4) -> st.SearchStrategy[dict[str, Any]]:
    """JSON-ready dicts of valid articles, as :func:`~newsevents.to_dict` writes them.

    Args:
        max_events: The most events in a document.
    """
    check_size("max_events", max_events)
    return articles(max_events=max_events).map(to_dict)


class InvalidDocument(NamedTuple):
    """An article document broken in one known way, and the path its error must name."""

    document: dict[str, Any]
    """The broken document."""
    path: str
    """The path that ``from_dict(Article, document)`` must report."""
    defect: str
    """Which defect: missing_field, wrong_type, unknown_key, unknown_tag, bad_enum or naive_datetime."""


_DEFECTS = ("missing_field", "wrong_type", "unknown_key", "unknown_tag", "bad_enum", "naive_datetime")


def invalid_documents(*, max_events: int = 3) -> st.SearchStrategy[InvalidDocument]:
    """Article documents with exactly one defect, each paired with the path its error must name.

    The defects: a missing required field, a wrong type, an unknown key, an
    unknown event tag, a bad enum value, a naive datetime.

    Args:
        max_events: The most events in a document (at least 1: some defects are in an event).

    >>> from hypothesis import given, settings
    >>> from newsevents import Article, ValidationError, from_dict
    >>> @settings(max_examples=20)
    ... @given(invalid_documents())
    ... def check(case):
    ...     try:
    ...         from_dict(Article, case.document)
    ...     except ValidationError as err:
    ...         assert case.path in [e.path for e in err.errors]
    ...     else:
    ...         raise AssertionError("accepted a broken document")
    >>> check()
    """
    check_size("max_events", max_events, 1)
    article_st = articles(min_events=1, max_events=max_events)

    @st.composite
    def build(draw: st.DrawFn) -> InvalidDocument:
        doc = to_dict(draw(article_st))
        i = draw(st.integers(0, len(doc["events"]) - 1))
        event = doc["events"][i]
        defect = draw(st.sampled_from(_DEFECTS))
        if defect == "missing_field":
            field = draw(st.sampled_from(("title", "published", "publisher", "id")))
            del doc[field]
            return InvalidDocument(doc, f"$.{field}", defect)
        if defect == "wrong_type":
            where = draw(st.sampled_from(("title", "topics", "event_id")))
            if where == "title":
                doc["title"] = draw(st.integers() | st.booleans() | st.just(None))
                return InvalidDocument(doc, "$.title", defect)
            if where == "topics":
                doc["topics"] = draw(texts())
                return InvalidDocument(doc, "$.topics", defect)
            event["id"] = draw(st.integers())
            return InvalidDocument(doc, f"$.events[{i}].id", defect)
        if defect == "unknown_key":
            key = "x_" + draw(slugs(max_size=8)).replace(".", "_").replace(":", "_").replace("-", "_")
            event[key] = draw(st.integers())
            return InvalidDocument(doc, f"$.events[{i}].{key}", defect)
        if defect == "unknown_tag":
            event["type"] = "unknown_" + draw(slugs(max_size=8))
            return InvalidDocument(doc, f"$.events[{i}].type", defect)
        if defect == "bad_enum":
            event["certainty"] = draw(st.sampled_from(("CONFIRMED", "sure", "", "maybe")))
            return InvalidDocument(doc, f"$.events[{i}].certainty", defect)
        doc["published"] = doc["published"][:19]
        return InvalidDocument(doc, "$.published", defect)

    return build()
