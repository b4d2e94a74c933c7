"""Excel workbooks (.xlsx, .xlsm) through openpyxl.

Every sheet is read, hidden ones too (their items are marked). Formulas give their cached values; merged
cells give their value to every cell they cover, so a criterion band merged down a column reaches each row.
A sheet named after a criterion ("Criterion 2", "Crit 3 Access", "C4") gives that criterion to its rows.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead, RawItem, Source
from cse_migrate.readers.common import rows_to_items
from cse_migrate.refs import parse_ref


def _sheet_rows(sheet: Worksheet) -> list[list[object]]:
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(merged.min_row, merged.min_col).value
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if (r, c) == (merged.min_row, merged.min_col) or merged.min_row == merged.max_row:
                    # a merged row (heading band) keeps its text once, not once per column
                    continue
                if r - 1 < len(rows) and c - 1 < len(rows[r - 1]):
                    rows[r - 1][c - 1] = value
    return rows


def read_xlsx(path: Path, name: str) -> FileRead:
    try:
        workbook = load_workbook(path, data_only=True, read_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputFileError(name, f"not a readable Excel workbook ({type(exc).__name__}: {exc}); "
                                   "open it in Excel and save it again as .xlsx") from exc
    items: list[RawItem] = []
    units = blank = other = 0
    try:
        for sheet in workbook.worksheets:
            hidden = sheet.sheet_state != "visible"
            rows = _sheet_rows(sheet)
            sheet_ref = sheet.title if parse_ref(sheet.title, max_criterion=9) else None
            title = sheet.title

            def source(index: int, column: str | None, title: str = title, hidden: bool = hidden) -> Source:
                return Source(file=name, extractor="xlsx", sheet=title, row=index + 1, column=column,
                              hidden=hidden)

            found, b, o = rows_to_items(rows, source, context_ref=sheet_ref)
            items.extend(found)
            units += len(rows)
            blank += b
            other += o
    finally:
        workbook.close()
    return FileRead(name, "xlsx", tuple(items), units, blank, other)


