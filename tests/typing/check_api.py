"""Checked by ``mypy --strict`` (not run by pytest): the public API's types say what users get."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import attrs
from hypothesis import strategies as st

import newsevents as ne
from newsevents import strategies as nst


def loaded_types() -> None:
    article: ne.Article = ne.from_json(ne.Article, "{}")
    person: ne.Person = ne.from_dict(ne.Person, {})
    lines: Iterator[ne.Article] = ne.read_jsonl("corpus.jsonl")
    statements: Iterator[ne.Statement] = ne.read_jsonl("statements.jsonl", ne.Statement)
    count: int = ne.dump_jsonl([article], "out.jsonl")
    text: str = ne.to_json(person, indent=2)
    data: dict[str, object] = ne.to_dict(article)
    del lines, statements, count, text, data


@ne.event_type("typing_check_protest")
@attrs.frozen(kw_only=True)
class Protest(ne.Event):
    crowd: int | None = None


def decorated_class_keeps_its_type() -> int | None:
    protest = Protest(id="p1", crowd=3)
    return protest.crowd  # the decorator returns the class itself, not a bare type[Event]


def time_refs() -> datetime:
    ref = ne.TimeRef.relative("on Wednesday", anchor=datetime(2022, 7, 28, tzinfo=UTC))
    return ref.end


def strategies() -> None:
    articles: st.SearchStrategy[ne.Article] = nst.articles(max_events=2)
    requests: st.SearchStrategy[ne.DiplomaticRequest] = nst.diplomatic_requests()
    actors: st.SearchStrategy[ne.Actor] = nst.actors()
    del articles, requests, actors


def renderings_know_their_type() -> ne.EventTypeInfo:
    def said(event: Protest) -> str:
        return f"{event.crowd or 'a few'} people"  # the function takes the type's own fields

    ne.register_rendering(Protest, describe=said, codes=ne.EventCodes(cameo="14", plover="PROTEST"))
    with ne.scoped_event_types():
        ne.unregister_event_type(Protest)
    return ne.event_type_info("typing_check_protest")
