"""The query predicates as SQL, for DuckDB and Spark over a Parquet dataset.

:func:`to_sql` turns a predicate of :mod:`newsevents.query` into a boolean SQL
expression over the ``events`` table (as ``e``) of a dataset written by
:func:`newsevents.arrow.write_parquet`, with the ``event_actors`` and ``actors``
tables in scope by those names. It selects the same events as the predicate does
in Python:

- every part is ``TRUE`` or ``FALSE``, never ``NULL``, so that ``~`` of a question
  about a missing value (the time of an undated event) is true, as in Python;
- times are compared as integers of microseconds since the epoch (UTC), never
  through the session's time zone;
- names are matched against the ``terms`` each actor row carries, with the query
  text normalised here, in Python, as :mod:`newsevents.query` normalises it (SQL's
  ``lower()`` is not ``str.casefold()``); ``mentioning`` looks in ``texts``, the
  event's texts already case-folded.

>>> from newsevents.query import during, of_type
>>> to_sql(of_type("detention"))
"coalesce(e.type IN ('detention'), FALSE)"
>>> to_sql(during("2019-03"), "spark")
'coalesce(unix_micros(e.when_start) < 1554076800000000 AND
unix_micros(e.when_end) > 1551398400000000, FALSE)'

:data:`ORDER_BY` is the order of :meth:`newsevents.Corpus.find`: by time, undated
last, then in corpus and article order.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Final, Literal

from newsevents._columnar import micros
from newsevents.entities import Country, Organization, Person, actor_key
from newsevents.errors import ValidationError
from newsevents.events import event_types
from newsevents.query import Predicate, query_forms

__all__ = ["ORDER_BY", "Dialect", "to_sql"]

Dialect = Literal["duckdb", "spark"]
"""The SQL dialects :func:`to_sql` writes."""

ORDER_BY: Final = "e.when_start ASC NULLS LAST, e.seq ASC"
"""The order of :meth:`~newsevents.Corpus.find` (``NULLS LAST`` explicit: Spark sorts nulls first)."""

_FUNCTIONS: Final = {
    "duckdb": {
        "epoch": "epoch_us({})",
        "overlap": "list_has_any({}, [{}])",
        "contains": "list_contains({}, {})",
        "any_text": "len(list_filter({}, lambda t: contains(t, {}))) > 0",
    },
    "spark": {
        "epoch": "unix_micros({})",
        "overlap": "arrays_overlap({}, array({}))",
        "contains": "array_contains({}, {})",
        "any_text": "exists({}, t -> instr(t, {}) > 0)",
    },
}


def literal(text: str, dialect: Dialect = "duckdb") -> str:
    """A SQL string literal: quotes doubled; for Spark, whose parser reads backslash escapes, escaped."""
    if dialect == "spark":
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return "'" + text.replace("'", "''") + "'"


def to_sql(predicate: Predicate, dialect: Dialect = "duckdb") -> str:
    """A boolean SQL expression over ``events AS e`` that selects what ``predicate`` selects.

    Args:
        predicate: Built with :mod:`newsevents.query` (a predicate made from a bare
            function has nothing to translate: a :class:`~newsevents.ValidationError`).
        dialect: ``"duckdb"`` or ``"spark"``.
    """
    if dialect not in _FUNCTIONS:
        raise ValidationError.single("to_sql.dialect", f"expected 'duckdb' or 'spark', found {dialect!r}")
    if not isinstance(predicate, Predicate):
        raise ValidationError.single(
            "to_sql.predicate",
            f"expected a predicate from newsevents.query, found {type(predicate).__name__}",
        )
    return _compile(predicate, dialect)


def _compile(predicate: Predicate, dialect: Dialect) -> str:
    plan = predicate.plan
    if plan is None:
        raise ValidationError.single(
            "to_sql.predicate", f"{predicate!r} is made from a function and has no SQL form"
        )
    kind = plan[0]
    if kind in ("and", "or"):
        return "(" + f" {kind.upper()} ".join(_compile(p, dialect) for p in plan[1]) + ")"
    if kind == "not":
        return f"(NOT {_compile(plan[1], dialect)})"
    # Every leaf is TRUE or FALSE: NOT of a NULL would drop rows that Python keeps. An actor's
    # leaf (e.seq IN (subquery) over columns without nulls) is never NULL, and Spark allows such
    # a subquery only at the top of a condition, not inside a function call such as coalesce.
    leaf = _leaf(kind, plan, dialect)
    return leaf if kind in ("actor", "nationality") else f"coalesce({leaf}, FALSE)"


def _in(column: str, values: list[str], dialect: Dialect) -> str:
    if not values:
        return "FALSE"
    return f"{column} IN ({', '.join(literal(v, dialect) for v in sorted(values))})"


def _actors(condition: str, role: str | None, dialect: Dialect) -> str:
    role_test = "" if role is None else f" AND ea.role = {literal(role, dialect)}"
    return (
        "e.seq IN (SELECT ea.event FROM event_actors ea JOIN actors a ON a.key = ea.actor"
        f" WHERE {condition}{role_test})"
    )


def _leaf(kind: str, plan: tuple[object, ...], dialect: Dialect) -> str:
    fn = _FUNCTIONS[dialect]
    if kind == "type":
        wanted = plan[1]
        assert isinstance(wanted, tuple)
        tags = [tag for tag, cls in event_types().items() if issubclass(cls, wanted)]
        return _in("e.type", tags, dialect)
    if kind == "actor":
        role, query = plan[1], plan[2]
        if isinstance(query, str):
            forms = ", ".join(literal(f, dialect) for f in sorted(query_forms(query)))
            condition = fn["overlap"].format("a.terms", forms)
        else:
            assert isinstance(query, (Person, Organization, Country))
            ident_kind, ident = actor_key(query)
            condition = f"a.kind = {literal(ident_kind, dialect)} AND a.id = {literal(ident, dialect)}"
        assert role is None or isinstance(role, str)
        return _actors(condition, role, dialect)
    if kind == "time":
        low, high = plan[1], plan[2]
        assert isinstance(low, datetime)
        assert isinstance(high, datetime)
        start, end = fn["epoch"].format("e.when_start"), fn["epoch"].format("e.when_end")
        lo, hi = micros(low), micros(high)
        if lo == hi:  # an instant: the periods that contain it
            return f"{start} <= {lo} AND {end} > {lo}"
        return f"{start} < {hi} AND {end} > {lo}"
    if kind == "text":
        assert isinstance(plan[1], str)
        return fn["any_text"].format("e.texts", literal(plan[1], dialect))
    if kind in ("status", "certainty"):
        members = plan[1]
        assert isinstance(members, frozenset)
        values = [m.value for m in members if isinstance(m, enum.Enum)]
        return _in(f"e.{kind}", values, dialect)
    if kind == "nationality":
        assert isinstance(plan[1], str)
        condition = (
            f"a.kind = 'person' AND {fn['contains'].format('a.nationality', literal(plan[1], dialect))}"
        )
        return _actors(condition, None, dialect)
    raise ValidationError.single("to_sql.predicate", f"no SQL form for a {kind!r} question")
