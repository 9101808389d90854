"""The code generator at its edges: unusual custom types, threads, and types registered after use.

Each case was found by a review of the generated paths; each holds the fast and the
detailed path to one answer (``tests/test_differential.py`` has the helpers).
"""

from __future__ import annotations

import enum
import threading
from typing import Any, Literal

import attrs
import pytest
from hypothesis import strategies as st

from newsevents import Event, ValidationError, event_type, from_dict, to_dict, to_json
from newsevents import strategies as nst
from newsevents._base import Model
from newsevents._codegen import top_loader
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
