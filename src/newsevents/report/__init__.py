"""See a story: self-contained HTML pages of an article, a corpus or a query's result, with a timeline.

:func:`to_html` makes one page: inline CSS and SVG, no script, nothing fetched, so it works offline
and can be mailed or archived as one file. Every string that comes from an article is escaped: a
body holding ``<script>`` shows those characters and runs nothing (the page's content security
policy forbids scripts besides). :func:`preview_html` makes the short fragment that notebooks show
for an :class:`~newsevents.Article` or a query's :class:`~newsevents.Hits`.

>>> from newsevents import from_json, Article
>>> from newsevents.report import to_html
>>> with open("examples/data/lavrov_blinken_call.json", encoding="utf-8") as f:
...     article = from_json(Article, f.read())
>>> page = to_html(article)
>>> page.startswith("<!DOCTYPE html>"), 'data-event="call-request"' in page, "<script" in page
(True, True, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Literal

from newsevents.article import Article
from newsevents.corpus import Corpus, Hit
from newsevents.entities import actor_key
from newsevents.report._describe import actor_label, iso_utc
from newsevents.report._page import actors_list, document, events_table, legend, style
from newsevents.report._timeline import Item, Lane, close_up, timeline_svg

__all__ = ["LaneKind", "preview_html", "to_html"]

LaneKind = Literal["event", "story", "actor"]
"""How the timeline groups events: a lane per ``event`` (an article's default), per ``story`` (one
article; a collection's default) or per ``actor`` (an event appears in the lane of each of its actors)."""

_Subject = Article | Corpus | Sequence[Hit]
_DOT = " \u00b7 "
_PREVIEW_TIMELINE = 40  # a notebook draws the timeline of results up to this many events


def _collect(subject: _Subject) -> tuple[list[Article], list[Item], bool]:
    """The articles, the events to show (in order) and whether the subject is a collection."""
    if isinstance(subject, Article):
        return [subject], [Item(subject.id, e) for e in subject.events], False
    if isinstance(subject, Corpus):
        articles = list(subject)
        return articles, [Item(a.id, e) for a in articles for e in a.events], True
    if isinstance(subject, (str, bytes)) or not isinstance(subject, Sequence):
        found = type(subject).__name__
        raise TypeError(f"to_html takes an Article, a Corpus or a list of Hits, found {found}")
    seen: dict[str, Article] = {}
    items: list[Item] = []
    for n, hit in enumerate(subject):
        if not isinstance(hit, Hit):
            raise TypeError(f"to_html takes a list of Hits, found {type(hit).__name__} at [{n}]")
        seen.setdefault(hit.article.id, hit.article)
        items.append(Item(hit.article.id, hit.event))
    return list(seen.values()), items, True


def _lanes(items: Sequence[Item], kind: LaneKind) -> list[Lane]:
    if kind == "event":  # in time order, so that the marks run down the page left to right
        ordered = sorted(items, key=lambda i: (i.event.when is None, i.event.when and i.event.when.start))
        return [Lane(item.event.id, (item,)) for item in ordered]
    groups: dict[object, tuple[str, list[Item]]] = {}
    for item in items:
        if kind == "story":
            groups.setdefault(item.article, (item.article, []))[1].append(item)
            continue
        actors = item.event.parties().everyone
        keys = dict.fromkeys((actor_key(a), actor_label(a)) for a in actors) or {(("", ""), "no actor"): None}
        for key, label in keys:
            groups.setdefault(key, (label, []))[1].append(item)
    lanes = [Lane(label, tuple(found)) for label, found in groups.values()]
    if kind == "actor":  # the busiest actors first
        lanes.sort(key=lambda lane: -len(lane.items))
    return lanes


def _header(articles: Sequence[Article], items: Sequence[Item], collection: bool, title: str | None) -> str:
    if not collection:
        article = articles[0]
        meta = [article.publisher.name, article.published.isoformat()]
        if article.updated is not None:
            meta.append(f"updated {article.updated.isoformat()}")
        if article.authors:
            meta.append("by " + ", ".join(a.name for a in article.authors))
        parts = [f"<h1>{escape(title or article.title)}</h1>"]
        if title is not None:
            parts.append(f'<p class="sub">{escape(article.title)}</p>')
        if article.subtitle:
            parts.append(f'<p class="sub">{escape(article.subtitle)}</p>')
        parts.append(f'<p class="meta">{escape(_DOT.join(meta))}</p>')
        if article.url:
            link = escape(article.url, quote=True)
            parts.append(
                f'<p class="meta"><a href="{link}" rel="noopener noreferrer">{escape(article.url)}</a></p>'
            )
        return "".join(parts)
    dated = [i.event.when for i in items if i.event.when is not None]
    counts = f"{len(items)} events in {len(articles)} articles"
    if dated:
        counts += (
            f", {iso_utc(min(w.start for w in dated))[:10]} to {iso_utc(max(w.end for w in dated))[:10]}"
        )
    listed = "".join(
        f"<li>{escape(a.title)} <span class='meta'>({escape(a.publisher.name)}, {a.published.date()}, "
        f"{escape(a.id)})</span></li>"
        for a in articles
    )
    return (
        f"<h1>{escape(title or 'Events')}</h1><p class='meta'>{escape(counts)}</p>"
        f"<details><summary>Articles</summary><ul>{listed}</ul></details>"
    )


def _close_up(items: Sequence[Item], kind: LaneKind) -> str:
    inside = close_up(items)
    if not inside:
        return ""
    starts = [i.event.when.start for i in inside if i.event.when is not None]
    ends = [i.event.when.end for i in inside if i.event.when is not None]
    span = f"{iso_utc(min(starts))[:10]} to {iso_utc(max(ends))[:10]}"
    note = f"{len(inside)} of {len(items)} events, drawn to the scale of these days alone"
    return f"<h3>Close-up: {span}</h3><p class='note'>{note}</p>{timeline_svg(_lanes(inside, kind))}"


def to_html(subject: _Subject, *, title: str | None = None, lanes: LaneKind | None = None) -> str:
    """One self-contained HTML page: header, timeline, the events, the actors and what each did.

    Args:
        subject: An :class:`~newsevents.Article`, a :class:`~newsevents.Corpus`, or the hits of a
            query (:meth:`Corpus.find <newsevents.Corpus.find>`; any sequence of
            :class:`~newsevents.Hit`).
        title: The page's heading; an article's headline, or "Events" for a collection, by default.
        lanes: How the timeline groups events (see :data:`LaneKind`): a lane per event for an
            article, per story (article) for a collection, unless given.

    Returns:
        The page, as text: UTF-8, about 20 KB for a short article. Write it to a ``.html`` file.

    Raises:
        TypeError: The subject is none of those.
        ValueError: ``lanes`` is not one of ``"event"``, ``"story"``, ``"actor"``.
    """
    articles, items, collection = _collect(subject)
    kind = lanes or ("story" if collection else "event")
    if kind not in ("event", "story", "actor"):
        raise ValueError(f"lanes: expected 'event', 'story' or 'actor', found {kind!r}")
    body = [
        _header(articles, items, collection, title),
        f"<h2>Timeline</h2>{legend(items)}",
        timeline_svg(_lanes(items, kind)),
        _close_up(items, kind),
        f"<h2>Events ({len(items)})</h2>",
        events_table(items, with_article=collection),
        "<h2>Actors</h2>",
        actors_list(items, with_article=collection),
    ]
    page_title = title or (articles[0].title if not collection else f"Events: {len(items)}")
    return document(page_title, "".join(body), items)


def preview_html(subject: _Subject, *, max_events: int = 20) -> str:
    """A short HTML fragment for a notebook: a line of header, the timeline of a small result, a table.

    The table shows at most ``max_events`` events; the timeline is drawn for up to 40 events.
    :func:`to_html` makes the whole page.
    """
    articles, items, collection = _collect(subject)
    if collection:
        head = f"<p class='meta'><b>{len(items)} events</b> in {len(articles)} articles</p>"
    else:
        article = articles[0]
        meta = f"{article.publisher.name}, {article.published.isoformat()}, {len(items)} events"
        head = f"<p><b>{escape(article.title)}</b></p><p class='meta'>{escape(meta)}</p>"
    parts = [f'<div class="ne-report">{style(items)}{head}']
    if items and len(items) <= _PREVIEW_TIMELINE:
        parts.append(timeline_svg(_lanes(items, "story" if collection else "event")))
    if items:
        parts.append(events_table(items, with_article=collection, limit=max_events))
    parts.append("</div>")
    return "".join(parts)
