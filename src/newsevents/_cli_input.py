"""The command line's input: files and standard input (``-``), with a progress line on a terminal. Private.

Every command that reads files reads them through :class:`Inputs`, so that ``-`` means standard
input everywhere (once per run), and a file of a few megabytes or more shows how much of it has
been read, when standard error is a terminal.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO, TextIO, cast

from newsevents.errors import NewsEventsError

__all__ = ["STDIN", "InputError", "Inputs", "Progress", "display_name"]

STDIN = "-"
"""The file name that stands for standard input."""

PROGRESS_BYTES = 4 * 1024 * 1024
"""The smallest input that gets a progress line: smaller ones are read in well under a second."""


class InputError(NewsEventsError):
    """A file that cannot be opened or read: one line, exit status 2."""


def display_name(path: str) -> str:
    """How messages name an input: its path, or ``<stdin>``."""
    return "<stdin>" if path == STDIN else path


class Progress:
    """How much of the file at hand has been read, on one terminal line redrawn in place.

    The line is drawn on the first read of a file of at least ``least`` bytes (of a pipe, once that
    much has come through), then again whenever ``every`` seconds have passed; :meth:`clear` wipes
    it (before other output, and at the end of each file), leaving the cursor where the line began.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        clock: Callable[[], float] = time.monotonic,
        every: float = 0.25,
        least: int = PROGRESS_BYTES,
        width: int | None = None,
    ) -> None:
        self._stream, self._clock, self._every, self._least = stream, clock, every, least
        self._width = width if width is not None else _columns(stream)
        self._name, self._done = "", 0
        self._total: int | None = None
        self._next = 0.0
        self._shown = 0
        self.detail = ""
        """Said after the bytes (``convert``: the articles and events written so far)."""

    def start(self, name: str, total: int | None) -> None:
        """A new file: ``total`` is its size, None when unknown (a pipe)."""
        self._name, self._total, self._done = name, total, 0
        self._next, self.detail = 0.0, ""

    def advance(self, count: int) -> None:
        """``count`` more bytes were read; redraws the line when it is due."""
        self._done += count
        if (self._total if self._total is not None else self._done) < self._least:
            return
        now = self._clock()
        if now >= self._next:
            self._next = now + self._every
            self._draw()

    def _draw(self) -> None:
        done, total = self._done, self._total
        if total:
            said = f"{_mb(done)} of {_mb(total)} ({min(done * 100 // total, 100)}%)"
        else:
            said = f"{_mb(done)} read"
        if self.detail:
            said = f"{said}; {self.detail}"
        # A line that wraps could not be redrawn in place: a long name gives way, from its start.
        room = max(self._width - 1 - len(said) - 2, 12)
        name = self._name if len(self._name) <= room else "..." + self._name[-(room - 3) :]
        text = f"{name}: {said}"[: max(self._width - 1, 10)]
        self._stream.write("\r" + text + " " * max(self._shown - len(text), 0))
        self._stream.flush()
        self._shown = len(text)

    def clear(self) -> None:
        """Wipe the line, if one is shown."""
        if self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
            self._stream.flush()
            self._shown = 0


def _mb(count: int) -> str:
    return f"{count / 1_000_000:,.1f} MB"


def _columns(stream: TextIO) -> int:
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        columns = 0
    return columns or 80  # a terminal that does not say its width (0) is taken as the usual 80


class _Counted:
    """A binary file whose reads move the progress line on."""

    def __init__(self, raw: BinaryIO, progress: Progress) -> None:
        self._raw, self._progress = raw, progress

    def readline(self, size: int = -1) -> bytes:
        data = self._raw.readline(size)
        self._progress.advance(len(data))
        return data

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._progress.advance(len(data))
        return data

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")

    def fileno(self) -> int:
        return self._raw.fileno()

    def tell(self) -> int:
        return self._raw.tell()


class Screen:
    """An output stream that wipes the progress line before it writes, when both share a terminal."""

    def __init__(self, stream: TextIO, progress: Progress) -> None:
        self._stream, self._progress = stream, progress

    def write(self, text: str) -> int:
        self._progress.clear()
        return self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()


class Inputs:
    """The files of one run: ``-`` is standard input; a progress line on a terminal."""

    def __init__(self, stdin: BinaryIO | None = None, progress: Progress | None = None) -> None:
        self._stdin = stdin
        self.progress = progress

    @contextmanager
    def open(self, path: str) -> Iterator[BinaryIO]:
        """The file (or standard input) open for binary reading, counted on the progress line."""
        if path == STDIN:
            raw = self._stdin if self._stdin is not None else sys.stdin.buffer
            close = False
        else:
            try:
                raw = open(path, "rb")  # noqa: SIM115 -- closed below, after the caller's block
            except OSError as exc:
                raise InputError(f"cannot read {path!r}: {exc.strerror or exc}") from None
            close = True
        try:
            if self.progress is None:
                yield raw
            else:
                self.progress.start(display_name(path), _size(raw))
                try:
                    yield cast("BinaryIO", _Counted(raw, self.progress))
                finally:
                    self.progress.clear()
        finally:
            if close:
                raw.close()


def _size(source: BinaryIO) -> int | None:
    """The bytes left in a regular file; None for a pipe or a terminal."""
    try:
        status = os.fstat(source.fileno())
        return status.st_size - source.tell() if stat.S_ISREG(status.st_mode) else None
    except (AttributeError, OSError, ValueError):
        return None
