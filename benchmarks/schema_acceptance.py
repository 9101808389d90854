"""How many documents drawn from json_schema(cls) by hypothesis-jsonschema does from_dict accept?

Run: ``python benchmarks/schema_acceptance.py [N]`` (N drawn documents per class, 300 by default).
Prints, for Statement, DiplomaticRequest, Detention and Article, the share accepted by
:func:`newsevents.from_dict`, the commonest refusals, and how many drawn documents break an
RFC 3339 ``date-time`` (hypothesis-jsonschema draws strings for ``format: date-time``).
"""

from __future__ import annotations

import re
import sys
import types
from collections import Counter
from typing import Any

import hypothesis_jsonschema._from_schema as hjs_internals
from hypothesis import HealthCheck, given, settings
from hypothesis.internal.conjecture import utils as conjecture_utils
from hypothesis_jsonschema import from_schema

from newsevents import (
    Article,
    Detention,
    DiplomaticRequest,
    Statement,
    ValidationError,
    from_dict,
    json_schema,
)


class _LegacyMany:  # hypothesis-jsonschema 0.23.1 drives the old interface of Hypothesis's `many`
    def __init__(self, data: Any, **sizes: Any) -> None:
        self._many = conjecture_utils.many(data, **sizes)
        self._many.__enter__()
        self._items = iter(self._many)

    def more(self) -> bool:
        if next(self._items, StopIteration) is StopIteration:
            self._many.__exit__(None)
            return False
        return True

    def reject(self, why: str | None = None) -> None:
        self._many.reject(why)


if not hasattr(conjecture_utils.many, "more"):
    hjs_internals.cu = types.SimpleNamespace(many=_LegacyMany)  # type: ignore[assignment, attr-defined]

BUILT_IN = ("Statement", "DiplomaticRequest", "Detention")


def schema_of(cls: Any) -> dict[str, Any]:
    """The schema of ``cls``, with the Event union cut down to the built-in types."""
    schema = json_schema(cls)
    union = schema["$defs"].get("Event")
    if union is not None and "oneOf" in union:
        union["oneOf"] = [m for m in union["oneOf"] if m["$ref"].rsplit("/", 1)[1] in BUILT_IN]
    return schema


def measure(cls: Any, n: int) -> tuple[int, int, Counter[str]]:
    """(accepted, drawn, refusals by message shape) for ``n`` documents drawn from the schema of ``cls``."""
    seen: list[bool] = []
    why: Counter[str] = Counter()

    @settings(max_examples=n, suppress_health_check=list(HealthCheck), deadline=None, database=None)
    @given(from_schema(schema_of(cls)))
    def draw(document: Any) -> None:
        try:
            from_dict(cls, document)
        except ValidationError as err:
            seen.append(False)
            for e in err.errors:
                why[
                    re.sub(r"\[\d+\]", "[]", e.path) + ": " + re.sub(r"'[^']*'|\d+", "…", e.message)[:70]
                ] += 1
        else:
            seen.append(True)

    draw()
    return sum(seen), len(seen), why


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for cls in (Statement, DiplomaticRequest, Detention, Article):
        ok, total, why = measure(cls, n)
        print(f"{cls.__name__:18} {ok}/{total} accepted ({ok / total:.0%})")
        for reason, count in why.most_common(4):
            print(f"    {count:4}  {reason}")


if __name__ == "__main__":
    main()
