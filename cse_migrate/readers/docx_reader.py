"""Word documents (.docx): paragraphs, bullet lists and tables, in document order, read from the XML itself.

python-docx opens the package (and finds styles and related parts), but its ``paragraph.text`` and
``table.rows`` see only the plain shape of a document. Real documents wrap evidence in more than that, so the
body is walked here element by element and text is read wherever Word shows it:

- content controls (``w:sdt``) around paragraphs, tables, rows, cells or runs, and ``w:customXml`` and
  ``w:smartTag`` wrappers, are read through to their content; a control still showing its placeholder
  ("Click here to enter text.") is counted as structure, not evidence;
- tracked insertions (``w:ins``, ``w:moveTo``) are read as the text they add; tracked deletions (``w:del``,
  ``w:moveFrom``) are not evidence and are counted as not read, with a note;
- fields show their displayed result, never their instruction code;
- text boxes are read as paragraphs after the paragraph that anchors them (their legacy fallback copy once);
- a table inside a table cell is read as a table of its own, after its outer table, and its items cite where it
  sits ("table 2 (in table 1 row 3)").

Headings are structure, not evidence: a heading such as "Criterion 2: Actively engage ..." gives the Charter
Mark context to everything below it until the next such heading. Captions and tables of contents are page
furniture and are counted, not turned into evidence. Parts that are deliberately not read (page headers and
footers, comments, footnotes and endnotes, images' descriptions, deleted text, embedded objects and document
chunks) are counted per file in
``not_read``, each kind with a note, so a reviewer sees what was left out and why.

python-docx parses with lxml without resolving entities, and :mod:`cse_migrate.readers.archive` has already
refused any part carrying a document type declaration, so no entity is ever expanded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

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

_ERRORS = parser_errors(PackageNotFoundError, etree.LxmlError)

_FURNITURE_STYLES = ("caption", "toc", "header", "footer", "table of figures", "footnote")

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt"), \
    qn("w:sdtContent")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_DELETED = {qn("w:del"), qn("w:moveFrom")}
_TEXTBOX = qn("w:txbxContent")
_FALLBACK = f"{{{_MC}}}Fallback"
_ALT_CHUNK, _OBJECT = qn("w:altChunk"), qn("w:object")
_DOC_PR = f"{{{_WP}}}docPr"
# Inside a paragraph these hold no displayed text of their own (properties, field codes, deleted text) or hold
# text read separately (text boxes inside drawings and legacy shapes).
_NOT_RUN_TEXT = {qn("w:pPr"), qn("w:rPr"), qn("w:sdtPr"), qn("w:sdtEndPr"), qn("w:instrText"),
                 qn("w:delText"), qn("w:delInstrText"), qn("w:drawing"), qn("w:pict"), qn("w:object"),
                 f"{{{_MC}}}AlternateContent", *_DELETED}

# Related parts that are not the body, each counted (with what counts as one of it) and explained in a note.
_PART_KINDS = (
    ("/header", "header and footer paragraph(s) with text", "page headers and footers are page furniture"),
    ("/footer", "header and footer paragraph(s) with text", "page headers and footers are page furniture"),
    ("/comments", "comment(s)", "reviewers' comments are about the document, not evidence in it"),
    ("/footnotes", "footnote(s)", "footnotes are not read as evidence; move a footnote into the text to map it"),
    ("/endnotes", "endnote(s)", "endnotes are not read as evidence; move an endnote into the text to map it"),
)


def read_docx(job: FileToRead) -> FileRead:
    try:
        check_document_parts(job, "Word document's")
        with job.open() as stream:
            document = docx.Document(stream)
        return _read_document(document, job)
    except _ERRORS as exc:
        raise InputFileError(job.name, f"not a readable Word document ({type(exc).__name__}); "
                                       "open it in Word and save it again as .docx") from exc


@dataclass
class _Table:
    element: etree._Element
    within: str | None  # where a nested table sits: "table 1 row 3"


@dataclass
class _Reader:
    """One document's walk: the items found and the accounting of every unit looked at."""

    document: DocxDocument
    job: FileToRead
    items: list[RawItem] = field(default_factory=list)
    units: int = 0
    blank: int = 0
    other: int = 0
    context: str | None = None
    paragraph_no: int = 0
    table_no: int = 0
    placeholders: int = 0
    not_read: Counter[str] = field(default_factory=Counter)  # note -> count
    style_names: dict[str, str] = field(default_factory=dict)  # style id -> lower-case name; "" the default

    def __post_init__(self) -> None:
        try:
            for style in self.document.styles:
                if style.type == WD_STYLE_TYPE.PARAGRAPH:
                    name = (style.name or "").lower()
                    self.style_names[style.style_id] = name
                    if style.element.get(qn("w:default")) in ("1", "true", "on"):
                        self.style_names[""] = name
        except (KeyError, AttributeError, ValueError):
            pass  # a damaged styles part: paragraphs read as unstyled, which makes them evidence, not lost

    # --- blocks ------------------------------------------------------------------------------------------

    def read_blocks(self, container: etree._Element) -> None:
        """Paragraphs and tables of a body, content control, customXml block or text box, in order."""
        for element in container:
            tag = element.tag
            if tag == _P:
                self.read_paragraph(element)
            elif tag == _TBL:
                self.read_table(_Table(element, None))
            elif tag == _SDT:
                self.read_content_control(element)
            elif tag in _DELETED:
                self.count_deleted(element)
            elif tag == _ALT_CHUNK:
                self.not_read["embedded document chunk(s) (altChunk) not read: open the document in Word and "
                              "save it again, which merges them into the text"] += 1
            elif isinstance(tag, str) and len(element):
                self.read_blocks(element)  # customXml and other wrappers: their content is the document's

    def read_content_control(self, sdt: etree._Element) -> None:
        content = sdt.find(_SDT_CONTENT)
        if content is None:
            return
        if _showing_placeholder(sdt):
            for _ in content.iter(_P):
                self._unit()
                self.other += 1
                self.paragraph_no += 1
                self.placeholders += 1
            return
        self.read_blocks(content)

    def read_paragraph(self, paragraph: etree._Element) -> None:
        self.paragraph_no += 1
        self._unit()
        text = clean_unit_text(paragraph_text(paragraph, self))
        style = self._style_name(paragraph)
        boxes = _text_boxes(paragraph)
        if not text:
            self.blank += 1
        elif style.startswith(("heading", "title", "subtitle")):
            self.other += 1
            if parse_ref(text):
                self.context = text
        elif style.startswith(_FURNITURE_STYLES):
            self.other += 1
        else:
            source = Source(file=self.job.name, extractor="docx", paragraph=self.paragraph_no)
            self.items.append(RawItem(text=text, source=source, context_ref=self.context))
        for box in boxes:
            self.read_blocks(box)

    def read_table(self, table: _Table) -> None:
        self.table_no += 1
        number = self.table_no
        nested: list[_Table] = []
        rows = self.table_rows(table.element, number, nested)
        check_rows(len(rows), f"table {number}", self.job.name, self.job.limits)

        def source(index: int, column: str | None) -> Source:
            return Source(file=self.job.name, extractor="docx", table=number, row=index + 1, column=column,
                          within=table.within)

        found, blank, other = rows_to_items(rows, source, context_ref=self.context)
        self.items.extend(found)
        self.units += len(rows)
        check_rows(self.units, "the document", self.job.name, self.job.limits)
        self.blank += blank
        self.other += other
        for inner in nested:
            self.read_table(inner)

    def table_rows(self, table: etree._Element, number: int, nested: list[_Table]) -> list[list[object]]:
        """The table's rows as cell texts, one entry per grid column: a horizontally merged cell is kept once
        (then blanks), a vertically merged one repeats the text above it, as a merged spreadsheet cell does."""
        rows: list[list[object]] = []
        for tr in _rows(table, self):
            cells: list[object] = []
            for tc in _cells(tr, self):
                column = len(cells)
                if _vertical_merge(tc) == "continue" and rows and column < len(rows[-1]):
                    text: object = rows[-1][column]
                else:
                    text = self.cell_text(tc, f"table {number} row {len(rows) + 1}", nested)
                cells.append(text)
                cells.extend([""] * (_grid_span(tc) - 1))
            rows.append(cells)
        return rows

    def cell_text(self, tc: etree._Element, where: str, nested: list[_Table]) -> str:
        parts: list[str] = []
        for block in _cell_blocks(tc, self):
            if block.tag == _TBL:
                nested.append(_Table(block, where))
            elif _showing_placeholder_paragraph(block):
                self.placeholders += 1
            else:
                parts.append(paragraph_text(block, self))
                for box in _text_boxes(block):
                    parts.extend(paragraph_text(p, self) for p in box.iter(_P))
        return "\n".join(parts).strip()

    # --- accounting --------------------------------------------------------------------------------------

    def _unit(self) -> None:
        self.units += 1
        check_rows(self.units, "the document", self.job.name, self.job.limits)

    def count_deleted(self, element: etree._Element) -> None:
        if any((t.text or "").strip() for t in element.iter(qn("w:delText"), _T)):
            self.not_read["tracked deletion(s) not read: deleted text is not evidence (accept or reject the "
                          "changes in Word to change what is read)"] += 1

    def count_embedded_objects(self) -> None:
        for _ in self.document.element.body.iter(_OBJECT):
            self.not_read["embedded object(s) (a spreadsheet or document inside the file) not read: save each as "
                          "a file of its own and add it to the input"] += 1

    def count_image_descriptions(self) -> None:
        for pr in self.document.element.body.iter(_DOC_PR):
            if (pr.get("descr") or "").strip() and not _inside_fallback(pr):
                self.not_read["image description(s) (alt text) not read: they describe pictures, not "
                              "evidence; put the evidence in the text to map it"] += 1

    def count_other_parts(self) -> None:
        seen: set[str] = set()
        for rel in self.document.part.rels.values():
            if rel.is_external or rel.target_part.partname in seen:
                continue
            kind = next((k for k in _PART_KINDS if rel.reltype.endswith(k[0])), None)
            if kind is None:
                continue
            seen.add(rel.target_part.partname)
            count = _count_part(rel.target_part.blob, kind[0])
            if count:
                self.not_read[f"{kind[1]} not read: {kind[2]}"] += count

    def _style_name(self, paragraph: etree._Element) -> str:
        """The paragraph's style name, lower case ("heading 1"); its own style, else the default one."""
        pstyle = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style_id = pstyle.get(qn("w:val")) if pstyle is not None else None
        return self.style_names.get(style_id or "", self.style_names.get("", ""))

    def result(self) -> FileRead:
        notes = []
        if self.placeholders:
            notes.append(f"{self.placeholders} content control(s) still showing their placeholder text were "
                         "counted as structure, not evidence")
        not_read = sum(self.not_read.values())
        notes.extend(f"{count} {note}" for note, count in sorted(self.not_read.items()))
        return FileRead(self.job.name, "docx", tuple(self.items), self.units, self.blank, self.other,
                        tuple(notes), not_read=not_read)


def _read_document(document: DocxDocument, job: FileToRead) -> FileRead:
    reader = _Reader(document, job)
    reader.read_blocks(document.element.body)
    reader.count_image_descriptions()
    reader.count_embedded_objects()
    reader.count_other_parts()
    return reader.result()


def paragraph_text(paragraph: etree._Element, reader: _Reader | None = None) -> str:
    """The text Word displays for a paragraph: runs inside hyperlinks, smart tags, customXml, inline content
    controls, tracked insertions and field results included; deleted text and field codes left out (a
    deletion is counted on ``reader``)."""
    out: list[str] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue  # comments and processing instructions
            if tag in _NOT_RUN_TEXT:
                if tag in _DELETED and reader is not None:
                    reader.count_deleted(child)
                continue
            if tag == _T:
                out.append(child.text or "")
            elif tag == _TAB:
                out.append("\t")
            elif tag in (_BR, _CR):
                out.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                out.append("-")
            elif tag == _SDT and _showing_placeholder(child):
                if reader is not None:
                    reader.placeholders += 1
            else:
                walk(child)

    walk(paragraph)
    return "".join(out)


def _rows(table: etree._Element, reader: _Reader) -> Iterator[etree._Element]:
    """A table's rows, through row-level content controls and customXml; deleted rows are counted."""
    for row in _unwrapped(table, _TR):
        if _row_deleted(row):
            reader.count_deleted(row)
        else:
            yield row


def _cells(row: etree._Element, reader: _Reader) -> Iterator[etree._Element]:
    return _unwrapped(row, _TC)


def _unwrapped(container: etree._Element, tag: str) -> Iterator[etree._Element]:
    """The ``tag`` children of ``container``, also those inside content controls and customXml wrappers."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _unwrapped(content, tag)
        elif child.tag == qn("w:customXml"):
            yield from _unwrapped(child, tag)


def _cell_blocks(container: etree._Element, reader: _Reader) -> Iterator[etree._Element]:
    """A cell's paragraphs and tables, through content controls and customXml."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is None:
                continue
            if _showing_placeholder(child):
                reader.placeholders += 1
                continue
            yield from _cell_blocks(content, reader)
        elif child.tag in _DELETED:
            reader.count_deleted(child)
        elif child.tag == qn("w:customXml"):
            yield from _cell_blocks(child, reader)


def _row_deleted(tr: etree._Element) -> bool:
    props = tr.find(qn("w:trPr"))
    return props is not None and props.find(qn("w:del")) is not None


def _grid_span(tc: etree._Element) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    try:
        return max(1, min(int(span.get(qn("w:val"), "1")), 64)) if span is not None else 1
    except ValueError:
        return 1


def _vertical_merge(tc: etree._Element) -> str | None:
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    if merge is None:
        return None
    return str(merge.get(qn("w:val"), "continue"))


def _showing_placeholder(sdt: etree._Element) -> bool:
    props = sdt.find(qn("w:sdtPr"))
    return props is not None and props.find(qn("w:showingPlcHdr")) is not None


def _showing_placeholder_paragraph(paragraph: etree._Element) -> bool:
    """A paragraph whose only text is a content control's placeholder."""
    return paragraph.tag == _P and not paragraph_text(paragraph).strip() and any(
        _showing_placeholder(sdt) for sdt in paragraph.iter(_SDT))


def _text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """Text boxes anchored in a paragraph; a box drawn both ways (a drawing and its legacy fallback) once."""
    return [box for box in paragraph.iter(_TEXTBOX) if not _inside_fallback(box) and
            not any(a.tag == _TEXTBOX for a in box.iterancestors())]


def _inside_fallback(element: etree._Element) -> bool:
    return any(a.tag == _FALLBACK for a in element.iterancestors())


def _count_part(blob: bytes, kind: str) -> int:
    """Paragraphs with text in a header or footer; comments, footnotes or endnotes with text elsewhere."""
    root = etree.fromstring(blob, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    if kind in ("/header", "/footer"):
        return sum(1 for p in root.iter(_P) if paragraph_text(p).strip())
    tag = {"/comments": qn("w:comment"), "/footnotes": qn("w:footnote"), "/endnotes": qn("w:endnote")}[kind]
    # footnote ids -1 and 0 are Word's separator lines, which have no text and so are not counted
    return sum(1 for note in root.iter(tag) if any(paragraph_text(p).strip() for p in note.iter(_P)))
