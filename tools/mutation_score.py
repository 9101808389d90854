"""The mutation score of the last ``mutmut run``, per module, as a Markdown table.

Run from the project root after ``mutmut run`` (see docs/explanation/reliability.md)::

    python tools/mutation_score.py

It reads ``mutmut results --all true`` and the triage table of docs/explanation/reliability.md, where every
mutant that no test kills is listed with its verdict. A mutant the triage shows to be *equivalent* (no
input tells it from the original) is left out of the score's denominator; every other mutant that no test
kills counts against it. Exit status 1 when the score is under ``--floor`` (90 by default) or when a
surviving mutant has no row in the triage.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRIAGE = ROOT / "docs" / "explanation" / "reliability.md"
_LINE = re.compile(r"^\s*(newsevents\.\S+): (.+?)\s*$")
_ROW = re.compile(r"^\|\s*`(newsevents\.[^`]+)`\s*\|\s*(\w+)")
_DETECTED = ("killed", "timeout")  # a mutant that makes the tests hang is caught too
_UNKILLED = ("survived", "no tests")


def results() -> dict[str, str]:
    """Each mutant's status from mutmut (``killed``, ``survived``, ``no tests``, ``timeout``, ...)."""
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    found = (_LINE.match(line) for line in done.stdout.splitlines())
    return {m.group(1): m.group(2) for m in found if m is not None}


def verdicts(page: Path = TRIAGE) -> dict[str, str]:
    """The triage rows: mutant name -> verdict (``killed``, ``equivalent``, ``unreachable``)."""
    rows = (_ROW.match(line) for line in page.read_text(encoding="utf-8").splitlines())
    return {m.group(1): m.group(2) for m in rows if m is not None}


def module_of(mutant: str) -> str:
    """``newsevents.dates.x__zone__mutmut_7`` -> ``newsevents.dates``."""
    return re.split(r"\.x(?:ǁ|_)", mutant, maxsplit=1)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", type=float, default=90.0, help="the lowest acceptable score, in percent")
    args = parser.parse_args(argv)
    status = results()
    triage = verdicts()
    if not status:
        print("no mutmut results here: run `mutmut run` first", file=sys.stderr)
        return 1
    unchecked = sum(s == "not checked" for s in status.values())
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for mutant, state in status.items():
        by_module[module_of(mutant)][state] += 1
        if state in _UNKILLED and triage.get(mutant) == "equivalent":
            by_module[module_of(mutant)]["equivalent"] += 1
    print("| module | mutants | killed | timeout | survived | no tests | equivalent | score |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    total: Counter[str] = Counter()
    for module in sorted(by_module):
        counts = by_module[module]
        total.update(counts)
        print(_row(f"`{module}`", counts))
    print(_row("**all**", total))
    score = _score(total)
    untriaged = sorted(m for m, s in status.items() if s in _UNKILLED and m not in triage)
    if unchecked:
        print(f"\n{unchecked} mutants not checked yet: the run is not finished", file=sys.stderr)
    if untriaged:
        first = untriaged[0]
        print(f"\n{len(untriaged)} unkilled mutants have no triage row, such as {first}", file=sys.stderr)
    return 0 if score >= args.floor and not untriaged and not unchecked else 1


def _mutants(counts: Counter[str]) -> int:
    """How many mutants (``equivalent`` is a second tally of some survivors, not more mutants)."""
    return sum(n for state, n in counts.items() if state != "equivalent")


def _score(counts: Counter[str]) -> float:
    """Detected mutants among those checked, equivalent ones left out."""
    detected = sum(counts[s] for s in _DETECTED)
    counted = _mutants(counts) - counts["not checked"] - counts["equivalent"]
    return 100.0 * detected / counted if counted else 0.0


def _row(label: str, counts: Counter[str]) -> str:
    cells = [_mutants(counts), *(counts[s] for s in (*_DETECTED, *_UNKILLED)), counts["equivalent"]]
    return f"| {label} | " + " | ".join(str(c) for c in cells) + f" | {_score(counts):.1f} % |"


if __name__ == "__main__":
    raise SystemExit(main())
