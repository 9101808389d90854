"""Precision and TimeRef: truncation, periods, the constructors of, at, parse and relative, and equality."""

from __future__ import annotations

import datetime as datetime_module
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from dateutil.parser import _parser as dateutil_parser  # where dateutil reads its clock
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from newsevents import Precision, TimeRef, ValidationError

MSK = ZoneInfo("Europe/Moscow")
NEW_YORK = ZoneInfo("America/New_York")
PLUS_3 = timezone(timedelta(hours=3))
ANCHOR = datetime(2022, 7, 28, 22, 23, tzinfo=UTC)  # a Thursday
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNKNOWN_RELATIVE = "expected a relative date expression such as 'on Wednesday' or 'last month', found {!r}"


def details(excinfo: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(e.path, e.message) for e in excinfo.value.errors]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# --- Precision ------------------------------------------------------------------------------------------


def test_precisions_are_ordered_coarsest_first():
    assert [p.value for p in Precision] == ["year", "month", "week", "day", "hour", "minute", "second"]


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        (Precision.YEAR, utc(2022, 1, 1)),
        (Precision.MONTH, utc(2022, 7, 1)),
        (Precision.WEEK, utc(2022, 7, 25)),
        (Precision.DAY, utc(2022, 7, 28)),
        (Precision.HOUR, utc(2022, 7, 28, 22)),
        (Precision.MINUTE, utc(2022, 7, 28, 22, 23)),
        (Precision.SECOND, utc(2022, 7, 28, 22, 23, 45)),
    ],
)
def test_truncate(precision, expected):
    assert precision.truncate(utc(2022, 7, 28, 22, 23, 45, 123456)) == expected


@pytest.mark.parametrize(
    ("moment", "monday"),
    [
        (utc(2022, 7, 25), utc(2022, 7, 25)),  # a Monday at midnight is its own week's start
        (utc(2022, 7, 25, 13, 5), utc(2022, 7, 25)),
        (utc(2022, 7, 31, 23, 59, 59), utc(2022, 7, 25)),  # Sunday ends the ISO week
        (utc(2022, 8, 1), utc(2022, 8, 1)),
        (utc(2023, 1, 1, 12), utc(2022, 12, 26)),  # across a year boundary
        (utc(2021, 1, 1), utc(2020, 12, 28)),  # ISO week 53 of 2020
        (utc(2024, 3, 2), utc(2024, 2, 26)),  # across 29 February
    ],
)
def test_truncate_to_week_gives_the_iso_monday(moment, monday):
    start = Precision.WEEK.truncate(moment)
    assert start == monday
    assert start.isocalendar().weekday == 1
    assert start.isocalendar()[:2] == moment.isocalendar()[:2]


def test_truncate_keeps_the_zone_and_works_on_local_time():
    moment = datetime(2022, 7, 28, 2, 30, tzinfo=MSK)  # still 27 July in UTC
    start = Precision.DAY.truncate(moment)
    assert start.tzinfo is MSK
    assert start.isoformat() == "2022-07-28T00:00:00+03:00"
    assert Precision.WEEK.truncate(moment).isoformat() == "2022-07-25T00:00:00+03:00"


@pytest.mark.parametrize(
    ("precision", "step"),
    [
        (Precision.YEAR, relativedelta(years=1)),
        (Precision.MONTH, relativedelta(months=1)),
        (Precision.WEEK, relativedelta(weeks=1)),
        (Precision.DAY, relativedelta(days=1)),
        (Precision.HOUR, relativedelta(hours=1)),
        (Precision.MINUTE, relativedelta(minutes=1)),
        (Precision.SECOND, relativedelta(seconds=1)),
    ],
)
def test_step(precision, step):
    assert precision.step == step


# --- TimeRef construction -------------------------------------------------------------------------------


def test_timeref_defaults():
    ref = TimeRef(start=utc(2022, 7, 28))
    assert ref.precision is Precision.DAY
    assert ref.text is None
    assert ref.approximate is False


@pytest.mark.parametrize(
    ("start", "precision"),
    [
        (utc(2022, 1, 1), Precision.YEAR),
        (utc(2022, 7, 1), Precision.MONTH),
        (utc(2022, 7, 25), Precision.WEEK),
        (utc(2022, 7, 28), Precision.DAY),
        (utc(2022, 7, 28, 22), Precision.HOUR),
        (utc(2022, 7, 28, 22, 23), Precision.MINUTE),
        (utc(2022, 7, 28, 22, 23, 45), Precision.SECOND),
        (datetime(2022, 7, 28, tzinfo=MSK), Precision.DAY),
    ],
)
def test_timeref_accepts_a_truncated_aware_start(start, precision):
    ref = TimeRef(start=start, precision=precision)
    assert ref.start == start
    assert ref.precision is precision


@pytest.mark.parametrize(
    ("start", "precision", "expected"),
    [
        (utc(2022, 7, 28), Precision.YEAR, "2022-01-01T00:00:00+00:00"),
        (utc(2022, 7, 28), Precision.MONTH, "2022-07-01T00:00:00+00:00"),
        (utc(2022, 7, 28), Precision.WEEK, "2022-07-25T00:00:00+00:00"),
        (utc(2022, 7, 28, 22), Precision.DAY, "2022-07-28T00:00:00+00:00"),
        (utc(2022, 7, 28, 22, 23), Precision.HOUR, "2022-07-28T22:00:00+00:00"),
        (utc(2022, 7, 28, 22, 23, 45), Precision.MINUTE, "2022-07-28T22:23:00+00:00"),
        (utc(2022, 7, 28, 22, 23, 45, 5), Precision.SECOND, "2022-07-28T22:23:45+00:00"),
    ],
)
def test_timeref_rejects_a_start_not_truncated_to_its_precision(start, precision, expected):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef(start=start, precision=precision)
    assert details(excinfo) == [
        (
            "TimeRef.start",
            f"expected a start truncated to {precision.value} precision ({expected}),"
            f" found {start.isoformat()}",
        )
    ]


def test_timeref_truncation_is_checked_in_the_start_zone():
    # Midnight UTC is 03:00 in Moscow: not the start of a Moscow day.
    start = datetime(2022, 7, 28, 3, tzinfo=MSK)
    with pytest.raises(ValidationError) as excinfo:
        TimeRef(start=start)
    assert details(excinfo) == [
        (
            "TimeRef.start",
            "expected a start truncated to day precision (2022-07-28T00:00:00+03:00),"
            " found 2022-07-28T03:00:00+03:00",
        )
    ]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"start": datetime(2022, 7, 28)},
            [("TimeRef.start", "expected a timezone-aware datetime, found naive 2022-07-28T00:00:00")],
        ),
        ({"start": "2022-07-28"}, [("TimeRef.start", "expected datetime, found '2022-07-28'")]),
        (
            {"start": date(2022, 7, 28)},
            [("TimeRef.start", "expected datetime, found date (datetime.date(2022, 7, 28))")],
        ),
        (
            {"start": utc(2022, 7, 28), "precision": "day"},
            [("TimeRef.precision", "expected a Precision, found 'day' (did you mean Precision.DAY?)")],
        ),
        (
            {"start": utc(2022, 7, 28), "text": " on Thursday"},
            [("TimeRef.text", "expected no leading or trailing white space, found ' on Thursday'")],
        ),
        ({"start": utc(2022, 7, 28), "text": ""}, [("TimeRef.text", "must not be blank, found ''")]),
        (
            {"start": utc(2022, 7, 28), "approximate": 1},
            [("TimeRef.approximate", "expected bool, found int (1)")],
        ),
        (
            {"start": datetime(2022, 7, 28, 1), "precision": 1, "approximate": "yes"},
            [
                ("TimeRef.start", "expected a timezone-aware datetime, found naive 2022-07-28T01:00:00"),
                ("TimeRef.precision", "expected a Precision, found int (1)"),
                ("TimeRef.approximate", "expected bool, found 'yes'"),
            ],
        ),
    ],
)
def test_timeref_rejects(kwargs, expected):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef(**kwargs)
    assert details(excinfo) == expected


# --- end and contains -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "precision", "end"),
    [
        (utc(2022, 1, 1), Precision.YEAR, utc(2023, 1, 1)),
        (utc(2024, 1, 1), Precision.YEAR, utc(2025, 1, 1)),
        (utc(2022, 7, 1), Precision.MONTH, utc(2022, 8, 1)),
        (utc(2022, 12, 1), Precision.MONTH, utc(2023, 1, 1)),
        (utc(2022, 1, 1), Precision.MONTH, utc(2022, 2, 1)),
        (utc(2023, 2, 1), Precision.MONTH, utc(2023, 3, 1)),
        (utc(2024, 2, 1), Precision.MONTH, utc(2024, 3, 1)),
        (utc(2000, 2, 1), Precision.MONTH, utc(2000, 3, 1)),
        (utc(2022, 7, 25), Precision.WEEK, utc(2022, 8, 1)),
        (utc(2022, 12, 26), Precision.WEEK, utc(2023, 1, 2)),
        (utc(2022, 7, 28), Precision.DAY, utc(2022, 7, 29)),
        (utc(2022, 12, 31), Precision.DAY, utc(2023, 1, 1)),
        (utc(2023, 2, 28), Precision.DAY, utc(2023, 3, 1)),
        (utc(2024, 2, 28), Precision.DAY, utc(2024, 2, 29)),
        (utc(2024, 2, 29), Precision.DAY, utc(2024, 3, 1)),
        (utc(2022, 7, 28, 23), Precision.HOUR, utc(2022, 7, 29)),
        (utc(2022, 12, 31, 23, 59), Precision.MINUTE, utc(2023, 1, 1)),
        (utc(2022, 7, 28, 22, 23, 59), Precision.SECOND, utc(2022, 7, 28, 22, 24)),
    ],
)
def test_end_is_the_exclusive_end_of_the_period(start, precision, end):
    ref = TimeRef(start=start, precision=precision)
    assert ref.end == end
    assert ref.contains(end - timedelta(microseconds=1))
    assert not ref.contains(end)


def test_end_keeps_the_zone():
    end = TimeRef.of(2022, 7, tz=MSK).end
    # A named zone is kept as its UTC offset at the start (all that JSON can carry).
    assert end.tzinfo == timezone(timedelta(hours=3))
    assert end.isoformat() == "2022-08-01T00:00:00+03:00"


@pytest.mark.parametrize(
    ("moment", "inside"),
    [
        (utc(2022, 7, 28), True),
        (utc(2022, 7, 28, 12), True),
        (utc(2022, 7, 28, 23, 59, 59, 999999), True),
        (utc(2022, 7, 29), False),
        (utc(2022, 7, 27, 23, 59, 59, 999999), False),
        (datetime(2022, 7, 29, 2, 59, tzinfo=MSK), True),  # 23:59 UTC on the 28th
        (datetime(2022, 7, 29, 3, 0, tzinfo=MSK), False),  # midnight UTC on the 29th
        (datetime(2022, 7, 28, 2, 59, tzinfo=MSK), False),  # 23:59 UTC on the 27th
    ],
)
def test_contains(moment, inside):
    assert TimeRef.of(2022, 7, 28).contains(moment) is inside


# --- TimeRef.of -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "precision", "start"),
    [
        ((2022,), Precision.YEAR, utc(2022, 1, 1)),
        ((2022, 7), Precision.MONTH, utc(2022, 7, 1)),
        ((2022, 7, 28), Precision.DAY, utc(2022, 7, 28)),
        ((2022, 7, 28, 22), Precision.HOUR, utc(2022, 7, 28, 22)),
        ((2022, 7, 28, 22, 23), Precision.MINUTE, utc(2022, 7, 28, 22, 23)),
        ((2022, 7, 28, 22, 23, 45), Precision.SECOND, utc(2022, 7, 28, 22, 23, 45)),
        ((2024, 2, 29), Precision.DAY, utc(2024, 2, 29)),
    ],
)
def test_of_takes_the_precision_from_the_parts(parts, precision, start):
    ref = TimeRef.of(*parts)
    assert ref.precision is precision
    assert ref.start == start
    assert ref.start.tzinfo is UTC


def test_of_keyword_parts():
    assert TimeRef.of(year=2022, month=7, day=28, hour=22) == TimeRef(
        start=utc(2022, 7, 28, 22), precision=Precision.HOUR
    )


def test_of_keeps_text_and_approximate():
    ref = TimeRef.of(2022, 7, text="July 2022", approximate=True)
    assert ref.text == "July 2022"
    assert ref.approximate is True


def test_of_honours_the_tz_argument():
    ref = TimeRef.of(2022, 7, 28, 10, tz=MSK)
    assert ref.start.utcoffset() == timedelta(hours=3)
    assert ref.start.tzinfo == timezone(timedelta(hours=3))
    assert ref.start.utcoffset() == timedelta(hours=3)
    assert ref.start.isoformat() == "2022-07-28T10:00:00+03:00"
    assert ref.start == utc(2022, 7, 28, 7)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"year": 2022, "day": 28}, "day given without month"),
        ({"year": 2022, "month": 7, "hour": 10}, "hour given without day"),
        ({"year": 2022, "month": 7, "day": 28, "minute": 5}, "minute given without hour"),
        ({"year": 2022, "month": 7, "day": 28, "hour": 1, "second": 5}, "second given without minute"),
        ({"year": None, "month": 7}, "month given without year"),
        ({"year": 2022, "second": 5}, "second given without month"),
    ],
)
def test_of_rejects_a_gap_in_the_parts(kwargs, message):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.of(**kwargs)
    assert details(excinfo) == [("TimeRef.of", message)]


def _calendar_error(*parts: int) -> str:
    """What datetime() says of these parts, with the missing month and day filled in as 1."""
    padded = (*parts, 1, 1)[: max(3, len(parts))]
    try:
        datetime(*padded, tzinfo=UTC)
    except ValueError as exc:
        return str(exc)
    raise AssertionError(f"{parts} is a calendar date")


@pytest.mark.parametrize(
    "parts",
    [
        (2022, 2, 30),
        (2023, 2, 29),
        (2022, 4, 31),
        (2022, 13),
        (2022, 0),
        (2022, 7, 0),
        (2022, 7, 28, 24),
        (2022, 7, 28, 1, 60),
        (0,),
    ],
)
def test_of_rejects_a_date_not_in_the_calendar(parts):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.of(*parts)
    assert details(excinfo) == [("TimeRef.of", f"not a calendar date: {_calendar_error(*parts)}")]


@pytest.mark.parametrize(
    ("args", "path", "found"),
    [
        ((True,), "TimeRef.of.year", "bool (True)"),
        ((2022, True), "TimeRef.of.month", "bool (True)"),
        ((2022, 7, False), "TimeRef.of.day", "bool (False)"),
        ((2022, 7, 28, True), "TimeRef.of.hour", "bool (True)"),
        (("2022",), "TimeRef.of.year", "'2022'"),
        ((2022, 7.0), "TimeRef.of.month", "float (7.0)"),
        ((None,), "TimeRef.of.year", "null"),
    ],
)
def test_of_rejects_non_int_parts_and_a_bool_is_not_an_int(args, path, found):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.of(*args)
    assert details(excinfo) == [(path, f"expected int, found {found}")]


# --- TimeRef.at -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("precision", "start"),
    [
        (Precision.YEAR, utc(2022, 1, 1)),
        (Precision.MONTH, utc(2022, 7, 1)),
        (Precision.WEEK, utc(2022, 7, 25)),
        (Precision.DAY, utc(2022, 7, 28)),
        (Precision.HOUR, utc(2022, 7, 28, 22)),
        (Precision.MINUTE, utc(2022, 7, 28, 22, 23)),
        (Precision.SECOND, utc(2022, 7, 28, 22, 23, 45)),
    ],
)
def test_at_gives_the_period_containing_the_moment(precision, start):
    moment = utc(2022, 7, 28, 22, 23, 45, 678)
    ref = TimeRef.at(moment, precision)
    assert ref.start == start
    assert ref.precision is precision
    assert ref.contains(moment)


def test_at_defaults_to_day_and_keeps_text_and_approximate():
    ref = TimeRef.at(ANCHOR, text="on Thursday", approximate=True)
    assert ref == TimeRef(start=utc(2022, 7, 28), text="on Thursday", approximate=True)


def test_at_keeps_the_zone_of_the_moment():
    ref = TimeRef.at(datetime(2022, 7, 28, 1, 30, tzinfo=MSK))
    assert ref.start.tzinfo == timezone(timedelta(hours=3))
    assert ref.start.isoformat() == "2022-07-28T00:00:00+03:00"


def test_at_rejects_a_naive_moment():
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.at(datetime(2022, 7, 28, 22, 23))
    assert details(excinfo) == [
        ("TimeRef.start", "expected a timezone-aware datetime, found naive 2022-07-28T22:23:00")
    ]


def test_at_rejects_a_non_datetime():
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.at("2022-07-28")
    assert details(excinfo) == [("TimeRef.start", "expected datetime, found '2022-07-28'")]


# --- TimeRef.parse --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision", "start"),
    [
        ("28 Jul, 2022 22:23", Precision.MINUTE, "2022-07-28T22:23:00+00:00"),
        ("July 2022", Precision.MONTH, "2022-07-01T00:00:00+00:00"),
        ("Jul 2022", Precision.MONTH, "2022-07-01T00:00:00+00:00"),
        ("2012", Precision.YEAR, "2012-01-01T00:00:00+00:00"),
        ("28 July 2022", Precision.DAY, "2022-07-28T00:00:00+00:00"),
        ("July 28, 2022", Precision.DAY, "2022-07-28T00:00:00+00:00"),
        ("2022-07-28", Precision.DAY, "2022-07-28T00:00:00+00:00"),
        ("2024-02-29", Precision.DAY, "2024-02-29T00:00:00+00:00"),
        ("28 Jul 2022 10pm", Precision.HOUR, "2022-07-28T22:00:00+00:00"),
        ("2022-07-28 22:23:45", Precision.SECOND, "2022-07-28T22:23:45+00:00"),
        ("2022-07-28T22:23:00+03:00", Precision.SECOND, "2022-07-28T22:23:00+03:00"),
        ("2022-07-28T22:23+03:00", Precision.MINUTE, "2022-07-28T22:23:00+03:00"),
        ("2022-07-28T22:23:00-05:30", Precision.SECOND, "2022-07-28T22:23:00-05:30"),
    ],
)
def test_parse(text, precision, start):
    ref = TimeRef.parse(text)
    assert ref.precision is precision
    assert ref.start.isoformat() == start
    assert ref.text == text
    assert ref.approximate is False


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("2022-07-28T22:23:00+03:00", timedelta(hours=3)),
        ("2022-07-28T22:23:00-05:30", timedelta(hours=-5, minutes=-30)),
        ("2022-07-28T22:23:00Z", timedelta(0)),
    ],
)
def test_parse_keeps_the_offset_of_the_text_over_the_tz_argument(text, offset):
    ref = TimeRef.parse(text, tz=NEW_YORK)
    assert ref.start.utcoffset() == offset
    assert ref.start.replace(tzinfo=None) == datetime(2022, 7, 28, 22, 23)


def test_parse_honours_the_tz_argument_when_the_text_has_no_zone():
    ref = TimeRef.parse("28 July 2022 10:00", tz=MSK)
    assert ref.start.tzinfo == timezone(timedelta(hours=3))
    assert ref.start.isoformat() == "2022-07-28T10:00:00+03:00"


def test_parse_strips_the_text_and_keeps_approximate():
    ref = TimeRef.parse("  July 2022 ", approximate=True)
    assert ref.text == "July 2022"
    assert ref.approximate is True
    assert ref.start == utc(2022, 7, 1)


@pytest.mark.parametrize(
    "text",
    [
        "July",
        "28 July",
        "Jul 28",
        "12",
        "300 people gathered",
        "when pigs fly",
        "yesterday",
        "",
        "   ",
        "28 2022",  # a day without a month
        "2022-07-28 22:23:45.5",  # finer than a second
        "30 February 2022",
        # "Z" is UTC: with an offset after it, as with "GMT+3", the reading depends on the reader.
        "28 July 2022 10:00 Z+01:00",
        "2022-07-28T10:00Z+01:00",
        "28 July 2022 10:00 Z -3",
        "28 July 2022 10:00 z-03:00",
    ],
)
def test_parse_rejects(text):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.parse(text)
    assert details(excinfo) == [("TimeRef.parse", f"expected a date expression, found {text!r}")]


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set the local zone of the process (the TZ variable) for one test, then restore it."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("zone", "text"),
    [
        # On a New York machine dateutil reads "EST" as the local zone, which in July is EDT (-04:00).
        ("America/New_York", "28 July 2022 10:00 EST"),
        ("Europe/Moscow", "28 July 2022 10:00 MSK"),
    ],
)
def test_parse_rejects_a_zone_name_whatever_the_machine_zone(machine_zone, zone, text):
    machine_zone(zone)
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.parse(text)
    assert details(excinfo) == [("TimeRef.parse", _zone_name_message(text[-3:], text))]


def _zone_name_message(name: str, text: str) -> str:
    return (
        f"expected a UTC offset such as +03:00 (or UTC, GMT, Z), found the zone name {name!r} in {text!r};"
        " zone abbreviations are ambiguous, so newsevents does not guess them"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-13-01", "expected a month from 1 to 12, found month 13 in '2023-13-01'"),
        ("2023-13", "expected a month from 1 to 12, found month 13 in '2023-13'"),
        ("2023-00-10", "expected a month from 1 to 12, found month 0 in '2023-00-10'"),
        ("2023-02-29", "expected a day from 1 to 28 of February 2023, found day 29 in '2023-02-29'"),
        ("2023-04-31 10:00", "expected a day from 1 to 30 of April 2023, found day 31 in '2023-04-31 10:00'"),
        (
            "Monday 28 July 2022",
            "expected a weekday that agrees with the date, found 'Monday': 28 July 2022 is a Thursday",
        ),
        (
            "Wed, 28 March 2023 10:00",
            "expected a weekday that agrees with the date, found 'Wed': 28 March 2023 is a Tuesday",
        ),
        ("2023-W54", "expected a week from 1 to 52 of 2023, found week 54 in '2023-W54'"),
        ("2023-W53", "expected a week from 1 to 52 of 2023, found week 53 in '2023-W53'"),
        ("2023-W00", "expected a week from 1 to 52 of 2023, found week 0 in '2023-W00'"),
        ("2023-W13-8", "expected a weekday from 1 (Monday) to 7 (Sunday), found 8 in '2023-W13-8'"),
        ("28 March 2023 10:00 MSK", _zone_name_message("MSK", "28 March 2023 10:00 MSK")),
        ("10:00 MSK 2022", _zone_name_message("MSK", "10:00 MSK 2022")),
        # An offset of zero does not make a zone name readable: BST is +01:00, and the name is refused.
        ("28 July 2022 10:00 +00:00 (BST)", _zone_name_message("BST", "28 July 2022 10:00 +00:00 (BST)")),
        ("300 people gathered", "expected a date expression, found '300 people gathered'"),
    ],
)
def test_parse_names_the_part_that_failed(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.parse(text)
    (detail,) = excinfo.value.errors
    assert (detail.path, detail.root, detail.location, detail.code) == (
        "TimeRef.parse",
        "TimeRef.parse",
        (),
        "date",
    )
    assert detail.message == message


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("2023-W13", datetime(2023, 3, 27, tzinfo=UTC), Precision.WEEK),
        ("2023W13", datetime(2023, 3, 27, tzinfo=UTC), Precision.WEEK),
        ("2020-W53", datetime(2020, 12, 28, tzinfo=UTC), Precision.WEEK),  # 2020 has 53 ISO weeks
        ("2023-W01", datetime(2023, 1, 2, tzinfo=UTC), Precision.WEEK),  # week 1 holds the first Thursday
        ("2023-W13-2", datetime(2023, 3, 28, tzinfo=UTC), Precision.DAY),
        ("2023-W13-7", datetime(2023, 4, 2, tzinfo=UTC), Precision.DAY),
    ],
)
def test_parse_reads_an_iso_week(text: str, start: datetime, precision: Precision) -> None:
    ref = TimeRef.parse(text)
    assert (ref.start, ref.precision, ref.text) == (start, precision, text)


def test_parse_an_iso_week_in_a_zone() -> None:
    ref = TimeRef.parse("2023-W13", tz=MSK)
    assert ref.start == datetime(2023, 3, 27, tzinfo=MSK)
    assert ref.end == datetime(2023, 4, 3, tzinfo=MSK)


def test_parse_rejects_a_non_string():
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.parse(2022)
    assert details(excinfo) == [("TimeRef.parse", "expected str, found int (2022)")]


# --- TimeRef.relative -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weekday", "day"),
    [
        ("monday", date(2022, 7, 25)),
        ("tuesday", date(2022, 7, 26)),
        ("wednesday", date(2022, 7, 27)),
        ("thursday", date(2022, 7, 28)),
        ("friday", date(2022, 7, 22)),
        ("saturday", date(2022, 7, 23)),
        ("sunday", date(2022, 7, 24)),
    ],
)
@pytest.mark.parametrize("form", ["{}", "on {}", "On {}", "{} morning", "earlier on {}", "ON {}"])
def test_a_weekday_is_the_most_recent_such_day_on_or_before_the_anchor(weekday, day, form):
    text = form.format(weekday.capitalize() if form.startswith("On") else weekday)
    ref = TimeRef.relative(text, anchor=ANCHOR)
    assert ref.start == datetime(day.year, day.month, day.day, tzinfo=UTC)
    assert ref.precision is Precision.DAY
    assert ref.text == text
    assert ref.approximate is False


@pytest.mark.parametrize(
    ("text", "start", "precision", "approximate"),
    [
        ("On Wednesday", utc(2022, 7, 27), Precision.DAY, False),
        ("earlier on Thursday", utc(2022, 7, 28), Precision.DAY, False),
        ("last Thursday", utc(2022, 7, 21), Precision.DAY, False),
        ("last Wednesday", utc(2022, 7, 27), Precision.DAY, False),
        ("next Tuesday", utc(2022, 8, 2), Precision.DAY, False),
        ("next Thursday", utc(2022, 8, 4), Precision.DAY, False),
        ("next Friday", utc(2022, 7, 29), Precision.DAY, False),
        ("today", utc(2022, 7, 28), Precision.DAY, False),
        ("tonight", utc(2022, 7, 28), Precision.DAY, False),
        ("this morning", utc(2022, 7, 28), Precision.DAY, False),
        ("yesterday", utc(2022, 7, 27), Precision.DAY, False),
        ("Yesterday evening", utc(2022, 7, 27), Precision.DAY, False),
        ("the day before yesterday", utc(2022, 7, 26), Precision.DAY, False),
        ("tomorrow", utc(2022, 7, 29), Precision.DAY, False),
        ("last week", utc(2022, 7, 18), Precision.WEEK, False),
        ("this week", utc(2022, 7, 25), Precision.WEEK, False),
        ("earlier this week", utc(2022, 7, 25), Precision.WEEK, False),
        ("next week", utc(2022, 8, 1), Precision.WEEK, False),
        ("last month", utc(2022, 6, 1), Precision.MONTH, False),
        ("this month", utc(2022, 7, 1), Precision.MONTH, False),
        ("earlier this month", utc(2022, 7, 1), Precision.MONTH, False),
        ("next month", utc(2022, 8, 1), Precision.MONTH, False),
        ("last year", utc(2021, 1, 1), Precision.YEAR, False),
        ("this year", utc(2022, 1, 1), Precision.YEAR, False),
        ("next year", utc(2023, 1, 1), Precision.YEAR, False),
        ("3 days ago", utc(2022, 7, 25), Precision.DAY, False),
        ("a day ago", utc(2022, 7, 27), Precision.DAY, False),
        ("two weeks ago", utc(2022, 7, 11), Precision.WEEK, False),
        ("three months ago", utc(2022, 4, 1), Precision.MONTH, False),
        ("12 years ago", utc(2010, 1, 1), Precision.YEAR, False),
        ("in the coming days", utc(2022, 7, 29), Precision.DAY, True),
        ("in the coming weeks", utc(2022, 8, 1), Precision.WEEK, True),
    ],
)
def test_relative(text, start, precision, approximate):
    ref = TimeRef.relative(text, anchor=ANCHOR)
    assert ref.start == start
    assert ref.start.tzinfo is UTC
    assert ref.precision is precision
    assert ref.approximate is approximate
    assert ref.text == text


def test_relative_keeps_the_surface_text_stripped():
    ref = TimeRef.relative("  On Wednesday \n", anchor=ANCHOR)
    assert ref.text == "On Wednesday"
    assert ref.start == utc(2022, 7, 27)


def test_relative_accepts_a_timeref_anchor():
    anchor = TimeRef.of(2022, 7, 28, 22, 23)
    assert TimeRef.relative("yesterday", anchor=anchor).start == utc(2022, 7, 27)
    assert TimeRef.relative("On Wednesday", anchor=TimeRef.of(2022, 7)).start == utc(2022, 6, 29)


def test_relative_resolves_by_the_local_date_of_the_anchor_and_keeps_its_zone():
    anchor = datetime(2022, 7, 28, 21, 0, tzinfo=NEW_YORK)  # already Friday 29 July in UTC
    assert anchor.astimezone(UTC).date() == date(2022, 7, 29)
    today = TimeRef.relative("today", anchor=anchor)
    assert today.start.utcoffset() == timedelta(hours=-4)  # EDT, the anchor's offset
    assert today.start.isoformat() == "2022-07-28T00:00:00-04:00"
    assert TimeRef.relative("On Friday", anchor=anchor).start.isoformat() == "2022-07-22T00:00:00-04:00"
    assert TimeRef.relative("tomorrow", anchor=anchor).start.isoformat() == "2022-07-29T00:00:00-04:00"
    assert TimeRef.relative("last week", anchor=anchor).start.isoformat() == "2022-07-18T00:00:00-04:00"


@pytest.mark.parametrize(
    ("text", "anchor", "start", "precision"),
    [
        ("last month", utc(2023, 1, 15, 9), utc(2022, 12, 1), Precision.MONTH),
        ("yesterday", utc(2023, 1, 1, 9), utc(2022, 12, 31), Precision.DAY),
        ("last week", utc(2023, 1, 4), utc(2022, 12, 26), Precision.WEEK),
        ("On Saturday", utc(2023, 1, 2), utc(2022, 12, 31), Precision.DAY),
        ("tomorrow", utc(2022, 12, 31, 23), utc(2023, 1, 1), Precision.DAY),
        ("next month", utc(2022, 12, 10), utc(2023, 1, 1), Precision.MONTH),
        ("last month", utc(2022, 3, 31), utc(2022, 2, 1), Precision.MONTH),
        ("yesterday", utc(2024, 3, 1), utc(2024, 2, 29), Precision.DAY),
        ("in the coming days", utc(2022, 12, 31, 20), utc(2023, 1, 1), Precision.DAY),
    ],
)
def test_relative_across_month_and_year_boundaries(text, anchor, start, precision):
    ref = TimeRef.relative(text, anchor=anchor)
    assert ref.start == start
    assert ref.precision is precision


@pytest.mark.parametrize(
    ("anchor", "found"),
    [
        (datetime(2022, 7, 28, 22, 23), "datetime (datetime.datetime(2022, 7, 28, 22, 23))"),
        ("2022-07-28", "'2022-07-28'"),
        (None, "null"),
        (date(2022, 7, 28), "date (datetime.date(2022, 7, 28))"),
    ],
)
def test_relative_rejects_an_anchor_that_is_not_aware(anchor, found):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.relative("yesterday", anchor=anchor)
    assert details(excinfo) == [
        ("TimeRef.relative.anchor", f"expected a timezone-aware datetime or a TimeRef, found {found}")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "when pigs fly",
        "",
        "July 2022",
        "last decade",
        "some days ago",
        "Thursdays",
        "on",
        "next next week",
        "in the coming months",
    ],
)
def test_relative_rejects_unknown_text(text):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.relative(text, anchor=ANCHOR)
    assert details(excinfo) == [("TimeRef.relative", UNKNOWN_RELATIVE.format(text))]


def test_relative_rejects_a_non_string():
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.relative(3, anchor=ANCHOR)
    assert details(excinfo) == [("TimeRef.relative", "expected str, found int (3)")]


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("sunday", utc(1, 1, 1)),  # 1 January of year 1 is a Monday: no Sunday before it
        ("last year", utc(1, 6, 1)),
        ("next year", utc(9999, 6, 1)),
        ("tomorrow", utc(9999, 12, 31, 12)),
    ],
)
def test_relative_beyond_the_calendar_is_a_validation_error(text, anchor):
    # The design: every problem with data is a ValidationError, never a bare ValueError or OverflowError.
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.relative(text, anchor=anchor)
    assert [e.path for e in excinfo.value.errors] == ["TimeRef.relative"]


def _whole_minute_week(anchor: datetime) -> bool:
    """Whether the offsets within 8 days of ``anchor`` are whole minutes (the model refuses others)."""
    for days in range(-8, 9):
        try:
            offset = (anchor + timedelta(days=days)).utcoffset()
        except OverflowError:
            continue
        if offset is not None and offset.seconds % 60:
            return False
    return True


# Anchors from the second week of year 1: the most recent of any weekday then always exists.
aware_anchors = st.datetimes(min_value=datetime(1, 1, 8), timezones=st.timezones()).filter(_whole_minute_week)


@given(anchor=aware_anchors, weekday=st.sampled_from(WEEKDAYS))
def test_a_weekday_is_never_in_the_future_and_at_most_six_days_back(anchor, weekday):
    ref = TimeRef.relative(weekday, anchor=anchor)
    back = (anchor.date() - ref.start.date()).days
    assert 0 <= back <= 6
    assert ref.start.weekday() == WEEKDAYS.index(weekday)
    # The anchor's zone, as its offset at the resolved day (a named zone becomes that offset).
    assert ref.start.utcoffset() == ref.start.replace(tzinfo=anchor.tzinfo).utcoffset()
    assert ref.precision is Precision.DAY


@given(anchor=aware_anchors, weekday=st.sampled_from(WEEKDAYS))
def test_last_weekday_is_strictly_before_the_anchor_day_and_at_most_a_week_back(anchor, weekday):
    ref = TimeRef.relative(f"last {weekday}", anchor=anchor)
    back = (anchor.date() - ref.start.date()).days
    assert 1 <= back <= 7
    assert ref.start.weekday() == WEEKDAYS.index(weekday)


@given(
    anchor=st.datetimes(max_value=datetime(9999, 12, 24), timezones=st.timezones()).filter(
        _whole_minute_week
    ),
    weekday=st.sampled_from(WEEKDAYS),
)
def test_next_weekday_is_strictly_after_the_anchor_day_and_at_most_a_week_ahead(anchor, weekday):
    ref = TimeRef.relative(f"next {weekday}", anchor=anchor)
    ahead = (ref.start.date() - anchor.date()).days
    assert 1 <= ahead <= 7
    assert ref.start.weekday() == WEEKDAYS.index(weekday)


# --- equality -------------------------------------------------------------------------------------------


def test_same_instant_in_different_offsets_is_not_equal():
    in_utc = TimeRef(start=utc(2022, 7, 28, 0), precision=Precision.HOUR)
    in_moscow = TimeRef(start=datetime(2022, 7, 28, 3, tzinfo=PLUS_3), precision=Precision.HOUR)
    assert in_utc.start == in_moscow.start  # Python's datetimes call them equal ...
    assert in_utc != in_moscow  # ... but they serialize differently, so the refs are not
    assert len({in_utc, in_moscow}) == 2


def test_same_instant_in_a_named_zone_and_a_fixed_offset_of_the_same_value_is_equal():
    named = TimeRef.of(2022, 7, 28, tz=MSK)
    fixed = TimeRef.of(2022, 7, 28, tz=PLUS_3)
    assert named == fixed
    assert hash(named) == hash(fixed)


@pytest.mark.parametrize("zone", [UTC, timezone(timedelta(0)), ZoneInfo("UTC")])
def test_equal_refs_hash_equal(zone):
    a = TimeRef(start=utc(2022, 7, 28), text="on Thursday")
    b = TimeRef(start=datetime(2022, 7, 28, tzinfo=zone), text="on Thursday")
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1


@pytest.mark.parametrize(
    "other",
    [
        TimeRef(start=utc(2022, 7, 29)),
        TimeRef(start=utc(2022, 7, 28), precision=Precision.HOUR),
        TimeRef(start=utc(2022, 7, 28), text="on Thursday"),
        TimeRef(start=utc(2022, 7, 28), approximate=True),
    ],
)
def test_refs_differing_in_any_field_are_not_equal(other):
    assert TimeRef(start=utc(2022, 7, 28)) != other


# --- Precision.starts: truncate(m) == m, without building the truncated value ----------------------


@given(
    moment=st.datetimes(timezones=st.just(UTC)) | st.datetimes(),
    precision=st.sampled_from(Precision),
)
def test_starts_agrees_with_truncate(moment: datetime, precision: Precision) -> None:
    assert precision.starts(moment) == (precision.truncate(moment) == moment)


@pytest.mark.parametrize(
    ("moment", "precision", "expected"),
    [
        (datetime(2022, 1, 1, tzinfo=UTC), Precision.YEAR, True),
        (datetime(2022, 2, 1, tzinfo=UTC), Precision.YEAR, False),
        (datetime(2022, 1, 1, microsecond=1, tzinfo=UTC), Precision.YEAR, False),
        (datetime(2022, 7, 1, tzinfo=UTC), Precision.MONTH, True),
        (datetime(2022, 7, 2, tzinfo=UTC), Precision.MONTH, False),
        (datetime(2022, 7, 25, tzinfo=UTC), Precision.WEEK, True),  # a Monday
        (datetime(2022, 7, 24, tzinfo=UTC), Precision.WEEK, False),  # a Sunday
        (datetime(2022, 7, 25, 0, 0, 1, tzinfo=UTC), Precision.WEEK, False),
        (datetime(2022, 7, 28, tzinfo=UTC), Precision.DAY, True),
        (datetime(2022, 7, 28, 1, tzinfo=UTC), Precision.DAY, False),
        (datetime(2022, 7, 28, 1, tzinfo=UTC), Precision.HOUR, True),
        (datetime(2022, 7, 28, 1, 1, tzinfo=UTC), Precision.HOUR, False),
        (datetime(2022, 7, 28, 1, 1, tzinfo=UTC), Precision.MINUTE, True),
        (datetime(2022, 7, 28, 1, 1, 1, tzinfo=UTC), Precision.MINUTE, False),
        (datetime(2022, 7, 28, 1, 1, 1, tzinfo=UTC), Precision.SECOND, True),
        (datetime(2022, 7, 28, 1, 1, 1, 1, tzinfo=UTC), Precision.SECOND, False),
    ],
)
def test_starts_at_every_edge(moment: datetime, precision: Precision, expected: bool) -> None:
    assert precision.starts(moment) is expected
    assert (precision.truncate(moment) == moment) is expected


# --- parse at its boundaries (found untested by mutation testing) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("28 July 2022 10:00 GMT", "2022-07-28T10:00:00+00:00"),
        ("28 July 2022 10:00 UTC", "2022-07-28T10:00:00+00:00"),
        ("28 July 2022 10:00 Z", "2022-07-28T10:00:00+00:00"),
        ("2022-07-28T10:00z", "2022-07-28T10:00:00+00:00"),
        ("28 July 2022 10:00 +00:00 (GMT)", "2022-07-28T10:00:00+00:00"),
    ],
)
def test_parse_reads_each_name_of_utc_as_utc_whatever_the_tz_argument(text: str, start: str) -> None:
    ref = TimeRef.parse(text, tz=MSK)
    assert ref.start.isoformat() == start
    assert ref.start.tzinfo is UTC
    assert ref.precision is Precision.MINUTE


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("2023-W13-1", datetime(2023, 3, 27, tzinfo=UTC), Precision.DAY),  # weekday 1 is Monday
        ("2025-W52", datetime(2025, 12, 22, tzinfo=UTC), Precision.WEEK),  # 29 Dec 2025 is in 2026-W01
        ("2014-W52", datetime(2014, 12, 22, tzinfo=UTC), Precision.WEEK),  # 29 Dec 2014 is in 2015-W01
        ("2025-W52-7", datetime(2025, 12, 28, tzinfo=UTC), Precision.DAY),
        ("2023-12", datetime(2023, 12, 1, tzinfo=UTC), Precision.MONTH),
        ("2023-12-31", datetime(2023, 12, 31, tzinfo=UTC), Precision.DAY),
        ("2023-01-01", datetime(2023, 1, 1, tzinfo=UTC), Precision.DAY),
    ],
)
def test_parse_accepts_the_first_and_last_week_weekday_and_month(
    text: str, start: datetime, precision: Precision
) -> None:
    ref = TimeRef.parse(text)
    assert (ref.start, ref.precision) == (start, precision)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-W53", "expected a week from 1 to 52 of 2025, found week 53 in '2025-W53'"),
        ("2020-W54", "expected a week from 1 to 53 of 2020, found week 54 in '2020-W54'"),
        ("2023-W13-0", "expected a weekday from 1 (Monday) to 7 (Sunday), found 0 in '2023-W13-0'"),
        ("2023-12-32", "expected a day from 1 to 31 of December 2023, found day 32 in '2023-12-32'"),
    ],
)
def test_parse_refuses_just_past_the_first_and_last_week_weekday_and_day(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.parse(text)
    assert details(excinfo) == [("TimeRef.parse", message)]


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    """Set the date dateutil takes as today (it fills the parts a text leaves out from it) for one test."""

    def set_today(moment: datetime) -> None:
        class FrozenDatetime(datetime):
            @classmethod
            def now(cls, tz=None):
                return moment

        clock = type(datetime_module)("datetime")
        clock.__dict__.update(vars(datetime_module))
        clock.datetime = FrozenDatetime
        monkeypatch.setattr(dateutil_parser, "datetime", clock)

    return set_today


@pytest.mark.parametrize("day", [date(2000, 1, 2), date(2001, 2, 3), date(2024, 2, 29), date(2022, 7, 28)])
@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("2012", utc(2012, 1, 1), Precision.YEAR),
        ("February 2012", utc(2012, 2, 1), Precision.MONTH),
        ("July 2022", utc(2022, 7, 1), Precision.MONTH),
        ("28 July 2022", utc(2022, 7, 28), Precision.DAY),
        ("28 July 2022 10pm", utc(2022, 7, 28, 22), Precision.HOUR),
    ],
)
def test_parse_does_not_depend_on_the_day_it_runs(today, day, text, start, precision):
    # dateutil fills the parts a text leaves out from today's date: none of them may leak into the result.
    today(datetime(day.year, day.month, day.day, 3, 4, 5))
    ref = TimeRef.parse(text)
    assert (ref.start, ref.precision) == (start, precision)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("28 July 2022 10:00 +01:00 (UTC)", "+01:00 (UTC)"),
        ("28 July 2022 10:00+0100 (GMT)", "+0100 (GMT)"),
        ("28 July 2022 10pm -5 (UTC)", "-5 (UTC)"),
        ("2022-07-28T10:00:00-00:30 (GMT)", "-00:30 (GMT)"),
    ],
)
def test_parse_refuses_an_offset_that_disagrees_with_a_utc_name_in_parentheses(text: str, found: str) -> None:
    # dateutil keeps the name and drops the offset: 10:00 +01:00 would silently become 10:00 UTC.
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.parse(text)
    message = f"expected a UTC offset that agrees with the zone name, found {found!r} in {text!r}"
    assert details(excinfo) == [("TimeRef.parse", message)]


# --- the whole grammar of relative expressions, each word of it (mutation testing found gaps) ---------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("this afternoon", date(2022, 7, 28)),
        ("this evening", date(2022, 7, 28)),
        ("earlier today", date(2022, 7, 28)),
        ("later today", date(2022, 7, 28)),
        ("the day after tomorrow", date(2022, 7, 30)),
        ("yesterday morning", date(2022, 7, 27)),
        ("yesterday afternoon", date(2022, 7, 27)),
        ("yesterday night", date(2022, 7, 27)),
        ("tomorrow morning", date(2022, 7, 29)),
        ("tomorrow afternoon", date(2022, 7, 29)),
        ("tomorrow evening", date(2022, 7, 29)),
        ("tomorrow night", date(2022, 7, 29)),
        ("Wednesday afternoon", date(2022, 7, 27)),
        ("Wednesday evening", date(2022, 7, 27)),
        ("Wednesday night", date(2022, 7, 27)),
        ("last Wednesday night", date(2022, 7, 27)),
        ("next Friday morning", date(2022, 7, 29)),
        ("later on Thursday", date(2022, 7, 28)),
        ("early on Wednesday", date(2022, 7, 27)),
        ("late on Wednesday", date(2022, 7, 27)),
        ("later on yesterday evening", date(2022, 7, 27)),
    ],
)
def test_relative_days_with_every_leading_word_and_part_of_the_day(text: str, day: date) -> None:
    ref = TimeRef.relative(text, anchor=ANCHOR)
    assert ref.start == utc(day.year, day.month, day.day)
    assert (ref.precision, ref.approximate) == (Precision.DAY, False)


NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


@pytest.mark.parametrize(("word", "number"), NUMBER_WORDS.items())
def test_relative_counts_back_with_every_number_word(word: str, number: int) -> None:
    days = TimeRef.relative(f"{word} days ago", anchor=ANCHOR)
    assert days.start == utc(2022, 7, 28) - timedelta(days=number)
    assert TimeRef.relative(f"{word} year ago", anchor=ANCHOR).start == utc(2022 - number, 1, 1)


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("1 day ago", utc(2022, 7, 27), Precision.DAY),
        ("0 days ago", utc(2022, 7, 28), Precision.DAY),
        ("10 years ago", utc(2012, 1, 1), Precision.YEAR),
        ("1 week ago", utc(2022, 7, 18), Precision.WEEK),
        ("1 month ago", utc(2022, 6, 1), Precision.MONTH),
        ("later this week", utc(2022, 7, 25), Precision.WEEK),
        ("earlier this year", utc(2022, 1, 1), Precision.YEAR),
        ("LAST MONTH", utc(2022, 6, 1), Precision.MONTH),
    ],
)
def test_relative_periods_and_counts(text: str, start: datetime, precision: Precision) -> None:
    ref = TimeRef.relative(text, anchor=ANCHOR)
    assert (ref.start, ref.precision, ref.approximate) == (start, precision, False)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Today.", utc(2022, 7, 28)),
        ("yesterday.", utc(2022, 7, 27)),
        ("last week,", utc(2022, 7, 18)),
        ("on Monday;", utc(2022, 7, 25)),
        ("this year:", utc(2022, 1, 1)),
        ("yesterday,;.", utc(2022, 7, 27)),
        ("the  day before\tyesterday", utc(2022, 7, 26)),
        (" In  the coming\ndays. ", utc(2022, 7, 29)),
    ],
)
def test_relative_ignores_final_punctuation_and_runs_of_white_space(text: str, start: datetime) -> None:
    ref = TimeRef.relative(text, anchor=ANCHOR)
    assert ref.start == start
    assert ref.text == text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "thirteen days ago",
        "earlier on on Thursday",  # one leading word, not two
        "earlier later Thursday",
        "on in the coming days",
        "yesterday evening evening",
        "today morning",
        "tonight night",
        "Thursday noon",
        "last today",
        "this day",
        "3 hours ago",
        "3 days",
        "days ago",
    ],
)
def test_relative_rejects_what_is_near_the_grammar(text: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.relative(text, anchor=ANCHOR)
    assert details(excinfo) == [("TimeRef.relative", UNKNOWN_RELATIVE.format(text))]


@pytest.mark.parametrize(
    ("moment", "found"),
    [
        (
            datetime(2022, 7, 28, 22, 23),
            "expected a timezone-aware datetime, found naive 2022-07-28T22:23:00",
        ),
        ("2022-07-28", "expected datetime, found '2022-07-28'"),
    ],
)
def test_at_reports_every_problem_at_once_when_the_moment_is_not_aware(moment, found):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.at(moment, text=" on Thursday", approximate=1)
    assert details(excinfo) == [
        ("TimeRef.start", found),
        ("TimeRef.text", "expected no leading or trailing white space, found ' on Thursday'"),
        ("TimeRef.approximate", "expected bool, found int (1)"),
    ]


def test_a_named_zone_becomes_its_fixed_offset_with_no_fold_left():
    # 02:30 happens twice in Berlin on 30 October 2022; fold=1 is the second time, at +01:00. Once the zone
    # is a fixed offset the time is no longer ambiguous: fold is 0, so equal refs have identical reprs.
    berlin = ZoneInfo("Europe/Berlin")
    ref = TimeRef.at(datetime(2022, 10, 30, 2, 30, fold=1, tzinfo=berlin), Precision.MINUTE)
    plus_1 = datetime(2022, 10, 30, 2, 30, tzinfo=timezone(timedelta(hours=1)))
    assert ref.start == plus_1
    assert ref.start.fold == 0
    assert repr(ref) == repr(TimeRef(start=plus_1, precision=Precision.MINUTE))


@pytest.mark.parametrize(
    ("precision", "found"),
    [("day", "'day'"), (None, "null"), (3, "int (3)")],
)
def test_at_rejects_a_precision_that_is_not_a_precision(precision, found):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.at(ANCHOR, precision)
    assert details(excinfo) == [("TimeRef.at.precision", f"expected a Precision, found {found}")]


@pytest.mark.parametrize(("tz", "found"), [("UTC", "'UTC'"), (3, "int (3)"), (None, "null")])
def test_parse_rejects_a_tz_that_is_not_a_tzinfo(tz, found):
    with pytest.raises(ValidationError) as excinfo:
        TimeRef.parse("28 July 2022", tz=tz)
    assert details(excinfo) == [("TimeRef.parse.tz", f"expected a tzinfo, found {found}")]
