"""The code generator at its edges: unusual custom types, threads, and types registered after use.

Each case was found by a review of the generated paths; each holds the fast and the
detailed path to one answer (``tests/test_differential.py`` has the helpers).
"""

from __future__ import annotations

import enum
import json
import threading
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

import attrs
import pytest
from hypothesis import strategies as st

from newsevents import (
    Actor,
    Country,
    Detention,
    Event,
    Person,
    ValidationError,
    event_type,
    from_dict,
    to_dict,
    to_json,
)
from newsevents import strategies as nst
from newsevents._base import Model
from newsevents._codegen import EntityCache, _Compiled, top_loader
from newsevents._spec import derived_from
from newsevents.validators import in_range, length, rules, slug
from test_differential import agree, fast, same


@event_type("codegen_thread")
@attrs.frozen(kw_only=True)
class Thread(Event):
    """A type that holds objects of its own type."""

    replies: tuple[Thread, ...] = ()


@event_type("codegen_object")
@attrs.frozen(kw_only=True)
class Anything(Event):
    x: object = None


@event_type("codegen_hashed")
@attrs.frozen(kw_only=True, cache_hash=True)
class Hashed(Event):
    n: int = 0


@event_type("codegen_own_init")
@attrs.frozen(kw_only=True, init=False)
class OwnInit(Event):
    n: int = 0

    def __init__(self, *, n: int = 0, **kw: Any) -> None:
        self.__attrs_init__(n=abs(n), **kw)


class Kind(enum.StrEnum):
    A = "a"


@event_type("codegen_defaults")
@attrs.frozen(kw_only=True)
class Defaults(Event):
    flag: int | bool = False
    kind: str = Kind.A


@event_type("codegen_literal")
@attrs.frozen(kw_only=True)
class Lit(Event):
    x: Literal["auto"] | int = "auto"


def test_a_type_that_holds_its_own_type_loads_on_both_paths() -> None:
    doc = {
        "type": "codegen_thread",
        "id": "a",
        "replies": [{"id": "b"}, {"id": "c", "replies": [{"id": "d"}]}],
    }
    verdict, thread = agree(Thread, doc)
    assert verdict == "ok"
    assert [r.id for r in thread.replies] == ["b", "c"]
    verdict, errors = agree(Thread, {**doc, "id": "A"})
    assert verdict == "error"
    assert [e.path for e in errors] == ["$.id"]  # the real problem, not "nested too deeply"


def test_an_object_field_takes_anything_on_both_paths() -> None:
    assert agree(Anything, {"type": "codegen_object", "id": "a"})[0] == "ok"
    assert agree(Anything, {"type": "codegen_object", "id": "a", "x": [1, {"b": None}]})[1].x == [
        1,
        {"b": None},
    ]


def test_a_cached_hash_is_set_on_the_fast_path_too() -> None:
    doc = {"type": "codegen_hashed", "id": "a", "n": 3}
    assert agree(Hashed, doc)[0] == "ok"
    assert hash(from_dict(Hashed, doc)) == hash(Hashed(id="a", n=3))


def test_an_init_of_the_users_own_runs_on_the_fast_path_too() -> None:
    verdict, loaded = agree(OwnInit, {"type": "codegen_own_init", "id": "a", "n": -3})
    assert verdict == "ok"
    assert loaded.n == 3


def test_defaults_equal_but_not_identical_are_left_out_as_before() -> None:
    assert to_json(Defaults(id="a", flag=0, kind="a")) == '{"type":"codegen_defaults","id":"a"}'
    assert to_dict(Defaults(id="a", flag=1, kind="b")) == {
        "type": "codegen_defaults",
        "id": "a",
        "flag": 1,
        "kind": "b",
    }


def test_a_union_with_a_literal_takes_a_value_of_its_other_member() -> None:
    assert Lit(id="a", x=5).x == 5
    assert agree(Lit, {"type": "codegen_literal", "id": "a", "x": 5})[1].x == 5
    with pytest.raises(ValidationError) as caught:
        Lit(id="a", x="manual")
    assert [(e.path, e.message) for e in caught.value.errors] == [
        ("Lit.x", "expected one of 'auto', found 'manual'")
    ]


@attrs.frozen(kw_only=True)
class Rally(Event):
    """Registered only inside its test, after a first use."""

    crowd: int = 0


@event_type("codegen_holder")
@attrs.frozen(kw_only=True)
class Holder(Event):
    r: Rally | None = None


# Other modules' property tests draw events of every registered type, these included: say how
# to draw them within what those tests can write as JSON. Holder is drawn without a Rally (until
# its test registers Rally, nothing can draw one); Anything holds JSON values only (a bare
# object field would be drawn as any Python object); Thread without replies (a tree each time).
nst.register_event_strategy(Holder, st.builds(Holder, id=nst.slugs()))
nst.register_event_strategy(Anything, st.builds(Anything, id=nst.slugs(), x=st.none() | st.integers(0, 9)))
nst.register_event_strategy(Thread, st.builds(Thread, id=nst.slugs()))


def test_a_type_registered_after_use_agrees_everywhere() -> None:
    before = agree(Holder, {"type": "codegen_holder", "id": "h", "r": {"id": "x"}})
    assert before[0] == "error"  # an unregistered type: its tag is needed, and there is none
    event_type("codegen_rally")(Rally)
    for doc in ({"id": "x"}, {"type": "codegen_rally", "id": "x"}):
        assert agree(Rally, doc)[0] == "ok"
    holder = {"type": "codegen_holder", "id": "h", "r": {"type": "codegen_rally", "id": "x", "crowd": 9}}
    assert agree(Holder, holder)[1].r.crowd == 9
    assert agree(Holder, {**holder, "r": {"type": "codegen_rally", "id": "X"}})[0] == "error"


def test_threads_that_first_use_many_types_at_once_all_succeed() -> None:
    classes = []
    for i in range(60):  # model classes, not event types: none joins the registry the strategies draw from
        namespace: dict[str, Any] = {"__annotations__": {f"f{j}": "int" for j in range(10)}}
        namespace.update({f"f{j}": attrs.field(default=j) for j in range(10)})
        cls = attrs.frozen(kw_only=True)(type(f"Race{i}", (Model,), namespace))
        classes.append(cls(f3=7))
    barrier = threading.Barrier(4)
    problems: list[BaseException] = []
    loaded: list[Any] = []

    def work() -> None:
        barrier.wait()
        for obj in classes:
            try:
                doc = to_dict(obj)
                loaded.append(fast(type(obj), doc))
            except BaseException as exc:  # noqa: BLE001 -- collected, asserted below
                problems.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    assert len(loaded) == 4 * len(classes)
    for obj in classes:
        same(top_loader(type(obj))(to_dict(obj), None), obj)


# ---------------------------------------------------------------- every kind of field, in a test's own class
#
# The built-in classes' loaders and dumpers are generated at the first load, often at import; these
# classes are defined in the test bodies, so their code is generated (and checked) while the test runs.


class Mood(enum.Enum):
    CALM = "calm"
    LOUD = "loud"


def _sink_class() -> type[Event]:
    @event_type("codegen_sink")
    @attrs.frozen(kw_only=True)
    class Sink(Event):
        title: str = attrs.field(metadata=rules(length(max=20)))
        by: Actor
        count: int = attrs.field(default=0, metadata=rules(in_range(ge=0, le=10)))
        ratio: float = 0.5
        loud: bool = False
        note: str | None = None
        mood: Mood = Mood.CALM
        moods: tuple[Mood, ...] = ()
        words: tuple[str, ...] = attrs.field(default=(), metadata=rules(each=(slug,)))
        at: datetime | None = None
        backer: Actor | None = None
        helper: Person | None = None
        cause: Event | None = None
        handle: str = attrs.field(
            default=attrs.Factory(lambda self: self.title.lower().replace(" ", "-"), takes_self=True),
            metadata=rules(slug) | derived_from("title", lambda title: title.lower().replace(" ", "-")),
        )
        half: float = attrs.field(default=attrs.Factory(lambda self: self.count / 2, takes_self=True))
        shout: str | None = attrs.field(
            default=attrs.Factory(lambda self: self.note.upper() if self.note else None, takes_self=True)
        )
        labels: tuple[str, ...] = attrs.field(factory=lambda: ("new",), metadata=rules(each=(slug,)))

    return Sink


SINK_FULL = {
    "type": "codegen_sink",
    "id": "s",
    "title": "Big Rally",
    "by": {"type": "person", "name": "Paul Whelan"},
    "count": 4,
    "ratio": 2.5,
    "loud": True,
    "note": "calm down",
    "mood": "loud",
    "moods": ["loud", "calm"],
    "words": ["a", "b-c"],
    "at": "2022-07-28T10:00:00+03:00",
    "backer": {"type": "country", "code": "RU"},
    "helper": {"type": "person", "name": "Maria Zakharova"},
    "cause": {
        "type": "detention",
        "id": "held",
        "detainee": {"type": "person", "name": "Brittney Griner"},
        "held_by": {"type": "country", "code": "RU"},
        "status": "detained",
    },
    "handle": "rally",
    "half": 1.0,
    "shout": "QUIET",
    "labels": ["old", "older"],
}


def test_a_class_of_every_kind_of_field_loads_and_dumps_alike_on_both_paths() -> None:
    sink = _sink_class()
    verdict, loaded = agree(sink, SINK_FULL)
    assert verdict == "ok"
    assert loaded.by == Person(name="Paul Whelan")
    assert loaded.backer == Country(code="RU")
    assert loaded.moods == (Mood.LOUD, Mood.CALM)
    assert loaded.at == datetime(2022, 7, 28, 10, tzinfo=timezone(timedelta(hours=3)))
    assert loaded.ratio == 2.5
    assert loaded.half == 1.0
    assert loaded.labels == ("old", "older")
    assert isinstance(loaded.cause, Detention)
    assert to_dict(loaded) == SINK_FULL
    assert json.loads(to_json(loaded)) == SINK_FULL
    # Every field at its default, the derived and factory ones included, is left out.
    minimal = {"type": "codegen_sink", "id": "s", "title": "Big Rally", "by": to_dict(Country(code="RU"))}
    verdict, bare = agree(sink, minimal)
    assert verdict == "ok"
    same(bare, sink(id="s", title="Big Rally", by=Country(code="RU")))
    assert (bare.handle, bare.half, bare.shout, bare.labels) == ("big-rally", 0.0, None, ("new",))
    assert to_dict(bare) == minimal
    assert to_json(bare) == json.dumps(minimal, separators=(",", ":"))
    # Derived defaults follow the fields they come from, and are left out when they do.
    doc = {**minimal, "count": 3, "note": "hush"}
    verdict, derived = agree(sink, doc)
    assert verdict == "ok"
    assert (derived.half, derived.shout) == (1.5, "HUSH")
    assert to_dict(derived) == doc
    # A number written without a fraction is a float where the field is one.
    assert agree(sink, {**minimal, "ratio": 3, "half": 2})[1].ratio.__class__ is float


def test_a_derived_default_of_the_wrong_type_is_refused_on_load_as_by_the_constructor() -> None:
    # A bug found by mutation testing: the detailed path checked only the values it read, so
    # from_dict built an object with an int in a float field, one the constructor refuses.
    @event_type("codegen_doubled")
    @attrs.frozen(kw_only=True)
    class Doubled(Event):
        n: int = 0
        twice: float = attrs.field(default=attrs.Factory(lambda self: self.n * 2, takes_self=True))
        later: float = attrs.field(default=attrs.Factory(lambda self: self.twice / 2, takes_self=True))

    with pytest.raises(ValidationError, match=r"^Doubled.twice: expected float, found int \(2\); write 2.0$"):
        Doubled(id="a", n=1)
    verdict, errors = agree(Doubled, {"type": "codegen_doubled", "id": "a", "n": 1})
    assert verdict == "error"
    assert [(e.path, e.message, e.code) for e in errors] == [
        ("$.twice", "expected float, found int (2); write 2.0", "type")
    ]
    # Given, the value is read and converted as any other; left out, a float default is taken as it is.
    assert agree(Doubled, {"type": "codegen_doubled", "id": "a", "n": 1, "twice": 2})[1].later == 1.0


def test_people_in_every_kind_of_field_are_shared_across_one_read() -> None:
    sink = _sink_class()
    cache = EntityCache()
    first, second = (top_loader(sink)(SINK_FULL, cache) for _ in range(2))
    same(first, from_dict(sink, SINK_FULL))
    assert first is not second
    assert first.by is second.by  # a person as an Actor
    assert first.helper is second.helper  # a person where only a person goes
    assert first.cause.detainee is second.cause.detainee  # inside an event of any registered type
    assert (cache.lookups, cache.hits) == (6, 3)
    # Countries are cheaper to build than to look up: not shared, wherever they stand.
    assert first.backer == second.backer
    assert first.backer is not second.backer
    doc = {**SINK_FULL, "by": {"type": "country", "code": "US"}}
    third, fourth = (top_loader(sink)(doc, cache) for _ in range(2))
    assert third.by == fourth.by == Country(code="US")
    assert third.by is not fourth.by


def test_an_enum_value_that_is_no_member_and_one_that_is_no_string_get_their_codes() -> None:
    sink = _sink_class()
    minimal = {"type": "codegen_sink", "id": "s", "title": "Big Rally", "by": to_dict(Country(code="RU"))}
    verdict, errors = agree(sink, {**minimal, "mood": "Loud", "moods": ["calm", 1]})
    assert verdict == "error"
    assert [(e.path, e.message, e.code) for e in errors] == [
        ("$.mood", "expected one of 'calm', 'loud', found 'Loud' (did you mean 'loud'?)", "enum"),
        ("$.moods[1]", "expected one of 'calm', 'loud', found int (1)", "type"),
    ]


@attrs.frozen
class Span:
    """A class of the user's own, not a model: cattrs' own hooks load and write it."""

    start: int
    counts: list[int] = attrs.field(factory=list)
    parts: tuple = ()  # type: ignore[type-arg] -- a bare tuple: written item by item, as it is found


def test_a_plain_attrs_class_inside_an_event_loads_and_dumps_with_paths_to_its_problems() -> None:
    @event_type("codegen_spanned")
    @attrs.frozen(kw_only=True)
    class Spanned(Event):
        span: Span | None = None

    parts = ("a", 1, True, 2.5, None, Mood.LOUD, Country(code="RU"), (Mood.CALM,))
    obj = Spanned(id="s", span=Span(start=1, counts=[2], parts=parts))
    assert to_dict(obj) == {
        "type": "codegen_spanned",
        "id": "s",
        "span": {
            "start": 1,
            "counts": [2],
            "parts": ["a", 1, True, 2.5, None, "loud", {"type": "country", "code": "RU"}, ["calm"]],
        },
    }
    doc = {"type": "codegen_spanned", "id": "s", "span": {"start": 1, "counts": [2, 3], "parts": ["a"]}}
    verdict, loaded = agree(Spanned, doc)
    assert verdict == "ok"
    assert loaded.span == Span(start=1, counts=[2, 3], parts=("a",))
    broken = {"start": "1", "counts": [1, "2", 3, "4"], "stop": 2}
    verdict, errors = agree(Spanned, {**doc, "span": broken})
    assert verdict == "error"
    assert [(e.path, e.message, e.code) for e in errors] == [
        ("$.span.start", "expected int, found '1'", "type"),
        ("$.span.counts[1]", "expected int, found '2'", "type"),
        ("$.span.counts[3]", "expected int, found '4'", "type"),
        ("$.span.stop", "unknown field; expected one of: start, counts, parts", "unknown_key"),
    ]
    verdict, errors = agree(Spanned, {**doc, "span": {"counts": []}})
    assert [(e.path, e.message, e.code) for e in errors] == [
        ("$.span.start", "required field is missing", "missing")
    ]


def test_a_table_of_generated_functions_builds_each_once_and_hands_out_a_stand_in_while_building() -> None:
    built: list[type] = []

    def build(cls: type) -> Any:
        built.append(cls)
        again = table[cls]  # its own function, asked for while it is being built: a class holding itself
        return lambda n: 0 if n == 0 else again(n - 1) + 1

    table = _Compiled(build)
    count = table[int]
    assert count(3) == 3
    assert table[int] is count
    assert built == [int]
    table.reset()
    assert table[int] is not count
    assert table[int](2) == 2
    assert built == [int, int]


def test_an_error_of_any_kind_from_a_validator_of_the_users_own_is_reported_as_invalid() -> None:
    @event_type("codegen_lookup")
    @attrs.frozen(kw_only=True)
    class Lookup(Event):
        code: str = attrs.field(validator=lambda _obj, _attr, value: {"a": 1}[value])

    assert agree(Lookup, {"type": "codegen_lookup", "id": "l", "code": "a"})[0] == "ok"
    verdict, errors = agree(Lookup, {"type": "codegen_lookup", "id": "l", "code": "b"})
    assert verdict == "error"
    assert [(e.path, e.message, e.code) for e in errors] == [("$", "KeyError: 'b'", "invalid")]


def test_unions_of_plain_types_and_nested_tuples_load_alike_on_both_paths() -> None:
    @event_type("codegen_mixed")
    @attrs.frozen(kw_only=True)
    class Mixed(Event):
        code: int | str | None = None
        pick: int | str = 0
        teams: tuple[tuple[Person, ...], ...] = ()

    base = {"type": "codegen_mixed", "id": "m"}
    for code in (None, 5, "x"):
        assert agree(Mixed, {**base, "code": code})[1].code == code
    assert agree(Mixed, {**base, "pick": "a"})[1].pick == "a"
    teams = [[{"type": "person", "name": "Ann"}, {"type": "person", "name": "Bo"}], []]
    verdict, loaded = agree(Mixed, {**base, "teams": teams})
    assert verdict == "ok"
    assert loaded.teams == ((Person(name="Ann"), Person(name="Bo")), ())
    assert to_dict(loaded) == {**base, "teams": teams}
    verdict, errors = agree(Mixed, {**base, "code": 1.5, "pick": None})
    assert verdict == "error"
    assert [(e.path, e.message, e.code) for e in errors] == [
        ("$.code", "expected int | str | null, found float (1.5)", "type"),
        ("$.pick", "expected int | str, found null", "type"),
    ]


def test_an_event_field_that_holds_no_object_names_what_it_takes() -> None:
    sink = _sink_class()
    minimal = {"type": "codegen_sink", "id": "s", "title": "Big Rally", "by": to_dict(Country(code="RU"))}
    verdict, errors = agree(sink, {**minimal, "cause": 5})
    assert verdict == "error"
    assert [(e.path, e.message, e.code) for e in errors] == [
        ("$.cause", "expected an object (Event (a registered event type)), found int (5)", "type")
    ]
