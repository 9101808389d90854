"""Predicates of newsevents.query: each one, the combinators, the actor-matching rules and the parties split.

The rules under test are the ones documented at the top of ``newsevents/query.py`` and in issue 4.
"""

# No ``from __future__ import annotations``: the event classes below must carry real annotations
# (the model checks field types from them), as in tests/test_custom_events.py.

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import strategies as st

from newsevents import (
    Actor,
    Article,
    Certainty,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    Organization,
    OrgKind,
    Parties,
    Person,
    Place,
    QuoteMode,
    RequestKind,
    RequestStatus,
    Statement,
    TimeRef,
    ValidationError,
    event_type,
    event_types,
)
from newsevents import strategies as nst
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
    StatusIn,
    TypeIs,
)
from newsevents.query import (
    Predicate,
    by,
    certainty,
    during,
    involving,
    mentioning,
    nationality,
    of_type,
    to,
    with_status,
)

MSK = timezone(timedelta(hours=3))


# ---------------------------------------------------------------- custom event types


@event_type("query_test_meeting")
@attrs.frozen(kw_only=True)
class Meeting(Event):
    """A registered custom type that keeps the default ``parties()``."""

    host: Person
    guests: tuple[Actor, ...] = ()
    organiser: Organization | None = None
    text: str | None = None


# Registered so that strategies built after this module is imported draw valid meetings directly.
nst.register_event_strategy(
    Meeting,
    st.builds(
        Meeting,
        id=nst.slugs(),
        host=nst.persons(max_roles=0),
        guests=st.lists(nst.actors(), max_size=2).map(tuple),
        organiser=st.none() | nst.organizations(),
        text=st.none() | nst.texts(),
    ),
)


@attrs.frozen(kw_only=True)
class Handover(Event):
    """A custom type (not even registered) that says which of its actors act and which receive."""

    giver: Actor
    receiver: Actor
    witnesses: tuple[Person, ...] = ()

    def parties(self) -> Parties:
        return Parties(acting=(self.giver,), receiving=(self.receiver,), other=self.witnesses)


@attrs.frozen(kw_only=True)
class Briefing(Statement):
    """A subclass of a built-in type: ``of_type(Statement)`` must take it in."""


# ---------------------------------------------------------------- who is who, and what happened

RUSSIA = Country(code="RU")
USA = Country(code="US")
CNN = Organization(name="CNN", kind=OrgKind.MEDIA, country="US")
SCO = Organization(name="Shanghai Cooperation Organization", kind=OrgKind.INTERGOVERNMENTAL)
MFA = Organization(
    name="Russian Ministry of Foreign Affairs",
    id="russian-mfa",
    kind=OrgKind.MINISTRY,
    country="RU",
    aliases=("Russian Foreign Ministry",),
)
STATE_DEPARTMENT = Organization(
    name="US State Department", kind=OrgKind.MINISTRY, country="US", aliases=("State Department",)
)
LAVROV = Person(name="Sergey Lavrov", nationality=("RU",), aliases=("Sergei Lavrov",))
ZAKHAROVA = Person(name="Maria Zakharova", nationality=("RU",))
BLINKEN = Person(name="Antony Blinken", nationality=("US",))
GRINER = Person(name="Brittney Griner", nationality=("US",))
WHELAN = Person(name="Paul Whelan", nationality=("US", "GB", "IE", "CA"))
BOUT = Person(name="Viktor Bout", nationality=("RU",))

THURSDAY = TimeRef.of(2022, 7, 28)

STATEMENT = Statement(
    id="zakharova-busy",
    speaker=ZAKHAROVA,
    text="Lavrov has a busy schedule with international contacts.",
    mode=QuoteMode.MIXED,
    quotes=("pay attention to this request when time permits",),
    about=(LAVROV,),
    reported_by=CNN,
    when=THURSDAY,
    certainty=Certainty.CLAIMED,
    summary="Moscow answers Washington",
)
REQUEST = DiplomaticRequest(
    id="call-request",
    requester=STATE_DEPARTMENT,
    addressee=MFA,
    kind=RequestKind.PHONE_CALL,
    status=RequestStatus.UNDER_CONSIDERATION,
    participants=(BLINKEN, LAVROV),
    reported_by=CNN,
    when=TimeRef.of(2022, 7),
    summary="A phone call between the two ministers",
)
DETENTION = Detention(
    id="whelan-detention",
    detainee=WHELAN,
    held_by=RUSSIA,
    status=DetentionStatus.JAILED,
    charges=("espionage",),
    reported_by=CNN,
)
MEETING = Meeting(
    id="sco-meeting",
    host=LAVROV,
    guests=(USA, GRINER),
    organiser=SCO,
    place=Place(name="Tashkent", country="UZ"),
    reported_by=CNN,
    text="Ministers gather in Tashkent",
)
HANDOVER = Handover(id="swap", giver=USA, receiver=RUSSIA, witnesses=(BOUT,))
BRIEFING = Briefing(id="briefing", speaker=ZAKHAROVA, text="No update.", mode=QuoteMode.INDIRECT)

EVENTS = (STATEMENT, REQUEST, DETENTION, MEETING, HANDOVER, BRIEFING)


def said_by(actor: Actor) -> Statement:
    return Statement(id="s", speaker=actor, text="Something.", mode=QuoteMode.INDIRECT)


def dated(when: TimeRef | None) -> Statement:
    return Statement(id="d", speaker=ZAKHAROVA, text="Something.", mode=QuoteMode.INDIRECT, when=when)


def matching(predicate: Predicate, events: tuple[Event, ...] = EVENTS) -> list[str]:
    return [e.id for e in events if predicate(e)]


def error_of(call: Callable[[], object]) -> tuple[str, str]:
    with pytest.raises(ValidationError) as info:
        call()
    assert len(info.value.errors) == 1
    detail = info.value.errors[0]
    return detail.path, detail.message


# ---------------------------------------------------------------- of_type


def test_of_type_by_class() -> None:
    assert of_type(Detention)(DETENTION) is True
    assert of_type(Detention)(STATEMENT) is False
    assert matching(of_type(Statement, DiplomaticRequest)) == ["zakharova-busy", "call-request", "briefing"]


def test_of_type_by_tag() -> None:
    assert matching(of_type("diplomatic_request")) == ["call-request"]
    assert matching(of_type("detention", "statement")) == ["zakharova-busy", "whelan-detention", "briefing"]


def test_of_type_a_registered_custom_type_by_class_and_by_tag() -> None:
    assert matching(of_type("query_test_meeting")) == ["sco-meeting"]
    assert matching(of_type(Meeting)) == ["sco-meeting"]
    assert matching(of_type(Handover)) == ["swap"]


def test_of_type_takes_in_subclasses_and_not_the_other_way_round() -> None:
    assert of_type(Statement)(BRIEFING) is True
    assert of_type(Briefing)(STATEMENT) is False
    assert matching(of_type(Event)) == [e.id for e in EVENTS]


def test_of_type_errors() -> None:
    assert error_of(of_type) == ("of_type", "expected at least one event type, found none")
    assert error_of(lambda: of_type("protest_nowhere")) == (
        "of_type",
        f"unknown event type 'protest_nowhere'; known: {', '.join(event_types())}",
    )
    assert error_of(lambda: of_type("Statement")) == (
        "of_type",
        f"unknown event type 'Statement'; known: {', '.join(event_types())}",
    )
    assert error_of(lambda: of_type(int)) == (  # type: ignore[arg-type]
        "of_type",
        "expected an Event subclass or a tag, found type (<class 'int'>)",
    )
    assert error_of(lambda: of_type(3)) == (  # type: ignore[arg-type]
        "of_type",
        "expected an Event subclass or a tag, found int (3)",
    )


# ---------------------------------------------------------------- involving, by, to


def test_involving_by_and_to_on_a_statement() -> None:
    assert by("Zakharova")(STATEMENT) is True
    assert to("Zakharova")(STATEMENT) is False
    assert involving("Zakharova")(STATEMENT) is True
    assert by("Lavrov")(STATEMENT) is False  # spoken about, not speaking
    assert involving("Lavrov")(STATEMENT) is True
    assert involving("CNN")(STATEMENT) is True  # the source is involved
    assert by("CNN")(STATEMENT) is False
    assert involving("Blinken")(STATEMENT) is False


def test_involving_by_and_to_on_a_request() -> None:
    assert by("State Department")(REQUEST) is True
    assert to("State Department")(REQUEST) is False
    assert to("Russian Foreign Ministry")(REQUEST) is True
    assert by("Russian Foreign Ministry")(REQUEST) is False
    assert involving("Blinken")(REQUEST) is True
    assert by("Blinken")(REQUEST) is False
    assert to("Blinken")(REQUEST) is False
    assert involving("Zakharova")(REQUEST) is False


def test_involving_by_and_to_on_a_detention() -> None:
    assert by("RU")(DETENTION) is True
    assert to("RU")(DETENTION) is False
    assert to("Whelan")(DETENTION) is True
    assert by("Whelan")(DETENTION) is False
    assert involving("Russia")(DETENTION) is True
    assert involving("Paul Whelan")(DETENTION) is True
    assert involving("US")(DETENTION) is False  # Whelan's nationality is not a party


def test_involving_works_on_a_custom_type_without_changes() -> None:
    for actor in ("Lavrov", "US", "Griner", "Shanghai Cooperation Organization", "CNN"):
        assert involving(actor)(MEETING) is True, actor
        assert by(actor)(MEETING) is False, actor
        assert to(actor)(MEETING) is False, actor
    assert involving("Tashkent")(MEETING) is False  # a place is not an actor
    assert involving("Zakharova")(MEETING) is False


def test_by_and_to_follow_a_custom_parties_override() -> None:
    assert by("US")(HANDOVER) is True
    assert to("US")(HANDOVER) is False
    assert to(RUSSIA)(HANDOVER) is True
    assert by(RUSSIA)(HANDOVER) is False
    assert involving("Bout")(HANDOVER) is True
    assert by("Bout")(HANDOVER) is False
    assert to("Bout")(HANDOVER) is False


def test_actor_predicates_across_events() -> None:
    assert matching(involving("Lavrov")) == ["zakharova-busy", "call-request", "sco-meeting"]
    assert matching(by("Zakharova")) == ["zakharova-busy", "briefing"]
    assert matching(to("RU")) == ["swap"]
    assert matching(by("Russia")) == ["whelan-detention"]
    assert matching(involving(CNN)) == ["zakharova-busy", "call-request", "whelan-detention", "sco-meeting"]


def test_actor_errors() -> None:
    for make in (involving, by, to):
        assert error_of(lambda make=make: make("")) == (
            "query.actor",
            "expected a name, id or code, found ''",
        )
        assert error_of(lambda make=make: make("   ")) == (
            "query.actor",
            "expected a name, id or code, found '   '",
        )
        assert error_of(lambda make=make: make(42)) == (  # type: ignore[arg-type]
            "query.actor",
            "expected a Person, Organization, Country or str, found int (42)",
        )
        assert error_of(lambda make=make: make(None)) == (  # type: ignore[arg-type]
            "query.actor",
            "expected a Person, Organization, Country or str, found null",
        )


# ---------------------------------------------------------------- the actor-matching rules

MATCHING = [
    # an id, or a country code, ignoring case
    ("sergey-lavrov", LAVROV, True),
    ("SERGEY-LAVROV", LAVROV, True),
    ("russian-mfa", MFA, True),
    ("RU", RUSSIA, True),
    ("ru", RUSSIA, True),
    (" RU ", RUSSIA, True),
    ("US", USA, True),
    ("USA", USA, False),
    ("RU", LAVROV, False),  # a nationality is not a name
    # a country matches its code and name, not the bodies that belong to it
    ("RU", MFA, False),
    ("Russia", RUSSIA, True),
    ("United States", USA, True),
    # a whole name or alias, ignoring case
    ("Sergey Lavrov", LAVROV, True),
    ("sergey lavrov", LAVROV, True),
    ("SERGEY LAVROV", LAVROV, True),
    ("Sergei Lavrov", LAVROV, True),
    ("Russian Ministry of Foreign Affairs", MFA, True),
    ("Russian Foreign Ministry", MFA, True),
    # a whole-word part: one or more consecutive words of a name or alias
    ("Lavrov", LAVROV, True),
    ("lavrov", LAVROV, True),
    ("Sergey", LAVROV, True),
    ("Sergei", LAVROV, True),
    ("States", USA, True),
    ("Foreign Ministry", MFA, True),
    ("Ministry of Foreign Affairs", MFA, True),
    ("Foreign Affairs", MFA, True),
    ("Lav", LAVROV, False),
    ("avrov", LAVROV, False),
    ("Sergey Lav", LAVROV, False),
    ("Lavrov Sergey", LAVROV, False),
    ("Sergey Lavrov Jr", LAVROV, False),
    ("Sergey Sergei", LAVROV, False),  # words from two different names
    ("Russia", MFA, False),
    ("Russian Affairs", MFA, False),  # not consecutive
    ("Ministry Foreign", MFA, False),
    ("mfa", MFA, False),  # a piece of an id is not an id
    ("Lavrov", ZAKHAROVA, False),
    # spacing and punctuation between words do not matter
    ("sergey  lavrov", LAVROV, True),
    ("  Sergey Lavrov  ", LAVROV, True),
    ("Sergey, Lavrov", LAVROV, True),
    ("Sergey-Lavrov", LAVROV, True),
    ("Lavrov.", LAVROV, True),
    ("foreign -- ministry", MFA, True),
    ("Foreign\tMinistry", MFA, True),
]


@pytest.mark.parametrize(
    ("query", "actor", "expected"), MATCHING, ids=[f"{q!r}-{a.name}" for q, a, _ in MATCHING]
)
def test_actor_string_matching(query: str, actor: Actor, expected: bool) -> None:
    assert by(query)(said_by(actor)) is expected
    assert involving(query)(said_by(actor)) is expected


ENTITIES = [
    (Person(name="Sergey Lavrov"), LAVROV, True),  # same kind and id; other fields differ
    (Person(name="S. Lavrov", id="sergey-lavrov"), LAVROV, True),
    (Person(name="Sergey Lavrov", id="lavrov-2"), LAVROV, False),
    (Organization(name="Sergey Lavrov"), LAVROV, False),  # same id, another kind
    (Person(name="Russian Ministry of Foreign Affairs", id="russian-mfa"), MFA, False),
    (Organization(name="Foreign Ministry", id="russian-mfa"), MFA, True),
    (Country(code="RU"), RUSSIA, True),
    (Country(code="US"), RUSSIA, False),
    (RUSSIA, MFA, False),
    (Person(name="Russia", id="ru"), RUSSIA, False),
]


@pytest.mark.parametrize(
    ("query", "actor", "expected"), ENTITIES, ids=[f"{type(q).__name__}-{a.name}" for q, a, _ in ENTITIES]
)
def test_actor_entity_matching(query: Actor, actor: Actor, expected: bool) -> None:
    assert by(query)(said_by(actor)) is expected
    assert involving(query)(said_by(actor)) is expected


def test_a_string_matches_every_kind_with_that_id_but_an_entity_only_its_own_kind() -> None:
    person = Person(name="Acme", id="acme")
    company = Organization(name="Acme", id="acme", kind=OrgKind.COMPANY)
    assert by("acme")(said_by(person)) is True
    assert by("acme")(said_by(company)) is True
    assert by(person)(said_by(company)) is False
    assert by(company)(said_by(person)) is False
    assert by(person)(said_by(person)) is True


# ---------------------------------------------------------------- parties


def test_parties_of_a_statement() -> None:
    assert STATEMENT.parties() == Parties(acting=(ZAKHAROVA,), receiving=(), other=(LAVROV, CNN))


def test_parties_of_a_diplomatic_request() -> None:
    assert REQUEST.parties() == Parties(
        acting=(STATE_DEPARTMENT,), receiving=(MFA,), other=(BLINKEN, LAVROV, CNN)
    )


def test_parties_of_a_detention() -> None:
    assert DETENTION.parties() == Parties(acting=(RUSSIA,), receiving=(WHELAN,), other=(CNN,))


def test_parties_of_a_custom_type_default_to_every_actor_in_its_fields_under_other() -> None:
    # Field order: the shared reported_by first, then the type's own fields; the place is no actor.
    assert MEETING.parties() == Parties(acting=(), receiving=(), other=(CNN, LAVROV, USA, GRINER, SCO))
    bare = Meeting(id="m", host=BOUT)
    assert bare.parties() == Parties(other=(BOUT,))


def test_parties_override_and_everyone() -> None:
    assert HANDOVER.parties() == Parties(acting=(USA,), receiving=(RUSSIA,), other=(BOUT,))
    assert REQUEST.parties().everyone == (STATE_DEPARTMENT, MFA, BLINKEN, LAVROV, CNN)


# ---------------------------------------------------------------- during

DAY = dated(TimeRef.of(2022, 7, 28))
MONTH = dated(TimeRef.of(2022, 7))
MOSCOW_DAY = dated(TimeRef(start=datetime(2022, 7, 28, tzinfo=MSK)))  # 27 July 21:00 to 28 July 21:00 UTC
UNDATED = dated(None)

DURING = [
    # TimeRef
    ("timeref-month", DAY, lambda: during(TimeRef.of(2022, 7)), True),
    ("timeref-other-month", DAY, lambda: during(TimeRef.of(2022, 8)), False),
    ("timeref-day-in-month", MONTH, lambda: during(TimeRef.of(2022, 7, 31)), True),
    ("timeref-msk-day", DAY, lambda: during(TimeRef(start=datetime(2022, 7, 29, tzinfo=MSK))), True),
    ("timeref-msk-day-after", DAY, lambda: during(TimeRef(start=datetime(2022, 7, 30, tzinfo=MSK))), False),
    # date: that day, UTC
    ("date", DAY, lambda: during(date(2022, 7, 28)), True),
    ("date-before", DAY, lambda: during(date(2022, 7, 27)), False),
    ("date-after", DAY, lambda: during(date(2022, 7, 29)), False),
    ("date-in-month", MONTH, lambda: during(date(2022, 7, 1)), True),
    ("date-before-month", MONTH, lambda: during(date(2022, 6, 30)), False),
    ("date-after-month", MONTH, lambda: during(date(2022, 8, 1)), False),
    # aware datetime: an instant; the period's start is in it, its end is not
    ("instant-at-start", DAY, lambda: during(datetime(2022, 7, 28, tzinfo=UTC)), True),
    ("instant-inside", DAY, lambda: during(datetime(2022, 7, 28, 23, 59, 59, tzinfo=UTC)), True),
    ("instant-at-end", DAY, lambda: during(datetime(2022, 7, 29, tzinfo=UTC)), False),
    ("instant-before", DAY, lambda: during(datetime(2022, 7, 27, 23, 59, 59, tzinfo=UTC)), False),
    ("instant-other-zone", DAY, lambda: during(datetime(2022, 7, 29, 2, 59, tzinfo=MSK)), True),
    ("instant-other-zone-end", DAY, lambda: during(datetime(2022, 7, 29, 3, 0, tzinfo=MSK)), False),
    ("msk-day-last-instant", MOSCOW_DAY, lambda: during(datetime(2022, 7, 28, 20, 59, tzinfo=UTC)), True),
    ("msk-day-end", MOSCOW_DAY, lambda: during(datetime(2022, 7, 28, 21, 0, tzinfo=UTC)), False),
    ("msk-day-start", MOSCOW_DAY, lambda: during(datetime(2022, 7, 27, 21, 0, tzinfo=UTC)), True),
    ("msk-day-before-start", MOSCOW_DAY, lambda: during(datetime(2022, 7, 27, 20, 59, tzinfo=UTC)), False),
    # a calendar date is read in the event's own offset: the Moscow day is 28 July, not 27 July
    ("msk-day-own-day", MOSCOW_DAY, lambda: during("2022-07-28"), True),
    ("msk-day-own-date", MOSCOW_DAY, lambda: during(date(2022, 7, 28)), True),
    ("msk-day-not-the-utc-day-it-begins-on", MOSCOW_DAY, lambda: during("2022-07-27"), False),
    ("msk-day-not-as-date", MOSCOW_DAY, lambda: during(date(2022, 7, 27)), False),
    ("msk-day-utc-day-after", MOSCOW_DAY, lambda: during("2022-07-29"), False),
    ("msk-day-own-month", MOSCOW_DAY, lambda: during("2022-07"), True),
    ("msk-day-span-ending-the-day-before", MOSCOW_DAY, lambda: during("2022-07-01", "2022-07-27"), False),
    ("msk-day-span-from-its-day", MOSCOW_DAY, lambda: during("2022-07-28", "2022-08-15"), True),
    # a TimeRef keeps its own zone: the UTC day of 27 July overlaps the Moscow day's first 3 hours
    ("msk-day-utc-timeref-before", MOSCOW_DAY, lambda: during(TimeRef.of(2022, 7, 27)), True),
    (
        "msk-day-mixed-bounds",
        MOSCOW_DAY,
        lambda: during("2022-07-20", datetime(2022, 7, 27, 21, 1, tzinfo=UTC)),
        True,
    ),
    (
        "msk-day-mixed-bounds-ending-at-its-start",
        MOSCOW_DAY,
        lambda: during("2022-07-20", "2022-07-27T21:00:00Z"),
        False,
    ),
    (
        "msk-day-mixed-bounds-starting-after-it",
        MOSCOW_DAY,
        lambda: during("2022-07-29", datetime(2022, 8, 1, tzinfo=UTC)),
        False,
    ),
    # ISO strings: UTC periods, or instants with an offset
    ("iso-year", DAY, lambda: during("2022"), True),
    ("iso-other-year", DAY, lambda: during("2021"), False),
    ("iso-month", DAY, lambda: during("2022-07"), True),
    ("iso-other-month", DAY, lambda: during("2022-06"), False),
    ("iso-day", DAY, lambda: during("2022-07-28"), True),
    ("iso-other-day", DAY, lambda: during("2022-07-27"), False),
    ("iso-padded", DAY, lambda: during(" 2022-07-28 "), True),
    ("iso-instant", DAY, lambda: during("2022-07-28T12:00:00+00:00"), True),
    ("iso-instant-z", DAY, lambda: during("2022-07-28T12:00:00Z"), True),
    ("iso-instant-offset", DAY, lambda: during("2022-07-29T02:00:00+03:00"), True),
    ("iso-instant-at-end", DAY, lambda: during("2022-07-29T03:00:00+03:00"), False),
    # spans: from the start of start to the end of end, both periods included
    ("span-ends-on-the-day", DAY, lambda: during("2022-07-01", "2022-07-28"), True),
    ("span-starts-on-the-day", DAY, lambda: during("2022-07-28", "2022-08-15"), True),
    ("span-ends-at-its-start", DAY, lambda: during("2022-07-01", "2022-07-27"), False),
    ("span-starts-at-its-end", DAY, lambda: during("2022-07-29", "2022-08-15"), False),
    ("span-of-months", DAY, lambda: during("2022-05", "2022-07"), True),
    ("span-of-years", DAY, lambda: during("2020", "2022"), True),
    ("span-of-years-before", DAY, lambda: during("2020", "2021"), False),
    ("span-mixed", DAY, lambda: during(date(2022, 7, 1), TimeRef.of(2022, 7, 28)), True),
    (
        "span-of-instants",
        DAY,
        lambda: during(datetime(2022, 7, 27, 23, tzinfo=UTC), "2022-07-28T00:00:01Z"),
        True,
    ),
    (
        "span-of-instants-ending-at-start",
        DAY,
        lambda: during("2022-07-27T00:00Z", "2022-07-28T00:00Z"),
        False,
    ),
    ("span-into-month", MONTH, lambda: during("2022-06-15", "2022-07-01"), True),
    ("span-ending-at-month", MONTH, lambda: during("2022-06-01", "2022-06-30"), False),
    ("span-from-month-end", MONTH, lambda: during("2022-08-01", "2022-08-31"), False),
    ("span-same-day", DAY, lambda: during("2022-07-28", "2022-07-28"), True),
    ("span-end-inside-start", DAY, lambda: during("2022-07-28", "2022-07"), True),
    # undated events never match
    ("undated-year", UNDATED, lambda: during("2022"), False),
    ("undated-span", UNDATED, lambda: during("1900", "2100"), False),
    ("undated-instant", UNDATED, lambda: during(datetime(2022, 7, 28, tzinfo=UTC)), False),
]


@pytest.mark.parametrize(("event", "make", "expected"), [c[1:] for c in DURING], ids=[c[0] for c in DURING])
def test_during(event: Event, make: Callable[[], Predicate], expected: bool) -> None:
    assert make()(event) is expected


def test_undated_events_match_the_negation_of_during() -> None:
    assert (~during("2022"))(UNDATED) is True
    assert (~during("2022"))(DAY) is False


DURING_ERRORS = [
    ("month-13", lambda: during("2022-13"), "during.start", "not a calendar date: '2022-13'"),
    ("feb-30", lambda: during("2022-02-30"), "during.start", "not a calendar date: '2022-02-30'"),
    (
        "words",
        lambda: during("July 2022"),
        "during.start",
        "expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 datetime with a UTC offset, found 'July 2022'",
    ),
    (
        "one-digit-month",
        lambda: during("2022-7"),
        "during.start",
        "expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 datetime with a UTC offset, found '2022-7'",
    ),
    (
        "naive-iso",
        lambda: during("2022-07-28T10:00:00"),
        "during.start",
        "expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 datetime with a UTC offset,"
        " found '2022-07-28T10:00:00'",
    ),
    (
        "naive-datetime",
        lambda: during(datetime(2022, 7, 28, 10)),
        "during.start",
        "expected a timezone-aware datetime, found naive 2022-07-28 10:00:00",
    ),
    (
        "number",
        lambda: during(2022),
        "during.start",
        "expected a TimeRef, date, datetime or ISO string, found int (2022)",
    ),
    (
        "none",
        lambda: during(None),
        "during.start",
        "expected a TimeRef, date, datetime or ISO string, found null",
    ),
    ("end-month-13", lambda: during("2022", "2022-13"), "during.end", "not a calendar date: '2022-13'"),
    (
        "end-naive",
        lambda: during("2022", datetime(2022, 7, 28)),
        "during.end",
        "expected a timezone-aware datetime, found naive 2022-07-28 00:00:00",
    ),
    (
        "end-words",
        lambda: during("2022", "soon"),
        "during.end",
        "expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 datetime with a UTC offset, found 'soon'",
    ),
    (
        "end-list",
        lambda: during("2022", [2023]),
        "during.end",
        "expected a TimeRef, date, datetime or ISO string, found list ([2023])",
    ),
    (
        "ends-two-days-before",
        lambda: during("2022-07-28", "2022-07-26"),
        "during",
        "the span ends (2022-07-26) before it starts",
    ),
    (
        "ends-the-day-before",
        lambda: during("2022-07-28", "2022-07-27"),
        "during",
        "the span ends (2022-07-27) before it starts",
    ),
    (
        "ends-a-year-before",
        lambda: during("2022", "2021"),
        "during",
        "the span ends (2021-01-01) before it starts",
    ),
    (
        "instants-reversed",
        lambda: during("2022-07-28T12:00:00+00:00", "2022-07-28T11:00:00+00:00"),
        "during",
        "the span ends (2022-07-28T11:00:00+00:00) before it starts",
    ),
    (
        # 12:00 in Moscow is 09:00 UTC: the instants are compared, not the wall times
        "instants-reversed-across-offsets",
        lambda: during("2022-07-28T10:00:00+00:00", datetime(2022, 7, 28, 12, tzinfo=MSK)),
        "during",
        "the span ends (2022-07-28T12:00:00+03:00) before it starts",
    ),
]


@pytest.mark.parametrize(
    ("make", "path", "message"), [c[1:] for c in DURING_ERRORS], ids=[c[0] for c in DURING_ERRORS]
)
def test_during_errors(make: Callable[[], object], path: str, message: str) -> None:
    assert error_of(make) == (path, message)


# ---------------------------------------------------------------- mentioning


def test_mentioning_searches_text_quotes_and_summary_ignoring_case() -> None:
    assert mentioning("BUSY SCHEDULE")(STATEMENT) is True  # the text
    assert mentioning("when time permits")(STATEMENT) is True  # a quote
    assert mentioning("answers washington")(STATEMENT) is True  # the summary
    assert mentioning("phone call")(REQUEST) is True  # a request's summary
    assert mentioning("in tashkent")(MEETING) is True  # a custom type's text
    assert mentioning("no update")(BRIEFING) is True


def test_mentioning_non_matching() -> None:
    assert mentioning("Zakharova")(STATEMENT) is False
    assert mentioning("busy")(REQUEST) is False
    assert mentioning("busy schedules")(STATEMENT) is False
    assert matching(mentioning("espionage")) == []  # charges are not text
    assert matching(mentioning("lavrov")) == ["zakharova-busy"]


def test_mentioning_errors() -> None:
    assert error_of(lambda: mentioning("")) == ("mentioning", "expected non-blank text, found ''")
    assert error_of(lambda: mentioning(" \t")) == ("mentioning", "expected non-blank text, found ' \\t'")
    assert error_of(lambda: mentioning(5)) == (  # type: ignore[arg-type]
        "mentioning",
        "expected non-blank text, found int (5)",
    )


# ---------------------------------------------------------------- with_status, nationality, certainty


def test_with_status_by_member_and_by_value() -> None:
    assert with_status(RequestStatus.UNDER_CONSIDERATION)(REQUEST) is True
    assert with_status("under_consideration")(REQUEST) is True
    assert with_status(RequestStatus.MADE, RequestStatus.RECEIVED)(REQUEST) is False
    assert with_status("jailed")(DETENTION) is True
    assert with_status(DetentionStatus.RELEASED)(DETENTION) is False
    assert matching(with_status("made", "under_consideration", DetentionStatus.JAILED)) == [
        "call-request",
        "whelan-detention",
    ]


def test_with_status_never_matches_events_without_a_status() -> None:
    every_status = [*RequestStatus, *DetentionStatus]
    assert with_status(*every_status)(STATEMENT) is False
    assert with_status(*every_status)(MEETING) is False
    assert matching(with_status(*every_status)) == ["call-request", "whelan-detention"]


def test_with_status_errors() -> None:
    assert error_of(with_status) == ("with_status", "expected at least one status, found none")
    assert error_of(lambda: with_status("pending")) == ("with_status", "unknown status 'pending'")
    assert error_of(lambda: with_status("made", "MADE")) == ("with_status", "unknown status 'MADE'")
    assert error_of(lambda: with_status(Certainty.CLAIMED)) == (  # type: ignore[arg-type]
        "with_status",
        "unknown status Certainty (<Certainty.CLAIMED: 'claimed'>)",
    )


def test_nationality_of_a_person_in_any_role() -> None:
    assert nationality("US")(DETENTION) is True  # the detainee
    assert nationality("GB")(DETENTION) is True  # a second citizenship counts
    assert nationality("RU")(DETENTION) is False  # the holding state is no person
    assert nationality("RU")(STATEMENT) is True  # the speaker, and the person spoken about
    assert nationality("US")(REQUEST) is True  # a participant
    assert nationality("US")(MEETING) is True  # a guest of a custom type
    assert nationality("US")(said_by(USA)) is False  # a country is not a citizen
    assert nationality("US")(said_by(STATE_DEPARTMENT)) is False
    assert matching(nationality("RU")) == [
        "zakharova-busy",
        "call-request",
        "sco-meeting",
        "swap",
        "briefing",
    ]


def test_nationality_errors() -> None:
    for bad, shown in (("us", "'us'"), ("USA", "'USA'"), ("", "''"), (None, "null"), (840, "int (840)")):
        assert error_of(lambda bad=bad: nationality(bad)) == (
            "nationality",
            f"expected an upper-case ISO 3166-1 alpha-2 code, found {shown}",
        )


def test_certainty_by_member_and_value() -> None:
    assert certainty(Certainty.CLAIMED)(STATEMENT) is True
    assert certainty("claimed")(STATEMENT) is True
    assert certainty("confirmed")(STATEMENT) is False
    assert certainty(Certainty.CONFIRMED, "possible")(REQUEST) is True
    assert matching(certainty("claimed", Certainty.DENIED)) == ["zakharova-busy"]


def test_certainty_errors() -> None:
    assert error_of(lambda: certainty("sure")) == ("certainty", "unknown certainty 'sure'")
    assert error_of(lambda: certainty("claimed", "CLAIMED")) == ("certainty", "unknown certainty 'CLAIMED'")
    assert error_of(lambda: certainty(1)) == ("certainty", "unknown certainty int (1)")  # type: ignore[arg-type]


# ---------------------------------------------------------------- combinators


def test_and_or_not() -> None:
    statements = of_type(Statement)
    lavrov = involving("Lavrov")
    assert matching(statements & lavrov) == ["zakharova-busy"]
    assert matching(statements | lavrov) == ["zakharova-busy", "call-request", "sco-meeting", "briefing"]
    assert matching(~statements) == ["call-request", "whelan-detention", "sco-meeting", "swap"]
    assert matching(~~statements) == matching(statements)
    assert matching(~(statements | lavrov)) == ["whelan-detention", "swap"]
    assert matching(~statements & ~lavrov) == ["whelan-detention", "swap"]
    assert matching(statements & ~lavrov) == ["briefing"]
    assert matching((statements | lavrov) & with_status("under_consideration")) == ["call-request"]
    assert matching(statements | (lavrov & with_status("under_consideration"))) == [
        "zakharova-busy",
        "call-request",
        "briefing",
    ]


def test_combining_leaves_the_parts_unchanged() -> None:
    statements = of_type(Statement)
    lavrov = involving("Lavrov")
    both = statements & lavrov
    either = statements | lavrov
    assert repr(statements) == "of_type(Statement)"
    assert repr(lavrov) == "involving('Lavrov')"
    assert matching(statements) == ["zakharova-busy", "briefing"]
    assert matching(both) == ["zakharova-busy"]
    assert len(matching(either)) == 4


def test_every_predicate_carries_a_typed_plan() -> None:
    moment = datetime(2022, 7, 28, 12, tzinfo=UTC)
    assert of_type(Statement, "detention").plan == TypeIs((Statement, Detention))
    assert by("Lavrov").plan == ActorIs("acting", "Lavrov")
    assert to(LAVROV).plan == ActorIs("receiving", LAVROV)
    assert involving("RU").plan == ActorIs(None, "RU")
    assert mentioning("Swap").plan == Mentioning("swap")
    assert with_status("jailed").plan == StatusIn(frozenset({DetentionStatus.JAILED}))
    assert certainty("claimed").plan == CertaintyIn(frozenset({Certainty.CLAIMED}))
    assert nationality("US").plan == NationalityIs("US")
    # a calendar date is a wall time (naive); a datetime or a TimeRef the instants it states
    assert during("2022-07-28").plan == During(datetime(2022, 7, 28), datetime(2022, 7, 29))
    assert during(date(2022, 7, 28), "2022-08").plan == During(datetime(2022, 7, 28), datetime(2022, 9, 1))
    assert during(moment).plan == During(moment, moment)
    instant, year = during(moment).plan, during("2022").plan
    assert isinstance(instant, During)
    assert instant.instant is True
    assert isinstance(year, During)
    assert year.instant is False
    assert during(TimeRef.of(2022, 7)).plan == During(
        datetime(2022, 7, 1, tzinfo=UTC), datetime(2022, 8, 1, tzinfo=UTC)
    )
    assert Predicate(lambda e: True, "anything").plan == Opaque()


def test_combined_plans_are_flat_and_hold_their_parts() -> None:
    a, b, c = of_type(Statement), by("Lavrov"), during("2022")
    assert (a & b & c).plan == And((a, b, c))
    assert ((a & b) & (c & a)).plan == And((a, b, c, a))
    assert (a | b | c).plan == Or((a, b, c))
    ab, not_a = a & b, ~a
    assert (ab | c).plan == Or((ab, c))  # the & stays one part of the |
    assert (ab | c | ab).plan == Or((ab, c, ab))
    assert not_a.plan == Not(a)
    assert (not_a | b).plan == Or((not_a, b))
    assert repr((a & b) | ~c) == "(of_type(Statement) & by('Lavrov')) | ~during('2022')"


def test_combining_with_something_else_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="predicates combine with predicates, found function"):
        of_type(Statement) & (lambda e: True)  # type: ignore[operator]
    with pytest.raises(TypeError, match="predicates combine with predicates, found bool"):
        of_type(Statement) | True  # type: ignore[operator]


REPRS = [
    (lambda: of_type(Statement) & by("Zakharova"), "of_type(Statement) & by('Zakharova')"),
    (lambda: ~(by("x") | to("y")), "~(by('x') | to('y'))"),
    (
        lambda: of_type(Statement) & by("Zakharova") & during("2022-07"),
        "of_type(Statement) & by('Zakharova') & during('2022-07')",
    ),
    (lambda: (by("a") & to("b")) & (by("c") & to("d")), "by('a') & to('b') & by('c') & to('d')"),
    (lambda: (by("a") | to("b")) | by("c"), "by('a') | to('b') | by('c')"),
    (lambda: (by("a") | to("b")) & by("c"), "(by('a') | to('b')) & by('c')"),
    (lambda: by("a") & (to("b") | by("c")), "by('a') & (to('b') | by('c'))"),
    (lambda: by("a") | (to("b") & by("c")), "by('a') | (to('b') & by('c'))"),
    (lambda: ~by("a") & to("b"), "~by('a') & to('b')"),
    (lambda: ~(by("a") & to("b")), "~(by('a') & to('b'))"),
    (lambda: ~~by("a"), "~~by('a')"),
    (lambda: ~(~by("a") | ~to("b")), "~(~by('a') | ~to('b'))"),
    (lambda: of_type("statement", Detention), "of_type(Statement, Detention)"),
    (lambda: of_type("query_test_meeting"), "of_type(Meeting)"),
    (lambda: by(Person(name="Sergey Lavrov")), "by(Person('sergey-lavrov'))"),
    (lambda: to(Country(code="RU")), "to(Country('RU'))"),
    (lambda: involving(MFA), "involving(Organization('russian-mfa'))"),
    (lambda: during("2022-07-01", "2022-07-31"), "during('2022-07-01', '2022-07-31')"),
    (lambda: during(date(2022, 7, 28)), "during(datetime.date(2022, 7, 28))"),
    (lambda: mentioning("busy"), "mentioning('busy')"),
    (lambda: with_status(RequestStatus.MADE, "jailed"), "with_status(RequestStatus.MADE, 'jailed')"),
    (lambda: nationality("US"), "nationality('US')"),
    (lambda: certainty(Certainty.CLAIMED, "possible"), "certainty(Certainty.CLAIMED, 'possible')"),
]


@pytest.mark.parametrize(("make", "expected"), REPRS, ids=[r for _, r in REPRS])
def test_repr(make: Callable[[], Predicate], expected: str) -> None:
    assert repr(make()) == expected


def test_a_repr_reads_back_as_the_same_question() -> None:
    namespace: dict[str, Any] = {
        "of_type": of_type,
        "by": by,
        "to": to,
        "involving": involving,
        "during": during,
        "with_status": with_status,
        "Statement": Statement,
        "Detention": Detention,
    }
    for predicate in (
        of_type(Statement) & by("Zakharova") & during("2022-07"),
        ~(by("RU") | to("Lavrov")) & of_type(Statement, Detention),
        involving("Lavrov") | (with_status("jailed") & ~during("2022")),
    ):
        again = eval(repr(predicate), namespace)  # our own repr, read back on purpose
        assert repr(again) == repr(predicate)
        assert matching(again) == matching(predicate)


# ---------------------------------------------------------------- Article.find


def test_article_find_returns_events_in_article_order() -> None:
    article = Article(
        id="a",
        title="Lavrov",
        published=datetime(2022, 7, 29, tzinfo=UTC),
        publisher=CNN,
        events=(DETENTION, STATEMENT, REQUEST, MEETING),
    )
    # The request (July) is dated before the statement (28 July): article order, not time order.
    assert article.find(involving("Lavrov")) == (STATEMENT, REQUEST, MEETING)
    assert article.find(~involving("Lavrov")) == (DETENTION,)
    assert article.find(of_type(Statement) & by("Blinken")) == ()
    assert article.find(of_type(Event)) == (DETENTION, STATEMENT, REQUEST, MEETING)


def test_a_span_between_instants_in_two_offsets_compares_the_instants() -> None:
    # From 12:00 in Moscow (09:00 UTC) to 10:00 UTC: an hour, although 10 < 12 on the clocks.
    span = during(datetime(2022, 7, 28, 12, tzinfo=MSK), "2022-07-28T10:00:00+00:00")
    assert span.plan == During(datetime(2022, 7, 28, 12, tzinfo=MSK), datetime(2022, 7, 28, 10, tzinfo=UTC))
    inside = attrs.evolve(STATEMENT, when=TimeRef.of(2022, 7, 28, 9, 30, tz=UTC))
    after = attrs.evolve(STATEMENT, when=TimeRef.of(2022, 7, 28, 10, tz=UTC))
    assert (span(inside), span(after)) == (True, False)


def test_a_span_from_an_instant_to_the_same_instant_is_that_instant() -> None:
    noon = datetime(2022, 7, 28, 12, tzinfo=UTC)
    span = during(noon, "2022-07-28T15:00:00+03:00")
    assert span.plan == During(noon, noon)
    assert isinstance(span.plan, During)
    assert span.plan.instant
    hour = attrs.evolve(STATEMENT, when=TimeRef.of(2022, 7, 28, 12, tz=UTC))
    before = attrs.evolve(STATEMENT, when=TimeRef.of(2022, 7, 28, 11, tz=UTC))
    assert (span(hour), span(before)) == (True, False)
