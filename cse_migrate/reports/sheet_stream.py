"""Rows of a large write-only sheet written as XML text, a few times faster than openpyxl's cells.

openpyxl's write-only mode keeps memory flat, but it still makes, binds and serialises a ``Cell`` for each of
the several million cells of a 200,000-item evidence workbook, which took most of a run's time. Here each row
is formatted straight into the sheet's XML, exactly as openpyxl would write it (inline strings, numbers, dates
as serial numbers, the cell's style index from the workbook's own style table), into memory (a temporary file
once a sheet passes 16 MB). When the workbook is saved, :func:`finish_streamed_sheets` lets openpyxl write the
sheet around an empty ``sheetData`` (views, columns, filter, validation, print setup: everything set on the
sheet) and splices the rows in. The style of each kind of cell is made once on a template cell, so fonts,
fills, alignment and number formats come from openpyxl as before.

openpyxl itself writes each write-only sheet to a named temporary file, copied into the zip and removed;
creating and removing some thirty files per workbook took a third of writing it. :func:`open_in_memory` gives a
sheet the same writer writing to memory, and :class:`SheetsWriter` (openpyxl's workbook writer) takes such a
sheet's XML from there.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from io import BytesIO
from typing import IO
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.compat import safe_string
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from cse_migrate.reports.zips import StampedZip

_CHUNK = 1 << 20
_EMPTY_DATA = b"<sheetData></sheetData>"
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_IN_MEMORY = 16 << 20  # a sheet's rows are held in memory up to this size, then in a temporary file
_STREAMS: WeakKeyDictionary[WriteOnlyWorksheet, IO[bytes]] = WeakKeyDictionary()
_PARTS: WeakKeyDictionary[WriteOnlyWorksheet, IO[bytes]] = WeakKeyDictionary()  # a streamed sheet's whole XML


class RowWriter:
    """Writes the rows of one write-only sheet as XML, each cell with the style index the caller gives (the
    ``style_id`` of a :func:`template_cell` styled once per kind of cell)."""

    def __init__(self, sheet: WriteOnlyWorksheet, width: int) -> None:
        self.sheet = sheet
        self.letters = [get_column_letter(index) for index in range(1, width + 1)]
        self.epoch = sheet.parent.epoch
        # open until the workbook is saved, then spliced in
        self.out: IO[bytes] = tempfile.SpooledTemporaryFile(_IN_MEMORY)  # noqa: SIM115
        self.buffer: list[str] = []
        _STREAMS[sheet] = self.out

    def row(self, number: int, values: Sequence[object], styles: Sequence[int], height: float) -> None:
        """One ``<row>`` with a cell per value (an empty value keeps its styled, empty cell)."""
        parts = [f'<row r="{number}" ht="{safe_string(height)}" customHeight="1">']
        for letter, value, style in zip(self.letters, values, styles, strict=False):
            parts.append(self.cell(f"{letter}{number}", value, style))
        parts.append("</row>")
        self.buffer.append("".join(parts))
        if len(self.buffer) >= 1000:
            self.flush()

    def cell(self, ref: str, value: object, style: int) -> str:
        """One ``<c>`` element, as openpyxl writes it for the same value and style."""
        if isinstance(value, str):
            if not value:
                return f'<c r="{ref}" s="{style}" t="inlineStr"></c>'
            space = ' xml:space="preserve"' if value != value.strip() else ""
            return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{value.translate(_ESCAPES)}</t></is></c>'
        if value is None:
            return f'<c r="{ref}" s="{style}" t="n"></c>'
        if isinstance(value, bool):
            return f'<c r="{ref}" s="{style}" t="b"><v>{safe_string(value)}</v></c>'
        if isinstance(value, int | float):
            return f'<c r="{ref}" s="{style}" t="n"><v>{safe_string(value)}</v></c>'
        if isinstance(value, date | datetime):
            return f'<c r="{ref}" s="{style}" t="n"><v>{safe_string(to_excel(value, self.epoch))}</v></c>'
        raise TypeError(f"cannot write a {type(value).__name__} to a spreadsheet cell")

    def flush(self) -> None:
        self.out.write("".join(self.buffer).encode("utf-8"))
        self.buffer.clear()


def template_cell(sheet: WriteOnlyWorksheet) -> Cell:
    """An unplaced cell whose style a caller sets, to learn the style's index."""
    return WriteOnlyCell(sheet)


def open_in_memory(sheet: WriteOnlyWorksheet) -> None:
    """Give a write-only sheet the writer openpyxl makes when its first row comes or it is closed, writing to
    memory rather than to a named temporary file. Call it when openpyxl would make it: once everything about the
    sheet is set (openpyxl writes the sheet's properties, views and columns as it makes it)."""
    if sheet._writer is None:
        sheet._writer = WorksheetWriter(sheet, out=BytesIO())
        sheet._writer.write_top()


def finish_streamed_sheets(workbook: Workbook) -> None:
    """Close each streamed sheet (openpyxl writes it with no rows) and splice its rows into ``sheetData``."""
    for sheet in workbook.worksheets:
        rows = _STREAMS.pop(sheet, None) if isinstance(sheet, WriteOnlyWorksheet) else None
        if rows is None:
            continue
        open_in_memory(sheet)
        sheet.close()
        head, found, tail = sheet._writer.out.getvalue().partition(_EMPTY_DATA)
        if not found:
            raise RuntimeError(f"openpyxl wrote sheet '{sheet.title}' in an unexpected shape")
        part: IO[bytes] = tempfile.SpooledTemporaryFile(_IN_MEMORY)  # noqa: SIM115 - closed once in the zip
        part.write(head + b"<sheetData>")
        rows.seek(0)
        shutil.copyfileobj(rows, part, _CHUNK)
        part.write(b"</sheetData>" + tail)
        rows.close()
        _PARTS[sheet] = part


class SheetsWriter(ExcelWriter):  # type: ignore[misc]  # openpyxl is untyped
    """openpyxl's workbook writer, into a :class:`~cse_migrate.reports.zips.StampedZip`, taking a write-only
    sheet written in memory (:func:`open_in_memory`, :func:`finish_streamed_sheets`) from there: the steps of
    ``ExcelWriter.write_worksheet`` but the copy from a temporary file."""

    def __init__(self, workbook: Workbook, archive: StampedZip) -> None:
        super().__init__(workbook, archive)
        self.stamped = archive

    def write_worksheet(self, ws: object) -> None:
        writer = getattr(ws, "_writer", None)
        if not isinstance(ws, WriteOnlyWorksheet) or writer is None or not isinstance(writer.out, BytesIO):
            super().write_worksheet(ws)
            return
        if not ws.closed:
            ws.close()
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        ws._rels = writer._rels
        part = _PARTS.pop(ws, None) or writer.out
        with part:
            self.stamped.write_stream(part, ws.path[1:])
        self.manifest.append(ws)
