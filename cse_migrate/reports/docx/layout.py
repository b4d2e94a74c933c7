"""Building blocks of the Word report: styled paragraphs, headings, bullets, tables with shaded headers, fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
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
_RUN_BREAKS = re.compile(r"(\t|\r|\n)")  # what python-docx turns into w:tab and w:br inside a run


# English month names written out, so the title page does not depend on the machine's locale.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class Column:
    """A table column: its header and its width on an A4 page with 2 cm margins (17 cm to share)."""

    header: str
    width_cm: float


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
    paragraph = document.add_paragraph(clean_text(text))
    if style is not None:
        paragraph._p.style = style_id(document, style)
    return paragraph


# Paragraph style name -> style id, per document: python-docx looks a name up by scanning every style of the
# document, which cost a fifth of a report's time when done for each paragraph.
_STYLE_IDS: WeakKeyDictionary[object, dict[str, str | None]] = WeakKeyDictionary()  # keyed by document part


def style_id(document: Document, name: str) -> str | None:
    """The id of paragraph style ``name`` in ``document`` (None for the default style), looked up once."""
    ids = _STYLE_IDS.setdefault(document.part, {})  # the Document proxy itself is not hashable
    if name not in ids:
        style = document.styles[name]
        # python-docx writes no w:pStyle for the default paragraph style; neither do we
        ids[name] = None if style == document.styles.default(WD_STYLE_TYPE.PARAGRAPH) else style.style_id
    return ids[name]


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
    table: Table = document.add_table(rows=1, cols=len(columns))
    table.style = TABLE_STYLE
    table.autofit = False
    for grid_column, column in zip(table.columns, columns, strict=True):
        grid_column.width = Cm(column.width_cm)  # the grid widths LibreOffice uses
    header = table.rows[0]
    mark_header_row(header)
    for cell, column in zip(header.cells, columns, strict=True):
        cell.width = Cm(column.width_cm)  # the cell widths Word uses
        fill_cell(cell, column.header, bold=True)
        shade_cell(cell, HEADER_FILL)
    # The body rows are written as XML and parsed in one go: building them cell by cell through python-docx cost
    # most of a report's time. They are the elements fill_cell() and the cell widths above would make.
    widths = [Cm(column.width_cm).twips for column in columns]
    body = "".join(row_xml(values, widths) for values in rows)
    if body:
        table._tbl.extend(parse_xml(f"<w:tbl {nsdecls('w')}>{body}</w:tbl>"))
    return table


def row_xml(values: Sequence[str], widths: Sequence[int]) -> str:
    """One body row: per cell its width and one paragraph holding a run in the table font, not bold."""
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr><w:p>{run_xml(value)}</w:p></w:tc>'
                    for value, width in zip(values, widths, strict=True))
    return f"<w:tr>{cells}</w:tr>"


_RUN_PROPERTIES = f'<w:rPr><w:b w:val="0"/><w:sz w:val="{int(TABLE_SIZE.pt * 2)}"/></w:rPr>'


def run_xml(text: str) -> str:
    """A run as python-docx writes ``add_run(text)``: tabs become w:tab, line breaks w:br, the rest w:t (keeping
    its spaces when it starts or ends with one)."""
    parts = [_RUN_PROPERTIES]
    for piece in _RUN_BREAKS.split(clean_text(text)):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return f"<w:r>{''.join(parts)}</w:r>"


def add_table_or_note(document: Document, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                      empty: str) -> None:
    """Add a table when there are rows, otherwise a sentence saying there is nothing to show."""
    if rows:
        add_table(document, columns, rows)
    else:
        add_text(document, empty)


def add_shaded_table(document: Document, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                     fills: Sequence[str]) -> Table:
    """A summary table whose second column (status or rating) is shaded row by row."""
    table = add_table(document, columns, rows)
    for row, fill in zip(table.rows[1:], fills, strict=True):
        shade_cell(row.cells[1], fill)
    return table
