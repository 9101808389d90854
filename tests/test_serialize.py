"""JSON: the shape of the output, exact round trips on both backends, and strict, located errors."""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import orjson
import pytest

import newsevents._jsontext
from newsevents import (
    FORMAT_VERSION,
    Actor,
    Article,
    Certainty,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    ErrorDetail,
    Event,
    Limits,
    Organization,
    OrgKind,
    Person,
    Place,
    Precision,
    QuoteMode,
    RequestKind,
    RequestStatus,
    Role,
    Statement,
    Term,
    TimeRef,
    ValidationError,
    event_types,
    from_dict,
    from_json,
    to_dict,
    to_json,
)

MSK = timezone(timedelta(hours=3))
EDT = timezone(timedelta(hours=-4))
IST = timezone(timedelta(hours=5, minutes=30))
NAIVE = "2022-07-28T22:23:00"
BUILT_IN_TAGS = ("detention", "diplomatic_request", "statement")
DEFAULT_MODE_HINT = (
    " (the default mode), found none;"
    ' for a paraphrase without quoted words set mode=QuoteMode.INDIRECT ("mode": "indirect")'
)

# ---------------------------------------------------------------- objects of every public type

MFA = Organization(
    name="Russian Foreign Ministry",
    kind=OrgKind.MINISTRY,
    country="RU",
    aliases=("MFA", "МИД России"),
    wikidata="Q1477451",
)
RT = Organization(name="RT", kind=OrgKind.MEDIA, country="RU")
LAVROV = Person(
    name="Sergey Lavrov",
    nationality=("RU",),
    roles=(Role(title="Foreign Minister", organization=MFA),),
    description="Russia's foreign minister",
    aliases=("Сергей Лавров",),
    wikidata="Q48613",
)
BLINKEN = Person(name="Antony Blinken", id="blinken", nationality=("US",))
WHELAN = Person(name="Paul Whelan", nationality=("US", "GB", "IE", "CA"))
MOSCOW = Place(name="Moscow", country="RU")
PUBLISHED = datetime(2022, 7, 28, 22, 23, tzinfo=MSK)

FULL_STATEMENT = Statement(
    id="s-indirect",
    when=TimeRef(start=datetime(2022, 7, 27, tzinfo=MSK), text="on Wednesday"),
    place=MOSCOW,
    certainty=Certainty.CLAIMED,
    reported_by=Organization(name="CNN", kind=OrgKind.MEDIA, country="US"),
    evidence=("a “technical” pause", "ещё 🙂"),
    summary="The ministry says no call is planned.",
    speaker=Country(code="RU"),
    text="No call with Blinken is planned",
    mode=QuoteMode.INDIRECT,
    audience="journalists",
    venue="a news briefing",
    about=(BLINKEN, Country(code="US"), MFA),
)
FULL_REQUEST = DiplomaticRequest(
    id="r-call",
    certainty=Certainty.POSSIBLE,
    requester=Country(code="US"),
    addressee=MFA,
    kind=RequestKind.PHONE_CALL,
    status=RequestStatus.DECLINED,
    participants=(BLINKEN, LAVROV),
    channel="diplomatic channels",
    purpose="Discuss a prisoner exchange",
    expected=TimeRef(start=datetime(2022, 8, 1, tzinfo=UTC), precision=Precision.WEEK, approximate=True),
)
FULL_DETENTION = Detention(
    id="d-whelan",
    when=TimeRef(start=datetime(2018, 12, 28, tzinfo=MSK)),
    place=MOSCOW,
    reported_by=RT,
    detainee=WHELAN,
    held_by=Organization(name="FSB", kind=OrgKind.AGENCY, country="RU"),
    status=DetentionStatus.SENTENCED,
    charges=("espionage",),
    sentence=Term(years=16),
)
FULL_ARTICLE = Article(
    id="full-article",
    title="Lavrov “too busy” for Blinken 🙂",
    published=PUBLISHED,
    publisher=RT,
    url="https://www.rt.com/news/559773/",
    subtitle="Москва — a deck with a dash",
    updated=datetime(2022, 7, 28, 19, 5, 30, 123456, tzinfo=EDT),
    language="ru",
    authors=(Person(name="Jane Doe"), RT),
    body=("First paragraph 🙂.", "Второй абзац."),
    events=(FULL_STATEMENT, FULL_REQUEST, FULL_DETENTION),
    topics=("diplomacy",),
)

OBJECTS: dict[str, Any] = {
    "country": Country(code="RU"),
    "country-non-ascii-name": Country(code="CI"),
    "organization-minimal": Organization(name="RT"),
    "organization-full": MFA,
    "organization-cyrillic": Organization(name="Министерство иностранных дел", id="mid"),
    "role-minimal": Role(title="spokeswoman"),
    "role-full": Role(title="spokeswoman", organization=MFA),
    "person-minimal": Person(name="Maria Zakharova"),
    "person-full": LAVROV,
    "person-own-id": BLINKEN,
    "person-cyrillic": Person(name="Мария Захарова", id="zakharova"),
    "place-minimal": Place(name="Khimki"),
    "place-full": Place(name="Sheremetyevo airport", id="svo", country="RU"),
    "term-years": Term(years=9),
    "term-months-days": Term(months=6, days=3),
    "term-life": Term(life=True),
    "statement-direct-minimal": Statement(
        id="s1", speaker=LAVROV, text="“We are busy.”", quotes=("We are busy.",)
    ),
    "statement-full": FULL_STATEMENT,
    "request-minimal": DiplomaticRequest(
        id="r1", requester=Country(code="US"), addressee=Country(code="RU"), kind=RequestKind.MEETING
    ),
    "request-full": FULL_REQUEST,
    "detention-minimal": Detention(
        id="d1", detainee=WHELAN, held_by=Country(code="RU"), status=DetentionStatus.DETAINED
    ),
    "detention-full": FULL_DETENTION,
    "article-minimal": Article(
        id="a1", title="A title", published=datetime(2022, 7, 28, tzinfo=UTC), publisher=RT
    ),
    "article-full": FULL_ARTICLE,
}

MOMENT = datetime(2022, 7, 28, 22, 23, 45, tzinfo=MSK)
TIME_REFS: dict[str, TimeRef] = {
    **{f"timeref-{p.value}": TimeRef.at(MOMENT, p) for p in Precision},
    **{
        f"timeref-{p.value}-{name}": TimeRef.at(
            MOMENT.astimezone(tz), p, text=f"some {p.value} text", approximate=True
        )
        for p in Precision
        for name, tz in (("utc", UTC), ("edt", EDT), ("ist", IST))
    },
}
ALL_OBJECTS = {**OBJECTS, **TIME_REFS}


# ---------------------------------------------------------------- helpers


def walk(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """Every value inside ``value`` (itself included), with its path."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")


def tagged(data: Any) -> list[tuple[str, dict[str, Any]]]:
    """Every object with a ``type`` key inside ``data``."""
    return [(path, v) for path, v in walk(data) if isinstance(v, dict) and "type" in v]


def load_errors(cls: Any, data: Any) -> list[tuple[str, str, int | None]]:
    """The details of the ValidationError that loading ``data`` (a dict, through JSON text) raises."""
    with pytest.raises(ValidationError) as info:
        from_json(cls, json.dumps(data, ensure_ascii=False))
    return [(e.path, e.message, e.line) for e in info.value.errors]


def text_errors(cls: Any, text: str | bytes) -> list[tuple[str, str, int | None]]:
    with pytest.raises(ValidationError) as info:
        from_json(cls, text)
    return [(e.path, e.message, e.line) for e in info.value.errors]


def on_both_backends(monkeypatch: pytest.MonkeyPatch, fn: Callable[[], Any]) -> tuple[Any, Any]:
    """``fn()`` run with orjson and then with the standard library's json module."""
    monkeypatch.setattr(newsevents._jsontext, "_orjson", orjson)
    fast = fn()
    monkeypatch.setattr(newsevents._jsontext, "_orjson", None)
    slow = fn()
    return fast, slow


def event_tags() -> str:
    known = sorted(event_types())
    assert set(BUILT_IN_TAGS) <= set(known)
    return ", ".join(known)


# ---------------------------------------------------------------- shape


def test_json_backend_fixture_switches_the_backend(json_backend: str) -> None:
    if json_backend == "stdlib":
        assert newsevents._jsontext._orjson is None
    else:
        assert newsevents._jsontext._orjson is orjson


def test_type_tag_is_first_on_every_entity_and_event(sample_article: Article) -> None:
    data = to_dict(sample_article)
    objects = tagged(data)
    for path, obj in objects:
        assert next(iter(obj)) == "type", path
    assert Counter(obj["type"] for _, obj in objects) == {
        "article": 1,
        "organization": 2,  # the publisher and the ministry of the spokeswoman's role
        "person": 5,  # the author, the speaker, the two participants and the detainee
        "country": 3,  # requester, addressee, held_by
        "place": 2,
        "statement": 1,
        "diplomatic_request": 1,
        "detention": 1,
    }


def test_type_tags_of_full_objects() -> None:
    data = to_dict(FULL_ARTICLE)
    assert [e["type"] for e in data["events"]] == ["statement", "diplomatic_request", "detention"]
    assert [a["type"] for a in data["authors"]] == ["person", "organization"]
    assert [a["type"] for a in data["events"][0]["about"]] == ["person", "country", "organization"]
    assert data["events"][0]["speaker"]["type"] == "country"
    assert data["events"][0]["reported_by"]["type"] == "organization"
    assert data["events"][2]["held_by"]["type"] == "organization"
    assert all(next(iter(obj)) == "type" for _, obj in tagged(data))


def test_article_carries_format_version_after_type(sample_article: Article) -> None:
    data = to_dict(sample_article)
    assert FORMAT_VERSION == 1
    assert list(data) == [
        "type",
        "format_version",
        "id",
        "title",
        "published",
        "publisher",
        "url",
        "authors",
        "body",
        "events",
        "topics",
    ]
    assert data["type"] == "article"
    assert data["format_version"] == 1
    assert type(data["format_version"]) is int
    assert to_json(sample_article).startswith('{"type":"article","format_version":1,"id":"lavrov-busy",')


def test_enums_are_lower_case_strings(sample_article: Article) -> None:
    data = to_dict(sample_article)
    statement, request, detention = data["events"]
    assert data["publisher"]["kind"] == "media"
    assert statement["mode"] == "mixed"
    assert statement["speaker"]["roles"][0]["organization"]["kind"] == "ministry"
    assert request["kind"] == "phone_call"
    assert request["status"] == "under_consideration"
    assert request["when"]["precision"] == "month"
    assert detention["status"] == "sentenced"
    assert detention["when"]["precision"] == "hour"
    full = to_dict(FULL_ARTICLE)["events"]
    assert [e["certainty"] for e in full[:2]] == ["claimed", "possible"]
    assert full[0]["mode"] == "indirect"
    assert full[1]["expected"]["precision"] == "week"


def test_datetimes_are_iso_8601_with_their_offset(sample_article: Article) -> None:
    data = to_dict(sample_article)
    assert data["published"] == "2022-07-28T22:23:00+03:00"
    assert data["events"][0]["when"]["start"] == "2022-07-28T00:00:00+03:00"
    assert data["events"][1]["when"]["start"] == "2022-07-01T00:00:00+00:00"
    assert data["events"][2]["when"]["start"] == "2022-02-17T10:00:00+03:00"
    full = to_dict(FULL_ARTICLE)
    assert full["updated"] == "2022-07-28T19:05:30.123456-04:00"
    assert (
        to_dict(TimeRef.at(MOMENT.astimezone(IST), Precision.SECOND))["start"] == "2022-07-29T00:53:45+05:30"
    )


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        pytest.param(
            Person(name="Sergey Lavrov", id="sergey-lavrov", nationality=(), roles=(), aliases=()),
            {"type": "person", "name": "Sergey Lavrov"},
            id="person-id-equal-to-slug-of-name",
        ),
        pytest.param(
            Person(name="Sergey Lavrov", id="lavrov"),
            {"type": "person", "name": "Sergey Lavrov", "id": "lavrov"},
            id="person-other-id-kept",
        ),
        pytest.param(
            Organization(name="Russian Foreign Ministry", id="russian-foreign-ministry", kind=OrgKind.OTHER),
            {"type": "organization", "name": "Russian Foreign Ministry"},
            id="organization-defaults",
        ),
        pytest.param(
            Place(name="Moscow", id="moscow", country=None),
            {"type": "place", "name": "Moscow"},
            id="place-id-equal-to-slug-of-name",
        ),
        pytest.param(
            Country(code="RU", name="Russia"),
            {"type": "country", "code": "RU"},
            id="country-table-name",
        ),
        pytest.param(
            TimeRef(
                start=datetime(2022, 7, 28, tzinfo=UTC), precision=Precision.DAY, text=None, approximate=False
            ),
            {"start": "2022-07-28T00:00:00+00:00"},
            id="timeref-defaults",
        ),
        pytest.param(
            Term(years=9, months=0, days=0, life=False),
            {"years": 9},
            id="term-defaults",
        ),
        pytest.param(
            Term(life=True),
            {"life": True},
            id="term-life",
        ),
        pytest.param(
            Role(title="spokeswoman", organization=None),
            {"title": "spokeswoman"},
            id="role-defaults",
        ),
        pytest.param(
            Statement(
                id="s1",
                when=None,
                place=None,
                certainty=Certainty.CONFIRMED,
                reported_by=None,
                related=(),
                evidence=(),
                summary=None,
                speaker=Country(code="RU"),
                text="Busy",
                mode=QuoteMode.DIRECT,
                quotes=("Busy",),
                audience=None,
                venue=None,
                about=(),
            ),
            {
                "type": "statement",
                "id": "s1",
                "speaker": {"type": "country", "code": "RU"},
                "text": "Busy",
                "quotes": ["Busy"],
            },
            id="statement-defaults",
        ),
        pytest.param(
            DiplomaticRequest(
                id="r1",
                requester=Country(code="US"),
                addressee=Country(code="RU"),
                kind=RequestKind.MEETING,
                status=RequestStatus.MADE,
            ),
            {
                "type": "diplomatic_request",
                "id": "r1",
                "requester": {"type": "country", "code": "US"},
                "addressee": {"type": "country", "code": "RU"},
                "kind": "meeting",
            },
            id="request-defaults",
        ),
        pytest.param(
            Article(
                id="a1",
                title="A title",
                published=datetime(2022, 7, 28, tzinfo=UTC),
                publisher=Organization(name="RT"),
                language="en",
                authors=(),
                body=(),
                events=(),
                topics=(),
            ),
            {
                "type": "article",
                "format_version": 1,
                "id": "a1",
                "title": "A title",
                "published": "2022-07-28T00:00:00+00:00",
                "publisher": {"type": "organization", "name": "RT"},
            },
            id="article-defaults",
        ),
        pytest.param(
            Article(
                id="a1",
                title="A title",
                published=datetime(2022, 7, 28, tzinfo=UTC),
                publisher=Organization(name="RT"),
                language="ru",
            ),
            {
                "type": "article",
                "format_version": 1,
                "id": "a1",
                "title": "A title",
                "published": "2022-07-28T00:00:00+00:00",
                "publisher": {"type": "organization", "name": "RT"},
                "language": "ru",
            },
            id="article-other-language-kept",
        ),
    ],
)
def test_fields_equal_to_their_default_are_left_out(obj: Any, expected: dict[str, Any]) -> None:
    data = to_dict(obj)
    assert data == expected
    assert list(data) == list(expected)  # the order too: tag first, then the fields in their order


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_to_dict_holds_only_plain_json_types(name: str) -> None:
    data = to_dict(OBJECTS[name])
    plain = (dict, list, str, int, float, bool, type(None))
    for path, value in walk(data):
        assert type(value) in plain, f"{path}: {type(value).__name__}"
        if isinstance(value, dict):
            assert all(type(k) is str for k in value), path


def test_sample_to_dict_holds_only_plain_json_types(sample_article: Article) -> None:
    data = to_dict(sample_article)
    plain = (dict, list, str, int, float, bool, type(None))
    seen = 0
    for path, value in walk(data):
        seen += 1
        assert type(value) in plain, f"{path}: {type(value).__name__}"
        if isinstance(value, dict):
            assert all(type(k) is str for k in value), path
    assert seen > 50  # the walk went all the way down
    assert json.loads(json.dumps(data)) == data


def test_to_dict_refuses_what_is_not_a_model() -> None:
    with pytest.raises(TypeError, match="to_dict takes a newsevents model object, found int"):
        to_dict(5)


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("name", sorted(ALL_OBJECTS))
def test_round_trip_is_exact(name: str, json_backend: str) -> None:
    obj = ALL_OBJECTS[name]
    text = to_json(obj)
    back = from_json(type(obj), text)
    assert back == obj
    assert type(back) is type(obj)
    assert to_json(back) == text
    assert from_json(type(obj), text.encode("utf-8")) == obj


@pytest.mark.parametrize("name", sorted(ALL_OBJECTS))
def test_round_trip_of_indented_json(name: str, json_backend: str) -> None:
    obj = ALL_OBJECTS[name]
    text = to_json(obj, indent=2)
    assert "\n  " in text
    back = from_json(type(obj), text)
    assert back == obj
    assert to_json(back, indent=2) == text
    assert json.loads(text) == to_dict(obj)


@pytest.mark.parametrize("name", sorted(ALL_OBJECTS))
def test_round_trip_through_to_dict(name: str) -> None:
    obj = ALL_OBJECTS[name]
    assert from_dict(type(obj), to_dict(obj)) == obj


def test_round_trip_of_the_sample_article(sample_article: Article, json_backend: str) -> None:
    text = to_json(sample_article)
    back = from_json(Article, text)
    assert back == sample_article
    assert to_json(back) == text
    assert "“busy”" in text  # non-ASCII text stays as it is, not \u-escaped
    assert "🙂" in text
    indented = to_json(sample_article, indent=2)
    assert from_json(Article, indented) == sample_article
    assert to_json(from_json(Article, indented), indent=2) == indented


def test_time_refs_cover_every_precision() -> None:
    assert {ref.precision for ref in TIME_REFS.values()} == set(Precision)
    assert {ref.start.utcoffset() for ref in TIME_REFS.values()} == {
        timedelta(hours=3),
        timedelta(0),
        timedelta(hours=-4),
        timedelta(hours=5, minutes=30),
    }


def test_both_backends_give_identical_bytes_for_the_sample(
    sample_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, slow = on_both_backends(monkeypatch, lambda: to_json(sample_article))
    assert fast == slow
    fast, slow = on_both_backends(monkeypatch, lambda: to_json(sample_article, indent=2))
    assert fast == slow
    fast, slow = on_both_backends(monkeypatch, lambda: to_json(FULL_ARTICLE, indent=2))
    assert fast == slow


TRICKY = 'a\x00b\x01\x1f\x7f "quoted" back\\slash \b\f\n\r\t \u2028 \u2029 \x85 é ж 中 🙂 </script>'


def test_both_backends_give_identical_bytes_for_tricky_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    obj = Person(name="Tricky", description=f"[{TRICKY}]", aliases=(TRICKY.strip(),))
    fast, slow = on_both_backends(monkeypatch, lambda: to_json(obj))
    assert fast == slow
    fast_indented, slow_indented = on_both_backends(monkeypatch, lambda: to_json(obj, indent=2))
    assert fast_indented == slow_indented
    assert json.loads(fast)["description"] == f"[{TRICKY}]"
    assert "\\u0000" in fast
    assert '\\"quoted\\"' in fast
    assert "back\\\\slash" in fast
    assert "é ж 中 🙂" in fast
    back_fast, back_slow = on_both_backends(monkeypatch, lambda: from_json(Person, fast))
    assert back_fast == back_slow == obj


def test_ints_wider_than_64_bits_are_refused_when_built() -> None:
    # orjson cannot write them and reads them back as floats, so the model keeps ints to 64 bits.
    with pytest.raises(ValidationError) as caught:
        Term(years=2**64)
    assert [(e.path, e.message) for e in caught.value.errors] == [
        ("Term.years", "expected an int within the signed 64-bit range, found 18446744073709551616")
    ]
    assert Term(years=2**63 - 1).years == 2**63 - 1


def test_ints_wider_than_64_bits_are_refused_on_both_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    def attempt() -> list[tuple[str, str]]:
        with pytest.raises(ValidationError) as caught:
            from_json(Term, '{"years":18446744073709551616}')
        return [(e.path, e.message) for e in caught.value.errors]

    fast, slow = on_both_backends(monkeypatch, attempt)
    # orjson reads the integer as a float; text that orjson would not write so is read again
    # by the stdlib, which keeps it exact, so both backends say the same.
    assert (
        slow
        == fast
        == [("$.years", "expected an int within the signed 64-bit range, found 18446744073709551616")]
    )


# ---------------------------------------------------------------- bad input


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _drop(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


BAD_INPUT: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    "number-for-string": (_set(["title"], 5), "$.title", "expected str, found int (5)"),
    "string-for-list": (
        _set(["topics"], "diplomacy"),
        "$.topics",
        "expected an array (tuple[str, ...]), found 'diplomacy'",
    ),
    "bool-for-int": (
        _set(["events", 2, "sentence", "years"], True),
        "$.events[2].sentence.years",
        "expected int, found bool (True)",
    ),
    "float-for-int": (
        _set(["events", 2, "sentence", "years"], 9.0),
        "$.events[2].sentence.years",
        "expected int, found float (9.0)",
    ),
    "naive-datetime": (
        _set(["published"], NAIVE),
        "$.published",
        f"expected a datetime with a UTC offset (timezone-aware), found naive '{NAIVE}'",
    ),
    "not-a-datetime": (
        _set(["published"], "last Thursday"),
        "$.published",
        "expected an ISO 8601 datetime with a UTC offset, found 'last Thursday'",
    ),
    "unknown-enum-value": (
        _set(["events", 0, "mode"], "shouted"),
        "$.events[0].mode",
        "expected one of 'direct', 'indirect', 'mixed', found 'shouted'",
    ),
    "enum-name-not-value": (
        _set(["events", 0, "mode"], "MIXED"),
        "$.events[0].mode",
        "expected one of 'direct', 'indirect', 'mixed', found 'MIXED' (did you mean 'mixed'?)",
    ),
    "unknown-key": (
        _set(["events", 0, "speaker", "foo"], 1),
        "$.events[0].speaker.foo",
        "unknown field; expected one of: type, name, id, nationality, roles, description, aliases, wikidata",
    ),
    "unknown-key-in-article": (
        _set(["foo"], 1),
        "$.foo",
        "unknown field; expected one of: type, format_version, id, title, published, publisher, url,"
        " subtitle, updated, language, authors, body, events, topics, uri",
    ),
    "unknown-actor-tag": (
        _set(["events", 1, "requester", "type"], "place"),
        "$.events[1].requester.type",
        "unknown type 'place'; expected one of: 'country', 'organization', 'person'",
    ),
    "missing-actor-tag": (
        _drop(["events", 1, "requester", "type"]),
        "$.events[1].requester.type",
        "missing type tag; expected one of: country, organization, person",
    ),
    "missing-author-tag": (
        _drop(["authors", 0, "type"]),
        "$.authors[0].type",
        "missing type tag; expected one of: organization, person",
    ),
    "wrong-tag-for-concrete-field": (
        _set(["publisher", "type"], "person"),
        "$.publisher.type",
        "expected type 'organization', found 'person'",
    ),
    "missing-required-field": (_drop(["title"]), "$.title", "required field is missing"),
    "missing-required-nested-field": (
        _drop(["events", 2, "detainee", "name"]),
        "$.events[2].detainee.name",
        "required field is missing",
    ),
    "newer-format-version": (
        _set(["format_version"], 2),
        "$.format_version",
        "this document uses format version 2, newer than this release of newsevents reads (up to 1);"
        " upgrade newsevents",
    ),
    "format-version-not-a-number": (
        _set(["format_version"], "x"),
        "$.format_version",
        "expected a format version number (1 to 1), found 'x'",
    ),
    "format-version-zero": (
        _set(["format_version"], 0),
        "$.format_version",
        "expected a format version number (1 to 1), found int (0)",
    ),
    "string-for-object": (
        _set(["publisher"], "RT"),
        "$.publisher",
        "expected an object (organization), found 'RT'",
    ),
    "list-for-object": (
        _set(["events", 2, "sentence"], [9]),
        "$.events[2].sentence",
        "expected an object (Term), found list ([9])",
    ),
    "string-for-event": (
        _set(["events", 1], "call-request"),
        "$.events[1]",
        "expected an object (Event (a registered event type)), found 'call-request'",
    ),
    "null-for-required-string": (_set(["title"], None), "$.title", "expected str, found null"),
    "null-for-required-object": (
        _set(["publisher"], None),
        "$.publisher",
        "expected an object (organization), found null",
    ),
    "null-for-required-actor": (
        _set(["events", 0, "speaker"], None),
        "$.events[0].speaker",
        "expected an object (Person | Organization | Country), found null",
    ),
    "blank-name": (
        _set(["events", 0, "speaker", "name"], "  "),
        "$.events[0].speaker.name",
        "must not be blank, found '  '",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_is_a_validation_error_with_its_path(
    case: str, sample_article: Article, json_backend: str
) -> None:
    mutate, path, message = BAD_INPUT[case]
    doc = to_dict(sample_article)
    mutate(doc)
    assert load_errors(Article, doc) == [(path, message, None)]


def test_string_is_not_split_into_a_list_of_characters(sample_article: Article) -> None:
    doc = to_dict(sample_article)
    doc["topics"] = "ab"
    with pytest.raises(ValidationError) as info:
        from_dict(Article, doc)
    assert [e.path for e in info.value.errors] == ["$.topics"]
    doc["topics"] = ["ab"]
    assert from_dict(Article, doc).topics == ("ab",)


def test_unknown_event_tag(sample_article: Article, json_backend: str) -> None:
    doc = to_dict(sample_article)
    doc["events"][0]["type"] = "not_an_event_type"
    known = ", ".join(repr(t) for t in event_tags().split(", "))
    assert load_errors(Article, doc) == [
        ("$.events[0].type", f"unknown type 'not_an_event_type'; expected one of: {known}", None)
    ]


def test_missing_event_tag(sample_article: Article, json_backend: str) -> None:
    doc = to_dict(sample_article)
    del doc["events"][0]["type"]
    assert load_errors(Article, doc) == [
        ("$.events[0].type", f"missing type tag; expected one of: {event_tags()}", None)
    ]


def test_non_string_event_tag(sample_article: Article) -> None:
    doc = to_dict(sample_article)
    doc["events"][2]["type"] = 3
    known = ", ".join(repr(t) for t in event_tags().split(", "))
    assert load_errors(Article, doc) == [
        ("$.events[2].type", f"unknown type int (3); expected one of: {known}", None)
    ]


def test_document_that_is_not_an_object(json_backend: str) -> None:
    assert text_errors(Article, "[1]") == [("$", "expected an object (article), found list ([1])", None)]
    assert text_errors(Article, '"article"') == [("$", "expected an object (article), found 'article'", None)]
    assert text_errors(Article, "null") == [("$", "expected an object (article), found null", None)]


SYNTAX = "expected valid JSON, found an error: "


@pytest.mark.parametrize(
    ("text", "line", "column", "start"),
    [
        ('{"type": "article",', 1, 20, SYNTAX),
        ('{\n  "type": "article",\n  "title": tru\n}', 3, 12, SYNTAX),
        ("", 1, 1, "expected a JSON document, found an empty text"),
        (" \r\n\t", 1, 1, "expected a JSON document, found only whitespace"),
        ("{'type': 'article'}", 1, 2, SYNTAX),
        ('{"type": "article"} trailing', 1, 21, SYNTAX),
        ('{"type": "article"}\n{"type": "article"}', 2, 1, SYNTAX),
        (b'{"title": "caf\xc3\xa9 \xff"}', 1, 17, "expected UTF-8 text, found byte ff (invalid start byte)"),
        (b"\xff\xfe{", 1, 1, "expected UTF-8 text, found a UTF-16 byte-order mark"),
        (b'\xef\xbb\xbf{"type": "article"}', 1, 1, "expected JSON text, found a byte-order mark (U+FEFF)"),
        ('\ufeff{"type": "article"}', 1, 1, "expected JSON text, found a byte-order mark (U+FEFF)"),
        ('{"title": "a\ud800"}', 1, 13, "expected text, found a lone surrogate (U+D800)"),
        ('{"title": "a\\ud800"}', 1, 13, SYNTAX),
        ('{"title": "a\\udc00\\ud800"}', 1, 13, SYNTAX),
        ('{"title": "\t"}', 1, 12, SYNTAX),
    ],
    ids=[
        "truncated",
        "truncated-on-line-3",
        "empty",
        "whitespace",
        "single-quotes",
        "trailing-garbage",
        "two-documents",
        "not-utf-8",
        "utf-16-bom",
        "utf-8-bom",
        "bom-in-str",
        "lone-surrogate",
        "lone-surrogate-escape",
        "lone-low-surrogate-escape",
        "control-character",
    ],
)
def test_invalid_json_text_names_line_and_column(
    text: str | bytes, line: int, column: int, start: str, json_backend: str
) -> None:
    """Each kind of malformed text: one error at the root, where the text goes wrong, on both backends."""
    with pytest.raises(ValidationError) as info:
        from_json(Article, text)
    (detail,) = info.value.errors
    assert (detail.path, detail.line, detail.column) == ("$", line, column)
    assert detail.message.startswith(start)
    assert len(detail.message) > len(SYNTAX)
    assert str(info.value).startswith(f"line {line}, column {column}: $: ")


@pytest.mark.parametrize(
    "text",
    ['{"years": NaN}', '{"years": Infinity}', '{"years": -Infinity}', "NaN"],
    ids=["nan", "infinity", "minus-infinity", "bare-nan"],
)
def test_nan_and_infinity_are_not_json(text: str, json_backend: str) -> None:
    errors = text_errors(Term, text)
    literal = text.rsplit(maxsplit=1)[-1].rstrip("}")
    assert errors == [("$", f"expected a JSON value, found {literal}, which JSON does not have", 1)]


def test_from_json_refuses_what_is_not_text() -> None:
    assert text_errors(Article, {"type": "article"}) == [
        ("$", "expected JSON text (str or bytes), found dict ({'type': 'article'})", None)
    ]


def test_every_problem_is_reported_in_document_order(sample_article: Article, json_backend: str) -> None:
    doc = to_dict(sample_article)
    doc["title"] = 5
    doc["published"] = NAIVE
    doc["events"][0]["mode"] = "shouted"
    doc["events"][0]["speaker"]["nationality"] = ["RU", 7]
    doc["events"][1]["foo"] = 1
    doc["events"][2]["sentence"]["years"] = True
    doc["topics"] = "diplomacy"
    errors = load_errors(Article, doc)
    assert len(errors) == 7
    assert [path for path, _, _ in errors] == [
        "$.title",
        "$.published",
        "$.events[0].speaker.nationality[1]",
        "$.events[0].mode",
        "$.events[1].foo",
        "$.events[2].sentence.years",
        "$.topics",
    ]
    assert errors[2][1] == "expected str, found int (7)"
    assert errors[4][1].startswith("unknown field; expected one of: type, id, when,")


def test_unknown_key_is_reported_where_it_sits_in_the_document() -> None:
    # ValidationError.errors: "Every problem found, in document order".
    text = (
        '{"type": "article", "id": "a1", "title": 5, "foo": 1, "published": "2022-07-28T22:23:00",'
        ' "publisher": {"type": "organization", "name": "RT"}}'
    )
    assert [path for path, _, _ in text_errors(Article, text)] == ["$.title", "$.foo", "$.published"]


def test_type_errors_in_several_list_items_are_all_reported(json_backend: str) -> None:
    doc = to_dict(WHELAN)
    doc["nationality"] = [3, "GB", True]
    assert load_errors(Person, doc) == [
        ("$.nationality[0]", "expected str, found int (3)", None),
        ("$.nationality[2]", "expected str, found bool (True)", None),
    ]


def test_format_errors_in_several_list_items_are_all_reported(json_backend: str) -> None:
    doc = to_dict(WHELAN)
    doc["nationality"] = ["us", "GB", "XX"]
    assert load_errors(Person, doc) == [
        (
            "$.nationality[0]",
            "expected an upper-case ISO 3166-1 alpha-2 code, found 'us' (did you mean 'US'?)",
            None,
        ),
        ("$.nationality[2]", "expected an assigned ISO 3166-1 alpha-2 code, found 'XX'", None),
    ]


# ---------------------------------------------------------------- constructor invariants under $ paths


def test_duplicate_event_ids(sample_article: Article, json_backend: str) -> None:
    doc = to_dict(sample_article)
    for event in doc["events"]:
        event.pop("related", None)
    doc["events"][1]["id"] = "zakharova-busy"
    assert load_errors(Article, doc) == [
        ("$.events[1].id", "duplicate event id 'zakharova-busy', first used at events[0]", None)
    ]


def test_unresolved_related_id(sample_article: Article, json_backend: str) -> None:
    doc = to_dict(sample_article)
    doc["events"][0]["related"] = ["nowhere"]
    assert load_errors(Article, doc) == [
        (
            "$.events[0].related[0]",
            "expected the id of an event in this article, found 'nowhere'"
            " (ids: call-request, griner-sentenced, zakharova-busy)",
            None,
        )
    ]


def test_direct_statement_without_quotes(sample_article: Article, json_backend: str) -> None:
    doc = to_dict(sample_article)
    del doc["events"][0]["mode"]  # the default, DIRECT
    del doc["events"][0]["quotes"]
    assert load_errors(Article, doc) == [
        ("$.events[0].quotes", "expected at least one quote in a direct statement" + DEFAULT_MODE_HINT, None)
    ]


def test_invariant_of_a_nested_object(sample_article: Article) -> None:
    doc = to_dict(sample_article)
    doc["events"][2]["sentence"] = {"years": -1}
    assert load_errors(Article, doc) == [
        ("$.events[2].sentence.years", "expected a non-negative number, found -1", None)
    ]


def test_same_requester_and_addressee(sample_article: Article) -> None:
    doc = to_dict(sample_article)
    doc["events"][1]["addressee"] = {"type": "country", "code": "US"}
    assert load_errors(Article, doc) == [
        (
            "$.events[1].addressee",
            "expected a party other than the requester, found the same country 'US'",
            None,
        )
    ]


# ---------------------------------------------------------------- dispatch by tag


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"type": "person", "name": "Sergey Lavrov"}, Person(name="Sergey Lavrov")),
        (
            {"type": "organization", "name": "RT", "kind": "media"},
            Organization(name="RT", kind=OrgKind.MEDIA),
        ),
        ({"type": "country", "code": "RU"}, Country(code="RU")),
    ],
    ids=["person", "organization", "country"],
)
def test_from_dict_of_actor_dispatches_by_tag(data: dict[str, Any], expected: Any) -> None:
    found = from_dict(Actor, data)
    assert found == expected
    assert type(found) is type(expected)


def test_from_dict_of_actor_refuses_other_tags() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(Actor, {"type": "place", "name": "Moscow"})
    assert info.value.errors == (
        ErrorDetail("$.type", "unknown type 'place'; expected one of: 'country', 'organization', 'person'"),
    )


def test_from_dict_of_event_dispatches_by_tag(sample_article: Article) -> None:
    events = (*sample_article.events, *FULL_ARTICLE.events)
    for event in events:
        found = from_dict(Event, to_dict(event))
        assert found == event
        assert type(found) is type(event)
    assert {type(e) for e in events} == {Statement, DiplomaticRequest, Detention}


def test_from_json_of_event_dispatches_by_tag(json_backend: str) -> None:
    found = from_json(Event, to_json(FULL_DETENTION))
    assert type(found) is Detention
    assert found == FULL_DETENTION


def test_from_dict_of_event_refuses_other_tags() -> None:
    known = ", ".join(repr(t) for t in event_tags().split(", "))
    with pytest.raises(ValidationError) as info:
        from_dict(Event, {"type": "country", "code": "RU"})
    assert info.value.errors == (ErrorDetail("$.type", f"unknown type 'country'; expected one of: {known}"),)
    with pytest.raises(ValidationError) as info:
        from_dict(Event, {"id": "s1"})
    assert info.value.errors == (ErrorDetail("$.type", f"missing type tag; expected one of: {event_tags()}"),)


def test_concrete_event_class_refuses_another_event_tag() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(Statement, to_dict(FULL_DETENTION))
    assert info.value.errors == (ErrorDetail("$.type", "expected type 'statement', found 'detention'"),)


# ---------------------------------------------------------------- equal objects, identical bytes


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Country(code="RU"), Country(name="Russia", code="RU")),
        (Person(name="Sergey Lavrov"), Person(nationality=(), id="sergey-lavrov", name="Sergey Lavrov")),
        (
            Organization(name="RT", kind=OrgKind.MEDIA, country="RU"),
            Organization(country="RU", kind=OrgKind.MEDIA, id="rt", name="RT"),
        ),
        (TimeRef.of(2022, 7, 28), TimeRef(start=datetime(2022, 7, 28, tzinfo=UTC))),
        (
            TimeRef.at(datetime(2022, 7, 28, 22, 23, tzinfo=UTC)),
            TimeRef(precision=Precision.DAY, start=datetime(2022, 7, 28, tzinfo=UTC)),
        ),
        (Term(years=9), Term(life=False, days=0, years=9)),
        (
            Statement(id="s1", speaker=LAVROV, text="Busy", quotes=("Busy",)),
            Statement(quotes=("Busy",), text="Busy", speaker=LAVROV, mode=QuoteMode.DIRECT, id="s1"),
        ),
    ],
    ids=["country", "person", "organization", "timeref-of", "timeref-at", "term", "statement"],
)
def test_equal_objects_give_identical_bytes(first: Any, second: Any, json_backend: str) -> None:
    assert first == second
    assert to_json(first) == to_json(second)
    assert to_json(first, indent=2) == to_json(second, indent=2)


def _rebuilt_in_reverse(obj: Any) -> Any:
    """The same object, built with its keyword arguments in reverse order (nested objects too)."""
    if isinstance(obj, tuple):
        return tuple(_rebuilt_in_reverse(item) for item in obj)
    if not attrs.has(type(obj)):
        return obj
    kwargs = {f.name: _rebuilt_in_reverse(getattr(obj, f.name)) for f in reversed(attrs.fields(type(obj)))}
    assert next(iter(kwargs)) == attrs.fields(type(obj))[-1].name
    return type(obj)(**kwargs)


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_keyword_order_does_not_change_the_bytes(name: str, json_backend: str) -> None:
    obj = OBJECTS[name]
    other = _rebuilt_in_reverse(obj)
    assert other == obj
    assert other is not obj
    assert to_json(other) == to_json(obj)


def test_keyword_order_does_not_change_the_bytes_of_the_sample(
    sample_article: Article, json_backend: str
) -> None:
    other = _rebuilt_in_reverse(sample_article)
    assert other == sample_article
    assert to_json(other) == to_json(sample_article)


def _reversed_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _reversed_keys(v) for k, v in reversed(list(value.items()))}
    if isinstance(value, list):
        return [_reversed_keys(v) for v in value]
    return value


def test_document_in_another_key_order_with_explicit_defaults_gives_canonical_bytes(
    sample_article: Article, json_backend: str
) -> None:
    doc = to_dict(sample_article)
    doc["language"] = "en"
    doc["subtitle"] = None
    doc["events"][0]["certainty"] = "confirmed"
    doc["events"][0]["about"] = []
    doc["events"][2]["sentence"]["months"] = 0
    doc["events"][2]["detainee"]["id"] = "brittney-griner"
    doc["events"][1]["requester"]["name"] = "United States"
    scrambled = _reversed_keys(doc)
    assert list(scrambled)[-1] == "type"
    back = from_json(Article, json.dumps(scrambled, ensure_ascii=False))
    assert back == sample_article
    assert to_json(back) == to_json(sample_article)


def test_same_instant_in_another_zone_is_not_equal_and_serializes_differently() -> None:
    moscow = TimeRef(start=datetime(2022, 7, 28, 3, tzinfo=MSK), precision=Precision.HOUR)
    utc = TimeRef(start=datetime(2022, 7, 28, 0, tzinfo=UTC), precision=Precision.HOUR)
    assert moscow.start == utc.start  # the same instant
    assert moscow != utc
    assert to_json(moscow) != to_json(utc)
    base = FULL_ARTICLE
    other = attrs.evolve(base, published=base.published.astimezone(UTC))
    assert other != base
    assert to_json(other) != to_json(base)


def test_round_trip_keeps_copies_independent(sample_article: Article) -> None:
    data = to_dict(sample_article)
    pristine = copy.deepcopy(data)
    from_dict(Article, data)
    assert data == pristine  # loading does not consume or change its input


# ---------------------------------------------------------------- found by mutation testing


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (r'["\ud7ff\ue000\uD7FF"]', ["\ud7ff\ue000\ud7ff"]),  # just below and just above the surrogates
        (r'["\ud800\udc00\udbff\udfff\uD83D\uDE00"]', ["\U00010000\U0010ffff\U0001f600"]),  # the edge pairs
        (r'["a\u0041", "b\\", "\ud83d\ude00"]', ["aA", "b\\", "\U0001f600"]),
    ],
    ids=["around", "pairs", "several-strings"],
)
def test_escapes_next_to_surrogates_and_surrogate_pairs_are_read(
    text: str, value: list[str], json_backend: str
) -> None:
    assert newsevents._jsontext.parse(text) == value


@pytest.mark.parametrize(
    ("text", "column"),
    [
        (r'["\ud800"]', 3),  # the lowest high half
        (r'["\udbff"]', 3),  # the highest high half
        (r'["\udc00"]', 3),  # the lowest low half
        (r'["\uDFFF"]', 3),  # the highest low half
        (r'["\ud800\ud800"]', 3),  # a high half after a high half
        (r'["\ud800x\udc00"]', 3),  # a low half, but not right after
        (r'["\ud800\n\udc00"]', 3),  # another escape in between
        (r'["\ud800\\udc00"]', 3),  # an escaped backslash: no escape follows
        (r'["\ud800\udc00\udc00"]', 15),  # a pair, then a low half alone
        (r'["\ud800\ue000"]', 3),  # a high half, then just past the low halves
        (r'["\udc00\udc00"]', 3),  # a low half never starts a pair
        (r'["a\u0041", "b", "\\", "c\udbff"]', 26),  # in the fourth string
        (r'["\ud800\udc00", "\ud800"]', 19),  # a pair does not pair with the next string
        (r'{"\udc00": 1}', 3),  # in a key
    ],
    ids=[
        "d800",
        "dbff",
        "dc00",
        "dfff",
        "high-high",
        "not-adjacent",
        "escape-between",
        "escaped-backslash",
        "pair-then-low",
        "high-then-e000",
        "low-low",
        "fourth-string",
        "next-string",
        "key",
    ],
)
def test_a_lone_surrogate_escape_is_refused_where_it_stands(
    text: str, column: int, json_backend: str
) -> None:
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(text)
    assert [(e.path, e.message, e.code, e.line, e.column) for e in info.value.errors] == [
        ("$", SYNTAX + "a lone surrogate escape", "json_syntax", 1, column)
    ]


FLOATS = {"a": {"b": 1.5e-05, "ключ": 2.5e-07}, "c": [1e-4, -0.0, 0.5], "d": {}, "e": [], "f": "é"}


def test_floats_nested_in_objects_are_written_as_orjson_writes_them(json_backend: str) -> None:
    """Floats (custom event types only) give the same bytes on both backends, keys unescaped."""
    assert newsevents._jsontext.dumps(FLOATS, None) == (
        '{"a":{"b":0.000015,"ключ":2.5e-7},"c":[0.0001,-0.0,0.5],"d":{},"e":[],"f":"é"}'
    )
    assert newsevents._jsontext.dumps(FLOATS, 2) == "\n".join(
        [
            "{",
            '  "a": {',
            '    "b": 0.000015,',
            '    "ключ": 2.5e-7',
            "  },",
            '  "c": [',
            "    0.0001,",
            "    -0.0,",
            "    0.5",
            "  ],",
            '  "d": {},',
            '  "e": [],',
            '  "f": "é"',
            "}",
        ]
    )


@pytest.mark.parametrize("indent", [0, 1, 2, 4])
def test_a_document_with_floats_is_indented_as_one_without(indent: int, json_backend: str) -> None:
    """Only the floats' text differs from json.dumps: 0.5 and 2.25 read the same both ways."""
    doc = {"a": {"b": 0.5, "é": [2.25, {}]}, "c": [], "d": "x"}
    assert newsevents._jsontext.dumps(doc, indent) == json.dumps(doc, indent=indent, ensure_ascii=False)


def test_float_text_refuses_what_json_cannot_hold() -> None:
    for value in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(ValueError, match=r"^(nan|inf|-inf) is not valid JSON$"):
            newsevents._jsontext.float_text(value)


TOO_DEEP = "the document is nested too deeply (more than 254 levels of arrays and objects)"
CUT_SHORT = "; the text ends before the JSON document does (was it cut short?)"


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ('{"a" 1}', SYNTAX + "Expecting ':' delimiter", 1, 6),
        ('{"a": 1 "b"}', SYNTAX + "Expecting ',' delimiter", 1, 9),
        ('{"a":1}x', SYNTAX + "Extra data", 1, 8),
        ("[1,", SYNTAX + "Expecting value" + CUT_SHORT, 1, 4),
        ("\n[1 2]", SYNTAX + "Expecting ',' delimiter", 2, 4),
        ("\n[NaN]", "expected a JSON value, found NaN, which JSON does not have", 2, 2),
        ("[1,\n\n  NaN]", "expected a JSON value, found NaN, which JSON does not have", 3, 3),
    ],
    ids=["colon", "comma", "extra-data", "cut-short", "line-2", "nan-on-line-2", "nan-on-line-3"],
)
def test_a_syntax_error_says_exactly_what_and_where(
    text: str, message: str, line: int, column: int, json_backend: str
) -> None:
    """Only a text that stops before the document does is said to be cut short."""
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(text)
    assert [(e.path, e.message, e.line, e.column) for e in info.value.errors] == [
        ("$", message, line, column)
    ]


def test_strings_and_keys_at_the_string_limit_are_read_and_longer_ones_refused(json_backend: str) -> None:
    text = '{"abc": "xyz", "ab": ["xy", "wxyz"]}'
    assert newsevents._jsontext.parse(text, Limits(max_string=4)) == {"abc": "xyz", "ab": ["xy", "wxyz"]}
    assert newsevents._jsontext.parse('{"abc": "xyz"}', Limits(max_string=3)) == {"abc": "xyz"}
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(text, Limits(max_string=2))
    assert [(e.path, e.message, e.code) for e in info.value.errors] == [
        ("$", "expected a key of at most 2 characters (Limits.max_string), found 3: 'abc'", "limit"),
        ("$.abc", "expected a string of at most 2 characters (Limits.max_string), found 3", "limit"),
        ("$.ab[1]", "expected a string of at most 2 characters (Limits.max_string), found 4", "limit"),
    ]


def test_a_long_key_is_shown_shortened_in_its_error(json_backend: str) -> None:
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse('{"' + "k" * 30 + '": 1}', Limits(max_string=10))
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("$", "expected a key of at most 10 characters (Limits.max_string), found 30: '" + "k" * 19 + "...'")
    ]


NOT_UTF_8 = "expected UTF-8 text, found "
CUT_CHARACTER = NOT_UTF_8 + "byte e2 82 (invalid continuation byte)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b'{\n  "t": "caf\xc3\xa9 \xff"\n}', (NOT_UTF_8 + "byte ff (invalid start byte)", "encoding", 2, 14)),
        (b'[\n"\xc3\xa9",\n"\xe2\x82"]', (CUT_CHARACTER, "encoding", 3, 2)),
        (b"\xfe\xff\x00{", (NOT_UTF_8 + "a UTF-16 byte-order mark", "encoding", 1, 1)),
        (b"\xff\xfe{\x00", (NOT_UTF_8 + "a UTF-16 byte-order mark", "encoding", 1, 1)),
        ('{"a":' * 255 + "1" + "}" * 255, (TOO_DEEP, "depth", 1, 1271)),
        ('[{"a":' * 128 + "1" + "}]" * 128, (TOO_DEEP, "depth", 1, 763)),
    ],
    ids=["not-utf-8-on-line-2", "cut-character-on-line-3", "utf-16-be", "utf-16-le", "objects", "mixed"],
)
def test_bytes_that_are_not_utf_8_and_deep_objects_are_refused_where_they_stand(
    text: str | bytes, expected: tuple[str, str, int, int], json_backend: str
) -> None:
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(text)
    assert [(e.path, e.message, e.code, e.line, e.column) for e in info.value.errors] == [("$", *expected)]


def test_from_json_of_what_is_not_text_has_the_code_type() -> None:
    with pytest.raises(ValidationError) as info:
        from_json(Country, 7)
    assert [(e.path, e.message, e.code) for e in info.value.errors] == [
        ("$", "expected JSON text (str or bytes), found int (7)", "type")
    ]
