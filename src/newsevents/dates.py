"""Time in news: a period at a stated precision, resolved from what the article says.

A :class:`TimeRef` is a period, not an instant: "July 2022" is the whole month,
"on Thursday" the whole day. ``start`` is the first instant of the period (always
timezone-aware), ``precision`` says how long it is, and ``end`` is its exclusive
end. The surface text ("earlier on Thursday") is kept beside the resolved value.

UTC offsets are whole minutes, as RFC 3339 (JSON Schema's ``date-time``) writes them:
a datetime whose offset has seconds (``+05:30:15``, the local mean time of a zone
before 1900, say) is refused at construction with a
:class:`~newsevents.ValidationError`, never rounded; convert it to UTC first.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

import attrs

from newsevents._base import Model
from newsevents._precision import Precision
from newsevents._relative import resolve
from newsevents._spec import trust
from newsevents.errors import ValidationError
from newsevents.validators import describe, rules, stripped

__all__ = ["Precision", "TimeRef"]


def fixed_offset(value: datetime) -> datetime:
    """The same wall time and UTC offset, with the zone reduced to that fixed offset.

    A named zone (``ZoneInfo("Europe/Berlin")``) is kept as its offset at that moment:
    that is all JSON can carry, so the round trip is exact and equal objects give
    identical bytes. Anything else is returned unchanged, for validation to judge.

    >>> from zoneinfo import ZoneInfo
    >>> fixed_offset(datetime(2022, 7, 28, 12, tzinfo=ZoneInfo("Europe/Moscow"))).isoformat()
    '2022-07-28T12:00:00+03:00'
    """
    if isinstance(value, datetime) and value.tzinfo is not None and not isinstance(value.tzinfo, timezone):
        offset = value.utcoffset()
        if offset is not None:
            return value.replace(tzinfo=timezone(offset), fold=0)
    return value


def fixed_offset_or_none(value: datetime | None) -> datetime | None:
    """:func:`fixed_offset`, letting ``None`` through."""
    return None if value is None else fixed_offset(value)


# Both leave a datetime parsed from JSON as it is (its zone is already a fixed offset).
trust(converter=fixed_offset)
trust(converter=fixed_offset_or_none)


def _instant_and_offset(moment: datetime) -> tuple[datetime, timedelta | None]:
    # Two aware datetimes at the same instant in different zones compare equal in
    # Python but serialize differently; equal TimeRefs must give identical bytes.
    return (moment, moment.utcoffset())


@attrs.frozen(kw_only=True)
class TimeRef(Model):
    """A period of time: a day, a month, a year, or a finer span.

    Attributes:
        start: The first instant of the period, timezone-aware and truncated to
            ``precision`` (a YEAR ref starts on 1 January at 00:00).
        precision: How long the period is.
        text: The expression the article used ("earlier on Thursday"), if kept.
        approximate: The article gives the time only loosely ("in the coming days").

    >>> ref = TimeRef.of(2022, 7)
    >>> ref.precision, ref.start.isoformat(), ref.end.isoformat()
    (<Precision.MONTH: 'month'>, '2022-07-01T00:00:00+00:00', '2022-08-01T00:00:00+00:00')
    """

    start: datetime = attrs.field(eq=_instant_and_offset, converter=fixed_offset)
    precision: Precision = Precision.DAY
    text: str | None = attrs.field(default=None, metadata=rules(stripped))
    approximate: bool = False

    def _invariants(self) -> list[tuple[str, str]]:
        if self.precision.starts(self.start):
            return []
        expected = self.precision.truncate(self.start)
        if expected != self.start:
            return [
                (
                    "start",
                    f"expected a start truncated to {self.precision.value} precision"
                    f" ({expected.isoformat()}), found {self.start.isoformat()}",
                )
            ]
        return []

    @property
    def end(self) -> datetime:
        """The exclusive end of the period (the start of the next one).

        >>> TimeRef.of(2012).end.isoformat()
        '2013-01-01T00:00:00+00:00'

        The last period of year 9999 ends at the largest datetime there is.
        """
        try:
            return self.start + self.precision.step
        except (OverflowError, ValueError):
            return datetime.max.replace(tzinfo=self.start.tzinfo)

    def contains(self, moment: datetime) -> bool:
        """Whether an aware ``moment`` falls within the period.

        >>> TimeRef.of(2022, 7, 28).contains(datetime(2022, 7, 28, 22, 23, tzinfo=UTC))
        True
        """
        return self.start <= moment < self.end

    @classmethod
    def at(
        cls,
        moment: datetime,
        precision: Precision = Precision.DAY,
        *,
        text: str | None = None,
        approximate: bool = False,
    ) -> TimeRef:
        """The period at ``precision`` that contains an aware ``moment``.

        >>> TimeRef.at(datetime(2022, 7, 28, 22, 23, tzinfo=UTC)).start.isoformat()
        '2022-07-28T00:00:00+00:00'
        """
        if not isinstance(precision, Precision):
            raise ValidationError.single(
                "TimeRef.at.precision", f"expected a Precision, found {describe(precision)}"
            )
        if not isinstance(moment, datetime) or moment.utcoffset() is None:
            return cls(start=moment, precision=precision, text=text, approximate=approximate)
        return cls(start=precision.truncate(moment), precision=precision, text=text, approximate=approximate)

    @classmethod
    def of(  # noqa: PLR0913, PLR0917 -- the calendar parts, positional as in datetime()
        cls,
        year: int,
        month: int | None = None,
        day: int | None = None,
        hour: int | None = None,
        minute: int | None = None,
        second: int | None = None,
        *,
        tz: tzinfo = UTC,
        text: str | None = None,
        approximate: bool = False,
    ) -> TimeRef:
        """A period from its calendar parts; the precision is that of the finest part given.

        >>> TimeRef.of(2022, 7, 28).precision
        <Precision.DAY: 'day'>
        >>> TimeRef.of(2022, day=28)
        Traceback (most recent call last):
          ...
        newsevents.errors.ValidationError: TimeRef.of: day given without month
        """
        parts: tuple[tuple[str, int | None], ...] = (
            ("year", year),
            ("month", month),
            ("day", day),
            ("hour", hour),
            ("minute", minute),
            ("second", second),
        )
        given = 0
        while given < len(parts) and parts[given][1] is not None:
            name, value = parts[given]
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValidationError.single(f"TimeRef.of.{name}", f"expected int, found {describe(value)}")
            given += 1
        for name, value in parts[given:]:
            if value is not None:
                missing = parts[given][0] if given else "year"
                raise ValidationError.single("TimeRef.of", f"{name} given without {missing}")
        if given == 0:
            raise ValidationError.single("TimeRef.of.year", "expected int, found null")
        y, mo, d, h, mi, s = (v if v is not None else (1 if i < 3 else 0) for i, (_, v) in enumerate(parts))
        try:
            start = datetime(y, mo, d, h, mi, s, tzinfo=tz)
        except (ValueError, OverflowError, TypeError) as exc:
            raise ValidationError.single("TimeRef.of", f"not a calendar date: {exc}") from None
        return cls(start=start, precision=_PRECISIONS[given - 1], text=text, approximate=approximate)

    @classmethod
    def parse(cls, text: str, *, tz: tzinfo = UTC, approximate: bool = False) -> TimeRef:
        """Read an absolute date expression; the precision is what the text gives.

        The text must name a year; a missing day or time makes the period
        coarser, never a guess. A zone or offset in the text wins over ``tz``.
        Anything that is not a whole date expression is an error.

        >>> TimeRef.parse("28 Jul, 2022 22:23").start.isoformat()
        '2022-07-28T22:23:00+00:00'
        >>> TimeRef.parse("July 2022").precision
        <Precision.MONTH: 'month'>
        >>> TimeRef.parse("300 people gathered")
        Traceback (most recent call last):
          ...
        newsevents.errors.ValidationError: TimeRef.parse: expected a date expression, found '300 people...

        An ISO 8601 week is a period of a week (``2023-W13``), or a day with its weekday
        (``2023-W13-2``). When a part of a date is wrong the message names it:

        >>> TimeRef.parse("2023-W13").start.date().isoformat(), TimeRef.parse("2023-W13").precision.value
        ('2023-03-27', 'week')
        >>> TimeRef.parse("2023-13-01")
        Traceback (most recent call last):
          ...
        newsevents.errors.ValidationError: TimeRef.parse: expected a month from 1 to 12, found month 13 in ...
        """
        if not isinstance(text, str):
            raise ValidationError.single("TimeRef.parse", f"expected str, found {describe(text)}")
        if not isinstance(tz, tzinfo):
            raise ValidationError.single("TimeRef.parse.tz", f"expected a tzinfo, found {describe(tz)}")
        found = _parse_parts(text)
        if isinstance(found, str):
            raise ValidationError.single(None, found, root="TimeRef.parse", code="date")
        moment, precision = found
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=tz)
        return cls(start=moment, precision=precision, text=text.strip(), approximate=approximate)

    @classmethod
    def relative(cls, text: str, *, anchor: datetime | TimeRef) -> TimeRef:
        """Resolve an expression relative to ``anchor`` (usually the publication time).

        Understood, in any letter case and with a leading "on", "earlier",
        "earlier on", "later on", "late on" or "early on" (see the how-to guide for
        the full list):

        - a weekday ("Wednesday", "on Thursday"): the most recent such day on or
          before the anchor's day, never a future one; "last Wednesday" is
          strictly before it;
        - "today", "tonight", "this morning", "this afternoon", "this evening",
          "yesterday", "the day before yesterday";
        - "this week", "last week" (ISO weeks), "this month", "last month",
          "this year", "last year", "earlier this week/month/year";
        - "N days/weeks/months/years ago" (N in digits or one to twelve);
        - the future, for what is expected: "tomorrow", "next Tuesday" (strictly
          after the anchor's day), "next week",
          "next month", "next year"; "in the coming days" (from the next day,
          marked approximate) and "in the coming weeks" (from the next week,
          approximate).

        The result is in the anchor's zone and keeps ``text``. Anything else is a
        :class:`~newsevents.ValidationError`: the method never guesses.

        >>> from datetime import datetime, UTC
        >>> published = datetime(2022, 7, 28, 22, 23, tzinfo=UTC)  # a Thursday
        >>> TimeRef.relative("On Wednesday", anchor=published).start.date().isoformat()
        '2022-07-27'
        >>> TimeRef.relative("earlier on Thursday", anchor=published).start.date().isoformat()
        '2022-07-28'
        >>> TimeRef.relative("last month", anchor=published).start.date().isoformat()
        '2022-06-01'
        """
        moment = anchor.start if isinstance(anchor, TimeRef) else anchor
        if not isinstance(moment, datetime) or moment.utcoffset() is None:
            raise ValidationError.single(
                "TimeRef.relative.anchor",
                f"expected a timezone-aware datetime or a TimeRef, found {describe(anchor)}",
            )
        if not isinstance(text, str):
            raise ValidationError.single("TimeRef.relative", f"expected str, found {describe(text)}")
        try:
            resolved = resolve(text, moment)
            if resolved is not None:
                start, precision, approximate = resolved
                start = precision.truncate(start)
        except (OverflowError, ValueError):
            raise ValidationError.single(
                "TimeRef.relative",
                f"{text.strip()!r} relative to {moment.isoformat()} falls outside years 1 to 9999",
            ) from None
        if resolved is None:
            raise ValidationError.single(
                "TimeRef.relative",
                f"expected a relative date expression such as 'on Wednesday' or 'last month',"
                f" found {describe(text)}",
            )
        return cls(
            start=start,
            precision=precision,
            text=text.strip(),
            approximate=approximate,
        )


# Two defaults that differ in every field: whatever the parse leaves equal to the
# default in both runs was not in the text. Day 2/3 and month 1/2 exist in every year.
_DEFAULT_A = datetime(2000, 1, 2, 3, 4, 5)
_DEFAULT_B = datetime(2001, 2, 3, 5, 6, 7)
_ORDER = ("year", "month", "day", "hour", "minute", "second")
_PRECISIONS = (
    Precision.YEAR,
    Precision.MONTH,
    Precision.DAY,
    Precision.HOUR,
    Precision.MINUTE,
    Precision.SECOND,
)
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?!\d)")
_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_WORD = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)


class _NamedZoneError(ValueError):
    """A zone given by name: dateutil would guess (a machine's local "EST" or "MSK")."""


# "Z" is UTC to dateutil like "GMT" and "UTC": "Z+01:00" is read the POSIX way, as -01:00.
_POSIX_OFFSET = re.compile(r"(?:\b(?:GMT|UTC)|Z)\s*[+-]\s*\d", re.IGNORECASE)
# "+01:00 (UTC)": dateutil takes the name in parentheses and drops the offset.
_OFFSET_AND_UTC_NAME = re.compile(r"[+-]\s*(\d{4}|\d{1,2}(?::\d{2})?)[\s,.;/]*\(\s*(?:UTC|GMT)\s*\)")


def _zone(name: str | None, offset: int | None) -> tzinfo | None:
    # Called by dateutil for every parse: numeric offsets and UTC are exact; a zone
    # name is not (dateutil reads the machine's own zone names as local time).
    if name is None:
        return None if offset is None else timezone(timedelta(seconds=offset))
    if offset == 0 and name.upper() in ("UTC", "GMT", "Z"):
        return UTC
    raise _NamedZoneError(name)


_ISO_WEEK = re.compile(r"\s*(\d{4})-?W(\d{2})(?:-?([0-9]))?\s*")
_ISO_NUMERIC = re.compile(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=$|[T\s])")
_MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _parse_parts(text: str) -> tuple[datetime, Precision] | str:
    """The start and precision a text gives, or a message naming the part that is wrong."""
    unreadable = f"expected a date expression, found {describe(text)}"
    week = _ISO_WEEK.fullmatch(text)
    if week is not None:
        return _iso_week(text, *week.groups())
    numeric = _ISO_NUMERIC.match(text)
    if numeric is not None:
        problem = _numeric_date_problem(text, *numeric.groups())
        if problem is not None:
            return problem
    if not _YEAR.search(text) or _POSIX_OFFSET.search(text) or _NUMERIC_DATE.search(text):
        # A year must be written in four digits ("99" would be guessed as 1999). "GMT+3"
        # means UTC-3 to POSIX and UTC+3 to most readers, and 07/08/2022 is July or
        # August depending on the reader: all refused rather than guessed.
        return unreadable
    clash = _OFFSET_AND_UTC_NAME.search(text)
    if clash is not None and clash.group(1).strip("0:"):
        return (
            "expected a UTC offset that agrees with the zone name,"
            f" found {clash.group()!r} in {describe(text)}"
        )
    from dateutil import parser as _dateparser  # noqa: PLC0415 -- a 16 ms import, needed only here

    try:
        a = _dateparser.parse(text, default=_DEFAULT_A, tzinfos=_zone)
        b = _dateparser.parse(text, default=_DEFAULT_B, tzinfos=_zone)
    except _NamedZoneError as exc:
        return (
            f"expected a UTC offset such as +03:00 (or UTC, GMT, Z), found the zone name {exc.args[0]!r}"
            f" in {describe(text)}; zone abbreviations are ambiguous, so newsevents does not guess them"
        )
    except (ValueError, OverflowError):
        return unreadable
    given = [getattr(a, f) == getattr(b, f) for f in _ORDER]
    if not given[0]:
        return unreadable
    depth = 0
    while depth < len(given) and given[depth]:
        depth += 1
    if any(given[depth:]):
        return unreadable  # a gap such as "28 2022" (day without month)
    if a.microsecond and depth == len(given):
        return unreadable  # fractions of a second are finer than any precision
    named = _WEEKDAY_WORD.search(text)
    if named and depth >= 3 and _WEEKDAY_NAMES.index(named.group(1).lower()) != a.weekday():
        # "Monday 28 July 2022": that day was a Thursday
        return (
            f"expected a weekday that agrees with the date, found {named.group()!r}:"
            f" {a.day} {_MONTH_NAMES[a.month - 1]} {a.year} is a {_DAY_NAMES[a.weekday()]}"
        )
    return _PRECISIONS[depth - 1].truncate(a), _PRECISIONS[depth - 1]


def _iso_week(text: str, year: str, week: str, day: str | None) -> tuple[datetime, Precision] | str:
    """An ISO 8601 week (``2023-W13``), or a day of one (``2023-W13-2``)."""
    weeks = date(int(year), 12, 28).isocalendar().week  # 28 December is always in the year's last week
    if not 1 <= int(week) <= weeks:
        return f"expected a week from 1 to {weeks} of {year}, found week {int(week)} in {describe(text)}"
    if day is not None and not 1 <= int(day) <= 7:
        return f"expected a weekday from 1 (Monday) to 7 (Sunday), found {day} in {describe(text)}"
    start = date.fromisocalendar(int(year), int(week), int(day or 1))
    return datetime(start.year, start.month, start.day), Precision.WEEK if day is None else Precision.DAY


def _numeric_date_problem(text: str, year: str, month: str, day: str | None) -> str | None:
    """What is wrong with the month or the day of ``2023-13-01``, if anything."""
    if not 1 <= int(month) <= 12:
        return f"expected a month from 1 to 12, found month {int(month)} in {describe(text)}"
    if day is not None:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            name = f"{_MONTH_NAMES[int(month) - 1]} {year}"
            return f"expected a day from 1 to {last} of {name}, found day {int(day)} in {describe(text)}"
    return None
