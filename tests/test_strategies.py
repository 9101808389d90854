"""The public strategies: their arguments, their promises, and the from_type registration."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import newsevents
from newsevents import (
    Article,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    Precision,
    QuoteMode,
    Statement,
    TimeRef,
    event_type,
)
from newsevents import strategies as nst
from newsevents.entities import actor_key
from newsevents.validators import checks, non_blank


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (lambda: nst.articles(min_events=-1), "min_events=-1"),
        (lambda: nst.articles(max_events="3"), "max_events='3'"),
        (lambda: nst.articles(min_events=3, max_events=2), "min_events=3"),
        (lambda: nst.articles(with_body=1), "with_body=1"),
        (lambda: nst.articles(event_types=[int]), "types"),
        (lambda: nst.events(types=[]), "types"),
        (lambda: nst.events(types=[Event]), "types"),
        (lambda: nst.time_refs(min_value=datetime(2020, 1, 1), max_value=datetime(2019, 1, 1)), "min_value"),
        (lambda: nst.time_refs(precisions=[]), "precisions"),
        (lambda: nst.time_refs(precisions=["day"]), "precisions"),
        (lambda: nst.time_refs(min_value=datetime(2020, 1, 1, tzinfo=UTC)), "min_value and max_value"),
        (lambda: nst.time_refs(min_value="2020"), "min_value='2020'"),
        (lambda: nst.time_refs(timezones=UTC), "timezones"),
        (lambda: nst.countries(codes=["XX"]), "codes=['XX']"),
        (lambda: nst.countries(codes=[]), "codes"),
        (lambda: nst.persons(max_roles=-1), "max_roles=-1"),
        (lambda: nst.persons(names="Anna"), "names='Anna'"),
        (lambda: nst.organizations(names=["RT"]), "names=['RT']"),
        (lambda: nst.statements(max_quotes=0), "max_quotes=0"),
        (lambda: nst.statements(speakers="x"), "speakers='x'"),
        (lambda: nst.texts(max_size=0), "max_size=0"),
        (lambda: nst.slugs(max_size=0), "max_size=0"),
        (lambda: nst.register_event_strategy(int, st.none()), "cls="),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_invalid_argument_at_once(make: Any, named: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        make()
    assert named in str(caught.value)


@settings(max_examples=500)
@given(nst.articles())
def test_five_hundred_articles_pass_the_default_health_checks(article: Article) -> None:
    # Any health-check warning fails the run (filterwarnings = error in pyproject.toml).
    assert isinstance(article, Article)


@given(nst.statements(modes=[QuoteMode.INDIRECT]))
def test_indirect_statements_have_no_quotes(statement: Statement) -> None:
    assert statement.mode is QuoteMode.INDIRECT
    assert statement.quotes == ()


@given(nst.statements(modes=[QuoteMode.DIRECT], max_quotes=2))
def test_direct_statements_hold_their_quotes_in_their_text(statement: Statement) -> None:
    assert 1 <= len(statement.quotes) <= 2
    assert all(q in statement.text for q in statement.quotes)


@given(nst.detentions(statuses=[DetentionStatus.SENTENCED]))
def test_sentenced_detentions_have_a_sentence(detention: Detention) -> None:
    assert detention.status is DetentionStatus.SENTENCED
    assert detention.sentence is not None


@given(nst.diplomatic_requests())
def test_requester_and_addressee_differ(request: DiplomaticRequest) -> None:
    assert actor_key(request.requester) != actor_key(request.addressee)


@given(nst.diplomatic_requests(parties=st.just(Country(code="RU"))))
def test_requests_between_one_party_are_made_distinct(request: DiplomaticRequest) -> None:
    assert request.requester == Country(code="RU")
    assert request.addressee != request.requester


@given(nst.countries(codes=["RU", "US"]))
def test_countries_keep_to_the_codes_given(country: Country) -> None:
    assert country.code in {"RU", "US"}


LOW, HIGH = datetime(2022, 7, 1), datetime(2022, 7, 31)


@given(nst.time_refs(min_value=LOW, max_value=HIGH, precisions=[Precision.DAY, Precision.HOUR]))
def test_time_refs_keep_to_their_bounds_and_precisions(ref: TimeRef) -> None:
    assert ref.precision in {Precision.DAY, Precision.HOUR}
    assert LOW <= ref.start.replace(tzinfo=None) <= HIGH


@given(nst.articles(min_events=2, max_events=2, event_types=[Detention]))
def test_articles_keep_to_the_event_count_and_types(article: Article) -> None:
    assert len(article.events) == 2
    assert all(isinstance(e, Detention) for e in article.events)


@given(nst.persons(readable=False))
def test_unreadable_names_still_give_valid_people(person: newsevents.Person) -> None:
    assert person.name.strip() == person.name
    assert newsevents.validators.slug(person.id) is None


def test_a_custom_type_with_a_registered_strategy_is_drawn_from_it() -> None:
    @event_type("strategies_test_vigil")
    @attrs.frozen(kw_only=True)
    class Vigil(Event):
        candles: int = attrs.field(metadata=checks(lambda n: None if n > 0 else "must be positive"))

    nst.register_event_strategy(Vigil, st.builds(Vigil, id=nst.slugs(), candles=st.integers(1, 9)))

    @given(nst.events(types=[Vigil]))
    def draws(event: Event) -> None:
        assert isinstance(event, Vigil)
        assert 1 <= event.candles <= 9

    draws()

    @given(nst.articles(min_events=1, max_events=2, event_types=[Vigil]))
    def in_articles(article: Article) -> None:
        assert all(isinstance(e, Vigil) for e in article.events)

    in_articles()


def test_a_custom_type_without_a_strategy_is_drawn_from_its_fields() -> None:
    @event_type("strategies_test_march")
    @attrs.frozen(kw_only=True)
    class March(Event):
        route: str = attrs.field(metadata=checks(non_blank))
        marchers: int | None = None

    @given(st.from_type(March))
    def draws(event: March) -> None:
        assert isinstance(event, March)
        assert event.route.strip()

    draws()


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_from_type_works_downstream_without_importing_the_strategies() -> None:
    done = _run(
        """
        import sys, warnings
        warnings.simplefilter("ignore")
        import hypothesis
        from hypothesis import given, settings, strategies as st
        assert "newsevents.strategies" not in sys.modules  # registration is lazy
        import newsevents as ne

        @settings(max_examples=20)
        @given(st.from_type(ne.Article), st.from_type(ne.Event), st.from_type(ne.Person))
        def check(article, event, person):
            assert isinstance(article, ne.Article)
            assert isinstance(event, (ne.Statement, ne.DiplomaticRequest, ne.Detention))
            assert isinstance(person, ne.Person)

        check()
        print("ok")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_from_type_works_for_a_custom_type_registered_after_hypothesis() -> None:
    done = _run(
        """
        import attrs
        from hypothesis import given, settings, strategies as st
        import newsevents

        @newsevents.event_type("protest")
        @attrs.frozen(kw_only=True)
        class Protest(newsevents.Event):
            crowd: int | None = None

        @settings(max_examples=20)
        @given(st.from_type(Protest))
        def check(event):
            assert isinstance(event, Protest)
            assert newsevents.from_json(Protest, newsevents.to_json(event)) == event

        check()
        print("ok")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_importing_the_strategies_without_hypothesis_says_what_to_install() -> None:
    done = _run(
        """
        import sys
        sys.modules["hypothesis"] = None  # as if it were not installed
        import newsevents
        try:
            import newsevents.strategies
        except ImportError as err:
            print(err)
        """
    )
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.strip() == 'newsevents.strategies needs Hypothesis: pip install "newsevents[hypothesis]"'
    )
