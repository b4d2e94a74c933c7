"""What a user chose for one run, in one frozen object validated once.

The command line, batch runs, the evaluation tools and library callers all build a :class:`RunOptions` and hand it
to :func:`cse_migrate.pipeline.analyse`; nothing threads these choices through long parameter lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cse_migrate.errors import UsageError
from cse_migrate.limits import DEFAULT_LIMITS, Limits

DEFAULT_FRAMEWORK = "cse-2008"
DEFAULT_LEGACY = "charter-mark-2003"
STALE_MONTHS_RANGE = (1, 600)
# Seconds one organisation of a batch may take (--org-timeout). Generous: a sample portfolio takes well under a
# second, and a portfolio of 100,000 rows a minute or two.
DEFAULT_ORG_TIMEOUT = 1800.0
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")  # the rules' id syntax (cse_migrate.rules.model.ID_PATTERN)


@dataclass(frozen=True)
class RunOptions:
    """The choices behind one run. Built once, checked in ``__post_init__``, never changed afterwards.

    ``as_of`` None means today; ``stale_months`` None means the framework's setting; ``rules_packs`` are rules
    folders laid over the bundled ``mappings/`` in order (a later pack replaces an earlier pack's file at the
    same relative path).
    """

    framework: str = DEFAULT_FRAMEWORK
    legacy_framework: str = DEFAULT_LEGACY
    as_of: date | None = None
    organisation: str = ""
    stale_months: int | None = None
    limits: Limits = DEFAULT_LIMITS
    password: str | None = field(default=None, repr=False)  # never printed, never written to a report
    semantic: bool = False
    rules_packs: tuple[Path, ...] = ()
    # A reviewed evidence workbook whose decisions override the matcher (None: a review.xlsx in the input
    # folder is used if there is one; see cse_migrate.analysis.review).
    review: Path | None = None

    def __post_init__(self) -> None:
        for name, value in (("framework", self.framework), ("legacy framework", self.legacy_framework)):
            if not isinstance(value, str) or not _ID.match(value):
                raise UsageError(f"{name} {value!r} is not a framework id; see 'cse-migrate frameworks' for the ids")
        if self.as_of is not None and not isinstance(self.as_of, date):
            raise UsageError(f"as-of {self.as_of!r} is not a date; give it as YYYY-MM-DD")
        low, high = STALE_MONTHS_RANGE
        if self.stale_months is not None and (isinstance(self.stale_months, bool) or
                                              not isinstance(self.stale_months, int) or
                                              not low <= self.stale_months <= high):
            raise UsageError(f"stale months {self.stale_months!r} is not a whole number from {low} to {high}")
        if not isinstance(self.limits, Limits):
            raise UsageError("limits must be a cse_migrate.limits.Limits")
        # a single path or a list is accepted from library callers; stored as a tuple of paths
        packs = (self.rules_packs,) if isinstance(self.rules_packs, str | Path) else tuple(self.rules_packs)
        object.__setattr__(self, "rules_packs", tuple(Path(p) for p in packs))
        object.__setattr__(self, "password", self.password or None)
        if self.review is not None:
            object.__setattr__(self, "review", Path(self.review))
