"""The grammar of relative date expressions behind :meth:`newsevents.TimeRef.relative`.

Private. :func:`resolve` returns ``(a moment inside the period, precision,
approximate)`` or ``None`` when the text is not an expression it knows.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from newsevents._precision import Precision

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_PREFIXES = ("earlier on ", "later on ", "early on ", "late on ", "earlier ", "later ", "on ")
_PART_OF_DAY = r"(?: (?:morning|afternoon|evening|night))?"
_UNIT = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}

_WEEKDAY = re.compile(rf"(last |next )?({'|'.join(_WEEKDAYS)}){_PART_OF_DAY}")
_THIS = re.compile(r"(this|last|next) (week|month|year)")
_AGO = re.compile(r"(\d+|[a-z]+) (day|week|month|year)s? ago")
_SAME_DAY = {"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"}
_DAY_SHIFT = {
    "yesterday": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}


def _normalize(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split()).rstrip(".,;:")


def _shift(moment: datetime, precision: Precision, n: int) -> datetime:
    return moment + precision.step * n


def resolve(text: str, anchor: datetime) -> tuple[datetime, Precision, bool] | None:
    """Resolve ``text`` against an aware ``anchor``; ``None`` if it is not understood."""
    phrase = _normalize(text)
    if phrase == "in the coming days":
        return anchor + timedelta(days=1), Precision.DAY, True
    if phrase == "in the coming weeks":
        return anchor + timedelta(weeks=1), Precision.WEEK, True
    for prefix in _PREFIXES:
        if phrase.startswith(prefix):
            phrase = phrase[len(prefix) :]
            break
    for suffix in (" morning", " afternoon", " evening", " night"):
        if phrase in ("yesterday" + suffix, "tomorrow" + suffix):
            phrase = phrase[: -len(suffix)]
    if phrase in _SAME_DAY or phrase == "today":
        return anchor, Precision.DAY, False
    if phrase in _DAY_SHIFT:
        return anchor + timedelta(days=_DAY_SHIFT[phrase]), Precision.DAY, False
    match = _WEEKDAY.fullmatch(phrase)
    if match:
        target = _WEEKDAYS.index(match.group(2))
        if match.group(1) == "next ":
            ahead = (target - anchor.weekday()) % 7 or 7
            return anchor + timedelta(days=ahead), Precision.DAY, False
        back = (anchor.weekday() - target) % 7
        if match.group(1) and back == 0:
            back = 7  # "last Thursday", said on a Thursday, is a week ago
        return anchor - timedelta(days=back), Precision.DAY, False
    match = _THIS.fullmatch(phrase)
    if match:
        n = {"this": 0, "last": -1, "next": 1}[match.group(1)]
        precision = _UNIT[match.group(2)]
        return _shift(anchor, precision, n), precision, False
    match = _AGO.fullmatch(phrase)
    if match:
        count = match.group(1)
        number = int(count) if count.isdigit() else _NUMBERS.get(count)
        if number is None:
            return None
        precision = _UNIT[match.group(2)]
        return _shift(anchor, precision, -number), precision, False
    return None
