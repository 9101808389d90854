"""Argument checks shared by the strategies: each raises ``InvalidArgument`` naming the argument."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

M = TypeVar("M", bound=enum.Enum)

# Drawing within a day of year 1 or year 9999 overflows when a moment moves to
# another zone or a period's end is computed; keep a year of margin on each side.
MIN_YEAR, MAX_YEAR = 2, 9998


def check_size(name: str, value: object, low: int = 0) -> int:
    """``value`` itself, when it is an int (not a bool) of at least ``low``."""
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise InvalidArgument(f"{name}={value!r} must be an int >= {low}")
    return value


def check_bool(name: str, value: object) -> bool:
    """``value`` itself, when it is a bool (``1`` and ``"yes"`` are not)."""
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be a bool")
    return value


def check_strategy(name: str, value: object) -> Any:
    """``value`` itself, when it is a Hypothesis strategy."""
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a Hypothesis strategy")
    return value


def check_optional_strategy(name: str, value: object) -> Any:
    """``None`` (the default), or ``value`` when it is a Hypothesis strategy."""
    return None if value is None else check_strategy(name, value)


def check_sequence(name: str, value: object) -> tuple[Any, ...]:
    """The items of a non-empty sequence: a list or a tuple, not a string, a set or a single item."""
    # A set has no stable order (examples would not replay); a string is a sequence of letters.
    if not isinstance(value, Sequence) or isinstance(value, (str, bytes)):
        raise InvalidArgument(f"{name}={value!r} must be a non-empty sequence (a list or a tuple)")
    if not value:
        raise InvalidArgument(f"{name}={value!r} must not be empty")
    return tuple(value)


def check_members(name: str, value: object, cls: type[M]) -> tuple[M, ...]:
    """The items of a non-empty sequence of members of the enum ``cls``."""
    items = check_sequence(name, value)
    wrong = [item for item in items if not isinstance(item, cls)]
    if wrong:
        raise InvalidArgument(
            f"{name}={value!r}: {wrong[0]!r} is not a {cls.__name__}"
            f" (one of {', '.join(f'{cls.__name__}.{m.name}' for m in cls)})"
        )
    return items


def check_datetime(name: str, value: object) -> datetime:
    """``value`` itself, when it is a datetime between years 2 and 9998."""
    if not isinstance(value, datetime):
        raise InvalidArgument(f"{name}={value!r} must be a datetime")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise InvalidArgument(
            f"{name}={value!r} must be within years {MIN_YEAR} to {MAX_YEAR}"
            " (moments near year 1 or 9999 overflow in other zones)"
        )
    return value
