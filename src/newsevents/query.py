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
from datetime import date, datetime
from typing import Any, Final

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

    def __init__(
        self, test: Callable[[Event], bool], label: str, plan: tuple[Any, ...] | None = None
    ) -> None:
        self._test = test
        self._label = label
        # What the predicate asks, as data: for the indexes of a Corpus and for SQL (newsevents.sql).
        # ("type", classes) | ("actor", role, query) | ("time", low, high) | ("text", casefolded needle)
        # | ("status", members) | ("nationality", code) | ("certainty", members) | ("and" | "or", parts)
        # | ("not", predicate); None for a predicate built from a bare function.
        self._plan = plan

    def __call__(self, event: Event) -> bool:
        """Whether ``event`` matches."""
        return self._test(event)

    def __and__(self, other: Predicate) -> Predicate:
        parts = _flatten("and", self) + _flatten("and", _checked(other))
        return Predicate(
            lambda e: all(p(e) for p in parts), " & ".join(_wrap(p, "&") for p in parts), ("and", parts)
        )

    def __or__(self, other: Predicate) -> Predicate:
        parts = _flatten("or", self) + _flatten("or", _checked(other))
        return Predicate(
            lambda e: any(p(e) for p in parts), " | ".join(_wrap(p, "|") for p in parts), ("or", parts)
        )

    def __invert__(self) -> Predicate:
        return Predicate(lambda e: not self(e), f"~{_wrap(self, '~')}", ("not", self))

    def __repr__(self) -> str:
        return self._label

    @property
    def plan(self) -> tuple[Any, ...] | None:
        """What an index can answer for this predicate (used by :class:`~newsevents.Corpus`)."""
        return self._plan


def _checked(other: object) -> Predicate:
    if not isinstance(other, Predicate):
        raise TypeError(f"predicates combine with predicates, found {describe(other)}")
    return other


def _flatten(op: str, predicate: Predicate) -> tuple[Predicate, ...]:
    plan = predicate.plan
    if plan is not None and plan[0] == op:
        return tuple(plan[1])
    return (predicate,)


def _wrap(predicate: Predicate, op: str) -> str:
    plan = predicate.plan
    compound = (
        plan is not None
        and plan[0] in ("and", "or")
        and (op == "~" or plan[0] != {"&": "and", "|": "or"}[op])
    )
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
    return Predicate(lambda e: isinstance(e, chosen), _label("of_type", chosen), ("type", chosen))


def _party_predicate(name: str, role: str | None, actor: ActorQuery) -> Predicate:
    match = _actor_matcher(actor)

    def test(event: Event) -> bool:
        parties = event.parties()
        pool = parties.everyone if role is None else getattr(parties, role)
        return any(match(a) for a in pool)

    return Predicate(test, _label(name, [actor]), ("actor", role, actor))


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


def _span_of(value: TimeLike, name: str) -> tuple[datetime, datetime]:
    """The period a query value stands for, as (start, exclusive end); an instant is (t, t)."""
    if isinstance(value, TimeRef):
        return value.start, value.end
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise ValidationError.single(
                f"during.{name}", f"expected a timezone-aware datetime, found naive {value}"
            )
        return value, value
    if isinstance(value, date):
        ref = TimeRef.of(value.year, value.month, value.day)
        return ref.start, ref.end
    if isinstance(value, str):
        day = _ISO_DAY.fullmatch(value.strip())
        if day:
            parts = [int(p) for p in day.groups() if p is not None]
            try:
                ref = TimeRef.of(*parts)  # UTC periods: "2022", "2022-07", "2022-07-28"
            except ValidationError:
                raise ValidationError.single(
                    f"during.{name}", f"not a calendar date: {describe(value)}"
                ) from None
            return ref.start, ref.end
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


def overlaps(ref: TimeRef, low: datetime, high: datetime) -> bool:
    """Whether a period overlaps the query span [low, high) (an instant when low == high)."""
    if low == high:
        return ref.start <= low < ref.end
    return ref.start < high and ref.end > low


def during(start: TimeLike, end: TimeLike | None = None) -> Predicate:
    """Dated events whose period overlaps a span; undated events never match.

    ``start`` alone is a period: a :class:`~newsevents.TimeRef`, a date (that day,
    UTC), an ISO string (``"2022"``, ``"2022-07"``, ``"2022-07-28"``: UTC periods)
    or an aware datetime (that instant). With ``end``, the span runs from the
    start of ``start`` to the end of ``end`` (both periods included).

    >>> from datetime import datetime, UTC
    >>> during("2022-07-01", "2022-07-31")
    during('2022-07-01', '2022-07-31')
    """
    low, high = _span_of(start, "start")
    if end is not None:
        end_low, end_high = _span_of(end, "end")
        high = end_high
        # An end period that lies wholly before the start (it ends where the start begins,
        # or earlier) leaves nothing; an instant end equal to an instant start is that instant.
        if high < low or (high == low and end_low != end_high):
            raise ValidationError.single("during", f"the span ends ({end_low.isoformat()}) before it starts")
    args = [start] if end is None else [start, end]

    def test(event: Event) -> bool:
        return event.when is not None and overlaps(event.when, low, high)

    return Predicate(test, _label("during", args), ("time", low, high))


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
        ("text", needle),
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
        ("status", frozenset(wanted)),
    )


def nationality(code: str) -> Predicate:
    """Events in which a person taking part (in any role) holds this ISO 3166-1 alpha-2 nationality."""
    if not isinstance(code, str) or code.upper() != code or len(code) != 2:
        raise ValidationError.single(
            "nationality", f"expected an upper-case ISO 3166-1 alpha-2 code, found {describe(code)}"
        )

    def test(event: Event) -> bool:
        return any(isinstance(a, Person) and code in a.nationality for a in event.parties().everyone)

    return Predicate(test, _label("nationality", [code]), ("nationality", code))


def certainty(*levels: Certainty | str) -> Predicate:
    """Events reported with one of these certainties."""
    wanted = set()
    for level in levels:
        try:
            wanted.add(level if isinstance(level, Certainty) else Certainty(level))
        except ValueError:
            raise ValidationError.single("certainty", f"unknown certainty {describe(level)}") from None
    return Predicate(
        lambda e: e.certainty in wanted, _label("certainty", levels), ("certainty", frozenset(wanted))
    )
