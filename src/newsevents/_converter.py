"""The one configured cattrs converter: strict hooks, type tags, omitted defaults.

Private; the public functions are in :mod:`newsevents.serialize`. Hooks raise
:class:`~newsevents.ValidationError` with paths rooted at ``@`` (the value the
hook was given); :func:`collect` moves them under the path where the value sits
and turns cattrs' exception groups into the same details.
"""

from __future__ import annotations

import enum
import math
import types
import typing
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from newsevents._base import INT_MAX, INT_MIN, Model, field_problems, int_text, type_name, type_validator
from newsevents.article import Article
from newsevents.entities import Country, Organization, Person, Place
from newsevents.errors import ErrorDetail, RegistrationError, ValidationError, child_path, rebase
from newsevents.events import _REGISTRY, Event, tag_of
from newsevents.validators import aware_datetime, describe

FORMAT_VERSION: Final = 1
"""The version of the serialized form this release writes and the newest it reads."""

TYPE_KEY: Final = "type"
VERSION_KEY: Final = "format_version"
_ENTITY_TAGS: Final[dict[type, str]] = {
    Country: "country",
    Organization: "organization",
    Person: "person",
    Place: "place",
    Article: "article",
}

converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
_STR_CHECK = type_validator(str)  # the model's own str rule (no lone surrogates), shared by the loader


def tag(cls: type) -> str | None:
    """The ``type`` tag a model class carries in JSON, if it has one."""
    return _ENTITY_TAGS.get(cls) or tag_of(cls)


def _fail(message: str, path: str = "@") -> ValidationError:
    return ValidationError.single(path, message)


# ---------------------------------------------------------------- errors


def collect(exc: BaseException, path: str) -> list[ErrorDetail]:
    """Every problem inside ``exc``, with paths under ``path``."""
    if isinstance(exc, ValidationError):
        return rebase(exc.errors, path)
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = [f.name for f in attrs.fields(exc.cl)]
        if tag(exc.cl):
            allowed.insert(0, TYPE_KEY)
        if exc.cl is Article:
            allowed.insert(1, VERSION_KEY)
        return [
            ErrorDetail(child_path(path, key), f"unknown field; expected one of: {', '.join(allowed)}")
            for key in sorted(exc.extra_fields, key=str)
        ]
    if isinstance(exc, BaseValidationError):
        found: list[ErrorDetail] = []
        for sub in exc.exceptions:
            found.extend(collect(sub, _note_path(sub, path)))
        return found
    if isinstance(exc, KeyError) and _has_attribute_note(exc):
        return [ErrorDetail(path, "required field is missing")]
    return [ErrorDetail(path, f"{type(exc).__name__}: {exc}")]


def _note_path(exc: BaseException, path: str) -> str:
    for note in reversed(getattr(exc, "__notes__", ())):
        if isinstance(note, AttributeValidationNote):
            return child_path(path, note.name)
        if isinstance(note, IterableValidationNote):
            return f"{path}[{note.index}]"
    return path


def _has_attribute_note(exc: BaseException) -> bool:
    return any(isinstance(n, AttributeValidationNote) for n in getattr(exc, "__notes__", ()))


# ---------------------------------------------------------------- scalar hooks


def _str(data: Any, _: Any = None) -> str:
    if isinstance(data, str):
        if not data.isascii():
            problems: list[ErrorDetail] = []
            if not _STR_CHECK(data, "@", problems):
                raise ValidationError(problems)
        return data
    raise _fail(f"expected str, found {describe(data)}")


def _int(data: Any, _: Any = None) -> int:
    if isinstance(data, int) and not isinstance(data, bool):
        if INT_MIN <= data <= INT_MAX:
            return data
        raise _fail(f"expected an int within the signed 64-bit range, found {int_text(data)}")
    if isinstance(data, float) and data.is_integer() and not INT_MIN <= data <= INT_MAX:
        # orjson reads integers wider than 64 bits as floats; say what the real problem is.
        raise _fail(f"expected an int within the signed 64-bit range, found a number too large ({data:.3g})")
    raise _fail(f"expected int, found {describe(data)}")


def _float(data: Any, _: Any = None) -> float:
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        if math.isfinite(data):
            return float(data)
        raise _fail(f"expected a finite number, found {describe(data)}")
    raise _fail(f"expected a number, found {describe(data)}")


def _bool(data: Any, _: Any = None) -> bool:
    if isinstance(data, bool):
        return data
    raise _fail(f"expected true or false, found {describe(data)}")


def _datetime(data: Any, _: Any = None) -> datetime:
    if not isinstance(data, str):
        raise _fail(f"expected an ISO 8601 datetime string with a UTC offset, found {describe(data)}")
    try:
        value = datetime.fromisoformat(data)
    except ValueError:
        raise _fail(f"expected an ISO 8601 datetime with a UTC offset, found {describe(data)}") from None
    if value.utcoffset() is None:
        raise _fail(f"expected a datetime with a UTC offset (timezone-aware), found naive {describe(data)}")
    problem = aware_datetime(value)
    if problem is not None:
        raise _fail(problem)
    return value


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    by_value = {m.value: m for m in cls}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(data: Any, _: Any = None) -> enum.Enum:
        if isinstance(data, str):
            member = by_value.get(data)
            if member is not None:
                return member
        raise _fail(f"expected one of {allowed}, found {describe(data)}")

    return structure


converter.register_structure_hook(str, _str)
converter.register_structure_hook(int, _int)
converter.register_structure_hook(float, _float)
converter.register_structure_hook(bool, _bool)
converter.register_structure_hook(datetime, _datetime)
converter.register_structure_hook_factory(
    lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
)
converter.register_unstructure_hook(datetime, datetime.isoformat)
converter.register_unstructure_hook_factory(
    lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda _: _enum_value
)


def _enum_value(member: enum.Enum) -> Any:
    return member.value


# ---------------------------------------------------------------- collections


def _is_var_tuple(t: Any) -> bool:
    if typing.get_origin(t) is not tuple:
        return False
    args = typing.get_args(t)
    return len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    item_type = typing.get_args(t)[0]
    item = converter.get_structure_hook(item_type)
    name = type_name(t)

    def structure(data: Any, _: Any = None) -> tuple[Any, ...]:
        if not isinstance(data, (list, tuple)):
            raise _fail(f"expected an array ({name}), found {describe(data)}")
        out = []
        errors: list[ErrorDetail] = []
        for i, value in enumerate(data):
            try:
                out.append(item(value, item_type))
            except Exception as exc:  # noqa: BLE001 -- every item's problems are reported, not only the first
                errors.extend(collect(exc, f"@[{i}]"))
        if errors:
            raise ValidationError(errors)
        return tuple(out)

    return structure


def _unstructure_tuple(value: tuple[Any, ...]) -> list[Any]:
    return [_plain(v) for v in value]


converter.register_structure_hook_factory(_is_var_tuple, _tuple_hook)
converter.register_unstructure_hook(tuple, _unstructure_tuple)


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    return converter.unstructure(value)


# ---------------------------------------------------------------- unions and tags


def _is_union(t: Any) -> bool:
    return typing.get_origin(t) in (typing.Union, types.UnionType)


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Model)


def _union_hook(t: Any) -> Callable[[Any, Any], Any]:
    members = typing.get_args(t)
    nullable = type(None) in members
    inner = [m for m in members if m is not type(None)]
    name = type_name(t)
    if all(_is_model(m) and tag(m) for m in inner):
        tags = {tag(m): m for m in inner}

        def by_tag(data: Any, _: Any = None) -> Any:
            if data is None and nullable:
                return None
            cls = _tagged_class(data, tags, name)
            return converter.get_structure_hook(cls)(data, cls)

        return by_tag
    if len(inner) == 1:
        hook = converter.get_structure_hook(inner[0])

        def optional(data: Any, _: Any = None) -> Any:
            return None if data is None else hook(data, inner[0])

        return optional
    hooks = [(m, converter.get_structure_hook(m)) for m in inner]

    def first_fit(data: Any, _: Any = None) -> Any:
        if data is None and nullable:
            return None
        for member, hook in hooks:
            try:
                return hook(data, member)
            except Exception:  # noqa: BLE001, S112 -- try the next member; all failing is reported below
                continue
        raise _fail(f"expected {name}, found {describe(data)}")

    return first_fit


def _tagged_class(data: Any, tags: Mapping[str | None, type], name: str) -> type:
    if not isinstance(data, dict):
        raise _fail(f"expected an object ({name}), found {describe(data)}")
    if TYPE_KEY not in data:
        raise _fail(f"missing type tag; expected one of: {', '.join(sorted(map(str, tags)))}", "@.type")
    found = data[TYPE_KEY]
    cls = tags.get(found) if isinstance(found, str) else None
    if cls is None:
        known = ", ".join(repr(k) for k in sorted(map(str, tags)))
        raise _fail(f"unknown type {describe(found)}; expected one of: {known}", "@.type")
    return cls


def _event_base_hook(base: type[Event]) -> Callable[[Any, Any], Event]:
    def by_registry(data: Any, _: Any = None) -> Event:
        registry: dict[str | None, type] = {t: c for t, c in list(_REGISTRY.items()) if issubclass(c, base)}
        cls = _tagged_class(data, registry, f"{base.__name__} (a registered event type)")
        return converter.get_structure_hook(cls)(data, cls)  # type: ignore[no-any-return]

    return by_registry


def _model_hook(cls: type) -> Callable[[Any, Any], Any]:
    if issubclass(cls, Event) and tag(cls) is None:
        return _event_base_hook(cls)
    hints = typing.get_type_hints(cls)
    plan = [
        (f.name, converter.get_structure_hook(hints[f.name]), hints[f.name], f.default is attrs.NOTHING)
        for f in attrs.fields(cls)
    ]
    own = tag(cls)
    is_article = cls is Article
    label = own or cls.__name__
    allowed = {f.name for f in attrs.fields(cls)} | ({TYPE_KEY} if own else set())
    if is_article:
        allowed.add(VERSION_KEY)
    allowed_text = ", ".join(([TYPE_KEY] if own else []) + ([VERSION_KEY] if is_article else []))
    allowed_text = ", ".join(filter(None, [allowed_text, ", ".join(f.name for f in attrs.fields(cls))]))

    def structure(data: Any, _: Any = None) -> Any:
        if not isinstance(data, dict):
            raise _fail(f"expected an object ({label}), found {describe(data)}")
        if own is not None and TYPE_KEY in data:
            found = data[TYPE_KEY]
            if found != own:
                sub = _REGISTRY.get(found) if isinstance(found, str) else None
                if sub is not None and issubclass(sub, cls):
                    return converter.get_structure_hook(sub)(data, sub)
                raise _fail(f"expected type {own!r}, found {describe(found)}", "@.type")
        errors: list[ErrorDetail] = []
        if is_article and VERSION_KEY in data:
            try:
                _check_version(data[VERSION_KEY])
            except ValidationError as exc:
                errors.extend(exc.errors)
        values: dict[str, Any] = {}
        for name, hook, hint, required in plan:
            if name in data:
                try:
                    values[name] = hook(data[name], hint)
                except Exception as exc:  # noqa: BLE001 -- every field's problems are reported
                    errors.extend(collect(exc, f"@.{name}"))
            elif required:
                errors.append(ErrorDetail(f"@.{name}", "required field is missing"))
        errors.extend(
            ErrorDetail(child_path("@", key), f"unknown field; expected one of: {allowed_text}")
            for key in data
            if key not in allowed
        )
        if errors:
            # The fields that did load still get their value checks: every problem at once.
            errors.extend(field_problems(cls, values, "@"))
            raise ValidationError(_in_document_order(errors, data, cls))
        try:
            return cls(**values)
        except ValidationError as exc:
            raise ValidationError(rebase(exc.errors, "@")) from None
        except Exception as exc:  # noqa: BLE001 -- a custom type's own attrs validators, say
            raise ValidationError(collect(exc, "@")) from None

    return structure


def _in_document_order(errors: list[ErrorDetail], data: dict[str, Any], cls: type) -> list[ErrorDetail]:
    """Sort an object's errors by where their key stands in the input (missing keys last, in field order)."""
    position = {key: i for i, key in enumerate(data)}
    fields = {f.name: len(position) + i for i, f in enumerate(attrs.fields(cls))}

    def where(error: ErrorDetail) -> int:
        rest = error.path[1:]
        key = rest[1:].split(".", 1)[0].split("[", 1)[0] if rest.startswith(".") else ""
        if rest.startswith("['"):
            key = rest[2 : rest.find("']")]
        return position.get(key, fields.get(key, len(position) + len(fields)))

    return sorted(errors, key=where)


def loadable(cls: Any) -> bool:
    """Whether ``from_dict`` takes ``cls``: a model class, or a union of model classes (``Actor``)."""
    if _is_union(cls):
        return all(_is_model(m) or m is type(None) for m in typing.get_args(cls))
    return _is_model(cls)


def _check_version(version: Any) -> None:
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(
            f"expected a format version number (1 to {FORMAT_VERSION}), found {describe(version)}",
            "@.format_version",
        )
    if version > FORMAT_VERSION:
        raise _fail(
            f"this document uses format version {version}, newer than this release of newsevents"
            f" reads (up to {FORMAT_VERSION}); upgrade newsevents",
            "@.format_version",
        )


converter.register_structure_hook_factory(_is_union, _union_hook)
converter.register_structure_hook_factory(_is_model, _model_hook)


# ---------------------------------------------------------------- unstructuring models

_REQUIRED, _VALUE, _FACTORY, _SELF_FACTORY = range(4)


def _model_unstructure(cls: type) -> Callable[[Any], dict[str, Any]]:
    own = tag(cls)
    if own is None and issubclass(cls, Event):
        # Registration may come later; until then, writing it would lose its type.
        def refuse(obj: Any) -> dict[str, Any]:
            registered = tag(type(obj))
            if registered is None:
                raise RegistrationError(
                    f"{type(obj).__qualname__} is not a registered event type, so its JSON could not be read"
                    f" back; decorate it with @newsevents.event_type('some_tag')"
                )
            converter.register_unstructure_hook(type(obj), _model_unstructure(type(obj)))
            return converter.unstructure(obj)  # type: ignore[no-any-return]

        return refuse
    head: dict[str, Any] = {TYPE_KEY: own} if own else {}
    if cls is Article:
        head[VERSION_KEY] = FORMAT_VERSION
    plan: list[tuple[str, int, Any]] = []
    for field in attrs.fields(cls):
        default = field.default
        if default is attrs.NOTHING:
            plan.append((field.name, _REQUIRED, None))
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                plan.append((field.name, _SELF_FACTORY, default.factory))
            else:
                plan.append((field.name, _FACTORY, default.factory))
        else:
            plan.append((field.name, _VALUE, default))

    def unstructure(obj: Any) -> dict[str, Any]:
        out = dict(head)
        for name, kind, default in plan:
            value = getattr(obj, name)
            if kind == _VALUE:
                if value is default or value == default:
                    continue
            elif kind == _FACTORY:
                if value == default():
                    continue
            elif kind == _SELF_FACTORY and value == default(obj):
                continue
            out[name] = _plain(value)
        return out

    return unstructure


converter.register_unstructure_hook_factory(_is_model, _model_unstructure)
