"""The development extension of the labeled corpus (tests/data/dev_extra_statements.csv) keeps its shape.

The file is made by tests/data/build_dev_extra.py and labeled by docs/labeling.md. These tests check what the
spec and the file's description promise: enough rows, known labels, every kind of statement, new sectors, and
no text repeated from the first corpus, so the two can be used together without counting a statement twice.
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

DATA = Path(__file__).resolve().parent / "data"
EXTRA = DATA / "dev_extra_statements.csv"
FIRST = DATA / "labeled_statements.csv"

COLUMNS = [
    "id", "split", "text", "cm_ref", "five_points", "five_points_alt", "cse_criterion", "cse_subcriterion",
    "style", "sector", "kind",
]
FIVE_POINTS = {"1", "2", "3", "4", "5"}
SUBCRITERIA = {
    "1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3",
}
KINDS = {"support", "absence", "plan", "mixed"}
SECTORS = {
    "police", "fire_rescue", "gp_practice", "hospital", "school", "college", "transport", "housing", "library",
    "leisure", "registration", "planning", "revenues_benefits",
}


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _read(EXTRA)


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_dev_extra", DATA / "build_dev_extra.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_file_has_its_columns_and_enough_development_rows(rows: list[dict[str, str]]) -> None:
    with EXTRA.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == COLUMNS
    assert len(rows) >= 300
    assert {r["split"] for r in rows} == {"dev"}
    assert [r["id"] for r in rows] == [f"D{n:04d}" for n in range(1, len(rows) + 1)]


def test_every_label_is_known_and_consistent(rows: list[dict[str, str]]) -> None:
    for r in rows:
        where = f"{r['id']} {r['text'][:50]!r}"
        assert r["kind"] in KINDS, where
        if r["five_points"] == "NONE":
            assert (r["five_points_alt"], r["cse_criterion"], r["cse_subcriterion"]) == ("", "NONE", "NONE"), where
            assert r["kind"] == "support", where
            assert r["style"] in {"noise", "irrelevant"}, where
        else:
            assert r["five_points"] in FIVE_POINTS, where
            assert r["cse_subcriterion"] in SUBCRITERIA, where
            assert r["cse_criterion"] == r["cse_subcriterion"].split(".")[0], where
            assert r["five_points_alt"] in FIVE_POINTS | {""}, where
            assert r["five_points_alt"] != r["five_points"], where
            assert r["style"] not in {"noise", "irrelevant"}, where


def test_every_kind_label_and_sector_is_present(rows: list[dict[str, str]]) -> None:
    assert {r["kind"] for r in rows} == KINDS
    assert {r["five_points"] for r in rows} == FIVE_POINTS | {"NONE"}
    assert {r["cse_subcriterion"] for r in rows} == SUBCRITERIA | {"NONE"}
    assert {r["sector"] for r in rows} == SECTORS
    gaps = [r for r in rows if r["kind"] != "support"]
    not_evidence = [r for r in rows if r["five_points"] == "NONE"]
    # the brief for this extension: about a quarter gaps and plans, about an eighth not evidence
    assert 0.20 <= len(gaps) / len(rows) <= 0.30
    assert 0.10 <= len(not_evidence) / len(rows) <= 0.15


def test_no_text_repeats_within_the_file_or_from_the_first_corpus(rows: list[dict[str, str]]) -> None:
    keys = [_key(r["text"]) for r in rows]
    assert len(set(keys)) == len(keys)
    first = {_key(r["text"]) for r in _read(FIRST)}
    assert not set(keys) & first


def test_the_file_is_what_the_build_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "extra.csv"
    _builder().write_csv(out)
    assert out.read_bytes() == EXTRA.read_bytes()


def test_the_build_script_refuses_a_repeated_or_mislabeled_row(tmp_path: Path) -> None:
    builder = _builder()
    first_text = _read(FIRST)[0]["text"]
    with pytest.raises(ValueError, match="already in labeled_statements"):
        list(builder.build_rows({_key(first_text)} | {_key("  " + builder.POLICE[0].text.upper())}))
    with pytest.raises(ValueError, match="five_points_alt"):
        builder.check_row("police", builder.R("A text", "2", "1.2", "narrative", alt="2"))
    with pytest.raises(ValueError, match="non-evidence"):
        builder.check_row("police", builder.Row("Prepared by the clerk", "NONE", "NONE", "noise", "absence", "", ""))
    with pytest.raises(ValueError, match="kind"):
        builder.check_row("police", builder.R("A text", "2", "1.2", "narrative", "maybe"))
