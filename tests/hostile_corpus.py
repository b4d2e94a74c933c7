"""The hostile corpus of issue 11, generated: every input that once crashed, stalled or bloated a run, or lost
evidence without a word, built on demand in a test's own folder (nothing large is committed).

Each :class:`Case` writes its hostile file(s) into a folder; the test puts one good evidence log beside them and
runs the real command line in a child process with a time budget, then checks that the run finished, wrote all
three reports, kept the good evidence and named every file it could not read. Light cases run in CI (a few
seconds each); heavy ones (hundreds of megabytes, minutes of work) are built by the same functions for the
benchmarks (``benchmarks/``) and run by the corpus test only when ``CSE_MIGRATE_HEAVY=1``.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
from document_fixtures import hidden_docx, hidden_odt
from hostile_pdf import assemble, form_drawn_many_times, pages_sharing_one_stream, text_pdf

GOOD_NAME = "good_log.csv"
GOOD_TEXT = "Customer panel meets quarterly and its minutes are published on the website"
GOOD_LOG = f"Ref,Evidence,Date\n2.1,{GOOD_TEXT},2006\n"


@dataclass(frozen=True)
class Case:
    """One hostile input. ``build`` writes it into the folder and returns the names of the files it wrote (as the
    run cites them); ``unreadable`` are those the run must refuse with a message; ``arrives`` are texts that must
    reach results.json as evidence; ``args`` are extra command-line arguments; ``budget`` is seconds."""

    id: str
    build: Callable[[Path], list[str]]
    unreadable: tuple[str, ...] = ()
    arrives: tuple[str, ...] = ()
    args: tuple[str, ...] = ()
    budget: float = 60.0
    heavy: bool = False
    needs_bytes_names: bool = False  # the file system must accept names that are not valid UTF-8
    command: str = "analyse"


def write(folder: Path, name: str, content: bytes) -> list[str]:
    (folder / name).write_bytes(content)
    return [name]


# --- PDF building blocks -------------------------------------------------------------------------------------

def stream(body: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length " + str(len(body)).encode() + extra + b" >>\nstream\n" + body + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def text_ops(lines: list[str], top: int = 800) -> bytes:
    ops = [b"BT /F1 9 Tf 12 TL 40 " + str(top).encode() + b" Td"]
    ops += [b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") '" for line in lines]
    return b"\n".join([*ops, b"ET"])


def pdf_pages(pages: list[list[str]]) -> bytes:
    """A plain text PDF: one content stream per page."""
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count "
               + str(count).encode() + b" >>", FONT]
    for i, lines in enumerate(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
                       b">> /Contents " + str(5 + 2 * i).encode() + b" 0 R >>")
        objects.append(stream(text_ops(lines)))
    return assemble(objects)


def pdf_mapping_to_surrogate() -> bytes:
    """One page whose font's ToUnicode map turns the byte "Q" into U+D800, half a surrogate pair."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Hostile def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <51> <D800> endbfchar endcmap "
            b"CMapName currentdict /CMap defineresource pop end end")
    body = b"BT /F1 11 Tf 72 770 Td (Customer satisfaction Q survey results were published) Tj ET"
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>", stream(body), stream(cmap)])


def numbered_pages(count: int) -> list[list[str]]:
    """Pages of body lines that differ only in their figures, at the same places on every page."""
    return [[f"Complaints received in week {(n * 7) % 52 + 1}: {(n * 37) % 500}.",
             f"Calls answered within 20 seconds: {(n * 53) % 1000} of {(n * 53) % 1000 + (n % 17) + 1}.",
             f"Page {n + 1} of {count}"] for n in range(count)]


# --- Office building blocks ------------------------------------------------------------------------------------

WORDS = ("customer", "panel", "complaints", "staff", "training", "leaflet", "survey", "website", "consultation",
         "satisfaction", "standards", "published", "quarterly", "residents", "access", "visits", "outreach")


def docx_paragraphs(count: int) -> bytes:
    document = docx.Document()
    rng = random.Random(11)
    words = WORDS[:-1]
    for n in range(count):
        document.add_paragraph(f"{n}: " + " ".join(rng.choice(words) for _ in range(12)) + ".")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_huge_shared_strings(megabytes: int) -> bytes:
    """A workbook whose shared-strings part is ``megabytes`` of distinct strings, compressed very well."""
    count = megabytes * 1024 * 1024 // 120
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"'
            '/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        archive.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Evidence" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"'
            '/></Relationships>'))
        archive.writestr("xl/worksheets/sheet1.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" '
            't="s"><v>1</v></c></row></sheetData></worksheet>'))
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                       b'spreadsheetml/2006/main"><si><t>Evidence</t></si>')
            chunk = []
            for n in range(count):
                chunk.append(f"<si><t>Shared string {n:012d} about customer service standards and care</t></si>")
                if len(chunk) == 10_000:
                    part.write("".join(chunk).encode())
                    chunk = []
            part.write("".join(chunk).encode() + b"</sst>")
    return out.getvalue()


def docx_huge_document_xml(megabytes: int) -> bytes:
    """A .docx whose document.xml is ``megabytes`` of paragraphs (the issue's 68 MB file held 480 MB)."""
    template = io.BytesIO(docx_paragraphs(1))
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info, source.read(info))
                continue
            xml = source.read(info).decode("utf-8")
            head, tail = xml.split("<w:body>", 1)
            with archive.open("word/document.xml", "w", force_zip64=True) as part:
                part.write((head + "<w:body>").encode())
                written = 0
                n = 0
                while written < megabytes * 1024 * 1024:
                    block = "".join(f"<w:p><w:r><w:t>Paragraph {n + k} about the customer panel and complaints "
                                    f"handling standards.</w:t></w:r></w:p>" for k in range(1_000)).encode()
                    part.write(block)
                    written += len(block)
                    n += 1_000
                part.write(("<w:sectPr/></w:body>" + tail.split("</w:body>", 1)[1]).encode())
    return out.getvalue()


def csv_rows(count: int) -> bytes:
    rng = random.Random(5)
    words = WORDS
    lines = ["Ref,Evidence,Date"]
    for n in range(count):
        lines.append(f"{n % 5 + 1}.{n % 3 + 1},{n} " + " ".join(rng.choice(words) for _ in range(10)) + ",2007")
    return ("\n".join(lines) + "\n").encode()


# --- the cases -----------------------------------------------------------------------------------------------

def _bytes_name_file(folder: Path) -> list[str]:
    inner_name, name = os.fsdecode(b"caf\xe9 folder"), os.fsdecode(b"log\xff.csv")
    (folder / inner_name).mkdir()
    (folder / inner_name / name).write_text("Ref,Evidence\n3.1,Staff training plan reviewed by the board\n",
                                            encoding="utf-8")
    return [f"{inner_name}/{name}"]


def _hidden_docx(folder: Path) -> list[str]:
    hidden_docx(folder / "hidden.docx")
    return ["hidden.docx"]


def _hidden_odt(folder: Path) -> list[str]:
    hidden_odt(folder / "hidden.odt")
    return ["hidden.odt"]


LONG_ORG = "Northshire District Council Revenues and Benefits Service " * 6  # 354 characters


CASES: tuple[Case, ...] = (
    # crashes with a traceback
    Case("fffe-csv", lambda f: write(f, "fffe.csv", "Ref,Evidence\n1.1,Customer panel \ufffe\uffff meets monthly "
                                                     "with residents\n".encode())),
    Case("rtf-u-minus-2", lambda f: write(f, "minus-two.rtf", rb"{\rtf1\ansi Customer forum \u-2? meets weekly and "
                                                               rb"publishes its minutes\par}")),
    Case("pdf-lone-surrogate", lambda f: write(f, "surrogate.pdf", pdf_mapping_to_surrogate())),
    Case("c1-controls-csv", lambda f: write(f, "controls.csv", "Ref,Evidence\n1.2,Staff \x85training\x9b plan "
                                                               "\x07reviewed every year\n".encode())),
    Case("name-not-utf8", _bytes_name_file, needs_bytes_names=True),
    Case("org-longer-than-title", lambda f: [], args=("--org", LONG_ORG)),
    Case("terminal-escapes-in-name", lambda f: write(f, "\x1b[2Jbroken\u202e.xlsx", b"PK\x03\x04 not a workbook"),
         unreadable=("\x1b[2Jbroken\u202e.xlsx",)),
    # catastrophic backtracking in the bundled noise rules (a final character that stops the match)
    Case("confidential-long-word", lambda f: write(f, "confidential.csv", (
        "Ref,Evidence\n2.2,Confidential - " + "x" * 1_000 + ".\n").encode())),
    Case("official-long-word", lambda f: write(f, "official.csv", (
        "Ref,Evidence\n2.3,OFFICIAL: " + "w" * 500 + ".\n").encode())),
    Case("confidential-long-words", lambda f: write(f, "confidential-words.txt", (
        "Confidential - " + "ab " * 30_000 + "!\n").encode())),
    # quadratic regular expressions in the readers: one 100 KB line each, shaped so the match fails at its end
    Case("figure-100k-cell", lambda f: write(f, "figures.csv", (
        "Year,Complaints\n" + "1" * 100_000 + "x,2 " * 3 + "\n").encode())),
    Case("md-heading-100k", lambda f: write(f, "heading.md", ("# a" + " " * 100_000 + "x\n").encode())),
    Case("md-table-separator-100k", lambda f: write(f, "separator.md", (
        "| Year | Complaints |\n|--" + " " * 100_000 + "x|\n").encode())),
    Case("md-hashes-100k", lambda f: write(f, "hashes.md", ("# a" + " #" * 50_000 + "x\n").encode())),
    # no time limit inside the parsers: refused at --timeout (each pass over the form or stream takes about 4 s),
    # and the run goes on
    Case("pdf-form-drawn-three-times", lambda f: write(f, "forms.pdf", form_drawn_many_times(3)),
         unreadable=("forms.pdf",), args=("--timeout", "5"), budget=60),
    Case("pdf-pages-share-one-stream", lambda f: write(f, "shared.pdf", pages_sharing_one_stream(150)),
         unreadable=("shared.pdf",), args=("--timeout", "5"), budget=60),
    # running-header heuristic: body lines that differ only in their figures
    Case("pdf-numbered-body-lines", lambda f: write(f, "weekly.pdf", pdf_pages(numbered_pages(120))),
         arrives=("Complaints received in week 8: 37.",)),
    # evidence hidden in Word and OpenDocument structures
    Case("docx-hidden-structures", _hidden_docx, arrives=(
        "The inner table records that the customer panel met quarterly to review complaint trends.",
        "Inside a content control: complaints are acknowledged within three working days.",
        "This sentence was added with tracked changes switched on and describes the new complaints policy.",
        "A customXml block wraps the service standards performance report to the cabinet.")),
    Case("odt-hidden-structures", _hidden_odt, arrives=(
        "The nested ODT table records the residents' panel reviewing complaint handling every quarter.",
        "Inserted with change tracking: the council consults tenants before changing services.")),
    # scale, in CI size (the sizes are the heavy cases below)
    Case("csv-1000-rows", lambda f: write(f, "rows.csv", csv_rows(1_000)), budget=120),
    Case("docx-1000-paragraphs", lambda f: write(f, "long.docx", docx_paragraphs(1_000)), budget=120),
    # heavy: the issue's own sizes, for the benchmarks
    Case("csv-199999-rows", lambda f: write(f, "rows.csv", csv_rows(199_999)), budget=180, heavy=True),
    Case("docx-20000-paragraphs", lambda f: write(f, "long.docx", docx_paragraphs(20_000)), budget=60, heavy=True),
    Case("pdf-5000-pages", lambda f: write(f, "pages.pdf", text_pdf(5_000)), budget=150, heavy=True),
    Case("xlsx-480mb-shared-strings", lambda f: write(f, "strings.xlsx", xlsx_huge_shared_strings(480)),
         budget=300, heavy=True),
    Case("docx-480mb-document-xml", lambda f: write(f, "huge.docx", docx_huge_document_xml(480)), budget=300,
         heavy=True),
)


def light_cases() -> list[Case]:
    return [c for c in CASES if not c.heavy]


@dataclass
class Built:
    folder: Path
    hostile: list[str] = field(default_factory=list)  # the hostile files' names as the run cites them


def build_case(case: Case, folder: Path) -> Built:
    """The case's files and the good log, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / GOOD_NAME).write_text(GOOD_LOG, encoding="utf-8")
    return Built(folder, case.build(folder))
