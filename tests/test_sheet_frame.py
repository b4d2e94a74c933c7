"""A streamed sheet's frame (the XML around its rows) is made once per layout by openpyxl on a scratch sheet: it
must be, byte for byte, what openpyxl writes for the sheet itself laid out the same way, with its filter and data
validations. This also checks the openpyxl internals the frame relies on (WorksheetWriter writing to memory,
``_writer``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from cse_migrate.reports.sheet_frame import EMPTY_DATA, Layout, frame_xml, lay_out, sheet_extras_xml
from cse_migrate.reports.sheet_stream import text_cell

LAYOUTS = (Layout(((9.0, False), (60.0, False)), "B2"),
           Layout(((8.0, False), (30.0, False), (12.5, True), (40.0, True)), "C2", "00FFEB9C"),
           Layout(((40.0, False),), "A2", "C6EFCE"),
           Layout((), "A2"))


def add_extras(sheet: WriteOnlyWorksheet, filter_ref: str | None, validation: bool) -> None:
    """What differs between sheets of one layout: the filter's range and data validations."""
    if filter_ref:
        sheet.auto_filter.ref = filter_ref
    if validation:
        check = DataValidation(type="list", formula1="'Lists'!$A$2:$A$5", allow_blank=True, prompt="Pick <one> & go")
        check.add("B2:B9")
        sheet.data_validations.append(check)


def openpyxl_sheet_xml(layout: Layout, filter_ref: str | None, validation: bool) -> bytes:
    """The whole sheet, no rows, as openpyxl writes it for a write-only sheet."""
    sheet = Workbook(write_only=True).create_sheet()
    lay_out(sheet, layout)
    add_extras(sheet, filter_ref, validation)
    sheet.close()
    return sheet._writer.read()


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("filter_ref", "validation"), [("A1:B9", False), ("A1:D2", True), (None, False)])
def test_the_frame_is_what_openpyxl_writes_for_the_sheet(layout: Layout, filter_ref: str | None,
                                                         validation: bool) -> None:
    expected = openpyxl_sheet_xml(layout, filter_ref, validation)
    sheet = Workbook(write_only=True).create_sheet()
    add_extras(sheet, filter_ref, validation)
    head, tail = frame_xml(layout)
    assert head + EMPTY_DATA + sheet_extras_xml(sheet) + tail == expected


def test_a_layout_is_written_once() -> None:
    layout = Layout(((11.0, False), (13.0, True)), "B2", "00A9D08E")
    first = frame_xml(layout)
    hits = frame_xml.cache_info().hits
    assert frame_xml(Layout(((11.0, False), (13.0, True)), "B2", "00A9D08E")) is first
    assert frame_xml.cache_info().hits == hits + 1
    assert frame_xml(Layout(((11.0, False), (13.0, True)), "B2", "00FFC7CE")) != first  # another tab colour


def test_text_cells_are_escaped_as_openpyxl_escapes_them() -> None:
    assert text_cell("A1", "a & b <c> d\r\n", 3) == ('<c r="A1" s="3" t="inlineStr"><is><t xml:space="preserve">'
                                                     'a &amp; b &lt;c&gt; d&#13;\n</t></is></c>')
    assert text_cell("B2", "plain", 0) == '<c r="B2" s="0" t="inlineStr"><is><t>plain</t></is></c>'
    assert text_cell("C3", "", 1) == '<c r="C3" s="1" t="inlineStr"></c>'


@pytest.mark.parametrize("what", ["column widths", "frozen panes", "conditional formats"])
def test_a_streamed_sheet_refuses_what_its_frame_would_leave_out(tmp_path: Path, what: str) -> None:
    from datetime import datetime

    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    from cse_migrate.reports.common import SheetColumn, save_workbook, write_sheet

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Evidence")
    write_sheet(sheet, [SheetColumn("Text", 40)], [["a row"]])
    if what == "column widths":
        sheet.column_dimensions["A"].width = 12
    elif what == "frozen panes":
        sheet.freeze_panes = "A2"
    else:
        sheet.conditional_formatting.add("A2:A9", CellIsRule(operator="equal", formula=['"x"'],
                                                               fill=PatternFill(bgColor="FFC7CE")))
    with pytest.raises(RuntimeError, match=f"streamed, and its frame would leave out its {what}"):
        save_workbook(workbook, tmp_path / "out.xlsx", datetime(2008, 6, 30))
