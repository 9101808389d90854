"""Registers newsevents' strategies with Hypothesis's ``st.from_type``.

Private. Hypothesis runs :func:`register` through the ``hypothesis`` entry point
when it is imported, so downstream tests need not import
:mod:`newsevents.strategies`. The strategies themselves are built lazily, on
first use.
"""

from __future__ import annotations

import importlib
from typing import Any


def _lazy(name: str) -> Any:
    from hypothesis import strategies as st  # noqa: PLC0415 -- only when Hypothesis calls us

    def build() -> Any:
        return getattr(importlib.import_module("newsevents.strategies"), name)()

    return st.deferred(build)


def _register_custom(cls: type) -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 -- only when Hypothesis calls us

    def build() -> Any:
        module = importlib.import_module("newsevents.strategies")
        return module._custom_strategy(cls, None)

    st.register_type_strategy(cls, st.deferred(build))


def register() -> None:
    """Register a strategy for every public newsevents type, and for custom event types as they come."""
    from hypothesis import strategies as st  # noqa: PLC0415 -- only when Hypothesis calls us

    import newsevents as ne  # noqa: PLC0415 -- keep `import hypothesis` from importing newsevents eagerly elsewhere
    from newsevents import events as _events  # noqa: PLC0415

    for cls, name in (
        (ne.Country, "countries"),
        (ne.Organization, "organizations"),
        (ne.Person, "persons"),
        (ne.Role, "roles"),
        (ne.Place, "places"),
        (ne.TimeRef, "time_refs"),
        (ne.Term, "terms"),
        (ne.Statement, "statements"),
        (ne.DiplomaticRequest, "diplomatic_requests"),
        (ne.Detention, "detentions"),
        (ne.Event, "events"),
        (ne.Article, "articles"),
    ):
        st.register_type_strategy(cls, _lazy(name))
    builtin = {ne.Statement, ne.DiplomaticRequest, ne.Detention}
    for cls in ne.event_types().values():
        if cls not in builtin:
            _register_custom(cls)
    if _register_custom not in _events._OBSERVERS:
        _events._OBSERVERS.append(_register_custom)
