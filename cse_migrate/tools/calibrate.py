"""Fit the estimate of a mapping's chance of being right (:mod:`cse_migrate.analysis.confidence`) into models/.

``python -m cse_migrate.tools.calibrate [--framework F] [--dry-run]`` scores the development extensions fold by
fold, as :mod:`.crossval` does (each fold by a classifier trained without it, with the bundled lexicon), and keeps
every item's best mapping with its features and whether its criterion was right. How well the estimate matches
what happened is measured on chances that are themselves out of fold (the logistic model of each fold fitted on the
other folds' mappings): per band of estimated chance, the share that was right. The weights written are then fitted
on every mapping. It also prints what a flag decided by the estimate would do beside the threshold rules: the
lowest cutoff at which the not-flagged mappings were right at least 0.96 of the time (issue 9's safety net), and
the share it flags. No held-out part is read; the result is deterministic.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from cse_migrate.analysis.classifier import MODELS
from cse_migrate.analysis.confidence import Calibrator, fit
from cse_migrate.model import EvidenceItem, Source
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import flag_for_review, resolve_frameworks, run_settings
from cse_migrate.rules import RuleSet, load_rules
from cse_migrate.tools.crossval import FOLDS, RECIPES, SHIPPED, classifier_in_run, fold_models, folded
from cse_migrate.tools.train import TARGETS

SAFETY_NET = 0.96  # issue 9: mappings not flagged are right at least this often


@dataclass(frozen=True)
class Outcome:
    """One best mapping of a development statement, scored out of fold, and whether it was right."""

    fold: int
    features: tuple[float, ...]
    right: bool  # its criterion (level 1) is the statement's label or alternative
    threshold_flag: bool  # what the threshold rules alone say


def score_out_of_fold(rules: RuleSet, framework_id: str) -> list[Outcome]:
    """Every extension statement that maps, scored by the classifier of the folds without it."""
    options = RunOptions(framework=framework_id)
    framework, _legacy = resolve_frameworks(rules, options)
    settings = run_settings(rules, framework, options)
    recipe = RECIPES[SHIPPED[framework_id]]
    # only the extensions the shipped classifiers are trained on: their estimate is fitted for those
    cases = [(fold, case) for fold, case in folded(framework_id, 1) if case.source in recipe]
    out: list[Outcome] = []
    for fold, model in enumerate(fold_models(rules, framework_id, recipe)):
        mine = [c for f, c in cases if f == fold]
        items = [EvidenceItem(id=f"E{n:05d}", text=c.text, source=Source(file="labels", extractor="csv"))
                 for n, c in enumerate(mine)]
        with classifier_in_run(rules, options, model) as matcher:
            for case, scored in zip(mine, matcher.iter_scores(items), strict=True):
                if scored.not_evidence:
                    continue  # left unmapped in a run: no mapping to estimate
                mappings = matcher.decide(scored, settings.map_threshold, settings.secondary_ratio)
                runner_up = matcher.runner_up(scored)
                features = matcher.best_features(mappings, scored, runner_up)
                if features is None:
                    continue
                right = framework.at_level(mappings[0].criterion, 1) in {case.label, case.alt} - {""}
                flagged = flag_for_review(mappings, runner_up, settings, scored.classifier_top)[0].needs_review
                out.append(Outcome(fold, features, right, flagged))
    return out


def out_of_fold_chances(rows: Sequence[Outcome]) -> list[float]:
    """Each mapping's chance from a logistic model fitted on the other folds' mappings."""
    chances = [0.0] * len(rows)
    for fold in range(FOLDS):
        weights, bias = fit([r.features for r in rows if r.fold != fold], [r.right for r in rows if r.fold != fold])
        model = Calibrator(weights, bias)
        for n, r in enumerate(rows):
            if r.fold == fold:
                chances[n] = model.chance(r.features)
    return chances


def share_and_precision(flags: Sequence[bool], rows: Sequence[Outcome]) -> tuple[float, float]:
    """The share of mappings flagged, and how often the others were right."""
    kept = [r.right for r, flag in zip(rows, flags, strict=True) if not flag]
    return sum(flags) / len(rows), (sum(kept) / len(kept) if kept else 0.0)


def lowest_cutoff(chances: Sequence[float], right: Sequence[bool], target: float = SAFETY_NET) -> float:
    """The lowest chance to flag below such that the mappings not flagged are right at least ``target`` of the
    time (the fewest flags that keep the safety net), or the highest chance seen when none reaches it."""
    order = sorted(zip(chances, right, strict=True), reverse=True)
    kept_right = 0
    best = order[0][0] if order else 0.0
    for n, (chance, ok) in enumerate(order, start=1):
        kept_right += ok
        # keeping the n most likely mappings (all at or above ``chance``) meets the target
        if kept_right / n >= target and (n == len(order) or order[n][0] < chance):
            best = chance
    return best


def reliability(chances: Sequence[float], rows: Sequence[Outcome]) -> str:
    """Per band of estimated chance, how many mappings fell in it and the share that was right."""
    bands = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))
    parts = []
    for low, high in bands:
        inside = [r.right for c, r in zip(chances, rows, strict=True) if low <= c < high]
        if inside:
            parts.append(f"{low:.0%}-{min(high, 1.0):.0%}: {sum(inside) / len(inside):.0%} of {len(inside)} right")
    return "; ".join(parts)


def calibrate(rules: RuleSet, framework_id: str) -> tuple[Calibrator, str]:
    """The estimate for one framework, and a line on what a flag decided by it would do."""
    rows = score_out_of_fold(rules, framework_id)
    chances = out_of_fold_chances(rows)
    cutoff = lowest_cutoff(chances, [r.right for r in rows])
    share, precision = share_and_precision([c < cutoff for c in chances], rows)
    old_share, old_precision = share_and_precision([r.threshold_flag for r in rows], rows)
    measured = (f"cross-validated over {len(rows)} best mappings of the development extensions, by estimated "
                f"chance: {reliability(chances, rows)}")
    flag = (f"a flag below {cutoff:.3f}: {share:.1%} flagged, the others right {precision:.3f} (threshold rules: "
            f"{old_share:.1%} flagged, {old_precision:.3f})")
    weights, bias = fit([r.features for r in rows], [r.right for r in rows])
    files = ", ".join(name.removesuffix("_statements.csv") for name in RECIPES[SHIPPED[framework_id]])
    trained_on = (f"out-of-fold best mappings of {files} ({len(rows)}; {FOLDS} folds, the classifier of each fold "
                  "trained without it)")
    return Calibrator(weights, bias, trained_on, measured), f"{measured}\n  {flag}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cse_migrate.tools.calibrate", description=__doc__.split("\n")[0])
    parser.add_argument("--framework", action="append", choices=sorted(TARGETS), help="framework (repeatable)")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args(argv)
    rules = load_rules(None)
    for framework_id in args.framework or list(TARGETS):
        calibrator, measured = calibrate(rules, framework_id)
        print(f"{framework_id}: {measured}", flush=True)
        if not args.dry_run:
            calibrator.save(MODELS / f"review-{framework_id}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
