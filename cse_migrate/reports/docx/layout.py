"""Building blocks of the Word report: styled paragraphs, headings, bullets, tables with shaded headers, fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from cse_migrate.output import clean_text

TOC_PLACEHOLDER = "Right-click to update the table of contents"


TOC_INSTRUCTION = r'TOC \o "1-3" \h \z \u'


# "Table Grid" ships in python-docx's default template and prints well in black and white.
TABLE_STYLE = "Table Grid"


HEADER_FILL = "D9D9D9"


EVIDENCE_CHARS = 400  # long narrative paragraphs are cut here; the Excel portfolio keeps the full text


BODY_FONT = "Calibri"


BODY_SIZE = Pt(10.5)


TABLE_SIZE = Pt(9)


# English month names written out, so the title page does not depend on the machine's locale.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class Column:
    """A table column: its header and its width on an A4 page with 2 cm margins (17 cm to share)."""

    header: str
    width_cm: float

WORD_TABLE_ROWS = 500  # rows of one table in the Word report; the workbook and JSON hold them all


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a complex field (begin, instruction, separate, shown text, end) to ``paragraph``.

    Complex fields rather than w:fldSimple because Word and LibreOffice both update them reliably.
    """
    add_field_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    add_field_char(paragraph, "separate")
    paragraph.add_run(placeholder)
    add_field_char(paragraph, "end")


def add_field_char(paragraph: Paragraph, kind: str) -> None:
    """Append one w:fldChar run of the given type."""
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def add_text(document: Document, text: str, style: str | None = None) -> Paragraph:
    """Add a paragraph of cleaned text."""
    return document.add_paragraph(clean_text(text), style=style)


def add_heading(document: Document, text: str, level: int, new_page: bool = False) -> Paragraph:
    """Add a "Heading N" paragraph, optionally starting a new page."""
    paragraph = add_text(document, text, style=f"Heading {level}")
    if new_page:
        paragraph.paragraph_format.page_break_before = True
    return paragraph


def add_page_break(document: Document) -> None:
    """End the page here (a paragraph holding a page break, as Word itself writes it)."""
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def add_bullets(document: Document, lines: Iterable[str], empty: str) -> None:
    """Add a bulleted list, or the sentence ``empty`` when there is nothing to list."""
    added = False
    for line in lines:
        add_text(document, line, style="List Bullet")
        added = True
    if not added:
        add_text(document, empty)


def add_labelled(document: Document, label: str, text: str) -> Paragraph:
    """Add a paragraph whose first words are bold, e.g. "Status: Met"."""
    paragraph = document.add_paragraph()
    paragraph.add_run(clean_text(label)).bold = True
    paragraph.add_run(clean_text(text))
    return paragraph


def long_date(value: date) -> str:
    """Write a date as "31 March 2009"."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """``1 item`` / ``2 items``."""
    word = noun if count == 1 else (plural_noun or noun + "s")
    return f"{count} {word}"


def fill_cell(cell: _Cell, text: str, bold: bool = False) -> None:
    """Write cleaned text into a table cell in the smaller table font."""
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(clean_text(text))
    run.font.size = TABLE_SIZE
    run.bold = bold


def shade_cell(cell: _Cell, fill: str) -> None:
    """Colour a cell's background via w:shd in its tcPr."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr = cell._tc.get_or_add_tcPr()
    # w:shd must come after the cell width (w:tcW) and before alignment elements; width is set first.
    tc_pr.append(shading)


def mark_header_row(row: _Row) -> None:
    """Repeat the row at the top of every page the table spans, and keep it in one piece."""
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        tr_pr.append(element)


def add_table(document: Document, columns: Sequence[Column], rows: Iterable[Sequence[str]]) -> Table:
    """Add a grid table with a bold, shaded, repeating header row and fixed column widths."""
    body = [list(values) for values in rows]
    # All rows are created at once: cheaper than add_row() for portfolios of thousands of items.
    table: Table = document.add_table(rows=1 + len(body), cols=len(columns))
    table.style = TABLE_STYLE
    table.autofit = False
    for grid_column, column in zip(table.columns, columns, strict=True):
        grid_column.width = Cm(column.width_cm)  # the grid widths LibreOffice uses
    header, *data_rows = table.rows
    mark_header_row(header)
    for cell, column in zip(header.cells, columns, strict=True):
        cell.width = Cm(column.width_cm)  # the cell widths Word uses
        fill_cell(cell, column.header, bold=True)
        shade_cell(cell, HEADER_FILL)
    for row, values in zip(data_rows, body, strict=True):
        for cell, value, column in zip(row.cells, values, columns, strict=True):
            cell.width = Cm(column.width_cm)
            fill_cell(cell, value)
    return table


def add_table_or_note(document: Document, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                      empty: str) -> None:
    """Add a table when there are rows, otherwise a sentence saying there is nothing to show.

    A table longer than :data:`WORD_TABLE_ROWS` shows its first rows and says how many more evidence.xlsx
    and results.json list: a Word table of 200,000 rows is thousands of pages nobody reads, and took
    python-docx over an hour to build."""
    if not rows:
        add_text(document, empty)
        return
    add_table(document, columns, rows[:WORD_TABLE_ROWS])
    if len(rows) > WORD_TABLE_ROWS:
        add_text(document, f"The first {WORD_TABLE_ROWS:,} of {len(rows):,} rows are shown here; evidence.xlsx and "
                           "results.json list every one.")


def add_shaded_table(document: Document, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                     fills: Sequence[str]) -> Table:
    """A summary table whose second column (status or rating) is shaded row by row."""
    table = add_table(document, columns, rows)
    for row, fill in zip(table.rows[1:], fills, strict=True):
        shade_cell(row.cells[1], fill)
    return table
