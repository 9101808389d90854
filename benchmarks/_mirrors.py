"""The newsevents schema written again with pydantic v2 and with msgspec, for ``serialize.py``.

Private to the benchmarks. Each mirror has the same fields, in the same order, under
the same names, and writes the same JSON shape as newsevents (``type`` tags first,
``format_version`` on articles, defaults left out). The rules are the same as far as
each library reasonably allows: types are strict, formats are patterns or literals,
and the cross-field invariants run in a pydantic ``model_validator(mode="after")`` or
a msgspec ``__post_init__``. Where the mirrors differ from newsevents is listed in the
docstring of ``serialize.py``.

The enums are written out again, as a user of either library would; ``serialize.py``
checks that their values are those of newsevents.
"""

from __future__ import annotations

import itertools
import re
import string
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Literal, Protocol, Self

import msgspec
from msgspec import Meta
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from newsevents import (
    Certainty,
    DetentionStatus,
    OrgKind,
    Precision,
    QuoteMode,
    RequestKind,
    RequestStatus,
    country_name,
)
from newsevents.validators import BCP47_PATTERN, SLUG_PATTERN, WIKIDATA_PATTERN

INT_MAX = 2**63 - 1

# The enums are newsevents' own: pydantic and msgspec both take a plain Enum, and a
# second copy of the same values would only be a second thing to keep in step.

# ---------------------------------------------------------------- formats

# The 249 assigned ISO 3166-1 alpha-2 codes, read through the public API. A Literal is
# a hash lookup in both libraries, so the rule is the same as newsevents', not [A-Z]{2}.
COUNTRY_CODES = tuple(
    code for code in map("".join, itertools.product(string.ascii_uppercase, repeat=2)) if country_name(code)
)
if TYPE_CHECKING:
    CountryCode = str
else:
    CountryCode = Literal[COUNTRY_CODES]

# pydantic compiles patterns with Rust's regex crate, where "$" ends the text; msgspec
# uses Python's re.search, where "$" also matches before a final newline: "\Z" there.
_STRIPPED = r"(?s)^\S(?:.*\S)?"  # non-blank, no white space at either end
_NON_BLANK = r"\S"  # at least one non-space character (search, not match)
_URL = r"(?i)^https?://(?:[^\s/?#@]*@)?(?:\[[0-9a-f:.]+\]|[^\s/?#@:\[\]]+)(?::[0-9]{0,5})?(?:[/?#]\S*)?"
_SLUG = rf"^(?:{SLUG_PATTERN})"
_WIKIDATA = rf"^(?:{WIKIDATA_PATTERN})"
_LANGUAGE = rf"(?i)^(?:{BCP47_PATTERN})"

PdSlug = Annotated[str, StringConstraints(pattern=_SLUG + "$")]
PdStripped = Annotated[str, StringConstraints(pattern=_STRIPPED + "$")]
PdNonBlank = Annotated[str, StringConstraints(pattern=_NON_BLANK)]
PdWikidata = Annotated[str, StringConstraints(pattern=_WIKIDATA + "$")]
PdLanguage = Annotated[str, StringConstraints(pattern=_LANGUAGE + "$")]
PdUrl = Annotated[str, StringConstraints(pattern=_URL + "$")]
PdCount = Annotated[int, Field(ge=0, le=INT_MAX)]

MsSlug = Annotated[str, Meta(pattern=_SLUG + r"\Z")]
MsStripped = Annotated[str, Meta(pattern=_STRIPPED + r"\Z")]
MsNonBlank = Annotated[str, Meta(pattern=_NON_BLANK)]
MsWikidata = Annotated[str, Meta(pattern=_WIKIDATA + r"\Z")]
MsLanguage = Annotated[str, Meta(pattern=_LANGUAGE + r"\Z")]
MsUrl = Annotated[str, Meta(pattern=_URL + r"\Z")]
MsCount = Annotated[int, Meta(ge=0, le=INT_MAX)]
MsDatetime = Annotated[datetime, Meta(tz=True)]


# ---------------------------------------------------------------- rules both mirrors share

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_CODE_OF_NAME = {country_name(code): code for code in COUNTRY_CODES}


def slugify(text: str) -> str:
    """newsevents' default id of a name (needed to compare two parties, whose ids may be left out)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", folded.lower()).strip("-")


def country_name_problem(code: str, name: str | None) -> str | None:
    owner = _CODE_OF_NAME.get(name) if name is not None else None
    if owner is not None and owner != code:
        return f"expected the name of {code}, found {name!r}, the name of {owner}"
    return None


def truncate(moment: datetime, precision: Precision) -> datetime:
    """The start of the period at ``precision`` that contains ``moment``, in its own zone."""
    return precision.truncate(moment)


def timeref_problem(start: datetime, precision: Precision) -> str | None:
    expected = truncate(start, precision)
    if expected != start:
        return f"expected a start truncated to {precision.value} precision, found {start.isoformat()}"
    return None


def quote_problem(mode: QuoteMode, quotes: tuple[str, ...]) -> str | None:
    if mode is QuoteMode.INDIRECT and quotes:
        return f"expected no quotes in an indirect statement, found {len(quotes)}"
    if mode is not QuoteMode.INDIRECT and not quotes:
        return f"expected at least one quote in a {mode.value} statement, found none"
    return None


def term_problem(years: int, months: int, days: int, life: bool) -> str | None:
    if not life and not (years or months or days):
        return "expected a non-empty term (years, months, days or life), found none"
    return None


class _Keyed(Protocol):
    def key(self) -> tuple[str, str]: ...


def parties_problem(requester: _Keyed, addressee: _Keyed) -> str | None:
    if requester.key() == addressee.key():
        return "expected a party other than the requester"
    return None


class _Linked(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def related(self) -> tuple[str, ...]: ...


def article_problem(published: datetime, updated: datetime | None, events: Sequence[_Linked]) -> str | None:
    if updated is not None and updated < published:
        return f"expected updated not before published ({published.isoformat()}), found {updated.isoformat()}"
    ids: set[str] = set()
    for event in events:
        if event.id in ids:
            return f"duplicate event id {event.id!r}"
        ids.add(event.id)
    for event in events:
        for ref in event.related:
            if ref == event.id:
                return f"an event cannot be related to itself ({ref!r})"
            if ref not in ids:
                return f"expected the id of an event in this article, found {ref!r}"
    return None


def _key(kind: str, ident: str | None, name: str) -> tuple[str, str]:
    return (kind, ident if ident is not None else slugify(name))


# ---------------------------------------------------------------- pydantic v2


class _Pd(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class PdTimeRef(_Pd):
    start: AwareDatetime
    precision: Precision = Precision.DAY
    text: PdStripped | None = None
    approximate: bool = False

    @model_validator(mode="after")
    def _truncated(self) -> Self:
        problem = timeref_problem(self.start, self.precision)
        if problem:
            raise ValueError(problem)
        return self


class PdCountry(_Pd):
    type: Literal["country"]
    code: CountryCode
    name: PdStripped | None = None

    def key(self) -> tuple[str, str]:
        return ("country", self.code)

    @model_validator(mode="after")
    def _name_of_code(self) -> Self:
        problem = country_name_problem(self.code, self.name)
        if problem:
            raise ValueError(problem)
        return self


class PdOrganization(_Pd):
    type: Literal["organization"]
    name: PdStripped
    id: PdSlug | None = None
    kind: OrgKind = OrgKind.OTHER
    country: CountryCode | None = None
    aliases: tuple[PdStripped, ...] = ()
    wikidata: PdWikidata | None = None

    def key(self) -> tuple[str, str]:
        return _key("organization", self.id, self.name)


class PdRole(_Pd):
    title: PdStripped
    organization: PdOrganization | None = None


class PdPerson(_Pd):
    type: Literal["person"]
    name: PdStripped
    id: PdSlug | None = None
    nationality: tuple[CountryCode, ...] = ()
    roles: tuple[PdRole, ...] = ()
    description: PdStripped | None = None
    aliases: tuple[PdStripped, ...] = ()
    wikidata: PdWikidata | None = None

    def key(self) -> tuple[str, str]:
        return _key("person", self.id, self.name)


class PdPlace(_Pd):
    type: Literal["place"]
    name: PdStripped
    id: PdSlug | None = None
    country: CountryCode | None = None


PdActor = Annotated[PdPerson | PdOrganization | PdCountry, Field(discriminator="type")]
PdAuthor = Annotated[PdPerson | PdOrganization, Field(discriminator="type")]


class PdTerm(_Pd):
    years: PdCount = 0
    months: PdCount = 0
    days: PdCount = 0
    life: bool = False

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        problem = term_problem(self.years, self.months, self.days, self.life)
        if problem:
            raise ValueError(problem)
        return self


class _PdEvent(_Pd):
    type: str  # each event type narrows it to its Literal tag, in this first position
    id: PdSlug
    when: PdTimeRef | None = None
    place: PdPlace | None = None
    certainty: Certainty = Certainty.CONFIRMED
    reported_by: PdActor | None = None
    related: tuple[PdSlug, ...] = ()
    evidence: tuple[PdNonBlank, ...] = ()
    summary: PdStripped | None = None


class PdStatement(_PdEvent):
    type: Literal["statement"]
    speaker: PdActor
    text: PdStripped
    mode: QuoteMode = QuoteMode.DIRECT
    quotes: tuple[PdNonBlank, ...] = ()
    audience: PdStripped | None = None
    venue: PdStripped | None = None
    about: tuple[PdActor, ...] = ()

    @model_validator(mode="after")
    def _quotes_fit_mode(self) -> Self:
        problem = quote_problem(self.mode, self.quotes)
        if problem:
            raise ValueError(problem)
        return self


class PdDiplomaticRequest(_PdEvent):
    type: Literal["diplomatic_request"]
    requester: PdActor
    addressee: PdActor
    kind: RequestKind
    status: RequestStatus = RequestStatus.MADE
    participants: tuple[PdPerson, ...] = ()
    channel: PdStripped | None = None
    purpose: PdStripped | None = None
    expected: PdTimeRef | None = None

    @model_validator(mode="after")
    def _two_parties(self) -> Self:
        problem = parties_problem(self.requester, self.addressee)
        if problem:
            raise ValueError(problem)
        return self


class PdDetention(_PdEvent):
    type: Literal["detention"]
    detainee: PdPerson
    held_by: PdActor
    status: DetentionStatus
    charges: tuple[PdStripped, ...] = ()
    sentence: PdTerm | None = None

    @model_validator(mode="after")
    def _sentenced_has_sentence(self) -> Self:
        if self.status is DetentionStatus.SENTENCED and self.sentence is None:
            raise ValueError("expected a sentence for a sentenced detainee, found none")
        return self


PdEvent = Annotated[PdStatement | PdDiplomaticRequest | PdDetention, Field(discriminator="type")]


class PdArticle(_Pd):
    type: Literal["article"]
    format_version: Literal[1]
    id: PdSlug
    title: PdStripped
    published: AwareDatetime
    publisher: PdOrganization
    url: PdUrl | None = None
    subtitle: PdStripped | None = None
    updated: AwareDatetime | None = None
    language: PdLanguage = "en"
    authors: tuple[PdAuthor, ...] = ()
    body: tuple[PdNonBlank, ...] = ()
    events: tuple[PdEvent, ...] = ()
    topics: tuple[PdStripped, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        problem = article_problem(self.published, self.updated, self.events)
        if problem:
            raise ValueError(problem)
        return self


# ---------------------------------------------------------------- msgspec


class _Ms(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    pass


class _MsTagged(_Ms, tag_field="type", frozen=True, kw_only=True):
    pass


class MsTimeRef(_Ms, frozen=True, kw_only=True):
    start: MsDatetime
    precision: Precision = Precision.DAY
    text: MsStripped | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        problem = timeref_problem(self.start, self.precision)
        if problem:
            raise ValueError(problem)


class MsCountry(_MsTagged, tag="country", frozen=True, kw_only=True):
    code: CountryCode
    name: MsStripped | None = None

    def key(self) -> tuple[str, str]:
        return ("country", self.code)

    def __post_init__(self) -> None:
        problem = country_name_problem(self.code, self.name)
        if problem:
            raise ValueError(problem)


class MsOrganization(_MsTagged, tag="organization", frozen=True, kw_only=True):
    name: MsStripped
    id: MsSlug | None = None
    kind: OrgKind = OrgKind.OTHER
    country: CountryCode | None = None
    aliases: tuple[MsStripped, ...] = ()
    wikidata: MsWikidata | None = None

    def key(self) -> tuple[str, str]:
        return _key("organization", self.id, self.name)


class MsRole(_Ms, frozen=True, kw_only=True):
    title: MsStripped
    organization: MsOrganization | None = None


class MsPerson(_MsTagged, tag="person", frozen=True, kw_only=True):
    name: MsStripped
    id: MsSlug | None = None
    nationality: tuple[CountryCode, ...] = ()
    roles: tuple[MsRole, ...] = ()
    description: MsStripped | None = None
    aliases: tuple[MsStripped, ...] = ()
    wikidata: MsWikidata | None = None

    def key(self) -> tuple[str, str]:
        return _key("person", self.id, self.name)


class MsPlace(_MsTagged, tag="place", frozen=True, kw_only=True):
    name: MsStripped
    id: MsSlug | None = None
    country: CountryCode | None = None


MsActor = MsPerson | MsOrganization | MsCountry


class MsTerm(_Ms, frozen=True, kw_only=True):
    years: MsCount = 0
    months: MsCount = 0
    days: MsCount = 0
    life: bool = False

    def __post_init__(self) -> None:
        problem = term_problem(self.years, self.months, self.days, self.life)
        if problem:
            raise ValueError(problem)


class _MsEvent(_MsTagged, frozen=True, kw_only=True):
    id: MsSlug
    when: MsTimeRef | None = None
    place: MsPlace | None = None
    certainty: Certainty = Certainty.CONFIRMED
    reported_by: MsActor | None = None
    related: tuple[MsSlug, ...] = ()
    evidence: tuple[MsNonBlank, ...] = ()
    summary: MsStripped | None = None


class MsStatement(_MsEvent, tag="statement", frozen=True, kw_only=True):
    speaker: MsActor
    text: MsStripped
    mode: QuoteMode = QuoteMode.DIRECT
    quotes: tuple[MsNonBlank, ...] = ()
    audience: MsStripped | None = None
    venue: MsStripped | None = None
    about: tuple[MsActor, ...] = ()

    def __post_init__(self) -> None:
        problem = quote_problem(self.mode, self.quotes)
        if problem:
            raise ValueError(problem)


class MsDiplomaticRequest(_MsEvent, tag="diplomatic_request", frozen=True, kw_only=True):
    requester: MsActor
    addressee: MsActor
    kind: RequestKind
    status: RequestStatus = RequestStatus.MADE
    participants: tuple[MsPerson, ...] = ()
    channel: MsStripped | None = None
    purpose: MsStripped | None = None
    expected: MsTimeRef | None = None

    def __post_init__(self) -> None:
        problem = parties_problem(self.requester, self.addressee)
        if problem:
            raise ValueError(problem)


class MsDetention(_MsEvent, tag="detention", frozen=True, kw_only=True):
    detainee: MsPerson
    held_by: MsActor
    status: DetentionStatus
    charges: tuple[MsStripped, ...] = ()
    sentence: MsTerm | None = None

    def __post_init__(self) -> None:
        if self.status is DetentionStatus.SENTENCED and self.sentence is None:
            raise ValueError("expected a sentence for a sentenced detainee, found none")


MsEvent = MsStatement | MsDiplomaticRequest | MsDetention


class MsArticle(_MsTagged, tag="article", frozen=True, kw_only=True):
    format_version: Literal[1]  # required: with a default, omit_defaults would leave it out
    id: MsSlug
    title: MsStripped
    published: MsDatetime
    publisher: MsOrganization
    url: MsUrl | None = None
    subtitle: MsStripped | None = None
    updated: MsDatetime | None = None
    language: MsLanguage = "en"
    authors: tuple[MsPerson | MsOrganization, ...] = ()
    body: tuple[MsNonBlank, ...] = ()
    events: tuple[MsEvent, ...] = ()
    topics: tuple[MsStripped, ...] = ()

    def __post_init__(self) -> None:
        problem = article_problem(self.published, self.updated, self.events)
        if problem:
            raise ValueError(problem)
