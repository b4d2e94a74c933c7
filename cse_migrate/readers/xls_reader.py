"""Excel 97-2003 workbooks (.xls, BIFF) through xlrd.

Read exactly as an .xlsx is: every sheet (hidden ones marked), merged cells spread down the cells they cover,
a sheet named after a criterion gives its rows that criterion, and the header row is found by
:func:`~cse_migrate.readers.common.rows_to_items`. Cell values are converted to what openpyxl gives for the
same workbook saved as .xlsx, so both copies of one workbook give the same evidence: dates through the
workbook's own date system (1900 or 1904), whole numbers without ".0", booleans as booleans, error cells as
their text (#N/A).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime

import xlrd
from xlrd.biffh import XL_CELL_BOOLEAN, XL_CELL_DATE, XL_CELL_EMPTY, XL_CELL_ERROR, XL_CELL_NUMBER, XLRDError
from xlrd.book import Book
from xlrd.compdoc import CompDocError
from xlrd.sheet import Cell, Sheet

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead
from cse_migrate.readers.base import FileToRead, check_cells, check_rows, describe, parser_errors
from cse_migrate.readers.common import SheetRows, items_from_sheets
from cse_migrate.readers.encryption import PASSWORD_HINT

_ADVICE = "open it in Excel and save it again as .xlsx"
_BOOK_ERRORS = parser_errors(XLRDError, CompDocError)
_OPEN_ERRORS = parser_errors(CompDocError)


def read_xls(job: FileToRead) -> FileRead:
    book = _open_book(job)
    try:
        return _read_book(book, job)
    except _BOOK_ERRORS as exc:
        raise _unreadable(job, exc) from exc
    finally:
        book.release_resources()


def xls_tables(job: FileToRead) -> list[SheetRows]:
    """Every sheet's rows as read for evidence, for a table of data."""
    book = _open_book(job)
    try:
        return [(title, hidden, list(rows)) for title, hidden, rows in _book_sheets(book, job)]
    except _BOOK_ERRORS as exc:
        raise _unreadable(job, exc) from exc
    finally:
        book.release_resources()


def _open_book(job: FileToRead) -> Book:
    content = job.read_bytes()
    # xlrd writes its warnings to a log file (stdout by default); they are not for the user of this tool.
    log = io.StringIO()
    try:
        try:
            return xlrd.open_workbook(file_contents=content, formatting_info=True, on_demand=True, logfile=log)
        except NotImplementedError:
            # formatting (and with it merged cells) is not available for the oldest BIFF versions
            return xlrd.open_workbook(file_contents=content, on_demand=True, logfile=log)
    except XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise InputFileError(job.name, f"is password-protected; {PASSWORD_HINT}") from exc
        raise _unreadable(job, exc) from exc
    except _OPEN_ERRORS as exc:
        raise _unreadable(job, exc) from exc


def _unreadable(job: FileToRead, exc: BaseException) -> InputFileError:
    return InputFileError(job.name, f"not a readable Excel workbook ({describe(exc)}); {_ADVICE}")


def _read_book(book: Book, job: FileToRead) -> FileRead:
    return items_from_sheets(_book_sheets(book, job), job.name, "xls")


def _book_sheets(book: Book, job: FileToRead) -> Iterator[SheetRows]:
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        yield sheet.name, sheet.visibility != 0, sheet_rows(sheet, book.datemode, job)
        book.unload_sheet(index)  # one sheet in memory at a time


def sheet_rows(sheet: Sheet, datemode: int, job: FileToRead) -> list[list[object]]:
    """The sheet's values row by row, merged cells spread as the xlsx reader spreads them."""
    where = f"sheet '{sheet.name}'"
    check_rows(sheet.nrows, where, job.name, job.limits)
    check_cells(sheet.nrows * sheet.ncols, where, job.name, job.limits)
    rows = [[cell_value(cell, datemode) for cell in sheet.row(r)] for r in range(sheet.nrows)]
    for first_row, end_row, first_col, end_col in sheet.merged_cells:
        if end_row - first_row <= 1:
            continue  # a merged row (heading band) keeps its text once, not once per column
        value = rows[first_row][first_col] if first_row < len(rows) and first_col < len(rows[first_row]) else None
        for r in range(first_row, min(end_row, len(rows))):
            for c in range(first_col, min(end_col, len(rows[r]))):
                if (r, c) != (first_row, first_col):
                    rows[r][c] = value
    return rows


def cell_value(cell: Cell, datemode: int) -> object:
    """One cell as openpyxl would give it for the same workbook saved as .xlsx."""
    kind = cell.ctype
    if kind == XL_CELL_EMPTY or (kind != XL_CELL_NUMBER and cell.value == ""):
        return None
    if kind == XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return cell.value  # a number formatted as a date but outside the calendar: keep the number
    if kind == XL_CELL_BOOLEAN:
        return bool(cell.value)
    if kind == XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERROR")
    if isinstance(cell.value, float | int | str | datetime):
        return cell.value
    return str(cell.value)
