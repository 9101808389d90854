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
from typing import Any, Final, cast

import attrs

from newsevents._ninjs_text import (
    _TOP,
    _body,
    _built,
    _byline,
    _canonical,
    _items,
    _string,
    _text,
)
from newsevents.article import Article
from newsevents.entities import Country, Organization, OrgKind, Person, Place, slugify
from newsevents.errors import ErrorDetail, ValidationError
from newsevents.events import Detention, DiplomaticRequest, Event, Statement, tag_of
from newsevents.validators import describe, http_url, non_http_uri, slug

__all__ = ["ID_ROLE", "NINJS_SCHEMA", "URL_ROLE", "from_ninjs", "to_ninjs"]

NINJS_SCHEMA: Final = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
"""The ``$id`` of the ninjs 3.1 JSON Schema, named in the ``standard`` object of every export."""
ID_ROLE: Final = "newsevents:id"
"""The ``altIds`` role that carries the article's newsevents id."""
URL_ROLE: Final = "newsevents:url"
"""The ``altIds`` role that carries the article's url when its ``uri`` is the item's uri."""
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


def _event_name(event: Event) -> str:
    if event.summary:
        return event.summary
    if isinstance(event, Statement):
        return f"{event.speaker.name}: {event.text}"
    if isinstance(event, DiplomaticRequest):
        kind = event.kind.value.replace("_", " ")
        status = event.status.value.replace("_", " ")
        return f"{event.requester.name} asks {event.addressee.name} for a {kind} ({status})"
    if isinstance(event, Detention):
        return f"{event.detainee.name} {event.status.value} by {event.held_by.name}"
    return f"{tag_of(type(event)) or type(event).__name__} {event.id}"


def to_ninjs(article: Article) -> dict[str, Any]:
    """The article as a ninjs 3.1 news item.

    ``uri`` is the article's ``uri`` as it came (an agency's URN, say), else its URL, else
    ``urn:newsevents:article:<id>``; the id itself travels in ``altIds`` (role
    ``newsevents:id``), and so does the URL when the ``uri`` took its place (role
    ``newsevents:url``). Headlines have the roles ``main`` and ``sub``; the byline is ``by``, the publisher an
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
        "uri": article.uri or article.url or _URN + article.id,
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
    if article.uri and article.url:  # the uri took the url's place: the url travels beside the id
        item["altIds"].append({"role": URL_ROLE, "value": article.url})
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


_TEXT_TYPES: Final = ("text", "composite")
"""The ninjs types read as an article: a composite is read as its text (see :func:`from_ninjs`)."""
# Keys whose content the model has no place for; anything else unread is reported too.
_READ = frozenset(_TOP)


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


def _publisher_source(item: dict[str, Any]) -> tuple[str, Any, dict[str, Any]] | None:
    """Where the publisher is, by the first rule that applies (see :func:`from_ninjs`)."""
    sources = [(i, s) for i, s in _items(item, "infoSources") if isinstance(s.get("name"), str)]
    for want_role in (True, False):  # role 'publisher' first, then an entry with no role
        for i, source in sources:
            if (source.get("role") == "publisher") if want_role else ("role" not in source):
                extra = {**_id(source), "wikidata": _wikidata(source)}
                return f"$.infoSources[{i}].name", source["name"], extra
    if "copyrightHolder" in item:
        return "$.copyrightHolder", item["copyrightHolder"], {}
    provider = item.get("provider")
    if isinstance(provider, dict) and "name" in provider:
        return "$.provider.name", provider["name"], {}
    if provider is not None:
        return "$.provider", provider, {}
    return None


def _publisher(item: dict[str, Any], errors: list[ErrorDetail]) -> Any:
    found = _publisher_source(item)
    if found is None:
        message = (
            "expected a publisher: an infoSources entry with role 'publisher' or with no role,"
            " a copyrightHolder, a provider, or publisher= from the caller"
        )
        errors.append(ErrorDetail("$.infoSources", message))
        return None
    where, name, extra = found
    if not isinstance(name, str):
        errors.append(
            ErrorDetail(where, f"expected the publisher's name as a string, found {describe(name)}")
        )
        return None
    return _built(
        Organization, where.removesuffix(".name"), errors, name=name.strip(), kind=OrgKind.MEDIA, **extra
    )


def _authors(
    item: dict[str, Any], publisher: Organization | None, errors: list[ErrorDetail], notes: list[ErrorDetail]
) -> tuple[Person | Organization, ...]:
    found: list[Any] = []
    for key, cls in (("people", Person), ("organisations", Organization)):
        for i, entry in _items(item, key):
            if entry.get("rel") == "author" and "name" in entry:
                values = {"name": _text(entry["name"]), "wikidata": _wikidata(entry), **_id(entry)}
                found.append(_built(cls, f"$.{key}[{i}]", errors, **values))
            else:
                what = describe(entry.get("name")) if "name" in entry else "an entry without a name"
                rel = f"rel {describe(entry.get('rel'))}" if "rel" in entry else "no rel"
                notes.append(
                    ErrorDetail(
                        f"$.{key}[{i}]", f"not held: {what} ({rel}); an article holds only its authors"
                    )
                )
    found.extend(_byline(item, publisher, found, errors, notes))
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


def _kind(item: dict[str, Any], errors: list[ErrorDetail], notes: list[ErrorDetail]) -> None:
    kind = item.get("type", "text")
    if kind == "composite":
        notes.append(ErrorDetail("$.type", "'composite' read as its text: the article holds no other parts"))
    elif kind not in _TEXT_TYPES:
        errors.append(
            ErrorDetail(
                "$.type",
                f"expected a text item ('text', or 'composite' read as its text), found {describe(kind)}:"
                " an article holds text, not pictures, audio, video, events or plans",
            )
        )


def _identity(
    item: dict[str, Any], article_id: str | None, values: dict[str, Any], where: dict[str, str]
) -> list[ErrorDetail]:
    """``id``, ``url`` and ``uri`` from the item; the uri is kept as it is (see :func:`from_ninjs`)."""
    uri = item.get("uri")
    if not isinstance(uri, str) or not uri.strip():
        return [ErrorDetail("$.uri", f"expected the item's uri, found {describe(uri)}")]
    alt = {
        e["role"]: (i, e.get("value")) for i, e in reversed(_items(item, "altIds")) if _string(e.get("role"))
    }
    values["id"], where["id"] = article_id, "article_id"
    if article_id is None:
        i, ident = alt.get(ID_ROLE, (None, None))
        values["id"] = ident if i is not None else slugify(uri.removeprefix(_URN)) or uri
        where["id"] = f"$.altIds[{i}].value" if i is not None else "$.uri"
    if URL_ROLE in alt:
        i, values["url"] = alt[URL_ROLE]
        where["url"] = f"$.altIds[{i}].value"
    if http_url(uri) is None and "url" not in values:
        values["url"] = uri  # the item's http(s) uri is the article's url: written back as the uri
    elif uri != _URN + _string(values["id"]):  # that one is what to_ninjs writes for an article without
        values["uri"] = uri
        problem = non_http_uri(uri) if http_url(uri) is not None else None
        if problem:  # said now, with the item's other problems, rather than by Article(...) after them
            return [ErrorDetail("$.uri", problem)]
    return []


def _unread(item: dict[str, Any], where: dict[str, str], notes: list[ErrorDetail]) -> None:
    """Notes for the parts of keys that are read that the article does not hold."""
    used = set(where.values())
    notes.extend(
        ErrorDetail(f"$.{key}", "not held: read only when nothing else gives the value")
        for key in ("title", "copyrightHolder", "contentCreated", "provider")
        if key in item and not any(w.startswith(f"$.{key}") for w in used)
    )
    for i, _ in _items(item, "infoSources"):
        if not any(w.startswith(f"$.infoSources[{i}]") for w in used):
            notes.append(ErrorDetail(f"$.infoSources[{i}]", "not held: only the publisher's entry is read"))
    for i, entry in _items(item, "headlines"):
        if f"$.headlines[{i}].value" not in used:
            notes.append(
                ErrorDetail(
                    f"$.headlines[{i}]", f"not held: a headline with role {describe(entry.get('role'))}"
                )
            )
    for i, entry in _items(item, "subjects"):
        name = _text(entry.get("name", entry.get("literal")))
        if not (isinstance(name, str) and name):
            notes.append(ErrorDetail(f"$.subjects[{i}]", "not held: a subject without a name or literal"))
    notes.extend(
        ErrorDetail(f"$.{k}", "not held: the model has no field for it") for k in item if k not in _READ
    )
    for i, entry in _items(item, "altIds"):
        if entry.get("role") not in (ID_ROLE, URL_ROLE):
            notes.append(ErrorDetail(f"$.altIds[{i}]", "not held: only newsevents' own altIds are read"))


def from_ninjs(
    item: Any,
    *,
    article_id: str | None = None,
    publisher: Organization | None = None,
    report: list[ErrorDetail] | None = None,
) -> Article:
    """An article from a ninjs text item (versions 1 to 3; key spelling of either), with no events.

    What is read, and how:

    - ``uri`` is kept as it is: an http(s) uri is the ``url``, any other (``urn:...``, ``tag:...``)
      the article's ``uri``; :func:`to_ninjs` writes either back unchanged. The id is ``article_id``,
      else the ``altIds`` entry with role ``newsevents:id``, else the slug of ``uri``. An item's
      uri that is not an absolute URI is refused.
    - ``type``: ``text`` (the default) is read; ``composite`` is read as its text (noted in
      ``report``); ``picture``, ``audio``, ``video``, ``graphic``, ``component``, ``event`` and
      ``planning`` items are refused.
    - the ``main`` headline (else the first, else ``title``) and a ``sub`` one.
    - ``firstCreated`` (else ``versionCreated``, else ``contentCreated``) and ``versionCreated``,
      each with a UTC offset; ``language``.
    - the publisher, by the first rule that applies: ``publisher=``; the ``infoSources`` entry with
      role ``publisher``; the first ``infoSources`` entry with no role (an agency's own item names
      itself that way); ``copyrightHolder``; a ``provider`` (a name, or an object with one).
    - authors: ``people`` and ``organisations`` with ``rel`` ``author``, then the names in ``by``
      (after a leading "By", "Von", "Av", ...; split at commas and "and"): a name that is the
      publisher's, the copyright holder's, an info source's or a listed organisation's is an
      :class:`Organization`, two to five capitalised words a :class:`Person`; anything else is noted.
    - one body, chosen by kind in this order: ``text/plain``, then HTML (``text/html``,
      ``application/xhtml+xml``, ...; a paragraph per block element), then NITF (the paragraphs of
      ``<body.content>``); a body without ``contentType`` is HTML if it has markup, else plain text.
      Markup is never taken as text; a body of any other type alone is refused.
    - the names of ``subjects``. Surrounding white space of names and headlines is dropped.

    Args:
        item: The ninjs object.
        article_id: The article's id, if not the one the item gives.
        publisher: The publisher, if the item does not say (or you know better).
        report: A list to which one :class:`~newsevents.ErrorDetail` is appended for every part of
            the item the article does not hold (its path, and why), in document order.

    Raises:
        ValidationError: Every problem at once, with the path in the ninjs item.

    >>> notes = []
    >>> a = from_ninjs({"uri": "urn:newsml:example.com:20220728:1", "firstCreated": "2022-07-28T22:23:00Z",
    ...                 "headlines": [{"value": "Lavrov will consider US request"}], "copyrightHolder": "RT",
    ...                 "by": "By Jane Doe, RT", "urgency": 3}, report=notes)
    >>> a.id, a.uri, a.publisher.name, [x.name for x in a.authors]
    ('urn-newsml-example-com-20220728-1', 'urn:newsml:example.com:20220728:1', 'RT', ['Jane Doe', 'RT'])
    >>> for note in notes:
    ...     print(note)
    $.by: not held: the words 'By' before the names
    $.urgency: not held: the model has no field for it
    """
    if not isinstance(item, dict):
        raise ValidationError.single("$", f"expected a ninjs object, found {describe(item)}")
    item = _canonical(item)
    notes: list[ErrorDetail] = []
    where = {
        "url": "$.uri",
        "uri": "$.uri",
        "language": "$.language",
        "body": "$.bodies",
        "topics": "$.subjects",
    }
    errors = _identity(item, article_id, values := {}, where)
    _kind(item, errors, notes)
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
    values["publisher"] = publisher or _publisher(item, errors)
    values["authors"] = _authors(item, values["publisher"], errors, notes)
    if "bodies" in item:
        where["body"], values["body"] = _body(item, errors, notes)
    subjects = [(i, _text(s.get("name", s.get("literal")))) for i, s in _items(item, "subjects")]
    values["topics"] = tuple(name for _, name in subjects if isinstance(name, str) and name)
    found = _publisher_source(item) if publisher is None else None
    if found is not None:
        where["publisher"] = found[0]
    _unread(item, where, notes)
    if errors:
        raise ValidationError(errors)
    try:
        article = Article(**values)
    except ValidationError as exc:
        raise ValidationError(_placed(exc.errors, where)) from None
    if report is not None:  # in document order: by the place of the top-level key in the item
        order = {key: i for i, key in enumerate(item)}
        report.extend(sorted(notes, key=lambda n: order.get(re.split(r"[.\[]", n.path[2:])[0], len(order))))
    return article


def _placed(errors: tuple[ErrorDetail, ...], where: dict[str, str]) -> list[ErrorDetail]:
    """Errors of ``Article(...)`` moved to where their value was in the ninjs item."""
    out = []
    for e in errors:
        field = e.location[0] if e.location else ""
        out.append(
            ErrorDetail(where.get(field, "$") if isinstance(field, str) else "$", e.message, code=e.code)
        )
    return out
