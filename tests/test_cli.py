"""The ``newsevents`` command: validate, check, show and query, run in-process and as a program."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import newsevents
from newsevents import (
    Article,
    Detention,
    DetentionStatus,
    Event,
    Organization,
    OrgKind,
    Person,
    QuoteMode,
    Role,
    Statement,
    TimeRef,
    ValidationError,
    dump_jsonl,
    from_dict,
    from_json,
    to_json,
)
from newsevents.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
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
    assert run("query", seed_file, "--limit", "0").lines == ["0 events"]


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
    assert_usage_error(run("query", seed_file, "--status", "pending"), "'pending'")


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
