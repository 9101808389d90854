"""Query results and collections (hits, corpora), and the small value types beside them (limits, codes)."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from newsevents._registry import EventTypeInfo, event_type_info
from newsevents.article import Article
from newsevents.codes import PLOVER_EVENTS, PLOVER_MODES, EventCodes
from newsevents.corpus import Corpus, Hit, Hits
from newsevents.errors import ErrorDetail, ValidationError
from newsevents.events import event_types
from newsevents.serialize import Limits
from newsevents.strategies._args import check_size
from newsevents.strategies._articles import articles

_ONE_EVENT_OR_MORE = articles(min_events=1, max_events=3)


def _article_id(article: Article) -> str:
    return article.id


def _hit_in(article: Article) -> st.SearchStrategy[Hit]:
    """A hit on one of ``article``'s own events."""
    return st.sampled_from(article.events).map(functools.partial(Hit, article))


def hits() -> st.SearchStrategy[Hit]:
    """Hits whose event is one of their article's own events, as :meth:`Corpus.find` returns them.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])  # whole articles: slow-ish
    ... @given(hits())
    ... def check(hit):
    ...     assert hit.event in hit.article.events
    >>> check()
    """
    return _ONE_EVENT_OR_MORE.flatmap(_hit_in)


def corpora(*, max_articles: int = 3, max_events: int = 3) -> st.SearchStrategy[Corpus]:
    """Corpora of consistent articles with distinct ids (see :func:`articles`).

    Args:
        max_articles: The most articles.
        max_events: The most events in each article.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])  # whole articles: slow-ish
    ... @given(corpora(max_articles=2))
    ... def check(corpus):
    ...     assert len(list(corpus)) <= 2
    >>> check()
    """
    check_size("max_articles", max_articles)
    check_size("max_events", max_events)
    each = articles(max_events=max_events)
    return st.builds(Corpus, st.lists(each, max_size=max_articles, unique_by=_article_id))


def _every_hit(corpus: Corpus) -> Hits:
    return Hits(Hit(article, event) for article in corpus for event in article.events)


def hit_lists(*, max_articles: int = 3) -> st.SearchStrategy[Hits]:
    """:class:`~newsevents.Hits`: every hit of a drawn corpus, in corpus order.

    Args:
        max_articles: The most articles the hits come from.
    """
    check_size("max_articles", max_articles)
    return corpora(max_articles=max_articles).map(_every_hit)


def limits() -> st.SearchStrategy[Limits]:
    """Loader limits: each bound a positive int or ``None`` (no limit)."""
    bound = st.none() | st.integers(1, 2**40)
    return st.builds(Limits, max_document=bound, max_string=bound)


def _codes_in(plover: str | None) -> st.SearchStrategy[EventCodes]:
    modes = PLOVER_MODES.get(plover, ()) if plover is not None else ()
    cameo = st.none() | st.from_regex(r"(0[1-9]|1[0-9]|20)[0-9]{0,2}", fullmatch=True)
    mode = st.none() | st.sampled_from(modes) if modes else st.none()
    return st.builds(EventCodes, cameo=cameo, plover=st.just(plover), mode=mode)


def event_codes() -> st.SearchStrategy[EventCodes]:
    """CAMEO and PLOVER codes: a CAMEO code or none, a PLOVER category or none, a mode of that category."""
    return (st.none() | st.sampled_from(tuple(PLOVER_EVENTS))).flatmap(_codes_in)


_STEPS = st.lists(st.text(max_size=8) | st.integers(0, 99), max_size=4).map(tuple)


def error_details() -> st.SearchStrategy[ErrorDetail]:
    """Details as ``st.from_type(ErrorDetail)`` draws them: a root, a location, a message and a code."""
    return st.builds(
        ErrorDetail,
        root=st.sampled_from(["$", "Person", "Article"]),
        location=_STEPS,
        message=st.text(min_size=1, max_size=40),
        code=st.sampled_from(["type", "missing", "unknown_key", "enum", "blank", "pattern", "invalid"]),
        line=st.none() | st.integers(1, 10_000),
    )


def validation_errors() -> st.SearchStrategy[ValidationError]:
    """Errors as ``st.from_type(ValidationError)`` draws them: one to three details (never none)."""
    return st.builds(ValidationError, st.lists(error_details(), min_size=1, max_size=3))


def event_type_infos() -> st.SearchStrategy[EventTypeInfo]:
    """Records as ``st.from_type(EventTypeInfo)`` draws them: those of the types registered when drawn."""
    return st.deferred(lambda: st.sampled_from([event_type_info(cls) for cls in event_types().values()]))
