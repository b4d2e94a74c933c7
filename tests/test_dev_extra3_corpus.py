"""The third development extension (tests/data/dev_extra3_statements.csv) keeps its shape.

The file is made by tests/data/build_dev_extra3.py and labeled by docs/labeling.md. Like the second extension it
teaches the classifier the voices that still fail on text outside the corpus, in twenty sectors. These tests check
known and consistent labels, that the failing voices are there in numbers (assessment reports, organisations'
summaries, short statements about staff, multi-theme narrative, bullets), that absences, plans and mixtures make up
about a fifth to a quarter, and that no text repeats or nearly repeats (Jaccard >= 0.8 on word sets) a text of the
earlier corpora, so all of them can be trained on and folded together without counting a statement twice.
"""

from __future__ import annotations

import csv
import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from corpus_checks import CSE_SUBCRITERIA, FIVE_POINTS, KINDS, NONE, SECTOR_COLUMNS, near_duplicates, text_key

DATA = Path(__file__).resolve().parent / "data"
EXTRA3 = DATA / "dev_extra3_statements.csv"
EARLIER = (DATA / "labeled_statements.csv", DATA / "dev_extra_statements.csv", DATA / "dev_extra2_statements.csv")

SECTORS = {
    "police", "fire_rescue", "gp_practice", "hospital", "school", "college", "transport", "housing", "library",
    "leisure", "registration", "planning", "revenues_benefits", "courts", "national_agency", "museum", "parks",
    "environmental_health", "coroner", "trading_standards",
}
# The voices that fail on text outside the corpus, with the fewest rows each must have.
VOICES = {"assessor": 120, "summary": 30, "staff_short": 50, "narrative": 120, "bullet": 30}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _read(EXTRA3)


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_dev_extra3", DATA / "build_dev_extra3.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_file_has_its_columns_and_at_least_500_development_rows(rows: list[dict[str, str]]) -> None:
    with EXTRA3.open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == SECTOR_COLUMNS
    assert len(rows) >= 500
    assert {r["split"] for r in rows} == {"dev"}
    assert [r["id"] for r in rows] == [f"G{n:04d}" for n in range(1, len(rows) + 1)]


def test_every_label_is_known_and_consistent(rows: list[dict[str, str]]) -> None:
    for r in rows:
        where = f"{r['id']} {r['text'][:50]!r}"
        assert r["kind"] in KINDS, where
        if r["five_points"] == NONE:
            assert (r["five_points_alt"], r["cse_criterion"], r["cse_subcriterion"]) == ("", NONE, NONE), where
            assert r["kind"] == "support", where
            assert r["style"] in {"noise", "irrelevant"}, where
        else:
            assert r["five_points"] in FIVE_POINTS, where
            assert r["cse_subcriterion"] in CSE_SUBCRITERIA, where
            assert r["cse_criterion"] == r["cse_subcriterion"].split(".")[0], where
            assert r["five_points_alt"] in FIVE_POINTS | {""}, where
            assert r["five_points_alt"] != r["five_points"], where
            assert r["style"] not in {"noise", "irrelevant"}, where


def test_every_kind_label_sector_and_failing_voice_is_present(rows: list[dict[str, str]]) -> None:
    assert {r["kind"] for r in rows} == KINDS
    assert {r["five_points"] for r in rows} == FIVE_POINTS | {NONE}
    assert {r["cse_subcriterion"] for r in rows} == CSE_SUBCRITERIA | {NONE}
    assert {r["sector"] for r in rows} == SECTORS
    styles = Counter(r["style"] for r in rows)
    assert {style: styles[style] for style in VOICES if styles[style] < VOICES[style]} == {}
    gaps = [r for r in rows if r["kind"] != "support"]
    not_evidence = [r for r in rows if r["five_points"] == NONE]
    assert 0.20 <= len(gaps) / len(rows) <= 0.30
    assert 0.08 <= len(not_evidence) / len(rows) <= 0.15


def test_no_text_repeats_or_nearly_repeats_the_file_or_the_earlier_corpora(rows: list[dict[str, str]]) -> None:
    keys = [text_key(r["text"]) for r in rows]
    assert len(set(keys)) == len(keys)
    earlier = [r["text"] for path in EARLIER for r in _read(path)]
    assert near_duplicates([r["text"] for r in rows], earlier, 0.8) == []


def test_the_file_is_what_the_build_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "extra3.csv"
    _builder().write_csv(out)
    assert out.read_bytes() == EXTRA3.read_bytes()


def test_the_build_script_refuses_a_repeated_near_repeated_or_mislabeled_row() -> None:
    builder = _builder()
    first = builder.POLICE[0].text
    with pytest.raises(ValueError, match=r"near-duplicate texts \(Jaccard >= 0\.8\)"):
        list(builder.build_rows({"  " + first.upper()}))
    with pytest.raises(ValueError, match="near-duplicate"):
        list(builder.build_rows({first.replace("strong", "firm")}))
    with pytest.raises(ValueError, match="five_points_alt"):
        builder.check_row("coroner", builder.R("A text", "5", "4.3", "summary", alt="5"))
    with pytest.raises(ValueError, match="non-evidence"):
        builder.check_row("coroner", builder.Row("Signed by the coroner", NONE, NONE, "noise", "plan", "", ""))
    with pytest.raises(ValueError, match=r"cse_subcriterion '6\.1'"):
        builder.check_row("coroner", builder.R("A text", "5", "6.1", "assessor"))
