"""newsevents.codes: CAMEO and PLOVER codes of events, and PLOVER records of articles."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import newsevents.codes
from _seed import seed_article
from newsevents import (
    Article,
    Certainty,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    EventCodes,
    Organization,
    OrgKind,
    Parties,
    Person,
    Place,
    QuoteMode,
    RegistrationError,
    RequestKind,
    Role,
    Statement,
    Term,
    TimeRef,
    ValidationError,
    event_codes,
    event_type,
    register_codes,
    to_plover,
)
from newsevents import strategies as nst
from newsevents._codes.iso3166 import COUNTRY_NAMES
from newsevents.codes import _ALPHA3, CAMEO, PLOVER_EVENTS, PLOVER_MODES, plover_actor

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lavrov_blinken_call.py"
US, RU = Country(code="US"), Country(code="RU")
GRINER = Person(name="Brittney Griner", nationality=("US",), wikidata="Q233389")


def _request(kind: RequestKind) -> DiplomaticRequest:
    return DiplomaticRequest(id="r1", requester=US, addressee=RU, kind=kind)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (RequestKind.PHONE_CALL, ("026", "REQUEST", "meet")),
        (RequestKind.MEETING, ("026", "REQUEST", "meet")),
        (RequestKind.NEGOTIATION, ("026", "REQUEST", "meet")),
        (RequestKind.RELEASE, ("0253", "REQUEST", "yield")),
        (RequestKind.ASSISTANCE, ("020", "REQUEST", "assist")),
        (RequestKind.EXTRADITION, ("020", "REQUEST", "assist")),
        (RequestKind.INFORMATION, ("020", "REQUEST", "assist")),
        (RequestKind.VISIT, ("020", "REQUEST", None)),
        (RequestKind.OTHER, ("020", "REQUEST", None)),
    ],
)
def test_requests_map_to_appeals_and_requests(kind: RequestKind, expected: tuple[Any, ...]) -> None:
    codes = event_codes(_request(kind))
    assert (codes.cameo, codes.plover, codes.mode) == expected


@pytest.mark.parametrize("status", list(DetentionStatus))
def test_detentions_map_to_arrests_or_releases(status: DetentionStatus) -> None:
    sentence = {"sentence": Term(years=1)} if status is DetentionStatus.SENTENCED else {}
    codes = event_codes(Detention(id="d1", detainee=GRINER, held_by=RU, status=status, **sentence))
    freed = status in (DetentionStatus.RELEASED, DetentionStatus.EXCHANGED)
    assert codes == (
        EventCodes(cameo="0841", plover="RETREAT", mode="release")
        if freed
        else EventCodes(cameo="173", plover="COERCE", mode="arrest")
    )


def test_statements_are_cameo_010_and_have_no_plover_category() -> None:
    statement = Statement(id="s1", speaker=RU, text="No comment.", mode=QuoteMode.INDIRECT)
    assert event_codes(statement) == EventCodes(cameo="010")
    assert event_codes(statement).cameo_name == "Make statement, not specified below"


def test_the_tables_name_every_code_the_mapping_uses() -> None:
    assert {code: CAMEO[code] for code in ("010", "020", "026", "0253", "173", "0841")} == {
        "010": "Make statement, not specified below",
        "020": "Make an appeal or request, not specified below",
        "026": "Appeal to others to meet or negotiate",
        "0253": "Appeal for release of persons or property",
        "173": "Arrest, detain, or charge with legal action",
        "0841": "Return, release person(s)",
    }
    assert [code for code in CAMEO if len(code) == 2] == [f"{n:02d}" for n in range(1, 21)]
    assert len(PLOVER_EVENTS) == 16
    assert {"REQUEST", "COERCE", "RETREAT"} <= set(PLOVER_EVENTS)
    assert PLOVER_MODES["REQUEST"] == ("assist", "change", "yield", "meet")
    assert "arrest" in PLOVER_MODES["COERCE"]
    assert "release" in PLOVER_MODES["RETREAT"]


def test_the_module_cites_its_sources() -> None:
    doc = newsevents.codes.__doc__ or ""
    assert "Gerner, P. A. Schrodt" in doc
    assert "Halterman" in doc
    assert "https://github.com/openeventdata/PLOVER" in doc


def test_codes_are_checked_against_the_schemes() -> None:
    with pytest.raises(ValidationError) as caught:
        EventCodes(cameo="21", plover="DEMAND")
    assert [str(e) for e in caught.value.errors] == [
        "EventCodes.cameo: expected a CAMEO code of 2 to 4 digits under categories 01 to 20, found '21'",
        "EventCodes.plover: expected a PLOVER category (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID,"
        " RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT),"
        " found 'DEMAND'",
    ]
    with pytest.raises(ValidationError) as caught:
        EventCodes(plover="COERCE", mode="jail")
    assert str(caught.value) == (
        "EventCodes.mode: expected a mode of COERCE (confiscate, restrict, ban, censor, curfew, martial-law,"
        " arrest, deport, withhold), found 'jail'"
    )
    with pytest.raises(ValidationError) as caught:
        EventCodes(mode="meet")
    assert str(caught.value) == "EventCodes.mode: expected no mode without a PLOVER category, found 'meet'"
    assert EventCodes(cameo="1411", plover="PROTEST", mode="demo").mode == "demo"  # modes PLOVER_MODES lacks


@event_type("codes_test_march")
@attrs.frozen(kw_only=True)
class March(Event):
    marchers: int | None = None
    organiser: Organization | None = None

    def parties(self) -> Parties:
        return Parties(acting=(self.organiser,) if self.organiser else ())


@event_type("codes_test_silent_march")
@attrs.frozen(kw_only=True)
class SilentMarch(March):
    pass


def test_custom_types_declare_codes_and_subclasses_inherit_them() -> None:
    assert event_codes(March(id="m1")) == EventCodes()  # nothing declared yet
    register_codes(March, lambda e: EventCodes(cameo="141" if e.marchers else "14", plover="PROTEST"))
    assert event_codes(March(id="m1", marchers=300)) == EventCodes(cameo="141", plover="PROTEST")
    assert event_codes(March(id="m1")).cameo == "14"
    assert event_codes(SilentMarch(id="m2")).plover == "PROTEST"
    register_codes(SilentMarch, EventCodes(cameo="14", plover="PROTEST"))
    assert event_codes(SilentMarch(id="m2")).cameo == "14"


def test_registering_codes_needs_an_event_type_and_codes() -> None:
    with pytest.raises(RegistrationError) as caught:
        register_codes(Person, EventCodes())  # type: ignore[type-var]
    assert str(caught.value) == f"register_codes takes an Event subclass, found {Person!r}"
    with pytest.raises(RegistrationError) as caught:
        register_codes(March, "PROTEST")  # type: ignore[arg-type]
    assert str(caught.value) == "register_codes takes EventCodes or a function of the event, found 'PROTEST'"


def test_a_codes_function_must_return_codes() -> None:
    @event_type("codes_test_vigil")
    @attrs.frozen(kw_only=True)
    class Vigil(Event):
        pass

    register_codes(Vigil, lambda e: "PROTEST")  # type: ignore[arg-type, return-value]
    with pytest.raises(TypeError) as caught:
        event_codes(Vigil(id="v1"))
    assert (
        str(caught.value) == f"the codes function of {Vigil.__qualname__} returned 'PROTEST', not EventCodes"
    )


# ---------------------------------------------------------------- PLOVER records


def test_the_alpha3_table_covers_every_assigned_code() -> None:
    assert set(_ALPHA3) == set(COUNTRY_NAMES)
    assert len(set(_ALPHA3.values())) == len(_ALPHA3)
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in _ALPHA3.values())
    pairs = {
        "RU": "RUS",
        "US": "USA",
        "GB": "GBR",
        "DE": "DEU",
        "CN": "CHN",
        "UA": "UKR",
        "KP": "PRK",
        "TW": "TWN",
    }
    assert {code: _ALPHA3[code] for code in pairs} == pairs


def test_actors_carry_codes_sectors_and_wikidata() -> None:
    state = Organization(name="US State Department", kind=OrgKind.MINISTRY, country="US", wikidata="Q789915")
    blinken = Person(
        name="Antony Blinken",
        nationality=("US",),
        roles=(Role(title="Secretary of State", organization=state),),
    )
    assert plover_actor(blinken) == {
        "code": "USA",
        "sector": "GOV",
        "office": "Secretary of State",
        "actor_text": "Antony Blinken",
    }
    assert plover_actor(state) == {
        "code": "USA",
        "sector": "GOV",
        "actor_text": "US State Department",
        "identifier_id": "Q789915",
        "identifier_text": "US State Department",
    }
    assert plover_actor(Organization(name="UN", kind=OrgKind.INTERGOVERNMENTAL)) == {
        "code": "IGO",
        "actor_text": "UN",
    }
    assert plover_actor(GRINER) == {
        "code": "USA",
        "actor_text": "Brittney Griner",
        "identifier_id": "Q233389",
        "identifier_text": "Brittney Griner",
    }


PUBLISHED = datetime(2022, 7, 28, 22, 23, tzinfo=UTC)
RT = Organization(name="RT", kind=OrgKind.MEDIA, country="RU")


def test_records_of_an_article() -> None:
    release = Detention(
        id="freed",
        detainee=GRINER,
        held_by=RU,
        status=DetentionStatus.EXCHANGED,
        when=TimeRef.of(2022, 12, 8, 11, 5),
        evidence=("released", "in a swap"),
    )
    hoped = DiplomaticRequest(
        id="hope",
        requester=US,
        addressee=RU,
        kind=RequestKind.MEETING,
        certainty=Certainty.POSSIBLE,
        when=TimeRef.of(2022, 8),
        summary="A meeting may be asked for.",
    )
    said = Statement(id="said", speaker=RU, text="No comment.", mode=QuoteMode.INDIRECT)
    article = Article(
        id="a1",
        title="Swap",
        published=PUBLISHED,
        publisher=RT,
        url="https://www.rt.com/a1",
        language="en-GB",
        events=(release, hoped, said),
    )
    cite = {"title": "Swap", "publication": "RT", "url": "https://www.rt.com/a1", "language": "en"}
    assert to_plover(article) == [
        {
            "id": "a1#freed",
            "date": "2022-12-08",
            "time": "11:05:00+00:00",
            "event": ["RETREAT"],
            "mode": "release",
            "context": ["future"],
            "source": [{"code": "RUS", "actor_text": "Russia"}],
            "recipient": [plover_actor(GRINER)],
            "event_text": ["released", "in a swap"],
            "cameo": "0841",
            "cite_info": cite,
        },
        {
            "id": "a1#hope",
            "date": "2022-08-01",
            "enddate": "2022-08-31",
            "event": ["REQUEST"],
            "mode": "meet",
            "context": ["diplomatic", "hypothetical", "future"],
            "source": [{"code": "USA", "actor_text": "United States"}],
            "recipient": [{"code": "RUS", "actor_text": "Russia"}],
            "comment": "A meeting may be asked for.",
            "cameo": "026",
            "cite_info": cite,
        },
    ]


def test_records_carry_their_place_the_paragraphs_of_their_evidence_and_a_link() -> None:
    place = Place(name="Khimki", country="RU")
    arrest = Detention(
        id="arrest",
        detainee=GRINER,
        held_by=RU,
        status=DetentionStatus.ARRESTED,
        place=place,
        evidence=("was detained",),
        related=("ask",),
    )
    ask = DiplomaticRequest(id="ask", requester=US, addressee=RU, kind=RequestKind.RELEASE)
    said = Statement(id="said", speaker=RU, text="No comment.", mode=QuoteMode.INDIRECT, related=("ask",))
    alone = DiplomaticRequest(id="alone", requester=US, addressee=RU, kind=RequestKind.OTHER)
    body = ("Griner was detained in February.", "Another paragraph.", "She was detained at an airport.")
    events = (said, arrest, ask, alone)
    article = Article(id="a3", title="T", published=PUBLISHED, publisher=RT, body=body, events=events)
    records = {r["id"]: r for r in to_plover(article)}
    assert records["a3#arrest"]["event_loc"] == {"name": "Khimki", "country code": "RU", "cc3": "RUS"}
    assert (
        records["a3#arrest"]["text"] == "Griner was detained in February.\n\nShe was detained at an airport."
    )
    assert (
        records["a3#arrest"]["link"] == records["a3#ask"]["link"] == "a3#said"
    )  # the statement links them too
    assert "link" not in records["a3#alone"]
    assert "text" not in records["a3#ask"]


def test_an_undated_event_takes_the_date_of_publication_and_says_so() -> None:
    denied = Detention(
        id="d", detainee=GRINER, held_by=RU, status=DetentionStatus.ARRESTED, certainty=Certainty.DENIED
    )
    (record,) = to_plover(Article(id="a2", title="T", published=PUBLISHED, publisher=RT, events=(denied,)))
    assert record["date"] == "2022-07-28"
    assert record["context"] == ["negation"]
    assert record["comment"] == "The article does not date the event: date of publication."
    assert "time" not in record
    assert "enddate" not in record


def test_the_seed_article_exports_to_plover() -> None:
    records = to_plover(seed_article())
    assert [(r["id"].split("#")[1], r["event"], r.get("mode"), r["cameo"]) for r in records] == [
        ("call-request", ["REQUEST"], "meet", "026"),
        ("release-proposal", ["REQUEST"], "yield", "0253"),
        ("griner-detention", ["COERCE"], "arrest", "173"),
        ("whelan-detention", ["COERCE"], "arrest", "173"),
        ("bout-sentence", ["COERCE"], "arrest", "173"),
    ]
    bout = records[-1]
    assert (bout["date"], bout["enddate"]) == ("2012-01-01", "2012-12-31")
    assert bout["source"] == [{"code": "USA", "actor_text": "United States"}]
    assert bout["recipient"] == [{"code": "RUS", "actor_text": "Viktor Bout"}]


@given(nst.articles(max_events=3))
def test_every_event_with_a_plover_category_becomes_one_record(article: Article) -> None:
    records = to_plover(article)
    coded = [e for e in article.events if event_codes(e).plover is not None]
    assert [r["id"] for r in records] == [f"{article.id}#{e.id}" for e in coded]
    for record in records:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"])
        assert record["event"][0] in PLOVER_EVENTS
        assert all(re.fullmatch(r"[A-Z]{3}", a["code"]) for a in record["source"] if "code" in a)
