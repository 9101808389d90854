"""Article: its field rules, its invariants over events, and its helpers."""

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

from newsevents import (
    Article,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Organization,
    OrgKind,
    Person,
    QuoteMode,
    RequestKind,
    Statement,
    ValidationError,
)

RT = Organization(name="RT", kind=OrgKind.MEDIA, country="RU")
LAVROV = Person(name="Sergey Lavrov", nationality=("RU",))
GRINER = Person(name="Brittney Griner", nationality=("US",))
STATE = Organization(name="US State Department", kind=OrgKind.MINISTRY, country="US")
MFA = Organization(name="Russian Foreign Ministry", kind=OrgKind.MINISTRY, country="RU")
PUBLISHED = datetime(2022, 7, 28, 22, 23, tzinfo=UTC)
MSK = timezone(timedelta(hours=3))

SLUG_MESSAGE = "expected a slug matching [a-z0-9][a-z0-9._:-]*, found {!r}"
BCP47_MESSAGE = "expected a BCP 47 language tag such as 'en' or 'pt-BR', found {!r}"
URL_MESSAGE = "expected an absolute http(s) URL, found {!r}"
NOT_BEFORE = "expected a time not before published (2022-07-28T22:23:00+00:00), found {}"


def problems(info: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(e.path, e.message) for e in info.value.errors]


def say(ident: str, *related: str) -> Statement:
    return Statement(
        id=ident,
        speaker=LAVROV,
        text="No request was received.",
        mode=QuoteMode.INDIRECT,
        related=related,
    )


def ask(ident: str, *related: str) -> DiplomaticRequest:
    return DiplomaticRequest(
        id=ident, requester=STATE, addressee=MFA, kind=RequestKind.PHONE_CALL, related=related
    )


def hold(ident: str, *related: str) -> Detention:
    return Detention(
        id=ident,
        detainee=GRINER,
        held_by=Country(code="RU"),
        status=DetentionStatus.DETAINED,
        related=related,
    )


def article(**overrides: Any) -> Article:
    fields: dict[str, Any] = {
        "id": "a1",
        "title": "Lavrov to take a call from Blinken",
        "published": PUBLISHED,
        "publisher": RT,
    }
    fields.update(overrides)
    return Article(**fields)


# ---------------------------------------------------------------- fields


def test_minimal_article_defaults() -> None:
    made = article()
    assert made.language == "en"
    assert made.events == ()
    assert made.body == ()
    assert made.updated is None
    assert made.url is None


@pytest.mark.parametrize("ident", ["a1", "rt-558913", "2022.07.28:lavrov_blinken"])
def test_id_accepts_slugs(ident: str) -> None:
    assert article(id=ident).id == ident


@pytest.mark.parametrize("ident", ["A1", "rt 558913", "_a", ""])
def test_id_rejects_non_slugs(ident: str) -> None:
    with pytest.raises(ValidationError) as info:
        article(id=ident)
    expected = SLUG_MESSAGE.format(ident)
    if ident == "":
        expected += " (no id could be derived from the name: pass id=...)"
    assert problems(info) == [("Article.id", expected)]


@pytest.mark.parametrize(
    ("title", "message"),
    [
        (" Lavrov", "expected no leading or trailing white space, found ' Lavrov'"),
        ("Lavrov\t", "expected no leading or trailing white space, found 'Lavrov\\t'"),
        ("", "must not be blank, found ''"),
        ("   ", "must not be blank, found '   '"),
        (None, "expected str, found null"),
    ],
)
def test_title_must_be_stripped(title: Any, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        article(title=title)
    assert problems(info) == [("Article.title", message)]


def test_published_accepts_any_aware_datetime() -> None:
    moment = datetime(2022, 7, 29, 1, 23, tzinfo=MSK)
    assert article(published=moment).published == moment


def test_published_rejects_a_naive_datetime() -> None:
    with pytest.raises(ValidationError) as info:
        article(published=datetime(2022, 7, 28, 22, 23))
    assert problems(info) == [
        ("Article.published", "expected a timezone-aware datetime, found naive 2022-07-28T22:23:00")
    ]


def test_published_rejects_a_string() -> None:
    with pytest.raises(ValidationError) as info:
        article(published="2022-07-28T22:23:00+00:00")
    assert problems(info) == [("Article.published", "expected datetime, found '2022-07-28T22:23:00+00:00'")]


def test_publisher_must_be_an_organization() -> None:
    with pytest.raises(ValidationError) as info:
        article(publisher="RT")
    assert problems(info) == [("Article.publisher", "expected Organization, found 'RT'")]


@pytest.mark.parametrize(
    "updated",
    [
        PUBLISHED,
        PUBLISHED + timedelta(minutes=5),
        datetime(2022, 7, 29, 1, 23, tzinfo=MSK),  # the same instant in another zone
    ],
)
def test_updated_not_before_published(updated: datetime) -> None:
    assert article(updated=updated).updated == updated


def test_updated_before_published() -> None:
    with pytest.raises(ValidationError) as info:
        article(updated=datetime(2022, 7, 28, 21, 0, tzinfo=UTC))
    assert problems(info) == [
        (
            "Article.updated",
            NOT_BEFORE.format("2022-07-28T21:00:00+00:00"),
        )
    ]


def test_updated_before_published_is_compared_as_instants() -> None:
    # 00:30 on the 29th in Moscow is 21:30 on the 28th in UTC: before publication.
    with pytest.raises(ValidationError) as info:
        article(updated=datetime(2022, 7, 29, 0, 30, tzinfo=MSK))
    assert problems(info) == [
        (
            "Article.updated",
            NOT_BEFORE.format("2022-07-29T00:30:00+03:00"),
        )
    ]


def test_updated_rejects_a_naive_datetime() -> None:
    with pytest.raises(ValidationError) as info:
        article(updated=datetime(2022, 7, 29, 8, 0))
    assert problems(info) == [
        ("Article.updated", "expected a timezone-aware datetime, found naive 2022-07-29T08:00:00")
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.rt.com/news/559779-lavrov-blinken-call/",
        "http://example.com",
        "https://example.com:8080/a?b=c",
    ],
)
def test_url_accepts_http_and_https(url: str) -> None:
    assert article(url=url).url == url


@pytest.mark.parametrize(
    "url",
    [
        "www.rt.com/news/",
        "ftp://example.com/a",
        "https://",
        "https://exa mple.com/",
        "/news/559779",
        "mailto:a@b.c",
    ],
)
def test_url_rejects_others(url: str) -> None:
    with pytest.raises(ValidationError) as info:
        article(url=url)
    assert problems(info) == [("Article.url", URL_MESSAGE.format(url))]


@pytest.mark.parametrize("language", ["en", "ru", "pt-BR", "en-GB", "zh-Hant-TW", "es-419", "x-private"])
def test_language_accepts_bcp47_tags(language: str) -> None:
    assert article(language=language).language == language


@pytest.mark.parametrize("language", ["english", "en_GB", "", "e", "en-", "pt-BR-"])
def test_language_rejects_other_strings(language: str) -> None:
    with pytest.raises(ValidationError) as info:
        article(language=language)
    assert problems(info) == [("Article.language", BCP47_MESSAGE.format(language))]


def test_body_accepts_paragraphs() -> None:
    body = ("First paragraph.", "Second paragraph, with words.")
    assert article(body=body).body == body


def test_body_rejects_a_blank_paragraph_with_its_index() -> None:
    with pytest.raises(ValidationError) as info:
        article(body=("First paragraph.", "  ", "Third.", ""))
    assert problems(info) == [
        ("Article.body[1]", "must not be blank, found '  '"),
        ("Article.body[3]", "must not be blank, found ''"),
    ]


def test_body_rejects_a_list() -> None:
    with pytest.raises(ValidationError) as info:
        article(body=["First paragraph."])
    assert problems(info) == [
        ("Article.body", "expected tuple[str, ...], found list (['First paragraph.']); pass a tuple")
    ]


def test_events_accept_a_tuple_of_events() -> None:
    events = (say("s1"), ask("r1"), hold("d1"))
    assert article(events=events).events == events


def test_events_reject_a_list() -> None:
    with pytest.raises(ValidationError) as info:
        article(events=[say("s1")])
    assert problems(info) == [
        (
            "Article.events",
            "expected tuple[Event, ...], found list ([Statement(id='s1', when=None, place=...); pass a tuple",
        )
    ]


def test_events_reject_a_non_event_with_its_index() -> None:
    with pytest.raises(ValidationError) as info:
        article(events=(say("s1"), "r1"))
    assert problems(info) == [("Article.events[1]", "expected Event, found 'r1'")]


def test_events_reject_an_entity() -> None:
    with pytest.raises(ValidationError) as info:
        article(events=(LAVROV,))
    assert problems(info) == [
        ("Article.events[0]", "expected Event, found Person (Person(name='Sergey Lavrov', id='serg...)")
    ]


def test_authors_accept_people_and_organizations() -> None:
    assert article(authors=(LAVROV, RT)).authors == (LAVROV, RT)
    with pytest.raises(ValidationError) as info:
        article(authors=(LAVROV, "Jane Doe"))
    assert problems(info) == [("Article.authors[1]", "expected Person | Organization, found 'Jane Doe'")]


def test_subtitle_and_topics_are_stripped() -> None:
    assert article(subtitle="A deck", topics=("diplomacy",)).topics == ("diplomacy",)
    with pytest.raises(ValidationError) as info:
        article(subtitle="A deck ", topics=("diplomacy", " prisoners"))
    assert problems(info) == [
        ("Article.subtitle", "expected no leading or trailing white space, found 'A deck '"),
        ("Article.topics[1]", "expected no leading or trailing white space, found ' prisoners'"),
    ]


def test_field_problems_are_reported_together_in_field_order() -> None:
    with pytest.raises(ValidationError) as info:
        article(
            id="A 1",
            title="",
            url="rt.com",
            language="english",
            body=("ok", " "),
            events=("s1",),
        )
    assert problems(info) == [
        ("Article.id", SLUG_MESSAGE.format("A 1")),
        ("Article.title", "must not be blank, found ''"),
        ("Article.url", URL_MESSAGE.format("rt.com")),
        ("Article.language", BCP47_MESSAGE.format("english")),
        ("Article.body[1]", "must not be blank, found ' '"),
        ("Article.events[0]", "expected Event, found 's1'"),
    ]


# ---------------------------------------------------------------- invariants


def test_duplicate_event_id() -> None:
    with pytest.raises(ValidationError) as info:
        article(events=(say("s1"), ask("r1"), hold("s1")))
    assert problems(info) == [("Article.events[2].id", "duplicate event id 's1', first used at events[0]")]


def test_every_duplicate_names_the_first_index() -> None:
    with pytest.raises(ValidationError) as info:
        article(events=(say("s1"), ask("r1"), say("r1"), hold("r1")))
    assert problems(info) == [
        ("Article.events[2].id", "duplicate event id 'r1', first used at events[1]"),
        ("Article.events[3].id", "duplicate event id 'r1', first used at events[1]"),
    ]


def test_duplicate_of_an_equal_event() -> None:
    with pytest.raises(ValidationError) as info:
        article(events=(say("s1"), say("s1")))
    assert problems(info) == [("Article.events[1].id", "duplicate event id 's1', first used at events[0]")]


def test_related_ids_resolve_backwards_and_forwards() -> None:
    events = (say("s1", "r1"), ask("r1"), hold("d1", "s1", "r1"))
    assert article(events=events).events == events


def test_unresolved_related_id() -> None:
    with pytest.raises(ValidationError) as info:
        article(events=(say("s1"), ask("r1", "s1", "nope"), hold("d1")))
    assert problems(info) == [
        (
            "Article.events[1].related[1]",
            "expected the id of an event in this article, found 'nope' (ids: d1, r1, s1)",
        )
    ]


def test_unresolved_related_id_in_an_article_of_one_event() -> None:
    with pytest.raises(ValidationError) as info:
        article(events=(say("s1", "r9"),))
    assert problems(info) == [
        ("Article.events[0].related[0]", "expected the id of an event in this article, found 'r9' (ids: s1)")
    ]


def test_self_relation_is_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        article(events=(say("s1"), ask("r1", "s1", "r1")))
    assert problems(info) == [("Article.events[1].related[1]", "an event cannot be related to itself ('r1')")]


def test_invariant_problems_are_reported_together() -> None:
    with pytest.raises(ValidationError) as info:
        article(
            updated=PUBLISHED - timedelta(hours=1),
            events=(say("s1", "s1"), ask("r1", "gone"), hold("s1")),
        )
    assert problems(info) == [
        (
            "Article.updated",
            NOT_BEFORE.format("2022-07-28T21:23:00+00:00"),
        ),
        ("Article.events[2].id", "duplicate event id 's1', first used at events[0]"),
        ("Article.events[0].related[0]", "an event cannot be related to itself ('s1')"),
        (
            "Article.events[1].related[0]",
            "expected the id of an event in this article, found 'gone' (ids: r1, s1)",
        ),
    ]


# ---------------------------------------------------------------- helpers

S1, R1, D1, S2, R2 = say("s1"), ask("r1"), hold("d1"), say("s2"), ask("r2")


def test_statements_requests_detentions_in_article_order() -> None:
    made = article(events=(S1, R1, D1, S2, R2))
    assert made.statements == (S1, S2)
    assert made.requests == (R1, R2)
    assert made.detentions == (D1,)
    assert type(made.statements) is tuple
    assert type(made.requests) is tuple
    assert type(made.detentions) is tuple


def test_helpers_of_an_article_without_events() -> None:
    made = article()
    assert made.statements == ()
    assert made.requests == ()
    assert made.detentions == ()


def test_helpers_keep_order_when_reversed() -> None:
    made = article(events=(R2, S2, D1, R1, S1))
    assert made.statements == (S2, S1)
    assert made.requests == (R2, R1)


def test_event_by_id() -> None:
    made = article(events=(S1, R1, D1))
    assert made.event("r1") is R1
    assert made.event("d1") is D1


def test_event_with_an_unknown_id_lists_the_ids_in_article_order() -> None:
    made = article(events=(S1, R1, D1))
    with pytest.raises(KeyError) as info:
        made.event("nope")
    assert info.value.args == ("no event 'nope' in article 'a1' (ids: s1, r1, d1)",)


def test_event_of_an_article_without_events() -> None:
    with pytest.raises(KeyError) as info:
        article().event("s1")
    assert info.value.args == ("no event 's1' in article 'a1' (ids: none)",)


def test_related_in_both_directions_and_in_article_order() -> None:
    first = say("s1", "d1")  # s1 -> d1
    request = ask("r1")
    detained = hold("d1")
    later = say("s2", "s1")  # s2 -> s1
    unrelated = ask("r2")
    made = article(events=(first, request, detained, later, unrelated))
    assert made.related("s1") == (detained, later)
    assert made.related(first) == (detained, later)
    assert made.related("d1") == (first,)
    assert made.related("s2") == (first,)
    assert made.related("r1") == ()
    assert made.related(unrelated) == ()


def test_related_follows_article_order_not_related_order() -> None:
    hub = say("hub", "c", "a", "b")
    made = article(events=(ask("a"), hold("b"), hub, say("c")))
    assert [e.id for e in made.related("hub")] == ["a", "b", "c"]


def test_related_lists_a_two_way_link_once() -> None:
    made = article(events=(say("s1", "r1"), ask("r1", "s1")))
    assert [e.id for e in made.related("s1")] == ["r1"]
    assert [e.id for e in made.related("r1")] == ["s1"]


def test_related_of_an_unknown_event() -> None:
    made = article(events=(S1,))
    with pytest.raises(KeyError) as info:
        made.related("nope")
    assert info.value.args == ("no event 'nope' in article 'a1' (ids: s1)",)


def test_related_of_an_event_object_not_in_the_article() -> None:
    made = article(events=(S1,))
    with pytest.raises(KeyError) as info:
        made.related(ask("r9"))
    assert info.value.args == ("no event 'r9' in article 'a1' (ids: s1)",)


# ---------------------------------------------------------------- value semantics


def test_article_is_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article().title = "Other"  # type: ignore[misc]


def test_articles_are_equal_by_value_and_hashable() -> None:
    one = article(events=(S1, R1), body=("Text.",))
    two = article(events=(say("s1"), ask("r1")), body=("Text.",))
    assert one == two
    assert hash(one) == hash(two)
    assert len({one, two}) == 1
    assert one != article(events=(S1,), body=("Text.",))


def test_same_instant_in_another_zone_is_not_the_same_article() -> None:
    # Equal articles must serialize to identical bytes, so the UTC offset counts.
    moscow = article(published=datetime(2022, 7, 29, 1, 23, tzinfo=MSK))
    utc = article()
    assert moscow.published == utc.published
    assert moscow != utc


def test_evolve_checks_invariants() -> None:
    made = article(events=(S1,))
    with pytest.raises(ValidationError) as info:
        attrs.evolve(made, events=(S1, say("s1")))
    assert problems(info) == [("Article.events[1].id", "duplicate event id 's1', first used at events[0]")]
