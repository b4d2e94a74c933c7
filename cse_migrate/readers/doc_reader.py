"""Word 97-2003 documents (.doc) through an external converter: antiword, else catdoc, else LibreOffice.

* **antiword** (``-x db``) gives DocBook XML: headings, paragraphs, bullet lists and real tables, so the
  result reads like a .docx. It is fast and small, hence first.
* **catdoc** gives plain text, one paragraph per line and table cells separated by tabs; it reads some files
  antiword refuses (Word 6/95, fast-saved documents).
* **LibreOffice** converts to .docx (own profile per run, time limit) and the Word reader does the rest.

A converter that is installed but fails passes the file on to the next; when all fail the error says why
each did. When none is installed the error says what to install. The converter used is noted on the file.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead
from cse_migrate.readers.base import FileToRead, describe, parser_errors, private_folder
from cse_migrate.readers.blocks import DocumentBuilder
from cse_migrate.readers.convert import ConversionFailed, find_tool, libreoffice_convert, run_tool
from cse_migrate.readers.detect import detect_format
from cse_migrate.readers.text_reader import add_plain_text

_ERRORS = parser_errors(DefusedXmlException)

INSTALL_HINT = ("reading one needs antiword, catdoc or LibreOffice: install one (for example 'apt-get install "
                "antiword'), or open the file in Word and save it as .docx")
_SKIP = {"bookinfo", "colspec", "indexterm", "remark"}
_TABLES = {"informaltable", "table"}


def read_doc(job: FileToRead) -> FileRead:
    failures: list[str] = []
    tried = 0
    for tools, convert in ((("antiword",), from_antiword), (("catdoc",), from_catdoc),
                           (("soffice", "libreoffice"), from_libreoffice)):
        tool = find_tool(*tools)
        if tool is None:
            continue
        tried += 1
        try:
            read = convert(job, Path(tool))
        except ConversionFailed as exc:
            failures.append(str(exc))
            continue
        return replace(read, notes=(*read.notes, f"Word 97-2003 document converted with {Path(tool).name}"))
    if not tried:
        raise InputFileError(job.name, f"is a Word 97-2003 document, and {INSTALL_HINT}")
    raise InputFileError(job.name, f"not a readable Word document ({'; '.join(failures)}); open it in Word and "
                                   "save it again as .docx")


def from_antiword(job: FileToRead, tool: Path) -> FileRead:
    """antiword's DocBook output, walked in document order."""
    with job.on_disk() as path:
        xml = run_tool([str(tool), "-x", "db", str(path)], job.limits.timeout)
    try:
        root = fromstring(xml)
    except _ERRORS as exc:
        raise ConversionFailed(f"antiword gave output that is not well-formed ({describe(exc)})") from exc
    builder = DocumentBuilder(job, "doc:antiword", number_every_paragraph=True)
    add_docbook(builder, root)
    return builder.result("doc")


def add_docbook(builder: DocumentBuilder, element: Element) -> None:
    """Titles are headings, paras are paragraphs, tables are tables; everything else is walked into."""
    for child in element:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == "title":
            # the book's title comes from the document's properties, and antiword gives an empty title to the
            # text before the first heading: neither is a paragraph of the document
            if element.tag != "book" and _text(child):
                builder.add_heading(_text(child))
        elif tag == "para" and not any(c.tag in _TABLES for c in child.iter()):
            builder.add_paragraph(_text(child))
        elif tag in _TABLES:
            rows = [[_text(entry) for entry in row.iter("entry")] for row in child.iter("row")]
            builder.add_table(rows)
        else:
            add_docbook(builder, child)


def _text(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def from_catdoc(job: FileToRead, tool: Path) -> FileRead:
    """catdoc's plain text: one paragraph per line, tab-separated table cells."""
    with job.on_disk() as path:
        out = run_tool([str(tool), "-w", "-d", "utf-8", str(path)], job.limits.timeout)
    text = out.decode("utf-8", "replace")
    if not text.strip():
        raise ConversionFailed("catdoc found no text")
    builder = DocumentBuilder(job, "doc:catdoc")
    add_plain_text(builder, text, one_per_line=True)  # catdoc -w writes each paragraph on one line
    return builder.result("doc")


def from_libreoffice(job: FileToRead, tool: Path) -> FileRead:
    """LibreOffice converts to .docx in a private folder; the Word reader reads that."""
    from cse_migrate.readers.docx_reader import read_docx

    with private_folder() as workdir, job.on_disk() as path:
        converted = libreoffice_convert(path, "docx", workdir, job.limits.timeout)
        docx_job = replace(job, content=converted.read_bytes())
    detect_format(docx_job)  # the same size, zip and XML checks as a .docx given by the user
    read = read_docx(docx_job)
    items = tuple(replace(i, source=replace(i.source, extractor="doc:libreoffice")) for i in read.items)
    return replace(read, format="doc", items=items)
