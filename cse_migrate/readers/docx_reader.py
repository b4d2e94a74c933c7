"""Word documents (.docx) through python-docx: paragraphs, bullet lists and tables, in document order.

Headings are structure, not evidence: a heading such as "Criterion 2: Actively engage ..." gives the Charter
Mark context to everything below it until the next such heading. Page headers and footers live in other parts
of the package and are never read; captions and tables of contents are page furniture and are counted, not
turned into evidence.

python-docx parses with lxml without resolving entities, and :mod:`cse_migrate.readers.archive` has already
refused any part carrying a document type declaration, so no entity is ever expanded.
"""

from __future__ import annotations

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead, RawItem, Source
from cse_migrate.readers.base import (
    FileToRead,
    check_document_parts,
    check_rows,
    clean_unit_text,
    parser_errors,
)
from cse_migrate.readers.common import rows_to_items
from cse_migrate.refs import parse_ref

_ERRORS = parser_errors(PackageNotFoundError)

_FURNITURE_STYLES = ("caption", "toc", "header", "footer", "table of figures", "footnote")


def _style_name(paragraph: Paragraph) -> str:
    try:
        return (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    except (KeyError, AttributeError):
        return ""


def _table_rows(table: Table) -> list[list[object]]:
    rows: list[list[object]] = []
    for row in table.rows:
        cells: list[object] = []
        previous = None
        for cell in row.cells:
            # python-docx repeats a horizontally merged cell once per grid column: keep it once
            cells.append("" if cell._tc is previous else cell.text.strip())
            previous = cell._tc
        rows.append(cells)
    return rows


def read_docx(job: FileToRead) -> FileRead:
    try:
        check_document_parts(job, "Word document's")
        with job.open() as stream:
            document = docx.Document(stream)
        return _read_document(document, job)
    except _ERRORS as exc:
        raise InputFileError(job.name, f"not a readable Word document ({type(exc).__name__}); "
                                       "open it in Word and save it again as .docx") from exc


def _read_document(document: DocxDocument, job: FileToRead) -> FileRead:
    name = job.name
    items: list[RawItem] = []
    units = blank = other = 0
    context: str | None = None
    paragraph_no = table_no = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            table_no += 1
            number = table_no

            def source(index: int, column: str | None, number: int = number) -> Source:
                return Source(file=name, extractor="docx", table=number, row=index + 1, column=column)

            rows = _table_rows(block)
            check_rows(len(rows), f"table {number}", name, job.limits)
            found, b, o = rows_to_items(rows, source, context_ref=context)
            items.extend(found)
            units += len(rows)
            blank += b
            other += o
            continue
        paragraph_no += 1
        units += 1
        check_rows(units, "the document", name, job.limits)
        text = clean_unit_text(block.text)
        style = _style_name(block)
        if not text:
            blank += 1
            continue
        if style.startswith(("heading", "title", "subtitle")):
            other += 1
            if parse_ref(text):
                context = text
            continue
        if style.startswith(_FURNITURE_STYLES):
            other += 1
            continue
        items.append(RawItem(text=text, source=Source(file=name, extractor="docx", paragraph=paragraph_no),
                             context_ref=context))
    return FileRead(name, "docx", tuple(items), units, blank, other)
