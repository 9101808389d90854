"""Property-test your own pipeline with newsevents' Hypothesis strategies.

A downstream project rarely tests newsevents; it tests *its own* code that
consumes articles. Here that code is two small functions a data team might
write: one counts quoted fragments per speaker, one flattens an article into
table rows. The tests draw random valid articles and check properties that must
hold for every one of them.

Run it with pytest (``pytest examples/test_downstream_pipeline.py``) or as a
script. It needs ``pip install "newsevents[hypothesis]"``.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents import Article, Detention, DiplomaticRequest, Event, Statement
from newsevents import strategies as nst

# ---------------------------------------------------------------- the code under test


def quotes_per_speaker(article: Article) -> Counter[str]:
    """How many quoted fragments each speaker has, by speaker name."""
    counts: Counter[str] = Counter()
    for statement in article.statements:
        counts[statement.speaker.name] += len(statement.quotes)
    return counts


def _actors(event: Event) -> tuple[str, str]:
    if isinstance(event, Statement):
        return event.speaker.name, ""
    if isinstance(event, DiplomaticRequest):
        return event.requester.name, event.addressee.name
    if isinstance(event, Detention):
        return event.held_by.name, event.detainee.name
    return "", ""


def flatten(article: Article) -> list[dict[str, str]]:
    """One row per event: the article, the event's id and type, its date, who acts, who receives."""
    rows = []
    for event in article.events:
        actor, recipient = _actors(event)
        rows.append(
            {
                "article": article.id,
                "event": event.id,
                "type": type(event).__name__,
                "date": event.when.start.date().isoformat() if event.when else "",
                "actor": actor,
                "recipient": recipient,
            }
        )
    return rows


# ---------------------------------------------------------------- its property tests


@settings(max_examples=50)
@given(st.from_type(Article))  # no newsevents.strategies import needed for this one
def test_one_row_per_event_in_article_order(article: Article) -> None:
    rows = flatten(article)
    assert [r["event"] for r in rows] == [e.id for e in article.events]
    assert all(r["article"] == article.id for r in rows)


@settings(max_examples=50)
@given(nst.articles(min_events=1, max_events=4, event_types=[Statement]))
def test_quote_counts_add_up(article: Article) -> None:
    counts = quotes_per_speaker(article)
    assert sum(counts.values()) == sum(len(s.quotes) for s in article.statements)
    # Every quote the article holds is in its body, verbatim: the strategies promise it.
    for statement in article.statements:
        for quote in statement.quotes:
            assert any(quote in paragraph for paragraph in article.body)


@settings(max_examples=50)
@given(nst.articles(max_events=3))
def test_dates_are_never_after_publication(article: Article) -> None:
    for row in flatten(article):
        if row["date"]:
            assert row["date"] <= article.published.date().isoformat()


if __name__ == "__main__":
    test_one_row_per_event_in_article_order()
    test_quote_counts_add_up()
    test_dates_are_never_after_publication()
    print("3 property tests passed, 150 random articles")
