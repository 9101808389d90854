"""JSON Lines: one object per line, read as a stream and written atomically.

:func:`read_jsonl` streams the objects of a JSON Lines file one line at a time,
each error naming its line; :func:`dump_jsonl` writes objects one per line and,
to a path, replaces the file only once every line is on disk. :func:`read_documents`
reads what the command line is given: a JSON document, a JSON array of them, or
JSON Lines, told apart by content rather than by the file's name, every problem
coming back as a :class:`Document` with an error rather than an exception, so
that the good lines around a bad one still count.

>>> import io
>>> from newsevents import Country
>>> buffer = io.StringIO()
>>> dump_jsonl([Country(code="RU"), Country(code="US")], buffer)
2
>>> print(buffer.getvalue(), end="")
{"type":"country","code":"RU"}
{"type":"country","code":"US"}
>>> [c.name for c in read_jsonl(buffer.getvalue().splitlines(), Country)]
['Russia', 'United States']
"""

from __future__ import annotations

import functools
import io
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar, cast, overload

import attrs

from newsevents._codegen import EntityCache
from newsevents._jsontext import DEFAULT_LIMITS, Limits, is_blank, line_writer, parse, unreadable
from newsevents.article import Article
from newsevents.errors import ValidationError
from newsevents.serialize import _for_writer, _load, from_dict, to_json
from newsevents.validators import describe

__all__ = ["Document", "dump_jsonl", "read_documents", "read_jsonl"]

T = TypeVar("T")
PathLike = str | os.PathLike[str]


# ---------------------------------------------------------------- writing


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


# ---------------------------------------------------------------- reading JSON Lines


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
                _bounded_lines(source, limits.max_document), target, on_error, limits, cache
            )
    else:
        lines = _bounded_lines(file_or_path, limits.max_document)
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


def _bounded_lines(source: Any, limit: int | None) -> Iterator[str | bytes | _Overlong | _Undecodable]:
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
        size, blank, tail = len(line), is_blank(line), line[-2:]
        while not _ends_line(line):
            line = readline(1 << 20)
            if not line:
                break
            size += len(line)
            blank = blank and is_blank(line)
            tail = (tail + line)[-2:]  # a CR read with one piece, its LF with the next
        if blank:
            yield line[:0]  # a long blank line is still a blank line
        else:
            ending = len(tail) - len(_chomp(tail))
            yield _Overlong(size - ending, "characters" if isinstance(line, str) else "bytes")


def _ends_line(line: str | bytes) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def _chomp(line: str | bytes) -> str | bytes:
    """The line without its LF or CR LF."""
    if isinstance(line, bytes):
        return line[:-2] if line.endswith(b"\r\n") else line[:-1] if line.endswith(b"\n") else line
    return line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith("\n") else line


def _line_text(line: str | bytes | _Overlong | _Undecodable, limits: Limits) -> str | bytes | None:
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
            raw = _line_text(line, limits)
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


# ---------------------------------------------------------------- JSON or JSON Lines, told apart by content


@attrs.frozen(kw_only=True)
class Document:
    """One object read by :func:`read_documents`: where it stands, and its value or what is wrong with it.

    Attributes:
        line: Its line in a JSON Lines file (1-based, blank lines counted); ``None`` for a
            document that is a whole file or an item of a JSON array.
        prefix: Its path in the file: ``"$"`` for a line or a whole file, ``"$[3]"`` for the
            fourth item of an array. The paths of its errors are relative to it.
        value: The object built from it, or ``None`` when it is bad.
        error: What is wrong with it, every problem at once, or ``None`` when it is good.
    """

    line: int | None
    prefix: str = "$"
    value: Any = None
    error: ValidationError | None = None


def read_documents(
    source: PathLike | IO[bytes],
    load: Callable[[Any], Any] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Document]:
    """Every object of a JSON document, a JSON array of documents, or a JSON Lines file.

    Which of the three a file holds is told by its content, not by its name: pretty-printed
    JSON named ``.jsonl`` and JSON Lines named ``.json`` both read as they are. Whatever the
    file holds, each problem comes back as a :class:`Document` with an ``error``, never as an
    exception: the lines around a bad line of JSON Lines (the first one included) still count.
    The file is read once, from its start, so a pipe will do; JSON Lines are streamed, one
    line at a time.

    Args:
        source: A path, or a file open in binary mode (standard input: ``sys.stdin.buffer``).
        load: Builds the object from a parsed JSON value (a ``dict`` for a model object),
            raising :class:`~newsevents.ValidationError` when it cannot; by default
            ``from_dict(Article, value)``.
        limits: Bounds on each document or line (:class:`~newsevents.Limits`).

    Raises:
        OSError: The path cannot be opened or the file cannot be read.

    >>> import io
    >>> lines = b'{"type": "country", "code": "RU"}\\n{"type": "country", "code": "XX"}\\n'
    >>> from newsevents import Country, from_dict
    >>> for doc in read_documents(io.BytesIO(lines), lambda data: from_dict(Country, data)):
    ...     print(doc.line, doc.value if doc.error is None else f"bad at {doc.error.errors[0].path}")
    1 Country(code='RU', name='Russia')
    2 bad at $.code
    """
    build = load if load is not None else functools.partial(from_dict, Article)
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as handle:
            yield from _documents(handle, build, limits)
    else:
        yield from _documents(source, build, limits)


def _document(line: int | None, prefix: str, data: Any, build: Callable[[Any], Any]) -> Document:
    try:
        return Document(line=line, prefix=prefix, value=build(data))
    except ValidationError as err:
        return Document(line=line, prefix=prefix, error=err)


def _size(source: IO[bytes]) -> int | None:
    """The bytes left in a regular file; None for a pipe, a terminal or an object without a file."""
    try:
        status = os.fstat(source.fileno())
        return status.st_size - source.tell() if stat.S_ISREG(status.st_mode) else None
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return None


def _documents(source: IO[bytes], build: Callable[[Any], Any], limits: Limits) -> Iterator[Document]:
    size = _size(source)
    most = limits.max_document
    cap = -1 if most is None else min(most + 2, sys.maxsize)
    seen = [source.readline(cap)]
    while seen[-1] and is_blank(seen[-1]):
        seen.append(source.readline(cap))
    first = seen[-1]
    if not first:
        return  # an empty file holds no documents (dump_jsonl of nothing writes one)
    peek = source.read(1 << 16)
    head = b"".join(seen) + peek
    lines_follow = not is_blank(peek)
    overlong = len(first) == cap and not first.endswith(b"\n")
    if lines_follow and (overlong or _is_one_value(first)):
        yield from _json_lines(_Replay(head, source), build, limits)
        return
    if most is not None:
        if size is None:  # a pipe: read on, up to one byte past the limit, to learn which side it is
            head += source.read(max(most + 1 - len(head), 0))
            too_big, found = len(head) > most, f"more than {most:,}"
        else:
            too_big, found = size > most, f"{size:,}"
        if too_big:
            # Too big to be one document: JSON Lines whose first line is bad?
            if lines_follow and _has_object_line(peek, limits, cut=True):
                yield from _json_lines(_Replay(head, source), build, limits)
                return
            message = f"expected a document of at most {most:,} bytes (Limits.max_document), found {found}"
            yield Document(line=None, error=ValidationError.single(None, message, code="limit"))
            return
    whole = head + source.read()
    try:
        data = parse(whole, limits)
    except ValidationError as exc:
        # JSON Lines whose first line is broken (or not text): the good lines after it still count.
        # A whole document that breaks a rule (a repeated key, NaN on a later line) stays one.
        if lines_follow and unreadable(exc.errors[0]) and _has_object_line(whole, limits, cut=False):
            yield from _json_lines(io.BytesIO(whole), build, limits)
        else:
            yield Document(line=None, error=exc)
        return
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield _document(None, f"$[{i}]", item, build)
    else:
        yield _document(None, "$", data, build)


class _Replay:
    """The lines of a stream from its start: the bytes already read, then the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = io.BytesIO(head), rest

    def readline(self, size: int = -1) -> bytes:
        line = self._head.readline(size)
        if not line.endswith(b"\n") and (size < 0 or len(line) < size):
            line += self._rest.readline(size - len(line) if size >= 0 else -1)
        return line


def _is_one_value(line: bytes) -> bool:
    """Whether the line is one whole JSON value in shape, whatever rule it breaks.

    A repeated key, NaN, bytes that are not UTF-8 or a byte-order mark make a bad line of JSON
    Lines, not the start of a document that goes on over the next lines.
    """
    try:
        json.loads(line.decode("utf-8", "replace").lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return False
    return True


def _has_object_line(text: bytes, limits: Limits, *, cut: bool) -> bool:
    """Whether one of the first 1,000 lines of ``text`` is a JSON object on its own.

    With ``cut``, ``text`` is the start of a file, and its last line may be cut short: it is left out.
    """
    lines = text.split(b"\n", 1000)
    for line in lines[:-1] if cut else lines:
        try:
            if isinstance(parse(line.rstrip(b"\r"), limits), dict):
                return True
        except ValidationError:
            continue
    return False


def _json_lines(source: Any, build: Callable[[Any], Any], limits: Limits) -> Iterator[Document]:
    for number, line in enumerate(_bounded_lines(source, limits.max_document), start=1):
        try:
            raw = _line_text(line, limits)
            if raw is None:
                continue
            data = parse(raw, limits)
        except ValidationError as exc:
            yield Document(line=number, error=exc)
            continue
        yield _document(number, "$", data, build)
