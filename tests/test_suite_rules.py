"""The suite's own rules (the root conftest.py): the quick run says what it left out; a missing extra skips.

Each test runs pytest as a process on a small project in a temporary directory that uses a copy of the root
conftest.py, with one pretend optional package added to its list, so that "not installed" is certain.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRETEND = "newsevents_pretend_extra"

TESTS = {
    "test_quick.py": """
import pytest

def test_fast():
    assert True

@pytest.mark.slow
def test_heavy():
    assert True

@pytest.mark.huge
def test_gigabyte():
    assert True
""",
    "test_extra.py": f"""
import {PRETEND}

def test_uses_it():
    assert {PRETEND}
""",
}


def run(
    tmp_path: Path, *args: str, files: dict[str, str] = TESTS, **env: str
) -> subprocess.CompletedProcess[str]:
    conftest = (ROOT / "conftest.py").read_text(encoding="utf-8")
    marker = "OPTIONAL = {\n"
    assert marker in conftest
    conftest = conftest.replace(marker, marker + f'    "{PRETEND}": "a pretend extra",\n', 1)
    (tmp_path / "conftest.py").write_text(conftest, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    slow: s\n    huge: h\n", encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSEVENTS_", "PYTEST_"))}
    argv = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", *args]
    return subprocess.run(
        argv, cwd=tmp_path, env={**clean, **env}, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_quick_run_leaves_out_the_slow_tests_and_says_so(tmp_path: Path) -> None:
    done = run(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the quick run left out 1 slow tests" in done.stdout
    assert "NEWSEVENTS_FULL=1 python -m pytest" in done.stdout
    assert "1 passed, 2 skipped, 1 deselected" in done.stdout
    assert "huge (1 GiB of data, minutes each): run with NEWSEVENTS_HUGE=1" in done.stdout
    # The module that imports a package of an extra that is not installed: skipped, not an error.
    assert f"needs {PRETEND} (a pretend extra), which is not installed" in done.stdout


@pytest.mark.slow
def test_the_full_run_and_a_mark_expression_keep_the_slow_tests(tmp_path: Path) -> None:
    full = run(tmp_path, NEWSEVENTS_FULL="1")
    assert full.returncode == 0, full.stdout + full.stderr
    assert "2 passed, 2 skipped" in full.stdout
    assert "left out" not in full.stdout
    only = run(tmp_path, "-m", "slow")
    assert "1 passed, 1 skipped, 2 deselected" in only.stdout
    assert "left out" not in only.stdout
    huge = run(tmp_path, NEWSEVENTS_FULL="1", NEWSEVENTS_HUGE="1")
    assert "3 passed, 1 skipped" in huge.stdout


def test_a_missing_package_that_is_not_an_extra_is_still_an_error(tmp_path: Path) -> None:
    files = {"test_broken.py": "import newsevents_no_such_package\n\ndef test_x():\n    pass\n"}
    done = run(tmp_path, files=files)
    assert done.returncode == 2, done.stdout
    assert "ModuleNotFoundError: No module named 'newsevents_no_such_package'" in done.stdout
    assert "1 error" in done.stdout


def test_the_mutation_testing_configuration_names_files_and_tests_that_exist() -> None:
    # mutmut runs by hand (docs/explanation/reliability.md), not in CI: a renamed module or test would
    # otherwise leave its configuration pointing at nothing until the next run.
    import tomllib  # noqa: PLC0415 -- only this test reads the configuration

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    missing = [path for path in config["only_mutate"] if not (ROOT / path).is_file()]
    assert missing == []
    assert {Path(p).stem for p in config["only_mutate"]} >= {
        "query",
        "corpus",
        "checks",
        "validators",
        "_jsontext",
        "jsonl",
        "serialize",
        "_converter",
        "_codegen",
        "dates",
    }
    for option in config["pytest_add_cli_args_test_selection"]:
        if not option.startswith("-"):
            assert (ROOT / option).is_file(), option
        elif option.startswith("--deselect="):
            module, name = option.removeprefix("--deselect=").split("::")
            source = (ROOT / module).read_text(encoding="utf-8")
            assert f"def {name}(" in source, option
    assert [p for p in config["also_copy"] if not (ROOT / p).exists()] == []
