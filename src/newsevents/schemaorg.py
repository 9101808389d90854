"""schema.org JSON-LD: an article as a ``NewsArticle`` with its quotations, requests and detentions.

Each entity becomes one node (``Person``, ``Organization``, ``Country``,
``Place``) with a blank-node ``@id``: described in full where it first appears,
referred to by ``{"@id": ...}`` after that. Known Wikidata items are linked with
``sameAs``. Statements become ``Quotation`` nodes (verbatim words as ``text``,
reported speech as ``abstract``) and diplomatic requests
``AskAction`` nodes, under the article's ``about``. schema.org has no type for a
detention: it becomes a plain ``Action`` (the holder its ``agent``, the detainee
its ``object``), its stage, charges and sentence kept only as text in ``name``
and ``description``.

Every value is in the range schema.org gives its property (release 30.0):

- A country that acts (an ``agent``, a ``creator``, a ``recipient`` or a
  ``participant``, whose ranges are ``Organization`` and ``Person``) is its state:
  a ``GovernmentOrganization`` node (``@id`` ``_:government-<code>``) named as the
  country, whose ``areaServed`` is the ``Country``. Where a place or any thing is
  in range (``object``, ``about``, ``mentions``), the ``Country`` itself is written.
- ``startTime`` (range ``DateTime``) is a full date and time: the first instant of
  the event's period, with its offset. When the period is a day, a week, a month or
  a year, that instant is not the time of the event, so the period itself, at its
  precision (:func:`iso_period`: ``"2012"``, ``"2022-07-28"``), is also written in
  the ``description`` (``"date: 2012"``). A quotation's ``dateCreated`` (range ``Date``
  or ``DateTime``) is a ``Date`` for a day, a ``DateTime`` for a time, and otherwise
  the period's start with the same note.
- ``actionStatus`` is an IRI node of the ``ActionStatusType`` enumeration
  (``{"@id": "https://schema.org/CompletedActionStatus"}``), not a string.
- Dates with an offset in seconds (a local mean time) are written in UTC, since a
  ``DateTime`` offset is hours and minutes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Final

from newsevents._registry import rendering
from newsevents.article import Article
from newsevents.dates import Precision, TimeRef
from newsevents.entities import Actor, Country, Organization, Person, Place, country_name
from newsevents.events import (
    Detention,
    DiplomaticRequest,
    Event,
    QuoteMode,
    RequestStatus,
    Statement,
    register_rendering,
    tag_of,
)

__all__ = ["CONTEXT", "WIKIDATA", "iso_period", "to_schema_org"]

CONTEXT: Final = "https://schema.org"
"""The JSON-LD ``@context`` of the output."""
WIKIDATA: Final = "https://www.wikidata.org/wiki/"
"""The prefix of the ``sameAs`` URL of an entity with a Wikidata id."""
_STATUS: Final = "https://schema.org/"
_ACTION_STATUS: Final = {
    RequestStatus.MADE: "ActiveActionStatus",
    RequestStatus.RECEIVED: "ActiveActionStatus",
    RequestStatus.UNDER_CONSIDERATION: "ActiveActionStatus",
    RequestStatus.ACCEPTED: "CompletedActionStatus",
    RequestStatus.FULFILLED: "CompletedActionStatus",
    RequestStatus.DECLINED: "FailedActionStatus",
    RequestStatus.WITHDRAWN: "FailedActionStatus",
}


def iso_period(ref: TimeRef) -> str:
    """A period in ISO 8601 at its own precision, as schema.org dates take it.

    >>> iso_period(TimeRef.of(2012)), iso_period(TimeRef.of(2022, 7)), iso_period(TimeRef.of(2022, 7, 28))
    ('2012', '2022-07', '2022-07-28')
    >>> iso_period(TimeRef.of(2022, 7, 28, 22, 23))
    '2022-07-28T22:23:00+00:00'
    """
    start = ref.start
    if ref.precision is Precision.YEAR:
        return f"{start.year:04d}"
    if ref.precision is Precision.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if ref.precision is Precision.WEEK:
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if ref.precision is Precision.DAY:
        return start.date().isoformat()
    return start.isoformat()


class _Graph:
    """Hands out entity nodes: in full the first time, as a reference after."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def node(self, entity: Person | Organization | Country | Place) -> dict[str, Any]:
        if isinstance(entity, Country):
            return self._country(entity.code)
        key = f"_:{type(entity).__name__.lower()}-{entity.id}"
        if key in self._seen:
            return {"@id": key}
        self._seen.add(key)
        out: dict[str, Any] = {
            "@type": type(entity).__name__,
            "@id": key,
            "identifier": entity.id,
            "name": entity.name,
        }
        if isinstance(entity, Place):
            if entity.country:
                out["containedInPlace"] = self._country(entity.country)
            return out
        if entity.aliases:
            out["alternateName"] = list(entity.aliases)
        if entity.wikidata:
            out["sameAs"] = WIKIDATA + entity.wikidata
        if isinstance(entity, Organization):
            if entity.country:
                out["address"] = {"@type": "PostalAddress", "addressCountry": entity.country}
            return out
        if entity.description:
            out["description"] = entity.description
        if entity.nationality:
            out["nationality"] = [self._country(code) for code in entity.nationality]
        if entity.roles:
            out["jobTitle"] = [role.title for role in entity.roles]
            employers = [role.organization for role in entity.roles if role.organization is not None]
            if employers:
                out["worksFor"] = [self.node(org) for org in employers]
        return out

    def actor(self, entity: Actor) -> dict[str, Any]:
        """An actor where the range is ``Organization`` or ``Person``: a country is its government."""
        if not isinstance(entity, Country):
            return self.node(entity)
        key = f"_:government-{entity.code}"
        if key in self._seen:
            return {"@id": key}
        self._seen.add(key)
        name = country_name(entity.code) or entity.code
        return {
            "@type": "GovernmentOrganization",
            "@id": key,
            "identifier": entity.code,
            "name": name,
            "areaServed": self._country(entity.code),
        }

    def _country(self, code: str) -> dict[str, Any]:
        key = f"_:country-{code}"
        if key in self._seen:
            return {"@id": key}
        self._seen.add(key)
        return {"@type": "Country", "@id": key, "name": country_name(code) or code, "identifier": code}

    def nodes(self, actors: tuple[Actor, ...]) -> list[dict[str, Any]]:
        return [self.node(a) for a in actors]

    def actors(self, actors: tuple[Actor, ...]) -> list[dict[str, Any]]:
        return [self.actor(a) for a in actors]


_TIMES: Final = frozenset((Precision.HOUR, Precision.MINUTE, Precision.SECOND))


def _datetime(moment: datetime) -> str:
    """A schema.org ``DateTime``: an offset in seconds is not one, so such a moment is written in UTC."""
    offset = moment.utcoffset() or timedelta(0)
    return (moment.astimezone(UTC) if offset % timedelta(minutes=1) else moment).isoformat()


def _date(ref: TimeRef, out: dict[str, Any], key: str, *, day: bool) -> None:
    """``out[key]`` in range for ``ref``; a period longer than a time is also noted in ``description``.

    ``day``: whether the property's range includes ``Date`` (a day is then written as one).
    """
    if ref.precision is Precision.DAY and day:
        out[key] = ref.start.date().isoformat()
        return
    out[key] = _datetime(ref.start)
    if ref.precision not in _TIMES:
        text = out.get("description", "").rstrip(".")
        out["description"] = f"{text}. date: {iso_period(ref)}" if text else f"date: {iso_period(ref)}"


def _common(event: Event, kind: str) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": kind, "@id": f"_:event-{event.id}", "identifier": event.id}
    if event.summary:
        out["description"] = event.summary
    return out


def _quotation(event: Statement, graph: _Graph) -> dict[str, Any]:
    out = _common(event, "Quotation")
    # schema.org's Quotation holds verbatim words: the text of a direct statement, the
    # quoted fragments of a mixed one. Reported speech is a summary of what was said.
    if event.mode is QuoteMode.DIRECT:
        out["text"] = event.text
    else:
        if event.quotes:
            out["text"] = " \u2026 ".join(event.quotes)
        out["abstract"] = event.text
    out["creator"] = graph.actor(event.speaker)
    if isinstance(event.speaker, Person):
        out["spokenByCharacter"] = {"@id": out["creator"].get("@id")}
    if event.about:
        out["about"] = graph.nodes(event.about)
    if event.when is not None:
        _date(event.when, out, "dateCreated", day=True)
    if event.place is not None:
        out["locationCreated"] = graph.node(event.place)
    return out


def _action(event: Event, kind: str, graph: _Graph) -> dict[str, Any]:
    out = _common(event, kind)
    parties = event.parties()
    if parties.acting:
        out["agent"] = graph.actor(parties.acting[0])
    if event.when is not None:
        _date(event.when, out, "startTime", day=False)
    if event.place is not None:
        out["location"] = graph.node(event.place)
    return out


def _ask(event: DiplomaticRequest, graph: _Graph) -> dict[str, Any]:
    out = _action(event, "AskAction", graph)
    out["name"] = f"request for a {event.kind.value.replace('_', ' ')}"
    out["recipient"] = graph.actor(event.addressee)
    out["actionStatus"] = {"@id": _STATUS + _ACTION_STATUS[event.status]}  # an enumeration member: an IRI
    if event.participants:
        out["participant"] = graph.actors(event.participants)
    if event.purpose:
        out["description"] = " ".join(filter(None, (out.get("description"), f"Purpose: {event.purpose}.")))
    return out


def _detention(event: Detention, graph: _Graph) -> dict[str, Any]:
    out = _action(event, "Action", graph)
    out["name"] = f"{event.detainee.name} {event.status.value} by {event.held_by.name}"
    out["object"] = graph.node(event.detainee)
    facts = [out.pop("description")] if "description" in out else []  # the summary and the date note
    if event.charges:
        facts.append(f"charges: {'; '.join(event.charges)}")
    term = event.sentence
    if term is not None:
        parts = [
            f"{n} {unit}"
            for n, unit in ((term.years, "years"), (term.months, "months"), (term.days, "days"))
            if n
        ]
        facts.append("sentence: " + ("life" if term.life else ", ".join(parts)))
    if facts:
        out["description"] = ". ".join(facts)
    return out


register_rendering(Statement, schema_org=_quotation)
register_rendering(DiplomaticRequest, schema_org=_ask)
register_rendering(Detention, schema_org=_detention)


def _event(event: Event, graph: _Graph) -> dict[str, Any]:
    render = rendering(type(event), "schema_org")
    if render is not None:
        return dict(render(event, graph))
    # A type without a rendering: an Action with every party, named by its tag.
    out = _action(event, "Action", graph)
    out["name"] = tag_of(type(event)) or type(event).__name__
    parties = event.parties()
    if parties.receiving:
        out["object"] = graph.nodes(parties.receiving)
    involved = parties.acting[1:] + parties.other
    if involved:  # participant's range is Organization or Person: a country as its government
        out["participant"] = graph.actors(involved)
    return out


def _mentioned(article: Article) -> list[Person | Organization | Country | Place]:
    found: dict[tuple[str, str], Person | Organization | Country | Place] = {}
    for event in article.events:
        for actor in [*event.parties().everyone, *([event.place] if event.place else [])]:
            key = (type(actor).__name__, actor.code if isinstance(actor, Country) else actor.id)
            found.setdefault(key, actor)
    return list(found.values())


def to_schema_org(article: Article) -> dict[str, Any]:
    """The article as schema.org JSON-LD: a ``NewsArticle`` node with its events and entities.

    ``headline``, ``alternativeHeadline``, ``datePublished``, ``dateModified``,
    ``publisher``, ``author``, ``inLanguage``, ``url``, ``articleBody`` (paragraphs
    separated by blank lines), ``keywords`` (the topics), ``about`` (the events)
    and ``mentions`` (every person, organisation, country and place the events
    involve). Dates of events keep their precision (``"2012"``, ``"2022-07"``).

    >>> from datetime import datetime, UTC
    >>> from newsevents import Article, Organization
    >>> rt = Organization(name="RT", wikidata="Q275883")
    >>> doc = to_schema_org(Article(id="a1", title="A title", published=datetime(2022, 7, 28, tzinfo=UTC),
    ...                             publisher=rt))
    >>> doc["@type"], doc["publisher"]["sameAs"]
    ('NewsArticle', 'https://www.wikidata.org/wiki/Q275883')
    """
    graph = _Graph()
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": "_:article",
        "identifier": article.id,
        "headline": article.title,
    }
    if article.subtitle:
        doc["alternativeHeadline"] = article.subtitle
    doc["datePublished"] = _datetime(article.published)
    if article.updated is not None:
        doc["dateModified"] = _datetime(article.updated)
    if article.url:
        doc["url"] = article.url
    doc["inLanguage"] = article.language
    doc["publisher"] = graph.node(article.publisher)
    if article.authors:
        doc["author"] = graph.nodes(article.authors)
    if article.body:
        doc["articleBody"] = "\n\n".join(article.body)
    if article.topics:
        doc["keywords"] = list(article.topics)
    if article.events:
        doc["about"] = [_event(e, graph) for e in article.events]
        doc["mentions"] = [graph.node(entity) for entity in _mentioned(article)]
    return doc
