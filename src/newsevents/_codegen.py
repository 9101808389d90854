"""Generated load and dump code, one function per model class, compiled once from its description.

Private. A generated loader takes a JSON-ready object (from ``orjson.loads`` or
``json.loads``) and either returns the finished, frozen model object or raises:
it tests every type and every value rule inline (the attached checks, the
derived defaults, the class's invariants) and builds the object field by field,
without running the checks a second time in ``__attrs_post_init__``. It never
explains a failure: on any exception the caller falls back to the detailed path
(``_converter``), which finds every problem with its path. The two paths agree
on what they accept and build; ``tests/test_differential.py`` and
``tests/test_codegen.py`` hold them to it. One difference is left, of stack and not
of rules: data given to ``from_dict`` nested some 300 objects deep loads on this
path where the detailed one runs out of stack (``from_json`` refuses nesting past
254 levels before either runs).

A generated dumper writes the JSON-ready dict of an object, calling the dumpers
of the classes inside it directly, and leaves out fields equal to their default
with a test chosen for the default (``is not None``, a non-empty tuple, an
identity test for enum members, the derived value for derived defaults).

Entities that repeat across the documents of one read (a speaker quoted in many
articles) can be shared: a :class:`EntityCache` keyed by the sub-document's
compact JSON returns the object built the first time (frozen objects can be
shared). It bounds itself and turns itself off when few lookups hit.
"""

from __future__ import annotations

import enum
import math
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final, TypeGuard

import attrs

from newsevents._base import Model
from newsevents._spec import (
    DERIVED,
    FACTORY,
    INT_MAX,
    INT_MIN,
    REQUIRED,
    TYPE_KEY,
    VERSION_KEY,
    AnyNode,
    ClassSpec,
    DateTimeNode,
    EnumNode,
    EventBaseNode,
    FieldSpec,
    ModelNode,
    Node,
    ScalarNode,
    TupleNode,
    UnionNode,
    node_of,
    spec_of,
)
from newsevents._spec import forget as spec_forget
from newsevents.events import _OBSERVERS
from newsevents.validators import Check

try:
    from orjson import dumps as _key_of
except ImportError:  # pragma: no cover - exercised by the tests that hide orjson
    _key_of = None  # type: ignore[assignment]

FORMAT_VERSION: Final = 1
"""The version of the serialized form this release writes and the newest it reads."""

Loader = Callable[[Any, "EntityCache | None"], Any]
Dumper = Callable[[Any], dict[str, Any]]


class _Reject(Exception):  # noqa: N818 -- not an error: the signal to take the detailed path
    """The fast path stops here; the detailed path will say why."""


class EntityCache:
    """People, organisations and places built from identical sub-documents, shared across one read.

    Keyed by the loader and the sub-document's compact JSON (``orjson``; without it
    there is no cache). At most ``size`` entries, oldest dropped first. After every ``window``
    lookups it looks at how many hit; below ``min_hit_rate`` it turns itself off for
    the rest of the read, so a corpus of unique entities pays for one window only.
    """

    __slots__ = ("_lookups", "hits", "lookups", "min_hit_rate", "objects", "on", "size", "window")

    def __init__(self, size: int = 8192, window: int = 1024, min_hit_rate: float = 0.1) -> None:
        self.objects: dict[tuple[Loader, bytes], Any] = {}
        self.size, self.window, self.min_hit_rate = size, window, min_hit_rate
        self.on = _key_of is not None
        self.hits = self.lookups = self._lookups = 0

    def get(self, load: Loader, data: Any) -> Any:
        """The object for ``data``: shared if an identical sub-document was loaded before."""
        try:
            # The loader is in the key: {"name": "RT"} is an Organization here, a Place there.
            key = (load, _key_of(data))
        except Exception:  # noqa: BLE001 -- not JSON-ready (from_dict input): load it unshared
            return load(data, self)
        found = self.objects.get(key)
        self.lookups += 1
        if found is not None:
            self.hits += 1
        else:
            found = load(data, self)
            if len(self.objects) >= self.size:
                del self.objects[next(iter(self.objects))]
            self.objects[key] = found
        if self.lookups - self._lookups >= self.window:
            if self.hits < self.min_hit_rate * self.lookups:
                self.on = False
                self.objects.clear()
            self._lookups = self.lookups
        return found


# ---------------------------------------------------------------- the registries of generated code


class _Compiled(dict[type, Any]):
    """Generated functions by class, compiled on first use."""

    def __init__(self, build: Callable[[type], Any]) -> None:
        super().__init__()
        self._build = build
        self._lock = threading.RLock()
        self._building: set[type] = set()

    def __missing__(self, cls: type) -> Any:
        # Only finished functions enter the table: another thread never sees one half-built.
        with self._lock:
            found = dict.get(self, cls)
            if found is not None:
                return found
            if cls in self._building:  # a class that holds objects of its own class, being compiled
                return _Pending(self, cls)
            self._building.add(cls)
            try:
                built = self._build(cls)
            finally:
                self._building.discard(cls)
            self[cls] = built
            return built

    def reset(self) -> None:
        """Forget every function: the descriptions they were generated from have changed."""
        with self._lock:
            self.clear()


class _Pending:
    """Stands for the function of a class being compiled, inside the functions that call it."""

    __slots__ = ("cls", "table")

    def __init__(self, table: _Compiled, cls: type) -> None:
        self.table, self.cls = table, cls

    def __call__(self, *args: Any) -> Any:
        return self.table[self.cls](*args)


def _shared_classes() -> frozenset[type]:
    """The entities worth sharing: people, organisations and places (a country is cheaper to build)."""
    from newsevents.entities import Organization, Person, Place  # noqa: PLC0415 -- import cycle

    return frozenset({Organization, Person, Place})


class _Source:
    """Python source being written, with the objects it refers to by name."""

    def __init__(self, table: _Compiled, *, checked: bool = True) -> None:
        self.table, self.checked = table, checked
        self.lines: list[str] = []
        self.names: dict[str, Any] = {}
        self._ids: dict[int, str] = {}
        self._count = 0

    def ref(self, obj: Any, hint: str = "g") -> str:
        key = id(obj)
        name = self._ids.get(key)
        if name is None:
            self._count += 1
            name = self._ids[key] = f"_{hint}{self._count}"
            self.names[name] = obj
        return name

    def var(self, hint: str = "v") -> str:
        self._count += 1
        return f"{hint}{self._count}"

    def add(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def reject_if(self, indent: int, condition: str) -> None:
        """``if condition: raise`` the signal to take the detailed path."""
        self.add(indent, f"if {condition}:")
        self.add(indent + 1, f"raise {self.ref(_Reject, 'Reject')}")

    def compile(self, name: str, filename: str) -> Any:
        text = "\n".join(self.lines) + "\n"
        namespace = dict(self.names)
        exec(compile(text, filename, "exec"), namespace)  # noqa: S102 -- our own generated source, no data in it
        function = namespace[name]
        function.__source__ = text
        return function


# ---------------------------------------------------------------- loaders


def _build_loader(cls: type, table: _Compiled, *, checked: bool = True) -> Loader:
    spec = spec_of(cls)
    src = _Source(table, checked=checked)
    name = f"load_{cls.__name__}"
    src.add(0, f"def {name}(d, c):")
    src.reject_if(1, f"d.__class__ is not dict or not d.keys() <= {src.ref(spec.allowed, 'keys')}")
    if spec.tag is not None:
        src.reject_if(1, f"d.get({TYPE_KEY!r}, {spec.tag!r}) != {spec.tag!r}")
    if spec.versioned:
        src.add(1, f"fv = d.get({VERSION_KEY!r}, 1)")
        src.reject_if(1, f"fv.__class__ is not int or not 1 <= fv <= {FORMAT_VERSION}")
    if spec.plain or not checked:
        _plain_body(src, spec, checked)
    else:
        _keyword_body(src, spec)
    loader: Loader = src.compile(name, f"<newsevents loader {cls.__qualname__}>")
    return loader


def _plain_body(src: _Source, spec: ClassSpec, checked: bool) -> None:
    setattr_ = src.ref(object.__setattr__, "set")
    src.add(1, f"o = {src.ref(object.__new__, 'new')}({src.ref(spec.cls, 'C')})")
    for field in spec.fields:
        key = repr(field.name)
        if field.default_kind == REQUIRED:
            src.add(1, f"v = d[{key}]")
            _value(src, 1, "v", field, checked)
        else:  # "in", then [], costs less than .get() for the many fields left out
            src.add(1, f"if {key} in d:")
            src.add(2, f"v = d[{key}]")
            _value(src, 2, "v", field, checked)
            src.add(1, "else:")
            _default(src, 2, field, checked)
        src.add(1, f"{setattr_}(o, {key}, v)")
    if spec.invariants and checked:
        src.reject_if(1, "o._invariants()")
    src.add(1, "return o")


def _keyword_body(src: _Source, spec: ClassSpec) -> None:
    # A class with hooks of its own: convert what is there, then let the class build itself
    # (its __attrs_post_init__ runs the value checks and invariants, as on the detailed path).
    src.add(1, "kw = {}")
    for field in spec.fields:
        key = repr(field.name)
        if field.default_kind == REQUIRED:
            src.add(1, f"v = d[{key}]")
        else:
            src.add(1, f"if {key} in d:")
            src.add(2, f"v = d[{key}]")
        indent = 1 if field.default_kind == REQUIRED else 2
        _convert(src, indent, "v", field.node)
        src.add(indent, f"kw[{key}] = v")
    src.add(1, f"return {src.ref(spec.cls, 'C')}(**kw)")


def _default(src: _Source, indent: int, field: FieldSpec, checked: bool) -> None:
    if field.default_kind == DERIVED:
        src.add(indent, f"v = {_derived(src, field)}")
        if checked:  # a derived value gets every check of the field (an id derived from a name, say)
            _value(src, indent, "v", field, checked, converted=True)
    elif field.default_kind == FACTORY:
        src.add(indent, f"v = {src.ref(field.default, 'factory')}()")
        if checked:
            _value(src, indent, "v", field, checked, converted=True)
    else:
        src.add(indent, f"v = {src.ref(field.default, 'default')}")
        if checked and not _default_passes(field):
            src.add(indent, f"raise {src.ref(_Reject, 'Reject')}")


def _default_passes(field: FieldSpec) -> bool:
    from newsevents._base import node_validator  # noqa: PLC0415 -- _base is below this module

    value = field.default
    if not node_validator(field.node)(value, ("",), []):
        return False
    if value is None:
        return True
    if any(c(value) is not None for c in field.checks):
        return False
    return not (field.each and any(c(item) is not None for item in value for c in field.each))


def _value(  # noqa: PLR0913 -- the writer, where, what, and two switches of what to emit
    src: _Source, indent: int, var: str, field: FieldSpec, checked: bool, *, converted: bool = False
) -> None:
    """Convert ``var`` in place to the field's type (unless already done) and run its checks."""
    node = field.node
    if _optional(node):
        src.add(indent, f"if {var} is not None:")
        field = attrs.evolve(field, node=node.members[0])
        indent += 1
    if converted:
        _type_check(src, indent, var, field.node)
    else:
        _convert(src, indent, var, field.node)
    if not checked or not (field.checks or field.each):
        return
    if isinstance(field.node, UnionNode) and field.node.nullable:
        src.add(indent, f"if {var} is not None:")
        indent += 1
    for check in field.checks:
        src.reject_if(indent, f"not {_inline(src, check, var)}")
    if field.each:
        item = src.var("x")
        src.add(indent, f"for {item} in {var}:")
        for check in field.each:
            src.reject_if(indent + 1, f"not {_inline(src, check, item)}")


def _inline(src: _Source, check: Check, var: str) -> str:
    template, obj = check.inline()
    return "(" + template.format(v=var, f=src.ref(obj, "check") if obj is not None else "") + ")"


def _type_check(src: _Source, indent: int, var: str, node: Node) -> None:
    """For a value the loader did not read from JSON (a derived default): its type, by the model's rule."""
    if isinstance(node, ScalarNode) and node.py is not float:  # the same test as for JSON, and no conversion
        _convert(src, indent, var, node)
        return
    from newsevents._base import node_validator  # noqa: PLC0415 -- _base is below this module

    validate = node_validator(node)

    def typed(value: Any) -> bool:
        return validate(value, ("",), [])

    src.add(indent, f"if not {src.ref(typed, 'typed')}({var}):")
    src.add(indent + 1, f"raise {src.ref(_Reject, 'Reject')}")


def _convert(src: _Source, indent: int, var: str, node: Node) -> None:
    """Source that turns the JSON value in ``var`` into the model's value, or rejects it."""
    add = src.add
    if isinstance(node, ScalarNode):
        py = node.py
        if py is str:
            src.reject_if(indent, f"{var}.__class__ is not str")
            add(indent, f"if not {var}.isascii():")
            add(indent + 1, f"{var}.encode()")  # a lone surrogate cannot be written: raises
        elif py is int:
            src.reject_if(indent, f"{var}.__class__ is not int or not {INT_MIN} <= {var} <= {INT_MAX}")
        elif py is bool:
            src.reject_if(indent, f"{var} is not True and {var} is not False")
        else:  # float: a JSON number, written with or without a fraction
            add(indent, f"if {var}.__class__ is int:")
            add(indent + 1, f"{var} = float({var})")
            finite = src.ref(math.isfinite, "finite")
            src.reject_if(indent, f"{var}.__class__ is not float or not {finite}({var})")
    elif isinstance(node, DateTimeNode):
        src.reject_if(indent, f"{var}.__class__ is not str")
        add(indent, f"{var} = {src.ref(datetime.fromisoformat, 'iso')}({var})")
        offset = src.var("off")
        add(indent, f"{offset} = {var}.utcoffset()")
        # Sub-minute offsets (not RFC 3339) take the detailed path, which names the rule.
        src.reject_if(indent, f"{offset} is None or {offset}.microseconds or {offset}.seconds % 60")
    elif isinstance(node, EnumNode):
        src.reject_if(indent, f"{var}.__class__ is not str")
        add(indent, f"{var} = {src.ref(node.by_value, 'enum')}[{var}]")
    elif isinstance(node, TupleNode):
        src.reject_if(indent, f"{var}.__class__ is not list and {var}.__class__ is not tuple")
        item = node.item
        if isinstance(item, ScalarNode) and item.py is str:
            x = src.var("x")
            add(indent, f"for {x} in {var}:")
            _convert(src, indent + 1, x, item)
            add(indent, f"{var} = tuple({var})")
        else:
            add(indent, f"{var} = tuple([{_call(src, item, '_x')} for _x in {var}])")
    elif _optional(node):
        add(indent, f"if {var} is not None:")
        _convert(src, indent + 1, var, node.members[0])
    elif isinstance(node, UnionNode) and node.tags is not None and not node.nullable:
        _dispatch(src, indent, var, node.tags)
    elif isinstance(node, (ModelNode, UnionNode)):
        add(indent, f"{var} = {_call(src, node, var)}")
    elif isinstance(node, AnyNode):
        pass
    else:  # literals, classes of the user's, annotations taken as they are: the detailed path's hook
        add(indent, f"{var} = {src.ref(_structure_hook(node), 'hook')}({var})")


def _optional(node: Node) -> TypeGuard[UnionNode]:
    """``X | None`` where X is loaded as it is (a union of tagged classes needs its tag, even with None)."""
    return isinstance(node, UnionNode) and node.nullable and len(node.members) == 1 and node.tags is None


def _dispatch(src: _Source, indent: int, var: str, tags: dict[str, type]) -> None:
    """A union of tagged classes (an Actor), dispatched in place by the tag: no call in between."""
    table = src.table
    loaders = src.ref({t: table[cls] for t, cls in tags.items()}, "tags")
    shared = src.ref(frozenset(t for t, cls in tags.items() if cls in _shared_classes()), "shared")
    tag, load = src.var("t"), src.var("L")
    src.add(indent, f"{tag} = {var}[{TYPE_KEY!r}]")
    src.add(indent, f"{load} = {loaders}[{tag}]")
    src.add(indent, f"if c is not None and c.on and {tag} in {shared}:")
    src.add(indent + 1, f"{var} = c.get({load}, {var})")
    src.add(indent, "else:")
    src.add(indent + 1, f"{var} = {load}({var}, c)")


def _call(src: _Source, node: Node, var: str) -> str:
    """An expression that loads ``var`` as ``node`` (a nested class, a union, or anything else)."""
    if isinstance(node, (ModelNode, UnionNode)):
        load = src.ref(_node_loader(node, src.table), "load")
        if isinstance(node, ModelNode) and node.cls in _shared_classes():
            return f"(c.get({load}, {var}) if c is not None and c.on else {load}({var}, None))"
        return f"{load}({var}, c)"  # a union of tagged classes shares by its tag (_node_loader)
    return f"{src.ref(_node_function(node, src.table), 'conv')}({var}, c)"


def _node_loader(node: ModelNode | UnionNode, table: _Compiled) -> Loader:
    """A loader for a model class, an event base (by the registry) or a union of tagged classes."""
    if isinstance(node, EventBaseNode):
        from newsevents.events import _REGISTRY, Event  # noqa: PLC0415 -- import cycle

        base = node.cls
        any_event = base is Event

        def by_registry(d: Any, c: EntityCache | None) -> Any:
            cls = _REGISTRY[d[TYPE_KEY]]
            if not any_event and not issubclass(cls, base):
                raise _Reject
            return table[cls](d, c)

        return by_registry
    if isinstance(node, ModelNode):
        loader: Loader = table[node.cls]
        return loader
    if node.tags is not None:
        loaders = {t: table[cls] for t, cls in node.tags.items()}
        shared = frozenset(t for t, cls in node.tags.items() if cls in _shared_classes())
        nullable = node.nullable

        def by_tag(d: Any, c: EntityCache | None) -> Any:
            if d is None and nullable:
                return None
            tag = d[TYPE_KEY]
            load = loaders[tag]
            if c is not None and c.on and tag in shared:
                return c.get(load, d)
            return load(d, c)

        return by_tag
    return _node_function(node, table)


def _node_function(node: Node, table: _Compiled) -> Loader:
    """A function that loads a value as ``node``: generated like a field, or a union's first fit."""
    if isinstance(node, UnionNode) and node.tags is None and not _optional(node):
        options = [_node_function(m, table) for m in node.members]
        nullable = node.nullable

        def first_fit(d: Any, c: EntityCache | None) -> Any:
            if d is None and nullable:
                return None
            for option in options:
                try:
                    return option(d, c)
                except Exception:  # noqa: BLE001, S112 -- the next member may fit, as on the detailed path
                    continue
            raise _Reject

        return first_fit
    src = _Source(table, checked=table is not UNCHECKED)
    src.add(0, "def convert(v, c):")
    _convert(src, 1, "v", node)
    src.add(1, "return v")
    function: Loader = src.compile("convert", f"<newsevents loader {node.name}>")
    return function


def _structure_hook(node: Node) -> Callable[[Any], Any]:
    from newsevents._converter import converter  # noqa: PLC0415 -- the detailed path imports this module

    hook = converter.get_structure_hook(node.hint)

    def structure(value: Any) -> Any:
        return hook(value, node.hint)

    return structure


LOADERS: _Compiled = _Compiled(lambda cls: _build_loader(cls, LOADERS))
"""The generated loader of each class: ``LOADERS[cls](data, cache_or_None)``; raises on any problem."""

_TOP: dict[Any, Loader] = {}
_TOP_LOCK = threading.Lock()


def top_loader(cls: Any, table: _Compiled | None = None) -> Loader:
    """The generated loader for what ``from_dict`` takes: a class, ``Event``, or a union such as ``Actor``."""
    table = LOADERS if table is None else table
    key = (cls, id(table))
    found = _TOP.get(key)
    if found is None:
        node = node_of(cls)
        assert isinstance(node, (ModelNode, UnionNode))  # from_dict checked that it is loadable
        found = _node_loader(node, table)
        with _TOP_LOCK:
            _TOP[key] = found
    return found


UNCHECKED: _Compiled = _Compiled(lambda cls: _build_loader(cls, UNCHECKED, checked=False))
"""Loaders that build the same objects with no checks at all: the floor the benchmark measures against."""


# ---------------------------------------------------------------- dumpers


def _build_dumper(cls: type, table: _Compiled) -> Dumper:
    from newsevents.errors import RegistrationError  # noqa: PLC0415 -- kept beside its one use
    from newsevents.events import Event  # noqa: PLC0415 -- import cycle

    spec = spec_of(cls)
    if spec.tag is None and issubclass(cls, Event):
        # Registration may come later; until then, writing it would lose its type.
        # (Registering it drops this function: see forget below.)
        def refuse(obj: Any) -> dict[str, Any]:
            raise RegistrationError(
                f"{type(obj).__qualname__} is not a registered event type, so its JSON could not be read"
                f" back; decorate it with @newsevents.event_type('some_tag')"
            )

        return refuse
    src = _Source(table)
    head: dict[str, Any] = {TYPE_KEY: spec.tag} if spec.tag else {}
    if spec.versioned:
        head[VERSION_KEY] = FORMAT_VERSION
    src.add(0, "def dump(o):")
    fields = list(spec.fields)
    leading = []  # the fields always written before the first that may be left out: in the literal
    while fields and fields[0].default_kind == REQUIRED:
        field = fields.pop(0)
        leading.append(f"{field.name!r}: {_plain_expr(src, field.node, 'o.' + field.name)}")
    entries = [f"{key!r}: {value!r}" for key, value in head.items()] + leading
    src.add(1, f"out = {{{', '.join(entries)}}}")
    for field in fields:
        key = repr(field.name)
        src.add(1, f"v = o.{field.name}")
        test = _kept(src, field)
        indent = 1
        if test is not None:
            src.add(1, f"if {test}:")
            indent = 2
        node = field.node
        if test == "v is not None" and isinstance(node, UnionNode) and len(node.members) == 1:
            node = node.members[0]  # known not to be None here
        src.add(indent, f"out[{key}] = {_plain_expr(src, node, 'v')}")
    src.add(1, "return out")
    dumper: Dumper = src.compile("dump", f"<newsevents dumper {cls.__qualname__}>")
    return dumper


def _derived(src: _Source, field: FieldSpec) -> str:
    """An expression for a derived default: from its one input where the model names it."""
    if field.source is not None:
        name, function = field.source
        return f"{src.ref(function, 'derive')}(o.{name})"
    return f"{src.ref(field.default, 'derive')}(o)"


def _kept(src: _Source, field: FieldSpec) -> str | None:
    """A test that is true when the field's value is not its default (and so is written), or None: always."""
    kind, default = field.default_kind, field.default
    if kind == REQUIRED:
        return None
    if kind == DERIVED:
        return f"v != {_derived(src, field)}"
    if kind == FACTORY:
        return f"v != {src.ref(default, 'factory')}()"
    if default is None:
        return "v is not None"
    if isinstance(field.node, TupleNode) and default == ():
        return "v"  # the model holds a tuple here: non-empty is not the default
    name = src.ref(default, "default")
    node = field.node
    singletons = (isinstance(node, EnumNode) and isinstance(default, node.cls)) or (
        isinstance(node, ScalarNode) and node.py is bool and type(default) is bool
    )
    if singletons:  # the model holds a member of this enum (or a bool) here: equal is identical
        return f"v is not {name}"
    return f"v is not {name} and v != {name}"


def _plain_expr(src: _Source, node: Node, var: str) -> str:
    """An expression for the JSON-ready form of ``var``, a valid value of ``node``."""
    if isinstance(node, ScalarNode):
        return var
    if isinstance(node, DateTimeNode):
        return f"{var}.isoformat()"
    native = src.table is NATIVE  # for orjson, which writes enums by value and tuples as arrays itself
    if isinstance(node, EnumNode):
        return var if native else f"{var}._value_"
    if isinstance(node, TupleNode):
        item = node.item
        if isinstance(item, (ScalarNode, EnumNode)) and native:
            return var
        if isinstance(item, ScalarNode):
            return f"list({var})"
        return f"[{_plain_expr(src, item, '_x')} for _x in {var}]"
    if isinstance(node, ModelNode):
        return f"{src.ref(src.table, 'dumpers')}[{var}.__class__]({var})"
    if isinstance(node, UnionNode):
        members = node.members
        if all(isinstance(m, ModelNode) for m in members):
            dumpers = src.ref(src.table, "dumpers")
            expr = f"{dumpers}[{var}.__class__]({var})"
            return f"(None if {var} is None else {expr})" if node.nullable else expr
        if len(members) == 1:
            inner = _plain_expr(src, members[0], var)
            return f"(None if {var} is None else {inner})" if node.nullable else inner
    return f"{src.ref(plain, 'plain')}({var})"


def plain(value: Any) -> Any:
    """The JSON-ready form of any value a model object can hold."""
    kind = value.__class__
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if kind is tuple or kind is list:
        return [plain(v) for v in value]
    if isinstance(value, Model):
        return DUMPERS[kind](value)
    if isinstance(value, enum.Enum):
        return value._value_
    if isinstance(value, datetime):
        return value.isoformat()
    from newsevents._converter import converter  # noqa: PLC0415 -- the detailed path imports this module

    return converter.unstructure(value)


DUMPERS: _Compiled = _Compiled(lambda cls: _build_dumper(cls, DUMPERS))
"""The generated dumper of each model class: ``DUMPERS[cls](obj) -> dict`` of plain JSON-ready data."""

NATIVE: _Compiled = _Compiled(lambda cls: _build_dumper(cls, NATIVE))
"""The same for orjson: enum members and tuples left as they are, for orjson writes them itself."""


def forget(cls: type) -> None:
    """Drop everything described and generated: ``cls`` was just registered, and has a tag now.

    Not only its own: classes that hold it, and unions and tuples of it, were described
    with the old answer. Registration mostly happens at import, before anything is loaded,
    so starting again costs little.
    """
    from newsevents._converter import forget_hooks  # noqa: PLC0415 -- the detailed path imports this module

    spec_forget(cls)
    for table in (LOADERS, UNCHECKED, DUMPERS, NATIVE):
        table.reset()
    with _TOP_LOCK:
        _TOP.clear()
    forget_hooks()


_OBSERVERS.append(forget)
