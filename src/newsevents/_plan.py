"""What a predicate asks, as data: the typed plans that a Corpus's indexes and the SQL writer read. Private.

Every predicate of :mod:`newsevents.query` carries one of these small frozen
classes as its :attr:`~newsevents.query.Predicate.plan`; :mod:`newsevents.corpus`,
:mod:`newsevents.sql` and :mod:`newsevents.duckdb` ``match`` on them, and mypy
checks that every kind is handled (:data:`Plan` is a closed union).

Time follows one rule, defined here once (:meth:`During.matches`): a bound given
as a calendar date, month or year is a **wall time**, read in each event's own UTC
offset (the calendar day its :class:`~newsevents.TimeRef` states); a bound given
with a time and a zone is an **instant**.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

import attrs

from newsevents.dates import TimeRef
from newsevents.entities import Actor
from newsevents.events import Certainty, Event

if TYPE_CHECKING:
    from newsevents.query import Predicate

Role = Literal["acting", "receiving", "other"]


@attrs.frozen
class TypeIs:
    """Events of one of these classes (subclasses included)."""

    classes: tuple[type[Event], ...]


@attrs.frozen
class ActorIs:
    """Events in which the actor takes part in ``role`` (any role when ``None``)."""

    role: Role | None
    actor: Actor | str


_EPOCH = datetime(1970, 1, 1)
_EPOCH_UTC = _EPOCH.replace(tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def wall(moment: datetime) -> datetime:
    """The wall time of an aware datetime in its own offset, as a naive datetime."""
    return moment.replace(tzinfo=None)


def offset_micros(moment: datetime) -> int:
    """The UTC offset of an aware datetime, in microseconds."""
    offset = moment.utcoffset()
    assert offset is not None  # the model keeps every datetime aware
    return offset // _MICRO


def micros(moment: datetime) -> int:
    """Microseconds since the epoch, UTC, of an aware datetime; never overflows (year 1 to 9999).

    The difference of two aware datetimes is computed without moving either to UTC, so the
    end of a year-9999 period, which lies after ``datetime.max`` in UTC, is fine.
    """
    return (moment - _EPOCH_UTC) // _MICRO


def micros_or_wall(moment: datetime) -> int:
    """:func:`micros` of an aware datetime; of a naive one (a wall time), its microseconds as if at UTC."""
    return (moment - _EPOCH) // _MICRO if moment.tzinfo is None else micros(moment)


@attrs.frozen
class During:
    """Dated events whose period overlaps [``low``, ``high``), or contains ``low`` when it is an instant.

    A naive bound is a wall time, compared with each event's period in the event's
    own offset; an aware bound is an instant. ``low == high`` (both aware) is an
    instant: the periods that contain it.
    """

    low: datetime
    high: datetime

    @property
    def instant(self) -> bool:
        """Whether the span is a single instant."""
        return self.low.tzinfo is not None and self.high.tzinfo is not None and self.low == self.high

    def matches(self, ref: TimeRef) -> bool:
        """Whether an event's period satisfies the span (the rule every backend follows)."""
        start, end = ref.start, ref.end
        if self.instant:
            return start <= self.low < end
        low, high = self.low, self.high
        after = (wall(end) > low) if low.tzinfo is None else (end > low)
        return after and ((wall(start) < high) if high.tzinfo is None else (start < high))


@attrs.frozen
class Mentioning:
    """Events whose texts contain ``needle`` (already case-folded)."""

    needle: str


@attrs.frozen
class StatusIn:
    """Requests or detentions whose status is one of ``members``."""

    members: frozenset[enum.Enum]


@attrs.frozen
class NationalityIs:
    """Events in which a person taking part holds this nationality."""

    code: str


@attrs.frozen
class CertaintyIn:
    """Events reported with one of these certainties."""

    members: frozenset[Certainty]


@attrs.frozen
class And:
    """Every part matches (parts are never themselves ``And``: they are flattened)."""

    parts: tuple[Predicate, ...]


@attrs.frozen
class Or:
    """Some part matches (parts are never themselves ``Or``: they are flattened)."""

    parts: tuple[Predicate, ...]


@attrs.frozen
class Not:
    """The part does not match."""

    part: Predicate


@attrs.frozen
class Opaque:
    """A predicate built from a bare function: nothing to index or translate, only to call."""


Plan = (
    TypeIs | ActorIs | During | Mentioning | StatusIn | NationalityIs | CertaintyIn | And | Or | Not | Opaque
)
"""Every kind of plan; a ``match`` over it ends in ``assert_never``."""
