"""schema.org JSON-LD: the structure of the NewsArticle graph (no network: nothing is fetched)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from _seed import SHARED, seed_article
from newsevents import (
    Article,
    Country,
    Detention,
    DiplomaticRequest,
    Organization,
    OrgKind,
    Person,
    Precision,
    QuoteMode,
    Role,
    Statement,
    TimeRef,
    ValidationError,
    to_schema_org,
)
from newsevents import strategies as nst
from newsevents.schemaorg import iso_period

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lavrov_blinken_call.py"
TYPES = {"NewsArticle", "Quotation", "AskAction", "Action", "Person", "Organization", "Country", "Place"}
TYPES |= {"PostalAddress", "GovernmentOrganization"}


def nodes(value: Any) -> list[dict[str, Any]]:
    """Every JSON object in the document that is a node or a reference, depth first."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        if "@type" in value or "@id" in value:
            found.append(value)
        for item in value.values():
            found.extend(nodes(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(nodes(item))
    return found


def check_graph(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The structural rules every export keeps; returns the described nodes by id."""
    assert doc["@context"] == "https://schema.org"
    assert json.loads(json.dumps(doc)) == doc  # plain JSON
    described: dict[str, dict[str, Any]] = {}
    for node in nodes(doc):
        if "@type" in node:
            assert node["@type"] in TYPES
            if "@id" in node:
                assert re.fullmatch(r"_:[a-z]+-[A-Za-z0-9._:-]+|_:article", node["@id"])
                assert node["@id"] not in described, f"{node['@id']} is described twice"
                described[node["@id"]] = node
        else:
            assert set(node) == {"@id"}, node
    for node in nodes(doc):
        # every reference resolves: to a node of the document, or to a schema.org enumeration member
        assert node.get("@id", "_:article") in described or "@type" in node or node["@id"].startswith(SCHEMA)
        if "sameAs" in node:
            assert re.fullmatch(r"https://www\.wikidata\.org/wiki/Q[1-9][0-9]*", node["sameAs"])
    return described


def test_the_seed_article_exports_to_schema_org() -> None:
    article = seed_article()
    doc = to_schema_org(article)
    described = check_graph(doc)
    assert doc["@type"] == "NewsArticle"
    assert doc["headline"] == article.title
    assert doc["alternativeHeadline"] == article.subtitle
    assert doc["datePublished"] == "2022-07-28T22:23:00+00:00"
    assert doc["publisher"]["name"] == "RT"
    assert doc["inLanguage"] == "en"
    assert doc["keywords"] == ["diplomacy", "prisoner exchange", "Russia-US relations"]
    kinds = [event["@type"] for event in doc["about"]]
    assert kinds.count("Quotation") == len(article.statements) == 10
    assert kinds.count("AskAction") == len(article.requests) == 2
    assert kinds.count("Action") == len(article.detentions) == 3
    call = doc["about"][0]
    assert call["name"] == "request for a phone call"
    assert call["actionStatus"] == {"@id": "https://schema.org/ActiveActionStatus"}  # an IRI, not a string
    assert described[call["agent"]["@id"]]["name"] == "US State Department"
    assert described[call["recipient"]["@id"]]["name"] == "Russian Ministry of Foreign Affairs"
    assert [described[p["@id"]]["name"] for p in call["participant"]] == ["Antony Blinken", "Sergey Lavrov"]
    bout = doc["about"][-1]
    assert bout == {
        "@type": "Action",
        "@id": "_:event-bout-sentence",
        "identifier": "bout-sentence",
        "agent": {"@id": "_:government-US"},  # the United States as a state: an organisation
        "startTime": "2012-01-01T00:00:00+00:00",  # a DateTime: the first instant of the year
        "name": "Viktor Bout sentenced by United States",
        "object": {"@id": "_:person-viktor-bout"},
        "description": "date: 2012. charges: arming a terrorist group; conspiring to kill US nationals."
        " sentence: 25 years",
    }
    assert described["_:government-US"] == {
        "@type": "GovernmentOrganization",
        "@id": "_:government-US",
        "identifier": "US",
        "name": "United States",
        "areaServed": {"@id": "_:country-US"},
    }
    countries = {n["identifier"] for n in described.values() if n["@type"] == "Country"}
    assert countries == {"RU", "US"}


def test_quotations_name_their_speaker_and_people_their_wikidata_item(sample_article: Article) -> None:
    zakharova = Person(
        name="Maria Zakharova",
        wikidata="Q4319497",
        nationality=("RU",),
        roles=(Role(title="spokeswoman", organization=Organization(name="Russian Foreign Ministry")),),
    )
    statement = attrs.evolve(sample_article.statements[0], speaker=zakharova, related=())
    article = attrs.evolve(sample_article, events=(statement,), updated=sample_article.published)
    doc = to_schema_org(article)
    check_graph(doc)
    (quote,) = doc["about"]
    assert (quote["text"], quote["abstract"]) == ("busy", statement.text)  # the quoted words, the paraphrase
    assert quote["creator"] == {
        "@type": "Person",
        "@id": "_:person-maria-zakharova",
        "identifier": "maria-zakharova",
        "name": "Maria Zakharova",
        "sameAs": "https://www.wikidata.org/wiki/Q4319497",
        "nationality": [{"@type": "Country", "@id": "_:country-RU", "name": "Russia", "identifier": "RU"}],
        "jobTitle": ["spokeswoman"],
        "worksFor": [
            {
                "@type": "Organization",
                "@id": "_:organization-russian-foreign-ministry",
                "identifier": "russian-foreign-ministry",
                "name": "Russian Foreign Ministry",
            }
        ],
    }
    assert quote["spokenByCharacter"] == {"@id": "_:person-maria-zakharova"}
    assert quote["dateCreated"] == "2022-07-28"
    assert quote["locationCreated"] == {
        "@type": "Place",
        "@id": "_:place-moscow",
        "identifier": "moscow",
        "name": "Moscow",
        "containedInPlace": {"@id": "_:country-RU"},
    }
    assert doc["dateModified"] == doc["datePublished"] == "2022-07-28T22:23:00+03:00"
    assert doc["author"] == [
        {"@type": "Person", "@id": "_:person-jane-doe", "identifier": "jane-doe", "name": "Jane Doe"}
    ]
    assert doc["articleBody"] == "\n\n".join(sample_article.body)
    assert doc["url"] == sample_article.url
    assert doc["mentions"] == [{"@id": "_:person-maria-zakharova"}, {"@id": "_:place-moscow"}]


def test_an_organisation_speaks_as_creator_only(sample_article: Article) -> None:
    tass = Organization(name="TASS", kind=OrgKind.MEDIA)
    statement = attrs.evolve(sample_article.statements[0], speaker=tass, related=())
    (quote,) = to_schema_org(attrs.evolve(sample_article, events=(statement,)))["about"]
    assert quote["creator"] == {
        "@type": "Organization",
        "@id": "_:organization-tass",
        "identifier": "tass",
        "name": "TASS",
    }
    assert "spokenByCharacter" not in quote


def test_quotations_hold_only_verbatim_words_as_text(sample_article: Article) -> None:
    base = attrs.evolve(sample_article.statements[0], related=())
    direct = attrs.evolve(base, mode=QuoteMode.DIRECT, text="busy", quotes=("busy",))
    indirect = attrs.evolve(base, id="said", mode=QuoteMode.INDIRECT, quotes=())
    about = to_schema_org(attrs.evolve(sample_article, events=(direct, indirect)))["about"]
    assert [(q.get("text"), q.get("abstract")) for q in about] == [("busy", None), (None, base.text)]


def test_event_dates_keep_their_precision() -> None:
    assert iso_period(TimeRef.at(datetime(2022, 7, 28, tzinfo=UTC), Precision.WEEK)) == "2022-W30"
    assert iso_period(TimeRef.at(datetime(2021, 1, 1, tzinfo=UTC), Precision.WEEK)) == "2020-W53"
    assert iso_period(TimeRef.of(2022, 7, 28, 22, 23, 5)) == "2022-07-28T22:23:05+00:00"


@given(nst.articles(max_events=3))
def test_every_article_gives_a_well_formed_graph(article: Article) -> None:
    doc = to_schema_org(article)
    check_graph(doc)
    expected = {Statement: "Quotation", DiplomaticRequest: "AskAction", Detention: "Action"}
    # A subclass of a built-in type (other test modules register some) is rendered as its parent.
    assert [e["@type"] for e in doc.get("about", [])] == [
        next((expected[c] for c in type(e).__mro__ if c in expected), "Action") for e in article.events
    ]
    assert [e["identifier"] for e in doc.get("about", [])] == [e.id for e in article.events]


# ---------------------------------------------------------------- against the schema.org vocabulary

VOCABULARY = SHARED / "standards" / "schemaorg-current-https.jsonld"
needs_vocabulary = pytest.mark.skipif(
    not VOCABULARY.exists(), reason=f"the schema.org vocabulary (release 30.0) is not at {VOCABULARY}"
)
SCHEMA = "https://schema.org/"
# The literal forms of schema.org's data types (https://schema.org/DataType), as JSON values.
_DATETIME = re.compile(
    r"-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2})"
)
_DATE = re.compile(r"-?[0-9]{4,}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?")
_URL = re.compile(r"https?://[^\s/?#]+[^\s]*")
LITERALS = {
    "Text": lambda v: isinstance(v, str),
    "URL": lambda v: isinstance(v, str) and _URL.fullmatch(v) is not None,
    "DateTime": lambda v: isinstance(v, str) and _DATETIME.fullmatch(v) is not None and _valid_moment(v),
    "Date": lambda v: isinstance(v, str) and _DATE.fullmatch(v) is not None and _valid_moment(v + "T00:00Z"),
    "Time": lambda v: isinstance(v, str) and _TIME.fullmatch(v) is not None,
    "Number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "Float": lambda v: isinstance(v, float),
    "Boolean": lambda v: isinstance(v, bool),
}


def _valid_moment(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [i["@id"].removeprefix("schema:") for i in items if isinstance(i, dict)]


class Vocabulary:
    """schema.org's classes, properties (domain and range) and enumeration members, from its JSON-LD."""

    def __init__(self, path: Path) -> None:
        graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
        self.parents: dict[str, list[str]] = {}
        self.domains: dict[str, set[str]] = {}
        self.ranges: dict[str, set[str]] = {}
        self.members: dict[str, set[str]] = {}  # enumeration member -> its types
        for node in graph:
            name = node["@id"].removeprefix("schema:")
            if not node["@id"].startswith("schema:"):
                continue
            types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            if "rdfs:Class" in types:
                self.parents[name] = _ids(node.get("rdfs:subClassOf", []))
            if "rdf:Property" in types:
                self.domains[name] = set(_ids(node.get("schema:domainIncludes", [])))
                self.ranges[name] = set(_ids(node.get("schema:rangeIncludes", [])))
            kinds = {t.removeprefix("schema:") for t in types if t.startswith("schema:")} - {"DataType"}
            if kinds:
                self.members[name] = kinds

    def ancestors(self, cls: str) -> set[str]:
        seen, todo = set(), [cls]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.parents.get(current, []))
        return seen

    def violations(self, doc: dict[str, Any]) -> list[str]:
        """Every @type, property, domain and range problem of a JSON-LD document, with its path."""
        described = {n["@id"]: n["@type"] for n in nodes(doc) if "@type" in n and "@id" in n}
        found: list[str] = []

        def node_types(value: dict[str, Any], path: str) -> set[str] | None:
            if "@type" in value:
                return self.ancestors(value["@type"])
            ref = value.get("@id", "")
            if ref in described:
                return self.ancestors(described[ref])
            if ref.startswith(SCHEMA) and ref.removeprefix(SCHEMA) in self.members:  # an enumeration member
                return set().union(*(self.ancestors(t) for t in self.members[ref.removeprefix(SCHEMA)]))
            found.append(f"{path}: {ref!r} is neither described in the document nor a schema.org IRI")
            return None

        def visit(node: dict[str, Any], path: str) -> None:
            kind = node["@type"]
            if kind not in self.parents:
                found.append(f"{path}: @type {kind!r} is not a schema.org type")
                return
            lineage = self.ancestors(kind)
            for prop, value in node.items():
                if prop.startswith("@"):
                    continue
                where = f"{path}.{prop}"
                if prop not in self.domains:
                    found.append(f"{where}: not a schema.org property")
                    continue
                if not self.domains[prop] & lineage:
                    found.append(f"{where}: {kind} is not in its domain {sorted(self.domains[prop])}")
                allowed = self.ranges[prop]
                for i, item in enumerate(value if isinstance(value, list) else [value]):
                    at = f"{where}[{i}]" if isinstance(value, list) else where
                    if isinstance(item, dict):
                        types = node_types(item, at)
                        if types is not None and not (types & allowed):
                            kinds = sorted(types & set(self.parents))
                            found.append(f"{at}: a {kinds} node, expected {sorted(allowed)}")
                        if "@type" in item:
                            visit(item, at)
                    elif not any(LITERALS[t](item) for t in allowed if t in LITERALS):
                        found.append(f"{at}: {item!r} is not a literal of {sorted(allowed)}")

        visit(doc, "$")
        return found


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    if not VOCABULARY.exists():
        pytest.skip(f"the schema.org vocabulary (release 30.0) is not at {VOCABULARY}")
    return Vocabulary(VOCABULARY)


@needs_vocabulary
def test_the_seed_article_uses_schema_org_in_domain_and_in_range(vocabulary: Vocabulary) -> None:
    assert vocabulary.violations(to_schema_org(seed_article())) == []


@needs_vocabulary
@given(nst.articles(max_events=4))
def test_drawn_articles_use_schema_org_in_domain_and_in_range(
    vocabulary: Vocabulary, article: Article
) -> None:
    assert vocabulary.violations(to_schema_org(article)) == []


@pytest.mark.slow  # about 12 s of CPU, 40 s on a busy machine: the profile's count above runs every time
@needs_vocabulary
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nst.articles(max_events=4))
def test_500_drawn_articles_use_schema_org_in_domain_and_in_range(
    vocabulary: Vocabulary, article: Article
) -> None:
    assert vocabulary.violations(to_schema_org(article)) == []


@needs_vocabulary
def test_the_vocabulary_check_finds_each_kind_of_violation(vocabulary: Vocabulary) -> None:
    doc = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": "_:article",
        "headline": "T",
        "datePublished": "2022-07-28T22:23:00+05:30:15",
        "colour": "red",
        "startTime": "2022-07-28T22:23:00Z",
        "about": [
            {
                "@type": "AskAction",
                "agent": {"@type": "Country", "@id": "_:country-US", "name": "United States"},
                "recipient": {"@id": "_:country-US"},
                "startTime": "2012",
                "actionStatus": "https://schema.org/CompletedActionStatus",
            },
            {"@type": "Action", "actionStatus": {"@id": "https://schema.org/Nothing"}},
            {"@type": "Protest"},
        ],
    }
    assert vocabulary.violations(doc) == [
        "$.datePublished: '2022-07-28T22:23:00+05:30:15' is not a literal of ['Date', 'DateTime']",
        "$.colour: not a schema.org property",
        "$.startTime: NewsArticle is not in its domain"
        " ['Action', 'FoodEstablishmentReservation', 'InteractionCounter', 'MediaObject', 'Schedule']",
        "$.about[0].agent: a ['AdministrativeArea', 'Country', 'Place', 'Thing'] node,"
        " expected ['Organization', 'Person']",
        "$.about[0].recipient: a ['AdministrativeArea', 'Country', 'Place', 'Thing'] node,"
        " expected ['Audience', 'ContactPoint', 'Organization', 'Person']",
        "$.about[0].startTime: '2012' is not a literal of ['DateTime', 'Time']",
        "$.about[0].actionStatus: 'https://schema.org/CompletedActionStatus'"
        " is not a literal of ['ActionStatusType']",
        "$.about[1].actionStatus: 'https://schema.org/Nothing' is neither described in the document"
        " nor a schema.org IRI",
        "$.about[2]: a [] node, expected ['Thing']",
        "$.about[2]: @type 'Protest' is not a schema.org type",
    ]
    fixed = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "T", "about": [
        {"@type": "AskAction", "actionStatus": {"@id": "https://schema.org/CompletedActionStatus"},
         "startTime": "2012-01-01T00:00:00+00:00", "agent": {"@type": "GovernmentOrganization", "name": "US"}}
    ]}  # fmt: skip
    assert vocabulary.violations(fixed) == []


@needs_vocabulary
def test_countries_that_act_are_their_governments_and_coarse_dates_are_datetimes(
    vocabulary: Vocabulary, sample_article: Article
) -> None:
    russia, us = Country(code="RU"), Country(code="US")
    statement = attrs.evolve(
        sample_article.statements[0], speaker=russia, related=(), when=TimeRef.of(2022, 7), summary="Said."
    )
    request = attrs.evolve(
        sample_article.requests[0],
        requester=us,
        addressee=russia,
        related=(),
        when=TimeRef.of(2022, 7, 28, 9, 30),
    )
    doc = to_schema_org(attrs.evolve(sample_article, events=(statement, request)))
    assert vocabulary.violations(doc) == []
    quote, ask = doc["about"]
    assert quote["creator"] == {
        "@type": "GovernmentOrganization",
        "@id": "_:government-RU",
        "identifier": "RU",
        "name": "Russia",
        "areaServed": {"@type": "Country", "@id": "_:country-RU", "name": "Russia", "identifier": "RU"},
    }
    assert "spokenByCharacter" not in quote
    assert quote["dateCreated"] == "2022-07-01T00:00:00+00:00"
    assert quote["description"] == "Said. date: 2022-07"  # the period, since the DateTime is its start
    assert ask["agent"]["@id"] == "_:government-US"
    assert ask["recipient"] == {"@id": "_:government-RU"}
    assert ask["startTime"] == "2022-07-28T09:30:00+00:00"  # a time: no note
    assert "date:" not in ask.get("description", "")


def test_a_moment_with_an_offset_in_seconds_never_reaches_the_export() -> None:
    # RFC 3339 offsets are whole minutes: the model refuses a local mean time such as +00:02:30.
    lmt = timezone(timedelta(minutes=2, seconds=30))
    with pytest.raises(ValidationError) as caught:
        Article(
            id="a", title="T", published=datetime(1890, 1, 1, tzinfo=lmt), publisher=Organization(name="X")
        )
    assert [e.path for e in caught.value.errors] == ["Article.published"]
    assert caught.value.errors[0].message.startswith("expected a UTC offset in whole minutes (RFC 3339)")
