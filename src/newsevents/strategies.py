"""Hypothesis strategies for newsevents objects, for property-based tests of your own code.

Needs the ``hypothesis`` extra: ``pip install "newsevents[hypothesis]"``.

Every strategy takes keyword arguments only, has defaults, draws small values by
default, and draws objects that are valid by construction: their constructors
and the article invariants pass without filtering. Articles are also
*consistent*: with ``with_body=True`` every quote and evidence fragment appears
verbatim in the body, events are not dated after publication, and every
``related`` id names an event of the same article.

With newsevents installed, ``st.from_type(newsevents.Article)`` (and every other
public type) works without importing this module, through Hypothesis's entry
point.

>>> from hypothesis import given
>>> from newsevents import strategies as nst
>>> @given(nst.articles(max_events=3))
... def test_titles_are_never_blank(article):
...     assert article.title.strip()
>>> test_titles_are_never_blank()
"""

from __future__ import annotations

import threading
import typing
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any, NamedTuple, TypeVar

try:
    from hypothesis import reject
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - exercised in a venv without hypothesis
    raise ImportError('newsevents.strategies needs Hypothesis: pip install "newsevents[hypothesis]"') from exc

import attrs

from newsevents._codes.iso3166 import COUNTRY_NAMES
from newsevents.article import Article
from newsevents.dates import Precision, TimeRef
from newsevents.entities import Actor, Country, Organization, OrgKind, Person, Place, Role, actor_key, slugify
from newsevents.errors import ValidationError
from newsevents.events import (
    Certainty,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    QuoteMode,
    RequestKind,
    RequestStatus,
    Statement,
    Term,
    event_types,
)
from newsevents.serialize import to_dict

__all__ = [
    "InvalidDocument",
    "actors",
    "articles",
    "countries",
    "detentions",
    "diplomatic_requests",
    "documents",
    "events",
    "invalid_documents",
    "organizations",
    "persons",
    "places",
    "register_event_strategy",
    "roles",
    "slugs",
    "statements",
    "terms",
    "texts",
    "time_refs",
]

T = TypeVar("T")
E = TypeVar("E", bound=Event)

# Readable building blocks: examples shrink towards the first entry of each list.
_FIRST = ("Anna", "Boris", "Carmen", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jamal")
_LAST = ("Ivanova", "Price", "Okafor", "Novak", "Silva", "Chen", "Haddad", "Kowalski", "Moreau", "Sato")
_ORGS = (
    "Foreign Ministry",
    "State Department",
    "Supreme Court",
    "National Assembly",
    "Daily Courier",
    "Red Cross",
    "Federal Security Service",
    "Football Club",
)
_PLACES = ("Moscow", "Washington", "Geneva", "Tashkent", "Ankara", "Doha", "Vienna", "Minsk")
_TITLES = ("spokeswoman", "spokesman", "Foreign Minister", "Secretary of State", "ambassador", "judge")
_WORDS = (
    "talks",
    "continue",
    "the",
    "request",
    "was",
    "received",
    "we",
    "hope",
    "to",
    "speak",
    "soon",
    "release",
    "prisoners",
    "no",
    "update",
)
_CHARGES = ("espionage", "drug smuggling", "fraud", "arms trafficking", "treason")
_OFFSETS = (
    UTC,
    timezone(timedelta(hours=3)),
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=5, minutes=30)),
)
_EPOCH_MIN = datetime(1950, 1, 1)
_EPOCH_MAX = datetime(2050, 1, 1)
_ALL_PRECISIONS = tuple(Precision)


def _check_size(name: str, value: object, low: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise InvalidArgument(f"{name}={value!r} must be an int >= {low}")
    return value


def _check_strategy(name: str, value: object) -> Any:
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a Hypothesis strategy")
    return value


# ---------------------------------------------------------------- text and ids


def texts(*, max_size: int = 40, readable: bool = True) -> st.SearchStrategy[str]:
    """Non-blank strings without surrounding white space.

    Args:
        max_size: The longest string drawn.
        readable: Mostly sentences from a small vocabulary (easy to read when a
            test fails); ``False`` draws any Unicode text as well.

    >>> from hypothesis import given
    >>> @given(texts())
    ... def check(text):
    ...     assert text == text.strip() and text
    >>> check()
    """
    _check_size("max_size", max_size, 1)
    words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join)
    words = words.map(lambda s: s[:max_size].strip() or "talks"[:max_size])
    if readable:
        return words
    anything = st.text(min_size=1, max_size=max_size).map(lambda s: s.strip() or "x")
    return st.one_of(words, anything)


def slugs(*, max_size: int = 20) -> st.SearchStrategy[str]:
    """Identifiers matching ``[a-z0-9][a-z0-9._:-]*``.

    >>> from hypothesis import given
    >>> from newsevents.validators import slug
    >>> @given(slugs())
    ... def check(s):
    ...     assert slug(s) is None
    >>> check()
    """
    _check_size("max_size", max_size, 1)
    head = st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789")
    tail = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-._:", max_size=max_size - 1)
    return st.builds(str.__add__, head, tail)


def _entity_name(pool: Sequence[str], readable: bool) -> st.SearchStrategy[str]:
    named = st.sampled_from(pool)
    return named if readable else st.one_of(named, texts(readable=False, max_size=30))


_SLUGS = slugs()
_WIKIDATA = st.none() | st.integers(1, 10**8).map(lambda n: f"Q{n}")


def _id_for(draw: st.DrawFn, name: str) -> str:
    derived = slugify(name)
    return derived if derived else draw(_SLUGS)


# ---------------------------------------------------------------- entities


def countries(
    *, codes: Sequence[str] | None = None, custom_names: bool = False
) -> st.SearchStrategy[Country]:
    """Countries with assigned ISO 3166-1 alpha-2 codes.

    Args:
        codes: Draw only these codes (each must be assigned); all 249 by default.
        custom_names: Sometimes give a name other than the table's (it round-trips too).
    """
    pool = sorted(COUNTRY_NAMES) if codes is None else list(codes)
    if not pool:
        raise InvalidArgument("codes must not be empty")
    unknown = [c for c in pool if c not in COUNTRY_NAMES]
    if unknown:
        raise InvalidArgument(f"codes={unknown!r} are not assigned ISO 3166-1 alpha-2 codes")
    base = st.builds(Country, code=st.sampled_from(pool))
    if not custom_names:
        return base
    renamed = st.builds(Country, code=st.sampled_from(pool), name=texts(max_size=30))
    return st.one_of(base, renamed)


def _country_codes() -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(COUNTRY_NAMES))


def organizations(
    *, names: st.SearchStrategy[str] | None = None, readable: bool = True
) -> st.SearchStrategy[Organization]:
    """Organisations of every kind, now and then with a country, aliases and a Wikidata id.

    Args:
        names: A strategy for the name (non-blank, stripped); readable names by default.
        readable: With the default names, ``False`` mixes in arbitrary Unicode names.
    """
    name_st = _check_strategy("names", names) if names is not None else _entity_name(_ORGS, readable)
    kinds = st.sampled_from(OrgKind)
    country = st.none() | _country_codes()
    aliases = st.lists(texts(max_size=20), max_size=2).map(tuple)

    @st.composite
    def build(draw: st.DrawFn) -> Organization:
        name = draw(name_st)
        return Organization(
            name=name,
            id=_id_for(draw, name),
            kind=draw(kinds),
            country=draw(country),
            aliases=draw(aliases),
            wikidata=draw(_WIKIDATA),
        )

    return build()


def _any_organization() -> st.SearchStrategy[Organization]:
    return organizations()


def roles(*, organizations: st.SearchStrategy[Organization] | None = None) -> st.SearchStrategy[Role]:
    """Roles, sometimes tied to an organisation."""
    orgs = (
        _check_strategy("organizations", organizations) if organizations is not None else _any_organization()
    )
    return st.builds(Role, title=st.sampled_from(_TITLES), organization=st.none() | orgs)


def persons(
    *, names: st.SearchStrategy[str] | None = None, max_roles: int = 2, readable: bool = True
) -> st.SearchStrategy[Person]:
    """People, with nationalities, roles, a description, aliases and a Wikidata id now and then.

    Args:
        names: A strategy for the name (non-blank, stripped); "First Last" names by default.
        max_roles: The most roles a person holds.
        readable: With the default names, ``False`` mixes in arbitrary Unicode names.
    """
    _check_size("max_roles", max_roles)
    readable_names = st.builds(lambda f, last: f"{f} {last}", st.sampled_from(_FIRST), st.sampled_from(_LAST))
    if names is not None:
        name_st = _check_strategy("names", names)
    elif readable:
        name_st = readable_names
    else:
        name_st = st.one_of(readable_names, texts(readable=False, max_size=30))

    nationality = st.lists(_country_codes(), max_size=2, unique=True).map(tuple)
    role_list = st.lists(roles(), max_size=max_roles).map(tuple)
    description = st.none() | texts(max_size=30)
    aliases = st.lists(texts(max_size=20), max_size=1).map(tuple)

    @st.composite
    def build(draw: st.DrawFn) -> Person:
        name = draw(name_st)
        return Person(
            name=name,
            id=_id_for(draw, name),
            nationality=draw(nationality),
            roles=draw(role_list),
            description=draw(description),
            aliases=draw(aliases),
            wikidata=draw(_WIKIDATA),
        )

    return build()


def places(*, names: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Place]:
    """Places, sometimes with a country."""
    name_st = _check_strategy("names", names) if names is not None else st.sampled_from(_PLACES)

    country = st.none() | _country_codes()

    @st.composite
    def build(draw: st.DrawFn) -> Place:
        name = draw(name_st)
        return Place(name=name, id=_id_for(draw, name), country=draw(country))

    return build()


def actors() -> st.SearchStrategy[Actor]:
    """Any :data:`~newsevents.Actor`: a person, an organisation or a country."""
    return st.one_of(persons(max_roles=1), organizations(), countries())


# ---------------------------------------------------------------- time


def time_refs(
    *,
    min_value: datetime = _EPOCH_MIN,
    max_value: datetime = _EPOCH_MAX,
    precisions: Sequence[Precision] | None = None,
    timezones: st.SearchStrategy[tzinfo] | None = None,
) -> st.SearchStrategy[TimeRef]:
    """Periods that contain a moment between ``min_value`` and ``max_value``.

    Args:
        min_value: The earliest moment (naive: read in each drawn zone; aware: an instant).
        max_value: The latest moment; the period's ``start`` is never after it.
        precisions: Draw only these precisions; all by default.
        timezones: A strategy for the zone; a few fixed UTC offsets by default
            (pass ``hypothesis.strategies.timezones()`` for IANA zones).
    """
    for name, value in (("min_value", min_value), ("max_value", max_value)):
        if not isinstance(value, datetime):
            raise InvalidArgument(f"{name}={value!r} must be a datetime")
    if (min_value.tzinfo is None) != (max_value.tzinfo is None):
        raise InvalidArgument("min_value and max_value must both be naive or both be aware")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} is after max_value={max_value!r}")
    chosen = tuple(_ALL_PRECISIONS if precisions is None else precisions)
    if not chosen or not all(isinstance(p, Precision) for p in chosen):
        raise InvalidArgument(f"precisions={precisions!r} must be a non-empty sequence of Precision")
    zones = _check_strategy("timezones", timezones) if timezones is not None else st.sampled_from(_OFFSETS)
    aware = min_value.tzinfo is not None
    low = min_value.astimezone(UTC).replace(tzinfo=None) if aware else min_value
    high = max_value.astimezone(UTC).replace(tzinfo=None) if aware else max_value
    naive_moments = st.datetimes(low, high)
    precision_st = st.sampled_from(chosen)
    text_st = st.none() | texts(max_size=20)

    @st.composite
    def build(draw: st.DrawFn) -> TimeRef:
        zone = draw(zones)
        naive = draw(naive_moments)
        # Naive bounds are wall times in the drawn zone; aware bounds are instants.
        moment = naive.replace(tzinfo=UTC).astimezone(zone) if aware else naive.replace(tzinfo=zone)
        precision = draw(precision_st)
        return TimeRef(
            start=precision.truncate(moment),
            precision=precision,
            text=draw(text_st),
            approximate=draw(st.booleans()),
        )

    return build()


def terms() -> st.SearchStrategy[Term]:
    """Non-empty, non-negative prison terms, sometimes for life."""

    def make(years: int, months: int, days: int, life: bool) -> Term:
        if not (years or months or days or life):
            years = 1
        return Term(years=years, months=months, days=days, life=life)

    return st.builds(make, st.integers(0, 30), st.integers(0, 11), st.integers(0, 30), st.booleans())


# ---------------------------------------------------------------- events

_CUSTOM: dict[type[Event], st.SearchStrategy[Any]] = {}
_CUSTOM_LOCK = threading.Lock()


def register_event_strategy(cls: type[E], strategy: st.SearchStrategy[E]) -> None:
    """Use ``strategy`` for a custom event type in :func:`events` and :func:`articles`.

    Without one, a registered custom type is drawn from its fields (the shared
    :class:`~newsevents.Event` fields from this module, the others by
    ``st.from_type``); register a strategy when its fields carry value checks.
    """
    if not (isinstance(cls, type) and issubclass(cls, Event)):
        raise InvalidArgument(f"cls={cls!r} must be a subclass of Event")
    _check_strategy("strategy", strategy)
    with _CUSTOM_LOCK:
        _CUSTOM[cls] = strategy
    st.register_type_strategy(cls, strategy)


def _shared_fields(when: st.SearchStrategy[TimeRef | None] | None) -> dict[str, st.SearchStrategy[Any]]:
    return {
        "id": slugs(),
        "when": when if when is not None else st.none() | time_refs(),
        "place": st.none() | places(),
        "certainty": st.sampled_from(Certainty),
        "reported_by": st.none() | organizations(),
        "evidence": st.lists(texts(), max_size=2).map(tuple),
        "summary": st.none() | texts(),
    }


def statements(
    *,
    speakers: st.SearchStrategy[Actor] | None = None,
    modes: Sequence[QuoteMode] | None = None,
    when: st.SearchStrategy[TimeRef | None] | None = None,
    max_quotes: int = 3,
) -> st.SearchStrategy[Statement]:
    """Statements whose quotes fit their mode: at least one for DIRECT and MIXED, none for INDIRECT.

    Args:
        speakers: A strategy for the speaker; any actor by default.
        modes: Draw only these quote modes.
        when: A strategy for ``when`` (``TimeRef`` or ``None``).
        max_quotes: The most quotes a statement carries (at least 1).
    """
    _check_size("max_quotes", max_quotes, 1)
    speaker_st = _check_strategy("speakers", speakers) if speakers is not None else actors()
    mode_st = st.sampled_from(tuple(modes) if modes else tuple(QuoteMode))

    shared = _shared_fields(when)
    quote_st = st.lists(texts(), min_size=1, max_size=max_quotes).map(tuple)
    text_st = texts()
    audience = st.none() | st.sampled_from(("journalists", "parliament", "reporters"))
    venue = st.none() | st.sampled_from(("news briefing", "press conference", "interview"))
    about = st.lists(actors(), max_size=2).map(tuple)

    @st.composite
    def build(draw: st.DrawFn) -> Statement:
        mode = draw(mode_st)
        quotes = () if mode is QuoteMode.INDIRECT else draw(quote_st)
        text = " ".join(quotes) if mode is QuoteMode.DIRECT else draw(text_st)
        return Statement(
            **{k: draw(v) for k, v in shared.items()},
            speaker=draw(speaker_st),
            text=text,
            mode=mode,
            quotes=quotes,
            audience=draw(audience),
            venue=draw(venue),
            about=draw(about),
        )

    return build()


def _distinct(requester: Actor, addressee: Actor) -> Actor:
    if actor_key(requester) != actor_key(addressee):
        return addressee
    codes = sorted(COUNTRY_NAMES)
    code = "US" if not isinstance(requester, Country) or requester.code != "US" else "RU"
    return Country(code=code if code in codes else codes[0])


def diplomatic_requests(
    *,
    parties: st.SearchStrategy[Actor] | None = None,
    kinds: Sequence[RequestKind] | None = None,
    when: st.SearchStrategy[TimeRef | None] | None = None,
) -> st.SearchStrategy[DiplomaticRequest]:
    """Requests between two different parties, with participants and an expected time now and then.

    Args:
        parties: A strategy for requester and addressee (drawn twice; made distinct).
        kinds: Draw only these request kinds.
        when: A strategy for ``when``.
    """
    party_st = _check_strategy("parties", parties) if parties is not None else actors()
    kind_st = st.sampled_from(tuple(kinds) if kinds else tuple(RequestKind))

    shared = _shared_fields(when)
    status_st = st.sampled_from(RequestStatus)
    participants = st.lists(persons(max_roles=1), max_size=2).map(tuple)
    channel = st.none() | texts(max_size=30)
    purpose = st.none() | texts()
    expected = st.none() | time_refs()

    @st.composite
    def build(draw: st.DrawFn) -> DiplomaticRequest:
        requester = draw(party_st)
        return DiplomaticRequest(
            **{k: draw(v) for k, v in shared.items()},
            requester=requester,
            addressee=_distinct(requester, draw(party_st)),
            kind=draw(kind_st),
            status=draw(status_st),
            participants=draw(participants),
            channel=draw(channel),
            purpose=draw(purpose),
            expected=draw(expected),
        )

    return build()


def detentions(
    *,
    statuses: Sequence[DetentionStatus] | None = None,
    when: st.SearchStrategy[TimeRef | None] | None = None,
) -> st.SearchStrategy[Detention]:
    """Detentions; every SENTENCED one has a sentence.

    Args:
        statuses: Draw only these statuses.
        when: A strategy for ``when``.
    """
    status_st = st.sampled_from(tuple(statuses) if statuses else tuple(DetentionStatus))

    shared = _shared_fields(when)
    term_st = terms()
    maybe_term = st.none() | term_st
    detainee = persons(max_roles=1)
    holder = st.one_of(countries(), organizations())
    charges = st.lists(st.sampled_from(_CHARGES), max_size=2, unique=True).map(tuple)

    @st.composite
    def build(draw: st.DrawFn) -> Detention:
        status = draw(status_st)
        sentence = draw(term_st) if status is DetentionStatus.SENTENCED else draw(maybe_term)
        return Detention(
            **{k: draw(v) for k, v in shared.items()},
            detainee=draw(detainee),
            held_by=draw(holder),
            status=status,
            charges=draw(charges),
            sentence=sentence,
        )

    return build()


def _custom_strategy(
    cls: type[Event], when: st.SearchStrategy[TimeRef | None] | None
) -> st.SearchStrategy[Event]:
    registered = _CUSTOM.get(cls)
    if registered is not None:
        if when is None:
            return registered
        return st.builds(lambda e, w: attrs.evolve(e, when=w), registered, when)
    shared = _shared_fields(when)
    hints = typing.get_type_hints(cls)  # annotations may be strings (PEP 563)
    own = {
        f.name: st.from_type(hints[f.name])
        for f in attrs.fields(cls)
        if f.name not in shared and f.name != "related"
    }
    fields = {**shared, **own}

    @st.composite
    def build(draw: st.DrawFn) -> Event:
        values = {name: draw(strategy) for name, strategy in fields.items()}
        try:
            return cls(**values)
        except ValidationError:
            # Inferred values can break the type's own value checks; register a
            # strategy with register_event_strategy() to draw valid ones directly.
            reject()

    return build()


def events(
    *,
    types: Sequence[type[Event]] | None = None,
    when: st.SearchStrategy[TimeRef | None] | None = None,
) -> st.SearchStrategy[Event]:
    """Events of the built-in types and of every registered custom type.

    Args:
        types: Draw only these event classes (built-in or registered).
        when: A strategy for ``when``, passed to each type's strategy.
    """
    builtin: dict[type[Event], Callable[[], st.SearchStrategy[Any]]] = {
        Statement: lambda: statements(when=when),
        DiplomaticRequest: lambda: diplomatic_requests(when=when),
        Detention: lambda: detentions(when=when),
    }
    chosen = list(types) if types is not None else list(event_types().values())
    if not chosen:
        raise InvalidArgument("types must not be empty")
    parts: list[st.SearchStrategy[Any]] = []
    for cls in chosen:
        if not (isinstance(cls, type) and issubclass(cls, Event)) or cls is Event:
            raise InvalidArgument(f"types: {cls!r} is not an event type")
        parts.append(builtin[cls]() if cls in builtin else _custom_strategy(cls, when))
    return st.one_of(parts)


# ---------------------------------------------------------------- articles


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

    Args:
        min_events: The fewest events.
        max_events: The most events (keep it small: each event draws several actors).
        event_types: Draw only these event classes.
        with_body: Give the article a body that holds every quote and evidence
            fragment verbatim; ``False`` leaves the body empty.

    >>> from hypothesis import given
    >>> @given(articles(min_events=1, max_events=2))
    ... def check(article):
    ...     assert 1 <= len(article.events) <= 2
    >>> check()
    """
    _check_size("min_events", min_events)
    _check_size("max_events", max_events)
    if min_events > max_events:
        raise InvalidArgument(f"min_events={min_events} is more than max_events={max_events}")
    if not isinstance(with_body, bool):
        raise InvalidArgument(f"with_body={with_body!r} must be a bool")
    if event_types is not None:
        events(types=event_types)  # validates the classes now, not at draw time
    published_st = st.datetimes(
        datetime(1990, 1, 1), datetime(2040, 1, 1), timezones=st.sampled_from(_OFFSETS)
    )
    count_st = st.integers(min_events, max_events)
    ids_st = {
        n: st.lists(slugs(max_size=12), min_size=n, max_size=n, unique=True) for n in range(max_events + 1)
    }
    event_st = events(types=event_types, when=st.none())
    dated = st.booleans()
    back = st.timedeltas(timedelta(0), timedelta(days=3650))
    precision_st = st.sampled_from(_ALL_PRECISIONS)
    ref_text = st.none() | texts(max_size=20)
    updated_st = st.none() | st.timedeltas(timedelta(0), timedelta(days=3))
    url_st = st.none() | slugs(max_size=10).map(lambda s: f"https://news.example/{s}")
    subtitle_st = st.none() | texts()
    language_st = st.sampled_from(("en", "ru", "en-GB", "pt-BR", "zh-Hant-TW"))
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
            if draw(dated):
                # Never dated after publication: the period starts at or before it.
                precision = draw(precision_st)
                start = precision.truncate(published - draw(back))
                when = TimeRef(start=start, precision=precision, text=draw(ref_text), approximate=draw(dated))
            linked.append(attrs.evolve(event, id=ident, related=related, when=when))
        updated = draw(updated_st)
        return Article(
            id=draw(_SLUGS),
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
        )

    return build()


# ---------------------------------------------------------------- documents


def documents(*, max_events: int = 4) -> st.SearchStrategy[dict[str, Any]]:
    """JSON-ready dicts of valid articles, as :func:`~newsevents.to_dict` writes them."""
    return articles(max_events=max_events).map(to_dict)


class InvalidDocument(NamedTuple):
    """An article document broken in one known way, and the path its error must name."""

    document: dict[str, Any]
    """The broken document."""
    path: str
    """The path that ``from_dict(Article, document)`` must report."""
    defect: str
    """Which defect: missing_field, wrong_type, unknown_key, unknown_tag, bad_enum or naive_datetime."""


def invalid_documents(*, max_events: int = 3) -> st.SearchStrategy[InvalidDocument]:
    """Article documents with exactly one defect, each paired with the path its error must name.

    The defects: a missing required field, a wrong type, an unknown key, an
    unknown event tag, a bad enum value, a naive datetime.

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

    @st.composite
    def build(draw: st.DrawFn) -> InvalidDocument:
        doc = to_dict(draw(articles(min_events=1, max_events=max(1, max_events))))
        i = draw(st.integers(0, len(doc["events"]) - 1))
        event = doc["events"][i]
        defect = draw(
            st.sampled_from(
                ("missing_field", "wrong_type", "unknown_key", "unknown_tag", "bad_enum", "naive_datetime")
            )
        )
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
