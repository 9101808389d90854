"""Periods of time, aware datetimes and prison terms."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from newsevents.dates import Precision, TimeRef
from newsevents.events import Term
from newsevents.strategies._args import check_datetime, check_members, check_strategy
from newsevents.strategies._text import OFFSETS, applied, texts

EPOCH_MIN = datetime(1950, 1, 1)
EPOCH_MAX = datetime(2050, 1, 1)
ALL_PRECISIONS = tuple(Precision)


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes from 1950 to 2050, in a few fixed UTC offsets."""
    return st.datetimes(EPOCH_MIN, EPOCH_MAX, timezones=st.sampled_from(OFFSETS))


def time_refs(
    *,
    min_value: datetime = EPOCH_MIN,
    max_value: datetime = EPOCH_MAX,
    precisions: Sequence[Precision] | None = None,
    timezones: st.SearchStrategy[tzinfo] | None = None,
) -> st.SearchStrategy[TimeRef]:
    """Periods that contain a moment between ``min_value`` and ``max_value``.

    Args:
        min_value: The earliest moment (naive: read in each drawn zone; aware: an
            instant); not before year 2.
        max_value: The latest moment; the period's ``start`` is never after it;
            not after year 9998.
        precisions: Draw only these precisions; all by default.
        timezones: A strategy for the zone; a few fixed UTC offsets by default
            (pass ``hypothesis.strategies.timezones()`` for IANA zones).

    >>> from datetime import datetime
    >>> from hypothesis import given
    >>> from newsevents import Precision
    >>> @given(time_refs(min_value=datetime(2022, 1, 1), precisions=[Precision.DAY]))
    ... def check(ref):
    ...     assert ref.precision is Precision.DAY and ref.start.year >= 2021
    >>> check()
    """
    check_datetime("min_value", min_value)
    check_datetime("max_value", max_value)
    if (min_value.tzinfo is None) != (max_value.tzinfo is None):
        raise InvalidArgument("min_value and max_value must both be naive or both be aware")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} is after max_value={max_value!r}")
    chosen = ALL_PRECISIONS if precisions is None else check_members("precisions", precisions, Precision)
    zones = check_strategy("timezones", timezones) if timezones is not None else st.sampled_from(OFFSETS)
    aware = min_value.tzinfo is not None
    low = min_value.astimezone(UTC).replace(tzinfo=None) if aware else min_value
    high = max_value.astimezone(UTC).replace(tzinfo=None) if aware else max_value
    naive_moments = st.datetimes(low, high)
    precision_st = st.sampled_from(chosen)
    text_st = st.none() | texts(max_size=20)

    @st.composite
    def build(draw: st.DrawFn) -> TimeRef:
        zone = draw(zones)
        naive = draw(naive_moments)
        # Naive bounds are wall times in the drawn zone; aware bounds are instants.
        moment = naive.replace(tzinfo=UTC).astimezone(zone) if aware else naive.replace(tzinfo=zone)
        precision = draw(precision_st)
        return TimeRef(
            start=precision.truncate(moment),
            precision=precision,
            text=draw(text_st),
            approximate=draw(st.booleans()),
        )

    return build()


def terms() -> st.SearchStrategy[Term]:
    """Non-empty, non-negative prison terms, sometimes for life."""

    return applied(
        st.tuples(st.integers(0, 30), st.integers(0, 11), st.integers(0, 30), st.booleans()), _term
    )


def _term(parts: tuple[int, int, int, bool]) -> Term:
    # Not builds(make, ...), which printed as make(1, 0, 0, False): the example prints as Term(years=...).
    years, months, days, life = parts
    if not (years or months or days or life):
        years = 1
    return Term(years=years, months=months, days=days, life=life)
