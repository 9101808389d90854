"""The reusable value checks in newsevents.validators: what passes, what fails, and what the message says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.validators import (
    _PLAIN_URL,
    aware_datetime,
    bcp47,
    describe,
    http_url,
    iso_country,
    non_blank,
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
