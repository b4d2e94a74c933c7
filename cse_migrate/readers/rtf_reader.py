"""Rich Text Format (.rtf) through a small converter written for this purpose.

Why not a text stripper: evidence RTF is mostly Word's "Save as RTF", and its tables matter (cells become the
columns of evidence rows) as do its heading styles (they give the criterion context). The converter walks the
RTF tokens once, keeping per group whether the text is shown, the Unicode fallback count and the font's code
page, and emits paragraphs (with their style's name from the stylesheet), table rows (``\\cell``, ``\\row``)
and nothing from the destinations that are not body text (font and colour tables, stylesheet, document
information, pictures, objects, page headers and footers, field instructions, list numbering text).

It never recurses, so deep nesting cannot exhaust the stack, and binary data (``\\binN``) is skipped by length.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead
from cse_migrate.readers.base import FileToRead
from cse_migrate.readers.blocks import DocumentBuilder

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|([^\\{}\r\n]+)",
                    re.DOTALL)
# Destinations whose text is never body text.
_SKIP_DESTINATIONS = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "header", "headerl", "headerr",
    "headerf", "footer", "footerl", "footerr", "footerf", "fldinst", "themedata", "colorschememapping",
    "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "revtbl",
    "filetbl", "pntext", "pntxta", "pntxtb", "listtext", "bkmkstart", "bkmkend", "shppict", "nonshppict",
    "shpinst", "sp", "sn", "sv", "template", "userprops", "docvar", "mmathPr", "pgdsctbl", "ftnsep",
    "ftnsepc", "aftnsep", "aftnsepc", "atnid", "atnauthor", "annotation", "xe", "tc", "private", "blipuid",
})
_SPECIAL = {"emdash": "\u2014", "endash": "\u2013", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c",
            "rdblquote": "\u201d", "bullet": "\u2022", "emspace": " ", "enspace": " ", "qmspace": " ",
            "tab": "\t", "line": "\n"}
_SYMBOLS = {"~": "\u00a0", "-": "", "_": "-", "{": "{", "}": "}", "\\": "\\", "\n": "\n", "\r": "\n", "|": "",
            ":": ""}
_CHARSETS = {0: "cp1252", 77: "mac_roman", 128: "cp932", 129: "cp949", 130: "johab", 134: "gbk", 136: "cp950",
             161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257",
             204: "cp1251", 222: "cp874", 238: "cp1250", 254: "cp437", 255: "cp850"}
_MAX_DEPTH = 10_000  # Word nests a few dozen groups; thousands deep is an attack or a broken file


@dataclass
class _Group:
    skip: bool = False  # inside a destination that is not body text
    ucskip: int = 1  # how many fallback characters follow a \uN
    encoding: str = "cp1252"
    table: str | None = None  # "fonttbl" or "stylesheet" while reading those tables


@dataclass
class RtfConverter:
    """Walks RTF tokens and feeds paragraphs and tables to a :class:`DocumentBuilder`."""

    builder: DocumentBuilder
    codepage: str = "cp1252"
    group: _Group = field(default_factory=_Group)
    stack: list[_Group] = field(default_factory=list)
    fonts: dict[int, str] = field(default_factory=dict)  # font number -> encoding
    styles: dict[int, str] = field(default_factory=dict)  # paragraph style number -> name
    text: list[str] = field(default_factory=list)  # the paragraph (or cell) being read
    hexes: bytearray = field(default_factory=bytearray)  # \'xx bytes waiting to be decoded together
    pending_skip: int = 0  # fallback characters still to skip after a \uN
    in_table: bool = False
    style: int = 0
    cells: list[str] = field(default_factory=list)
    rows: list[list[object]] = field(default_factory=list)
    entry_number: int | None = None  # the font or style number of the table entry being read
    entry_depth: int = -1  # the group depth at which that entry started
    entry_text: list[str] = field(default_factory=list)

    def feed(self, data: bytes) -> None:
        pos = 0
        while pos < len(data):
            match = _TOKEN.match(data, pos)
            if match is None:
                pos += 1  # a lone backslash at the very end: nothing to read
                continue
            pos = match.end()
            word, arg, hexpair, symbol, brace, chunk = match.groups()
            if hexpair is None:
                self._decode_hexes()
            if word is not None:
                pos = self._control(word.decode("ascii"), int(arg) if arg else None, data, pos)
            elif hexpair is not None:
                self._hex(int(hexpair, 16))
            elif symbol is not None:
                self.pending_skip = 0
                self._symbol(symbol.decode("latin-1"))
            elif brace is not None:
                self.pending_skip = 0
                self._brace(brace)
            elif chunk is not None:
                self._text_bytes(chunk)
        self._decode_hexes()
        self.finish()

    # --- tokens ------------------------------------------------------------------------------------------

    def _brace(self, brace: bytes) -> None:
        if brace == b"{":
            if len(self.stack) >= _MAX_DEPTH:
                raise ValueError(f"groups nested more than {_MAX_DEPTH:,} deep")
            self.stack.append(self.group)
            self.group = _Group(self.group.skip, self.group.ucskip, self.group.encoding, self.group.table)
            return
        self._close_entry()
        if self.stack:
            self.group = self.stack.pop()

    def _control(self, word: str, arg: int | None, data: bytes, pos: int) -> int:
        self.pending_skip = 0
        if word == "bin":
            return pos + max(arg or 0, 0)  # binary data: skipped by its declared length
        if word in _SKIP_DESTINATIONS:
            if word in ("fonttbl", "stylesheet"):
                self.group.table = word
            self.group.skip = True
            return pos
        if self.group.table is not None:
            self._table_control(word, arg)
            return pos
        if word == "ansicpg" and arg is not None:
            self.codepage = _encoding_for(f"cp{arg}", self.codepage)
            self.group.encoding = self.codepage
        elif word == "f" and arg is not None:
            self.group.encoding = self.fonts.get(arg, self.codepage)
        elif word == "uc" and arg is not None:
            self.group.ucskip = max(arg, 0)
        elif word == "u" and arg is not None:
            self._emit(_unicode(arg))
            self.pending_skip = self.group.ucskip
        elif word in ("par", "sect"):
            self._end_paragraph()
        elif word == "pard":
            self.in_table, self.style = False, 0
        elif word == "intbl":
            self.in_table = True
        elif word == "s" and arg is not None:
            self.style = arg
        elif word in ("cell", "nestcell"):
            self.cells.append(self._take_text())
        elif word in ("row", "nestrow"):
            if self.cells:
                self.rows.append(list(self.cells))
            self.cells.clear()
        elif word in _SPECIAL:
            self._emit(_SPECIAL[word])
        return pos

    def _table_control(self, word: str, arg: int | None) -> None:
        """Inside the font table or stylesheet: note each entry's number, charset and name."""
        if self.group.table == "fonttbl":
            if word == "f" and arg is not None:
                self.entry_number, self.entry_depth = arg, len(self.stack)
            elif word == "fcharset" and arg is not None and self.entry_number is not None:
                self.fonts[self.entry_number] = _CHARSETS.get(arg, self.codepage)
        elif word == "s" and arg is not None:
            self.entry_number, self.entry_depth, self.entry_text = arg, len(self.stack), []

    def _close_entry(self) -> None:
        """At the end of the group that began a font or style entry, record it (a style's name runs to ';')."""
        if self.group.table is None or len(self.stack) != self.entry_depth:
            return
        if self.group.table == "stylesheet" and self.entry_number is not None:
            self.styles[self.entry_number] = "".join(self.entry_text).split(";")[0].strip().lower()
        self.entry_number, self.entry_depth, self.entry_text = None, -1, []

    def _symbol(self, symbol: str) -> None:
        if symbol in ("\n", "\r"):
            self._end_paragraph()  # a backslash before a line break is an old spelling of \par
        elif symbol == "*":
            self.group.skip = True  # {\* ...}: a destination a reader may ignore
        elif symbol in _SYMBOLS:
            self._emit(_SYMBOLS[symbol])

    def _hex(self, value: int) -> None:
        if self.pending_skip:
            self.pending_skip -= 1
            return
        self.hexes.append(value)

    def _decode_hexes(self) -> None:
        if self.hexes:
            self._emit(bytes(self.hexes).decode(self.group.encoding, "replace"))
            self.hexes.clear()

    def _text_bytes(self, chunk: bytes) -> None:
        if self.pending_skip:
            dropped = min(self.pending_skip, len(chunk))
            chunk = chunk[dropped:]
            self.pending_skip -= dropped
        if chunk:
            self._emit(chunk.decode(self.group.encoding, "replace"))

    def _emit(self, text: str) -> None:
        if self.group.table == "stylesheet" and self.entry_number is not None:
            self.entry_text.append(text)
        elif not self.group.skip:
            self.text.append(text)

    # --- blocks ------------------------------------------------------------------------------------------

    def _take_text(self) -> str:
        text = "".join(self.text).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        self.text.clear()
        return text

    def _end_paragraph(self) -> None:
        if self.group.skip:
            return
        if self.in_table:
            self.text.append("\n")  # a paragraph break inside a table cell
            return
        self._flush_table()
        text = self._take_text()
        style = self.styles.get(self.style, "")
        if style.startswith(("heading", "title", "subtitle")):
            self.builder.add_heading(text)
        elif style.startswith(("caption", "toc", "header", "footer", "table of figures")) and text.strip():
            self.builder.add_furniture()
        else:
            self.builder.add_paragraph(text)

    def _flush_table(self) -> None:
        if self.cells:
            self.rows.append(list(self.cells))
            self.cells.clear()
        if self.rows:
            self.builder.add_table(self.rows)
            self.rows = []

    def finish(self) -> None:
        self._flush_table()
        if "".join(self.text).strip():
            self.in_table = False
            self.group.skip = False
            self._end_paragraph()


def _unicode(code: int) -> str:
    if code < 0:
        code += 0x10000  # RTF writes \u as a signed 16-bit number
    return chr(code) if 0 <= code <= 0x10FFFF else "\ufffd"


def _encoding_for(name: str, fallback: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return fallback


def read_rtf(job: FileToRead) -> FileRead:
    data = job.read_bytes()
    if not data.lstrip().startswith(b"{\\rtf"):
        raise InputFileError(job.name, "not a readable RTF document (it does not start with {\\rtf); open it in "
                                       "Word and save it again as .docx")
    builder = DocumentBuilder(job, "rtf", number_every_paragraph=True)
    try:
        converter = RtfConverter(builder)
        converter.feed(data)
        if converter.stack:
            # Word and WordPad open such a file and show what is there; so does this reader, and says so
            builder.note("the file ends before its last group closes (truncated?); the text up to there was read")
    except ValueError as exc:
        raise InputFileError(job.name, f"not a readable RTF document ({exc}); open it in Word and save it again "
                                       "as .docx") from exc
    return builder.result("rtf")
