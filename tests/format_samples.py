"""Small valid evidence files of every supported format, built in a test's own folder.

The readers' contract tests, the hostile corpus and the fuzz test start from these. Office formats that no
Python library can write (.xls, .doc) and LibreOffice's own output (.odt, .ods, .rtf, .pdf) come from the
fixtures in tests/data/formats/ (made by tests/data/make_fixtures.py); the rest are built here.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import docx
import msoffcrypto.format.ooxml
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "formats"
SAMPLE = ROOT / "samples" / "northshire-revenues-benefits"
SAMPLE_XLSX = SAMPLE / "northshire_self_assessment_2007.xlsx"
SAMPLE_DOCX = SAMPLE / "northshire_charter_mark_application_2007.docx"
XLS = FIXTURES / "northshire_self_assessment_2007.xls"
LO_XLSX = FIXTURES / "northshire_self_assessment_2007_libreoffice.xlsx"
ODS = FIXTURES / "northshire_self_assessment_2007.ods"
DOC = FIXTURES / "northshire_application.doc"
ODT = FIXTURES / "northshire_application.odt"
RTF = FIXTURES / "northshire_application.rtf"
PDF = FIXTURES / "northshire_application.pdf"
FILEPASS_XLS = FIXTURES / "encrypted_filepass.xls"

EVIDENCE = ["Customer panel meets quarterly to review the leaflets",
            "Complaints answered within ten working days in 2006/07",
            "Large print and Braille versions of every form on request"]


def xlsx_bytes(rows: int = 3) -> bytes:
    """A workbook with a title block, a header row and evidence rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Crit 2 Engage"
    sheet.append(["Northshire District Council"])
    sheet.append(["Ref", "Supporting evidence", "Date", "Owner"])
    for index in range(rows):
        sheet.append([f"2.1.{index + 1}", EVIDENCE[index % len(EVIDENCE)], datetime(2006, 3, index % 28 + 1),
                      "J. Patel"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def docx_bytes() -> bytes:
    """A narrative with a criterion heading, paragraphs, a bullet and a table."""
    document = docx.Document()
    document.add_heading("Criterion 2: Actively engage with your customers", level=1)
    document.add_paragraph(EVIDENCE[0])
    document.add_paragraph(EVIDENCE[1], style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells, ["Element", "Evidence"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["2.1.3", EVIDENCE[2]], strict=True):
        cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def encrypt_ooxml(plain: bytes, password: str) -> bytes:
    """Encrypt an xlsx or docx as Office does (ECMA-376 agile encryption), with msoffcrypto-tool."""
    out = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
    return out.getvalue()


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({escaped})".encode("latin-1")


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A minimal PDF with one text line per entry (Helvetica, 11 pt); an empty page list item is a page with no
    text layer, as a scan is."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
                            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        body = b"BT /F1 11 Tf 14 TL 72 770 Td " + b" ".join(_pdf_string(line) + b" Tj T*" for line in lines) + b" ET"
        content_number = len(objects) + 2
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
                       f">> /Contents {content_number} 0 R >>".encode())
        kids.append(len(objects))
        objects.append(b"<< /Length " + str(len(body)).encode() + b" >>\nstream\n" + body + b"\nendstream")
    objects[1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>").encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def rtf_bytes() -> bytes:
    """Word-style RTF: a stylesheet with a heading style, a heading, paragraphs with escapes and a table."""
    return (b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}}"
            b"{\\stylesheet{\\s0 Normal;}{\\s1\\outlinelevel0 heading 1;}}"
            b"{\\info{\\title Charter Mark application}{\\author J. Smith}}"
            b"{\\header Northshire District Council}"
            b"\\pard\\s1 Criterion 2: Actively engage with your customers\\par"
            b"\\pard\\s0 Customer panel meets quarterly \\endash  minutes kept\\par"
            b"\\pard Cost \\'a32.50 per leaflet, \\u8220\\'93Tell us\\u8221\\'94 campaign\\par"
            b"{\\*\\generator Hand written}"
            b"\\trowd\\cellx3000\\cellx6000"
            b"\\pard\\intbl Element\\cell Evidence\\cell\\row"
            b"\\trowd\\cellx3000\\cellx6000"
            b"\\pard\\intbl 2.1.3\\cell Large print forms\\cell\\row"
            b"\\pard Complaints answered within ten days\\par}")


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Evidence log" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>')


def big_xlsx(path: Path, rows: int) -> Path:
    """An evidence log of ``rows`` rows written as Excel writes one (shared strings), straight to XML and
    streamed into the zip: a second or two for 100,000 rows, where openpyxl's writer takes several."""
    import zipfile

    strings = ["Ref", "Evidence", "Owner", *(f"Officer {n}" for n in range(50))]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
                        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                        b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
                        b'<c r="C1" t="s"><v>2</v></c></row>')
            for index in range(rows):
                number = index + 2
                text = f"Customer panel meeting {index} reviewed leaflet {index % 97}"
                sheet.write(f'<row r="{number}"><c r="A{number}" t="str"><v>{index % 6 + 1}.{index % 4 + 1}</v>'
                            f'</c><c r="B{number}" t="inlineStr"><is><t>{text}</t></is></c>'
                            f'<c r="C{number}" t="s"><v>{3 + index % 50}</v></c></row>'.encode())
            sheet.write(b"</sheetData></worksheet>")
        shared = "".join(f"<si><t>{s}</t></si>" for s in strings)
        archive.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                         f'count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>')
    return path
