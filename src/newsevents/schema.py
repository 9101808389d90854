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
import types
import typing
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final

import attrs

from newsevents import validators as v
from newsevents._base import INT_MAX, INT_MIN, Model
from newsevents._codes.iso3166 import COUNTRY_NAMES
from newsevents._converter import FORMAT_VERSION, TYPE_KEY, VERSION_KEY, converter, loadable, tag
from newsevents.article import Article
from newsevents.events import Event, event_types

__all__ = ["DRAFT", "json_schema"]

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The ``$schema`` of every schema :func:`json_schema` returns."""


def _ranges(keep: Callable[[str], bool]) -> str:
    """The code points below U+10000 that ``keep`` accepts, as the inside of a regex character class."""
    points = [c for c in range(0x10000) if keep(chr(c))]  # no white space lies beyond U+FFFF
    parts: list[str] = []
    start = prev = points[0]
    for point in [*points[1:], -1]:
        if point != prev + 1:
            parts.append(f"\\u{start:04x}" + (f"-\\u{prev:04x}" if prev != start else ""))
            start = point
        prev = point
    return "".join(parts)


# Python's str.strip() and str.isspace() decide what white space is; the regex classes
# \s of ECMA-262 and of Python's re disagree with it and with each other, so spell it out.
_SPACE = _ranges(str.isspace)
# A regex end that means the end in both dialects: Python's $ also matches before a final newline.
_END: Final = r"$(?!\n)"
_STRIPPED: Final = rf"^(?![{_SPACE}])(?![\s\S]*[{_SPACE}]$)"
_NON_BLANK: Final = f"[^{_SPACE}]"
_PORT = r"0*(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})"
_URL: Final = (
    rf"^(?![\s\S]*[{_SPACE}])[Hh][Tt][Tt][Pp][Ss]?://(?:[^/?#\[\]]*@)?"
    rf"(?:[^/?#@:\[\]]+|\[[0-9A-Fa-f:.]+\])(?::(?:{_PORT})?)?(?:[/?#][\s\S]*)?{_END}"
)
_YEAR = r"(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_DATETIME: Final = (
    rf"^{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?"
    rf"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?){_END}"
)


def _anchored(pattern: str) -> str:
    return f"^(?:{pattern}){_END}"


def _ignore_case(pattern: str) -> str:
    """A regex that matches ASCII letters in either case: JSON Schema patterns have no flags.

    >>> _ignore_case(r"x(?:-[a-z0-9]{1,8})+")
    '[xX](?:-[a-zA-Z0-9]{1,8})+'
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        letter = c.isascii() and c.isalpha()
        if in_class:
            in_class = c != "]"
            nxt = pattern[i + 2 : i + 3]
            if letter and pattern[i + 1 : i + 2] == "-" and nxt.isascii() and nxt.isalpha():
                out.append(f"{c}-{nxt}{c.swapcase()}-{nxt.swapcase()}")
                i += 3
                continue
            out.append(c + c.swapcase() if letter else c)
        elif c == "{":  # a quantifier: copied as it is
            end = pattern.index("}", i) + 1
            out.append(pattern[i:end])
            i = end
            continue
        else:
            in_class = c == "["
            out.append(f"[{c}{c.swapcase()}]" if letter else c)
        i += 1
    return "".join(out)


_STRING_CHECKS: Final[dict[v.Check, dict[str, Any]]] = {
    v.slug: {"pattern": _anchored(v.SLUG_PATTERN)},
    v.wikidata_id: {"pattern": _anchored(v.WIKIDATA_PATTERN)},
    v.bcp47: {"pattern": _anchored(_ignore_case(v.BCP47_PATTERN))},
    v.http_url: {"format": "uri", "pattern": _URL},
    v.stripped: {"minLength": 1, "pattern": _STRIPPED},
    v.non_blank: {"minLength": 1, "pattern": _NON_BLANK},
}
_COUNTRY_CODE = "CountryCode"
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


def _json_default(field: attrs.Attribute[Any]) -> Any:
    default = field.default
    if default is attrs.NOTHING or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return attrs.NOTHING  # required, or computed from other fields (an id from a name)
    return converter.unstructure(default)


def _name_of(check: object) -> str:
    return f"{getattr(check, '__module__', '?')}.{getattr(check, '__qualname__', repr(check))}"


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
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            return self._union(tp, checks, each)
        if origin is tuple:
            args = typing.get_args(tp)
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of_type(args[0], each)}
            items = [self.of_type(a) for a in args]
            return {"type": "array", "prefixItems": items, "items": False, "minItems": len(items)}
        if origin is typing.Literal:
            return _unexpressed({"enum": list(typing.get_args(tp))}, checks)
        if tp is str:
            return self._string(checks)
        schema = self._scalar(tp)
        if schema is not None:
            return _unexpressed(schema, checks)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return _unexpressed(self.ref(tp, tp.__name__, lambda: _enum(tp)), checks)
        if isinstance(tp, type) and issubclass(tp, Model):
            return self._concrete(tp)
        raise TypeError(f"json_schema cannot describe the type {tp!r}")

    def _scalar(self, tp: Any) -> dict[str, Any] | None:
        if tp is Any or tp is object:
            return {}
        if tp is type(None):
            return {"type": "null"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:  # wider integers do not survive every JSON reader
            return {"type": "integer", "minimum": INT_MIN, "maximum": INT_MAX}
        if tp is float:
            return {"type": "number", "minimum": -sys.float_info.max, "maximum": sys.float_info.max}
        if tp is datetime:
            return {"type": "string", "format": "date-time", "pattern": _DATETIME}
        return None

    def _string(self, checks: tuple[v.Check, ...]) -> dict[str, Any]:
        parts: list[dict[str, Any]] = [{"type": "string"}]
        for check in checks:
            if check is v.iso_country:
                parts.append(self.ref(_COUNTRY_CODE, _COUNTRY_CODE, _country_code))
            elif check in _STRING_CHECKS:
                parts.append(dict(_STRING_CHECKS[check]))
        merged: dict[str, Any] = {}
        extra = []
        for part in parts:  # a second pattern (or $ref) cannot share the object with the first
            if merged.keys() & part.keys():
                extra.append(part)
            else:
                merged.update(part)
        if extra:
            merged["allOf"] = extra
        return _unexpressed(
            merged, tuple(c for c in checks if c not in _STRING_CHECKS and c is not v.iso_country)
        )

    def _union(self, tp: Any, checks: tuple[v.Check, ...], each: tuple[v.Check, ...]) -> dict[str, Any]:
        members = typing.get_args(tp)
        null: list[dict[str, Any]] = [{"type": "null"}] if type(None) in members else []
        inner = [m for m in members if m is not type(None)]
        if all(isinstance(m, type) and issubclass(m, Model) and tag(m) for m in inner):
            # The loader picks the class by its tag: the tag is required.
            return {"oneOf": null + [self.tagged(m) for m in inner]}
        # Otherwise the loader tries each member in turn (one member: that one).
        options = null + [self.of_type(m, checks, each) for m in inner]
        return options[0] if len(options) == 1 else {"anyOf": options}

    def tagged(self, cls: type) -> dict[str, Any]:
        """A tagged class where its tag is required."""
        return {**self._definition(cls), "required": [TYPE_KEY]}

    def _concrete(self, cls: type) -> dict[str, Any]:
        """A field declared as one class: the loader takes it without a tag."""
        if issubclass(cls, Event) and tag(cls) is None:
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
        hints = typing.get_type_hints(cls)
        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        own = tag(cls)
        if own:
            properties[TYPE_KEY] = {"const": own, "description": f"The type tag, {own!r}."}
        if cls is Article:
            properties[VERSION_KEY] = {
                "type": "integer",
                "minimum": 1,
                "maximum": FORMAT_VERSION,
                "description": f"The version of the serialized form, {FORMAT_VERSION} in this release.",
            }
        required = []
        for field in attrs.fields(cls):
            value_checks, item_checks = v.field_checks(field.metadata)
            try:
                schema = self.of_type(hints[field.name], value_checks, item_checks)
            except TypeError as exc:
                raise TypeError(f"{exc} of the field {cls.__qualname__}.{field.name}") from None
            if field.name in docs:
                schema["description"] = docs[field.name]
            default = _json_default(field)
            if default is not attrs.NOTHING:
                schema["default"] = default
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {"type": "object", "title": cls.__name__}
        out |= _described(cls)
        out["properties"] = properties
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        return out


def _unexpressed(schema: dict[str, Any], checks: tuple[v.Check, ...]) -> dict[str, Any]:
    if checks:
        names = ", ".join(_name_of(c) for c in checks)
        schema["$comment"] = f"also checked by {names}, which this schema does not express"
    return schema


def _enum(cls: type[enum.Enum]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "string", "title": cls.__name__}
    out |= _described(cls)
    # The loader reads an enum from its string value; other values cannot be written in JSON.
    out["enum"] = [m.value for m in cls if isinstance(m.value, str)]
    return out


def _assigned_codes() -> str:
    """The assigned ISO 3166-1 codes as one pattern, by first letter: ``AD|AE`` becomes ``A[DE]``."""
    seconds: dict[str, str] = {}
    for code in sorted(COUNTRY_NAMES):
        seconds[code[0]] = seconds.get(code[0], "") + code[1]
    return "|".join(f"{first}[{rest}]" for first, rest in seconds.items())


def _country_code() -> dict[str, Any]:
    # A pattern rather than an enum of 249 values: as fast to check, and generators
    # such as hypothesis-jsonschema handle it far better.
    return {
        "type": "string",
        "title": _COUNTRY_CODE,
        "description": "An assigned ISO 3166-1 alpha-2 code, upper-case.",
        "pattern": _anchored(_assigned_codes()),
    }


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

    A document the schema accepts may still be refused by
    :func:`~newsevents.from_dict`, for breaking one of the rules JSON Schema
    cannot express:

    - unique event ids: no two events of an article share an id;
    - related ids resolve: every ``related`` id names another event of the article;
    - updated not before published: an article's ``updated`` is not before its ``published``;
    - TimeRef truncation: a ``start`` is the first instant of its period at its precision;
    - quote-mode rules: DIRECT and MIXED statements quote at least once, INDIRECT ones never;
    - requester is not addressee: a request is made to another party;
    - SENTENCED needs a sentence: a detention at that stage has a ``sentence``;
    - Term non-negative and not empty: no negative count, and some years, months, days or life;
    - Country name of another code: a country's ``name`` is not the name of another code;
    - derivable ids: an omitted ``id`` is the slug of the name, which needs a letter or digit
      with an ASCII form;
    - no lone surrogates: text cannot hold them (they cannot be written as UTF-8);
    - integers without a fraction: JSON Schema counts ``25.0`` as an integer, the loader does not;
    - URL details beyond the pattern: a bracketed IPv6 host that is not an address, a host that
      Unicode normalization turns into a delimiter;
    - checks of custom event types: those the schema does not know, named in a ``$comment``.

    Formats (``date-time``, ``uri``) are annotations unless a validator is asked
    to assert them; the patterns beside them carry the rules that matter here.

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
