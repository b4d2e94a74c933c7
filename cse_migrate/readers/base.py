"""What every reader is handed and the guards every reader shares.

A reader receives a :class:`FileToRead`: the user's path, the name to cite it by, the :class:`Limits` it must
keep to and, when the file was decrypted, the decrypted bytes (held in memory, never written beside the input).
Readers translate their library's exceptions into :class:`InputFileError` at the boundary; the exception types a
parser of untrusted bytes is known to raise are listed once here as :data:`PARSER_ERRORS`.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cse_migrate.errors import InputFileError
from cse_migrate.limits import DEFAULT_LIMITS, Limits

# What third-party parsers raise on malformed input, beyond their own exception classes: a truncated record
# gives struct.error or EOFError, a bad offset IndexError or KeyError, a bad number ValueError, deep nesting
# RecursionError, malformed XML a SyntaxError subclass. Readers catch these at the boundary and name the file.
PARSER_ERRORS: tuple[type[BaseException], ...] = (
    OSError, ValueError, LookupError, EOFError, TypeError, AttributeError, AssertionError, NotImplementedError,
    RecursionError, ArithmeticError, SyntaxError, struct.error, zlib.error, zipfile.BadZipFile, MemoryError,
)


def parser_errors(*extra: type[BaseException]) -> tuple[type[BaseException], ...]:
    """:data:`PARSER_ERRORS` plus a library's own exception classes, for one ``except`` clause."""
    return (*extra, *PARSER_ERRORS)


# C0 control characters other than tab and newline: legacy converters leave cell marks (\x07), field codes
# (\x13-\x15) and NULs in their output, and they are never part of the evidence.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class FileToRead:
    """One input file as a reader receives it."""

    path: Path  # the user's file: its suffix, and what converters are pointed at when there is no content
    name: str  # how the file is cited in every report
    limits: Limits = DEFAULT_LIMITS
    content: bytes | None = None  # the decrypted bytes, when the file was password-protected
    password: str | None = field(default=None, repr=False)  # --password, for readers that decrypt themselves

    def open(self) -> BinaryIO:
        """The file's bytes as a binary stream (the decrypted bytes when there are any)."""
        if self.content is not None:
            return io.BytesIO(self.content)
        try:
            return self.path.open("rb")
        except OSError as exc:
            raise InputFileError(self.name, f"could not be opened ({exc.strerror or exc}); check it exists and "
                                            "you may read it") from exc

    def read_bytes(self) -> bytes:
        with self.open() as stream:
            return stream.read()

    @property
    def size(self) -> int:
        if self.content is not None:
            return len(self.content)
        try:
            return self.path.stat().st_size
        except OSError as exc:
            raise InputFileError(self.name, f"could not be opened ({exc.strerror or exc}); check it exists and "
                                            "you may read it") from exc

    @contextmanager
    def on_disk(self) -> Iterator[Path]:
        """A path an external program can read: the user's own file, or the decrypted bytes written to a
        private temporary folder (mode 0700) that is removed afterwards. Nothing is ever written beside the
        input, so a decrypted copy cannot be left where others could find it."""
        if self.content is None:
            yield self.path.resolve()
            return
        with private_folder() as folder:
            target = folder / f"input{self.path.suffix.lower()}"
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
            with os.fdopen(fd, "wb") as out:
                out.write(self.content)
            yield target


@contextmanager
def private_folder() -> Iterator[Path]:
    """A temporary folder only this user can enter (mkdtemp makes it 0700), removed on exit."""
    folder = Path(tempfile.mkdtemp(prefix="cse-migrate-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clean_unit_text(text: str) -> str:
    """One paragraph or cell of text as evidence: control characters dropped, runs of spaces folded, trimmed."""
    text = _CONTROL.sub(" ", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def describe(exc: BaseException) -> str:
    """A library's exception for a message: ``BadZipFile: File is not a zip file``. Modules that call their
    exception plain ``error`` (zlib, struct) are named, so the reader sees ``zlib.error`` rather than ``error``."""
    name = type(exc).__name__
    if name == "error":
        name = f"{type(exc).__module__}.error"
    text = str(exc)
    return f"{name}: {text}" if text else name


def check_rows(count: int, where: str, name: str, limits: Limits) -> None:
    """Refuse a sheet, table or document with more rows or paragraphs than ``--max-rows`` allows."""
    if count > limits.max_rows:
        raise InputFileError(name, f"{where} has more than {limits.max_rows:,} rows or paragraphs, over the "
                                   "limit; split the file, or raise --max-rows if the rows are genuine")


def check_cells(count: int, where: str, name: str, limits: Limits) -> None:
    """Refuse a sheet whose grid of cells (rows times their width) is larger than any real evidence sheet."""
    if count > limits.max_cells:
        raise InputFileError(name, f"{where}: more than {limits.max_cells:,} cells (rows times columns), far "
                                   "more than any evidence sheet; delete the unused rows and columns and save it "
                                   "again")


def check_document_parts(job: FileToRead, kind: str) -> None:
    """Refuse a zip-based document whose largest XML part is over ``--max-document-mb``, before a parser that
    builds the whole tree (python-docx, odfpy) is handed it."""
    with job.open() as stream, zipfile.ZipFile(stream) as archive:
        parts = [i for i in archive.infolist() if i.filename.lower().endswith(".xml")]
    largest = max(parts, key=lambda i: i.file_size, default=None)
    limit = job.limits.max_document_mb * 1024 * 1024
    if largest is not None and largest.file_size > limit:
        raise InputFileError(job.name, f"its {kind} text ({largest.filename}) is {human_size(largest.file_size)} of "
                                       f"XML, over the {job.limits.max_document_mb:g} MB a document is read with "
                                       "(--max-document-mb), since reading it would need about 14 times that in "
                                       "memory; split the document, or raise --max-document-mb on a machine with "
                                       "the memory")


def human_size(size: int) -> str:
    """A byte count for a message: ``3.2 MB``."""
    return f"{size / (1024 * 1024):,.1f} MB"
