"""Statement, DiplomaticRequest, Detention, Term and the fields every Event shares."""

from typing import Any

import attrs
import pytest

from newsevents import (
    Certainty,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    Organization,
    OrgKind,
    Person,
    Place,
    QuoteMode,
    RequestKind,
    RequestStatus,
    Statement,
    Term,
    TimeRef,
    ValidationError,
)

LAVROV = Person(name="Sergey Lavrov", nationality=("RU",))
BLINKEN = Person(name="Antony Blinken", nationality=("US",))
GRINER = Person(name="Brittney Griner", nationality=("US",), description="basketball player")
MFA = Organization(name="Russian Foreign Ministry", kind=OrgKind.MINISTRY, country="RU")
STATE = Organization(name="US State Department", kind=OrgKind.MINISTRY, country="US")
CNN = Organization(name="CNN", kind=OrgKind.MEDIA, country="US")
RU = Country(code="RU")
US = Country(code="US")
MOSCOW = Place(name="Moscow", country="RU")

SLUG_MESSAGE = "expected a slug matching [a-z0-9][a-z0-9._:-]*, found {!r}"
ACTOR = "Person | Organization | Country"

INDIRECT = ' for a paraphrase without quoted words set mode=QuoteMode.INDIRECT ("mode": "indirect")'


def problems(info: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(e.path, e.message) for e in info.value.errors]


def statement(**overrides: Any) -> Statement:
    fields: dict[str, Any] = {
        "id": "s1",
        "speaker": LAVROV,
        "text": "We have not received any request.",
        "mode": QuoteMode.DIRECT,
        "quotes": ("We have not received any request.",),
    }
    fields.update(overrides)
    return Statement(**fields)


def request(**overrides: Any) -> DiplomaticRequest:
    fields: dict[str, Any] = {
        "id": "r1",
        "requester": STATE,
        "addressee": MFA,
        "kind": RequestKind.PHONE_CALL,
    }
    fields.update(overrides)
    return DiplomaticRequest(**fields)


def detention(**overrides: Any) -> Detention:
    fields: dict[str, Any] = {
        "id": "d1",
        "detainee": GRINER,
        "held_by": RU,
        "status": DetentionStatus.DETAINED,
    }
    fields.update(overrides)
    return Detention(**fields)


# ---------------------------------------------------------------- Event itself


def test_event_cannot_be_built() -> None:
    with pytest.raises(TypeError, match="Event is abstract"):
        Event(id="e1")


def test_event_cannot_be_built_even_with_every_field() -> None:
    with pytest.raises(TypeError, match="Event is abstract"):
        Event(id="e1", certainty=Certainty.CLAIMED, related=("e2",), evidence=("x",), summary="s")


def test_built_in_events_are_events() -> None:
    assert isinstance(statement(), Event)
    assert isinstance(request(), Event)
    assert isinstance(detention(), Event)


# ---------------------------------------------------------------- shared Event fields


@pytest.mark.parametrize("ident", ["s1", "a", "0", "lavrov-says.2022:07_28"])
def test_id_accepts_slugs(ident: str) -> None:
    assert statement(id=ident).id == ident


@pytest.mark.parametrize("ident", ["S1", "two words", "-s1", "", "s1!", "é"])
def test_id_rejects_non_slugs(ident: str) -> None:
    with pytest.raises(ValidationError) as info:
        statement(id=ident)
    expected = SLUG_MESSAGE.format(ident)
    if ident == "":
        expected += " (no id could be derived from the name: pass id=...)"
    assert problems(info) == [("Statement.id", expected)]


@pytest.mark.parametrize(
    ("build", "path"),
    [(statement, "Statement.id"), (request, "DiplomaticRequest.id"), (detention, "Detention.id")],
)
def test_id_path_names_the_event_class(build: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        build(id="Not A Slug")
    assert problems(info) == [(path, SLUG_MESSAGE.format("Not A Slug"))]


def test_id_must_be_a_str() -> None:
    with pytest.raises(ValidationError) as info:
        statement(id=1)
    assert problems(info) == [("Statement.id", "expected str, found int (1)")]


def test_when_accepts_a_time_ref_or_none() -> None:
    when = TimeRef.of(2022, 7, 28)
    assert statement(when=when).when == when
    assert statement().when is None


def test_when_rejects_a_string() -> None:
    with pytest.raises(ValidationError) as info:
        statement(when="2022-07-28")
    assert problems(info) == [("Statement.when", "expected TimeRef | null, found '2022-07-28'")]


def test_place_accepts_a_place() -> None:
    assert statement(place=MOSCOW).place == MOSCOW


def test_place_rejects_a_string() -> None:
    with pytest.raises(ValidationError) as info:
        statement(place="Moscow")
    assert problems(info) == [("Statement.place", "expected Place | null, found 'Moscow'")]


def test_certainty_defaults_to_confirmed_and_accepts_members() -> None:
    assert statement().certainty is Certainty.CONFIRMED
    assert statement(certainty=Certainty.CLAIMED).certainty is Certainty.CLAIMED


def test_certainty_rejects_a_plain_string() -> None:
    with pytest.raises(ValidationError) as info:
        statement(certainty="claimed")
    assert problems(info) == [
        ("Statement.certainty", "expected a Certainty, found 'claimed' (did you mean Certainty.CLAIMED?)")
    ]


@pytest.mark.parametrize("source", [CNN, BLINKEN, US])
def test_reported_by_accepts_actors(source: Any) -> None:
    assert statement(reported_by=source).reported_by == source


def test_reported_by_rejects_a_string() -> None:
    with pytest.raises(ValidationError) as info:
        statement(reported_by="CNN")
    assert problems(info) == [("Statement.reported_by", f"expected {ACTOR} | null, found 'CNN'")]


def test_related_accepts_slugs() -> None:
    assert statement(related=("r1", "d1.b:c_d-2")).related == ("r1", "d1.b:c_d-2")


def test_related_rejects_a_non_slug_with_its_index() -> None:
    with pytest.raises(ValidationError) as info:
        statement(related=("Call Request",))
    assert problems(info) == [("Statement.related[0]", SLUG_MESSAGE.format("Call Request"))]


def test_related_reports_every_bad_item() -> None:
    with pytest.raises(ValidationError) as info:
        statement(related=("R1", "r2", "r 3"))
    assert problems(info) == [
        ("Statement.related[0]", SLUG_MESSAGE.format("R1")),
        ("Statement.related[2]", SLUG_MESSAGE.format("r 3")),
    ]


def test_related_rejects_a_list() -> None:
    with pytest.raises(ValidationError) as info:
        statement(related=["r1"])
    assert problems(info) == [
        ("Statement.related", "expected tuple[str, ...], found list (['r1']); pass a tuple")
    ]


def test_related_rejects_a_non_str_item() -> None:
    with pytest.raises(ValidationError) as info:
        statement(related=("r1", 2))
    assert problems(info) == [("Statement.related[1]", "expected str, found int (2)")]


def test_evidence_accepts_verbatim_fragments_with_their_spaces() -> None:
    assert statement(evidence=("said on Thursday", " the ministry ")).evidence == (
        "said on Thursday",
        " the ministry ",
    )


def test_evidence_rejects_a_blank_fragment_with_its_index() -> None:
    with pytest.raises(ValidationError) as info:
        statement(evidence=("said on Thursday", "   "))
    assert problems(info) == [("Statement.evidence[1]", "must not be blank, found '   '")]


def test_summary_accepts_stripped_text() -> None:
    assert statement(summary="Lavrov denies a request.").summary == "Lavrov denies a request."


@pytest.mark.parametrize(
    ("summary", "message"),
    [
        (" padded", "expected no leading or trailing white space, found ' padded'"),
        ("", "must not be blank, found ''"),
        (3, "expected str | null, found int (3)"),
    ],
)
def test_summary_rejects(summary: Any, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        statement(summary=summary)
    assert problems(info) == [("Statement.summary", message)]


def test_every_field_problem_is_reported_together_in_field_order() -> None:
    with pytest.raises(ValidationError) as info:
        statement(id="S1", certainty="confirmed", evidence=("",), speaker="Lavrov", text=" t")
    assert problems(info) == [
        ("Statement.id", SLUG_MESSAGE.format("S1")),
        (
            "Statement.certainty",
            "expected a Certainty, found 'confirmed' (did you mean Certainty.CONFIRMED?)",
        ),
        ("Statement.evidence[0]", "must not be blank, found ''"),
        ("Statement.speaker", f"expected {ACTOR}, found 'Lavrov'"),
        ("Statement.text", "expected no leading or trailing white space, found ' t'"),
    ]


# ---------------------------------------------------------------- Statement


@pytest.mark.parametrize("mode", [QuoteMode.DIRECT, QuoteMode.MIXED])
def test_direct_and_mixed_statements_accept_quotes(mode: QuoteMode) -> None:
    made = statement(mode=mode, quotes=("not received",))
    assert made.mode is mode
    assert made.quotes == ("not received",)


@pytest.mark.parametrize(("mode", "word"), [(QuoteMode.DIRECT, "direct"), (QuoteMode.MIXED, "mixed")])
def test_direct_and_mixed_statements_need_a_quote(mode: QuoteMode, word: str) -> None:
    with pytest.raises(ValidationError) as info:
        statement(mode=mode, quotes=())
    default = " (the default mode)" if mode is QuoteMode.DIRECT else ""
    assert problems(info) == [
        (
            "Statement.quotes",
            f"expected at least one quote in a {word} statement{default}, found none;{INDIRECT}",
        )
    ]


def test_mode_defaults_to_direct_which_needs_a_quote() -> None:
    with pytest.raises(ValidationError) as info:
        Statement(id="s1", speaker=LAVROV, text="hello")
    assert problems(info) == [
        (
            "Statement.quotes",
            f"expected at least one quote in a direct statement (the default mode), found none;{INDIRECT}",
        )
    ]


def test_indirect_statement_without_quotes() -> None:
    made = statement(mode=QuoteMode.INDIRECT, quotes=())
    assert made.mode is QuoteMode.INDIRECT
    assert made.quotes == ()


def test_indirect_statement_rejects_quotes() -> None:
    with pytest.raises(ValidationError) as info:
        statement(mode=QuoteMode.INDIRECT, quotes=("one", "two"))
    assert problems(info) == [("Statement.quotes", "expected no quotes in an indirect statement, found 2")]


def test_mode_rejects_a_plain_string() -> None:
    with pytest.raises(ValidationError) as info:
        statement(mode="direct")
    assert problems(info) == [
        ("Statement.mode", "expected a QuoteMode, found 'direct' (did you mean QuoteMode.DIRECT?)")
    ]


def test_mode_rejects_a_member_of_another_enum() -> None:
    with pytest.raises(ValidationError) as info:
        statement(mode=Certainty.CONFIRMED)
    assert problems(info) == [
        ("Statement.mode", "expected a QuoteMode, found Certainty (<Certainty.CONFIRMED: 'confirmed'>)")
    ]


def test_quotes_reject_a_list() -> None:
    with pytest.raises(ValidationError) as info:
        statement(quotes=["not received"])
    assert problems(info) == [
        ("Statement.quotes", "expected tuple[str, ...], found list (['not received']); pass a tuple")
    ]


def test_quotes_reject_a_blank_fragment() -> None:
    with pytest.raises(ValidationError) as info:
        statement(quotes=("not received", " "))
    assert problems(info) == [("Statement.quotes[1]", "must not be blank, found ' '")]


@pytest.mark.parametrize("speaker", [LAVROV, MFA, RU])
def test_speaker_accepts_actors(speaker: Any) -> None:
    assert statement(speaker=speaker).speaker == speaker


def test_speaker_rejects_a_string() -> None:
    with pytest.raises(ValidationError) as info:
        statement(speaker="Sergey Lavrov")
    assert problems(info) == [("Statement.speaker", f"expected {ACTOR}, found 'Sergey Lavrov'")]


def test_speaker_rejects_none() -> None:
    with pytest.raises(ValidationError) as info:
        statement(speaker=None)
    assert problems(info) == [("Statement.speaker", f"expected {ACTOR}, found null")]


def test_speaker_rejects_a_place() -> None:
    with pytest.raises(ValidationError) as info:
        statement(speaker=MOSCOW)
    assert problems(info) == [
        ("Statement.speaker", f"expected {ACTOR}, found Place (Place(name='Moscow', id='moscow', cou...)")
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "must not be blank, found ''"),
        ("said so ", "expected no leading or trailing white space, found 'said so '"),
    ],
)
def test_text_must_be_stripped(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        statement(text=text)
    assert problems(info) == [("Statement.text", message)]


@pytest.mark.parametrize("name", ["audience", "venue"])
def test_audience_and_venue_are_stripped_text(name: str) -> None:
    assert getattr(statement(**{name: "journalists"}), name) == "journalists"
    with pytest.raises(ValidationError) as info:
        statement(**{name: "journalists\n"})
    assert problems(info) == [
        (f"Statement.{name}", "expected no leading or trailing white space, found 'journalists\\n'")
    ]


def test_about_accepts_a_tuple_of_actors() -> None:
    assert statement(about=(GRINER, US)).about == (GRINER, US)


def test_about_rejects_a_string_item_with_its_index() -> None:
    with pytest.raises(ValidationError) as info:
        statement(about=(GRINER, "Paul Whelan"))
    assert problems(info) == [("Statement.about[1]", f"expected {ACTOR}, found 'Paul Whelan'")]


def test_invariants_wait_for_valid_fields() -> None:
    # The quote rule is a cross-field rule: it is not reported while a field is wrong.
    with pytest.raises(ValidationError) as info:
        statement(quotes=(), text=" ")
    assert problems(info) == [("Statement.text", "must not be blank, found ' '")]


# ---------------------------------------------------------------- DiplomaticRequest


@pytest.mark.parametrize(
    ("requester", "addressee"),
    [(STATE, MFA), (US, RU), (BLINKEN, LAVROV), (BLINKEN, MFA), (US, MFA)],
)
def test_request_between_different_parties(requester: Any, addressee: Any) -> None:
    made = request(requester=requester, addressee=addressee)
    assert made.requester == requester
    assert made.addressee == addressee
    assert made.status is RequestStatus.MADE


def test_request_to_the_requester_itself() -> None:
    with pytest.raises(ValidationError) as info:
        request(requester=MFA, addressee=MFA)
    assert problems(info) == [
        (
            "DiplomaticRequest.addressee",
            "expected a party other than the requester,"
            " found the same organization 'russian-foreign-ministry'",
        )
    ]


def test_request_to_the_same_country_under_another_name() -> None:
    with pytest.raises(ValidationError) as info:
        request(requester=RU, addressee=Country(code="RU", name="Russian Federation"))
    assert problems(info) == [
        (
            "DiplomaticRequest.addressee",
            "expected a party other than the requester, found the same country 'RU'",
        )
    ]


def test_request_to_the_same_person_id_with_other_fields() -> None:
    other = Person(name="S. Lavrov", id="sergey-lavrov", description="foreign minister")
    assert other != LAVROV
    with pytest.raises(ValidationError) as info:
        request(requester=LAVROV, addressee=other)
    assert problems(info) == [
        (
            "DiplomaticRequest.addressee",
            "expected a party other than the requester, found the same person 'sergey-lavrov'",
        )
    ]


def test_request_to_the_same_organization_id_with_other_fields() -> None:
    other = Organization(name="MFA", id="russian-foreign-ministry", kind=OrgKind.GOVERNMENT)
    with pytest.raises(ValidationError) as info:
        request(requester=MFA, addressee=other)
    assert problems(info) == [
        (
            "DiplomaticRequest.addressee",
            "expected a party other than the requester,"
            " found the same organization 'russian-foreign-ministry'",
        )
    ]


@pytest.mark.parametrize("name", ["requester", "addressee"])
def test_request_parties_must_be_actors(name: str) -> None:
    with pytest.raises(ValidationError) as info:
        request(**{name: "Russia"})
    assert problems(info) == [(f"DiplomaticRequest.{name}", f"expected {ACTOR}, found 'Russia'")]


def test_request_kind_accepts_members() -> None:
    assert request(kind=RequestKind.RELEASE).kind is RequestKind.RELEASE


def test_request_kind_rejects_a_plain_string() -> None:
    with pytest.raises(ValidationError) as info:
        request(kind="phone_call")
    assert problems(info) == [
        (
            "DiplomaticRequest.kind",
            "expected a RequestKind, found 'phone_call' (did you mean RequestKind.PHONE_CALL?)",
        )
    ]


def test_request_status_accepts_members() -> None:
    assert request(status=RequestStatus.DECLINED).status is RequestStatus.DECLINED


def test_request_status_rejects_a_plain_string() -> None:
    with pytest.raises(ValidationError) as info:
        request(status="made")
    assert problems(info) == [
        (
            "DiplomaticRequest.status",
            "expected a RequestStatus, found 'made' (did you mean RequestStatus.MADE?)",
        )
    ]


def test_request_participants_are_a_tuple_of_people() -> None:
    assert request(participants=(BLINKEN, LAVROV)).participants == (BLINKEN, LAVROV)
    with pytest.raises(ValidationError) as info:
        request(participants=(BLINKEN, "Lavrov"))
    assert problems(info) == [("DiplomaticRequest.participants[1]", "expected Person, found 'Lavrov'")]


def test_request_participants_reject_a_list() -> None:
    with pytest.raises(ValidationError) as info:
        request(participants=[])
    assert problems(info) == [
        ("DiplomaticRequest.participants", "expected tuple[Person, ...], found list ([]); pass a tuple")
    ]


@pytest.mark.parametrize("name", ["channel", "purpose"])
def test_request_channel_and_purpose_are_stripped_text(name: str) -> None:
    assert getattr(request(**{name: "a phone call"}), name) == "a phone call"
    with pytest.raises(ValidationError) as info:
        request(**{name: " "})
    assert problems(info) == [(f"DiplomaticRequest.{name}", "must not be blank, found ' '")]


def test_request_expected_is_a_time_ref() -> None:
    when = TimeRef.of(2022, 7, 29)
    assert request(expected=when).expected == when
    with pytest.raises(ValidationError) as info:
        request(expected="tomorrow")
    assert problems(info) == [("DiplomaticRequest.expected", "expected TimeRef | null, found 'tomorrow'")]


# ---------------------------------------------------------------- Detention


def test_sentenced_detention_with_a_sentence() -> None:
    made = detention(status=DetentionStatus.SENTENCED, sentence=Term(years=9))
    assert made.sentence == Term(years=9)


def test_sentenced_detention_needs_a_sentence() -> None:
    with pytest.raises(ValidationError) as info:
        detention(status=DetentionStatus.SENTENCED)
    assert problems(info) == [
        ("Detention.sentence", "expected a sentence for a sentenced detainee, found none")
    ]


@pytest.mark.parametrize("status", [s for s in DetentionStatus if s is not DetentionStatus.SENTENCED])
def test_other_detentions_need_no_sentence(status: DetentionStatus) -> None:
    made = detention(status=status)
    assert made.status is status
    assert made.sentence is None


def test_detention_status_rejects_a_plain_string() -> None:
    with pytest.raises(ValidationError) as info:
        detention(status="sentenced")
    assert problems(info) == [
        (
            "Detention.status",
            "expected a DetentionStatus, found 'sentenced' (did you mean DetentionStatus.SENTENCED?)",
        )
    ]


def test_detainee_must_be_a_person() -> None:
    with pytest.raises(ValidationError) as info:
        detention(detainee="Brittney Griner")
    assert problems(info) == [("Detention.detainee", "expected Person, found 'Brittney Griner'")]


def test_detainee_cannot_be_a_country() -> None:
    with pytest.raises(ValidationError) as info:
        detention(detainee=US)
    assert problems(info) == [
        ("Detention.detainee", "expected Person, found Country (Country(code='US', name='United States'))")
    ]


@pytest.mark.parametrize("holder", [RU, MFA, LAVROV])
def test_held_by_accepts_actors(holder: Any) -> None:
    assert detention(held_by=holder).held_by == holder


def test_held_by_rejects_a_string() -> None:
    with pytest.raises(ValidationError) as info:
        detention(held_by="Russia")
    assert problems(info) == [("Detention.held_by", f"expected {ACTOR}, found 'Russia'")]


def test_charges_are_stripped_items() -> None:
    assert detention(charges=("drug smuggling",)).charges == ("drug smuggling",)
    with pytest.raises(ValidationError) as info:
        detention(charges=("drug smuggling", " espionage"))
    assert problems(info) == [
        ("Detention.charges[1]", "expected no leading or trailing white space, found ' espionage'")
    ]


def test_sentence_must_be_a_term() -> None:
    with pytest.raises(ValidationError) as info:
        detention(status=DetentionStatus.SENTENCED, sentence=9)
    assert problems(info) == [("Detention.sentence", "expected Term | null, found int (9)")]


# ---------------------------------------------------------------- Term


@pytest.mark.parametrize(
    "fields",
    [{"years": 9}, {"months": 6}, {"days": 1}, {"life": True}, {"years": 1, "months": 2, "days": 3}],
)
def test_term_accepts_non_empty_non_negative(fields: dict[str, Any]) -> None:
    term = Term(**fields)
    for name, value in fields.items():
        assert getattr(term, name) == value


def test_life_alone_is_a_term() -> None:
    assert Term(life=True) == Term(years=0, months=0, days=0, life=True)


def test_empty_term_is_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        Term()
    assert problems(info) == [
        ("Term.years", "expected a non-empty term (years, months, days or life), found none")
    ]


def test_all_zero_term_is_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        Term(years=0, months=0, days=0, life=False)
    assert problems(info) == [
        ("Term.years", "expected a non-empty term (years, months, days or life), found none")
    ]


@pytest.mark.parametrize("name", ["years", "months", "days"])
def test_negative_term_part_is_rejected(name: str) -> None:
    with pytest.raises(ValidationError) as info:
        Term(**{name: -1}, life=True)
    assert problems(info) == [(f"Term.{name}", "expected a non-negative number, found -1")]


def test_negative_parts_are_reported_together() -> None:
    with pytest.raises(ValidationError) as info:
        Term(years=2, months=-3, days=-4)
    assert problems(info) == [
        ("Term.months", "expected a non-negative number, found -3"),
        ("Term.days", "expected a non-negative number, found -4"),
    ]


@pytest.mark.parametrize(
    ("fields", "path", "message"),
    [
        ({"years": "9"}, "Term.years", "expected int, found '9'"),
        ({"years": 1.5}, "Term.years", "expected int, found float (1.5)"),
        ({"months": True}, "Term.months", "expected int, found bool (True)"),
        ({"days": None}, "Term.days", "expected int, found null"),
        ({"years": 1, "life": "yes"}, "Term.life", "expected bool, found 'yes'"),
        ({"years": 1, "life": 1}, "Term.life", "expected bool, found int (1)"),
    ],
)
def test_term_parts_are_typed(fields: dict[str, Any], path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Term(**fields)
    assert problems(info) == [(path, message)]


# ---------------------------------------------------------------- value semantics


@pytest.mark.parametrize("build", [statement, request, detention])
def test_events_are_frozen(build: Any) -> None:
    made = build()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.id = "other"


def test_term_is_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Term(years=1).years = 2  # type: ignore[misc]


@pytest.mark.parametrize("build", [statement, request, detention])
def test_events_are_equal_by_value_and_hashable(build: Any) -> None:
    one, two = build(), build()
    assert one is not two
    assert one == two
    assert hash(one) == hash(two)
    assert len({one, two}) == 1
    other = build(id="other")
    assert one != other
    assert len({one, other}) == 2


def test_terms_are_equal_by_value_and_hashable() -> None:
    assert Term(years=9) == Term(years=9)
    assert hash(Term(years=9)) == hash(Term(years=9))
    assert Term(years=9) != Term(months=9)
    assert len({Term(years=9), Term(years=9), Term(life=True)}) == 2


def test_events_of_different_types_are_not_equal() -> None:
    assert statement(id="x") != request(id="x")


def test_evolve_validates_the_new_object() -> None:
    made = statement()
    assert attrs.evolve(made, text="Other words.").text == "Other words."
    with pytest.raises(ValidationError) as info:
        attrs.evolve(made, mode=QuoteMode.INDIRECT)
    assert problems(info) == [("Statement.quotes", "expected no quotes in an indirect statement, found 1")]


def test_validation_error_is_not_a_type_error() -> None:
    # A bad value is a ValidationError (a ValueError), never a bare TypeError.
    with pytest.raises(ValidationError) as info:
        statement(quotes="not a tuple")
    assert not isinstance(info.value, TypeError)
    assert problems(info) == [("Statement.quotes", "expected tuple[str, ...], found 'not a tuple'")]
