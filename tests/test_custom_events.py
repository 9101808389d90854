"""Custom event types: registration, validation and exact round trips like the built-ins.

The registry of event types is global, so every test that registers a class uses a tag of its own.
"""

# No ``from __future__ import annotations`` here: the classes below are defined inside
# test functions, and their annotations must be real objects for the model to check them.

import json
import re
from datetime import UTC, datetime
from typing import Any

import attrs
import pytest

import newsevents
from newsevents import (
    Article,
    Certainty,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    Organization,
    OrgKind,
    Person,
    QuoteMode,
    RegistrationError,
    Statement,
    ValidationError,
    event_types,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from newsevents.cli import show
from newsevents.validators import non_blank, rules

RT = Organization(name="RT", kind=OrgKind.MEDIA, country="RU")
GREENPEACE = Organization(name="Greenpeace", kind=OrgKind.NGO)
LAVROV = Person(name="Sergey Lavrov", nationality=("RU",))
PUBLISHED = datetime(2022, 7, 28, 22, 23, tzinfo=UTC)


@newsevents.event_type("protest_test")
@attrs.frozen(kw_only=True)
class Protest(Event):
    """People gather to protest."""

    cause: str = attrs.field(metadata=rules(non_blank))
    crowd: int | None = None
    organisers: tuple[Organization, ...] = ()


def problems(info: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(e.path, e.message) for e in info.value.errors]


def protest(**overrides: Any) -> Protest:
    fields: dict[str, Any] = {
        "id": "p1",
        "cause": "fuel prices",
        "crowd": 300,
        "organisers": (GREENPEACE,),
        "certainty": Certainty.CLAIMED,
        "evidence": ("some 300 people gathered",),
    }
    fields.update(overrides)
    return Protest(**fields)


def statement(ident: str, *related: str) -> Statement:
    return Statement(
        id=ident,
        speaker=LAVROV,
        text="No comment.",
        mode=QuoteMode.DIRECT,
        quotes=("No comment",),
        related=related,
    )


def article(*events: Event) -> Article:
    return Article(id="a1", title="A title", published=PUBLISHED, publisher=RT, events=events)


def known_tags() -> str:
    return ", ".join(repr(t) for t in sorted(event_types()))


# ---------------------------------------------------------------- serialization


def test_custom_event_to_dict() -> None:
    assert to_dict(protest()) == {
        "type": "protest_test",
        "id": "p1",
        "certainty": "claimed",
        "evidence": ["some 300 people gathered"],
        "cause": "fuel prices",
        "crowd": 300,
        "organisers": [{"type": "organization", "name": "Greenpeace", "kind": "ngo"}],
    }


def test_custom_event_leaves_defaults_out() -> None:
    assert to_dict(Protest(id="p2", cause="wages")) == {"type": "protest_test", "id": "p2", "cause": "wages"}


def test_custom_event_round_trips_alone() -> None:
    made = protest()
    text = to_json(made)
    loaded = from_json(Protest, text)
    assert type(loaded) is Protest
    assert loaded == made
    assert to_json(loaded) == text


def test_custom_event_round_trips_through_event_by_its_tag() -> None:
    made = protest()
    loaded = from_dict(Event, to_dict(made))
    assert type(loaded) is Protest
    assert loaded == made


def test_custom_event_round_trips_inside_an_article() -> None:
    made = article(statement("s1", "p1"), protest(), statement("s2"))
    text = to_json(made, indent=2)
    assert json.loads(text)["events"][1]["type"] == "protest_test"
    loaded = from_json(Article, text)
    assert loaded == made
    assert [type(e) for e in loaded.events] == [Statement, Protest, Statement]
    assert to_json(loaded, indent=2) == text
    assert loaded.related("p1") == (made.events[0],)
    assert loaded.statements == (made.events[0], made.events[2])


def test_custom_event_is_validated_when_loaded() -> None:
    data = {"type": "protest_test", "id": "p1", "cause": "wages", "crowd": "300"}
    with pytest.raises(ValidationError) as info:
        from_dict(Event, data)
    assert problems(info) == [("$.crowd", "expected int, found '300'")]


def test_custom_event_checks_run_when_loaded() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(Protest, {"type": "protest_test", "id": "p1", "cause": " "})
    assert problems(info) == [("$.cause", "must not be blank, found ' '")]


def test_loading_a_custom_event_as_another_type() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(Protest, {"type": "statement", "id": "p1", "cause": "wages"})
    assert problems(info) == [("$.type", "expected type 'protest_test', found 'statement'")]


# ---------------------------------------------------------------- construction


def test_custom_event_is_a_frozen_hashable_value() -> None:
    assert protest() == protest()
    assert hash(protest()) == hash(protest())
    assert protest() != protest(crowd=301)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        protest().crowd = 5  # type: ignore[misc]


def test_custom_field_types_are_checked() -> None:
    with pytest.raises(ValidationError) as info:
        protest(crowd="300")
    assert problems(info) == [("Protest.crowd", "expected int | null, found '300'")]


def test_custom_optional_field_accepts_none() -> None:
    assert protest(crowd=None).crowd is None


def test_custom_bool_is_not_an_int() -> None:
    with pytest.raises(ValidationError) as info:
        protest(crowd=True)
    assert problems(info) == [("Protest.crowd", "expected int, found bool (True)")]


def test_custom_tuple_field_rejects_a_list() -> None:
    with pytest.raises(ValidationError) as info:
        protest(organisers=[GREENPEACE])
    assert problems(info) == [
        (
            "Protest.organisers",
            "expected tuple[Organization, ...], found list ([Organization(name='Greenpeace', id='...);"
            " pass a tuple",
        )
    ]


def test_custom_tuple_field_checks_its_items() -> None:
    with pytest.raises(ValidationError) as info:
        protest(organisers=(GREENPEACE, "Extinction Rebellion"))
    assert problems(info) == [
        ("Protest.organisers[1]", "expected Organization, found 'Extinction Rebellion'")
    ]


def test_custom_checks_run() -> None:
    with pytest.raises(ValidationError) as info:
        protest(cause="   ")
    assert problems(info) == [("Protest.cause", "must not be blank, found '   '")]


def test_shared_event_fields_are_checked_on_custom_events() -> None:
    with pytest.raises(ValidationError) as info:
        protest(id="P 1", evidence=("",), crowd="many")
    assert problems(info) == [
        ("Protest.id", "expected a slug matching [a-z0-9][a-z0-9._:-]*, found 'P 1'"),
        ("Protest.evidence[0]", "must not be blank, found ''"),
        ("Protest.crowd", "expected int | null, found 'many'"),
    ]


def test_custom_event_in_article_invariants() -> None:
    with pytest.raises(ValidationError) as info:
        article(statement("p1"), protest())
    assert problems(info) == [("Article.events[1].id", "duplicate event id 'p1', first used at events[0]")]


# ---------------------------------------------------------------- registration


def test_registration_after_serializing_works() -> None:
    before = article(statement("s1"))
    assert from_json(Article, to_json(before)) == before
    assert from_dict(Event, to_dict(before.events[0])) == before.events[0]

    tag = "vigil_test_registration_after_serializing_works"

    @newsevents.event_type(tag)
    @attrs.frozen(kw_only=True)
    class Vigil(Event):
        candles: int = 0

    vigil = Vigil(id="v1", candles=40, related=("s1",))
    assert to_dict(vigil) == {"type": tag, "id": "v1", "related": ["s1"], "candles": 40}
    after = article(statement("s1"), vigil)
    text = to_json(after)
    loaded = from_json(Article, text)
    assert loaded == after
    assert type(loaded.events[1]) is Vigil
    assert to_json(loaded) == text
    assert from_json(Vigil, to_json(vigil)) == vigil
    assert from_dict(Event, to_dict(vigil)) == vigil


def test_registering_the_same_class_twice_is_a_no_op() -> None:
    tag = "march_test_registering_the_same_class_twice"

    @attrs.frozen(kw_only=True)
    class March(Event):
        route: str | None = None

    assert newsevents.event_type(tag)(March) is March
    assert newsevents.event_type(tag)(March) is March
    assert event_types()[tag] is March
    assert to_dict(March(id="m1")) == {"type": tag, "id": "m1"}


def test_a_second_class_under_a_taken_tag() -> None:
    tag = "strike_test_a_second_class_under_a_taken_tag"

    @newsevents.event_type(tag)
    @attrs.frozen(kw_only=True)
    class Strike(Event):
        sector: str | None = None

    @attrs.frozen(kw_only=True)
    class OtherStrike(Event):
        sector: str | None = None

    owner = f"{Strike.__module__}.{Strike.__qualname__}"
    with pytest.raises(RegistrationError) as info:
        newsevents.event_type(tag)(OtherStrike)
    assert str(info.value) == f"event type tag {tag!r} is already registered for {owner}"
    assert event_types()[tag] is Strike


def test_a_built_in_tag_cannot_be_taken() -> None:
    @attrs.frozen(kw_only=True)
    class Speech(Event):
        words: str | None = None

    with pytest.raises(RegistrationError) as info:
        newsevents.event_type("statement")(Speech)
    assert (
        str(info.value) == "event type tag 'statement' is already registered for newsevents.events.Statement"
    )
    assert event_types()["statement"] is Statement


def test_the_same_class_under_a_second_tag() -> None:
    first = "sit_in_test_the_same_class_under_a_second_tag"
    second = "sit_in_2_test_the_same_class_under_a_second_tag"

    @newsevents.event_type(first)
    @attrs.frozen(kw_only=True)
    class SitIn(Event):
        site: str | None = None

    with pytest.raises(RegistrationError) as info:
        newsevents.event_type(second)(SitIn)
    assert str(info.value) == f"{SitIn.__qualname__} is already registered as {first!r}"
    assert second not in event_types()
    assert to_dict(SitIn(id="x"))["type"] == first


def test_a_built_in_class_under_a_second_tag() -> None:
    with pytest.raises(RegistrationError) as info:
        newsevents.event_type("speech_test_a_built_in_class_under_a_second_tag")(Statement)
    assert str(info.value) == "Statement is already registered as 'statement'"


def test_a_non_event_attrs_class_is_rejected() -> None:
    tag = "petition_test_a_non_event_attrs_class"

    @attrs.frozen(kw_only=True)
    class Petition:
        signatures: int = 0

    with pytest.raises(RegistrationError) as info:
        newsevents.event_type(tag)(Petition)
    assert str(info.value) == f"@event_type({tag!r}) needs an attrs subclass of Event, found {Petition!r}"
    assert tag not in event_types()


def test_a_plain_class_is_rejected() -> None:
    tag = "rally_test_a_plain_class"

    class Rally:
        pass

    with pytest.raises(RegistrationError) as info:
        newsevents.event_type(tag)(Rally)
    assert str(info.value) == f"@event_type({tag!r}) needs an attrs subclass of Event, found {Rally!r}"
    assert tag not in event_types()


def test_a_non_attrs_subclass_of_event_is_rejected() -> None:
    # Without @attrs.frozen the annotation below is not a field: the class is not an attrs class of its own.
    tag = "boycott_test_a_non_attrs_subclass_of_event"

    class Boycott(Event):
        target: str | None = None

    with pytest.raises(RegistrationError, match=re.escape("needs an attrs subclass of Event")):
        newsevents.event_type(tag)(Boycott)
    assert tag not in event_types()


def test_a_non_frozen_attrs_class_is_rejected() -> None:
    tag = "blockade_test_a_non_frozen_attrs_class"

    @attrs.define(kw_only=True)
    class Blockade(Event):
        road: str | None = None
        __setattr__ = object.__setattr__  # instances can be changed: not a value object

    assert Blockade(id="b1").road is None
    with pytest.raises(RegistrationError) as info:
        newsevents.event_type(tag)(Blockade)
    assert str(info.value) == f"{Blockade.__qualname__} must be a frozen attrs class (@attrs.frozen)"
    assert tag not in event_types()


def test_event_itself_cannot_be_registered() -> None:
    tag = "event_test_event_itself_cannot_be_registered"
    with pytest.raises(RegistrationError) as info:
        newsevents.event_type(tag)(Event)
    assert str(info.value) == "Event itself cannot be registered"
    assert tag not in event_types()


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("Bad Tag", "event_type tag: expected a slug matching [a-z0-9][a-z0-9._:-]*, found 'Bad Tag'"),
        (
            "",
            "event_type tag: expected a slug matching [a-z0-9][a-z0-9._:-]*, found ''"
            " (no id could be derived from the name: pass id=...)",
        ),
        (7, "event_type tag: expected a str tag, found 7"),
    ],
)
def test_a_bad_tag_is_rejected_at_once(tag: Any, message: str) -> None:
    with pytest.raises(RegistrationError) as info:
        newsevents.event_type(tag)
    assert str(info.value) == message
    assert tag not in event_types()


def test_event_types_lists_built_ins_and_custom_types() -> None:
    types = event_types()
    assert types["statement"] is Statement
    assert types["diplomatic_request"] is DiplomaticRequest
    assert types["detention"] is Detention
    assert types["protest_test"] is Protest
    assert list(types) == sorted(types)


def test_event_types_is_a_snapshot() -> None:
    snapshot = event_types()
    snapshot["intruder"] = Protest
    assert "intruder" not in event_types()


# ---------------------------------------------------------------- unknown tags


def test_unknown_tag_in_an_article() -> None:
    data = to_dict(article(statement("s1")))
    data["events"][0]["type"] = "riot_never_registered"
    with pytest.raises(ValidationError) as info:
        from_dict(Article, data)
    assert problems(info) == [
        ("$.events[0].type", f"unknown type 'riot_never_registered'; expected one of: {known_tags()}")
    ]
    message = info.value.errors[0].message
    for tag in ("'statement'", "'diplomatic_request'", "'detention'", "'protest_test'"):
        assert tag in message


def test_unknown_tag_in_an_article_from_json() -> None:
    made = article(
        Detention(id="d1", detainee=LAVROV, held_by=Country(code="US"), status=DetentionStatus.ARRESTED)
    )
    text = to_json(made).replace('"type":"detention"', '"type":"riot_never_registered"')
    with pytest.raises(ValidationError) as info:
        from_json(Article, text)
    assert problems(info) == [
        ("$.events[0].type", f"unknown type 'riot_never_registered'; expected one of: {known_tags()}")
    ]


def test_unknown_tag_alone() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(Event, {"type": "riot_never_registered", "id": "x"})
    assert problems(info) == [
        ("$.type", f"unknown type 'riot_never_registered'; expected one of: {known_tags()}")
    ]


# ---------------------------------------------------------------- the record of a type


@attrs.frozen(kw_only=True)
class Swap(Event):
    """A prisoner swap, defined in each test that needs it registered (inside a scoped registry)."""

    sides: tuple[Country, ...] = ()
    released: tuple[Person, ...] = ()
    venue: str | None = None

    def parties(self) -> newsevents.Parties:
        return newsevents.Parties(acting=self.sides, receiving=self.released)


GERSHKOVICH = Person(name="Evan Gershkovich", nationality=("US",))
SIDES = (Country(code="US"), Country(code="RU"))


def swap(**overrides: Any) -> Swap:
    return Swap(**{"id": "swap", "sides": SIDES, "released": (GERSHKOVICH,), **overrides})


def test_the_record_holds_tag_class_codes_strategy_and_renderings() -> None:
    record = newsevents.event_type_info("statement")
    assert record.cls is Statement
    assert newsevents.event_type_info(Statement) is record
    assert record.codes == newsevents.EventCodes(cameo="010")
    assert callable(record.describe)
    assert callable(record.ninjs)
    assert callable(record.schema_org)
    assert newsevents.event_type_info(DiplomaticRequest).plover_context == ("diplomatic",)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.tag = "speech"  # type: ignore[misc]


def test_event_type_takes_renderings_and_register_rendering_changes_them() -> None:
    with newsevents.scoped_event_types():
        newsevents.event_type("swap_test", describe=lambda e: "a swap", plover_context=["humanitarian"])(Swap)
        record = newsevents.event_type_info("swap_test")
        assert (record.tag, record.cls, record.plover_context) == ("swap_test", Swap, ("humanitarian",))
        assert record.describe is not None
        assert record.describe(swap()) == "a swap"
        newsevents.register_rendering(Swap, ninjs=lambda e: "swap!")
        record = newsevents.event_type_info(Swap)
        assert record.ninjs is not None
        assert record.ninjs(swap()) == "swap!"
        assert record.describe is not None  # what was not given stays
        assert record.describe(swap()) == "a swap"


@pytest.mark.parametrize(
    ("renderings", "message"),
    [
        ({"describe": "a swap"}, "describe must be a function, found 'a swap'"),
        ({"ninjs": 3}, "ninjs must be a function, found 3"),
        ({"schema_org": {}}, "schema_org must be a function, found {}"),
        ({"codes": "RETREAT"}, "codes must be EventCodes or a function of the event, found 'RETREAT'"),
        ({"plover_context": "diplomatic"}, "plover_context must be a sequence of words, found 'diplomatic'"),
        ({"plover_context": ["ok", ""]}, "plover_context must be a sequence of words, found ['ok', '']"),
        ({"plover_context": 3}, "plover_context must be a sequence of words, found 3"),
    ],
)
def test_bad_renderings_are_refused_at_once(renderings: dict[str, Any], message: str) -> None:
    with pytest.raises(RegistrationError) as info:
        newsevents.event_type("swap_test_bad", **renderings)
    assert str(info.value) == f"@event_type('swap_test_bad'): {message}"
    with pytest.raises(RegistrationError) as info:
        newsevents.register_rendering(Statement, **renderings)
    assert str(info.value) == f"register_rendering: {message}"
    assert "swap_test_bad" not in event_types()


def test_renderings_need_a_registered_type() -> None:
    expected = "Swap is not a registered event type; register it with @newsevents.event_type(tag)"
    with pytest.raises(RegistrationError) as info:
        newsevents.register_rendering(Swap, describe=lambda e: "a swap")
    assert str(info.value) == f"register_rendering: {expected}"
    with pytest.raises(RegistrationError) as info:
        newsevents.event_type_info("swap_never_registered")
    assert str(info.value) == (
        "event_type_info: 'swap_never_registered' is not a registered event type;"
        " register it with @newsevents.event_type(tag)"
    )
    with pytest.raises(RegistrationError) as info:
        newsevents.register_codes(Swap, newsevents.EventCodes())
    assert str(info.value) == f"register_codes: {expected}"


# ---------------------------------------------------------------- unregistering, scoped registries


def test_unregister_by_tag_frees_the_tag_and_refuses_its_documents() -> None:
    with newsevents.scoped_event_types():
        newsevents.event_type("swap_test")(Swap)
        data = to_dict(swap())
        assert from_dict(Event, data) == swap()
        record = newsevents.unregister_event_type("swap_test")
        assert (record.tag, record.cls) == ("swap_test", Swap)
        assert "swap_test" not in event_types()
        assert newsevents.events.tag_of(Swap) is None
        with pytest.raises(ValidationError) as info:
            from_dict(Event, data)
        assert problems(info) == [("$.type", f"unknown type 'swap_test'; expected one of: {known_tags()}")]

        @newsevents.event_type("swap_test")
        @attrs.frozen(kw_only=True)
        class OtherSwap(Event):
            pass

        assert type(from_dict(Event, {"type": "swap_test", "id": "x"})) is OtherSwap


def test_unregister_by_class() -> None:
    with newsevents.scoped_event_types():
        newsevents.event_type("swap_test")(Swap)
        assert newsevents.unregister_event_type(Swap).tag == "swap_test"
        assert "swap_test" not in event_types()
        with pytest.raises(ValueError, match="decorate it with") as info:  # it cannot be written now
            to_dict(swap())
        assert str(info.value) == (
            "Swap is not a registered event type, so its JSON could not be read back;"
            " decorate it with @newsevents.event_type('some_tag')"
        )


def test_unregister_an_unknown_type() -> None:
    with pytest.raises(RegistrationError) as info:
        newsevents.unregister_event_type("swap_never_registered")
    assert str(info.value) == (
        "unregister_event_type: 'swap_never_registered' is not a registered event type;"
        " register it with @newsevents.event_type(tag)"
    )


def test_a_scoped_registry_undoes_registrations_unregistrations_and_renderings() -> None:
    before = event_types()
    statement_record = newsevents.event_type_info(Statement)
    with newsevents.scoped_event_types():
        newsevents.event_type("swap_test")(Swap)
        assert from_dict(Event, to_dict(swap())) == swap()
        newsevents.unregister_event_type(Protest)
        newsevents.register_rendering(Statement, describe=lambda e: "said something")
        assert "protest_test" not in event_types()
    assert event_types() == before
    assert newsevents.event_type_info(Statement) == statement_record
    # The loaders followed: the swap's tag is unknown again, the protest's known again.
    with pytest.raises(ValidationError) as info:
        from_dict(Event, {"type": "swap_test", "id": "x"})
    assert problems(info) == [("$.type", f"unknown type 'swap_test'; expected one of: {known_tags()}")]
    assert from_dict(Event, to_dict(protest())) == protest()


def test_a_scoped_registry_restores_after_an_error() -> None:
    before = event_types()

    def fail_inside() -> None:
        with newsevents.scoped_event_types():
            newsevents.event_type("swap_test")(Swap)
            raise RuntimeError("inside")

    with pytest.raises(RuntimeError, match="inside"):
        fail_inside()
    assert event_types() == before


def test_registration_changes_notify_the_observers() -> None:
    seen: list[type] = []
    newsevents.events._OBSERVERS.append(seen.append)
    try:
        with newsevents.scoped_event_types():
            newsevents.event_type("swap_test")(Swap)
            newsevents.event_type("swap_test")(Swap)  # again: no change, no call
            newsevents.register_rendering(Swap, describe=lambda e: "a swap")  # not a registration
            newsevents.unregister_event_type(Swap)
            newsevents.event_type("swap_test")(Swap)
        assert seen == [Swap, Swap, Swap, Swap]  # registered, unregistered, again, and undone by the scope
    finally:
        newsevents.events._OBSERVERS.remove(seen.append)


# ---------------------------------------------------------------- every exporter renders a custom type


@pytest.fixture
def plain_swap() -> Any:
    """The swap type registered with no rendering at all, for one test."""
    with newsevents.scoped_event_types():
        newsevents.event_type("swap_test_prisoner")(Swap)
        yield Swap


@pytest.fixture
def rendered_swap() -> Any:
    """The swap type registered with a rendering for every exporter, for one test."""

    def said(e: Swap) -> str:
        return f"{len(e.released)} released" + (f" in {e.venue}" if e.venue else "")

    def node(e: Swap, graph: Any) -> dict[str, Any]:
        return {"@type": "TradeAction", "@id": f"_:event-{e.id}", "agent": graph.nodes(e.sides)}

    with newsevents.scoped_event_types():
        newsevents.event_type(
            "swap_test_prisoner",
            codes=newsevents.EventCodes(cameo="0841", plover="RETREAT", mode="release"),
            describe=said,
            ninjs=lambda e: f"swap of {', '.join(p.name for p in e.released)}",
            schema_org=node,
            plover_context=("humanitarian",),
        )(Swap)
        yield Swap


def test_show_without_a_rendering_says_the_type_never_a_dangling_line(plain_swap: Any) -> None:
    text = show(article(swap()))
    assert "  swap: United States, Russia -> Evan Gershkovich: swap test prisoner\n" in text
    with_fields = show(article(swap(venue="Ankara", summary="Seven for eight.")))
    assert "swap: United States, Russia -> Evan Gershkovich: Seven for eight.; venue: Ankara\n" in with_fields


def test_show_with_a_rendering(rendered_swap: Any) -> None:
    text = show(article(swap(venue="Ankara")))
    assert "  swap: United States, Russia -> Evan Gershkovich: 1 released in Ankara\n" in text


def test_show_and_the_page_share_one_description(rendered_swap: Any) -> None:
    page = newsevents.to_html(article(swap(venue="Ankara")))
    assert "<td>1 released in Ankara</td>" in page


def test_ninjs_without_a_rendering_names_the_type_and_the_parties(plain_swap: Any) -> None:
    (entry,) = newsevents.to_ninjs(article(swap()))["events"]
    assert entry == {
        "id": "swap",
        "name": "swap_test_prisoner swap: United States, Russia -> Evan Gershkovich",
        "rel": "confirmed",
        "literal": "swap_test_prisoner",
    }
    (alone,) = newsevents.to_ninjs(article(Swap(id="nobody")))["events"]
    assert alone["name"] == "swap_test_prisoner nobody"


def test_ninjs_with_a_rendering(rendered_swap: Any) -> None:
    (entry,) = newsevents.to_ninjs(article(swap()))["events"]
    assert entry["name"] == "swap of Evan Gershkovich"
    (summarised,) = newsevents.to_ninjs(article(swap(summary="A swap.")))["events"]
    assert summarised["name"] == "A swap."  # a summary comes first, for every type


def test_schema_org_without_a_rendering_is_an_action_with_every_party(plain_swap: Any) -> None:
    (node,) = newsevents.to_schema_org(article(swap()))["about"]
    assert node["@type"] == "Action"
    assert node["name"] == "swap_test_prisoner"
    assert node["agent"]["name"] == "United States"
    assert [p["name"] for p in node["participant"]] == ["Russia"]
    assert [p["name"] for p in node["object"]] == ["Evan Gershkovich"]


def test_schema_org_with_a_rendering(rendered_swap: Any) -> None:
    doc = newsevents.to_schema_org(article(swap()))
    (node,) = doc["about"]
    assert node == {
        "@type": "TradeAction",
        "@id": "_:event-swap",
        "agent": [
            {"@type": "Country", "@id": "_:country-US", "name": "United States", "identifier": "US"},
            {"@type": "Country", "@id": "_:country-RU", "name": "Russia", "identifier": "RU"},
        ],
    }
    assert {"@id": "_:country-US"} in doc["mentions"]  # the graph knows the nodes the rendering made


def test_plover_without_codes_leaves_the_type_out(plain_swap: Any) -> None:
    assert newsevents.event_codes(swap()) == newsevents.EventCodes()
    assert newsevents.to_plover(article(swap())) == []


def test_plover_with_codes_and_context(rendered_swap: Any) -> None:
    (record,) = newsevents.to_plover(article(swap()))
    assert record["event"] == ["RETREAT"]
    assert record["mode"] == ["release"]
    assert record["cameo"] == "0841"
    assert record["context"] == ["humanitarian"]
    assert [a["entity_text"] for a in record["actor"]] == ["United States", "Russia"]
    assert [a["entity_text"] for a in record["recipient"]] == ["Evan Gershkovich"]


def test_a_subclass_of_a_built_in_renders_like_its_parent() -> None:
    with newsevents.scoped_event_types():

        @newsevents.event_type("press_release_test")
        @attrs.frozen(kw_only=True)
        class PressRelease(Statement):
            pass

        made = PressRelease(id="pr", speaker=LAVROV, text="Noted.", mode=QuoteMode.INDIRECT)
        ordinary = Statement(id="pr", speaker=LAVROV, text="Noted.", mode=QuoteMode.INDIRECT)
        assert newsevents.to_ninjs(article(made))["events"][0]["name"] == "Sergey Lavrov: Noted."
        assert (
            newsevents.to_schema_org(article(made))["about"]
            == newsevents.to_schema_org(article(ordinary))["about"]
        )
        assert newsevents.event_codes(made) == newsevents.EventCodes(cameo="010")
        assert "pr: Sergey Lavrov: Noted.\n" in show(article(made))


def test_a_union_of_int_and_bool_takes_both_in_either_order() -> None:
    # bool is a subclass of int: the union's bool member must answer for True, not its int member.
    @newsevents.event_type("test_int_or_bool")
    @attrs.frozen(kw_only=True)
    class Tally(Event):
        count: int | bool = False
        other: bool | int = 0

    assert Tally(id="t").count is False
    assert (Tally(id="t", count=True).count, Tally(id="t", count=3).count) == (True, 3)
    for value in (True, False, 0, 7):
        for name in ("count", "other"):
            document = {"type": "test_int_or_bool", "id": "t", name: value}
            loaded = from_dict(Tally, document)
            assert getattr(loaded, name) == value
            assert type(getattr(loaded, name)) is type(value)
    with pytest.raises(ValidationError) as caught:
        from_dict(Tally, {"type": "test_int_or_bool", "id": "t", "count": 1.5})
    assert [(e.path, e.message) for e in caught.value.errors] == [
        ("$.count", "expected int | bool, found float (1.5)")
    ]
