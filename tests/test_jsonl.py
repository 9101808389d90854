"""JSON Lines: atomic writes, lazy reads, and bad lines that never cost the good ones around them."""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from newsevents import (
    Article,
    Country,
    ErrorDetail,
    Limits,
    Person,
    ValidationError,
    dump_jsonl,
    from_dict,
    read_jsonl,
    to_json,
)
from newsevents.jsonl import Document, read_documents

TRICKY = "a\u2028b\u2029c\x85d\re\nf\x1c\x1d\x1e g “busy” 🙂"


def some_articles(sample: Article, n: int = 3) -> list[Article]:
    return [attrs.evolve(sample, id=f"article-{i}") for i in range(1, n + 1)]


def expected_text(objs: list[object]) -> str:
    return "".join(to_json(obj) + "\n" for obj in objs)


def drain(reader: Iterator[Article], *, into: list[Article]) -> None:
    """Read every item into ``into``; what was read before an error stays there."""
    for item in reader:
        into.append(item)  # noqa: PERF402 -- the items seen before an error are the point


def bad_title_line(sample: Article) -> str:
    data = json.loads(to_json(sample))
    data["title"] = 5
    return json.dumps(data, ensure_ascii=False)


# ---------------------------------------------------------------- writing


def test_dump_to_a_path(tmp_path: Path, sample_article: Article, json_backend: str) -> None:
    articles = some_articles(sample_article)
    target = tmp_path / "articles.jsonl"
    assert dump_jsonl(articles, target) == 3
    raw = target.read_bytes()
    assert raw == expected_text(articles).encode("utf-8")
    lines = raw.decode("utf-8").split("\n")
    assert len(lines) == 4
    assert lines[-1] == ""  # newline-terminated, no blank line after it
    for line, article in zip(lines, articles, strict=False):
        parsed = json.loads(line)
        assert parsed["id"] == article.id
        assert line == json.dumps(parsed, ensure_ascii=False, separators=(",", ":"))  # compact


def test_dump_to_a_str_path_and_a_relative_path(
    tmp_path: Path, sample_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = some_articles(sample_article, 2)
    assert dump_jsonl(articles, str(tmp_path / "a.jsonl")) == 2
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == expected_text(articles)
    monkeypatch.chdir(tmp_path)
    assert dump_jsonl(iter(articles), "b.jsonl") == 2
    assert (tmp_path / "b.jsonl").read_text(encoding="utf-8") == expected_text(articles)
    assert sorted(os.listdir(tmp_path)) == ["a.jsonl", "b.jsonl"]


def test_dump_to_a_text_file_object(sample_article: Article, json_backend: str) -> None:
    articles = some_articles(sample_article)
    out = io.StringIO()
    assert dump_jsonl(articles, out) == 3
    assert out.getvalue() == expected_text(articles)


def test_dump_to_a_binary_file_object(sample_article: Article, json_backend: str) -> None:
    articles = some_articles(sample_article)
    out = io.BytesIO()
    assert dump_jsonl(articles, out) == 3
    assert out.getvalue() == expected_text(articles).encode("utf-8")


def test_dump_to_open_files(tmp_path: Path, sample_article: Article) -> None:
    articles = some_articles(sample_article, 2)
    text_path, binary_path = tmp_path / "text.jsonl", tmp_path / "binary.jsonl"
    with text_path.open("w", encoding="utf-8") as out:
        assert dump_jsonl(articles, out) == 2
    with binary_path.open("wb") as out:
        assert dump_jsonl(articles, out) == 2
    with binary_path.open("ab") as out:
        assert dump_jsonl(articles[:1], out) == 1
    assert text_path.read_text(encoding="utf-8") == expected_text(articles)
    assert binary_path.read_text(encoding="utf-8") == expected_text([*articles, articles[0]])


def test_dump_nothing(tmp_path: Path) -> None:
    target = tmp_path / "empty.jsonl"
    assert dump_jsonl([], target) == 0
    assert target.read_bytes() == b""


def test_dump_replaces_a_longer_old_file_entirely(tmp_path: Path) -> None:
    target = tmp_path / "countries.jsonl"
    target.write_bytes(b"x" * 10_000 + b"\n")
    assert dump_jsonl([Country(code="RU")], target) == 1
    assert target.read_bytes() == b'{"type":"country","code":"RU"}\n'


# ---------------------------------------------------------------- atomic writes


def test_failed_write_keeps_the_old_file_byte_for_byte(tmp_path: Path, sample_article: Article) -> None:
    target = tmp_path / "articles.jsonl"
    old = "old content “kept” 🙂\n".encode() + b"\x00\xff second line without newline"
    target.write_bytes(old)

    def failing() -> Iterator[Article]:
        yield from some_articles(sample_article, 50)
        raise RuntimeError("the source failed midway")

    with pytest.raises(RuntimeError, match="the source failed midway"):
        dump_jsonl(failing(), target)
    assert target.read_bytes() == old
    assert os.listdir(tmp_path) == ["articles.jsonl"]  # no temporary file left behind


def test_failed_write_of_a_non_model_object_keeps_the_old_file(
    tmp_path: Path, sample_article: Article
) -> None:
    target = tmp_path / "articles.jsonl"
    old = b'{"old": true}\n'
    target.write_bytes(old)
    with pytest.raises(TypeError, match="to_dict takes a newsevents model object"):
        dump_jsonl([sample_article, "not an article", sample_article], target)
    assert target.read_bytes() == old
    assert os.listdir(tmp_path) == ["articles.jsonl"]


def test_failed_write_to_a_new_path_leaves_nothing(tmp_path: Path, sample_article: Article) -> None:
    def failing() -> Iterator[Article]:
        yield sample_article
        raise KeyboardInterrupt  # not an Exception: cleanup must still happen

    with pytest.raises(KeyboardInterrupt):
        dump_jsonl(failing(), tmp_path / "new.jsonl")
    assert os.listdir(tmp_path) == []


# ---------------------------------------------------------------- reading


def test_read_from_a_path(tmp_path: Path, sample_article: Article, json_backend: str) -> None:
    articles = some_articles(sample_article)
    target = tmp_path / "articles.jsonl"
    target.write_text(expected_text(articles), encoding="utf-8")
    assert list(read_jsonl(target)) == articles
    assert list(read_jsonl(str(target))) == articles


def test_read_from_a_binary_file(tmp_path: Path, sample_article: Article, json_backend: str) -> None:
    articles = some_articles(sample_article)
    target = tmp_path / "articles.jsonl"
    target.write_text(expected_text(articles), encoding="utf-8")
    with target.open("rb") as source:
        assert list(read_jsonl(source)) == articles
    assert list(read_jsonl(io.BytesIO(expected_text(articles).encode("utf-8")))) == articles


def test_read_from_a_text_file(tmp_path: Path, sample_article: Article, json_backend: str) -> None:
    articles = some_articles(sample_article)
    target = tmp_path / "articles.jsonl"
    target.write_text(expected_text(articles), encoding="utf-8")
    with target.open(encoding="utf-8") as source:
        assert list(read_jsonl(source)) == articles
    assert list(read_jsonl(io.StringIO(expected_text(articles)))) == articles


def test_read_from_a_list_of_lines(sample_article: Article, json_backend: str) -> None:
    articles = some_articles(sample_article)
    assert list(read_jsonl([to_json(a) for a in articles])) == articles
    assert list(read_jsonl([to_json(a) + "\n" for a in articles])) == articles


def test_default_type_is_article(sample_article: Article) -> None:
    found = list(read_jsonl([to_json(sample_article)]))
    assert found == [sample_article]
    assert type(found[0]) is Article
    with pytest.raises(ValidationError) as info:
        list(read_jsonl([to_json(Person(name="Sergey Lavrov"))]))
    assert info.value.errors == (ErrorDetail("$.type", "expected type 'article', found 'person'", 1),)


def test_read_another_type(json_backend: str) -> None:
    people = [Person(name="Sergey Lavrov"), Person(name="Мария Захарова", id="zakharova")]
    found = list(read_jsonl([to_json(p) for p in people], Person))
    assert found == people
    assert all(type(p) is Person for p in found)


def test_blank_lines_are_skipped_but_counted(sample_article: Article) -> None:
    good = to_json(sample_article)
    lines = ["", good, "   \n", "\n", "\t", good, ""]
    assert list(read_jsonl(lines)) == [sample_article, sample_article]
    with pytest.raises(ValidationError) as info:
        list(read_jsonl([*lines, "{"]))
    assert [e.line for e in info.value.errors] == [8]


def test_round_trip_through_a_file_keeps_line_separators_inside_strings(
    tmp_path: Path, json_backend: str
) -> None:
    people = [
        Person(name="First", description=f"[{TRICKY}]"),
        Person(name="Second", aliases=(f"[{TRICKY}]", "“x”")),
        Person(name="Third"),
    ]
    target = tmp_path / "people.jsonl"
    assert dump_jsonl(people, target) == 3
    assert target.read_bytes().count(b"\n") == 3
    assert list(read_jsonl(target, Person)) == people
    with target.open(encoding="utf-8") as source:
        assert list(read_jsonl(source, Person)) == people
    with target.open("rb") as source:
        assert list(read_jsonl(source, Person)) == people


# ---------------------------------------------------------------- bad lines


def test_bad_line_without_on_error_raises_after_the_good_lines_before_it(
    sample_article: Article, json_backend: str
) -> None:
    good = to_json(sample_article)
    lines = [good, good, bad_title_line(sample_article), good]
    yielded: list[Article] = []
    with pytest.raises(ValidationError) as info:
        drain(read_jsonl(lines), into=yielded)
    assert yielded == [sample_article, sample_article]
    assert info.value.errors == (ErrorDetail("$.title", "expected str, found int (5)", 3),)
    assert info.value.errors[0].line == 3
    assert str(info.value) == "line 3: $.title: expected str, found int (5)"


def test_invalid_json_line_names_its_line(sample_article: Article, json_backend: str) -> None:
    lines = [to_json(sample_article), '{"type": "article", "id": ']
    reader = read_jsonl(lines)
    assert next(reader) == sample_article
    with pytest.raises(ValidationError) as info:
        next(reader)
    (detail,) = info.value.errors
    # The column is where the text stops: one past the last character of the truncated line.
    assert (detail.path, detail.line, detail.column) == ("$", 2, len(lines[1]) + 1)
    assert str(info.value).startswith("line 2, column 27: $: expected valid JSON, found an error: ")


def test_on_error_collects_every_bad_line_and_loses_no_good_one(
    sample_article: Article, json_backend: str
) -> None:
    articles = some_articles(sample_article, 7)
    bad_json = '{"type": "article"'
    bad_tag = to_json(Person(name="Sergey Lavrov"))
    lines = [to_json(a) for a in articles]
    lines.insert(2, bad_title_line(sample_article))  # line 3
    lines.insert(5, bad_json)  # line 6
    lines.insert(8, "")  # line 9, blank
    lines.append(bad_tag)  # line 11
    errors: list[ValidationError] = []
    found = list(read_jsonl(lines, on_error=errors.append))
    assert found == articles
    assert len(found) == 7
    assert len(errors) == 3
    assert [[e.line for e in err.errors] for err in errors] == [[3], [6], [11]]
    assert errors[0].errors == (ErrorDetail("$.title", "expected str, found int (5)", 3),)
    assert (errors[1].errors[0].path, errors[1].errors[0].column) == ("$", len(bad_json) + 1)
    assert errors[1].errors[0].message.startswith("expected valid JSON, found an error: ")
    assert errors[2].errors == (ErrorDetail("$.type", "expected type 'article', found 'person'", 11),)
    assert str(errors[0]) == "line 3: $.title: expected str, found int (5)"


def test_every_problem_of_a_bad_line_carries_its_line(sample_article: Article) -> None:
    data = json.loads(to_json(sample_article))
    data["title"] = 5
    data["topics"] = "diplomacy"
    errors: list[ValidationError] = []
    found = list(read_jsonl([to_json(sample_article), json.dumps(data)], on_error=errors.append))
    assert found == [sample_article]
    assert [(e.path, e.line) for err in errors for e in err.errors] == [("$.title", 2), ("$.topics", 2)]
    assert str(errors[0]).splitlines() == [
        "line 2: $.title: expected str, found int (5)",
        "line 2: $.topics: expected an array (tuple[str, ...]), found 'diplomacy'",
    ]


def test_invalid_utf_8_is_an_error_for_its_line_only(
    tmp_path: Path, sample_article: Article, json_backend: str
) -> None:
    good = to_json(sample_article).encode("utf-8")
    broken = good.replace("“busy”".encode(), b"\xff\xfe busy", 1)
    assert broken != good
    raw = b"\n".join([good, broken, good]) + b"\n"
    errors: list[ValidationError] = []
    assert list(read_jsonl(io.BytesIO(raw), on_error=errors.append)) == [sample_article, sample_article]
    assert len(errors) == 1
    (detail,) = errors[0].errors
    column = good.decode("utf-8").index("“busy”") + 1  # counted in characters, not bytes
    assert (detail.path, detail.line, detail.column) == ("$", 2, column)
    assert detail.message == "expected UTF-8 text, found byte ff (invalid start byte)"
    target = tmp_path / "broken.jsonl"
    target.write_bytes(raw)
    errors.clear()
    assert list(read_jsonl(target, on_error=errors.append)) == [sample_article, sample_article]
    assert [e.line for err in errors for e in err.errors] == [2]
    reader = read_jsonl(target)
    assert next(reader) == sample_article
    with pytest.raises(ValidationError) as info:
        next(reader)
    assert info.value.errors[0].line == 2


# ---------------------------------------------------------------- streaming


def test_read_is_lazy_and_does_not_read_ahead(sample_article: Article) -> None:
    line = to_json(sample_article)
    consumed: list[int] = []

    def source() -> Iterator[str]:
        for number in range(1, 10_001):
            if number > 2:
                raise AssertionError(f"read ahead to line {number}")
            consumed.append(number)
            yield line

    reader = read_jsonl(source())
    assert consumed == []  # nothing read before the first item is asked for
    assert next(reader) == sample_article
    assert consumed == [1]
    assert next(reader) == sample_article
    assert consumed == [1, 2]
    with pytest.raises(AssertionError, match="read ahead to line 3"):
        next(reader)


def test_read_streams_ten_thousand_lines(json_backend: str) -> None:
    line = to_json(Country(code="RU"))
    produced = 0

    def source() -> Iterator[str]:
        nonlocal produced
        for _ in range(10_000):
            produced += 1
            yield line

    reader = read_jsonl(source(), Country)
    count = 0
    for country in reader:
        count += 1
        assert produced == count  # one line read per item yielded, never more
        assert country == Country(code="RU")
    assert count == 10_000


# ---------------------------------------------------------------- the module


def test_json_lines_have_their_own_module_and_the_old_names_still_work() -> None:
    import newsevents  # noqa: PLC0415 -- the facade beside the module, compared
    import newsevents.jsonl  # noqa: PLC0415
    import newsevents.serialize  # noqa: PLC0415
    from newsevents.serialize import dump_jsonl as old_dump  # noqa: PLC0415
    from newsevents.serialize import read_jsonl as old_read  # noqa: PLC0415

    assert newsevents.read_jsonl is newsevents.jsonl.read_jsonl is old_read
    assert newsevents.dump_jsonl is newsevents.jsonl.dump_jsonl is old_dump
    assert {"read_jsonl", "dump_jsonl", "read_documents", "Document"} <= set(newsevents.jsonl.__all__)
    with pytest.raises(AttributeError, match="no attribute 'read_json_lines'"):
        _ = newsevents.serialize.read_json_lines  # type: ignore[attr-defined]


# ---------------------------------------------------------------- read_documents: JSON or JSON Lines


def country_line(code: str) -> bytes:
    return json.dumps({"type": "country", "code": code}).encode() + b"\n"


def countries(data: Any) -> Country:
    return from_dict(Country, data)


def read_all(source: Any, **options: Any) -> list[Document]:
    return list(read_documents(source, countries, **options))


def test_read_documents_of_json_lines_keeps_the_good_lines_around_a_bad_one() -> None:
    text = (
        country_line("RU")
        + b"\n"
        + country_line("XX")
        + b'{"type": "country", "code": \n'
        + country_line("US")
    )
    docs = read_all(io.BytesIO(text))
    assert [(d.line, d.prefix) for d in docs] == [(1, "$"), (3, "$"), (4, "$"), (5, "$")]
    assert [d.value.code if d.value else None for d in docs] == ["RU", None, None, "US"]
    assert docs[1].error is not None
    assert [(e.path, e.message) for e in docs[1].error.errors] == [
        ("$.code", error_message(Country, {"type": "country", "code": "XX"}))
    ]
    assert docs[2].error is not None
    assert docs[2].error.errors[0].path == "$"
    assert docs[2].error.errors[0].message.startswith("expected valid JSON, found an error: ")


def error_message(cls: Any, data: Any) -> str:
    with pytest.raises(ValidationError) as info:
        from_dict(cls, data)
    return info.value.errors[0].message


def test_read_documents_of_a_json_array_gives_each_item_its_prefix() -> None:
    text = json.dumps([{"type": "country", "code": "RU"}, {"type": "country", "code": 7}], indent=2)
    docs = read_all(io.BytesIO(text.encode()))
    assert [(d.line, d.prefix) for d in docs] == [(None, "$[0]"), (None, "$[1]")]
    assert docs[0].value == Country(code="RU")
    assert docs[1].error is not None
    assert docs[1].error.errors[0].path == "$.code"


def test_read_documents_of_a_path_and_of_articles_by_default(tmp_path: Path, sample_article: Article) -> None:
    path = tmp_path / "one.json"
    path.write_text(to_json(sample_article, indent=2), encoding="utf-8")
    assert [d.value for d in read_documents(path)] == [sample_article]
    assert [d.value for d in read_documents(str(path))] == [sample_article]
    with pytest.raises(FileNotFoundError):
        list(read_documents(tmp_path / "nowhere.json"))


def test_read_documents_of_an_empty_or_blank_file_is_nothing() -> None:
    assert read_all(io.BytesIO(b"")) == []
    assert read_all(io.BytesIO(b"\n \n\t\n")) == []


def pipe_of(data: bytes) -> Any:
    """A pipe that holds ``data``, as standard input is: it cannot seek, nor tell its size."""
    reader, writer = os.pipe()
    with os.fdopen(writer, "wb") as end:
        end.write(data)  # small enough for the pipe's buffer
    return os.fdopen(reader, "rb")


def test_read_documents_of_a_pipe_reads_json_lines_and_whole_documents() -> None:
    with pipe_of(b'{"type": "country", "code": \n' + country_line("RU") + country_line("US")) as pipe:
        docs = read_all(pipe)
    assert [d.line for d in docs] == [1, 2, 3]
    assert docs[0].error is not None
    assert [d.value for d in docs[1:]] == [Country(code="RU"), Country(code="US")]
    with pipe_of(b'{\n  "type": "country",\n  "code": "RU"\n}\n') as pipe:
        assert [(d.line, d.value) for d in read_all(pipe)] == [(None, Country(code="RU"))]


def test_a_pipe_over_the_document_limit_is_one_bad_document() -> None:
    text = b'{\n  "type": "country",\n  "code": "RU"\n}\n'
    with pipe_of(text) as pipe:
        docs = read_all(pipe, limits=Limits(max_document=len(text) - 1))
    assert len(docs) == 1
    assert docs[0].error is not None
    most = len(text) - 1
    assert [(e.path, e.message) for e in docs[0].error.errors] == [
        ("$", f"expected a document of at most {most} bytes (Limits.max_document), found more than {most}")
    ]
    with pipe_of(text) as pipe:  # at the limit: one good document
        assert [d.value for d in read_all(pipe, limits=Limits(max_document=len(text)))] == [
            Country(code="RU")
        ]


def test_a_file_over_the_document_limit_says_its_size(tmp_path: Path) -> None:
    path = tmp_path / "pretty.json"
    path.write_bytes(b'{\n  "type": "country",\n  "code": "RU"\n}\n')
    docs = read_all(path, limits=Limits(max_document=20))
    assert docs[0].error is not None
    size = path.stat().st_size
    assert docs[0].error.errors[0].message == (
        f"expected a document of at most 20 bytes (Limits.max_document), found {size}"
    )


# ---------------------------------------------------------------- found by mutation testing


def plain(source: Any, **options: Any) -> list[tuple[int | None, str, Any, str | None]]:
    """What read_documents gives with the parsed JSON as the value: line, prefix, value, first error."""
    return [
        (d.line, d.prefix, d.value, d.error.errors[0].message if d.error else None)
        for d in read_documents(source, lambda data: data, **options)
    ]


def test_dump_to_a_path_writes_a_hidden_temporary_file_beside_the_target(tmp_path: Path) -> None:
    """The temporary file is in the target's folder (so replacing the target is atomic), named .NAME.*.tmp."""
    target = tmp_path / "out.jsonl"
    seen: list[list[str]] = []

    def objects() -> Iterator[Country]:
        yield Country(code="RU")
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        yield Country(code="US")

    assert dump_jsonl(objects(), target) == 2
    ((name,),) = seen
    assert name.startswith(".out.jsonl.")
    assert name.endswith(".tmp")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_an_overlong_line_of_a_text_file_is_skipped_and_counted_in_characters(json_backend: str) -> None:
    good = '{"type": "country", "code": "RU"}'
    text = f"{good}\n{'é' * 50}\n{good}\r\n"
    errors: list[ValidationError] = []
    limits = Limits(max_document=len(good))
    assert (
        list(read_jsonl(io.StringIO(text), Country, limits=limits, on_error=errors.append))
        == [Country(code="RU")] * 2
    )
    assert [str(e) for e in errors] == [
        f"line 2: $: expected a line of at most {len(good)} characters (Limits.max_document), found 50;"
        " skipped without holding it in memory"
    ]


def test_a_whole_document_has_the_prefix_dollar() -> None:
    assert plain(io.BytesIO(b'{"a": 1}')) == [(None, "$", {"a": 1}, None)]


def test_a_file_read_from_where_it_stands_counts_only_the_bytes_left(tmp_path: Path) -> None:
    doc = b'{\n  "a": 1\n}\n'
    path = tmp_path / "after-a-header.json"
    path.write_bytes(b"HEADER\n" * 10 + doc)
    with path.open("rb") as handle:
        handle.seek(70)
        assert plain(handle, limits=Limits(max_document=len(doc))) == [(None, "$", {"a": 1}, None)]


def test_an_overlong_first_line_starts_json_lines_whatever_the_lines_after_it() -> None:
    # One byte over the limit, then LF: not cut short when first read, so not told apart as JSON Lines.
    assert plain(io.BytesIO(b"x" * 21 + b"\n[1]\n[2]\n"), limits=Limits(max_document=20)) == [
        (None, "$", None, "expected a document of at most 20 bytes (Limits.max_document), found more than 20")
    ]
    docs = plain(io.BytesIO(b"x" * 30 + b"\n[1]\n[2]\n"), limits=Limits(max_document=20))
    assert docs == [
        (
            1,
            "$",
            None,
            "expected a line of at most 20 bytes (Limits.max_document), found 30;"
            " skipped without holding it in memory",
        ),
        (2, "$", [1], None),
        (3, "$", [2], None),
    ]


def test_json_lines_whose_first_line_is_broken_and_whose_last_has_no_newline() -> None:
    docs = plain(io.BytesIO(b'{"broken\n{"a": 1}'))
    assert [(line, value) for line, _, value, _ in docs] == [(1, None), (2, {"a": 1})]
    assert docs[0][3] is not None
    assert docs[0][3].startswith("expected valid JSON, found an error: Unterminated string")


@pytest.mark.parametrize(
    ("first", "message"),
    [
        (
            b'\xef\xbb\xbf{"a": 1}',
            "expected JSON text, found a byte-order mark (U+FEFF), which JSON text must not begin with "
            "(RFC 8259, section 8.1): save the file without it, or open it with encoding='utf-8-sig'",
        ),
        (b'{"a": "R\xff"}', "expected UTF-8 text, found byte ff (invalid start byte)"),
    ],
    ids=["byte-order-mark", "not-utf-8"],
)
def test_a_first_line_that_is_one_value_but_not_readable_text_is_a_bad_line(
    first: bytes, message: str
) -> None:
    """Told apart by its shape: the lines after it are read, though none of them is an object."""
    assert plain(io.BytesIO(first + b"\n[1]\n[2]\n")) == [
        (1, "$", None, message),
        (2, "$", [1], None),
        (3, "$", [2], None),
    ]


def test_an_object_line_past_the_first_thousand_lines_does_not_make_json_lines() -> None:
    """Only the first 1,000 lines are looked at for an object line."""
    early = plain(io.BytesIO(b'{broken\n{"a": 1}\n' + b"[1]\n" * 1500))
    assert len(early) == 1502
    assert early[1] == (2, "$", {"a": 1}, None)
    thousandth = plain(io.BytesIO(b"{broken\n" + b"[1]\n" * 998 + b'{"a": 1}\n' + b"[1]\n" * 5))
    assert len(thousandth) == 1005
    assert thousandth[999] == (1000, "$", {"a": 1}, None)
    late = plain(io.BytesIO(b"{broken\n" + b"[1]\n" * 999 + b'{"a": 1}\n' + b"[1]\n" * 5))
    assert [(line, prefix) for line, prefix, _, _ in late] == [(None, "$")]
    assert late[0][3] is not None
    assert late[0][3].startswith("expected valid JSON, found an error: ")


def test_a_file_over_the_limit_is_json_lines_if_a_later_line_of_its_start_is_an_object() -> None:
    text = b'{broken\n[1]\n{"a":1}\n'
    docs = plain(io.BytesIO(text), limits=Limits(max_document=len(text) - 1))
    assert [(line, value) for line, _, value, _ in docs] == [(1, None), (2, [1]), (3, {"a": 1})]


def test_the_cut_last_line_of_the_start_of_a_file_is_not_taken_for_an_object() -> None:
    """An array too big to read: the 64 KiB looked at end in '{"a":1}', which goes on as ', 2]'."""
    rest = (b"1," + b" " * 97 + b"\n") * 655 + b"1," + b" " * 26 + b"\n" + b'{"a":1}'
    assert len(rest) == 1 << 16
    docs = plain(io.BytesIO(b"[\n" + rest + b", 2]\n"), limits=Limits(max_document=100))
    assert docs == [
        (
            None,
            "$",
            None,
            "expected a document of at most 100 bytes (Limits.max_document), found more than 100",
        )
    ]


def test_a_long_line_that_starts_in_the_bytes_looked_at_is_skipped_unread() -> None:
    """A line going on past the first 64 KiB (read to tell JSON Lines apart) is read only to the limit."""
    head = b'{"a": 1}\n' + b'{"a": 2}\n' * 7270 + b"     \n"
    assert len(head) == 9 + (1 << 16) - 100
    long_line = b'{"b": "' + b"x" * 4990 + b'"}\n'
    docs = plain(io.BytesIO(head + long_line + b'{"a": 3}\n'), limits=Limits(max_document=1000))
    assert len(docs) == 7273
    assert docs[-2:] == [
        (
            7273,
            "$",
            None,
            "expected a line of at most 1,000 bytes (Limits.max_document), found 4,999;"
            " skipped without holding it in memory",
        ),
        (7274, "$", {"a": 3}, None),
    ]


@pytest.mark.parametrize(("mode", "kind"), [("w+b", bytes), ("w+", str)])
def test_dump_to_a_file_that_says_its_mode_but_is_no_io_buffer(mode: str, kind: type) -> None:
    """A spooled temporary file is neither a raw nor a buffered io object: its mode tells text from binary."""
    with tempfile.SpooledTemporaryFile(mode=mode) as out:
        assert dump_jsonl([Country(code="RU"), Country(code="US")], out) == 2
        out.seek(0)
        written = out.read()
    text = '{"type":"country","code":"RU"}\n{"type":"country","code":"US"}\n'
    assert written == (text.encode() if kind is bytes else text)


def test_reading_a_path_shares_identical_entities(tmp_path: Path, sample_article: Article) -> None:
    # Entities are shared by the generated loader, which reads with orjson.
    pytest.importorskip("orjson", reason="needs orjson (the orjson extra): entities are shared on its path")
    path = tmp_path / "articles.jsonl"
    dump_jsonl(some_articles(sample_article, 2), path)
    first, second = read_jsonl(path)
    assert first.publisher == second.publisher
    assert first.publisher is second.publisher
    unshared = list(read_jsonl(path, share_entities=False))
    assert unshared == [first, second]
    assert unshared[0].publisher is not unshared[1].publisher


def test_the_line_limit_at_and_just_past_the_limit_with_crlf_endings(json_backend: str) -> None:
    """A line of the limit's length plus CR LF is read; one byte more is skipped, however it is padded."""
    good = b'{"type":"country","code":"RU"}'
    most = len(good)
    text = b"".join(
        [
            good + b"\r\n",  # exactly the limit
            good + b" \r\n",  # one byte over, the LF just past what is read at once
            b" " * (most + 5) + b"[1]\n",  # blank for more than the limit, then not
            b" \t" * most + b"\r\n",  # blank, and long: still a blank line
            good + b"\n",
        ]
    )
    errors: list[ValidationError] = []
    limits = Limits(max_document=most)
    found = list(read_jsonl(io.BytesIO(text), Country, limits=limits, on_error=errors.append))
    assert found == [Country(code="RU")] * 2
    skipped = "(Limits.max_document), found {}; skipped without holding it in memory"
    assert [str(e) for e in errors] == [
        f"line 2: $: expected a line of at most {most} bytes {skipped.format(most + 1)}",
        f"line 3: $: expected a line of at most {most} bytes {skipped.format(most + 8)}",
    ]
    assert [e.errors[0].code for e in errors] == ["limit", "limit"]


def test_an_overlong_last_line_without_a_newline_is_still_reported(json_backend: str) -> None:
    good = b'{"type":"country","code":"RU"}'
    errors: list[ValidationError] = []
    text = good + b"\n" + b"[" * 40
    limits = Limits(max_document=len(good))
    assert list(read_jsonl(io.BytesIO(text), Country, limits=limits, on_error=errors.append)) == [
        Country(code="RU")
    ]
    assert [str(e) for e in errors] == [
        f"line 2: $: expected a line of at most {len(good)} bytes (Limits.max_document), found 40;"
        " skipped without holding it in memory"
    ]


def test_each_line_is_held_to_the_string_limit() -> None:
    errors: list[ValidationError] = []
    lines = ['{"type": "country", "code": "RU"}', '{"type": "country", "code": "RU", "name": "Russia, RU"}']
    assert list(read_jsonl(lines, Country, limits=Limits(max_string=7), on_error=errors.append)) == [
        Country(code="RU")
    ]
    assert [(str(e), e.errors[0].code) for e in errors] == [
        ("line 2: $.name: expected a string of at most 7 characters (Limits.max_string), found 10", "limit")
    ]
