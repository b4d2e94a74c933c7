"""Building blocks of the Word report: styled paragraphs, headings, tables with shaded headers, fields, pictures.

The body is written as XML text (:class:`Body`), the XML python-docx writes for the same paragraphs and tables,
and parsed into the document once: building it element by element through python-docx took most of a report's
time. The parts of the document outside the body (styles, footer, properties, pictures' parts) are python-docx's.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, nsmap
from docx.oxml.shape import CT_Inline
from docx.shared import Cm, Length, Pt, RGBColor
from docx.text.paragraph import Paragraph
from lxml import etree

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

@dataclass(frozen=True)
class CellText:
    """A cell's text with an optional second line in small grey print (an item id for cross-reference)."""

    main: str
    small: str = ""
    bold: bool = False


Cell = str | CellText


class Body:
    """The report's body as it is written: each paragraph and table as XML text, parsed into the document in one
    go by :meth:`finish` (python-docx builds a paragraph element by element and looks for the end of the body
    each time it adds one, which was most of a report's time), with the contents written before its anchor and
    the pictures placed once the body is in. Writes exactly the XML python-docx writes for the same calls."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.chunks: list[str] = []  # one top-level element each: a paragraph or a table
        self.contents: list[str] = []  # the contents entries, one per heading up to CONTENTS_LEVELS
        self.anchor: int | None = None  # the chunk the contents entries go before
        self.pictures: list[tuple[int, bytes, float, str]] = []  # chunk of the picture's paragraph, PNG, cm, alt

    def add(self, xml: str) -> None:
        self.chunks.append(xml)

    def style(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str:
        """``<w:pStyle>`` (or ``<w:tblStyle>``) naming the style ``name``, or nothing for the default style."""
        found = style_id(self.document, name, kind)
        tag = "tblStyle" if kind == WD_STYLE_TYPE.TABLE else "pStyle"
        return f'<w:{tag} w:val="{escape(found, _QUOTE)}"/>' if found is not None else ""

    def mark_contents(self) -> None:
        """The contents entries go here: before the next paragraph added."""
        self.anchor = len(self.chunks)

    def finish(self) -> Document:
        """The document with the body in: the contents entries at their anchor, the pictures in their paragraphs,
        every paragraph and table before the body's section properties, parsed with the rest of the document in
        one go (elements parsed apart and moved in were walked again to fix their namespaces: a tenth of a
        report). Returns the new document object; the one the body was made with is not to be used again."""
        chunks = list(self.chunks)
        shift = len(self.contents) if self.anchor is not None else 0
        if self.anchor is not None:
            chunks[self.anchor:self.anchor] = self.contents
        part = self.document.part
        first_id = part.next_id  # as python-docx numbers pictures: nothing in the template has an id
        for number, (index, png, width_cm, alt) in enumerate(self.pictures):
            # python-docx's StoryPart.new_pic_inline, with the id it would find once the pictures before are in
            rid, image = part.get_or_add_image(io.BytesIO(png))
            cx, cy = image.scaled_dimensions(Cm(width_cm), None)
            inline = CT_Inline.new_pic_inline(first_id + number, rid, image.filename, cx, cy)
            inline.docPr.set("descr", clean_text(alt))
            inline.docPr.set("title", clean_text(alt.split(":")[0]))
            # its own namespace declarations but those the document declares (python-docx's move into the
            # document drops them: the same XML)
            xml = etree.tostring(inline, encoding="unicode").replace(_WP_DECLARATION, "").replace(_R_DECLARATION, "")
            chunks[index + shift if self.anchor is not None and index >= self.anchor else index] = \
                f"<w:p><w:r><w:drawing>{xml}</w:drawing></w:r></w:p>"
        head, found, tail = etree.tostring(self.document.element, encoding="unicode").partition("<w:sectPr")
        if not found or not head.endswith("<w:body>"):
            raise RuntimeError("python-docx's template has content in its body; the report expects none")
        root = parse_xml(head + "".join(chunks) + found + tail)
        part._element = root  # XmlPart keeps its element here, and saves it from here
        return Document(root, part)


_WP_DECLARATION = f' xmlns:wp="{nsmap["wp"]}"'
_R_DECLARATION = f' xmlns:r="{nsmap["r"]}"'
_QUOTE = {'"': "&quot;"}
CONTENTS_LEVELS = 1  # headings listed in the contents: "Heading 1" only

# Style name -> style id, per document: python-docx looks a name up by scanning every style of the document,
# which cost a fifth of a report's time when done for each paragraph and table.
_STYLE_IDS: WeakKeyDictionary[object, dict[tuple[str, int], str | None]] = WeakKeyDictionary()  # by document part


def share_style_ids(copy: Document, original: Document) -> None:
    """Let ``copy`` (a copy of ``original``, styles and all) use the style ids looked up in ``original``."""
    _STYLE_IDS[copy.part] = _STYLE_IDS.setdefault(original.part, {})


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


def field_xml(instruction: str, placeholder: str) -> str:
    """The runs of a complex field (begin, instruction, separate, shown text, end).

    Complex fields rather than w:fldSimple because Word and LibreOffice both update them reliably."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
            f'{escape(instruction)} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run_xml(placeholder)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a complex field (:func:`field_xml`) to ``paragraph`` (the footer's, which python-docx holds)."""
    paragraph._p.extend(parse_xml(f"<w:p {nsdecls('w')}>{field_xml(instruction, placeholder)}</w:p>"))


def paragraph_xml(runs: str, style: str = "", properties: str = "") -> str:
    """A ``<w:p>``: its style reference (from :meth:`Body.style`) and other properties, in schema order, then
    its runs."""
    return f"<w:p><w:pPr>{style}{properties}</w:pPr>{runs}</w:p>" if style or properties else f"<w:p>{runs}</w:p>"


def add_paragraph(body: Body, runs: str, style: str | None = None, properties: str = "") -> None:
    """Add a paragraph of ``runs`` (from :func:`run_xml`) in the paragraph style ``style``."""
    body.add(paragraph_xml(runs, body.style(style) if style is not None else "", properties))


def add_text(body: Body, text: str, style: str | None = None, properties: str = "") -> None:
    """Add a paragraph of cleaned text (no run when there is no text)."""
    cleaned = clean_text(text)
    add_paragraph(body, run_xml(cleaned) if cleaned else "", style, properties)


def add_heading(body: Body, text: str, level: int, new_page: bool = False) -> None:
    """Add a "Heading N" paragraph, optionally starting a new page; a heading the contents lists is wrapped in a
    bookmark its entry's page number points at."""
    cleaned = clean_text(text)
    runs = run_xml(cleaned) if cleaned else ""
    shown = cleaned.replace("\r", "\n")  # the text python-docx reads back: a break is a new line
    if level <= CONTENTS_LEVELS and shown.strip():
        number = len(body.contents) + 1
        name = f"_Toc{number:04d}"
        runs = f'<w:bookmarkStart w:id="{9000 + number}" w:name="{name}"/>{runs}<w:bookmarkEnd w:id="{9000 + number}"/>'
        # the entry: its text, a dotted tab to the right margin and a PAGEREF field to the bookmark. Word and
        # LibreOffice compute the page numbers when they lay the document out; the entries are real text now.
        indent = f'<w:ind w:left="{Cm(0.6 * (level - 1)).twips}"/>'
        properties = f'<w:tabs><w:tab w:pos="{Cm(PAGE_WIDTH_CM).twips}" w:val="right" w:leader="dot"/></w:tabs>' \
                     f'<w:spacing w:after="{Pt(2).twips}"/>{indent}'
        entry = run_xml(clean_text(shown) + "\t") + field_xml(f"PAGEREF {name} \\h", "")
        body.contents.append(paragraph_xml(entry, properties=properties))
    add_paragraph(body, runs, f"Heading {level}", "<w:pageBreakBefore/>" if new_page else "")


def add_page_break(body: Body) -> None:
    """End the page here (a paragraph holding a page break, as Word itself writes it)."""
    body.add('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')


def add_labelled(body: Body, label: str, text: str, more: str = "") -> None:
    """Add a paragraph whose first words are bold, e.g. "Status: Met", then ``text`` and ``more``."""
    add_paragraph(body, run_xml(label, bold=True) + run_xml(text) + (run_xml(more) if more else ""))


def long_date(value: date) -> str:
    """Write a date as "31 March 2009"."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """``1 item`` / ``2 items``."""
    word = noun if count == 1 else (plural_noun or noun + "s")
    return f"{count} {word}"


def add_table(body: Body, columns: Sequence[Column], rows: Iterable[Sequence[Cell]],
              fills: Sequence[Sequence[str | None]] | None = None) -> None:
    """Add a grid table with a bold, shaded, repeating header row and fixed column widths, each column at least
    as wide as its longest word (:func:`fit_columns`), so no word is ever broken across lines. ``fills`` shades
    body cells (one list per row, None for no shading).

    The table is the XML python-docx writes for ``add_table`` with the table style, fixed layout and column
    widths set (the grid widths LibreOffice uses), and for each cell its width (which Word uses), a run in the
    table font (9 pt, bold in the header), the header's shading and its marks to repeat on every page and never
    split."""
    body_rows = [list(values) for values in rows]
    if fills is not None and len(fills) != len(body_rows):
        raise ValueError(f"{len(fills)} rows of shading for a table of {len(body_rows)} rows")
    columns = fit_columns(columns, body_rows)
    widths = [Cm(column.width_cm).twips for column in columns]
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    header = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/><w:shd w:val="clear" w:color="auto" '
                     f'w:fill="{HEADER_FILL}"/></w:tcPr><w:p>{table_run_xml(column.header, bold=True)}</w:p></w:tc>'
                     for column, width in zip(columns, widths, strict=True))
    shading = fills if fills is not None else [()] * len(body_rows)
    rows_xml = "".join(row_xml(values, widths, row_fills) for values, row_fills in zip(body_rows, shading, strict=True))
    body.add(f'<w:tbl><w:tblPr>{body.style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)}<w:tblW w:type="auto" w:w="0"/>'
             f'<w:tblLayout w:type="fixed"/>{_TABLE_LOOK}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
             f'<w:tr><w:trPr><w:cantSplit w:val="true"/><w:tblHeader w:val="true"/></w:trPr>{header}</w:tr>'
             f"{rows_xml}</w:tbl>")


_TABLE_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
               'w:noVBand="1" w:val="04A0"/>')  # python-docx's, from its table template


def row_xml(values: Sequence[Cell], widths: Sequence[int], fills: Sequence[str | None] = ()) -> str:
    """One body row: per cell its width and shading (where ``fills`` gives a colour), a paragraph holding a run
    in the table font (bold only where a :class:`CellText` asks) and, for a :class:`CellText` with small print, a
    second paragraph in small grey print."""
    shades = list(fills)[:len(values)] + [None] * (len(values) - len(fills))
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>'
                    f'{_SHADE.format(fill) if fill else ""}</w:tcPr>{cell_xml(value)}</w:tc>'
                    for value, width, fill in zip(values, widths, shades, strict=True))
    return f"<w:tr>{cells}</w:tr>"


_SHADE = '<w:shd w:val="clear" w:color="auto" w:fill="{}"/>'


def cell_xml(value: Cell) -> str:
    """The paragraphs of one body cell, as python-docx writes them for ``add_run`` with a size, bold and colour."""
    if isinstance(value, str):
        return f"<w:p>{table_run_xml(value)}</w:p>"
    main = f"<w:p>{table_run_xml(value.main, bold=value.bold)}</w:p>"
    return main + (f"<w:p>{run_xml(value.small, size=SMALL_SIZE, colour=SMALL_COLOUR)}</w:p>" if value.small else "")


def table_run_xml(text: str, bold: bool = False) -> str:
    """A run in the table font: 9 pt, bold or explicitly not bold."""
    return run_xml(text, bold=bold, size=TABLE_SIZE)


def run_xml(text: str, bold: bool | None = None, size: Length | None = None, colour: RGBColor | None = None) -> str:
    """A run of cleaned ``text`` as python-docx writes ``add_run(text)`` with bold (True, or False written out),
    a colour and a font size set: tabs become w:tab, line breaks w:br, the rest w:t (keeping its spaces when it
    starts or ends with one)."""
    cleaned = clean_text(text)
    if cleaned.isprintable():  # no tab or line break (the common case: a run's text is one w:t)
        return f"<w:r>{_run_properties(bold, size, colour)}{_text_xml(cleaned) if cleaned else ''}</w:r>"
    parts = []
    for piece in _RUN_BREAKS.split(cleaned):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            parts.append(_text_xml(piece))
    return f"<w:r>{_run_properties(bold, size, colour)}{''.join(parts)}</w:r>"


@lru_cache(maxsize=64)
def _run_properties(bold: bool | None, size: Length | None, colour: RGBColor | None) -> str:
    """A run's ``<w:rPr>``, or nothing when it sets nothing (a report uses a handful: made once each)."""
    properties = ("" if bold is None else "<w:b/>" if bold else '<w:b w:val="0"/>') + \
        (f'<w:color w:val="{colour}"/>' if colour is not None else "") + \
        (f'<w:sz w:val="{round(size.pt * 2)}"/>' if size is not None else "")  # half-points
    return f"<w:rPr>{properties}</w:rPr>" if properties else ""


def _text_xml(piece: str) -> str:
    """A ``<w:t>`` of ``piece`` (text without tabs or line breaks), escaped as xml.sax.saxutils.escape does."""
    space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
    return f'<w:t{space}>{piece.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")}</w:t>'


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


# --- pictures and small print ---------------------------------------------------------------------------------


def add_picture(body: Body, png: bytes, width_cm: float, alt: str) -> None:
    """Embed a PNG at ``width_cm`` with alt text (read aloud by screen readers, shown when the picture is not):
    placed in its paragraph when the body is in the document (:meth:`Body.finish`)."""
    body.pictures.append((len(body.chunks), png, width_cm, alt))
    body.add("<w:p><w:r/></w:p>")


def add_small(body: Body, text: str) -> None:
    """A paragraph in small grey print."""
    add_paragraph(body, run_xml(text, size=SMALL_SIZE, colour=SMALL_COLOUR))
