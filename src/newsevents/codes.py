"""Event codes: CAMEO and PLOVER for every event type, and PLOVER records of an article.

Sources:

- CAMEO: D. J. Gerner, P. A. Schrodt, Ö. Yilmaz and R. Abu-Jabr, *Conflict and
  Mediation Event Observations (CAMEO) Codebook* (2008), version 1.1b3 (Schrodt,
  2012). :data:`CAMEO` holds the 20 cue categories and the codes newsevents uses.
- PLOVER: A. Halterman, P. A. Schrodt et al., *PLOVER: Political Language Ontology
  for Verifiable Event Records*, Open Event Data Alliance
  (https://github.com/openeventdata/PLOVER): the manual's draft 2.0 of 2024-02-04
  (:data:`PLOVER_VERSION`) for the record, the categories and their modes, and the
  official CAMEO to PLOVER crosswalk (``CAMEO2PLOVER``, draft 0.8, 17 September 2021)
  for the CAMEO codes. The crosswalk drops CAMEO's statements (01) and appeals (02);
  PLOVER's REQUEST comes from CAMEO's demands (10).

The mapping of the built-in types (every CAMEO code with the PLOVER event and mode the
crosswalk gives it):

==============================================  ======  =================
Event                                           CAMEO   PLOVER event/mode
==============================================  ======  =================
Statement                                       010     (none: dropped)
request for a call, meeting, visit, talks       106     REQUEST/meet
request for the release of persons              1053    REQUEST/yield
request for assistance                          103     REQUEST/assist
request for extradition                         1013    REQUEST/assist
request for information                         102     REQUEST/assist
other request                                   100     REQUEST
detention: arrested, charged, detained, jailed  173     COERCE/arrest
detention: convicted, without a sentence        (none)  SANCTION/convict
detention: sentenced (or given a sentence)      (none)  SANCTION/convict
                                                173     and COERCE/arrest
detention: released or exchanged                0841    RETREAT/release
==============================================  ======  =================

Convictions follow the manual (SANCTION ``convict``, and COERCE ``arrest`` as well when
the sentence is imprisonment; a :class:`~newsevents.Term` is a prison term). The
crosswalk, older than the manual, maps CAMEO's 116 ("find guilty") to ACCUSE, so a
conviction carries no CAMEO code: none agrees with both.

Custom event types declare theirs with :func:`register_codes`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from types import MappingProxyType
from typing import Any, Final, TypeVar

import attrs

from newsevents import _registry
from newsevents._base import Model
from newsevents._codes import plover as _plover
from newsevents._codes.iso3166 import COUNTRY_NAMES
from newsevents._codes.plover import MANUAL_VERSION, MODES
from newsevents.article import Article
from newsevents.dates import Precision
from newsevents.entities import Actor, Country, Organization, OrgKind
from newsevents.errors import RegistrationError
from newsevents.events import (
    Certainty,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    RequestKind,
    Statement,
    register_rendering,
)
from newsevents.validators import describe, rules

__all__ = [
    "CAMEO",
    "PLOVER_EVENTS",
    "PLOVER_MODES",
    "PLOVER_VERSION",
    "EventCodes",
    "event_codes",
    "plover_actor",
    "register_codes",
    "to_plover",
]

CAMEO: Final[Mapping[str, str]] = MappingProxyType({
    "01": "Make public statement", "010": "Make statement, not specified below",
    "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
    "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
    "08": "Yield", "084": "Return, release, not specified below", "0841": "Return, release person(s)",
    "09": "Investigate", "10": "Demand", "100": "Demand, not specified below",
    "102": "Demand diplomatic cooperation (such as policy support)", "103": "Demand aid",
    "1013": "Demand judicial cooperation", "1053": "Demand release of persons or property",
    "106": "Demand meeting, negotiation", "11": "Disapprove", "116": "Find guilty or liable (legally)",
    "12": "Reject", "13": "Threaten", "14": "Protest", "15": "Exhibit force posture",
    "16": "Reduce relations", "17": "Coerce", "173": "Arrest, detain, or charge with legal action",
    "18": "Assault", "19": "Fight", "20": "Use unconventional mass violence",
})  # fmt: skip
"""CAMEO codes and their names: the 20 cue categories and the codes the built-in types map to.

The names of the 10x codes are the crosswalk's.
"""

PLOVER_EVENTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "AGREE": "agree to, offer or promise cooperation",
        "CONSULT": "consultations and meetings, in person or by phone",
        "SUPPORT": "diplomatic, non-material cooperation and support",
        "CONCEDE": "verbal concessions without immediate material consequences",
        "COOPERATE": "mutual material cooperation or exchange",
        "AID": "material aid that benefits the recipient",
        "RETREAT": "material concessions: release of prisoners, withdrawal, ceasefire",
        "REQUEST": "requests, appeals and demands",
        "ACCUSE": "disapprovals, accusations, lawsuits and investigations",
        "REJECT": "rejections and refusals",
        "THREATEN": "threats and coercive warnings",
        "PROTEST": "demonstrations and other collective protest",
        "SANCTION": "reductions of normal relations, sanctions, convictions",
        "MOBILIZE": "military or police moves short of the use of force",
        "COERCE": "repression and restrictions on rights, arrests",
        "ASSAULT": "deliberate actions that can cause substantial physical harm",
    }
)
"""The PLOVER event categories, with a short summary of each."""

PLOVER_VERSION: Final = MANUAL_VERSION
"""The PLOVER manual whose record, categories and modes :func:`to_plover` writes.

>>> PLOVER_VERSION
'PLOVER manual draft 2.0 (openeventdata/PLOVER, 2024-02-04)'
"""

PLOVER_MODES: Final[Mapping[str, tuple[str, ...]]] = MODES
"""The current modes of every PLOVER category, as the manual's mode tables list them.

A category with an empty tuple has no modes; modes the manual has retired (such as
COERCE's ``confiscate`` and ``ban``, RETREAT's ``return``) are refused.

>>> PLOVER_MODES["COERCE"][-3:]
('withhold', 'misinformation', 'cyber')
"""


def _cameo_problem(code: str) -> str | None:
    if len(code) in (2, 3, 4) and code.isascii() and code.isdigit() and "01" <= code[:2] <= "20":
        return None
    return f"expected a CAMEO code of 2 to 4 digits under categories 01 to 20, found {describe(code)}"


def _plover_problem(category: str) -> str | None:
    if category in PLOVER_EVENTS:
        return None
    return f"expected a PLOVER category ({', '.join(PLOVER_EVENTS)}), found {describe(category)}"


@attrs.frozen(kw_only=True)
class EventCodes(Model):
    """The codes of one event in the CAMEO and PLOVER schemes.

    Attributes:
        cameo: A CAMEO code such as ``"106"``; ``None`` when there is none.
        plover: A PLOVER category such as ``"REQUEST"``; ``None`` when PLOVER has none.
        mode: The PLOVER mode within the category, if any: one of its current modes.
        also: Further codings of the same event, each with its own codes (a conviction
            to prison is SANCTION ``convict`` and also COERCE ``arrest``).

    >>> EventCodes(cameo="173", plover="COERCE", mode="arrest").cameo_name
    'Arrest, detain, or charge with legal action'
    """

    cameo: str | None = attrs.field(default=None, metadata=rules(_cameo_problem))
    plover: str | None = attrs.field(default=None, metadata=rules(_plover_problem))
    mode: str | None = None
    also: tuple[EventCodes, ...] = ()

    def _invariants(self) -> list[tuple[str, str]]:
        if self.mode is None:
            return []
        if self.plover is None:
            return [("mode", f"expected no mode without a PLOVER category, found {self.mode!r}")]
        modes = PLOVER_MODES.get(self.plover)
        if modes is not None and not modes:
            return [("mode", f"expected no mode: {self.plover} has none, found {self.mode!r}")]
        if modes is not None and self.mode not in modes:
            return [("mode", f"expected a mode of {self.plover} ({', '.join(modes)}), found {self.mode!r}")]
        return []

    @property
    def cameo_name(self) -> str | None:
        """The codebook's name of the CAMEO code, when :data:`CAMEO` has it."""
        return CAMEO.get(self.cameo) if self.cameo is not None else None

    def codings(self) -> tuple[EventCodes, ...]:
        """This coding and those in :attr:`also`, in order, each without its own ``also``.

        >>> codes = EventCodes(plover="SANCTION", mode="convict",
        ...                    also=(EventCodes(cameo="173", plover="COERCE", mode="arrest"),))
        >>> [(c.cameo, c.plover, c.mode) for c in codes.codings()]
        [(None, 'SANCTION', 'convict'), ('173', 'COERCE', 'arrest')]
        """
        head = attrs.evolve(self, also=()) if self.also else self
        return (head, *(c for more in self.also for c in more.codings()))


E = TypeVar("E", bound=Event)


def register_codes(cls: type[E], codes: EventCodes | Callable[[E], EventCodes]) -> None:
    """Declare the codes of a registered event type (subclasses inherit them).

    The same as ``register_rendering(cls, codes=codes)``, or ``codes=`` of
    :func:`~newsevents.event_type`: the codes are part of the type's record.

    Args:
        cls: A registered :class:`~newsevents.Event` subclass, custom or built in.
        codes: The same codes for every event of the type, or a function of the event.

    >>> import attrs
    >>> from newsevents import Event, event_type
    >>> @event_type("codes_example_protest")
    ... @attrs.frozen(kw_only=True)
    ... class Protest(Event):
    ...     crowd: int | None = None
    >>> register_codes(Protest, EventCodes(cameo="14", plover="PROTEST"))
    >>> event_codes(Protest(id="p1")).plover
    'PROTEST'
    """
    if not (isinstance(cls, type) and issubclass(cls, Event)) or cls is Event:
        raise RegistrationError(f"register_codes takes an Event subclass, found {cls!r}")
    if not (isinstance(codes, EventCodes) or callable(codes)):
        raise RegistrationError(
            f"register_codes takes EventCodes or a function of the event, found {codes!r}"
        )
    _registry.update(cls, "register_codes", codes=codes)


def event_codes(event: Event) -> EventCodes:
    """The CAMEO and PLOVER codes of an event; empty codes for a type that declares none.

    >>> from newsevents import Country, DiplomaticRequest, RequestKind
    >>> call = DiplomaticRequest(id="r1", requester=Country(code="US"), addressee=Country(code="RU"),
    ...                          kind=RequestKind.PHONE_CALL)
    >>> event_codes(call)
    EventCodes(cameo='106', plover='REQUEST', mode='meet', also=())
    """
    found = _registry.codes_owner(type(event))
    if found is None:
        return EventCodes()
    klass, provider = found
    codes = provider if isinstance(provider, EventCodes) else provider(event)
    if not isinstance(codes, EventCodes):
        raise TypeError(f"the codes function of {klass.__qualname__} returned {codes!r}, not EventCodes")
    return codes


# CAMEO demands (10x) and the PLOVER event and mode the crosswalk gives each.
_REQUESTS: Final = {
    RequestKind.PHONE_CALL: ("106", "meet"), RequestKind.MEETING: ("106", "meet"),
    RequestKind.VISIT: ("106", "meet"), RequestKind.NEGOTIATION: ("106", "meet"),
    RequestKind.RELEASE: ("1053", "yield"), RequestKind.ASSISTANCE: ("103", "assist"),
    RequestKind.EXTRADITION: ("1013", "assist"), RequestKind.INFORMATION: ("102", "assist"),
    RequestKind.OTHER: ("100", None),
}  # fmt: skip
_FREED = frozenset({DetentionStatus.RELEASED, DetentionStatus.EXCHANGED})
_CONVICTED = frozenset({DetentionStatus.CONVICTED, DetentionStatus.SENTENCED})
_ARREST = EventCodes(cameo="173", plover="COERCE", mode="arrest")


def _request_codes(event: DiplomaticRequest) -> EventCodes:
    cameo, mode = _REQUESTS[event.kind]
    return EventCodes(cameo=cameo, plover="REQUEST", mode=mode)


def _detention_codes(event: Detention) -> EventCodes:
    if event.status in _FREED:
        return EventCodes(cameo="0841", plover="RETREAT", mode="release")
    if event.status in _CONVICTED or event.sentence is not None:
        # The manual: a conviction is SANCTION convict; one to prison is COERCE arrest too.
        also = (_ARREST,) if event.sentence is not None else ()
        return EventCodes(plover="SANCTION", mode="convict", also=also)
    return _ARREST


register_codes(Statement, EventCodes(cameo="010"))
register_codes(DiplomaticRequest, _request_codes)
register_codes(Detention, _detention_codes)
register_rendering(DiplomaticRequest, plover_context=("diplomatic",))

# ---------------------------------------------------------------- PLOVER records

# ISO 3166-1 alpha-3 codes (PLOVER's actor codes for states), by alpha-2 code.
_ALPHA3_PAIRS: Final = """
    AD:AND AE:ARE AF:AFG AG:ATG AI:AIA AL:ALB AM:ARM AO:AGO AQ:ATA AR:ARG AS:ASM AT:AUT AU:AUS AW:ABW
    AX:ALA AZ:AZE BA:BIH BB:BRB BD:BGD BE:BEL BF:BFA BG:BGR BH:BHR BI:BDI BJ:BEN BL:BLM BM:BMU BN:BRN
    BO:BOL BQ:BES BR:BRA BS:BHS BT:BTN BV:BVT BW:BWA BY:BLR BZ:BLZ CA:CAN CC:CCK CD:COD CF:CAF CG:COG
    CH:CHE CI:CIV CK:COK CL:CHL CM:CMR CN:CHN CO:COL CR:CRI CU:CUB CV:CPV CW:CUW CX:CXR CY:CYP CZ:CZE
    DE:DEU DJ:DJI DK:DNK DM:DMA DO:DOM DZ:DZA EC:ECU EE:EST EG:EGY EH:ESH ER:ERI ES:ESP ET:ETH FI:FIN
    FJ:FJI FK:FLK FM:FSM FO:FRO FR:FRA GA:GAB GB:GBR GD:GRD GE:GEO GF:GUF GG:GGY GH:GHA GI:GIB GL:GRL
    GM:GMB GN:GIN GP:GLP GQ:GNQ GR:GRC GS:SGS GT:GTM GU:GUM GW:GNB GY:GUY HK:HKG HM:HMD HN:HND HR:HRV
    HT:HTI HU:HUN ID:IDN IE:IRL IL:ISR IM:IMN IN:IND IO:IOT IQ:IRQ IR:IRN IS:ISL IT:ITA JE:JEY JM:JAM
    JO:JOR JP:JPN KE:KEN KG:KGZ KH:KHM KI:KIR KM:COM KN:KNA KP:PRK KR:KOR KW:KWT KY:CYM KZ:KAZ LA:LAO
    LB:LBN LC:LCA LI:LIE LK:LKA LR:LBR LS:LSO LT:LTU LU:LUX LV:LVA LY:LBY MA:MAR MC:MCO MD:MDA ME:MNE
    MF:MAF MG:MDG MH:MHL MK:MKD ML:MLI MM:MMR MN:MNG MO:MAC MP:MNP MQ:MTQ MR:MRT MS:MSR MT:MLT MU:MUS
    MV:MDV MW:MWI MX:MEX MY:MYS MZ:MOZ NA:NAM NC:NCL NE:NER NF:NFK NG:NGA NI:NIC NL:NLD NO:NOR NP:NPL
    NR:NRU NU:NIU NZ:NZL OM:OMN PA:PAN PE:PER PF:PYF PG:PNG PH:PHL PK:PAK PL:POL PM:SPM PN:PCN PR:PRI
    PS:PSE PT:PRT PW:PLW PY:PRY QA:QAT RE:REU RO:ROU RS:SRB RU:RUS RW:RWA SA:SAU SB:SLB SC:SYC SD:SDN
    SE:SWE SG:SGP SH:SHN SI:SVN SJ:SJM SK:SVK SL:SLE SM:SMR SN:SEN SO:SOM SR:SUR SS:SSD ST:STP SV:SLV
    SX:SXM SY:SYR SZ:SWZ TC:TCA TD:TCD TF:ATF TG:TGO TH:THA TJ:TJK TK:TKL TL:TLS TM:TKM TN:TUN TO:TON
    TR:TUR TT:TTO TV:TUV TW:TWN TZ:TZA UA:UKR UG:UGA UM:UMI US:USA UY:URY UZ:UZB VA:VAT VC:VCT VE:VEN
    VG:VGB VI:VIR VN:VNM VU:VUT WF:WLF WS:WSM YE:YEM YT:MYT ZA:ZAF ZM:ZMB ZW:ZWE
"""
_ALPHA3: Final = dict(pair.split(":") for pair in _ALPHA3_PAIRS.split())
_SECTORS: Final = {
    OrgKind.GOVERNMENT: "GOV", OrgKind.MINISTRY: "GOV", OrgKind.AGENCY: "GOV", OrgKind.LEGISLATURE: "LEG",
    OrgKind.COURT: "JUD", OrgKind.MILITARY: "MIL", OrgKind.MEDIA: "JRN", OrgKind.COMPANY: "BUS",
}  # fmt: skip
_NON_STATE: Final = {OrgKind.INTERGOVERNMENTAL: "IGO", OrgKind.NGO: "NGO"}


def _state(code: str) -> str:
    """The PLOVER country code of an ISO alpha-2 code: a dependency takes its controlling state's."""
    return _ALPHA3[_plover.CONTROLLING_STATE.get(code, code)]


def _union_code(org: Organization) -> str | None:
    """UNO or EUR for the United Nations or the European Union and their bodies, else ``None``."""
    if org.wikidata is not None and org.wikidata in _plover.WIKIDATA:
        return _plover.WIKIDATA[org.wikidata]
    if org.kind is not OrgKind.INTERGOVERNMENTAL:
        return None
    for name in (org.name, *org.aliases):
        folded = name.casefold()
        if folded in _plover.UN_NAMES or folded.startswith(_plover.UN_PREFIXES):
            return _plover.UN
        if folded in _plover.EU_NAMES or folded.startswith(_plover.EU_PREFIXES):
            return _plover.EU
    return None


def _organization_code(org: Organization) -> dict[str, str]:
    out: dict[str, str] = {}
    code = _union_code(org) or _NON_STATE.get(org.kind) or (_state(org.country) if org.country else None)
    if code:
        out["code"] = code
    sector = _SECTORS.get(org.kind)
    if sector:
        out["sector"] = sector
    return out


def plover_actor(actor: Actor) -> dict[str, str]:
    """A PLOVER entity object: ``code``, ``sector``, ``entity_text``, ``office``, identifiers.

    ``code`` is the ISO 3166-1 alpha-3 code of a state (a dependency takes its
    controlling state's, as the manual folds them), ``UNO`` for the United Nations,
    ``EUR`` for the European Union (told by Wikidata item, or by name for an
    intergovernmental body: "UN", "United Nations ...", "EU", "European Union ..."),
    ``IGO`` for other intergovernmental bodies and ``NGO``; ``identifier_id`` and
    ``identifier_text`` hold the Wikidata item and the name.

    >>> from newsevents import Country
    >>> plover_actor(Country(code="RU"))
    {'code': 'RUS', 'entity_text': 'Russia'}
    >>> plover_actor(Country(code="FK"))  # the Falklands fold into the United Kingdom
    {'code': 'GBR', 'entity_text': 'Falkland Islands'}
    """
    if isinstance(actor, Country):
        return {"code": _state(actor.code), "entity_text": actor.name}
    out: dict[str, str] = {}
    if isinstance(actor, Organization):
        out.update(_organization_code(actor))
    else:
        employer = next((r.organization for r in actor.roles if r.organization is not None), None)
        found = _organization_code(employer) if employer is not None else {}
        if actor.nationality:
            found["code"] = _state(actor.nationality[0])
        out.update(found)
        if actor.roles:
            out["office"] = actor.roles[0].title
    out["entity_text"] = actor.name
    if actor.wikidata:
        out["identifier_id"] = actor.wikidata
        out["identifier_text"] = actor.name
    return out


def _dates(event: Event, article: Article) -> dict[str, str]:
    ref = event.when
    if ref is None:
        return {"date": article.published.date().isoformat()}
    out = {"date": ref.start.date().isoformat()}
    if ref.precision in (Precision.HOUR, Precision.MINUTE, Precision.SECOND):
        out["time"] = ref.start.timetz().isoformat()
    last = (ref.end - timedelta(microseconds=1)).date()
    if last != ref.start.date():
        out["enddate"] = last.isoformat()
    return out


def _context(event: Event, article: Article) -> list[str]:
    found = {Certainty.POSSIBLE: ["hypothetical"], Certainty.DENIED: ["negation"]}.get(event.certainty, [])
    found = [*(_registry.rendering(type(event), "plover_context") or ()), *found]  # the type's words first
    if event.when is not None and event.when.start > article.published:
        found.append("future")
    return found


def _links(article: Article) -> dict[str, str]:
    """Each linked event's group: the first event, in article order, of its set of ``related`` links."""
    group = {e.id: e.id for e in article.events}

    def root(ident: str) -> str:
        while group[ident] != ident:
            ident = group[ident]
        return ident

    order = {e.id: i for i, e in enumerate(article.events)}
    for event in article.events:
        for other in event.related:
            a, b = sorted((root(event.id), root(other)), key=order.__getitem__)
            group[b] = a
    linked = {e.id for e in article.events if e.related} | {r for e in article.events for r in e.related}
    return {ident: f"{article.id}#{root(ident)}" for ident in linked}


def _located(event: Event) -> dict[str, Any]:
    place = event.place
    if place is None:
        return {}
    loc = {"extracted_place": place.name}
    if place.country:  # the manual's location object: the country as actors have it
        state = _plover.CONTROLLING_STATE.get(place.country, place.country)
        loc |= {"country": COUNTRY_NAMES[state], "country_code": _ALPHA3[state]}
    return {"event_loc": loc}


def to_plover(article: Article) -> list[dict[str, Any]]:
    """PLOVER event records, one for each event that has a PLOVER category, in article order.

    The records follow the Data Fields chapter of the PLOVER manual named by
    :data:`PLOVER_VERSION`: ``id``, ``date`` (``YYYY-MM-DD``), ``time``, ``enddate``,
    ``actor`` (a list of entity objects, see :func:`plover_actor`; required, so
    an event with no acting party has ``[{"sector": "UNK"}]``, the manual's
    unidentified actor), ``recipient`` (a list, when there is one), ``event``,
    ``mode`` and ``context`` (lists), ``event_loc`` (``extracted_place``,
    ``country``, ``country_code``), ``event_text`` (the evidence fragments),
    ``text`` (the body's paragraphs that hold them), ``link`` (shared by events
    tied by ``related``), ``comment`` and ``cite_info`` (``title``,
    ``publication``, ``url``, ``language``, and ``codebook``: the manual's
    version). ``cameo`` is an extra field, as the manual allows: the CAMEO code of
    the codings that have one. A conviction to prison is one record with
    ``event: ["SANCTION", "COERCE"]`` and ``mode: ["convict", "arrest"]``.

    Statements are left out: PLOVER has no category for them. An undated event gets
    the article's date of publication, and says so in ``comment``.
    """
    cite: dict[str, str] = {"title": article.title, "publication": article.publisher.name}
    if article.url:
        cite["url"] = article.url
    primary = article.language.split("-", 1)[0].lower()
    if len(primary) == 2:  # the manual asks for ISO 639-1 two-letter codes
        cite["language"] = primary
    cite["codebook"] = PLOVER_VERSION
    links = _links(article)
    records: list[dict[str, Any]] = []
    for event in article.events:
        codings = [c for c in event_codes(event).codings() if c.plover is not None]
        if not codings:
            continue
        parties = event.parties()
        record: dict[str, Any] = {"id": f"{article.id}#{event.id}", **_dates(event, article)}
        # The manual requires an actor: UNK is its sector code of an unidentified one.
        record["actor"] = [plover_actor(a) for a in parties.acting] or [{"sector": "UNK"}]
        if parties.receiving:
            record["recipient"] = [plover_actor(a) for a in parties.receiving]
        record["event"] = list(dict.fromkeys(c.plover for c in codings))
        modes = list(dict.fromkeys(c.mode for c in codings if c.mode))
        if modes:
            record["mode"] = modes
        context = _context(event, article)
        if context:
            record["context"] = context
        record |= _located(event)
        if event.evidence:
            record["event_text"] = list(event.evidence)
            held = [p for p in article.body if any(f in p for f in event.evidence)]
            if held:
                record["text"] = "\n\n".join(held)
        if event.id in links:
            record["link"] = links[event.id]
        notes = [event.summary] if event.summary else []
        if event.when is None:
            notes.append("The article does not date the event: date of publication.")
        if notes:
            record["comment"] = " ".join(notes)
        cameo = next((c.cameo for c in codings if c.cameo), None)
        if cameo:
            record["cameo"] = cameo
        record["cite_info"] = dict(cite)
        records.append(record)
    return records
