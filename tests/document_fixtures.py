"""Word and OpenDocument files whose evidence hides where a naive reader does not look.

Each builder writes a small file with python-docx (plus raw XML where python-docx has no API: content controls,
tracked changes, smart tags, customXml, fields, text boxes) or odfpy, and returns the sentences that must arrive
as evidence and the ones that must not (deleted text, field codes, placeholders). Used by the reader tests and
by the hostile corpus (:mod:`hostile_corpus`).
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm

W = nsdecls("w")

# One sentence per hiding place; each reads as evidence of a Charter Mark criterion so the run maps it.
NESTED_CELL = "The inner table records that the customer panel met quarterly to review complaint trends."
NESTED_DEEPER = "A table two levels down logs the mystery shopping visits to every customer contact centre."
OUTER_CELL = "Outer table: staff training plan for customer care was agreed by the management team."
BLOCK_SDT = "Inside a content control: complaints are acknowledged within three working days."
INLINE_SDT = "an inline content control records satisfaction survey results"
ROW_SDT = "A repeating section row holds the consultation with disabled residents on access."
CELL_SDT = "A cell content control says front-line staff completed equality training."
INSERTED = "This sentence was added with tracked changes switched on and describes the new complaints policy."
DELETED = "This deleted sentence must never appear as evidence because the author removed it."
MOVED_FROM = "Moved-away text about the old leaflet is deleted from here."
SMART_TAG = "Customer charter published in Northshire on 12 March 2008"
CUSTOM_XML_BLOCK = "A customXml block wraps the service standards performance report to the cabinet."
CUSTOM_XML_INLINE = "an inline customXml element marks the customer insight survey"
FIELD_RESULT = "Field result text: satisfaction with the contact centre was 87 per cent."
FIELD_CODE = "MERGEFIELD SecretInstruction"
SIMPLE_FIELD = "simple field shows the leadership commitment statement"
TEXT_BOX = "A text box sidebar states the chief executive champions customer service excellence."
PLACEHOLDER = "Click or tap here to enter text."
HEADER_TEXT = "Northshire Council confidential header"
COMMENT_TEXT = "Reviewer: check this figure"
ALT_TEXT = "Photograph of the reception desk"


@dataclass(frozen=True)
class Hidden:
    """A built document: what must be read and what must not."""

    path: Path
    present: tuple[str, ...]  # each must be (part of) some item's text
    absent: tuple[str, ...]  # none may appear in any item's text


def _p(text: str) -> str:
    return f'<w:p {W}><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _tc(inner: str) -> str:
    return f"<w:tc><w:tcPr><w:tcW w:w='2000' w:type='dxa'/></w:tcPr>{inner}</w:tc>"


def _tbl(rows: list[str]) -> str:
    grid = "<w:tblGrid><w:gridCol w:w='2000'/><w:gridCol w:w='2000'/></w:tblGrid>"
    return f"<w:tbl {W}><w:tblPr><w:tblW w:w='0' w:type='auto'/></w:tblPr>{grid}{''.join(rows)}</w:tbl>"


def _tr(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def tiny_png() -> bytes:
    """A valid 1x1 PNG, enough for python-docx to embed a picture."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
            + chunk(b"IEND", b""))


def hidden_docx(path: Path) -> Hidden:
    """A .docx with evidence in every place Word can hide it, and text that must not be read beside it."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HEADER_TEXT
    document.add_heading("Criterion 2: Actively engage with customers", level=1)
    body = document.element.body
    sect = body[-1]  # the section properties stay last

    def add(xml: str) -> None:
        sect.addprevious(parse_xml(xml))

    inner = _tbl([_tr(_tc(_p("Inner heading")), _tc(_p("Notes"))),
                  _tr(_tc(_p("Panel")), _tc(_p(NESTED_CELL))),
                  _tr(_tc(_p("Shoppers")), _tc(_tbl([_tr(_tc(_p("Visits")), _tc(_p(NESTED_DEEPER)))])))])
    add(_tbl([_tr(_tc(_p("Evidence")), _tc(_p("Detail"))),
              _tr(_tc(_p(OUTER_CELL)), _tc(inner)),
              f"<w:sdt><w:sdtPr><w:alias w:val='Row'/></w:sdtPr><w:sdtContent>"
              f"{_tr(_tc(_p('Consultation')), _tc(_p(ROW_SDT)))}</w:sdtContent></w:sdt>",
              _tr(_tc(_p("Training")),
                  f"<w:sdt><w:sdtPr/><w:sdtContent>{_tc(_p(CELL_SDT))}</w:sdtContent></w:sdt>")]))
    add(f"<w:sdt {W}><w:sdtPr><w:alias w:val='Standards'/></w:sdtPr><w:sdtContent>{_p(BLOCK_SDT)}"
        f"</w:sdtContent></w:sdt>")
    add(f"<w:p {W}>{_run('The team says ')}<w:sdt><w:sdtPr/><w:sdtContent>{_run(INLINE_SDT)}</w:sdtContent>"
        f"</w:sdt>{_run(' every month.')}</w:p>")
    add(f"<w:p {W}><w:ins w:id='1' w:author='A' w:date='2008-01-01T00:00:00Z'>{_run(INSERTED)}</w:ins>"
        f"<w:del w:id='2' w:author='A' w:date='2008-01-01T00:00:00Z'><w:r><w:delText>{DELETED}</w:delText>"
        f"</w:r></w:del></w:p>")
    add(f"<w:p {W}><w:moveFrom w:id='3' w:author='A' w:date='2008-01-01T00:00:00Z'><w:r><w:t>{MOVED_FROM}"
        f"</w:t></w:r></w:moveFrom></w:p>")
    add(f"<w:p {W}>{_run('Customer charter published in ')}<w:smartTag w:uri='urn:schemas' w:element='place'>"
        f"{_run('Northshire')}</w:smartTag>{_run(' on 12 March 2008')}</w:p>")
    add(f"<w:customXml {W} w:uri='urn:x' w:element='section'>{_p(CUSTOM_XML_BLOCK)}</w:customXml>")
    add(f"<w:p {W}>{_run('Evidence: ')}<w:customXml w:uri='urn:x' w:element='mark'>{_run(CUSTOM_XML_INLINE)}"
        f"</w:customXml>{_run(' annually.')}</w:p>")
    add(f"<w:p {W}><w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText xml:space='preserve'> "
        f"{FIELD_CODE} </w:instrText></w:r><w:r><w:fldChar w:fldCharType='separate'/></w:r>{_run(FIELD_RESULT)}"
        f"<w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>")
    add(f"<w:p {W}>{_run('The ')}<w:fldSimple w:instr=' DOCPROPERTY Commitment '>{_run(SIMPLE_FIELD)}"
        f"</w:fldSimple>{_run(' in full.')}</w:p>")
    add(f"<w:p {W} xmlns:v='urn:schemas-microsoft-com:vml'>{_run('Sidebar anchor.')}<w:r><w:pict><v:shape>"
        f"<v:textbox><w:txbxContent>{_p(TEXT_BOX)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>")
    add(f"<w:altChunk {W} xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships' "
        f"r:id='rIdChunk'/>")
    add(f"<w:p {W}><w:r><w:object/></w:r></w:p>")
    add(f"<w:sdt {W}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{_p(PLACEHOLDER)}</w:sdtContent></w:sdt>")
    commented = document.add_paragraph("Plain paragraph: the service publishes its customer standards.")
    sect.addprevious(commented._p)
    document.add_comment(commented.runs, text=COMMENT_TEXT, author="Reviewer")
    picture_paragraph = document.add_paragraph()
    picture_paragraph.add_run().add_picture(io.BytesIO(tiny_png()), width=Cm(1))
    sect.addprevious(picture_paragraph._p)
    for doc_pr in picture_paragraph._p.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
                                            "docPr"):
        doc_pr.set("descr", ALT_TEXT)
    document.save(str(path))
    present = (NESTED_CELL, NESTED_DEEPER, OUTER_CELL, BLOCK_SDT, INLINE_SDT, ROW_SDT, CELL_SDT, INSERTED,
               SMART_TAG, CUSTOM_XML_BLOCK, CUSTOM_XML_INLINE, FIELD_RESULT, SIMPLE_FIELD, TEXT_BOX)
    absent = (DELETED, MOVED_FROM, FIELD_CODE, PLACEHOLDER, HEADER_TEXT, COMMENT_TEXT, ALT_TEXT)
    return Hidden(path, present, absent)


# --- OpenDocument --------------------------------------------------------------------------------------------

ODT_NESTED = "The nested ODT table records the residents' panel reviewing complaint handling every quarter."
ODT_CELL_LIST = "A list inside a cell: staff were trained in handling difficult calls."
ODT_OUTER = "The outer ODT table names the customer service standards published on the website."
ODT_INSERTED = "Inserted with change tracking: the council consults tenants before changing services."
ODT_DELETED = "This ODT text was deleted with change tracking and is not evidence."
ODT_SECTION_CELL = "A section inside a cell describes how performance is reported to the public each year."


def hidden_odt(path: Path) -> Hidden:
    """An .odt with a table nested in a cell, a list in a cell and a tracked insertion and deletion."""
    from odf.dc import Creator, Date
    from odf.namespaces import TEXTNS, XMLNS
    from odf.office import Annotation, ChangeInfo
    from odf.opendocument import OpenDocumentText
    from odf.style import Header, MasterPage, PageLayout
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import (
        Change,
        ChangedRegion,
        ChangeEnd,
        ChangeStart,
        Deletion,
        H,
        Insertion,
        List,
        ListItem,
        P,
        Section,
        TrackedChanges,
    )

    def _region(change_id: str) -> ChangedRegion:
        region = ChangedRegion(check_grammar=False)
        region.setAttrNS(XMLNS, "id", change_id)
        region.setAttrNS(TEXTNS, "id", change_id)
        return region

    def change_info() -> ChangeInfo:
        info = ChangeInfo()
        info.addElement(Creator(text="A"))
        info.addElement(Date(text="2008-01-01T00:00:00"))
        return info

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Criterion 3: Consult and involve customers"))
    tracked = TrackedChanges()
    deletion_region = _region("ct1")
    deletion = Deletion()
    deletion.addElement(change_info())
    deletion.addElement(P(text=ODT_DELETED))
    deletion_region.addElement(deletion)
    tracked.addElement(deletion_region)
    insertion_region = _region("ct2")
    insertion = Insertion()
    insertion.addElement(change_info())
    insertion_region.addElement(insertion)
    tracked.addElement(insertion_region)
    document.text.addElement(tracked)

    outer = Table(name="Outer")
    outer.addElement(TableColumn(numbercolumnsrepeated=2))
    header = TableRow()
    for title in ("Evidence", "Detail"):
        cell = TableCell()
        cell.addElement(P(text=title))
        header.addElement(cell)
    outer.addElement(header)
    row = TableRow()
    first = TableCell()
    first.addElement(P(text=ODT_OUTER))
    row.addElement(first)
    holder = TableCell()
    inner = Table(name="Inner")
    inner.addElement(TableColumn(numbercolumnsrepeated=2))
    for left, right in (("Item", "Notes"), ("Panel", ODT_NESTED)):
        inner_row = TableRow()
        for value in (left, right):
            inner_cell = TableCell()
            inner_cell.addElement(P(text=value))
            inner_row.addElement(inner_cell)
        inner.addElement(inner_row)
    holder.addElement(inner)
    row.addElement(holder)
    outer.addElement(row)
    # the first column holds each row's evidence (the other column is a label), as tables of evidence do
    listed = TableCell()
    items = List()
    item = ListItem()
    item.addElement(P(text=ODT_CELL_LIST))
    items.addElement(item)
    listed.addElement(items)
    sectioned = TableCell()
    section = Section(name="S1")
    section.addElement(P(text=ODT_SECTION_CELL))
    sectioned.addElement(section)
    for holder_cell, label in ((listed, "Training"), (sectioned, "Reporting")):
        labelled = TableRow()
        labelled.addElement(holder_cell)
        label_cell = TableCell()
        label_cell.addElement(P(text=label))
        labelled.addElement(label_cell)
        outer.addElement(labelled)
    document.text.addElement(outer)

    changed = P()
    changed.addElement(Change(changeid="ct1"))
    changed.addElement(ChangeStart(changeid="ct2"))
    changed.addText(ODT_INSERTED)
    changed.addElement(ChangeEnd(changeid="ct2"))
    comment = Annotation()
    comment.addElement(P(text=COMMENT_TEXT))
    changed.addElement(comment)
    document.text.addElement(changed)
    layout = PageLayout(name="pm1")
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    page_header = Header()
    page_header.addElement(P(text=HEADER_TEXT))
    master.addElement(page_header)
    document.masterstyles.addElement(master)
    document.save(str(path))
    return Hidden(path, (ODT_NESTED, ODT_CELL_LIST, ODT_OUTER, ODT_INSERTED, ODT_SECTION_CELL),
                  (ODT_DELETED, COMMENT_TEXT, HEADER_TEXT))
