"""A small supervised layer: multinomial logistic regression over word and character n-gram TF-IDF.

It is trained only on the development statements (``tests/data/labeled_statements.csv`` split ``dev`` and the
development extensions ``tests/data/dev_extra*_statements.csv``; never a held-out part) by
``python -m cse_migrate.tools.train``, which writes its weights as data into ``cse_migrate/models/<framework>.json``.
Training is plain numpy gradient descent from zero weights, so the same statements always give the same model.

In a run it is one more signal beside the lexicon: it adds ``classifier_weight`` points spread over the criteria
by its probabilities, and each mapping it helps says so in its reasons, with the words that pulled it there (the
features with the largest share of the score). It generalises to phrasing the lexicon has never seen (the
evaluative voice of assessment reports), where the lexicon is strong on the phrasing it was written for.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from cse_migrate.analysis.sparse_rows import SparseRows
from cse_migrate.text import fold, words

T = TypeVar("T")
MODELS = Path(__file__).resolve().parent.parent / "models"
NONE = "NONE"


def features(text: str) -> Counter[str]:
    """Word unigrams and bigrams (stop words kept: "not yet", "we will" matter) and character 4-grams of words."""
    tokens = words(text)
    names = [f"w:{t}" for t in tokens]
    names += [f"b:{a} {b}" for a, b in pairwise(tokens)]
    for t in tokens:  # counted in one go below: a Counter update per word cost more than the counting
        padded = f" {t} "
        names += [f"c:{padded[i:i + 4]}" for i in range(max(len(padded) - 3, 1))]
    out = Counter(names)
    if "%" in fold(text):
        out["w:%"] += 1
    return out


@dataclass
class Classifier:
    """Feature index, inverse document frequencies, weights (features x labels) and biases."""

    labels: list[str]
    vocabulary: dict[str, int]
    idf: NDArray[np.float32]
    weights: NDArray[np.float32]
    bias: NDArray[np.float32]
    level: int = 1  # the hierarchy level the labels are at (2: cse-2008 sub-criteria)
    trained_on: str = ""
    _names: list[str] = field(default_factory=list)  # feature names by column, filled on first use
    _explains: list[bool] = field(default_factory=list)  # which columns may explain a decision, filled on first use
    _explaining: NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool), compare=False,
                                           repr=False)  # the same, as a mask

    def vectors(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Sublinear TF-IDF rows, each scaled to unit length."""
        rows, columns, values = self._entries(texts)
        x = np.zeros((len(texts), len(self.vocabulary)), dtype=np.float32)
        x[rows, columns] = values
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        x /= np.where(norms == 0, 1.0, norms)
        return x

    def sparse_vectors(self, texts: Sequence[str]) -> SparseRows:
        """:meth:`vectors` as their non-zero entries, for training (the dense matrix is hundreds of MB of zeros;
        the lengths are summed in another order, so a value may differ from :meth:`vectors` in its last bit)."""
        rows, columns, values = self._entries(texts)
        norms = np.sqrt(np.bincount(rows, weights=np.square(values), minlength=len(texts))).astype(np.float32)
        values /= np.where(norms == 0, 1.0, norms)[rows]
        return SparseRows.of((len(texts), len(self.vocabulary)), rows, columns, values)

    def _entries(self, texts: Sequence[str]) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float32]]:
        """Row, column and sublinear TF-IDF weight of every feature of the texts in the vocabulary."""
        rows: list[int] = []
        columns: list[int] = []
        weights: list[float] = []
        vocabulary = self.vocabulary
        for row, text in enumerate(texts):
            for name, count in features(text).items():
                column = vocabulary.get(name)
                if column is not None:
                    rows.append(row)
                    columns.append(column)
                    weights.append(1.0 + math.log(count))
        # in one go (a numpy call per feature cost more than the features): each weight rounded to float32, then
        # multiplied in float32, as numpy does for a Python float times a float32
        at = np.array(columns, dtype=np.intp)
        return np.array(rows, dtype=np.intp), at, np.array(weights, dtype=np.float32) * self.idf[at]

    def probabilities(self, texts: Sequence[str]) -> NDArray[np.float32]:
        return self.predict(self.vectors(texts))

    def predict(self, x: NDArray[np.float32]) -> NDArray[np.float32]:
        return softmax(x @ self.weights + self.bias)

    def explain(self, x: NDArray[np.float32], labels: Sequence[str], top: int = 3) -> dict[str, str]:
        """Per label asked for, the features of one vector ``x`` that pull most towards it, readable
        ("'panel', 'insig…'")."""
        # words and pairs of words explain best; where none pulls towards a label, the pieces of words and short
        # words that do are named instead (every point the classifier gives is explained by what pulled it)
        present = np.flatnonzero(x != 0)
        columns = [self.labels.index(label) for label in labels]
        # all the labels asked for at once (about fifteen per item, a few dozen features present): per label, the
        # features that pull towards it (only words and pairs of words where any does), strongest first, equal
        # shares in the features' order; numpy calls per label were a third of a run's analysis
        shares = (x[present, None] * self.weights[present][:, columns]).T  # labels x features present
        pulling = shares > 0
        worded = pulling & self.explaining[present]
        chosen = np.where(worded.any(axis=1, keepdims=True), worded, pulling)
        order = np.argsort(np.where(chosen, -shares, np.inf), axis=1, kind="stable").tolist()
        counts = chosen.sum(axis=1).tolist()
        names = self.names
        present_names = [names[i] for i in present.tolist()]
        out = {}
        for label, ranked, count in zip(labels, order, counts, strict=True):
            shown: dict[str, str] = {}  # the letters of a feature -> how it reads: "was", "…was" and "was…" once
            for i in ranked[:count]:
                name = present_names[i]
                shown.setdefault(name.partition(":")[2].strip(), _readable(name))
                if len(shown) == top:
                    break
            out[label] = ", ".join(shown.values())
        return out

    @property
    def explaining(self) -> NDArray[np.bool_]:
        """:attr:`explains` as a mask over the feature columns, made once."""
        if len(self._explaining) != len(self.vocabulary):
            self._explaining = np.array(self.explains, dtype=bool)
        return self._explaining

    @property
    def explains(self) -> list[bool]:
        """Per feature column: whether it is a word (five letters or more, or a figure) or a pair of words."""
        if len(self._explains) != len(self.vocabulary):
            self._explains[:] = [n.startswith("b:") or (n.startswith("w:") and (len(n) > 6 or n[2:].isdigit()))
                                 for n in self.names]
        return self._explains

    @property
    def names(self) -> list[str]:
        if len(self._names) != len(self.vocabulary):
            self._names[:] = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return self._names

    def save(self, path: Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        data = {"labels": self.labels, "level": self.level, "trained_on": self.trained_on, "features": names,
                "idf": [round(float(v), 4) for v in self.idf],
                "weights": [[round(float(v), 4) for v in row] for row in self.weights],
                "bias": [round(float(v), 4) for v in self.bias]}
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Classifier:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(list(data["labels"]), {n: i for i, n in enumerate(data["features"])},
                   np.array(data["idf"], dtype=np.float32), np.array(data["weights"], dtype=np.float32),
                   np.array(data["bias"], dtype=np.float32), int(data["level"]), str(data["trained_on"]))


def _readable(name: str) -> str:
    """A feature as a reader sees it: a word or pair of words quoted, a piece of a word marked as one ('insig…')."""
    kind, _, text = name.partition(":")
    if kind == "c":
        return f"'{text.strip()}…'" if text.startswith(" ") else f"'…{text.strip()}'" if text.endswith(" ") \
            else f"'…{text}…'"
    return f"'{text.strip()}'"


def not_evidence_readings(model: Classifier, texts: Sequence[str], at: float) -> list[tuple[float, str] | None]:
    """Per text, where ``model`` likes "not evidence" best and at least ``at`` sure: its probability and the words
    that pulled it there (for a note that says why the item was left unmapped); else None."""
    # It reads every item of a run, so the probabilities come from the sparse rows (a dense block of TF-IDF rows
    # cost four times the scoring); only the few it is sure of are made dense, for the words that explain them.
    probabilities = softmax(model.sparse_vectors(texts).dot(model.weights) + model.bias)
    column = model.labels.index(NONE)
    sure = [n for n, row in enumerate(probabilities) if int(np.argmax(row)) == column and row[column] >= at]
    readings: list[tuple[float, str] | None] = [None] * len(texts)
    for n, vector in zip(sure, model.vectors([texts[n] for n in sure]), strict=True):
        readings[n] = (float(probabilities[n, column]), model.explain(vector, [NONE])[NONE])
    return readings


def softmax(z: NDArray[np.float32]) -> NDArray[np.float32]:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: NDArray[np.float32] = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
    return out


def train(texts: Sequence[str], labels: Sequence[str], label_set: Sequence[str], level: int = 1,
          min_df: int = 2, max_features: int = 12000, l2: float = 1e-4, steps: int = 400,
          rate: float = 4.0, trained_on: str = "") -> Classifier:
    """Fit the model by full-batch gradient descent on the cross-entropy with an L2 penalty (deterministic)."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(features(text).keys())
    kept = sorted((n for n, c in df.items() if c >= min_df), key=lambda n: (-df[n], n))[:max_features]
    vocabulary = {n: i for i, n in enumerate(sorted(kept))}
    idf = np.array([math.log((1 + len(texts)) / (1 + df[n])) + 1.0 for n in sorted(kept)], dtype=np.float32)
    model = Classifier(list(label_set), vocabulary, idf, np.zeros((len(vocabulary), len(label_set)), np.float32),
                       np.zeros(len(label_set), np.float32), level, trained_on)
    x = model.sparse_vectors(texts)
    y = np.zeros((len(texts), len(label_set)), dtype=np.float32)
    for row, label in enumerate(labels):
        y[row, model.labels.index(label)] = 1.0
    n = float(len(texts))
    for _ in range(steps):
        p = softmax(x.dot(model.weights) + model.bias)
        grad = p - y
        model.weights -= rate * (x.transpose_dot(grad) / n + l2 * model.weights)
        model.bias -= rate * grad.mean(axis=0)
    return model


def shipped(framework_id: str) -> Classifier | None:
    """The model shipped for ``framework_id`` (or for the framework it extends, given by the caller)."""
    path = MODELS / f"{framework_id}.json"
    return Classifier.load(path) if path.exists() else None


def first_shipped(load: Callable[[str], T | None], lineage: Sequence[str], name: str) -> tuple[T | None, str]:
    """The model ``load`` finds for the first framework of ``lineage`` that has one (a framework's own, else the one
    it extends), and its file as reasons name it (``name`` with the framework's id: ``models/semantic-{}.json``)."""
    for framework_id in lineage:
        model = load(framework_id)
        if model is not None:
            return model, f"models/{name.format(framework_id)}"
    return None, ""
