"""The second development extension (tests/data/dev_extra2_statements.csv) keeps its shape.

The file is made by tests/data/build_dev_extra2.py and labeled by docs/labeling.md. It exists to teach the
classifier the voices that fail on text outside the corpus, so besides known and consistent labels these tests
check that those voices are there in numbers (assessment reports, organisations' summaries, short statements about
staff, long narrative), that absences and plans make up about a quarter, and that no text repeats the first corpus
or the first extension, so all three can be trained on together without counting a statement twice.
"""

from __future__ import annotations

import csv
import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from corpus_checks import CSE_SUBCRITERIA, FIVE_POINTS, KINDS, NONE, SECTOR_COLUMNS, text_key

DATA = Path(__file__).resolve().parent / "data"
EXTRA2 = DATA / "dev_extra2_statements.csv"
EARLIER = (DATA / "labeled_statements.csv", DATA / "dev_extra_statements.csv")

SECTORS = {
    "police", "fire_rescue", "gp_practice", "hospital", "school", "college", "transport", "housing", "library",
    "leisure", "registration", "planning", "revenues_benefits", "national_agency", "courts",
}
# The voices that fail on text outside the corpus, with the fewest rows each must have.
VOICES = {"assessor": 60, "summary": 30, "staff_short": 30, "narrative": 120, "bullet": 30}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _read(EXTRA2)


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_dev_extra2", DATA / "build_dev_extra2.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_file_has_its_columns_and_at_least_400_development_rows(rows: list[dict[str, str]]) -> None:
    with EXTRA2.open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == SECTOR_COLUMNS
    assert len(rows) >= 400
    assert {r["split"] for r in rows} == {"dev"}
    assert [r["id"] for r in rows] == [f"E{n:04d}" for n in range(1, len(rows) + 1)]


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


def test_no_text_repeats_within_the_file_or_from_the_earlier_corpora(rows: list[dict[str, str]]) -> None:
    keys = [text_key(r["text"]) for r in rows]
    assert len(set(keys)) == len(keys)
    for path in EARLIER:
        assert not set(keys) & {text_key(r["text"]) for r in _read(path)}, path.name


def test_the_file_is_what_the_build_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "extra2.csv"
    _builder().write_csv(out)
    assert out.read_bytes() == EXTRA2.read_bytes()


def test_the_build_script_refuses_a_repeated_or_mislabeled_row() -> None:
    builder = _builder()
    earlier_text = _read(EARLIER[1])[0]["text"]
    with pytest.raises(ValueError, match=r"already in labeled_statements\.csv or dev_extra_statements\.csv"):
        list(builder.build_rows({text_key(earlier_text), text_key("  " + builder.POLICE[0].text.upper())}))
    with pytest.raises(ValueError, match="five_points_alt"):
        builder.check_row("courts", builder.R("A text", "5", "4.3", "summary", alt="5"))
    with pytest.raises(ValueError, match="non-evidence"):
        builder.check_row("courts", builder.Row("Signed by the clerk", NONE, NONE, "noise", "plan", "", ""))
    with pytest.raises(ValueError, match="style 'memo' unknown"):
        builder.check_row("courts", builder.R("A text", "5", "4.3", "memo"))
    with pytest.raises(ValueError, match=r"cse_subcriterion '6\.1'"):
        builder.check_row("courts", builder.R("A text", "5", "6.1", "assessor"))
