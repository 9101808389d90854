"""Invariants of newsevents itself, checked on objects drawn from the public strategies."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsevents._jsontext
from _backends import BACKENDS, backend
from newsevents import (
    Article,
    Country,
    Detention,
    DiplomaticRequest,
    Organization,
    Person,
    Place,
    Precision,
    Role,
    Statement,
    Term,
    TimeRef,
    ValidationError,
    dump_jsonl,
    from_dict,
    from_json,
    read_jsonl,
    to_dict,
    to_json,
)
from newsevents import strategies as nst

TYPES: dict[type, st.SearchStrategy[Any]] = {
    Country: nst.countries(),
    Organization: nst.organizations(readable=False),
    Role: nst.roles(),
    Person: nst.persons(readable=False),
    Place: nst.places(),
    TimeRef: nst.time_refs(timezones=st.sampled_from([UTC, timezone(timedelta(hours=-9, minutes=-30))])),
    Term: nst.terms(),
    Statement: nst.statements(),
    DiplomaticRequest: nst.diplomatic_requests(),
    Detention: nst.detentions(),
    Article: nst.articles(max_events=3),
}


@pytest.mark.parametrize("name", BACKENDS)
@pytest.mark.parametrize("cls", list(TYPES), ids=lambda c: c.__name__)
@given(data=st.data())
def test_round_trip_is_exact_through_dict_and_json(cls: type, name: str, data: st.DataObject) -> None:
    obj = data.draw(TYPES[cls])
    with backend(name):
        assert from_dict(cls, to_dict(obj)) == obj
        text = to_json(obj)
        again = from_json(cls, text)
        assert again == obj
        assert to_json(again) == text
        assert from_json(cls, to_json(obj, indent=2)) == obj


@pytest.mark.parametrize("cls", list(TYPES), ids=lambda c: c.__name__)
@given(data=st.data())
def test_both_backends_write_identical_bytes(cls: type, data: st.DataObject) -> None:
    obj = data.draw(TYPES[cls])
    with backend("orjson"):
        fast = (to_json(obj), to_json(obj, indent=2))
    with backend("stdlib"):
        slow = (to_json(obj), to_json(obj, indent=2))
    assert fast == slow


@pytest.mark.parametrize("name", BACKENDS)
@given(articles=st.lists(nst.articles(max_events=2), max_size=4))
def test_round_trip_through_json_lines(name: str, articles: list[Article]) -> None:
    with backend(name):
        out = io.BytesIO()
        assert dump_jsonl(articles, out) == len(articles)
        assert list(read_jsonl(io.BytesIO(out.getvalue()))) == articles


@given(article=nst.articles(max_events=3))
def test_equal_objects_hash_alike_and_give_identical_bytes(article: Article) -> None:
    copy = from_json(Article, to_json(article))
    assert copy == article
    assert hash(copy) == hash(article)
    assert to_json(copy).encode() == to_json(article).encode()
    rebuilt = attrs.evolve(article)  # built again through the constructor
    assert rebuilt == article
    assert hash(rebuilt) == hash(article)


@given(a=nst.persons(max_roles=1), b=nst.persons(max_roles=1))
def test_equality_agrees_with_the_bytes(a: Person, b: Person) -> None:
    assert (a == b) == (to_json(a) == to_json(b))
    if a == b:
        assert hash(a) == hash(b)


@given(case=nst.invalid_documents())
def test_every_invalid_document_names_its_path(case: nst.InvalidDocument) -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict(Article, case.document)
    assert case.path in [e.path for e in caught.value.errors], case.defect


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@pytest.mark.parametrize("cls", [Article, Statement, Person, TimeRef], ids=lambda c: c.__name__)
@given(value=JSON)
def test_arbitrary_json_gives_a_value_or_a_validation_error(cls: type, value: Any) -> None:
    try:
        result = from_dict(cls, value)
    except ValidationError as err:
        errors = err.errors
    else:
        # Accepted: then it is an exact value of the class, and its own document loads back to it.
        assert isinstance(result, cls)
        assert from_dict(cls, to_dict(result)) == result
        return
    assert errors
    assert all(e.path.startswith("$") for e in errors)


def _same_where_it_counts(given: Any, written: Any) -> bool:
    """Whether ``written`` (a loaded value's document) says what ``given`` said.

    ``to_dict`` leaves out fields at their defaults and writes derived ids, so a key of ``given``
    may be missing from ``written`` only if ``given`` held null, an empty list or the default.
    """
    if isinstance(given, dict) and isinstance(written, dict):
        return all(
            _same_where_it_counts(value, written[key]) if key in written else value in (None, [], "confirmed")
            for key, value in given.items()
        )
    if isinstance(given, list) and isinstance(written, list):
        return len(given) == len(written) and all(map(_same_where_it_counts, given, written))
    return bool(given == written)


def _replace_somewhere(doc: Any, data: st.DataObject, value: Any) -> Any:
    """A copy of ``doc`` with one node (chosen by ``data``) replaced by ``value``."""
    if isinstance(doc, dict) and doc and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(doc)))
        return {**doc, key: _replace_somewhere(doc[key], data, value)}
    if isinstance(doc, list) and doc and data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(doc) - 1))
        return [*doc[:i], _replace_somewhere(doc[i], data, value), *doc[i + 1 :]]
    return value


@given(doc=nst.documents(max_events=3), data=st.data(), value=JSON)
def test_a_document_damaged_anywhere_gives_a_value_or_a_validation_error(
    doc: dict[str, Any], data: st.DataObject, value: Any
) -> None:
    damaged = _replace_somewhere(doc, data, value)
    try:
        loaded = from_dict(Article, damaged)
    except ValidationError as err:
        errors = err.errors
    else:
        # Accepted: the damage replaced a value by another valid one (or by an optional field's
        # null); what was loaded is exactly what the damaged document says.
        assert to_dict(loaded) == to_dict(from_dict(Article, to_dict(loaded)))
        assert _same_where_it_counts(damaged, to_dict(loaded))
        return
    assert errors
    assert all(e.path.startswith("$") for e in errors)


@given(text=st.text() | st.binary().map(lambda b: b.decode("utf-8", "replace")))
def test_arbitrary_text_gives_a_validation_error(text: str) -> None:
    for name in BACKENDS:
        with backend(name), pytest.raises(ValidationError):
            from_json(Article, text)


@given(ref=nst.time_refs())
def test_a_time_ref_is_a_truncated_non_empty_period(ref: TimeRef) -> None:
    assert ref.start < ref.end
    assert ref.precision.truncate(ref.start) == ref.start
    assert ref.contains(ref.start)
    assert not ref.contains(ref.end)


PAST_PHRASES = [
    "today",
    "yesterday",
    "the day before yesterday",
    "on Monday",
    "earlier on Sunday",
    "last Friday",
    "this week",
    "last week",
    "this month",
    "last month",
    "earlier this year",
    "last year",
    "3 days ago",
    "two weeks ago",
    "a month ago",
]


@given(
    anchor=st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1), timezones=st.sampled_from([UTC])),
    phrase=st.sampled_from(PAST_PHRASES),
)
def test_relative_past_expressions_never_start_after_their_anchor(anchor: datetime, phrase: str) -> None:
    ref = TimeRef.relative(phrase, anchor=anchor)
    assert ref.start <= anchor
    assert ref.text == phrase
    assert ref.start.utcoffset() == anchor.utcoffset()


_FORMATS = {
    Precision.YEAR: "%Y",
    Precision.MONTH: "%B %Y",
    Precision.DAY: "%d %B %Y",
    Precision.MINUTE: "%d %b, %Y %H:%M",
    Precision.SECOND: "%Y-%m-%dT%H:%M:%S%z",
}


@given(
    ref=nst.time_refs(
        min_value=datetime(1950, 1, 1),
        precisions=list(_FORMATS),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=3)), timezone(timedelta(hours=-5))]),
    )
)
def test_parse_reads_back_the_textual_form_of_a_time_ref(ref: TimeRef) -> None:
    text = ref.start.strftime(_FORMATS[ref.precision])
    parsed = TimeRef.parse(text, tz=ref.start.tzinfo or UTC)
    assert (parsed.start, parsed.precision) == (ref.start, ref.precision)


@given(article=nst.articles())
def test_generated_articles_are_consistent(article: Article) -> None:
    attrs.evolve(article)  # the constructor and the article invariants accept it again
    body = "\n".join(article.body)
    for event in article.events:
        for fragment in event.evidence:
            assert fragment in body
        if isinstance(event, Statement):
            for quote in event.quotes:
                assert quote in body
        if event.when is not None:
            assert event.when.start <= article.published
        for ref in event.related:
            assert article.event(ref).id == ref


@given(article=nst.articles(with_body=False, max_events=2))
def test_without_a_body_the_body_is_empty(article: Article) -> None:
    assert article.body == ()


@given(value=st.floats(allow_nan=False, allow_infinity=False))
def test_stdlib_and_orjson_agree_on_floats(value: float) -> None:
    # Only custom event types carry floats; the bytes must still not depend on the backend.
    doc = {"x": [value], "y": {}, "z": []}
    with backend("orjson"):
        fast = (newsevents._jsontext.dumps(doc, None), newsevents._jsontext.dumps(doc, 2))
    with backend("stdlib"):
        slow = (newsevents._jsontext.dumps(doc, None), newsevents._jsontext.dumps(doc, 2))
    assert fast == slow
    assert json.loads(slow[0]) == doc


@pytest.mark.parametrize("value", [1.5e-7, 1e-5, 1.5e-5, 1e-4, 0.1, 1e16, 1e22, -0.0, -2.5e-5, 5e-324])
def test_stdlib_and_orjson_agree_on_float_edges(value: float) -> None:
    with backend("orjson"):
        fast = newsevents._jsontext.dumps([value], None)
    with backend("stdlib"):
        slow = newsevents._jsontext.dumps([value], None)
    assert fast == slow
