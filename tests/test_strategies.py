"""The public strategies: their arguments, their promises, and the from_type registration."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import find, given, settings
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
    Person,
    Precision,
    QuoteMode,
    RequestKind,
    Statement,
    TimeRef,
    _hypothesis_plugin,
    event_type,
)
from newsevents import events as events_module
from newsevents import strategies as nst
from newsevents.checks import check
from newsevents.entities import actor_key
from newsevents.validators import non_blank, rules, slug


@attrs.frozen(kw_only=True)
class Unregistered(Event):
    """An event type never registered with @event_type: the strategies refuse it."""

    note: str | None = None


@event_type("strategies_test_registered")
@attrs.frozen(kw_only=True)
class Registered(Event):
    """A registered custom type, drawn from its fields."""

    note: str | None = None


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (lambda: nst.articles(min_events=-1), "min_events=-1"),
        (lambda: nst.articles(max_events="3"), "max_events='3'"),
        (lambda: nst.articles(min_events=3, max_events=2), "min_events=3"),
        (lambda: nst.articles(with_body=1), "with_body=1"),
        (lambda: nst.articles(event_types=[int]), "event_types: <class 'int'>"),
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
        # Sequences of enum members: never empty, never a bare string or a wrong item.
        (lambda: nst.statements(modes=[]), "modes=[]"),
        (lambda: nst.statements(modes=["direct"]), "modes=['direct']"),
        (lambda: nst.statements(modes="direct"), "modes='direct'"),
        (lambda: nst.statements(modes=QuoteMode.DIRECT), "modes="),
        (lambda: nst.diplomatic_requests(kinds=[]), "kinds=[]"),
        (lambda: nst.diplomatic_requests(kinds=[1]), "kinds=[1]"),
        (lambda: nst.diplomatic_requests(kinds=[RequestKind.MEETING, QuoteMode.DIRECT]), "kinds="),
        (lambda: nst.detentions(statuses=[]), "statuses=[]"),
        (lambda: nst.detentions(statuses=["released"]), "statuses=['released']"),
        (lambda: nst.time_refs(precisions=(Precision.DAY, "hour")), "precisions="),
        (lambda: nst.countries(codes="RU"), "codes='RU'"),
        # Every when= is a strategy.
        (lambda: nst.statements(when=TimeRef.of(2022)), "when="),
        (lambda: nst.diplomatic_requests(when=TimeRef.of(2022)), "when="),
        (lambda: nst.detentions(when=TimeRef.of(2022)), "when="),
        (lambda: nst.events(when=TimeRef.of(2022)), "when="),
        # Flags are bools.
        (lambda: nst.countries(custom_names=1), "custom_names=1"),
        (lambda: nst.texts(readable="x"), "readable='x'"),
        (lambda: nst.persons(readable=0), "readable=0"),
        (lambda: nst.organizations(readable="no"), "readable='no'"),
        # Sizes of the document strategies.
        (lambda: nst.invalid_documents(max_events=-1), "max_events=-1"),
        (lambda: nst.invalid_documents(max_events=0), "max_events=0"),
        (lambda: nst.documents(max_events="x"), "max_events='x'"),
        # Event types: a sequence of registered classes.
        (lambda: nst.events(types=Statement), "types="),
        (lambda: nst.articles(event_types=[]), "event_types=[]"),
        (lambda: nst.articles(event_types=Statement), "event_types="),
        (lambda: nst.articles(event_types=[Statement, Unregistered]), "event_types: Unregistered"),
        (lambda: nst.events(types=[Unregistered]), "not a registered event type"),
        (lambda: nst.register_event_strategy(Unregistered, st.nothing()), "cls=Unregistered"),
        (lambda: nst.register_event_strategy(Statement, nst.statements()), "cls=Statement is built in"),
        (lambda: nst.register_event_strategy(Registered, "x"), "strategy='x'"),
        # Moments near year 1 or 9999 overflow once moved to another zone.
        (lambda: nst.time_refs(min_value=datetime(1, 1, 2)), "min_value="),
        (lambda: nst.time_refs(max_value=datetime(9999, 1, 1)), "max_value="),
        (
            lambda: nst.time_refs(
                min_value=datetime(1, 6, 1, tzinfo=UTC), max_value=datetime(2000, 1, 1, tzinfo=UTC)
            ),
            "min_value=",
        ),
    ],
)
def test_bad_arguments_raise_invalid_argument_at_once(make: Any, named: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        make()
    assert named in str(caught.value)


def test_error_messages_say_what_is_expected() -> None:
    with pytest.raises(InvalidArgument, match=r"is not a QuoteMode \(one of QuoteMode.DIRECT, "):
        nst.statements(modes=["direct"])
    with pytest.raises(InvalidArgument, match=r"decorate it with @newsevents.event_type\(tag\)"):
        nst.events(types=[Unregistered])


@pytest.mark.parametrize(
    ("make", "holds"),
    [
        (lambda: nst.statements(modes=(QuoteMode.MIXED,)), lambda s: s.mode is QuoteMode.MIXED),
        (
            lambda: nst.diplomatic_requests(kinds=[RequestKind.MEETING]),
            lambda r: r.kind is RequestKind.MEETING,
        ),
        (
            lambda: nst.detentions(statuses=(DetentionStatus.JAILED,), when=st.none()),
            lambda d: d.status is DetentionStatus.JAILED and d.when is None,
        ),
        (
            lambda: nst.events(types=(Statement, Registered), when=st.none()),
            lambda e: type(e) in (Statement, Registered) and e.when is None,
        ),
        (
            lambda: nst.invalid_documents(max_events=1),
            lambda case: isinstance(case.document, dict) and len(case.document.get("events", [])) <= 1,
        ),
        (lambda: nst.documents(max_events=0), lambda doc: doc.get("events", []) == []),
        (
            lambda: nst.time_refs(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31)),
            lambda t: datetime(1, 12, 1, tzinfo=UTC) <= t.start <= datetime(9999, 1, 31, tzinfo=UTC),
        ),
    ],
)
@settings(max_examples=10)
@given(data=st.data())
def test_good_arguments_are_accepted_and_draw_what_they_ask_for(
    make: Any, holds: Any, data: st.DataObject
) -> None:
    value = data.draw(make())
    assert holds(value), value


@pytest.mark.slow
@settings(max_examples=500)
@given(nst.articles())
def test_five_hundred_articles_pass_the_health_checks_and_the_soft_checks(article: Article) -> None:
    # Any health-check warning fails the run (filterwarnings = error in pyproject.toml).
    assert check(article) == []


@given(nst.articles())
def test_generated_articles_give_no_finding_at_all(article: Article) -> None:
    assert check(article) == [], [str(f) for f in check(article)]


@given(nst.articles(with_body=False, min_events=1, event_types=[Statement]))
def test_without_a_body_check_says_only_that_it_had_no_text(article: Article) -> None:
    assert {f.code for f in check(article)} <= {"NE100"}


@given(nst.statements(modes=[QuoteMode.INDIRECT]))
def test_indirect_statements_have_no_quotes(statement: Statement) -> None:
    assert statement.mode is QuoteMode.INDIRECT
    assert statement.quotes == ()


@given(nst.statements(modes=[QuoteMode.DIRECT], max_quotes=2))
def test_a_direct_statements_text_is_one_of_its_quotes(statement: Statement) -> None:
    assert 1 <= len(statement.quotes) <= 2
    assert statement.text in statement.quotes  # NE301


@given(nst.detentions(statuses=[DetentionStatus.RELEASED, DetentionStatus.EXCHANGED]))
def test_released_and_exchanged_detentions_are_dated(detention: Detention) -> None:
    assert detention.when is not None  # NE501


@given(nst.detentions(statuses=[DetentionStatus.RELEASED], when=st.none()))
def test_a_when_of_your_own_is_used_as_drawn(detention: Detention) -> None:
    assert detention.when is None


@given(nst.persons(max_roles=3))
def test_a_persons_roles_belong_to_their_own_countries(person: Person) -> None:
    for role in person.roles:
        country = role.organization.country if role.organization else None
        assert not person.nationality or country is None or country in person.nationality  # NE401


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
        candles: int = attrs.field(metadata=rules(lambda n: None if n > 0 else "must be positive"))

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
        route: str = attrs.field(metadata=rules(non_blank))
        marchers: int | None = None

    @given(st.from_type(March))
    def draws(event: March) -> None:
        assert isinstance(event, March)
        assert event.route.strip()

    draws()


@event_type("strategies_test_deadline")
@attrs.frozen(kw_only=True)
class Deadline(Event):
    """Fields that st.from_type alone would draw invalid: a naive datetime, a str that is no slug."""

    due: datetime
    code: str = attrs.field(metadata=rules(slug))
    label: str | None = attrs.field(default=None, metadata=rules(non_blank))
    tags: tuple[str, ...] = attrs.field(default=(), metadata=rules(each=(slug,)))
    owner: Person | None = None


def _is_valid_deadline(event: Event) -> bool:
    assert isinstance(event, Deadline)
    assert event.due.utcoffset() is not None
    assert slug(event.code) is None
    assert all(slug(t) is None for t in event.tags)
    assert event.label is None or event.label.strip() == event.label != ""
    return True


def test_a_custom_type_is_drawn_from_its_fields_without_health_check_failures() -> None:
    # Health checks (filter_too_much among them) are on; any warning fails the test.
    @given(st.from_type(Deadline))
    def by_type(event: Deadline) -> None:
        assert _is_valid_deadline(event)

    @given(nst.events(types=[Deadline]))
    def by_events(event: Event) -> None:
        assert _is_valid_deadline(event)

    @given(nst.articles(min_events=1, max_events=3, event_types=[Deadline]))
    def in_articles(article: Article) -> None:
        assert all(_is_valid_deadline(e) for e in article.events)
        assert check(article) == []

    by_type()
    by_events()
    in_articles()


@event_type("strategies_test_briefing")
@attrs.frozen(kw_only=True)
class Briefing(Statement):
    """A registered subclass of a built-in type, with a field of its own."""

    room: str | None = attrs.field(default=None, metadata=rules(non_blank))


def test_a_subclass_of_a_built_in_type_keeps_the_built_in_rules() -> None:
    @given(nst.articles(min_events=1, max_events=3, event_types=[Briefing]))
    def in_articles(article: Article) -> None:
        assert all(isinstance(e, Briefing) for e in article.events)
        assert check(article) == []  # a DIRECT briefing's text is one of its quotes (NE301)

    @given(st.from_type(Briefing))
    def by_type(briefing: Briefing) -> None:
        assert briefing.mode is not QuoteMode.DIRECT or briefing.text in briefing.quotes
        assert briefing.room is None or briefing.room.strip()

    in_articles()
    by_type()


def test_a_custom_type_that_cannot_be_drawn_says_to_register_a_strategy() -> None:
    @event_type("strategies_test_opaque")
    @attrs.frozen(kw_only=True)
    class Opaque(Event):
        payload: Any = None  # there is no such thing as an instance of Any to draw

    try:
        with pytest.raises(InvalidArgument, match=r"register_event_strategy\(.*Opaque, \.\.\.\)") as caught:
            nst.events(types=[Opaque])
        assert "payload" in str(caught.value)
        with pytest.raises(InvalidArgument, match="register_event_strategy"):
            nst.articles(event_types=[Opaque])

        @given(st.from_type(Opaque))
        def by_type(event: Event) -> None:
            raise AssertionError("drew an Opaque")

        with pytest.raises(InvalidArgument, match="register_event_strategy"):
            by_type()
    finally:
        # The registry is global: leave Opaque drawable for the other tests.
        nst.register_event_strategy(Opaque, st.builds(Opaque, id=nst.slugs(), payload=st.integers(0, 9)))

    @given(nst.events(types=[Opaque]))
    def draws(event: Event) -> None:
        assert isinstance(event, Opaque)

    draws()


@pytest.mark.slow
def test_from_type_includes_event_types_registered_after_first_use() -> None:
    find(st.from_type(Event), lambda e: True)  # resolved and drawn once before the new type exists
    find(st.from_type(Article), lambda a: True)

    @event_type("strategies_test_late_comer")
    @attrs.frozen(kw_only=True)
    class LateComer(Event):
        note: str | None = None

    late = find(st.from_type(Event), lambda e: isinstance(e, LateComer))
    assert isinstance(late, LateComer)
    article = find(st.from_type(Article), lambda a: any(isinstance(e, LateComer) for e in a.events))
    assert any(isinstance(e, LateComer) for e in article.events)


def test_registration_is_idempotent() -> None:
    _hypothesis_plugin.register()
    _hypothesis_plugin.register()
    assert events_module._OBSERVERS.count(_hypothesis_plugin._register_custom) == 1

    @given(st.from_type(Article))
    def draws(article: Article) -> None:
        assert check(article) == []

    draws()


@given(
    nst.time_refs(
        min_value=datetime(2, 1, 1),
        max_value=datetime(9998, 12, 31, 23, 59, 59),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=23, minutes=59)), timezone(-timedelta(hours=23, minutes=59))]
        ),
    )
)
def test_time_refs_at_the_extreme_years_do_not_overflow(ref: TimeRef) -> None:
    assert ref.start < ref.end


@given(
    nst.time_refs(
        min_value=datetime(2, 1, 1, tzinfo=timezone(timedelta(hours=23))),
        max_value=datetime(9998, 12, 31, tzinfo=timezone(-timedelta(hours=23))),
        timezones=st.sampled_from([timezone(timedelta(hours=-23)), timezone(timedelta(hours=23))]),
    )
)
def test_aware_time_refs_at_the_extreme_years_do_not_overflow(ref: TimeRef) -> None:
    assert ref.start < ref.end


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_NO_PLUGINS"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**environ, **env},
    )


# Draws from_type for public types and checks that the strategies came from newsevents.strategies
# (imported on first use, not before), not from Hypothesis's own inference.
_DRAW_FROM_TYPE = """
assert "newsevents.strategies" not in sys.modules  # registration imports no strategy
from hypothesis import given, settings, strategies as st
from newsevents.checks import check

@settings(max_examples=20)
@given(st.from_type(ne.Article), st.from_type(ne.Event), st.from_type(ne.Person))
def draw(article, event, person):
    assert isinstance(article, ne.Article) and check(article) == []
    assert isinstance(event, (ne.Statement, ne.DiplomaticRequest, ne.Detention))
    assert isinstance(person, ne.Person)

draw()
assert "newsevents.strategies" in sys.modules
print("ok")
"""


def _run_and_draw(imports: str) -> subprocess.CompletedProcess[str]:
    return _run(textwrap.dedent(imports) + _DRAW_FROM_TYPE)


def test_from_type_works_downstream_without_importing_the_strategies() -> None:
    # Hypothesis first: its entry point registers the strategies.
    done = _run_and_draw(
        """
        import sys, warnings
        warnings.simplefilter("ignore")
        import hypothesis
        import newsevents as ne
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_from_type_works_when_newsevents_is_imported_before_hypothesis() -> None:
    done = _run_and_draw(
        """
        import sys, warnings
        warnings.simplefilter("ignore")
        import newsevents as ne
        assert "hypothesis" not in sys.modules
        import hypothesis
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_from_type_works_when_newsevents_is_imported_after_hypothesis_without_its_entry_point() -> None:
    # As with a source checkout on sys.path: Hypothesis knows no newsevents entry point,
    # so only the hook at the end of newsevents/__init__.py can register the strategies.
    done = _run_and_draw(
        """
        import sys, warnings
        warnings.simplefilter("ignore")
        import importlib.metadata as metadata
        every_entry_point = metadata.entry_points
        metadata.entry_points = lambda **kw: metadata.EntryPoints(
            e for e in every_entry_point(**kw) if e.name != "newsevents"
        )
        import hypothesis
        metadata.entry_points = every_entry_point
        assert "newsevents" not in sys.modules
        import newsevents as ne
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_importing_hypothesis_imports_no_strategy_and_registers_once() -> None:
    done = _run(
        """
        import sys
        import hypothesis
        from newsevents import _hypothesis_plugin, events
        assert "newsevents.strategies" not in sys.modules
        assert _hypothesis_plugin._done
        assert events._OBSERVERS.count(_hypothesis_plugin._register_custom) == 1
        _hypothesis_plugin.register()
        assert events._OBSERVERS.count(_hypothesis_plugin._register_custom) == 1
        print("ok")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_no_registration_when_hypothesis_plugins_are_turned_off() -> None:
    done = _run(
        """
        import sys
        import hypothesis
        assert "newsevents" not in sys.modules  # Hypothesis loaded no plugin
        import newsevents
        from newsevents import _hypothesis_plugin
        assert not _hypothesis_plugin._done  # and the import hook honours the switch too
        print("ok")
        """,
        HYPOTHESIS_NO_PLUGINS="1",
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
