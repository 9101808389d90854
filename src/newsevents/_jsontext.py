"""JSON text in and out, for the whole library: one strict reader and one writer.

The reader answers every input with a value or a :class:`~newsevents.ValidationError`,
on both backends alike:

- malformed text (truncated, trailing content, bad escapes, control characters),
  bytes that are not UTF-8, a byte-order mark, a lone surrogate: an error with the
  line and column where the text goes wrong;
- ``NaN``, ``Infinity`` and numbers too large for a float are not JSON: refused;
- an object that repeats a key is refused, naming the key and where it is (keeping
  the last value, as JSON parsers do, would silently drop the first);
- nesting deeper than the parser's limit is an error, not a ``RecursionError``;
- :class:`Limits` bound the size of a document and of any one string in it.

With orjson, the text is parsed by orjson and, when orjson's own compact (or
two-space indented) writing of the result gives back the very same text, no key
can have been repeated, as newsevents writes documents that way. Any other text is
read again by the standard library's parser, which sees every key: text that
newsevents wrote costs one extra ``orjson.dumps``; text from elsewhere costs a
second parse. Without orjson, the standard library's parser reads everything once.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from newsevents.errors import ErrorDetail, Step, ValidationError
from newsevents.validators import describe

try:  # optional accelerator; the results are the same without it
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised by the tests that hide orjson
    _orjson = None  # type: ignore[assignment]

__all__ = ["DEFAULT_LIMITS", "Limits", "dumps", "has_orjson", "line_writer", "parse"]

_MIB = 1 << 20


def _positive_or_none(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"Limits.{attribute.name} must be a positive int or None, found {describe(value)}")


@attrs.frozen
class Limits:
    """Bounds on what a loader accepts from one JSON document (one line of JSON Lines).

    A document over a limit is a :class:`~newsevents.ValidationError`, like any other
    bad input; in JSON Lines it is one bad line, and the lines around it still load.
    ``None`` lifts a limit: ``Limits(max_document=None, max_string=None)`` accepts
    anything that fits in memory.

    Attributes:
        max_document: The largest document, in bytes (characters for ``str`` input).
            Default 64 MiB: about 7,500 times a typical article of 9 KB, and far
            above any real one; checked before parsing, and while reading JSON Lines
            from a file a longer line is skipped without being held in memory.
        max_string: The longest string anywhere in a document (keys included), in
            characters. Default 1 MiB (1,048,576): an article body of 150,000 words
            fits seven times over.

    >>> from newsevents import Country, Limits, from_json
    >>> from_json(Country, '{"type": "country", "code": "RU"}', limits=Limits(max_document=16))
    Traceback (most recent call last):
      ...
    newsevents.errors.ValidationError: $: expected a document of at most 16 characters ..., found 33
    """

    max_document: int | None = attrs.field(default=64 * _MIB, validator=_positive_or_none)
    max_string: int | None = attrs.field(default=_MIB, validator=_positive_or_none)


DEFAULT_LIMITS = Limits()


# ---------------------------------------------------------------- writing


def dumps(data: Any, indent: int | None) -> str:
    """JSON text of plain data: compact, or indented by ``indent`` spaces; the same on both backends."""
    if _orjson is not None and indent in (None, 2):
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        return _orjson.dumps(data, option=option).decode("utf-8")
    if _has_float(data):
        return _encode_with_floats(data, indent, 0)
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)


def has_orjson() -> bool:
    """Whether orjson writes and reads here (the tests switch it off to check the stdlib path)."""
    return _orjson is not None


def line_writer() -> Callable[[Any], bytes]:
    """A function that writes plain data as one line of JSON Lines: compact JSON, then LF, as bytes."""
    if _orjson is not None:
        return functools.partial(_orjson.dumps, option=_orjson.OPT_APPEND_NEWLINE)

    def line(data: Any) -> bytes:
        return (dumps(data, None) + "\n").encode("utf-8")

    return line


def _has_float(data: Any) -> bool:
    if isinstance(data, float):
        return True
    if isinstance(data, dict):
        return any(_has_float(v) for v in data.values())
    if isinstance(data, list):
        return any(_has_float(v) for v in data)
    return False


_SMALL = re.compile(r"(-?)(\d)(?:\.(\d+))?e-0*(\d+)")


def float_text(value: float) -> str:
    """A float as orjson writes it, so that the bytes do not depend on the backend.

    ``repr()`` and orjson agree but for small numbers: orjson writes 1e-5 <= |x| < 1e-4
    in decimal (``0.000015``) and smaller ones with an unpadded exponent (``1.5e-7``).
    """
    if not math.isfinite(value):
        raise ValueError(f"{value!r} is not valid JSON")
    text = repr(value)
    small = _SMALL.fullmatch(text)
    if small is None:
        return text
    sign, lead, fraction, exponent = small.groups()
    if int(exponent) == 5:
        return f"{sign}0.0000{lead}{fraction or ''}"
    return f"{sign}{lead}{'.' + fraction if fraction else ''}e-{int(exponent)}"


def _encode_with_floats(data: Any, indent: int | None, depth: int) -> str:
    """The stdlib path for documents with floats (custom event types only)."""
    if isinstance(data, float):
        return float_text(data)
    if isinstance(data, (dict, list)):
        items = (
            [f"{json.dumps(k, ensure_ascii=False)}:{'' if indent is None else ' '}" for k in data]
            if isinstance(data, dict)
            else [""] * len(data)
        )
        values = data.values() if isinstance(data, dict) else data
        parts = [k + _encode_with_floats(v, indent, depth + 1) for k, v in zip(items, values, strict=True)]
        open_, close = ("{", "}") if isinstance(data, dict) else ("[", "]")
        if not parts:
            return open_ + close
        if indent is None:
            return open_ + ",".join(parts) + close
        pad = "\n" + " " * (indent * (depth + 1))
        return open_ + pad + ("," + pad).join(parts) + "\n" + " " * (indent * depth) + close
    return json.dumps(data, ensure_ascii=False)


# ---------------------------------------------------------------- reading

Text = str | bytes


def parse(data: str | bytes | bytearray | memoryview, limits: Limits = DEFAULT_LIMITS) -> Any:
    """The value of one JSON document, or a :class:`ValidationError` saying what is wrong and where.

    Syntax errors carry ``line`` and ``column`` (1-based, columns in characters).

    >>> parse(b'{"a": 1}')
    {'a': 1}
    >>> parse(b'{"a": 1, "a": 2}')
    Traceback (most recent call last):
      ...
    newsevents.errors.ValidationError: $.a: expected each key once in an object, found 'a' 2 times
    >>> parse('{"a": [1, 2}')
    Traceback (most recent call last):
      ...
    newsevents.errors.ValidationError: line 1, column 12: $: expected valid JSON, found an error: ...
    """
    # bytes(), and slicing a str, give the exact built-in types that both parsers take alike.
    text: Text = data[:] if isinstance(data, str) else bytes(data)
    if limits.max_document is not None and len(text) > limits.max_document:
        unit = "bytes" if isinstance(text, bytes) else "characters"
        raise ValidationError.single(
            None,
            f"expected a document of at most {limits.max_document:,} {unit} "
            f"(Limits.max_document), found {len(text):,}",
            code="limit",
        )
    if is_blank(text):
        found = "an empty text" if not text else "only whitespace"
        raise ValidationError(
            [ErrorDetail(message=f"expected a JSON document, found {found}", code="empty", line=1, column=1)]
        )
    backend = _orjson
    if backend is None:
        value = _strict_parse(text)
    else:
        try:
            value = backend.loads(text)
        except backend.JSONDecodeError as exc:
            value = _after_orjson_refused(text, exc)
        else:
            if not _written_by_orjson(backend, value, text):
                value = _strict_parse(text)
    if limits.max_string is not None and len(text) > limits.max_string:
        too_long = _long_strings(value, limits.max_string)
        if too_long:
            raise ValidationError(too_long)
    return value


_SPACE = " \t\r\n"  # JSON's white space (RFC 8259, section 2)
_SPACE_BYTES = _SPACE.encode()


def is_blank(text: Text) -> bool:
    """Whether ``text`` holds nothing but JSON's white space (space, tab, CR, LF)."""
    if not text:
        return True
    if isinstance(text, bytes):
        return text[:1] in _SPACE_BYTES and not text.strip(_SPACE_BYTES)
    return text[:1] in _SPACE and not text.strip(_SPACE)


def _after_orjson_refused(text: Text, exc: Any) -> Any:
    """Where orjson refuses, the stdlib reader says what and where, as it does without orjson.

    The two then agree on the message and the position. orjson also refuses integers too wide
    for a float, which are JSON: those the stdlib reads exactly.
    """
    value = _strict_parse(text)  # raises for nearly everything orjson refuses (a BOM too)
    if exc.msg.startswith("number is infinity"):
        return value
    raise ValidationError(
        [ErrorDetail(message=SYNTAX + exc.msg, code=JSON_SYNTAX, line=exc.lineno, column=exc.colno)]
    )


def _written_by_orjson(backend: Any, value: Any, text: Text) -> bool:
    """Whether orjson writes ``value`` back as exactly ``text``: then no key was repeated in it."""
    body = text.strip(_SPACE).encode("utf-8") if isinstance(text, str) else text.strip(_SPACE_BYTES)
    try:
        if backend.dumps(value) == body:
            return True
        return b"\n" in body and backend.dumps(value, option=backend.OPT_INDENT_2) == body
    except backend.JSONEncodeError:  # nested deeper than orjson writes: the stdlib reader decides
        return False


class _RefusedTokenError(ValueError):
    """A token the strict parser refuses, with the literal to look for in the text."""

    def __init__(self, literal: str, message: str) -> None:
        super().__init__(message)
        self.literal, self.message = literal, message
        self.code = "number"


def _constant(literal: str) -> Any:
    raise _RefusedTokenError(literal, f"expected a JSON value, found {literal}, which JSON does not have")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _RefusedTokenError(literal, f"expected a number a float can hold, found {_shown(literal)}")
    return value


def _bounded_int(literal: str) -> int:
    digits = len(literal.lstrip("-"))
    most = sys.get_int_max_str_digits()  # Python's limit on turning digits into an int; 0 is none
    if most and digits > most:
        message = f"expected an integer of at most {most:,} digits, found {digits:,} digits"
        raise _RefusedTokenError(literal, message)
    return int(literal)


def _shown(literal: str) -> str:
    return literal if len(literal) <= 40 else f"{literal[:40]}... ({len(literal):,} characters)"


class _Pairs(dict[str, Any]):
    """An object whose text repeats keys; ``repeated`` counts each repeated key."""

    repeated: dict[str, int]


def _strict_parse(text: Text) -> Any:
    """The standard library's parser, made as strict as orjson and told to keep count of keys."""
    decoded = _decode(text)
    if decoded.startswith("\ufeff"):
        raise _syntax_error(decoded, 0, _BOM, "encoding")
    if decoded.count("[") + decoded.count("{") > MAX_DEPTH:
        deep = _too_deep_at(decoded)
        if deep is not None:
            raise _syntax_error(decoded, deep, _TOO_DEEP, "depth")
    found_repeats: list[bool] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) == len(items):
            return obj
        marked = _Pairs(obj)
        counts: dict[str, int] = {}
        for key, _ in items:
            counts[key] = counts.get(key, 0) + 1
        marked.repeated = {k: n for k, n in counts.items() if n > 1}
        found_repeats.append(True)
        return marked

    try:
        value = json.loads(
            decoded,
            object_pairs_hook=pairs,
            parse_constant=_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as exc:
        raise _syntax_error(decoded, exc.pos, SYNTAX + _sentence(exc, decoded), JSON_SYNTAX) from None
    except _RefusedTokenError as exc:
        raise _syntax_error(decoded, _token_position(decoded, exc.literal), exc.message, exc.code) from None
    except RecursionError:
        raise ValidationError.single(None, _TOO_DEEP, code="depth") from None
    if "\\ud" in decoded or "\\uD" in decoded:
        _refuse_lone_surrogate_escapes(decoded)
    if found_repeats:
        raise ValidationError(_repeated_keys(value))
    return value


# One JSON string, escapes and all, unrolled so that it never backtracks more than linearly.
_STRING_PATTERN = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_STRING = re.compile(_STRING_PATTERN)
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)")


def _refuse_lone_surrogate_escapes(text: str) -> None:
    """Refuse ``"\\ud800"`` as orjson does: an escaped surrogate that is not half of a pair."""
    for string in _STRING.finditer(text):
        if "\\u" not in string.group():
            continue
        lone = -1  # where an escaped surrogate stands that has no other half (yet)
        after = -1
        for escape in _ESCAPE.finditer(text, string.start(), string.end()):
            code = int(escape.group(1), 16) if escape.group(1) else -1
            if lone >= 0:  # a high half waits: only a low half right after it will do
                if 0xDC00 <= code <= 0xDFFF and escape.start() == after:
                    lone = -1
                    continue
                break
            if 0xD800 <= code <= 0xDFFF:
                lone, after = escape.start(), escape.end()
                if code >= 0xDC00:  # a low half with no high half before it
                    break
        if lone < 0:
            continue
        raise _syntax_error(text, lone, SYNTAX + "a lone surrogate escape", JSON_SYNTAX)


SYNTAX = "expected valid JSON, found an error: "
"""How the message of text that breaks JSON's grammar begins."""
JSON_SYNTAX = "json_syntax"
"""The code of text that breaks JSON's grammar."""
_NOT_TEXT = frozenset({JSON_SYNTAX, "encoding"})


def unreadable(detail: ErrorDetail) -> bool:
    """Whether the error is about the text itself (grammar, encoding), not a rule a JSON value breaks."""
    return detail.code in _NOT_TEXT


MAX_DEPTH = 254
"""How deeply arrays and objects may nest: what orjson can write back (a model document needs about 10)."""
_TOO_DEEP = f"the document is nested too deeply (more than {MAX_DEPTH} levels of arrays and objects)"
_BOM = (
    "expected JSON text, found a byte-order mark (U+FEFF), which JSON text must not begin with "
    "(RFC 8259, section 8.1): save the file without it, or open it with encoding='utf-8-sig'"
)


def _decode(text: Text) -> str:
    if isinstance(text, str):
        surrogate = _SURROGATE.search(text)
        if surrogate is not None:
            found = f"expected text, found a lone surrogate (U+{ord(surrogate.group()):04X})"
            raise _syntax_error(text, surrogate.start(), found, "encoding")
        return text
    if text.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _syntax_error("", 0, "expected UTF-8 text, found a UTF-16 byte-order mark", "encoding")
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = text[: exc.start]
        line_start = before.rfind(b"\n") + 1
        line = before.count(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", "replace")) + 1
        bad = text[exc.start : exc.end].hex(" ")
        message = f"expected UTF-8 text, found byte {bad} ({exc.reason})"
        raise ValidationError(
            [ErrorDetail(message=message, code="encoding", line=line, column=column)]
        ) from None


_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON string (escapes and all) or a number or a bare word: what the text holds outside strings.
_TOKEN = re.compile(_STRING_PATTERN + r"|(-?[A-Za-z]+|-?[0-9][0-9.eE+-]*)")


def _token_position(text: str, literal: str) -> int:
    """Where ``literal`` first stands as a token outside strings (0 if it cannot be found)."""
    for match in _TOKEN.finditer(text):
        if match.group(1) == literal:
            return match.start(1)
    return 0  # pragma: no cover - the parser just read the literal from this text


def _sentence(exc: json.JSONDecodeError, text: str) -> str:
    """The parser's complaint as a whole sentence, saying so when the text stops before the document does.

    Some of its complaints end in "at" and leave the place to the caller ("Unterminated
    string starting at"): the place is written out, so that the message never stops mid-sentence.
    """
    message = exc.msg
    if message.endswith(" at"):
        message = f"{message} line {exc.lineno}, column {exc.colno}"
    ends_early = message.startswith("Unterminated string") or (
        message.startswith("Expecting") and not text[exc.pos :].strip(_SPACE)
    )
    if ends_early:
        message += "; the text ends before the JSON document does (was it cut short?)"
    return message


def _syntax_error(text: str, pos: int, message: str, code: str) -> ValidationError:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return ValidationError([ErrorDetail(message=message, code=code, line=line, column=column)])


# A node's place as a chain of (parent's place, key or index) pairs, made into a location only
# when an error names it: building every location eagerly costs the square of the depth in memory.
Trail = tuple[Any, str | int] | None


def _location(trail: Trail) -> tuple[Step, ...]:
    steps: list[Step] = []
    while trail is not None:
        trail, step = trail
        steps.append(step)
    return tuple(reversed(steps))


def _walk(value: Any) -> Iterator[tuple[Trail, Any]]:
    """Every value in the tree with its place, in document order (no recursion: any depth is fine)."""
    stack: list[tuple[Trail, Any]] = [(None, value)]
    while stack:
        trail, item = stack.pop()
        yield trail, item
        if isinstance(item, dict):
            stack.extend(reversed([((trail, k), v) for k, v in item.items()]))
        elif isinstance(item, list):
            stack.extend(reversed([((trail, i), v) for i, v in enumerate(item)]))


def _repeated_keys(value: Any) -> list[ErrorDetail]:
    """Every repeated key in the tree, in document order."""
    found: list[ErrorDetail] = []
    for trail, item in _walk(value):
        for key, count in getattr(item, "repeated", {}).items():
            message = f"expected each key once in an object, found {key!r} {count} times"
            found.append(ErrorDetail(location=_location((trail, key)), message=message, code="duplicate_key"))
    return found


def _long_strings(value: Any, limit: int) -> list[ErrorDetail]:
    """Every string longer than ``limit`` characters with its path: object by object, keys before values."""
    found: list[ErrorDetail] = []
    for trail, item in _walk(value):
        if isinstance(item, str) and len(item) > limit:
            found.append(
                ErrorDetail(
                    location=_location(trail), message=_too_long("a string", item, limit), code="limit"
                )
            )
        elif isinstance(item, dict):
            found.extend(
                ErrorDetail(
                    location=_location(trail),
                    message=f"{_too_long('a key', key, limit)}: {describe(key, 24)}",
                    code="limit",
                )
                for key in item
                if len(key) > limit
            )
    return found


def _too_long(what: str, text: str, limit: int) -> str:
    return f"expected {what} of at most {limit:,} characters (Limits.max_string), found {len(text):,}"


_BRACKET_OR_STRING = re.compile(_STRING_PATTERN + r"|[\[\]{}]")


def _too_deep_at(text: str) -> int | None:
    """Where the text first opens more than MAX_DEPTH arrays and objects, if it does."""
    depth = 0
    for token in _BRACKET_OR_STRING.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return token.start()
        elif mark in "]}":
            depth -= 1
    return None
