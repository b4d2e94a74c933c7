"""How old a piece of evidence is, as at the run's as-of date.

One place for the calendar arithmetic, used by the analysis (which counts fresh and stale evidence) and by the
pipeline (which records each item's :data:`~cse_migrate.model.Freshness` so report writers never work it out
again).
"""

from __future__ import annotations

import calendar
from datetime import date

from cse_migrate.model import Freshness


def months_before(day: date, months: int) -> date:
    """The date ``months`` calendar months before ``day``, clamped to the month's last day.

    31 March minus one month is 28 (or 29) February, not an error and not 3 March.
    """
    year, month0 = divmod(day.year * 12 + (day.month - 1) - months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def freshness_of(item_date: date | None, as_of: date, stale_months: int) -> Freshness:
    """'recent', 'old' (dated before the stale cut-off), 'undated', or 'future' (dated after the as-of date).

    Evidence dated exactly on the cut-off day is still recent.
    """
    if item_date is None:
        return "undated"
    if item_date > as_of:
        return "future"
    return "old" if item_date < months_before(as_of, stale_months) else "recent"
