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
from docx.table import Table, _Cell
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


# Style name -> style id, per document: python-docx looks a name up by scanning every style of the document,
# which cost a fifth of a report's time when done for each paragraph and table.
_STYLE_IDS: WeakKeyDictionary[object, dict[tuple[str, int], str | None]] = WeakKeyDictionary()  # by document part


def style_id(document: Document, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
    """The id of the ``kind`` style ``name`` in ``document`` (None for the default style), looked up once."""
    ids = _STYLE_IDS.setdefault(document.part, {})  # the Document proxy itself is not hashable
    key = (name, int(kind))
    if key not in ids:
        style = document.styles[name]
        # python-docx writes no style reference for the default style of its kind; neither do we
        ids[key] = None if style == document.styles.default(kind) else style.style_id
    return ids[key]


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


def shade_cell(cell: _Cell, fill: str) -> None:
    """Colour a cell's background via w:shd in its tcPr."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr = cell._tc.get_or_add_tcPr()
    # w:shd must come after the cell width (w:tcW) and before alignment elements; width is set first.
    tc_pr.append(shading)


def add_table(document: Document, columns: Sequence[Column], rows: Iterable[Sequence[str]]) -> Table:
    """Add a grid table with a bold, shaded, repeating header row and fixed column widths."""
    table: Table = document.add_table(rows=0, cols=len(columns))
    table._tbl.tblPr.style = style_id(document, TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    table.autofit = False
    for grid_column, column in zip(table.columns, columns, strict=True):
        grid_column.width = Cm(column.width_cm)  # the grid widths LibreOffice uses
    # The rows are written as XML and parsed in one go: building them cell by cell through python-docx cost most
    # of a report's time. They are the elements python-docx writes for a cell's width (which Word uses), a run in
    # the table font (9 pt, bold in the header), the header's shading and its marks to repeat on every page and
    # never split.
    widths = [Cm(column.width_cm).twips for column in columns]
    header = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/><w:shd w:val="clear" w:color="auto" '
                     f'w:fill="{HEADER_FILL}"/></w:tcPr><w:p>{run_xml(column.header, bold=True)}</w:p></w:tc>'
                     for column, width in zip(columns, widths, strict=True))
    body = "".join(row_xml(values, widths) for values in rows)
    xml = f'<w:tr><w:trPr><w:cantSplit w:val="true"/><w:tblHeader w:val="true"/></w:trPr>{header}</w:tr>{body}'
    table._tbl.extend(parse_xml(f"<w:tbl {nsdecls('w')}>{xml}</w:tbl>"))
    return table


def row_xml(values: Sequence[str], widths: Sequence[int]) -> str:
    """One body row: per cell its width and one paragraph holding a run in the table font, not bold."""
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr><w:p>{run_xml(value)}</w:p></w:tc>'
                    for value, width in zip(values, widths, strict=True))
    return f"<w:tr>{cells}</w:tr>"


_TABLE_SIZE = f'<w:sz w:val="{int(TABLE_SIZE.pt * 2)}"/>'  # half-points
_RUN_PROPERTIES = {False: f'<w:rPr><w:b w:val="0"/>{_TABLE_SIZE}</w:rPr>', True: f"<w:rPr><w:b/>{_TABLE_SIZE}</w:rPr>"}


def run_xml(text: str, bold: bool = False) -> str:
    """A run in the table font, as python-docx writes ``add_run(text)`` with a font size and bold set: tabs become
    w:tab, line breaks w:br, the rest w:t (keeping its spaces when it starts or ends with one)."""
    parts = [_RUN_PROPERTIES[bold]]
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
