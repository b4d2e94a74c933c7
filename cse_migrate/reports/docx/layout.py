"""Building blocks of the Word report: styled paragraphs, headings, bullets, tables with shaded headers, fields.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar, overload
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from cse_migrate.output import clean_text
from cse_migrate.reports.docx.widths import widest_word_cm

# "Table Grid" ships in python-docx's default template and prints well in black and white.
TABLE_STYLE = "Table Grid"


HEADER_FILL = "D9D9D9"


EVIDENCE_CHARS = 300  # evidence quoted in a table is cut beyond this, with an ellipsis; evidence.xlsx keeps it all


FINDING_CHARS = 200  # ... and beyond this in the findings, which show each part's strongest items only


BODY_FONT = "Calibri"


BODY_SIZE = Pt(10.5)


TABLE_SIZE = Pt(9)
_RUN_BREAKS = re.compile(r"(\t|\r|\n)")  # what python-docx turns into w:tab and w:br inside a run


SMALL_SIZE = Pt(7)


SMALL_COLOUR = RGBColor(0x59, 0x59, 0x59)


PAGE_WIDTH_CM = 17.0  # A4 less 2 cm margins


# LibreOffice's and Word's default cell margins (0.19 cm each side) plus a little air, so a measured word fits.
CELL_PADDING_CM = 0.5


# English month names written out, so the title page does not depend on the machine's locale.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class Column:
    """A table column: its header and its width on an A4 page with 2 cm margins (17 cm to share)."""

    header: str
    width_cm: float

WORD_TABLE_ROWS = 500  # rows of one table in the Word report; the workbook and JSON hold them all


@dataclass(frozen=True)
class CellText:
    """A cell's text with an optional second line in small grey print (an item id for cross-reference)."""

    main: str
    small: str = ""
    bold: bool = False


Cell = str | CellText
T = TypeVar("T")


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


def add_run(paragraph: Paragraph, text: str) -> Run:
    """Append a run of ``text`` to ``paragraph``: the XML ``paragraph.add_run(text)`` writes (tabs as w:tab, line
    breaks as w:br, w:t keeping its spaces where it starts or ends with one), without python-docx's state machine
    taking the text one character at a time."""
    r = paragraph._p.add_r()
    for piece in _RUN_BREAKS.split(text):
        if piece == "\t":
            r.add_tab()
        elif piece in ("\r", "\n"):
            r.add_br()
        elif piece:
            r.add_t(piece)
    return Run(r, paragraph)


def add_text(document: Document, text: str, style: str | None = None) -> Paragraph:
    """Add a paragraph of cleaned text."""
    paragraph = document.add_paragraph()
    cleaned = clean_text(text)
    if cleaned:
        add_run(paragraph, cleaned)
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
        # python-docx writes no style reference for the default style of its kind; neither do we. Only a style
        # marked default can be the default (finding which one is scans every style of the document).
        default = style.element.default and style == document.styles.default(kind)
        ids[key] = None if default else style.style_id
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
    add_run(paragraph, clean_text(label)).bold = True
    add_run(paragraph, clean_text(text))
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


def add_table(document: Document, columns: Sequence[Column], rows: Iterable[Sequence[Cell]]) -> Table:
    """Add a grid table with a bold, shaded, repeating header row and fixed column widths, each column at least
    as wide as its longest word (:func:`fit_columns`), so no word is ever broken across lines."""
    body = [list(values) for values in rows]
    columns = fit_columns(columns, body)
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
    rows_xml = "".join(row_xml(values, widths) for values in body)
    xml = f'<w:tr><w:trPr><w:cantSplit w:val="true"/><w:tblHeader w:val="true"/></w:trPr>{header}</w:tr>{rows_xml}'
    table._tbl.extend(parse_xml(f"<w:tbl {nsdecls('w')}>{xml}</w:tbl>"))
    return table


def row_xml(values: Sequence[Cell], widths: Sequence[int]) -> str:
    """One body row: per cell its width, a paragraph holding a run in the table font (bold only where a
    :class:`CellText` asks) and, for a :class:`CellText` with small print, a second paragraph in small grey print."""
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>{cell_xml(value)}</w:tc>'
                    for value, width in zip(values, widths, strict=True))
    return f"<w:tr>{cells}</w:tr>"


def cell_xml(value: Cell) -> str:
    """The paragraphs of one body cell, as python-docx writes them for ``add_run`` with a size, bold and colour."""
    if isinstance(value, str):
        return f"<w:p>{run_xml(value)}</w:p>"
    main = f"<w:p>{run_xml(value.main, bold=value.bold)}</w:p>"
    return main + (f"<w:p>{run_xml(value.small, small=True)}</w:p>" if value.small else "")


_TABLE_SIZE = f'<w:sz w:val="{int(TABLE_SIZE.pt * 2)}"/>'  # half-points
_RUN_PROPERTIES = {False: f'<w:rPr><w:b w:val="0"/>{_TABLE_SIZE}</w:rPr>', True: f"<w:rPr><w:b/>{_TABLE_SIZE}</w:rPr>"}
_SMALL_PROPERTIES = f'<w:rPr><w:color w:val="{SMALL_COLOUR}"/><w:sz w:val="{int(SMALL_SIZE.pt * 2)}"/></w:rPr>'


def run_xml(text: str, bold: bool = False, small: bool = False) -> str:
    """A run in the table font (or in small grey print), as python-docx writes ``add_run(text)`` with a font size
    and bold (or colour) set: tabs become w:tab, line breaks w:br, the rest w:t (keeping its spaces when it starts
    or ends with one)."""
    parts = [_SMALL_PROPERTIES if small else _RUN_PROPERTIES[bold]]
    for piece in _RUN_BREAKS.split(clean_text(text)):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return f"<w:r>{''.join(parts)}</w:r>"


class LazyRows(Sequence[Sequence[Cell]], Generic[T]):
    """Table rows made from their sources only when shown: a table shows its first :data:`WORD_TABLE_ROWS`, so
    the cells of the other rows of a 200,000-item run are never made."""

    def __init__(self, sources: Sequence[T], make: Callable[[T], Sequence[Cell]]) -> None:
        self.sources = sources
        self.make = make

    def __len__(self) -> int:
        return len(self.sources)

    @overload
    def __getitem__(self, index: int) -> Sequence[Cell]: ...

    @overload
    def __getitem__(self, index: slice) -> list[Sequence[Cell]]: ...

    def __getitem__(self, index: int | slice) -> Sequence[Cell] | list[Sequence[Cell]]:
        if isinstance(index, slice):
            return [self.make(source) for source in self.sources[index]]
        return self.make(self.sources[index])


def add_table_or_note(document: Document, columns: Sequence[Column], rows: Sequence[Sequence[Cell]],
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


def add_shaded_table(document: Document, columns: Sequence[Column], rows: Sequence[Sequence[Cell]],
                     fills: Sequence[Sequence[str | None]]) -> Table:
    """A table whose cells are shaded as ``fills`` says (one list per row, None for no shading)."""
    table = add_table(document, columns, rows)
    for row, row_fills in zip(table.rows[1:], fills, strict=True):
        for cell, colour in zip(row.cells, row_fills, strict=False):
            if colour:
                shade_cell(cell, colour)
    return table


# --- fitting columns to their words ---------------------------------------------------------------------------


def column_words(header: str, cells: Iterable[Cell]) -> list[tuple[list[str], float, bool]]:
    """The words of a column with the size and weight they print in: the header's (bold), the cells' main text,
    their small print."""
    main: list[str] = []
    small: list[str] = []
    for value in cells:
        if isinstance(value, str):
            main += value.split()
        else:
            main += value.main.split()
            small += value.small.split()
    return [(header.split(), TABLE_SIZE.pt, True), (main, TABLE_SIZE.pt, False), (small, SMALL_SIZE.pt, False)]


def fit_columns(columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> list[Column]:
    """Widen any column narrower than its longest word (headers in bold) and take the room from columns with
    width to spare, in proportion, so the table keeps its total width and no word breaks across lines."""
    need = [widest_word_cm(column_words(c.header, (row[i] for row in rows if i < len(row)))) + CELL_PADDING_CM
            for i, c in enumerate(columns)]
    widths = [c.width_cm for c in columns]
    deficit = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    if deficit <= 0:
        return list(columns)
    widths = [max(n, w) for n, w in zip(need, widths, strict=True)]
    spare = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
    total_spare = sum(spare)
    if total_spare > 0:
        share = min(1.0, deficit / total_spare)
        widths = [w - s * share for w, s in zip(widths, spare, strict=True)]
    over = sum(widths) - max(PAGE_WIDTH_CM, sum(c.width_cm for c in columns))
    if over > 0:  # one unbreakable token wider than the page allows: the table still fits, that cell wraps
        widest = widths.index(max(widths))
        widths[widest] -= over
    return [Column(c.header, round(w, 2)) for c, w in zip(columns, widths, strict=True)]


# --- contents, bookmarks, pictures ------------------------------------------------------------------------------


def add_bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """Wrap a paragraph's content in a bookmark, for a contents entry to point at."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    p_pr = paragraph._p.pPr
    if p_pr is not None:
        p_pr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


def fill_contents(document: Document, anchor: Paragraph, levels: int = 1) -> int:
    """Write a contents entry before ``anchor`` for every heading up to ``levels``: its text, a dotted tab and a
    PAGEREF field to a bookmark on the heading. Word and LibreOffice compute the page numbers when they lay the
    document out; the entries themselves are real text from the start. Returns the number of entries."""
    # Heading levels by style id, read once: asking each paragraph for its style makes python-docx scan every
    # style of the document for the default one (two fifths of the Word report's time). A paragraph without a
    # style reference, or with one to no paragraph style, has the default style, which is no heading.
    level_of = {style.style_id: int(style.name[8:]) for style in document.styles
                if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name is not None
                and style.name.startswith("Heading ") and style.name[8:].isdigit()}
    headings = [(p, level_of[p._p.style]) for p in document.paragraphs
                if p._p.style in level_of and level_of[p._p.style] <= levels and p.text.strip()]
    for number, (heading, level) in enumerate(headings, start=1):
        name = f"_Toc{number:04d}"
        add_bookmark(heading, name, 9000 + number)
        entry = anchor.insert_paragraph_before()
        entry.paragraph_format.tab_stops.add_tab_stop(Cm(PAGE_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT,
                                                      WD_TAB_LEADER.DOTS)
        entry.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        entry.paragraph_format.space_after = Pt(2)
        entry.add_run(clean_text(heading.text) + "\t")
        add_field(entry, f"PAGEREF {name} \\h", "")
    return len(headings)


def add_picture(document: Document, png: bytes, width_cm: float, alt: str) -> None:
    """Embed a PNG at ``width_cm`` with alt text (read aloud by screen readers, shown when the picture is not)."""
    shape = document.add_picture(io.BytesIO(png), width=Cm(width_cm))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", clean_text(alt))
    doc_pr.set("title", clean_text(alt.split(":")[0]))


def add_small(document: Document, text: str) -> Paragraph:
    """A paragraph in small grey print."""
    paragraph = document.add_paragraph()
    run = add_run(paragraph, clean_text(text))
    run.font.size = SMALL_SIZE
    run.font.color.rgb = SMALL_COLOUR
    return paragraph
