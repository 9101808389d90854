"""IPTC ninjs 3.1: the export validates against the IPTC's schema; agency items come in as articles."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

from _seed import SHARED, seed_article
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
NINJS = SHARED / "standards" / "ninjs-schema_3.1.json"
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
    # The byline names a person and the agency, which is the publisher itself.
    assert article.authors == (Person(name="Jana Muster"), article.publisher)
    assert article.uri == "urn:newsml:agency.example:20220728:190510-99-167362"
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
        ErrorDetail(
            "$.infoSources",
            "expected a publisher: an infoSources entry with role 'publisher' or with no role,"
            " a copyrightHolder, a provider, or publisher= from the caller",
        ),
        ErrorDetail("$.people[0].name", "must not be blank, found ''"),
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


# ---------------------------------------------------------------- IPTC's own items (tests/data/ninjs)

DATA = Path(__file__).resolve().parent / "data" / "ninjs"
GROUPS = {
    "3.x examples": ("examples/3.0", "examples/3.1"),
    "3.x should_pass": ("test_suite/3.0", "test_suite/3.1"),
    "2.x examples": ("examples/2.1", "examples/2.2"),
    "2.x should_pass": ("test_suite/2.0", "test_suite/2.1", "test_suite/2.2", "test_suite/2.x_dev"),
}
WIRE = Organization(name="Wire", kind=OrgKind.AGENCY)
# Why the official documents are refused: every refusal's first word is one of these paths.
REFUSALS = {
    "$.type": "a picture, audio, video, event or planning item: not an article's text",
    "$.firstCreated": "no date at all (most test-suite documents exercise one property each)",
    "$.headlines": "neither a headline nor a title",
    "$.infoSources": "no publisher named (without publisher=)",
    "$.uri": "a uri that is not an absolute URI (the renditions example's 'renditions-example')",
}


def official(group: str) -> list[tuple[str, dict[str, Any]]]:
    files = sorted(f for folder in GROUPS[group] for f in (DATA / folder).rglob("*.json"))
    return [(str(f.relative_to(DATA)), json.loads(f.read_text(encoding="utf-8"))) for f in files]


def accepted(group: str, **kwargs: Any) -> dict[str, Article]:
    out, refused = {}, {}
    for name, doc in official(group):
        try:
            out[name] = from_ninjs(doc, **kwargs)
        except ValidationError as exc:
            refused[name] = {e.path.split("[")[0] for e in exc.errors}
    # Every refusal is one of the explained ones: nothing else goes wrong with IPTC's own items.
    assert all(paths <= set(REFUSALS) for paths in refused.values()), refused
    return out


@pytest.mark.parametrize(
    ("group", "total", "as_they_are", "with_publisher"),
    [
        ("3.x examples", 26, 3, 12),
        ("3.x should_pass", 28, 0, 0),
        ("2.x examples", 20, 4, 12),
        ("2.x should_pass", 31, 0, 1),
    ],
)
def test_how_many_official_items_are_read(
    group: str, total: int, as_they_are: int, with_publisher: int
) -> None:
    assert len(official(group)) == total
    assert len(accepted(group)) == as_they_are
    assert len(accepted(group, publisher=WIRE)) == with_publisher


def test_every_non_text_official_item_is_refused_for_its_type() -> None:
    for group in GROUPS:
        for name, doc in official(group):
            kind = doc.get("type")
            if kind in (None, "text", "composite"):
                continue
            with pytest.raises(ValidationError) as caught:
                from_ninjs(doc, publisher=WIRE)
            assert (
                ErrorDetail(
                    "$.type",
                    f"expected a text item ('text', or 'composite' read as its text), found {kind!r}:"
                    " an article holds text, not pictures, audio, video, events or plans",
                )
                in caught.value.errors
            ), name


@needs_schema
@pytest.mark.parametrize("group", list(GROUPS))
def test_what_is_read_from_official_items_is_not_corrupted(group: str) -> None:
    docs = dict(official(group))
    for name, article in accepted(group, publisher=WIRE).items():
        doc = {k.lower(): v for k, v in docs[name].items()}
        item = to_ninjs(article)
        assert ninjs_errors(item) == [], name
        assert item["uri"] == doc["uri"], name  # the item's identity, unchanged
        # format "uri" (RFC 3986 absolute URI), which jsonschema leaves unchecked without rfc3987 installed
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+", item["uri"]), (
            name
        )
        assert not any(re.search(r"<[A-Za-z/!?]", p) for p in article.body), name  # never markup as text
        if "by" in doc:  # the byline is read: every author is named in it
            assert article.authors, name
            assert all(a.name in doc["by"] for a in article.authors), name


def test_the_official_dpa_item_keeps_its_urn_byline_and_html_paragraphs() -> None:
    doc = json.loads((DATA / "examples/3.0/dpa_text.json").read_text(encoding="utf-8"))
    notes: list[ErrorDetail] = []
    article = from_ninjs(doc, report=notes)
    assert article.uri == "urn:newsml:dpa.com:20090101:190510-99-167362"
    assert article.id == "urn-newsml-dpa-com-20090101-190510-99-167362"
    assert to_ninjs(article)["uri"] == "urn:newsml:dpa.com:20090101:190510-99-167362"
    assert article.publisher == Organization(name="dpa", kind=OrgKind.MEDIA)  # its copyrightHolder
    assert article.authors == (
        Person(name="Christian Hollmann"),
        article.publisher,
    )  # "Von Christian Hollmann, dpa"
    assert len(article.body) == 9
    assert article.body[0].startswith("Für Lucien Favre war es «der größte Skandal")
    assert ErrorDetail("$.by", "not held: the words 'Von' before the names") in notes
    assert ErrorDetail("$.urgency", "not held: the model has no field for it") in notes


def test_the_official_nitf_item_takes_its_plain_text_body_and_notes_the_nitf_one() -> None:
    (path,) = (DATA / "examples/3.0").glob("20231008-anti-doping-*-addb-ninjs-nitf.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    notes: list[ErrorDetail] = []
    article = from_ninjs(doc, publisher=WIRE, report=notes)
    assert doc["bodies"][0]["contentType"] == "text/vnd.IPTC.NITF"
    assert article.body[0].startswith("The initiatives are being implemented in close partnership")
    assert ErrorDetail("$.bodies[0]", "not read (text/vnd.IPTC.NITF): the text is $.bodies[1]") in notes
    assert article.authors == (Person(name="Trond Husø"),)
    assert (
        ErrorDetail(
            "$.by", "not held: 'The Anti-Doping Database' (neither a person's name nor a known organisation)"
        )
        in notes
    )


# ---------------------------------------------------------------- reading, rule by rule

BASE: dict[str, Any] = {
    "uri": "urn:newsml:wire.example:20220728:1",
    "firstCreated": "2022-07-28T22:23:00Z",
    "headlines": [{"role": "main", "value": "Lavrov will consider US request"}],
}
NITF = (
    '<?xml version="1.0"?><nitf><head><title>Head title</title></head><body><body.head><hedline>'
    "<hl1>Lavrov will consider</hl1></hedline></body.head><body.content><p>First &amp; foremost.</p>"
    "<p>Second <em>one</em>.</p></body.content><body.end><tagline>wire</tagline></body.end></body></nitf>"
)


def read(**extra: Any) -> tuple[Article, list[ErrorDetail]]:
    notes: list[ErrorDetail] = []
    return from_ninjs(BASE | extra, publisher=WIRE, report=notes), notes


@pytest.mark.parametrize(
    ("uri", "url", "kept"),
    [
        ("urn:newsml:wire.example:20220728:1", None, "urn:newsml:wire.example:20220728:1"),
        ("tag:wire.example,2022:item-1", None, "tag:wire.example,2022:item-1"),
        ("urn:8d19cf88-b3ab-4972-8fec-1207599f2872", None, "urn:8d19cf88-b3ab-4972-8fec-1207599f2872"),
        ("https://wire.example/items/1?v=2", "https://wire.example/items/1?v=2", None),
    ],
)
def test_the_uri_is_kept_as_it_is(uri: str, url: str | None, kept: str | None) -> None:
    article, _ = read(uri=uri)
    assert (article.url, article.uri) == (url, kept)
    assert to_ninjs(article)["uri"] == uri


def test_a_uri_that_is_not_absolute_is_refused_with_the_other_problems() -> None:
    problem = ErrorDetail(
        "$.uri",
        "expected an absolute URI such as 'urn:newsml:example.com:1' (RFC 3986), found 'renditions-example'",
    )
    with pytest.raises(ValidationError) as caught:
        read(uri="renditions-example")
    assert caught.value.errors == (problem,)
    with pytest.raises(ValidationError) as caught:
        from_ninjs({"uri": "renditions-example", "bodies": [{"value": "Text."}]}, publisher=WIRE)
    assert caught.value.errors == (
        problem,
        ErrorDetail("$.headlines", "expected a headline (role 'main') or a title"),
        ErrorDetail("$.firstCreated", "expected firstCreated, versionCreated or contentCreated"),
    )


def test_an_article_with_both_a_uri_and_a_url_keeps_both_through_ninjs(sample_article: Article) -> None:
    article = attrs.evolve(sample_article, uri="urn:newsml:rt.com:559773")
    item = to_ninjs(article)
    assert item["uri"] == "urn:newsml:rt.com:559773"
    assert item["altIds"] == [
        {"role": "newsevents:id", "value": article.id},
        {"role": "newsevents:url", "value": "https://www.rt.com/russia/559773-lavrov-blinken-call/"},
    ]
    assert from_ninjs(item).uri == article.uri
    assert from_ninjs(item).url == article.url


@given(nst.articles(max_events=1))
def test_uri_and_url_survive_a_round_trip(article: Article) -> None:
    back = from_ninjs(to_ninjs(article))
    assert (back.uri, back.url, back.id) == (article.uri, article.url, article.id)


@pytest.mark.parametrize(
    ("bodies", "paragraphs", "note"),
    [
        (  # plain text first, whatever the order
            [
                {"contentType": "text/html", "value": "<p>A</p>"},
                {"contentType": "text/plain", "value": "B\n\nC"},
            ],
            ("B", "C"),
            ErrorDetail("$.bodies[0]", "not read (text/html): the text is $.bodies[1]"),
        ),
        (  # plain text, one paragraph a line when no line is blank
            [{"contentType": "text/plain", "value": "Head\nFirst line.\r\nSecond line."}],
            ("Head", "First line.", "Second line."),
            None,
        ),
        (  # then HTML, before NITF
            [
                {"contentType": "text/vnd.IPTC.NITF", "value": NITF},
                {"contentType": "application/xhtml+xml", "value": "<p>X</p>"},
            ],
            ("X",),
            ErrorDetail("$.bodies[0]", "not read (text/vnd.IPTC.NITF): the text is $.bodies[1]"),
        ),
        (  # NITF alone: the paragraphs of <body.content>, not the head or the headline
            [{"contentType": "text/vnd.IPTC.NITF", "value": NITF}],
            ("First & foremost.", "Second one."),
            None,
        ),
        (  # NITF sent as application/xml is told by its root element
            [{"contentType": "application/xml", "value": NITF}],
            ("First & foremost.", "Second one."),
            None,
        ),
        (  # no contentType: markup is read as HTML, never kept as text
            [{"value": "<div><p>One</p><p>Two</p></div>"}],
            ("One", "Two"),
            None,
        ),
        (  # no contentType and no markup: plain text
            [{"value": "A plain body."}],
            ("A plain body.",),
            None,
        ),
    ],
)
def test_the_body_is_chosen_by_content_type(
    bodies: list[dict[str, str]], paragraphs: tuple[str, ...], note: ErrorDetail | None
) -> None:
    article, notes = read(bodies=bodies)
    assert article.body == paragraphs
    assert not any("<" in p for p in article.body)
    if note is not None:
        assert note in notes


@pytest.mark.parametrize(
    ("bodies", "error"),
    [
        (
            [{"contentType": "text/vnd.IPTC.NITF", "value": "<nitf><body><p>no content</p></body></nitf>"}],
            ErrorDetail(
                "$.bodies[0].value", "expected an NITF document with a <body.content> element, found none"
            ),
        ),
        (
            [{"contentType": "application/pdf", "value": "%PDF-1.7"}],
            ErrorDetail(
                "$.bodies[0].contentType",
                "expected a body of type text/plain, HTML or NITF, found 'application/pdf'",
            ),
        ),
    ],
)
def test_a_body_that_cannot_be_read_as_text_is_refused(
    bodies: list[dict[str, str]], error: ErrorDetail
) -> None:
    with pytest.raises(ValidationError) as caught:
        read(bodies=bodies)
    assert caught.value.errors == (error,)


@pytest.mark.parametrize(
    ("by", "authors", "note"),
    [
        (
            "By Jane Doe and John Smith",
            (Person(name="Jane Doe"), Person(name="John Smith")),
            "the words 'By' before the names",
        ),
        (
            "Paulo Santalucia and Frances d'Emilio",
            (Person(name="Paulo Santalucia"), Person(name="Frances d'Emilio")),
            None,
        ),
        ("Jane Doe, Wire", (Person(name="Jane Doe"), WIRE), None),  # the publisher's own name
        ("Staff", (), "'Staff' (neither a person's name nor a known organisation)"),
    ],
)
def test_the_byline_is_read(by: str, authors: tuple[Person | Organization, ...], note: str | None) -> None:
    article, notes = read(by=by)
    assert article.authors == authors
    if note is not None:
        assert ErrorDetail("$.by", f"not held: {note}") in notes


def test_a_byline_names_a_listed_organisation_and_skips_authors_already_listed() -> None:
    article, _ = read(
        by="Jane Doe, Example Daily",
        people=[{"name": "Jane Doe", "rel": "author"}],
        organisations=[{"name": "Example Daily", "rel": "mentions"}],
    )
    assert article.authors == (Person(name="Jane Doe"), Organization(name="Example Daily"))


def test_a_byline_written_by_to_ninjs_adds_no_author_even_when_a_name_holds_and() -> None:
    article, notes = read(
        by="Jane Doe and John Roe, Wire",
        people=[{"name": "Jane Doe and John Roe", "rel": "author"}],
    )
    assert article.authors == (Person(name="Jane Doe and John Roe"), WIRE)
    assert [n for n in notes if n.path == "$.by"] == []


def test_a_byline_that_is_not_a_string_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        read(by=["Jane Doe"])
    assert caught.value.errors == (
        ErrorDetail("$.by", "expected the byline as a string, found list (['Jane Doe'])"),
    )


@pytest.mark.parametrize(
    ("extra", "name", "note"),
    [
        (
            {
                "infoSources": [{"name": "Agency", "role": "publisher"}, {"name": "Other"}],
                "copyrightHolder": "C",
            },
            "Agency",
            ErrorDetail("$.infoSources[1]", "not held: only the publisher's entry is read"),
        ),
        (
            {"infoSources": [{"name": "Photo pool", "role": "originator"}, {"name": "ASSOCIATED PRESS"}]},
            "ASSOCIATED PRESS",
            ErrorDetail("$.infoSources[0]", "not held: only the publisher's entry is read"),
        ),
        (
            {"infoSources": [{"name": "Pool", "role": "originator"}], "copyrightHolder": "dpa"},
            "dpa",
            ErrorDetail("$.infoSources[0]", "not held: only the publisher's entry is read"),
        ),
        ({"provider": {"name": "Wire Service"}}, "Wire Service", None),
        ({"provider": "Wire Service"}, "Wire Service", None),
    ],
)
def test_the_publisher_is_taken_by_the_first_rule_that_applies(
    extra: dict[str, Any], name: str, note: ErrorDetail | None
) -> None:
    notes: list[ErrorDetail] = []
    article = from_ninjs(BASE | extra, report=notes)
    assert article.publisher == Organization(name=name, kind=OrgKind.MEDIA)
    if note is not None:
        assert note in notes
    # publisher= wins over every rule; what the item said is then noted, not lost silently
    notes = []
    assert from_ninjs(BASE | extra, publisher=WIRE, report=notes).publisher == WIRE
    assert notes


def test_a_publisher_name_that_is_not_a_string_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        from_ninjs(BASE | {"copyrightHolder": 12})
    assert caught.value.errors == (
        ErrorDetail("$.copyrightHolder", "expected the publisher's name as a string, found int (12)"),
    )


@pytest.mark.parametrize("kind", ["picture", "audio", "video", "graphic", "component", "event", "planning"])
def test_a_non_text_item_is_refused(kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        read(type=kind)
    assert caught.value.errors == (
        ErrorDetail(
            "$.type",
            f"expected a text item ('text', or 'composite' read as its text), found {kind!r}:"
            " an article holds text, not pictures, audio, video, events or plans",
        ),
    )


def test_a_composite_item_is_read_as_its_text_and_says_so() -> None:
    article, notes = read(
        type="composite", bodies=[{"contentType": "text/plain", "value": "Text."}], associations=[]
    )
    assert article.body == ("Text.",)
    assert notes == [
        ErrorDetail("$.type", "'composite' read as its text: the article holds no other parts"),
        ErrorDetail("$.associations", "not held: the model has no field for it"),
    ]
    assert read(type="text")[1] == []


def test_the_report_lists_what_the_article_does_not_hold_in_document_order() -> None:
    _, notes = read(
        people=[{"name": "Nancy Pelosi"}, {"name": "Jane Doe", "rel": "author"}],
        headlines=[{"role": "main", "value": "T"}, {"role": "kicker", "value": "K"}],
        title="Metadata title",
        subjects=[{"uri": "http://cv.iptc.org/newscodes/mediatopic/11000000"}, {"name": "diplomacy"}],
        urgency=3,
    )
    assert list(BASE) == ["uri", "firstCreated", "headlines"]  # so headlines come first in the item
    assert notes == [
        ErrorDetail("$.headlines[1]", "not held: a headline with role 'kicker'"),
        ErrorDetail("$.people[0]", "not held: 'Nancy Pelosi' (no rel); an article holds only its authors"),
        ErrorDetail("$.title", "not held: read only when nothing else gives the value"),
        ErrorDetail("$.subjects[0]", "not held: a subject without a name or literal"),
        ErrorDetail("$.urgency", "not held: the model has no field for it"),
    ]


@pytest.mark.parametrize(
    ("member", "value", "path", "message"),
    [
        ("headlines", {"value": "x"}, "$.headlines", "expected an array, found dict ({'value': 'x'})"),
        ("headlines", [{"value": "Talks"}, [1]], "$.headlines[1]", "expected an object, found list ([1])"),
        (
            "headlines",
            [{"value": "Talks"}, {"role": ["sub"], "value": "x"}],
            "$.headlines[1].role",
            "expected a string, found list (['sub'])",
        ),
        ("altIds", [1], "$.altIds[0]", "expected an object, found int (1)"),
        ("subjects", [{"name": 5}], "$.subjects[0].name", "expected a string, found int (5)"),
    ],
)
def test_entries_of_the_wrong_shape_are_errors_never_skipped(
    member: str, value: Any, path: str, message: str
) -> None:
    item = {**BASE, "headlines": [{"value": "Talks"}], member: value}
    with pytest.raises(ValidationError) as caught:
        from_ninjs(item, publisher=Organization(name="RT", kind=OrgKind.MEDIA))
    assert (path, message, "type") in [(e.path, e.message, e.code) for e in caught.value.errors]


def test_entries_of_the_right_shape_pass_the_shape_check() -> None:
    item = {
        **BASE,
        "headlines": [{"value": "Talks"}, {"role": "sub", "value": "More"}],
        "subjects": [{"name": "x"}],
    }
    article = from_ninjs(item, publisher=Organization(name="RT", kind=OrgKind.MEDIA))
    assert (article.title, article.subtitle, article.topics) == ("Talks", "More", ("x",))
