"""One description of each model class, built once and read by everything that needs to know a type.

Private. :func:`node_of` turns a type annotation into a :class:`Node` (the only
place in the library that takes annotations apart with ``typing.get_origin``);
:func:`spec_of` describes a model class: its fields in order, each with its
resolved type, its node, its default (a value, a factory, or derived from other
fields), its checks, and the class's ``type`` tag. Construction-time validation
(``_base``), the detailed loader (``_converter``), the generated loaders and
dumpers (``_codegen``), :func:`~newsevents.schema.json_schema` and the Hypothesis
strategies all read these descriptions, so they agree on what a type is.
"""

from __future__ import annotations

import contextlib
import enum
import threading
import types
import typing
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final

import attrs

from newsevents.validators import Check, field_checks

INT_MIN, INT_MAX = -(2**63), 2**63 - 1
"""The signed 64-bit range: wider integers do not survive every JSON reader (orjson reads them as floats)."""

TYPE_KEY: Final = "type"
VERSION_KEY: Final = "format_version"


def int_text(value: int) -> str:
    """An int's digits, or its size where Python refuses to write that many digits."""
    try:
        return str(value)
    except ValueError:  # more digits than sys.get_int_max_str_digits() allows
        return f"an integer of {value.bit_length():,} bits"


# ---------------------------------------------------------------- type nodes


class Node:
    """What a field's type annotation means to newsevents. ``name`` is how messages say it."""

    __slots__ = ("hint", "name")

    def __init__(self, hint: Any, name: str) -> None:
        self.hint, self.name = hint, name

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name})"


class AnyNode(Node):
    """``Any`` or ``object``: every value."""

    __slots__ = ()


class NoneNode(Node):
    """``None``, as a member of a union."""

    __slots__ = ()


class ScalarNode(Node):
    """``str``, ``int``, ``float`` or ``bool``, strictly (a bool is not an int, an int not a float)."""

    __slots__ = ("py",)

    def __init__(self, hint: Any, name: str) -> None:
        super().__init__(hint, name)
        self.py: type = hint


class DateTimeNode(Node):
    """An aware ``datetime`` with an offset in whole seconds."""

    __slots__ = ()


class EnumNode(Node):
    """An :class:`enum.Enum`; JSON holds its string value."""

    __slots__ = ("by_value", "cls")

    def __init__(self, hint: Any, name: str) -> None:
        super().__init__(hint, name)
        self.cls: type[enum.Enum] = hint
        self.by_value: dict[Any, enum.Enum] = {m.value: m for m in hint}


class LiteralNode(Node):
    """``Literal[...]``: one of the listed values."""

    __slots__ = ("values",)

    def __init__(self, hint: Any, name: str) -> None:
        super().__init__(hint, name)
        self.values: tuple[Any, ...] = typing.get_args(hint)


class TupleNode(Node):
    """``tuple[X, ...]``: a tuple in Python, an array in JSON."""

    __slots__ = ("item",)

    def __init__(self, hint: Any, name: str, item: Node) -> None:
        super().__init__(hint, name)
        self.item = item


class ModelNode(Node):
    """A model class: in JSON an object whose ``type`` tag, if any, is its own or a registered subclass's."""

    __slots__ = ("cls",)

    def __init__(self, hint: Any, name: str) -> None:
        super().__init__(hint, name)
        self.cls: type = hint


class EventBaseNode(ModelNode):
    """An event class with no tag of its own (``Event``): any registered subclass, chosen by its tag."""

    __slots__ = ()


class UnionNode(Node):
    """``X | Y | None``. ``tags`` maps each member's tag to its class when every member is a tagged model."""

    __slots__ = ("members", "nullable", "tags")

    def __init__(self, hint: Any, name: str, members: tuple[Node, ...], nullable: bool) -> None:
        super().__init__(hint, name)
        self.members, self.nullable = members, nullable
        classes = [m.cls for m in members if isinstance(m, ModelNode) and not isinstance(m, EventBaseNode)]
        tagged = {tag(c): c for c in classes}
        self.tags: dict[str, type] | None = (
            typing.cast("dict[str, type]", tagged)
            if len(classes) == len(members) and None not in tagged
            else None
        )


class OpaqueNode(Node):
    """Any other class: an instance of it (``tuple`` unparameterised, a class of the user's)."""

    __slots__ = ("cls",)

    def __init__(self, hint: Any, name: str) -> None:
        super().__init__(hint, name)
        self.cls: type = hint


class UnknownNode(Node):
    """An annotation newsevents does not take apart (``dict[str, int]``).

    Construction accepts any value; the loaders hand the JSON to cattrs' own hook for it.
    """

    __slots__ = ()


def type_name(tp: Any) -> str:
    """A readable name for a type annotation, for error messages."""
    if tp is type(None):
        return "null"
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_name(a) for a in typing.get_args(tp))
    if origin is tuple:
        args = typing.get_args(tp)
        return f"tuple[{type_name(args[0])}, ...]" if len(args) == 2 else "tuple"
    return getattr(tp, "__name__", repr(tp))


_NODES: dict[Any, Node] = {}
_LOCK = threading.RLock()


def node_of(tp: Any) -> Node:
    """The node of a type annotation (cached)."""
    try:
        return _NODES[tp]
    except (KeyError, TypeError):
        pass
    node = _build_node(tp)
    with contextlib.suppress(TypeError):  # an unhashable annotation: described again next time
        _NODES[tp] = node
    return node


def _build_node(tp: Any) -> Node:
    from newsevents._base import Model  # noqa: PLC0415 -- _base imports this module
    from newsevents.events import Event, tag_of  # noqa: PLC0415 -- the events module imports _base

    name = type_name(tp)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        members = tuple(node_of(a) for a in args if a is not type(None))
        return UnionNode(tp, name, members, type(None) in args)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return TupleNode(tp, name, node_of(args[0]))
        return OpaqueNode(tuple, "tuple")
    if origin is typing.Literal:
        return LiteralNode(tp, name)
    if tp is Any or tp is object:
        return AnyNode(tp, name)
    if tp is type(None):
        return NoneNode(tp, name)
    if not isinstance(tp, type) or origin is not None:
        return UnknownNode(tp, name)
    if tp in (str, bool, int, float):
        return ScalarNode(tp, name)
    if tp is datetime:
        return DateTimeNode(tp, name)
    if issubclass(tp, enum.Enum):
        return EnumNode(tp, name)
    if issubclass(tp, Model):
        if issubclass(tp, Event) and tag_of(tp) is None:
            return EventBaseNode(tp, name)
        return ModelNode(tp, name)
    return OpaqueNode(tp, name)


# ---------------------------------------------------------------- classes

DERIVED_KEY: Final = "newsevents.derived"


def derived_from(source: str, function: Callable[[Any], Any]) -> dict[str, tuple[str, Callable[[Any], Any]]]:
    """Field metadata: for a valid object, this field's default is ``function(getattr(self, source))``.

    The generated code then computes the default from the one field it needs, in one
    call, instead of running the attrs default of the object built so far.
    """
    return {DERIVED_KEY: (source, function)}


REQUIRED, VALUE, FACTORY, DERIVED = range(4)
"""How a field gets its default: none (required), a value, a factory, or a factory of the object so far."""


@attrs.frozen
class FieldSpec:
    """One field of a model class, described once."""

    name: str
    hint: Any
    node: Node
    checks: tuple[Check, ...]
    each: tuple[Check, ...]
    default_kind: int
    default: Any  # the value, or the factory
    alias: str
    init: bool
    source: tuple[str, Callable[[Any], Any]] | None  # a derived default's one input and function
    plain: bool  # no attrs validator and no converter but the model's own offset converters


@attrs.frozen
class ClassSpec:
    """A model class, described once."""

    cls: type
    fields: tuple[FieldSpec, ...]
    tag: str | None
    allowed: frozenset[str]  # the keys its JSON object may have
    allowed_text: str  # those keys in order, for "expected one of: ..."
    plain: bool  # constructible field by field, no hooks of its own to run
    invariants: bool  # overrides Model._invariants
    versioned: bool  # carries format_version (Article)


def tag(cls: type) -> str | None:
    """The ``type`` tag a model class carries in JSON, if it has one."""
    from newsevents.events import tag_of  # noqa: PLC0415 -- the events module imports _base

    return _entity_tags().get(cls) or tag_of(cls)


_ENTITY_TAGS: dict[type, str] = {}


def _entity_tags() -> dict[type, str]:
    if not _ENTITY_TAGS:
        from newsevents.article import Article  # noqa: PLC0415 -- the model imports _base, which imports this
        from newsevents.entities import Country, Organization, Person, Place  # noqa: PLC0415

        _ENTITY_TAGS.update(
            {
                Country: "country",
                Organization: "organization",
                Person: "person",
                Place: "place",
                Article: "article",
            }
        )
    return _ENTITY_TAGS


_SPECS: dict[type, ClassSpec] = {}
_KNOWN_POST_INITS: set[Callable[..., None]] = set()
_KNOWN_CONVERTERS: set[Callable[..., Any]] = set()


def trust(
    *, post_init: Callable[..., None] | None = None, converter: Callable[..., Any] | None = None
) -> None:
    """Mark a model class's ``__attrs_post_init__`` or a field converter as the loaders' to replace.

    The generated loaders build objects field by field, checking every rule inline;
    they can do so only for hooks they know do nothing more for JSON input than the
    model's own checks do (the model's post-init, a country's name default, the
    offset converters, which are no-ops on a parsed datetime).
    """
    if post_init is not None:
        _KNOWN_POST_INITS.add(post_init)
    if converter is not None:
        _KNOWN_CONVERTERS.add(converter)


def spec_of(cls: type) -> ClassSpec:
    """The description of a model class (built on first use, then cached)."""
    spec = _SPECS.get(cls)
    if spec is None:
        with _LOCK:
            spec = _SPECS.get(cls)
            if spec is None:
                spec = _SPECS[cls] = _describe(cls)
    return spec


def _by_attrs(function: Any) -> bool:
    """Whether attrs generated ``function`` (its code's file name says so)."""
    code = getattr(function, "__code__", None)
    return code is not None and code.co_filename.startswith("<attrs generated")


def _names(function: Any) -> tuple[str, ...]:
    code = getattr(function, "__code__", None)
    return code.co_names if code is not None else ()


def _describe(cls: type) -> ClassSpec:
    from newsevents._base import Model  # noqa: PLC0415 -- _base imports this module

    try:
        hints = typing.get_type_hints(cls)
    except Exception as exc:  # a forward reference that cannot be resolved
        raise TypeError(f"cannot resolve the field types of {cls.__qualname__}: {exc}") from exc
    fields = []
    for field in attrs.fields(cls):
        default = field.default
        if default is attrs.NOTHING:
            kind, value = REQUIRED, None
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            kind, value = (DERIVED if default.takes_self else FACTORY), default.factory
        else:
            kind, value = VALUE, default
        value_checks, item_checks = field_checks(field.metadata)
        hint = hints.get(field.name, Any)
        fields.append(
            FieldSpec(
                name=field.name,
                hint=hint,
                node=node_of(hint),
                checks=value_checks,
                each=item_checks,
                default_kind=kind,
                default=value,
                alias=field.alias or field.name,
                init=field.init,
                source=field.metadata.get(DERIVED_KEY) if kind == DERIVED else None,
                plain=field.validator is None
                and (field.converter is None or field.converter in _KNOWN_CONVERTERS),
            )
        )
    own = tag(cls)
    from newsevents.article import Article  # noqa: PLC0415 -- the model imports _base, which imports this

    versioned = cls is Article
    head = ([TYPE_KEY] if own else []) + ([VERSION_KEY] if versioned else [])
    names = [f.name for f in fields]
    post_init = getattr(cls, "__attrs_post_init__", None)
    plain = (
        post_init in _KNOWN_POST_INITS
        and all(f.plain and f.init and f.alias == f.name for f in fields)
        and getattr(cls, "__attrs_pre_init__", None) is None
        and _by_attrs(getattr(cls, "__init__", None))  # not an __init__ of the user's own
        and "_attrs_cached_hash" not in _names(cls.__hash__)  # no hash that attrs' __init__ caches
    )
    return ClassSpec(
        cls=cls,
        fields=tuple(fields),
        tag=own,
        allowed=frozenset(head + names),
        allowed_text=", ".join(head + names),
        plain=plain,
        invariants=getattr(cls, "_invariants", None) is not Model._invariants,
        versioned=versioned,
    )


def forget(cls: type) -> None:
    """Drop every description: ``cls`` was just registered, and descriptions that name it are out of date."""
    with _LOCK:
        _SPECS.clear()
        _NODES.clear()
