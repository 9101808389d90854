"""A collection of articles, indexed for questions about their events.

>>> from newsevents import Corpus
>>> from newsevents.query import by, of_type
>>> corpus = Corpus([])
>>> corpus.find(of_type("statement") & by("Zakharova"))
[]
"""

from __future__ import annotations

import bisect
import os
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import IO, Any, NamedTuple, SupportsIndex, assert_never, overload

from newsevents._jsontext import DEFAULT_LIMITS, Limits
from newsevents._plan import (
    ActorIs,
    And,
    CertaintyIn,
    During,
    Mentioning,
    NationalityIs,
    Not,
    Opaque,
    Or,
    StatusIn,
    TypeIs,
    micros,
    micros_or_wall,
    offset_micros,
)
from newsevents.article import Article
from newsevents.entities import Actor, Country, Organization, Person, actor_key
from newsevents.errors import ValidationError
from newsevents.events import Event, Statement
from newsevents.query import ROLES, ActorQuery, Predicate, actor_terms, by, involving, of_type, query_forms
from newsevents.serialize import read_jsonl

__all__ = ["Corpus", "Hit", "Hits"]

ActorKey = tuple[str, str]


class Hit(NamedTuple):
    """One matching event and the article that reports it (a named tuple: cheap to make by the thousand)."""

    article: Article
    """The article."""
    event: Event
    """The event."""

    def __repr__(self) -> str:
        """Short: the article's id and the event's id and type, not the whole article."""
        return f"<Hit {self.article.id}#{self.event.id} ({type(self.event).__name__})>"


class Hits(list[Hit]):
    """The result of a query: a plain list of :class:`Hit`, which a notebook shows as a table and timeline.

    It compares and prints like a list, and a slice of it is a ``Hits`` too;
    :func:`newsevents.report.to_html` makes a whole page of it.
    """

    __slots__ = ()

    @overload
    def __getitem__(self, index: SupportsIndex) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> Hits: ...
    def __getitem__(self, index: SupportsIndex | slice) -> Hit | Hits:
        """One hit, or a slice of them as ``Hits``."""
        if isinstance(index, slice):
            return Hits(super().__getitem__(index))
        return super().__getitem__(index)

    def _repr_html_(self) -> str:
        from newsevents.report import preview_html  # noqa: PLC0415 -- the page code only when displayed

        return preview_html(self)


class _Index:
    """Positions of events by type, by actor (and role) and by time. Built once."""

    def __init__(self, events: list[Event]) -> None:
        self.by_class: dict[type, list[int]] = defaultdict(list)
        self.by_actor: dict[ActorKey, dict[str | None, list[int]]] = {}
        self.by_term: dict[str, set[ActorKey]] = defaultdict(set)
        self.actors: dict[ActorKey, Actor] = {}
        variants: dict[ActorKey, set[Actor]] = {}
        dated: list[tuple[int, int, int, int]] = []  # (start, position, end, offset) in microseconds
        self.longest = 0
        for i, event in enumerate(events):
            self.by_class[type(event)].append(i)
            parties = event.parties()
            for role, group in zip(ROLES, parties, strict=True):
                for actor in group:
                    key = actor_key(actor)
                    roles = self.by_actor.get(key)
                    if roles is None:
                        roles = self.by_actor[key] = {None: [], "acting": [], "receiving": [], "other": []}
                        self.actors[key] = actor
                        self._terms(actor, key)
                    elif actor is not self.actors[key] and actor != self.actors[key]:
                        # Another spelling under the same id: its names find the id too.
                        spellings = variants.setdefault(key, set())
                        if actor not in spellings:
                            spellings.add(actor)
                            self._terms(actor, key)
                    _append_once(roles[role], i)
                    _append_once(roles[None], i)
            when = event.when
            if when is not None:
                start, end = micros(when.start), micros(when.end)
                dated.append((start, i, end, offset_micros(when.start)))
                self.longest = max(self.longest, end - start)
        self.variants = set(variants)
        dated.sort()
        self.starts = [t for t, _, _, _ in dated]
        self.dated = [i for _, i, _, _ in dated]
        self.ends = [e for _, _, e, _ in dated]
        self.offsets = [o for _, _, _, o in dated]
        # The range of offsets indexed: how far a wall-time bound can lie from an event's instants.
        self.offset_range = (min(self.offsets, default=0), max(self.offsets, default=0))
        # The order of results: by start time, undated last, then by position.
        self.rank = [0] * len(events)
        undated = sorted(set(range(len(events))).difference(self.dated))
        for r, i in enumerate(self.dated + undated):
            self.rank[i] = r

    def _terms(self, actor: Actor, key: ActorKey) -> None:
        for term in actor_terms(actor):
            self.by_term[term].add(key)

    def lookup(self, predicate: Predicate) -> tuple[Collection[int], tuple[Predicate, ...]] | None:
        """Candidate positions and the parts of the predicate still to test on them.

        ``None`` when no index narrows the predicate. The type, actor and time indexes
        answer their predicates exactly (nothing left to test). For ``&`` only the most
        selective indexed part is looked up and the other parts are tested on its
        candidates: cheaper than building and intersecting the large sets of broad
        parts (a type can be a third of the corpus).
        """
        match predicate.plan:
            case And(parts):
                sized = [
                    (size, k) for k, part in enumerate(parts) if (size := self.estimate(part)) is not None
                ]
                if not sized:
                    return None
                _, best = min(sized)
                found = self.lookup(parts[best])
                if found is None:  # pragma: no cover - estimate() and lookup() index the same kinds
                    return None
                return found[0], found[1] + parts[:best] + parts[best + 1 :]
            case Or(parts):
                union: set[int] = set()
                exact = True
                for part in parts:
                    found = self.lookup(part)
                    if found is None:
                        return None
                    union.update(found[0])
                    exact = exact and not found[1]
                # A part with something left to test (an & inside the |) leaves the whole | to test.
                return union, () if exact else (predicate,)
            case TypeIs(classes):
                return [i for cls in self._classes(classes) for i in self.by_class[cls]], ()
            case ActorIs(role, actor):
                keys = self._keys(actor)
                # With several spellings under one id, a name matches some of the id's
                # events and not others: the candidates are then tested.
                rest = (predicate,) if isinstance(actor, str) and not self.variants.isdisjoint(keys) else ()
                if len(keys) == 1:
                    return self.by_actor[next(iter(keys))][role], rest
                return {i for key in keys for i in self.by_actor[key][role]}, rest
            case During() as span:
                return self._during(span), ()
            case Mentioning() | StatusIn() | NationalityIs() | CertaintyIn() | Not() | Opaque():
                return None
            case unknown:
                assert_never(unknown)

    def estimate(self, predicate: Predicate) -> int | None:
        """How many candidates :meth:`lookup` would give, without building them."""
        match predicate.plan:
            case TypeIs(classes):
                return sum(len(self.by_class[cls]) for cls in self._classes(classes))
            case ActorIs(role, actor):
                return sum(len(self.by_actor[key][role]) for key in self._keys(actor))
            case During() as span:
                first, last = self._time_range(span)
                return last - first
            case And(parts):
                known = [e for p in parts if (e := self.estimate(p)) is not None]
                return min(known) if known else None
            case Or(parts):
                estimates = [self.estimate(p) for p in parts]
                counted = [e for e in estimates if e is not None]
                return sum(counted) if len(counted) == len(estimates) else None
            case Mentioning() | StatusIn() | NationalityIs() | CertaintyIn() | Not() | Opaque():
                return None
            case unknown:
                assert_never(unknown)

    def _classes(self, wanted: tuple[type, ...]) -> list[type]:
        return [cls for cls in self.by_class if issubclass(cls, wanted)]

    def _keys(self, query: ActorQuery) -> set[ActorKey]:
        if isinstance(query, str):
            keys: set[ActorKey] = set()
            for form in query_forms(query):
                keys |= self.by_term.get(form, set())
            return keys
        key = actor_key(query)
        return {key} if key in self.by_actor else set()

    def _time_range(self, span: During) -> tuple[int, int]:
        """The slice of ``dated`` (by start) holding every period that may satisfy the span.

        Such a period starts before the span's end (at or before it, for an instant)
        and, since none is longer than the longest one indexed, after its start less
        that length. A wall-time bound (a calendar date) stands for a different instant
        in each offset: it is widened by the range of offsets indexed.
        """
        low_offset, high_offset = self.offset_range
        low, high = micros_or_wall(span.low), micros_or_wall(span.high)
        earliest = low - self.longest - (high_offset if span.low.tzinfo is None else 0)
        latest = high - (low_offset if span.high.tzinfo is None else 0)
        first = bisect.bisect_left(self.starts, earliest)
        cut = bisect.bisect_right if span.instant else bisect.bisect_left
        return first, cut(self.starts, latest)

    def _during(self, span: During) -> list[int]:
        """The positions whose periods satisfy the span, exactly as :meth:`During.matches` says."""
        first, last = self._time_range(span)
        starts, ends, offsets, dated = self.starts, self.ends, self.offsets, self.dated
        low, high = micros_or_wall(span.low), micros_or_wall(span.high)
        if span.instant:
            return [dated[k] for k in range(first, last) if ends[k] > low]
        # A wall-time bound is compared with the event's wall times: its instants plus its offset.
        low_local, high_local = span.low.tzinfo is None, span.high.tzinfo is None
        if not low_local and not high_local:  # the candidates all start before the end
            return [dated[k] for k in range(first, last) if ends[k] > low]
        return [
            dated[k]
            for k in range(first, last)
            if ends[k] + (offsets[k] if low_local else 0) > low
            and starts[k] + (offsets[k] if high_local else 0) < high
        ]


def _append_once(positions: list[int], i: int) -> None:
    if not positions or positions[-1] != i:
        positions.append(i)


class Corpus:
    """Articles, with their events indexed by type, actor and time.

    Queries that the indexes can narrow (:func:`~newsevents.query.of_type`,
    :func:`~newsevents.query.involving`, :func:`~newsevents.query.by`,
    :func:`~newsevents.query.to`, :func:`~newsevents.query.during`, and ``&``/``|``
    of them) touch only the candidate events; the rest of a predicate is checked on
    those candidates alone. Other predicates scan every event.

    A corpus is not changed after it is built; build a new one to add articles.
    """

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles: tuple[Article, ...] = tuple(articles)
        for i, article in enumerate(self._articles):
            if not isinstance(article, Article):
                raise ValidationError.single(
                    f"Corpus.articles[{i}]", f"expected Article, found {type(article).__name__}"
                )
        self._events: list[Event] = []
        self._owner: list[int] = []
        for a, article in enumerate(self._articles):
            self._events.extend(article.events)
            self._owner.extend([a] * len(article.events))
        self._index = _Index(self._events)

    @classmethod
    def from_jsonl(
        cls,
        file_or_path: str | os.PathLike[str] | IO[str] | IO[bytes],
        *,
        on_error: Callable[[ValidationError], None] | None = None,
        limits: Limits = DEFAULT_LIMITS,
        share_entities: bool = True,
    ) -> Corpus:
        """Load articles from JSON Lines (:func:`~newsevents.read_jsonl` explains the arguments)."""
        share = share_entities
        return cls(read_jsonl(file_or_path, Article, on_error=on_error, limits=limits, share_entities=share))

    @classmethod
    def from_parquet(cls, root: str | os.PathLike[str], *, filters: Any = None) -> Corpus:
        """Load a Parquet dataset (the ``arrow`` extra); see :func:`newsevents.arrow.read_parquet`."""
        from newsevents.arrow import read_parquet  # noqa: PLC0415 -- pyarrow is an optional extra

        return cls(read_parquet(root, filters=filters))

    def __len__(self) -> int:
        """The number of articles."""
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        """The articles, in the order given."""
        return iter(self._articles)

    def __repr__(self) -> str:
        return f"<Corpus: {len(self._articles)} articles, {len(self._events)} events>"

    def _repr_html_(self) -> str:
        from newsevents.report import preview_html  # noqa: PLC0415 -- the page code only when displayed

        return preview_html(self)

    @property
    def event_count(self) -> int:
        """The number of events in all articles."""
        return len(self._events)

    def find(self, predicate: Predicate) -> Hits:
        """The events that match, by event time (undated last), then in corpus and article order."""
        if not isinstance(predicate, Predicate):
            raise TypeError(f"find takes a predicate from newsevents.query, found {type(predicate).__name__}")
        events = self._events
        found = self._index.lookup(predicate)
        if found is None:
            matched = [i for i, event in enumerate(events) if predicate(event)]
        else:
            positions, rest = found
            if not rest:
                matched = list(positions)
            elif len(rest) == 1:
                test = rest[0]
                matched = [i for i in positions if test(events[i])]
            else:
                matched = [i for i in positions if all(p(events[i]) for p in rest)]
        return self._hits(matched)

    def scan(self, predicate: Predicate) -> Hits:
        """:meth:`find` without the indexes: every event is tested (for checks and benchmarks)."""
        return self._hits([i for i, event in enumerate(self._events) if predicate(event)])

    def _hits(self, matched: list[int]) -> Hits:
        matched.sort(key=self._index.rank.__getitem__)
        articles, owner, events = self._articles, self._owner, self._events
        return Hits([Hit(articles[owner[i]], events[i]) for i in matched])

    def timeline(self, actor: ActorQuery) -> Hits:
        """Every event involving the actor, in time order (undated last)."""
        return self.find(involving(actor))

    def quotes(self, actor: ActorQuery) -> Hits:
        """The statements made by the actor, in time order (undated last)."""
        return self.find(of_type(Statement) & by(actor))

    def actors(self) -> tuple[Actor, ...]:
        """Every distinct actor taking part in an event, merged by id (first seen wins), by kind then name."""
        order = {Person: 0, Organization: 1, Country: 2}
        return tuple(
            sorted(
                self._index.actors.values(), key=lambda a: (order[type(a)], a.name.casefold(), actor_key(a))
            )
        )
