"""evidence.xlsx is written by streaming (openpyxl write-only sheets, large sheets' rows formatted straight into
their XML): it must hold exactly what the same workbook built cell by cell in memory holds, value by value and
style by style, including text that is hostile to XML or looks like a formula."""

from __future__ import annotations

import dataclasses
import errno
import gc
import os
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_fixture import make_run_result

from cse_migrate.model import RunResult
from cse_migrate.reports.common import save_workbook
from cse_migrate.reports.xlsx.report import build_evidence_workbook, write_evidence_workbook

HOSTILE = ("=SUM(A1:A2) looks like a formula", "  leading and trailing spaces  ", "line one\r\nline two",
           "ampersand & angle <brackets> and \"quotes\"", "+44 20 7946 0000", "tab\there", "x" * 40_000,
           "")


def hostile_result() -> RunResult:
    result = make_run_result()
    items = list(result.items)
    for index, text in enumerate(HOSTILE):
        r = items[index % len(items)]
        items[index % len(items)] = dataclasses.replace(r, item=dataclasses.replace(r.item, text=text or " "))
    return dataclasses.replace(result, items=tuple(items))


def describe(path: Path) -> list[tuple[object, ...]]:
    """Everything a reader sees: sheets and their settings, then every cell's value, type and style."""
    book = load_workbook(path)
    names = sorted((k, v.attr_text) for k, v in book.defined_names.items())
    out: list[tuple[object, ...]] = [(book.active.title, names)]
    for sheet in book.worksheets:
        out.append((sheet.title, sheet.sheet_state, sheet.sheet_properties.tabColor, sheet.freeze_panes,
                    sheet.auto_filter.ref, sheet.page_setup.orientation, sheet.page_setup.fitToWidth,
                    sheet.print_title_rows, sheet.print_options.gridLines,
                    [(v.type, v.formula1, str(v.sqref), v.prompt) for v in sheet.data_validations.dataValidation],
                    sorted((k, d.width, d.hidden) for k, d in sheet.column_dimensions.items()),
                    sorted((k, d.height) for k, d in sheet.row_dimensions.items() if d.height)))
        for row in sheet.iter_rows():
            out.extend((sheet.title, c.coordinate, c.value, c.data_type, c.font.b, c.fill.fill_type,
                        c.fill.fgColor.rgb, c.alignment.vertical, c.alignment.wrap_text, c.number_format,
                        c.quotePrefix) for c in row)
    return out


def test_the_streamed_workbook_holds_what_the_in_memory_one_does(tmp_path: Path) -> None:
    result = hostile_result()
    streamed, in_memory = tmp_path / "streamed.xlsx", tmp_path / "in-memory.xlsx"
    write_evidence_workbook(result, streamed)
    save_workbook(build_evidence_workbook(result), in_memory, datetime(2008, 6, 30))
    seen, expected = describe(streamed), describe(in_memory)
    assert len(seen) == len(expected)
    assert [pair for pair in zip(seen, expected, strict=True) if pair[0] != pair[1]][:3] == []
    texts = {c[2] for c in seen if len(c) == 11 and isinstance(c[2], str)}
    assert "=SUM(A1:A2) looks like a formula" in texts
    assert "  leading and trailing spaces  " in texts
    assert "line one\r\nline two" in texts or "line one\nline two" in texts
    assert any(isinstance(t, str) and t.startswith("x" * 100) and t.endswith("\u2026") for t in texts)
    # openpyxl keeps spaces when reading either way; Excel and LibreOffice drop them without xml:space
    with zipfile.ZipFile(streamed) as archive:
        review = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert '<t xml:space="preserve">  leading and trailing spaces  </t>' in review
    formula = next(c for c in seen if len(c) == 11 and c[2] == "=SUM(A1:A2) looks like a formula")
    assert formula[3] == "s" and formula[10] is True  # text, with Excel's quote prefix: never a formula


def test_a_failed_save_lets_go_of_the_workbook_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save that fails half-way (a full disk) closes the sheets' writers at once: left to the garbage
    collector, openpyxl's half-run generators print "Exception ignored in ..." on the user's terminal."""
    ignored: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)

    def full_disk(book: object, path: Path, when: datetime) -> None:
        save_workbook(book, path, when)  # type: ignore[arg-type]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("cse_migrate.reports.xlsx.report.save_workbook", full_disk)
    with pytest.raises(Exception, match="No space left"):
        write_evidence_workbook(make_run_result(), tmp_path / "evidence.xlsx")
    monkeypatch.setattr("cse_migrate.reports.xlsx.report.save_workbook", lambda *_args: full_disk_now())
    with pytest.raises(Exception, match="No space left"):
        write_evidence_workbook(make_run_result(), tmp_path / "evidence.xlsx")  # before a single sheet is saved
    gc.collect()
    assert ignored == []
    assert list(tmp_path.iterdir()) == []


def full_disk_now() -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
