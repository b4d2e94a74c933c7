"""How a report sheet is laid out (column widths, frozen panes, tab colour, print setup), and the XML openpyxl
writes around a streamed sheet's rows for a layout, made once per layout.

openpyxl writes a sheet's frame (properties, views, columns before the rows; filter, validations and print setup
after them) from a dozen objects built and serialised descriptor by descriptor, which took a third of writing the
evidence workbook's fifteen sheets. Most sheets of every organisation's workbook share a few layouts, so
:func:`frame_xml` lets openpyxl write each layout once, around an empty ``sheetData``, on a scratch sheet, and
keeps the bytes. What differs from sheet to sheet, the filter's range and any data validations, is serialised by
openpyxl from the sheet itself (:func:`sheet_extras_xml`); the schema puts both before the print setup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

EMPTY_DATA = b"<sheetData></sheetData>"


@dataclass(frozen=True)
class Layout:
    """Everything about a report sheet but its rows, filter and validations."""

    columns: tuple[tuple[float, bool], ...]  # each column's width in characters and whether it is hidden
    freeze: str  # the top-left cell that is not frozen
    tab_color: str | None = None  # RRGGBB or openpyxl's AARRGGBB


def lay_out(sheet: Worksheet | WriteOnlyWorksheet, layout: Layout) -> None:
    """Set ``layout`` on an empty sheet."""
    for index, (width, hidden) in enumerate(layout.columns, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = width
        if hidden:
            dimension.hidden = True
    sheet.freeze_panes = layout.freeze
    if layout.tab_color is not None:
        sheet.sheet_properties.tabColor = layout.tab_color
    print_setup(sheet)


def print_setup(sheet: Worksheet | WriteOnlyWorksheet) -> None:
    """Print landscape on A4, fitted to the page width (as many pages down as needed), repeating the header row
    on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    print_titles(sheet)
    sheet.print_options.gridLines = True


def print_titles(sheet: Worksheet | WriteOnlyWorksheet) -> None:
    """Repeat the header row on every printed page (a defined name in the workbook part, not in the sheet's)."""
    sheet.print_title_rows = "1:1"


@lru_cache(maxsize=256)
def frame_xml(layout: Layout) -> tuple[bytes, bytes]:
    """The XML openpyxl writes for a write-only sheet laid out so, before and after its ``sheetData`` (the part
    after holds no filter and no validations: see :func:`sheet_extras_xml`)."""
    sheet = Workbook(write_only=True).create_sheet()
    lay_out(sheet, layout)
    sheet._writer = WorksheetWriter(sheet, out=BytesIO())  # what openpyxl makes, writing to memory
    sheet._writer.write_top()
    sheet.close()
    head, found, tail = sheet._writer.out.getvalue().partition(EMPTY_DATA)
    if not found:
        raise RuntimeError("openpyxl wrote a sheet in an unexpected shape")
    return head, tail


def sheet_extras_xml(sheet: WriteOnlyWorksheet) -> bytes:
    """A sheet's filter and data validations as openpyxl writes them, in their place between the rows and the
    print setup."""
    parts = [tostring(sheet.auto_filter.to_tree())] if sheet.auto_filter else []
    if sheet.data_validations:
        parts.append(tostring(sheet.data_validations.to_tree()))
    return b"".join(parts)
