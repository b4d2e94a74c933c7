"""A streaming reader for large .xlsx workbooks: values straight from the XML, row by row.

openpyxl builds an object per cell (and its read-only mode still spends some 25 microseconds a cell), so a
100,000-row log took tens of seconds and hundreds of megabytes. Above ``Limits.stream_above_mb`` of worksheet
XML the workbook is read here instead: lxml's ``iterparse`` walks each sheet and every row element is cleared
as soon as its values are taken, so memory holds the values only.

The values are exactly those openpyxl gives with ``data_only=True`` (shared and inline strings without rich-text
formatting, numbers as int or float, dates through the workbook's date system and its number formats, booleans,
error text, cached formula results), and merged cells are spread as :mod:`cse_migrate.readers.xlsx_reader`
spreads them; ``tests/test_formats.py`` checks both readers give the same rows. The parser never resolves
entities or fetches anything, and :mod:`cse_migrate.readers.archive` has already refused any DOCTYPE.
"""

from __future__ import annotations

import posixpath
import re
import tempfile
import zipfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import IO, Any

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from cse_migrate.errors import InputFileError
from cse_migrate.readers.base import FileToRead, check_cells, check_rows

_REL_OFFICE_DOCUMENT = "/officeDocument"
_REL_WORKSHEET = "/worksheet"
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)$")
SPILL_BYTES = 64 * 1024 * 1024  # shared strings held in memory before they move to a temporary file


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


@lru_cache(maxsize=4096)
def column_number(letters: str) -> int:
    """'A' -> 1, 'AB' -> 28."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


@dataclass(frozen=True)
class SheetInfo:
    title: str
    hidden: bool
    path: str  # the worksheet part inside the zip


@dataclass
class Styles:
    date: set[int]  # cell style indexes whose number format is a date
    timedelta: set[int]  # ... or a duration


class SharedStrings:
    """The workbook's shared strings, held as UTF-8 bytes with an offset table rather than as Python strings.

    A 7 MB workbook can carry 480 MB of shared strings; as millions of Python objects they took 4.4 GB. Here
    they cost their UTF-8 size in one buffer plus 8 bytes each, and once the buffer passes
    :data:`SPILL_BYTES` it moves to an anonymous temporary file (deleted by the system even if the run is
    killed), so memory stays near 8 bytes a string whatever the part holds. Each string is cut at ``keep``
    characters: a cell keeps no more than ``--max-cell-chars`` anyway.
    """

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.ends = array("Q")
        self.buffer = bytearray()
        self.spilled: IO[bytes] | None = None
        self.size = 0

    def append(self, text: str) -> None:
        data = text[: self.keep].encode("utf-8", "surrogatepass")
        if self.spilled is not None:
            self.spilled.write(data)
        else:
            self.buffer += data
            if len(self.buffer) > SPILL_BYTES:
                # private (0600) and already unlinked, so nothing is left behind; closed by close()
                self.spilled = tempfile.TemporaryFile()  # noqa: SIM115
                self.spilled.write(self.buffer)
                self.buffer = bytearray()
        self.size += len(data)
        self.ends.append(self.size)

    def __len__(self) -> int:
        return len(self.ends)

    def close(self) -> None:
        if self.spilled is not None:
            self.spilled.close()

    def __getitem__(self, index: int) -> str:
        start = self.ends[index - 1] if index else 0
        end = self.ends[index]
        if self.spilled is None:
            data = bytes(self.buffer[start:end])
        else:
            self.spilled.seek(start)
            data = self.spilled.read(end - start)
        return data.decode("utf-8", "surrogatepass")


class WorkbookStream:
    """One open workbook: its sheets, shared strings, date styles and date system."""

    def __init__(self, archive: zipfile.ZipFile, job: FileToRead) -> None:
        self.archive = archive
        self.job = job
        workbook_path = self._office_document()
        workbook = self._xml(workbook_path)
        self.epoch = CALENDAR_WINDOWS_1900
        for element in workbook.iter():
            if _local(element.tag) == "workbookPr" and element.get("date1904") in ("1", "true"):
                self.epoch = CALENDAR_MAC_1904
        self.sheets = self._sheets(workbook, workbook_path)
        self.strings = self._shared_strings(workbook_path)
        self.styles = self._styles(workbook_path)

    # --- workbook parts ----------------------------------------------------------------------------------

    def _xml(self, name: str) -> Any:
        return etree.fromstring(self.archive.read(name), _parser())

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part) for ``part``."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels_name not in self.archive.namelist():
            return {}
        out: dict[str, tuple[str, str]] = {}
        for rel in self._xml(rels_name):
            target = rel.get("Target", "")
            resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), resolved)
        return out

    def _office_document(self) -> str:
        for kind, target in self._relationships("").values():
            if kind.endswith(_REL_OFFICE_DOCUMENT):
                return target
        return "xl/workbook.xml"

    def _sheets(self, workbook: Any, workbook_path: str) -> list[SheetInfo]:
        rels = self._relationships(workbook_path)
        sheets: list[SheetInfo] = []
        for element in workbook.iter():
            if _local(element.tag) != "sheet":
                continue
            rel_id = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            kind, target = rels.get(rel_id, ("", ""))
            if kind.endswith(_REL_WORKSHEET) and target:  # chartsheets and dialog sheets hold no cells
                sheets.append(SheetInfo(element.get("name", "Sheet"), element.get("state", "visible") != "visible",
                                        target))
        return sheets

    def _part_of_type(self, workbook_path: str, suffix: str) -> str | None:
        for kind, target in self._relationships(workbook_path).values():
            if kind.endswith(suffix):
                return target
        return None

    def _shared_strings(self, workbook_path: str) -> SharedStrings:
        strings = SharedStrings(self.job.limits.max_cell_chars + 1)  # one more, so the cut is noted later
        name = self._part_of_type(workbook_path, "/sharedStrings")
        if name is None or name not in self.archive.namelist():
            return strings
        with self.archive.open(name) as source:
            for _event, element in etree.iterparse(source, events=("end",), tag="{*}si", resolve_entities=False,
                                                    no_network=True, remove_comments=True, remove_pis=True):
                strings.append(string_content(element).replace("x005F_", ""))
                _release(element)
        return strings

    def _styles(self, workbook_path: str) -> Styles:
        name = self._part_of_type(workbook_path, "/styles")
        styles = Styles(set(), set())
        if name is None or name not in self.archive.namelist():
            return styles
        root = self._xml(name)
        custom: dict[int, str] = {}
        xfs: list[int] = []
        for element in root:
            local = _local(element.tag)
            if local == "numFmts":
                for fmt in element:
                    custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
            elif local == "cellXfs":
                xfs = [int(xf.get("numFmtId", "0")) for xf in element if _local(xf.tag) == "xf"]
        for index, fmt_id in enumerate(xfs):
            code = custom.get(fmt_id) or BUILTIN_FORMATS.get(fmt_id)
            if code and is_date_format(code):
                styles.date.add(index)
            if code and is_timedelta_format(code):
                styles.timedelta.add(index)
        return styles

    # --- rows --------------------------------------------------------------------------------------------

    def rows(self, sheet: SheetInfo) -> list[list[object]]:
        """The sheet's values row by row, blank rows in gaps, merged cells spread; within the limits."""
        where = f"sheet '{sheet.title}'"
        rows: list[list[object]] = []
        merges: list[str] = []
        cells = 0
        last_with_cells = 0  # openpyxl's sheet ends at the last row holding a cell element
        with self.archive.open(sheet.path) as source:
            for element in _elements(source):
                local = _local(element.tag)
                if local == "row":
                    number = int(element.get("r") or len(rows) + 1)
                    check_rows(number, where, self.job.name, self.job.limits)
                    while len(rows) < number - 1:
                        rows.append([])  # rows absent from the XML are blank rows
                    row = self._row(element)
                    if len(element):
                        last_with_cells = number  # a row element holding cells, even empty styled ones
                    cells += len(row)
                    check_cells(cells, where, self.job.name, self.job.limits)
                    rows.append(row)
                    _release(element)
                elif local == "mergeCell":
                    merges.append(element.get("ref", ""))
        del rows[last_with_cells:]
        spread_merges(rows, merges, where, self.job)
        return rows

    def _row(self, element: Any) -> list[object]:
        # The hot loop: tags are compared in the row's own namespace (transitional or strict OOXML), and each
        # cell's children are walked once rather than searched (lxml's find costs several times more).
        namespace = element.tag[: element.tag.index("}") + 1] if element.tag.startswith("{") else ""
        tags = (f"{namespace}v", f"{namespace}is", f"{namespace}t", f"{namespace}r")
        row: list[object] = []
        for cell in element.iterchildren(f"{namespace}c"):
            ref = cell.get("r")
            column = column_number(ref.rstrip("0123456789").lstrip("$")) if ref else len(row) + 1
            if column > len(row) + 1:
                check_cells(column, "a row", self.job.name, self.job.limits)
                row.extend([None] * (column - 1 - len(row)))
            value = self._value(cell, tags)
            if column <= len(row):
                row[column - 1] = value
            else:
                row.append(value)
        while row and row[-1] is None:
            row.pop()  # trailing empty cells carry nothing (the full reader trims them too)
        return row

    def _value(self, cell: Any, tags: tuple[str, str, str, str]) -> object:
        v_tag, is_tag, t_tag, r_tag = tags
        text: str | None = None
        for child in cell:
            if child.tag == v_tag:
                text = child.text
            elif child.tag == is_tag:
                return _runs_text(child, t_tag, r_tag) if cell.get("t") == "inlineStr" else None
        if not text:
            return None
        kind = cell.get("t", "n")
        if kind == "n":
            number: int | float = float(text) if "." in text or "E" in text or "e" in text else int(text)
            style = int(cell.get("s") or 0)
            if style in self.styles.date:
                try:
                    date_value: object = from_excel(number, self.epoch, timedelta=style in self.styles.timedelta)
                    return date_value
                except (OverflowError, ValueError):
                    return "#VALUE!"  # a date serial outside the calendar, as openpyxl reports it
            return number
        if kind == "s":
            index = int(text)
            return self.strings[index] if 0 <= index < len(self.strings) else None
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return datetime.fromisoformat(text)
        if kind == "inlineStr":
            return None  # an inline string cell whose text is in <v> rather than <is>: openpyxl reads nothing
        return text  # "str" (a formula's text result) and "e" (an error such as #N/A)


def _runs_text(element: Any, t_tag: str, r_tag: str) -> str:
    """The text of a string item: its own <t> and each run's <t>; phonetic runs (<rPh>) are left out."""
    parts: list[str] = []
    for child in element:
        if child.tag == t_tag:
            parts.append(child.text or "")
        elif child.tag == r_tag:
            parts.extend(t.text or "" for t in child if t.tag == t_tag)
    return "".join(parts)


def string_content(element: Any) -> str:
    """A shared string item's text without formatting (see :func:`_runs_text`)."""
    namespace = element.tag[: element.tag.index("}") + 1] if element.tag.startswith("{") else ""
    return _runs_text(element, f"{namespace}t", f"{namespace}r")


def _elements(source: IO[bytes]) -> Iterator[Any]:
    """Row and mergeCell elements, in any namespace (transitional or strict OOXML), as each one ends."""
    for _event, element in etree.iterparse(source, events=("end",), tag=("{*}row", "{*}mergeCell"),
                                           resolve_entities=False, no_network=True, remove_comments=True,
                                           remove_pis=True, huge_tree=False):
        yield element


def _release(element: Any) -> None:
    """Free a processed row, and the rows before it, so the tree never grows with the sheet."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def spread_merges(rows: list[list[object]], refs: list[str], where: str, job: FileToRead) -> None:
    """Give each multi-row merged range's value to the cells below it, as the full reader does."""
    covered = 0
    for ref in refs:
        first, _, last = ref.partition(":")
        a, b = _CELL_REF.search(first.replace("$", "")), _CELL_REF.search(last.replace("$", ""))
        if a is None or b is None:
            continue
        min_col, max_col = sorted((column_number(a.group(1)), column_number(b.group(1))))
        min_row, max_row = sorted((int(a.group(2)), int(b.group(2))))
        covered += (max_col - min_col + 1) * (max_row - min_row + 1)
        check_cells(covered, f"the merged cells of {where}", job.name, job.limits)
        if min_row == max_row or min_row > len(rows):
            continue  # a merged row (heading band) keeps its text once, not once per column
        top = rows[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else None
        for r in range(min_row, min(max_row, len(rows)) + 1):
            row = rows[r - 1]
            for c in range(min_col, max_col + 1):
                if (r, c) == (min_row, min_col):
                    continue
                if c - 1 >= len(row) and value is not None:
                    row.extend([None] * (c - len(row)))
                if c - 1 < len(row):
                    row[c - 1] = value


def read_streamed(archive: zipfile.ZipFile, job: FileToRead) -> Iterator[tuple[SheetInfo, list[list[object]]]]:
    """Each worksheet with its rows, in workbook order."""
    stream = WorkbookStream(archive, job)
    if not stream.sheets:
        raise InputFileError(job.name, "not a readable Excel workbook (it lists no worksheets); open it in Excel "
                                       "and save it again as .xlsx")
    try:
        for sheet in stream.sheets:
            yield sheet, stream.rows(sheet)
    finally:
        stream.strings.close()
