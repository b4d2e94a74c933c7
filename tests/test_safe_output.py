"""Safe output: spreadsheet cells never hold formulas, control characters go, organisation names cannot
escape the output folder."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from cse_migrate.batch import run_batch
from cse_migrate.options import RunOptions
from cse_migrate.output import FORMULA_TRIGGERS, clean_text, csv_safe, safe_folder_name, write_cell
from cse_migrate.rules import RuleSet

HOSTILE_TEXTS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+44 1234 567890", "-2+3", "@SUM(A1:A2)",
                 "\tindented", "\rreturn", "=cmd|' /C calc'!A0", "plain text"]


def test_every_formula_trigger_is_covered() -> None:
    assert {t[0] for t in HOSTILE_TEXTS[:-1]} == set(FORMULA_TRIGGERS)


def test_write_cell_stores_text_as_text(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    for row, text in enumerate(HOSTILE_TEXTS, start=1):
        write_cell(sheet, row, 1, text)
    write_cell(sheet, len(HOSTILE_TEXTS) + 1, 1, 42)
    write_cell(sheet, len(HOSTILE_TEXTS) + 2, 1, date(2006, 3, 31))
    write_cell(sheet, len(HOSTILE_TEXTS) + 3, 1, "bell\x07 and nul\x00 removed")
    path = tmp_path / "cells.xlsx"
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    back = load_workbook(path).active
    for row, text in enumerate(HOSTILE_TEXTS, start=1):
        cell = back.cell(row=row, column=1)
        assert cell.data_type == "s"
        assert cell.value == text  # exactly as written: no apostrophe, nothing lost
        assert cell.quotePrefix is (text != "plain text")
    assert back.cell(row=len(HOSTILE_TEXTS) + 1, column=1).value == 42
    assert back.cell(row=len(HOSTILE_TEXTS) + 2, column=1).is_date
    assert back.cell(row=len(HOSTILE_TEXTS) + 3, column=1).value == "bell and nul removed"


def test_csv_values_get_the_apostrophe_convention() -> None:
    assert csv_safe("=1+1") == "'=1+1"
    assert csv_safe("-5") == "'-5"
    assert csv_safe("plain") == "plain"
    assert csv_safe(5) == 5


def test_clean_text_strips_control_characters_but_keeps_layout() -> None:
    assert clean_text("a\x00b\x07c\x1bd\te\nf\rg") == "abcd\te\nf\rg"


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc", "_.._etc"), ("..", "organisation"), (".", "organisation"), ("", "organisation"),
    ("/etc/passwd", "_etc_passwd"), ("a\\b", "a_b"), ("CON", "CON_"), ("nul.txt", "nul.txt_"),
    (".hidden", "hidden"), ("Riverside NHS Trust", "Riverside-NHS-Trust"), ("x" * 300, "x" * 100),
    ("St Mary\u2019s \u2013 Caf\u00e9", "St-Mary_s-_-Caf\u00e9"), ("evil\x00\x07", "evil"),
])
def test_safe_folder_name(name: str, expected: str) -> None:
    assert safe_folder_name(name) == expected


def test_folder_names_stay_inside_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for name in ("../../etc", "..", "/abs", "a/../../b", "~root"):
        target = (out / safe_folder_name(name)).resolve()
        assert target.parent == out.resolve()


def test_batch_writes_hostile_organisation_names_inside_outdir(tmp_path: Path, rules: RuleSet) -> None:
    clients = tmp_path / "clients"
    for folder in ("..evil", "=cmd|calc", "CON"):
        (clients / folder).mkdir(parents=True)
        (clients / folder / "log.csv").write_text("Ref,Evidence\n2.1,Customer panel meets quarterly\n",
                                                  encoding="utf-8")
    out = tmp_path / "out"
    outcomes = run_batch(sorted(clients.iterdir()), out, rules,
                         RunOptions(framework="five-points", as_of=date(2008, 6, 30))).organisations
    assert sorted(o.folder for o in outcomes) == ["CON_", "_cmd_calc", "evil"]
    assert sorted(p.name for p in out.iterdir()) == ["CON_", "_cmd_calc", "cse-migrate-manifest.json", "evil",
                                                     "summary.xlsx"]
    summary = load_workbook(out / "summary.xlsx")["Summary"]
    names = [summary.cell(row=r, column=1) for r in range(2, 5)]
    formula_like = next(c for c in names if c.value == "=Cmd|Calc")
    assert formula_like.data_type == "s" and formula_like.quotePrefix is True
