"""How likely a mapping is to be right: an estimate shown beside the "needs review" flag.

A small logistic model over what the matcher saw when it chose an item's best criterion: the mapping's score, its
lead over the next criterion, the trained classifier's probability for it and whether the classifier liked it best,
the strongest lexicon phrase behind it and whether any phrase matched at all. It is fitted by
``python -m cse_migrate.tools.calibrate`` on cross-validated mappings of the development statements (each scored by
a classifier trained without it, as text a run meets is scored by one that never saw it), so the estimate is the
share of such mappings whose criterion (level 1) was right.

It informs; it does not decide. The flag stays with the threshold rules (``review_below``, ``review_margin`` and the
learned layers' dissent): a flag decided by the estimate, at the cutoff cross-validation chose for the safety net
(not-flagged mappings right 0.96 of the time), flagged more of the fresh held-out part's mappings than its checked
share (README, "needs review").

The weights are data (``cse_migrate/models/review-<framework>.json``); a framework without the file, a run without
the classifier, or one with ``--semantic`` (whose points the estimate never saw) has no estimate.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cse_migrate.analysis.classifier import MODELS
from cse_migrate.model import Mapping

FEATURES = ("score", "lead over the next criterion", "classifier probability", "classifier's best",
            "strongest phrase", "any phrase matched")
PHRASE_CAP = 4.0  # points of the strongest phrase beyond which a phrase is no stronger evidence of being right


@dataclass(frozen=True)
class Calibrator:
    """Logistic weights over :data:`FEATURES`."""

    weights: tuple[float, ...]
    bias: float
    trained_on: str = ""
    measured: str = ""  # how well the estimate matched what happened, in cross-validation

    def chance(self, features: Sequence[float]) -> float:
        """The estimated chance that the mapping's criterion is right."""
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def save(self, path: Path) -> None:
        data = {"features": list(FEATURES), "weights": [round(w, 4) for w in self.weights],
                "bias": round(self.bias, 4), "trained_on": self.trained_on,
                "measured": self.measured}
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Calibrator:
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{path.name}: made for features {data['features']}, not {list(FEATURES)}; retrain it "
                             "with python -m cse_migrate.tools.calibrate")
        return cls(tuple(float(w) for w in data["weights"]), float(data["bias"]), str(data["trained_on"]),
                   str(data["measured"]))


def shipped_calibrator(framework_id: str) -> Calibrator | None:
    """The review estimate shipped for ``framework_id``, if any."""
    path = MODELS / f"review-{framework_id}.json"
    return Calibrator.load(path) if path.exists() else None


def features_of(best: Mapping, runner_up: float, probability: float, classifier_best: bool) -> tuple[float, ...]:
    """The features of an item's best mapping, in the order of :data:`FEATURES`."""
    phrases = [r.contribution for r in best.reasons if r.kind == "phrase"]
    strongest = min(max(phrases, default=0.0), PHRASE_CAP) / PHRASE_CAP
    return (best.score, best.score - runner_up, probability, float(classifier_best), strongest, float(bool(phrases)))


def fit(rows: Sequence[Sequence[float]], right: Sequence[bool], steps: int = 3000, rate: float = 0.5,
        l2: float = 1e-3) -> tuple[tuple[float, ...], float]:
    """Logistic regression by gradient descent from zero weights (deterministic): the weights and the bias."""
    x = np.c_[np.asarray(rows, dtype=np.float64), np.ones(len(rows))]
    y = np.asarray(right, dtype=np.float64)
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w)
    return tuple(float(v) for v in w[:-1]), float(w[-1])
