"""newsevents.codes: CAMEO and PLOVER codes of events, and PLOVER records of articles."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import newsevents.codes
from _seed import SHARED, seed_article
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
from newsevents._codes.plover import CONTROLLING_STATE
from newsevents.codes import _ALPHA3, CAMEO, PLOVER_EVENTS, PLOVER_MODES, PLOVER_VERSION, plover_actor

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lavrov_blinken_call.py"
US, RU = Country(code="US"), Country(code="RU")
GRINER = Person(name="Brittney Griner", nationality=("US",), wikidata="Q233389")


def _request(kind: RequestKind) -> DiplomaticRequest:
    return DiplomaticRequest(id="r1", requester=US, addressee=RU, kind=kind)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (RequestKind.PHONE_CALL, ("106", "REQUEST", "meet")),
        (RequestKind.MEETING, ("106", "REQUEST", "meet")),
        (RequestKind.VISIT, ("106", "REQUEST", "meet")),
        (RequestKind.NEGOTIATION, ("106", "REQUEST", "meet")),
        (RequestKind.RELEASE, ("1053", "REQUEST", "yield")),
        (RequestKind.ASSISTANCE, ("103", "REQUEST", "assist")),
        (RequestKind.EXTRADITION, ("1013", "REQUEST", "assist")),
        (RequestKind.INFORMATION, ("102", "REQUEST", "assist")),
        (RequestKind.OTHER, ("100", "REQUEST", None)),
    ],
)
def test_requests_map_to_cameo_demands_and_plover_requests(
    kind: RequestKind, expected: tuple[Any, ...]
) -> None:
    codes = event_codes(_request(kind))
    assert (codes.cameo, codes.plover, codes.mode, codes.also) == (*expected, ())


ARREST = EventCodes(cameo="173", plover="COERCE", mode="arrest")
CONVICT = EventCodes(plover="SANCTION", mode="convict")


@pytest.mark.parametrize(
    ("status", "sentence", "expected"),
    [
        (DetentionStatus.ARRESTED, None, ARREST),
        (DetentionStatus.CHARGED, None, ARREST),
        (DetentionStatus.DETAINED, None, ARREST),
        (DetentionStatus.JAILED, None, ARREST),
        (DetentionStatus.CONVICTED, None, CONVICT),
        (DetentionStatus.CONVICTED, Term(years=2), attrs.evolve(CONVICT, also=(ARREST,))),
        (DetentionStatus.SENTENCED, Term(life=True), attrs.evolve(CONVICT, also=(ARREST,))),
        (DetentionStatus.JAILED, Term(months=3), attrs.evolve(CONVICT, also=(ARREST,))),
        (DetentionStatus.RELEASED, Term(years=8), EventCodes(cameo="0841", plover="RETREAT", mode="release")),
        (DetentionStatus.EXCHANGED, None, EventCodes(cameo="0841", plover="RETREAT", mode="release")),
    ],
)
def test_detentions_map_to_arrests_convictions_or_releases(
    status: DetentionStatus, sentence: Term | None, expected: EventCodes
) -> None:
    codes = event_codes(Detention(id="d1", detainee=GRINER, held_by=RU, status=status, sentence=sentence))
    assert codes == expected


def test_every_detention_status_is_coded() -> None:
    for status in DetentionStatus:
        sentence = Term(years=1) if status is DetentionStatus.SENTENCED else None
        codes = event_codes(Detention(id="d1", detainee=GRINER, held_by=RU, status=status, sentence=sentence))
        assert codes.plover is not None, status


def test_a_conviction_to_prison_is_one_record_with_two_events_and_two_modes() -> None:
    bout = Detention(
        id="bout",
        detainee=Person(name="Viktor Bout", nationality=("RU",)),
        held_by=US,
        status=DetentionStatus.SENTENCED,
        sentence=Term(years=25),
    )
    (record,) = to_plover(Article(id="a9", title="T", published=PUBLISHED, publisher=RT, events=(bout,)))
    assert (record["event"], record["mode"], record["cameo"]) == (
        ["SANCTION", "COERCE"],
        ["convict", "arrest"],
        "173",
    )
    convicted = attrs.evolve(bout, status=DetentionStatus.CONVICTED, sentence=None)
    (record,) = to_plover(Article(id="a9", title="T", published=PUBLISHED, publisher=RT, events=(convicted,)))
    assert (record["event"], record["mode"], "cameo" in record) == (["SANCTION"], ["convict"], False)


def test_statements_are_cameo_010_and_have_no_plover_category() -> None:
    statement = Statement(id="s1", speaker=RU, text="No comment.", mode=QuoteMode.INDIRECT)
    assert event_codes(statement) == EventCodes(cameo="010")
    assert event_codes(statement).cameo_name == "Make statement, not specified below"


def test_the_tables_name_every_code_the_mapping_uses() -> None:
    assert {code: CAMEO[code] for code in ("010", "100", "106", "1053", "173", "0841")} == {
        "010": "Make statement, not specified below",
        "100": "Demand, not specified below",
        "106": "Demand meeting, negotiation",
        "1053": "Demand release of persons or property",
        "173": "Arrest, detain, or charge with legal action",
        "0841": "Return, release person(s)",
    }
    assert not {"020", "025", "0253", "026"} & set(CAMEO)  # appeals: the crosswalk drops them
    assert [code for code in CAMEO if len(code) == 2] == [f"{n:02d}" for n in range(1, 21)]
    assert len(PLOVER_EVENTS) == 16
    assert set(PLOVER_MODES) == set(PLOVER_EVENTS)
    assert PLOVER_MODES["REQUEST"] == ("assist", "change", "yield", "meet")
    assert PLOVER_MODES["AGREE"] == ()


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
        "EventCodes.mode: expected a mode of COERCE (seize, restrict, censor, curfew, martial-law, arrest,"
        " deport, withhold, misinformation, cyber), found 'jail'"
    )
    with pytest.raises(ValidationError) as caught:
        EventCodes(mode="meet")
    assert str(caught.value) == "EventCodes.mode: expected no mode without a PLOVER category, found 'meet'"
    with pytest.raises(ValidationError) as caught:
        EventCodes(plover="AGREE", mode="meet")
    assert str(caught.value) == "EventCodes.mode: expected no mode: AGREE has none, found 'meet'"
    assert EventCodes(cameo="1411", plover="PROTEST", mode="demo").mode == "demo"


@pytest.mark.parametrize("mode", ["seize", "cyber", "misinformation"])
def test_the_current_coerce_modes_are_accepted(mode: str) -> None:
    assert EventCodes(plover="COERCE", mode=mode).mode == mode


@pytest.mark.parametrize(
    ("category", "mode"), [("COERCE", "confiscate"), ("COERCE", "ban"), ("RETREAT", "return")]
)
def test_retired_modes_are_refused(category: str, mode: str) -> None:
    with pytest.raises(ValidationError) as caught:
        EventCodes(plover=category, mode=mode)
    assert caught.value.errors[0].path == "EventCodes.mode"
    assert caught.value.errors[0].message.startswith(f"expected a mode of {category} (")
    assert caught.value.errors[0].message.endswith(f"found {mode!r}")


@event_type("codes_test_march")
@attrs.frozen(kw_only=True)
class March(Event):
    marchers: int | None = None
    organiser: Organization | None = None

    def parties(self) -> Parties:
        return Parties(acting=(self.organiser,) if self.organiser else ())


@event_type("codes_test_candlelight_vigil")
@attrs.frozen(kw_only=True)
class CandleVigil(Event):
    pass


register_codes(CandleVigil, EventCodes(cameo="141", plover="PROTEST", mode="demo"))


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
        "entity_text": "Antony Blinken",
    }
    assert plover_actor(state) == {
        "code": "USA",
        "sector": "GOV",
        "entity_text": "US State Department",
        "identifier_id": "Q789915",
        "identifier_text": "US State Department",
    }
    assert plover_actor(Organization(name="OSCE", kind=OrgKind.INTERGOVERNMENTAL)) == {
        "code": "IGO",
        "entity_text": "OSCE",
    }
    assert plover_actor(GRINER) == {
        "code": "USA",
        "entity_text": "Brittney Griner",
        "identifier_id": "Q233389",
        "identifier_text": "Brittney Griner",
    }


@pytest.mark.parametrize(
    ("org", "code"),
    [
        (Organization(name="UN", kind=OrgKind.INTERGOVERNMENTAL), "UNO"),
        (Organization(name="United Nations Security Council", kind=OrgKind.INTERGOVERNMENTAL), "UNO"),
        (Organization(name="Vereinte Nationen", aliases=("UN",), kind=OrgKind.INTERGOVERNMENTAL), "UNO"),
        (Organization(name="United Nations", wikidata="Q1065"), "UNO"),
        (Organization(name="EU", kind=OrgKind.INTERGOVERNMENTAL), "EUR"),
        (Organization(name="European Union", kind=OrgKind.OTHER, wikidata="Q458"), "EUR"),
        (Organization(name="UN Watch", kind=OrgKind.NGO), "NGO"),  # not the UN: the kind says so
        (Organization(name="Unesco Friends", kind=OrgKind.INTERGOVERNMENTAL), "IGO"),
    ],
)
def test_the_un_and_the_eu_are_uno_and_eur(org: Organization, code: str) -> None:
    assert plover_actor(org)["code"] == code


@pytest.mark.parametrize(
    ("code", "state"),
    [("FK", "GBR"), ("PR", "USA"), ("GF", "FRA"), ("AX", "FIN"), ("MO", "CHN"), ("EH", "MAR")],
)
def test_dependencies_fold_into_their_controlling_state(code: str, state: str) -> None:
    assert plover_actor(Country(code=code))["code"] == state
    assert plover_actor(Person(name="A Resident", nationality=(code,)))["code"] == state
    assert (
        plover_actor(Organization(name="Local Government", kind=OrgKind.GOVERNMENT, country=code))["code"]
        == state
    )


@pytest.mark.parametrize(
    ("code", "kept"), [("HK", "HKG"), ("PS", "PSE"), ("AQ", "ATA"), ("TW", "TWN"), ("VA", "VAT")]
)
def test_the_manuals_exceptions_and_states_keep_their_code(code: str, kept: str) -> None:
    assert plover_actor(Country(code=code))["code"] == kept


def test_every_dependency_folds_into_an_assigned_state_that_is_not_itself_folded() -> None:
    assert set(CONTROLLING_STATE) <= set(COUNTRY_NAMES)
    assert set(CONTROLLING_STATE.values()) <= set(COUNTRY_NAMES) - set(CONTROLLING_STATE)
    assert not {"AQ", "HK", "PS", "VA", "TW"} & set(CONTROLLING_STATE)


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
    cite = {
        "title": "Swap",
        "publication": "RT",
        "url": "https://www.rt.com/a1",
        "language": "en",
        "codebook": "PLOVER manual draft 2.0 (openeventdata/PLOVER, 2024-02-04)",
    }
    assert to_plover(article) == [
        {
            "id": "a1#freed",
            "date": "2022-12-08",
            "time": "11:05:00+00:00",
            "actor": [{"code": "RUS", "entity_text": "Russia"}],
            "recipient": [plover_actor(GRINER)],
            "event": ["RETREAT"],
            "mode": ["release"],
            "context": ["future"],
            "event_text": ["released", "in a swap"],
            "cameo": "0841",
            "cite_info": cite,
        },
        {
            "id": "a1#hope",
            "date": "2022-08-01",
            "enddate": "2022-08-31",
            "actor": [{"code": "USA", "entity_text": "United States"}],
            "recipient": [{"code": "RUS", "entity_text": "Russia"}],
            "event": ["REQUEST"],
            "mode": ["meet"],
            "context": ["diplomatic", "hypothetical", "future"],
            "comment": "A meeting may be asked for.",
            "cameo": "106",
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
    assert records["a3#arrest"]["event_loc"] == {
        "extracted_place": "Khimki",
        "country": "Russia",
        "country_code": "RUS",
    }
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


def test_a_place_in_a_dependency_is_located_in_its_controlling_state() -> None:
    event = Detention(
        id="d",
        detainee=GRINER,
        held_by=RU,
        status=DetentionStatus.ARRESTED,
        place=Place(name="Stanley", country="FK"),
    )
    (record,) = to_plover(Article(id="a4", title="T", published=PUBLISHED, publisher=RT, events=(event,)))
    assert record["event_loc"] == {
        "extracted_place": "Stanley",
        "country": "United Kingdom",
        "country_code": "GBR",
    }


def test_the_seed_article_exports_to_plover() -> None:
    records = to_plover(seed_article())
    assert [(r["id"].split("#")[1], r["event"], r.get("mode"), r["cameo"]) for r in records] == [
        ("call-request", ["REQUEST"], ["meet"], "106"),
        ("release-proposal", ["REQUEST"], ["yield"], "1053"),
        ("griner-detention", ["COERCE"], ["arrest"], "173"),
        ("whelan-detention", ["COERCE"], ["arrest"], "173"),
        ("bout-sentence", ["SANCTION", "COERCE"], ["convict", "arrest"], "173"),
    ]
    bout = records[-1]
    assert (bout["date"], bout["enddate"]) == ("2012-01-01", "2012-12-31")
    assert bout["actor"] == [{"code": "USA", "entity_text": "United States"}]
    assert bout["recipient"] == [{"code": "RUS", "entity_text": "Viktor Bout"}]
    assert bout["cite_info"]["codebook"] == PLOVER_VERSION


@given(nst.articles(max_events=3))
def test_every_event_with_a_plover_category_becomes_one_record(article: Article) -> None:
    records = to_plover(article)
    coded = [e for e in article.events if event_codes(e).plover is not None]
    assert [r["id"] for r in records] == [f"{article.id}#{e.id}" for e in coded]
    for record in records:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"])
        assert set(record["event"]) <= set(PLOVER_EVENTS)
        assert all(re.fullmatch(r"[A-Z]{3}", a["code"]) for a in record["actor"] if "code" in a)


# ---------------------------------------------------------------- against the standards' own files

STANDARDS = SHARED / "standards"
CROSSWALK = STANDARDS / "CAMEO2PLOVER-2021.txt"
MANUAL = STANDARDS / "PLOVER_MANUAL.tex"
needs_standards = pytest.mark.skipif(
    not (CROSSWALK.is_file() and MANUAL.is_file()),
    reason=f"the PLOVER standards' files are not in {STANDARDS}",
)


def read_crosswalk() -> dict[str, tuple[str, str | None]]:
    """The crosswalk's rows: CAMEO code -> (PLOVER event, mode or None). Codes it lacks are dropped."""
    rows: dict[str, tuple[str, str | None]] = {}
    for line in CROSSWALK.read_text(encoding="utf-8").splitlines():
        found = re.match(r"(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*)", line)
        if found:
            mode = found.group(3).strip() or None
            assert rows.get(found.group(1), (found.group(2), mode)) == (found.group(2), mode), line
            rows[found.group(1)] = (found.group(2), mode)
    return rows


def read_manual_modes() -> dict[str, list[str]]:
    """Each category's modes, from the manual's mode tables (commented-out rows are retired)."""
    tex = MANUAL.read_text(encoding="utf-8")
    tables = re.finditer(r"\\caption\{(?:\\plcat\{)?([A-Z]+)\}? modes.*?\n(.*?)\\end\{tabular\}", tex, re.S)
    modes: dict[str, list[str]] = {}
    for table in tables:
        cells = [line.split("&")[0].strip() for line in table.group(2).splitlines() if "&" in line]
        modes[table.group(1)] = [c for c in cells if c and c != "Name" and not c.startswith("%")]
    return modes


def read_manual_fields() -> dict[str, bool]:
    """The PLOVER JSON table of the Data Fields chapter: field name -> required."""
    tex = MANUAL.read_text(encoding="utf-8")
    table = re.search(r"\\caption\{PLOVER JSON \}(.*?)\\end\{tabular\}", tex, re.S)
    assert table is not None
    fields = {}
    for line in table.group(1).splitlines():
        cells = [c.strip() for c in line.rstrip("\\ ").split("&")]
        if len(cells) == 4 and cells[0] != "Name":
            fields[cells[0].replace("\\_", "_")] = cells[3] == "Y"
    return fields


def every_built_in_coding() -> list[EventCodes]:
    """The codes of every built-in event shape: each request kind, each detention stage with or without
    a sentence, a statement, and the seed's events."""
    events: list[Event] = [_request(kind) for kind in RequestKind]
    events += [
        Detention(id="d", detainee=GRINER, held_by=RU, status=status, sentence=sentence)
        for status in DetentionStatus
        for sentence in (None, Term(years=1))
        if not (status is DetentionStatus.SENTENCED and sentence is None)
    ]
    events.append(Statement(id="s", speaker=RU, text="No comment.", mode=QuoteMode.INDIRECT))
    events += list(seed_article().events)
    return [c for e in events for c in event_codes(e).codings()]


@needs_standards
def test_the_crosswalk_parser_reads_its_known_rows() -> None:
    rows = read_crosswalk()
    assert rows["106"] == ("REQUEST", "meet")
    assert rows["173"] == ("COERCE", "arrest")
    assert rows["0861"] == ("RETREAT", "access")
    assert rows["100"] == ("REQUEST", None)
    assert not any(code.startswith(("01", "02")) for code in rows)  # statements and appeals are dropped


@needs_standards
def test_every_emitted_cameo_and_plover_pair_is_in_the_crosswalk() -> None:
    rows = read_crosswalk()
    pairs = {(c.cameo, c.plover, c.mode) for c in every_built_in_coding() if c.cameo is not None}
    assert pairs  # the check below is not vacuous
    for cameo, plover, mode in sorted(pairs, key=str):
        if cameo in rows:
            assert (plover, mode) == rows[cameo], cameo
        else:  # a code the crosswalk drops has no PLOVER coding
            assert plover is None, cameo


@needs_standards
def test_the_manuals_modes_are_the_library_table() -> None:
    manual = read_manual_modes()
    assert manual["COERCE"][-2:] == ["misinformation", "cyber"]
    assert "return" not in manual["RETREAT"]  # commented out in the manual: retired
    for category, modes in PLOVER_MODES.items():
        assert list(modes) == manual.get(category, []), category


@needs_standards
def test_every_emitted_mode_is_a_current_mode_of_its_category() -> None:
    manual = read_manual_modes()
    emitted = {(c.plover, c.mode) for c in every_built_in_coding() if c.mode is not None}
    assert ("SANCTION", "convict") in emitted
    for category, mode in emitted:
        assert mode in manual[str(category)], (category, mode)


@needs_standards
def test_the_manuals_required_fields_are_the_ones_checked() -> None:
    assert {name for name, required in read_manual_fields().items() if required} == set(REQUIRED)
    assert {"event", "mode", "context", "actor", "recipient", "event_text"} <= set(read_manual_fields())


REQUIRED = ("id", "date", "actor", "event")
LISTS = ("actor", "recipient", "event", "mode", "context", "event_text")
ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "office"}
LOCATION_FIELDS = {"extracted_place", "country", "country_code"}


def assert_manual_record(record: dict[str, Any]) -> None:
    """The record has the manual's required fields, its lists as lists, and its fields' names."""
    fields = read_manual_fields() if MANUAL.is_file() else {}
    assert all(name in record for name in REQUIRED), record
    for name in LISTS:
        if name in record:
            assert isinstance(record[name], list), (name, record)
            assert all(record[name]), (name, record)  # no empty list, no empty entry
    assert set(record["event"]) <= set(PLOVER_EVENTS)
    for entity in record["actor"] + record.get("recipient", []):
        assert set(entity) <= ENTITY_FIELDS, entity
    assert set(record.get("event_loc", {})) <= LOCATION_FIELDS
    for mode in record.get("mode", []):
        assert any(mode in PLOVER_MODES[category] for category in record["event"]), record
    if fields:
        assert set(record) - {"cameo"} <= set(fields), set(record) - set(fields)


def test_every_record_of_the_seed_has_the_manuals_shape() -> None:
    records = to_plover(seed_article())
    assert len(records) == 5
    for record in records:
        assert_manual_record(record)


def check_drawn_article(article: Article) -> None:
    for record in to_plover(article):
        assert_manual_record(record)
    if CROSSWALK.is_file():
        rows = read_crosswalk()
        # The library's own codes; custom types' codes are their authors' (this module's are made up).
        for event in (e for e in article.events if isinstance(e, (Statement, DiplomaticRequest, Detention))):
            for c in event_codes(event).codings():
                if c.cameo is not None and c.cameo in rows:
                    assert (c.plover, c.mode) == rows[c.cameo]
                if c.mode is not None:
                    assert c.plover is not None
                    assert c.mode in PLOVER_MODES[c.plover]


@given(nst.articles(max_events=4))
def test_every_record_of_drawn_articles_has_the_manuals_shape(article: Article) -> None:
    check_drawn_article(article)


@pytest.mark.slow  # 500 articles: about 90 s on a busy machine
@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(nst.articles(max_events=4))
def test_every_record_of_500_drawn_articles_has_the_manuals_shape(article: Article) -> None:
    check_drawn_article(article)


def test_an_event_without_an_acting_party_has_the_manuals_unidentified_actor() -> None:
    (record,) = to_plover(
        Article(id="a5", title="T", published=PUBLISHED, publisher=RT, events=(CandleVigil(id="v"),))
    )
    assert record["actor"] == [{"sector": "UNK"}]
    assert "recipient" not in record
