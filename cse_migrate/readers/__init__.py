"""Readers, one module per format, registered by format and chosen by what a file contains.

:func:`read_file` asks :mod:`cse_migrate.readers.detect` what a file really is (an .xlsx saved as .xls is read
as xlsx; HTML saved as .xls is refused with advice), decrypts it in memory when it is password-protected and a
password was given, and hands a :class:`~cse_migrate.readers.base.FileToRead` to the reader registered for the
format. Every reader returns a :class:`~cse_migrate.model.FileRead` and raises
:class:`~cse_migrate.errors.InputFileError` (naming the file and what to do) when the file cannot be read.
Built-in readers register themselves exactly as an extension would, through :func:`register`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from cse_migrate.errors import CseMigrateError, InputFileError
from cse_migrate.limits import DEFAULT_LIMITS, Limits
from cse_migrate.model import FileRead, RawItem
from cse_migrate.readers.base import FileToRead, describe
from cse_migrate.readers.common import SheetRows
from cse_migrate.readers.detect import SUFFIX_FORMATS, Detected, detect_format
from cse_migrate.readers.encryption import decrypt
from cse_migrate.safe_text import is_xml_safe, xml_safe

Reader = Callable[[FileToRead], FileRead]
_READERS: dict[str, Reader] = {}


def register(formats: tuple[str, ...], reader: Reader) -> None:
    """Register ``reader`` for formats as :func:`~cse_migrate.readers.detect.detect_format` names them."""
    for fmt in formats:
        _READERS[fmt] = reader


def supported_formats() -> tuple[str, ...]:
    _load_builtins()
    return tuple(sorted(_READERS))


def supported_suffixes() -> tuple[str, ...]:
    """The file suffixes whose formats have a reader (content decides, but these are the usual names)."""
    _load_builtins()
    return tuple(sorted(s for s, fmt in SUFFIX_FORMATS.items() if fmt in _READERS))


def read_file(path: Path, name: str, limits: Limits = DEFAULT_LIMITS, password: str | None = None) -> FileRead:
    """Read one file with the reader for the format its content shows.

    Raises :class:`InputFileError` and nothing else for a file that cannot be read, whatever its bytes: a
    parser's unexpected exception is translated here, at the boundary, and keeps the user's file name.
    """
    _load_builtins()
    try:
        # Parsers of damaged files warn on stderr (openpyxl, pypdf); the one line per file that the run
        # prints, and the reasons recorded in the reports, say what matters.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _read(FileToRead(path, name, limits, password=password))
    except CseMigrateError:
        raise
    except Exception as exc:
        raise InputFileError(name, f"could not be read ({describe(exc)}); check it opens in its own "
                                   "program, and if it does, please report this as a bug") from exc


def read_tables(path: Path, name: str, limits: Limits = DEFAULT_LIMITS,
                password: str | None = None) -> list[SheetRows]:
    """Read a spreadsheet or CSV file as tables of cells (one per sheet), exactly as evidence is read: format
    judged by content, the same limits, decryption and error messages. For data that is not evidence, such as
    an element list (``cse-migrate frameworks import``)."""
    from cse_migrate.readers import csv_reader, odf_reader, xls_reader, xlsx_reader

    table_readers: dict[str, Callable[[FileToRead], list[SheetRows]]] = {
        "xlsx": xlsx_reader.xlsx_tables, "xls": xls_reader.xls_tables, "ods": odf_reader.ods_tables,
        "csv": csv_reader.csv_tables}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            job, detected, _notes = _open(FileToRead(path, name, limits, password=password))
            reader = table_readers.get(detected.format)
            if reader is None:
                raise InputFileError(name, f"holds a {detected.format} file, not a table; save it as .xlsx or .csv")
            return reader(job)
    except CseMigrateError:
        raise
    except Exception as exc:
        raise InputFileError(name, f"could not be read ({describe(exc)}); check it opens in its own "
                                   "program, and if it does, please report this as a bug") from exc


def _open(job: FileToRead) -> tuple[FileToRead, Detected, list[str]]:
    """Detect the format by content and decrypt a password-protected file; notes say what was done."""
    detected = detect_format(job)
    notes: list[str] = [detected.note] if detected.note else []
    if detected.encrypted:
        job = decrypt(job)
        detected = detect_format(job)
        if detected.encrypted:
            raise InputFileError(job.name, "is password-protected and stayed encrypted after decryption; save "
                                           "an unprotected copy")
        notes.append("password-protected: decrypted in memory with the password given")
    return job, detected, notes


def _read(job: FileToRead) -> FileRead:
    job, detected, notes = _open(job)
    reader = _READERS.get(detected.format)
    if reader is None:
        raise InputFileError(job.name, f"holds a {detected.format} file, and no reader for {detected.format} is "
                                       "installed; save it as .xlsx, .docx or .csv")
    read = reader(job)
    return make_text_safe(cut_long_texts(replace(read, notes=(*notes, *read.notes)), job.limits))


def make_text_safe(read: FileRead) -> FileRead:
    """Make every text of every item storable in every report (:func:`~cse_migrate.safe_text.xml_safe`) and say
    in the file's notes how many items that changed, so a reviewer knows their text was altered."""
    items = tuple(_safe_item(item) for item in read.items)
    changed = sum(1 for before, after in zip(read.items, items, strict=True) if before is not after)
    notes = tuple(xml_safe(note) for note in read.notes)
    if changed:
        notes = (*notes, f"{changed} item(s) held characters no report can store (control characters, "
                         "non-characters such as U+FFFE, or broken surrogate pairs): control characters were "
                         "removed and the others replaced by U+FFFD (\ufffd)")
    return replace(read, items=items, notes=notes)


def _safe_item(item: RawItem) -> RawItem:
    texts = (item.text, item.cm_ref, item.context_ref, item.date_text, item.owner, item.source.sheet,
             item.source.column)
    if all(t is None or is_xml_safe(t) for t in texts):
        return item
    source = replace(item.source, sheet=_safe_or_none(item.source.sheet), column=_safe_or_none(item.source.column))
    return replace(item, text=xml_safe(item.text), cm_ref=_safe_or_none(item.cm_ref),
                   context_ref=_safe_or_none(item.context_ref), date_text=_safe_or_none(item.date_text),
                   owner=_safe_or_none(item.owner), source=source)


def _safe_or_none(text: str | None) -> str | None:
    return None if text is None else xml_safe(text)


def cut_long_texts(read: FileRead, limits: Limits) -> FileRead:
    """Cut any item longer than ``--max-cell-chars`` and say so in the file's notes."""
    limit = limits.max_cell_chars
    long_items = sum(1 for item in read.items if len(item.text) > limit)
    if not long_items:
        return read
    items = tuple(_cut(item, limit) for item in read.items)
    note = (f"{long_items} cell(s) or paragraph(s) longer than {limit:,} characters were cut there "
            "(--max-cell-chars)")
    return replace(read, items=items, notes=(*read.notes, note))


def _cut(item: RawItem, limit: int) -> RawItem:
    if len(item.text) <= limit:
        return item
    return replace(item, text=item.text[: limit - 1] + "\u2026")


def _load_builtins() -> None:
    if _READERS:
        return
    from cse_migrate.readers import (
        csv_reader,
        doc_reader,
        docx_reader,
        odf_reader,
        pdf_reader,
        rtf_reader,
        text_reader,
        xls_reader,
        xlsx_reader,
    )

    register(("xlsx",), xlsx_reader.read_xlsx)
    register(("xls",), xls_reader.read_xls)
    register(("docx",), docx_reader.read_docx)
    register(("doc",), doc_reader.read_doc)
    register(("csv",), csv_reader.read_csv)
    register(("pdf",), pdf_reader.read_pdf)
    register(("odt",), odf_reader.read_odt)
    register(("ods",), odf_reader.read_ods)
    register(("rtf",), rtf_reader.read_rtf)
    register(("txt",), text_reader.read_text)
    register(("md",), text_reader.read_markdown)
