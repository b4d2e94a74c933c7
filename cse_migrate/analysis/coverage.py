"""Two axes per criterion: coverage (what the content shows) and which axis holds the result back.

A status or rating mixes two questions an organisation answers differently: *is the practice evidenced at all?*
(coverage) and *is the evidence recent?* (currency). Old evidence of a sound practice needs "show it continues",
not "find more content". So each criterion result also carries:

* ``coverage``: the status (flat framework) or estimated rating (hierarchical framework) the evidence would earn if
  its age did not matter, by the very same rules (the same thresholds, strong items of any date, and the same cap
  on gap findings that hold it back: a part whose own evidence says the practice is missing or only planned is
  held back by its content, however recent its other evidence);
* ``held_back``: for a status or rating below Met / Compliance, ``coverage`` when the content reading is itself
  below a pass, ``currency`` when the actual reading is below the content reading because strong evidence is out of
  date or undated; empty for a passing reading.

The status and rating rules are not changed: only fresh strong items count towards Met and Compliance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cse_migrate.analysis.ratings import RatingRules, leaf_rating, rate_parent
from cse_migrate.model import CriterionResult, ItemResult, Settings
from cse_migrate.rules import Framework
from cse_migrate.verdicts import RATINGS

_STATUS_ORDER = ("Met", "Partially met", "Gap")
_PASSING = {"Met", "Compliance Plus", "Compliance"}


def rank(reading: str) -> int:
    """Lower is better, on either scale (a status or a rating)."""
    if reading in _STATUS_ORDER:
        return _STATUS_ORDER.index(reading)
    return RATINGS.index(reading) if reading in RATINGS else len(RATINGS)


def assess_coverage(framework: Framework, criteria: Sequence[CriterionResult], results: Sequence[ItemResult],
                    settings: Settings) -> tuple[CriterionResult, ...]:
    """Add ``coverage`` and ``held_back`` to every criterion result (same order)."""
    if framework.is_hierarchical:
        readings = rated_coverage(framework, criteria, results, settings)
    else:
        readings = {c.id: flat_coverage(c, settings, len(c.holding_back)) for c in criteria}
    axes = {c.id: held_back(c.rating or c.status, readings[c.id]) for c in criteria}
    by_id = {c.id: c for c in criteria}
    for criterion in sorted(criteria, key=lambda c: -framework.level(c.id)):
        if criterion.children and rank(criterion.rating or criterion.status) > rank("Compliance"):
            # a parent below Compliance is held back by whatever holds back any child below Compliance
            below = [cid for cid in criterion.children
                     if rank(by_id[cid].rating or by_id[cid].status) > rank("Compliance")]
            found = {axis for cid in below for axis in axes[cid]} | set(axes[criterion.id])
            axes[criterion.id] = tuple(a for a in ("coverage", "currency") if a in found)
    return tuple(replace(c, coverage=readings[c.id], held_back=axes[c.id]) for c in criteria)


def flat_coverage(criterion: CriterionResult, settings: Settings, findings: int = 0) -> str:
    """Met when enough strong items exist whatever their date and no more strong gap ``findings`` than Met
    allows; Gap with no evidence; else Partially met."""
    if criterion.strong_count >= settings.met_min_strong and findings <= settings.met_max_findings:
        return "Met"
    return "Partially met" if criterion.evidence_count else "Gap"


def rated_coverage(framework: Framework, criteria: Sequence[CriterionResult], results: Sequence[ItemResult],
                   settings: Settings) -> dict[str, str]:
    """The rating each part would earn on content alone: leaves by the leaf rule over strong items of any date,
    parents from their children by the parent rule."""
    rules = RatingRules.from_settings(settings)
    sources = {r.item.id: r.item.source.file for r in results}
    out: dict[str, str] = {}
    by_id = {c.id: c for c in criteria}
    for criterion in sorted(criteria, key=lambda c: -framework.level(c.id)):
        if criterion.children:
            children = [replace(by_id[cid], rating=out[cid]) for cid in criterion.children]  # type: ignore[arg-type]
            out[criterion.id] = rate_parent(children, framework)[0]
        else:
            strong = [i for i, score in criterion.evidence if score >= rules.strong_threshold]
            files = {sources[i] for i in strong if i in sources}
            rating = leaf_rating(len(strong), len(files), bool(criterion.evidence), rules)
            if criterion.evidence and len(criterion.holding_back) > rules.max_findings:
                rating = "Partial Compliance"  # the same cap as the rating rule (ratings.rate_leaf)
            out[criterion.id] = rating
    return out


def held_back(actual: str, coverage: str) -> tuple[str, ...]:
    """Which axis keeps ``actual`` from passing: the content, its age, both, or neither (a passing reading is
    held back by nothing, even where fresher evidence would raise it further)."""
    if actual in _PASSING:
        return ()
    axes = []
    if coverage not in _PASSING:
        axes.append("coverage")
    if rank(actual) > rank(coverage):
        axes.append("currency")
    return tuple(axes)
