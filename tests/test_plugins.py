"""Plugins for the command line: ``--plugin MODULE`` and the ``newsevents.event_types`` entry points.

Each test runs the command as a process, with a plugin module written into a temporary directory
(on ``PYTHONPATH``); the entry points come from a ``.dist-info`` directory beside it, which is how
an installed package declares them. ``test_a_package_installed_in_a_fresh_venv`` installs a real
package into a new virtual environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PLUGIN = '''
"""A plugin: the prisoner_swap event type, with codes and no rendering of its own."""
import attrs

from newsevents import Country, Event, EventCodes, Parties, Person, event_type


@event_type("prisoner_swap", codes=EventCodes(cameo="0841", plover="RETREAT", mode="release"))
@attrs.frozen(kw_only=True)
class PrisonerSwap(Event):
    sides: tuple[Country, ...] = ()
    released: tuple[Person, ...] = ()

    def parties(self) -> Parties:
        return Parties(acting=self.sides, receiving=self.released)
'''

SWAP = {
    "type": "prisoner_swap",
    "id": "swap",
    "sides": [{"type": "country", "code": "US"}, {"type": "country", "code": "RU"}],
    "released": [{"type": "person", "name": "Evan Gershkovich", "nationality": ["US"]}],
}
ARTICLE = {
    "type": "article",
    "id": "a1",
    "title": "The exchange",
    "published": "2024-08-01T18:00:00+00:00",
    "publisher": {"type": "organization", "name": "RT", "kind": "media"},
    "events": [SWAP],
}
SHOWN = "      undated  swap: United States, Russia -> Evan Gershkovich: prisoner swap"


class Result:
    def __init__(self, done: subprocess.CompletedProcess[str]) -> None:
        self.status, self.out, self.err = done.returncode, done.stdout, done.stderr


def newsevents_cmd(tmp_path: Path, *argv: str | Path, python: str = sys.executable) -> Result:
    """``python -m newsevents ARGV`` in ``tmp_path``, with ``tmp_path/plugins`` on the path."""
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "plugins")}
    done = subprocess.run(
        [python, "-m", "newsevents", *map(str, argv)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    return Result(done)


def one_line_error(result: Result, *needles: str) -> None:
    assert result.status == 2, (result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("newsevents: error: ")
    assert "Traceback" not in result.err
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "swap_plugin.py").write_text(PLUGIN, encoding="utf-8")
    path = tmp_path / "swaps.jsonl"
    other = {**ARTICLE, "id": "a2", "events": []}
    path.write_text(json.dumps(ARTICLE) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    return path


def entry_point(tmp_path: Path, line: str) -> None:
    """Declare an entry point of the group, as an installed distribution does."""
    info = tmp_path / "plugins" / "swap_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: swap-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[newsevents.event_types]\n{line}\n", encoding="utf-8")


def test_without_a_plugin_the_custom_type_is_unknown(tmp_path: Path, data: Path) -> None:
    result = newsevents_cmd(tmp_path, "validate", data)
    assert result.status == 1
    assert f"{data}:1: $.events[0].type: unknown type 'prisoner_swap'" in result.out


def test_the_plugin_option_lets_every_command_read_the_custom_type(tmp_path: Path, data: Path) -> None:
    plugin = ("--plugin", "swap_plugin")
    validated = newsevents_cmd(tmp_path, *plugin, "validate", data)
    assert (validated.status, validated.out) == (0, "2 documents in 1 file: 2 valid, 0 invalid (0 errors)\n")
    checked = newsevents_cmd(tmp_path, *plugin, "check", data)
    assert checked.status in (0, 1), checked.err
    assert checked.out.splitlines()[-1].endswith(("finding", "findings"))
    shown = newsevents_cmd(tmp_path, *plugin, "show", data)
    assert shown.status == 0, shown.err
    assert SHOWN in shown.out.splitlines()
    found = newsevents_cmd(tmp_path, *plugin, "query", data, "--type", "prisoner_swap", "--to", "Gershkovich")
    assert found.status == 0, found.err
    assert "a1#swap" in found.out
    assert found.out.splitlines()[-1] == "1 event"
    schema = newsevents_cmd(tmp_path, *plugin, "schema", "prisoner_swap")
    assert schema.status == 0, schema.err
    assert "released" in json.loads(schema.out)["$defs"]["PrisonerSwap"]["properties"]


def test_the_plugin_option_is_repeatable(tmp_path: Path, data: Path) -> None:
    (tmp_path / "plugins" / "other_plugin.py").write_text("import json\n", encoding="utf-8")
    result = newsevents_cmd(tmp_path, "--plugin", "other_plugin", "--plugin", "swap_plugin", "validate", data)
    assert result.status == 0, result.err


def test_the_plugin_option_finds_a_module_in_the_current_directory(tmp_path: Path, data: Path) -> None:
    (tmp_path / "plugins" / "swap_plugin.py").rename(tmp_path / "here_plugin.py")
    result = newsevents_cmd(tmp_path, "--plugin", "here_plugin", "validate", data)
    assert result.status == 0, result.err


def test_a_plugin_that_cannot_be_imported(tmp_path: Path, data: Path) -> None:
    result = newsevents_cmd(tmp_path, "--plugin", "no_such_plugin", "validate", data)
    one_line_error(result, "--plugin 'no_such_plugin': ModuleNotFoundError: No module named 'no_such_plugin'")


def test_a_plugin_that_fails_is_named_in_one_line(tmp_path: Path, data: Path) -> None:
    (tmp_path / "plugins" / "broken_plugin.py").write_text(
        "raise RuntimeError('the database is down')\n", encoding="utf-8"
    )
    result = newsevents_cmd(tmp_path, "--plugin", "broken_plugin", "validate", data)
    one_line_error(result, "--plugin 'broken_plugin': RuntimeError: the database is down")


def test_an_entry_point_registers_the_type_without_any_option(tmp_path: Path, data: Path) -> None:
    entry_point(tmp_path, "prisoner_swap = swap_plugin")
    shown = newsevents_cmd(tmp_path, "show", data)
    assert shown.status == 0, shown.err
    assert SHOWN in shown.out.splitlines()


def test_an_entry_point_may_name_a_function_that_registers(tmp_path: Path, data: Path) -> None:
    (tmp_path / "plugins" / "lazy_plugin.py").write_text(
        "def register():\n    import swap_plugin  # noqa: F401\n", encoding="utf-8"
    )
    entry_point(tmp_path, "prisoner_swap = lazy_plugin:register")
    result = newsevents_cmd(tmp_path, "validate", data)
    assert result.status == 0, (result.out, result.err)


def test_a_broken_entry_point_is_named_in_one_line(tmp_path: Path, data: Path) -> None:
    entry_point(tmp_path, "prisoner_swap = swap_plugin_gone")
    result = newsevents_cmd(tmp_path, "validate", data)
    one_line_error(
        result,
        "plugin 'prisoner_swap' (swap_plugin_gone) of the entry-point group 'newsevents.event_types':",
        "ModuleNotFoundError: No module named 'swap_plugin_gone'",
    )


def test_version_needs_no_plugin(tmp_path: Path, data: Path) -> None:
    entry_point(tmp_path, "prisoner_swap = swap_plugin_gone")
    result = newsevents_cmd(tmp_path, "--version")
    assert (result.status, result.err) == (0, "")


# ---------------------------------------------------------------- a real package in a fresh venv

PYPROJECT = """
[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = "swap-events"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = ["newsevents"]

[project.entry-points."newsevents.event_types"]
prisoner_swap = "swap_events"

[tool.hatch.build.targets.wheel]
packages = ["src/swap_events"]
"""

EXPORTS = """
import json, sys
import newsevents, swap_events
from newsevents import Article, read_jsonl, to_ninjs, to_plover, to_schema_org
from newsevents.report import to_html

(article, _) = read_jsonl(sys.argv[1], Article)
swap = article.events[0]
assert type(swap) is swap_events.PrisonerSwap, type(swap)
print(json.dumps({
    "ninjs": to_ninjs(article)["events"],
    "schema_org": to_schema_org(article)["about"],
    "plover": to_plover(article),
    "html": "prisoner swap" in to_html(article),
}))
"""


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401, PLC0415 -- only asks whether it is there
    except ImportError:
        return False
    return True


@pytest.mark.slow
def test_a_package_installed_in_a_fresh_venv(tmp_path: Path) -> None:
    """A custom type from an installed package, through its entry point: every command, every exporter."""
    package = tmp_path / "swap-events"
    (package / "src" / "swap_events").mkdir(parents=True)
    (package / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (package / "src" / "swap_events" / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = str(venv / "bin" / "python")
    newsevents = f"{ROOT}[arrow]" if _has_pyarrow() else str(ROOT)
    # The index (or pip's cache) gives hatchling and newsevents' dependencies; newsevents is this tree.
    installed = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", newsevents, str(package)],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    data = tmp_path / "swaps.jsonl"
    other = {**ARTICLE, "id": "a2", "events": []}
    data.write_text(json.dumps(ARTICLE) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    command = str(venv / "bin" / "newsevents")

    def run(*argv: str | Path) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        done = subprocess.run(
            [command, *map(str, argv)],
            check=False,
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, (argv, done.stdout, done.stderr)
        return done

    assert run("validate", data).stdout == "2 documents in 1 file: 2 valid, 0 invalid (0 errors)\n"
    assert run("check", data).stdout.splitlines()[-1].endswith(("finding", "findings"))
    assert SHOWN in run("show", data).stdout.splitlines()
    queried = run("query", data, "--type", "prisoner_swap", "--by", "RU").stdout.splitlines()
    assert queried[-1] == "1 event"
    assert "a1#swap" in queried[0]
    assert "PrisonerSwap" in json.loads(run("schema", "prisoner_swap").stdout)["$defs"]
    if _has_pyarrow():  # convert writes the custom event into the dataset's tables
        converted = run("convert", data, tmp_path / "dataset").stdout
        assert converted.startswith("2 articles written to ")
    script = tmp_path / "exports.py"
    script.write_text(textwrap.dedent(EXPORTS), encoding="utf-8")
    exported = subprocess.run(
        [python, str(script), str(data)], capture_output=True, text=True, timeout=300, check=False
    )
    assert exported.returncode == 0, exported.stderr
    found = json.loads(exported.stdout)
    assert found["ninjs"][0]["name"] == "prisoner_swap swap: United States, Russia -> Evan Gershkovich"
    assert found["schema_org"][0]["name"] == "prisoner_swap"
    assert [p["name"] for p in found["schema_org"][0]["object"]] == ["Evan Gershkovich"]
    (record,) = found["plover"]
    assert (record["event"], record["mode"], record["cameo"]) == (["RETREAT"], ["release"], "0841")
    assert found["html"] is True
