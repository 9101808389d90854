"""The reusable value checks in newsevents.validators: what passes, what fails, and what the message says."""

from __future__ import annotations

import math
import os
import warnings
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample
from jsonschema import Draft202012Validator

from newsevents import Event, ValidationError, event_type, from_dict, to_dict
from newsevents._base import LOADING
from newsevents._codegen import _Reject, top_loader
from newsevents.validators import (
    _PLAIN_URL,
    CHECKS_KEY,
    EACH_KEY,
    Check,
    as_check,
    aware_datetime,
    bcp47,
    checks,
    describe,
    http_url,
    in_range,
    iso_country,
    length,
    matches,
    non_blank,
    non_http_uri,
    rules,
    slug,
    stripped,
    wikidata_id,
)

# --- describe -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "null"),
        ("Lavrov", "'Lavrov'"),
        ("", "''"),
        (12, "int (12)"),
        (True, "bool (True)"),
        (1.5, "float (1.5)"),
        ([1, 2], "list ([1, 2])"),
        (("US",), "tuple (('US',))"),
        ({"a": 1}, "dict ({'a': 1})"),
    ],
)
def test_describe_names_the_value(value, expected):
    assert describe(value) == expected


def test_describe_keeps_a_string_at_the_limit_whole():
    text = "a" * 38  # its repr is exactly 40 characters
    assert describe(text) == repr(text)


def test_describe_shortens_a_long_string_to_the_limit():
    described = describe("a" * 50)
    assert described == "'" + "a" * 35 + "...'"
    assert len(described) == 40


def test_describe_shortens_a_long_non_string_and_names_its_type():
    described = describe(list(range(30)))
    assert described == "list ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11...)"


def test_describe_honours_a_custom_limit():
    assert describe("abcdefghij", limit=8) == "'abc...'"
    assert describe(1234567890, limit=5) == "int (12...)"


# --- non_blank ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["Lavrov", "a", " padded ", "\tx\n", "0"])
def test_non_blank_accepts(value):
    assert non_blank(value) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "must not be blank, found ''"),
        (" ", "must not be blank, found ' '"),
        ("  ", "must not be blank, found '  '"),
        ("\t\n", "must not be blank, found '\\t\\n'"),
        ("\u00a0", "must not be blank, found '\\xa0'"),
    ],
)
def test_non_blank_rejects(value, message):
    assert non_blank(value) == message


# --- stripped -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["Sergey Lavrov", "a", "Foreign Minister", "x\ty"])
def test_stripped_accepts(value):
    assert stripped(value) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (" Sergey Lavrov", "expected no leading or trailing white space, found ' Sergey Lavrov'"),
        ("Sergey Lavrov ", "expected no leading or trailing white space, found 'Sergey Lavrov '"),
        ("Lavrov\n", "expected no leading or trailing white space, found 'Lavrov\\n'"),
        ("\tLavrov", "expected no leading or trailing white space, found '\\tLavrov'"),
        ("", "must not be blank, found ''"),
        ("   ", "must not be blank, found '   '"),
    ],
)
def test_stripped_rejects(value, message):
    assert stripped(value) == message


# --- slug -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["sergey-lavrov", "a", "0", "q42", "a.b_c:d-e", "ru:mfa", "2022-07-28", "x--y"]
)
def test_slug_accepts(value):
    assert slug(value) is None


@pytest.mark.parametrize(
    "value", ["Sergey Lavrov", "Lavrov", "-lavrov", "_a", ".a", ":a", "a b", "a/b", "caf\u00e9", "a\n"]
)
def test_slug_rejects(value):
    assert slug(value) == f"expected a slug matching [a-z0-9][a-z0-9._:-]*, found {value!r}"


def test_slug_rejects_the_empty_string_with_a_hint_to_pass_an_id():
    assert slug("") == (
        "expected a slug matching [a-z0-9][a-z0-9._:-]*, found ''"
        " (no id could be derived from the name: pass id=...)"
    )


# --- wikidata_id ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["Q42", "Q1", "Q10", "Q123456789"])
def test_wikidata_id_accepts(value):
    assert wikidata_id(value) is None


@pytest.mark.parametrize("value", ["Q042", "Q0", "q42", "42", "Q", "Q42 ", " Q42", "P31", "Q4a", ""])
def test_wikidata_id_rejects(value):
    assert wikidata_id(value) == f"expected a Wikidata item id matching Q[1-9][0-9]*, found {value!r}"


# --- iso_country ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["RU", "US", "GB", "UA", "CN", "AX", "ZW"])
def test_iso_country_accepts(value):
    assert iso_country(value) is None


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [("ru", "RU"), ("us", "US"), ("Ru", "RU"), ("gB", "GB")],
)
def test_iso_country_rejects_lower_case_with_a_suggestion(value, suggestion):
    assert iso_country(value) == (
        f"expected an upper-case ISO 3166-1 alpha-2 code, found {value!r} (did you mean {suggestion!r}?)"
    )


@pytest.mark.parametrize("value", ["XX", "UK", "XK", "EU", "RUS", "R", "", "uk", "12", " RU"])
def test_iso_country_rejects_unassigned_codes(value):
    assert iso_country(value) == f"expected an assigned ISO 3166-1 alpha-2 code, found {value!r}"


# --- bcp47 ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "en",
        "en-GB",
        "pt-BR",
        "zh-Hant-TW",
        "sr-Latn-RS",
        "es-419",
        "de-CH-1901",
        "x-private",
        "en-a-bbb-x-ccc",
        "ru",
        "fil",
        "EN-gb",
    ],
)
def test_bcp47_accepts(value):
    assert bcp47(value) is None


@pytest.mark.parametrize(
    "value",
    ["english", "e", "en_GB", "en-", "", "-en", "en--GB", "en GB", "en-GB-", "x-", "123"],
)
def test_bcp47_rejects(value):
    assert bcp47(value) == f"expected a BCP 47 language tag such as 'en' or 'pt-BR', found {value!r}"


# --- http_url -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "https://www.rt.com/news/",
        "http://example.com",
        "https://example.com:8080/path?q=1#frag",
        "HTTPS://EXAMPLE.COM",
        "http://127.0.0.1/",
        "http://[::1]:80/",
        "https://host:65535",
    ],
)
def test_http_url_accepts(value):
    assert http_url(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "ftp://x",
        "www.rt.com",
        "https://",
        "https://exa mple.com",
        "https://host:99999",
        "https://host:port",
        "http://[::1",
        "/news/",
        "mailto:someone@example.com",
        "",
        " https://example.com",
        "https://example.com\n",
    ],
)
def test_http_url_rejects(value):
    assert http_url(value) == f"expected an absolute http(s) URL, found {value!r}"


# --- aware_datetime -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        datetime(2022, 7, 28, tzinfo=UTC),
        datetime(2022, 7, 28, 22, 23, tzinfo=timezone(timedelta(hours=3))),
        datetime(2022, 7, 28, 22, 23, tzinfo=ZoneInfo("Europe/Moscow")),
        datetime(2022, 7, 28, 22, 23, tzinfo=timezone(timedelta(hours=-4, minutes=-30))),
    ],
)
def test_aware_datetime_accepts(value):
    assert aware_datetime(value) is None


@pytest.mark.parametrize(
    ("value", "found"),
    [
        (datetime(2022, 7, 28), "2022-07-28T00:00:00"),
        (datetime(2022, 7, 28, 22, 23, 5), "2022-07-28T22:23:05"),
        (datetime(2022, 7, 28, 22, 23, 5, 123), "2022-07-28T22:23:05.000123"),
    ],
)
def test_aware_datetime_rejects_naive(value, found):
    assert aware_datetime(value) == f"expected a timezone-aware datetime, found naive {found}"


class _NoOffset(tzinfo):
    """A tzinfo that does not know its offset: a datetime carrying it is still naive."""

    def utcoffset(self, dt):
        return None

    def dst(self, dt):
        return None

    def tzname(self, dt):
        return None


def test_aware_datetime_rejects_a_tzinfo_without_an_offset():
    value = datetime(2022, 7, 28, 22, 23, tzinfo=_NoOffset())
    assert aware_datetime(value) == "expected a timezone-aware datetime, found naive 2022-07-28T22:23:00"


# --- the shortcuts: each says what the full test says -------------------------------------------------


@given(url=st.from_regex(_PLAIN_URL, fullmatch=True))
def test_every_url_of_the_plain_shape_passes_the_full_test(url: str) -> None:
    assert http_url.thorough(url) is None  # type: ignore[attr-defined]
    assert http_url(url) is None


@given(text=st.text(max_size=30) | st.from_regex(r"https?://[^/]{0,12}(/.{0,8})?", fullmatch=True))
def test_http_url_says_what_its_full_test_says(text: str) -> None:
    assert http_url(text) == http_url.thorough(text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("url", "plain"),
    [
        ("https://www.rt.com/news/", True),
        ("http://a", True),
        ("HTTPS://a.example/", True),
        ("https://a.example:8080/", False),  # a port: the full test decides
        ("https://user@a.example/", False),
        ("https://a.example/ x", False),
        ("https://a..example/", False),
        ("https://[::1]/", False),
        ("ftp://a.example/", False),
    ],
)
def test_the_plain_url_shape_at_its_edges(url: str, plain: bool) -> None:
    assert (_PLAIN_URL.fullmatch(url) is not None) == plain
    assert http_url(url) == http_url.thorough(url)  # type: ignore[attr-defined]


# --- checks made from data: length, in_range, matches, as_check, rules ---------------------------------
# Built inside the tests (not at import): a check is data, and its name, message and schema are its output.


@pytest.mark.parametrize(
    ("kwargs", "value", "message"),
    [
        ({"min": 2}, "ab", None),
        ({"min": 2}, "a", "expected at least 2 characters, found 1"),
        ({"max": 3}, "abc", None),
        ({"max": 3}, "abcd", "expected at most 3 characters, found 4"),
        ({"min": 2, "max": 2}, "ab", None),
        ({"min": 2, "max": 2}, "abc", "expected at most 2 characters, found 3"),
        ({"min": 0}, "", None),
        ({}, "any length at all", None),
        ({"max": 1}, "é", None),  # code points, not bytes
    ],
)
def test_length_at_each_bound(kwargs, value, message):
    assert length(**kwargs)(value) == message


def test_length_names_itself_and_states_its_schema():
    check = length(min=1, max=40)
    assert (check.name, check.code, check.json_schema()) == (
        "length(min=1, max=40)",
        "length",
        {"minLength": 1, "maxLength": 40},
    )
    assert length(max=5).json_schema() == {"maxLength": 5}
    assert length(min=5).json_schema() == {"minLength": 5}
    assert length().json_schema() == {}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min": -1}, "length(min=...) takes a non-negative int or None, found int (-1)"),
        ({"max": -1}, "length(max=...) takes a non-negative int or None, found int (-1)"),
        ({"min": True}, "length(min=...) takes a non-negative int or None, found bool (True)"),
        ({"max": 2.0}, "length(max=...) takes a non-negative int or None, found float (2.0)"),
        ({"min": 3, "max": 2}, "length: min (3) is greater than max (2)"),
    ],
)
def test_length_refuses_bad_bounds(kwargs, message):
    with pytest.raises(ValueError, match=r"^length") as caught:
        length(**kwargs)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("kwargs", "value", "message"),
    [
        ({"ge": 0}, 0, None),
        ({"ge": 0}, -1, "expected a number of at least 0, found -1"),
        ({"ge": 0.5}, 0.25, "expected a number of at least 0.5, found 0.25"),
        ({"le": 10}, 10, None),
        ({"le": 10}, 11, "expected a number of at most 10, found 11"),
        ({"ge": 1, "le": 1}, 1, None),
        ({"ge": 1, "le": 1}, 2, "expected a number of at most 1, found 2"),
        ({"ge": 0}, float("nan"), "expected a number of at least 0, found nan"),
        ({"le": 0}, float("nan"), "expected a number of at most 0, found nan"),
        ({}, -(10**30), None),
    ],
)
def test_in_range_at_each_bound(kwargs, value, message):
    assert in_range(**kwargs)(value) == message


def test_in_range_names_itself_and_states_its_schema():
    check = in_range(ge=0, le=1_000_000)
    assert (check.name, check.code, check.json_schema()) == (
        "in_range(ge=0, le=1000000)",
        "range",
        {"minimum": 0, "maximum": 1_000_000},
    )
    assert in_range(ge=-1.5).json_schema() == {"minimum": -1.5}
    assert in_range(le=2).json_schema() == {"maximum": 2}
    assert in_range().json_schema() == {}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"ge": float("nan")}, "in_range(ge=...) takes a finite number or None, found float (nan)"),
        ({"le": float("inf")}, "in_range(le=...) takes a finite number or None, found float (inf)"),
        ({"ge": False}, "in_range(ge=...) takes a finite number or None, found bool (False)"),
        ({"le": "9"}, "in_range(le=...) takes a finite number or None, found '9'"),
        ({"ge": 2, "le": 1}, "in_range: ge (2) is greater than le (1)"),
    ],
)
def test_in_range_refuses_bad_bounds(kwargs, message):
    with pytest.raises(ValueError, match=r"^in_range") as caught:
        in_range(**kwargs)
    assert str(caught.value) == message


@given(st.data())
def test_in_range_draws_only_values_inside_its_bounds(data):
    assert data.draw(in_range(ge=0.5, le=3.5).strategy(int)) in {1, 2, 3}
    assert -1 <= data.draw(in_range(ge=-1, le=1).strategy(float)) <= 1
    assert data.draw(in_range(le=-(2**70)).strategy(float)) <= -(2**70)
    assert in_range(ge=0).strategy(str) is None


def test_matches_the_whole_text_names_itself_and_states_its_schema():
    check = matches(r"[A-Z]{3}")
    assert check("UNO") is None
    assert check("UNOX") == "expected text matching [A-Z]{3}, found 'UNOX'"
    assert check("xUNO") == "expected text matching [A-Z]{3}, found 'xUNO'"
    assert (check.name, check.code) == ("matches('[A-Z]{3}')", "pattern")
    assert check.json_schema() == {"pattern": "^(?:[A-Z]{3})$(?!\\n)"}
    assert matches(r"[A-Z]{3}") == check  # compared by pattern, not by the compiled regex


def test_as_check_wraps_a_function_with_its_schema_and_name():
    def even(n):
        return None if n % 2 == 0 else f"expected an even number, found {n}"

    check = as_check(even, schema={"multipleOf": 2})
    assert (check(4), check(3)) == (None, "expected an even number, found 3")
    assert check.json_schema() == {"multipleOf": 2}
    assert check.name == f"{__name__}.test_as_check_wraps_a_function_with_its_schema_and_name.<locals>.even"
    assert as_check(even).json_schema() is None
    assert as_check(even).strategy(int) is None
    assert as_check(check) is check  # a Check is taken as it is
    two = st.just(2)
    assert as_check(even, strategy=lambda: two).strategy(int) is two


def test_as_check_refuses_what_cannot_be_called():
    with pytest.raises(TypeError) as caught:
        as_check("even")  # type: ignore[arg-type]
    assert str(caught.value) == "as_check takes a function, found 'even'"


def test_rules_wraps_every_function_and_keeps_item_checks_apart():
    def positive(n):
        return None if n > 0 else "expected a positive number"

    metadata = rules(non_blank, positive, each=(stripped,))
    own, each = metadata[CHECKS_KEY], metadata[EACH_KEY]
    assert own[0] is non_blank
    assert own[1](1) is None
    assert own[1](0) == "expected a positive number"
    assert each == (stripped,)
    assert rules() == {CHECKS_KEY: (), EACH_KEY: ()}


def test_checks_is_rules_under_its_deprecated_name():
    with pytest.warns(DeprecationWarning, match=r"^newsevents\.validators\.checks is deprecated: use"):
        metadata = checks(non_blank, each=(stripped,))
    assert metadata == rules(non_blank, each=(stripped,))


# --- what the checks draw, how a wrapped function is named, how the generated loaders run it ------------


@given(st.data())
def test_every_built_in_check_and_every_check_from_data_draws_only_text_that_passes(data):
    for check in (
        non_blank,
        stripped,
        slug,
        wikidata_id,
        iso_country,
        bcp47,
        http_url,
        non_http_uri,
        matches(r"[A-Z]{3}"),
        length(min=2, max=5),
    ):
        value = data.draw(check.strategy(str), label=check.name)
        assert isinstance(value, str)
        assert check(value) is None


def _simplest(strategy, condition=lambda x: True):
    """The simplest value ``strategy`` draws that meets ``condition`` (Hypothesis shrinks to it)."""
    return find(strategy, condition, settings=settings(max_examples=300, database=None))


def test_length_draws_every_length_it_allows_and_no_other():
    assert _simplest(length().strategy(str)) == ""
    assert _simplest(length(max=3).strategy(str)) == ""
    assert _simplest(length(min=0, max=3).strategy(str)) == ""
    assert _simplest(length(min=2, max=3).strategy(str)) == "00"
    assert _simplest(length(min=2, max=3).strategy(str), lambda s: len(s) == 3) == "000"
    assert len(_simplest(length(min=2).strategy(str), lambda s: len(s) > 10)) == 11
    with pytest.raises(NoSuchExample):
        _simplest(length(min=2, max=3).strategy(str), lambda s: not 2 <= len(s) <= 3)


def test_in_range_draws_ints_across_the_signed_64_bit_range_and_no_wider():
    # The model refuses wider ints (not every JSON reader keeps them): a drawn value must build a model.
    for check in (in_range(), in_range(ge=0), in_range(le=3), in_range(ge=-(2**70), le=2**70)):
        with pytest.raises(NoSuchExample):
            _simplest(check.strategy(int), lambda n: not -(2**63) <= n <= 2**63 - 1)
    unbounded = in_range().strategy(int)
    assert _simplest(unbounded, lambda n: n <= -(2**63)) == -(2**63)
    assert _simplest(unbounded, lambda n: n >= 2**63 - 1) == 2**63 - 1


def test_in_range_draws_no_infinite_float_when_a_bound_is_left_out():
    for check in (in_range(le=0), in_range(ge=0), in_range()):
        with pytest.raises(NoSuchExample):
            _simplest(check.strategy(float), math.isinf)


@given(st.data())
def test_non_http_uri_draws_many_distinct_uris(data):
    # An article's items need distinct uris: a handful of fixed ones would not do.
    uris = data.draw(st.lists(non_http_uri.strategy(str), min_size=5, max_size=5, unique=True))
    assert all(non_http_uri(uri) is None for uri in uris)


@pytest.mark.parametrize(
    ("check", "keywords", "passing", "failing"),
    [
        (non_blank, {"minLength": 1}, ["a", " padded "], ["", "   "]),
        (stripped, {"minLength": 1}, ["a", "Sergey Lavrov"], ["", " a", "a "]),
        (slug, {}, ["sergey-lavrov", "q42"], ["Sergey", "-a", ""]),
        (wikidata_id, {}, ["Q42", "Q1"], ["Q042", "q42", "Q"]),
        (
            iso_country,
            {
                "type": "string",
                "title": "CountryCode",
                "description": "An assigned ISO 3166-1 alpha-2 code, upper-case.",
            },
            ["RU", "US"],
            ["ru", "XX", "RUS"],
        ),
        (bcp47, {}, ["en", "EN-gb", "zh-Hant-TW"], ["english", "en_GB", ""]),
        (http_url, {"format": "uri"}, ["https://www.rt.com/news/", "http://a"], ["www.rt.com", "ftp://x"]),
        (
            non_http_uri,
            {"format": "uri"},
            ["urn:newsml:dpa.com:1", "tag:news.example,2022:a"],
            ["https://rt.com/", "renditions-example"],
        ),
    ],
)
def test_each_built_in_check_says_in_json_schema_what_it_tests(check, keywords, passing, failing):
    schema = check.json_schema()
    assert set(schema) == {*keywords, "pattern"}
    assert {key: schema[key] for key in keywords} == keywords
    # The country codes are shared as one $defs entry, named by the schema's title.
    assert check.schema_title() == keywords.get("title")
    valid = Draft202012Validator({"type": "string", **schema}).is_valid
    both = [(value, check(value) is None, valid(value)) for value in (*passing, *failing)]
    assert both == [(v, True, True) for v in passing] + [(v, False, False) for v in failing]


class _Even:
    """A callable object rather than a function: it has a module but no ``__qualname__``."""

    def __call__(self, n):
        return None if n % 2 == 0 else f"expected an even number, found {n}"

    def __repr__(self):
        return "Even()"


def test_as_check_names_callables_that_are_not_functions():
    check = as_check(_Even())
    assert (check(2), check(3)) == (None, "expected an even number, found 3")
    assert check.name == f"{__name__}.Even()"
    # A method of a built-in type has no __module__: a "?" stands in for it.
    assert as_check(str.upper).name == "?.str.upper"


class _Vowel(Check):
    """A check of one's own, as a subclass: the generated loader calls it (Check's default inline)."""

    __slots__ = ()
    name = "vowel"

    def __call__(self, value):
        return None if value in ("a", "e", "i", "o", "u") else f"expected a vowel, found {describe(value)}"


def _even(n):
    return None if n % 2 == 0 else f"expected an even number, found {n}"


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("count", 3, "expected an even number, found 3"),
        ("vowel", "b", "expected a vowel, found 'b'"),
        ("code", "uno", "expected text matching [A-Z]{3}, found 'uno'"),
        ("speaker", " ", "must not be blank, found ' '"),
        ("handle", " Lavrov", "expected no leading or trailing white space, found ' Lavrov'"),
        ("tag", "Lavrov", "expected a slug matching [a-z0-9][a-z0-9._:-]*, found 'Lavrov'"),
        ("item", "Q042", "expected a Wikidata item id matching Q[1-9][0-9]*, found 'Q042'"),
        ("country", "XX", "expected an assigned ISO 3166-1 alpha-2 code, found 'XX'"),
        ("language", "english", "expected a BCP 47 language tag such as 'en' or 'pt-BR', found 'english'"),
        ("link", "www.rt.com", "expected an absolute http(s) URL, found 'www.rt.com'"),
        ("size", "abcd", "expected at most 3 characters, found 4"),
        ("crowd", -1, "expected a number of at least 0, found -1"),
    ],
)
def test_every_kind_of_check_runs_inside_the_generated_loader(field, bad, message):
    @event_type("validators_tally_example")
    @attrs.frozen(kw_only=True)
    class Tally(Event):
        count: int = attrs.field(default=0, metadata=rules(_even))  # a plain function, wrapped
        vowel: str = attrs.field(default="a", metadata=rules(_Vowel()))
        code: str = attrs.field(default="UNO", metadata=rules(matches(r"[A-Z]{3}")))
        speaker: str = attrs.field(default="Lavrov", metadata=rules(non_blank))
        handle: str = attrs.field(default="Lavrov", metadata=rules(stripped))
        tag: str = attrs.field(default="ru", metadata=rules(slug))
        item: str = attrs.field(default="Q42", metadata=rules(wikidata_id))
        country: str = attrs.field(default="RU", metadata=rules(iso_country))
        language: str = attrs.field(default="en", metadata=rules(bcp47))
        link: str = attrs.field(default="https://rt.com/", metadata=rules(http_url))
        size: str = attrs.field(default="abc", metadata=rules(length(max=3)))
        crowd: int = attrs.field(default=0, metadata=rules(in_range(ge=0)))

    good = {**to_dict(Tally(id="t1")), field: attrs.fields_dict(Tally)[field].default}
    bad_document = {**good, field: bad}
    token = LOADING.set(True)
    try:
        load = top_loader(Tally)  # the generated code alone, without the detailed path to fall back on
        assert load(good, None) == Tally(id="t1")
        with pytest.raises(_Reject):
            load(bad_document, None)
    finally:
        LOADING.reset(token)
    with pytest.raises(ValidationError) as caught:
        from_dict(Tally, bad_document)
    assert str(caught.value) == f"$.{field}: {message}"


def test_checks_warns_in_full_at_the_line_that_calls_it():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        checks(non_blank)
    [warning] = caught
    assert warning.category is DeprecationWarning
    assert str(warning.message) == (
        "newsevents.validators.checks is deprecated: use newsevents.validators.rules"
        " (hard rules; newsevents.check reports soft findings)"
    )
    # Attributed to the caller (so Python shows it when a script calls checks), never to newsevents.
    assert not warning.filename.endswith(os.path.join("newsevents", "validators.py"))
    if "MUTANT_UNDER_TEST" not in os.environ:  # under mutmut a trampoline is the caller of every function
        assert warning.filename == __file__
