"""The command line over Parquet: ``convert``, and ``query`` of a dataset directory like a JSON Lines file."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from _seed import seed_article
from newsevents import Article, dump_jsonl, to_json
from test_cli import newsevents_process, on_a_terminal, run, write_big_file

pytest.importorskip("pyarrow", reason="the arrow extra (pyarrow) is not installed")
pytest.importorskip("duckdb", reason="the duckdb extra is not installed")

from newsevents.arrow import read_parquet

QUERIES = [
    [],
    ["--type", "statement"],
    ["--by", "Zakharova", "--since", "2022-07", "--until", "2022-07"],
    ["--actor", "Lavrov", "--format", "jsonl"],
    ["--to", "US", "--limit", "1"],
    ["--text", "RELEASE", "--status", "made"],
    ["--since", "2022-07-28"],
]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    seed = seed_article()
    return [attrs.evolve(seed, id=f"a{i}") for i in range(3)]


@pytest.fixture
def converted(articles: list[Article], tmp_path: Path) -> tuple[Path, Path]:
    jsonl = tmp_path / "in.jsonl"
    dump_jsonl(articles, jsonl)
    result = run("convert", jsonl, tmp_path / "ds")
    assert (result.status, result.out, result.err) == (0, f"3 articles written to {tmp_path / 'ds'}\n", "")
    return jsonl, tmp_path / "ds"


def test_convert_writes_a_dataset_that_reads_back_exactly(
    converted: tuple[Path, Path], articles: list[Article]
) -> None:
    back = read_parquet(converted[1])
    assert [to_json(a) for a in back] == [to_json(a) for a in articles]


@pytest.mark.parametrize("options", QUERIES, ids=" ".join)
def test_query_of_a_dataset_prints_what_the_json_lines_query_prints(
    converted: tuple[Path, Path], options: list[str]
) -> None:
    jsonl, dataset = converted
    from_lines, from_parquet = run("query", jsonl, *options), run("query", dataset, *options)
    assert from_parquet.status == from_lines.status == 0
    assert from_parquet.out == from_lines.out
    assert from_parquet.out.strip()


def test_convert_reports_a_bad_line_and_writes_nothing(tmp_path: Path) -> None:
    seed = seed_article()
    good, again = to_json(seed), to_json(attrs.evolve(seed, id="again"))
    source = tmp_path / "in.jsonl"
    source.write_text(f'{good}\n{{"type": "article"}}\n{again}\n', encoding="utf-8")
    result = run("convert", source, tmp_path / "ds")
    assert result.status == 1
    assert result.err.startswith(f"{source}:2: $")
    assert not (tmp_path / "ds").exists()
    kept = newsevents_process("convert", source, tmp_path / "ds", "--continue")
    assert kept.returncode == 1
    assert kept.stdout == f"2 articles written to {tmp_path / 'ds'}\n"
    reported = kept.stderr.splitlines()
    assert reported[-1] == f"{source}: 1 of 3 lines skipped"
    assert reported[:-1]
    assert all(line.startswith(f"{source}:2: $") for line in reported[:-1])
    assert [a.id for a in read_parquet(tmp_path / "ds")] == [seed.id, "again"]


def test_convert_reads_standard_input(articles: list[Article], tmp_path: Path) -> None:
    dump_jsonl(articles, tmp_path / "in.jsonl")
    done = newsevents_process("convert", "-", tmp_path / "ds", stdin=(tmp_path / "in.jsonl").read_bytes())
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"3 articles written to {tmp_path / 'ds'}\n"
    assert [to_json(a) for a in read_parquet(tmp_path / "ds")] == [to_json(a) for a in articles]


def test_convert_into_a_directory_with_files_is_a_one_line_error(converted: tuple[Path, Path]) -> None:
    jsonl, dataset = converted
    result = run("convert", jsonl, dataset)
    assert (result.status, result.err) == (
        1,
        f"{dataset}: expected a new or empty directory for the dataset\n",
    )


def test_query_of_two_datasets_or_a_broken_one_is_a_one_line_error(
    converted: tuple[Path, Path], tmp_path: Path
) -> None:
    _, dataset = converted
    two = run("query", dataset, dataset)
    assert two.status == 2
    assert (
        two.err
        == "newsevents: error: query: give one Parquet dataset directory, or JSON / JSON Lines files\n"
    )
    (tmp_path / "empty").mkdir()
    broken = run("query", tmp_path / "empty")
    assert broken.status == 2
    assert broken.err.startswith(
        f"newsevents: error: cannot read {tmp_path / 'empty'} as a Parquet dataset: "
    )
    assert broken.err.count("\n") == 1
    assert "missing table 'articles'" in broken.err


def test_convert_shows_progress_by_bytes_on_a_terminal_only(tmp_path: Path) -> None:
    big_file = write_big_file(tmp_path / "big.jsonl")
    status, out, shown = on_a_terminal("convert", "--continue", big_file, tmp_path / "ds")
    assert (status, out) == (1, f"399 articles written to {tmp_path / 'ds'}\n")
    drawn = [part.rstrip() for part in shown.split("\r") if part.strip()]
    size = f"{big_file.stat().st_size / 1_000_000:,.1f} MB"
    progress = [part for part in drawn if part.startswith(f"{big_file}: ") and f" MB of {size} (" in part]
    assert progress[0] == f"{big_file}: 0.0 MB of {size} (0%)"
    assert shown.endswith(f"{big_file}: 1 of 400 lines skipped\r\n")
    quiet = newsevents_process("convert", "--continue", big_file, tmp_path / "ds2")
    assert quiet.returncode == 1
    assert "\r" not in quiet.stderr
    assert quiet.stderr.splitlines()[-1] == f"{big_file}: 1 of 400 lines skipped"
