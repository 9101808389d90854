"""Spark in local mode reads the same Parquet files and answers every predicate as the Corpus does.

One SparkSession for the module, a small dataset, each query checked against Corpus.find.
Needs the spark extra and Java (17 on the CI machines); without them the module skips, saying why.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _seed import seed_article
from newsevents import Article, Corpus, Country, Organization, Person, ValidationError
from newsevents.query import (
    Predicate,
    by,
    certainty,
    during,
    involving,
    mentioning,
    nationality,
    of_type,
    to,
    with_status,
)
from newsevents.sql import ORDER_BY, to_sql
from test_corpus import Pool, Summit, predicates

pytest.importorskip("pyarrow", reason="the arrow extra (pyarrow) is not installed")
pytest.importorskip("pyspark", reason="the spark extra (pyspark) is not installed")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (17): no java on PATH and no JAVA_HOME", allow_module_level=True)

from pyspark.sql import SparkSession

from newsevents.arrow import write_parquet

PUBLISHED = datetime(2022, 8, 1, tzinfo=UTC)

# PySpark's mapInArrow checks pandas' version and warns that pandas 3 is not fully supported; the
# recipe passes Arrow batches through and uses no pandas, so the warning is not an error here.
# Starting Spark's JVM alone takes about a minute on two cores: the quick run leaves the module out.
pytestmark = [
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
    pytest.mark.slow,
]


def dataset() -> list[Article]:
    seed = seed_article()
    summit = Summit(
        id="summit", chair=Person(name="Ann Lee", nationality=("NO",)), members=(Country(code="RU"),)
    )
    extra = Article(
        id="extra", title="Extra", published=PUBLISHED, publisher=Organization(name="Wire"), events=(summit,)
    )
    return [seed, attrs.evolve(seed, id="again"), extra]


ARTICLES = dataset()


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("spark") / "ds"
    write_parquet(ARTICLES, root, batch_size=2)
    # Local mode on the loopback interface only: nothing listens on, or talks to, another address.
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this interpreter, with newsevents
    session = (
        SparkSession.builder.master("local[1]")
        .appName("newsevents-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    for table in ("articles", "events", "event_actors", "actors"):
        session.read.parquet(str(Path(root) / table)).createOrReplaceTempView(table)
    yield session
    session.stop()


def spark_positions(spark: Any, questions: list[Predicate]) -> list[list[tuple[int, int]]]:
    """Spark's answer to each question, asked in one query (one Spark job: a job costs seconds)."""
    branches = " UNION ALL ".join(
        f"SELECT {i} AS q, e.article, e.position, e.when_start, e.seq FROM events e WHERE {where}"
        for i, where in enumerate(to_sql(p, "spark") for p in questions)
    )
    order = ORDER_BY.replace("e.", "")  # the corpus's order within each question
    found: list[list[tuple[int, int]]] = [[] for _ in questions]
    for row in spark.sql(f"SELECT * FROM ({branches}) ORDER BY q, {order}").collect():
        found[row["q"]].append((row["article"], row["position"]))
    return found


def corpus_positions(predicate: Predicate) -> list[tuple[int, int]]:
    where = {(id(a), id(e)): (i, j) for i, a in enumerate(ARTICLES) for j, e in enumerate(a.events)}
    return [where[id(h.article), id(h.event)] for h in Corpus(ARTICLES).find(predicate)]


EVERY_PREDICATE = [
    of_type("statement", "diplomatic_request"),
    of_type(Summit),
    involving("Lavrov"),
    by("Zakharova") & during("2022-07"),
    to(Country(code="US")),
    by("o'brien") | by("back\\slash"),
    during(datetime(2022, 7, 28, 12, tzinfo=UTC)),
    ~during("2022-07-28"),
    mentioning("PHONE") | mentioning("ß"),
    with_status("made", "jailed"),
    nationality("US") & ~certainty("confirmed"),
    certainty("claimed", "possible") | involving("NO"),
]


def test_spark_gives_the_corpus_answer_to_every_predicate(spark: Any) -> None:
    answers = spark_positions(spark, EVERY_PREDICATE)
    for predicate, answer in zip(EVERY_PREDICATE, answers, strict=True):
        assert answer == corpus_positions(predicate), predicate


def test_the_questions_are_not_all_empty() -> None:
    answered = [p for p in EVERY_PREDICATE if corpus_positions(p)]
    assert len(answered) >= 9


@settings(max_examples=3, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(predicates(Pool.of(ARTICLES), depth=2), min_size=5, max_size=5))
def test_spark_gives_the_corpus_answer_to_random_predicates(spark: Any, cases: list[Any]) -> None:
    answers = spark_positions(spark, [c.predicate for c in cases])
    for case, answer in zip(cases, answers, strict=True):
        assert answer == corpus_positions(case.predicate), case.predicate


def test_a_predicate_without_sql_form_is_refused_before_spark_sees_it() -> None:
    with pytest.raises(ValidationError, match="has no SQL form"):
        to_sql(Predicate(lambda e: True, "anything"), "spark")


def test_the_scale_recipe_converts_json_lines_with_map_in_arrow(spark: Any, tmp_path: Path) -> None:
    from functools import partial  # noqa: PLC0415

    from newsevents import dump_jsonl, to_json  # noqa: PLC0415
    from newsevents.arrow import read_parquet  # noqa: PLC0415

    # The docs' recipe: each Spark task converts its lines into a dataset of its own, chunk=K. It is
    # defined here, not at module level, so that it is pickled whole for Spark's Python workers (they
    # cannot import this test module).
    def convert(batches: Iterator[Any], root: str) -> Iterator[Any]:
        import pyarrow as pa  # noqa: PLC0415 -- imported in the worker
        from pyspark import TaskContext  # noqa: PLC0415

        from newsevents import Article, from_json  # noqa: PLC0415
        from newsevents.arrow import write_parquet  # noqa: PLC0415

        chunk = TaskContext.get().partitionId()
        lines = (line for batch in batches for line in batch.column("value").to_pylist())
        count = write_parquet((from_json(Article, line) for line in lines), f"{root}/chunk={chunk:05}")
        yield pa.RecordBatch.from_pydict(
            {"chunk": pa.array([chunk], pa.int32()), "articles": pa.array([count], pa.int64())}
        )

    built_in = ARTICLES[:2]  # a worker knows the custom types whose module it imports: here, none
    dump_jsonl(built_in, tmp_path / "in.jsonl")
    lines = spark.read.text(str(tmp_path / "in.jsonl")).repartition(2)
    done = lines.mapInArrow(
        partial(convert, root=str(tmp_path / "out")), "chunk int, articles long"
    ).collect()
    assert sum(row["articles"] for row in done) == len(built_in)
    back = [a for chunk in sorted((tmp_path / "out").iterdir()) for a in read_parquet(chunk)]
    assert sorted(to_json(a) for a in back) == sorted(to_json(a) for a in built_in)
