"""Cross-validate the classifier layer on the development extensions, so its settings are chosen on text it never saw.

``python -m cse_migrate.tools.crossval`` splits the development extensions (``dev_extra_statements.csv`` to
``dev_extra8_statements.csv``) into five folds (the n-th row of each file goes to
fold n mod 5, so every fold has every sector and voice), and for
each fold trains the classifier on the other folds plus ``labeled_statements.csv`` split ``dev``, puts that model
into the run's matcher in place of the shipped one, and scores the fold through the same stages as a real run
(:func:`cse_migrate.tools.evaluate.predict`). The lexicon is the same in every fold. Reported per framework, level
and setting: top-1 accuracy, how often a mapping that is not flagged for review is right, and the share flagged.

Training recipes are compared on the same folds: ``current`` trains on the first extension only,
``with-dev_extra2`` adds the second, and so on to ``with-dev_extra8`` (each with the test fold left out). A recipe
without an extension still scores its rows, so the figures of the smaller recipes on those rows are figures on text
they never saw, and the recipes side by side are a learning curve.
``--by-file`` also reports each extension's rows alone (the first two alone are the folds of the earlier
measurements). No held-out part is read.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import product

from cse_migrate.analysis.classifier import NONE, Classifier, train
from cse_migrate.analysis.compiled import compiled_matcher
from cse_migrate.analysis.mapping import Matcher
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import resolve_frameworks, run_settings
from cse_migrate.rules import RuleSet, load_rules
from cse_migrate.tools.evaluate import Labeled, Prediction, Report, load_labels, predict
from cse_migrate.tools.train import DATA, PARAMETERS, SOURCES, TARGETS, sources_for

FOLDS = 5
# the training script's files, named once there: the part of a file that is always trained on and never scored
# here (labeled_statements.csv, split dev), and the extensions, which are folded (a whole file each, in order)
BASE = next((name, split) for name, split in SOURCES if split)
EXTENSIONS = tuple(name for name, split in SOURCES if not split)
# each recipe adds one extension to the one before; SHIPPED names, per framework, the one its shipped classifier is
# trained on
RECIPES = {"current": EXTENSIONS[:1]} | {f"with-{name.removesuffix('_statements.csv')}": EXTENSIONS[:n]
                                         for n, name in enumerate(EXTENSIONS[1:], start=2)}
# the recipe of the shipped classifiers: the extensions tools/train.py trains them on (calibrate fits for it)
SHIPPED = {fid: next(name for name, files in RECIPES.items() if set(files) == {n for n, split in sources_for(fid)
                                                                                if not split}) for fid in TARGETS}
ALL = "all"  # the scope of figures over every folded row
# (framework, level) measured; the cse-2008 model is trained on sub-criteria and also decides the criteria
MEASURES = (("five-points", 1), ("cse-2008", 1), ("cse-2008", 2))


@dataclasses.dataclass(frozen=True)
class Figures:
    """One cross-validated measurement over every fold."""

    recipe: str
    scope: str  # ALL, or the one extension file whose rows were scored
    framework: str
    level: int
    settings: tuple[tuple[str, float], ...]
    accuracy: float
    unflagged_right: float
    flagged: float
    count: int

    def line(self) -> str:
        chosen = ", ".join(f"{k} {v:g}" for k, v in self.settings)
        scope = self.scope.removesuffix("_statements.csv")
        return (f"{self.recipe:<16}{scope:<11}{self.framework:<12}{self.level:>3}  {chosen:<58}{self.accuracy:>8.3f}"
                f"{self.unflagged_right:>10.3f}{self.flagged:>9.1%}{self.count:>6}")


def folded(framework_id: str, level: int) -> list[tuple[int, Labeled]]:
    """Every statement of the extensions with its fold."""
    return [(n % FOLDS, case) for name in EXTENSIONS
            for n, case in enumerate(load_labels(DATA / name, framework_id, level))]


def base_cases(framework_id: str, level: int) -> list[Labeled]:
    name, split = BASE
    return [c for c in load_labels(DATA / name, framework_id, level) if c.split == split]


def fold_models(rules: RuleSet, framework_id: str, recipe: Sequence[str],
                parameters: dict[str, float] | None = None) -> list[Classifier]:
    """Per fold, the classifier trained on the base statements and the recipe's extension rows outside the fold
    (with the training parameters given, else the shipped models' :data:`~cse_migrate.tools.train.PARAMETERS`)."""
    level = TARGETS[framework_id]
    framework = rules.framework(framework_id)
    labels = [c.id for c in framework.criteria if framework.level(c.id) == level] + [NONE]
    cases = folded(framework_id, level)
    base = base_cases(framework_id, level)
    models = []
    for fold in range(FOLDS):
        training = base + [c for f, c in cases if f != fold and c.source in recipe]
        models.append(train([c.text for c in training], [c.label for c in training], labels, level,
                            **(parameters or PARAMETERS)))  # type: ignore[arg-type]
    return models


def with_settings(rules: RuleSet, framework_id: str, values: dict[str, float]) -> RuleSet:
    """The rules with some settings of one framework replaced (as a rules pack would)."""
    frameworks = dict(rules.frameworks)
    framework = frameworks[framework_id]
    frameworks[framework_id] = dataclasses.replace(framework, settings={**framework.settings, **values})
    return dataclasses.replace(rules, frameworks=frameworks)


@contextmanager
def classifier_in_run(rules: RuleSet, options: RunOptions, model: Classifier) -> Iterator[Matcher]:
    """Put ``model`` in place of the shipped classifier in the matcher that a run with these rules uses (and
    give that matcher)."""
    framework, legacy = resolve_frameworks(rules, options)
    matcher = compiled_matcher(rules, framework, legacy.id, None, run_settings(rules, framework, options))
    shipped, matcher.classifier = matcher.classifier, model
    try:
        yield matcher
    finally:
        matcher.classifier = shipped


def measure(rules: RuleSet, framework_id: str, level: int, models: Sequence[Classifier]) -> list[Prediction]:
    """Score every fold with the model trained without it."""
    options = RunOptions(framework=framework_id)
    cases = folded(framework_id, level)
    predictions: list[Prediction] = []
    for fold, model in enumerate(models):
        with classifier_in_run(rules, options, model):
            predictions += predict([c for f, c in cases if f == fold], rules, options, level)
    return predictions


def scopes(predictions: Sequence[Prediction], by_file: bool) -> Iterator[tuple[str, list[Prediction]]]:
    """Every prediction, then (with ``by_file``) each extension's own."""
    yield ALL, list(predictions)
    if by_file:
        for name in EXTENSIONS:
            yield name, [p for p in predictions if p.case.source == name]


def grid(values: dict[str, list[float]]) -> list[dict[str, float]]:
    keys = sorted(values)
    return [dict(zip(keys, combo, strict=True)) for combo in product(*(values[k] for k in keys))]


def run(recipes: Sequence[str], values: dict[str, list[float]], frameworks: Sequence[str] = tuple(TARGETS),
        by_file: bool = False, parameters: dict[str, float] | None = None) -> Iterator[Figures]:
    """Cross-validated figures for each recipe, framework and level, and combination of settings."""
    rules = load_rules(None)
    for recipe, framework_id in product(recipes, frameworks):
        models = fold_models(rules, framework_id, RECIPES[recipe], parameters)
        for chosen in grid(values):
            variant = with_settings(rules, framework_id, chosen) if chosen else rules
            for fid, level in MEASURES:
                if fid != framework_id:
                    continue
                for scope, shown in scopes(measure(variant, framework_id, level, models), by_file):
                    report = Report(framework_id, "cross-validated", shown, [], level=level)
                    yield Figures(recipe, scope, framework_id, level, tuple(sorted(chosen.items())),
                                  report.accuracy, report.unflagged_accuracy, report.flagged_share, len(shown))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cse_migrate.tools.crossval", description=__doc__.split("\n")[0])
    parser.add_argument("--recipe", action="append", choices=sorted(RECIPES), help="training recipe (repeatable)")
    parser.add_argument("--framework", action="append", choices=sorted(TARGETS), help="framework (repeatable)")
    parser.add_argument("--weight", type=float, action="append", help="classifier_weight values to try")
    parser.add_argument("--below", type=float, action="append", help="review_below values to try")
    parser.add_argument("--margin", type=float, action="append", help="review_margin values to try")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="values of any other framework setting to try (repeatable; a name given twice is a grid)")
    parser.add_argument("--by-file", action="store_true", help="also report each extension's rows alone")
    parser.add_argument("--features", type=int, help=f"features kept (shipped: {PARAMETERS['max_features']:g})")
    parser.add_argument("--steps", type=int, help=f"gradient steps (shipped: {PARAMETERS['steps']:g})")
    parser.add_argument("--rate", type=float, help=f"learning rate (shipped: {PARAMETERS['rate']:g})")
    args = parser.parse_args(argv)
    parameters = PARAMETERS | {name: given for name, given in (("max_features", args.features),
                                                              ("steps", args.steps), ("rate", args.rate)) if given}
    values = {name: given for name, given in (("classifier_weight", args.weight), ("review_below", args.below),
                                              ("review_margin", args.margin)) if given}
    for name, _, value in (s.partition("=") for s in args.set):
        values.setdefault(name, []).append(float(value))
    print(f"{'recipe':<16}{'scored':<11}{'framework':<12}{'lvl':>3}  {'settings (others as bundled)':<58}{'top-1':>8}"
          f"{'unflag ok':>10}{'flagged':>9}{'n':>6}")
    for figures in run(args.recipe or list(RECIPES), values, args.framework or list(TARGETS), args.by_file,
                       parameters):
        print(figures.line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
