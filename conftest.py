"""How every test path (tests/, doctests, examples/) runs: the quick run, and without the optional extras.

Two rules, kept here so that they hold for a test file written tomorrow as much as for today's:

- **The quick run.** ``python -m pytest`` leaves out the tests marked ``slow`` (heavy property tests and whole
  programs, the ones that take seconds each) and says so at the end, with the command that runs them:
  ``NEWSEVENTS_FULL=1 python -m pytest`` runs everything, as CI does, and any ``-m`` expression given on the
  command line replaces the rule (``-m slow`` runs only them). The tests marked ``huge`` (the 1 GiB runs,
  minutes each and a gigabyte of disk) are skipped, saying why, unless ``NEWSEVENTS_HUGE=1``.
- **The optional extras.** A test module, a module's doctests or a page's example that imports a package of an
  optional extra (hypothesis, orjson, pyarrow, ...) that is not installed is reported as *skipped*, with the
  package named, rather than as an error: the suite runs without the extras, and ``-rs`` lists what it left
  out.
  A missing package that is not optional, an import that fails for another reason, and an optional package
  imported by a module of the library that is not one of the extras' own modules, are still errors: the run
  without the extras is there to catch a library that needs an extra where it should not.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
from collections.abc import Generator
from pathlib import Path

import pytest

# The optional packages, and what installs each (an extra of newsevents, or the test extra).
OPTIONAL = {
    "hypothesis": "the hypothesis extra",
    "orjson": "the orjson extra",
    "pyarrow": "the arrow extra",
    "duckdb": "the duckdb extra",
    "pyspark": "the spark extra",
    "polars": "the test extra",
    "jsonschema": "the test extra",
    "hypothesis_jsonschema": "the test extra",
    "pydantic": "the bench extra",
    "msgspec": "the bench extra",
}

# The library's modules that exist to use an extra; any other module of the package must import without one.
PACKAGE = Path(__file__).resolve().parent / "src" / "newsevents"
EXTRA_MODULES = {"arrow.py", "duckdb.py", "strategies"}

# Slow tests that cannot carry a marker: a page's examples, and the downstream example that users copy (a
# marker there would be unknown in their project). Node ids from the repository's root.
SLOW_UNMARKED = (
    "docs/how-to/property-testing.md::",
    "examples/test_downstream_pipeline.py::",
    "tests/test_examples.py::test_every_example_runs[test_downstream_pipeline.py]",
)

FULL = os.environ.get("NEWSEVENTS_FULL") == "1"
# NEWSEVENTS_SLOW=1 was the switch of the 1 GiB runs before they were marked ``huge``; it still works.
HUGE = os.environ.get("NEWSEVENTS_HUGE") == "1" or os.environ.get("NEWSEVENTS_SLOW") == "1"

_DESELECTED = "newsevents_slow_deselected"
_deselected = pytest.StashKey[int]()


def _missing_optional(error: BaseException | None) -> str | None:
    """The skip reason if ``error`` (or what caused it) is the import of an optional package not installed."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, ModuleNotFoundError) and error.name:
            top = error.name.split(".")[0]
            if top in OPTIONAL and importlib.util.find_spec(top) is None and _may_need_extras(error):
                return f"needs {top} ({OPTIONAL[top]}), which is not installed"
            return None
        error = error.__cause__ or error.__context__
        seen += 1
    return None


def _may_need_extras(error: ModuleNotFoundError) -> bool:
    """Whether the import that failed was in a test, an example, or one of the extras' own modules."""
    frames = []
    tb = error.__traceback__
    while tb is not None:
        frames.append(Path(tb.tb_frame.f_code.co_filename))
        tb = tb.tb_next
    importer = next((f for f in reversed(frames) if not str(f).startswith("<")), None)
    if importer is None or not importer.resolve().is_relative_to(PACKAGE):
        return True
    return importer.resolve().relative_to(PACKAGE).parts[0] in EXTRA_MODULES


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    """A test module or a module's doctests that cannot import an optional package: skipped, saying which."""
    report = yield
    call = getattr(report, "call", None)
    if report.failed and call is not None and call.excinfo is not None:
        reason = _missing_optional(call.excinfo.value)
        if reason is not None:
            skipped = pytest.CollectReport(
                report.nodeid, "skipped", (str(collector.path), 0, f"Skipped: {reason}"), None
            )
            skipped.call = call  # type: ignore[attr-defined]  # pytest pops it after this hook
            return skipped
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """A test or an example that imports a missing optional package as it runs: skipped, saying which."""
    try:
        return (yield)
    except doctest.UnexpectedException as failure:
        reason = _missing_optional(failure.exc_info[1])
        if reason is None:
            raise
        pytest.skip(f"{item.name}: {reason}")
    except ModuleNotFoundError as error:
        reason = _missing_optional(error)
        if reason is None:
            raise
        pytest.skip(f"{item.name}: {reason}")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_deselected] = 0


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the ``slow`` tests out of the quick run (announced at the end); skip ``huge`` ones unless asked.

    ``NEWSEVENTS_FULL=1`` keeps the slow tests, and so does any ``-m`` given on the command line.
    """
    if not HUGE:
        huge = pytest.mark.skip(reason="huge (1 GiB of data, minutes each): run with NEWSEVENTS_HUGE=1")
        for item in items:
            if "huge" in item.keywords:
                item.add_marker(huge)
    for item in items:
        if item.nodeid.startswith(SLOW_UNMARKED):
            item.add_marker(pytest.mark.slow)
    if FULL or config.getoption("markexpr"):
        return
    kept = [item for item in items if "slow" not in item.keywords]
    left = [item for item in items if "slow" in item.keywords]
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
    config.stash[_deselected] = len(left)
    if hasattr(config, "workeroutput"):  # a pytest-xdist worker: the controller prints the summary
        config.workeroutput[_DESELECTED] = len(left)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """pytest-xdist: every worker collects (and leaves out) the same tests; keep the count for the summary."""
    output = getattr(node, "workeroutput", {})
    config = getattr(node, "config", None)
    if config is not None and _DESELECTED in output:
        config.stash[_deselected] = max(config.stash[_deselected], output[_DESELECTED])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    left = config.stash.get(_deselected, 0)
    if left:
        terminalreporter.write_line(
            f"newsevents: the quick run left out {left} slow tests; run everything with "
            "`NEWSEVENTS_FULL=1 python -m pytest`, or only them with `python -m pytest -m slow`",
            yellow=True,
            bold=True,
        )
