"""What a downstream project sees when its property test fails: examples that can be pasted back as code.

A failing test in a separate pytest process prints its falsifying examples; each must
``eval`` (after ``from newsevents import *`` and ``import datetime``) to an object
equal to the one the test saw.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import hypothesis  # noqa: F401 -- the downstream tests it runs need it: without the extra, this module skips

import newsevents
from newsevents import to_json

# Each test fails on the first example that is not trivial (so the printed one is rich:
# offsets, roles, several events), saves what it saw, and runs only the generate phase:
# the printed example is then the one it saved, unshrunk.
DOWNSTREAM = """
import os
from hypothesis import Phase, given, settings
from newsevents import TimeRef, to_json
from newsevents import strategies as nst

ONCE = settings(phases=[Phase.generate], max_examples=200, database=None, deadline=None)
SAVED = os.environ["SAVED"]


def fail_if(name, value, rich):
    if rich:
        with open(os.path.join(SAVED, name), "w", encoding="utf-8") as out:
            out.write(to_json(value))
        raise AssertionError("a downstream bug")


@ONCE
@given(nst.articles(min_events=2))
def test_article(value):
    fail_if("article", value, len(to_json(value)) > 2500)


@ONCE
@given(nst.persons(readable=False, max_roles=2))
def test_person(value):
    fail_if("person", value, not value.name.isascii() and value.roles)


@ONCE
@given(nst.events())
def test_event(value):
    fail_if("event", value, value.when is not None and len(to_json(value)) > 800)


@ONCE
@given(nst.detentions())
def test_detention(value):
    fail_if("detention", value, value.sentence is not None and type(value.held_by).__name__ == "Country")
"""


def _failing_examples(output: str) -> dict[str, str]:
    """``{test name: the text of its one argument}`` from pytest's output of Hypothesis failures."""
    found = {}
    pattern = re.compile(r"^E\s+Failing test case: test_(\w+)\($\n(.*?)^E\s+\)$", re.M | re.S)
    for match in pattern.finditer(output):
        lines = [line[1:] for line in match.group(2).splitlines()]  # drop pytest's "E"
        body = textwrap.dedent("\n".join(lines)).strip().removesuffix(",")
        assert body.startswith("value="), body
        found[match.group(1)] = body.removeprefix("value=")
    return found


def test_failing_examples_print_as_code_that_evaluates_to_the_same_object(tmp_path: Path) -> None:
    (tmp_path / "test_downstream.py").write_text(DOWNSTREAM)
    saved = tmp_path / "saved"
    saved.mkdir()
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("HYPOTHESIS", "PYTEST"))}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--hypothesis-seed=13",
            "test_downstream.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**environ, "SAVED": str(saved)},
    )
    assert done.returncode == 1, done.stdout + done.stderr  # the tests fail, as written
    printed = _failing_examples(done.stdout)
    assert sorted(printed) == ["article", "detention", "event", "person"], done.stdout
    namespace: dict[str, Any] = {"datetime": datetime}
    exec("from newsevents import *", namespace)
    for name, code in printed.items():
        assert "<...>" not in code, code  # no placeholder for an object it could not print
        assert "(lambda" not in code, code
        value = eval(code, namespace)
        assert to_json(value) == (saved / name).read_text(encoding="utf-8"), name
        assert isinstance(value, newsevents.Article | newsevents.Person | newsevents.Event)
