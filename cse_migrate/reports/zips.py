"""Stable zips for the Word and Excel reports: every member stamped with one time, so that the same content gives
the same bytes.

python-docx and openpyxl stamp each member with the current time; without this two runs over the same evidence
would differ byte for byte and defeat checksums and change detection. Pictures (already compressed) are stored,
everything else deflated; a member can be packed once (:class:`Packed`) and written into any number of zips.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import SizedBuffer

# Zip timestamps cannot be earlier than 1980; an as-of date before that is clamped.
_ZIP_EPOCH_YEAR = 1980
_CHUNK = 1 << 20
# A member up to this size is read whole and written in one call; a larger one (the sheet of a 200,000-item
# workbook) is streamed through in chunks, so no report is ever held in memory whole.
_WHOLE_MEMBER = 64 << 20
_ZIP64_FROM = 1 << 30  # a member this large may pass zip's 4 GiB limit once deflate's worst case is added
# zlib level 1 rather than zipfile's default 6: half the time on the reports' XML (a tenth of writing a report
# at level 6), for files about a sixth larger.
_LEVEL = 1
# Members already compressed in their own format (the charts' PNGs, the template's JPEG thumbnail) are stored as
# they are: deflating them again saved almost nothing and took a twentieth of writing a Word report.
_STORED = (".png", ".jpeg", ".jpg")


def normalise_zip(path: Path, when: datetime) -> None:
    """Rewrite a zip (docx, xlsx) with every member stamped ``when``: same content, same bytes. The original is
    copied to an anonymous temporary file first, and members are read from there."""
    with tempfile.TemporaryFile(dir=path.parent) as original:
        with path.open("rb") as source:
            shutil.copyfileobj(source, original)
        original.seek(0)
        stamp_zip(original, path, when)


def stamp_zip(source: IO[bytes], path: Path, when: datetime) -> None:
    """Write the zip read from ``source`` to ``path``, every member compressed and stamped ``when``: for
    members up to 64 MB, the same bytes as :func:`write_zip` makes of them."""
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in archive.infolist():
            info = _stamped(member.filename, when)
            if member.file_size <= _WHOLE_MEMBER:
                target.writestr(info, archive.read(member))
                continue
            with archive.open(member) as data, target.open(info, "w", force_zip64=member.file_size > _ZIP64_FROM) \
                    as out:
                shutil.copyfileobj(data, out, _CHUNK)


@dataclass(frozen=True)
class Packed:
    """A member as :func:`write_zip` writes it: its name, its content as the zip holds it (compressed, or stored
    for a picture), the content's CRC and size. Packed once, it can go into any number of zips: the parts every
    Word report shares with the template are compressed once per process."""

    name: str
    data: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, name: str, content: bytes) -> Packed:
        data = content
        if _method(name) == zipfile.ZIP_DEFLATED:
            # what zipfile does for a member written whole: raw deflate (no zlib header), one compress and a flush
            compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
            data = compressor.compress(content) + compressor.flush()
        return cls(name, data, zlib.crc32(content), len(content))


def write_zip(path: Path, members: Sequence[tuple[str, bytes] | Packed], when: datetime) -> None:
    """Write ``members`` (name and content, or packed), in order, as a zip with every member stamped ``when``,
    each compressed once: the file :func:`normalise_zip` makes of a zip holding them."""
    with _PackedZip(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in members:
            target.write_packed(member if isinstance(member, Packed) else Packed.of(*member), when)


class _PackedZip(zipfile.ZipFile):
    """A zip that takes members already packed (:class:`Packed`)."""

    def write_packed(self, member: Packed, when: datetime) -> None:
        """Add ``member`` stamped ``when``: the bytes ``writestr`` writes for its content (tests/test_zips.py
        checks it), without compressing it again. The steps are those of zipfile's own ``mkdir`` (a member
        whose header is known before it is written), with the member's data after its header."""
        info = _stamped(member.name, when)
        info.file_size, info.compress_size, info.CRC = member.size, len(member.data), member.crc
        zip64 = member.size * 1.05 > zipfile.ZIP64_LIMIT  # as writestr decides it
        # zipfile's private state, as its mkdir uses it (Python 3.11 to 3.13)
        with self._lock:  # type: ignore[attr-defined]
            self.fp.seek(self.start_dir)  # type: ignore[union-attr]
            info.header_offset = self.fp.tell()  # type: ignore[union-attr]
            self._writecheck(info)  # type: ignore[attr-defined]
            self._didModify = True
            self.fp.write(info.FileHeader(zip64))  # type: ignore[union-attr]
            self.fp.write(member.data)  # type: ignore[union-attr]
            self.filelist.append(info)
            self.NameToInfo[info.filename] = info
            self.start_dir = self.fp.tell()  # type: ignore[union-attr]


class StampedZip(zipfile.ZipFile):
    """A zip being written whose members, however a library adds them (``writestr`` with a name, ``write`` from a
    file), are stamped ``when`` and compressed as :func:`write_zip` does: a workbook saved into it is the file
    :func:`normalise_zip` would make of openpyxl's, in one pass (openpyxl stamps each member with "now")."""

    def __init__(self, path: Path, when: datetime) -> None:
        super().__init__(path, "w", zipfile.ZIP_DEFLATED)
        self.when = when

    def writestr(self, zinfo_or_arcname: str | zipfile.ZipInfo, data: SizedBuffer | str,
                 compress_type: int | None = None, compresslevel: int | None = None) -> None:
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo) else zinfo_or_arcname
        super().writestr(_stamped(name, self.when), data)

    def write(self, filename: str | os.PathLike[str], arcname: str | os.PathLike[str] | None = None,
              compress_type: int | None = None, compresslevel: int | None = None) -> None:
        with open(filename, "rb") as source:
            self.write_stream(source, os.fspath(arcname if arcname is not None else filename))

    def write_stream(self, source: IO[bytes], name: str) -> None:
        """A member read from ``source``: whole up to 64 MB, as :func:`stamp_zip` does, else in chunks."""
        size = source.seek(0, os.SEEK_END)
        source.seek(0)
        if size <= _WHOLE_MEMBER:
            self.writestr(name, source.read())
            return
        with self.open(_stamped(name, self.when), "w", force_zip64=size > _ZIP64_FROM) as out:
            shutil.copyfileobj(source, out, _CHUNK)


def _stamped(name: str, when: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(max(when.year, _ZIP_EPOCH_YEAR), when.month, when.day, 0, 0, 0))
    info.compress_type = _method(name)
    # what writestr's and open's compresslevel set (Python 3.13 names it compress_level and keeps this alias);
    # a ZipInfo given to them otherwise takes zlib's default level, not the archive's
    info._compresslevel = _LEVEL  # type: ignore[attr-defined]  # private in typeshed; see above
    info.create_system = 3  # the same "made on" byte whatever platform wrote it
    info.external_attr = 0o644 << 16
    return info


def _method(name: str) -> int:
    return zipfile.ZIP_STORED if name.lower().endswith(_STORED) else zipfile.ZIP_DEFLATED
