"""The fine-tuned classifier of the semantic extra: the encoder itself adapted to the criteria.

The semantic layer (:mod:`.embedding`) learns over frozen sentence embeddings. This model goes further: the
all-MiniLM-L6-v2 encoder of the semantic extra is fine-tuned, with a linear head over its mean-pooled output,
to tell the criteria (and ``NONE``) apart. Only low-rank adapters are trained (LoRA: every linear layer W of the
six transformer layers becomes W + B A, with A of rank x inputs and B of outputs x rank), so what ships is the
adapters and the head, about a megabyte per framework, not a second copy of the 90 MB encoder; they are merged
into a copy of the bundled encoder's weights when a run starts.

With ``--semantic``, the run's classifier layer reads a blend of the word classifier's probabilities and this
model's (``tuned_share`` of them this model's) and spreads ``tuned_weight`` points instead of
``classifier_weight`` (:class:`cse_migrate.analysis.mapping.Matcher`). It is trained only on development statements
by ``python -m cse_migrate.tools.train_tuned``, which writes ``cse_migrate/models/tuned-<framework>.json`` with the
checksums of the files it was trained on.

This module reads the weights with numpy alone; :func:`tuned_classifier` needs PyTorch, which the semantic extra
installs (it is imported there and nowhere else).
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from cse_migrate.analysis.classifier import MODELS, softmax
from cse_migrate.analysis.embedding import ENCODER_NAME

Probabilities = Callable[[list[str]], NDArray[np.float32]]
BATCH = 64  # statements per forward pass at run time


@dataclass
class TunedModel:
    """Low-rank adapters for the encoder's linear layers and a linear head over its mean-pooled output."""

    labels: list[str]
    level: int
    adapters: dict[str, tuple[NDArray[np.float32], NDArray[np.float32]]]  # module name -> (A, B)
    head_weight: NDArray[np.float32]  # (labels x embedding dimensions)
    head_bias: NDArray[np.float32]
    max_tokens: int = 64  # longer statements are cut, as in training
    encoder: str = ENCODER_NAME
    trained_on: str = ""
    data: list[dict[str, Any]] = field(default_factory=list)  # per training file: name, split, rows, sha256

    def save(self, path: Path) -> None:
        """JSON, with the arrays as base64 half-precision floats (adapters are small numbers; half precision
        moves no probability by more than a few thousandths, and halves the file)."""
        content = {"labels": self.labels, "level": self.level, "max_tokens": self.max_tokens,
                   "encoder": self.encoder, "trained_on": self.trained_on, "data": self.data,
                   "head_weight": _pack(self.head_weight), "head_bias": _pack(self.head_bias),
                   "adapters": {name: [_pack(a), _pack(b)] for name, (a, b) in sorted(self.adapters.items())}}
        path.write_text(json.dumps(content, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> TunedModel:
        content = json.loads(path.read_text(encoding="utf-8"))
        return cls(list(content["labels"]), int(content["level"]),
                   {name: (_unpack(a), _unpack(b)) for name, (a, b) in content["adapters"].items()},
                   _unpack(content["head_weight"]), _unpack(content["head_bias"]), int(content["max_tokens"]),
                   str(content["encoder"]), str(content["trained_on"]), list(content["data"]))


def _pack(array: NDArray[np.float32]) -> dict[str, Any]:
    data = np.ascontiguousarray(array, dtype="<f2").tobytes()
    return {"shape": list(array.shape), "float16": base64.b64encode(data).decode("ascii")}


def _unpack(packed: dict[str, Any]) -> NDArray[np.float32]:
    raw = np.frombuffer(base64.b64decode(packed["float16"]), dtype="<f2")
    return raw.astype(np.float32).reshape([int(n) for n in packed["shape"]])


def tuned_path(framework_id: str) -> Path:
    return MODELS / f"tuned-{framework_id}.json"


def shipped_tuned(framework_id: str) -> TunedModel | None:
    """The fine-tuned classifier shipped for ``framework_id`` (None when there is none)."""
    path = tuned_path(framework_id)
    return TunedModel.load(path) if path.exists() else None


def tuned_classifier(model: TunedModel, base: Any) -> Probabilities:
    """(statements x labels) probabilities of the fine-tuned classifier, built over ``base``: the semantic extra's
    SentenceTransformer. Its weights are copied, so the base encoder stays as it was for the semantic layer."""
    import torch

    transformer = copy.deepcopy(base[0].auto_model)
    tokenizer = base.tokenizer
    modules = dict(transformer.named_modules())
    missing = sorted(set(model.adapters) - modules.keys())
    if missing:
        raise ValueError(f"the fine-tuned model's adapters do not fit this encoder (no layer {missing[0]})")
    with torch.no_grad():
        for name, (a, b) in model.adapters.items():
            modules[name].weight += torch.from_numpy(b @ a)
    transformer.eval()

    def probabilities(texts: list[str]) -> NDArray[np.float32]:
        pooled = []
        with torch.inference_mode():
            for start in range(0, len(texts), BATCH):
                pooled.append(mean_pooled(transformer, tokenizer, texts[start:start + BATCH], model.max_tokens).numpy())
        vectors = np.concatenate(pooled) if pooled else np.zeros((0, model.head_weight.shape[1]), np.float32)
        return softmax(vectors @ model.head_weight.T + model.head_bias)

    return probabilities


def mean_pooled(transformer: Any, tokenizer: Any, texts: list[str], max_tokens: int) -> Any:
    """The encoder's output averaged over each text's tokens (padding left out): what the head reads, in training
    and at run time alike. A PyTorch tensor (statements x dimensions)."""
    tokens = tokenizer(texts, padding=True, truncation=True, max_length=max_tokens, return_tensors="pt")
    mask = tokens["attention_mask"].unsqueeze(-1).float()
    return (transformer(**tokens).last_hidden_state * mask).sum(1) / mask.sum(1)


def in_order(probabilities: Probabilities, labels: Sequence[str], wanted: Sequence[str]) -> Probabilities:
    """``probabilities`` with its columns in ``wanted``'s order (the word classifier's labels, which it blends with)."""
    if sorted(labels) != sorted(wanted):
        raise ValueError(f"the fine-tuned model's labels {sorted(labels)} are not the classifier's {sorted(wanted)}")
    columns = [list(labels).index(label) for label in wanted]
    return lambda texts: probabilities(texts)[:, columns]


def blend(words: NDArray[np.float32], tuned: NDArray[np.float32], share: float) -> NDArray[np.float32]:
    """The classifier layer's probabilities under ``--semantic``: ``share`` of them the fine-tuned model's."""
    result: NDArray[np.float32] = ((1.0 - share) * words + share * tuned).astype(np.float32)
    return result
