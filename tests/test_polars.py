"""Polars reads the same Parquet files: the documented example gives the Corpus's answer.

Polars is not a dependency of newsevents, only of these tests and the docs' example.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _seed import seed_article
from newsevents import Corpus, Detention
from newsevents.query import by, nationality, of_type, query_forms

pytest.importorskip("pyarrow", reason="the arrow extra (pyarrow) is not installed")
pl = pytest.importorskip("polars", reason="polars (a test and docs dependency) is not installed")

from newsevents.arrow import write_parquet  # noqa: E402 -- after the skip


def us_citizens_held_by(root: Path, holder: str) -> list[tuple[str, str]]:
    """The docs' example: detentions by ``holder`` of US citizens, in Corpus.find's order."""
    events = pl.scan_parquet(root / "events" / "**" / "*.parquet")
    event_actors = pl.scan_parquet(root / "event_actors" / "**" / "*.parquet")
    actors = pl.scan_parquet(root / "actors" / "**" / "*.parquet")
    roles = event_actors.join(actors, left_on="actor", right_on="key")
    # Query text is normalised in Python, as newsevents.query does it; SQL lower() is not casefold().
    forms = sorted(query_forms(holder))
    acting = roles.filter(
        (pl.col("role") == "acting") & pl.col("terms").list.eval(pl.element().is_in(forms)).list.any()
    ).select("event")
    us = roles.filter((pl.col("kind") == "person") & pl.col("nationality").list.contains("US")).select(
        "event"
    )
    return [
        (row["article_id"], row["id"])
        for row in events.filter(pl.col("type") == "detention")
        .join(acting.unique(), left_on="seq", right_on="event", how="semi")
        .join(us.unique(), left_on="seq", right_on="event", how="semi")
        .sort(["when_start", "seq"], nulls_last=True)  # Polars puts nulls first unless told
        .select("article_id", "id")
        .collect()
        .iter_rows(named=True)
    ]


def test_polars_gives_the_corpus_answer(tmp_path: Path) -> None:
    articles = [seed_article()]
    write_parquet(articles, tmp_path / "ds")
    expected = [
        (h.article.id, h.event.id)
        for h in Corpus(articles).find(of_type(Detention) & by("Russia") & nationality("US"))
    ]
    assert expected
    assert us_citizens_held_by(tmp_path / "ds", "Russia") == expected
    assert us_citizens_held_by(tmp_path / "ds", "RUSSIA") == expected
    assert us_citizens_held_by(tmp_path / "ds", "Lavrov") == []
