"""Events of every registered type: the built-in ones, and custom ones from a strategy or their fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from newsevents._registry import _RECORDS, update
from newsevents._spec import (
    INT_MAX,
    INT_MIN,
    DateTimeNode,
    EnumNode,
    FieldSpec,
    ModelNode,
    Node,
    ScalarNode,
    TupleNode,
    UnionNode,
    spec_of,
)
from newsevents.dates import TimeRef
from newsevents.entities import Country, Organization, Person, Place, Role
from newsevents.errors import ValidationError
from newsevents.events import Detention, DiplomaticRequest, Event, Statement, Term, event_types, tag_of
from newsevents.strategies._args import check_optional_strategy, check_sequence, check_strategy
from newsevents.strategies._entities import (
    countries,
    organizations,
    persons,
    places,
    roles,
)
from newsevents.strategies._events import (
    WhenStrategy,
    detentions,
    diplomatic_requests,
    shared_fields,
    statements,
    when_strategy,
)
from newsevents.strategies._time import aware_datetimes, terms, time_refs
from newsevents.validators import Check

E = TypeVar("E", bound=Event)

_BUILTIN: dict[type[Event], Callable[[WhenStrategy | None], st.SearchStrategy[Any]]] = {
    Statement: lambda when: statements(when=when),
    DiplomaticRequest: lambda when: diplomatic_requests(when=when),
    Detention: lambda when: detentions(when=when),
}


def register_event_strategy(cls: type[E], strategy: st.SearchStrategy[E]) -> None:
    """Use ``strategy`` for a custom event type in :func:`events`, :func:`articles` and ``st.from_type``.

    Without one, a registered custom type is drawn from its fields: the shared
    :class:`~newsevents.Event` fields as :func:`events` draws them, aware
    datetimes for ``datetime`` fields, :func:`slugs` and :func:`texts` for
    strings checked with :func:`~newsevents.validators.slug`,
    :func:`~newsevents.validators.non_blank` or
    :func:`~newsevents.validators.stripped`, and ``st.from_type`` for the rest.
    Register a strategy when the fields carry checks of your own.

    Args:
        cls: A custom event type registered with :func:`newsevents.event_type`.
        strategy: A strategy that draws valid instances of ``cls``.
    """
    if not (isinstance(cls, type) and issubclass(cls, Event)) or cls is Event:
        raise InvalidArgument(f"cls={cls!r} must be a subclass of Event")
    if tag_of(cls) is None:
        raise InvalidArgument(
            f"cls={cls.__qualname__} is not a registered event type:"
            " decorate it with @newsevents.event_type(tag)"
        )
    if cls in _BUILTIN:
        raise InvalidArgument(
            f"cls={cls.__qualname__} is built in: steer it with its own strategy's arguments"
        )
    check_strategy("strategy", strategy)
    update(cls, "register_event_strategy", strategy=strategy)  # kept in the type's record
    st.register_type_strategy(cls, strategy)


def _custom_strategy(cls: type[Event], when: WhenStrategy | None) -> st.SearchStrategy[Event]:
    """The strategy for a registered custom type: the one registered for it, or one from its fields."""
    record = _RECORDS.get(cls)
    registered: st.SearchStrategy[Any] | None = record.strategy if record is not None else None
    if registered is None:
        return _from_fields(cls, when)
    if when is None:
        return registered
    return st.builds(lambda e, w: attrs.evolve(e, when=w), registered, when)


def _cannot_draw(cls: type, what: str) -> InvalidArgument:
    name = cls.__qualname__
    return InvalidArgument(
        f"cannot draw {name} from its fields: {what}; register a strategy for it with"
        f" newsevents.strategies.register_event_strategy({name}, ...)"
    )


def _from_fields(cls: type[Event], when: WhenStrategy | None) -> st.SearchStrategy[Event]:
    try:
        specs = {f.name: f for f in spec_of(cls).fields}  # annotations may be strings (PEP 563)
    except Exception as exc:  # a bad forward reference fails in many ways; the remedy is the same
        raise _cannot_draw(cls, f"its annotations cannot be resolved ({exc})") from exc
    # A subclass of a built-in type takes the built-in's fields from the built-in's
    # strategy, which keeps their rules (a DIRECT statement's quotes, say).
    base = next((b for b in _BUILTIN if issubclass(cls, b)), None)
    inherited = [f for f in attrs.fields(base) if f.init] if base is not None else []
    base_st = _BUILTIN[base](when) if base is not None else st.none()
    # Articles fill in related ids; inherited fields come from the built-in's strategy.
    skipped = {"related"} | {f.name for f in inherited}
    shared = shared_fields()
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(cls):
        if not field.init or field.name in skipped:
            continue
        if field.name == "when":
            strategy = when_strategy(when)
        elif field.name in shared:
            strategy = shared[field.name]
        else:
            strategy = _for_field(cls, specs[field.name])
        fields[field.alias or field.name] = strategy

    @st.composite
    def build(draw: st.DrawFn) -> Event:
        parent = draw(base_st)
        values = {f.alias or f.name: getattr(parent, f.name) for f in inherited}
        values.update({name: draw(strategy) for name, strategy in fields.items()})
        try:
            return cls(**values)
        except ValidationError:
            # A check of the type's own that the drawn value breaks: the last resort.
            # Register a strategy with register_event_strategy() to draw valid ones directly.
            reject()

    return build()


_INT64 = st.integers(INT_MIN, INT_MAX)  # the model refuses wider ints (not every JSON reader keeps them)
_MODELS: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Person: persons,
    Organization: organizations,
    Country: countries,
    Place: places,
    Role: roles,
    TimeRef: time_refs,
    Term: terms,
}


def _for_field(cls: type, field: FieldSpec) -> st.SearchStrategy[Any]:
    return _for_node(cls, field.name, field.node, field.checks, field.each)


def _for_node(
    cls: type, name: str, node: Node, value_checks: tuple[Check, ...], item_checks: tuple[Check, ...]
) -> st.SearchStrategy[Any]:
    if isinstance(node, UnionNode):
        parts = [_for_node(cls, name, m, value_checks, item_checks) for m in node.members]
        # None first: examples shrink towards an absent value.
        return st.one_of([st.none(), *parts] if node.nullable else parts)
    if isinstance(node, TupleNode):
        items = _for_node(cls, name, node.item, item_checks, ())
        return _passing(st.lists(items, max_size=2).map(tuple), value_checks)
    if isinstance(node, (ScalarNode, DateTimeNode)):
        # The first check that knows its strategy draws; every other check filters.
        for i, check in enumerate(value_checks):
            drawn = check.strategy(node.hint)
            if drawn is not None:
                return _passing(drawn, value_checks[:i] + value_checks[i + 1 :])
        return _passing(_by_type(node), value_checks)
    if isinstance(node, EnumNode):
        return _passing(st.sampled_from(node.cls), value_checks)
    if isinstance(node, ModelNode) and node.cls in _MODELS:
        return _MODELS[node.cls]()
    if (
        isinstance(node, ModelNode)
        and issubclass(node.cls, Event)
        and (node.cls is Event or tag_of(node.cls))
    ):
        event_cls = node.cls
        # Deferred: a type may hold events of its own kind.
        return st.deferred(lambda: events() if event_cls is Event else events(types=[event_cls]))
    strategy = st.from_type(node.hint)
    try:
        strategy.validate()  # resolves the type now, so that the error comes at once
    except Exception as exc:  # resolving an arbitrary type fails in many ways; the remedy is the same
        raise _cannot_draw(cls, f"Hypothesis cannot draw its field {name}: {node.hint!r} ({exc})") from exc
    return _passing(strategy, value_checks)


def _by_type(node: ScalarNode | DateTimeNode) -> st.SearchStrategy[Any]:
    if isinstance(node, DateTimeNode):
        return aware_datetimes()  # the model refuses naive ones
    if node.py is bool:
        return st.booleans()
    if node.py is int:
        return _INT64
    if node.py is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    return st.text(max_size=20)


def _passing(strategy: st.SearchStrategy[Any], value_checks: tuple[Check, ...]) -> st.SearchStrategy[Any]:
    """Values of ``strategy`` that every one of ``value_checks`` accepts."""
    if not value_checks:
        return strategy
    return strategy.filter(lambda value: all(check(value) is None for check in value_checks))


def event_strategy(
    types: Sequence[type[Event]] | None, when: WhenStrategy | None, argument: str
) -> st.SearchStrategy[Event]:
    """Events of the given registered types (all by default); errors name ``argument``."""
    when = check_optional_strategy("when", when)
    if types is None:
        chosen = tuple(event_types().values())
    else:
        chosen = check_sequence(argument, types)
        for cls in chosen:
            if not (isinstance(cls, type) and issubclass(cls, Event)) or cls is Event:
                raise InvalidArgument(f"{argument}: {cls!r} is not an event type")
            if tag_of(cls) is None:
                raise InvalidArgument(
                    f"{argument}: {cls.__qualname__} is not a registered event type:"
                    " decorate it with @newsevents.event_type(tag)"
                )
    return st.one_of(
        [_BUILTIN[cls](when) if cls in _BUILTIN else _custom_strategy(cls, when) for cls in chosen]
    )


def events(
    *,
    types: Sequence[type[Event]] | None = None,
    when: WhenStrategy | None = None,
) -> st.SearchStrategy[Event]:
    """Events of the built-in types and of every registered custom type.

    Args:
        types: Draw only these event classes (built-in or registered with
            :func:`newsevents.event_type`); every registered type by default.
        when: A strategy for ``when``, passed to each type's strategy.

    >>> from hypothesis import given
    >>> from newsevents import Detention, Statement
    >>> @given(events(types=[Statement, Detention]))
    ... def check(event):
    ...     assert isinstance(event, (Statement, Detention))
    >>> check()
    """
    return event_strategy(types, when, "types")
