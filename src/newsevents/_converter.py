"""The one configured cattrs converter: strict hooks, type tags, omitted defaults.

Private; the public functions are in :mod:`newsevents.serialize`. Hooks raise
:class:`~newsevents.ValidationError` with paths rooted at ``@`` (the value the
hook was given); :func:`collect` moves them under the path where the value sits
and turns cattrs' exception groups into the same details.
"""

from __future__ import annotations

import enum
import math
import typing
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from newsevents._base import Validator, field_problems, node_validator, type_validator
from newsevents._codegen import DUMPERS, FORMAT_VERSION
from newsevents._spec import (
    INT_MAX,
    INT_MIN,
    REQUIRED,
    TYPE_KEY,
    VERSION_KEY,
    EnumNode,
    EventBaseNode,
    ModelNode,
    NoneNode,
    TupleNode,
    UnionNode,
    int_text,
    node_of,
    spec_of,
    tag,
)
from newsevents.errors import ErrorDetail, Step, ValidationError, did_you_mean, rebase
from newsevents.events import _REGISTRY, Event
from newsevents.validators import aware_datetime, describe

__all__ = ["FORMAT_VERSION", "TYPE_KEY", "VERSION_KEY", "collect", "converter", "loadable", "tag"]

converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
_STR_CHECK = type_validator(str)  # the model's own str rule (no lone surrogates), shared by the loader


def _fail(message: str, code: str, *location: Step) -> ValidationError:
    """An error of the value a hook was given: rooted at ``@``, placed by :func:`collect`."""
    return ValidationError([_detail(location, message, code)])


def _detail(location: tuple[Step, ...], message: str, code: str) -> ErrorDetail:
    return ErrorDetail(root="@", location=location, message=message, code=code)


# ---------------------------------------------------------------- errors


def collect(exc: BaseException, root: str, prefix: tuple[Step, ...] = ()) -> list[ErrorDetail]:
    """Every problem inside ``exc``, located under ``root`` and ``prefix``."""
    if isinstance(exc, ValidationError):
        return rebase(exc.errors, root, prefix)
    if isinstance(exc, ForbiddenExtraKeysError):
        spec = spec_of(exc.cl)
        return [
            ErrorDetail(root=root, location=(*prefix, key), message=_unknown(key, spec), code="unknown_key")
            for key in sorted(exc.extra_fields, key=str)
        ]
    if isinstance(exc, BaseValidationError):
        found: list[ErrorDetail] = []
        for sub in exc.exceptions:
            found.extend(collect(sub, root, (*prefix, *_note_step(sub))))
        return found
    if isinstance(exc, KeyError) and _has_attribute_note(exc):
        return [ErrorDetail(root=root, location=prefix, message="required field is missing", code="missing")]
    return [ErrorDetail(root=root, location=prefix, message=f"{type(exc).__name__}: {exc}", code="invalid")]


def _unknown(key: Any, spec: Any) -> str:
    """The message of a key the class does not have: the close field name, if any, then all of them."""
    return f"unknown field{did_you_mean(key, spec.allowed)}; expected one of: {spec.allowed_text}"


def _note_step(exc: BaseException) -> tuple[Step, ...]:
    for note in reversed(getattr(exc, "__notes__", ())):
        if isinstance(note, AttributeValidationNote):
            return (note.name,)
        if isinstance(note, IterableValidationNote):
            return (note.index,)
    return ()


def _has_attribute_note(exc: BaseException) -> bool:
    return any(isinstance(n, AttributeValidationNote) for n in getattr(exc, "__notes__", ()))


# ---------------------------------------------------------------- scalar hooks


def _str(data: Any, _: Any = None) -> str:
    if isinstance(data, str):
        if not data.isascii():
            problems: list[ErrorDetail] = []
            if not _STR_CHECK(data, ("@",), problems):
                raise ValidationError(problems)
        return data
    raise _fail(f"expected str, found {describe(data)}", "type")


def _int(data: Any, _: Any = None) -> int:
    if isinstance(data, int) and not isinstance(data, bool):
        if INT_MIN <= data <= INT_MAX:
            return data
        raise _fail(f"expected an int within the signed 64-bit range, found {int_text(data)}", "range")
    if isinstance(data, float) and data.is_integer() and not INT_MIN <= data <= INT_MAX:
        # orjson reads integers wider than 64 bits as floats; say what the real problem is.
        raise _fail(
            f"expected an int within the signed 64-bit range, found a number too large ({data:.3g})", "range"
        )
    raise _fail(f"expected int, found {describe(data)}", "type")


def _float(data: Any, _: Any = None) -> float:
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        if math.isfinite(data):
            return float(data)
        raise _fail(f"expected a finite number, found {describe(data)}", "range")
    raise _fail(f"expected a number, found {describe(data)}", "type")


def _bool(data: Any, _: Any = None) -> bool:
    if isinstance(data, bool):
        return data
    raise _fail(f"expected true or false, found {describe(data)}", "type")


def _datetime(data: Any, _: Any = None) -> datetime:
    if not isinstance(data, str):
        raise _fail(f"expected an ISO 8601 datetime string with a UTC offset, found {describe(data)}", "type")
    try:
        value = datetime.fromisoformat(data)
    except ValueError:
        raise _fail(
            f"expected an ISO 8601 datetime with a UTC offset, found {describe(data)}", "datetime"
        ) from None
    if value.utcoffset() is None:
        raise _fail(
            f"expected a datetime with a UTC offset (timezone-aware), found naive {describe(data)}",
            "timezone",
        )
    problem = aware_datetime(value)
    if problem is not None:
        raise _fail(problem, "timezone")
    return value


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    node = node_of(cls)
    assert isinstance(node, EnumNode)
    by_value = node.by_value
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(data: Any, _: Any = None) -> enum.Enum:
        if isinstance(data, str):
            member = by_value.get(data)
            if member is not None:
                return member
        code = "enum" if isinstance(data, str) else "type"
        raise _fail(f"expected one of {allowed}, found {describe(data)}{did_you_mean(data, by_value)}", code)

    return structure


converter.register_structure_hook(str, _str)
converter.register_structure_hook(int, _int)
converter.register_structure_hook(float, _float)
converter.register_structure_hook(bool, _bool)
converter.register_structure_hook(datetime, _datetime)
converter.register_structure_hook_factory(lambda t: isinstance(node_of(t), EnumNode), _enum_hook)
converter.register_unstructure_hook(datetime, datetime.isoformat)
converter.register_unstructure_hook_factory(lambda t: isinstance(node_of(t), EnumNode), lambda _: _enum_value)


def _enum_value(member: enum.Enum) -> Any:
    return member.value


# ---------------------------------------------------------------- collections


def _is_var_tuple(t: Any) -> bool:
    return isinstance(node_of(t), TupleNode)


def _tuple_hook(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    node = node_of(t)
    assert isinstance(node, TupleNode)
    item_type = node.item.hint
    item = converter.get_structure_hook(item_type)
    name = node.name

    def structure(data: Any, _: Any = None) -> tuple[Any, ...]:
        if not isinstance(data, (list, tuple)):
            raise _fail(f"expected an array ({name}), found {describe(data)}", "type")
        out = []
        errors: list[ErrorDetail] = []
        for i, value in enumerate(data):
            try:
                out.append(item(value, item_type))
            except Exception as exc:  # noqa: BLE001 -- every item's problems are reported, not only the first
                errors.extend(collect(exc, "@", (i,)))
        if errors:
            raise ValidationError(errors)
        return tuple(out)

    return structure


def _unstructure_tuple(value: tuple[Any, ...]) -> list[Any]:
    return [_plain_value(v) for v in value]


converter.register_structure_hook_factory(_is_var_tuple, _tuple_hook)
converter.register_unstructure_hook(tuple, _unstructure_tuple)


# ---------------------------------------------------------------- unions and tags


def _is_union(t: Any) -> bool:
    return isinstance(node_of(t), UnionNode)


def _is_model(t: Any) -> bool:
    return isinstance(node_of(t), ModelNode)


def _union_hook(t: Any) -> Callable[[Any, Any], Any]:
    node = node_of(t)
    assert isinstance(node, UnionNode)
    nullable = node.nullable
    inner = [m.hint for m in node.members]
    name = node.name
    if node.tags is not None:
        tags = typing.cast("dict[str | None, type]", node.tags)

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
        raise _fail(f"expected {name}, found {describe(data)}", "type")

    return first_fit


def _tagged_class(data: Any, tags: Mapping[str | None, type], name: str) -> type:
    if not isinstance(data, dict):
        raise _fail(f"expected an object ({name}), found {describe(data)}", "type")
    if TYPE_KEY not in data:
        known = ", ".join(sorted(map(str, tags)))
        raise _fail(f"missing type tag; expected one of: {known}", "missing", TYPE_KEY)
    found = data[TYPE_KEY]
    cls = tags.get(found) if isinstance(found, str) else None
    if cls is None:
        names = sorted(map(str, tags))
        known = ", ".join(repr(k) for k in names)
        hint = did_you_mean(found, names)
        raise _fail(f"unknown type {describe(found)}{hint}; expected one of: {known}", "tag", TYPE_KEY)
    return cls


def _event_base_hook(base: type[Event]) -> Callable[[Any, Any], Event]:
    def by_registry(data: Any, _: Any = None) -> Event:
        registry: dict[str | None, type] = {t: c for t, c in list(_REGISTRY.items()) if issubclass(c, base)}
        cls = _tagged_class(data, registry, f"{base.__name__} (a registered event type)")
        return converter.get_structure_hook(cls)(data, cls)  # type: ignore[no-any-return]

    return by_registry


def _model_hook(cls: type) -> Callable[[Any, Any], Any]:
    if isinstance(node_of(cls), EventBaseNode):
        return _event_base_hook(cls)
    spec = spec_of(cls)
    # The fields' hooks are fetched at the first load, not now: a class may hold objects of its
    # own class, and fetching them now would ask for this very hook before it exists.
    plan: list[tuple[str, Callable[[Any, Any], Any], Any, bool]] = []
    defaults: list[tuple[str, Validator]] = []  # the type check of each field that has a default
    own = spec.tag
    is_article = spec.versioned
    label = own or cls.__name__
    allowed = spec.allowed

    def structure(data: Any, _: Any = None) -> Any:
        if not isinstance(data, dict):
            raise _fail(f"expected an object ({label}), found {describe(data)}", "type")
        if own is not None and TYPE_KEY in data:
            found = data[TYPE_KEY]
            if found != own:
                sub = _REGISTRY.get(found) if isinstance(found, str) else None
                if sub is not None and issubclass(sub, cls):
                    return converter.get_structure_hook(sub)(data, sub)
                raise _fail(f"expected type {own!r}, found {describe(found)}", "tag", TYPE_KEY)
        errors: list[ErrorDetail] = []
        if is_article and VERSION_KEY in data:
            try:
                _check_version(data[VERSION_KEY])
            except ValidationError as exc:
                errors.extend(exc.errors)
        if not plan:  # (two threads may both fill it, with the same hooks: one assignment wins)
            defaults[:] = [
                (f.name, node_validator(f.node)) for f in spec.fields if f.default_kind != REQUIRED
            ]
            plan[:] = [
                (f.name, converter.get_structure_hook(f.hint), f.hint, f.default_kind == REQUIRED)
                for f in spec.fields
            ]
        values: dict[str, Any] = {}
        for name, hook, hint, required in plan:
            if name in data:
                try:
                    values[name] = hook(data[name], hint)
                except Exception as exc:  # noqa: BLE001 -- every field's problems are reported
                    errors.extend(collect(exc, "@", (name,)))
            elif required:
                errors.append(_detail((name,), "required field is missing", "missing"))
        errors.extend(
            _detail((key,), _unknown(key, spec), "unknown_key") for key in data if key not in allowed
        )
        if errors:
            # The fields that did load still get their value checks: every problem at once.
            errors.extend(field_problems(cls, values, "@"))
            raise ValidationError(_in_document_order(errors, data, cls))
        try:
            obj = cls(**values)
        except ValidationError as exc:
            raise ValidationError(rebase(exc.errors, "@")) from None
        except Exception as exc:  # noqa: BLE001 -- a custom type's own attrs validators, say
            raise ValidationError(collect(exc, "@")) from None
        # The hooks checked the type of every value read; a default (a derived one, say) is checked
        # here, as the constructor would check it: from_dict builds no object the constructor refuses.
        for name, validate in defaults:
            if name not in values:
                validate(getattr(obj, name), ("@", name), errors)
        if errors:
            raise ValidationError(errors)
        return obj

    return structure


def _in_document_order(errors: list[ErrorDetail], data: dict[str, Any], cls: type) -> list[ErrorDetail]:
    """Sort an object's errors by where their key stands in the input (missing keys last, in field order)."""
    position = {key: i for i, key in enumerate(data)}
    fields = {f.name: len(position) + i for i, f in enumerate(spec_of(cls).fields)}

    def where(error: ErrorDetail) -> int:
        key = error.location[0] if error.location else ""
        if not isinstance(key, str):
            return len(position) + len(fields)
        return position.get(key, fields.get(key, len(position) + len(fields)))

    return sorted(errors, key=where)


def loadable(cls: Any) -> bool:
    """Whether ``from_dict`` takes ``cls``: a model class, or a union of model classes (``Actor``)."""
    node = node_of(cls)
    if isinstance(node, UnionNode):
        return all(isinstance(m, (ModelNode, NoneNode)) for m in node.members)
    return isinstance(node, ModelNode)


def _check_version(version: Any) -> None:
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(
            f"expected a format version number (1 to {FORMAT_VERSION}), found {describe(version)}",
            "version",
            VERSION_KEY,
        )
    if version > FORMAT_VERSION:
        raise _fail(
            f"this document uses format version {version}, newer than this release of newsevents"
            f" reads (up to {FORMAT_VERSION}); upgrade newsevents",
            "version",
            VERSION_KEY,
        )


def forget_hooks() -> None:
    """Drop the hooks cattrs made: an event type was registered, and hooks that name it are out of date."""
    # cattrs has no public way to do it.
    converter._structure_func.clear_cache()
    converter._unstructure_func.clear_cache()


converter.register_structure_hook_func(lambda t: t is object, lambda value, _: value)  # as Any
converter.register_structure_hook_factory(_is_union, _union_hook)
converter.register_structure_hook_factory(_is_model, _model_hook)


# ---------------------------------------------------------------- unstructuring models


def _plain_value(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    return converter.unstructure(value)


# The generated dumpers (one per class) write models; cattrs reaches them for values it is handed.
converter.register_unstructure_hook_factory(_is_model, lambda cls: DUMPERS[cls])
