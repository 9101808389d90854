"""Every example runs, and the seed article's encoding says what the article says."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

import newsevents
from _seed import SHARED, load_example
from newsevents import (
    Article,
    Certainty,
    DetentionStatus,
    Precision,
    QuoteMode,
    RequestKind,
    RequestStatus,
    Term,
    from_json,
    to_json,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
SEED = SHARED / "seed" / "article.txt"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_example()


@pytest.fixture(scope="module")
def article(example: ModuleType) -> Article:
    built = example.build_article()
    assert isinstance(built, Article)
    return built


@pytest.mark.parametrize("script", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_runs(script: Path) -> None:
    # An example of an extra's use (the downstream property tests need hypothesis) runs where it is installed.
    for name in re.findall(
        r"^(?:from|import) (hypothesis|orjson|pyarrow|duckdb)\b", script.read_text(), re.M
    ):
        pytest.importorskip(name, reason=f"{script.name} needs {name}, which is not installed")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()


def test_data_file_is_the_serialized_example(article: Article) -> None:
    stored = (ROOT / "examples" / "data" / "lavrov_blinken_call.json").read_text(encoding="utf-8")
    assert stored == to_json(article, indent=2) + "\n"
    assert from_json(Article, stored) == article


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside this checkout")
def test_quotes_and_evidence_are_verbatim_in_the_seed(example: ModuleType, article: Article) -> None:
    assert example.missing_fragments(article, SEED.read_text(encoding="utf-8")) == []
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "lavrov_blinken_call.py"), "--source", str(SEED)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "all quotes and evidence found verbatim" in done.stdout


def test_source_check_reports_a_fragment_that_is_not_there(tmp_path: Path) -> None:
    altered = tmp_path / "article.txt"
    altered.write_text("An article that quotes nobody.", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "lavrov_blinken_call.py"), "--source", str(altered)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "not in source: zakharova-attention: 'pay attention to this request when time permits'" in (
        done.stderr
    )


def test_the_call_request(article: Article) -> None:
    call = article.event("call-request")
    assert call in article.requests
    assert call.kind is RequestKind.PHONE_CALL
    assert call.status is RequestStatus.UNDER_CONSIDERATION
    assert call.requester.name == "US State Department"
    assert call.addressee.name == "Russian Ministry of Foreign Affairs"
    assert [p.name for p in call.participants] == ["Antony Blinken", "Sergey Lavrov"]
    assert {"directly", "repeatedly"} <= set(call.evidence)
    assert call.when is not None
    assert call.when.start == datetime(2022, 7, 28, tzinfo=UTC)
    assert call.expected is not None
    assert call.expected.approximate
    assert call.expected.text == "in the coming days"
    assert "Griner" in (call.purpose or "")


def test_statements_have_modes_quotes_and_dates(article: Article) -> None:
    by_id = {s.id: s for s in article.statements}
    blinken = by_id["blinken-bring-home"]
    assert blinken.when is not None
    assert blinken.when.start.date().isoformat() == "2022-07-27"  # "On Wednesday", before a Thursday
    assert blinken.when.text == "On Wednesday"
    assert blinken.audience == "journalists"
    assert by_id["price-seeking-call"].venue == "news briefing"
    assert by_id["mfa-receipt"].mode is QuoteMode.INDIRECT
    assert by_id["zakharova-attention"].quotes == ("pay attention to this request when time permits",)
    assert by_id["cnn-swap-report"].certainty is Certainty.CLAIMED
    assert by_id["moscow-swap-answer"].speaker.name == "Russia"
    speakers = {s.speaker.name for s in article.statements}
    assert speakers == {
        "Russian Ministry of Foreign Affairs",
        "Maria Zakharova",
        "Ned Price",
        "Antony Blinken",
        "CNN",
        "Russia",
    }


def test_detentions(article: Article) -> None:
    by_name = {d.detainee.name: d for d in article.detentions}
    assert by_name["Brittney Griner"].held_by.name == "Russia"
    assert by_name["Brittney Griner"].charges == ("drug smuggling",)
    assert by_name["Paul Whelan"].status is DetentionStatus.JAILED
    bout = by_name["Viktor Bout"]
    assert bout.status is DetentionStatus.SENTENCED
    assert bout.sentence == Term(years=25)
    assert bout.held_by.name == "United States"
    assert bout.when is not None
    assert (bout.when.precision, bout.when.start.year) == (Precision.YEAR, 2012)


def test_related_links_join_request_statements_and_detentions(article: Article) -> None:
    linked = {e.id for e in article.related("release-proposal")}
    assert {"griner-detention", "whelan-detention", "cnn-swap-report", "call-request"} <= linked
    assert "price-seeking-call" in {e.id for e in article.related("call-request")}


def test_summary_names_every_event(example: ModuleType, article: Article) -> None:
    text = example.summary(article)
    assert text.splitlines()[0] == article.title
    assert len(text.splitlines()) == 3 + len(article.events)


def test_the_readme_quickstart_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Quickstart") :]
    code = section[section.index("```python") + len("```python") : section.index("```\n", 10)]
    assert len(code.strip().splitlines()) <= 15  # the issue asks for a 15-line quickstart
    script = tmp_path / "quickstart.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


def _blocks(text: str, language: str) -> list[str]:
    """The bodies of the fenced blocks of ``language`` in a Markdown text, in order."""
    fence = f"```{language}\n"
    found = []
    start = text.find(fence)
    while start != -1:
        body_start = start + len(fence)
        end = text.index("```\n", body_start)
        found.append(text[body_start:end])
        start = text.find(fence, end + 4)
    return found


def test_the_readme_pycon_example_prints_what_the_readme_shows() -> None:
    """The README's ``pycon`` block: its input raises, and the error reads exactly as shown."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = _blocks(readme, "pycon")
    lines = block.rstrip("\n").splitlines()
    assert lines[0].startswith(">>> ")
    source, shown = lines[0].removeprefix(">>> "), lines[1:]
    assert shown[0].startswith("ValidationError: ")
    namespace: dict[str, object] = dict(vars(newsevents))
    with pytest.raises(newsevents.ValidationError) as caught:
        eval(source, namespace)  # the README's own one-line input, nothing else
    assert str(caught.value).splitlines() == [shown[0].removeprefix("ValidationError: "), *shown[1:]]


def test_every_readme_python_block_runs(tmp_path: Path, article: Article) -> None:
    """Each ```python block of the README runs, in a directory holding the files the blocks name."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = _blocks(readme, "python")
    assert len(blocks) >= 2
    (tmp_path / "articles.jsonl").write_text(to_json(article) + "\n", encoding="utf-8")
    for number, code in enumerate(blocks, 1):
        script = tmp_path / f"block{number}.py"
        script.write_text(code, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=tmp_path,
        )
        assert done.returncode == 0, f"README python block {number}:\n{code}\n{done.stderr}"
