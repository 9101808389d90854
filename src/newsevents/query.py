"""Questions about events, as predicates that combine with ``&``, ``|`` and ``~``.

>>> from newsevents.query import by, during, of_type
>>> from newsevents import Statement
>>> said_in_july = of_type(Statement) & by("Zakharova") & during("2022-07")
>>> said_in_july
of_type(Statement) & by('Zakharova') & during('2022-07')

A predicate is called with an event and answers ``True`` or ``False``; use it with
:meth:`newsevents.Article.find` or :meth:`newsevents.Corpus.find` (which answers
from its indexes where it can).

**How actors are matched.** An actor given as an entity (``Person``,
``Organization``, ``Country``) matches the same entity: the same kind and the
same ``id`` (for a country, the same ``code``). An actor given as a string
matches, ignoring case:

- an ``id`` (``"sergey-lavrov"``) or a country ``code`` (``"RU"``);
- a whole name or alias (``"Sergey Lavrov"``, ``"State Department"``);
- a whole-word part of a name or alias: one or more consecutive words
  (``"Lavrov"`` matches "Sergey Lavrov", ``"Foreign Ministry"`` matches
  "Russian Foreign Ministry"; ``"Lav"`` matches nothing, and ``"Russia"`` does
  not match "Russian Foreign Ministry").

Words are runs of letters and digits; punctuation and spacing between them do
not matter (``"sergey  lavrov"`` matches). A country matches its code and its
name, not the bodies that belong to it.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Final

from newsevents._plan import (
    ActorIs,
    And,
    CertaintyIn,
    During,
    Mentioning,
    NationalityIs,
    Not,
    Opaque,
    Or,
    Plan,
    Role,
    StatusIn,
    TypeIs,
    wall,
)
from newsevents.dates import TimeRef
from newsevents.entities import Actor, Country, Organization, Person, actor_key
from newsevents.errors import ValidationError
from newsevents.events import (
    Certainty,
    DetentionStatus,
    Event,
    RequestStatus,
    Statement,
    event_types,
)
from newsevents.validators import describe

__all__ = [
    "Predicate",
    "by",
    "certainty",
    "during",
    "involving",
    "mentioning",
    "nationality",
    "of_type",
    "to",
    "with_status",
]

ActorQuery = Actor | str
"""An actor to look for: an entity, or a string (see the module's matching rules)."""

_WORD = re.compile(r"\w+")
ROLES: Final = ("acting", "receiving", "other")


# ---------------------------------------------------------------- actor matching


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def query_forms(text: str) -> frozenset[str]:
    """The normalised forms under which a query string is looked up."""
    forms = {text.strip().casefold(), " ".join(_words(text))}
    forms.discard("")
    return frozenset(forms)


@functools.lru_cache(maxsize=65536)
def actor_terms(actor: Actor) -> frozenset[str]:
    """Every normalised string an actor answers to: ids, codes, and whole-word parts of its names."""
    terms = {actor.code.casefold()} if isinstance(actor, Country) else {actor.id.casefold()}
    names = [actor.name] if isinstance(actor, Country) else [actor.name, *actor.aliases]
    for name in names:
        terms.add(name.strip().casefold())
        words = _words(name)
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                terms.add(" ".join(words[i:j]))
    terms.discard("")
    return frozenset(terms)


def _actor_matcher(actor: ActorQuery) -> Callable[[Actor], bool]:
    if isinstance(actor, str):
        forms = query_forms(actor)
        if not forms:
            raise ValidationError.single(
                "query.actor", f"expected a name, id or code, found {describe(actor)}"
            )
        return lambda candidate: not forms.isdisjoint(actor_terms(candidate))
    if isinstance(actor, (Person, Organization, Country)):
        key = actor_key(actor)
        return lambda candidate: actor_key(candidate) == key
    raise ValidationError.single(
        "query.actor", f"expected a Person, Organization, Country or str, found {describe(actor)}"
    )


# ---------------------------------------------------------------- predicates


class Predicate:
    """A yes/no question about an event; combine with ``&``, ``|`` and ``~``.

    Build predicates with the functions of this module rather than directly.
    """

    __slots__ = ("_label", "_plan", "_test")

    def __init__(self, test: Callable[[Event], bool], label: str, plan: Plan | None = None) -> None:
        self._test = test
        self._label = label
        # What the predicate asks, as data (newsevents._plan): for the indexes of a Corpus and for SQL.
        self._plan: Plan = Opaque() if plan is None else plan

    def __call__(self, event: Event) -> bool:
        """Whether ``event`` matches."""
        return self._test(event)

    def __and__(self, other: Predicate) -> Predicate:
        parts = _flatten(And, self) + _flatten(And, _checked(other))
        return Predicate(
            lambda e: all(p(e) for p in parts), " & ".join(_wrap(p, "&") for p in parts), And(parts)
        )

    def __or__(self, other: Predicate) -> Predicate:
        parts = _flatten(Or, self) + _flatten(Or, _checked(other))
        return Predicate(
            lambda e: any(p(e) for p in parts), " | ".join(_wrap(p, "|") for p in parts), Or(parts)
        )

    def __invert__(self) -> Predicate:
        return Predicate(lambda e: not self(e), f"~{_wrap(self, '~')}", Not(self))

    def __repr__(self) -> str:
        return self._label

    @property
    def plan(self) -> Plan:
        """What the predicate asks, as data, for the indexes of a :class:`~newsevents.Corpus` and for SQL.

        One of the small frozen classes of the private module ``newsevents._plan``
        (``TypeIs``, ``ActorIs``, ``During``, ..., ``And``, ``Or``, ``Not``, and
        ``Opaque`` for a predicate built from a bare function); they may change.
        """
        return self._plan


def _checked(other: object) -> Predicate:
    if not isinstance(other, Predicate):
        raise TypeError(f"predicates combine with predicates, found {describe(other)}")
    return other


def _flatten(op: type[And | Or], predicate: Predicate) -> tuple[Predicate, ...]:
    plan = predicate.plan
    if isinstance(plan, op):
        return plan.parts
    return (predicate,)


def _wrap(predicate: Predicate, op: str) -> str:
    plan = predicate.plan
    compound = isinstance(plan, (And, Or)) and (op == "~" or isinstance(plan, And) != (op == "&"))
    return f"({predicate!r})" if compound else repr(predicate)


def _label(name: str, args: Iterable[object]) -> str:
    shown = []
    for arg in args:
        if isinstance(arg, type):
            shown.append(arg.__name__)
        elif isinstance(arg, enum.Enum):
            shown.append(f"{type(arg).__name__}.{arg.name}")
        elif isinstance(arg, (Person, Organization)):
            shown.append(f"{type(arg).__name__}({arg.id!r})")
        elif isinstance(arg, Country):
            shown.append(f"Country({arg.code!r})")
        else:
            shown.append(repr(arg))
    return f"{name}({', '.join(shown)})"


def of_type(*types: type[Event] | str) -> Predicate:
    """Events of these types (subclasses included), given as classes or serialized tags.

    >>> from newsevents import Statement
    >>> of_type(Statement, "detention")
    of_type(Statement, Detention)
    """
    if not types:
        raise ValidationError.single("of_type", "expected at least one event type, found none")
    classes: list[type[Event]] = []
    for t in types:
        if isinstance(t, str):
            known = event_types()
            if t not in known:
                raise ValidationError.single(
                    "of_type", f"unknown event type {t!r}; known: {', '.join(known)}"
                )
            classes.append(known[t])
        elif isinstance(t, type) and issubclass(t, Event):
            classes.append(t)
        else:
            raise ValidationError.single(
                "of_type", f"expected an Event subclass or a tag, found {describe(t)}"
            )
    chosen = tuple(classes)
    return Predicate(lambda e: isinstance(e, chosen), _label("of_type", chosen), TypeIs(chosen))


def _party_predicate(name: str, role: Role | None, actor: ActorQuery) -> Predicate:
    match = _actor_matcher(actor)

    def test(event: Event) -> bool:
        parties = event.parties()
        pool = parties.everyone if role is None else getattr(parties, role)
        return any(match(a) for a in pool)

    return Predicate(test, _label(name, [actor]), ActorIs(role, actor))


def involving(actor: ActorQuery) -> Predicate:
    """Events in which the actor takes part in any role (acting, receiving or other).

    >>> involving("Lavrov")
    involving('Lavrov')
    """
    return _party_predicate("involving", None, actor)


def by(actor: ActorQuery) -> Predicate:
    """Events in which the actor is the acting side: the speaker, the requester, the detaining authority."""
    return _party_predicate("by", "acting", actor)


def to(actor: ActorQuery) -> Predicate:
    """Events in which the actor is the receiving side: the addressee, the detainee."""
    return _party_predicate("to", "receiving", actor)


# ---------------------------------------------------------------- time

_ISO_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
TimeLike = TimeRef | date | datetime | str


def _calendar(parts: list[int], value: object, name: str) -> tuple[datetime, datetime]:
    """A calendar year, month or day as wall times (naive): read in each event's own offset."""
    try:
        ref = TimeRef.of(*parts)
    except ValidationError:
        raise ValidationError.single(f"during.{name}", f"not a calendar date: {describe(value)}") from None
    return wall(ref.start), wall(ref.end)


def _span_of(value: TimeLike, name: str) -> tuple[datetime, datetime]:
    """The period a query value stands for, as (start, exclusive end); an instant is (t, t).

    A calendar date, month or year gives naive wall times (each event's own calendar);
    a TimeRef or an aware datetime gives aware instants.
    """
    if isinstance(value, TimeRef):
        return value.start, value.end
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise ValidationError.single(
                f"during.{name}", f"expected a timezone-aware datetime, found naive {value}"
            )
        return value, value
    if isinstance(value, date):
        return _calendar([value.year, value.month, value.day], value, name)
    if isinstance(value, str):
        day = _ISO_DAY.fullmatch(value.strip())
        if day:
            return _calendar([int(p) for p in day.groups() if p is not None], value, name)
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            moment = None
        if moment is None or moment.utcoffset() is None:
            raise ValidationError.single(
                f"during.{name}",
                "expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 datetime with a UTC offset,"
                f" found {describe(value)}",
            )
        return moment, moment
    raise ValidationError.single(
        f"during.{name}", f"expected a TimeRef, date, datetime or ISO string, found {describe(value)}"
    )


def _comparable(moment: datetime) -> datetime:
    # Only to check that a span's end is not before its start: a wall time read as UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _shown(moment: datetime) -> str:
    return moment.date().isoformat() if moment.tzinfo is None else moment.isoformat()


def during(start: TimeLike, end: TimeLike | None = None) -> Predicate:
    """Dated events whose period overlaps a span; undated events never match.

    ``start`` alone is a period: a calendar date (a :class:`~datetime.date`, or
    an ISO string ``"2022-07-28"``), month (``"2022-07"``) or year (``"2022"``);
    a :class:`~newsevents.TimeRef`; or an aware datetime (that instant). With
    ``end``, the span runs from the start of ``start`` to the end of ``end`` (both
    periods included).

    **Calendar dates are read in each event's own UTC offset**: ``during("2023-03-28")``
    matches an event dated 28 March in Moscow time (``+03:00``, which is 27 March
    21:00 to 28 March 21:00 UTC) and not one dated 29 March in Moscow time, although
    that day begins at 21:00 UTC on the 28th. A TimeRef or a datetime has a zone of
    its own and stands for those instants.

    >>> from datetime import datetime, timedelta, timezone
    >>> from newsevents import Person, QuoteMode, Statement, TimeRef
    >>> msk = timezone(timedelta(hours=3))
    >>> on_29th_in_moscow = Statement(
    ...     id="s1",
    ...     speaker=Person(name="Dmitry Peskov"),
    ...     text="No comment.",
    ...     mode=QuoteMode.INDIRECT,
    ...     when=TimeRef(start=datetime(2023, 3, 29, tzinfo=msk)),
    ... )
    >>> during("2023-03-28")(on_29th_in_moscow), during("2023-03-29")(on_29th_in_moscow)
    (False, True)
    >>> during(datetime(2023, 3, 28, 22, 0, tzinfo=timezone.utc))(on_29th_in_moscow)
    True
    """
    low, high = _span_of(start, "start")
    if end is not None:
        end_low, end_high = _span_of(end, "end")
        high = end_high
        # An end period that lies wholly before the start (it ends where the start begins,
        # or earlier) leaves nothing; an instant end equal to an instant start is that instant.
        first, last = _comparable(low), _comparable(high)
        if last < first or (last == first and end_low != end_high):
            raise ValidationError.single("during", f"the span ends ({_shown(end_low)}) before it starts")
    args = [start] if end is None else [start, end]
    span = During(low, high)

    def test(event: Event) -> bool:
        return event.when is not None and span.matches(event.when)

    return Predicate(test, _label("during", args), span)


# ---------------------------------------------------------------- text and attributes


def _texts(event: Event) -> list[str]:
    found = [event.summary] if event.summary else []
    if isinstance(event, Statement):
        found += [event.text, *event.quotes]
    text = getattr(event, "text", None)
    if isinstance(text, str) and not isinstance(event, Statement):
        found.append(text)
    return found


def mentioning(text: str) -> Predicate:
    """Events whose text, quotes or summary contain ``text``, ignoring case."""
    if not isinstance(text, str) or not text.strip():
        raise ValidationError.single("mentioning", f"expected non-blank text, found {describe(text)}")
    needle = text.casefold()
    return Predicate(
        lambda e: any(needle in t.casefold() for t in _texts(e)),
        _label("mentioning", [text]),
        Mentioning(needle),
    )


Status = RequestStatus | DetentionStatus


def with_status(*statuses: Status | str) -> Predicate:
    """Requests or detentions with one of these statuses (members, or their values such as ``"jailed"``)."""
    wanted: set[enum.Enum] = set()
    for s in statuses:
        if isinstance(s, (RequestStatus, DetentionStatus)):
            wanted.add(s)
            continue
        matches = [m for enum_ in (RequestStatus, DetentionStatus) for m in enum_ if m.value == s]
        if not matches:
            raise ValidationError.single("with_status", f"unknown status {describe(s)}")
        wanted.update(matches)
    if not wanted:
        raise ValidationError.single("with_status", "expected at least one status, found none")
    return Predicate(
        lambda e: getattr(e, "status", None) in wanted,
        _label("with_status", statuses),
        StatusIn(frozenset(wanted)),
    )


def nationality(code: str) -> Predicate:
    """Events in which a person taking part (in any role) holds this ISO 3166-1 alpha-2 nationality."""
    if not isinstance(code, str) or code.upper() != code or len(code) != 2:
        raise ValidationError.single(
            "nationality", f"expected an upper-case ISO 3166-1 alpha-2 code, found {describe(code)}"
        )

    def test(event: Event) -> bool:
        return any(isinstance(a, Person) and code in a.nationality for a in event.parties().everyone)

    return Predicate(test, _label("nationality", [code]), NationalityIs(code))


def certainty(*levels: Certainty | str) -> Predicate:
    """Events reported with one of these certainties."""
    wanted = set()
    for level in levels:
        try:
            wanted.add(level if isinstance(level, Certainty) else Certainty(level))
        except ValueError:
            raise ValidationError.single("certainty", f"unknown certainty {describe(level)}") from None
    return Predicate(
        lambda e: e.certainty in wanted, _label("certainty", levels), CertaintyIn(frozenset(wanted))
    )
