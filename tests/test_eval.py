"""The eval command, the ablation table and the needs-review band."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
from click.testing import CliRunner
from numpy.typing import NDArray

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.cli import cli
from cse_migrate.model import EvidenceItem, Mapping, Source
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import flag_for_review, make_settings, map_evidence
from cse_migrate.rules import RuleSet
from cse_migrate.tools.ablation import VARIANTS, format_ablation, run_ablation
from cse_migrate.tools.evaluate import evaluate

LABELS = Path(__file__).resolve().parent / "data" / "labeled_statements.csv"


def small_labels(tmp_path: Path) -> Path:
    path = tmp_path / "labels.csv"
    path.write_text(
        "id,split,text,cm_ref,five_points,five_points_alt\n"
        "a,dev,Home visits for housebound customers,,1,\n"
        "b,dev,Customer panel consulted on leaflets,2,2,\n"
        "c,heldout,All advisers trained in customer care,,3,\n"
        "d,heldout,Page 3 of 12,,NONE,\n"
        "e,dev,Cabinet adopted the customer strategy,,4,\n"
        "f,dev,Complaints procedure published on the website,,5,\n", encoding="utf-8")
    return path


def test_eval_command_prints_accuracy_confusion_and_calibration(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(small_labels(tmp_path)), "--framework", "five-points"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "top-1 accuracy 1.000" in out
    assert "confusion (rows: primary label, columns: predicted)" in out
    assert "calibration (score band, count, accuracy)" in out
    assert "NONE" in out


def test_eval_command_split_and_ablation(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(small_labels(tmp_path)), "--framework", "five-points", "--split",
                                      "heldout", "--ablation"])
    assert result.exit_code == 0, result.output
    assert "split heldout: 2 statements" in result.stdout
    assert "| without crosswalk prior |" in result.stdout


def test_eval_command_rejects_a_file_without_label_columns(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("words\nhello\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(bad)])
    assert result.exit_code == 1
    assert "bad.csv" in result.stderr and "needs columns" in result.stderr


def test_a_misclassified_statement_counts_against_accuracy(rules: RuleSet, tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("text,five_points,five_points_alt\nHome visits for housebound customers,3,\n"
                    "Home visits for the housebound,3,1\n", encoding="utf-8")
    report = evaluate(path, rules, RunOptions(framework="five-points"))
    assert report.accuracy == 0.5  # the second row's alternative label (1) counts as right
    assert report.confusion()["3"]["1"] == 2


def test_ablation_switches_each_signal_off(rules: RuleSet) -> None:
    rows = run_ablation(LABELS, rules, RunOptions(framework="five-points"), "heldout")
    assert [name for name, _ in rows] == list(VARIANTS)
    accuracy = {name: report.accuracy for name, report in rows}
    # every signal helps on the held-out statements, or at least does no harm
    assert all(value <= accuracy["all signals"] + 1e-9 for value in accuracy.values())
    assert accuracy["lexicon phrases only"] < accuracy["all signals"]
    table = format_ablation(rows)
    assert table.startswith("| signals |") and table.count("\n") == len(VARIANTS) + 1


def test_low_and_close_mappings_are_flagged_for_review(rules: RuleSet) -> None:
    framework = rules.frameworks["five-points"]
    settings = make_settings(framework, date(2008, 6, 30))
    matcher = Matcher(rules, framework)
    texts = ["Home visits, interpreters, large print and hearing loops for housebound and deaf customers",
             "Homework clubs run with local schools"]
    items = [EvidenceItem(id=f"E{n:05d}", text=t, source=Source(file="t", extractor="csv"))
             for n, t in enumerate(texts, 1)]
    clear, _weak = map_evidence(items, matcher, settings)
    assert clear.status == "mapped" and not clear.mappings[0].needs_review
    top, second = Mapping("1", 0.80, ()), Mapping("2", 0.62, ())
    flagged = flag_for_review((top, second), runner_up=0.62, settings=settings)
    assert [m.needs_review for m in flagged] == [False, True]  # second scores below review_below
    close = flag_for_review((Mapping("1", 0.80, ()),), runner_up=0.75, settings=settings)
    assert close[0].needs_review  # the best is only 0.05 ahead of the runner-up


def test_results_json_carries_the_review_flag(tmp_path: Path) -> None:
    samples = Path(__file__).resolve().parent.parent / "samples" / "eastmoor-libraries"
    result = CliRunner().invoke(cli, ["analyse", str(samples), "-o", str(tmp_path / "out"), "--as-of", "2008-06-30"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    flags = [m["needs_review"] for i in data["items"] for m in i["mappings"]]
    assert flags and any(flags) and not all(flags)
    assert data["summary"]["needs_review"] == sum(
        1 for i in data["items"] if i["status"] == "mapped" and any(m["needs_review"] for m in i["mappings"]))
    assert data["settings"]["review_below"] == 0.65


def test_eval_takes_several_files_and_reports_the_review_band(tmp_path: Path) -> None:
    first = small_labels(tmp_path)
    second = tmp_path / "more.csv"
    second.write_text("id,split,text,five_points,five_points_alt\n"
                      "x,fresh,Interpreters and large print for customers who need them,1,\n"
                      "y,fresh,Page 7 of 9,NONE,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(first), str(second), "--framework", "five-points", "--per-file"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "== labels.csv" in out and "== more.csv" in out and "== all files together" in out
    assert "split all: 8 statements" in out
    assert "accuracy by labels file" in out and "not flagged" in out
    fresh = CliRunner().invoke(cli, ["eval", str(first), str(second), "--framework", "five-points",
                                     "--split", "fresh"])
    assert fresh.exit_code == 0, fresh.output
    assert "split fresh: 2 statements" in fresh.stdout


def test_review_measures_count_mappings_only(rules: RuleSet, tmp_path: Path) -> None:
    report = evaluate(small_labels(tmp_path), rules, RunOptions(framework="five-points"))
    flagged, _flagged_right, clear, clear_right = report.review()
    mapped = [p for p in report.predictions if p.predicted != "NONE"]
    assert flagged + clear == len(mapped) == 5
    assert report.flagged_share == flagged / 5
    assert clear_right == report.unflagged_accuracy


def test_eval_folds_duplicates_as_a_run_does(rules: RuleSet, tmp_path: Path) -> None:
    path = tmp_path / "dups.csv"
    text = "Customer panel of residents consulted on the new leaflets before printing"
    # on its own the copy would score higher than the first (its legacy reference 4.1 adds crosswalk points)
    path.write_text(f"text,cm_ref,five_points\n{text},,2\n{text}.,4.1,2\nPage 3 of 12,,NONE\n", encoding="utf-8")
    report = evaluate(path, rules, RunOptions(framework="five-points"))
    first, copy, noise = report.predictions
    assert copy.predicted == first.predicted == "2" and copy.score == first.score  # folded: the kept item's
    assert noise.predicted == "NONE"


def test_ablation_keeps_the_semantic_matcher(rules: RuleSet) -> None:
    calls: list[int] = []

    def encoder(texts: list[str]) -> NDArray[np.float32]:
        calls.append(len(texts))
        return np.ones((len(texts), 3), dtype=np.float32)

    rows = run_ablation(LABELS, rules, RunOptions(framework="five-points", semantic=True), "dev", encoder=encoder)
    assert len(rows) == len(VARIANTS)
    assert calls, "the encoder was never used: --ablation dropped --semantic"
    used = len(calls)
    run_ablation(LABELS, rules, RunOptions(framework="five-points"), "dev", encoder=encoder)
    assert len(calls) == used  # without --semantic the encoder is not used


def test_eval_refuses_a_legacy_framework(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(small_labels(tmp_path)), "--framework", "charter-mark-2003"])
    assert result.exit_code == 2 and "is a legacy framework" in result.stderr
