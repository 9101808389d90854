"""ErrorDetail and ValidationError: locations, codes, paths rendered from them, messages, pickling."""

import json
import pickle
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from newsevents import (
    Article,
    Country,
    Detention,
    ErrorDetail,
    Limits,
    NewsEventsError,
    Organization,
    Person,
    RegistrationError,
    Statement,
    ValidationError,
    event_types,
    from_dict,
    from_json,
    to_dict,
)
from newsevents._spec import spec_of
from newsevents.errors import did_you_mean, render
from newsevents.strategies import InvalidDocument, invalid_documents

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


# ---------------------------------------------------------------- structured locations and codes


def test_a_detail_renders_its_path_from_its_location() -> None:
    detail = ErrorDetail(location=("events", 2, "speaker", "name"), message="must not be blank", code="blank")
    assert (detail.root, detail.location, detail.code) == ("$", ("events", 2, "speaker", "name"), "blank")
    assert detail.path == "$.events[2].speaker.name"
    assert str(detail) == "$.events[2].speaker.name: must not be blank"


def test_a_key_that_is_not_a_name_is_rendered_quoted() -> None:
    detail = ErrorDetail(location=("two words", 0, "x-y"), message="m")
    assert detail.path == "$['two words'][0]['x-y']"


def test_a_class_rooted_detail() -> None:
    detail = ErrorDetail(root="Person", location=("name",), message="must not be blank", code="blank")
    assert detail.path == "Person.name"


def test_the_older_form_keeps_its_text_whole() -> None:
    detail = ErrorDetail("$.events[2].id", "bad", 3)
    assert (detail.root, detail.location, detail.code, detail.line) == ("$.events[2].id", (), "invalid", 3)
    assert detail.path == "$.events[2].id"


def test_details_that_read_the_same_are_equal() -> None:
    structured = ErrorDetail(location=("events", 2, "id"), message="bad", code="pattern", line=3)
    assert structured == ErrorDetail("$.events[2].id", "bad", 3)
    assert hash(structured) == hash(ErrorDetail("$.events[2].id", "bad", 3))
    assert structured != ErrorDetail("$.events[1].id", "bad", 3)


def test_a_detail_needs_a_message_and_one_way_to_say_where() -> None:
    with pytest.raises(TypeError, match="needs a message"):
        ErrorDetail("$.id")
    with pytest.raises(TypeError, match="either a path text or a root and a location"):
        ErrorDetail("$.id", "bad", location=("id",))


def test_placed_moves_a_detail_under_a_prefix() -> None:
    detail = ErrorDetail(root="Person", location=("name",), message="must not be blank", code="blank")
    moved = detail.placed("$", ("events", 0, "speaker"), line=7)
    assert (moved.root, moved.location, moved.code, moved.line) == (
        "$",
        ("events", 0, "speaker", "name"),
        "blank",
        7,
    )


def test_evolve_and_pickle_keep_the_structure() -> None:
    detail = ErrorDetail(location=("events", 1), message="bad", code="type")
    again = pickle.loads(pickle.dumps(ValidationError([detail]))).errors[0]
    assert (again.root, again.location, again.code) == ("$", ("events", 1), "type")
    lined = attrs.evolve(detail, line=4)
    assert (lined.location, lined.code, lined.line) == (("events", 1), "type", 4)


def test_single_takes_a_location_and_a_code() -> None:
    err = ValidationError.single(None, "expected a slug", location=("id",), code="pattern")
    assert (err.errors[0].path, err.errors[0].code) == ("$.id", "pattern")


def test_render_and_did_you_mean() -> None:
    assert render("TimeRef", ()) == "TimeRef"
    assert did_you_mean("qoutes", ["quotes", "mode"]) == " (did you mean 'quotes'?)"
    assert did_you_mean("ru", ["RU", "US"]) == " (did you mean 'RU'?)"  # by letter case
    assert did_you_mean("completely different", ["quotes"]) == ""
    assert did_you_mean(7, ["quotes"]) == ""


# ---------------------------------------------------------------- every code, with its location and message


def _set(doc: dict[str, Any], location: tuple[Any, ...], value: Any) -> None:
    for step in location[:-1]:
        doc = doc[step]
    doc[location[-1]] = value


def _loaded(doc: Any) -> ErrorDetail:
    with pytest.raises(ValidationError) as info:
        from_json(Article, json.dumps(doc, ensure_ascii=False))
    (detail,) = info.value.errors
    return detail


DOCUMENT_CASES: dict[str, tuple[tuple[Any, ...], Any, str, str]] = {
    # name: (where the bad value goes, the value, its code, its message)
    "type": (("title",), 5, "type", "expected str, found int (5)"),
    "enum with a close value": (
        ("events", 2, "status"),
        "arested",
        "enum",
        "expected one of 'arrested', 'charged', 'detained', 'jailed', 'convicted', 'sentenced', 'released',"
        " 'exchanged', found 'arested' (did you mean 'arrested'?)",
    ),
    "enum with nothing close": (
        ("events", 0, "mode"),
        "loud",
        "enum",
        "expected one of 'direct', 'indirect', 'mixed', found 'loud'",
    ),
    "unknown key with a close field": (
        ("events", 0, "qoutes"),
        ["busy"],
        "unknown_key",
        "unknown field (did you mean 'quotes'?); expected one of: " + spec_of(Statement).allowed_text,
    ),
    "unknown tag with a close tag": (
        ("events", 0, "type"),
        "statment",
        "tag",
        "unknown type 'statment' (did you mean 'statement'?); expected one of: {tags}",
    ),
    "blank": (("body", 1), " ", "blank", "must not be blank, found ' '"),
    "pattern": (
        ("id",),
        "Not A Slug",
        "pattern",
        "expected a slug matching [a-z0-9][a-z0-9._:-]*, found 'Not A Slug'",
    ),
    "country": (
        ("publisher", "country"),
        "ru",
        "country",
        "expected an upper-case ISO 3166-1 alpha-2 code, found 'ru' (did you mean 'RU'?)",
    ),
    "timezone": (
        ("published",),
        "2022-07-28T22:23:00",
        "timezone",
        "expected a datetime with a UTC offset (timezone-aware), found naive '2022-07-28T22:23:00'",
    ),
    "version": (
        ("format_version",),
        99,
        "version",
        "this document uses format version 99, newer than this release of newsevents reads (up to 1);"
        " upgrade newsevents",
    ),
    "duplicate id": (
        ("events", 1, "id"),
        "zakharova-busy",
        "duplicate_id",
        "duplicate event id 'zakharova-busy', first used at events[0]",
    ),
    "reference": (
        ("events", 0, "related", 0),
        "nowhere",
        "reference",
        "expected the id of an event in this article, found 'nowhere'"
        " (ids: call-request, griner-sentenced, zakharova-busy)",
    ),
}


@pytest.mark.parametrize("case", sorted(DOCUMENT_CASES))
def test_each_code_with_its_location_and_message(
    case: str, sample_article: Article, json_backend: str
) -> None:
    location, value, code, message = DOCUMENT_CASES[case]
    doc = to_dict(sample_article)
    if case == "duplicate id":
        doc["events"][0]["related"] = []  # only the duplicate is wrong
        doc["events"][1]["related"] = ["griner-sentenced"]
    _set(doc, location, value)
    detail = _loaded(doc)
    assert (detail.root, detail.location, detail.code) == ("$", location, code)
    assert detail.path == render("$", location)
    # Other tests register event types of their own: the list is of those registered now.
    assert detail.message == message.replace("{tags}", ", ".join(repr(t) for t in sorted(event_types())))


def test_missing_has_the_key_as_its_location(sample_article: Article, json_backend: str) -> None:
    doc = to_dict(sample_article)
    del doc["events"][0]["speaker"]
    detail = _loaded(doc)
    assert (detail.path, detail.location, detail.code) == (
        "$.events[0].speaker",
        ("events", 0, "speaker"),
        "missing",
    )
    assert detail.message == "required field is missing"


def test_a_direct_statement_without_quotes_says_the_mode_was_the_default(
    sample_article: Article, json_backend: str
) -> None:
    doc = to_dict(sample_article)
    del doc["events"][0]["mode"]
    del doc["events"][0]["quotes"]
    detail = _loaded(doc)
    assert (detail.path, detail.code) == ("$.events[0].quotes", "invariant")
    assert detail.message == (
        "expected at least one quote in a direct statement (the default mode), found none;"
        ' for a paraphrase without quoted words set mode=QuoteMode.INDIRECT ("mode": "indirect")'
    )


def test_a_repeated_key_is_located_at_the_key(json_backend: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_json(Article, '{"events": [{"id": "a", "id": "b"}]}')
    (detail,) = info.value.errors
    assert (detail.path, detail.location, detail.code) == (
        "$.events[0].id",
        ("events", 0, "id"),
        "duplicate_key",
    )
    assert detail.message == "expected each key once in an object, found 'id' 2 times"


def test_a_string_over_the_limit(json_backend: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_json(Article, '{"body": ["ok", "' + "x" * 40 + '"]}', limits=Limits(max_string=30))
    (detail,) = info.value.errors
    assert (detail.path, detail.location, detail.code) == ("$.body[1]", ("body", 1), "limit")
    assert detail.message == "expected a string of at most 30 characters (Limits.max_string), found 40"


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        (
            '{"type": "article", "title": "Lavrov is bu',
            30,
            "expected valid JSON, found an error: Unterminated string starting at line 1, column 30;"
            " the text ends before the JSON document does (was it cut short?)",
        ),
        (
            '{"type": "article", "topics": ["a", ',
            37,
            "expected valid JSON, found an error: Expecting value;"
            " the text ends before the JSON document does (was it cut short?)",
        ),
        (
            '{"title": "a\tb"}',
            13,
            "expected valid JSON, found an error: Invalid control character at line 1, column 13",
        ),
        ('{"a": 1} x', 10, "expected valid JSON, found an error: Extra data"),
    ],
)
def test_a_syntax_error_is_a_whole_sentence(text: str, column: int, message: str, json_backend: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_json(Article, text)
    (detail,) = info.value.errors
    assert (detail.path, detail.location, detail.code) == ("$", (), "json_syntax")
    assert (detail.line, detail.column) == (1, column)
    assert detail.message == message


def test_text_that_is_not_utf8_is_an_encoding_problem(json_backend: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_json(Article, b'{"title": "\xff"}')
    assert [(e.path, e.code) for e in info.value.errors] == [("$", "encoding")]


# ---------------------------------------------------------------- in Python


def test_a_member_value_where_the_member_belongs_names_the_member() -> None:
    with pytest.raises(ValidationError) as info:
        Organization(name="RT", kind="media")  # type: ignore[arg-type]
    (detail,) = info.value.errors
    assert (detail.root, detail.location, detail.code) == ("Organization", ("kind",), "type")
    assert detail.message == "expected an OrgKind, found 'media' (did you mean OrgKind.MEDIA?)"


def test_a_close_value_names_the_close_member() -> None:
    with pytest.raises(ValidationError) as info:
        Detention(id="d", detainee=Person(name="A B"), held_by=Country(code="RU"), status="arested")  # type: ignore[arg-type]
    (detail,) = info.value.errors
    assert detail.path == "Detention.status"
    assert (
        detail.message
        == "expected a DetentionStatus, found 'arested' (did you mean DetentionStatus.ARRESTED?)"
    )


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        (" ", "blank", "must not be blank, found ' '"),
        (" Anna", "whitespace", "expected no leading or trailing white space, found ' Anna'"),
    ],
)
def test_one_check_can_find_two_kinds_of_problem(name: str, code: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name=name)
    (detail,) = info.value.errors
    assert (detail.path, detail.location, detail.code, detail.message) == (
        "Person.name",
        ("name",),
        code,
        message,
    )


def test_a_misspelt_keyword_names_the_field_meant() -> None:
    with pytest.raises(TypeError) as info:
        Statement(id="s", speaker=Person(name="A B"), text="t", qoutes=("t",))  # type: ignore[call-arg]
    fields = ", ".join(sorted(a.alias for a in attrs.fields(Statement)))
    assert str(info.value) == (
        "Statement() got an unexpected keyword argument 'qoutes' (did you mean 'quotes'?);"
        f" expected one of: {fields}"
    )


def test_a_keyword_with_nothing_close_lists_the_fields() -> None:
    with pytest.raises(TypeError) as info:
        Country(code="RU", zzz=1)  # type: ignore[call-arg]
    assert (
        str(info.value) == "Country() got an unexpected keyword argument 'zzz'; expected one of: code, name"
    )


def test_a_paraphrase_in_python_says_how_to_set_the_mode() -> None:
    with pytest.raises(ValidationError) as info:
        Statement(id="s", speaker=Person(name="A B"), text="She said the talks went well")
    (detail,) = info.value.errors
    assert (detail.root, detail.location, detail.code) == ("Statement", ("quotes",), "invariant")
    assert "(the default mode)" in detail.message
    assert "mode=QuoteMode.INDIRECT" in detail.message


def test_an_article_invariant_is_located_by_keys_and_indexes(sample_article: Article) -> None:
    with pytest.raises(ValidationError) as info:
        attrs.evolve(sample_article, events=(*sample_article.events, sample_article.events[0]))
    (detail,) = info.value.errors
    assert (detail.root, detail.location, detail.code) == ("Article", ("events", 3, "id"), "duplicate_id")
    assert detail.path == "Article.events[3].id"


def test_every_problem_of_a_tuple_in_item_order() -> None:
    with pytest.raises(ValidationError) as info:
        Article(
            id="a",
            title="t",
            published=datetime(2022, 7, 28, tzinfo=UTC),
            publisher=Organization(name="RT"),
            body=("ok", 5, " ", 6),  # type: ignore[arg-type]
        )
    assert [(e.location, e.code) for e in info.value.errors] == [
        (("body", 1), "type"),
        (("body", 2), "blank"),
        (("body", 3), "type"),
    ]


# ---------------------------------------------------------------- the property


def _follow(doc: Any, location: tuple[Any, ...]) -> bool:
    """Whether each step of ``location`` is a key or an index of what the steps before it reach."""
    for step in location:
        at_index = isinstance(step, int) and isinstance(doc, list) and 0 <= step < len(doc)
        at_key = isinstance(step, str) and isinstance(doc, dict) and step in doc
        if not (at_index or at_key):
            return False
        doc = doc[step]
    return True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(invalid_documents())
def test_every_location_of_an_invalid_document_leads_into_it(case: InvalidDocument) -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(Article, case.document)
    assert case.path in [e.path for e in info.value.errors]
    for detail in info.value.errors:
        assert detail.root == "$"
        assert detail.path == render(detail.root, detail.location)
        if detail.code == "missing":  # the key is not there; its object is
            assert _follow(case.document, detail.location[:-1])
            assert not _follow(case.document, detail.location)
        else:
            assert _follow(case.document, detail.location), detail


# ---------------------------------------------------------------- on the command line


def _validate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "newsevents", "validate", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_the_command_line_places_a_location_under_the_item_of_a_json_array(
    sample_article: Article, tmp_path: Path
) -> None:
    good = to_dict(sample_article)
    bad = to_dict(sample_article)
    bad["events"][0]["qoutes"] = bad["events"][0].pop("quotes")
    path = tmp_path / "two.json"
    path.write_text(json.dumps([good, bad]), encoding="utf-8")
    done = _validate(path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        f"{path}: $[1].events[0].qoutes: unknown field (did you mean 'quotes'?); expected one of: "
        + spec_of(Statement).allowed_text
    )


def test_the_command_line_names_its_option_for_a_limit(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"type": "person", "name": "' + "n" * 20 + '"}', encoding="utf-8")
    done = _validate("--max-string", "10", path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        f"{path}: $.name: expected a string of at most 10 characters (--max-string), found 20"
    )
