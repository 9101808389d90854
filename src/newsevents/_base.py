"""The machinery every model class shares: validation of a whole object at once.

Private. A model class is an ``attrs`` frozen class that inherits :class:`Model`.
After attrs has set the fields, :meth:`Model.__attrs_post_init__` checks every
field against its annotated type and its attached checks, then the class's
cross-field invariants, and raises one :class:`~newsevents.ValidationError` that
lists every problem (not only the first).
"""

from __future__ import annotations

import contextvars
import math
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, ClassVar

import attrs

from newsevents._spec import (
    INT_MAX,
    INT_MIN,
    DateTimeNode,
    EnumNode,
    LiteralNode,
    ModelNode,
    Node,
    NoneNode,
    OpaqueNode,
    ScalarNode,
    TupleNode,
    UnionNode,
    int_text,
    node_of,
    spec_of,
    trust,
)
from newsevents.errors import ErrorDetail, ValidationError, at, did_you_mean
from newsevents.validators import Check, aware_datetime, describe

# A compiled validator appends what is wrong with ``value`` (found at ``where``: the root,
# then the keys and indexes that lead to it) to ``errors`` and says whether the value was
# acceptable. The location is a tuple, extended as the validator goes down; text is
# rendered from it only if an error is shown.
Where = tuple[Any, ...]
Validator = Callable[[Any, Where, list[ErrorDetail]], bool]


LOADING: contextvars.ContextVar[bool] = contextvars.ContextVar("newsevents_loading", default=False)
"""True while ``from_dict`` builds objects: its strict hooks have already checked every type."""


class Model:
    """Base of every newsevents value class (private; subclass :class:`~newsevents.Event`)."""

    __slots__ = ()
    _validators: ClassVar[dict[type, list[tuple[str, Validator]]]] = {}
    _value_validators: ClassVar[dict[type, list[tuple[str, Validator]]]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __new__(cls, /, *args: Any, **kwargs: Any) -> Any:
        # Python's own complaint about a misspelt keyword names it but not the field that was meant.
        if kwargs:
            try:
                names = _INIT_NAMES[cls]
            except KeyError:
                names = _INIT_NAMES[cls] = _init_names(cls)
            if names is not None and not kwargs.keys() <= names:
                unknown = next(k for k in kwargs if k not in names)
                raise TypeError(
                    f"{cls.__name__}() got an unexpected keyword argument {unknown!r}"
                    f"{did_you_mean(unknown, names)}; expected one of: {', '.join(sorted(names))}"
                )
        return object.__new__(cls)

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
        root = cls.__name__
        for name, validate in plan:
            validate(getattr(self, name), (root, name), errors)
        if not errors:
            errors.extend(_invariant_detail(root, found) for found in self._invariants())
        if errors:
            raise ValidationError(errors)

    def _invariants(self) -> Iterable[tuple[Any, ...]]:
        """Cross-field rules, as ``(where, message)`` or ``(where, message, code)`` tuples.

        ``where`` is a field name, a tuple of keys and indexes below the object
        (``("events", 2, "id")``), or ``""`` or ``()`` for the object itself; ``code``
        defaults to ``"invariant"``. Runs only when every field is of the right type and format.
        """
        return ()


def _invariant_detail(root: str, found: tuple[Any, ...]) -> ErrorDetail:
    where, message = found[0], found[1]
    code = found[2] if len(found) > 2 else "invariant"
    location = (
        (where,) if isinstance(where, str) and where else () if isinstance(where, str) else tuple(where)
    )
    return ErrorDetail(root=root, location=location, message=message, code=code)


trust(post_init=Model.__attrs_post_init__)

_INIT_NAMES: dict[type, frozenset[str] | None] = {}


def _init_names(cls: type) -> frozenset[str] | None:
    """The keywords the class's ``__init__`` takes (None for a class attrs has not built: no check)."""
    try:
        return frozenset(a.alias for a in attrs.fields(cls) if a.init)
    except attrs.exceptions.NotAnAttrsClassError:
        return None


def field_problems(cls: type, values: dict[str, Any], root: str) -> list[ErrorDetail]:
    """The problems of some field values of a model class, located at ``root`` then the field's name."""
    plan = Model._validators.get(cls) or _compile(cls)
    errors: list[ErrorDetail] = []
    for name, validate in plan:
        if name in values:
            validate(values[name], (root, name), errors)
    return errors


def _compile(cls: type) -> list[tuple[str, Validator]]:
    with Model._lock:
        plan = Model._validators.get(cls)
        if plan is not None:
            return plan
        spec = spec_of(cls)
        plan = []
        values = []
        for field in spec.fields:
            plan.append((field.name, _field_validator(field.node, field.checks, field.each)))
            only_values = _value_validator(field.checks, field.each)
            if only_values is not None:
                values.append((field.name, only_values))
        Model._value_validators[cls] = values
        Model._validators[cls] = plan
        return plan


def _value_validator(value_checks: tuple[Check, ...], item_checks: tuple[Check, ...]) -> Validator | None:
    """The value checks of a field whose type is already known to be right, if it has any."""
    if not value_checks and not item_checks:
        return None

    def validate(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
        if value is None:
            return True
        ok = _run(value_checks, value, where, errors) if value_checks else True
        for i, item in enumerate(value if item_checks else ()):
            ok = _run(item_checks, item, (*where, i), errors) and ok
        return ok

    return validate


def _field_validator(
    node: Node, value_checks: tuple[Check, ...], item_checks: tuple[Check, ...]
) -> Validator:
    by_type = node_validator(node)
    if not value_checks and not item_checks:
        return by_type

    def validate(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
        before = len(errors)
        if not by_type(value, where, errors):
            if item_checks and isinstance(value, tuple):
                # Some items had the wrong type; the others still get their checks,
                # so that every problem is reported at once.
                depth = len(where) - 1  # the item's index stands right after the field's location
                bad = {e.location[depth] for e in errors[before:] if len(e.location) > depth}
                for i, item in enumerate(value):
                    if i not in bad:
                        _run(item_checks, item, (*where, i), errors)
                errors[before:] = sorted(errors[before:], key=lambda e: _index(e, depth))
            return False
        if value is None:
            return True
        ok = _run(value_checks, value, where, errors)
        if item_checks:
            for i, item in enumerate(value):
                ok = _run(item_checks, item, (*where, i), errors) and ok
        return ok

    return validate


def _index(error: ErrorDetail, depth: int) -> int:
    """The index of the item an error is about (-1 for the tuple itself), by its location."""
    step = error.location[depth] if len(error.location) > depth else -1
    return step if isinstance(step, int) else -1


def _run(fns: tuple[Check, ...], value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
    for fn in fns:
        message = fn(value)
        if message is not None:
            code = fn.code_for(value) if isinstance(fn, Check) else "check"  # a plain function is a check too
            errors.append(at(where, message, code))
            return False
    return True


def _found(value: Any) -> str:
    return describe(value)


def type_validator(tp: Any) -> Validator:
    """A validator that checks a value against a type annotation, strictly."""
    return node_validator(node_of(tp))


def node_validator(node: Node) -> Validator:
    """A validator that checks a value against a described type, strictly."""
    if isinstance(node, UnionNode):
        return _union_validator(node)
    if isinstance(node, TupleNode):
        return _tuple_validator(node, node_validator(node.item))
    if isinstance(node, ScalarNode):
        return _SCALARS[node.py]
    if isinstance(node, DateTimeNode):
        return _datetime_validator
    if isinstance(node, EnumNode):
        return _enum_validator(node)
    if isinstance(node, LiteralNode):
        return _literal_validator(node)
    if isinstance(node, NoneNode):
        return _isinstance_validator(type(None), "null")
    if isinstance(node, (ModelNode, OpaqueNode)):
        return _isinstance_validator(node.cls, node.name)
    return _accept  # Any, and annotations newsevents does not take apart


def _accept(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
    return True


def _isinstance_validator(cls: type, name: str) -> Validator:
    def validate(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
        if isinstance(value, cls):
            return True
        errors.append(at(where, f"expected {name}, found {_found(value)}", "type"))
        return False

    return validate


def _enum_validator(node: EnumNode) -> Validator:
    cls = node.cls
    name = cls.__name__
    article = "an" if name[:1] in "AEIOU" else "a"
    members = {str(member.value): f"{name}.{member.name}" for member in cls}

    def validate(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
        if isinstance(value, cls):
            return True
        # A member's value where the member belongs ("media" for OrgKind.MEDIA) is the likeliest slip.
        hint = f" (did you mean {members[value]}?)" if isinstance(value, str) and value in members else ""
        hint = hint or did_you_mean(value, members, shown=members.__getitem__)
        errors.append(at(where, f"expected {article} {name}, found {_found(value)}{hint}", "type"))
        return False

    return validate


def _str_validator(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
    if not isinstance(value, str):
        errors.append(at(where, f"expected str, found {_found(value)}", "type"))
        return False
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            # A lone surrogate cannot be written as UTF-8 (nor read back by orjson).
            errors.append(
                at(
                    where,
                    f"expected text without lone surrogates, found {exc.object[exc.start]!r}",
                    "encoding",
                )
            )
            return False
    return True


def _int_validator(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        if INT_MIN <= value <= INT_MAX:
            return True
        # Wider integers do not survive every JSON reader (orjson reads them as floats).
        wide = f"expected an int within the signed 64-bit range, found {int_text(value)}"
        errors.append(at(where, wide, "range"))
        return False
    errors.append(at(where, f"expected int, found {_found(value)}", "type"))
    return False


def _float_validator(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
    if isinstance(value, float):
        if math.isfinite(value):
            return True
        errors.append(at(where, f"expected a finite number, found {value}", "range"))
        return False
    # An int would be equal to its float but written differently ("3" and "3.0").
    hint = f"; write {value}.0" if isinstance(value, int) and not isinstance(value, bool) else ""
    errors.append(at(where, f"expected float, found {_found(value)}{hint}", "type"))
    return False


def _datetime_validator(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
    if not isinstance(value, datetime):
        errors.append(at(where, f"expected datetime, found {_found(value)}", "type"))
        return False
    message = aware_datetime(value)
    if message is not None:
        errors.append(at(where, message, "timezone"))
        return False
    return True


def _literal_validator(node: LiteralNode) -> Validator:
    allowed = ", ".join(repr(v) for v in node.values)

    def validate(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
        if any(value == v and type(value) is type(v) for v in node.values):
            return True
        found = _found(value) + did_you_mean(value, [v for v in node.values if isinstance(v, str)])
        errors.append(at(where, f"expected one of {allowed}, found {found}", "enum"))
        return False

    return validate


def _tuple_validator(node: TupleNode, item: Validator) -> Validator:
    name = node.name

    def validate(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
        if not isinstance(value, tuple):
            hint = "; pass a tuple" if isinstance(value, (list, set, frozenset)) else ""
            errors.append(at(where, f"expected {name}, found {_found(value)}{hint}", "type"))
            return False
        ok = True
        for i, v in enumerate(value):
            ok = item(v, (*where, i), errors) and ok
        return ok

    return validate


def _union_validator(node: UnionNode) -> Validator:
    nullable = node.nullable
    name = node.name
    by_class: list[tuple[type, Validator]] = []  # members an isinstance test picks, in order
    others: list[Validator] = []  # members it cannot (a tuple of something, a Literal, Any)
    for member in node.members:
        cls = _member_class(member)
        if cls is None:
            others.append(node_validator(member))
        else:
            by_class.append((cls, node_validator(member)))
    # A subclass before its base: True is a bool of ``int | bool``, not an int the int check refuses.
    by_class.sort(key=lambda pair: -len(pair[0].__mro__))

    def validate(value: Any, where: Where, errors: list[ErrorDetail]) -> bool:
        if value is None and nullable:
            return True
        for cls, check in by_class:
            if isinstance(value, cls):
                return check(value, where, errors)
        if len(others) == 1:  # the one member left says what is wrong, in its own words
            return others[0](value, where, errors)
        if any(check(value, where, []) for check in others):
            return True
        errors.append(at(where, f"expected {name}, found {_found(value)}", "type"))
        return False

    return validate


def _member_class(node: Node) -> type | None:
    """The class an isinstance test can pick a union member by, if there is one."""
    if isinstance(node, ScalarNode):
        return node.py
    if isinstance(node, DateTimeNode):
        return datetime
    if isinstance(node, (EnumNode, ModelNode, OpaqueNode)):
        return node.cls
    return None


_SCALARS: dict[type, Validator] = {
    str: _str_validator,
    bool: _isinstance_validator(bool, "bool"),
    int: _int_validator,
    float: _float_validator,
}
