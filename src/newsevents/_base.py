"""The machinery every model class shares: validation of a whole object at once.

Private. A model class is an ``attrs`` frozen class that inherits :class:`Model`.
After attrs has set the fields, :meth:`Model.__attrs_post_init__` checks every
field against its annotated type and its attached checks, then the class's
cross-field invariants, and raises one :class:`~newsevents.ValidationError` that
lists every problem (not only the first).
"""

from __future__ import annotations

import contextvars
import enum
import math
import threading
import types
import typing
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, ClassVar

import attrs

from newsevents.errors import ErrorDetail, ValidationError
from newsevents.validators import Check, aware_datetime, describe, field_checks

# A compiled validator appends what is wrong with ``value`` (found at ``path``)
# to ``errors`` and says whether the value was acceptable.
Validator = Callable[[Any, str, list[ErrorDetail]], bool]


LOADING: contextvars.ContextVar[bool] = contextvars.ContextVar("newsevents_loading", default=False)
"""True while ``from_dict`` builds objects: its strict hooks have already checked every type."""


class Model:
    """Base of every newsevents value class (private; subclass :class:`~newsevents.Event`)."""

    __slots__ = ()
    _validators: ClassVar[dict[type, list[tuple[str, Validator]]]] = {}
    _value_validators: ClassVar[dict[type, list[tuple[str, Validator]]]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __attrs_post_init__(self) -> None:
        cls = type(self)
        if LOADING.get():
            # The loader's hooks checked each value's type (strictly, surrogates, ranges
            # and offsets included); only the value checks and the invariants remain.
            plan = Model._value_validators.get(cls)
            if plan is None:
                _compile(cls)
                plan = Model._value_validators[cls]
        else:
            plan = Model._validators.get(cls)
            if plan is None:
                plan = _compile(cls)
        errors: list[ErrorDetail] = []
        prefix = cls.__name__ + "."
        for name, validate in plan:
            validate(getattr(self, name), prefix + name, errors)
        if not errors:
            errors.extend(
                ErrorDetail(prefix + where if where else cls.__name__, message)
                for where, message in self._invariants()
            )
        if errors:
            raise ValidationError(errors)

    def _invariants(self) -> Iterable[tuple[str, str]]:
        """Cross-field rules, as ``(path below the object, message)`` pairs.

        Runs only when every field is of the right type and format.
        """
        return ()


def field_problems(cls: type, values: dict[str, Any], root: str) -> list[ErrorDetail]:
    """The problems of some field values of a model class, with paths ``root.name``."""
    plan = Model._validators.get(cls) or _compile(cls)
    errors: list[ErrorDetail] = []
    for name, validate in plan:
        if name in values:
            validate(values[name], f"{root}.{name}", errors)
    return errors


def _compile(cls: type) -> list[tuple[str, Validator]]:
    with Model._lock:
        plan = Model._validators.get(cls)
        if plan is not None:
            return plan
        try:
            hints = typing.get_type_hints(cls)
        except Exception as exc:  # a forward reference that cannot be resolved
            raise TypeError(f"cannot resolve the field types of {cls.__qualname__}: {exc}") from exc
        plan = []
        values = []
        for field in attrs.fields(cls):
            plan.append((field.name, _field_validator(hints.get(field.name, Any), field.metadata)))
            only_values = _value_validator(field.metadata)
            if only_values is not None:
                values.append((field.name, only_values))
        Model._value_validators[cls] = values
        Model._validators[cls] = plan
        return plan


def _value_validator(metadata: Any) -> Validator | None:
    """The value checks of a field whose type is already known to be right, if it has any."""
    value_checks, item_checks = field_checks(metadata)
    if not value_checks and not item_checks:
        return None

    def validate(value: Any, path: str, errors: list[ErrorDetail]) -> bool:
        if value is None:
            return True
        ok = _run(value_checks, value, path, errors) if value_checks else True
        for i, item in enumerate(value if item_checks else ()):
            ok = _run(item_checks, item, f"{path}[{i}]", errors) and ok
        return ok

    return validate


def _field_validator(tp: Any, metadata: Any) -> Validator:
    by_type = type_validator(tp)
    value_checks, item_checks = field_checks(metadata)
    if not value_checks and not item_checks:
        return by_type

    def validate(value: Any, path: str, errors: list[ErrorDetail]) -> bool:
        before = len(errors)
        if not by_type(value, path, errors):
            if item_checks and isinstance(value, tuple):
                # Some items had the wrong type; the others still get their checks,
                # so that every problem is reported at once.
                bad = {e.path for e in errors[before:]}
                for i, item in enumerate(value):
                    where = f"{path}[{i}]"
                    if where not in bad:
                        _run(item_checks, item, where, errors)
                errors[before:] = sorted(errors[before:], key=lambda e: _index(e.path, path))
            return False
        if value is None:
            return True
        ok = _run(value_checks, value, path, errors)
        if item_checks:
            for i, item in enumerate(value):
                ok = _run(item_checks, item, f"{path}[{i}]", errors) and ok
        return ok

    return validate


def _index(where: str, path: str) -> int:
    rest = where[len(path) :]
    return int(rest[1 : rest.index("]")]) if rest.startswith("[") else -1


def _run(fns: tuple[Check, ...], value: Any, path: str, errors: list[ErrorDetail]) -> bool:
    for fn in fns:
        message = fn(value)
        if message is not None:
            errors.append(ErrorDetail(path, message))
            return False
    return True


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


def int_text(value: int) -> str:
    """An int's digits, or its size where Python refuses to write that many digits."""
    try:
        return str(value)
    except ValueError:  # more digits than sys.get_int_max_str_digits() allows
        return f"an integer of {value.bit_length():,} bits"


def _found(value: Any) -> str:
    return describe(value)


def type_validator(tp: Any) -> Validator:
    """A validator that checks a value against a type annotation, strictly."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _union_validator(tp)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return _tuple_validator(tp, type_validator(args[0]))
        return _isinstance_validator(tuple, "tuple")
    if tp is Any or tp is object or not isinstance(tp, type):
        return _accept
    if tp is str:
        return _str_validator
    if tp is bool:
        return _isinstance_validator(bool, "bool")
    if tp is int:
        return _int_validator
    if tp is float:
        return _float_validator
    if tp is datetime:
        return _datetime_validator
    if issubclass(tp, enum.Enum):
        return _isinstance_validator(tp, f"a {tp.__name__}")
    return _isinstance_validator(tp, tp.__name__)


def _accept(value: Any, path: str, errors: list[ErrorDetail]) -> bool:
    return True


def _isinstance_validator(cls: type, name: str) -> Validator:
    def validate(value: Any, path: str, errors: list[ErrorDetail]) -> bool:
        if isinstance(value, cls):
            return True
        errors.append(ErrorDetail(path, f"expected {name}, found {_found(value)}"))
        return False

    return validate


INT_MIN, INT_MAX = -(2**63), 2**63 - 1


def _str_validator(value: Any, path: str, errors: list[ErrorDetail]) -> bool:
    if not isinstance(value, str):
        errors.append(ErrorDetail(path, f"expected str, found {_found(value)}"))
        return False
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            # A lone surrogate cannot be written as UTF-8 (nor read back by orjson).
            errors.append(
                ErrorDetail(path, f"expected text without lone surrogates, found {exc.object[exc.start]!r}")
            )
            return False
    return True


def _int_validator(value: Any, path: str, errors: list[ErrorDetail]) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        if INT_MIN <= value <= INT_MAX:
            return True
        # Wider integers do not survive every JSON reader (orjson reads them as floats).
        wide = f"expected an int within the signed 64-bit range, found {int_text(value)}"
        errors.append(ErrorDetail(path, wide))
        return False
    errors.append(ErrorDetail(path, f"expected int, found {_found(value)}"))
    return False


def _float_validator(value: Any, path: str, errors: list[ErrorDetail]) -> bool:
    if isinstance(value, float):
        if math.isfinite(value):
            return True
        errors.append(ErrorDetail(path, f"expected a finite number, found {value}"))
        return False
    # An int would be equal to its float but written differently ("3" and "3.0").
    hint = f"; write {value}.0" if isinstance(value, int) and not isinstance(value, bool) else ""
    errors.append(ErrorDetail(path, f"expected float, found {_found(value)}{hint}"))
    return False


def _datetime_validator(value: Any, path: str, errors: list[ErrorDetail]) -> bool:
    if not isinstance(value, datetime):
        errors.append(ErrorDetail(path, f"expected datetime, found {_found(value)}"))
        return False
    message = aware_datetime(value)
    if message is not None:
        errors.append(ErrorDetail(path, message))
        return False
    return True


def _tuple_validator(tp: Any, item: Validator) -> Validator:
    name = type_name(tp)

    def validate(value: Any, path: str, errors: list[ErrorDetail]) -> bool:
        if not isinstance(value, tuple):
            hint = "; pass a tuple" if isinstance(value, (list, set, frozenset)) else ""
            errors.append(ErrorDetail(path, f"expected {name}, found {_found(value)}{hint}"))
            return False
        ok = True
        for i, v in enumerate(value):
            ok = item(v, f"{path}[{i}]", errors) and ok
        return ok

    return validate


def _union_validator(tp: Any) -> Validator:
    members = typing.get_args(tp)
    nullable = type(None) in members
    inner = [m for m in members if m is not type(None)]
    validators = [type_validator(m) for m in inner]
    name = type_name(tp)
    classes = tuple(m for m in inner if isinstance(m, type) and typing.get_origin(m) is None)

    def validate(value: Any, path: str, errors: list[ErrorDetail]) -> bool:
        if value is None and nullable:
            return True
        for member, check in zip(inner, validators, strict=True):
            if isinstance(member, type) and not isinstance(value, member):
                continue
            return check(value, path, errors)
        if len(classes) < len(inner):  # a member that isinstance cannot decide
            for check in validators:
                scratch: list[ErrorDetail] = []
                if check(value, path, scratch):
                    return True
        errors.append(ErrorDetail(path, f"expected {name}, found {_found(value)}"))
        return False

    return validate
