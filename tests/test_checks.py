"""Consistency checks: every finding code fires on a small article and stays quiet on its near twin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from _seed import SHARED
from newsevents import (
    Article,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    Organization,
    OrgKind,
    Person,
    Precision,
    QuoteMode,
    RequestKind,
    Role,
    Statement,
    TimeRef,
    from_json,
)
from newsevents.checks import Finding, Severity, check

ROOT = Path(__file__).resolve().parents[1]
SEED = SHARED / "seed" / "article.txt"
SEED_JSON = ROOT / "examples" / "data" / "lavrov_blinken_call.json"

PUBLISHED = datetime(2022, 7, 28, 22, 23, tzinfo=UTC)
RT = Organization(name="RT", kind=OrgKind.MEDIA, country="RU")
MFA = Organization(name="Russian Foreign Ministry", id="russian-mfa", kind=OrgKind.MINISTRY, country="RU")
STATE = Organization(name="US State Department", kind=OrgKind.MINISTRY, country="US")
ZAKHAROVA = Person(
    name="Maria Zakharova", nationality=("RU",), roles=(Role(title="spokeswoman", organization=MFA),)
)
LAVROV = Person(name="Sergey Lavrov", nationality=("RU",))
GRINER = Person(name="Brittney Griner", nationality=("US",))
RUSSIA = Country(code="RU")
USA = Country(code="US")

BODY = (
    "Lavrov will \u201cpay attention to this request when time permits,\u201d Zakharova told journalists.",
    "The minister \u201chas a busy schedule with international contacts.\u201d",
    "Griner, who was arrested on drug smuggling charges, was released.",
)
NO_BODY_MESSAGE = "no body or text given: quotes and evidence not checked"


def article(*events: Event, body: tuple[str, ...] = BODY) -> Article:
    return Article(id="a1", title="Busy", published=PUBLISHED, publisher=RT, body=body, events=events)


def said(quote: str, *, id: str = "s1", speaker: Person | Organization | Country = ZAKHAROVA) -> Statement:
    return Statement(id=id, speaker=speaker, mode=QuoteMode.MIXED, text="Lavrov is busy.", quotes=(quote,))


def held(
    status: DetentionStatus = DetentionStatus.DETAINED,
    *,
    id: str = "d1",
    when: TimeRef | None = None,
    evidence: tuple[str, ...] = (),
    detainee: Person = GRINER,
) -> Detention:
    return Detention(id=id, detainee=detainee, held_by=RUSSIA, status=status, when=when, evidence=evidence)


def request(*, when: TimeRef | None = None, expected: TimeRef | None = None) -> DiplomaticRequest:
    return DiplomaticRequest(
        id="r1", requester=STATE, addressee=MFA, kind=RequestKind.PHONE_CALL, when=when, expected=expected
    )


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


# ---------------------------------------------------------------- Finding


def test_finding_str_gives_code_severity_path_and_message() -> None:
    finding = Finding("NE101", Severity.ERROR, "$.events[2].quotes[0]", "quote not in the text: 'busy'")
    assert str(finding) == "NE101 error: $.events[2].quotes[0]: quote not in the text: 'busy'"
    info = Finding("NE100", Severity.INFO, "$.body", NO_BODY_MESSAGE)
    assert str(info) == f"NE100 info: $.body: {NO_BODY_MESSAGE}"


def test_severities_rank_most_severe_first() -> None:
    assert [s.value for s in Severity] == ["error", "warning", "info"]
    assert [s.rank for s in Severity] == [0, 1, 2]


def test_a_clean_article_has_no_finding() -> None:
    clean = article(
        said("pay attention to this request when time permits"),
        held(evidence=("who was arrested on drug smuggling charges",)),
    )
    assert check(clean) == []


# ---------------------------------------------------------------- NE100: nothing to check against


def test_ne100_no_body_and_no_text() -> None:
    assert check(article(said("has a busy schedule"), body=())) == [
        Finding("NE100", Severity.INFO, "$.body", NO_BODY_MESSAGE)
    ]


def test_ne100_blank_text_is_no_text() -> None:
    assert check(article(said("has a busy schedule"), body=()), text="  \n\t ") == [
        Finding("NE100", Severity.INFO, "$.body", NO_BODY_MESSAGE)
    ]


def test_ne100_not_when_a_body_is_there() -> None:
    assert check(article(said("has a busy schedule"))) == []


def test_ne100_not_when_text_is_given() -> None:
    assert check(article(said("has a busy schedule"), body=()), text="He has a busy schedule.") == []


def test_ne100_evidence_alone_needs_a_text_too() -> None:
    found = check(article(held(evidence=("was arrested",)), body=()))
    assert found == [Finding("NE100", Severity.INFO, "$.body", NO_BODY_MESSAGE)]


def test_ne100_not_when_there_is_nothing_to_check() -> None:
    indirect = Statement(id="s1", speaker=ZAKHAROVA, mode=QuoteMode.INDIRECT, text="Lavrov is busy.")
    assert check(article(indirect, held(), body=())) == []


# ---------------------------------------------------------------- NE101: quotes


def test_ne101_quote_differing_by_one_letter() -> None:
    quote = "pay attention to this requests when time permits"
    assert check(article(said(quote))) == [
        Finding("NE101", Severity.ERROR, "$.events[0].quotes[0]", f"quote not in the text: {quote!r}")
    ]


def test_ne101_path_names_the_event_and_the_quote() -> None:
    second = Statement(
        id="s2",
        speaker=ZAKHAROVA,
        mode=QuoteMode.MIXED,
        text="Lavrov is busy.",
        quotes=("has a busy schedule", "has no time at all"),
    )
    found = check(article(said("pay attention to this request"), second))
    assert found == [
        Finding(
            "NE101", Severity.ERROR, "$.events[1].quotes[1]", "quote not in the text: 'has no time at all'"
        )
    ]


@pytest.mark.parametrize(
    ("quote", "body"),
    [
        pytest.param(
            "the country's top diplomats", "the country\u2019s top diplomats", id="straight-vs-curly"
        ),
        pytest.param(
            "the country\u2019s top diplomats", "the country's top diplomats", id="curly-vs-straight"
        ),
        pytest.param("the \u2018busy\u2019 minister", "the 'busy' minister", id="single-quotes"),
        pytest.param('he said "busy" twice', "he said \u201cbusy\u201d twice", id="double-quotes"),
        pytest.param("he said \u201cbusy\u201d twice", 'he said "busy" twice', id="double-quotes-back"),
        pytest.param("a busy schedule", "a  busy \t schedule", id="space-runs-in-body"),
        pytest.param("a   busy\nschedule", "a busy schedule", id="space-runs-in-quote"),
        pytest.param("a busy schedule", "a busy\n\nschedule", id="newlines"),
        pytest.param("a busy schedule", "a\u00a0busy\u00a0schedule", id="nbsp-in-body"),
        pytest.param("a\u00a0busy schedule", "a busy schedule", id="nbsp-in-quote"),
    ],
)
def test_ne101_forgives_typographic_quotes_and_white_space(quote: str, body: str) -> None:
    assert check(article(said(quote), body=(f"Lavrov has {body} today.",))) == []


@pytest.mark.parametrize(
    ("quote", "body"),
    [
        pytest.param("A busy schedule", "a busy schedule", id="case"),
        pytest.param("a busy schedules", "a busy schedule", id="one-letter"),
        pytest.param("a busyschedule", "a busy schedule", id="space-removed"),
        pytest.param("busy, schedule", "busy schedule", id="punctuation"),
        pytest.param("Russia - US", "Russia \u2013 US", id="dash-is-not-a-quote"),
        pytest.param("the country`s diplomats", "the country's diplomats", id="backtick"),
    ],
)
def test_ne101_forgives_nothing_else(quote: str, body: str) -> None:
    found = check(article(said(quote), body=(f"Lavrov has {body} today.",)))
    assert found == [
        Finding("NE101", Severity.ERROR, "$.events[0].quotes[0]", f"quote not in the text: {quote!r}")
    ]


def test_ne101_a_quote_may_run_across_paragraphs() -> None:
    # The body's paragraphs are joined with white space, which normalises to one space.
    body = ("He said it was \u201cnot the time.", "We will see\u201d later.")
    assert check(article(said("not the time. We will see"), body=body)) == []


def test_text_is_used_instead_of_the_body() -> None:
    quote = "pay attention to this request when time permits"
    assert check(article(said(quote)), text="Nothing of the kind was said.") == [
        Finding("NE101", Severity.ERROR, "$.events[0].quotes[0]", f"quote not in the text: {quote!r}")
    ]
    assert check(article(said(quote), body=("Nothing of the kind.",)), text=f"He will {quote}.") == []


# ---------------------------------------------------------------- NE102: evidence


def test_ne102_evidence_differing_by_one_letter() -> None:
    fragment = "who was arrested on drug smuggling charge"
    assert check(article(held(evidence=(fragment,)))) == []  # a prefix is found verbatim
    fragment = "who was arrested on drug smugling charges"
    assert check(article(held(evidence=(fragment,)))) == [
        Finding("NE102", Severity.ERROR, "$.events[0].evidence[0]", f"evidence not in the text: {fragment!r}")
    ]


def test_ne102_on_a_statement_and_second_fragment() -> None:
    statement = Statement(
        id="s1",
        speaker=ZAKHAROVA,
        mode=QuoteMode.INDIRECT,
        text="Lavrov is busy.",
        evidence=("Zakharova told journalists", "Zakharova told reporters"),
    )
    assert check(article(statement)) == [
        Finding(
            "NE102",
            Severity.ERROR,
            "$.events[0].evidence[1]",
            "evidence not in the text: 'Zakharova told reporters'",
        )
    ]


def test_ne102_forgives_typographic_quotes() -> None:
    statement = Statement(
        id="s1",
        speaker=ZAKHAROVA,
        mode=QuoteMode.INDIRECT,
        text="Lavrov is busy.",
        evidence=('will "pay attention', "has a busy schedule with international contacts.\u201d"),
    )
    assert check(article(statement)) == []


# ---------------------------------------------------------------- NE201: after publication


def test_ne201_an_event_dated_after_publication() -> None:
    found = check(article(held(when=TimeRef.of(2022, 7, 29))))
    assert found == [
        Finding(
            "NE201",
            Severity.WARNING,
            "$.events[0].when",
            "dated 2022-07-29T00:00:00+00:00, after publication (2022-07-28T22:23:00+00:00);"
            " mark it approximate or use an expected time",
        )
    ]


def test_ne201_later_the_same_day() -> None:
    found = check(article(held(when=TimeRef.of(2022, 7, 28, 23))))
    assert codes(found) == ["NE201"]
    assert found[0].path == "$.events[0].when"


@pytest.mark.parametrize(
    "when",
    [
        pytest.param(TimeRef.of(2022, 7, 28), id="the-day-of-publication"),
        pytest.param(TimeRef.of(2022, 7), id="the-month-of-publication"),
        pytest.param(TimeRef.of(2022, 7, 27), id="the-day-before"),
        pytest.param(TimeRef.at(datetime(2022, 7, 29, tzinfo=UTC), approximate=True), id="approximate"),
        pytest.param(
            TimeRef(start=datetime(2022, 8, 1, tzinfo=UTC), precision=Precision.MONTH, approximate=True),
            id="approximate-next-month",
        ),
    ],
)
def test_ne201_not_for_events_dated_before_or_approximate(when: TimeRef) -> None:
    assert check(article(held(when=when))) == []


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        pytest.param(datetime(2022, 7, 28, 22, 22, 59, tzinfo=UTC), [], id="a-second-before"),
        pytest.param(datetime(2022, 7, 28, 22, 23, tzinfo=UTC), [], id="at-the-publication-instant"),
        pytest.param(
            datetime(2022, 7, 29, 1, 23, tzinfo=timezone(timedelta(hours=3))),
            [],
            id="the-same-instant-in-moscow",
        ),
        pytest.param(datetime(2022, 7, 28, 22, 23, 1, tzinfo=UTC), ["NE201"], id="a-second-after"),
    ],
)
def test_ne201_boundary_is_the_publication_instant(start: datetime, expected: list[str]) -> None:
    """An event dated exactly at publication is not after it; a second later is."""
    when = TimeRef(start=start, precision=Precision.SECOND)
    assert codes(check(article(held(when=when)))) == expected


def test_ne201_an_expected_time_is_not_a_date() -> None:
    later = TimeRef.of(2022, 7, 30, text="in the coming days")
    assert check(article(request(expected=later))) == []
    assert codes(check(article(request(when=later)))) == ["NE201"]


# ---------------------------------------------------------------- NE301: direct statements


def test_ne301_direct_statement_whose_text_is_not_a_quote() -> None:
    statement = Statement(
        id="s1", speaker=ZAKHAROVA, mode=QuoteMode.DIRECT, text="He is busy.", quotes=("has a busy schedule",)
    )
    assert check(article(statement)) == [
        Finding(
            "NE301",
            Severity.WARNING,
            "$.events[0].text",
            "a direct statement's text should be one of its quotes;"
            " use MIXED for reported speech with quotes",
        )
    ]


def test_ne301_not_when_the_text_is_a_quote_or_the_mode_is_mixed() -> None:
    quote = "has a busy schedule"
    direct = Statement(id="s1", speaker=ZAKHAROVA, mode=QuoteMode.DIRECT, text=quote, quotes=(quote,))
    mixed = Statement(id="s1", speaker=ZAKHAROVA, mode=QuoteMode.MIXED, text="He is busy.", quotes=(quote,))
    assert check(article(direct)) == []
    assert check(article(mixed)) == []


# ---------------------------------------------------------------- NE401: role of another country


def test_ne401_role_in_an_organization_of_another_country() -> None:
    adviser = Person(
        name="Viktor Bout", nationality=("RU", "UA"), roles=(Role(title="adviser", organization=STATE),)
    )
    statement = Statement(id="s1", speaker=adviser, mode=QuoteMode.INDIRECT, text="Something.")
    assert check(article(statement)) == [
        Finding(
            "NE401",
            Severity.INFO,
            "$.events[0]",
            "Viktor Bout (RU, UA) is adviser of US State Department (US)",
        )
    ]


@pytest.mark.parametrize(
    "person",
    [
        pytest.param(
            Person(
                name="Viktor Bout",
                nationality=("RU", "US"),
                roles=(Role(title="adviser", organization=STATE),),
            ),
            id="one-nationality-matches",
        ),
        pytest.param(
            Person(name="Viktor Bout", roles=(Role(title="adviser", organization=STATE),)),
            id="no-nationality",
        ),
        pytest.param(
            Person(
                name="Viktor Bout",
                nationality=("RU",),
                roles=(Role(title="adviser", organization=Organization(name="US State Department")),),
            ),
            id="organization-without-country",
        ),
        pytest.param(
            Person(name="Viktor Bout", nationality=("RU",), roles=(Role(title="adviser"),)),
            id="no-organization",
        ),
    ],
)
def test_ne401_not_when_a_nationality_matches_or_nothing_to_compare(person: Person) -> None:
    statement = Statement(id="s1", speaker=person, mode=QuoteMode.INDIRECT, text="Something.")
    assert check(article(statement)) == []


def test_ne401_is_given_once_per_actor() -> None:
    adviser = Person(
        name="Viktor Bout", nationality=("RU",), roles=(Role(title="adviser", organization=STATE),)
    )
    first = Statement(id="s1", speaker=adviser, mode=QuoteMode.INDIRECT, text="Something.")
    second = Statement(id="s2", speaker=MFA, mode=QuoteMode.INDIRECT, text="Else.", about=(adviser,))
    found = check(article(first, second))
    assert [(f.code, f.path) for f in found] == [("NE401", "$.events[0]")]


# ---------------------------------------------------------------- NE501: release without a date


@pytest.mark.parametrize("status", [DetentionStatus.RELEASED, DetentionStatus.EXCHANGED])
def test_ne501_released_or_exchanged_without_a_date(status: DetentionStatus) -> None:
    assert check(article(held(status))) == [
        Finding("NE501", Severity.WARNING, "$.events[0].when", f"a detention {status.value} without a date")
    ]


@pytest.mark.parametrize("status", [DetentionStatus.RELEASED, DetentionStatus.EXCHANGED])
def test_ne501_not_when_dated(status: DetentionStatus) -> None:
    assert check(article(held(status, when=TimeRef.of(2022, 7, 28)))) == []


@pytest.mark.parametrize(
    "status", [DetentionStatus.DETAINED, DetentionStatus.JAILED, DetentionStatus.ARRESTED]
)
def test_ne501_not_for_a_detainee_still_held(status: DetentionStatus) -> None:
    assert check(article(held(status))) == []


# ---------------------------------------------------------------- NE601: one id, two names


def test_ne601_one_person_id_two_names() -> None:
    sergei = Person(name="Sergei Lavrov", id=LAVROV.id, nationality=("RU",))
    first = Statement(id="s1", speaker=LAVROV, mode=QuoteMode.INDIRECT, text="Something.")
    second = Statement(id="s2", speaker=MFA, mode=QuoteMode.INDIRECT, text="Else.", about=(sergei,))
    assert check(article(first, second)) == [
        Finding(
            "NE601",
            Severity.WARNING,
            "$.events[1]",
            "person id 'sergey-lavrov' is named 'Sergei Lavrov' here and 'Sergey Lavrov' at $.events[0]",
        )
    ]


def test_ne601_one_organization_id_two_names_in_one_event() -> None:
    ministry = Organization(name="Russian Ministry of Foreign Affairs", id="russian-mfa", country="RU")
    statement = Statement(id="s1", speaker=MFA, mode=QuoteMode.INDIRECT, text="Something.", about=(ministry,))
    assert check(article(statement)) == [
        Finding(
            "NE601",
            Severity.WARNING,
            "$.events[0]",
            "organization id 'russian-mfa' is named 'Russian Ministry of Foreign Affairs' here"
            " and 'Russian Foreign Ministry' at $.events[0]",
        )
    ]


def test_ne601_not_for_the_same_name_or_different_ids() -> None:
    same = Person(name="Sergey Lavrov", nationality=("RU",))
    other = Person(name="Sergei Lavrov", nationality=("RU",))  # its own id, sergei-lavrov
    first = Statement(id="s1", speaker=LAVROV, mode=QuoteMode.INDIRECT, text="Something.")
    assert (
        check(article(first, Statement(id="s2", speaker=same, mode=QuoteMode.INDIRECT, text="Else."))) == []
    )
    assert (
        check(article(first, Statement(id="s2", speaker=other, mode=QuoteMode.INDIRECT, text="Else."))) == []
    )


# ---------------------------------------------------------------- order


def test_findings_come_in_article_order() -> None:
    events = (
        said("has a busy schedule with international contacts", id="e0"),  # clean
        held(DetentionStatus.RELEASED, id="e1"),  # NE501 warning
        said("has a busy schedule with global contacts", id="e2"),  # NE101 error
        held(id="e3", when=TimeRef.of(2022, 8, 1), detainee=Person(name="Paul Whelan")),  # NE201 warning
        Statement(  # NE401 info
            id="e4",
            speaker=Person(
                name="Ned Price", nationality=("US",), roles=(Role(title="guest", organization=MFA),)
            ),
            mode=QuoteMode.INDIRECT,
            text="Something.",
        ),
    )
    found = check(article(*events))
    assert [(f.code, f.path) for f in found] == [
        ("NE501", "$.events[1].when"),
        ("NE101", "$.events[2].quotes[0]"),
        ("NE201", "$.events[3].when"),
        ("NE401", "$.events[4]"),
    ]


def test_ne100_comes_first() -> None:
    found = check(article(held(DetentionStatus.RELEASED), said("anything at all", id="s2"), body=()))
    assert [(f.code, f.path) for f in found] == [("NE100", "$.body"), ("NE501", "$.events[0].when")]


# ---------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed() -> Article:
    return from_json(Article, SEED_JSON.read_text(encoding="utf-8"))


def test_seed_without_text_has_exactly_one_ne100(seed: Article) -> None:
    assert check(seed) == [Finding("NE100", Severity.INFO, "$.body", NO_BODY_MESSAGE)]


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside this checkout")
def test_seed_with_its_text_has_no_error(seed: Article) -> None:
    found = check(seed, text=SEED.read_text(encoding="utf-8"))
    assert [f for f in found if f.severity is Severity.ERROR] == []
    assert "NE100" not in codes(found)


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside this checkout")
def test_seed_with_an_altered_text_has_one_ne101(seed: Article) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert "when time permits" in text
    altered = text.replace("when time permits", "when time allows")
    found = [f for f in check(seed, text=altered) if f.severity is Severity.ERROR]
    assert seed.events[3].id == "zakharova-attention"
    assert found == [
        Finding(
            "NE101",
            Severity.ERROR,
            "$.events[3].quotes[0]",
            "quote not in the text: 'pay attention to this request when time permits'",
        )
    ]
