"""The command line over Parquet: ``convert``, and ``query`` of a dataset directory like a JSON Lines file."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest

from _seed import seed_article
from newsevents import Article, dump_jsonl, to_json
from newsevents.cli import main
from test_cli import run

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
    good = to_json(seed_article())
    (tmp_path / "in.jsonl").write_text(f'{good}\n{{"type": "article"}}\n', encoding="utf-8")
    result = run("convert", tmp_path / "in.jsonl", tmp_path / "ds")
    assert result.status == 1
    assert result.err.startswith(f"{tmp_path / 'in.jsonl'}:2: $")
    assert not (tmp_path / "ds").exists()
    kept = run("convert", tmp_path / "in.jsonl", tmp_path / "ds", "--continue")
    assert kept.status == 1
    assert kept.out.endswith("1 articles written to " + str(tmp_path / "ds") + "; 1 bad lines skipped\n")
    assert len(read_parquet(tmp_path / "ds")) == 1


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


class Terminal(io.StringIO):
    """Standard error as a terminal: where convert shows its progress."""

    def isatty(self) -> bool:
        return True


def test_convert_shows_progress_on_a_terminal_only(articles: list[Article], tmp_path: Path) -> None:
    dump_jsonl(articles, tmp_path / "in.jsonl")
    out, err = io.StringIO(), Terminal()
    assert main(["convert", str(tmp_path / "in.jsonl"), str(tmp_path / "ds")], out=out, err=err) == 0
    assert err.getvalue().startswith("\r3 articles, 45 events (")
    assert err.getvalue().endswith(" events/s)\n")
    assert out.getvalue() == f"3 articles written to {tmp_path / 'ds'}\n"
