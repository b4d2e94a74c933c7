"""Which format a file really is, judged by its content rather than its name.

Legacy portfolios are full of misnamed files: an .xlsx saved with an .xls name, a CSV or HTML export called
.xls, RTF called .doc, a PDF attached as .docx. The content decides which reader runs:

* ``D0 CF 11 E0`` (an OLE2 compound file): the streams inside say which. ``Workbook``/``Book`` is an Excel
  97-2003 workbook (encrypted when its globals carry a FILEPASS record); ``WordDocument`` is a Word 97-2003
  document (encrypted when its FIB says so); ``EncryptionInfo`` with ``EncryptedPackage`` is a
  password-protected xlsx or docx, whose real format is known once it is decrypted.
* ``PK`` (a zip): the checks of :mod:`cse_migrate.readers.archive` run first, then the content types or part
  names say xlsx (``xl/``) or docx (``word/``), and the ``mimetype`` member says odt or ods.
* ``%PDF-``, ``{\\rtf``: PDF and RTF.
* Text: web pages and XML exports are recognised and refused with advice; other text is read as CSV, text or
  Markdown. Text carries no signature, so there (and only there) the file's suffix says which kind of text it is.

Anything else is refused with one line naming the file, what it seems to be and what to do.
"""

from __future__ import annotations

import codecs
import struct
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

import olefile

from cse_migrate.errors import InputFileError
from cse_migrate.readers.archive import check_archive
from cse_migrate.readers.base import FileToRead, describe, human_size, parser_errors

_ERRORS = parser_errors(zipfile.BadZipFile)
_HEAD = 8192
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# The format a suffix claims. It is only trusted for text, which has no signature.
SUFFIX_FORMATS: dict[str, str] = {
    ".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".docx": "docx", ".docm": "docx", ".doc": "doc",
    ".odt": "odt", ".ods": "ods", ".pdf": "pdf", ".rtf": "rtf", ".csv": "csv", ".tsv": "csv", ".txt": "txt",
    ".text": "txt", ".md": "md", ".markdown": "md",
}
# What each format is called in a message, and how a user gets a readable copy.
KINDS: dict[str, tuple[str, str]] = {
    "xlsx": ("Excel workbook", "open it in Excel and save it again as .xlsx"),
    "xls": ("Excel workbook", "open it in Excel and save it again as .xlsx"),
    "docx": ("Word document", "open it in Word and save it again as .docx"),
    "doc": ("Word document", "open it in Word and save it again as .docx"),
    "odt": ("OpenDocument text", "open it in LibreOffice Writer and save it again"),
    "ods": ("OpenDocument spreadsheet", "open it in LibreOffice Calc and save it again"),
    "pdf": ("PDF", "open it in a PDF viewer and save or print it to a new PDF"),
    "rtf": ("RTF document", "open it in Word and save it again as .docx"),
    "csv": ("CSV file", "export it again as CSV (UTF-8)"),
    "txt": ("text file", "save it again as UTF-8 text"),
    "md": ("Markdown file", "save it again as UTF-8 text"),
}
# Text named as one of these is a known habit of old systems ("Export to Excel" wrote CSV with an .xls name,
# "Save as text" kept the .doc name), so it is read as text. Text named .xlsx or .docx is simply broken.
_TEXT_AS = {"csv": "csv", "txt": "txt", "md": "md", "xls": "csv", "doc": "txt"}

# Content that is recognised but not read, by signature.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xffWPC", "a WordPerfect document"), (b"%!PS", "a PostScript file"), (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
)
_OLE_OTHERS = (("PowerPoint Document", "a PowerPoint presentation"), ("__substg1.0_0037001F", "an Outlook message"),
               ("__properties_version1.0", "an Outlook message"), ("VisioDocument", "a Visio drawing"),
               ("Contents", "a Publisher or Works file"))

_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1a\x1b")
_BIFF_BOF = (0x0809, 0x0409, 0x0209, 0x0009)
_BIFF_EOF = 0x000A
_BIFF_FILEPASS = 0x002F
_FIB_ENCRYPTED = 0x0100  # FIB base flags, bit fEncrypted
_WORD_IDENTS = (0xA5EC, 0xA5DC)  # Word 97-2003, Word 6/95

_OOXML_TYPES = ((b"wordprocessingml.document.main+xml", "docx"), (b"ms-word.document.macroEnabled.main+xml", "docx"),
                (b"spreadsheetml.sheet.main+xml", "xlsx"), (b"ms-excel.sheet.macroEnabled.main+xml", "xlsx"),
                (b"spreadsheetml.template.main+xml", "xlsx"), (b"wordprocessingml.template.main+xml", "docx"))
_ODF_TYPES = {"application/vnd.oasis.opendocument.text": "odt",
              "application/vnd.oasis.opendocument.text-template": "odt",
              "application/vnd.oasis.opendocument.spreadsheet": "ods",
              "application/vnd.oasis.opendocument.spreadsheet-template": "ods"}


@dataclass(frozen=True)
class Detected:
    """What a file turned out to be."""

    format: str  # a reader's format ("xlsx", "xls", "docx", ...), or "ooxml" for an encrypted xlsx/docx
    encrypted: bool = False  # password-protected: decrypt before reading
    note: str | None = None  # said in the reports, e.g. that an .xls file held an xlsx workbook


def detect_format(job: FileToRead) -> Detected:
    """Judge a file's format by its content. Raises :class:`InputFileError` for an empty, oversized or
    unsupported file, naming what it seems to be and what to do."""
    claimed = SUFFIX_FORMATS.get(job.path.suffix.lower())
    check_size(job)
    with job.open() as stream:
        head = stream.read(_HEAD)
        found = _sniff(stream, head, job, claimed)
    if claimed is not None and found.note is None and found.format not in (claimed, "ooxml"):
        kind = KINDS[found.format][0] if found.format in KINDS else found.format
        found = Detected(found.format, found.encrypted,
                         f"read as {kind} ({found.format}): that is its content, although it is named "
                         f"{job.path.suffix.lower()}")
    return found


def check_size(job: FileToRead) -> None:
    """Refuse an empty file, or one larger than ``--max-file-mb``, before reading a byte of it."""
    size = job.size
    if size == 0:
        raise InputFileError(job.name, "is empty (0 bytes); replace it with the real file or remove it")
    if size > job.limits.max_file_bytes:
        raise InputFileError(job.name, f"is {human_size(size)}, over the {job.limits.max_file_mb:g} MB limit; "
                                       "split it, or raise --max-file-mb if it is genuine")


def refuse(job: FileToRead, claimed: str | None, what: str) -> InputFileError:
    """The error for a file that cannot be read: in the words of the format its name claims, when it claims one."""
    if claimed in KINDS:
        kind, advice = KINDS[claimed]
        return InputFileError(job.name, f"not a readable {kind} ({what}); {advice}")
    suffix = job.path.suffix.lower() or "(no extension)"
    return InputFileError(job.name, f"'{suffix}' files are not supported ({what}); supported: "
                                    f"{', '.join(sorted(SUFFIX_FORMATS))}")


def _sniff(stream: BinaryIO, head: bytes, job: FileToRead, claimed: str | None) -> Detected:
    if head.startswith(_OLE_MAGIC):
        return _inspect_ole(stream, job, claimed)
    if head.startswith(_ZIP_MAGICS):
        return _inspect_zip(stream, job, claimed)
    if b"%PDF-" in head[:1024]:  # readers accept junk before the header, so does the standard's appendix
        return Detected("pdf")
    if head.lstrip(b" \t\r\n\xef\xbb\xbf").startswith(b"{\\rtf"):
        return Detected("rtf")
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            raise refuse(job, claimed, f"it is {what}")
    if looks_like_text(head):
        return _inspect_text(head, job, claimed)
    raise refuse(job, claimed, "its content is not a format cse-migrate recognises")


# --- OLE2 compound files: xls, doc and encrypted xlsx/docx ---------------------------------------------------

def _inspect_ole(stream: BinaryIO, job: FileToRead, claimed: str | None) -> Detected:
    stream.seek(0)
    try:
        ole = olefile.OleFileIO(stream)
    except _ERRORS as exc:
        raise refuse(job, claimed, f"damaged compound file: {exc}") from exc
    try:
        if ole.exists("EncryptionInfo") and ole.exists("EncryptedPackage"):
            return Detected("ooxml", encrypted=True)
        for name in ("Workbook", "Book"):
            if ole.exists(name):
                return Detected("xls", encrypted=biff_has_filepass(ole.openstream(name).read()))
        if ole.exists("WordDocument"):
            return Detected("doc", encrypted=word_is_encrypted(ole.openstream("WordDocument").read(16)))
        for name, what in _OLE_OTHERS:
            if ole.exists(name):
                raise refuse(job, claimed, f"it is {what}")
        raise refuse(job, claimed, "it is an OLE compound file, but neither a Word document nor an Excel workbook")
    except _ERRORS as exc:
        raise refuse(job, claimed, f"damaged compound file: {exc}") from exc
    finally:
        ole.close()


def biff_has_filepass(workbook: bytes) -> bool:
    """True when the workbook globals (from BOF to the first EOF) carry a FILEPASS record: encrypted."""
    pos = 0
    first = True
    while pos + 4 <= len(workbook):
        kind, size = struct.unpack_from("<HH", workbook, pos)
        if first and kind not in _BIFF_BOF:
            return False  # not a BIFF stream xlrd could read either; xlrd will say so
        first = False
        if kind == _BIFF_FILEPASS:
            return True
        if kind == _BIFF_EOF:
            return False
        pos += 4 + size
    return False


def word_is_encrypted(fib: bytes) -> bool:
    """True when the Word File Information Block says the document is encrypted (or obfuscated)."""
    if len(fib) < 12:
        return False
    ident, flags = struct.unpack_from("<H", fib, 0)[0], struct.unpack_from("<H", fib, 0x0A)[0]
    return ident in _WORD_IDENTS and bool(flags & _FIB_ENCRYPTED)


# --- zips: xlsx, docx, odt, ods ---------------------------------------------------------------------------

def _inspect_zip(stream: BinaryIO, job: FileToRead, claimed: str | None) -> Detected:
    stream.seek(0)
    try:
        archive = zipfile.ZipFile(stream)
    except _ERRORS as exc:
        raise refuse(job, claimed, f"{describe(exc)}") from exc
    try:
        with archive:
            check_archive(archive, job.name, job.limits)
            return _zip_format(archive, job, claimed)
    except _ERRORS as exc:
        raise refuse(job, claimed, f"{describe(exc)}") from exc


def _zip_format(archive: zipfile.ZipFile, job: FileToRead, claimed: str | None) -> Detected:
    names = set(archive.namelist())
    if "[Content_Types].xml" in names:
        types = archive.read("[Content_Types].xml")
        for marker, fmt in _OOXML_TYPES:
            if marker in types:
                return Detected(fmt)
        if b"spreadsheetml.sheet.binary" in types or "xl/workbook.bin" in names:
            raise refuse(job, claimed, "it is an Excel binary workbook (.xlsb)")
        if b"presentationml" in types:
            raise refuse(job, claimed, "it is a PowerPoint presentation")
    if "word/document.xml" in names:
        return Detected("docx")
    if "xl/workbook.xml" in names:
        return Detected("xlsx")
    if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
        mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
        if mimetype in _ODF_TYPES:
            if _odf_is_encrypted(archive, names):
                raise InputFileError(job.name, "is password-protected; cse-migrate cannot open password-protected "
                                               "OpenDocument files: save an unprotected copy in LibreOffice")
            return Detected(_ODF_TYPES[mimetype])
        if mimetype.startswith("application/vnd.oasis.opendocument."):
            raise refuse(job, claimed, f"it is an OpenDocument file of another kind ({mimetype})")
    raise refuse(job, claimed, "it is a zip archive, not an Office document; unzip it and point cse-migrate "
                               "at the folder")


def _odf_is_encrypted(archive: zipfile.ZipFile, names: set[str]) -> bool:
    manifest = "META-INF/manifest.xml"
    return manifest in names and b"encryption-data" in archive.read(manifest)


# --- text ------------------------------------------------------------------------------------------------

def looks_like_text(head: bytes) -> bool:
    """Text has no NULs (unless it is UTF-16 with a byte-order mark) and almost no control characters. Tab,
    line breaks, form feed, escape and the DOS end-of-file mark (Ctrl-Z) are at home in old text files."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls <= len(head) // 50 + 1


def _inspect_text(head: bytes, job: FileToRead, claimed: str | None) -> Detected:
    start = _decode_head(head).lstrip("\ufeff \t\r\n").lower()
    if start.startswith("<"):
        raise refuse(job, claimed, _markup_kind(start[:4096]))
    if start.startswith("mime-version:"):
        raise refuse(job, claimed, "it is a saved web archive (MHTML)")
    if claimed in _TEXT_AS:
        fmt = _TEXT_AS[claimed]
        note = None
        if fmt != claimed:
            note = (f"read as {'delimited' if fmt == 'csv' else 'plain'} text: it holds text, not "
                    f"{_with_article(KINDS[claimed][0])}, although it is named {job.path.suffix.lower()}")
        return Detected(fmt, note=note)
    if claimed is None:
        raise refuse(job, claimed, "its content is text, but of no kind cse-migrate reads")
    raise refuse(job, claimed, f"it is plain text, not a {job.path.suffix.lower()} file")


def _with_article(kind: str) -> str:
    return f"{'an' if kind[:1].lower() in 'aeiou' else 'a'} {kind}"


def _decode_head(head: bytes) -> str:
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    return head.decode("utf-16" if utf16 else "utf-8", "replace")


def _markup_kind(start: str) -> str:
    if "urn:schemas-microsoft-com:office:spreadsheet" in start:
        return "it is an Excel 2003 XML spreadsheet"
    if "schemas.microsoft.com/office/word/2003/wordml" in start:
        return "it is a Word 2003 XML document"
    if "<html" in start or start.startswith("<!doctype html") or "<table" in start or "<body" in start:
        return "it is an HTML web page"
    return "it is an XML or markup file"
