"""Stable zips for the Word and Excel reports: every member stamped with one time, so that the same content gives
the same bytes.

python-docx and openpyxl stamp each member with the current time; without this two runs over the same evidence
would differ byte for byte and defeat checksums and change detection.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
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


def write_zip(path: Path, members: Sequence[tuple[str, bytes]], when: datetime) -> None:
    """Write ``members`` (name, content), in order, as a zip with every member stamped ``when``, each compressed
    once: the file :func:`normalise_zip` makes of a zip holding them."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            target.writestr(_stamped(name, when), data)


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
    info.compress_type = zipfile.ZIP_DEFLATED
    # what writestr's and open's compresslevel set (Python 3.13 names it compress_level and keeps this alias);
    # a ZipInfo given to them otherwise takes zlib's default level, not the archive's
    info._compresslevel = _LEVEL  # type: ignore[attr-defined]  # private in typeshed; see above
    info.create_system = 3  # the same "made on" byte whatever platform wrote it
    info.external_attr = 0o644 << 16
    return info
