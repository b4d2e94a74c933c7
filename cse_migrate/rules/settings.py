"""The settings a target framework may carry: types, ranges and defaults.
"""

from __future__ import annotations

from cse_migrate.rules.model import Framework

# Settings a target framework may carry, with their types and allowed ranges.
SETTING_SPECS: dict[str, tuple[type, float, float]] = {
    "map_threshold": (float, 0.0, 1.0),
    "strong_threshold": (float, 0.0, 1.0),
    "secondary_ratio": (float, 0.0, 1.0),
    "stale_months": (int, 1, 600),
    "met_min_strong": (int, 1, 1000),
    "duplicate_similarity": (float, 50.0, 100.0),
    "crosswalk_weight": (float, 0.0, 100.0),
    "context_weight": (float, 0.0, 100.0),
    "score_scale": (float, 0.01, 1000.0),
    "fuzzy_cutoff": (float, 50.0, 100.0),
    "review_below": (float, 0.0, 1.0),
    "review_margin": (float, 0.0, 1.0),
    "semantic_weight": (float, 0.0, 100.0),
    "semantic_temperature": (float, 0.001, 10.0),
    # Ratings and readiness for hierarchical frameworks (official CSE structure); see cse_migrate/analysis/ratings.py.
    "compliance_plus_min_strong": (int, 1, 1000),
    "compliance_plus_min_sources": (int, 1, 100),
    "compliance_min_strong": (int, 1, 1000),
    "readiness_min_compliance_share": (float, 0.0, 1.0),
    "readiness_max_partial": (int, 0, 1000),
    "readiness_max_not_evidenced": (int, 0, 1000),
}
DEFAULT_SETTINGS: dict[str, float | int] = {
    "map_threshold": 0.4,
    "strong_threshold": 0.7,
    "secondary_ratio": 0.75,
    "stale_months": 36,
    "met_min_strong": 2,
    "duplicate_similarity": 92.0,
    "crosswalk_weight": 1.0,
    "context_weight": 0.6,
    "score_scale": 3.0,
    "fuzzy_cutoff": 85.0,
    "review_below": 0.65,
    "review_margin": 0.1,
    "semantic_weight": 0.5,
    "semantic_temperature": 0.02,
    "compliance_plus_min_strong": 3,
    "compliance_plus_min_sources": 2,
    "compliance_min_strong": 2,
    "readiness_min_compliance_share": 0.7,
    "readiness_max_partial": 1,
    "readiness_max_not_evidenced": 0,
}


def effective_settings(framework: Framework) -> dict[str, float | int]:
    """The framework's settings over the defaults."""
    return {**DEFAULT_SETTINGS, **framework.settings}
