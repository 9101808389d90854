"""The benchmarks run (a smoke run with a small N: no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Each test runs a benchmark script in a fresh interpreter (seconds each): the quick run leaves them out.
pytestmark = pytest.mark.slow


def test_query_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out = tmp_path / "query.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "query.py"),
            "--events",
            "2000",
            "--repeat",
            "1",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["events"] == 2000
    assert report["articles"] == 200
    assert [q["query"] for q in report["queries"]] == ["actor", "type + time window", "type + actor + time"]
    assert all(q["hits"] >= 0 and q["find_ms"] > 0 and q["scan_ms"] > 0 for q in report["queries"])
    assert "scan/find" in done.stdout


def test_serialize_benchmark_runs_and_reports(tmp_path: Path) -> None:
    pytest.importorskip("pydantic")
    pytest.importorskip("msgspec")
    out = tmp_path / "serialize.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "serialize.py"),
            "--articles",
            "30",
            "--rounds",
            "1",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["articles"] == 30
    assert 30 * 5 <= report["events"] <= 30 * 15
    libraries = ["newsevents", "newsevents (stdlib json)", "pydantic", "msgspec", "raw orjson"]
    loaders = ["newsevents (unshared)", "floor: orjson + unchecked build"]
    unique = ["newsevents", "newsevents (unshared)", "pydantic", "msgspec"]
    measured = {(row["operation"], row["library"]) for row in report["timings"]}
    assert measured == (
        {(op, lib) for op in ("load", "dump") for lib in libraries}
        | {("load", lib) for lib in loaders}
        | {("load (unique entities)", lib) for lib in unique}
        | {("round trip", lib) for lib in libraries if lib != "newsevents (stdlib json)"}
    )
    assert all(row["median_s"] > 0 and row["vs_msgspec"] > 0 for row in report["timings"])
    memory = ["newsevents", "newsevents (unshared)", "pydantic", "msgspec", "raw orjson"]
    assert [row["library"] for row in report["memory"]] == memory
    targets = {row["target"] for row in report["targets"]}
    assert "newsevents load (unique entities) <= 1.4 x pydantic" in targets
    assert "newsevents load / the floor (reported)" in targets
    assert all(row["current_bytes_per_article"] > 0 for row in report["memory"])
    # Every library reads newsevents' lines and writes them back (peers: up to the UTC spelling).
    assert report["agreement"]["newsevents (stdlib json)"]["differing_lines"] == 0
    assert report["agreement"]["raw orjson"]["differing_lines"] == 0
    assert {row["case"] for row in report["rules"]} >= {"duplicate event id", "naive datetime"}
    assert "x msgspec" in done.stdout


def _run(script: str, *args: str) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """Run a benchmark with ``--json`` into a temporary file; its output and the figures it wrote."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "figures.json"
        command = [sys.executable, str(ROOT / "benchmarks" / script), *args, "--json", str(out)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        return done, json.loads(out.read_text(encoding="utf-8"))


def test_report_benchmark_runs_and_reports() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import _browser  # noqa: PLC0415 -- the driver is found beside the benchmark

    if _browser.chromium_path() is None:
        pytest.skip("no chromium: install Debian's chromium package (apt-get install chromium); .ci/run does")
    _, report = _run("report.py", "--events", "100", "--repeat", "1")
    assert (report["events"], report["articles"], report["repeat"]) == (100, 20, 1)
    assert 0 < report["seed_page_bytes"] <= 100_000
    assert report["load_ms_median"] > 0
    assert report["drawn_ms_median"] >= report["load_ms_median"]


def test_columnar_benchmark_runs_and_agrees_with_the_corpus(tmp_path: Path) -> None:
    pytest.importorskip("duckdb", reason="the duckdb extra is not installed")
    out = tmp_path / "columnar.json"
    script = str(ROOT / "benchmarks" / "columnar.py")
    argv = [sys.executable, script, "--events", "2000", "--repeat", "1", "--json", str(out)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr  # the script asserts DuckDB's answers are the Corpus's
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["events"] == 2000
    assert [q["question"] for q in report["questions"]] == [
        "actor",
        "type + time window",
        "type + actor + time",
        "held by RU, US citizens",
    ]
    assert 0 < report["size_ratio"] < 1
    assert "DuckDB ms" in done.stdout


@pytest.mark.huge
def test_write_parquet_from_1_gb_of_json_lines_stays_within_a_bounded_peak(tmp_path: Path) -> None:
    out = tmp_path / "memory.json"
    script = str(ROOT / "benchmarks" / "columnar.py")
    argv = [sys.executable, script, "--memory", "1000", "--json", str(out)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=3600, check=False)
    assert done.returncode == 0, done.stderr
    small, large = json.loads(out.read_text(encoding="utf-8"))["runs"]
    assert large["jsonl_mb"] >= 1000
    # Ten times the input, about the same peak: what grows is one key per distinct actor.
    assert large["peak_rss_mib"] < small["peak_rss_mib"] * 1.5
    assert large["peak_rss_mib"] < 1024
