"""The classifier layer: trained only on development statements, deterministic, shipped as data, explained."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import numpy as np

from cse_migrate.analysis.classifier import MODELS, Classifier, train
from cse_migrate.analysis.mapping import Matcher
from cse_migrate.model import EvidenceItem, ItemResult, Source
from cse_migrate.pipeline import flag_for_review, make_settings, map_evidence
from cse_migrate.rules import RuleSet
from cse_migrate.tools.evaluate import load_labels
from cse_migrate.tools.train import DATA, PARAMETERS, sources_for

TEXTS = ["Customer panel met residents to discuss the leaflets", "Residents panel consulted on opening hours",
         "All staff trained in customer care", "Staff trained in deaf awareness and customer care",
         "Page 3 of 12", "Page 4 of 12"]
LABELS = ["2", "2", "3", "3", "NONE", "NONE"]


def test_training_is_deterministic_and_learns_the_labels() -> None:
    first = train(TEXTS, LABELS, ["1", "2", "3", "4", "5", "NONE"], min_df=1, steps=100)
    second = train(TEXTS, LABELS, ["1", "2", "3", "4", "5", "NONE"], min_df=1, steps=100)
    assert np.array_equal(first.weights, second.weights)
    predicted = [first.labels[int(i)] for i in first.probabilities(TEXTS).argmax(axis=1)]
    assert predicted == LABELS


def test_the_model_round_trips_through_its_data_file(tmp_path: Path) -> None:
    model = train(TEXTS, LABELS, ["1", "2", "3", "4", "5", "NONE"], min_df=1, steps=50)
    model.save(tmp_path / "m.json")
    loaded = Classifier.load(tmp_path / "m.json")
    assert np.allclose(loaded.probabilities(TEXTS), model.probabilities(TEXTS), atol=1e-3)


def test_the_shipped_model_is_what_the_training_script_makes_from_development_statements() -> None:
    data = json.loads((MODELS / "five-points.json").read_text(encoding="utf-8"))
    assert "heldout" not in data["trained_on"] and "fresh2" not in data["trained_on"]
    cases = [c for name, split in sources_for("five-points") for c in load_labels(DATA / name, "five-points", 1)
             if not split or c.split == split]
    assert cases and {c.split for c in cases} <= {"dev"}
    retrained = train([c.text for c in cases], [c.label for c in cases], data["labels"], 1,
                      **PARAMETERS)  # type: ignore[arg-type]
    shipped = Classifier.load(MODELS / "five-points.json")
    assert sorted(retrained.vocabulary) == sorted(shipped.vocabulary)
    probe = ["The organisation demonstrated a strong commitment to customer insight", "Page 2 of 9"]
    assert np.allclose(retrained.probabilities(probe), shipped.probabilities(probe), atol=2e-3)


def test_every_classifier_contribution_is_explained(rules: RuleSet) -> None:
    matcher = Matcher(rules, rules.framework("five-points"))
    assert matcher.classifier is not None
    item = EvidenceItem(id="E00001", text="Staff are customer-focused and take pride in resolving problems",
                        source=Source(file="t", extractor="csv"))
    scored = matcher.score([item])[0]
    reasons = [r for rs in scored.reasons.values() for r in rs if r.kind == "classifier"]
    assert reasons
    for reason in reasons:
        assert reason.detail.startswith("trained classifier, probability ")
        assert reason.matched and reason.matched.startswith("'")  # the features that pulled, quoted
        assert reason.rule == "models/five-points.json" and reason.contribution > 0


def test_every_classifier_point_on_the_development_statements_names_what_pulled_it(rules: RuleSet) -> None:
    # words and pairs of words where they pull, pieces of words ('…sign…') where only they do; a label nothing
    # in the text pulls towards (its probability is the model's prior alone) gets no points
    texts = [c.text for name in ("dev_extra2_statements.csv", "dev_extra3_statements.csv")
             for c in load_labels(DATA / name, "cse-2008", 2)]
    source = Source(file="t", extractor="csv")
    items = [EvidenceItem(id=f"E{n:05d}", text=t, source=source) for n, t in enumerate(texts)]
    for framework in ("five-points", "cse-2008"):
        matcher = Matcher(rules, rules.framework(framework))
        reasons = [r for scored in matcher.iter_scores(items) for rs in scored.reasons.values() for r in rs
                   if r.kind == "classifier"]
        assert len(reasons) > len(texts)
        assert all(r.matched.startswith("'") for r in reasons), framework


def test_the_classifier_weight_setting_switches_it_off(rules: RuleSet) -> None:
    fw = rules.framework("five-points")
    off = dataclasses.replace(fw, settings={**fw.settings, "classifier_weight": 0.0})
    assert Matcher(rules, off).classifier is None


def test_a_text_the_model_reads_as_no_evidence_gets_no_classifier_points_and_its_mapping_is_flagged(
        rules: RuleSet) -> None:
    # the model likes "not evidence" best for the text: it gives no criterion points (spreading them over the
    # criteria it finds less likely maps what it would not), and a mapping the lexicon makes alone is disputed
    text = "Minutes of the customer panel filed with the leaflets"
    # a briefly trained model: "not evidence" (0.7) ahead of a customer panel (0.16) and staff (0.09), each pulled
    # by words of the text, so points would be given to both
    model = train([text, *TEXTS], ["NONE", *LABELS], ["1", "2", "3", "4", "5", "NONE"], min_df=1, steps=5)
    probabilities = dict(zip(model.labels, model.probabilities([text])[0], strict=True))
    assert max(probabilities, key=lambda label: probabilities[label]) == "NONE" and probabilities["2"] > 0.1
    matcher = Matcher(rules, rules.framework("five-points"), classifier=model)
    settings = matcher.settings
    item = EvidenceItem(id="E00001", text=text, source=Source(file="t", extractor="csv"))
    scored = matcher.score([item])[0]
    assert not [r for rs in scored.reasons.values() for r in rs if r.kind == "classifier"]
    assert scored.classifier_top == frozenset()
    mappings = matcher.decide(scored, settings.map_threshold, settings.secondary_ratio)
    assert mappings and mappings[0].criterion == "2"  # the lexicon's own reading of a customer panel
    flagged = flag_for_review(mappings, matcher.runner_up(scored), settings, scored.classifier_top)
    assert flagged[0].needs_review


def test_a_text_the_model_is_sure_is_no_evidence_is_left_unmapped_saying_why(rules: RuleSet) -> None:
    # the lexicon maps a line about a customer panel; a classifier at least `not_evidence_at` sure that it is not
    # evidence leaves it unmapped (sign-off, title and filing lines share the lexicon's words), and says so
    text = "Minutes of the customer panel filed with the leaflets"
    model = train([text, *TEXTS], ["NONE", *LABELS], ["1", "2", "3", "4", "5", "NONE"], min_df=1, steps=5)
    chance = float(model.probabilities([text])[0][model.labels.index("NONE")])
    item = EvidenceItem(id="E00001", text=text, source=Source(file="t", extractor="csv"))
    fw = rules.framework("five-points")

    def run(at: float) -> ItemResult:
        matcher = Matcher(rules, dataclasses.replace(fw, settings={**fw.settings, "not_evidence_at": at}),
                          classifier=model)
        [result] = map_evidence([item], matcher, matcher.settings)
        return result

    result = run(round(chance - 0.01, 2))
    assert result.status == "unmapped"
    assert result.note.startswith(f"the trained classifier reads it as not evidence (probability {chance:.2f}")
    assert "pulled by '" in result.note  # the words that decided it, quoted
    result = run(round(chance + 0.01, 2))
    assert result.status == "mapped" and result.mappings[0].criterion == "2" and result.mappings[0].needs_review
    assert run(1.0).status == "mapped"  # 1: never, however sure


def test_another_frameworks_not_evidence_reading_leaves_an_item_unmapped_and_says_whose(rules: RuleSet) -> None:
    """The five points take cse-2008's "not evidence" reading (not_evidence_from, at not_evidence_from_at 0.5):
    an estates line the lexicon half-matches is left unmapped, the note naming that model; evidence is mapped."""
    framework = rules.framework("five-points")
    assert framework.not_evidence_from == "cse-2008"
    matcher = Matcher(rules, framework)
    settings = make_settings(framework, date(2008, 6, 30))
    items = [EvidenceItem(id=f"E{n:05d}", text=t, source=Source(file="t", extractor="csv")) for n, t in enumerate(
        ["Boiler replaced at the Eastgate depot under the capital programme",
         "Home visits and large print for housebound customers who cannot reach the office"], 1)]
    estates, evidence = map_evidence(items, matcher, settings)
    assert estates.status == "unmapped" and "by models/cse-2008.json" in estates.note
    assert "at least 0.50" in estates.note and "pulled by '" in estates.note
    assert evidence.status == "mapped"
    # off where the setting is 1 (the default), or without the framework's own classifier
    off = Matcher(rules, framework, settings=dataclasses.replace(settings, not_evidence_from_at=1.0))
    assert off.gate is None
