"""Reusable value checks for model fields, as objects that describe themselves.

A check is a :class:`Check`: called with a value, it returns ``None`` when the
value is fine and otherwise a message saying what was expected and what was
found. Checks never raise; the model collects every message of an object and
raises one :class:`~newsevents.ValidationError` naming each field's path.

A check also says what it tests in other languages, where it can: its JSON
Schema fragment (:meth:`Check.json_schema`, read by
:func:`newsevents.schema.json_schema`) and a Hypothesis strategy of values that
pass it (:meth:`Check.strategy`, read by :mod:`newsevents.strategies`). The
built-in checks and your own go through the same path, so a custom event type's
checks appear in its schema and its strategy. Build your own from data with
:func:`matches`, :func:`length` and :func:`in_range`, or wrap any function with
:func:`as_check`; a plain function works too, but the schema and the strategies
cannot see inside it.

Attach checks to a field of your own event type with :func:`rules`:

>>> import attrs
>>> from newsevents import Event, event_type
>>> from newsevents.validators import non_blank, rules
>>> @event_type("protest_example")
... @attrs.frozen(kw_only=True)
... class Protest(Event):
...     cause: str = attrs.field(metadata=rules(non_blank))
>>> Protest(id="p1", cause=" ")
Traceback (most recent call last):
  ...
newsevents.errors.ValidationError: Protest.cause: must not be blank, found ' '
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final

import attrs

from newsevents import _patterns
from newsevents._codes.iso3166 import COUNTRY_NAMES
from newsevents.errors import did_you_mean

__all__ = [
    "Check",
    "as_check",
    "aware_datetime",
    "bcp47",
    "checks",
    "describe",
    "http_url",
    "in_range",
    "iso_country",
    "length",
    "matches",
    "non_blank",
    "non_http_uri",
    "rules",
    "slug",
    "stripped",
    "wikidata_id",
]

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
# http(s), a host of ASCII labels (no user, no port), then printable ASCII: every such URL
# passes http_url's full test (urlsplit ends the host at the first "/"), so it need not run.
_PLAIN_URL = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?:/[!-~]*)?")


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


class Check:
    """A value check that describes itself.

    Subclass it and implement :meth:`__call__`; override :meth:`json_schema` and
    :meth:`strategy` where the rule can be said in those terms. A check is only
    ever called with a value of the field's type (never ``None``).
    """

    __slots__ = ()

    #: The name the schema's ``$comment`` and the docs use for the check.
    name: str = "check"
    #: The :attr:`~newsevents.ErrorDetail.code` of the problems it finds (see :doc:`/reference/errors`).
    code: str = "check"

    def __call__(self, value: Any) -> str | None:
        """``None`` when ``value`` passes, else a message: what was expected, what was found."""
        raise NotImplementedError

    def code_for(self, value: Any) -> str:
        """The code of the problem ``value`` has (asked only when it fails): :attr:`code` by default."""
        return self.code

    def json_schema(self) -> dict[str, Any] | None:
        """The JSON Schema keywords that state this rule, or ``None`` where JSON Schema cannot."""
        return None

    def schema_title(self) -> str | None:
        """A name under which the schema shares the rule as one ``$defs`` entry, if it should."""
        return None

    def strategy(self, tp: type) -> Any:
        """A Hypothesis strategy of values of type ``tp`` that pass, or ``None`` if the check cannot say.

        Imports Hypothesis only when called.
        """
        return None

    def inline(self) -> tuple[str, object]:
        """Private: a Python expression true when ``{v}`` passes, and the object it names ``{f}``.

        The generated loaders paste it in instead of a call; the default calls the check.
        """
        return "{f}({v}) is None", self

    def __repr__(self) -> str:
        return self.name


def _strategy_module() -> Any:
    from newsevents.strategies import _text  # noqa: PLC0415 -- Hypothesis is optional; only strategies need it

    return _text


class _NonBlank(Check):
    """A string with at least one non-space character.

    >>> non_blank("Lavrov") is None
    True
    >>> non_blank("  ")
    "must not be blank, found '  '"
    """

    __slots__ = ()
    name = "non_blank"
    code = "blank"

    def __call__(self, value: str) -> str | None:
        if not value.strip():
            return f"must not be blank, found {describe(value)}"
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"minLength": 1, "pattern": _patterns.non_blank()}

    def strategy(self, tp: type) -> Any:
        return _strategy_module().texts()

    def inline(self) -> tuple[str, object]:
        return "{v}.strip()", None


class _Stripped(Check):
    """A non-blank string without leading or trailing white space.

    >>> stripped("Sergey Lavrov") is None
    True
    >>> stripped(" Sergey Lavrov")
    "expected no leading or trailing white space, found ' Sergey Lavrov'"
    """

    __slots__ = ()
    name = "stripped"
    code = "whitespace"

    def code_for(self, value: str) -> str:
        return "whitespace" if value.strip() else "blank"

    def __call__(self, value: str) -> str | None:
        blank = non_blank(value)
        if blank:
            return blank
        if value != value.strip():
            return f"expected no leading or trailing white space, found {describe(value)}"
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"minLength": 1, "pattern": _patterns.stripped()}

    def strategy(self, tp: type) -> Any:
        return _strategy_module().texts()

    def inline(self) -> tuple[str, object]:
        return "({v} and {v}.strip() == {v})", None


class _Pattern(Check):
    """A built-in check by a regular expression (ASCII, so both regex dialects agree)."""

    __slots__ = ()
    regex: re.Pattern[str]
    code = "pattern"

    def inline(self) -> tuple[str, object]:
        return "{f}({v}) is not None", self.regex.fullmatch


class _Slug(_Pattern):
    """An identifier: lower-case ASCII letters and digits, then also ``.``, ``_``, ``:``, ``-``.

    >>> slug("sergey-lavrov") is None
    True
    >>> slug("Sergey Lavrov")
    "expected a slug matching [a-z0-9][a-z0-9._:-]*, found 'Sergey Lavrov'"
    """

    __slots__ = ()
    name = "slug"
    regex = _SLUG

    def __call__(self, value: str) -> str | None:
        if _SLUG.fullmatch(value) is None:
            hint = " (no id could be derived from the name: pass id=...)" if value == "" else ""
            return f"expected a slug matching {SLUG_PATTERN}, found {describe(value)}{hint}"
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"pattern": _patterns.anchored(SLUG_PATTERN)}

    def strategy(self, tp: type) -> Any:
        return _strategy_module().slugs()


class _WikidataId(_Pattern):
    """A Wikidata item id such as ``Q42``.

    >>> wikidata_id("Q42") is None
    True
    >>> wikidata_id("Q042")
    "expected a Wikidata item id matching Q[1-9][0-9]*, found 'Q042'"
    """

    __slots__ = ()
    name = "wikidata_id"
    regex = _WIKIDATA

    def __call__(self, value: str) -> str | None:
        if _WIKIDATA.fullmatch(value) is None:
            return f"expected a Wikidata item id matching {WIKIDATA_PATTERN}, found {describe(value)}"
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"pattern": _patterns.anchored(WIKIDATA_PATTERN)}

    def strategy(self, tp: type) -> Any:
        return _strategy_module().WIKIDATA_IDS


class _IsoCountry(Check):
    """An assigned ISO 3166-1 alpha-2 code, upper-case.

    >>> iso_country("RU") is None
    True
    >>> iso_country("ru")
    "expected an upper-case ISO 3166-1 alpha-2 code, found 'ru' (did you mean 'RU'?)"
    >>> iso_country("XX")
    "expected an assigned ISO 3166-1 alpha-2 code, found 'XX'"
    """

    __slots__ = ()
    name = "iso_country"
    code = "country"

    def __call__(self, value: str) -> str | None:
        if value in COUNTRY_NAMES:
            return None
        if value.upper() in COUNTRY_NAMES:
            return (
                f"expected an upper-case ISO 3166-1 alpha-2 code, found {describe(value)}"
                f"{did_you_mean(value, COUNTRY_NAMES)}"
            )
        return f"expected an assigned ISO 3166-1 alpha-2 code, found {describe(value)}"

    def json_schema(self) -> dict[str, Any]:
        # A pattern rather than an enum of 249 values: as fast to check, and generators
        # such as hypothesis-jsonschema handle it far better.
        return {
            "type": "string",
            "title": "CountryCode",
            "description": "An assigned ISO 3166-1 alpha-2 code, upper-case.",
            "pattern": _patterns.anchored(_patterns.assigned_codes()),
        }

    def schema_title(self) -> str:
        return "CountryCode"

    def strategy(self, tp: type) -> Any:
        from newsevents.strategies._entities import country_codes  # noqa: PLC0415 -- optional Hypothesis

        return country_codes()

    def inline(self) -> tuple[str, object]:
        return "{v} in {f}", COUNTRY_NAMES


class _Bcp47(_Pattern):
    """A well-formed BCP 47 (RFC 5646) language tag such as ``en`` or ``pt-BR``.

    >>> bcp47("en-GB") is None
    True
    >>> bcp47("english")
    "expected a BCP 47 language tag such as 'en' or 'pt-BR', found 'english'"
    """

    __slots__ = ()
    name = "bcp47"
    regex = _BCP47

    def __call__(self, value: str) -> str | None:
        if _BCP47.fullmatch(value) is None:
            return f"expected a BCP 47 language tag such as 'en' or 'pt-BR', found {describe(value)}"
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"pattern": _patterns.anchored(_patterns.ignore_case(BCP47_PATTERN))}

    def strategy(self, tp: type) -> Any:
        from hypothesis import strategies as st  # noqa: PLC0415 -- optional

        return st.sampled_from(_strategy_module().LANGUAGES)


class _HttpUrl(Check):
    """An absolute ``http`` or ``https`` URL with a host.

    >>> http_url("https://www.rt.com/news/") is None
    True
    >>> http_url("www.rt.com/news/")
    "expected an absolute http(s) URL, found 'www.rt.com/news/'"
    """

    __slots__ = ()
    name = "http_url"
    code = "url"

    def __call__(self, value: str) -> str | None:
        if _PLAIN_URL.fullmatch(value) is not None:
            return None  # the common shape, which urlsplit would accept: decided without it
        return self.thorough(value)

    def thorough(self, value: str) -> str | None:
        """The full test, with ``urlsplit``: what ``__call__`` says for every value."""
        from urllib.parse import urlsplit  # noqa: PLC0415 -- kept out of the import of every model

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

    def json_schema(self) -> dict[str, Any]:
        return {"format": "uri", "pattern": _patterns.http_url()}

    def strategy(self, tp: type) -> Any:
        return _strategy_module().slugs(max_size=10).map(lambda s: f"https://news.example/{s}")


# RFC 3986 absolute-URI: a scheme, ":", then unreserved, reserved and percent-encoded characters.
_URI_PATTERN = r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+"
_HTTP_SCHEME = r"[Hh][Tt][Tt][Pp][Ss]?:"
_URI = re.compile(_URI_PATTERN)


class _NonHttpUri(Check):
    """An absolute URI (RFC 3986) whose scheme is not http(s): a URN, a ``tag:`` URI and the like.

    http(s) addresses have their own field (``url``, checked by :data:`http_url`), so that an
    address is written in one place only.

    >>> non_http_uri("urn:newsml:dpa.com:20090101:190510-99-167362") is None
    True
    >>> non_http_uri("https://rt.com/")
    "expected a URI that is not http(s) (an http(s) address goes in url), found 'https://rt.com/'"
    >>> non_http_uri("renditions-example")
    "expected an absolute URI such as 'urn:newsml:example.com:1' (RFC 3986), found 'renditions-example'"
    """

    __slots__ = ()
    name = "non_http_uri"

    def __call__(self, value: str) -> str | None:
        if _URI.fullmatch(value) is None:
            return (
                "expected an absolute URI such as 'urn:newsml:example.com:1' (RFC 3986),"
                f" found {describe(value)}"
            )
        if re.match(_HTTP_SCHEME, value):
            return (
                "expected a URI that is not http(s) (an http(s) address goes in url),"
                f" found {describe(value)}"
            )
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"format": "uri", "pattern": f"^(?!{_HTTP_SCHEME}){_URI_PATTERN}{_patterns.END}"}

    def strategy(self, tp: type) -> Any:
        from hypothesis import strategies as st  # noqa: PLC0415 -- optional

        prefixes = st.sampled_from(("urn:newsml:news.example:2022:", "tag:news.example,2022:", "urn:uuid:"))
        return st.tuples(prefixes, _strategy_module().slugs(max_size=12)).map("".join)


non_blank: Final[Check] = _NonBlank()
"""A string with at least one non-space character (``"  "`` is blank)."""
stripped: Final[Check] = _Stripped()
"""A non-blank string without leading or trailing white space (not ``" Sergey Lavrov"``)."""
slug: Final[Check] = _Slug()
"""An identifier: lower-case ASCII letters and digits, then also ``.``, ``_``, ``:``, ``-``."""
wikidata_id: Final[Check] = _WikidataId()
"""A Wikidata item id such as ``Q42`` (not ``Q042``)."""
iso_country: Final[Check] = _IsoCountry()
"""An assigned ISO 3166-1 alpha-2 code, upper-case (``RU``; ``ru`` gets a "did you mean 'RU'?")."""
bcp47: Final[Check] = _Bcp47()
"""A well-formed BCP 47 (RFC 5646) language tag such as ``en`` or ``pt-BR`` (not ``english``)."""
http_url: Final[Check] = _HttpUrl()
"""An absolute ``http`` or ``https`` URL with a host (not ``www.rt.com/news/``)."""

non_http_uri: Final[Check] = _NonHttpUri()
"""An absolute URI (RFC 3986) that is not http(s): ``urn:newsml:dpa.com:...``, ``tag:...`` (an item's uri)."""


# ---------------------------------------------------------------- checks from data


@attrs.frozen(repr=False)
class _Matches(Check):
    code = "pattern"
    pattern: str
    name: str = attrs.field(default="")
    _regex: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_regex", re.compile(self.pattern))
        if not self.name:
            object.__setattr__(self, "name", f"matches({self.pattern!r})")

    def __call__(self, value: str) -> str | None:
        if self._regex.fullmatch(value) is None:
            return f"expected text matching {self.pattern}, found {describe(value)}"
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"pattern": _patterns.anchored(self.pattern)}

    def strategy(self, tp: type) -> Any:
        from hypothesis import strategies as st  # noqa: PLC0415 -- optional

        return st.from_regex(self._regex, fullmatch=True)

    def inline(self) -> tuple[str, object]:
        return "{f}({v}) is not None", self._regex.fullmatch


def matches(pattern: str) -> Check:
    """Text that the regular expression ``pattern`` matches as a whole.

    Write the pattern in the part of regex syntax that Python and ECMA-262 (JSON
    Schema's dialect) read alike: classes, groups, quantifiers, no flags.

    >>> code = matches(r"[A-Z]{3}")
    >>> code("UNO") is None, code("uno")
    (True, "expected text matching [A-Z]{3}, found 'uno'")
    """
    return _Matches(pattern)


@attrs.frozen(repr=False)
class _Length(Check):
    code = "length"
    min: int | None
    max: int | None
    name: str = attrs.field(default="")

    def __attrs_post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", f"length(min={self.min}, max={self.max})")

    def __call__(self, value: str) -> str | None:
        if self.min is not None and len(value) < self.min:
            return f"expected at least {self.min} characters, found {len(value)}"
        if self.max is not None and len(value) > self.max:
            return f"expected at most {self.max} characters, found {len(value)}"
        return None

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.min is not None:
            out["minLength"] = self.min
        if self.max is not None:
            out["maxLength"] = self.max
        return out

    def strategy(self, tp: type) -> Any:
        from hypothesis import strategies as st  # noqa: PLC0415 -- optional

        return st.text(min_size=self.min or 0, max_size=self.max)


def length(*, min: int | None = None, max: int | None = None) -> Check:
    """Text of at least ``min`` and at most ``max`` characters (code points).

    >>> length(max=3)("Lavrov")
    'expected at most 3 characters, found 6'
    """
    for label, bound in (("min", min), ("max", max)):
        if bound is not None and (not isinstance(bound, int) or isinstance(bound, bool) or bound < 0):
            raise ValueError(f"length({label}=...) takes a non-negative int or None, found {describe(bound)}")
    if min is not None and max is not None and min > max:
        raise ValueError(f"length: min ({min}) is greater than max ({max})")
    return _Length(min, max)


@attrs.frozen(repr=False)
class _InRange(Check):
    code = "range"
    ge: float | None
    le: float | None
    name: str = attrs.field(default="")

    def __attrs_post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", f"in_range(ge={self.ge}, le={self.le})")

    def __call__(self, value: float) -> str | None:
        if self.ge is not None and not value >= self.ge:
            return f"expected a number of at least {self.ge}, found {value}"
        if self.le is not None and not value <= self.le:
            return f"expected a number of at most {self.le}, found {value}"
        return None

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.ge is not None:
            out["minimum"] = self.ge
        if self.le is not None:
            out["maximum"] = self.le
        return out

    def strategy(self, tp: type) -> Any:
        from hypothesis import strategies as st  # noqa: PLC0415 -- optional

        if tp is int:
            from newsevents._spec import INT_MAX, INT_MIN  # noqa: PLC0415 -- _spec imports this module

            # The model refuses ints outside the signed 64-bit range: draw none of them, at either end.
            low = INT_MIN if self.ge is None else max(math.ceil(self.ge), INT_MIN)
            high = INT_MAX if self.le is None else min(math.floor(self.le), INT_MAX)
            return st.integers(low, high)
        if tp is float:
            return st.floats(self.ge, self.le, allow_nan=False, allow_infinity=False)
        return None


def in_range(*, ge: float | None = None, le: float | None = None) -> Check:
    """A number ``>= ge`` and ``<= le`` (either bound may be left out).

    >>> in_range(ge=0)(-1)
    'expected a number of at least 0, found -1'
    """
    for label, bound in (("ge", ge), ("le", le)):
        if bound is not None and (
            not isinstance(bound, (int, float)) or isinstance(bound, bool) or not math.isfinite(bound)
        ):
            raise ValueError(f"in_range({label}=...) takes a finite number or None, found {describe(bound)}")
    if ge is not None and le is not None and ge > le:
        raise ValueError(f"in_range: ge ({ge}) is greater than le ({le})")
    return _InRange(ge, le)


@attrs.frozen(repr=False, eq=False)
class _FunctionCheck(Check):
    function: Callable[[Any], str | None]
    schema: Mapping[str, Any] | None = None
    draw: Callable[[], Any] | None = None
    name: str = attrs.field(default="")

    def __attrs_post_init__(self) -> None:
        if not self.name:
            fn = self.function
            named = f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"
            object.__setattr__(self, "name", named)

    def __call__(self, value: Any) -> str | None:
        return self.function(value)

    def json_schema(self) -> dict[str, Any] | None:
        return dict(self.schema) if self.schema is not None else None

    def strategy(self, tp: type) -> Any:
        return self.draw() if self.draw is not None else None

    def inline(self) -> tuple[str, object]:
        return "{f}({v}) is None", self.function


def as_check(
    function: Callable[[Any], str | None],
    *,
    schema: Mapping[str, Any] | None = None,
    strategy: Callable[[], Any] | None = None,
) -> Check:
    """A :class:`Check` from a function, with what it tests in JSON Schema and Hypothesis terms.

    Args:
        function: ``value -> None`` when fine, else a message.
        schema: The JSON Schema keywords that state the same rule (``{"multipleOf": 5}``).
        strategy: A function that returns a Hypothesis strategy of values that pass.

    >>> even = as_check(lambda n: None if n % 2 == 0 else f"expected an even number, found {n}",
    ...                 schema={"multipleOf": 2})
    >>> even(3), even.json_schema()
    ('expected an even number, found 3', {'multipleOf': 2})
    """
    if isinstance(function, Check):
        return function
    if not callable(function):
        raise TypeError(f"as_check takes a function, found {describe(function)}")
    return _FunctionCheck(function, schema, strategy)


def rules(
    *fns: Check | Callable[[Any], str | None], each: tuple[Check | Callable[[Any], str | None], ...] = ()
) -> dict[str, tuple[Check, ...]]:
    """Field metadata that attaches hard rules (value checks) to an attrs field.

    A value that breaks one stops construction with a
    :class:`~newsevents.ValidationError`; compare :func:`newsevents.check`, which
    reports soft findings about a valid article.

    Args:
        *fns: Checks of the field's value (skipped when the value is ``None``): :class:`Check`
            objects, or plain functions ``value -> str | None`` (wrapped with :func:`as_check`).
        each: Checks of every item of a tuple field; errors name the item's index.

    >>> rules(non_blank)["newsevents.checks"] == (non_blank,)
    True
    """
    return {CHECKS_KEY: tuple(as_check(f) for f in fns), EACH_KEY: tuple(as_check(f) for f in each)}


def checks(
    *fns: Check | Callable[[Any], str | None], each: tuple[Check | Callable[[Any], str | None], ...] = ()
) -> dict[str, tuple[Check, ...]]:
    """Deprecated: the old name of :func:`rules`, easily confused with :func:`newsevents.check`.

    Warns (``DeprecationWarning``) on every call; newsevents itself calls :func:`rules`.
    """
    warnings.warn(
        "newsevents.validators.checks is deprecated: use newsevents.validators.rules"
        " (hard rules; newsevents.check reports soft findings)",
        DeprecationWarning,
        stacklevel=2,
    )
    return rules(*fns, each=each)


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
    if offset.microseconds:
        # Python 3.11 cannot read a fraction of a second in an offset back. (timedelta keeps
        # microseconds normalised to 0..999999, so this is the whole-second test, cheaply.)
        return f"expected a UTC offset in whole seconds, found {value.isoformat()}"
    if offset.seconds % 60:
        # RFC 3339 (JSON Schema's date-time) has no seconds in an offset: +05:30:15 (local mean
        # time before 1900, say) would be written as no reader of date-time can take it.
        return (
            f"expected a UTC offset in whole minutes (RFC 3339), found {value.isoformat()}:"
            " convert the time to UTC or to an offset in minutes"
        )
    return None


def field_checks(metadata: Mapping[Any, Any]) -> tuple[tuple[Check, ...], tuple[Check, ...]]:
    """The checks and the per-item checks attached to a field's metadata."""
    return (
        tuple(as_check(c) for c in metadata.get(CHECKS_KEY, ())),
        tuple(as_check(c) for c in metadata.get(EACH_KEY, ())),
    )
