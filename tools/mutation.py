"""Mutation testing helpers: a fixed sample of the mutants, and the score of a run against the triage.

See docs/explanation/reliability.md. From the project root::

    mutmut run --max-children 2 $(python tools/mutation.py sample)   # a fixed eighth of the mutants
    python tools/mutation.py score                                   # the score of that eighth, per module

``sample`` prints the names of the mutants in the sample. All the mutants of the configured modules take
hours to judge on two cores, so the routine run judges a fixed eighth of them: a mutant is in the sample
when the SHA-256 of its name falls in the first ``--fraction`` of the hash range, the same mutants every
time (a mutant keeps its name while its function keeps its mutants), spread over every module and every
kind of mutation, and no choice of ours in it. Names are read from the mutated copy that ``mutmut run``
writes (``mutants/``); run any mutmut run once first.

``score`` reads ``mutmut results --all true`` and the triage table of docs/explanation/reliability.md, where
every mutant of the sample that no test kills is listed with its verdict, and prints a Markdown table per
module. A mutant the triage shows to be *equivalent* (no input tells it from the original) is left out of
the score's denominator; every other mutant that no test kills counts against it. Exit status 1 when the
score is under ``--floor`` (90 by default), when a mutant of the sample is not checked yet, or when one that
no test kills has no row in the triage.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRIAGE = ROOT / "docs" / "explanation" / "reliability.md"
_DEFINITION = re.compile(r"^\s*(?:async\s+)?def (x_\w+__mutmut_\d+|xǁ\w+ǁ\w+__mutmut_\d+)\(", re.MULTILINE)


def mutant_names(mutants: Path = ROOT / "mutants" / "src") -> list[str]:
    """Every mutant's name, as mutmut spells it (``newsevents.dates.x__zone__mutmut_7``)."""
    names: list[str] = []
    for path in sorted(mutants.rglob("*.py")):
        module = ".".join(path.relative_to(mutants).with_suffix("").parts)
        text = path.read_text(encoding="utf-8")
        names.extend(f"{module}.{name}" for name in _DEFINITION.findall(text))
    return names


def sampled(name: str, fraction: float) -> bool:
    """Whether ``name`` is in the sample: its hash, read as a number in [0, 1), is below ``fraction``."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < fraction


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


def _sample(args: argparse.Namespace) -> int:
    names = mutant_names()
    if not names:
        print("no mutants here: run `mutmut run` once to generate them", file=sys.stderr)
        return 1
    print("\n".join(n for n in names if sampled(n, args.fraction)))
    return 0


def _score_table(args: argparse.Namespace) -> int:
    status = {m: s for m, s in results().items() if sampled(m, args.fraction)}
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sample = commands.add_parser("sample", help="print the names of the mutants in the sample")
    score = commands.add_parser("score", help="the score of the sample, per module, against the triage")
    for command in (sample, score):
        command.add_argument("--fraction", type=float, default=0.125, help="the sample's share (0 to 1)")
    score.add_argument("--floor", type=float, default=90.0, help="the lowest acceptable score, in percent")
    args = parser.parse_args(argv)
    return _sample(args) if args.command == "sample" else _score_table(args)


if __name__ == "__main__":
    raise SystemExit(main())
