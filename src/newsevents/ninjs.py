"""IPTC ninjs 3.1 (News in JSON): export an article, import news items as agencies send them.

:func:`to_ninjs` writes a ninjs 3.1 object that validates against the IPTC's
schema; :func:`from_ninjs` reads one back, or an agency's item, into an
:class:`~newsevents.Article` with no events, so that encoding can start from a
feed. ninjs describes the item, not what it reports: the trip loses detail
either way (see the explanation page of the documentation for the full list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any, Final, cast

import attrs

from newsevents._registry import rendering
from newsevents.article import Article
from newsevents.entities import Country, Organization, OrgKind, Person, Place, slugify
from newsevents.errors import ErrorDetail, ValidationError
from newsevents.events import Detention, DiplomaticRequest, Event, Statement, register_rendering, tag_of
from newsevents.validators import describe, http_url, slug

__all__ = ["ID_ROLE", "NINJS_SCHEMA", "from_ninjs", "to_ninjs"]

NINJS_SCHEMA: Final = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
"""The ``$id`` of the ninjs 3.1 JSON Schema, named in the ``standard`` object of every export."""
ID_ROLE: Final = "newsevents:id"
"""The ``altIds`` role that carries the article's newsevents id."""
_URN: Final = "urn:newsevents:article:"
_WIKIDATA_URI = "http://www.wikidata.org/entity/"
_WIKIDATA = re.compile(r"https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/(Q[1-9][0-9]*)")
_COUNTRY_URI = "http://cvx.iptc.org/iso3166-1a2/"  # as the IPTC's own ninjs examples write it


def _time(moment: datetime) -> str:
    # RFC 3339 offsets are whole minutes; a rare offset with seconds is written in UTC.
    offset = moment.utcoffset() or timedelta(0)
    return (moment.astimezone(UTC) if offset % timedelta(minutes=1) else moment).isoformat()


def _walk(value: object) -> Iterator[Person | Organization | Country | Place]:
    """Every entity inside a model object, depth first, in field order."""
    if isinstance(value, tuple):
        for item in value:
            yield from _walk(item)
        return
    if isinstance(value, (Person, Organization, Country, Place)):
        yield value
    if attrs.has(type(value)):
        for field in attrs.fields(cast("Any", type(value))):
            yield from _walk(getattr(value, field.name))


def _entry(entity: Person | Organization | Place | Country, rel: str) -> dict[str, str]:
    out = {"name": entity.name, "rel": rel}
    if isinstance(entity, Country):
        out["uri"] = _COUNTRY_URI + entity.code.lower()
        out["literal"] = entity.code
        return out
    wikidata = getattr(entity, "wikidata", None)
    if wikidata:
        out["uri"] = _WIKIDATA_URI + wikidata
    out["literal"] = entity.id
    return out


def _entities(article: Article) -> dict[str, list[dict[str, str]]]:
    groups: dict[str, list[dict[str, str]]] = {"people": [], "organisations": [], "places": []}
    seen: set[tuple[str, str]] = set()
    authors = [(a, "author") for a in article.authors]
    others = [(e, "mentions") for e in _walk(article.authors) if e not in article.authors]
    others += [(e, "mentions") for e in _walk(article.events)]
    for entity, rel in authors + others:
        group = {Person: "people", Organization: "organisations"}.get(type(entity), "places")
        key = (group, entity.code if isinstance(entity, Country) else entity.id)
        if key not in seen or rel == "author":  # every author, even one named twice
            seen.add(key)
            groups[group].append(_entry(entity, rel))
    return {name: entries for name, entries in groups.items() if entries}


def _statement_name(event: Statement) -> str:
    return f"{event.speaker.name}: {event.text}"


def _request_name(event: DiplomaticRequest) -> str:
    kind = event.kind.value.replace("_", " ")
    status = event.status.value.replace("_", " ")
    return f"{event.requester.name} asks {event.addressee.name} for a {kind} ({status})"


def _detention_name(event: Detention) -> str:
    return f"{event.detainee.name} {event.status.value} by {event.held_by.name}"


register_rendering(Statement, ninjs=_statement_name)
register_rendering(DiplomaticRequest, ninjs=_request_name)
register_rendering(Detention, ninjs=_detention_name)


def _generic_name(event: Event) -> str:
    """A type without a ninjs rendering: its tag, and who acted towards whom."""
    parties = event.parties()
    who = ", ".join(a.name for a in parties.acting or parties.other)
    towards = f" -> {', '.join(a.name for a in parties.receiving)}" if parties.receiving else ""
    tag = tag_of(type(event)) or type(event).__name__
    return f"{tag} {event.id}: {who}{towards}" if who or towards else f"{tag} {event.id}"


def _event_name(event: Event) -> str:
    if event.summary:
        return event.summary
    name = rendering(type(event), "ninjs")
    return str(name(event)) if name is not None else _generic_name(event)


def to_ninjs(article: Article) -> dict[str, Any]:
    """The article as a ninjs 3.1 news item.

    ``uri`` is the article's URL, or ``urn:newsevents:article:<id>`` without one;
    the id itself travels in ``altIds`` (role ``newsevents:id``). Headlines have
    the roles ``main`` and ``sub``; the byline is ``by``, the publisher an
    ``infoSources`` entry with the role ``publisher``; the body is one
    ``text/plain`` body with paragraphs separated by blank lines; topics are
    ``subjects``. Every person, organisation, place and country in the article
    is listed (``rel`` ``author`` or ``mentions``, ``uri`` the Wikidata entity or
    the IPTC country code, ``literal`` the newsevents id), and every event is an
    ``events`` entry (``id``, ``name``, ``rel`` its certainty, ``literal`` its type tag).

    >>> from datetime import datetime, UTC
    >>> from newsevents import Article, Organization
    >>> a = Article(id="a1", title="A title", published=datetime(2022, 7, 28, tzinfo=UTC),
    ...             publisher=Organization(name="RT"))
    >>> item = to_ninjs(a)
    >>> item["uri"], item["headlines"]
    ('urn:newsevents:article:a1', [{'role': 'main', 'value': 'A title'}])
    """
    item: dict[str, Any] = {
        "uri": article.url or _URN + article.id,
        "standard": {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA},
        "type": "text",
        # A body may be left out when its rights are not held: the item is then partial.
        "representationType": "full" if article.body else "partial",
        "firstCreated": _time(article.published),
    }
    if article.updated is not None:
        item["versionCreated"] = _time(article.updated)
    item["language"] = article.language
    item["altIds"] = [{"role": ID_ROLE, "value": article.id}]
    headlines = [{"role": "main", "value": article.title}]
    if article.subtitle:
        headlines.append({"role": "sub", "value": article.subtitle})
    item["headlines"] = headlines
    if article.authors:
        item["by"] = ", ".join(a.name for a in article.authors)
    publisher = _entry(article.publisher, "publisher")
    item["infoSources"] = [{"role": publisher.pop("rel"), **publisher}]
    if article.body:
        item["bodies"] = [{"role": "main", "contentType": "text/plain", "value": "\n\n".join(article.body)}]
    if article.topics:
        item["subjects"] = [{"name": topic} for topic in article.topics]
    item.update(_entities(article))
    if article.events:
        item["events"] = [
            {
                "id": e.id,
                "name": _event_name(e),
                "rel": e.certainty.value,
                "literal": tag_of(type(e)) or type(e).__name__,
            }
            for e in article.events
        ]
    return item


# ---------------------------------------------------------------- reading


_TOP = (
    "uri", "type", "firstCreated", "versionCreated", "contentCreated", "language", "altIds", "headlines",
    "by", "infoSources", "copyrightHolder", "bodies", "subjects", "people", "organisations", "title",
)  # fmt: skip
_CANONICAL = {name.lower(): name for name in [*_TOP, "contentType"]}
_BLOCKS = frozenset(
    ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "article", "br", "tr")
)


def _canonical(data: dict[str, Any]) -> dict[str, Any]:
    """Keys in ninjs 3 spelling: ninjs 1 and 2 items write them in lower case (``versioncreated``)."""
    return {_CANONICAL.get(key.lower(), key) if isinstance(key, str) else key: v for key, v in data.items()}


class _Paragraphs(HTMLParser):
    """The text of an HTML body, one string per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, +1)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, -1)

    def _tag(self, tag: str, step: int) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip + step)
        elif tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.found.append(text)
        self._text = []


def _paragraphs(body: dict[str, Any]) -> tuple[str, ...]:
    value = body.get("value")
    if not isinstance(value, str):
        return ()
    if "html" in _string(body.get("contentType")).lower():
        parser = _Paragraphs()
        parser.feed(value)
        parser.close()
        parser.flush()
        return tuple(parser.found)
    return tuple(p.strip() for p in re.split(r"\n\s*\n", value) if p.strip())


def _items(item: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = item.get(key)
    if not isinstance(value, list):
        return []
    return [(i, _canonical(v)) for i, v in enumerate(value) if isinstance(v, dict)]


def _wikidata(entry: dict[str, Any]) -> str | None:
    found = _WIKIDATA.fullmatch(_string(entry.get("uri")))
    return found.group(1) if found else None


def _id(entry: dict[str, Any]) -> dict[str, str]:
    literal = entry.get("literal")
    return {"id": literal} if isinstance(literal, str) and slug(literal) is None else {}


def _moment(value: Any, path: str, errors: list[ErrorDetail]) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.utcoffset() is None:
        errors.append(ErrorDetail(path, f"expected a date-time with a UTC offset, found {describe(value)}"))
        return None
    return moment


_ENTITY_PATHS: Final = {"name": "name", "id": "literal", "wikidata": "uri"}


def _built(cls: Any, path: str, errors: list[ErrorDetail], **values: Any) -> Any:
    """``cls(**values)``, its errors placed under ``path`` (an entry's name, literal or uri)."""
    try:
        return cls(**values)
    except ValidationError as exc:
        for e in exc.errors:
            field = e.path.split(".", 1)[1] if "." in e.path else ""
            errors.append(ErrorDetail(f"{path}.{_ENTITY_PATHS.get(field, field)}".rstrip("."), e.message))
        return None


def _string(value: Any) -> str:
    """A string value as it is; anything else as "" (never ``str()`` of data: it may nest too deeply)."""
    return value if isinstance(value, str) else ""


def _text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _publisher(item: dict[str, Any], errors: list[ErrorDetail]) -> Any:
    for i, source in _items(item, "infoSources"):
        if source.get("role") == "publisher" and "name" in source:
            extra = {**_id(source), "wikidata": _wikidata(source)}
            where, name = f"$.infoSources[{i}]", source["name"]
            break
    else:
        where, name, extra = "$.copyrightHolder", item.get("copyrightHolder"), {}
        if name is None:
            message = "expected a publisher: an infoSources entry with role 'publisher', a copyrightHolder,"
            errors.append(ErrorDetail("$.infoSources", message + " or publisher= from the caller"))
            return None
    return _built(Organization, where, errors, name=_text(name), kind=OrgKind.MEDIA, **extra)


def _authors(item: dict[str, Any], errors: list[ErrorDetail]) -> tuple[Person | Organization, ...]:
    found = []
    for key, cls in (("people", Person), ("organisations", Organization)):
        for i, entry in _items(item, key):
            if entry.get("rel") == "author" and "name" in entry:
                values = {"name": _text(entry["name"]), "wikidata": _wikidata(entry), **_id(entry)}
                found.append(_built(cls, f"$.{key}[{i}]", errors, **values))
    return tuple(found)


def _headline(item: dict[str, Any], roles: tuple[str, ...]) -> tuple[str, Any]:
    for i, headline in _items(item, "headlines"):
        if headline.get("role") in roles:
            return f"$.headlines[{i}].value", _text(headline.get("value"))
    return "", None


def _when(item: dict[str, Any], errors: list[ErrorDetail], where: dict[str, str]) -> dict[str, Any]:
    found = [key for key in ("firstCreated", "versionCreated", "contentCreated") if key in item]
    if not found:
        errors.append(
            ErrorDetail("$.firstCreated", "expected firstCreated, versionCreated or contentCreated")
        )
        return {}
    out = {"published": _moment(item[found[0]], f"$.{found[0]}", errors)}
    where["published"] = f"$.{found[0]}"
    if found[0] == "firstCreated" and "versionCreated" in item:
        out["updated"] = _moment(item["versionCreated"], "$.versionCreated", errors)
        where["updated"] = "$.versionCreated"
    return out


def from_ninjs(item: Any, *, article_id: str | None = None, publisher: Organization | None = None) -> Article:
    """An article from a ninjs item (versions 1 to 3; key spelling of either), with no events.

    What is read: ``uri`` (the ``url`` when it is an http(s) URL), the id (``article_id``,
    else the ``altIds`` entry with role ``newsevents:id``, else the slug of ``uri``),
    the ``main`` headline (else the first, else ``title``) and a ``sub`` one,
    ``firstCreated`` (else ``versionCreated``, else ``contentCreated``) and
    ``versionCreated``, ``language``, the publisher (``publisher``, else the
    ``infoSources`` entry with role ``publisher``, else ``copyrightHolder``), authors
    (``people`` and ``organisations`` with ``rel`` ``author``), the first plain-text
    body (else the first HTML one, a paragraph per block element) and the names of
    ``subjects``. Surrounding white space of names and headlines is dropped.

    Raises:
        ValidationError: Every problem at once, with the path in the ninjs item.

    >>> a = from_ninjs({"uri": "urn:newsml:example.com:20220728:1", "firstCreated": "2022-07-28T22:23:00Z",
    ...                 "headlines": [{"value": "Lavrov will consider US request"}], "copyrightHolder": "RT"})
    >>> a.id, a.publisher.name, a.events
    ('urn-newsml-example-com-20220728-1', 'RT', ())
    """
    if not isinstance(item, dict):
        raise ValidationError.single("$", f"expected a ninjs object, found {describe(item)}")
    item = _canonical(item)
    errors: list[ErrorDetail] = []
    where = {"url": "$.uri", "language": "$.language", "body": "$.bodies", "topics": "$.subjects"}
    uri = item.get("uri")
    if not isinstance(uri, str) or not uri.strip():
        errors.append(ErrorDetail("$.uri", f"expected the item's uri, found {describe(uri)}"))
        uri = ""
    values: dict[str, Any] = {"id": article_id}
    where["id"] = "article_id"
    if article_id is None:
        ids = [(i, e.get("value")) for i, e in _items(item, "altIds") if e.get("role") == ID_ROLE]
        values["id"] = ids[0][1] if ids else slugify(uri.removeprefix(_URN)) or uri
        where["id"] = f"$.altIds[{ids[0][0]}].value" if ids else "$.uri"
    if uri and http_url(uri) is None:
        values["url"] = uri
    where["title"], values["title"] = _headline(item, ("main",))
    heads = _items(item, "headlines")
    if values["title"] is None and heads:
        where["title"], values["title"] = f"$.headlines[{heads[0][0]}].value", _text(heads[0][1].get("value"))
    elif values["title"] is None:
        where["title"], values["title"] = "$.title", _text(item.get("title"))
        if values["title"] is None:
            errors.append(ErrorDetail("$.headlines", "expected a headline (role 'main') or a title"))
    where["subtitle"], subtitle = _headline(item, ("sub", "subheadline", "subtitle"))
    if subtitle is not None:
        values["subtitle"] = subtitle
    values.update(_when(item, errors, where))
    if "language" in item:
        values["language"] = item["language"]
    values["authors"] = _authors(item, errors)
    values["publisher"] = publisher or _publisher(item, errors)
    bodies = _items(item, "bodies")
    plain = [b for b in bodies if "html" not in _string(b[1].get("contentType")).lower()]
    if bodies:
        i, body = (plain or bodies)[0]
        where["body"] = f"$.bodies[{i}].value"
        values["body"] = _paragraphs(body)
    subjects = [(i, _text(s.get("name", s.get("literal")))) for i, s in _items(item, "subjects")]
    values["topics"] = tuple(name for _, name in subjects if isinstance(name, str) and name)
    if errors:
        raise ValidationError(errors)
    try:
        return Article(**values)
    except ValidationError as exc:
        raise ValidationError(_placed(exc.errors, where)) from None


def _placed(errors: tuple[ErrorDetail, ...], where: dict[str, str]) -> list[ErrorDetail]:
    """Errors of ``Article(...)`` moved to where their value was in the ninjs item."""
    out = []
    for e in errors:
        field = re.split(r"[.\[]", e.path.removeprefix("Article."), maxsplit=1)[0]
        out.append(ErrorDetail(where.get(field, "$"), e.message))
    return out
