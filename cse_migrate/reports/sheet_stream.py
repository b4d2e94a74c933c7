"""Rows of a large write-only sheet written as XML text, a few times faster than openpyxl's cells.

openpyxl's write-only mode keeps memory flat, but it still makes, binds and serialises a ``Cell`` for each of
the several million cells of a 200,000-item evidence workbook, which took most of a run's time. Here each row
is formatted straight into the sheet's XML, exactly as openpyxl would write it (inline strings, numbers, dates
as serial numbers, the cell's style index from the workbook's own style table), into an anonymous temporary
file. When the workbook is saved, :func:`finish_streamed_sheets` lets openpyxl write the sheet around an empty
``sheetData`` (views, columns, filter, validation, print setup: everything set on the sheet) and splices the
rows in. The style of each kind of cell is made once on a template cell, so fonts, fills, alignment and number
formats come from openpyxl as before.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

_CHUNK = 1 << 20
_EMPTY_DATA = b"<sheetData></sheetData>"
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_STREAMS: WeakKeyDictionary[WriteOnlyWorksheet, IO[bytes]] = WeakKeyDictionary()


class RowWriter:
    """Writes the rows of one write-only sheet as XML, each cell with the style index the caller gives (the
    ``style_id`` of a :func:`template_cell` styled once per kind of cell)."""

    def __init__(self, sheet: WriteOnlyWorksheet, width: int) -> None:
        self.sheet = sheet
        self.letters = [get_column_letter(index) for index in range(1, width + 1)]
        self.epoch = sheet.parent.epoch
        self.out = tempfile.TemporaryFile()  # noqa: SIM115 - open until the workbook is saved, then spliced in
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


def finish_streamed_sheets(workbook: Workbook) -> None:
    """Close each streamed sheet (openpyxl writes it with no rows) and splice its rows into ``sheetData``."""
    for sheet in workbook.worksheets:
        rows = _STREAMS.pop(sheet, None) if isinstance(sheet, WriteOnlyWorksheet) else None
        if rows is None:
            continue
        sheet.close()
        # openpyxl's own file for the sheet part (private, but the write-only writer has no other handle)
        part = Path(sheet._writer.out)
        skeleton = part.read_bytes()
        head, found, tail = skeleton.partition(_EMPTY_DATA)
        if not found:
            raise RuntimeError(f"openpyxl wrote sheet '{sheet.title}' in an unexpected shape")
        with part.open("wb") as out:
            out.write(head + b"<sheetData>")
            rows.seek(0)
            shutil.copyfileobj(rows, out, _CHUNK)
            out.write(b"</sheetData>" + tail)
        rows.close()
