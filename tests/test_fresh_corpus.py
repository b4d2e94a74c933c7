"""Shape of the fresh held-out statement set (tests/data/fresh_statements.csv, described in FRESH.md).

The set is frozen and was labeled before anyone scored the matcher on it. This module checks only that the file is
well formed and as big and varied as FRESH.md says; it never runs the matcher, so it measures no accuracy.
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest
from corpus_checks import CSE_SUBCRITERIA, FIVE_POINTS, KINDS, NON_EVIDENCE_STYLES, SECTOR_COLUMNS

DATA = Path(__file__).resolve().parent / "data"
FRESH = DATA / "fresh_statements.csv"
BUILDER = DATA / "build_fresh.py"

SECTORS = {
    "police",
    "fire_rescue",
    "gp_practice",
    "hospital",
    "school",
    "college",
    "transport",
    "housing",
    "library",
    "leisure",
    "registration",
    "planning",
    "revenues_benefits",
    "other",
}
STYLES = {"terse", "narrative", "bullet", "assessor", "summary", "noise", "irrelevant"}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with FRESH.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == list(SECTOR_COLUMNS)
        return list(reader)


def test_fresh_set_is_big_and_all_fresh(rows: list[dict[str, str]]) -> None:
    assert len(rows) >= 400
    assert {row["split"] for row in rows} == {"fresh"}
    assert [row["id"] for row in rows] == [f"F{n:04d}" for n in range(1, len(rows) + 1)]


def test_every_sector_style_and_kind_is_present(rows: list[dict[str, str]]) -> None:
    assert {row["sector"] for row in rows} == SECTORS
    assert {row["kind"] for row in rows} == KINDS
    assert {row["style"] for row in rows} == STYLES


def test_labels_are_valid_and_consistent(rows: list[dict[str, str]]) -> None:
    for row in rows:
        where = f"{row['id']} {row['text'][:50]!r}"
        if row["style"] in NON_EVIDENCE_STYLES:
            assert (row["five_points"], row["five_points_alt"], row["cse_criterion"], row["cse_subcriterion"]) == (
                "NONE",
                "",
                "NONE",
                "NONE",
            ), where
            assert row["kind"] == "support", where
            continue
        assert row["five_points"] in FIVE_POINTS, where
        assert row["cse_subcriterion"] in CSE_SUBCRITERIA, where
        assert row["cse_criterion"] == row["cse_subcriterion"].split(".")[0], where
        if row["five_points_alt"]:
            assert row["five_points_alt"] in FIVE_POINTS - {row["five_points"]}, where


def test_every_label_is_used(rows: list[dict[str, str]]) -> None:
    assert {row["five_points"] for row in rows} == FIVE_POINTS | {"NONE"}
    assert {row["cse_subcriterion"] for row in rows} == CSE_SUBCRITERIA | {"NONE"}


def test_texts_are_unique_ignoring_case_and_spacing(rows: list[dict[str, str]]) -> None:
    keys = [" ".join(row["text"].casefold().split()) for row in rows]
    assert all(keys)
    assert len(set(keys)) == len(keys)


def test_csv_is_what_the_builder_writes(tmp_path: Path) -> None:
    # The CSV is generated: a hand edit to it (instead of to build_fresh.py) would be lost on the next build.
    spec = importlib.util.spec_from_file_location("build_fresh", BUILDER)
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    rebuilt = tmp_path / "fresh.csv"
    builder.write_csv(rebuilt)
    assert rebuilt.read_bytes() == FRESH.read_bytes()
