"""newsevents: a typed schema for news articles and the events they report.

Build typed, immutable objects for articles, the people and organisations in
them, and the statements, diplomatic requests and detentions they report;
validate them; save and load them as JSON or JSON Lines.

>>> from newsevents import Country, Person
>>> Person(name="Brittney Griner", nationality=("US",), description="basketball player").id
'brittney-griner'
>>> Country(code="RU").name
'Russia'
"""

from newsevents.article import Article
from newsevents.checks import Finding, Severity, check
from newsevents.codes import EventCodes, event_codes, register_codes, to_plover
from newsevents.corpus import Corpus, Hit, Hits
from newsevents.dates import Precision, TimeRef
from newsevents.entities import (
    Actor,
    Country,
    Organization,
    OrgKind,
    Person,
    Place,
    Role,
    country_name,
    slugify,
)
from newsevents.errors import ErrorDetail, NewsEventsError, RegistrationError, ValidationError
from newsevents.events import (
    Certainty,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    EventTypeInfo,
    Parties,
    QuoteMode,
    RequestKind,
    RequestStatus,
    Statement,
    Term,
    event_type,
    event_type_info,
    event_types,
    register_rendering,
    scoped_event_types,
    unregister_event_type,
)
from newsevents.jsonl import dump_jsonl, read_jsonl
from newsevents.ninjs import from_ninjs, to_ninjs
from newsevents.report import to_html
from newsevents.schema import json_schema
from newsevents.schemaorg import to_schema_org
from newsevents.serialize import (
    FORMAT_VERSION,
    Limits,
    from_dict,
    from_json,
    to_dict,
    to_json,
)

__version__ = "0.1.0"
"""The installed version of newsevents."""

__all__ = [
    "FORMAT_VERSION",
    "Actor",
    "Article",
    "Certainty",
    "Corpus",
    "Country",
    "Detention",
    "DetentionStatus",
    "DiplomaticRequest",
    "ErrorDetail",
    "Event",
    "EventCodes",
    "EventTypeInfo",
    "Finding",
    "Hit",
    "Hits",
    "Limits",
    "NewsEventsError",
    "OrgKind",
    "Organization",
    "Parties",
    "Person",
    "Place",
    "Precision",
    "QuoteMode",
    "RegistrationError",
    "RequestKind",
    "RequestStatus",
    "Role",
    "Severity",
    "Statement",
    "Term",
    "TimeRef",
    "ValidationError",
    "__version__",
    "check",
    "country_name",
    "dump_jsonl",
    "event_codes",
    "event_type",
    "event_type_info",
    "event_types",
    "from_dict",
    "from_json",
    "from_ninjs",
    "json_schema",
    "read_jsonl",
    "register_codes",
    "register_rendering",
    "scoped_event_types",
    "slugify",
    "to_dict",
    "to_html",
    "to_json",
    "to_ninjs",
    "to_plover",
    "to_schema_org",
    "unregister_event_type",
]

# Register newsevents' strategies for st.from_type now if Hypothesis is imported
# already. (When Hypothesis is imported later, its entry point, the top-level module
# _newsevents_hypothesis, does it; the plugin registers only once, so both paths may run.)
import sys as _sys  # noqa: E402 -- here, not on top: the hook runs once every name above exists

if _sys.modules.get("hypothesis") is not None:  # None marks a module as not installed
    from newsevents import _hypothesis_plugin

    _hypothesis_plugin.register()
