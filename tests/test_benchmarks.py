"""The benchmarks run (a smoke run with a small N: no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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
