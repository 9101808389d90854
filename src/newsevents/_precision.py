"""Precision: how long a period is. Private; re-exported by :mod:`newsevents.dates`."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

__all__ = ["Precision"]


class Precision(enum.Enum):
    """How long a :class:`TimeRef`'s period is, coarsest first.

    ``WEEK`` is an ISO 8601 week, Monday to Sunday; it is what "last week" means.
    """

    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"

    @property
    def step(self) -> relativedelta:
        """The length of one period at this precision."""
        return _STEPS[self]

    def starts(self, moment: datetime) -> bool:
        """Whether ``moment`` is the first instant of its period: ``truncate(moment) == moment``, cheaply.

        >>> from datetime import UTC
        >>> moment = datetime(2022, 7, 28, tzinfo=UTC)
        >>> Precision.DAY.starts(moment), Precision.MONTH.starts(moment)
        (True, False)
        """
        if moment.microsecond:
            return False
        if self is Precision.SECOND:
            return True
        if moment.second:
            return False
        if self is Precision.MINUTE:
            return True
        if moment.minute:
            return False
        if self is Precision.HOUR:
            return True
        if moment.hour:
            return False
        if self is Precision.DAY:
            return True
        if self is Precision.WEEK:
            return moment.weekday() == 0
        if moment.day != 1:
            return False
        return self is Precision.MONTH or moment.month == 1

    def truncate(self, moment: datetime) -> datetime:
        """The start of the period at this precision that contains ``moment`` (in its own zone).

        >>> from datetime import UTC
        >>> Precision.MONTH.truncate(datetime(2022, 7, 28, 22, 23, tzinfo=UTC)).isoformat()
        '2022-07-01T00:00:00+00:00'
        """
        if self is Precision.YEAR:
            return moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
        if self is Precision.MONTH:
            return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        if self is Precision.WEEK:
            day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
            return day - timedelta(days=day.weekday())
        if self is Precision.DAY:
            return moment.replace(hour=0, minute=0, second=0, microsecond=0)
        if self is Precision.HOUR:
            return moment.replace(minute=0, second=0, microsecond=0)
        if self is Precision.MINUTE:
            return moment.replace(second=0, microsecond=0)
        return moment.replace(microsecond=0)


_STEPS = {
    Precision.YEAR: relativedelta(years=1),
    Precision.MONTH: relativedelta(months=1),
    Precision.WEEK: relativedelta(weeks=1),
    Precision.DAY: relativedelta(days=1),
    Precision.HOUR: relativedelta(hours=1),
    Precision.MINUTE: relativedelta(minutes=1),
    Precision.SECOND: relativedelta(seconds=1),
}
