"""PLOVER tables: the manual's version, its modes per category, and its country-name rules.

Source: the PLOVER manual (Open Event Data Alliance, https://github.com/openeventdata/PLOVER,
``PLOVER_MANUAL.tex`` of 2024-02-04, "DRAFT Version: 2.0"), CC BY-SA 4.0: the mode tables of its
chapter "Event Categories" (rows commented out there, such as RETREAT's ``return``, are retired)
and its chapter "Country Names and Sector Codes".
"""

from types import MappingProxyType
from typing import Final

MANUAL_VERSION: Final = "PLOVER manual draft 2.0 (openeventdata/PLOVER, 2024-02-04)"
"""The edition of the PLOVER manual whose record, categories and modes newsevents writes."""

CROSSWALK_VERSION: Final = "CAMEO2PLOVER draft 0.8 (2021-09-17)"
"""The edition of the official CAMEO to PLOVER crosswalk the CAMEO codes agree with."""

MODES: Final = MappingProxyType({
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"),
})  # fmt: skip
"""Each category's current modes, in the manual's order; an empty tuple: the category has none."""

# ISO 3166-1 alpha-2 codes of dependencies and other territories that are neither independent states
# (the Correlates of War list, with the Holy See) nor the manual's exceptions (Antarctica, Hong Kong,
# Palestine), with the alpha-2 code of the state they fold into. Western Sahara folds into Morocco,
# as the manual's list of partially recognized entities says.
CONTROLLING_STATE: Final = MappingProxyType({
    "AI": "GB", "AS": "US", "AW": "NL", "AX": "FI", "BL": "FR", "BM": "GB", "BQ": "NL", "BV": "NO",
    "CC": "AU", "CK": "NZ", "CW": "NL", "CX": "AU", "EH": "MA", "FK": "GB", "FO": "DK", "GF": "FR",
    "GG": "GB", "GI": "GB", "GL": "DK", "GP": "FR", "GS": "GB", "GU": "US", "HM": "AU", "IM": "GB",
    "IO": "GB", "JE": "GB", "KY": "GB", "MF": "FR", "MO": "CN", "MP": "US", "MQ": "FR", "MS": "GB",
    "NC": "FR", "NF": "AU", "NU": "NZ", "PF": "FR", "PM": "FR", "PN": "GB", "PR": "US", "RE": "FR",
    "SH": "GB", "SJ": "NO", "SX": "NL", "TC": "GB", "TF": "FR", "TK": "NZ", "UM": "US", "VG": "GB",
    "VI": "US", "WF": "FR", "YT": "FR",
})  # fmt: skip
"""Dependencies and the state whose country name they take (the manual folds them in)."""

# The manual's international non-state "country names": UNO and EUR for the UN and the EU.
UN: Final = "UNO"
EU: Final = "EUR"
UN_NAMES: Final = frozenset({"united nations", "un", "the united nations"})
EU_NAMES: Final = frozenset({"european union", "eu", "the european union"})
UN_PREFIXES: Final = ("united nations ", "un ", "u.n. ")
EU_PREFIXES: Final = ("european union ", "eu ")
WIKIDATA: Final = MappingProxyType({"Q1065": UN, "Q458": EU})
"""Wikidata items of the United Nations and the European Union."""
