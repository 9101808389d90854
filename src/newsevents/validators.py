"""Reusable value checks for model fields.

A check is a function ``check(value) -> str | None``: it returns ``None`` when the
value is fine and otherwise a message saying what was expected and what was
found. Checks never raise; the model collects every message of an object and
raises one :class:`~newsevents.ValidationError` naming each field's path.

Attach checks to a field of your own event type with :func:`checks`:

>>> import attrs
>>> from newsevents import Event, event_type
>>> from newsevents.validators import checks, non_blank
>>> @event_type("protest_example")
... @attrs.frozen(kw_only=True)
... class Protest(Event):
...     cause: str = attrs.field(metadata=checks(non_blank))
>>> Protest(id="p1", cause=" ")
Traceback (most recent call last):
  ...
newsevents.errors.ValidationError: Protest.cause: must not be blank, found ' '
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, Final
from urllib.parse import urlsplit

from newsevents._codes.iso3166 import COUNTRY_NAMES

__all__ = [
    "Check",
    "aware_datetime",
    "bcp47",
    "checks",
    "describe",
    "http_url",
    "iso_country",
    "non_blank",
    "slug",
    "stripped",
    "wikidata_id",
]

Check = Callable[[Any], "str | None"]
"""A value check: ``None`` when fine, else a message."""

CHECKS_KEY: Final = "newsevents.checks"
EACH_KEY: Final = "newsevents.each"

SLUG_PATTERN: Final = r"[a-z0-9][a-z0-9._:-]*"
WIKIDATA_PATTERN: Final = r"Q[1-9][0-9]*"
COUNTRY_PATTERN: Final = r"[A-Z]{2}"
# RFC 5646 section 2.1 (well-formedness, not registry membership):
# language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse],
# or a private-use tag on its own. Primary language subtags of 4 and of 5-8 letters are
# reserved by the RFC and never assigned, so they are refused ("english" is not a tag);
# the irregular grandfathered tags are not accepted either.
_EXTLANG = r"(?:-[a-z]{3}){0,3}"
_LANGUAGE = rf"(?:[a-z]{{2,3}}{_EXTLANG})"
_VARIANT = r"(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3})"
_EXTENSION = r"(?:[0-9a-wyz](?:-[a-z0-9]{2,8})+)"
_PRIVATE = r"(?:x(?:-[a-z0-9]{1,8})+)"
BCP47_PATTERN: Final = (
    rf"(?:{_LANGUAGE}(?:-[a-z]{{4}})?(?:-(?:[a-z]{{2}}|[0-9]{{3}}))?"
    rf"(?:-{_VARIANT})*(?:-{_EXTENSION})*(?:-{_PRIVATE})?|{_PRIVATE})"
)

_SLUG = re.compile(SLUG_PATTERN)
_WIKIDATA = re.compile(WIKIDATA_PATTERN)
_BCP47 = re.compile(BCP47_PATTERN, re.IGNORECASE)


def describe(value: object, limit: int = 40) -> str:
    """Say what a value is, briefly, for an error message.

    >>> describe("Lavrov")
    "'Lavrov'"
    >>> describe(12)
    'int (12)'
    >>> describe(None)
    'null'
    """
    if value is None:
        return "null"
    if isinstance(value, str):
        text = repr(value)
        return text if len(text) <= limit else text[: limit - 4] + "...'"
    try:
        text = repr(value)
    except RecursionError:
        text = "nested too deeply to show"
    except ValueError:  # an int with more digits than Python will write (sys.get_int_max_str_digits)
        text = f"{value.bit_length():,} bits" if isinstance(value, int) else "cannot be shown"
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    kind = type(value).__name__
    return f"{kind} ({text})"


def checks(*fns: Check, each: tuple[Check, ...] = ()) -> dict[str, tuple[Check, ...]]:
    """Field metadata that attaches value checks to an attrs field.

    Args:
        *fns: Checks of the field's value (skipped when the value is ``None``).
        each: Checks of every item of a tuple field; errors name the item's index.

    >>> checks(non_blank)["newsevents.checks"] == (non_blank,)
    True
    """
    return {CHECKS_KEY: tuple(fns), EACH_KEY: tuple(each)}


def non_blank(value: str) -> str | None:
    """A string with at least one non-space character.

    >>> non_blank("Lavrov") is None
    True
    >>> non_blank("  ")
    "must not be blank, found '  '"
    """
    if not value.strip():
        return f"must not be blank, found {describe(value)}"
    return None


def stripped(value: str) -> str | None:
    """A non-blank string without leading or trailing white space.

    >>> stripped("Sergey Lavrov") is None
    True
    >>> stripped(" Sergey Lavrov")
    "expected no leading or trailing white space, found ' Sergey Lavrov'"
    """
    blank = non_blank(value)
    if blank:
        return blank
    if value != value.strip():
        return f"expected no leading or trailing white space, found {describe(value)}"
    return None


def slug(value: str) -> str | None:
    """An identifier: lower-case ASCII letters and digits, then also ``.``, ``_``, ``:``, ``-``.

    >>> slug("sergey-lavrov") is None
    True
    >>> slug("Sergey Lavrov")
    "expected a slug matching [a-z0-9][a-z0-9._:-]*, found 'Sergey Lavrov'"
    """
    if _SLUG.fullmatch(value) is None:
        hint = " (no id could be derived from the name: pass id=...)" if value == "" else ""
        return f"expected a slug matching {SLUG_PATTERN}, found {describe(value)}{hint}"
    return None


def wikidata_id(value: str) -> str | None:
    """A Wikidata item id such as ``Q42``.

    >>> wikidata_id("Q42") is None
    True
    >>> wikidata_id("Q042")
    "expected a Wikidata item id matching Q[1-9][0-9]*, found 'Q042'"
    """
    if _WIKIDATA.fullmatch(value) is None:
        return f"expected a Wikidata item id matching {WIKIDATA_PATTERN}, found {describe(value)}"
    return None


def iso_country(value: str) -> str | None:
    """An assigned ISO 3166-1 alpha-2 code, upper-case.

    >>> iso_country("RU") is None
    True
    >>> iso_country("ru")
    "expected an upper-case ISO 3166-1 alpha-2 code, found 'ru' (did you mean 'RU'?)"
    >>> iso_country("XX")
    "expected an assigned ISO 3166-1 alpha-2 code, found 'XX'"
    """
    if value in COUNTRY_NAMES:
        return None
    if value.upper() in COUNTRY_NAMES:
        return (
            f"expected an upper-case ISO 3166-1 alpha-2 code, found {describe(value)}"
            f" (did you mean {value.upper()!r}?)"
        )
    return f"expected an assigned ISO 3166-1 alpha-2 code, found {describe(value)}"


def bcp47(value: str) -> str | None:
    """A well-formed BCP 47 (RFC 5646) language tag such as ``en`` or ``pt-BR``.

    >>> bcp47("en-GB") is None
    True
    >>> bcp47("english")
    "expected a BCP 47 language tag such as 'en' or 'pt-BR', found 'english'"
    """
    if _BCP47.fullmatch(value) is None:
        return f"expected a BCP 47 language tag such as 'en' or 'pt-BR', found {describe(value)}"
    return None


def http_url(value: str) -> str | None:
    """An absolute ``http`` or ``https`` URL with a host.

    >>> http_url("https://www.rt.com/news/") is None
    True
    >>> http_url("www.rt.com/news/")
    "expected an absolute http(s) URL, found 'www.rt.com/news/'"
    """
    bad = f"expected an absolute http(s) URL, found {describe(value)}"
    if any(c.isspace() for c in value):
        return bad
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- reading it validates the port number
    except ValueError:
        return bad
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return bad
    return None


def aware_datetime(value: datetime) -> str | None:
    """A datetime with a UTC offset.

    >>> from datetime import datetime, timezone
    >>> aware_datetime(datetime(2022, 7, 28, tzinfo=timezone.utc)) is None
    True
    >>> aware_datetime(datetime(2022, 7, 28))
    'expected a timezone-aware datetime, found naive 2022-07-28T00:00:00'
    """
    offset = value.utcoffset()
    if offset is None:
        return f"expected a timezone-aware datetime, found naive {value.isoformat()}"
    if offset % timedelta(seconds=1):
        # Python 3.11 cannot read a fraction of a second in an offset back. Whole seconds
        # (local mean time before 1900, say) are written as +HH:MM:SS.
        return f"expected a UTC offset in whole seconds, found {value.isoformat()}"
    return None


def field_checks(metadata: Mapping[Any, Any]) -> tuple[tuple[Check, ...], tuple[Check, ...]]:
    """The checks and the per-item checks attached to a field's metadata."""
    return metadata.get(CHECKS_KEY, ()), metadata.get(EACH_KEY, ())
