"""Texts, slugs and the small pools of readable names the other strategies draw from."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, timedelta, timezone
from typing import TypeVar

from hypothesis import strategies as st

from newsevents.entities import slugify
from newsevents.strategies._args import check_bool, check_size

T = TypeVar("T")
R = TypeVar("R")

# Readable building blocks: examples shrink towards the first entry of each list.
FIRST_NAMES = ("Anna", "Boris", "Carmen", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jamal")
LAST_NAMES = ("Ivanova", "Price", "Okafor", "Novak", "Silva", "Chen", "Haddad", "Kowalski", "Moreau", "Sato")
ORG_NAMES = (
    "Foreign Ministry",
    "State Department",
    "Supreme Court",
    "National Assembly",
    "Daily Courier",
    "Red Cross",
    "Federal Security Service",
    "Football Club",
)
PLACE_NAMES = ("Moscow", "Washington", "Geneva", "Tashkent", "Ankara", "Doha", "Vienna", "Minsk")
TITLES = ("spokeswoman", "spokesman", "Foreign Minister", "Secretary of State", "ambassador", "judge")
WORDS = (
    "talks",
    "continue",
    "the",
    "request",
    "was",
    "received",
    "we",
    "hope",
    "to",
    "speak",
    "soon",
    "release",
    "prisoners",
    "no",
    "update",
)
CHARGES = ("espionage", "drug smuggling", "fraud", "arms trafficking", "treason")
LANGUAGES = ("en", "ru", "en-GB", "pt-BR", "zh-Hant-TW")
OFFSETS = (
    UTC,
    timezone(timedelta(hours=3)),
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=5, minutes=30)),
)


def texts(*, max_size: int = 40, readable: bool = True) -> st.SearchStrategy[str]:
    """Non-blank strings without surrounding white space.

    Args:
        max_size: The longest string drawn.
        readable: Mostly sentences from a small vocabulary (easy to read when a
            test fails); ``False`` draws any Unicode text as well.

    >>> from hypothesis import given
    >>> @given(texts())
    ... def check(text):
    ...     assert text == text.strip() and text
    >>> check()
    """
    check_size("max_size", max_size, 1)
    check_bool("readable", readable)
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(_Sentence(max_size))
    if readable:
        return words
    anything = st.text(min_size=1, max_size=max_size).map(_stripped_or_x)
    return st.one_of(words, anything)


# Named functions and small callables rather than lambdas, here and in the other strategy modules:
# they are what a strategy's repr shows, and what a failing example prints must read as code.
# Hypothesis prints a value drawn through .map(f) as the call f(x) when that is shorter than
# the value's repr: fine for strings (their repr is shorter), but for objects use applied().


@st.composite
def applied(draw: st.DrawFn, strategy: st.SearchStrategy[T], function: Callable[[T], R]) -> R:
    """``strategy.map(function)``, except that a failing example prints the value's repr, not the call.

    A value's repr is pasteable code (``Country(code='AD', name='Andorra')``); the call
    that made it names a private function (``_country('AD')``), which is not.
    """
    return function(draw(strategy))


class _Sentence:
    """Words joined by spaces, cut to ``max_size`` characters (never blank)."""

    __slots__ = ("max_size",)

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size

    def __call__(self, words: list[str]) -> str:
        return " ".join(words)[: self.max_size].strip() or "talks"[: self.max_size]

    def __repr__(self) -> str:
        return f"sentence(max_size={self.max_size})"


def _stripped_or_x(text: str) -> str:
    return text.strip() or "x"


def _joined(parts: tuple[str, str]) -> str:
    return parts[0] + parts[1]


def slugs(*, max_size: int = 20) -> st.SearchStrategy[str]:
    """Identifiers matching ``[a-z0-9][a-z0-9._:-]*``.

    >>> from hypothesis import given
    >>> from newsevents.validators import slug
    >>> @given(slugs())
    ... def check(s):
    ...     assert slug(s) is None
    >>> check()
    """
    check_size("max_size", max_size, 1)
    head = st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789")
    tail = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-._:", max_size=max_size - 1)
    # tuples().map(), not builds(str.__add__, ...): a failing example then prints the slug itself
    # ('a'), not the call that made it (__add__(<...>, '')), and Hypothesis's explain phase has two
    # arguments fewer to vary for every id of a drawn article.
    return st.tuples(head, tail).map(_joined)


def entity_name(pool: Sequence[str], readable: bool) -> st.SearchStrategy[str]:
    """A name from ``pool``, or (unless ``readable``) any stripped Unicode text too."""
    named = st.sampled_from(pool)
    return named if readable else st.one_of(named, texts(readable=False, max_size=30))


SLUGS = slugs()


def _wikidata_id(number: int) -> str:
    return f"Q{number}"


WIKIDATA_IDS = st.integers(1, 10**8).map(_wikidata_id)
WIKIDATA = st.none() | WIKIDATA_IDS


def id_for(draw: st.DrawFn, name: str) -> str:
    """The id the model would derive from ``name``, or a drawn slug when none can be derived."""
    derived = slugify(name)
    return derived if derived else draw(SLUGS)
