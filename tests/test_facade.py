"""The public facade (``newsevents/__init__.py``): its names, and what ``st.from_type`` does with each."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import typing
from datetime import UTC, datetime
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests._seed import seed_article

import newsevents
from newsevents import (
    Article,
    Corpus,
    Event,
    Finding,
    Hit,
    Hits,
    Limits,
    Organization,
    Person,
    QuoteMode,
    Severity,
    Statement,
    ValidationError,
    check,
    from_dict,
    to_dict,
)
from newsevents import _hypothesis_plugin as plugin
from newsevents._base import Model
from newsevents.query import by


def _run(code: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_NO_PLUGINS"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environ,
    )


# ---------------------------------------------------------------- check and Finding at the top level


def test_check_finding_and_severity_are_top_level_names() -> None:
    from newsevents import checks  # noqa: PLC0415 -- the module they come from

    assert (newsevents.check, newsevents.Finding, newsevents.Severity) == (
        checks.check,
        checks.Finding,
        checks.Severity,
    )
    assert {"check", "Finding", "Severity"} <= set(newsevents.__all__)


def test_top_level_check_reports_a_quote_missing_from_the_body() -> None:
    speaker = Person(name="Ned Price")
    said = Statement(id="s", speaker=speaker, text="We hope.", mode=QuoteMode.MIXED, quotes=("we hope",))
    article = Article(
        id="a",
        title="T",
        published=datetime(2022, 7, 28, tzinfo=UTC),
        publisher=Organization(name="RT"),
        body=("Price said we hope to speak soon.",),
        events=(said,),
    )
    assert check(article) == []
    found = check(attrs.evolve(article, events=(attrs.evolve(said, quotes=("words nobody said",)),)))
    assert [(f.code, f.path) for f in found] == [("NE101", "$.events[0].quotes[0]")]
    assert isinstance(found[0], Finding)
    assert found[0].severity is Severity.ERROR


# ---------------------------------------------------------------- a short Hit repr


def test_hit_repr_is_short_and_names_the_article_and_the_event() -> None:
    corpus = Corpus([seed_article()])
    found = corpus.find(by("Price"))
    assert found
    for hit in found:
        text = repr(hit)
        assert len(text) < 300
        assert hit.article.id in text
        assert hit.event.id in text
    assert len(repr(found)) < 300 * len(found)


# ---------------------------------------------------------------- st.from_type over every public type


def _public_types() -> list[tuple[str, Any]]:
    found = []
    for name in newsevents.__all__:
        value = getattr(newsevents, name)
        if isinstance(value, type) or typing.get_origin(value) is not None:  # classes, and the Actor union
            found.append((name, value))
    return found


PUBLIC_TYPES = _public_types()


def test_every_public_type_is_considered() -> None:
    names = {name for name, _ in PUBLIC_TYPES}
    assert {"Actor", "Article", "Hit", "Hits", "Limits", "Corpus", "Finding", "ValidationError"} <= names
    assert set(plugin._STRATEGIES) <= names


def _assert_valid(name: str, value: Any) -> None:
    if isinstance(value, Model) and not isinstance(value, Limits):
        assert from_dict(type(value), to_dict(value)) == value  # a valid object round-trips
    if isinstance(value, Hit):
        assert value.event in value.article.events
    if isinstance(value, Hits):
        assert all(hit.event in hit.article.events for hit in value)
    if isinstance(value, Corpus):
        ids = [article.id for article in value]
        assert len(ids) == len(set(ids))
    if isinstance(value, ValidationError):
        assert value.errors  # never an error without details
    if isinstance(value, Article):
        assert check(value) == []  # consistent, as the strategy promises


@pytest.mark.parametrize(("name", "cls"), PUBLIC_TYPES)
def test_from_type_draws_valid_values_of_every_supported_public_type(name: str, cls: Any) -> None:
    @settings(max_examples=10, suppress_health_check=list(HealthCheck), deadline=None, database=None)
    @given(st.from_type(cls))
    def draws(value: Any) -> None:
        expected = typing.get_args(cls) or cls
        assert isinstance(value, expected)
        _assert_valid(name, value)

    draws()


def test_from_type_hit_draws_hits_whose_event_is_in_their_article() -> None:
    @settings(max_examples=30, deadline=None, database=None)
    @given(st.from_type(Hit))
    def draws(hit: Hit) -> None:
        assert hit.event in hit.article.events
        assert isinstance(hit.event, Event)

    draws()


def test_from_type_limits_draws_positive_bounds_or_none() -> None:
    @settings(max_examples=30, database=None)
    @given(st.from_type(Limits))
    def draws(limits: Limits) -> None:
        for bound in (limits.max_document, limits.max_string):
            assert bound is None or bound >= 1

    draws()


def test_from_type_organization_is_the_newsevents_strategy() -> None:
    @settings(max_examples=10, database=None)
    @given(st.from_type(Organization))
    def draws(org: Organization) -> None:
        assert org.name.strip() == org.name

    draws()


# ---------------------------------------------------------------- import hypothesis stays cheap


def test_import_hypothesis_imports_nothing_of_newsevents() -> None:
    done = _run(
        """
        import importlib.metadata as metadata
        import sys
        points = [e.value for e in metadata.entry_points(group="hypothesis") if e.name == "newsevents"]
        assert points == ["_newsevents_hypothesis:_hypothesis_setup_hook"], points  # installed, so it runs
        import hypothesis
        loaded = sorted(m for m in sys.modules if m == "newsevents" or m.startswith("newsevents."))
        print(loaded, "_newsevents_hypothesis" in sys.modules)
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[]", "True"]  # the entry point ran, and imported no newsevents module


def test_from_type_works_whichever_is_imported_first() -> None:
    for first, second in (("hypothesis", "newsevents"), ("newsevents", "hypothesis")):
        done = _run(
            f"""
            import {first}, {second}
            import sys
            from hypothesis import strategies as st
            import newsevents
            assert "newsevents.strategies" not in sys.modules  # registering imports no strategy
            limits = st.from_type(newsevents.Limits).example()
            assert isinstance(limits, newsevents.Limits)
            assert "newsevents.strategies" in sys.modules  # the newsevents strategy, not inference
            print("ok")
            """
        )
        assert done.returncode == 0, (first, done.stderr)
        assert done.stdout.strip() == "ok"


# ---------------------------------------------------------------- names that do not collide


def test_validators_rules_attaches_hard_rules() -> None:
    from newsevents.validators import non_blank, rules  # noqa: PLC0415

    assert rules(non_blank, each=(non_blank,)) == {
        "newsevents.checks": (non_blank,),
        "newsevents.each": (non_blank,),
    }


def test_validators_checks_is_a_deprecated_alias_of_rules() -> None:
    from newsevents.validators import checks, non_blank, rules  # noqa: PLC0415

    with pytest.warns(
        DeprecationWarning, match=r"validators\.checks is deprecated: use newsevents\.validators\.rules"
    ):
        metadata = checks(non_blank)
    assert metadata == rules(non_blank)


def test_newsevents_own_modules_do_not_warn_about_the_old_name() -> None:
    done = _run(
        """
        import warnings
        warnings.simplefilter("error")
        import newsevents, newsevents.codes, newsevents.dates, newsevents.events
        print("ok")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
