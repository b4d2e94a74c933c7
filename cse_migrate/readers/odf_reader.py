"""OpenDocument text and spreadsheets (.odt, .ods) through odfpy.

odfpy rather than a LibreOffice conversion: it is pure Python and runs in the process, so reading an .odt or
.ods needs no office suite, takes milliseconds rather than a LibreOffice start-up, and is bounded by the same
zip and XML checks as an .xlsx (:mod:`cse_migrate.readers.archive` runs first; odfpy parses with expat, which
never fetches external entities). LibreOffice stays the fallback for legacy .doc only.

Spreadsheets read like an .xlsx: every sheet (hidden ones marked), repeated rows and cells expanded only where
something follows them (LibreOffice writes a million empty rows as one repeated row), merged cells spread down
the cells they cover, typed values (dates, numbers, booleans) kept. Text documents read like a .docx:
headings give context, captions and tables of contents are furniture, lists and tables are read in order. A
cell's text includes its lists and sections; a table inside a cell is read as a table of its own after the outer
one, citing where it sits. Tracked insertions are ordinary text in the body and are read; tracked deletions,
comments, footnotes, images' descriptions and page headers and footers are not evidence: each is counted per
file as not read, with a note.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from xml.sax import SAXException

from odf.element import Element
from odf.namespaces import OFFICENS, STYLENS, TABLENS, TEXTNS
from odf.opendocument import OpenDocument, load

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead
from cse_migrate.readers.base import FileToRead, check_cells, check_document_parts, check_rows, describe, parser_errors
from cse_migrate.readers.blocks import DocumentBuilder
from cse_migrate.readers.common import SheetRows, items_from_sheets

_ERRORS = parser_errors(SAXException)

_ROW_GROUPS = {"table-row-group", "table-header-rows", "table-rows"}
_CELLS = {"table-cell", "covered-table-cell"}
_FURNITURE_STYLES = ("caption", "illustration", "table", "figure", "drawing", "contents", "index", "header",
                     "footer", "footnote", "endnote")
_HEADING_STYLES = ("heading", "title", "subtitle")
_SKIP_TEXT = {"sequence-decls", "variable-decls", "user-field-decls", "tracked-changes", "soft-page-break",
              "forms", "bookmark", "bookmark-start", "bookmark-end"}
_TOC = {"table-of-content", "alphabetical-index", "illustration-index", "table-index", "bibliography",
        "user-index", "object-index"}
_ENCODED_SPACE = re.compile(r"_20_")
# Inside text: elements whose content is not the document's evidence, and the note that counts them.
_NOT_READ = {
    "annotation": "comment(s) not read: reviewers' comments are about the document, not evidence in it",
    "note": "footnote(s) or endnote(s) not read; move a note into the text to map it",
    "desc": "image description(s) (alt text) not read: they describe pictures, not evidence",
    "title": "image description(s) (alt text) not read: they describe pictures, not evidence",
    "object": "embedded object(s) (a spreadsheet or document inside the file) not read: save each as a file of "
              "its own and add it to the input",
}
_NO_TEXT = {"annotation-end", "change", "change-start", "change-end", "tracked-changes", "soft-page-break",
            "bookmark", "bookmark-start", "bookmark-end", "reference-mark", "sequence-decls"}
_DELETION_NOTE = "tracked deletion(s) not read: deleted text is not evidence (accept or reject the changes to " \
                 "change what is read)"
_HEADER_NOTE = "header and footer paragraph(s) with text not read: page headers and footers are page furniture"


def read_ods(job: FileToRead) -> FileRead:
    document = _load(job, "OpenDocument spreadsheet", "open it in LibreOffice Calc and save it again")
    if getattr(document, "spreadsheet", None) is None:  # odfpy sets the attribute only when the body is there
        raise InputFileError(job.name, "not a readable OpenDocument spreadsheet (it has no spreadsheet body); open "
                                       "it in LibreOffice Calc and save it again")
    try:
        return _read_spreadsheet(document, job)
    except _ERRORS as exc:
        raise _unreadable(job, exc, "OpenDocument spreadsheet", "open it in LibreOffice Calc and save it again") \
            from exc


def ods_tables(job: FileToRead) -> list[SheetRows]:
    """Every sheet's rows as read for evidence, for a table of data."""
    document = _load(job, "OpenDocument spreadsheet", "open it in LibreOffice Calc and save it again")
    if getattr(document, "spreadsheet", None) is None:
        raise InputFileError(job.name, "not a readable OpenDocument spreadsheet (it has no spreadsheet body); open "
                                       "it in LibreOffice Calc and save it again")
    try:
        return [(title, hidden, list(rows)) for title, hidden, rows in _document_sheets(document, job)]
    except _ERRORS as exc:
        raise _unreadable(job, exc, "OpenDocument spreadsheet", "open it in LibreOffice Calc and save it again") \
            from exc


def read_odt(job: FileToRead) -> FileRead:
    document = _load(job, "OpenDocument text", "open it in LibreOffice Writer and save it again")
    if getattr(document, "text", None) is None:
        raise InputFileError(job.name, "not a readable OpenDocument text (it has no text body); open it in "
                                       "LibreOffice Writer and save it again")
    try:
        builder = DocumentBuilder(job, "odt", number_every_paragraph=True)
        _add_text(builder, document.text, _style_parents(document))
        _count_deletions(builder, document.text)
        _count_headers(builder, document)
        return builder.result("odt")
    except _ERRORS as exc:
        raise _unreadable(job, exc, "OpenDocument text", "open it in LibreOffice Writer and save it again") from exc


def _load(job: FileToRead, kind: str, advice: str) -> OpenDocument:
    try:
        check_document_parts(job, f"{kind}'s")
        with job.open() as stream:
            return load(stream)
    except _ERRORS as exc:
        raise _unreadable(job, exc, kind, advice) from exc


def _unreadable(job: FileToRead, exc: BaseException, kind: str, advice: str) -> InputFileError:
    return InputFileError(job.name, f"not a readable {kind} ({describe(exc)}); {advice}")


def _local(element: Element) -> str:
    return str(element.qname[1]) if getattr(element, "qname", None) else ""


def _attr(element: Element, namespace: str, name: str) -> str | None:
    try:
        value = element.getAttrNS(namespace, name)
    except (AttributeError, KeyError, ValueError):
        return None
    return None if value is None else str(value)


def _repeat(element: Element, name: str) -> int:
    value = _attr(element, TABLENS, name)
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1


# --- spreadsheets -----------------------------------------------------------------------------------------

def _read_spreadsheet(document: OpenDocument, job: FileToRead) -> FileRead:
    return items_from_sheets(_document_sheets(document, job), job.name, "ods")


def _document_sheets(document: OpenDocument, job: FileToRead) -> Iterator[SheetRows]:
    hidden_styles = _hidden_table_styles(document)
    for sheet in _children(document.spreadsheet, "table"):
        title = _attr(sheet, TABLENS, "name") or "Sheet"
        yield title, _attr(sheet, TABLENS, "style-name") in hidden_styles, sheet_rows(sheet, f"sheet '{title}'", job)


def _children(element: Element, local: str) -> list[Element]:
    return [child for child in element.childNodes if _local(child) == local]


def _hidden_table_styles(document: OpenDocument) -> set[str]:
    """Names of table styles with ``table:display="false"``: the sheets hidden in LibreOffice."""
    hidden: set[str] = set()
    for style in document.automaticstyles.childNodes:
        if _attr(style, STYLENS, "family") != "table":
            continue
        for props in style.childNodes:
            if _local(props) == "table-properties" and _attr(props, TABLENS, "display") == "false":
                hidden.add(_attr(style, STYLENS, "name") or "")
    return hidden


def sheet_rows(table: Element, where: str, job: FileToRead,
               nested: list[tuple[Element, str]] | None = None) -> list[list[object]]:
    """A table's rows as values. Repeated empty rows and cells are expanded only when something follows
    them, and every expansion is checked against the rows and cells limits first (``where`` names the table
    in those errors). Tables inside cells are added to ``nested`` with where they sit ("table 1 row 2"); without
    ``nested`` their text joins the cell's."""
    rows: list[list[object]] = []
    merges: list[tuple[int, int, int, int, object]] = []  # row, column, rows spanned, columns spanned, value
    pending_blank = 0
    cells = 0
    for row_element in _rows(table):
        repeat = _repeat(row_element, "number-rows-repeated")
        values, spans = _row_values(row_element, job, where, nested, len(rows) + pending_blank + 1)
        if not any(v not in (None, "") for v in values):
            pending_blank += repeat
            continue
        check_rows(len(rows) + pending_blank + repeat, where, job.name, job.limits)
        cells += len(values) * repeat
        check_cells(cells, where, job.name, job.limits)
        rows.extend([] for _ in range(pending_blank))
        pending_blank = 0
        for column, rows_spanned, columns_spanned in spans:
            merges.append((len(rows), column, rows_spanned, columns_spanned, values[column]))
        rows.extend(list(values) for _ in range(repeat))
    _spread_merges(rows, merges)
    return rows


def _rows(element: Element) -> list[Element]:
    found: list[Element] = []
    for child in element.childNodes:
        local = _local(child)
        if local == "table-row":
            found.append(child)
        elif local in _ROW_GROUPS:
            found.extend(_rows(child))
    return found


def _row_values(row: Element, job: FileToRead, where: str, nested: list[tuple[Element, str]] | None,
                row_no: int) -> tuple[list[object], list[tuple[int, int, int]]]:
    values: list[object] = []
    spans: list[tuple[int, int, int]] = []
    pending_empty = 0
    for cell in row.childNodes:
        if _local(cell) not in _CELLS:
            continue
        repeat = _repeat(cell, "number-columns-repeated")
        value = cell_value(cell, nested, f"{where} row {row_no}") if _local(cell) == "table-cell" else None
        if value in (None, ""):
            pending_empty += repeat
            continue
        check_cells(len(values) + pending_empty + repeat, where, job.name, job.limits)
        values.extend([None] * pending_empty)
        pending_empty = 0
        rows_spanned = _repeat(cell, "number-rows-spanned")
        if rows_spanned > 1:
            spans.append((len(values), rows_spanned, _repeat(cell, "number-columns-spanned")))
        values.extend([value] * repeat)
    return values, spans


def _spread_merges(rows: list[list[object]], merges: list[tuple[int, int, int, int, object]]) -> None:
    """Give a merged cell's value to the cells below it that it covers, as the xlsx reader does."""
    for first_row, first_col, rows_spanned, columns_spanned, value in merges:
        for r in range(first_row, min(first_row + rows_spanned, len(rows))):
            row = rows[r]
            for c in range(first_col, first_col + columns_spanned):
                if (r, c) == (first_row, first_col):
                    continue
                if c >= len(row):
                    row.extend([None] * (c + 1 - len(row)))
                row[c] = value


def cell_value(cell: Element, nested: list[tuple[Element, str]] | None = None, where: str = "") -> object:
    """A cell's typed value: a datetime for dates, a float for numbers, a bool for booleans, else its text
    (paragraphs, lists and sections; a nested table goes to ``nested`` with ``where``, or joins the text)."""
    kind = _attr(cell, OFFICENS, "value-type")
    try:
        if kind in ("float", "percentage", "currency"):
            number = _attr(cell, OFFICENS, "value")
            if number is not None:
                return float(number)
        elif kind == "date":
            stamp = _attr(cell, OFFICENS, "date-value")
            if stamp:
                return datetime.fromisoformat(stamp[:19])
        elif kind == "boolean":
            return _attr(cell, OFFICENS, "boolean-value") == "true"
    except ValueError:
        pass  # an unreadable typed value: fall back to the text shown in the cell
    paragraphs: list[str] = []
    for block in _cell_blocks(cell):
        if _local(block) == "table" and nested is not None:
            nested.append((block, where))
        elif _local(block) == "table":
            paragraphs.extend(element_text(p) for p in _paragraphs(block))
        else:
            paragraphs.append(element_text(block))
    return "\n".join(paragraphs).strip() or None


def _cell_blocks(element: Element) -> Iterator[Element]:
    """A cell's paragraphs and tables in order, through lists, list items and sections."""
    for child in element.childNodes:
        local = _local(child)
        if local in ("p", "h", "table"):
            yield child
        elif local and local not in _NOT_READ and local not in _NO_TEXT and getattr(child, "childNodes", None):
            yield from _cell_blocks(child)


def element_text(element: Element, skipped: Counter[str] | None = None) -> str:
    """The text a paragraph shows: spans, links, fields' shown values and text boxes included (nested
    paragraphs on their own lines); comments, notes, images' descriptions and change marks left out, each
    counted in ``skipped``."""
    out: list[str] = []

    def walk(node: Element) -> None:
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                out.append(str(child.data))
                continue
            local = _local(child)
            if local == "s":
                out.append(" " * _count(_attr(child, TEXTNS, "c")))
            elif local == "tab":
                out.append("\t")
            elif local == "line-break":
                out.append("\n")
            elif local in _NOT_READ:
                if skipped is not None and (local == "object" or _has_text(child)):
                    skipped[_NOT_READ[local]] += 1
            elif local in _NO_TEXT:
                continue
            else:
                if local in ("p", "h"):
                    out.append("\n")
                walk(child)

    walk(element)
    return "".join(out)


def _count(value: str | None) -> int:
    try:
        return max(1, min(int(value), 1000)) if value else 1
    except ValueError:
        return 1


def _has_text(element: Element) -> bool:
    return any((child.nodeType == child.TEXT_NODE and str(child.data).strip()) or
               (child.nodeType != child.TEXT_NODE and _has_text(child)) for child in element.childNodes)


# --- text documents ---------------------------------------------------------------------------------------

def _style_parents(document: OpenDocument) -> dict[str, str]:
    """Automatic paragraph style -> the named style it derives from ("P3" -> "Caption")."""
    parents: dict[str, str] = {}
    for style in document.automaticstyles.childNodes:
        name = _attr(style, STYLENS, "name")
        parent = _attr(style, STYLENS, "parent-style-name")
        if name and parent:
            parents[name] = parent
    return parents


def _style_of(element: Element, parents: dict[str, str]) -> str:
    name = _attr(element, TEXTNS, "style-name") or ""
    name = parents.get(name, name)
    return _ENCODED_SPACE.sub(" ", name).lower()


def _add_text(builder: DocumentBuilder, element: Element, parents: dict[str, str]) -> None:
    """Walk the body in document order: headings, paragraphs, lists, sections and tables."""
    handlers: dict[str, Callable[[Element], None]] = {
        "h": lambda e: builder.add_heading(element_text(e, builder.not_read)),
        "p": lambda e: _add_paragraph(builder, e, parents),
        "table": lambda e: _add_table(builder, e, None),
    }
    for child in element.childNodes:
        local = _local(child)
        if not local or local in _SKIP_TEXT:
            continue
        if local in _TOC:
            for _ in _paragraphs(child):
                builder.add_furniture()
        elif local in handlers:
            handlers[local](child)
        else:
            _add_text(builder, child, parents)  # lists, list items, sections, frames


def _add_paragraph(builder: DocumentBuilder, element: Element, parents: dict[str, str]) -> None:
    style = _style_of(element, parents)
    text = element_text(element, builder.not_read)
    if style.startswith(_HEADING_STYLES):
        builder.add_heading(text)
    elif style.startswith(_FURNITURE_STYLES) and text.strip():
        builder.add_furniture()
    else:
        builder.add_paragraph(text)


def _add_table(builder: DocumentBuilder, table: Element, within: str | None) -> None:
    """A table, then the tables nested in its cells, each citing the cell that holds it."""
    nested: list[tuple[Element, str]] = []
    builder.add_table(sheet_rows(table, f"table {builder.table_no + 1}", builder.job, nested), within=within)
    for inner, where in nested:
        _add_table(builder, inner, where)


def _count_deletions(builder: DocumentBuilder, body: Element) -> None:
    """Tracked deletions live in the change log at the top of the body: count those that removed text."""
    for changes in _children(body, "tracked-changes"):
        for region in _children(changes, "changed-region"):
            if any(_has_text(deletion) for deletion in _children(region, "deletion")):
                builder.not_read[_DELETION_NOTE] += 1


def _count_headers(builder: DocumentBuilder, document: OpenDocument) -> None:
    """Page headers and footers live in the master pages: count their paragraphs with text."""
    masters = getattr(document, "masterstyles", None)
    for page in masters.childNodes if masters is not None else []:
        for part in page.childNodes:
            if _local(part) in ("header", "footer", "header-left", "footer-left", "header-first", "footer-first"):
                count = sum(1 for p in _paragraphs(part) if element_text(p).strip())
                if count:
                    builder.not_read[_HEADER_NOTE] += count


def _paragraphs(element: Element) -> list[Element]:
    found: list[Element] = []
    for child in element.childNodes:
        if _local(child) in ("p", "h"):
            found.append(child)
        elif getattr(child, "childNodes", None):
            found.extend(_paragraphs(child))
    return found
