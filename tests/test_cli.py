"""The ``newsevents`` command: validate, check, show and query, run in-process and as a program."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import termios
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import newsevents
from _seed import SHARED, seed_article
from newsevents import (
    Article,
    Detention,
    DetentionStatus,
    Event,
    Organization,
    OrgKind,
    Person,
    QuoteMode,
    RequestStatus,
    Role,
    Statement,
    TimeRef,
    ValidationError,
    dump_jsonl,
    from_dict,
    from_json,
    to_json,
)
from newsevents._cli_input import Progress
from newsevents.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = SHARED / "seed" / "article.txt"
SEED_JSON = ROOT / "examples" / "data" / "lavrov_blinken_call.json"
SEED_ID = "rt-2022-07-28-lavrov-blinken-call"

PUBLISHED = datetime(2022, 7, 28, 22, 23, tzinfo=UTC)
RT = Organization(name="RT", kind=OrgKind.MEDIA, country="RU")
STATE = Organization(name="US State Department", kind=OrgKind.MINISTRY, country="US")
ZAKHAROVA = Person(name="Maria Zakharova", nationality=("RU",))


class Run:
    """What one in-process run of the command printed, and its exit status."""

    def __init__(self, argv: list[str]) -> None:
        out, err = io.StringIO(), io.StringIO()
        self.status = main(argv, out=out, err=err)
        self.out = out.getvalue()
        self.err = err.getvalue()

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


def run(*argv: str | Path) -> Run:
    return Run([str(a) for a in argv])


def small(i: int, *events: Event, body: tuple[str, ...] = ()) -> Article:
    return Article(
        id=f"a{i}", title=f"Title {i}", published=PUBLISHED, publisher=RT, body=body, events=events
    )


def as_dict(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(to_json(article))
    return data


def error_of(data: dict[str, Any]) -> tuple[str, str]:
    """The (path, message) the library gives for a bad document, as the command must print it."""
    with pytest.raises(ValidationError) as info:
        from_dict(Article, data)
    assert len(info.value.errors) == 1
    detail = info.value.errors[0]
    return detail.path, detail.message


def blank_title(i: int) -> dict[str, Any]:
    data = as_dict(small(i))
    data["title"] = "  "
    return data


def bad_id(i: int) -> dict[str, Any]:
    data = as_dict(small(i))
    data["id"] = "Not A Slug"
    return data


def write_lines(path: Path, items: list[dict[str, Any] | str]) -> Path:
    rows = [item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in items]
    path.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def assert_usage_error(result: Run, *needles: str) -> None:
    """One line on stderr, starting 'newsevents: error:', exit status 2, no traceback."""
    assert result.status == 2
    assert result.err.endswith("\n")
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("newsevents: error: ")
    assert "Traceback" not in result.err
    for needle in needles:
        assert needle in lines[0]


def event_ids(result: Run) -> list[str]:
    """The event ids of a table, in order (each row shows ``article#event``)."""
    return [line.split("#", 1)[1].split()[0] for line in result.lines if "#" in line]


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    target = tmp_path / "seed.json"
    shutil.copyfile(SEED_JSON, target)
    return target


@pytest.fixture(scope="module")
def seed() -> Article:
    return from_json(Article, SEED_JSON.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- validate: good files


def test_validate_pretty_json(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(to_json(small(1), indent=2), encoding="utf-8")
    assert path.read_text(encoding="utf-8").count("\n") > 3
    result = run("validate", path)
    assert (result.status, result.lines) == (0, ["1 document in 1 file: 1 valid, 0 invalid (0 errors)"])
    assert result.err == ""


def test_validate_compact_json(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(to_json(small(1)), encoding="utf-8")
    result = run("validate", path)
    assert (result.status, result.lines) == (0, ["1 document in 1 file: 1 valid, 0 invalid (0 errors)"])


def test_validate_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    assert dump_jsonl([small(i) for i in range(1, 5)], path) == 4
    result = run("validate", path)
    assert (result.status, result.lines) == (0, ["4 documents in 1 file: 4 valid, 0 invalid (0 errors)"])


def test_validate_json_array(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    path.write_text(json.dumps([as_dict(small(i)) for i in range(1, 4)], indent=2), encoding="utf-8")
    result = run("validate", path)
    assert (result.status, result.lines) == (0, ["3 documents in 1 file: 3 valid, 0 invalid (0 errors)"])


def test_validate_json_array_with_a_bad_item(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    bad = blank_title(2)
    path.write_text(json.dumps([as_dict(small(1)), bad, as_dict(small(3))], indent=2), encoding="utf-8")
    where, message = error_of(bad)
    assert where == "$.title"
    result = run("validate", path)
    assert result.status == 1
    assert result.lines == [
        f"{path}: $[1].title: {message}",
        "3 documents in 1 file: 2 valid, 1 invalid (1 error)",
    ]


def test_validate_the_seed(seed_file: Path) -> None:
    result = run("validate", seed_file)
    assert (result.status, result.lines) == (0, ["1 document in 1 file: 1 valid, 0 invalid (0 errors)"])


def test_validate_several_files(tmp_path: Path, seed_file: Path) -> None:
    lines = tmp_path / "many.jsonl"
    dump_jsonl([small(1), small(2)], lines)
    result = run("validate", lines, seed_file)
    assert (result.status, result.lines) == (0, ["3 documents in 2 files: 3 valid, 0 invalid (0 errors)"])


# ---------------------------------------------------------------- validate: by content, not extension


def test_json_lines_named_json(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "data.json", [as_dict(small(1)), blank_title(2), as_dict(small(3))])
    result = run("validate", "--continue", path)
    _, message = error_of(blank_title(2))
    assert result.status == 1
    assert result.lines == [
        f"{path}:2: $.title: {message}",
        "3 documents in 1 file: 2 valid, 1 invalid (1 error)",
    ]


def test_good_json_lines_named_json(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    dump_jsonl([small(1), small(2)], path)
    result = run("validate", path)
    assert (result.status, result.lines) == (0, ["2 documents in 1 file: 2 valid, 0 invalid (0 errors)"])


def test_pretty_json_named_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text(to_json(small(1), indent=2) + "\n", encoding="utf-8")
    result = run("validate", path)
    assert (result.status, result.lines) == (0, ["1 document in 1 file: 1 valid, 0 invalid (0 errors)"])


def test_bad_pretty_json_named_jsonl_has_no_line(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    bad = bad_id(1)
    path.write_text(json.dumps(bad, indent=2), encoding="utf-8")
    _, message = error_of(bad)
    result = run("validate", path)
    assert result.status == 1
    assert result.lines == [f"{path}: $.id: {message}", "1 document in 1 file: 0 valid, 1 invalid (1 error)"]


# ---------------------------------------------------------------- validate: bad lines


@pytest.fixture
def bad_lines(tmp_path: Path) -> Path:
    """Five lines: good, bad (model), good, bad (not JSON), good."""
    return write_lines(
        tmp_path / "mixed.jsonl",
        [
            as_dict(small(1)),
            blank_title(2),
            as_dict(small(3)),
            '{"type": "article", "id": ',
            as_dict(small(5)),
        ],
    )


def test_a_bad_line_stops_validation(bad_lines: Path) -> None:
    _, message = error_of(blank_title(2))
    result = run("validate", bad_lines)
    assert result.status == 1
    assert result.lines == [
        f"{bad_lines}:2: $.title: {message}",
        f"{bad_lines}: stopped at line 2; --continue checks the rest",
        "2 documents in 1 file: 1 valid, 1 invalid (1 error)",
    ]


def test_continue_reports_every_bad_line(bad_lines: Path) -> None:
    _, message = error_of(blank_title(2))
    result = run("validate", "--continue", bad_lines)
    assert result.status == 1
    assert len(result.lines) == 3
    assert result.lines[0] == f"{bad_lines}:2: $.title: {message}"
    assert result.lines[1].startswith(f"{bad_lines}:4:27: $: expected valid JSON, found ")
    assert result.lines[2] == "5 documents in 1 file: 3 valid, 2 invalid (2 errors)"
    assert "stopped" not in result.out


def test_continue_counts_every_error_of_a_line(tmp_path: Path) -> None:
    twice = blank_title(2)
    twice["id"] = "Not A Slug"
    path = write_lines(tmp_path / "x.jsonl", [as_dict(small(1)), twice, bad_id(3), as_dict(small(4))])
    result = run("validate", "--continue", path)
    assert result.status == 1
    located = [line.split(": ", 2)[:2] for line in result.lines[:-1]]
    assert sorted(located) == [[f"{path}:2", "$.id"], [f"{path}:2", "$.title"], [f"{path}:3", "$.id"]]
    assert result.lines[-1] == "4 documents in 1 file: 2 valid, 2 invalid (3 errors)"


def test_blank_lines_are_not_documents(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "x.jsonl", [as_dict(small(1)), "", "   ", as_dict(small(2)), bad_id(3)])
    _, message = error_of(bad_id(3))
    result = run("validate", path)
    assert result.lines == [
        f"{path}:5: $.id: {message}",
        f"{path}: stopped at line 5; --continue checks the rest",
        "3 documents in 1 file: 2 valid, 1 invalid (1 error)",
    ]


def test_a_bad_first_line_costs_no_good_line(tmp_path: Path) -> None:
    # "a bad line in a JSON Lines file never costs the good ones around it": also the first.
    path = write_lines(tmp_path / "x.jsonl", ["{not json", as_dict(small(2)), as_dict(small(3))])
    result = run("validate", "--continue", path)
    assert result.status == 1
    assert result.lines[0].startswith(f"{path}:1:2: $: expected valid JSON, found ")
    assert result.lines[1:] == ["3 documents in 1 file: 2 valid, 1 invalid (1 error)"]


def test_a_first_line_that_breaks_the_model(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "x.jsonl", [bad_id(1), as_dict(small(2)), bad_id(3)])
    _, message = error_of(bad_id(1))
    result = run("validate", "--continue", path)
    assert result.status == 1
    assert result.lines == [
        f"{path}:1: $.id: {message}",
        f"{path}:3: $.id: {message}",
        "3 documents in 1 file: 1 valid, 2 invalid (2 errors)",
    ]


# ---------------------------------------------------------------- validate: not JSON at all


def test_invalid_json_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(to_json(small(1), indent=2)[:-10], encoding="utf-8")
    result = run("validate", path)
    assert result.status == 1
    assert len(result.lines) == 2
    # A whole-file document points at its line and column, as a compiler would.
    assert result.lines[0].startswith(f"{path}:11:16: $: expected valid JSON, found an error: ")
    assert result.lines[1] == "1 document in 1 file: 0 valid, 1 invalid (1 error)"
    assert "Traceback" not in result.out + result.err


@pytest.mark.parametrize("content", ["", "\n\n  \n"], ids=["empty", "blank"])
def test_empty_file_holds_no_documents(tmp_path: Path, content: str) -> None:
    # dump_jsonl of no articles writes an empty file, and Corpus.from_jsonl reads it as empty.
    path = tmp_path / "empty.jsonl"
    path.write_text(content, encoding="utf-8")
    result = run("validate", path)
    assert result.status == 0
    assert result.lines == ["0 documents in 1 file: 0 valid, 0 invalid (0 errors)"]


# ---------------------------------------------------------------- check


def flawed() -> Article:
    """One error (NE101), one warning (NE501), one info (NE401), in that article order."""
    adviser = Person(
        name="Viktor Bout", nationality=("RU",), roles=(Role(title="adviser", organization=STATE),)
    )
    return small(
        1,
        Statement(id="s1", speaker=ZAKHAROVA, mode=QuoteMode.MIXED, text="Busy.", quotes=("no time at all",)),
        Detention(
            id="d1", detainee=Person(name="Paul Whelan"), held_by=STATE, status=DetentionStatus.RELEASED
        ),
        Statement(id="s2", speaker=adviser, mode=QuoteMode.INDIRECT, text="Something."),
        body=("Lavrov is busy.",),
    )


FLAWED_LINES = [
    "NE101 error: $.events[0].quotes[0]: quote not in the text: 'no time at all'",
    "NE501 warning: $.events[1].when: a detention released without a date",
    "NE401 info: $.events[2]: Viktor Bout (RU) is adviser of US State Department (US)",
]


@pytest.fixture
def flawed_file(tmp_path: Path) -> Path:
    path = tmp_path / "flawed.json"
    path.write_text(to_json(flawed(), indent=2), encoding="utf-8")
    return path


def test_check_prints_every_finding_and_exits_2_on_an_error(flawed_file: Path) -> None:
    result = run("check", flawed_file)
    assert result.status == 2
    assert result.lines == [f"{flawed_file}: {line}" for line in FLAWED_LINES] + ["3 findings"]


def test_check_severity_warning_hides_info(flawed_file: Path) -> None:
    result = run("check", "--severity", "warning", flawed_file)
    assert result.status == 2
    assert result.lines == [f"{flawed_file}: {line}" for line in FLAWED_LINES[:2]] + ["2 findings"]


def test_check_severity_error_shows_errors_only(flawed_file: Path) -> None:
    result = run("check", "--severity", "error", flawed_file)
    assert result.status == 2
    assert result.lines == [f"{flawed_file}: {FLAWED_LINES[0]}", "1 finding"]


def test_check_exits_1_on_a_warning(tmp_path: Path) -> None:
    article = flawed()
    article = small(1, *article.events[1:], body=article.body)  # no NE101 left
    path = tmp_path / "warned.json"
    path.write_text(to_json(article), encoding="utf-8")
    result = run("check", path)
    assert result.status == 1
    assert result.lines == [
        f"{path}: NE501 warning: $.events[0].when: a detention released without a date",
        f"{path}: NE401 info: $.events[1]: Viktor Bout (RU) is adviser of US State Department (US)",
        "2 findings",
    ]
    filtered = run("check", "--severity", "warning", path)
    assert filtered.lines[:-1] == [result.lines[0]]
    assert filtered.lines[-1] == "1 finding"


def test_check_exits_0_on_info_only(tmp_path: Path) -> None:
    path = tmp_path / "info.json"
    path.write_text(to_json(small(1, *flawed().events[2:])), encoding="utf-8")
    result = run("check", path)
    assert result.status == 0
    assert result.lines == [
        f"{path}: NE401 info: $.events[0]: Viktor Bout (RU) is adviser of US State Department (US)",
        "1 finding",
    ]


def test_check_a_clean_file(tmp_path: Path) -> None:
    path = tmp_path / "clean.json"
    path.write_text(to_json(small(1)), encoding="utf-8")
    result = run("check", path)
    assert (result.status, result.lines) == (0, ["0 findings"])


def test_check_json_lines_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    dump_jsonl([small(1), flawed()], path)
    result = run("check", "--severity", "error", path)
    assert result.status == 2
    assert result.lines == [f"{path}:2: {FLAWED_LINES[0]}", "1 finding"]


def test_check_the_seed_without_source(seed_file: Path) -> None:
    result = run("check", seed_file)
    assert result.status == 0
    assert result.lines == [
        f"{seed_file}: NE100 info: $.body: no body or text given: quotes and evidence not checked",
        "1 finding",
    ]


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside this checkout")
def test_check_the_seed_with_its_source(seed_file: Path) -> None:
    result = run("check", "--source", SEED, seed_file)
    assert result.status == 0
    assert not [line for line in result.lines if " error: " in line or " warning: " in line]
    assert "NE100" not in result.out
    assert result.lines[-1] == f"{len(result.lines) - 1} finding{'s' * (len(result.lines) != 2)}"


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside this checkout")
def test_check_the_seed_with_an_altered_source(seed_file: Path, tmp_path: Path) -> None:
    altered = tmp_path / "altered.txt"
    altered.write_text(
        SEED.read_text(encoding="utf-8").replace("when time permits", "when time allows"), encoding="utf-8"
    )
    result = run("check", "--source", altered, "--severity", "error", seed_file)
    assert result.status == 2
    assert result.lines == [
        f"{seed_file}: NE101 error: $.events[3].quotes[0]: "
        "quote not in the text: 'pay attention to this request when time permits'",
        "1 finding",
    ]


def test_check_a_missing_source(seed_file: Path, tmp_path: Path) -> None:
    assert_usage_error(run("check", "--source", tmp_path / "nowhere.txt", seed_file), "nowhere.txt")


# ---------------------------------------------------------------- show


def test_show_the_seed(seed_file: Path, seed: Article) -> None:
    result = run("show", seed_file)
    assert result.status == 0
    lines = result.lines
    assert lines[0] == "\u2018Busy\u2019 Lavrov will consider US request \u2013 Moscow"
    assert lines[1] == "RT, 2022-07-28T22:23:00+00:00"
    headers = [line for line in lines[2:] if line and not line.startswith(" ")]
    assert headers == ["DiplomaticRequest (2)", "Statement (10)", "Detention (3)"]
    groups: dict[str, list[str]] = {}
    current = ""
    for line in lines[2:]:
        if line in headers:
            current = line
        elif line.strip():
            groups.setdefault(current, []).append(line)
    expected = {
        "DiplomaticRequest (2)": [e.id for e in seed.requests],
        "Statement (10)": [e.id for e in seed.statements],
        "Detention (3)": [e.id for e in seed.detentions],
    }
    for header, ids in expected.items():
        assert [line.split(": ", 1)[0].split()[-1] for line in groups[header]] == ids
    text = result.out
    assert "\u201cpay attention to this request when time permits\u201d" in text  # quotes
    assert "Maria Zakharova (spokeswoman, Russian Ministry of Foreign Affairs)" in text  # actors
    assert "Russia -> Brittney Griner" in text
    assert any(line.split()[:2] == ["2012", "bout-sentence:"] for line in groups["Detention (3)"])  # time
    assert any(line.split()[:2] == ["2022-07-27", "blinken-bring-home:"] for line in groups["Statement (10)"])


def test_show_a_json_lines_file_shows_each_article(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    dump_jsonl([small(1), small(2)], path)
    result = run("show", path)
    assert result.status == 0
    assert "Title 1" in result.lines
    assert "Title 2" in result.lines


# ---------------------------------------------------------------- query: the four questions


def test_what_did_zakharova_say_in_july_2022(seed_file: Path) -> None:
    result = run(
        "query",
        seed_file,
        "--type",
        "statement",
        "--by",
        "Zakharova",
        "--since",
        "2022-07",
        "--until",
        "2022-07",
    )
    assert result.status == 0
    assert event_ids(result) == ["zakharova-attention", "zakharova-schedule"]
    assert result.lines[-1] == "2 events"
    assert all(f"{SEED_ID}#" in line for line in result.lines[:-1])


def test_zakharova_said_nothing_in_august(seed_file: Path) -> None:
    result = run("query", seed_file, "--by", "Zakharova", "--since", "2022-08-01", "--until", "2022-08-31")
    assert (result.status, result.lines) == (0, ["0 events"])


def test_which_us_citizens_are_held_by_russia(seed_file: Path, seed: Article) -> None:
    result = run("query", seed_file, "--type", "detention", "--by", "RU", "--format", "jsonl")
    assert result.status == 0
    rows = [json.loads(line) for line in result.lines]
    assert [row["event"]["id"] for row in rows] == ["griner-detention", "whelan-detention"]
    for row in rows:
        event = from_dict(Event, row["event"])
        assert isinstance(event, Detention)
        assert "US" in event.detainee.nationality
        assert event == seed.event(event.id)
    table = run("query", seed_file, "--type", "detention", "--by", "RU")
    assert event_ids(table) == ["griner-detention", "whelan-detention"]
    assert "Russia -> Brittney Griner" in table.out


def test_held_by_the_us_is_bout(seed_file: Path) -> None:
    result = run("query", seed_file, "--type", "detention", "--by", "US")
    assert event_ids(result) == ["bout-sentence"]


def test_which_diplomatic_requests_are_pending(seed_file: Path) -> None:
    result = run(
        "query",
        seed_file,
        "--type",
        "diplomatic_request",
        "--status",
        "made",
        "--status",
        "received",
        "--status",
        "under_consideration",
    )
    assert result.status == 0
    assert event_ids(result) == ["call-request", "release-proposal"]
    assert result.lines[-1] == "2 events"
    settled = run("query", seed_file, "--type", "diplomatic_request", "--status", "accepted")
    assert settled.lines == ["0 events"]


def test_the_timeline_of_lavrov(seed_file: Path) -> None:
    result = run("query", seed_file, "--actor", "Lavrov")
    assert result.status == 0
    assert event_ids(result) == [
        "blinken-bring-home",  # 27 July
        "call-request",  # 28 July, then article order
        "mfa-receipt",
        "zakharova-attention",
        "zakharova-schedule",
        "price-seeking-call",
    ]
    assert result.lines[0].split()[0] == "2022-07-27"
    assert result.lines[-1] == "6 events"


def test_query_across_files_is_in_time_order(seed_file: Path, tmp_path: Path) -> None:
    early = Statement(
        id="early",
        speaker=ZAKHAROVA,
        mode=QuoteMode.INDIRECT,
        text="Something early in July.",
        when=TimeRef.of(2022, 7, 5),
    )
    extra = tmp_path / "extra.jsonl"
    dump_jsonl([small(9, early)], extra)
    result = run("query", seed_file, extra, "--by", "Zakharova", "--since", "2022-07", "--until", "2022-07")
    assert event_ids(result) == ["early", "zakharova-attention", "zakharova-schedule"]
    assert "a9#early" in result.lines[0]


def test_query_since_alone(seed_file: Path) -> None:
    result = run("query", seed_file, "--since", "2022-07-28")
    assert result.status == 0, result.err
    assert event_ids(result) == [
        "call-request",
        "mfa-receipt",
        "zakharova-attention",
        "zakharova-schedule",
        "price-seeking-call",
    ]


def test_query_until_alone(seed_file: Path) -> None:
    result = run("query", seed_file, "--until", "2012")
    assert result.status == 0, result.err
    assert event_ids(result) == ["bout-sentence"]


def test_query_without_filters_lists_every_event(seed_file: Path, seed: Article) -> None:
    result = run("query", seed_file)
    assert result.status == 0
    assert sorted(event_ids(result)) == sorted(e.id for e in seed.events)
    assert result.lines[-1] == f"{len(seed.events)} events"


# ---------------------------------------------------------------- query: output


def test_jsonl_lines_parse_with_article_and_event(seed_file: Path, seed: Article) -> None:
    result = run("query", seed_file, "--actor", "Lavrov", "--format", "jsonl")
    assert result.status == 0
    rows = [json.loads(line) for line in result.lines]
    assert len(rows) == 6
    for row in rows:
        assert set(row) == {"article", "event"}
        assert row["article"] == SEED_ID
        assert from_dict(Event, row["event"]) == seed.event(row["event"]["id"])
    assert rows[0]["event"]["id"] == "blinken-bring-home"


def test_limit(seed_file: Path) -> None:
    table = run("query", seed_file, "--actor", "Lavrov", "--limit", "2")
    assert event_ids(table) == ["blinken-bring-home", "call-request"]
    assert table.lines[-1] == "2 events"
    rows = run("query", seed_file, "--actor", "Lavrov", "--limit", "3", "--format", "jsonl").lines
    assert [json.loads(line)["event"]["id"] for line in rows] == [
        "blinken-bring-home",
        "call-request",
        "mfa-receipt",
    ]
    assert event_ids(run("query", seed_file, "--actor", "Lavrov", "--limit", "1")) == ["blinken-bring-home"]


def test_a_negative_limit_is_a_command_line_error(seed_file: Path) -> None:
    # "at most N events": -1 must not quietly mean "all but the last".
    assert_usage_error(run("query", seed_file, "--actor", "Lavrov", "--limit", "-1"), "--limit")


# ---------------------------------------------------------------- command-line errors


@pytest.mark.parametrize("command", ["validate", "check", "show", "query"])
def test_a_missing_file(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    result = run(command, missing)
    assert_usage_error(result, "nowhere.json")
    assert result.out == ""


def test_a_bad_since_date(seed_file: Path) -> None:
    result = run("query", seed_file, "--since", "2022-13")
    assert_usage_error(result)
    assert result.err == "newsevents: error: --since: not a calendar date: '2022-13'\n"
    assert result.out == ""


def test_a_bad_until_date(seed_file: Path) -> None:
    assert_usage_error(run("query", seed_file, "--until", "next tuesday"), "--until", "next tuesday")


def test_an_unknown_type(seed_file: Path) -> None:
    result = run("query", seed_file, "--type", "protest")
    assert_usage_error(result, "'protest'", "statement", "detention", "diplomatic_request")
    assert result.out == ""


def test_an_unknown_status(seed_file: Path) -> None:
    assert_usage_error(run("query", seed_file, "--status", "pending"), "--status: unknown status 'pending'")


def test_an_unknown_command() -> None:
    assert_usage_error(run("frobnicate"), "frobnicate")


def test_no_command() -> None:
    assert_usage_error(run(), "COMMAND")


@pytest.mark.parametrize("command", ["validate", "check", "show", "query"])
def test_a_missing_argument(command: str) -> None:
    assert_usage_error(run(command), "FILE")


def test_a_bad_choice(seed_file: Path) -> None:
    assert_usage_error(run("check", "--severity", "fatal", seed_file), "--severity", "fatal")
    assert_usage_error(run("query", "--format", "csv", seed_file), "--format", "csv")


def test_an_invalid_document_in_query(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "x.jsonl", [as_dict(small(1)), bad_id(2)])
    result = run("query", path)
    assert result.status == 2
    assert result.err.splitlines()[-1].startswith("newsevents: error: ")
    assert "Traceback" not in result.err


@pytest.mark.parametrize("command", ["validate", "check", "show", "query"])
def test_each_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith(f"usage: newsevents {command}")
    assert "FILE" in shown


# ---------------------------------------------------------------- as a program


def console_script() -> str:
    found = Path(sys.executable).with_name("newsevents")
    if not found.exists():
        pytest.skip("the newsevents console script is not installed beside this Python")
    return str(found)


def program(kind: str) -> list[str]:
    return [sys.executable, "-m", "newsevents"] if kind == "module" else [console_script()]


def launch(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("kind", ["module", "script"])
def test_version(kind: str) -> None:
    done = launch([*program(kind), "--version"])
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"newsevents {newsevents.__version__}\n"


@pytest.mark.parametrize("kind", ["module", "script"])
def test_help(kind: str) -> None:
    done = launch([*program(kind), "--help"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: newsevents")
    for command in ("validate", "check", "show", "query"):
        assert command in done.stdout


def test_program_exit_status_and_errors(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "x.jsonl", [as_dict(small(1)), bad_id(2)])
    done = launch([*program("module"), "validate", str(path)])
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "2 documents in 1 file: 1 valid, 1 invalid (1 error)"
    missing = launch([*program("script"), "query", str(tmp_path / "nowhere.json")])
    assert missing.returncode == 2
    assert len(missing.stderr.splitlines()) == 1
    assert missing.stderr.startswith("newsevents: error: ")
    assert missing.stdout == ""


# ---------------------------------------------------------------- --continue and "-" on every command


def newsevents_process(*argv: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """``python -m newsevents ARGV`` with ``stdin`` as its standard input; output decoded as UTF-8."""
    done = subprocess.run(
        [sys.executable, "-m", "newsevents", *map(str, argv)],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


def said(i: int) -> Statement:
    return Statement(
        id=f"said-{i}",
        speaker=ZAKHAROVA,
        mode=QuoteMode.INDIRECT,
        text=f"Point {i}.",
        evidence=(f"point {i}",),
    )


@pytest.fixture
def one_bad_line(tmp_path: Path) -> Path:
    """Three lines of JSON Lines: a good article, one with a blank title, a good one."""
    return write_lines(
        tmp_path / "three.jsonl",
        [as_dict(small(1, said(1))), blank_title(2), as_dict(small(3, said(3)))],
    )


def blank_title_line(path: Path | str, line: int) -> str:
    return f"{path}:{line}: $.title: {error_of(blank_title(2))[1]}"


READERS = ["validate", "check", "show", "query"]


def good_output(command: str, done: subprocess.CompletedProcess[str]) -> None:
    """What each command prints for the good articles a1 and a3 of ``one_bad_line``."""
    if command == "validate":
        assert done.stdout.splitlines()[-1] == "3 documents in 1 file: 2 valid, 1 invalid (1 error)"
    elif command == "check":
        assert done.stdout.splitlines()[-1] == "2 findings"  # NE100 for each article: no body to check
        assert done.stdout.count("NE100 info") == 2
        assert done.stdout.count(":1: NE100 info") == done.stdout.count(":3: NE100 info") == 1
    elif command == "show":
        assert done.stdout.count("Title ") == 2
        assert "Title 1\n" in done.stdout
        assert "Title 3\n" in done.stdout
    else:
        assert done.stdout.splitlines() == [
            f"    undated  statement          a1#said-1  {ZAKHAROVA.name}: Point 1.",
            f"    undated  statement          a3#said-3  {ZAKHAROVA.name}: Point 3.",
            "2 events",
        ]


@pytest.mark.parametrize("command", READERS)
def test_continue_skips_a_bad_line_reports_it_and_goes_on(command: str, one_bad_line: Path) -> None:
    done = newsevents_process(command, "--continue", one_bad_line)
    assert done.returncode == 1, done.stderr
    good_output(command, done)
    if command == "validate":  # its report is its output: stdout, as without --continue
        assert done.stdout.splitlines()[0] == blank_title_line(one_bad_line, 2)
        assert done.stderr == ""
    else:
        assert done.stderr.splitlines() == [
            blank_title_line(one_bad_line, 2),
            f"{one_bad_line}: 1 of 3 lines skipped",
        ]


@pytest.mark.parametrize("command", ["check", "show", "query"])
def test_without_continue_a_bad_line_stops_the_command_as_before(command: str, one_bad_line: Path) -> None:
    done = newsevents_process(command, one_bad_line)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        blank_title_line(one_bad_line, 2),
        f"newsevents: error: {one_bad_line} holds an invalid document; "
        f"run 'newsevents validate {one_bad_line}'",
    ]


def test_continue_on_a_clean_file_exits_0_and_says_nothing_more(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "clean.jsonl", [as_dict(small(1, said(1)))])
    done = newsevents_process("query", "--continue", path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[-1] == "1 event"


def test_continue_skips_a_bad_item_of_a_json_array(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    path.write_text(json.dumps([as_dict(small(1, said(1))), bad_id(2)]), encoding="utf-8")
    done = newsevents_process("query", "--continue", path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "1 event"
    assert done.stderr.splitlines() == [
        f"{path}: $[1].id: {error_of(bad_id(2))[1]}",
        f"{path}: 1 of 2 documents skipped",
    ]


def test_continue_keeps_checks_error_status_above_skipped_lines(tmp_path: Path) -> None:
    # A skipped line makes the status at least 1; an error finding still makes it 2.
    path = write_lines(tmp_path / "x.jsonl", [as_dict(flawed()), blank_title(2)])
    done = newsevents_process("check", "--continue", "--severity", "error", path)
    assert done.returncode == 2
    assert done.stdout.splitlines() == [f"{path}:1: {FLAWED_LINES[0]}", "1 finding"]
    assert done.stderr.splitlines()[-1] == f"{path}: 1 of 2 lines skipped"


@pytest.mark.parametrize("command", READERS)
def test_dash_reads_standard_input(command: str, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "two.jsonl", [as_dict(small(1, said(1))), as_dict(small(3, said(3)))])
    from_file = newsevents_process(command, path)
    from_stdin = newsevents_process(command, "-", stdin=path.read_bytes())
    assert (from_stdin.returncode, from_stdin.stderr) == (from_file.returncode, from_file.stderr) == (0, "")
    assert from_stdin.stdout == from_file.stdout.replace(str(path), "<stdin>")
    assert from_stdin.stdout.strip()


@pytest.mark.parametrize("command", READERS)
def test_dash_with_continue_names_standard_input(command: str, one_bad_line: Path) -> None:
    done = newsevents_process(command, "--continue", "-", stdin=one_bad_line.read_bytes())
    assert done.returncode == 1
    good_output(command, done)
    shown = done.stdout if command == "validate" else done.stderr
    assert blank_title_line("<stdin>", 2) in shown.splitlines()


def test_dash_reads_a_whole_json_document_from_a_pipe(seed_file: Path) -> None:
    done = newsevents_process("validate", "-", stdin=seed_file.read_bytes())
    assert (done.returncode, done.stdout) == (0, "1 document in 1 file: 1 valid, 0 invalid (0 errors)\n")


def test_a_pipe_over_the_document_limit_is_one_bad_document(seed_file: Path) -> None:
    data = seed_file.read_bytes()
    done = newsevents_process("validate", "--max-document", "100", "-", stdin=data)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        "<stdin>: $: expected a document of at most 100 bytes (--max-document), found more than 100"
    )


def test_standard_input_is_read_once(one_bad_line: Path) -> None:
    done = newsevents_process("validate", "-", one_bad_line, "-")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "newsevents: error: standard input ('-') can be read only once\n"


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside this checkout")
def test_check_source_from_standard_input(seed_file: Path) -> None:
    done = newsevents_process(
        "check", "--severity", "error", seed_file, "--source", "-", stdin=SEED.read_bytes()
    )
    assert (done.returncode, done.stdout) == (0, "0 findings\n")
    altered = SEED.read_text(encoding="utf-8").replace("when time permits", "when time allows")
    changed = newsevents_process(
        "check", "--severity", "error", seed_file, "--source", "-", stdin=altered.encode()
    )
    assert changed.returncode == 2
    assert changed.stdout.splitlines() == [
        f"{seed_file}: NE101 error: $.events[3].quotes[0]: "
        "quote not in the text: 'pay attention to this request when time permits'",
        "1 finding",
    ]


# ---------------------------------------------------------------- messages that name the options


def test_an_unknown_status_names_the_option_a_close_value_and_every_value(seed_file: Path) -> None:
    done = newsevents_process("query", seed_file, "--status", "made", "--status", "arested")
    every = list(dict.fromkeys(m.value for kind in (RequestStatus, DetentionStatus) for m in kind))
    assert "arrested" in every
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "newsevents: error: --status: unknown status 'arested' (did you mean 'arrested'?); "
        f"expected one of: {', '.join(every)}\n"
    )


def test_an_unknown_status_far_from_any_has_no_guess(seed_file: Path) -> None:
    result = run("query", seed_file, "--status", "zzz")
    assert_usage_error(result, "--status: unknown status 'zzz'; expected one of: made, received")
    assert "did you mean" not in result.err


def test_an_unknown_type_names_the_option_and_a_close_tag(seed_file: Path) -> None:
    done = newsevents_process("query", seed_file, "--type", "statment")
    assert (done.returncode, done.stdout) == (2, "")
    said, listed = done.stderr.rstrip("\n").split("; expected one of: ")
    assert said == "newsevents: error: --type: unknown event type 'statment' (did you mean 'statement'?)"
    # The tags registered in that process: the built-in ones (this process may have registered more).
    assert {"statement", "diplomatic_request", "detention"} <= set(listed.split(", "))


def test_until_before_since_names_both_options(seed_file: Path) -> None:
    done = newsevents_process("query", seed_file, "--since", "2022-08", "--until", "2022-07-31")
    assert (done.returncode, done.stdout) == (2, "")
    assert (
        done.stderr == "newsevents: error: --until 2022-07-31 is before --since 2022-08; no date is in both\n"
    )


def test_since_and_until_on_the_same_day_is_that_day(seed_file: Path) -> None:
    # The boundary: --until equal to --since is one day, not an empty span.
    result = run("query", seed_file, "--since", "2022-07-27", "--until", "2022-07-27")
    assert result.status == 0
    assert event_ids(result) == ["blinken-bring-home"]


def test_an_instant_until_equal_to_an_instant_since_is_that_instant(seed_file: Path) -> None:
    moment = "2022-07-28T12:00:00+00:00"
    assert run("query", seed_file, "--since", moment, "--until", moment).status == 0
    later = run("query", seed_file, "--since", moment, "--until", "2022-07-28T11:59:59+00:00")
    assert_usage_error(later, "--until 2022-07-28T11:59:59+00:00 is before --since")


def test_a_limit_of_0_is_refused_with_what_to_do_instead(seed_file: Path) -> None:
    done = newsevents_process("query", seed_file, "--limit", "0")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "newsevents: error: argument --limit: expected a whole number 1 or more, found '0'; "
        "leave --limit out to list every event\n"
    )


def test_a_blank_text_names_the_option(seed_file: Path) -> None:
    assert_usage_error(run("query", seed_file, "--text", "  "), "--text: ")


# ---------------------------------------------------------------- progress on a terminal


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_drawn_at_once_then_when_due_and_wiped() -> None:
    screen, clock = io.StringIO(), FakeClock()
    progress = Progress(screen, clock=clock, every=0.5, least=1000, width=80)
    progress.start("big.jsonl", 4_000_000)
    progress.advance(1_000_000)
    assert screen.getvalue() == "\rbig.jsonl: 1.0 MB of 4.0 MB (25%)"
    progress.advance(1_000_000)  # no time has passed: not redrawn
    clock.now += 0.25
    progress.advance(500_000)
    assert screen.getvalue() == "\rbig.jsonl: 1.0 MB of 4.0 MB (25%)"
    clock.now += 0.25  # due: every half second here, so at least once a second
    progress.advance(500_000)
    assert screen.getvalue().endswith("\rbig.jsonl: 3.0 MB of 4.0 MB (75%)")
    progress.clear()
    assert screen.getvalue().endswith("\r" + " " * len("big.jsonl: 3.0 MB of 4.0 MB (75%)") + "\r")
    progress.clear()  # nothing shown: nothing written
    assert screen.getvalue().count("\r") == 4


def test_progress_skips_small_files_and_counts_pipes_once_they_are_big() -> None:
    screen, clock = io.StringIO(), FakeClock()
    progress = Progress(screen, clock=clock, least=1000, width=80)
    progress.start("small.jsonl", 999)
    progress.advance(999)
    progress.clear()
    assert screen.getvalue() == ""
    progress.start("<stdin>", None)
    progress.advance(999)
    assert screen.getvalue() == ""
    progress.advance(2_000_000)
    assert screen.getvalue() == "\r<stdin>: 2.0 MB read"


def test_progress_pads_a_shorter_line_and_fits_the_terminal() -> None:
    screen = io.StringIO()
    progress = Progress(screen, clock=FakeClock(), least=1, width=80)
    progress.start("long-name.jsonl", 10)
    progress.advance(1)
    progress.start("b", 10)
    progress.advance(1)
    assert (
        screen.getvalue() == "\rlong-name.jsonl: 0.0 MB of 0.0 MB (10%)\rb: 0.0 MB of 0.0 MB (10%)" + " " * 14
    )
    narrow = io.StringIO()
    progress = Progress(narrow, clock=FakeClock(), least=1, width=40)
    progress.start("/a/rather/long/path/to/the-file.jsonl", 10)
    progress.advance(1)
    # 39 characters: a line that wraps cannot be redrawn; the name gives way to what is read.
    assert narrow.getvalue() == "\r...e-file.jsonl: 0.0 MB of 0.0 MB (10%)"


def write_big_file(path: Path) -> Path:
    """JSON Lines of 4.7 MB, over the 4 MiB from which a terminal shows progress; line 200 is bad."""
    seed = seed_article()
    dump_jsonl((attrs.evolve(seed, id=f"a{i}") for i in range(400)), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert path.stat().st_size >= 4 * 1024 * 1024
    bad = json.loads(lines[199])
    bad["title"] = blank_title(2)["title"]
    lines[199] = json.dumps(bad, ensure_ascii=False)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_big_file(tmp_path_factory.mktemp("big") / "big.jsonl")


def on_a_terminal(*argv: str | Path) -> tuple[int, str, str]:
    """Run the command with standard error on a pseudo-terminal: (status, stdout, what the terminal got)."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 250, 0, 0))  # 250 columns
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsevents", *map(str, argv)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=terminal,
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 1 << 16)
        except OSError:  # EIO: the program has closed its end
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    out, _ = proc.communicate(timeout=120)
    return proc.returncode, out.decode("utf-8"), shown.decode("utf-8")


def test_progress_on_a_terminal_by_bytes_read_wiped_at_the_end(big_file: Path) -> None:
    status, out, shown = on_a_terminal("validate", "--continue", big_file)
    assert status == 1
    assert out.splitlines()[-1] == "400 documents in 1 file: 399 valid, 1 invalid (1 error)"
    size = f"{big_file.stat().st_size / 1_000_000:,.1f} MB"
    drawn = [part.rstrip() for part in shown.split("\r") if part.strip()]
    assert drawn, shown
    assert drawn[0] == f"{big_file}: 0.0 MB of {size} (0%)"  # drawn at the first line read
    assert all(part.startswith(f"{big_file}: ") and f" MB of {size} (" in part for part in drawn)
    # Wiped at the end, leaving the cursor at the start of a blank line: no stray newline.
    assert "\n" not in shown
    assert shown.endswith("\r" + " " * len(drawn[-1]) + "\r")


def test_progress_is_wiped_before_a_report_on_the_same_terminal(big_file: Path) -> None:
    status, out, shown = on_a_terminal("query", "--continue", big_file, "--text", "no such words anywhere")
    assert (status, out) == (1, "0 events\n")
    report, summary = blank_title_line(big_file, 200), f"{big_file}: 1 of 400 lines skipped"
    # The progress line was up when line 200 came: wiped first, so the report starts a clean line.
    # (The terminal turns each "\n" into "\r\n".)
    wiped_then_report = re.compile(r"\r {20,}\r" + re.escape(report + "\r\n"))
    assert wiped_then_report.search(shown), shown
    assert shown.endswith(summary + "\r\n")


def test_no_progress_when_standard_error_is_not_a_terminal(big_file: Path) -> None:
    done = newsevents_process("validate", "--continue", big_file)
    assert done.returncode == 1
    assert done.stderr == ""
    assert "\r" not in done.stdout
