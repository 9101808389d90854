"""Streaming JSON Lines: the peak memory of reading does not grow with the file (issue 8).

Each reading runs in a fresh interpreter, so nothing the test suite has allocated counts
against it. The reader imports the library, reads the first lines (so that the converter has
built its hooks and the error path has run once), then records its peak resident set, reads
the rest and records the peak again. The figures are the process's own ``VmHWM`` from
``/proc/self/status``, after resetting it through ``/proc/self/clear_refs`` where the kernel
allows: ``ru_maxrss`` is printed beside them but not asserted on, because a child started by
``fork``/``vfork`` inherits its parent's peak in ``ru_maxrss`` (here, the size of pytest),
which would hide any growth smaller than that.

Run with ``pytest -s`` to see the figures. The 1 GiB run is marked ``huge`` (``NEWSEVENTS_HUGE=1`` runs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Literal

import attrs
import pytest

from newsevents import Article, from_json, to_json

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="the peak memory of the reading process alone is read from /proc (Linux)",
)

SEED_JSON = Path(__file__).resolve().parents[1] / "examples" / "data" / "lavrov_blinken_call.json"

KiB = 2**10
MiB = 2**20
GiB = 2**30

# Allocator noise (pymalloc arenas, a larger read buffer, fragmentation) is a few MiB at most.
# Anything that keeps a share of what was read fails this: holding the raw lines of the fast
# test's larger file alone would add 28 MiB, holding the articles about three times that.
SLACK = 16 * MiB
WARM_UP = 50  # lines read before the first measurement
BAD_EVERY = 100  # in the files for on_error, one line in a hundred is bad ...
BAD_OFFSET = 7  # ... starting with line 8, so that the warm-up runs the error path too
ID_DIGITS = 7

Mode = Literal["stream", "on_error", "list"]

# The reader, run as ``python -c READER path mode warm_up bad_every bad_offset``. It checks,
# cheaply, that every article arrives in order with the id it was written with, and that every
# error names a line where a bad one was written; it keeps no article (except in "list" mode,
# the control that shows the measurement sees memory that grows).
READER = textwrap.dedent(
    """
    import json, resource, sys
    from newsevents import read_jsonl

    path, mode = sys.argv[1], sys.argv[2]
    warm_up, bad_every, bad_offset = (int(a) for a in sys.argv[3:6])

    def peak_and_current():
        found = {}
        with open("/proc/self/status") as status:
            for row in status:
                key, _, value = row.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    found[key] = int(value.split()[0])  # in kB (KiB)
        return found["VmHWM"], found["VmRSS"]

    def good_indices():
        index = 0
        while True:
            if not (bad_every and index % bad_every == bad_offset):
                yield index
            index += 1

    errors = misplaced = 0

    def on_error(exc):
        global errors, misplaced
        errors += 1
        line = exc.errors[0].line
        if line is None or (line - 1) % bad_every != bad_offset:
            misplaced += 1

    expected = good_indices()
    wrong_ids = 0

    def check(article):
        global wrong_ids
        if article.id != "streamed-%0{digits}d" % next(expected):
            wrong_ids += 1

    reader = read_jsonl(path, on_error=on_error if mode == "on_error" else None)
    articles = 0
    for article in reader:
        check(article)
        articles += 1
        if articles == warm_up:
            break
    del article

    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # reset VmHWM to the current resident set
        peak_reset = True
    except OSError:
        peak_reset = False
    hwm_before, rss_before = peak_and_current()
    maxrss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    if mode == "list":
        held = list(reader)
        for article in held:
            check(article)
        articles += len(held)
    else:
        for article in reader:
            check(article)
            articles += 1

    hwm_after, rss_after = peak_and_current()
    maxrss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(dict(
        articles=articles, errors=errors, wrong_ids=wrong_ids, misplaced_errors=misplaced,
        peak_reset=peak_reset, hwm_before=hwm_before, rss_before=rss_before,
        hwm_after=hwm_after, rss_after=rss_after,
        maxrss_before=maxrss_before, maxrss_after=maxrss_after,
    )))
    """
).replace("{digits}", str(ID_DIGITS))


@attrs.frozen
class Written:
    """A generated JSON Lines file: its size in bytes, its good lines and its bad ones."""

    size: int
    good: int
    bad: int


@attrs.frozen
class Reading:
    """What one reading in a fresh process reported (memory in KiB), and how long it took."""

    mode: Mode
    written: Written
    articles: int
    errors: int
    wrong_ids: int
    misplaced_errors: int
    peak_reset: bool
    hwm_before: int
    rss_before: int
    hwm_after: int
    rss_after: int
    maxrss_before: int
    maxrss_after: int
    seconds: float

    @property
    def growth(self) -> int:
        """How much the peak resident set grew while reading past the warm-up, in bytes."""
        return (self.hwm_after - self.hwm_before) * KiB

    def report(self) -> str:
        """One line with every figure, for ``pytest -s`` and the closing note of the issue."""
        w = self.written
        return (
            f"{self.mode:>8}: file {w.size:,} B ({w.size / MiB:,.1f} MiB), {w.good + w.bad:,} lines "
            f"({w.bad:,} bad); read {self.articles:,} articles, {self.errors:,} errors; "
            f"peak RSS before {self.hwm_before:,} KiB, after {self.hwm_after:,} KiB, "
            f"growth {self.growth // KiB:,} KiB (current RSS after {self.rss_after:,} KiB; "
            f"ru_maxrss {self.maxrss_before:,} -> {self.maxrss_after:,} KiB; "
            f"peak reset: {self.peak_reset}); {self.seconds:.1f} s"
        )


def line_parts() -> tuple[bytes, bytes]:
    """The seed article as one compact JSON line, cut around the digits of its id."""
    seed = from_json(Article, SEED_JSON.read_text(encoding="utf-8"))
    marker = "0" * ID_DIGITS
    line = to_json(attrs.evolve(seed, id=f"streamed-{marker}")) + "\n"
    head, found, tail = line.partition(f'"id":"streamed-{marker}"')
    assert found
    assert marker not in tail
    return (head + '"id":"streamed-').encode(), (f'"{tail}').encode()


def bad_line(good: bytes, index: int) -> bytes:
    """A line that must fail: alternately cut short (not JSON) and wrong in type (a string for a number)."""
    if index // BAD_EVERY % 2 == 0:
        return good[: len(good) // 2] + b"\n"
    wrong = good.replace(b'"format_version":1,', b'"format_version":"1",', 1)
    assert wrong != good
    return wrong


def write_jsonl(path: Path, at_least: int, *, with_bad_lines: bool) -> Written:
    """Write lines until the file holds ``at_least`` bytes, in large buffered chunks."""
    head, tail = line_parts()
    size = good = bad = index = 0
    with path.open("wb") as out:
        while size < at_least:
            chunk = []
            for _ in range(512):  # about 6 MiB a write
                line = b"%s%0*d%s" % (head, ID_DIGITS, index, tail)
                if with_bad_lines and index % BAD_EVERY == BAD_OFFSET:
                    line = bad_line(line, index)
                    bad += 1
                else:
                    good += 1
                chunk.append(line)
                size += len(line)
                index += 1
                if size >= at_least:
                    break
            out.write(b"".join(chunk))
    assert path.stat().st_size == size
    return Written(size=size, good=good, bad=bad)


def read_in_fresh_process(path: Path, written: Written, mode: Mode, *, timeout: float) -> Reading:
    """Read ``path`` in a new interpreter and collect what it measured."""
    args = [str(path), mode, str(WARM_UP), str(BAD_EVERY if written.bad else 0), str(BAD_OFFSET)]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", READER, *args], capture_output=True, text=True, timeout=timeout, check=False
    )
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    return Reading(mode=mode, written=written, seconds=seconds, **figures)


def measure(folder: Path, at_least: int, mode: Mode, *, timeout: float = 120) -> Reading:
    """Generate a file of ``at_least`` bytes, read it in a fresh process, then remove it."""
    path = folder / f"{mode}-{at_least}.jsonl"
    try:
        written = write_jsonl(path, at_least, with_bad_lines=mode == "on_error")
        reading = read_in_fresh_process(path, written, mode, timeout=timeout)
    finally:
        path.unlink(missing_ok=True)
    print(reading.report())
    return reading


def assert_nothing_lost(reading: Reading) -> None:
    """Every good line came back as an article, in order; every bad line as one error."""
    assert reading.articles == reading.written.good
    assert reading.errors == reading.written.bad
    assert reading.wrong_ids == 0
    assert reading.misplaced_errors == 0


def grows_with_the_file(small: Reading, large: Reading) -> bool:
    """Whether the larger file cost more peak memory than the smaller one, beyond the noise."""
    return large.growth > small.growth + SLACK


def assert_flat(small: Reading, large: Reading) -> None:
    """The peak memory of reading does not grow with the file."""
    assert not grows_with_the_file(small, large), (
        f"reading {large.written.size:,} B grew the peak by {large.growth:,} B, "
        f"{small.written.size:,} B by {small.growth:,} B"
    )
    assert large.growth < large.written.size // 4


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["stream", "on_error"])
def test_reading_memory_does_not_grow_from_4_to_32_mib(tmp_path: Path, mode: Mode) -> None:
    """Reading 32 MiB costs no more peak memory than reading 4 MiB, and loses no line.

    With ``on_error``, one line in a hundred is bad; each is reported once, and the good ones
    around it all arrive.
    """
    small = measure(tmp_path, 4 * MiB, mode)
    large = measure(tmp_path, 32 * MiB, mode)
    assert_nothing_lost(small)
    assert_nothing_lost(large)
    assert_flat(small, large)


@pytest.mark.slow
def test_the_measurement_sees_memory_that_grows_with_the_file(tmp_path: Path) -> None:
    """A control: holding every article (``list(read_jsonl(...))``) fails the check above.

    This proves the measurement is sensitive enough to catch a reader that keeps what it read.
    """
    small = measure(tmp_path, 4 * MiB, "list")
    large = measure(tmp_path, 32 * MiB, "list")
    assert_nothing_lost(large)
    assert grows_with_the_file(small, large)
    with pytest.raises(AssertionError):
        assert_flat(small, large)


@pytest.mark.huge
@pytest.mark.parametrize("mode", ["stream", "on_error"])
def test_reading_a_gigabyte_keeps_memory_flat(tmp_path: Path, mode: Mode) -> None:
    """Reading 1 GiB (or, where the disk is short, half its free space) costs no more peak memory
    than reading 64 MiB, and loses no line. One file is on disk at a time and is removed after.
    """
    small_size = 64 * MiB
    free = shutil.disk_usage(tmp_path).free
    large_size = min(GiB, free // 2)
    if large_size < 4 * small_size:
        pytest.skip(f"only {free:,} B free: too little for two sizes far enough apart")
    print(f"\nslow run ({mode}): {free:,} B free, large file of at least {large_size:,} B")
    small = measure(tmp_path, small_size, mode, timeout=1800)
    large = measure(tmp_path, large_size, mode, timeout=3600)
    assert_nothing_lost(small)
    assert_nothing_lost(large)
    assert_flat(small, large)
