"""Soft consistency checks, in the manner of a linter: ``check(article) -> list[Finding]``.

Hard rules (types, formats, unique ids, resolvable links) stop construction; the
checks here find what is *probably* wrong with an article that is valid. Each
finding has a stable code, a severity, a path and a message.

========  ========  ==============================================================
code      severity  what it finds
========  ========  ==============================================================
NE100     info      no text to check quotes and evidence against (empty body, no ``text=``)
NE101     error     a quote not found verbatim in the text
NE102     error     an evidence fragment not found verbatim in the text
NE201     warning   an event dated after publication, not marked approximate
NE301     warning   a DIRECT statement whose text is not among its quotes
NE401     info      a person's role belongs to a country that is none of their nationalities
NE501     warning   a detention RELEASED or EXCHANGED without a date
NE601     warning   one id used for actors with different names
========  ========  ==============================================================

"Verbatim" forgives typographic quotes and apostrophes (curly for straight) and runs
of white space (a non-breaking space is a space), nothing else.

>>> from newsevents.checks import check
>>> from newsevents import Article, Organization
>>> from datetime import datetime, UTC
>>> published = datetime(2022, 7, 28, tzinfo=UTC)
>>> a = Article(id="a", title="T", published=published, publisher=Organization(name="RT"))
>>> [f.code for f in check(a)]
[]
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

import attrs

from newsevents.article import Article
from newsevents.entities import Actor, Country, Person, actor_key
from newsevents.events import Detention, DetentionStatus, QuoteMode, Statement

__all__ = ["Finding", "Severity", "check"]


class Severity(enum.Enum):
    """How much a finding matters, most severe first."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for ERROR, 1 for WARNING, 2 for INFO."""
        return list(Severity).index(self)


@attrs.frozen
class Finding:
    """One thing :func:`check` found."""

    code: str
    """A stable code, such as ``NE101``."""
    severity: Severity
    """How much it matters."""
    path: str
    """Where, as a path into the article's JSON form (``$.events[2].quotes[0]``)."""
    message: str
    """What was found, and what was expected."""

    def __str__(self) -> str:
        return f"{self.code} {self.severity.value}: {self.path}: {self.message}"


Seen = dict[tuple[str, str], tuple[str, str]]  # actor key -> (first name seen, where)
_TYPOGRAPHIC = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Fold typographic quotes to straight ones and every run of white space to one space."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHIC)).strip()


def check(article: Article, *, text: str | None = None) -> list[Finding]:
    """Find what is probably wrong with a valid article, in article order.

    Args:
        article: The article to check.
        text: The original text to check quotes and evidence against, when the
            article does not hold its body (``article.body`` is used otherwise).
    """
    source = text if text is not None else "\n".join(article.body)
    return list(_findings(article, normalize(source) if source.strip() else None))


def _findings(article: Article, source: str | None) -> Iterator[Finding]:
    if source is None and any(_fragments(e) for e in article.events):
        yield Finding(
            "NE100", Severity.INFO, "$.body", "no body or text given: quotes and evidence not checked"
        )
    names: Seen = {}
    for i, event in enumerate(article.events):
        where = f"$.events[{i}]"
        if source is not None:
            yield from _verbatim(event, where, source)
        when = event.when
        if when is not None and when.start > article.published and not when.approximate:
            yield Finding(
                "NE201",
                Severity.WARNING,
                f"{where}.when",
                f"dated {when.start.isoformat()}, after publication ({article.published.isoformat()});"
                " mark it approximate or use an expected time",
            )
        if isinstance(event, Statement) and event.mode is QuoteMode.DIRECT and event.text not in event.quotes:
            yield Finding(
                "NE301",
                Severity.WARNING,
                f"{where}.text",
                "a direct statement's text should be one of its quotes;"
                " use MIXED for reported speech with quotes",
            )
        if (
            isinstance(event, Detention)
            and event.status in (DetentionStatus.RELEASED, DetentionStatus.EXCHANGED)
            and event.when is None
        ):
            yield Finding(
                "NE501", Severity.WARNING, f"{where}.when", f"a detention {event.status.value} without a date"
            )
        for actor in event.parties().everyone:
            yield from _actor_findings(actor, where, names)


def _fragments(event: object) -> tuple[str, ...]:
    quotes = event.quotes if isinstance(event, Statement) else ()
    return quotes + getattr(event, "evidence", ())


def _verbatim(event: object, where: str, source: str) -> Iterator[Finding]:
    if isinstance(event, Statement):
        for j, quote in enumerate(event.quotes):
            if normalize(quote) not in source:
                yield Finding(
                    "NE101", Severity.ERROR, f"{where}.quotes[{j}]", f"quote not in the text: {quote!r}"
                )
    for j, fragment in enumerate(getattr(event, "evidence", ())):
        if normalize(fragment) not in source:
            yield Finding(
                "NE102", Severity.ERROR, f"{where}.evidence[{j}]", f"evidence not in the text: {fragment!r}"
            )


def _actor_findings(actor: Actor, where: str, names: Seen) -> Iterator[Finding]:
    key = actor_key(actor)
    seen = names.get(key)
    if seen is not None:
        if seen[0] != actor.name and not isinstance(actor, Country):
            yield Finding(
                "NE601",
                Severity.WARNING,
                where,
                f"{key[0]} id {key[1]!r} is named {actor.name!r} here and {seen[0]!r} at {seen[1]}",
            )
        return
    names[key] = (actor.name, where)  # the hints below are given once per actor
    if isinstance(actor, Person) and actor.nationality:
        for role in actor.roles:
            org = role.organization
            if org is not None and org.country is not None and org.country not in actor.nationality:
                held = ", ".join(actor.nationality)
                message = f"{actor.name} ({held}) is {role.title} of {org.name} ({org.country})"
                yield Finding("NE401", Severity.INFO, where, message)
