"""Hostile input, case by case: repeated keys, limits, awkward JSON Lines, and nothing run from data.

The malformed-text cases (truncated, BOM, not UTF-8, surrogates, NaN) with their lines and columns are in
test_serialize.py; the bulk fuzzing is in test_fuzz.py. Every case runs on both JSON backends.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsevents._jsontext
from _backends import BACKENDS, backend
from _seed import seed_article
from newsevents import (
    Actor,
    Article,
    Corpus,
    Country,
    ErrorDetail,
    Event,
    Limits,
    Person,
    Term,
    ValidationError,
    from_dict,
    from_json,
    read_jsonl,
    to_dict,
    to_json,
)
from newsevents._codegen import DUMPERS, LOADERS
from newsevents._spec import spec_of
from newsevents.cli import main

SRC = Path(__file__).resolve().parents[1] / "src" / "newsevents"
REPEATED = "expected each key once in an object, found"


def errors_of(cls: Any, text: str | bytes, **kwargs: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        from_json(cls, text, **kwargs)
    return [(e.path, e.message) for e in info.value.errors]


def run_cli(*args: str) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out, err)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return status, out.getvalue().splitlines(), err.getvalue()


# ---------------------------------------------------------------- repeated keys


def test_a_repeated_key_is_named_with_its_path(json_backend: str) -> None:
    text = '{"type": "person", "name": "Paul Whelan", "nationality": ["US"], "name": "Brittney Griner"}'
    assert errors_of(Person, text) == [("$.name", f"{REPEATED} 'name' 2 times")]


def test_repeated_keys_deep_in_a_document_are_all_named_in_document_order(
    sample_article: Article, json_backend: str
) -> None:
    text = to_json(sample_article)
    # Repeat the speaker's name inside the first event, and the article's title.
    speaker = '"speaker":{"type":"person","name":"Maria Zakharova"'
    assert speaker in text
    text = text.replace(speaker, speaker + ',"name":"Maria Zakharova"', 1)
    text = text.replace('"title":', '"title":"first","title":', 1)
    assert errors_of(Article, text) == [
        ("$.title", f"{REPEATED} 'title' 2 times"),
        ("$.events[0].speaker.name", f"{REPEATED} 'name' 2 times"),
    ]


def test_a_key_repeated_through_an_escape_is_still_repeated(json_backend: str) -> None:
    text = '{"type": "country", "code": "RU", "\\u0063ode": "US"}'
    assert errors_of(Country, text) == [("$.code", f"{REPEATED} 'code' 2 times")]


def test_repeated_keys_are_found_in_indented_text_and_odd_keys(json_backend: str) -> None:
    text = (
        '{\n  "type": "country",\n  "code": "RU",\n  "two words": 1,\n  "two words": 2,\n  "two words": 3\n}'
    )
    assert errors_of(Country, text) == [("$['two words']", f"{REPEATED} 'two words' 3 times")]


def test_equal_values_under_a_repeated_key_are_still_refused(json_backend: str) -> None:
    # Even when nothing would be lost, the text is not what its writer meant to write.
    assert errors_of(Country, '{"type":"country","code":"RU","code":"RU"}') == [
        ("$.code", f"{REPEATED} 'code' 2 times")
    ]


def test_text_that_newsevents_wrote_is_not_parsed_twice(
    sample_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cheap check: orjson's writing of what it read is the text itself, compact or indented."""
    monkeypatch.setattr(newsevents._jsontext, "_orjson", orjson)

    def refuse(text: Any) -> Any:
        raise AssertionError("the second parse ran")

    monkeypatch.setattr(newsevents._jsontext, "_strict_parse", refuse)
    assert from_json(Article, to_json(sample_article)) == sample_article
    assert from_json(Article, to_json(sample_article, indent=2)) == sample_article
    assert from_json(Article, to_json(sample_article).encode() + b"\r\n") == sample_article
    with pytest.raises(AssertionError, match="second parse"):
        from_json(Article, json.dumps(to_dict(sample_article)))  # the stdlib's layout: spaces after colons


keys = st.text(st.characters(codec="utf-8"), max_size=6)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)


@given(value=st.dictionaries(keys, json_values, min_size=1, max_size=5), data=st.data())
def test_any_repeated_key_is_found_on_both_backends(value: dict[str, Any], data: st.DataObject) -> None:
    """A key written twice into any object is an error naming it, with the same errors on both backends."""
    key = data.draw(st.sampled_from(sorted(value)))
    body = orjson.dumps(value).decode()
    text = "{" + json.dumps(key, ensure_ascii=False) + ":null," + body[1:]
    path = newsevents.errors.render("$", (key,))
    answers = []
    for name in BACKENDS:
        with backend(name), pytest.raises(ValidationError) as info:
            newsevents._jsontext.parse(text)
        answers.append(info.value.errors)
    assert answers[0] == answers[1] == (ErrorDetail(path, f"{REPEATED} {key!r} 2 times"),)


@given(value=json_values)
def test_text_without_repeated_keys_parses_to_the_same_value_on_both_backends(value: Any) -> None:
    """No false alarm: any JSON orjson or the stdlib writes (no repeated key) reads back equal."""
    for text in (orjson.dumps(value), json.dumps(value).encode(), json.dumps(value, indent=3).encode()):
        for name in BACKENDS:
            with backend(name):
                assert newsevents._jsontext.parse(text) == value


def test_a_repeated_key_costs_only_its_line_in_json_lines(sample_article: Article, json_backend: str) -> None:
    good = to_json(sample_article)
    bad = good.replace('"title":', '"title":"x","title":', 1)
    errors: list[ValidationError] = []
    assert list(read_jsonl([good, bad, good], on_error=errors.append)) == [sample_article, sample_article]
    assert [e.errors for e in errors] == [(ErrorDetail("$.title", f"{REPEATED} 'title' 2 times", 2),)]


# ---------------------------------------------------------------- limits


def test_default_limits() -> None:
    assert Limits() == Limits(max_document=64 * 2**20, max_string=2**20)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_document": 0}, "Limits.max_document must be a positive int or None, found int (0)"),
        ({"max_string": -5}, "Limits.max_string must be a positive int or None, found int (-5)"),
        ({"max_string": True}, "Limits.max_string must be a positive int or None, found bool (True)"),
        ({"max_document": 1.5}, "Limits.max_document must be a positive int or None, found float (1.5)"),
        ({"max_document": "64M"}, "Limits.max_document must be a positive int or None, found '64M'"),
    ],
)
def test_limits_refuse_what_is_not_a_positive_int(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match="must be a positive int") as info:
        Limits(**kwargs)
    assert str(info.value) == message


def test_max_document_counts_bytes_of_bytes_and_characters_of_str(json_backend: str) -> None:
    text = '{"type": "person", "name": "Léa"}'
    size_bytes, size_chars = len(text.encode()), len(text)
    assert size_bytes == size_chars + 1
    assert from_json(Person, text.encode(), limits=Limits(max_document=size_bytes)).name == "Léa"
    assert errors_of(Person, text.encode(), limits=Limits(max_document=size_bytes - 1)) == [
        (
            "$",
            f"expected a document of at most {size_bytes - 1} bytes (Limits.max_document), "
            f"found {size_bytes}",
        )
    ]
    assert from_json(Person, text, limits=Limits(max_document=size_chars)).name == "Léa"
    assert errors_of(Person, text, limits=Limits(max_document=size_chars - 1)) == [
        (
            "$",
            f"expected a document of at most {size_chars - 1} characters (Limits.max_document), "
            f"found {size_chars}",
        )
    ]


def test_max_string_names_every_long_string_and_key(json_backend: str) -> None:
    text = json.dumps(
        {"type": "person", "name": "n" * 30, "roles": [{"type": "role", "title": "t" * 31}], "k" * 40: 1}
    )
    limits = Limits(max_string=29)
    # Object by object: an object's keys, then its values.
    assert errors_of(Person, text, limits=limits) == [
        ("$", f"expected a key of at most 29 characters (Limits.max_string), found 40: '{'k' * 19}...'"),
        ("$.name", "expected a string of at most 29 characters (Limits.max_string), found 30"),
        ("$.roles[0].title", "expected a string of at most 29 characters (Limits.max_string), found 31"),
    ]
    assert from_json(Person, json.dumps({"type": "person", "name": "n" * 30}), limits=Limits(max_string=30))


def test_a_long_key_is_shown_whole_when_it_fits_and_cut_inside_its_quotes_when_not(json_backend: str) -> None:
    text = json.dumps({"type": "person", "name": "N", "format_version": 1})
    assert errors_of(Person, text, limits=Limits(max_string=10)) == [
        ("$", "expected a key of at most 10 characters (Limits.max_string), found 14: 'format_version'"),
    ]


def test_none_lifts_a_limit(sample_article: Article, json_backend: str) -> None:
    body = ("word " * 300_000,)  # 1.5 million characters: over the default max_string
    text = to_json(attrs.evolve(sample_article, body=body))
    with pytest.raises(ValidationError, match=r"^\$\.body\[0\]: expected a string of at most 1,048,576 char"):
        from_json(Article, text)
    lifted = Limits(max_document=None, max_string=None)
    assert from_json(Article, text, limits=lifted).body == body


def test_an_overlong_line_is_skipped_without_being_held(tmp_path: Path, sample_article: Article) -> None:
    """A 40 MB line under a 1 MB limit: one error for its line, the next lines load, memory stays small."""
    good = to_json(sample_article).encode()
    path = tmp_path / "overlong.jsonl"
    with path.open("wb") as out:
        out.write(good + b"\n")
        out.write(b'{"type": "article", "body": "' + b"x" * 40_000_000 + b'"}\r\n')
        out.write(good + b"\n" + good)  # no final newline
    errors: list[ValidationError] = []
    tracemalloc.start()
    try:
        found = list(read_jsonl(path, on_error=errors.append, limits=Limits(max_document=2**20)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == [sample_article] * 3
    ((detail,),) = [e.errors for e in errors]
    assert (detail.path, detail.line) == ("$", 2)
    assert detail.message == (
        "expected a line of at most 1,048,576 bytes (Limits.max_document), found 40,000,031; "
        "skipped without holding it in memory"
    )
    assert peak < 8 * 2**20, f"reading held {peak:,} bytes"


def test_corpus_from_jsonl_takes_limits(tmp_path: Path, sample_article: Article) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(to_json(sample_article) + "\n", encoding="utf-8")
    assert len(Corpus.from_jsonl(path)) == 1
    with pytest.raises(ValidationError, match=r"^line 1: \$: expected a line of at most 100 bytes"):
        Corpus.from_jsonl(path, limits=Limits(max_document=100))


# ---------------------------------------------------------------- JSON Lines, awkward but fine


def write(path: Path, *lines: bytes, end: bytes = b"\n", last: bytes = b"\n") -> Path:
    path.write_bytes(end.join(lines) + last)
    return path


@pytest.mark.parametrize("end", [b"\n", b"\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("last", [b"", b"\n", b"\r\n"], ids=["no-final-newline", "lf-last", "crlf-last"])
def test_line_endings_blank_lines_and_a_missing_final_newline(
    tmp_path: Path, sample_article: Article, end: bytes, last: bytes, json_backend: str
) -> None:
    good = to_json(sample_article).encode()
    path = write(tmp_path / "a.jsonl", good, b"", b"  \t", good, end=end, last=last)
    assert list(read_jsonl(path)) == [sample_article, sample_article]
    with path.open(encoding="utf-8", newline="") as text_file:  # CR LF kept by the reader
        assert list(read_jsonl(text_file)) == [sample_article, sample_article]
    with path.open(encoding="utf-8") as text_file:  # universal newlines
        assert list(read_jsonl(text_file)) == [sample_article, sample_article]
    status, out, _ = run_cli("validate", str(path))
    assert (status, out[-1]) == (0, "2 documents in 1 file: 2 valid, 0 invalid (0 errors)")


@pytest.mark.parametrize("end", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_a_truncated_last_line_is_reported_and_the_rest_kept(
    tmp_path: Path, sample_article: Article, end: bytes, json_backend: str
) -> None:
    good = to_json(sample_article).encode()
    cut = good[: len(good) // 2]
    path = write(tmp_path / "cut.jsonl", good, good, cut, end=end, last=b"")
    errors: list[ValidationError] = []
    assert list(read_jsonl(path, on_error=errors.append)) == [sample_article, sample_article]
    ((detail,),) = [e.errors for e in errors]
    assert (detail.path, detail.line, detail.column) == ("$", 3, len(cut.decode()) + 1)
    assert detail.message.startswith("expected valid JSON, found an error: ")
    status, out, _ = run_cli("validate", "--continue", str(path))
    assert status == 1
    assert out[0].startswith(f"{path}:3:{len(cut.decode()) + 1}: $: expected valid JSON, found an error: ")


def test_a_byte_order_mark_costs_the_first_line_only(
    tmp_path: Path, sample_article: Article, json_backend: str
) -> None:
    good = to_json(sample_article).encode()
    path = write(tmp_path / "bom.jsonl", b"\xef\xbb\xbf" + good, good)
    errors: list[ValidationError] = []
    assert list(read_jsonl(path, on_error=errors.append)) == [sample_article]
    ((detail,),) = [e.errors for e in errors]
    assert (detail.line, detail.column) == (1, 1)
    assert detail.message.startswith("expected JSON text, found a byte-order mark (U+FEFF)")
    with path.open(encoding="utf-8-sig") as text_file:  # the fix the message names
        assert list(read_jsonl(text_file)) == [sample_article, sample_article]


def test_every_bad_line_is_reported_once_and_every_good_line_kept(
    sample_article: Article, json_backend: str
) -> None:
    good = to_json(sample_article)
    bad = {
        2: good[:-1],
        4: "\ufeff" + good,
        5: '{"type": "article", "id": NaN}',
        7: good.replace('"title":', '"title":1,"title":', 1),
        8: "[" * 100_000,
        10: good.replace('"type":"article"', '"type":"os.system"', 1),
    }
    lines = [bad.get(n, good if n % 3 else "") for n in range(1, 13)]
    errors: list[ValidationError] = []
    found = list(read_jsonl(lines, on_error=errors.append))
    assert len(found) == sum(1 for n, line in enumerate(lines, 1) if n not in bad and line)
    assert [e.errors[0].line for e in errors] == sorted(bad)


# ---------------------------------------------------------------- the command line


def test_cli_limits_flags(tmp_path: Path, sample_article: Article) -> None:
    path = tmp_path / "a.json"
    path.write_text(to_json(sample_article), encoding="utf-8")
    size = path.stat().st_size
    status, out, _ = run_cli("validate", "--max-document", str(size - 1), str(path))
    assert status == 1
    assert out[0] == (
        f"{path}: $: expected a document of at most {size - 1:,} bytes (--max-document), found {size:,}"
    )
    assert run_cli("validate", "--max-document", str(size), str(path))[0] == 0
    status, out, _ = run_cli("validate", "--max-string", "30", str(path))
    assert status == 1
    assert out[0].startswith(f"{path}: $.title: expected a string of at most 30 characters (--max-string)")
    assert run_cli("validate", "--max-string", "0", "--max-document", "0", str(path))[0] == 0
    status, _, err = run_cli("validate", "--max-string", "-1", str(path))
    assert status == 2
    assert "expected a whole number 0 or more, found '-1'" in err


def test_cli_reports_json_lines_with_leading_blank_lines_at_their_real_line(
    tmp_path: Path, sample_article: Article
) -> None:
    good = to_json(sample_article).encode()
    path = write(tmp_path / "a.jsonl", b"", b"", good, good[:10], good)
    status, out, _ = run_cli("validate", "--continue", str(path))
    assert status == 1
    assert out[0].startswith(f"{path}:4:9: $: expected valid JSON")  # where the unclosed string starts


def test_cli_an_overlong_first_line_is_one_bad_line(tmp_path: Path, sample_article: Article) -> None:
    good = to_json(sample_article).encode()
    path = write(tmp_path / "a.jsonl", b'{"body": "' + b"x" * 5000 + b'"}', good)
    status, out, _ = run_cli("validate", "--continue", "--max-document", "4096", str(path))
    assert status == 1
    assert out[0].startswith(f"{path}:1: $: expected a line of at most 4,096 bytes")
    assert out[-1] == "2 documents in 1 file: 1 valid, 1 invalid (1 error)"


# ---------------------------------------------------------------- nothing named by the input is run


FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "dill", "cloudpickle"}


# The one place that compiles code: the generated loaders and dumpers, from class definitions.
CODEGEN = {("_codegen.py", "exec"), ("_codegen.py", "compile")}
# The one module imported by a name known only at run time: `newsevents --plugin MODULE`, which the
# user names on the command line (a document never names one).
PLUGINS = {"cli.py"}


def test_the_library_never_evaluates_or_unpickles() -> None:
    """No eval/exec/compile/__import__ (but the code generator's), no pickle, import_module of constants."""
    found = []
    allowed = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            where = f"{path.name}:{getattr(node, 'lineno', 0)}"
            call = node.func if isinstance(node, ast.Call) else None
            if isinstance(call, ast.Name) and call.id in FORBIDDEN_CALLS:
                if (path.name, call.id) in CODEGEN:
                    allowed.append(call.id)
                    continue
                found.append(f"{where}: calls {call.id}")
            constant = isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
            if getattr(call, "attr", None) == "import_module" and not constant and path.name not in PLUGINS:
                found.append(f"{where}: imports a module named at run time")
            if isinstance(node, ast.Import):
                found.extend(f"{where}: imports {a.name}" for a in node.names if a.name in FORBIDDEN_MODULES)
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
                found.append(f"{where}: imports from {node.module}")
    assert found == []
    assert sorted(allowed) == ["compile", "exec"]  # once each, in _Source.compile
    assert len(list(SRC.rglob("*.py"))) > 20  # the scan did look at the package


def _generated_strings() -> set[str]:
    found: set[str] = set()
    for table in (LOADERS, DUMPERS):
        for function in list(table.values()):
            source = getattr(function, "__source__", None)
            if source is None:
                continue  # a hand-written function (an event base's registry lookup)
            tree = ast.parse(source)
            found |= {
                n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            }
    return found


JSON_VALUES = st.recursive(
    st.none() | st.text() | st.integers(),
    lambda inner: st.dictionaries(st.text(), inner) | st.lists(inner),
    max_leaves=20,
)


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(data=JSON_VALUES)
def test_generated_code_holds_no_data_only_names_from_class_definitions(data: object) -> None:
    """Strings in generated source are field names, type tags and the fixed keys, whatever was loaded."""
    for cls in (Article, Event, Actor):
        with contextlib.suppress(ValidationError):
            from_dict(cls, data)
        with contextlib.suppress(ValidationError):
            from_dict(cls, {"type": "statement", "id": "s", "speaker": data, "text": "t", "quotes": ["q"]})
    to_json(from_json(Article, to_json(seed_article())))
    names = {"type", "format_version"}
    for cls in set(LOADERS) | set(DUMPERS):
        spec = spec_of(cls)
        names |= {f.name for f in spec.fields} | ({spec.tag} if spec.tag else set())
    strings = _generated_strings()
    assert {"title", "speaker", "statement"} <= strings  # the scan did see generated code
    assert strings - names == set()


TAGS = [
    "os.system",
    "builtins.eval",
    "__main__.Evil",
    "newsevents.events.Statement",
    "Statement",
    "__class__",
]


@pytest.mark.parametrize(
    "tag",
    ["os.system", "builtins.eval", "__main__.Evil", "newsevents.events.Statement", "Statement", "__class__"],
)
def test_a_tag_that_names_python_is_just_an_unknown_tag(tag: str, json_backend: str) -> None:
    text = json.dumps({"type": tag, "id": "x"})
    ((path, message),) = errors_of(Event, text)
    assert path == "$.type"
    assert message.startswith(f"unknown type {tag!r}")
    assert "; expected one of: " in message


# ---------------------------------------------------------------- the reader's own regular expressions

HOSTILE_TEXTS = [
    '["' + '\\"' * 50_000 + '", NaN]',  # a long string of escaped quotes before a refused token
    '["' + "\\\\" * 50_000,  # an escaped backslash, again and again, never closed
    '["\\ud800' + "\\u0041" * 30_000 + '"]',  # a lone surrogate escape, then many escapes
    '["' + "\\ud83d\\ude00" * 15_000 + '\\ud800"]',  # many good pairs, then a lone half
    '"' + "a" * 100_000,  # a string that never ends
    "-" * 100_000,
    "1" * 100_000 + "e",
    "[" + "1e" * 50_000 + "]",
    "[" + "-Infinity," * 10_000 + "1]",
    '{"a":' * 30_000,
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=[f"case{i}" for i in range(len(HOSTILE_TEXTS))])
def test_malformed_text_of_100_000_characters_gets_an_answer(text: str, json_backend: str) -> None:
    # As for the validators: no timing is asserted; a regular expression that backtracked
    # catastrophically here would hang the suite, which CI's time limit turns into a failure.
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(text.encode())
    (detail,) = info.value.errors
    assert detail.path == "$"
    assert detail.message.startswith(("expected", "the document is nested too deeply"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" + "1" * 400 + "]", [int("1" * 400)]),  # orjson cannot hold it in a float; the stdlib reads it
        ("[-" + "2" * 4300 + "]", [-int("2" * 4300)]),
        ("[1" + "0" * 400 + ".5]", "line 1, column 2: $: expected a number a float can hold, found 1000"),
        (
            "[" + "3" * 4301 + "]",
            "line 1, column 2: $: expected an integer of at most 4,300 digits, found 4,301",
        ),
    ],
    ids=["wide-int", "widest-int", "huge-float", "too-many-digits"],
)
def test_numbers_beyond_a_float_are_read_exactly_or_refused_alike(
    text: str, expected: Any, json_backend: str
) -> None:
    """The same answer on both backends, though orjson alone cannot read integers wider than a float."""
    if isinstance(expected, list):
        assert newsevents._jsontext.parse(text) == expected
        return
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(text)
    assert str(info.value).startswith(expected)
    assert len(str(info.value)) < 200  # the literal is shown shortened


def test_a_text_file_that_cannot_decode_stops_with_an_error_not_a_crash(sample_article: Article) -> None:
    """The limit of text files: the wrapper decodes a buffer ahead, so it fails before line 1 is out."""
    good = to_json(sample_article).encode()
    raw = b"\n".join([good, good.replace(b"busy", b"\xffusy", 1), good]) + b"\n"
    errors: list[ValidationError] = []
    text_file = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    assert list(read_jsonl(text_file, on_error=errors.append)) == []  # the good line 1 is lost with it
    ((detail,),) = [e.errors for e in errors]
    assert (detail.path, detail.line, detail.code) == ("$", 1, "encoding")
    assert detail.message.startswith(
        "expected text in the file's encoding, found bytes it cannot decode (invalid start byte, byte ff) "
        "at this line or, as a text file decodes ahead, a later one; reading stops here: "
        "open the file in binary mode ('rb')"
    )
    # The binary read, as the message advises, loses nothing.
    errors.clear()
    assert list(read_jsonl(io.BytesIO(raw), on_error=errors.append)) == [sample_article, sample_article]
    assert [(e.errors[0].line, e.errors[0].message) for e in errors] == [
        (2, "expected UTF-8 text, found byte ff (invalid start byte)")
    ]


def test_lines_that_are_not_text_are_bad_lines(sample_article: Article) -> None:
    good = to_json(sample_article)
    errors: list[ValidationError] = []
    lines: list[Any] = [good, 5, None, bytearray(good.encode())]
    assert list(read_jsonl(lines, on_error=errors.append)) == [sample_article, sample_article]
    assert [str(e) for e in errors] == [
        "line 2: $: expected a line of text (str or bytes), found int (5)",
        "line 3: $: expected a line of text (str or bytes), found null",
    ]
    assert [e.errors[0].code for e in errors] == ["type", "type"]


def test_cli_check_source_that_is_not_utf_8_is_a_usage_error(tmp_path: Path, sample_article: Article) -> None:
    doc = tmp_path / "a.json"
    doc.write_text(to_json(sample_article), encoding="utf-8")
    source = tmp_path / "source.txt"
    source.write_bytes(b"Moscow \xff said")
    status, _, err = run_cli("check", "--source", str(source), str(doc))
    assert status == 2
    assert (
        err
        == f"newsevents: error: cannot read {str(source)!r}: not UTF-8 text (invalid start byte at byte 7)\n"
    )


def test_a_long_blank_line_is_blank_from_a_file_and_from_a_list(
    tmp_path: Path, sample_article: Article
) -> None:
    good = to_json(sample_article)
    blank = " \t" * 5_000  # 10,000 characters, over the limit below
    path = tmp_path / "blank.jsonl"
    path.write_text(f"{good}\n{blank}\n{good}\n", encoding="utf-8")
    limits = Limits(max_document=len(good.encode()))
    assert list(read_jsonl(path, limits=limits)) == [sample_article] * 2
    assert list(read_jsonl([good, blank, good], limits=limits)) == [sample_article] * 2


# ---------------------------------------------------------------- found in review


def test_every_truncation_gets_the_same_error_on_both_backends(sample_article: Article) -> None:
    """Message, line and column: where orjson refuses, the stdlib reader says what and where."""
    text = to_json(sample_article, indent=2)
    for cut in range(1, len(text) - 1, 7):
        answers = []
        for name in BACKENDS:
            with backend(name), pytest.raises(ValidationError) as info:
                from_json(Article, text[:cut])
            answers.append(info.value.errors)
        assert answers[0] == answers[1], cut
        assert answers[0][0].column is not None, cut


@pytest.mark.parametrize("depth", [254, 255, 1024, 1025, 5000])
def test_nesting_is_refused_past_254_levels_on_both_backends(depth: int, json_backend: str) -> None:
    text = "[" * depth + "]" * depth
    if depth <= newsevents._jsontext.MAX_DEPTH:
        value = newsevents._jsontext.parse(text)
        for _ in range(depth - 1):  # exactly ``depth`` arrays, each holding the next
            assert isinstance(value, list)
            assert len(value) == 1
            value = value[0]
        assert value == []
        return
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(text)
    assert [(e.path, e.message, e.line, e.column) for e in info.value.errors] == [
        ("$", "the document is nested too deeply (more than 254 levels of arrays and objects)", 1, 255)
    ]


def test_long_keys_nested_deep_cost_memory_in_proportion(json_backend: str) -> None:
    """Paths are built only for the errors: 120 levels of 100,000-character keys stay near the text's size."""
    keys = [f"k{i:03d}" * 25_000 for i in range(120)]
    text = "".join(f'{{"{k}":' for k in keys) + '"' + "x" * 2_000_000 + '"' + "}" * 120
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as info:
            newsevents._jsontext.parse(text.encode())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    ((detail,),) = [info.value.errors]
    assert (
        detail.message
        == "expected a string of at most 1,048,576 characters (Limits.max_string), found 2,000,000"
    )
    assert detail.path.count(".k") == 120
    assert peak < 40 * len(text), f"{peak:,} bytes for a text of {len(text):,}"


class StrSub(str):
    __slots__ = ()


class BytesSub(bytes):
    __slots__ = ()


def test_str_and_bytes_subclasses_are_text_on_both_backends(json_backend: str) -> None:
    assert newsevents._jsontext.parse(StrSub('{"a": 1}')) == {"a": 1}
    assert newsevents._jsontext.parse(BytesSub(b'{"a": 1}')) == {"a": 1}
    assert from_json(Country, StrSub('{"type": "country", "code": "RU"}')).code == "RU"


def test_a_limit_as_large_as_python_allows_does_not_overflow(tmp_path: Path, sample_article: Article) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(to_json(sample_article) + "\n", encoding="utf-8")
    huge = Limits(max_document=sys.maxsize, max_string=sys.maxsize)
    assert list(read_jsonl(path, limits=huge)) == [sample_article]
    assert run_cli("validate", "--max-document", str(sys.maxsize), str(path))[0] == 0


def test_a_lowered_int_digit_limit_is_respected(json_backend: str) -> None:
    saved = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        with pytest.raises(ValidationError) as info:
            newsevents._jsontext.parse("[" + "1" * 1000 + "]")
        assert str(info.value) == (
            "line 1, column 2: $: expected an integer of at most 640 digits, found 1,000 digits"
        )
        with pytest.raises(ValidationError) as built:
            from_dict(Term, {"years": 10**5000})
        assert str(built.value) == (
            "$.years: expected an int within the signed 64-bit range, found an integer of 16,610 bits"
        )
    finally:
        sys.set_int_max_str_digits(saved)


def test_cli_reads_a_pipe(tmp_path: Path, sample_article: Article) -> None:
    """/dev/stdin cannot seek: the command reads it once from the start, as any file."""
    good = to_json(sample_article)
    for content in (good, f"{good}\n{good[:20]}\n{good}\n"):
        done = subprocess.run(
            [sys.executable, "-m", "newsevents", "validate", "--continue", "/dev/stdin"],
            input=content,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert "Traceback" not in done.stderr
        assert done.returncode == (0 if content == good else 1), done.stdout + done.stderr
        valid = 1 if content == good else 2
        assert done.stdout.splitlines()[-1].startswith(f"{valid + (content != good)} document")


def test_cli_json_lines_over_the_limit_with_a_bad_first_line_keep_their_good_lines(
    tmp_path: Path, sample_article: Article
) -> None:
    good = to_json(sample_article).encode()
    path = write(tmp_path / "a.jsonl", good[:30], good, good, good)
    limit = str(len(good) + 10)  # each line fits; the file does not
    status, out, _ = run_cli("validate", "--continue", "--max-document", limit, str(path))
    assert status == 1
    assert out[0].startswith(f"{path}:1:")
    assert out[-1] == "4 documents in 1 file: 3 valid, 1 invalid (1 error)"


def test_cli_a_document_that_breaks_a_rule_is_reported_as_one_document(tmp_path: Path) -> None:
    """One object per line, but a JSON array: its repeated key is named, it is not read as JSON Lines."""
    path = tmp_path / "people.json"
    path.write_text(
        '[\n  {"type": "person", "name": "B", "name": "C"},\n  {"type": "person", "name": "A"}\n]\n',
        encoding="utf-8",
    )
    status, out, _ = run_cli("validate", str(path))
    assert status == 1
    assert out == [
        f"{path}: $[0].name: expected each key once in an object, found 'name' 2 times",
        "1 document in 1 file: 0 valid, 1 invalid (1 error)",
    ]


def test_read_jsonl_under_python_bb_gives_no_bytes_warning(tmp_path: Path, sample_article: Article) -> None:
    path = write(tmp_path / "a.jsonl", to_json(sample_article).encode(), b"", b"x" * 50)
    code = (
        "import sys; from newsevents import read_jsonl, Limits\n"
        f"errs = []; lines = read_jsonl({str(path)!r}, on_error=errs.append, limits=Limits(10))\n"
        "n = len(list(lines))\n"
        "print(n, len(errs))"
    )
    done = subprocess.run(
        [sys.executable, "-bb", "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert (done.returncode, done.stdout.strip()) == (0, "0 2"), done.stderr


# ---------------------------------------------------------------- found by mutation testing

TOO_DEEP = "the document is nested too deeply (more than 254 levels of arrays and objects)"


@pytest.mark.parametrize(
    ("literal", "shown"),
    [
        ("1" + "0" * 35 + "e400", "1" + "0" * 35 + "e400"),  # 40 characters: shown whole
        ("1" + "0" * 36 + "e400", "1" + "0" * 36 + "e40... (41 characters)"),  # 41: cut to 40
        ("-1" + "0" * 998 + "e9", "-1" + "0" * 38 + "... (1,002 characters)"),
    ],
    ids=["40-characters", "41-characters", "1002-characters"],
)
def test_a_refused_number_is_shown_whole_up_to_40_characters(
    literal: str, shown: str, json_backend: str
) -> None:
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(f"[{literal}]")
    assert [(e.path, e.message, e.code, e.line, e.column) for e in info.value.errors] == [
        ("$", f"expected a number a float can hold, found {shown}", "number", 1, 2)
    ]


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("[1, NaN]", "expected a JSON value, found NaN, which JSON does not have", 5),
        ('{"a": -Infinity}', "expected a JSON value, found -Infinity, which JSON does not have", 7),
        ("[1e400]", "expected a number a float can hold, found 1e400", 2),
        ("[" + "3" * 4301 + "]", "expected an integer of at most 4,300 digits, found 4,301 digits", 2),
    ],
    ids=["nan", "infinity", "huge-float", "too-many-digits"],
)
def test_a_refused_number_has_the_code_number(
    text: str, message: str, column: int, json_backend: str
) -> None:
    """The code of NaN, Infinity and numbers no float or int can hold, as docs/reference/errors.md says."""
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(text)
    assert [(e.path, e.message, e.code, e.line, e.column) for e in info.value.errors] == [
        ("$", message, "number", 1, column)
    ]


def test_many_shallow_arrays_are_not_deep(json_backend: str) -> None:
    """More than 254 brackets in all, but never more than two levels: each closing bracket counts."""
    text = "[" + "[]," * 300 + "[[]]]"
    assert newsevents._jsontext.parse(text) == [[]] * 300 + [[[]]]


def test_depth_counts_down_at_each_closing_bracket_and_up_again(json_backend: str) -> None:
    """200 levels, one array opened and closed, then 100 levels more: 300 deep, refused at the 255th."""
    text = "[" * 200 + "[]," + "[" * 100 + "]" * 100 + "]" * 200
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(text)
    assert [(e.path, e.message, e.code, e.line, e.column) for e in info.value.errors] == [
        ("$", TOO_DEEP, "depth", 1, 258)
    ]


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ('["' + "[" * 300 + '"]', None),  # 301 opening brackets, 300 of them in a string
        ("[" * 250 + '"' + "]" * 10 + '", ' + "[" * 10 + "]" * 260, 269),  # closing ones in a string
    ],
    ids=["opening", "closing"],
)
def test_brackets_inside_strings_do_not_count_for_depth(
    text: str, column: int | None, json_backend: str
) -> None:
    if column is None:
        assert newsevents._jsontext.parse(text) == ["[" * 300]
        return
    with pytest.raises(ValidationError) as info:
        newsevents._jsontext.parse(text)
    assert [(e.message, e.line, e.column) for e in info.value.errors] == [(TOO_DEEP, 1, column)]


def test_limits_of_one_are_the_smallest_allowed(json_backend: str) -> None:
    """1 is a positive int: a one-character document, a one-character string, and no more."""
    tight = Limits(max_document=1, max_string=1)
    assert (tight.max_document, tight.max_string) == (1, 1)
    assert newsevents._jsontext.parse("7", tight) == 7
    with pytest.raises(ValidationError, match=r"^\$: expected a document of at most 1 characters"):
        newsevents._jsontext.parse("70", tight)
    assert newsevents._jsontext.parse('["a"]', Limits(max_string=1)) == ["a"]
    with pytest.raises(ValidationError, match=r"^\$\[0\]: expected a string of at most 1 characters"):
        newsevents._jsontext.parse('["ab"]', Limits(max_string=1))
