"""The query predicates as SQL, for DuckDB and Spark over a Parquet dataset.

:func:`to_sql` turns a predicate of :mod:`newsevents.query` into a boolean SQL
expression over the ``events`` table (as ``e``) of a dataset written by
:func:`newsevents.arrow.write_parquet`, with the ``event_actors`` and ``actors``
tables in scope by those names. It selects the same events as the predicate does
in Python:

- every part is ``TRUE`` or ``FALSE``, never ``NULL``, so that ``~`` of a question
  about a missing value (the time of an undated event) is true, as in Python;
- times are compared as integers of microseconds since the epoch (UTC), never
  through the session's time zone; a calendar date, month or year is a wall time,
  read in each event's own offset (see :func:`newsevents.query.during`): it is
  compared with ``when_start``/``when_end`` moved by the event's ``when_offset``,
  after a test on the bare columns widened by a day (no offset reaches one), which
  lets an engine skip row groups by their statistics;
- names are matched against the ``terms`` each actor row carries, with the query
  text normalised here, in Python, as :mod:`newsevents.query` normalises it (SQL's
  ``lower()`` is not ``str.casefold()``); ``mentioning`` looks in ``texts``, the
  event's texts already case-folded.

>>> from newsevents.query import during, of_type
>>> to_sql(of_type("detention"))
"coalesce(e.type IN ('detention'), FALSE)"
>>> to_sql(during("2019-03-01T00:00Z", "2019-04-01T00:00Z"), "spark")
'coalesce(unix_micros(e.when_start) < 1554076800000000 AND
unix_micros(e.when_end) > 1551398400000000, FALSE)'

:data:`ORDER_BY` is the order of :meth:`newsevents.Corpus.find`: by time, undated
last, then in corpus and article order.
"""

from __future__ import annotations

from typing import Final, Literal, assert_never

from newsevents._plan import (
    ActorIs,
    And,
    CertaintyIn,
    During,
    Mentioning,
    NationalityIs,
    Not,
    Opaque,
    Or,
    StatusIn,
    TypeIs,
    micros_or_wall,
)
from newsevents.entities import actor_key
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
    # Every leaf is TRUE or FALSE: NOT of a NULL would drop rows that Python keeps. An actor's
    # leaf (e.seq IN (subquery) over columns without nulls) is never NULL, and Spark allows such
    # a subquery only at the top of a condition, not inside a function call such as coalesce.
    fn = _FUNCTIONS[dialect]
    match predicate.plan:
        case And(parts):
            return "(" + " AND ".join(_compile(p, dialect) for p in parts) + ")"
        case Or(parts):
            return "(" + " OR ".join(_compile(p, dialect) for p in parts) + ")"
        case Not(part):
            return f"(NOT {_compile(part, dialect)})"
        case TypeIs(classes):
            tags = [tag for tag, cls in event_types().items() if issubclass(cls, classes)]
            return f"coalesce({_in('e.type', tags, dialect)}, FALSE)"
        case ActorIs(role, actor):
            if isinstance(actor, str):
                forms = ", ".join(literal(f, dialect) for f in sorted(query_forms(actor)))
                condition = fn["overlap"].format("a.terms", forms)
            else:
                ident_kind, ident = actor_key(actor)
                condition = f"a.kind = {literal(ident_kind, dialect)} AND a.id = {literal(ident, dialect)}"
            return _actors(condition, role, dialect)
        case During() as span:
            return f"coalesce({_during(span, dialect)}, FALSE)"
        case Mentioning(needle):
            return f"coalesce({fn['any_text'].format('e.texts', literal(needle, dialect))}, FALSE)"
        case StatusIn(members):
            return f"coalesce({_in('e.status', [m.value for m in members], dialect)}, FALSE)"
        case CertaintyIn(members):
            return f"coalesce({_in('e.certainty', [m.value for m in members], dialect)}, FALSE)"
        case NationalityIs(code):
            contains = fn["contains"].format("a.nationality", literal(code, dialect))
            return _actors(f"a.kind = 'person' AND {contains}", None, dialect)
        case Opaque():
            raise ValidationError.single(
                "to_sql.predicate", f"{predicate!r} is made from a function and has no SQL form"
            )
        case unknown:
            assert_never(unknown)


# No UTC offset reaches a day (Python's timezone refuses one): a wall-time bound lies within
# this of the instant it stands for in any offset. The widened test on the bare columns lets
# an engine skip row groups by their statistics; the exact test follows it.
_DAY_US: Final = 86_400_000_000


def _during(span: During, dialect: Dialect) -> str:
    fn = _FUNCTIONS[dialect]
    start, end = fn["epoch"].format("e.when_start"), fn["epoch"].format("e.when_end")
    low, high = micros_or_wall(span.low), micros_or_wall(span.high)
    if span.instant:  # an instant: the periods that contain it
        return f"{start} <= {low} AND {end} > {low}"
    if span.low.tzinfo is not None and span.high.tzinfo is not None:
        return f"{start} < {high} AND {end} > {low}"
    # A wall-time bound (a calendar date) is compared with the event's wall times: its
    # instants plus its own offset (seconds, widened before multiplying: 14 h overflows int32).
    offset = "CAST(e.when_offset AS BIGINT) * 1000000"
    exact_low = f"{end} + {offset} > {low}" if span.low.tzinfo is None else f"{end} > {low}"
    exact_high = f"{start} + {offset} < {high}" if span.high.tzinfo is None else f"{start} < {high}"
    wide_low = low - _DAY_US if span.low.tzinfo is None else low
    wide_high = high + _DAY_US if span.high.tzinfo is None else high
    return f"{start} < {wide_high} AND {end} > {wide_low} AND {exact_low} AND {exact_high}"


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
