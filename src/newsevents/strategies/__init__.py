"""Hypothesis strategies for newsevents objects, for property-based tests of your own code.

Needs the ``hypothesis`` extra: ``pip install "newsevents[hypothesis]"``.

Every strategy takes keyword arguments only, has defaults, draws small values by
default, and draws objects that are valid by construction: their constructors
and the article invariants pass without filtering. Articles are also
*consistent*: with ``with_body=True`` every quote and evidence fragment appears
verbatim in the body, events are not dated after publication, every
``related`` id names an event of the same article, and
:func:`newsevents.checks.check` reports nothing. Bad arguments raise
``hypothesis.errors.InvalidArgument`` at once, naming the argument.

With newsevents installed, ``st.from_type(newsevents.Article)`` (and every other
public type) works without importing this module, through Hypothesis's entry
point.

>>> from hypothesis import given
>>> from newsevents import strategies as nst
>>> @given(nst.articles(max_events=3))
... def test_titles_are_never_blank(article):
...     assert article.title.strip()
>>> test_titles_are_never_blank()
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401 -- only to say what to install when it is missing
except ImportError as exc:  # pragma: no cover - exercised in a venv without hypothesis
    raise ImportError('newsevents.strategies needs Hypothesis: pip install "newsevents[hypothesis]"') from exc

from newsevents.strategies._articles import InvalidDocument, articles, documents, invalid_documents
from newsevents.strategies._corpus import corpora, event_codes, hit_lists, hits, limits
from newsevents.strategies._corpus import error_details as _error_details  # noqa: F401 -- for the plugin
from newsevents.strategies._corpus import event_type_infos as _event_type_infos  # noqa: F401 -- for the plugin
from newsevents.strategies._corpus import validation_errors as _validation_errors  # noqa: F401 -- for the plugin
from newsevents.strategies._entities import actors, countries, organizations, persons, places, roles
from newsevents.strategies._events import detentions, diplomatic_requests, statements
from newsevents.strategies._registry import _custom_strategy as _custom_strategy  # for the plugin
from newsevents.strategies._registry import events, register_event_strategy
from newsevents.strategies._text import slugs, texts
from newsevents.strategies._time import terms, time_refs

__all__ = [
    "InvalidDocument",
    "actors",
    "articles",
    "corpora",
    "countries",
    "detentions",
    "diplomatic_requests",
    "documents",
    "event_codes",
    "events",
    "hit_lists",
    "hits",
    "invalid_documents",
    "limits",
    "organizations",
    "persons",
    "places",
    "register_event_strategy",
    "roles",
    "slugs",
    "statements",
    "terms",
    "texts",
    "time_refs",
]
