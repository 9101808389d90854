"""The cross-field rules of the built-in classes that JSON Schema can state, as schema keywords.

Private: :mod:`newsevents.schema` adds them to the definition of each class. Each rule
states in JSON Schema what one class's ``_invariants`` (or a derived default) checks in
Python; the rules JSON Schema cannot state are listed in :func:`newsevents.json_schema`.
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from collections.abc import Callable
from typing import Any, Final

from newsevents.dates import Precision, TimeRef
from newsevents.entities import Country, Organization, Person, Place
from newsevents.events import Detention, DetentionStatus, QuoteMode, Statement, Term

# The wall-clock part of a start that is the first instant of its period; a fraction of
# zeros is still the first instant. (Matched anywhere: the date-time pattern anchors it.)
_ZONE = r"(?:\.0+)?(?:Z|[+-])"
_STARTS: Final = {
    Precision.YEAR: rf"-01-01T00:00:00{_ZONE}",
    Precision.MONTH: rf"-01T00:00:00{_ZONE}",
    Precision.DAY: rf"T00:00:00{_ZONE}",
    Precision.HOUR: rf"T[0-9]{{2}}:00:00{_ZONE}",
    Precision.MINUTE: rf"T[0-9]{{2}}:[0-9]{{2}}:00{_ZONE}",
    Precision.SECOND: rf"T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}{_ZONE}",
}


def _object(**keywords: Any) -> dict[str, Any]:
    return {"type": "object", **keywords}


def _statement(out: dict[str, Any]) -> None:
    indirect = QuoteMode.INDIRECT.value
    out.setdefault("allOf", []).append(
        {
            "if": _object(properties={"mode": {"const": indirect}}, required=["mode"]),
            "then": _object(properties={"quotes": {"type": "array", "maxItems": 0}}),
            "else": _object(properties={"quotes": {"type": "array", "minItems": 1}}, required=["quotes"]),
            "$comment": "quotes: direct (the default) and mixed quote at least once, indirect never",
        }
    )


def _detention(out: dict[str, Any]) -> None:
    out.setdefault("allOf", []).append(
        {
            "if": _object(properties={"status": {"const": DetentionStatus.SENTENCED.value}}),
            "then": _object(properties={"sentence": {"type": "object"}}, required=["sentence"]),
            "$comment": "a sentenced detainee has a sentence",
        }
    )


def _term(out: dict[str, Any]) -> None:
    counts = ("years", "months", "days")
    for name in counts:
        out["properties"][name]["minimum"] = 0
    some = [_object(properties={n: {"type": "integer", "minimum": 1}}, required=[n]) for n in counts]
    some.append(_object(properties={"life": {"const": True}}, required=["life"]))
    out.setdefault("allOf", []).append({"anyOf": some, "$comment": "a term is not empty"})


def _time_ref(out: dict[str, Any]) -> None:
    rules = []
    for precision, pattern in _STARTS.items():
        given = {"precision": {"const": precision.value}}
        # A precision left out is the default, DAY: its rule then applies too.
        need = [] if precision is Precision.DAY else ["precision"]
        rules.append(
            {
                "if": _object(properties=given, required=need) if need else _object(properties=given),
                "then": _object(properties={"start": {"type": "string", "pattern": pattern}}),
            }
        )
    out.setdefault("allOf", []).extend(rules)
    out["$comment"] = "start is the first instant of its period (a WEEK's Monday is not checked here)"


@functools.cache
def sluggable() -> str:
    """A character class of the characters that leave a letter or digit after ASCII folding."""
    points = []
    for point in range(sys.maxunicode + 1):
        if 0xD800 <= point <= 0xDFFF:
            continue
        char = chr(point)
        if char.isascii():
            keep = char.isalnum()
        elif not unicodedata.decomposition(char):
            continue
        else:
            keep = any(c.isascii() and c.isalnum() for c in unicodedata.normalize("NFKD", char))
        if keep:
            points.append(point)
    parts: list[str] = []
    start = prev = points[0]
    for point in [*points[1:], -1]:
        if point != prev + 1:
            # Literal characters: ECMA-262 and Python's re read them alike, astral ones included.
            parts.append(chr(start) + (f"-{chr(prev)}" if prev != start else ""))
            start = point
        prev = point
    return "[" + "".join(parts) + "]"


def _named(out: dict[str, Any]) -> None:
    derivable = _object(properties={"name": {"type": "string", "pattern": sluggable()}})
    out.setdefault("allOf", []).append(
        {
            "anyOf": [_object(properties={"id": {"type": "string"}}, required=["id"]), derivable],
            "$comment": "an id left out is the slug of the name, which needs a letter or digit",
        }
    )


def _country(out: dict[str, Any]) -> None:
    # A name must be the bundled name of its code. Stating that takes 249 alternatives of a code
    # and its name, on which schema tools stall (hypothesis-jsonschema drew nothing in minutes).
    # to_dict never writes the name, so the schema leaves it out: stricter than from_dict, which
    # also takes the bundled name, and never looser.
    described = out["properties"]["name"].get("description", "")
    out["properties"]["name"] = {
        "not": {},
        "description": f"{described} Never written: the name follows the code. from_dict also takes"
        " the bundled name of the code, a rule this schema does not state.".strip(),
    }


RULES: Final[dict[type, Callable[[dict[str, Any]], None]]] = {
    Statement: _statement,
    Detention: _detention,
    Term: _term,
    TimeRef: _time_ref,
    Person: _named,
    Organization: _named,
    Place: _named,
    Country: _country,
}
"""The classes whose definitions get rules, and the function that adds them to a definition."""


def add_rules(cls: type, out: dict[str, Any]) -> None:
    """Add to ``out``, the definition of ``cls``, the rules of the nearest class that has some.

    A subclass that overrides ``_invariants`` gets none: its rules are its own.
    """
    for klass in cls.__mro__:
        rule = RULES.get(klass)
        if rule is None:
            continue
        if getattr(cls, "_invariants", None) is getattr(klass, "_invariants", None):
            rule(out)
        return
