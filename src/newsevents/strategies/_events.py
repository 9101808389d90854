"""The built-in event types (statements, diplomatic requests, detentions) and the fields all events share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from newsevents._codes.iso3166 import COUNTRY_NAMES
from newsevents.dates import TimeRef
from newsevents.entities import Actor, Country, actor_key
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
)
from newsevents.strategies._args import check_members, check_optional_strategy, check_size, check_strategy
from newsevents.strategies._entities import actors, countries, organizations, persons, places
from newsevents.strategies._text import CHARGES, slugs, texts
from newsevents.strategies._time import terms, time_refs

WhenStrategy = st.SearchStrategy[TimeRef | None]

# A detention that ended without a date is what check() reports (NE501).
DATED_STATUSES = (DetentionStatus.RELEASED, DetentionStatus.EXCHANGED)


def needs_date(event: Event) -> bool:
    """Whether :func:`newsevents.checks.check` expects ``event`` to have a ``when``."""
    return isinstance(event, Detention) and event.status in DATED_STATUSES


def when_strategy(when: WhenStrategy | None) -> WhenStrategy:
    """The strategy for ``when``: the caller's, or a period or nothing."""
    return st.none() | time_refs() if when is None else when


def shared_fields() -> dict[str, st.SearchStrategy[Any]]:
    """Strategies for the fields every :class:`~newsevents.Event` has, but ``when`` and ``related``."""
    return {
        "id": slugs(),
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
    when: WhenStrategy | None = None,
    max_quotes: int = 3,
) -> st.SearchStrategy[Statement]:
    """Statements whose quotes fit their mode: at least one for DIRECT and MIXED, none for INDIRECT.

    A DIRECT statement's text is one of its quotes, as
    :func:`newsevents.checks.check` expects.

    Args:
        speakers: A strategy for the speaker; any actor by default.
        modes: Draw only these quote modes (a non-empty sequence of :class:`~newsevents.QuoteMode`).
        when: A strategy for ``when`` (``TimeRef`` or ``None``).
        max_quotes: The most quotes a statement carries (at least 1).

    >>> from hypothesis import given
    >>> from newsevents import QuoteMode
    >>> @given(statements(modes=[QuoteMode.DIRECT]))
    ... def check(statement):
    ...     assert statement.text in statement.quotes
    >>> check()
    """
    check_size("max_quotes", max_quotes, 1)
    speaker_st = check_strategy("speakers", speakers) if speakers is not None else actors()
    mode_st = st.sampled_from(tuple(QuoteMode) if modes is None else check_members("modes", modes, QuoteMode))
    when_st = when_strategy(check_optional_strategy("when", when))

    shared = shared_fields()
    quote_st = st.lists(texts(), min_size=1, max_size=max_quotes).map(tuple)
    text_st = texts()
    audience = st.none() | st.sampled_from(("journalists", "parliament", "reporters"))
    venue = st.none() | st.sampled_from(("news briefing", "press conference", "interview"))
    about = st.lists(actors(), max_size=2).map(tuple)

    @st.composite
    def build(draw: st.DrawFn) -> Statement:
        mode = draw(mode_st)
        quotes = () if mode is QuoteMode.INDIRECT else draw(quote_st)
        text = draw(st.sampled_from(quotes)) if mode is QuoteMode.DIRECT else draw(text_st)
        return Statement(
            **{k: draw(v) for k, v in shared.items()},
            when=draw(when_st),
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
    code = "US" if not isinstance(requester, Country) or requester.code != "US" else "RU"
    return Country(code=code if code in COUNTRY_NAMES else min(COUNTRY_NAMES))


def diplomatic_requests(
    *,
    parties: st.SearchStrategy[Actor] | None = None,
    kinds: Sequence[RequestKind] | None = None,
    when: WhenStrategy | None = None,
) -> st.SearchStrategy[DiplomaticRequest]:
    """Requests between two different parties, with participants and an expected time now and then.

    Args:
        parties: A strategy for requester and addressee (drawn twice; made distinct).
        kinds: Draw only these request kinds (a non-empty sequence of :class:`~newsevents.RequestKind`).
        when: A strategy for ``when``.
    """
    party_st = check_strategy("parties", parties) if parties is not None else actors()
    kind_st = st.sampled_from(
        tuple(RequestKind) if kinds is None else check_members("kinds", kinds, RequestKind)
    )
    when_st = when_strategy(check_optional_strategy("when", when))

    shared = shared_fields()
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
            when=draw(when_st),
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
    when: WhenStrategy | None = None,
) -> st.SearchStrategy[Detention]:
    """Detentions; every SENTENCED one has a sentence.

    With the default ``when``, every RELEASED or EXCHANGED detention is dated, as
    :func:`newsevents.checks.check` expects; a ``when`` of your own is used as drawn.

    Args:
        statuses: Draw only these statuses (a non-empty sequence of :class:`~newsevents.DetentionStatus`).
        when: A strategy for ``when``.

    >>> from hypothesis import given
    >>> from newsevents import DetentionStatus
    >>> @given(detentions(statuses=[DetentionStatus.RELEASED]))
    ... def check(detention):
    ...     assert detention.when is not None
    >>> check()
    """
    status_st = st.sampled_from(
        tuple(DetentionStatus) if statuses is None else check_members("statuses", statuses, DetentionStatus)
    )
    own_when = check_optional_strategy("when", when)
    when_st = when_strategy(own_when)
    dated_st = time_refs() if own_when is None else own_when

    shared = shared_fields()
    term_st = terms()
    maybe_term = st.none() | term_st
    detainee = persons(max_roles=1)
    holder = st.one_of(countries(), organizations())
    charges = st.lists(st.sampled_from(CHARGES), max_size=2, unique=True).map(tuple)

    @st.composite
    def build(draw: st.DrawFn) -> Detention:
        status = draw(status_st)
        sentence = draw(term_st) if status is DetentionStatus.SENTENCED else draw(maybe_term)
        return Detention(
            **{k: draw(v) for k, v in shared.items()},
            when=draw(dated_st if status in DATED_STATUSES else when_st),
            detainee=draw(detainee),
            held_by=draw(holder),
            status=status,
            charges=draw(charges),
            sentence=sentence,
        )

    return build()
