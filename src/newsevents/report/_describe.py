"""What a page says of one event: its type and colour, when, who, what, in plain (unescaped) text.

Each type's wording is the ``describe`` rendering of its record in the registry (the built-in types'
are registered here); a type without one gets a generic line read from its fields, so a custom event
type always renders as one sensible line. The ``show`` command prints the same words.
"""

from __future__ import annotations

import enum
import zlib
from datetime import UTC, datetime
from typing import NamedTuple

import attrs

from newsevents._registry import rendering
from newsevents.entities import Actor, Country, Organization, Person
from newsevents.events import Detention, DiplomaticRequest, Event, Statement, Term, register_rendering, tag_of

__all__ = [
    "Described",
    "actor_label",
    "describe",
    "iso_utc",
    "type_colour",
    "type_tag",
    "verbs",
    "what_text",
    "when_text",
]

# Colours distinct from one another on white; the built-in types keep theirs on every page.
_COLOURS = {"statement": "#2563eb", "diplomatic_request": "#d97706", "detention": "#dc2626"}
_PALETTE = ("#0d9488", "#7c3aed", "#65a30d", "#db2777", "#475569", "#0891b2", "#b45309", "#4f46e5")
# The fields every event has: a custom type's own fields are the others.
_SHARED = frozenset(f.name for f in attrs.fields(Event))
_ACTORS = (Person, Organization, Country)
# What the acting and receiving sides did, per built-in type; a custom type "took part".
_VERBS: dict[type[Event], tuple[str, str]] = {
    Statement: ("spoke", "was spoken to"),
    DiplomaticRequest: ("asked", "was asked"),
    Detention: ("holds", "is held"),
}


def type_tag(event: Event) -> str:
    """The registered tag of the event's type, or its class name when it has none."""
    return tag_of(type(event)) or type(event).__name__


def type_colour(tag: str) -> str:
    """A fixed colour per type: the built-in types' own, a stable pick from a palette for the others."""
    return _COLOURS.get(tag) or _PALETTE[zlib.crc32(tag.encode("utf-8")) % len(_PALETTE)]


def actor_label(actor: Actor) -> str:
    """The actor's name, with the first role of a person ("Maria Zakharova, spokeswoman of MFA")."""
    if isinstance(actor, Person) and actor.roles:
        role = actor.roles[0]
        where = f" of {role.organization.name}" if role.organization is not None else ""
        return f"{actor.name}, {role.title}{where}"
    return actor.name


def when_text(event: Event) -> str:
    """The event's date as written at its precision ("2012", "2022-07", "2022-07-28"), "undated" if none."""
    ref = event.when
    if ref is None:
        return "undated"
    start = ref.start
    precision = ref.precision.value
    if precision == "year":
        text = f"{start.year:04d}"
    elif precision == "month":
        text = f"{start.year:04d}-{start.month:02d}"
    elif precision == "week":
        year, week, _ = start.isocalendar()
        text = f"{year:04d}-W{week:02d}"
    elif precision == "day":
        text = start.date().isoformat()
    else:
        text = start.isoformat(timespec=precision + "s" if precision != "hour" else "minutes")
    return f"~{text}" if ref.approximate else text


def iso_utc(moment: datetime) -> str:
    """An aware datetime in UTC, ISO 8601 with a ``Z`` (what the timeline's data attributes carry)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Described(NamedTuple):
    """One event in words (plain text: the page escapes it)."""

    tag: str
    acting: tuple[str, ...]
    receiving: tuple[str, ...]
    others: tuple[str, ...]
    what: str
    summary: str | None
    quotes: tuple[str, ...]


def _value_text(value: object) -> str | None:
    if isinstance(value, enum.Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, tuple):
        parts = [text for v in value if not isinstance(v, tuple) and (text := _value_text(v))]
        return ", ".join(parts) or None
    name = getattr(value, "name", None)
    return name if isinstance(name, str) else None


def _generic_what(event: Event) -> str:
    """A custom type's own fields, ``name: value``, after its summary (actors are in "who" already)."""
    parts = [event.summary] if event.summary else []
    for field in attrs.fields(type(event)):
        value = getattr(event, field.name)
        items = value if isinstance(value, tuple) else (value,)
        if field.name in _SHARED or (items and all(isinstance(v, _ACTORS) for v in items)):
            continue
        text = _value_text(value)
        if text:
            parts.append(f"{field.name.replace('_', ' ')}: {text}")
    return "; ".join(parts)


def _term_text(term: Term) -> str:
    if term.life:
        return "a life sentence"
    parts = [(term.years, "year"), (term.months, "month"), (term.days, "day")]
    return "a term of " + " ".join(f"{n} {unit}{'s' * (n != 1)}" for n, unit in parts if n)


def _statement_what(event: Statement) -> str:
    return event.text


def _request_what(event: DiplomaticRequest) -> str:
    asked = f"{event.kind.value.replace('_', ' ')} ({event.status.value.replace('_', ' ')})"
    return f"{asked}: {event.purpose}" if event.purpose else asked


def _detention_what(event: Detention) -> str:
    said = event.status.value
    if event.charges:
        said += " on " + ", ".join(event.charges)
    if event.sentence is not None:
        said += f"; {_term_text(event.sentence)}"
    return said


register_rendering(Statement, describe=_statement_what)
register_rendering(DiplomaticRequest, describe=_request_what)
register_rendering(Detention, describe=_detention_what)


def what_text(event: Event) -> str:
    """What happened, in one line of plain text without the parties (``show``, pages, ``query``).

    The type's own ``describe`` rendering (see :func:`newsevents.register_rendering`), else a
    generic line: the summary and the type's own fields, or the type's tag when it has neither.
    """
    render = rendering(type(event), "describe")
    if render is not None:
        return str(render(event))
    return _generic_what(event) or type_tag(event).replace("_", " ")


def describe(event: Event) -> Described:
    """The event in words: its tag, the parties by side, what happened and its verbatim quotes."""
    parties = event.parties()
    quotes = event.quotes if isinstance(event, Statement) else ()
    what = what_text(event)
    generic = rendering(type(event), "describe") is None  # the generic line starts with the summary already
    return Described(
        tag=type_tag(event),
        acting=tuple(actor_label(a) for a in parties.acting),
        receiving=tuple(actor_label(a) for a in parties.receiving),
        others=tuple(actor_label(a) for a in parties.other),
        what=what,
        summary=None if generic or event.summary == what else event.summary,
        quotes=quotes,
    )


def verbs(event: Event) -> tuple[str, str, str]:
    """What the acting, receiving and other parties of this event did, in a word or two."""
    for cls, (acting, receiving) in _VERBS.items():
        if isinstance(event, cls):
            return acting, receiving, "was involved"
    return "took part", "took part", "was involved"
