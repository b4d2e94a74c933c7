"""The estimated chance that a mapping is right: fitted out of fold on development statements, shipped as data,
shown beside the review flag and never deciding it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from cse_migrate.analysis.classifier import MODELS
from cse_migrate.analysis.confidence import FEATURES, Calibrator, fit, shipped_calibrator
from cse_migrate.analysis.mapping import Matcher
from cse_migrate.model import EvidenceItem, Mapping, Source
from cse_migrate.pipeline import decide_and_flag, flag_for_review, make_settings
from cse_migrate.rules import RuleSet
from cse_migrate.tools.calibrate import calibrate, lowest_cutoff


def test_fitting_is_deterministic_and_learns_which_way_a_feature_points() -> None:
    rows = [(0.9, 0.5, 0.9, 1.0, 1.0, 1.0)] * 8 + [(0.45, 0.01, 0.2, 0.0, 0.2, 1.0)] * 8
    right = [True] * 7 + [False] + [False] * 6 + [True] * 2
    first, second = fit(rows, right), fit(rows, right)
    assert first == second
    model = Calibrator(*first)
    assert model.chance(rows[0]) > 0.8 > 0.3 > model.chance(rows[-1])


def test_a_model_for_other_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "review.json"
    Calibrator((1.0,) * len(FEATURES), 0.0, "x", "y").save(path)
    assert Calibrator.load(path).weights == (1.0,) * len(FEATURES)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain it"):
        Calibrator.load(path)


def test_the_lowest_cutoff_keeps_the_most_mappings_that_meet_the_target() -> None:
    chances = [0.99, 0.95, 0.9, 0.8, 0.6, 0.3]
    right = [True, True, True, False, True, False]
    assert lowest_cutoff(chances, right, 0.75) == 0.6  # the top five: 4 of 5 right
    assert lowest_cutoff(chances, right, 0.9) == 0.9  # the top three
    assert lowest_cutoff(chances, right, 1.0) == 0.9


@pytest.mark.parametrize("framework", ["five-points", "cse-2008"])
def test_the_shipped_estimate_says_what_it_was_fitted_on_and_the_more_likely_are_more_often_right(
        framework: str) -> None:
    model = shipped_calibrator(framework)
    assert model is not None and len(model.weights) == len(FEATURES)
    assert "out-of-fold" in model.trained_on and "dev_extra3" in model.trained_on
    # "0%-50%: 32% of 237 right; 50%-70%: 46% of 24 right; ..." : the share right rises band by band
    shares = [int(part.split(": ")[1].split("%")[0]) for part in model.measured.split("chance: ")[1].split("; ")]
    assert len(shares) == 5 and shares == sorted(shares)


def test_the_shipped_five_points_estimate_is_what_the_tool_fits(rules: RuleSet) -> None:
    fitted, _line = calibrate(rules, "five-points")
    shipped = Calibrator.load(MODELS / "review-five-points.json")
    assert fitted.weights == pytest.approx(shipped.weights, abs=2e-4)
    assert fitted.bias == pytest.approx(shipped.bias, abs=2e-4)
    assert (fitted.trained_on, fitted.measured) == (shipped.trained_on, shipped.measured)


def test_a_run_shows_the_chance_on_each_best_mapping_without_changing_the_flags(rules: RuleSet) -> None:
    framework = rules.framework("five-points")
    matcher = Matcher(rules, framework)
    settings = make_settings(framework)
    texts = ["Customer panel met quarterly and its views changed the opening hours",
             "The service demonstrated a strong commitment to its customers",
             "All staff completed deaf awareness training in 2007"]
    items = [EvidenceItem(id=f"E{n:05d}", text=t, source=Source(file="t", extractor="csv"))
             for n, t in enumerate(texts)]
    for scored in matcher.iter_scores(items):
        decided = matcher.decide(scored, settings.map_threshold, settings.secondary_ratio)
        assert decided
        chance = matcher.chance_right(decided, scored, matcher.runner_up(scored))
        assert chance is not None and 0.0 < chance < 1.0
        with_chance = flag_for_review(decided, matcher.runner_up(scored), settings, scored.classifier_top, chance)
        without = flag_for_review(decided, matcher.runner_up(scored), settings, scored.classifier_top)
        assert [m.needs_review for m in with_chance] == [m.needs_review for m in without]
        assert with_chance[0].confidence == round(chance, 3)
        assert all(m.confidence is None for m in with_chance[1:])
        assert [dataclasses.replace(m, confidence=None) for m in with_chance] == list(without)
        assert decide_and_flag(matcher, scored, settings) == with_chance  # what a run does


def test_without_the_classifier_there_is_no_estimate(rules: RuleSet) -> None:
    fw = rules.framework("five-points")
    off = dataclasses.replace(fw, settings={**fw.settings, "classifier_weight": 0.0})
    matcher = Matcher(rules, off)
    assert matcher.calibrator is None
    best = Mapping("2", 0.8, ())
    item = EvidenceItem(id="E1", text="Customer panel met quarterly", source=Source(file="t", extractor="csv"))
    assert matcher.chance_right((best,), matcher.score([item])[0], 0.0) is None
