"""Countries, organisations, roles, people, places and actors."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from newsevents._codes.iso3166 import COUNTRY_NAMES
from newsevents.entities import Actor, Country, Organization, OrgKind, Person, Place, Role
from newsevents.strategies._args import check_bool, check_sequence, check_size, check_strategy
from newsevents.strategies._text import (
    FIRST_NAMES,
    LAST_NAMES,
    ORG_NAMES,
    PLACE_NAMES,
    TITLES,
    WIKIDATA,
    applied,
    entity_name,
    id_for,
    texts,
)

COUNTRY_CODES = tuple(sorted(COUNTRY_NAMES))


def country_codes() -> st.SearchStrategy[str]:
    """Any assigned ISO 3166-1 alpha-2 code."""
    return st.sampled_from(COUNTRY_CODES)


def countries(
    *, codes: Sequence[str] | None = None, custom_names: bool = False
) -> st.SearchStrategy[Country]:
    """Countries with assigned ISO 3166-1 alpha-2 codes, named as the bundled table names them.

    Args:
        codes: Draw only these codes (each must be assigned); all 249 by default.
        custom_names: Deprecated and ignored: a country's name now always follows its
            code, so there are no other names to draw. ``True`` warns.

    >>> from hypothesis import given
    >>> @given(countries(codes=["RU", "US"]))
    ... def check(country):
    ...     assert country.name in ("Russia", "United States")
    >>> check()
    """
    pool = COUNTRY_CODES if codes is None else check_sequence("codes", codes)
    unknown = [c for c in pool if c not in COUNTRY_NAMES]
    if unknown:
        raise InvalidArgument(f"codes={unknown!r} are not assigned ISO 3166-1 alpha-2 codes")
    if check_bool("custom_names", custom_names):
        warnings.warn(
            "countries(custom_names=True) is deprecated and ignored: a country's name follows its code",
            DeprecationWarning,
            stacklevel=2,
        )
    # Not builds(Country, code=...): each builds() argument is one more part for Hypothesis's explain
    # phase to vary (~100 runs of the test each); the example prints as the country's repr, which is code.
    return applied(st.sampled_from(pool), _country)


def _country(code: str) -> Country:
    return Country(code=code)


def _full_name(parts: tuple[str, str]) -> str:
    return f"{parts[0]} {parts[1]}"


_KINDS = st.sampled_from(OrgKind)
_ORG_ALIASES = st.lists(texts(max_size=20), max_size=2).map(tuple)
_ANY_COUNTRY = st.none() | country_codes()
_ORG_NAME = entity_name(ORG_NAMES, True)
_HOME = st.none() | st.integers(0, 1)  # no country, or the person's first or second nationality


def _draw_organization(draw: st.DrawFn, name_st: st.SearchStrategy[str], country: str | None) -> Organization:
    name = draw(name_st)
    return Organization(
        name=name,
        id=id_for(draw, name),
        kind=draw(_KINDS),
        country=country,
        aliases=draw(_ORG_ALIASES),
        wikidata=draw(WIKIDATA),
    )


@st.composite
def _organizations(draw: st.DrawFn, name_st: st.SearchStrategy[str]) -> Organization:
    return _draw_organization(draw, name_st, draw(_ANY_COUNTRY))


def organizations(
    *, names: st.SearchStrategy[str] | None = None, readable: bool = True
) -> st.SearchStrategy[Organization]:
    """Organisations of every kind, now and then with a country, aliases and a Wikidata id.

    Args:
        names: A strategy for the name (non-blank, stripped); readable names by default.
        readable: With the default names, ``False`` mixes in arbitrary Unicode names.
    """
    check_bool("readable", readable)
    name_st = check_strategy("names", names) if names is not None else entity_name(ORG_NAMES, readable)
    return _organizations(name_st)


def roles(*, organizations: st.SearchStrategy[Organization] | None = None) -> st.SearchStrategy[Role]:
    """Roles, sometimes tied to an organisation.

    Args:
        organizations: A strategy for the organisation; any by default.
    """
    if organizations is not None:
        orgs = check_strategy("organizations", organizations)
    else:
        orgs = _organizations(_ORG_NAME)
    return st.builds(Role, title=st.sampled_from(TITLES), organization=st.none() | orgs)


def _draw_roles(
    draw: st.DrawFn, slots: list[tuple[str, bool]], nationality: tuple[str, ...]
) -> tuple[Role, ...]:
    held = []
    for title, with_organization in slots:
        organization = None
        if with_organization:
            # A role belongs to one of the person's own countries, or to none: a
            # spokeswoman of a foreign state's ministry is what check() reports (NE401).
            if nationality:
                home = draw(_HOME)
                country = None if home is None else nationality[home % len(nationality)]
            else:
                country = draw(_ANY_COUNTRY)
            organization = _draw_organization(draw, _ORG_NAME, country)
        held.append(Role(title=title, organization=organization))
    return tuple(held)


def persons(
    *, names: st.SearchStrategy[str] | None = None, max_roles: int = 2, readable: bool = True
) -> st.SearchStrategy[Person]:
    """People, with nationalities, roles, a description, aliases and a Wikidata id now and then.

    A role's organisation belongs to one of the person's nationalities, or to no
    country, as :func:`newsevents.checks.check` expects.

    Args:
        names: A strategy for the name (non-blank, stripped); "First Last" names by default.
        max_roles: The most roles a person holds.
        readable: With the default names, ``False`` mixes in arbitrary Unicode names.

    >>> from hypothesis import given
    >>> @given(persons(max_roles=1))
    ... def check(person):
    ...     assert len(person.roles) <= 1
    >>> check()
    """
    check_size("max_roles", max_roles)
    check_bool("readable", readable)
    readable_names = st.tuples(st.sampled_from(FIRST_NAMES), st.sampled_from(LAST_NAMES)).map(_full_name)
    if names is not None:
        name_st = check_strategy("names", names)
    elif readable:
        name_st = readable_names
    else:
        name_st = st.one_of(readable_names, texts(readable=False, max_size=30))

    nationality_st = st.lists(country_codes(), max_size=2, unique=True).map(tuple)
    slots_st = st.lists(st.tuples(st.sampled_from(TITLES), st.booleans()), max_size=max_roles)
    description = st.none() | texts(max_size=30)
    aliases = st.lists(texts(max_size=20), max_size=1).map(tuple)

    @st.composite
    def build(draw: st.DrawFn) -> Person:
        name = draw(name_st)
        nationality = draw(nationality_st)
        return Person(
            name=name,
            id=id_for(draw, name),
            nationality=nationality,
            roles=_draw_roles(draw, draw(slots_st), nationality),
            description=draw(description),
            aliases=draw(aliases),
            wikidata=draw(WIKIDATA),
        )

    return build()


def places(*, names: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Place]:
    """Places, sometimes with a country.

    Args:
        names: A strategy for the name (non-blank, stripped); a few cities by default.
    """
    name_st = check_strategy("names", names) if names is not None else st.sampled_from(PLACE_NAMES)
    country = st.none() | country_codes()

    @st.composite
    def build(draw: st.DrawFn) -> Place:
        name = draw(name_st)
        return Place(name=name, id=id_for(draw, name), country=draw(country))

    return build()


def actors() -> st.SearchStrategy[Actor]:
    """Any :data:`~newsevents.Actor`: a person, an organisation or a country."""
    return st.one_of(persons(max_roles=1), organizations(), countries())
