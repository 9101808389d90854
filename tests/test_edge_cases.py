"""Edge cases found in review: zones, stale names, reserved tags, guesses, odd text and numbers."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

from newsevents import (
    Article,
    Country,
    Event,
    Organization,
    Person,
    Precision,
    RegistrationError,
    Statement,
    TimeRef,
    ValidationError,
    dump_jsonl,
    event_type,
    from_dict,
    from_json,
    to_dict,
    to_json,
)

BERLIN = ZoneInfo("Europe/Berlin")
RT = Organization(name="RT")


def problems(exc: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(e.path, e.message) for e in exc.value.errors]


# ---------------------------------------------------------------- named zones


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2022, 10, 30, 2, 30, fold=0, tzinfo=BERLIN),  # the hour that happens twice
        datetime(2022, 10, 30, 2, 30, fold=1, tzinfo=BERLIN),
        datetime(2022, 3, 27, 2, 30, tzinfo=BERLIN),  # the hour that does not happen
        datetime(2022, 7, 28, 22, 23, tzinfo=ZoneInfo("Asia/Kathmandu")),  # +05:45
    ],
)
def test_named_zones_round_trip_exactly(moment: datetime) -> None:
    ref = TimeRef.at(moment, Precision.MINUTE)
    assert from_json(TimeRef, to_json(ref)) == ref
    article = Article(id="a", title="T", published=moment, publisher=RT)
    again = from_json(Article, to_json(article))
    assert again == article
    assert to_json(again) == to_json(article)
    assert article.published.utcoffset() == moment.utcoffset()
    assert article.published.tzinfo == timezone(moment.utcoffset() or timedelta(0))


def test_a_month_in_a_named_zone_behaves_alike_after_a_round_trip() -> None:
    march = TimeRef.of(2022, 3, tz=BERLIN)
    again = from_json(TimeRef, to_json(march))
    assert again == march
    assert again.end == march.end
    probe = datetime(2022, 3, 31, 22, 30, tzinfo=UTC)
    assert again.contains(probe) == march.contains(probe)


# ---------------------------------------------------------------- Country names


def test_country_name_none_takes_the_table_name() -> None:
    assert Country(code="RU", name=None) == Country(code="RU")  # type: ignore[arg-type]


def test_a_stale_country_name_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(Country(code="RU"), code="US")
    assert problems(caught) == [("Country.name", "expected the name of US, found 'Russia', the name of RU")]
    assert attrs.evolve(Country(code="RU"), code="US", name=None).name == "United States"  # type: ignore[arg-type]


def test_a_custom_country_name_is_kept() -> None:
    assert Country(code="RU", name="Russian Federation").name == "Russian Federation"


# ---------------------------------------------------------------- tags


@pytest.mark.parametrize("tag", ["article", "person", "organization", "country", "place"])
def test_entity_tags_are_reserved(tag: str) -> None:
    with pytest.raises(RegistrationError, match="tag of a built-in entity"):

        @event_type(tag)
        @attrs.frozen(kw_only=True)
        class Clash(Event):
            pass


def test_an_unregistered_event_subclass_cannot_be_written() -> None:
    @attrs.frozen(kw_only=True)
    class Unregistered(Statement):
        pass

    event = Unregistered(id="s", speaker=Country(code="RU"), text="x", quotes=("x",))
    with pytest.raises(RegistrationError, match="is not a registered event type"):
        to_dict(event)
    event_type("edge_cases_late_registration")(Unregistered)
    assert to_dict(event)["type"] == "edge_cases_late_registration"
    assert from_dict(Event, to_dict(event)) == event


def test_a_type_key_on_an_untagged_class_is_an_unknown_field() -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict(TimeRef, {"type": None, "start": "2022-07-28T00:00:00+00:00"})
    assert problems(caught) == [
        ("$.type", "unknown field; expected one of: start, precision, text, approximate")
    ]


# ---------------------------------------------------------------- guesses refused


@pytest.mark.parametrize("text", ["99", "1 Jan 01", "07/08/2022", "7.8.2022", "28 July 2022 10:00 GMT+3"])
def test_parse_refuses_to_guess(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TimeRef.parse(text)
    assert caught.value.errors[0].path == "TimeRef.parse"
    assert caught.value.errors[0].message == f"expected a date expression, found {text!r}"


def test_parse_refuses_a_weekday_that_contradicts_the_date() -> None:
    with pytest.raises(ValidationError) as caught:
        TimeRef.parse("Monday 28 July 2022")
    assert caught.value.errors[0].path == "TimeRef.parse"
    assert caught.value.errors[0].message == (
        "expected a weekday that agrees with the date, found 'Monday': 28 July 2022 is a Thursday"
    )


def test_parse_accepts_a_weekday_that_agrees_with_the_date() -> None:
    assert TimeRef.parse("Thursday, 28 July 2022").start == datetime(2022, 7, 28, tzinfo=UTC)


def test_bad_zone_and_precision_arguments_are_validation_errors() -> None:
    with pytest.raises(ValidationError) as caught:
        TimeRef.parse("28 July 2022", tz="UTC")  # type: ignore[arg-type]
    assert problems(caught) == [("TimeRef.parse.tz", "expected a tzinfo, found 'UTC'")]
    with pytest.raises(ValidationError) as caught:
        TimeRef.at(datetime(2022, 7, 28, tzinfo=UTC), "day")  # type: ignore[arg-type]
    assert problems(caught) == [("TimeRef.at.precision", "expected a Precision, found 'day'")]


def test_the_last_period_of_the_calendar_ends_at_the_largest_datetime() -> None:
    assert TimeRef.of(9999).end == datetime.max.replace(tzinfo=UTC)
    assert TimeRef.of(9999, 12, 31).contains(datetime(9999, 12, 31, 23, tzinfo=UTC))


# ---------------------------------------------------------------- text and numbers


def test_lone_surrogates_are_refused_when_built_and_when_loaded() -> None:
    with pytest.raises(ValidationError) as caught:
        Person(name="A\ud800", id="a")
    assert problems(caught) == [("Person.name", "expected text without lone surrogates, found '\\ud800'")]
    with pytest.raises(ValidationError) as caught:
        from_json(Person, '{"type":"person","name":"A\\ud800","id":"a"}')
    assert caught.value.errors[0].path in {"$", "$.name"}  # orjson refuses the text itself


def test_an_offset_with_a_fraction_of_a_second_is_refused() -> None:
    odd = timezone(timedelta(microseconds=1))
    with pytest.raises(ValidationError) as caught:
        TimeRef.of(2024, 2, 29, tz=odd)
    assert problems(caught) == [
        ("TimeRef.start", "expected a UTC offset in whole seconds, found 2024-02-29T00:00:00+00:00:00.000001")
    ]


def test_an_int_in_a_float_field_is_refused() -> None:
    @event_type("edge_cases_rally")
    @attrs.frozen(kw_only=True)
    class Rally(Event):
        size: float = 0.0

    with pytest.raises(ValidationError) as caught:
        Rally(id="r", size=3)
    assert problems(caught) == [("Rally.size", "expected float, found int (3); write 3.0")]
    assert from_json(Rally, '{"type":"edge_cases_rally","id":"r","size":3}') == Rally(id="r", size=3.0)


def test_deep_nesting_is_a_validation_error() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ValidationError) as caught:
        from_json(Article, deep)
    assert caught.value.errors[0].path == "$"


def test_from_dict_takes_model_classes_only() -> None:
    with pytest.raises(TypeError, match="from_dict takes a newsevents model class"):
        from_dict(list[str], "ab")


def test_loading_reports_value_problems_beside_a_field_that_failed() -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict(Person, {"type": "person", "name": " ", "nationality": "US"})
    assert problems(caught) == [
        ("$.name", "must not be blank, found ' '"),
        ("$.nationality", "expected an array (tuple[str, ...]), found 'US'"),
    ]


# ---------------------------------------------------------------- files


def test_an_atomic_write_keeps_the_mode_and_follows_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "data.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o644)
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    dump_jsonl([Country(code="RU")], link)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == '{"type":"country","code":"RU"}\n'
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_new_file_gets_the_mode_open_would_give(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        dump_jsonl([Country(code="RU")], tmp_path / "new.jsonl")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.jsonl").stat().st_mode) == 0o644
