"""JSON and JSON Lines for every model type.

The shape: snake_case keys; a ``type`` tag on every entity and event object;
enums as lower-case strings; datetimes as ISO 8601 with their UTC offset; fields
equal to their default left out; keys in field order, so equal objects give
identical bytes. A serialized :class:`~newsevents.Article` carries
``"format_version": 1``.

With ``orjson`` installed (``pip install "newsevents[orjson]"``) encoding and
decoding are faster; the bytes are the same either way.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar, cast, overload

from newsevents._base import LOADING
from newsevents._converter import FORMAT_VERSION, collect, converter, loadable
from newsevents.article import Article
from newsevents.errors import ErrorDetail, ValidationError
from newsevents.validators import describe

try:  # optional accelerator; the output is identical without it
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised by the tests that hide orjson
    _orjson = None  # type: ignore[assignment]

__all__ = [
    "FORMAT_VERSION",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "read_jsonl",
    "to_dict",
    "to_json",
]

T = TypeVar("T")
PathLike = str | os.PathLike[str]


def to_dict(obj: object) -> dict[str, Any]:
    """The JSON-ready form of a model object: only dicts, lists, str, int, float, bool and None.

    >>> from newsevents import Person
    >>> to_dict(Person(name="Paul Whelan", nationality=("US",)))
    {'type': 'person', 'name': 'Paul Whelan', 'nationality': ['US']}
    """
    data = converter.unstructure(obj)
    if not isinstance(data, dict):
        raise TypeError(f"to_dict takes a newsevents model object, found {describe(obj)}")
    return data


@overload
def from_dict(cls: type[T], data: Any) -> T: ...
@overload
def from_dict(cls: Any, data: Any) -> Any: ...
def from_dict(cls: Any, data: Any) -> Any:
    """Build and validate an object of ``cls`` from its JSON-ready form.

    ``cls`` may be a model class, :class:`~newsevents.Event` (any registered
    event type, chosen by the ``type`` tag) or a union such as
    :data:`~newsevents.Actor`.

    Raises:
        ValidationError: Listing every problem of the document with its path.

    >>> from newsevents import Actor
    >>> from_dict(Actor, {"type": "country", "code": "RU"})
    Country(code='RU', name='Russia')
    >>> from_dict(Actor, {"type": "country", "code": 7})
    Traceback (most recent call last):
      ...
    newsevents.errors.ValidationError: $.code: expected str, found int (7)
    """
    if not loadable(cls):
        raise TypeError(
            f"from_dict takes a newsevents model class, Event or a union such as Actor, found {cls!r}"
        )
    token = LOADING.set(True)
    try:
        hook = converter.get_structure_hook(cls)
        return hook(data, cls)
    except RecursionError:
        raise ValidationError.single("$", "the document is nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 -- every failure becomes a ValidationError with paths
        raise ValidationError(collect(exc, "$")) from None
    finally:
        LOADING.reset(token)


def _dumps(data: Any, indent: int | None) -> str:
    if _orjson is not None and indent in (None, 2):
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        return _orjson.dumps(data, option=option).decode("utf-8")
    if _has_float(data):
        return _encode_with_floats(data, indent, 0)
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)


def _has_float(data: Any) -> bool:
    if isinstance(data, float):
        return True
    if isinstance(data, dict):
        return any(_has_float(v) for v in data.values())
    if isinstance(data, list):
        return any(_has_float(v) for v in data)
    return False


_SMALL = re.compile(r"(-?)(\d)(?:\.(\d+))?e-0*(\d+)")


def _float_text(value: float) -> str:
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
        return _float_text(data)
    if isinstance(data, (dict, list)):
        items = (
            [f"{json.dumps(k, ensure_ascii=False)}:{' ' if indent else ''}" for k in data]
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


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Serialize a model object to JSON text (compact, or indented by ``indent`` spaces).

    >>> from newsevents import Country
    >>> to_json(Country(code="RU"))
    '{"type":"country","code":"RU"}'
    """
    return _dumps(to_dict(obj), indent)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _loads(data: str | bytes) -> Any:
    try:
        if _orjson is not None:
            return _orjson.loads(data)
        return json.loads(data, parse_constant=_reject_constant)
    except RecursionError:
        raise ValueError("the document is nested too deeply") from None


def from_json(cls: Any, data: str | bytes) -> Any:
    """Parse JSON text or bytes and build a validated object of ``cls``.

    Raises:
        ValidationError: The text is not JSON, or the document breaks the model's rules.

    >>> from newsevents import Country
    >>> from_json(Country, '{"type": "country", "code": "US"}').name
    'United States'
    """
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise ValidationError.single("$", f"expected JSON text (str or bytes), found {describe(data)}")
    try:
        parsed = _loads(data)
    except (ValueError, TypeError) as exc:  # orjson.JSONDecodeError is a ValueError
        raise ValidationError.single("$", f"expected valid JSON, found an error: {exc}") from None
    return from_dict(cls, parsed)


def dump_jsonl(objs: Iterable[object], file_or_path: PathLike | IO[str] | IO[bytes]) -> int:
    """Write objects as JSON Lines, one compact object per line; return how many.

    Writing to a path is atomic: the lines go to a temporary file in the same
    folder, which replaces the target only once every line is written and
    flushed to disk. If anything fails on the way, the old file is untouched.
    A file object is written to as it is (text or binary).
    """
    if isinstance(file_or_path, (str, os.PathLike)):
        return _dump_atomic(objs, Path(file_or_path))
    return _write_lines(objs, file_or_path)


def _write_lines(objs: Iterable[object], out: IO[str] | IO[bytes]) -> int:
    write: Callable[[str], object]
    if _is_binary(out):
        raw = cast("IO[bytes]", out)

        def write(line: str) -> object:
            return raw.write(line.encode("utf-8"))
    else:
        write = cast("IO[str]", out).write
    count = 0
    for obj in objs:
        write(to_json(obj) + "\n")
        count += 1
    return count


def _is_binary(out: IO[Any]) -> bool:
    mode = getattr(out, "mode", None)
    if isinstance(mode, str):
        return "b" in mode
    return isinstance(out, (io.RawIOBase, io.BufferedIOBase))


def _dump_atomic(objs: Iterable[object], target: Path) -> int:
    target = Path(os.path.realpath(target))  # replace what a symlink points to, not the link
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # what open() would have given a new file
        with os.fdopen(fd, "wb") as out:
            count = _write_lines(objs, out)
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


@overload
def read_jsonl(
    file_or_path: PathLike | IO[str] | IO[bytes] | Iterable[str | bytes],
    cls: type[T],
    *,
    on_error: Callable[[ValidationError], None] | None = None,
) -> Iterator[T]: ...
@overload
def read_jsonl(
    file_or_path: PathLike | IO[str] | IO[bytes] | Iterable[str | bytes],
    cls: None = None,
    *,
    on_error: Callable[[ValidationError], None] | None = None,
) -> Iterator[Article]: ...
def read_jsonl(
    file_or_path: PathLike | IO[str] | IO[bytes] | Iterable[str | bytes],
    cls: Any = None,
    *,
    on_error: Callable[[ValidationError], None] | None = None,
) -> Iterator[Any]:
    """Stream objects (articles by default) from JSON Lines, one line at a time.

    Memory stays constant however long the file. Blank lines are skipped. Each
    error names its line number (``ErrorDetail.line``) as well as its path.

    Args:
        file_or_path: A path, an open file (text or binary), or any iterable of lines.
        cls: The type of every line; :class:`~newsevents.Article` by default.
        on_error: Called with the :class:`~newsevents.ValidationError` of each bad
            line, after which reading goes on; every good line is still yielded.
            Without it, the first bad line raises (after the good lines before it
            were yielded).
    """
    target = Article if cls is None else cls
    if isinstance(file_or_path, (str, os.PathLike)):
        with open(file_or_path, "rb") as source:
            yield from _read_lines(source, target, on_error)
    else:
        yield from _read_lines(file_or_path, target, on_error)


def _read_lines(
    lines: Iterable[str | bytes], cls: Any, on_error: Callable[[ValidationError], None] | None
) -> Iterator[Any]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            value = from_json(cls, raw)
        except ValidationError as exc:
            located = ValidationError(ErrorDetail(e.path, e.message, number) for e in exc.errors)
            if on_error is None:
                raise located from None
            on_error(located)
            continue
        yield value
