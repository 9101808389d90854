"""Texts, slugs and the small pools of readable names the other strategies draw from."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, timedelta, timezone

from hypothesis import strategies as st

from newsevents.entities import slugify
from newsevents.strategies._args import check_bool, check_size

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
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
    words = words.map(lambda s: s[:max_size].strip() or "talks"[:max_size])
    if readable:
        return words
    anything = st.text(min_size=1, max_size=max_size).map(lambda s: s.strip() or "x")
    return st.one_of(words, anything)


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
    return st.builds(str.__add__, head, tail)


def entity_name(pool: Sequence[str], readable: bool) -> st.SearchStrategy[str]:
    """A name from ``pool``, or (unless ``readable``) any stripped Unicode text too."""
    named = st.sampled_from(pool)
    return named if readable else st.one_of(named, texts(readable=False, max_size=30))


SLUGS = slugs()
WIKIDATA_IDS = st.integers(1, 10**8).map(lambda n: f"Q{n}")
WIKIDATA = st.none() | WIKIDATA_IDS


def id_for(draw: st.DrawFn, name: str) -> str:
    """The id the model would derive from ``name``, or a drawn slug when none can be derived."""
    derived = slugify(name)
    return derived if derived else draw(SLUGS)
