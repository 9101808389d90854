"""Fuzzing every loader with hostile input (issue 8, "Reliability and hostile input").

Whatever comes in, newsevents answers with a value or a :class:`~newsevents.ValidationError`
(or, for JSON Lines, a clean report per line): any other exception fails these tests, and
so does a hang (there is no timing assertion; a hang shows as a run that never ends). What
is fuzzed, with Hypothesis:

1. arbitrary bytes and text (not UTF-8, byte-order marks, lone surrogates, soups of JSON
   tokens) fed to ``from_json`` for every loadable class, on both JSON backends; text
   that is not JSON must give one error at ``$`` with a line and a column inside the text;
   arbitrary ninjs-like and deeply nested data to ``from_ninjs`` and ``from_dict`` (under
   Python's usual recursion limit, and under the raised one Hypothesis runs tests with);
2. arbitrary JSON values to ``from_dict`` for every class, and the same values written as
   JSON text (by ``json`` or ``orjson``, never by newsevents) to ``from_json``, which must
   answer exactly as ``from_dict`` did;
3. valid documents (``newsevents.strategies.articles()`` through ``to_dict``) broken in
   one way: a field deleted, a value of another JSON type, a string stretched, a type tag
   changed, a key repeated (in hand-written JSON text), the text truncated at any byte, a
   byte flipped, inserted or deleted. Where it holds, the error must point at the mutation;
4. JSON Lines streams of good, bad and blank lines with LF or CRLF endings and maybe no
   final newline, read by ``read_jsonl`` (from a binary file, a path, a text buffer and
   lists of lines, with and without ``on_error``) and ``Corpus.from_jsonl``: every good line
   is yielded in order and every bad line is reported once, at its own line number;
5. the command line, in-process (``newsevents.cli.main``) and, a few times, as a process:
   ``validate`` (with and without ``--continue``), ``show``, ``query`` and ``check`` on fuzzed
   files end with their documented exit status and never print a traceback.

The default run takes the number of examples from the Hypothesis profile (see conftest.py).
A long run sets ``FUZZ_EXAMPLES``::

    FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py -p no:cacheprovider --hypothesis-show-statistics
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import typing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any, NamedTuple

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsevents._jsontext
from _backends import BACKENDS, backend
from newsevents import (
    Actor,
    Article,
    Corpus,
    Country,
    Detention,
    DiplomaticRequest,
    ErrorDetail,
    Event,
    Limits,
    Organization,
    Person,
    Place,
    Role,
    Statement,
    Term,
    TimeRef,
    ValidationError,
    event_types,
    from_dict,
    from_json,
    from_ninjs,
    read_jsonl,
    to_dict,
    to_json,
    to_ninjs,
)
from newsevents import strategies as nst
from newsevents.cli import main

# ---------------------------------------------------------------- settings and shared helpers

_EXAMPLES = os.environ.get("FUZZ_EXAMPLES")


def fuzz(*, suppress: Sequence[HealthCheck] = ()) -> settings:
    """Settings of a fuzz test: the profile's number of examples, or ``FUZZ_EXAMPLES`` when it is set."""
    if _EXAMPLES:
        return settings(max_examples=int(_EXAMPLES), deadline=None, suppress_health_check=suppress)
    return settings(deadline=None, suppress_health_check=suppress)


# Drawing whole articles is slower than Hypothesis likes for one example; these tests ask for it.
SLOW_DRAWS = (HealthCheck.too_slow,)
DEFAULT_LIMITS = Limits()


LOADABLE: list[Any] = [
    Article,
    Event,
    Actor,
    Person,
    Organization,
    Country,
    Place,
    Role,
    Statement,
    DiplomaticRequest,
    Detention,
    TimeRef,
    Term,
]
MODEL_CLASSES = [c for c in LOADABLE if isinstance(c, type) and attrs.has(c)]
ENTITY_TAGS = frozenset({"article", "country", "organization", "person", "place"})

# A message is written for people: it says what was expected and what was found. A
# message that starts with an exception's class name means a bare Python exception
# was wrapped rather than explained.
_EXCEPTION_NAME = re.compile(r"[A-Z][A-Za-z]*(?:Error|Exception)\b")


def assert_well_formed(err: ValidationError) -> None:
    """Every detail has a $-path, a message for people, and a sensible line and column."""
    assert err.errors
    for detail in err.errors:
        assert detail.path.startswith("$"), detail
        assert isinstance(detail.message, str), detail
        assert detail.message.strip(), detail
        assert not _EXCEPTION_NAME.match(detail.message), detail
        assert detail.line is None or detail.line >= 1, detail
        assert detail.column is None or (detail.line is not None and detail.column >= 1), detail
    assert str(err) == "\n".join(str(d) for d in err.errors)


def attempt(load: Callable[[], Any]) -> Any:
    """What a loader answers: its value, or the ValidationError it raised. Anything else propagates."""
    try:
        return load()
    except ValidationError as err:
        assert_well_formed(err)
        return err


Answer = tuple[str, Any]


def answer(outcome: Any) -> Answer:
    """An outcome in a form that compares by content: the value, or every error detail."""
    if isinstance(outcome, ValidationError):
        return ("error", [(e.path, e.message, e.line, e.column) for e in outcome.errors])
    return ("value", outcome)


def without_positions(outcome: Any) -> Answer:
    """Like :func:`answer`, without lines and columns (the backends place some errors differently)."""
    if isinstance(outcome, ValidationError):
        return ("error", [(e.path, e.message) for e in outcome.errors])
    return ("value", outcome)


def is_instance_of(value: Any, cls: Any) -> bool:
    """Whether ``value`` is a ``cls``, where ``cls`` may be a union such as Actor."""
    return isinstance(value, typing.get_args(cls) or cls)


def paths(err: ValidationError) -> list[str]:
    """The paths of an error's details, in order."""
    return [e.path for e in err.errors]


def inside(path: str, root: str) -> bool:
    """Whether ``path`` is ``root`` or lies under it."""
    return path == root or path.startswith((f"{root}.", f"{root}["))


def _refuse(literal: str) -> Any:
    raise ValueError(f"{literal} is not JSON")


def _finite(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise ValueError(f"{literal} is too large for a float")
    return value


def _has_lone_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def is_json(data: str | bytes) -> bool | None:
    """Whether ``data`` is one strict JSON text (UTF-8, no NaN, no lone surrogate), told by ``json`` alone.

    ``None`` when the standard library cannot tell (nesting deeper than its recursion allows).
    """
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        text.encode("utf-8")
        value = json.loads(text, parse_constant=_refuse, parse_float=_finite)
    except RecursionError:
        return None
    except (UnicodeError, ValueError):  # json.JSONDecodeError is a ValueError
        return False
    return not _has_lone_surrogate(value)


def lines_of(data: str | bytes) -> list[str]:
    """The lines of a text as newsevents counts them (split at LF; bytes decoded, bad ones replaced)."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    return text.split("\n")


def assert_syntax_error(err: ValidationError, data: str | bytes) -> None:
    """One error at ``$`` with a line and a column that lie inside ``data``."""
    assert len(err.errors) == 1, err
    [detail] = err.errors
    assert detail.path == "$", detail
    assert detail.line is not None, detail
    assert detail.column is not None, detail
    lines = lines_of(data)
    assert 1 <= detail.line <= len(lines), detail
    assert 1 <= detail.column <= len(lines[detail.line - 1]) + 1, detail


# ---------------------------------------------------------------- hostile text and bytes

BOMS = (b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
TOKENS = (
    *'{}[]:,"\\ -0123456789.eE+',
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\u0061",
    "\\n",
    "true",
    "false",
    "null",
    "tru",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-0.0",
    "1.5e-7",
    "18446744073709551616",
    "\n",
    "\r\n",
    "\t",
    "\ufeff",
    "\x00",
    "\x1f",
    "\u2028",
    '"type"',
    '"article"',
    '"person"',
    '"statement"',
    '"name"',
    '"id"',
    '"title"',
    '"events"',
    '"a"',
)
surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
token_soup = st.lists(st.sampled_from(TOKENS) | st.text(max_size=2), max_size=40).map("".join)
hostile_text = st.text(st.characters() | surrogates) | token_soup
behind_a_bom = st.tuples(st.sampled_from(BOMS), token_soup).map(
    lambda pair: pair[0] + pair[1].encode("utf-8", "surrogatepass")
)
hostile_bytes = st.binary() | behind_a_bom | hostile_text.map(lambda s: s.encode("utf-8", "surrogatepass"))


# ---------------------------------------------------------------- 1. arbitrary bytes and text


@fuzz()
@given(data=hostile_bytes | hostile_text)
@example(data=b"")
@example(data="\ufeff{}")
@example(data=b'"\\ud800"')
@example(data=b'{"a": 1}\n\n  x')
@example(data="[" + "1" * 5000 + "]")
def test_from_json_answers_any_text_with_a_value_or_a_validation_error(data: str | bytes) -> None:
    """Every class, both backends: a value of the class or a ValidationError, and the same answer.

    Text that is not strict JSON (as the standard library alone decides) gives exactly one
    error at ``$`` with a line and a column inside the text; JSON text never does.
    """
    syntax = is_json(data)
    for cls in LOADABLE:
        seen = []
        for name in BACKENDS:
            with backend(name):
                outcome = attempt(lambda cls=cls: from_json(cls, data))
            if not isinstance(outcome, ValidationError):
                assert syntax is not False, outcome
                assert is_instance_of(outcome, cls)
            elif syntax is False:
                assert_syntax_error(outcome, data)
            elif syntax is True:
                assert all(e.line is None for e in outcome.errors), outcome
            seen.append(outcome)
        fast, slow = seen
        if syntax is False:  # both refuse; the parsers word and place some syntax errors differently
            assert isinstance(fast, ValidationError)
            assert isinstance(slow, ValidationError)
        elif syntax is True:
            assert answer(fast) == answer(slow)
        else:  # too deep for the oracle: orjson places its depth error, the stdlib cannot
            assert without_positions(fast) == without_positions(slow)


def nested(depth: int, kind: str) -> str:
    """JSON text nested ``depth`` levels deep: arrays, or objects under the key "a"."""
    opening, closing = ("[", "]") if kind == "array" else ('{"a":', "}")
    return opening * depth + "1" + closing * depth


# Python's recursion limit as a program runs with it (Hypothesis raises it while a test runs).
NORMAL_RECURSION_LIMIT = sys.getrecursionlimit()
# How deep a program's stack may be when it calls the library: the limit counts from there.
CALLER_DEPTH = 30


def stack_depth() -> int:
    """The number of Python frames on the stack here."""
    depth = 0
    frame: FrameType | None = sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


@contextmanager
def recursion_limit(limit: int | None = None) -> Iterator[None]:
    """Python's recursion limit set to ``limit`` inside the block, and restored after.

    By default the usual limit as it stands for a program that calls the library from
    ``CALLER_DEPTH`` frames deep, however deep the test runner's own stack is.
    """
    if limit is None:
        limit = stack_depth() + NORMAL_RECURSION_LIMIT - CALLER_DEPTH
    saved = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        yield
    finally:
        sys.setrecursionlimit(saved)


@fuzz()
@given(
    depth=st.integers(1, 3000),
    kind=st.sampled_from(["array", "object"]),
    field=st.sampled_from([None, "title", "topics", "publisher", "events"]),
    article=st.just(None) | nst.articles(max_events=1),
)
def test_deep_nesting_gets_the_same_answer_on_both_backends(
    depth: int, kind: str, field: str | None, article: Article | None
) -> None:
    """A document nested up to 3,000 levels deep, whole or in one field: the same answer on both backends.

    Under Python's usual recursion limit, and under the raised one Hypothesis runs tests with
    (as a program may raise it too).
    """
    if field is None or article is None:
        text = nested(depth, kind)
    else:
        doc = {**to_dict(article), field: "@"}
        text = json.dumps(doc).replace('"@"', nested(depth, kind), 1)
    for limit in (None, sys.getrecursionlimit()):
        outcomes = []
        for name in BACKENDS:
            with backend(name), recursion_limit(limit):
                outcome = attempt(lambda: from_json(Article, text))
            outcomes.append(without_positions(outcome))
        assert outcomes[0] == outcomes[1], f"recursion limit {limit or 'usual'}"


@fuzz(suppress=SLOW_DRAWS)
@given(
    article=nst.articles(max_events=2),
    depth=st.integers(1, 1024),
    kind=st.sampled_from(["array", "object"]),
    data=st.data(),
)
def test_deep_values_from_another_parser_get_a_validation_error(
    article: Article, depth: int, kind: str, data: st.DataObject
) -> None:
    """Deep data as orjson reads it (up to 1,024 levels) anywhere in a document, to from_dict and from_ninjs.

    The document is an article's (for from_dict) or its ninjs export (for from_ninjs), one node
    replaced by the deep value; run under Python's usual recursion limit, as a program that
    parsed the data itself would.
    """
    deep = orjson.loads(nested(depth, kind))
    doc = replace_one(to_dict(article), data, st.just(deep))
    item = replace_one(to_ninjs(article), data, st.just(deep))
    with recursion_limit():
        by_dict = attempt(lambda: from_dict(Article, doc))
        by_ninjs = attempt(lambda: from_ninjs(item))
    # No position of an article's document holds a value nested deeper than one level of arrays or
    # objects ([1] and {"a": 1} are wrong everywhere too), so from_dict must refuse it, by path.
    assert isinstance(by_dict, ValidationError), by_dict
    assert all(e.path.startswith("$") for e in by_dict.errors)
    # A ninjs item has members from_ninjs does not read ("standard", ...): an array there may be
    # accepted, but only if it changes nothing, so the answer is the undamaged item's. (An object
    # {"a": ...} may also stand where an entry object is expected: an entry with one unknown member.)
    if isinstance(by_ninjs, ValidationError):
        assert all(e.path.startswith("$") for e in by_ninjs.errors)
    elif kind == "array":
        assert by_ninjs == from_ninjs(to_ninjs(article))


def test_deep_values_anywhere_in_a_rich_document(sample_article: Article) -> None:
    """Every node of a rich article's document and of its ninjs export replaced, in turn, by 1,024 levels.

    Each loader answers with a value or a clean ValidationError at every position (all positions
    are tried, and every one that fails is listed), under Python's usual recursion limit.
    """
    article = attrs.evolve(
        sample_article,
        authors=(Person(name="Jane Doe", wikidata="Q42"),),
        publisher=attrs.evolve(sample_article.publisher, wikidata="Q1"),
    )
    deep = orjson.loads(nested(1024, "array"))
    loaders: list[tuple[str, Callable[[Any], Any], Any]] = [
        ("from_dict", lambda doc: from_dict(Article, doc), to_dict(article)),
        ("from_ninjs", from_ninjs, to_ninjs(article)),
    ]
    failures = []
    for name, load, document in loaders:
        for trail, _ in nodes(document):
            damaged = replaced(document, trail, deep)
            try:
                with recursion_limit():
                    attempt(lambda load=load, damaged=damaged: load(damaged))
            except (RecursionError, AssertionError) as exc:
                failures.append(f"{name} {path_of(trail)}: {type(exc).__name__}: {str(exc)[:80]}")
    assert failures == []


# Scalars that mean something to the model, so that arbitrary JSON reaches past the first check.
MEANINGFUL = st.sampled_from(
    [
        *ENTITY_TAGS,
        "statement",
        "diplomatic_request",
        "detention",
        "RU",
        "US",
        "ru",
        "2022-07-28T22:23:00+03:00",
        "2022-07-28T22:23:00",
        "2022-07-28",
        "day",
        "month",
        "confirmed",
        "direct",
        "phone_call",
        "sentenced",
        "media",
        "a1",
        "Q42",
        "https://example.com/a",
        "x y",
        " ",
        "",
    ]
)
FIELD_NAMES = sorted({f.name for c in MODEL_CLASSES for f in attrs.fields(c)} | {"type", "format_version"})
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=8)
finite_floats = st.floats(allow_nan=False, allow_infinity=False)


def json_values(text: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """Arbitrary JSON values whose strings come from ``text`` or the model's own words."""
    scalars = st.none() | st.booleans() | st.integers() | finite_floats | text | MEANINGFUL
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
        max_leaves=25,
    )


JSON_VALUES = json_values(st.text())
JSON_VALUES_WITH_SURROGATES = json_values(st.text(st.characters() | surrogates, max_size=10))

NINJS_KEYS = (
    "uri",
    "type",
    "firstCreated",
    "versionCreated",
    "contentCreated",
    "firstcreated",
    "versioncreated",
    "language",
    "altIds",
    "headlines",
    "HEADLINES",
    "by",
    "infoSources",
    "copyrightHolder",
    "bodies",
    "subjects",
    "people",
    "organisations",
    "title",
)
NINJS_WORDS = st.sampled_from(
    [
        "main",
        "sub",
        "publisher",
        "author",
        "newsevents:id",
        "text/plain",
        "text/html",
        "2022-07-28T22:23:00+03:00",
        "2022-07-28T22:23:00",
        "http://www.wikidata.org/entity/Q42",
        "urn:newsml:example.com:20220728:1",
        "https://example.com/a",
        "<p>One</p><p>Two<script>x</script></p>",
        "en",
        "RT",
        " ",
        "",
    ]
)
ninjs_entries = st.dictionaries(
    st.sampled_from(["role", "value", "name", "rel", "literal", "uri", "contentType", "contenttype"]),
    NINJS_WORDS | JSON_VALUES_WITH_SURROGATES,
    max_size=5,
)
ninjs_items = st.dictionaries(
    st.sampled_from(NINJS_KEYS) | st.text(max_size=4),
    NINJS_WORDS | st.lists(ninjs_entries | JSON_VALUES, max_size=3) | JSON_VALUES_WITH_SURROGATES,
    max_size=10,
)


small_articles = nst.articles(max_events=2)


def replace_one(value: Any, data: st.DataObject, new: st.SearchStrategy[Any]) -> Any:
    """A copy of ``value`` with one node, chosen by ``data``, replaced by a value drawn from ``new``."""
    trail, _ = data.draw(st.sampled_from(list(nodes(value))), label="node")
    return replaced(value, trail, data.draw(new, label="new value"))


@fuzz(suppress=SLOW_DRAWS)
@given(
    source=st.sampled_from(["arbitrary", "ninjs-like", "damaged export", "parsed bytes"]),
    data=st.data(),
)
def test_from_ninjs_answers_any_parsed_json_with_an_article_or_a_validation_error(
    source: str, data: st.DataObject
) -> None:
    """Arbitrary JSON, ninjs-like items, damaged exports of real articles, and whatever the parser reads."""
    if source == "arbitrary":
        item = data.draw(JSON_VALUES_WITH_SURROGATES, label="item")
    elif source == "ninjs-like":
        item = data.draw(ninjs_items, label="item")
    elif source == "damaged export":
        exported = to_ninjs(data.draw(small_articles, label="article"))
        item = replace_one(exported, data, JSON_VALUES_WITH_SURROGATES | NINJS_WORDS)
    else:
        parsed = attempt(lambda: newsevents._jsontext.parse(data.draw(hostile_bytes, label="bytes")))
        if isinstance(parsed, ValidationError):
            return
        item = parsed
    outcome = attempt(lambda: from_ninjs(item))
    assert isinstance(outcome, (Article, ValidationError))


# ---------------------------------------------------------------- 2. arbitrary JSON values


@fuzz()
@given(value=JSON_VALUES_WITH_SURROGATES)
@example(value={"type": []})
@example(value={"type": {"a": 1}, "name": "x"})
def test_from_dict_answers_any_json_value_with_a_value_or_a_validation_error(value: Any) -> None:
    """Every loadable class: an instance of it, or a ValidationError whose paths start at $."""
    for cls in LOADABLE:
        outcome = attempt(lambda cls=cls: from_dict(cls, value))
        if not isinstance(outcome, ValidationError):
            assert is_instance_of(outcome, cls)


WRITERS: dict[str, Callable[[Any], str | bytes]] = {
    "json compact": lambda v: json.dumps(v, separators=(",", ":"), ensure_ascii=False),
    "json spaced": json.dumps,
    "json indent 2": lambda v: json.dumps(v, indent=2),
    "json indent 1": lambda v: json.dumps(v, indent=1, ensure_ascii=False).encode(),
    "orjson compact": orjson.dumps,
    "orjson indent 2": lambda v: orjson.dumps(v, option=orjson.OPT_INDENT_2).decode(),
}


def write(value: Any, writer: str) -> str | bytes:
    """``value`` as JSON text by the named writer (json's compact writer where orjson cannot write it)."""
    try:
        return WRITERS[writer](value)
    except orjson.JSONEncodeError:  # integers beyond 64 bits
        return WRITERS["json compact"](value)


@fuzz()
@given(value=JSON_VALUES, writer=st.sampled_from(sorted(WRITERS)))
def test_from_json_of_written_json_answers_as_from_dict_does(value: Any, writer: str) -> None:
    """Text written by json or orjson answers, on both backends, exactly as ``from_dict`` of the value."""
    text = write(value, writer)
    for cls in LOADABLE:
        expected = answer(attempt(lambda cls=cls: from_dict(cls, value)))
        for name in BACKENDS:
            with backend(name):
                assert answer(attempt(lambda cls=cls: from_json(cls, text))) == expected, (cls, name)


# ---------------------------------------------------------------- 3. mutations of valid documents

Trail = tuple[str | int, ...]
_GONE = object()


def nodes(value: Any, trail: Trail = ()) -> Iterator[tuple[Trail, Any]]:
    """Every node of a JSON value with the keys and indexes that lead to it, in document order."""
    yield trail, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from nodes(item, (*trail, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from nodes(item, (*trail, i))


def path_of(trail: Trail) -> str:
    """The path newsevents gives the node at ``trail``: ``$.name[2]``, or ``$['odd key']``."""
    path = "$"
    for step in trail:
        if isinstance(step, int):
            path += f"[{step}]"
        elif step.isidentifier():
            path += f".{step}"
        else:
            path += f"[{step!r}]"
    return path


def replaced(value: Any, trail: Trail, new: Any) -> Any:
    """A copy of ``value`` with the node at ``trail`` replaced by ``new``, or removed if ``new`` is _GONE."""
    if not trail:
        return new
    head, rest = trail[0], trail[1:]
    if isinstance(value, dict):
        out = dict(value)
        if not rest and new is _GONE:
            del out[head]
        else:
            out[head] = replaced(value[head], rest, new)
        return out
    items = list(value)
    items[head] = replaced(value[head], rest, new)
    return items


def json_kind(value: Any) -> str:
    """The JSON type of a value: null, boolean, number, string, array or object."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


_SMALL = st.none() | st.booleans() | st.integers() | st.text(max_size=6)
OF_KIND: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "boolean": st.booleans(),
    "number": st.integers() | finite_floats,
    "string": st.text(max_size=10) | MEANINGFUL,
    "array": st.lists(_SMALL, max_size=3),
    "object": st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=4), _SMALL, max_size=3),
}


def both_backends(text: str | bytes, cls: Any = Article, limits: Limits | None = None) -> Any:
    """``from_json`` on both backends; they must answer alike. Returns the orjson backend's answer."""
    outcomes = []
    for name in BACKENDS:
        with backend(name):
            if limits is None:
                outcomes.append(attempt(lambda: from_json(cls, text)))
            else:
                outcomes.append(attempt(lambda: from_json(cls, text, limits=limits)))
    assert answer(outcomes[0]) == answer(outcomes[1])
    return outcomes[0]


def loads_alike(doc: Any) -> Any:
    """``from_dict(Article, doc)``, checked against ``from_json`` of its text on both backends."""
    outcome = attempt(lambda: from_dict(Article, doc))
    assert answer(both_backends(json.dumps(doc))) == answer(outcome)
    return outcome


documents = nst.articles(max_events=2).map(to_dict)


@fuzz(suppress=SLOW_DRAWS)
@given(doc=documents, data=st.data())
def test_a_deleted_field_is_reported_inside_its_object(doc: dict[str, Any], data: st.DataObject) -> None:
    """Deleting any key of any object gives a value or errors that all lie in that object.

    (Not always at the key itself: deleting ``precision`` of a time makes its ``start`` wrong.)
    """
    objects = [(trail, obj) for trail, obj in nodes(doc) if isinstance(obj, dict) and obj]
    trail, obj = data.draw(st.sampled_from(objects), label="object")
    key = data.draw(st.sampled_from(list(obj)), label="key")
    outcome = loads_alike(replaced(doc, (*trail, key), _GONE))
    if isinstance(outcome, ValidationError):
        assert all(inside(p, path_of(trail)) for p in paths(outcome)), (path_of((*trail, key)), outcome)
        for detail in outcome.errors:  # the doc was valid: only the deleted key can be missing now
            if detail.message == "required field is missing" or detail.message.startswith("missing type tag"):
                assert detail.path == path_of((*trail, key)), outcome


@fuzz(suppress=SLOW_DRAWS)
@given(doc=documents, data=st.data())
def test_a_value_of_another_json_type_is_reported_at_its_path(
    doc: dict[str, Any], data: st.DataObject
) -> None:
    """Any node (leaf or not, the root too) replaced by a value of another JSON type: one error, at that node.

    The one exception is null, which an optional field takes.
    """
    trail, old = data.draw(st.sampled_from(list(nodes(doc))), label="node")
    kind = data.draw(st.sampled_from(sorted(set(OF_KIND) - {json_kind(old)})), label="new kind")
    outcome = loads_alike(replaced(doc, trail, data.draw(OF_KIND[kind], label="new value")))
    if kind == "null" and not isinstance(outcome, ValidationError):
        return
    assert isinstance(outcome, ValidationError), (path_of(trail), kind)
    assert paths(outcome) == [path_of(trail)], outcome


# Strings other strings refer to: stretching one breaks a reference elsewhere in the article.
REFERENCES = frozenset({"id", "related"})


@fuzz(suppress=SLOW_DRAWS)
@given(doc=documents, data=st.data(), times=st.integers(10, 1000))
def test_a_stretched_string_is_reported_at_its_path(
    doc: dict[str, Any], data: st.DataObject, times: int
) -> None:
    """A string repeated 10 to 1,000 times: a value or one error at that string (ids aside).

    With ``Limits.max_string`` just below its new length, the limit names that string alone.
    """
    strings = [(t, s) for t, s in nodes(doc) if isinstance(s, str) and s]
    trail, old = data.draw(st.sampled_from(strings), label="string")
    mutated = replaced(doc, trail, old * times)
    outcome = loads_alike(mutated)
    field = next(step for step in reversed(trail) if isinstance(step, str))
    if isinstance(outcome, ValidationError) and field not in REFERENCES:
        assert paths(outcome) == [path_of(trail)], outcome
    others = [len(s) for t, s in nodes(mutated) if isinstance(s, str) and t != trail]
    others += [len(k) for _, obj in nodes(mutated) if isinstance(obj, dict) for k in obj]
    limit = max(others)
    if len(old) * times > limit:
        limited = both_backends(json.dumps(mutated), limits=Limits(max_string=limit))
        assert isinstance(limited, ValidationError)
        assert paths(limited) == [path_of(trail)], limited
        assert "(Limits.max_string)" in limited.errors[0].message


def known_tags() -> set[str]:
    """Every type tag newsevents knows now (custom event types included)."""
    return set(ENTITY_TAGS) | set(event_types())


@fuzz(suppress=SLOW_DRAWS)
@given(doc=documents, data=st.data())
def test_a_changed_type_tag_is_reported_in_its_object(doc: dict[str, Any], data: st.DataObject) -> None:
    """An unknown tag (or one that is not a string): one error, at ``type``; a known one: errors inside."""
    tagged = [(trail, obj) for trail, obj in nodes(doc) if isinstance(obj, dict) and "type" in obj]
    trail, obj = data.draw(st.sampled_from(tagged), label="object")
    tags = known_tags()
    garbage = st.text(max_size=12).filter(lambda t: t not in tags) | OF_KIND["number"] | OF_KIND["array"]
    tag = data.draw(st.sampled_from(sorted(tags - {obj["type"]})) | garbage | st.none(), label="tag")
    outcome = loads_alike(replaced(doc, (*trail, "type"), tag))
    if isinstance(tag, str) and tag in tags:
        if isinstance(outcome, ValidationError):
            assert all(inside(p, path_of(trail)) for p in paths(outcome)), outcome
    else:
        assert isinstance(outcome, ValidationError)
        assert paths(outcome) == [path_of((*trail, "type"))], outcome


def spelled(key: str, escape: bool) -> str:
    """A key as JSON text, its first character written as a \\u escape if ``escape``."""
    if escape and key and ord(key[0]) <= 0xFFFF:
        return '"' + f"\\u{ord(key[0]):04x}" + json.dumps(key[1:], ensure_ascii=False)[1:]
    return json.dumps(key, ensure_ascii=False)


def write_repeating(
    value: Any, *, target: Trail, key: str, extra: Any, before: bool, escape: bool, indent: int | None
) -> str:
    """JSON text of ``value``, written by hand, in which the object at ``target`` holds ``key`` twice.

    The second ``key`` (with the value ``extra``) goes first or last in that object.
    """

    def text(item: Any, trail: Trail | None, depth: int) -> str:
        # trail is None inside ``extra``: nothing there is the target.
        pad = "" if indent is None else "\n" + " " * (indent * (depth + 1))
        end = "" if indent is None else "\n" + " " * (indent * depth)
        colon = ":" if indent is None else ": "
        if isinstance(item, dict):
            parts = [
                f"{json.dumps(k)}{colon}{text(v, None if trail is None else (*trail, k), depth + 1)}"
                for k, v in item.items()
            ]
            if trail == target:
                repeat = f"{spelled(key, escape)}{colon}{text(extra, None, depth + 1)}"
                parts.insert(0 if before else len(parts), repeat)
            open_, close = "{", "}"
        elif isinstance(item, list):
            parts = [text(v, None if trail is None else (*trail, i), depth + 1) for i, v in enumerate(item)]
            open_, close = "[", "]"
        else:
            return json.dumps(item, ensure_ascii=False)
        if not parts:
            return open_ + close
        return open_ + pad + ("," + pad).join(parts) + end + close

    return text(value, (), 0)


@fuzz(suppress=SLOW_DRAWS)
@given(
    doc=documents,
    data=st.data(),
    before=st.booleans(),
    escape=st.booleans(),
    indent=st.sampled_from([None, 2, 4]),
)
def test_a_repeated_key_is_named_with_its_path_on_both_backends(
    doc: dict[str, Any], data: st.DataObject, before: bool, escape: bool, indent: int | None
) -> None:
    """Any object of a valid document repeating any of its keys: one error naming that key, on both backends.

    The repeated key may be spelled with an escape, come first or last, and hold the same value or another.
    """
    objects = [(trail, obj) for trail, obj in nodes(doc) if isinstance(obj, dict) and obj]
    trail, obj = data.draw(st.sampled_from(objects), label="object")
    key = data.draw(st.sampled_from(list(obj)), label="key")
    extra = data.draw(st.just(obj[key]) | OF_KIND["string"] | OF_KIND["object"], label="repeated value")
    text = write_repeating(
        doc, target=trail, key=key, extra=extra, before=before, escape=escape, indent=indent
    )
    outcome = both_backends(text)
    assert isinstance(outcome, ValidationError)
    message = f"expected each key once in an object, found {key!r} 2 times"
    assert answer(outcome) == ("error", [(path_of((*trail, key)), message, None, None)])


def syntax_errors_on_both(text: bytes) -> list[ErrorDetail]:
    """The syntax error each backend gives for ``text`` (orjson's first), each checked to lie inside it."""
    found = []
    for name in BACKENDS:
        with backend(name):
            outcome = attempt(lambda: from_json(Article, text))
        assert isinstance(outcome, ValidationError), name
        assert_syntax_error(outcome, text)
        found.append(outcome.errors[0])
    return found


@fuzz(suppress=SLOW_DRAWS)
@given(
    article=nst.articles(max_events=2),
    indent=st.sampled_from([None, 2]),
    tail=st.sampled_from([b"", b"\n", b" \r\n\t "]),
    data=st.data(),
)
def test_truncated_text_is_an_error_on_its_last_line(
    article: Article, indent: int | None, tail: bytes, data: st.DataObject
) -> None:
    """Text cut at any byte: a syntax error on the last line left, on both backends.

    Unless only trailing white space was cut: then it is the same article.
    """
    raw = to_json(article, indent=indent).encode() + tail
    cut = data.draw(st.integers(0, len(raw) - 1), label="cut")
    text = raw[:cut]
    if cut >= len(raw.rstrip()):
        assert both_backends(text) == article
        return
    last = text.count(b"\n") + 1
    assert [e.line for e in syntax_errors_on_both(text)] == [last, last]


@fuzz(suppress=SLOW_DRAWS)
@given(
    article=nst.articles(max_events=2),
    indent=st.sampled_from([None, 2]),
    operation=st.sampled_from(["flip", "insert", "delete"]),
    data=st.data(),
)
def test_a_damaged_byte_gives_a_value_or_an_error_at_or_after_it(
    article: Article, indent: int | None, operation: str, data: st.DataObject
) -> None:
    """One byte flipped, or one to four inserted or deleted, anywhere in a document.

    Text that is still JSON gives an article or a ValidationError, the same on both backends;
    text that is not gives one syntax error on each backend, on the line of the damage or later
    (or, for a trailing comma, at that comma).
    """
    raw = to_json(article, indent=indent).encode()
    at = data.draw(st.integers(0, len(raw) - 1), label="at")
    if operation == "flip":
        mask = data.draw(st.integers(1, 255), label="mask")
        text = raw[:at] + bytes([raw[at] ^ mask]) + raw[at + 1 :]
    elif operation == "insert":
        text = raw[:at] + data.draw(st.binary(min_size=1, max_size=4), label="inserted") + raw[at:]
    else:
        text = raw[:at] + raw[at + data.draw(st.integers(1, 4), label="deleted") :]
    if is_json(text):
        assert isinstance(both_backends(text), (Article, ValidationError))
        return
    damaged_line = text.count(b"\n", 0, at) + 1
    for error in syntax_errors_on_both(text):
        assert error.line is not None
        assert error.column is not None
        if "trailing comma" in error.message:
            # orjson places a trailing comma (after a deleted last item) at the comma itself,
            # which may end the line before the damage.
            assert lines_of(text)[error.line - 1][error.column - 1] == ",", error
        else:
            assert error.line >= damaged_line, error


# ---------------------------------------------------------------- 4. JSON Lines streams


def physical_lines(stream: bytes | str) -> list[Any]:
    """The lines of a stream, each with its LF (the last one may have none)."""
    newline = b"\n" if isinstance(stream, bytes) else "\n"
    pieces = stream.split(newline)
    out = [piece + newline for piece in pieces[:-1]]
    if pieces[-1]:
        out.append(pieces[-1])
    return out


def content_of(line: Any) -> Any:
    """A line without its LF or CR LF."""
    lf, cr = (b"\n", b"\r") if isinstance(line, bytes) else ("\n", "\r")
    if line.endswith(lf):
        line = line[:-1]
        if line.endswith(cr):
            line = line[:-1]
    return line


def is_blank(content: str | bytes) -> bool:
    """Whether a line holds nothing but JSON's white space: space, tab, CR, LF (read_jsonl skips it).

    Not ``str.isspace()``: that takes in U+001C..U+001F, NBSP and the like, which JSON does not.
    """
    space = b" \t\r\n" if isinstance(content, bytes) else " \t\r\n"
    return not content.strip(space)  # type: ignore[arg-type]


def read_all(source: Any, limits: Limits = DEFAULT_LIMITS) -> tuple[list[Any], list[ValidationError]]:
    """Every article ``read_jsonl`` yields from ``source`` and every error it reports, with ``on_error``."""
    reported: list[ValidationError] = []
    values = list(read_jsonl(source, on_error=reported.append, limits=limits))
    for err in reported:
        assert_well_formed(err)
    return values, reported


def read_until_error(source: Any) -> tuple[list[Any], ValidationError | None]:
    """The values ``read_jsonl`` yields without ``on_error``, and the error that stops it (if any)."""
    values: list[Any] = []
    try:
        for value in read_jsonl(source):
            values.append(value)  # noqa: PERF402 -- the values before the error are what is checked
    except ValidationError as err:
        assert_well_formed(err)
        return values, err
    return values, None


def line_of(err: ValidationError) -> int:
    """The line a JSON Lines error is on; every detail must name the same one."""
    lines = {e.line for e in err.errors}
    assert len(lines) == 1, err
    [line] = lines
    assert line is not None
    return line


def on_line(err: ValidationError, number: int) -> list[tuple[Any, ...]]:
    """An error as read_jsonl reports it for line ``number``: every detail on that line."""
    return [(e.path, e.message, number, e.column) for e in err.errors]


def reported(errors: list[ValidationError]) -> list[list[tuple[Any, ...]]]:
    """The details of reported errors, for comparison."""
    return [[(e.path, e.message, e.line, e.column) for e in err.errors] for err in errors]


Expected = list[tuple[str, Any]]


def expected_from_lines(lines: list[Any]) -> Expected:
    """What reading ``lines`` must give, told line by line by ``from_json``, in order.

    ("value", article) for a good line; ("error", details on its line number) for a bad one.
    """
    expected: Expected = []
    for number, line in enumerate(lines, start=1):
        content = content_of(line)
        if is_blank(content):
            continue
        outcome = attempt(lambda content=content: from_json(Article, content))
        if isinstance(outcome, ValidationError):
            expected.append(("error", on_line(outcome, number)))
        else:
            expected.append(("value", outcome))
    return expected


good_lines = nst.articles(max_events=1).map(to_json)
hostile_line_bytes = hostile_bytes.map(lambda b: b.replace(b"\n", b" "))
hostile_line_text = hostile_text.map(lambda s: s.replace("\n", " "))
endings = st.sampled_from(["\n", "\r\n"])


@st.composite
def any_streams(draw: st.DrawFn) -> bytes | str:
    """Hostile and good lines, bytes or str, with LF or CRLF endings and maybe no final newline."""
    as_text = draw(st.booleans(), label="as text")
    hostile = hostile_line_text if as_text else hostile_line_bytes
    good = good_lines if as_text else good_lines.map(str.encode)
    lines = draw(st.lists(hostile | good, max_size=6), label="lines")
    ends = [draw(endings) for _ in lines]
    if ends:
        ends[-1] = draw(st.sampled_from(["", "\n", "\r\n"]), label="last ending")
    if as_text:
        return "".join(line + end for line, end in zip(lines, ends, strict=True))
    return b"".join(line + end.encode() for line, end in zip(lines, ends, strict=True))


@fuzz(suppress=SLOW_DRAWS)
@given(stream=any_streams())
@example(stream=b'{"a": 1}\r\n\r\n  \n\xff\n')
def test_read_jsonl_answers_each_line_as_from_json_does(stream: bytes | str) -> None:
    """Any stream, from every kind of source: each non-blank line answers as ``from_json`` of it would.

    With ``on_error`` every line's value or error comes through, in order, with its line number;
    without it, reading yields the values before the first bad line and then raises its error.
    ``Corpus.from_jsonl`` keeps the same articles.
    """
    lines = physical_lines(stream)
    expected = expected_from_lines(lines)
    values = [v for kind, v in expected if kind == "value"]
    errors = [e for kind, e in expected if kind == "error"]
    first_error = next((i for i, (kind, _) in enumerate(expected) if kind == "error"), len(expected))
    if isinstance(stream, bytes):
        sources: list[Callable[[], Any]] = [lambda: io.BytesIO(stream), lambda: list(lines)]
    else:
        sources = [lambda: io.StringIO(stream, newline="\n"), lambda: list(lines)]
    for source in sources:
        got, reports = read_all(source())
        assert got == values
        assert reported(reports) == errors
        before, stop = read_until_error(source())
        assert before == [v for _, v in expected[:first_error]]
        assert reported([stop] if stop is not None else []) == errors[:1]
    if isinstance(stream, bytes):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "stream.jsonl"
            path.write_bytes(stream)
            got, reports = read_all(path)
        assert got == values
        assert reported(reports) == errors
        collected: list[ValidationError] = []
        corpus = Corpus.from_jsonl(io.BytesIO(stream), on_error=collected.append)
        assert list(corpus) == values
        assert reported(collected) == errors


class Line(NamedTuple):
    """One line of a mixed stream: its text (without ending) and the article, for a good line."""

    text: bytes
    article: Article | None


def _object_free(junk: bytes) -> bytes:
    """Junk that cannot be a JSON object, so cannot be an article: it never starts with a brace."""
    junk = junk.replace(b"\n", b" ")
    return b"x" + junk if junk.lstrip(b" \t\r")[:1] == b"{" else junk


# Built once: building an articles() strategy costs more than drawing from it.
article_pools = st.lists(nst.articles(max_events=1), min_size=1, max_size=2)


@st.composite
def mixed_streams(draw: st.DrawFn) -> tuple[bytes, list[Line]]:
    """Good article lines, lines that cannot be articles, and blank lines, with LF or CRLF endings."""
    pool = draw(article_pools, label="articles")
    count = draw(st.integers(0, 6), label="lines")
    lines: list[Line] = []
    for _ in range(count):
        kind = draw(st.sampled_from(["good", "junk", "truncated", "repeated key", "wrong type", "blank"]))
        article = draw(st.sampled_from(pool))
        text = to_json(article).encode()
        if kind == "good":
            pad = draw(st.sampled_from([b"", b" ", b"\t "]))
            lines.append(Line(pad + text + pad, article))
        elif kind == "junk":
            lines.append(Line(_object_free(draw(hostile_line_bytes)), None))
        elif kind == "truncated":
            lines.append(Line(text[: draw(st.integers(1, len(text) - 1))], None))
        elif kind == "repeated key":
            lines.append(Line(b'{"title":"Twice",' + text[1:], None))
        elif kind == "wrong type":
            lines.append(Line(json.dumps({**to_dict(article), "title": 7}).encode(), None))
        else:
            lines.append(Line(draw(st.sampled_from([b"", b" ", b"\t", b"  \t "])), None))
    ends = [draw(endings).encode() for _ in lines]
    if ends:
        ends[-1] = draw(st.sampled_from([b"", b"\n", b"\r\n"]), label="last ending")
    return b"".join(line.text + end for line, end in zip(lines, ends, strict=True)), lines


def mixed_expectation(
    stream: bytes | str, lines: list[Line], limit: int | None
) -> tuple[list[Article], list[int]]:
    """The articles and the numbers of the bad lines of a mixed stream, as bytes or decoded to str.

    Told from how each line was made, not by newsevents: a good line is an article unless it is
    over the size limit (in bytes, or characters for str); any other non-blank line is bad.
    """
    articles: list[Article] = []
    bad: list[int] = []
    physical = physical_lines(stream)
    for number, raw in enumerate(physical, start=1):
        content = content_of(raw)
        made = lines[number - 1]
        if is_blank(content):
            assert made.article is None
            continue
        if made.article is not None and (limit is None or len(content) <= limit):
            articles.append(made.article)
        else:
            bad.append(number)
    return articles, bad


@fuzz(suppress=SLOW_DRAWS)
@given(mixed=mixed_streams(), limit=st.none() | st.integers(50, 3000))
def test_no_good_line_is_lost_beside_bad_ones(mixed: tuple[bytes, list[Line]], limit: int | None) -> None:
    """Every good line is yielded, in order; every bad line reported exactly once, at its own number.

    From a binary file, a path, a list of byte lines, a text buffer and a list of str lines;
    with a size limit too, which turns an article over it into one bad line.
    """
    stream, lines = mixed
    limits = Limits() if limit is None else Limits(max_document=limit)
    text = stream.decode("utf-8", "replace")
    cases: list[tuple[bytes | str, Callable[[], Any]]] = [
        (stream, lambda: io.BytesIO(stream)),
        (stream, lambda: physical_lines(stream)),
        (text, lambda: io.StringIO(text, newline="\n")),
        (text, lambda: physical_lines(text)),
    ]
    for data, source in cases:
        articles, bad = mixed_expectation(data, lines, limit)
        got, reports = read_all(source(), limits)
        assert got == articles
        assert [line_of(e) for e in reports] == bad
    articles, bad = mixed_expectation(stream, lines, limit)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mixed.jsonl"
        path.write_bytes(stream)
        got, reports = read_all(path, limits)
    assert got == articles
    assert [line_of(e) for e in reports] == bad
    collected: list[ValidationError] = []
    corpus = Corpus.from_jsonl(io.BytesIO(stream), on_error=collected.append, limits=limits)
    assert list(corpus) == articles
    assert [line_of(e) for e in collected] == bad


# ---------------------------------------------------------------- 5. the command line


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """An article's document with one node replaced by arbitrary JSON, or one key deleted."""
    doc = draw(documents)
    trail, _ = draw(st.sampled_from(list(nodes(doc))), label="node")
    if trail and draw(st.booleans(), label="delete"):
        return replaced(doc, trail, _GONE) if isinstance(trail[-1], str) else doc
    return replaced(doc, trail, draw(JSON_VALUES | st.sampled_from(sorted(known_tags()))))


cli_inputs = st.one_of(
    hostile_bytes,
    mixed_streams().map(lambda mixed: mixed[0]),
    mutated_documents().map(lambda d: json.dumps(d).encode()),
    st.lists(mutated_documents(), max_size=3).map(lambda ds: json.dumps(ds, indent=2).encode()),
    st.lists(mutated_documents(), max_size=3).map(lambda ds: "\n".join(map(json.dumps, ds)).encode()),
)


def run(argv: list[str]) -> tuple[int, str, str]:
    """``newsevents`` in-process: the exit status, what it wrote to stdout and to stderr."""
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, out, err)
    return status, out.getvalue(), err.getvalue()


SUMMARY = re.compile(r"(\d+) documents? in 1 file: (\d+) valid, (\d+) invalid \((\d+) errors?\)")


def check_validate(path: str, keep_going: bool) -> tuple[int, list[str], re.Match[str]]:
    """Run ``validate``: status 0 or 1, nothing on stderr, a summary last; its report lines and summary."""
    status, out, err = run(["validate", *(["--continue"] if keep_going else []), path])
    assert "Traceback" not in out + err
    assert err == ""
    *report, last = out.splitlines()
    summary = SUMMARY.fullmatch(last)
    assert summary is not None, last
    invalid = int(summary.group(3))
    assert status == (1 if invalid else 0)
    assert all(line.startswith(f"{path}:") for line in report), report
    assert (int(summary.group(4)) == 0) == (invalid == 0)
    return status, report, summary


@fuzz(suppress=SLOW_DRAWS)
@given(content=cli_inputs)
@example(content=b'{"type": []}\n')
@example(content=b'[{"type": {"a": 1}}]')
def test_cli_commands_answer_any_file_without_a_traceback(content: bytes) -> None:
    """validate: 0 or 1 with a summary; show, query, check: 0, 1 or 2, and on stderr one line per problem.

    show and query stop at the first invalid document with its errors, the very lines ``validate``
    prints for it, then one ``newsevents: error:`` line (status 2, a documented clean outcome).
    """
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "input.json")
        Path(path).write_bytes(content)
        status, report, _ = check_validate(path, keep_going=False)
        check_validate(path, keep_going=True)
        problems = [line for line in report if "; --continue checks the rest" not in line]
        for argv in (["show", path], ["query", path], ["query", "--format", "jsonl", path], ["check", path]):
            code, out, err = run(argv)
            assert "Traceback" not in out + err
            assert code in {0, 1, 2}, argv
            if status == 0:
                assert err == "", argv
                if argv[0] != "check":
                    assert code == 0, argv
                continue
            *details, last = err.splitlines()
            assert code == 2, argv
            assert (
                last
                == f"newsevents: error: {path} holds an invalid document; run 'newsevents validate {path}'"
            )
            assert details, argv
            assert details == problems[: len(details)], argv


def test_cli_usage_errors_are_one_line_and_status_2() -> None:
    """A file that is not there, or a folder: status 2, one line on stderr, for every command."""
    with tempfile.TemporaryDirectory() as folder:
        for target in (str(Path(folder) / "missing.jsonl"), folder):
            for argv in (["validate", target], ["show", target], ["query", target], ["check", target]):
                status, out, err = run(argv)
                assert status == 2, argv
                assert out == "", argv
                assert err.count("\n") == 1, argv
                assert err.startswith("newsevents: error: cannot read"), argv


def named_lines(report: list[str], path: str) -> list[int]:
    """The line numbers that report lines of ``validate`` name (``FILE:LINE: ...``), each once, in order."""
    found = (re.match(rf"{re.escape(path)}:(\d+):", line) for line in report)
    return sorted({int(match.group(1)) for match in found if match is not None})


PLAIN = Article(
    id="a1", title="A title", published=datetime(2022, 7, 28, tzinfo=UTC), publisher=Organization(name="RT")
)
PLAIN_LINE = to_json(PLAIN).encode()


@fuzz(suppress=SLOW_DRAWS)
@given(mixed=mixed_streams())
@example(mixed=(b"\n{\n" + PLAIN_LINE, [Line(b"", None), Line(b"{", None), Line(PLAIN_LINE, PLAIN)]))
def test_cli_validate_counts_every_line_of_a_mixed_file(mixed: tuple[bytes, list[Line]]) -> None:
    """With a good line in the file, ``--continue`` counts every good and bad line and names each bad one;
    without it, validation stops at the first bad line and says so.
    """
    stream, lines = mixed
    articles, bad = mixed_expectation(stream, lines, None)
    if not articles:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "mixed.jsonl")
        Path(path).write_bytes(stream)
        status, report, summary = check_validate(path, keep_going=True)
        assert named_lines(report, path) == bad
        assert summary.group(1, 2, 3) == (str(len(articles) + len(bad)), str(len(articles)), str(len(bad)))
        assert status == (1 if bad else 0)
        status, report, summary = check_validate(path, keep_going=False)
        if bad:
            assert report[-1] == f"{path}: stopped at line {bad[0]}; --continue checks the rest"
            assert int(summary.group(3)) == 1
        else:
            assert report == []


PROCESS_CASES = {
    "type tag that is a list": b'{"type": []}\n',
    "not UTF-8 behind a byte-order mark": b'\xef\xbb\xbf{"id": "\xff\xfe"}\r\n\x00',
    "nested 100,000 deep": b"[" * 100_000,
    "mixed lines, CRLF, truncated last line": (
        b'{"type":"article"}\r\n\r\n  \n{"title": 7, "title": 8}\r\nnull\n{"id":"a1","tit'
    ),
}


@pytest.mark.parametrize("content", list(PROCESS_CASES.values()), ids=list(PROCESS_CASES))
def test_cli_as_a_process_never_prints_a_traceback(content: bytes) -> None:
    """``python -m newsevents validate FILE`` (with and without --continue): status 0 or 1, no traceback."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.json"
        path.write_bytes(content)
        for extra in ([], ["--continue"]):
            done = subprocess.run(
                [sys.executable, "-m", "newsevents", "validate", *extra, str(path)],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert "Traceback" not in done.stdout + done.stderr, done.stderr
            assert done.returncode in {0, 1}, done.stderr
            assert SUMMARY.fullmatch(done.stdout.splitlines()[-1]), done.stdout
