"""Shared fixtures: the two JSON backends and a small article with one event of each built-in type."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

import newsevents._jsontext
from newsevents import (
    Article,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Organization,
    OrgKind,
    Person,
    Place,
    Precision,
    QuoteMode,
    RequestKind,
    RequestStatus,
    Role,
    Statement,
    Term,
    TimeRef,
    scoped_event_types,
)

MSK = timezone(timedelta(hours=3))

# Hypothesis profiles, as cattrs keeps them: "ci" is reproducible (derandomized, a fixed
# number of examples, no deadline on a shared machine); "dev" is quick for local runs;
# "thorough" digs deeper. NEWSEVENTS_HYPOTHESIS_PROFILE picks one; CI=true picks "ci".
# Without the hypothesis extra the property tests' modules skip (see the root conftest.py).
try:
    from hypothesis import HealthCheck, settings
except ModuleNotFoundError:
    pass
else:
    settings.register_profile("ci", derandomize=True, max_examples=100, deadline=None, print_blob=True)
    settings.register_profile("dev", max_examples=30, deadline=None)
    settings.register_profile(
        "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    # Mutation testing (mutmut sets MUTANT_UNDER_TEST): reproducible, so that a mutant is killed
    # or not on every run, and quick, since the tests run once per mutant.
    settings.register_profile("mutation", derandomize=True, max_examples=30, deadline=None, database=None)
    settings.load_profile(
        os.environ.get("NEWSEVENTS_HYPOTHESIS_PROFILE")
        or ("mutation" if "MUTANT_UNDER_TEST" in os.environ else None)
        or ("ci" if os.environ.get("CI") else "dev")
    )


@pytest.fixture(autouse=True)
def _event_types_of_this_test_only() -> Iterator[None]:
    """Every event type a test registers (or unregisters) is undone when it ends.

    The types that test modules register at import are there for every test, whatever the
    order the tests run in; one test's registrations never reach the tests after it.
    """
    with scoped_event_types():
        yield


@pytest.fixture(params=["orjson", "stdlib"])
def json_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test once with orjson and once with the standard library's json module."""
    if request.param == "stdlib":
        monkeypatch.setattr(newsevents._jsontext, "_orjson", None)
    else:
        orjson = pytest.importorskip("orjson", reason="the orjson extra is not installed")
        monkeypatch.setattr(newsevents._jsontext, "_orjson", orjson)
    return str(request.param)


@pytest.fixture
def sample_article() -> Article:
    """An article with a statement, a diplomatic request and a detention, linked to one another."""
    published = datetime(2022, 7, 28, 22, 23, tzinfo=MSK)
    mfa = Organization(name="Russian Foreign Ministry", kind=OrgKind.MINISTRY, country="RU")
    zakharova = Person(
        name="Maria Zakharova",
        nationality=("RU",),
        roles=(Role(title="spokeswoman", organization=mfa),),
    )
    statement = Statement(
        id="zakharova-busy",
        when=TimeRef(start=datetime(2022, 7, 28, tzinfo=MSK), text="on Thursday"),
        place=Place(name="Moscow", country="RU"),
        related=("call-request",),
        evidence=("Zakharova said “busy” 🙂",),
        speaker=zakharova,
        text="Lavrov is “busy” with a trip abroad 🙂",
        mode=QuoteMode.MIXED,
        quotes=("busy",),
        audience="journalists",
    )
    request = DiplomaticRequest(
        id="call-request",
        when=TimeRef(start=datetime(2022, 7, 1, tzinfo=UTC), precision=Precision.MONTH, approximate=True),
        related=("zakharova-busy", "griner-sentenced"),
        requester=Country(code="US"),
        addressee=Country(code="RU"),
        kind=RequestKind.PHONE_CALL,
        status=RequestStatus.UNDER_CONSIDERATION,
        participants=(Person(name="Antony Blinken", nationality=("US",)), Person(name="Sergey Lavrov")),
        purpose="Discuss an exchange of prisoners — Griner and Whelan",
    )
    detention = Detention(
        id="griner-sentenced",
        when=TimeRef(start=datetime(2022, 2, 17, 10, tzinfo=MSK), precision=Precision.HOUR),
        place=Place(name="Khimki", country="RU"),
        detainee=Person(name="Brittney Griner", nationality=("US",), description="basketball player"),
        held_by=Country(code="RU"),
        status=DetentionStatus.SENTENCED,
        charges=("drug smuggling",),
        sentence=Term(years=9),
    )
    return Article(
        id="lavrov-busy",
        title="Zakharova said “busy”: Lavrov has no time for Blinken 🙂",
        published=published,
        publisher=Organization(name="RT", kind=OrgKind.MEDIA, country="RU"),
        url="https://www.rt.com/russia/559773-lavrov-blinken-call/",
        language="en",
        authors=(Person(name="Jane Doe"),),
        body=("Zakharova said “busy” 🙂", "Москва — second paragraph."),
        events=(statement, request, detention),
        topics=("diplomacy", "prisoner exchange"),
    )
