"""Headless Chromium, driven over the DevTools protocol on a pipe, with the standard library only.

The browser tests, the report benchmark and the docs' screenshot share this. Chromium reads
commands on its file descriptor 3 and writes answers and events on 4 (``--remote-debugging-pipe``),
each message JSON followed by a NUL byte. One page at a time: open it, evaluate JavaScript in it,
read what it logged, take a screenshot.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = ["Browser", "BrowserError", "chromium_path", "png_pixels"]


class BrowserError(RuntimeError):
    """The browser answered with an error, closed, or did not answer in time."""


def chromium_path() -> str | None:
    """Debian's ``chromium`` (or ``$NEWSEVENTS_CHROMIUM``), if there is one."""
    given = os.environ.get("NEWSEVENTS_CHROMIUM")
    if given:
        return given if Path(given).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _high(pair: tuple[int, int]) -> tuple[int, int]:
    """The pipe's ends moved to 10 and above, clear of 3 and 4 where the shell will put them."""
    moved = tuple(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in pair)
    for fd in pair:
        os.close(fd)
    return moved[0], moved[1]


class Browser:
    """One headless Chromium with one page (a context manager: it quits on exit).

    ``problems`` collects what the page reported as wrong since the last :meth:`open`: console
    errors and warnings, uncaught exceptions, and log entries of level error (a content security
    policy violation, a resource that failed to load).
    """

    def __init__(self, width: int = 1000, height: int = 800, timeout: float = 60.0) -> None:
        path = chromium_path()
        if path is None:
            raise BrowserError("no chromium found (install Debian's chromium, or set NEWSEVENTS_CHROMIUM)")
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="newsevents-chromium-")
        to_browser, self._commands = _high(os.pipe())
        self._answers, from_browser = _high(os.pipe())
        flags = [
            "--headless",
            "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
            "--disable-gpu",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--mute-audio",
            f"--user-data-dir={self._profile.name}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        # bash (dash takes no descriptor above 9) puts the pipe ends on 3 and 4, where Chromium reads.
        script = f'exec "$0" "$@" 3<&{to_browser} 4>&{from_browser}'
        self._process = subprocess.Popen(  # noqa: S603 -- a fixed command line, no user input
            ["/bin/bash", "-c", script, path, *flags],
            pass_fds=(to_browser, from_browser),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.problems: list[str] = []
        self._session: str | None = None
        try:
            target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
            self._session = attached["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                self.send(f"{domain}.enable")
            metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
            self.send("Emulation.setDeviceMetricsOverride", metrics)
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------ the protocol

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise BrowserError("chromium did not answer in time")
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                raise BrowserError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def _note(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            self.problems.append(f"console.{params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.problems.append(f"exception: {details.get('exception', {}).get('description', details)}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.problems.append(f"log ({entry.get('source')}): {entry.get('text')}")
        self._events.append(message)

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send one command and wait for its answer; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if self._session is not None:
            message["sessionId"] = self._session
        os.write(self._commands, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error'].get('message')}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self._note(answer)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for an event (one that arrived already counts), and return its parameters."""
        deadline = time.monotonic() + self.timeout
        while True:
            for k, event in enumerate(self._events):
                if event.get("method") == method:
                    del self._events[: k + 1]
                    params: dict[str, Any] = event.get("params", {})
                    return params
            self._events.clear()
            self._note(self._read_message(deadline))

    # ------------------------------------------------------------ what callers use

    def open(self, url: str) -> None:
        """Load a page and wait for its load event; ``problems`` starts afresh."""
        self.problems = []
        self._events.clear()
        answer = self.send("Page.navigate", {"url": url})
        if answer.get("errorText"):
            raise BrowserError(f"cannot open {url}: {answer['errorText']}")
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (a promise is awaited)."""
        params = {"expression": expression, "returnByValue": True, "awaitPromise": True}
        answer = self.send("Runtime.evaluate", params)
        if "exceptionDetails" in answer:
            raise BrowserError(f"evaluate: {answer['exceptionDetails'].get('text')}: {expression[:80]}")
        return answer["result"].get("value")

    def screenshot(self, *, full_page: bool = False, scale: float = 1.0) -> bytes:
        """A PNG of the viewport, or of the whole page; ``scale`` below 1 makes it smaller."""
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        size = self.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.scrollHeight, innerHeight]"
        )
        height = size[1] if full_page else min(size[1], size[2])
        params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": height, "scale": scale}
        return base64.b64decode(self.send("Page.captureScreenshot", params)["data"])

    def close(self) -> None:
        """Quit the browser and remove its profile."""
        try:
            self._session = None
            self.send("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._commands, self._answers):
            os.close(fd)
        self._profile.cleanup()

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of raw RGB(A) bytes of an 8-bit PNG (what Chromium writes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    at, chunks, header = 8, [], b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    if depth != 8 or colour not in (2, 6):
        raise ValueError(f"expected an 8-bit RGB or RGBA PNG, found depth {depth}, colour type {colour}")
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min(
                    (abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner)
                )
                line[i] = (line[i] + near[2]) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows
