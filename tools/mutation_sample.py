"""A fixed sample of the mutants, for a mutation run that fits in well under an hour on two cores.

All the mutants of the configured modules take hours to judge on two cores (see
docs/explanation/reliability.md), so the routine run judges a fixed eighth of them::

    mutmut run --max-children 2 $(python tools/mutation_sample.py)

A mutant is in the sample when the SHA-256 of its name falls in the first ``--fraction`` of the hash range:
the same mutants every time (a mutant keeps its name while its function keeps its mutants), spread over
every module and every kind of mutation, and no choice of ours in it. Names are read from the mutated copy
that ``mutmut run`` writes (``mutants/``); run ``mutmut run`` once, or any mutmut command that generates
the mutants, first.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--fraction", type=float, default=0.125, help="the share of mutants to judge (0 to 1)"
    )
    args = parser.parse_args(argv)
    names = mutant_names()
    if not names:
        print("no mutants here: run `mutmut run` once to generate them", file=sys.stderr)
        return 1
    print("\n".join(n for n in names if sampled(n, args.fraction)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
