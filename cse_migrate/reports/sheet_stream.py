"""Rows of a large write-only sheet written as XML text, a few times faster than openpyxl's cells.

openpyxl's write-only mode keeps memory flat, but it still makes, binds and serialises a ``Cell`` for each of
the several million cells of a 200,000-item evidence workbook, which took most of a run's time. Here each row
is formatted straight into the sheet's XML, exactly as openpyxl would write it (inline strings, numbers, dates
as serial numbers, the cell's style index from the workbook's own style table), into memory (a temporary file
once a sheet passes 16 MB). When the workbook is saved, :func:`finish_streamed_sheets` puts the rows in the
sheet's frame: the XML openpyxl writes around an empty ``sheetData`` for the sheet's layout (views, columns,
print setup; :mod:`cse_migrate.reports.sheet_frame`), with the sheet's own filter and validations. The style
of each kind of cell is made once on a template cell, so fonts, fills, alignment and number formats come from
openpyxl as before.

openpyxl itself writes each write-only sheet to a named temporary file, copied into the zip and removed;
creating and removing some thirty files per workbook took a third of writing it. :func:`open_in_memory` gives a
sheet not streamed (the Lists sheet) the same writer writing to memory, and :class:`SheetsWriter` (openpyxl's
workbook writer) takes a streamed sheet's XML, or such a sheet's, from memory.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from contextlib import suppress
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
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from cse_migrate.reports.sheet_frame import Layout, frame_xml, sheet_extras_xml
from cse_migrate.reports.zips import StampedZip

_CHUNK = 1 << 20
_IN_MEMORY = 16 << 20  # a sheet's rows are held in memory up to this size, then in a temporary file
# a streamed sheet's rows so far and its layout
_STREAMS: WeakKeyDictionary[WriteOnlyWorksheet, tuple[IO[bytes], Layout]] = WeakKeyDictionary()
_PARTS: WeakKeyDictionary[WriteOnlyWorksheet, IO[bytes]] = WeakKeyDictionary()  # a streamed sheet's whole XML


class RowWriter:
    """Writes the rows of one write-only sheet as XML, each cell with the style index the caller gives (the
    ``style_id`` of a :func:`template_cell` styled once per kind of cell)."""

    def __init__(self, sheet: WriteOnlyWorksheet, layout: Layout) -> None:
        self.sheet = sheet
        self.letters = [get_column_letter(index) for index in range(1, len(layout.columns) + 1)]
        self.epoch = sheet.parent.epoch
        # open until the workbook is saved, then spliced in
        self.out: IO[bytes] = tempfile.SpooledTemporaryFile(_IN_MEMORY)  # noqa: SIM115
        self.buffer: list[str] = []
        _STREAMS[sheet] = (self.out, layout)

    def row(self, number: int, values: Sequence[object], styles: Sequence[int], height: float) -> None:
        """One ``<row>`` with a cell per value (an empty value keeps its styled, empty cell)."""
        self.add(number, [self.cell(f"{letter}{number}", value, style)
                          for letter, value, style in zip(self.letters, values, styles, strict=False)], height)

    def add(self, number: int, cells: Sequence[str], height: float) -> None:
        """One ``<row>`` of cells already written (:meth:`cell`, :func:`text_cell`)."""
        self.buffer.append(f'<row r="{number}" ht="{safe_string(height)}" customHeight="1">{"".join(cells)}</row>')
        if len(self.buffer) >= 1000:
            self.flush()

    def cell(self, ref: str, value: object, style: int) -> str:
        """One ``<c>`` element, as openpyxl writes it for the same value and style."""
        if isinstance(value, str):
            return text_cell(ref, value, style)
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


def text_cell(ref: str, text: str, style: int) -> str:
    """One inline-string ``<c>`` element, as openpyxl writes it for the same text and style."""
    if not text:
        return f'<c r="{ref}" s="{style}" t="inlineStr"></c>'
    space = ' xml:space="preserve"' if text != text.strip() else ""
    # str.replace finds nothing to replace in most texts, several times as fast as one str.translate
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{escaped}</t></is></c>'


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
    """Put each streamed sheet's rows in its frame: the XML openpyxl writes for its layout (made once per layout,
    :func:`~cse_migrate.reports.sheet_frame.frame_xml`), with the sheet's own filter and validations."""
    for sheet in workbook.worksheets:
        streamed = _STREAMS.pop(sheet, None) if isinstance(sheet, WriteOnlyWorksheet) else None
        if streamed is None:
            continue
        rows, layout = streamed
        check_nothing_left_out(sheet)
        head, tail = frame_xml(layout)
        part: IO[bytes] = tempfile.SpooledTemporaryFile(_IN_MEMORY)  # noqa: SIM115 - closed once in the zip
        part.write(head + b"<sheetData>")
        rows.seek(0)
        shutil.copyfileobj(rows, part, _CHUNK)
        part.write(b"</sheetData>" + sheet_extras_xml(sheet) + tail)
        rows.close()
        _PARTS[sheet] = part


def discard_workbook(workbook: Workbook) -> None:
    """Let go of a workbook that will not be saved (its save failed): close each write-only sheet's row writer and
    its temporary files now. Left to the garbage collector, openpyxl's half-run writers print "Exception ignored
    in ..." to a user's terminal long after the clear error about the save."""
    for sheet in workbook.worksheets:
        if not isinstance(sheet, WriteOnlyWorksheet):
            continue
        streamed = _STREAMS.pop(sheet, None)
        part = _PARTS.pop(sheet, None)
        for handle in (streamed[0] if streamed else None, part):
            if handle is not None:
                handle.close()
        for generator in (sheet._rows, sheet._writer.xf if sheet._writer is not None else None):
            if generator is not None:
                with suppress(Exception):  # a writer stopped half-way cannot close its XML: nothing to keep
                    generator.close()


def check_nothing_left_out(sheet: WriteOnlyWorksheet) -> None:
    """A streamed sheet's frame is its layout's, so a column width, frozen pane, conditional format, picture or
    protection set on the sheet itself would not be written: refuse it rather than lose it without a word (set it
    in the sheet's :class:`~cse_migrate.reports.sheet_frame.Layout`, or give the frame a place for it)."""
    found = [what for what, present in (
        ("column widths", len(sheet.column_dimensions) > 0), ("frozen panes", sheet.freeze_panes is not None),
        ("conditional formats", len(sheet.conditional_formatting) > 0),
        ("pictures or charts", bool(sheet._images or sheet._charts)), ("protection", bool(sheet.protection.sheet)),
    ) if present]
    if found:
        raise RuntimeError(f"sheet {sheet.title!r} is streamed, and its frame would leave out its {', '.join(found)}")


class SheetsWriter(ExcelWriter):  # type: ignore[misc]  # openpyxl is untyped
    """openpyxl's workbook writer, into a :class:`~cse_migrate.reports.zips.StampedZip`, taking a streamed sheet
    (:func:`finish_streamed_sheets`) or a write-only sheet written in memory (:func:`open_in_memory`) from there:
    the steps of ``ExcelWriter.write_worksheet`` but the copy from a temporary file."""

    def __init__(self, workbook: Workbook, archive: StampedZip) -> None:
        super().__init__(workbook, archive)
        self.stamped = archive

    def write_worksheet(self, ws: Worksheet | WriteOnlyWorksheet) -> None:
        part = self.written(ws)
        if part is None:
            super().write_worksheet(ws)
            return
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        with part:
            self.stamped.write_stream(part, ws.path[1:])
        self.manifest.append(ws)

    @staticmethod
    def written(ws: Worksheet | WriteOnlyWorksheet) -> IO[bytes] | None:
        """A streamed sheet's XML, or a write-only sheet's written by openpyxl in memory; None for any other."""
        if not isinstance(ws, WriteOnlyWorksheet):
            return None
        part = _PARTS.pop(ws, None)
        if part is not None:  # no drawing, no relationships: its _rels stay the empty list openpyxl made
            return part
        writer = ws._writer
        if writer is None or not isinstance(writer.out, BytesIO):
            return None
        if not ws.closed:
            ws.close()
        ws._rels = writer._rels
        return writer.out
