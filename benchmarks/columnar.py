"""Parquet and DuckDB against the in-memory Corpus, on the generated corpus of benchmarks/query.py.

One run measures, at N events (default 1,000,000):

- conversion: ``write_parquet`` from objects, in events per second of wall time and of the process's
  CPU time (one process: on a shared machine the CPU time is the per-core figure);
- size: the Parquet dataset (zstd) against the same articles as JSON Lines;
- time to the first answer from a fresh process: ``python -c`` that imports newsevents,
  connects DuckDB to the dataset and answers one question (wall time, and the child's CPU
  time), against the Corpus's load (``read_jsonl``) plus index build;
- latency of the four seed questions with DuckDB on the Parquet files (``find_ids``),
  beside ``Corpus.find`` (indexed) and ``Corpus.scan``; every answer is checked to be the
  Corpus's, in the same order.

``--memory MB`` instead measures the peak resident memory of ``write_parquet`` from a JSON
Lines file of about that size, in a fresh process (``VmHWM``), at that size and at a tenth
of it: bounded memory means the two peaks are close.

Timings are medians (the spread beside them); the machine is shared, so read the ratios.

    python benchmarks/columnar.py                     # the full run (several minutes)
    python benchmarks/columnar.py --events 20000 --repeat 3
    python benchmarks/columnar.py --memory 1000       # the 1 GB memory run
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from query import _median, generate

import newsevents
from newsevents import Corpus, Detention, Statement, dump_jsonl, read_jsonl
from newsevents.arrow import write_parquet
from newsevents.query import Predicate, by, during, nationality, of_type

FIRST_ANSWER = textwrap.dedent(
    """
    import sys, time
    started = time.perf_counter()
    from newsevents import duckdb as nd
    from newsevents.query import of_type, during
    from newsevents import Detention
    hits = nd.find_ids(nd.connect(sys.argv[1]), of_type(Detention) & during("2019-03"))
    print(len(hits), time.perf_counter() - started)
    """
)

PEAK = textwrap.dedent(
    """
    import sys
    from newsevents.arrow import write_parquet
    count = write_parquet(sys.argv[1], sys.argv[2])
    with open("/proc/self/status") as status:
        peak = next(int(row.split()[1]) for row in status if row.startswith("VmHWM"))
    print(count, peak)
    """
)


def _size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def questions(person: str) -> dict[str, Predicate]:
    """The four seed questions: three of benchmarks/query.py, and who of one nationality is held by whom."""
    return {
        "actor": by(person),
        "type + time window": of_type(Detention) & during("2019-03"),
        "type + actor + time": of_type(Statement) & by(person) & during("2016", "2022"),
        "held by RU, US citizens": of_type(Detention) & by("RU") & nationality("US"),
    }


def run(events: int, repeat: int, seed: int) -> dict[str, Any]:
    """The main run: conversion, size, first answer, latencies."""
    from newsevents import duckdb as nd  # noqa: PLC0415 -- the extra

    articles = generate(events, seed)
    count = sum(len(a.events) for a in articles)
    with tempfile.TemporaryDirectory() as folder:
        jsonl, root = Path(folder) / "corpus.jsonl", Path(folder) / "dataset"
        dump_jsonl(articles, jsonl)
        started, cpu = time.perf_counter(), time.process_time()
        write_parquet(articles, root)
        convert_s, convert_cpu_s = time.perf_counter() - started, time.process_time() - cpu
        del articles
        sizes = {"jsonl_mb": jsonl.stat().st_size / 1e6, "parquet_mb": _size(root) / 1e6}
        fresh = []
        for _ in range(repeat):
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(  # noqa: S603 -- this interpreter, our own script
                [sys.executable, "-c", FIRST_ANSWER, str(root)], capture_output=True, text=True, check=True
            )
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_s = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
            fresh.append((elapsed, float(done.stdout.split()[1]), cpu_s))
        first_s = sorted(f[0] for f in fresh)[len(fresh) // 2]
        cpu = time.process_time()
        load_s, _, _, loaded = _median(lambda: list(read_jsonl(jsonl)), 1)
        build_s, _, _, corpus = _median(lambda: Corpus(loaded), 1)
        corpus_cpu_s = time.process_time() - cpu
        con = nd.connect(root)
        person = next(e for a in corpus for e in a.events if isinstance(e, Statement)).speaker.name
        rows = []
        for label, predicate in questions(person).items():
            duck_s, duck_min, duck_max, ids = _median(partial(nd.find_ids, con, predicate), repeat)
            find_s, _, _, hits = _median(partial(corpus.find, predicate), repeat)
            scan_s, _, _, _ = _median(partial(corpus.scan, predicate), max(1, repeat // 2))
            assert ids == [(h.article.id, h.event.id) for h in hits], f"{label}: DuckDB and the Corpus differ"
            rows.append(
                {
                    "question": label,
                    "predicate": repr(predicate),
                    "hits": len(ids),
                    "duckdb_ms": duck_s * 1e3,
                    "duckdb_spread_ms": [duck_min * 1e3, duck_max * 1e3],
                    "find_ms": find_s * 1e3,
                    "scan_ms": scan_s * 1e3,
                }
            )
    return {
        "events": count,
        "convert_s": convert_s,
        "convert_events_per_s": count / convert_s,
        "convert_cpu_s": convert_cpu_s,
        "convert_events_per_cpu_s": count / convert_cpu_s,
        **sizes,
        "size_ratio": sizes["parquet_mb"] / sizes["jsonl_mb"],
        "first_answer_s": first_s,
        "first_answer_in_process_s": sorted(f[1] for f in fresh)[len(fresh) // 2],
        "first_answer_cpu_s": sorted(f[2] for f in fresh)[len(fresh) // 2],
        "corpus_load_s": load_s,
        "corpus_index_s": build_s,
        "corpus_cpu_s": corpus_cpu_s,
        "questions": rows,
    }


def _write_jsonl(path: Path, megabytes: int, seed: int) -> int:
    """About ``megabytes`` of JSON Lines, written in chunks so that the writer's memory stays small."""
    written, chunk = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < megabytes * 1e6:
            batch = generate(20_000, seed + chunk)
            dump_jsonl(batch, out)
            written += sum(len(a.events) for a in batch)
            chunk += 1
    return written


def memory(megabytes: int, seed: int) -> dict[str, Any]:
    """The peak memory of write_parquet from JSON Lines of about ``megabytes`` and of a tenth of that."""
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (max(1, megabytes // 10), megabytes):
            jsonl = Path(folder) / f"in-{size}.jsonl"
            events = _write_jsonl(jsonl, size, seed)
            started = time.perf_counter()
            done = subprocess.run(  # noqa: S603 -- this interpreter, our own script
                [sys.executable, "-c", PEAK, str(jsonl), str(Path(folder) / f"ds-{size}")],
                capture_output=True,
                text=True,
                check=True,
            )
            articles, peak_kib = (int(x) for x in done.stdout.split())
            found.append(
                {
                    "jsonl_mb": jsonl.stat().st_size / 1e6,
                    "events": events,
                    "articles": articles,
                    "seconds": time.perf_counter() - started,
                    "peak_rss_mib": peak_kib / 1024,
                }
            )
            jsonl.unlink()
    return {"runs": found}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument(
        "--memory", type=int, metavar="MB", help="measure write_parquet's peak memory instead"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    report: dict[str, Any] = {"machine": machine, "newsevents": newsevents.__version__}
    if args.memory:
        report |= memory(args.memory, args.seed)
        for r in report["runs"]:
            print(
                f"{r['jsonl_mb']:8.0f} MB JSON Lines, {r['events']:,} events:"
                f" peak {r['peak_rss_mib']:.0f} MiB ({r['seconds']:.0f} s)"
            )
    else:
        report |= run(args.events, args.repeat, args.seed)
        r = report
        print(f"{r['events']:,} events")
        print(
            f"convert (objects -> Parquet) {r['convert_s']:8.1f} s"
            f"  {r['convert_events_per_s']:10,.0f} events/s"
            f"  ({r['convert_events_per_cpu_s']:,.0f} per CPU second)"
        )
        print(
            f"size: Parquet {r['parquet_mb']:.1f} MB, JSON Lines {r['jsonl_mb']:.0f} MB"
            f" ({r['size_ratio']:.3f} x)"
        )
        print(
            f"first answer, fresh process {r['first_answer_s']:6.2f} s ({r['first_answer_cpu_s']:.2f} s CPU);"
            f" Corpus load + index {r['corpus_load_s'] + r['corpus_index_s']:.1f} s"
            f" ({r['corpus_cpu_s']:.1f} s CPU)"
        )
        print(f"\n{'question':<26} {'hits':>6} {'DuckDB ms':>10} {'find ms':>9} {'scan ms':>9}")
        for q in r["questions"]:
            print(
                f"{q['question']:<26} {q['hits']:>6} {q['duckdb_ms']:>10.1f}"
                f" {q['find_ms']:>9.2f} {q['scan_ms']:>9.0f}"
            )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
