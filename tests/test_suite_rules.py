"""The suite's own rules (the root conftest.py): the quick run says what it left out; a missing extra skips.

Each test runs pytest as a process on a small project in a temporary directory that uses a copy of the root
conftest.py, with one pretend optional package added to its list, so that "not installed" is certain.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

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


def _mutation_tool() -> Any:
    spec = importlib.util.spec_from_file_location("mutation_tool", ROOT / "tools" / "mutation.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_mutation_score_counts_detected_mutants_and_leaves_out_equivalent_ones(tmp_path: Path) -> None:
    tool = _mutation_tool()
    assert tool.module_of("newsevents.dates.x__zone__mutmut_7") == "newsevents.dates"
    assert tool.module_of("newsevents.validators.xǁ_Lengthǁ__attrs_post_init____mutmut_3") == (
        "newsevents.validators"
    )
    page = tmp_path / "triage.md"
    page.write_text(
        "| mutant | verdict | by or why |\n|---|---|---|\n"
        "| `newsevents.corpus.xǁCorpusǁactors__mutmut_4` | equivalent | only the relative order counts |\n"
        "| `newsevents.dates.x__zone__mutmut_7` | killed | tests/test_dates.py::test_zone |\n",
        encoding="utf-8",
    )
    assert tool.verdicts(page) == {
        "newsevents.corpus.xǁCorpusǁactors__mutmut_4": "equivalent",
        "newsevents.dates.x__zone__mutmut_7": "killed",
    }
    # 8 killed and 1 timeout detected, 1 survivor, 1 equivalent survivor left out: 9 of 10.
    counts = Counter({"killed": 8, "timeout": 1, "survived": 2, "equivalent": 1})
    assert tool._score(counts) == 90.0
    assert tool._row("`m`", counts) == "| `m` | 11 | 8 | 1 | 2 | 0 | 1 | 90.0 % |"
    assert tool._score(Counter({"not checked": 3})) == 0.0


def test_the_mutation_sample_is_fixed_by_name_and_about_the_fraction_asked(tmp_path: Path) -> None:
    tool = _mutation_tool()
    package = tmp_path / "newsevents"
    package.mkdir()
    (package / "dates.py").write_text(
        "def x__zone__mutmut_1(name):\n    pass\n\nclass Corpus:\n"
        "    def xǁCorpusǁfind__mutmut_12(self):\n        pass\n",
        encoding="utf-8",
    )
    assert tool.mutant_names(tmp_path) == [
        "newsevents.dates.x__zone__mutmut_1",
        "newsevents.dates.xǁCorpusǁfind__mutmut_12",
    ]
    names = [f"newsevents.m.x_f__mutmut_{i}" for i in range(4000)]
    quarter = [n for n in names if tool.sampled(n, 0.25)]
    assert 900 < len(quarter) < 1100  # 1,000 expected; the hash spreads names evenly
    assert quarter == [n for n in names if tool.sampled(n, 0.25)]  # the same names every time
    assert set(quarter) <= {n for n in names if tool.sampled(n, 0.5)}  # a larger sample holds a smaller one
    assert [n for n in names if tool.sampled(n, 0.0)] == []
    assert [n for n in names if tool.sampled(n, 1.0)] == names
