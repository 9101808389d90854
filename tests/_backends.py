"""Switching newsevents between its two JSON backends inside a test (one switch, not three copies)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import orjson

import newsevents._jsontext

BACKENDS = ("orjson", "stdlib")


@contextmanager
def backend(name: str) -> Iterator[None]:
    """Parse and write with orjson (``"orjson"``) or the stdlib json (``"stdlib"``) inside the block."""
    saved = newsevents._jsontext._orjson
    newsevents._jsontext._orjson = orjson if name == "orjson" else None  # type: ignore[assignment]
    try:
        yield
    finally:
        newsevents._jsontext._orjson = saved
