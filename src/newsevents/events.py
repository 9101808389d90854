"""What articles report: statements, diplomatic requests, detentions, and your own event types."""

from __future__ import annotations

import enum
from typing import NamedTuple

import attrs

from newsevents import _registry
from newsevents._base import Model
from newsevents._registry import (
    EventTypeInfo,
    event_type,
    event_type_info,
    event_types,
    register_rendering,
    scoped_event_types,
    tag_of,
    unregister_event_type,
)
from newsevents._spec import trust
from newsevents.dates import TimeRef
from newsevents.entities import Actor, Country, Organization, Person, Place, actor_key
from newsevents.validators import non_blank, rules, slug, stripped

__all__ = [
    "Certainty",
    "Detention",
    "DetentionStatus",
    "DiplomaticRequest",
    "Event",
    "EventTypeInfo",
    "Parties",
    "QuoteMode",
    "RequestKind",
    "RequestStatus",
    "Statement",
    "Term",
    "event_type",
    "event_type_info",
    "event_types",
    "register_rendering",
    "scoped_event_types",
    "tag_of",
    "unregister_event_type",
]

_FRAGMENTS = rules(each=(non_blank,))
_TEXT = rules(stripped)


class Certainty(enum.Enum):
    """How firmly the article asserts that an event happened."""

    CONFIRMED = "confirmed"
    """Reported as fact."""
    CLAIMED = "claimed"
    """Asserted by a source, not confirmed by the article."""
    POSSIBLE = "possible"
    """Reported as a possibility ("might", "may")."""
    DENIED = "denied"
    """Reported as not having happened, or denied by a party."""


class QuoteMode(enum.Enum):
    """How a :class:`Statement` gives the speaker's words."""

    DIRECT = "direct"
    """The words are quoted in full."""
    INDIRECT = "indirect"
    """Reported speech, with no quotation."""
    MIXED = "mixed"
    """Reported speech with quoted fragments."""


class RequestKind(enum.Enum):
    """What a :class:`DiplomaticRequest` asks for."""

    PHONE_CALL = "phone_call"
    MEETING = "meeting"
    VISIT = "visit"
    NEGOTIATION = "negotiation"
    RELEASE = "release"
    EXTRADITION = "extradition"
    ASSISTANCE = "assistance"
    INFORMATION = "information"
    OTHER = "other"


class RequestStatus(enum.Enum):
    """Where a :class:`DiplomaticRequest` stands, as of the article."""

    MADE = "made"
    RECEIVED = "received"
    UNDER_CONSIDERATION = "under_consideration"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    FULFILLED = "fulfilled"
    WITHDRAWN = "withdrawn"


class DetentionStatus(enum.Enum):
    """The stage of a :class:`Detention`, as of the article."""

    ARRESTED = "arrested"
    CHARGED = "charged"
    DETAINED = "detained"
    JAILED = "jailed"
    CONVICTED = "convicted"
    SENTENCED = "sentenced"
    RELEASED = "released"
    EXCHANGED = "exchanged"


class Parties(NamedTuple):
    """The actors of an event, split by the part they play (see :meth:`Event.parties`)."""

    acting: tuple[Actor, ...] = ()
    """The side that acts: a speaker, a requester, a detaining authority."""
    receiving: tuple[Actor, ...] = ()
    """The side acted upon: an addressee, a detainee."""
    other: tuple[Actor, ...] = ()
    """Everyone else involved: participants, people spoken about, the reporting source."""

    @property
    def everyone(self) -> tuple[Actor, ...]:
        """Every actor, acting first, then receiving, then the others."""
        return self.acting + self.receiving + self.other


_ACTOR_TYPES = (Person, Organization, Country)

# The registry (newsevents._registry): one record per event type (its tag, codes, strategy and
# renderings), behind one lock. The names below are the ones other modules have always read here.
RESERVED_TAGS = _registry.RESERVED_TAGS
_REGISTRY = _registry._REGISTRY  # the tag -> class index the loaders read
_OBSERVERS = _registry._OBSERVERS  # the generated loaders and the Hypothesis plugin listen here


@attrs.frozen(kw_only=True)
class Event(Model):
    """The fields every event shares. Subclass it, with :func:`event_type`, for your own types.

    Attributes:
        id: A slug, unique within its article.
        when: When it happened, if the article says.
        place: Where it happened, if the article says.
        certainty: How firmly the article asserts it.
        reported_by: The source the article attributes it to ("CNN reported"), if not the article.
        related: Ids of other events of the same article that it is linked to.
        evidence: Verbatim fragments of the article text that support it.
        summary: A short description in the encoder's own words.
    """

    id: str = attrs.field(metadata=rules(slug))
    when: TimeRef | None = None
    place: Place | None = None
    certainty: Certainty = Certainty.CONFIRMED
    reported_by: Actor | None = None
    related: tuple[str, ...] = attrs.field(default=(), metadata=rules(each=(slug,)))
    evidence: tuple[str, ...] = attrs.field(default=(), metadata=_FRAGMENTS)
    summary: str | None = attrs.field(default=None, metadata=_TEXT)

    def parties(self) -> Parties:
        """Who takes part: the acting side, the receiving side, and everyone else involved.

        This is the PLOVER-style actor/recipient split that queries use
        (:func:`newsevents.query.by`, :func:`~newsevents.query.to`,
        :func:`~newsevents.query.involving`). The built-in types say which of their
        fields act and which receive; for your own types, the default puts every
        actor found in the fields (alone or in tuples) under ``other``; override it
        to say more.

        >>> from newsevents import Country, Detention, DetentionStatus, Person
        >>> d = Detention(id="d1", detainee=Person(name="Paul Whelan"), held_by=Country(code="RU"),
        ...               status=DetentionStatus.JAILED)
        >>> [a.name for a in d.parties().acting], [a.name for a in d.parties().receiving]
        (['Russia'], ['Paul Whelan'])
        """
        found: list[Actor] = []
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if isinstance(value, _ACTOR_TYPES):
                found.append(value)
            elif isinstance(value, tuple):
                found.extend(v for v in value if isinstance(v, _ACTOR_TYPES))
        return Parties(other=tuple(found))

    def __attrs_post_init__(self) -> None:
        if type(self) is Event:
            raise TypeError(
                "Event is abstract: build a Statement, DiplomaticRequest, Detention or your own type"
            )
        super().__attrs_post_init__()


trust(post_init=Event.__attrs_post_init__)  # no loader builds Event itself: it is never registered


def _source(event: Event) -> tuple[Actor, ...]:
    return (event.reported_by,) if event.reported_by is not None else ()


@attrs.frozen(kw_only=True)
class Term(Model):
    """The length of a prison sentence: non-negative and not empty.

    >>> Term(years=25)
    Term(years=25, months=0, days=0, life=False)
    """

    years: int = attrs.field(default=0)
    months: int = attrs.field(default=0)
    days: int = attrs.field(default=0)
    life: bool = False

    def _invariants(self) -> list[tuple[str, str]]:
        found = []
        for name in ("years", "months", "days"):
            value = getattr(self, name)
            if value < 0:
                found.append((name, f"expected a non-negative number, found {value}"))
        if not found and not self.life and not (self.years or self.months or self.days):
            found.append(("years", "expected a non-empty term (years, months, days or life), found none"))
        return found


@event_type("statement")
@attrs.frozen(kw_only=True)
class Statement(Event):
    """Someone said something.

    Attributes:
        speaker: Who said it.
        text: The words: verbatim when ``mode`` is DIRECT, a paraphrase otherwise.
        mode: How the article gives the words.
        quotes: The fragments the article puts in quotation marks, verbatim.
            DIRECT and MIXED need at least one; INDIRECT has none.
        audience: To whom it was said ("journalists"), if the article says.
        venue: Where or in what setting ("a news briefing"), if the article says.
        about: Whom or what it is about.
    """

    speaker: Actor
    text: str = attrs.field(metadata=_TEXT)
    mode: QuoteMode = QuoteMode.DIRECT
    quotes: tuple[str, ...] = attrs.field(default=(), metadata=_FRAGMENTS)
    audience: str | None = attrs.field(default=None, metadata=_TEXT)
    venue: str | None = attrs.field(default=None, metadata=_TEXT)
    about: tuple[Actor, ...] = ()

    def parties(self) -> Parties:
        """The speaker acts; the people and bodies spoken about and the source are involved."""
        return Parties(acting=(self.speaker,), other=self.about + _source(self))

    def _invariants(self) -> list[tuple[str, ...]]:
        if self.mode is QuoteMode.INDIRECT and self.quotes:
            return [("quotes", f"expected no quotes in an indirect statement, found {len(self.quotes)}")]
        if self.mode is not QuoteMode.INDIRECT and not self.quotes:
            default = " (the default mode)" if self.mode is QuoteMode.DIRECT else ""
            return [
                (
                    "quotes",
                    f"expected at least one quote in a {self.mode.value} statement{default}, found none;"
                    ' for a paraphrase without quoted words set mode=QuoteMode.INDIRECT ("mode": "indirect")',
                    "invariant",
                )
            ]
        return []


@event_type("diplomatic_request")
@attrs.frozen(kw_only=True)
class DiplomaticRequest(Event):
    """One party asks another for something: a call, a meeting, a release.

    Attributes:
        requester: Who asks.
        addressee: Who is asked; not the requester.
        kind: What is asked for.
        status: Where the request stands, as of the article.
        participants: The people who would take part (the two ministers of a call).
        channel: How it was conveyed, if the article says.
        purpose: What it is for, in the encoder's words.
        expected: When it is expected to happen, if the article says.
    """

    requester: Actor
    addressee: Actor
    kind: RequestKind
    status: RequestStatus = RequestStatus.MADE
    participants: tuple[Person, ...] = ()
    channel: str | None = attrs.field(default=None, metadata=_TEXT)
    purpose: str | None = attrs.field(default=None, metadata=_TEXT)
    expected: TimeRef | None = None

    def parties(self) -> Parties:
        """The requester acts, the addressee receives; participants and the source are involved."""
        return Parties(
            acting=(self.requester,), receiving=(self.addressee,), other=self.participants + _source(self)
        )

    def _invariants(self) -> list[tuple[str, str]]:
        if actor_key(self.requester) == actor_key(self.addressee):
            kind, ident = actor_key(self.addressee)
            message = f"expected a party other than the requester, found the same {kind} {ident!r}"
            return [("addressee", message)]
        return []


@event_type("detention")
@attrs.frozen(kw_only=True)
class Detention(Event):
    """A person is held by a state or body: arrested, jailed, sentenced, released or exchanged.

    Attributes:
        detainee: Who is held.
        held_by: The state or body holding them.
        status: The stage, as of the article.
        charges: The charges or suspicions, in short words ("espionage").
        sentence: The sentence, if any; SENTENCED needs one.
    """

    detainee: Person
    held_by: Actor
    status: DetentionStatus
    charges: tuple[str, ...] = attrs.field(default=(), metadata=rules(each=(stripped,)))
    sentence: Term | None = None

    def parties(self) -> Parties:
        """The holding state or body acts, the detainee receives; the source is involved."""
        return Parties(acting=(self.held_by,), receiving=(self.detainee,), other=_source(self))

    def _invariants(self) -> list[tuple[str, str]]:
        if self.status is DetentionStatus.SENTENCED and self.sentence is None:
            return [("sentence", "expected a sentence for a sentenced detainee, found none")]
        return []
