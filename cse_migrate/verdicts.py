"""Verdicts on a whole framework, used by the evidence model (:mod:`cse_migrate.model`): the rating scale, the
settings as applied, whether the organisation
is ready for an assessment (:class:`Readiness`, for hierarchical frameworks rated on the official scale), and the
run's result read against another framework through the crosswalk rules (:class:`Projection`, indicative only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Estimated ratings on the official CSE scale (Compliance Plus, Compliance, Partial Compliance, confirmed), plus
# "Not evidenced" for a part with no evidence at all (CSE's own name for that, if any, is unconfirmed).
Rating = Literal["Compliance Plus", "Compliance", "Partial Compliance", "Not evidenced"]
RATINGS: tuple[Rating, ...] = ("Compliance Plus", "Compliance", "Partial Compliance", "Not evidenced")
NOT_EVIDENCED: Rating = "Not evidenced"


@dataclass(frozen=True)
class SettingUsed:
    """A setting as applied, with what it means and where its value comes from (shown in the reports)."""

    name: str
    value: float | int
    meaning: str
    provenance: str
    source: str = "bundled"  # "bundled" (default or bundled framework file), "pack" or "command line"


@dataclass(frozen=True)
class CriterionReadiness:
    """Readiness of one top-level criterion, counted over the leaves (sub-criteria or elements) below it."""

    id: str
    title: str
    ready: bool
    leaves: int
    counts: tuple[tuple[Rating, int], ...]  # leaves per rating, in scale order
    compliance_share: float  # share of leaves rated Compliance or Compliance Plus
    reasons: tuple[str, ...]  # what stops it being ready (empty when ready)


@dataclass(frozen=True)
class Readiness:
    """Is the organisation ready for a CSE assessment, by the rules in the framework's settings?"""

    ready: bool
    summary: str
    criteria: tuple[CriterionReadiness, ...]
    settings: tuple[SettingUsed, ...]


@dataclass(frozen=True)
class ProjectedCriterion:
    """One criterion of the projection's target framework, with the source criteria that feed it."""

    id: str
    title: str
    # (source id, source title, source status or rating, relationship, strength) per crosswalk rule, strongest first
    sources: tuple[tuple[str, str, str, str, int], ...]
    indicative: str  # the status or rating of the strongest source, or "Not covered"
    evidence: tuple[str, ...]  # item ids carried over from the sources


@dataclass(frozen=True)
class Projection:
    """A run's result read against another framework through crosswalk rules (indicative, not re-mapped)."""

    source: str
    target: str
    target_title: str
    criteria: tuple[ProjectedCriterion, ...]
    note: str

