"""Registers newsevents' strategies with Hypothesis's ``st.from_type``.

Private. :func:`register` runs on two paths, whichever comes first, and does
its work once:

* ``newsevents/__init__.py`` calls it at its end when Hypothesis is already
  imported (the usual order in a test run: Hypothesis first, newsevents later);
* Hypothesis's ``hypothesis`` entry point, the top-level module
  ``_newsevents_hypothesis`` (outside this package, so that ``import hypothesis``
  does not import newsevents), calls it when Hypothesis is imported after
  newsevents.

Registering imports nothing new: neither :mod:`newsevents.strategies` nor
newsevents itself; a project that has newsevents installed but never imports it
pays nothing for it in ``import hypothesis``. Each type gets
a *function* that builds its strategy whenever ``st.from_type`` resolves the
type, so ``st.from_type(Event)`` and ``st.from_type(Article)`` include custom
event types registered after their first use (registering a type clears
Hypothesis's cache of resolved types).
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

_LOCK = threading.Lock()
_done = False

# Public type (a name in newsevents) -> the strategy (a name in newsevents.strategies).
_STRATEGIES = {
    "Country": "countries",
    "Organization": "organizations",
    "Person": "persons",
    "Role": "roles",
    "Place": "places",
    "TimeRef": "time_refs",
    "Term": "terms",
    "Statement": "statements",
    "DiplomaticRequest": "diplomatic_requests",
    "Detention": "detentions",
    "Event": "events",
    "Article": "articles",
    "Hit": "hits",
    "Hits": "hit_lists",
    "Corpus": "corpora",
    "Limits": "limits",
    "EventCodes": "event_codes",
    "ValidationError": "_validation_errors",  # inferred, it would now and then pass no detail at all
    "EventTypeInfo": "_event_type_infos",  # inferred, it would build records of unregistered classes
    "ErrorDetail": "_error_details",  # inferred, it would pass no message (the older positional form)
}
# Every other public type (enums, Parties, Finding, the other errors) Hypothesis
# draws from its constructor; tests/test_facade.py draws every public type.


def _strategies() -> Any:
    return importlib.import_module("newsevents.strategies")


def _resolver(build: Callable[[], Any]) -> Callable[[type], Any]:
    from hypothesis import strategies as st  # noqa: PLC0415 -- only once Hypothesis is there
    from hypothesis.errors import InvalidArgument  # noqa: PLC0415

    def resolve(_: type) -> Any:
        try:
            return build()
        except InvalidArgument as err:
            # A custom type that cannot be drawn. Hypothesis reads a TypeError (which
            # InvalidArgument is) from this function as "not resolved here" and falls
            # back to inferring the class, which loses the advice in our message: so
            # say it when a value is drawn instead.
            message = str(err)

            def fail(_: object) -> Any:
                raise InvalidArgument(message)

            return st.just(None).map(fail)

    return resolve


def _public(name: str) -> Callable[[type], Any]:
    def build() -> Any:  # imports newsevents.strategies only when from_type first needs it
        return getattr(_strategies(), name)()

    return _resolver(build)


def _register_custom(cls: type) -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 -- only once Hypothesis is there

    st.register_type_strategy(cls, _resolver(lambda: _strategies()._custom_strategy(cls, None)))


def register() -> None:
    """Register a strategy for every public newsevents type, and for custom event types as they come.

    Does nothing when newsevents is not imported yet (its ``__init__`` calls this
    once it is, if Hypothesis is imported by then), nor when
    ``HYPOTHESIS_NO_PLUGINS`` is set; registers once however often it is called.
    """
    global _done  # noqa: PLW0603 -- one flag for the process, as the registrations are
    if os.environ.get("HYPOTHESIS_NO_PLUGINS"):
        return  # the user turned Hypothesis plugins off; the __init__ path honours it too
    ne = sys.modules.get("newsevents")
    if ne is None or not hasattr(ne, "event_types"):
        # Not imported, or still importing (one of its modules imported Hypothesis,
        # say): do not import it from here; the hook at the end of
        # newsevents/__init__.py calls us once every name is there.
        return
    from hypothesis import strategies as st  # noqa: PLC0415 -- only once Hypothesis is there

    from newsevents import events  # noqa: PLC0415 -- newsevents is imported by now (checked above)

    with _LOCK:
        if _done:
            return
        for type_name, strategy_name in _STRATEGIES.items():
            st.register_type_strategy(getattr(ne, type_name), _public(strategy_name))
        # Listen first, then register the types already there: a type registered
        # in between is registered twice, which is harmless, rather than never.
        if _register_custom not in events._OBSERVERS:
            events._OBSERVERS.append(_register_custom)
        builtin = {ne.Statement, ne.DiplomaticRequest, ne.Detention}
        for cls in ne.event_types().values():
            if cls not in builtin:
                _register_custom(cls)
        _done = True
