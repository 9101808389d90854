"""Countries, organisations, people, roles and places: defaults, validation, and value semantics."""

from __future__ import annotations

import itertools
import re
import string
import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents import (
    Country,
    ErrorDetail,
    Organization,
    OrgKind,
    Person,
    Place,
    Role,
    ValidationError,
    country_name,
    slugify,
)
from newsevents._base import Model

NAME_IN_CYRILLIC = "Мария Захарова"  # a name with no ASCII letters
NO_ID_MESSAGE = (
    "expected a slug matching [a-z0-9][a-z0-9._:-]*, found ''"
    " (no id could be derived from the name: pass id=...)"
)


def details(excinfo: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(e.path, e.message) for e in excinfo.value.errors]


# --- slugify and country_name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sergey Lavrov", "sergey-lavrov"),
        ("Ministry of Foreign Affairs (Russia)", "ministry-of-foreign-affairs-russia"),
        ("Côte d'Ivoire", "cote-d-ivoire"),
        ("  --Hello, World!--  ", "hello-world"),
        ("R2-D2", "r2-d2"),
        ("U.S. State Department", "u-s-state-department"),
        ("Zürich", "zurich"),
        ("\ufb01nance", "finance"),  # the "fi" ligature folds to two letters
        ("RT", "rt"),
        (NAME_IN_CYRILLIC, ""),
        ("", ""),
        ("!!!", ""),
    ],
)
def test_slugify(text, expected):
    assert slugify(text) == expected


@pytest.mark.parametrize(
    ("code", "name"),
    [("RU", "Russia"), ("US", "United States"), ("GB", "United Kingdom"), ("UA", "Ukraine")],
)
def test_country_name_known(code, name):
    assert country_name(code) == name


@pytest.mark.parametrize("code", ["XX", "ru", "UK", "", "RUS"])
def test_country_name_unknown_is_none(code):
    assert country_name(code) is None


def test_the_country_table_has_exactly_249_codes():
    codes = ["".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2)]
    assigned = [code for code in codes if country_name(code) is not None]
    assert len(assigned) == 249


# --- Country --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name"), [("RU", "Russia"), ("US", "United States"), ("CI", "Côte d'Ivoire")]
)
def test_country_name_defaults_from_the_table(code, name):
    country = Country(code=code)
    assert country.code == code
    assert country.name == name


def test_country_explicit_name_wins():
    assert Country(code="RU", name="Russian Federation").name == "Russian Federation"


def test_country_lower_case_code_fails_with_a_hint():
    with pytest.raises(ValidationError) as excinfo:
        Country(code="ru")
    assert details(excinfo) == [
        ("Country.code", "expected an upper-case ISO 3166-1 alpha-2 code, found 'ru' (did you mean 'RU'?)")
    ]


def test_country_unassigned_code_fails():
    with pytest.raises(ValidationError) as excinfo:
        Country(code="XX")
    assert details(excinfo) == [("Country.code", "expected an assigned ISO 3166-1 alpha-2 code, found 'XX'")]


def test_country_code_must_be_a_string():
    with pytest.raises(ValidationError) as excinfo:
        Country(code=643)
    assert details(excinfo) == [("Country.code", "expected str, found int (643)")]


def test_country_name_must_be_stripped():
    with pytest.raises(ValidationError) as excinfo:
        Country(code="RU", name=" Russia")
    assert details(excinfo) == [
        ("Country.name", "expected no leading or trailing white space, found ' Russia'")
    ]


# --- Organization ---------------------------------------------------------------------------------------


def test_organization_defaults():
    mfa = Organization(name="Russian Foreign Ministry")
    assert mfa.id == "russian-foreign-ministry"
    assert mfa.kind is OrgKind.OTHER
    assert mfa.country is None
    assert mfa.aliases == ()
    assert mfa.wikidata is None


def test_organization_with_every_field():
    state = Organization(
        name="US Department of State",
        id="us-state-department",
        kind=OrgKind.MINISTRY,
        country="US",
        aliases=("State Department",),
        wikidata="Q789915",
    )
    assert state.id == "us-state-department"
    assert state.kind is OrgKind.MINISTRY
    assert state.country == "US"
    assert state.aliases == ("State Department",)
    assert state.wikidata == "Q789915"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"name": ""}, [("Organization.name", "must not be blank, found ''")]),
        (
            {"name": "RT", "kind": "media"},
            [("Organization.kind", "expected an OrgKind, found 'media' (did you mean OrgKind.MEDIA?)")],
        ),
        (
            {"name": "RT", "country": "ru"},
            [
                (
                    "Organization.country",
                    "expected an upper-case ISO 3166-1 alpha-2 code, found 'ru' (did you mean 'RU'?)",
                )
            ],
        ),
        (
            {"name": "RT", "aliases": ("Russia Today", " RT ")},
            [("Organization.aliases[1]", "expected no leading or trailing white space, found ' RT '")],
        ),
        (
            {"name": "RT", "aliases": ["Russia Today"]},
            [
                (
                    "Organization.aliases",
                    "expected tuple[str, ...], found list (['Russia Today']); pass a tuple",
                )
            ],
        ),
        (
            {"name": "RT", "wikidata": "q42"},
            [("Organization.wikidata", "expected a Wikidata item id matching Q[1-9][0-9]*, found 'q42'")],
        ),
        (
            {"name": "RT", "id": "Russia Today"},
            [("Organization.id", "expected a slug matching [a-z0-9][a-z0-9._:-]*, found 'Russia Today'")],
        ),
    ],
)
def test_organization_rejects(kwargs, expected):
    with pytest.raises(ValidationError) as excinfo:
        Organization(**kwargs)
    assert details(excinfo) == expected


# --- Role -----------------------------------------------------------------------------------------------


def test_role():
    mfa = Organization(name="Russian Foreign Ministry")
    role = Role(title="spokeswoman", organization=mfa)
    assert role.title == "spokeswoman"
    assert role.organization == mfa
    assert Role(title="Foreign Minister").organization is None


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"title": " spokeswoman"},
            [("Role.title", "expected no leading or trailing white space, found ' spokeswoman'")],
        ),
        ({"title": "  "}, [("Role.title", "must not be blank, found '  '")]),
        ({"title": None}, [("Role.title", "expected str, found null")]),
        (
            {"title": "spokeswoman", "organization": "MFA"},
            [("Role.organization", "expected Organization | null, found 'MFA'")],
        ),
        (
            {"title": "spokeswoman", "organization": Person(name="Maria Zakharova")},
            [
                (
                    "Role.organization",
                    "expected Organization | null, found Person (Person(name='Maria Zakharova', id='ma...)",
                )
            ],
        ),
    ],
)
def test_role_rejects(kwargs, expected):
    with pytest.raises(ValidationError) as excinfo:
        Role(**kwargs)
    assert details(excinfo) == expected


# --- Person ---------------------------------------------------------------------------------------------


def test_person_defaults():
    griner = Person(name="Brittney Griner")
    assert griner.id == "brittney-griner"
    assert griner.nationality == ()
    assert griner.roles == ()
    assert griner.description is None
    assert griner.aliases == ()
    assert griner.wikidata is None


def test_person_with_every_field():
    role = Role(title="spokeswoman", organization=Organization(name="Russian Foreign Ministry"))
    zakharova = Person(
        name="Maria Zakharova",
        id="zakharova",
        nationality=("RU",),
        roles=(role,),
        description="diplomat",
        aliases=("Maria Vladimirovna Zakharova",),
        wikidata="Q4218614",
    )
    assert zakharova.id == "zakharova"
    assert zakharova.nationality == ("RU",)
    assert zakharova.roles == (role,)
    assert zakharova.description == "diplomat"


def test_person_with_a_non_ascii_name_needs_an_explicit_id():
    with pytest.raises(ValidationError) as excinfo:
        Person(name=NAME_IN_CYRILLIC)
    assert details(excinfo) == [("Person.id", NO_ID_MESSAGE)]
    assert "pass id=" in str(excinfo.value)


def test_person_with_a_non_ascii_name_and_an_explicit_id():
    zakharova = Person(name=NAME_IN_CYRILLIC, id="maria-zakharova")
    assert zakharova.id == "maria-zakharova"
    assert zakharova.name == NAME_IN_CYRILLIC


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"name": ""}, [("Person.name", "must not be blank, found ''")]),
        ({"name": " "}, [("Person.name", "must not be blank, found ' '")]),
        (
            {"name": "Lavrov "},
            [("Person.name", "expected no leading or trailing white space, found 'Lavrov '")],
        ),
        ({"name": 42}, [("Person.name", "expected str, found int (42)")]),
        ({"name": True}, [("Person.name", "expected str, found bool (True)")]),
        ({"name": None}, [("Person.name", "expected str, found null")]),
        (
            {"name": "Lavrov", "id": "Sergey Lavrov"},
            [("Person.id", "expected a slug matching [a-z0-9][a-z0-9._:-]*, found 'Sergey Lavrov'")],
        ),
        (
            {"name": "Lavrov", "nationality": ["RU"]},
            [("Person.nationality", "expected tuple[str, ...], found list (['RU']); pass a tuple")],
        ),
        (
            {"name": "Lavrov", "nationality": "RU"},
            [("Person.nationality", "expected tuple[str, ...], found 'RU'")],
        ),
        (
            {"name": "Lavrov", "nationality": ("RU", "ru")},
            [
                (
                    "Person.nationality[1]",
                    "expected an upper-case ISO 3166-1 alpha-2 code, found 'ru' (did you mean 'RU'?)",
                )
            ],
        ),
        (
            {"name": "Lavrov", "nationality": ("XX",)},
            [("Person.nationality[0]", "expected an assigned ISO 3166-1 alpha-2 code, found 'XX'")],
        ),
        (
            {"name": "Lavrov", "roles": (Role(title="Foreign Minister"), "spokeswoman")},
            [("Person.roles[1]", "expected Role, found 'spokeswoman'")],
        ),
        (
            {"name": "Lavrov", "roles": [Role(title="Foreign Minister")]},
            [
                (
                    "Person.roles",
                    "expected tuple[Role, ...], found list ([Role(title='Foreign Minister', organ...)"
                    "; pass a tuple",
                )
            ],
        ),
        ({"name": "Lavrov", "description": ""}, [("Person.description", "must not be blank, found ''")]),
        (
            {"name": "Lavrov", "wikidata": "Q0"},
            [("Person.wikidata", "expected a Wikidata item id matching Q[1-9][0-9]*, found 'Q0'")],
        ),
    ],
)
def test_person_rejects(kwargs, expected):
    with pytest.raises(ValidationError) as excinfo:
        Person(**kwargs)
    assert details(excinfo) == expected


def test_person_reports_every_bad_field_not_only_the_first():
    with pytest.raises(ValidationError) as excinfo:
        Person(name=1, nationality=["US"], description=" ", aliases=("ok", "bad "), wikidata="42")
    assert details(excinfo) == [
        ("Person.name", "expected str, found int (1)"),
        ("Person.nationality", "expected tuple[str, ...], found list (['US']); pass a tuple"),
        ("Person.description", "must not be blank, found ' '"),
        ("Person.aliases[1]", "expected no leading or trailing white space, found 'bad '"),
        ("Person.wikidata", "expected a Wikidata item id matching Q[1-9][0-9]*, found '42'"),
    ]
    assert str(excinfo.value) == "\n".join(f"{path}: {message}" for path, message in details(excinfo))


def test_person_reports_every_bad_item_of_a_tuple():
    # One item of the wrong type must not hide the format errors of the other items.
    with pytest.raises(ValidationError) as excinfo:
        Person(name="Lavrov", nationality=("ru", 7, "XX"))
    assert details(excinfo) == [
        (
            "Person.nationality[0]",
            "expected an upper-case ISO 3166-1 alpha-2 code, found 'ru' (did you mean 'RU'?)",
        ),
        ("Person.nationality[1]", "expected str, found int (7)"),
        ("Person.nationality[2]", "expected an assigned ISO 3166-1 alpha-2 code, found 'XX'"),
    ]


def test_a_blank_name_is_reported_once_not_again_as_a_bad_derived_id():
    with pytest.raises(ValidationError) as excinfo:
        Person(name="   ")
    assert excinfo.value.errors == (ErrorDetail("Person.name", "must not be blank, found '   '"),)


def test_the_error_is_a_value_error_with_a_readable_message():
    with pytest.raises(ValueError, match=r"^Person\.name: must not be blank, found ''$"):
        Person(name="")


# --- Place ----------------------------------------------------------------------------------------------


def test_place():
    moscow = Place(name="Moscow", country="RU")
    assert moscow.id == "moscow"
    assert moscow.country == "RU"
    assert Place(name="Khimki").country is None


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"name": ""}, [("Place.name", "must not be blank, found ''")]),
        (
            {"name": "Moscow", "country": "ru"},
            [
                (
                    "Place.country",
                    "expected an upper-case ISO 3166-1 alpha-2 code, found 'ru' (did you mean 'RU'?)",
                )
            ],
        ),
        (
            {"name": "Moscow", "country": "RUS"},
            [("Place.country", "expected an assigned ISO 3166-1 alpha-2 code, found 'RUS'")],
        ),
        ({"name": "Москва"}, [("Place.id", NO_ID_MESSAGE)]),
    ],
)
def test_place_rejects(kwargs, expected):
    with pytest.raises(ValidationError) as excinfo:
        Place(**kwargs)
    assert details(excinfo) == expected


# --- default ids ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [Person, Organization, Place])
@pytest.mark.parametrize(
    "name", ["Sergey Lavrov", "Ministry of Foreign Affairs (Russia)", "Côte d'Ivoire", "Zürich 2"]
)
def test_the_default_id_is_the_slug_of_the_name(cls, name):
    assert cls(name=name).id == slugify(name)


def test_an_explicit_id_wins_over_the_name():
    assert Person(name="Sergey Lavrov", id="lavrov").id == "lavrov"


# --- a bool is not an int -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Counted(Model):
    count: int


def test_an_int_field_accepts_an_int():
    assert _Counted(count=3).count == 3


@pytest.mark.parametrize(
    ("value", "found"), [(True, "bool (True)"), (False, "bool (False)"), ("3", "'3'"), (3.0, "float (3.0)")]
)
def test_an_int_field_rejects_a_bool_and_other_non_ints(value, found):
    with pytest.raises(ValidationError) as excinfo:
        _Counted(count=value)
    assert details(excinfo) == [("_Counted.count", f"expected int, found {found}")]


def test_a_bool_is_not_an_org_kind():
    with pytest.raises(ValidationError) as excinfo:
        Organization(name="RT", kind=True)
    assert details(excinfo) == [("Organization.kind", "expected an OrgKind, found bool (True)")]


# --- value semantics ------------------------------------------------------------------------------------


def _samples():
    mfa = Organization(name="Russian Foreign Ministry", kind=OrgKind.MINISTRY, country="RU")
    return [
        Country(code="RU"),
        mfa,
        Role(title="spokeswoman", organization=mfa),
        Person(name="Maria Zakharova", nationality=("RU",), roles=(Role(title="spokeswoman"),)),
        Place(name="Moscow", country="RU"),
    ]


@pytest.mark.parametrize("obj", _samples(), ids=lambda o: type(o).__name__)
def test_objects_are_frozen(obj):
    field = attrs.fields(type(obj))[0].name
    before = getattr(obj, field)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, field, "changed")
    assert getattr(obj, field) == before


@pytest.mark.parametrize(
    ("a", "b"), list(zip(_samples(), _samples(), strict=True)), ids=lambda o: type(o).__name__
)
def test_objects_are_equal_by_value_and_hash_equal(a, b):
    assert a is not b
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Country(code="RU"), Country(code="US")),
        (Country(code="RU"), Country(code="RU", name="Russian Federation")),
        (Person(name="Sergey Lavrov"), Person(name="Sergey Lavrov", id="lavrov")),
        (Person(name="Sergey Lavrov"), Person(name="Sergey Lavrov", nationality=("RU",))),
        (Organization(name="RT"), Organization(name="RT", kind=OrgKind.MEDIA)),
        (Place(name="Moscow"), Place(name="Moscow", country="RU")),
        (Role(title="spokeswoman"), Role(title="spokesman")),
    ],
)
def test_objects_with_different_values_are_not_equal(a, b):
    assert a != b
    assert len({a, b}) == 2


def test_objects_of_different_classes_are_not_equal():
    assert Person(name="Moscow") != Place(name="Moscow")


def test_evolve_changes_one_field():
    lavrov = Person(name="Sergey Lavrov", nationality=("RU",))
    changed = attrs.evolve(lavrov, description="Foreign Minister")
    assert changed.description == "Foreign Minister"
    assert changed.name == "Sergey Lavrov"
    assert changed.nationality == ("RU",)
    assert lavrov.description is None


def test_evolve_keeps_the_id_when_the_name_changes():
    lavrov = Person(name="Sergey Lavrov")
    assert attrs.evolve(lavrov, name="S. Lavrov").id == "sergey-lavrov"


@pytest.mark.parametrize(
    ("obj", "changes", "expected"),
    [
        (
            Person(name="Sergey Lavrov"),
            {"name": " Lavrov"},
            [("Person.name", "expected no leading or trailing white space, found ' Lavrov'")],
        ),
        (
            Person(name="Sergey Lavrov"),
            {"nationality": ("ru",)},
            [
                (
                    "Person.nationality[0]",
                    "expected an upper-case ISO 3166-1 alpha-2 code, found 'ru' (did you mean 'RU'?)",
                )
            ],
        ),
        (
            Country(code="RU"),
            {"code": "XX"},
            [("Country.code", "expected an assigned ISO 3166-1 alpha-2 code, found 'XX'")],
        ),
        (
            Place(name="Moscow"),
            {"id": "Moscow"},
            [("Place.id", "expected a slug matching [a-z0-9][a-z0-9._:-]*, found 'Moscow'")],
        ),
        (Role(title="spokeswoman"), {"title": ""}, [("Role.title", "must not be blank, found ''")]),
    ],
)
def test_evolve_revalidates(obj, changes, expected):
    with pytest.raises(ValidationError) as excinfo:
        attrs.evolve(obj, **changes)
    assert details(excinfo) == expected


@given(text=st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
def test_slugify_of_ascii_takes_a_shortcut_to_the_same_answer(text: str) -> None:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    assert slugify.__wrapped__(text) == re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Sergey Lavrov", "sergey-lavrov"), ("--a  b--", "a-b"), ("\t\x00A\x7fB", "a-b"), ("", ""), ("!!", "")],
)
def test_slugify_of_ascii_at_its_edges(text: str, slug: str) -> None:
    assert slugify(text) == slug
