"""Excel workbooks (.xlsx, .xlsm) through openpyxl.

Every sheet is read, hidden ones too (their items are marked). Formulas give their cached values; merged
cells give their value to every cell they cover, so a criterion band merged down a column reaches each row.
A sheet named after a criterion ("Criterion 2", "Crit 3 Access", "C4") gives that criterion to its rows.

A workbook with more worksheet XML than ``Limits.stream_above_mb`` is read by the streaming reader of
:mod:`cse_migrate.readers.xlsx_stream` instead, which gives the same values (merged cells included) at a
fraction of openpyxl's time and memory. openpyxl parses worksheets with defusedxml (installed as a dependency),
and :mod:`cse_migrate.readers.archive` has already refused any part with a document type declaration.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead
from cse_migrate.readers.base import FileToRead, check_cells, check_rows, describe, parser_errors
from cse_migrate.readers.common import SheetRows, items_from_sheets
from cse_migrate.readers.xlsx_stream import read_streamed

_ERRORS = parser_errors(InvalidFileException)

_ADVICE = "open it in Excel and save it again as .xlsx"
# The attribute search is bounded ({0,256}), so that a long "<mergeCell <mergeCell ..." run stays linear.
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]{0,256}?\bref="'
                        rb'\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"')


T = TypeVar("T")

def collect_rows(values: Iterable[Iterable[object]], title: str, job: FileToRead) -> list[list[object]]:
    """Materialise a sheet's rows, refusing it as soon as it passes the rows or cells limit."""
    rows: list[list[object]] = []
    cells = 0
    where = f"sheet '{title}'"
    for values_row in values:
        row = list(values_row)
        while row and row[-1] is None:
            row.pop()  # trailing empty cells carry nothing, and a formatted column can make them thousands
        rows.append(row)
        cells += len(row)
        check_rows(len(rows), where, job.name, job.limits)
        check_cells(cells, where, job.name, job.limits)
    return rows


def _sheet_rows(sheet: Worksheet, job: FileToRead) -> list[list[object]]:
    # The grid openpyxl would walk is max_row x max_column; refuse an absurd one before walking it.
    check_rows(sheet.max_row, f"sheet '{sheet.title}'", job.name, job.limits)
    check_cells(sheet.max_row * sheet.max_column, f"sheet '{sheet.title}'", job.name, job.limits)
    rows = collect_rows(sheet.iter_rows(values_only=True), sheet.title, job)
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(merged.min_row, merged.min_col).value
        if merged.min_row == merged.max_row:
            continue  # a merged row (heading band) keeps its text once, not once per column
        # clipped to the rows read, so a hostile range such as A1:XFD1048576 costs nothing
        for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
            row = rows[r - 1]
            for c in range(merged.min_col, merged.max_col + 1):
                if (r, c) == (merged.min_row, merged.min_col):
                    continue
                if c - 1 >= len(row) and value is not None:
                    row.extend([None] * (c - len(row)))  # trailing empty cells were trimmed: grow the row back
                if c - 1 < len(row):
                    row[c - 1] = value
    return rows


def plan_reading(job: FileToRead) -> bool:
    """Decide whether to stream (True when the worksheets' XML is larger than the threshold) and, when reading
    in full, refuse merged ranges too large to hold: openpyxl creates an object for every cell a merged range
    covers, so ``<mergeCell ref="A1:XFD1048576"/>`` would exhaust memory inside load_workbook."""
    with job.open() as stream, zipfile.ZipFile(stream) as archive:
        sheets = [i for i in archive.infolist() if i.filename.startswith("xl/worksheets/") and not i.is_dir()]
        strings = [i for i in archive.infolist() if i.filename.lower().endswith("sharedstrings.xml")]
        # openpyxl holds every shared string as a Python object (480 MB of them took 4.4 GB): stream those too
        if sum(i.file_size for i in sheets) > job.limits.stream_above_bytes or \
                sum(i.file_size for i in strings) > job.limits.stream_above_bytes:
            return True
        for info in sheets:
            covered = sum(merged_area(m) for m in _MERGE_REF.finditer(archive.read(info)))
            check_cells(covered, f"the merged cells of {info.filename}", job.name, job.limits)
    return False


def merged_area(match: re.Match[bytes]) -> int:
    """How many cells one ``<mergeCell ref="B2:D9"/>`` covers."""
    first_col, first_row, last_col, last_row = match.groups()
    first, last = int(column_index_from_string(first_col.decode())), int(column_index_from_string(last_col.decode()))
    return (abs(last - first) + 1) * (abs(int(last_row) - int(first_row)) + 1)


def read_xlsx(job: FileToRead) -> FileRead:
    return _with_sheets(job, lambda sheets: items_from_sheets(sheets, job.name, "xlsx"))


def xlsx_tables(job: FileToRead) -> list[SheetRows]:
    """Every sheet's rows as read for evidence (same limits, merged cells, streaming), for a table of data."""
    return _with_sheets(job, lambda sheets: [(title, hidden, list(rows)) for title, hidden, rows in sheets])


def _with_sheets(job: FileToRead, consume: Callable[[Iterable[SheetRows]], T]) -> T:
    """Open the workbook (streamed when large), hand its sheets to ``consume`` and close it again."""
    try:
        if plan_reading(job):
            with job.open() as stream, zipfile.ZipFile(stream) as archive:
                return consume((info.title, info.hidden, rows) for info, rows in read_streamed(archive, job))
        with job.open() as stream:  # reading in full, openpyxl is done with the file once loaded
            workbook = load_workbook(stream, data_only=True)
        try:
            return consume(_workbook_sheets(workbook, job))
        finally:
            workbook.close()
    except _ERRORS as exc:
        raise InputFileError(job.name, f"not a readable Excel workbook ({describe(exc)}); "
                                       f"{_ADVICE}") from exc


def _workbook_sheets(workbook: Workbook, job: FileToRead) -> Iterator[SheetRows]:
    for sheet in workbook.worksheets:
        yield sheet.title, sheet.sheet_state != "visible", _sheet_rows(sheet, job)
