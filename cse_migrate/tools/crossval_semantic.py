"""Cross-validate the semantic layer: each fold of the development extensions scored by models trained without it.

``python -m cse_migrate.tools.crossval_semantic [--folded CSV]... [--base CSV]... [--set NAME=VALUE]...`` splits the
folded files' development rows (by default ``dev_extra_statements.csv`` and ``dev_extra2_statements.csv``) into
five folds (the n-th row of each file goes to fold n mod 5, as :mod:`.crossval` does). For each fold it trains the
word classifier (on the shipped recipe: ``RECIPE_FOR`` in :mod:`.train`) and the semantic layer on the base files'
development rows (by default ``labeled_statements.csv`` split ``dev``) and the other folds, and runs the fold
through the same stages as a run (:func:`cse_migrate.tools.evaluate.predict`) in three variants:

* ``default``: lexicon and word classifier (no ``--semantic``);
* ``prototypes``: ``--semantic`` as it was before the semantic layer: prototype sentences only;
* ``semantic``: ``--semantic`` now: the trained semantic layer (and prototype sentences at ``semantic_weight``),
  and with ``--tuned DIR`` the fine-tuned classifier (:mod:`cse_migrate.analysis.tuned`) of each fold.

It prints, per framework and level, top-1 accuracy, how often the mappings not flagged for review are right, the
share flagged, and NONE precision and recall. ``--set`` changes a framework setting for the ``semantic`` variant
(to choose ``embedding_weight``, ``review_dissent`` ... on cross-validation only). Held-out parts are never read:
only rows of split ``dev`` are used. Needs the semantic extra.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.analysis.semantic import Encoder, load_encoder
from cse_migrate.analysis.tuned import Probabilities, TunedModel, in_order
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import resolve_frameworks, run_settings
from cse_migrate.rules import RuleSet, load_rules
from cse_migrate.tools.crossval import with_settings
from cse_migrate.tools.evaluate import NONE, Prediction, Report, predict
from cse_migrate.tools.train import (
    DATA,
    RECIPE_FOR,
    TARGETS,
    cached,
    development_cases,
    train_semantic,
    train_words,
)

VARIANTS = ("default", "prototypes", "semantic")


def cross_validate(rules: RuleSet, encode: Encoder, framework_id: str, base: Sequence[Path],
                   folded: Sequence[Path], folds: int = 5, changes: dict[str, float] | None = None,
                   variants: Sequence[str] = VARIANTS, tuned: Path | None = None,
                   tuner: Callable[[TunedModel], Probabilities] | None = None) -> dict[str, list[Prediction]]:
    """Per variant, the predictions (at the level of the framework's models) for every folded statement; with
    ``tuned`` (a folder of fold models, ``tuned-<framework>-fold<K>.json``, written by ``train_tuned --fold K``)
    and ``tuner`` (the bundled encoder's :meth:`~cse_migrate.analysis.semantic.MiniLM.tuned`), the semantic variant
    also has the fine-tuned classifier trained without the fold."""
    level = TARGETS[framework_id]
    train_base = development_cases(base, framework_id, level)
    held = [(n % folds, c) for path in folded for n, c in enumerate(development_cases([path], framework_id, level))]
    # the word classifier learns from the files its shipped recipe names (all of them when it names none)
    recipe = {name for name, _ in RECIPE_FOR.get(framework_id, ())}
    out: dict[str, list[Prediction]] = {v: [] for v in variants}
    for fold in range(folds):
        scored = [c for f, c in held if f == fold]
        training = train_base + [c for f, c in held if f != fold]
        fw = rules.framework(framework_id)
        words = train_words([c for c in training if not recipe or c.source in recipe], fw, level)
        semantic = train_semantic(training, encode([c.text for c in training]), fw, level)
        fold_tuned = None
        if tuned is not None and tuner is not None:
            model = TunedModel.load(tuned / f"tuned-{framework_id}-fold{fold}.json")
            fold_tuned = in_order(tuner(model), model.labels, words.labels)
        for variant in variants:
            run_rules = with_settings(rules, framework_id, changes or {}) if variant == "semantic" else rules
            if variant == "prototypes":  # as before the semantic layer: prototype sentences only
                run_rules = with_settings(rules, framework_id, {"semantic_weight": 0.5, "embedding_weight": 0.0})
            options = RunOptions(framework=framework_id, semantic=variant != "default")
            framework, legacy = resolve_frameworks(run_rules, options)
            settings = run_settings(run_rules, framework, options)
            matcher = Matcher(run_rules, framework, legacy.id, None if variant == "default" else encode, settings,
                              classifier=words if settings.classifier_weight > 0 else False,
                              semantic_model=semantic if variant == "semantic" else False,
                              tuned=fold_tuned if variant == "semantic" and fold_tuned is not None else False)
            out[variant] += predict(scored, run_rules, options, level, encode, matcher)
    return out


def at_level(predictions: Sequence[Prediction], rules: RuleSet, framework_id: str, level: int,
             folded: Sequence[Path]) -> list[Prediction]:
    """The predictions compared at another hierarchy level (cse-2008 criteria from sub-criteria)."""
    if level == TARGETS[framework_id]:
        return list(predictions)
    framework = rules.framework(framework_id)
    cases = development_cases(folded, framework_id, level)
    by_id = {(c.source, c.id): c for c in cases}
    return [dataclasses.replace(p, case=by_id[(p.case.source, p.case.id)], predicted=p.predicted
                                if p.predicted == NONE else framework.at_level(p.predicted, level))
            for p in predictions]


def summary(predictions: Sequence[Prediction], framework_id: str, level: int) -> str:
    report = Report(framework_id, "dev", list(predictions), [], level=level)
    said_none = [p for p in predictions if p.predicted == NONE]
    is_none = [p for p in predictions if p.case.label == NONE]
    precision = sum(p.correct for p in said_none) / len(said_none) if said_none else 0.0
    recall = sum(p.correct for p in is_none) / len(is_none) if is_none else 0.0
    return (f"top-1 {report.accuracy:.3f}  not flagged right {report.unflagged_accuracy:.3f}  "
            f"flagged {report.flagged_share:.1%}  NONE precision {precision:.2f} recall {recall:.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cse_migrate.tools.crossval_semantic",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--folded", action="append", type=Path, help="labels files split into folds")
    parser.add_argument("--base", action="append", type=Path, help="labels files always trained on")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--framework", action="append", choices=sorted(TARGETS))
    parser.add_argument("--variant", action="append", choices=VARIANTS)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a framework setting for the semantic variant")
    parser.add_argument("--tuned", type=Path, metavar="DIR",
                        help="fold models of the fine-tuned classifier (python -m cse_migrate.tools.train_tuned "
                             "--fold K --out DIR) for the semantic variant")
    args = parser.parse_args(argv)
    folded = args.folded or [DATA / "dev_extra_statements.csv", DATA / "dev_extra2_statements.csv"]
    base = args.base or [DATA / "labeled_statements.csv"]
    changes = {name: float(value) for name, _, value in (s.partition("=") for s in args.set)}
    rules = load_rules(None)
    encoder = load_encoder()
    encode = cached(encoder)
    for framework_id in args.framework or list(TARGETS):
        start = time.perf_counter()
        results = cross_validate(rules, encode, framework_id, base, folded, args.folds, changes,
                                 args.variant or VARIANTS, args.tuned, getattr(encoder, "tuned", None))
        levels = (1, 2) if TARGETS[framework_id] == 2 else (1,)
        for variant, predictions in results.items():
            for level in levels:
                shown = at_level(predictions, rules, framework_id, level, folded)
                print(f"{framework_id} level {level} {variant:<11} n={len(shown)}  "
                      f"{summary(shown, framework_id, level)}")
        print(f"  ({time.perf_counter() - start:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
