"""Safety checks on zip-based files (xlsx, docx, ods, odt), made before any parser sees them.

* **Zip bombs.** The sizes in the zip's central directory are checked against ``--max-uncompressed-mb`` (in
  total) and ``--max-ratio`` (per member). Python's zipfile never yields more bytes than a member declares (it
  stops there and fails the CRC check), and openpyxl, python-docx and odfpy all read through zipfile, so the
  declared sizes are a true bound on what parsing can expand to.
* **XML entity attacks** (billion laughs, external entities). Entities can only be declared in a document type
  declaration, which must come before the root element; Office and LibreOffice never write one. So the prolog
  of every XML part is read and a part with ``<!DOCTYPE`` is refused. This holds whatever parser reads the part
  (openpyxl uses defusedxml when it is installed, python-docx uses lxml without entity resolution, odfpy uses
  expat), so the guarantee does not depend on each library's settings.
"""

from __future__ import annotations

import codecs
import zipfile

from cse_migrate.errors import InputFileError
from cse_migrate.limits import Limits
from cse_migrate.readers.base import human_size

_CHUNK = 64 * 1024
_MAX_PROLOG_CHARS = 1024 * 1024  # an XML declaration and a few comments; a megabyte of prolog is an attack
_EBCDIC_XML = b"\x4c\x6f\xa7\x94"  # "<?xm" in EBCDIC, which libxml2 would decode
_ENCRYPTED_MEMBER = 0x1  # zip general-purpose flag bit 0: the member is encrypted


def check_archive(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    """Refuse a zip that would expand too far or that carries a document type declaration in any XML part."""
    infos = archive.infolist()
    check_members(infos, name, limits)
    for info in infos:
        if not info.is_dir() and info.file_size:
            check_xml_prolog(archive, info, name)


def check_members(infos: list[zipfile.ZipInfo], name: str, limits: Limits) -> None:
    """Check the member count, total expanded size and each member's compression ratio from the directory."""
    if len(infos) > limits.max_zip_members:
        raise InputFileError(name, f"holds {len(infos):,} zip members, far more than any Office file; refused as "
                                   "a likely zip bomb. If the file is genuine, open it and save it again")
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise InputFileError(name, f"would expand to {human_size(total)}, over the {limits.max_uncompressed_mb:g} "
                                   "MB limit (a zip bomb, or an unusually large file); if the file is genuine, "
                                   "raise --max-uncompressed-mb")
    for info in infos:
        if info.flag_bits & _ENCRYPTED_MEMBER:
            raise InputFileError(name, f"holds an encrypted zip member ({info.filename}); Office files are never "
                                       "zip-encrypted, so open it in its own program and save it again")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio:
            raise InputFileError(name, f"member {info.filename} would expand {ratio:,.0f} times (limit "
                                       f"{limits.max_ratio:g}): refused as a likely zip bomb; if the file is "
                                       "genuine, raise --max-ratio")


def check_xml_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Read a member's prolog and refuse it when it declares a document type.

    Every member is treated as possible XML (a parser may be pointed at any part by a relationship), so the
    check does not trust the member's name. A member that does not start with ``<`` after white space is
    either not XML or malformed XML; either way no entity can be declared in it.
    """
    with archive.open(info) as member:
        first = member.read(_CHUNK)
        if first.startswith(_EBCDIC_XML):
            raise InputFileError(name, f"part {info.filename} is XML in EBCDIC, which Office never writes; "
                                       "refused as malformed; open the file in its own program and save it again")
        decoder = codecs.getincrementaldecoder(_xml_encoding(first))(errors="replace")
        text = decoder.decode(first)
        while True:
            # NULs are dropped so that UTF-32 text read as UTF-16 still shows its markup
            verdict = _prolog_verdict(text.replace("\x00", "").lstrip("\ufeff"))
            if verdict == "doctype":
                raise InputFileError(name, f"part {info.filename} contains an XML document type declaration "
                                           "(<!DOCTYPE>/<!ENTITY>), which Office never writes and which can "
                                           "hide an entity-expansion attack; refused. Open the file in its own "
                                           "program and save it again if it is genuine")
            if verdict == "ok":
                return
            if len(text) > _MAX_PROLOG_CHARS:
                raise InputFileError(name, f"part {info.filename} has an XML prolog of over a million "
                                           "characters; refused as malformed. Open the file in its own program "
                                           "and save it again")
            chunk = member.read(_CHUNK)
            if not chunk:
                return  # the part ends inside its prolog: the parser will report it as malformed
            text += decoder.decode(chunk)


def _xml_encoding(first: bytes) -> str:
    """The encoding to read a prolog in: UTF-16 when a byte-order mark or the NUL pattern says so, else UTF-8
    (which also reads ASCII and, for the markup characters that matter here, ISO-8859-1)."""
    if first.startswith(codecs.BOM_UTF16_LE) or first[1:2] == b"\x00":
        return "utf-16-le"
    if first.startswith(codecs.BOM_UTF16_BE) or first[:1] == b"\x00":
        return "utf-16-be"
    return "utf-8"


def _prolog_verdict(text: str) -> str:
    """Walk the prolog: ``"doctype"`` if it declares one, ``"ok"`` once the root element starts, else ``"more"``
    (the text read so far ends inside the prolog)."""
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        rest = text[pos:pos + 9]
        if not rest:
            return "more"
        if rest.startswith("<?"):
            end = text.find("?>", pos + 2)
            if end < 0:
                return "more"
            pos = end + 2
        elif rest.startswith("<!--"):
            end = text.find("-->", pos + 4)
            if end < 0:
                return "more"
            pos = end + 3
        elif len(rest) < 4 and "<!--".startswith(rest):
            return "more"  # too little read to tell a comment from a declaration
        elif rest.startswith("<!"):
            return "doctype"  # <!DOCTYPE, <!ENTITY or any other declaration before the root: refused
        else:
            return "ok"  # the root element (or text the parser will reject as malformed)
