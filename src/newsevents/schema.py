"""JSON Schema (draft 2020-12) of the serialized form, derived from the model itself.

Nothing here is written by hand per class: :func:`json_schema` reads the attrs
fields of each class and their types (``typing.get_type_hints``), the checks
attached with :func:`newsevents.validators.checks`, the ``type`` tags of the
serializer and the ``Attributes:`` sections of the class docstrings. A custom
event type registered with :func:`newsevents.event_type` therefore appears in
the schema as soon as it is registered.
"""

from __future__ import annotations

import enum
import inspect
import re
import sys
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from newsevents import _patterns
from newsevents import validators as v
from newsevents._codegen import plain
from newsevents._converter import FORMAT_VERSION, TYPE_KEY, VERSION_KEY, loadable
from newsevents._schema_rules import add_rules
from newsevents._spec import (
    INT_MAX,
    INT_MIN,
    REQUIRED,
    VALUE,
    AnyNode,
    DateTimeNode,
    EnumNode,
    EventBaseNode,
    FieldSpec,
    LiteralNode,
    ModelNode,
    Node,
    NoneNode,
    OpaqueNode,
    ScalarNode,
    TupleNode,
    UnionNode,
    node_of,
    spec_of,
)
from newsevents.article import Article
from newsevents.events import event_types

__all__ = ["DRAFT", "json_schema"]

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The ``$schema`` of every schema :func:`json_schema` returns."""


_LOWER = frozenset({"minimum", "minLength", "minItems"})
_UPPER = frozenset({"maximum", "maxLength", "maxItems"})
_ROLE = re.compile(r":[\w:]+:`~?([\w.]+)`")
_ENTRY = re.compile(r"(\w+)(?:\s*\([^)]*\))?:\s*(.*)")


def _plain(text: str) -> str:
    """Docstring text without Sphinx markup: roles become their target, ``code`` becomes `code`."""
    text = _ROLE.sub(lambda m: m.group(0).split("`")[1].lstrip("~").rsplit(".", 1)[-1], text)
    return text.replace("``", "`")


def _summary(obj: object) -> str | None:
    doc = vars(obj).get("__doc__") if isinstance(obj, type) else None
    if not doc:
        return None
    return _plain(" ".join(inspect.cleandoc(doc).split("\n\n", 1)[0].split()))


def _described(obj: object) -> dict[str, str]:
    summary = _summary(obj)
    return {"description": summary} if summary else {}


def _attributes(doc: str | None) -> dict[str, str]:
    """The entries of a Google-style ``Attributes:`` section."""
    found: dict[str, str] = {}
    if not doc:
        return found
    inside, current, indent = False, "", 0
    for line in inspect.cleandoc(doc).splitlines():
        if not inside:
            inside = line.strip() == "Attributes:"
            continue
        if not line.strip():
            continue
        width = len(line) - len(line.lstrip())
        if width == 0:
            break
        indent = indent or width
        entry = _ENTRY.fullmatch(line.strip()) if width == indent else None
        if entry:
            current = entry.group(1)
            found[current] = entry.group(2)
        elif current:
            found[current] += " " + line.strip()
    return {name: _plain(text) for name, text in found.items()}


def _field_docs(cls: type) -> dict[str, str]:
    """Descriptions of the fields of ``cls``, from its docstring and its bases' (the nearest wins)."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        docs.update(_attributes(vars(klass).get("__doc__")))
    return docs


def _json_default(field: FieldSpec) -> Any:
    if field.default_kind != VALUE:
        return attrs.NOTHING  # required, or computed (an id from a name)
    return plain(field.default)


class _Builder:
    """Collects ``$defs`` while it walks the model's types."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}
        self._names: dict[object, str] = {}

    def ref(self, owner: object, name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        key = self._names.get(owner)
        if key is None:
            key, qualified, n = (
                name,
                f"{getattr(owner, '__module__', '')}.{getattr(owner, '__qualname__', name)}",
                1,
            )
            while key in self.defs:  # another class of the same name, from elsewhere
                key, n = re.sub(r"[^\w.-]", "_", qualified if n == 1 else f"{qualified}-{n}"), n + 1
            self._names[owner] = key
            self.defs[key] = {}  # reserved before building: a type may refer to itself
            self.defs[key] = build()
        return {"$ref": f"#/$defs/{key}"}

    def of_type(
        self, tp: Any, checks: tuple[v.Check, ...] = (), each: tuple[v.Check, ...] = ()
    ) -> dict[str, Any]:
        """The schema of a type annotation, with the checks of its value and of its items."""
        return self.of_node(node_of(tp), checks, each)

    def of_node(
        self, node: Node, checks: tuple[v.Check, ...] = (), each: tuple[v.Check, ...] = ()
    ) -> dict[str, Any]:
        if isinstance(node, UnionNode):
            return self._union(node, checks, each)
        if isinstance(node, TupleNode):
            return self._with_checks({"type": "array", "items": self.of_node(node.item, each)}, checks)
        if isinstance(node, OpaqueNode) and node.cls is tuple:
            return self._with_checks({"type": "array"}, checks)
        if isinstance(node, LiteralNode):
            return self._with_checks({"enum": list(node.values)}, checks)
        if isinstance(node, ScalarNode) and node.py is str:
            return self._with_checks({"type": "string"}, checks)
        schema = _scalar(node)
        if schema is not None:
            return self._with_checks(schema, checks)
        if isinstance(node, EnumNode):
            cls = node.cls
            return self._with_checks(self.ref(cls, cls.__name__, lambda: _enum(cls)), checks)
        if isinstance(node, ModelNode):
            return self._concrete(node)
        raise TypeError(f"json_schema cannot describe the type {node.hint!r}")

    def _with_checks(self, schema: dict[str, Any], checks: tuple[v.Check, ...]) -> dict[str, Any]:
        """``schema`` and the keywords of each check that JSON Schema can state; the others named."""
        merged = dict(schema)
        extra: list[dict[str, Any]] = []
        unexpressed = []
        for check in checks:
            part = check.json_schema()
            if part is None:
                unexpressed.append(check)
                continue
            title = check.schema_title()
            if title is not None:  # shared as one definition (the 249 country codes, say)
                part = self.ref(title, title, lambda shared=part: shared)  # type: ignore[misc]
            part = dict(part)
            for key in part.keys() & merged.keys() & (_LOWER | _UPPER):  # the tighter bound of two
                pick = max if key in _LOWER else min
                merged[key] = pick(merged[key], part.pop(key))
            if merged.keys() & part.keys():  # a second pattern (or $ref) cannot share the object
                extra.append(part)
            else:
                merged.update(part)
        if extra:
            merged["allOf"] = extra
        if unexpressed:
            names = ", ".join(c.name for c in unexpressed)
            merged["$comment"] = f"also checked by {names}, which this schema does not express"
        return merged

    def _union(
        self, node: UnionNode, checks: tuple[v.Check, ...], each: tuple[v.Check, ...]
    ) -> dict[str, Any]:
        null: list[dict[str, Any]] = [{"type": "null"}] if node.nullable else []
        if node.tags is not None:
            # The loader picks the class by its tag: the tag is required.
            return {"oneOf": null + [self.tagged(cls) for cls in node.tags.values()]}
        # Otherwise the loader tries each member in turn (one member: that one).
        options = null + [self.of_node(m, checks, each) for m in node.members]
        return options[0] if len(options) == 1 else {"anyOf": options}

    def tagged(self, cls: type) -> dict[str, Any]:
        """A tagged class where its tag is required."""
        # Ajv's strict mode wants the type and the property beside a "required" (strictTypes,
        # strictRequired); both restate what the definition says.
        tag = spec_of(cls).tag
        return {
            **self._definition(cls),
            "type": "object",
            "properties": {TYPE_KEY: {"const": tag}},
            "required": [TYPE_KEY],
        }

    def _concrete(self, node: ModelNode) -> dict[str, Any]:
        """A field declared as one class: the loader takes it without a tag."""
        cls = node.cls
        if isinstance(node, EventBaseNode):
            return self.ref(cls, cls.__name__, lambda: self._event_union(cls))
        subclasses = [c for c in event_types().values() if c is not cls and issubclass(c, cls)]
        if not subclasses:
            return self._definition(cls)
        # A registered subclass is loaded in its place when its tag is given.
        return {"oneOf": [self._definition(cls), *(self.tagged(c) for c in subclasses)]}

    def _event_union(self, base: type) -> dict[str, Any]:
        members = [c for c in event_types().values() if issubclass(c, base)]
        out: dict[str, Any] = {"title": base.__name__}
        out |= _described(base)
        if not members:
            return {**out, "not": {}, "$comment": "no event type of this kind is registered"}
        return {**out, "oneOf": [self.tagged(c) for c in members]}

    def _definition(self, cls: type) -> dict[str, Any]:
        return self.ref(cls, cls.__name__, lambda: self._object(cls))

    def _object(self, cls: type) -> dict[str, Any]:
        spec = spec_of(cls)
        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        own = spec.tag
        if own:
            properties[TYPE_KEY] = {"const": own, "description": f"The type tag, {own!r}."}
        if spec.versioned:
            properties[VERSION_KEY] = {
                "type": "integer",
                "minimum": 1,
                "maximum": FORMAT_VERSION,
                "description": f"The version of the serialized form, {FORMAT_VERSION} in this release.",
            }
        required = []
        for field in spec.fields:
            try:
                schema = self.of_node(field.node, field.checks, field.each)
            except TypeError as exc:
                raise TypeError(f"{exc} of the field {cls.__qualname__}.{field.name}") from None
            if field.name in docs:
                schema["description"] = docs[field.name]
            default = _json_default(field)
            if default is not attrs.NOTHING:
                schema["default"] = default
            properties[field.name] = schema
            if field.default_kind == REQUIRED:
                required.append(field.name)
        out: dict[str, Any] = {"type": "object", "title": cls.__name__}
        out |= _described(cls)
        out["properties"] = properties
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        add_rules(cls, out)
        return out


def _scalar(node: Node) -> dict[str, Any] | None:
    if isinstance(node, AnyNode):
        return {}
    if isinstance(node, NoneNode):
        return {"type": "null"}
    if isinstance(node, DateTimeNode):
        return {"type": "string", "format": "date-time", "pattern": _patterns.DATETIME}
    if not isinstance(node, ScalarNode):
        return None
    if node.py is bool:
        return {"type": "boolean"}
    if node.py is int:  # wider integers do not survive every JSON reader
        return {"type": "integer", "minimum": INT_MIN, "maximum": INT_MAX}
    return {"type": "number", "minimum": -sys.float_info.max, "maximum": sys.float_info.max}


def _enum(cls: type[enum.Enum]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "string", "title": cls.__name__}
    out |= _described(cls)
    # The loader reads an enum from its string value; other values cannot be written in JSON.
    out["enum"] = [m.value for m in cls if isinstance(m.value, str)]
    return out


def json_schema(cls: Any = Article) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON that :func:`~newsevents.to_dict` writes for ``cls``.

    Derived from the model: types, required fields (those without defaults),
    enums (as their values), the ``type`` tag of each class, patterns for the
    checks of :mod:`newsevents.validators` (slugs, ISO 3166-1 codes, Wikidata
    ids, BCP 47 tags, http(s) URLs, stripped and non-blank text), datetimes
    with a UTC offset, integers within the signed 64-bit range,
    ``additionalProperties: false``, and each field's description from its
    class's docstring. Every registered event type, custom ones included, is a
    member of the ``Event`` union, told apart by its ``type`` tag; a tag may be
    left out only where a field is declared as one class, as the loader allows.

    Cross-field rules are stated too, with ``if``/``then`` and ``anyOf``: a
    statement's quotes agree with its mode (DIRECT, the default, and MIXED quote at
    least once, INDIRECT never); a SENTENCED detention has a ``sentence``; a
    ``Term`` counts no negative years, months or days and is not empty; a
    ``TimeRef``'s ``start`` is the first instant of its period at its precision; an ``id``
    left out can be derived from the ``name`` (the name holds a character that
    keeps a letter or digit after ASCII folding). Every schema compiles under
    Ajv 8's strict mode.

    A document the schema accepts may still be refused by
    :func:`~newsevents.from_dict`, for breaking one of the rules JSON Schema
    cannot express:

    - unique event ids: JSON Schema compares no values across array items but whole items
      (``uniqueItems``), and two events with one id differ elsewhere;
    - related ids resolve: a value cannot be checked against the values of other fields
      (the ids of the other events); ``$data`` references are an Ajv extension, not JSON Schema;
    - updated not before published: JSON Schema cannot compare two values, nor order
      date-times;
    - TimeRef WEEK truncation: a WEEK starts on a Monday, and a weekday is no pattern of the
      text (a pattern would have to list every Monday of years 1 to 9999);
    - requester is not addressee: two fields cannot be compared (a country's code, or a
      person's or organisation's id, derived from the name when left out);
    - no lone surrogates: the strict JSON reader refuses them before any schema is
      consulted, and a JSON document in UTF-8 cannot hold them;
    - integers without a fraction: JSON Schema counts ``25.0`` as an integer, the loader does not;
    - URL details beyond the pattern: a bracketed IPv6 host that is not an address, a host that
      Unicode normalization turns into a delimiter;
    - checks of custom event types: those the schema does not know, named in a ``$comment``.

    The schema is stricter than :func:`~newsevents.from_dict` in one place: a
    :class:`~newsevents.Country` has no ``name`` in it. A country's name must be the
    bundled name of its code, which JSON Schema could state only as 249 alternatives
    of a code and its name, on which schema tools stall (hypothesis-jsonschema drew
    nothing in minutes); :func:`~newsevents.to_dict` never writes the name, and
    ``from_dict`` also takes the bundled one.

    Formats (``date-time``, ``uri``) are annotations unless a validator is asked
    to assert them; the patterns beside them carry the rules that matter here.
    Every ``date-time`` the library writes is an RFC 3339 date-time: the model
    refuses UTC offsets with seconds (see :mod:`newsevents.dates`).

    Args:
        cls: A model class (:class:`~newsevents.Article` by default, any entity or
            event class, or :class:`~newsevents.Event` for the union of event types)
            or a union of them such as :data:`~newsevents.Actor`.

    Raises:
        TypeError: ``cls`` is not a model class, or a custom event type has a field of a
            type the schema cannot describe.

    >>> schema = json_schema()
    >>> schema["$schema"], schema["$ref"]
    ('https://json-schema.org/draft/2020-12/schema', '#/$defs/Article')
    >>> schema["$defs"]["Person"]["properties"]["wikidata"]["anyOf"][1]["pattern"]
    '^(?:Q[1-9][0-9]*)$(?!\\\\n)'
    """
    if not loadable(cls):
        raise TypeError(f"json_schema takes a newsevents model class or a union of them, found {cls!r}")
    builder = _Builder()
    body = builder.of_type(cls)
    name = getattr(cls, "__name__", None) or " | ".join(m.__name__ for m in typing.get_args(cls))
    head: dict[str, Any] = {
        "$schema": DRAFT,
        "title": f"newsevents {name} (format version {FORMAT_VERSION})",
    }
    head |= _described(cls)
    return {**head, **body, "$defs": builder.defs}
