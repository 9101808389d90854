"""Who takes part in events: countries, organisations, people, their roles, and places."""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from typing import TypeAlias

import attrs

from newsevents._base import Model
from newsevents._codes.iso3166 import COUNTRY_NAMES
from newsevents._spec import derived_from, trust
from newsevents.validators import iso_country, rules, slug, stripped, wikidata_id

__all__ = [
    "Actor",
    "Country",
    "OrgKind",
    "Organization",
    "Person",
    "Place",
    "Role",
    "actor_key",
    "country_name",
    "slugify",
]

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ASCII_TO_SPACE = {c: " " for c in range(128) if not chr(c).isalnum() or chr(c).isupper()}
_CODE_OF_NAME = {name: code for code, name in COUNTRY_NAMES.items()}


@functools.lru_cache(maxsize=8192)  # names repeat across events; loading and writing derive ids often
def slugify(text: str) -> str:
    """The default id for a name: ASCII-folded, lower-case, words joined by ``-``.

    Returns an empty string when nothing of the name survives ASCII folding
    (a name in Cyrillic, say); the model then asks for an explicit ``id``.

    >>> slugify("Sergey Lavrov")
    'sergey-lavrov'
    >>> slugify("Ministry of Foreign Affairs (Russia)")
    'ministry-of-foreign-affairs-russia'
    >>> slugify("Côte d'Ivoire")
    'cote-d-ivoire'
    """
    if text.isascii():  # NFKD leaves ASCII as it is: nothing to fold; runs of the rest become one "-"
        return "-".join(text.lower().translate(_ASCII_TO_SPACE).split())
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", folded.lower()).strip("-")


def country_name(code: str) -> str | None:
    """The common English short name of an ISO 3166-1 alpha-2 code, or ``None``.

    >>> country_name("RU")
    'Russia'
    >>> country_name("XX") is None
    True
    """
    return COUNTRY_NAMES.get(code)


def _slug_of_name(self: Person | Organization | Place) -> str:
    if not isinstance(self.name, str) or not self.name.strip():
        return "unnamed"  # the name's own error is the one to report, not a derived one
    return slugify(self.name)


_ID = rules(slug) | derived_from("name", slugify)  # valid names only reach the generated code
_NAME = rules(stripped)
_ALIASES = rules(each=(stripped,))
_WIKIDATA = rules(wikidata_id)
_COUNTRY = rules(iso_country)


class OrgKind(enum.Enum):
    """What kind of body an :class:`Organization` is."""

    GOVERNMENT = "government"
    MINISTRY = "ministry"
    AGENCY = "agency"
    LEGISLATURE = "legislature"
    COURT = "court"
    MILITARY = "military"
    MEDIA = "media"
    INTERGOVERNMENTAL = "intergovernmental"
    COMPANY = "company"
    NGO = "ngo"
    SPORTS = "sports"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Country(Model):
    """A state, named by its ISO 3166-1 alpha-2 code.

    A country's name always agrees with its code: it is the bundled table's
    common English short name, and any other name is refused (an article's own
    spelling, "Russian Federation" say, belongs in the text, not in the actor).

    Attributes:
        code: The upper-case alpha-2 code, one of the 249 assigned ones.
        name: The common English short name of ``code`` from the bundled table;
            leave it out (or pass ``None``) to take it from the code.

    >>> Country(code="RU")
    Country(code='RU', name='Russia')
    >>> Country(code="US").name
    'United States'
    >>> Country(code="US").id
    'US'
    """

    code: str = attrs.field(metadata=_COUNTRY)
    name: str = attrs.field(metadata=_NAME | derived_from("code", COUNTRY_NAMES.__getitem__))

    @name.default
    def _default_name(self) -> str:
        code = self.code if isinstance(self.code, str) else ""
        return COUNTRY_NAMES.get(code, code or "?")

    @property
    def id(self) -> str:
        """The actor's public key, as a person's or organisation's id is: the alpha-2 code (``"RU"``).

        Upper case, so it never equals the id of a :class:`Person` or an
        :class:`Organization` (slugs are lower case).
        """
        return self.code

    def __attrs_post_init__(self) -> None:
        if self.name is None:  # name=None: the name from the table
            object.__setattr__(self, "name", self._default_name())
        super().__attrs_post_init__()

    def _invariants(self) -> list[tuple[str, str]]:
        expected = COUNTRY_NAMES.get(self.code)
        if expected is None or self.name == expected:
            return []
        owner = _CODE_OF_NAME.get(self.name)
        whose = f", the name of {owner}" if owner is not None else ""
        # attrs.evolve(Country(code="RU"), code="US") passes the old name on: refuse it, never keep it.
        return [
            (
                "name",
                f"expected the name of {self.code}, {expected!r} (from the bundled ISO 3166-1 table),"
                f" found {self.name!r}{whose}; a country's name follows its code: leave name out"
                " (with attrs.evolve, pass name=None)",
            )
        ]


trust(post_init=Country.__attrs_post_init__)  # name=None: the table's name, as a missing name gets


@attrs.frozen(kw_only=True)
class Organization(Model):
    """A government body, company, newsroom, court, club or any other organisation.

    Attributes:
        name: The name as the article uses it, non-blank and stripped.
        id: A slug; defaults to the slug of ``name``.
        kind: What kind of body it is.
        country: ISO 3166-1 alpha-2 code of the state it belongs to, if any.
        aliases: Other names the article uses ("State Department").
        wikidata: A Wikidata item id (``Q…``), if known.

    >>> mfa = Organization(name="Russian Foreign Ministry", kind=OrgKind.MINISTRY, country="RU")
    >>> mfa.id
    'russian-foreign-ministry'
    """

    name: str = attrs.field(metadata=_NAME)
    id: str = attrs.field(metadata=_ID)
    kind: OrgKind = OrgKind.OTHER
    country: str | None = attrs.field(default=None, metadata=_COUNTRY)
    aliases: tuple[str, ...] = attrs.field(default=(), metadata=_ALIASES)
    wikidata: str | None = attrs.field(default=None, metadata=_WIKIDATA)

    @id.default
    def _default_id(self) -> str:
        return _slug_of_name(self)


@attrs.frozen(kw_only=True)
class Role(Model):
    """A position a person holds, optionally in an organisation.

    Attributes:
        title: The title as written ("Foreign Minister"), non-blank and stripped.
        organization: The body the role belongs to, if the article says.

    >>> Role(title="spokeswoman").title
    'spokeswoman'
    """

    title: str = attrs.field(metadata=_NAME)
    organization: Organization | None = None


@attrs.frozen(kw_only=True)
class Person(Model):
    """A person named in an article.

    Attributes:
        name: The name as the article uses it, non-blank and stripped.
        id: A slug; defaults to the slug of ``name``.
        nationality: ISO 3166-1 alpha-2 codes of the person's citizenships.
        roles: Positions held, as the article describes them.
        description: A short description ("basketball player").
        aliases: Other names (spellings, transliterations).
        wikidata: A Wikidata item id (``Q…``), if known.

    >>> Person(name="Brittney Griner", nationality=("US",)).id
    'brittney-griner'
    """

    name: str = attrs.field(metadata=_NAME)
    id: str = attrs.field(metadata=_ID)
    nationality: tuple[str, ...] = attrs.field(default=(), metadata=rules(each=(iso_country,)))
    roles: tuple[Role, ...] = ()
    description: str | None = attrs.field(default=None, metadata=_NAME)
    aliases: tuple[str, ...] = attrs.field(default=(), metadata=_ALIASES)
    wikidata: str | None = attrs.field(default=None, metadata=_WIKIDATA)

    @id.default
    def _default_id(self) -> str:
        return _slug_of_name(self)


@attrs.frozen(kw_only=True)
class Place(Model):
    """A place where an event happens.

    Attributes:
        name: The name as the article uses it, non-blank and stripped.
        id: A slug; defaults to the slug of ``name``.
        country: ISO 3166-1 alpha-2 code of the state it lies in, if known.

    >>> Place(name="Moscow", country="RU").id
    'moscow'
    """

    name: str = attrs.field(metadata=_NAME)
    id: str = attrs.field(metadata=_ID)
    country: str | None = attrs.field(default=None, metadata=_COUNTRY)

    @id.default
    def _default_id(self) -> str:
        return _slug_of_name(self)


Actor: TypeAlias = Person | Organization | Country
"""Anyone who acts or is acted upon: a :class:`Person`, an :class:`Organization` or a :class:`Country`.

Every actor has an ``id``, its public key within its kind: a person's or an
organisation's slug (given, or derived from the name), a country's ISO 3166-1
alpha-2 code. ``(kind, id)`` names an actor across a corpus.
"""


def actor_key(actor: Actor) -> tuple[str, str]:
    """A stable identity for an actor across articles: its kind and its ``id`` (a country's id is its code).

    Two actors with the same key are the same actor, however differently an
    article spells them; a person and an organisation never share a key.

    >>> actor_key(Country(code="RU")), actor_key(Person(name="Sergey Lavrov"))
    (('country', 'RU'), ('person', 'sergey-lavrov'))
    """
    return (type(actor).__name__.lower(), actor.id)
