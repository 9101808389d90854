"""The article: its metadata, its text, and the events it reports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import attrs

from newsevents._base import Model
from newsevents.dates import fixed_offset, fixed_offset_or_none
from newsevents.entities import Organization, Person
from newsevents.events import Detention, DiplomaticRequest, Event, Statement
from newsevents.validators import bcp47, checks, http_url, non_blank, non_http_uri, slug, stripped

__all__ = ["Article"]


def _instant_and_offset(moment: datetime | None) -> tuple[datetime | None, timedelta | None]:
    # Same reason as TimeRef.start: equal articles must serialize to identical bytes.
    return (moment, moment.utcoffset() if moment is not None else None)


@attrs.frozen(kw_only=True)
class Article(Model):
    """A news article and the events it reports.

    Attributes:
        id: A slug that names the article in your collection.
        title: The headline.
        published: When it was published, timezone-aware.
        publisher: The outlet that published it.
        url: Its absolute http(s) address, if known.
        subtitle: The standfirst or deck, if any.
        updated: When it was last updated, timezone-aware, not before ``published``.
        language: A BCP 47 language tag.
        authors: The byline.
        body: The text, one paragraph per item (may be left empty when you do not hold the rights).
        events: What the article reports, in article order; ids are unique and
            every ``related`` id names one of them.
        topics: Free-form subject labels.
        uri: The identifier the article came with when it is not an http(s) address, such as an
            agency's ``urn:newsml:...`` URI (an http(s) one is the ``url``); ninjs exports write it
            back unchanged as the item's ``uri``.

    >>> from datetime import datetime, UTC
    >>> from newsevents import Organization, OrgKind
    >>> rt = Organization(name="RT", kind=OrgKind.MEDIA, country="RU")
    >>> a = Article(id="a1", title="A title", published=datetime(2022, 7, 28, tzinfo=UTC), publisher=rt)
    >>> a.language, a.events
    ('en', ())
    """

    id: str = attrs.field(metadata=checks(slug))
    title: str = attrs.field(metadata=checks(stripped))
    published: datetime = attrs.field(eq=_instant_and_offset, converter=fixed_offset)
    publisher: Organization
    url: str | None = attrs.field(default=None, metadata=checks(http_url))
    subtitle: str | None = attrs.field(default=None, metadata=checks(stripped))
    updated: datetime | None = attrs.field(
        default=None, eq=_instant_and_offset, converter=fixed_offset_or_none
    )
    language: str = attrs.field(default="en", metadata=checks(bcp47))
    authors: tuple[Person | Organization, ...] = ()
    body: tuple[str, ...] = attrs.field(default=(), metadata=checks(each=(non_blank,)))
    events: tuple[Event, ...] = ()
    topics: tuple[str, ...] = attrs.field(default=(), metadata=checks(each=(stripped,)))
    uri: str | None = attrs.field(default=None, metadata=checks(non_http_uri))

    def _invariants(self) -> list[tuple[str | tuple[str | int, ...], str, str]]:
        found: list[tuple[str | tuple[str | int, ...], str, str]] = []
        if self.updated is not None and self.updated < self.published:
            found.append(
                (
                    "updated",
                    f"expected a time not before published ({self.published.isoformat()}),"
                    f" found {self.updated.isoformat()}",
                    "invariant",
                )
            )
        first: dict[str, int] = {}
        for i, event in enumerate(self.events):
            if event.id in first:
                found.append(
                    (
                        ("events", i, "id"),
                        f"duplicate event id {event.id!r}, first used at events[{first[event.id]}]",
                        "duplicate_id",
                    )
                )
            else:
                first[event.id] = i
        for i, event in enumerate(self.events):
            for j, ref in enumerate(event.related):
                if ref == event.id:
                    found.append(
                        (
                            ("events", i, "related", j),
                            f"an event cannot be related to itself ({ref!r})",
                            "reference",
                        )
                    )
                elif ref not in first:
                    known = ", ".join(sorted(first)) or "none"
                    found.append(
                        (
                            ("events", i, "related", j),
                            f"expected the id of an event in this article, found {ref!r} (ids: {known})",
                            "reference",
                        )
                    )
        return found

    @property
    def statements(self) -> tuple[Statement, ...]:
        """The statements, in article order."""
        return tuple(e for e in self.events if isinstance(e, Statement))

    @property
    def requests(self) -> tuple[DiplomaticRequest, ...]:
        """The diplomatic requests, in article order."""
        return tuple(e for e in self.events if isinstance(e, DiplomaticRequest))

    @property
    def detentions(self) -> tuple[Detention, ...]:
        """The detentions, in article order."""
        return tuple(e for e in self.events if isinstance(e, Detention))

    def _repr_html_(self) -> str:
        """What a notebook shows: the headline, the timeline and a table of the first events."""
        # Imported here: the model knows nothing of its exports; the report code loads when displayed.
        from newsevents.report import preview_html  # noqa: PLC0415

        return preview_html(self)

    def find(self, predicate: Callable[[Event], bool]) -> tuple[Event, ...]:
        """The events that match a predicate (see :mod:`newsevents.query`), in article order.

        >>> from datetime import UTC
        >>> from newsevents.query import of_type
        >>> from newsevents import Statement
        >>> Article(id="a", title="T", published=datetime(2022, 7, 28, tzinfo=UTC),
        ...         publisher=Organization(name="RT")).find(of_type(Statement))
        ()
        """
        return tuple(e for e in self.events if predicate(e))

    def event(self, id: str) -> Event:
        """The event with this id.

        Raises:
            KeyError: No event of the article has that id; the message lists the ids.
        """
        for e in self.events:
            if e.id == id:
                return e
        known = ", ".join(e.id for e in self.events) or "none"
        raise KeyError(f"no event {id!r} in article {self.id!r} (ids: {known})")

    def related(self, event_or_id: Event | str) -> tuple[Event, ...]:
        """The events linked to one event, in either direction, in article order.

        Raises:
            KeyError: The event is not in this article.
        """
        ident = event_or_id if isinstance(event_or_id, str) else event_or_id.id
        target = self.event(ident)
        linked = set(target.related)
        return tuple(e for e in self.events if e.id != ident and (e.id in linked or ident in e.related))
