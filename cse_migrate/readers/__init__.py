"""Readers, one module per format, registered by file suffix.

Every reader takes a path and the name to cite it by, and returns a :class:`~cse_migrate.model.FileRead`; it
raises :class:`~cse_migrate.errors.InputFileError` (naming the file and what to do) when the file cannot be read.
Built-in readers register themselves exactly as an extension would, through :func:`register`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead

Reader = Callable[[Path, str], FileRead]
_READERS: dict[str, tuple[str, Reader]] = {}


def register(suffixes: tuple[str, ...], fmt: str, reader: Reader) -> None:
    """Register ``reader`` for file suffixes (lower case, with the dot)."""
    for suffix in suffixes:
        _READERS[suffix] = (fmt, reader)


def supported_suffixes() -> tuple[str, ...]:
    _load_builtins()
    return tuple(sorted(_READERS))


def read_file(path: Path, name: str) -> FileRead:
    """Read one file with the reader for its suffix."""
    _load_builtins()
    entry = _READERS.get(path.suffix.lower())
    if entry is None:
        raise InputFileError(name, f"'{path.suffix or '(no extension)'}' files are not supported; "
                                   f"supported: {', '.join(sorted(_READERS))}")
    return entry[1](path, name)


def _load_builtins() -> None:
    if _READERS:
        return
    from cse_migrate.readers import csv_reader, docx_reader, xlsx_reader

    register((".xlsx", ".xlsm"), "xlsx", xlsx_reader.read_xlsx)
    register((".docx",), "docx", docx_reader.read_docx)
    register((".csv", ".tsv"), "csv", csv_reader.read_csv)
