"""ErrorDetail and ValidationError: paths, messages, one problem per line, pickling."""

import pickle

import attrs
import pytest

from newsevents import ErrorDetail, NewsEventsError, RegistrationError, ValidationError

DETAILS = (
    ErrorDetail("Person.name", "must not be blank, found '  '"),
    ErrorDetail("$.events[2].speaker", "expected Person | Organization | Country, found 'x'", 4),
)


# ---------------------------------------------------------------- ErrorDetail


def test_error_detail_str_without_line() -> None:
    assert str(ErrorDetail("$.title", "must not be blank")) == "$.title: must not be blank"


def test_error_detail_str_with_line() -> None:
    assert str(ErrorDetail("$.title", "must not be blank", 7)) == "line 7: $.title: must not be blank"


def test_error_detail_line_defaults_to_none() -> None:
    detail = ErrorDetail("Person.name", "must not be blank")
    assert detail.path == "Person.name"
    assert detail.message == "must not be blank"
    assert detail.line is None


def test_error_detail_line_zero_is_still_shown() -> None:
    assert str(ErrorDetail("$", "oops", 0)) == "line 0: $: oops"


def test_error_detail_is_a_frozen_value() -> None:
    detail = ErrorDetail("$.id", "bad", 1)
    assert detail == ErrorDetail("$.id", "bad", 1)
    assert hash(detail) == hash(ErrorDetail("$.id", "bad", 1))
    assert detail != ErrorDetail("$.id", "bad", 2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        detail.path = "$.other"  # type: ignore[misc]


# ---------------------------------------------------------------- ValidationError


def test_errors_is_a_tuple_from_a_list() -> None:
    err = ValidationError(list(DETAILS))
    assert isinstance(err.errors, tuple)
    assert err.errors == DETAILS


def test_errors_is_a_tuple_from_a_generator() -> None:
    err = ValidationError(d for d in DETAILS)
    assert isinstance(err.errors, tuple)
    assert err.errors == DETAILS


def test_str_lists_one_error_per_line() -> None:
    err = ValidationError(DETAILS)
    assert str(err) == (
        "Person.name: must not be blank, found '  '\n"
        "line 4: $.events[2].speaker: expected Person | Organization | Country, found 'x'"
    )
    assert str(err).splitlines() == [str(d) for d in DETAILS]


def test_str_of_a_single_error_has_no_newline() -> None:
    err = ValidationError([ErrorDetail("Person.name", "must not be blank")])
    assert str(err) == "Person.name: must not be blank"


def test_is_a_value_error_and_a_newsevents_error() -> None:
    err = ValidationError(DETAILS)
    assert isinstance(err, ValueError)
    assert isinstance(err, NewsEventsError)
    with pytest.raises(ValueError, match=r"^Person\.name: must not be blank"):
        raise err


def test_caught_as_newsevents_error() -> None:
    with pytest.raises(NewsEventsError) as info:
        raise ValidationError.single("$.id", "bad")
    assert type(info.value) is ValidationError


def test_needs_at_least_one_detail() -> None:
    with pytest.raises(ValueError, match="needs at least one ErrorDetail") as info:
        ValidationError([])
    assert type(info.value) is ValueError


def test_needs_at_least_one_detail_from_an_empty_generator() -> None:
    with pytest.raises(ValueError, match="needs at least one ErrorDetail") as info:
        ValidationError(d for d in ())
    assert type(info.value) is ValueError


def test_pickle_round_trip_keeps_errors() -> None:
    err = ValidationError(DETAILS)
    loaded = pickle.loads(pickle.dumps(err))
    assert type(loaded) is ValidationError
    assert loaded.errors == DETAILS
    assert loaded.errors[1].line == 4
    assert str(loaded) == str(err)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip_every_protocol(protocol: int) -> None:
    err = ValidationError.single("$.events[0].type", "unknown type 'x'")
    loaded = pickle.loads(pickle.dumps(err, protocol=protocol))
    assert loaded.errors == (ErrorDetail("$.events[0].type", "unknown type 'x'"),)


def test_single_builds_one_detail() -> None:
    err = ValidationError.single("$.id", "expected a slug, found 'A B'")
    assert type(err) is ValidationError
    assert err.errors == (ErrorDetail("$.id", "expected a slug, found 'A B'"),)
    assert err.errors[0].line is None
    assert str(err) == "$.id: expected a slug, found 'A B'"


def test_registration_error_is_a_value_error_and_a_newsevents_error() -> None:
    err = RegistrationError("taken")
    assert isinstance(err, ValueError)
    assert isinstance(err, NewsEventsError)
    assert not isinstance(err, ValidationError)
