"""Hypothesis's entry point for newsevents (private): costs ``import hypothesis`` next to nothing.

It lives outside the ``newsevents`` package on purpose: an entry point inside it
would import newsevents, all of it, whenever Hypothesis is imported, in every
project that has newsevents installed. Here it imports nothing; it registers
newsevents' strategies only when newsevents is already imported. Otherwise the
end of ``newsevents/__init__.py`` registers them, if and when newsevents is
imported after Hypothesis.
"""

from __future__ import annotations

import sys


def _hypothesis_setup_hook() -> None:
    """Register newsevents' strategies for ``st.from_type`` if newsevents is imported; else do nothing."""
    newsevents = sys.modules.get("newsevents")
    if newsevents is None or not hasattr(newsevents, "event_types"):
        return  # not imported, or still importing: its __init__ registers once it is complete
    from newsevents._hypothesis_plugin import register  # noqa: PLC0415 -- only when newsevents is there

    register()
