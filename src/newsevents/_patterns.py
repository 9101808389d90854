"""Regular expressions that say in JSON Schema what the built-in checks test in Python.

Private. JSON Schema patterns are ECMA-262 regexes with no flags; these are written
so that ECMA-262 and Python's ``re`` read them alike. Built on first use: the white
space class takes a walk over the Basic Multilingual Plane.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Final

from newsevents._codes.iso3166 import COUNTRY_NAMES

# A regex end that means the end in both dialects: Python's $ also matches before a final newline.
END: Final = r"$(?!\n)"
_PORT = r"0*(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})"
_YEAR = r"(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
DATETIME: Final = (
    rf"^{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?"
    rf"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]){END}"
)


def anchored(pattern: str) -> str:
    """A pattern that must match the whole string, in both dialects."""
    return f"^(?:{pattern}){END}"


def _ranges(keep: Callable[[str], bool]) -> str:
    """The code points below U+10000 that ``keep`` accepts, as the inside of a regex character class."""
    points = [c for c in range(0x10000) if keep(chr(c))]  # no white space lies beyond U+FFFF
    parts: list[str] = []
    start = prev = points[0]
    for point in [*points[1:], -1]:
        if point != prev + 1:
            parts.append(f"\\u{start:04x}" + (f"-\\u{prev:04x}" if prev != start else ""))
            start = point
        prev = point
    return "".join(parts)


@functools.cache
def space() -> str:
    """White space as ``str.isspace`` sees it, as the inside of a character class.

    Python's str.strip() and str.isspace() decide what white space is; the regex classes
    \\s of ECMA-262 and of Python's re disagree with it and with each other, so spell it out.
    """
    return _ranges(str.isspace)


def stripped() -> str:
    """Non-blank text with no white space at either end."""
    return rf"^(?![{space()}])(?![\s\S]*[{space()}]$)"


def non_blank() -> str:
    """Text with at least one character that is not white space."""
    return f"[^{space()}]"


def http_url() -> str:
    """An absolute http(s) URL with a host and, if any, a port in range."""
    return (
        rf"^(?![\s\S]*[{space()}])[Hh][Tt][Tt][Pp][Ss]?://(?:[^/?#\[\]]*@)?"
        rf"(?:[^/?#@:\[\]]+|\[[0-9A-Fa-f:.]+\])(?::(?:{_PORT})?)?(?:[/?#][\s\S]*)?{END}"
    )


def ignore_case(pattern: str) -> str:
    """A regex that matches ASCII letters in either case: JSON Schema patterns have no flags.

    >>> ignore_case(r"x(?:-[a-z0-9]{1,8})+")
    '[xX](?:-[a-zA-Z0-9]{1,8})+'
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        letter = c.isascii() and c.isalpha()
        if in_class:
            in_class = c != "]"
            nxt = pattern[i + 2 : i + 3]
            if letter and pattern[i + 1 : i + 2] == "-" and nxt.isascii() and nxt.isalpha():
                out.append(f"{c}-{nxt}{c.swapcase()}-{nxt.swapcase()}")
                i += 3
                continue
            out.append(c + c.swapcase() if letter else c)
        elif c == "{":  # a quantifier: copied as it is
            end = pattern.index("}", i) + 1
            out.append(pattern[i:end])
            i = end
            continue
        else:
            in_class = c == "["
            out.append(f"[{c}{c.swapcase()}]" if letter else c)
        i += 1
    return "".join(out)


def assigned_codes() -> str:
    """The assigned ISO 3166-1 codes as one pattern, by first letter: ``AD|AE`` becomes ``A[DE]``."""
    seconds: dict[str, str] = {}
    for code in sorted(COUNTRY_NAMES):
        seconds[code[0]] = seconds.get(code[0], "") + code[1]
    return "|".join(f"{first}[{rest}]" for first, rest in seconds.items())
