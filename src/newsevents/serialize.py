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
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar, cast, overload

import attrs

from newsevents._base import LOADING, Model
from newsevents._codegen import DUMPERS, FORMAT_VERSION, NATIVE, EntityCache, top_loader
from newsevents._converter import collect, converter, loadable
from newsevents._jsontext import DEFAULT_LIMITS, Limits, dumps, has_orjson, is_blank, line_writer, parse
from newsevents.article import Article
from newsevents.errors import ValidationError
from newsevents.validators import describe

__all__ = [
    "FORMAT_VERSION",
    "Limits",
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
    return _dumped(obj, DUMPERS)


def _dumped(obj: object, table: Any) -> dict[str, Any]:
    if not isinstance(obj, Model):
        raise TypeError(f"to_dict takes a newsevents model object, found {describe(obj)}")
    written: dict[str, Any] = table[obj.__class__](obj)
    return written


def _for_writer(obj: object) -> dict[str, Any]:
    """What the JSON writer is given: orjson takes enum members and tuples as they are."""
    return _dumped(obj, NATIVE if has_orjson() else DUMPERS)


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
    return _load(cls, data, None)


def _load(cls: Any, data: Any, cache: EntityCache | None, *, fast: bool = True) -> Any:
    """``from_dict``: the generated code first, then (or, with ``fast=False``, only) the detailed path."""
    if not loadable(cls):
        raise TypeError(
            f"from_dict takes a newsevents model class, Event or a union such as Actor, found {cls!r}"
        )
    token = LOADING.set(True)
    try:
        if fast:
            try:
                # The generated code: every rule checked inline, objects built once.
                return top_loader(cls)(data, cache)
            except Exception:  # noqa: BLE001, S110 -- any problem: the detailed path finds and explains them all
                pass
        hook = converter.get_structure_hook(cls)
        return hook(data, cls)
    except RecursionError:
        raise ValidationError.single(None, "the document is nested too deeply", code="depth") from None
    except Exception as exc:  # noqa: BLE001 -- every failure becomes a ValidationError with paths
        raise ValidationError(collect(exc, "$")) from None
    finally:
        LOADING.reset(token)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Serialize a model object to JSON text (compact, or indented by ``indent`` spaces).

    >>> from newsevents import Country
    >>> to_json(Country(code="RU"))
    '{"type":"country","code":"RU"}'
    """
    return dumps(_for_writer(obj) if indent in (None, 2) else to_dict(obj), indent)


def from_json(cls: Any, data: str | bytes, *, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse JSON text or bytes and build a validated object of ``cls``.

    The text must be strict JSON in UTF-8 (see :doc:`/explanation/reliability`): no
    ``NaN`` or ``Infinity``, no repeated key in an object, no byte-order mark.

    Args:
        cls: As for :func:`from_dict`.
        data: The JSON text.
        limits: Bounds on the size of the document and of its strings
            (:class:`~newsevents.Limits`; the defaults are generous).

    Raises:
        ValidationError: The text is not JSON (the error gives its ``line`` and
            ``column``), breaks a limit, or breaks the model's rules.

    >>> from newsevents import Country
    >>> from_json(Country, '{"type": "country", "code": "US"}').name
    'United States'
    """
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise ValidationError.single(
            None, f"expected JSON text (str or bytes), found {describe(data)}", code="type"
        )
    return _load(cls, parse(data, limits), None)


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
    count = 0
    if _is_binary(out):
        write_bytes = cast("IO[bytes]", out).write
        line = line_writer()  # straight to bytes, the newline appended by orjson: no str, no copy
        for obj in objs:
            write_bytes(line(_for_writer(obj)))
            count += 1
        return count
    write = cast("IO[str]", out).write
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
    limits: Limits = DEFAULT_LIMITS,
    share_entities: bool = True,
) -> Iterator[T]: ...
@overload
def read_jsonl(
    file_or_path: PathLike | IO[str] | IO[bytes] | Iterable[str | bytes],
    cls: None = None,
    *,
    on_error: Callable[[ValidationError], None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    share_entities: bool = True,
) -> Iterator[Article]: ...
def read_jsonl(
    file_or_path: PathLike | IO[str] | IO[bytes] | Iterable[str | bytes],
    cls: Any = None,
    *,
    on_error: Callable[[ValidationError], None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    share_entities: bool = True,
) -> Iterator[Any]:
    """Stream objects (articles by default) from JSON Lines, one line at a time.

    Memory stays flat however long the file: one line is held at a time, and a
    line longer than ``limits.max_document`` is skipped as it is read, not held.
    Lines may end in LF or CRLF; blank lines are skipped; the last line needs no
    newline. Each error names its line number (``ErrorDetail.line``) as well as
    its path, and, for a line that is not valid JSON (a truncated last line, say),
    the column where it goes wrong.

    Args:
        file_or_path: A path, an open file (text or binary), or any iterable of lines.
            Prefer a path or a binary file: a text file that meets bytes it cannot
            decode fails for a whole buffer at once, so reading has to stop there
            (with an error that says so), where a binary read reports that one line.
        cls: The type of every line; :class:`~newsevents.Article` by default.
        on_error: Called with the :class:`~newsevents.ValidationError` of each bad
            line, after which reading goes on; every good line is still yielded.
            Without it, the first bad line raises (after the good lines before it
            were yielded).
        limits: Bounds on each line (:class:`~newsevents.Limits`).
        share_entities: Give identical entity objects (the same person, organisation,
            country or place, written the same way) in different lines one shared
            object: equal either way, faster to load and smaller to hold when entities
            repeat (see :doc:`/explanation/performance`). The cache is bounded and turns
            itself off for the rest of the read when few entities repeat. Needs orjson.
    """
    target = Article if cls is None else cls
    cache = EntityCache() if share_entities else None
    if isinstance(file_or_path, (str, os.PathLike)):
        with open(file_or_path, "rb") as source:
            yield from _read_lines(
                bounded_lines(source, limits.max_document), target, on_error, limits, cache
            )
    else:
        lines = bounded_lines(file_or_path, limits.max_document)
        yield from _read_lines(lines, target, on_error, limits, cache)


class _Overlong:
    """A line longer than the document limit, skipped while reading; only its length is kept."""

    __slots__ = ("size", "unit")

    def __init__(self, size: int, unit: str) -> None:
        self.size, self.unit = size, unit


class _Undecodable:
    """Where a text file object failed to decode its bytes; reading cannot go on past it."""

    __slots__ = ("error",)

    def __init__(self, error: UnicodeDecodeError) -> None:
        self.error = error


def bounded_lines(source: Any, limit: int | None) -> Iterator[str | bytes | _Overlong | _Undecodable]:
    """The lines of ``source``; from a file, no line longer than ``limit`` is held in memory."""
    try:
        yield from _bounded(source, limit)
    except UnicodeDecodeError as exc:  # a text-mode file with bytes that are not in its encoding
        yield _Undecodable(exc)


def _bounded(source: Any, limit: int | None) -> Iterator[str | bytes | _Overlong]:
    readline = getattr(source, "readline", None)
    if limit is None or not callable(readline):
        yield from source
        return
    cap = min(limit + 2, sys.maxsize)  # the document, then CR LF
    while True:
        line = readline(cap)
        if not line:
            return
        if len(line) < cap or _ends_line(line):
            yield line
            continue
        size, blank = len(line), is_blank(line)
        while not _ends_line(line):
            line = readline(1 << 20)
            if not line:
                break
            size += len(line)
            blank = blank and is_blank(line)
        if blank:
            yield line[:0]  # a long blank line is still a blank line
        else:
            ending = len(line) - len(_chomp(line))
            yield _Overlong(size - ending, "characters" if isinstance(line, str) else "bytes")


def _ends_line(line: str | bytes) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def _chomp(line: str | bytes) -> str | bytes:
    """The line without its LF or CR LF."""
    if isinstance(line, bytes):
        return line[:-2] if line.endswith(b"\r\n") else line[:-1] if line.endswith(b"\n") else line
    return line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith("\n") else line


def line_text(line: str | bytes | _Overlong | _Undecodable, limits: Limits) -> str | bytes | None:
    """The text of a line without its LF or CR LF; None for a blank line; an error for an overlong one."""
    if isinstance(line, _Undecodable):
        raise ValidationError.single(
            None,
            f"expected text in the file's encoding, found bytes it cannot decode ({line.error.reason}, "
            f"byte {line.error.object[line.error.start : line.error.end].hex(' ')}) at this line or, "
            "as a text file decodes ahead, a later one; reading stops here: open the file in binary "
            "mode ('rb') to have each bad line reported and the rest read",
            code="encoding",
        )
    if isinstance(line, _Overlong):
        raise ValidationError.single(
            None,
            f"expected a line of at most {limits.max_document:,} {line.unit} (Limits.max_document), "
            f"found {line.size:,}; skipped without holding it in memory",
            code="limit",
        )
    if isinstance(line, (bytearray, memoryview)):
        line = bytes(line)
    if not isinstance(line, (str, bytes)):
        raise ValidationError.single(
            None, f"expected a line of text (str or bytes), found {describe(line)}", code="type"
        )
    line = _chomp(line)
    return None if is_blank(line) else line


def _read_lines(
    lines: Iterable[str | bytes | _Overlong | _Undecodable],
    cls: Any,
    on_error: Callable[[ValidationError], None] | None,
    limits: Limits,
    cache: EntityCache | None = None,
) -> Iterator[Any]:
    for number, line in enumerate(lines, start=1):
        try:
            raw = line_text(line, limits)
            if raw is None:
                continue
            value = _load(cls, parse(raw, limits), cache)
        except ValidationError as exc:
            located = ValidationError(attrs.evolve(e, line=number) for e in exc.errors)
            if on_error is None:
                raise located from None
            on_error(located)
            continue
        yield value
