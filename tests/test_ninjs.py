"""IPTC ninjs 3.1: the export validates against the IPTC's schema; agency items come in as articles."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

from _seed import seed_article
from newsevents import (
    Article,
    ErrorDetail,
    Organization,
    OrgKind,
    Person,
    ValidationError,
    from_ninjs,
    to_ninjs,
)
from newsevents import strategies as nst
from newsevents.ninjs import NINJS_SCHEMA

ROOT = Path(__file__).resolve().parents[1]
NINJS = Path(__file__).resolve().parents[2] / "shared" / "standards" / "ninjs-schema_3.1.json"
needs_schema = pytest.mark.skipif(not NINJS.exists(), reason=f"the IPTC ninjs 3.1 schema is not at {NINJS}")


def ninjs_errors(item: dict[str, Any]) -> list[str]:
    schema = json.loads(NINJS.read_text(encoding="utf-8"))
    check = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{e.json_path}: {e.message}" for e in check.iter_errors(item)]


# ---------------------------------------------------------------- export


@needs_schema
def test_the_official_schema_is_the_one_the_export_names() -> None:
    assert json.loads(NINJS.read_text(encoding="utf-8"))["$id"] == NINJS_SCHEMA


@needs_schema
def test_the_seed_article_exports_to_valid_ninjs() -> None:
    item = to_ninjs(seed_article())
    assert ninjs_errors(item) == []
    assert item["uri"] == "urn:newsevents:article:rt-2022-07-28-lavrov-blinken-call"
    assert item["representationType"] == "partial"  # the seed stores no body
    assert [e["id"] for e in item["events"]][:2] == ["call-request", "release-proposal"]
    assert {e["literal"] for e in item["events"]} == {"statement", "diplomatic_request", "detention"}
    assert {
        "name": "Russia",
        "rel": "mentions",
        "uri": "http://cvx.iptc.org/iso3166-1a2/ru",
        "literal": "RU",
    } in (item["places"])


@needs_schema
@given(nst.articles(max_events=3))
def test_every_article_exports_to_valid_ninjs(article: Article) -> None:
    assert ninjs_errors(to_ninjs(article)) == []


def test_the_layout_of_an_export(sample_article: Article) -> None:
    griner = Person(name="Brittney Griner", wikidata="Q233389")
    article = attrs.evolve(
        sample_article,
        publisher=Organization(name="RT", kind=OrgKind.MEDIA, wikidata="Q275883"),
        updated=sample_article.published + timedelta(hours=1),
        authors=(Person(name="Jane Doe"), Organization(name="Staff", id="rt-staff")),
        subtitle="A subtitle",
        events=(attrs.evolve(sample_article.events[1], participants=(griner,), related=()),),
        topics=("diplomacy",),
    )
    item = to_ninjs(article)
    assert item == {
        "uri": "https://www.rt.com/russia/559773-lavrov-blinken-call/",
        "standard": {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA},
        "type": "text",
        "representationType": "full",
        "firstCreated": "2022-07-28T22:23:00+03:00",
        "versionCreated": "2022-07-28T23:23:00+03:00",
        "language": "en",
        "altIds": [{"role": "newsevents:id", "value": "lavrov-busy"}],
        "headlines": [
            {"role": "main", "value": sample_article.title},
            {"role": "sub", "value": "A subtitle"},
        ],
        "by": "Jane Doe, Staff",
        "infoSources": [
            {
                "role": "publisher",
                "name": "RT",
                "uri": "http://www.wikidata.org/entity/Q275883",
                "literal": "rt",
            }
        ],
        "bodies": [{"role": "main", "contentType": "text/plain", "value": "\n\n".join(sample_article.body)}],
        "subjects": [{"name": "diplomacy"}],
        "people": [
            {"name": "Jane Doe", "rel": "author", "literal": "jane-doe"},
            {
                "name": "Brittney Griner",
                "rel": "mentions",
                "uri": "http://www.wikidata.org/entity/Q233389",
                "literal": "brittney-griner",
            },
        ],
        "organisations": [{"name": "Staff", "rel": "author", "literal": "rt-staff"}],
        "places": [
            {
                "name": "United States",
                "rel": "mentions",
                "uri": "http://cvx.iptc.org/iso3166-1a2/us",
                "literal": "US",
            },
            {
                "name": "Russia",
                "rel": "mentions",
                "uri": "http://cvx.iptc.org/iso3166-1a2/ru",
                "literal": "RU",
            },
        ],
        "events": [
            {
                "id": "call-request",
                "name": "United States asks Russia for a phone call (under consideration)",
                "rel": "confirmed",
                "literal": "diplomatic_request",
            }
        ],
    }


def test_an_offset_with_seconds_is_refused_before_any_export() -> None:
    lmt = timezone(timedelta(minutes=2, seconds=30))  # the model refuses it (RFC 3339 has none)
    with pytest.raises(ValidationError) as caught:
        Article(
            id="a", title="T", published=datetime(1890, 1, 1, tzinfo=lmt), publisher=Organization(name="X")
        )
    assert caught.value.errors[0].path == "Article.published"
    assert caught.value.errors[0].message.startswith("expected a UTC offset in whole minutes (RFC 3339)")


# ---------------------------------------------------------------- import


def test_what_survives_a_round_trip(sample_article: Article) -> None:
    article = attrs.evolve(
        sample_article,
        authors=(Person(name="Jane Doe", wikidata="Q1"), Organization(name="Staff", id="rt-staff")),
    )
    back = from_ninjs(to_ninjs(article))
    assert back == attrs.evolve(
        article,
        publisher=Organization(name="RT", kind=OrgKind.MEDIA),  # the country of the publisher is lost
        events=(),
    )


@given(nst.articles(max_events=2))
def test_metadata_survives_a_round_trip(article: Article) -> None:
    back = from_ninjs(to_ninjs(article))
    kept = ("id", "title", "subtitle", "published", "updated", "url", "language", "body", "topics")
    assert {f: getattr(back, f) for f in kept} == {f: getattr(article, f) for f in kept}
    assert [(a.name, a.id, a.wikidata) for a in back.authors] == [
        (a.name, a.id, a.wikidata) for a in article.authors
    ]
    assert (back.publisher.name, back.publisher.id) == (article.publisher.name, article.publisher.id)
    assert back.events == ()


def test_an_agency_item_in_ninjs_2_spelling_with_an_html_body() -> None:
    item = {
        "uri": "urn:newsml:agency.example:20220728:190510-99-167362",
        "version": "2",
        "versioncreated": "2022-07-28T16:02:28+02:00",
        "pubstatus": "usable",
        "copyrightholder": "Example Agency",
        "language": "de",
        "bodies": [
            {
                "role": "html",
                "contenttype": "text/html",
                "value": "<section><p>Erster &amp; <b>fetter</b> Absatz.</p><p>Zweiter<br>Teil.</p>"
                "<script>track()</script></section>",
            }
        ],
        "headlines": [{"role": "main", "value": " Moskau prüft Anfrage "}],
        "by": "Von Jana Muster, Example Agency",
    }
    article = from_ninjs(item)
    assert article.id == "urn-newsml-agency-example-20220728-190510-99-167362"
    assert article.url is None
    assert article.title == "Moskau prüft Anfrage"
    assert article.published == datetime(2022, 7, 28, 14, 2, 28, tzinfo=UTC)
    assert article.updated is None
    assert article.publisher == Organization(name="Example Agency", kind=OrgKind.MEDIA)
    assert article.language == "de"
    assert article.body == ("Erster & fetter Absatz.", "Zweiter", "Teil.")
    assert article.authors == ()  # a byline alone is free text: not turned into people
    assert article.events == ()


def test_a_ninjs_3_item_with_its_own_publisher_and_id() -> None:
    item = {
        "uri": "https://news.example/2022/07/28/call",
        "firstCreated": "2022-07-28T22:23:00Z",
        "headlines": [{"value": "A call is sought"}, {"role": "sub", "value": "Washington waits"}],
        "people": [{"name": "Jane Doe", "rel": "author", "uri": "https://www.wikidata.org/wiki/Q42"}],
        "subjects": [{"name": "diplomacy"}, {"uri": "http://cv.iptc.org/newscodes/mediatopic/11000000"}],
    }
    wire = Organization(name="Wire", kind=OrgKind.AGENCY)
    article = from_ninjs(item, article_id="call", publisher=wire)
    assert (article.id, article.url, article.publisher) == (
        "call",
        "https://news.example/2022/07/28/call",
        wire,
    )
    assert (article.title, article.subtitle) == ("A call is sought", "Washington waits")
    assert article.authors == (Person(name="Jane Doe", wikidata="Q42"),)
    assert article.topics == ("diplomacy",)


def test_every_problem_of_an_item_is_reported_with_its_path() -> None:
    with pytest.raises(ValidationError) as caught:
        from_ninjs({"uri": "", "people": [{"name": " ", "rel": "author"}]})
    assert caught.value.errors == (
        ErrorDetail("$.uri", "expected the item's uri, found ''"),
        ErrorDetail("$.headlines", "expected a headline (role 'main') or a title"),
        ErrorDetail("$.firstCreated", "expected firstCreated, versionCreated or contentCreated"),
        ErrorDetail("$.people[0].name", "must not be blank, found ''"),
        ErrorDetail(
            "$.infoSources",
            "expected a publisher: an infoSources entry with role 'publisher', a copyrightHolder,"
            " or publisher= from the caller",
        ),
    )
    with pytest.raises(ValidationError) as caught:
        from_ninjs([])
    assert str(caught.value) == "$: expected a ninjs object, found list ([])"


def test_dates_without_offsets_and_out_of_order_dates_are_refused() -> None:
    item = {
        "uri": "urn:x:1",
        "firstCreated": "2022-07-28T22:23:00",
        "headlines": [{"role": "main", "value": "T"}],
        "copyrightHolder": "X",
    }
    with pytest.raises(ValidationError) as caught:
        from_ninjs(item)
    assert (
        str(caught.value)
        == "$.firstCreated: expected a date-time with a UTC offset, found '2022-07-28T22:23:00'"
    )
    item |= {"firstCreated": "2022-07-28T22:23:00+00:00", "versionCreated": "2022-07-28T20:00:00+00:00"}
    with pytest.raises(ValidationError) as caught:
        from_ninjs(item)
    assert str(caught.value) == (
        "$.versionCreated: expected a time not before published (2022-07-28T22:23:00+00:00),"
        " found 2022-07-28T20:00:00+00:00"
    )
    item |= {"versionCreated": "2022-07-29T08:00:00+00:00", "language": "english"}
    with pytest.raises(ValidationError) as caught:
        from_ninjs(item)
    assert (
        str(caught.value)
        == "$.language: expected a BCP 47 language tag such as 'en' or 'pt-BR', found 'english'"
    )
