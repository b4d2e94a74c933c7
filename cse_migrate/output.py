"""Safe output: atomic writes, clean text, cells that never hold formulas, folder names that cannot escape.

Every report is written to a temporary file in the target folder and renamed into place, so a crash or a full
disk never leaves a half-written report where a user would open it. Evidence text is untrusted: control
characters are removed, spreadsheet cells store it as text whatever its first character (:func:`write_cell`),
and organisation names become folder names that stay inside the output folder (:func:`safe_folder_name`).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from cse_migrate.errors import OutputError
from cse_migrate.safe_text import xml_safe

# Names Windows reserves for devices, with or without an extension: a folder called "CON" cannot be created.
_WINDOWS_DEVICE = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
_UNSAFE_IN_FOLDER_NAME = re.compile(r"[^\w.\- ]+")
_SPACE_RUN = re.compile(r"\s+")
_MAX_FOLDER_NAME = 100  # well inside every file system's 255-byte limit, even for non-ASCII names
# First characters that make a spreadsheet program read typed text as a formula or a DDE command.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def clean_text(text: str) -> str:
    """Text that Word, Excel and JSON can all store (see :func:`cse_migrate.safe_text.xml_safe`)."""
    return xml_safe(text)


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet program would take for a formula (or a DDE command) if it were typed in."""
    return text[:1] in FORMULA_TRIGGERS


def write_cell(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Put ``value`` in a worksheet cell, the one way every sheet writer stores values.

    Text is always stored as text, never as a formula: openpyxl takes any string starting with "=" for a
    formula, so the cell's type is set back to string after assigning, and text that starts like a formula
    gets Excel's quote prefix, so that editing the cell later does not turn it into one either. The text keeps
    its own first character (no apostrophe is added), and control characters Excel refuses are removed.
    """
    if isinstance(value, str):
        value = clean_text(value)
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True
    return cell


def csv_safe(value: object) -> object:
    """A value for a CSV cell, which has no cell types: text that starts like a formula gets a leading
    apostrophe, the convention spreadsheet programs honour, so opening the CSV cannot run it."""
    if isinstance(value, str):
        value = clean_text(value)
        if looks_like_formula(value):
            return "'" + value
    return value


def ensure_folder(folder: Path) -> None:
    """Create an output folder, or say clearly why it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the output folder ({exc.strerror or exc}); choose a "
                          "folder you can write to") from exc


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` for a temporary path beside ``path``, then rename it over ``path``."""
    ensure_folder(path.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: could not write the report ({exc.strerror or exc}); check the folder "
                          "is writable and has free space") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; reports should have ordinary modes
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: could not write the report ({exc.strerror or exc}); check the folder "
                          "exists, is writable and has free space") from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    atomic_write(path, write)


def safe_folder_name(name: str) -> str:
    """Turn an organisation name into a folder name that cannot escape its parent folder.

    Separators and every other character outside letters, digits, ``. - _`` and spaces become ``_`` (so
    ``../../etc`` becomes ``_.._etc``, one harmless name); leading and trailing dots and spaces go, so no name is
    ``.`` or ``..`` or hidden; Windows device names (CON, NUL, COM1, ...) get a trailing ``_``; names are cut
    to a length every file system accepts.
    """
    cleaned = _UNSAFE_IN_FOLDER_NAME.sub("_", clean_text(name)).strip(" .")
    cleaned = _SPACE_RUN.sub("-", cleaned)[:_MAX_FOLDER_NAME].rstrip(" .")
    if _WINDOWS_DEVICE.match(cleaned):
        cleaned += "_"
    return cleaned or "organisation"


# Hidden folders in which a batch writes an organisation's reports before moving them into place as a whole.
STAGING_PREFIX = ".cse-migrate-staging-"


def staging_folder(parent: Path, name: str) -> Path:
    """A new, empty hidden folder in ``parent`` to write ``name``'s reports into before :func:`replace_folder`."""
    ensure_folder(parent)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{name}-", dir=parent))
        os.chmod(folder, 0o777 & ~_umask())  # mkdtemp makes 0700 folders; report folders get ordinary modes
    except OSError as exc:
        raise OutputError(f"{parent}: could not create a folder for the reports ({exc.strerror or exc}); check "
                          "the folder is writable and has free space") from exc
    return folder


def replace_folder(staged: Path, target: Path) -> None:
    """Put the finished folder ``staged`` at ``target``, replacing an earlier one, so that a reader (or a crash)
    meets either the old set of reports or the new set, never a mixture or a half-written one.

    Each step is a rename within one folder, so atomic. Between the two renames ``target`` is briefly absent, and
    after a crash there it stays absent (the old set waits under a staging name, removed by the next batch): a
    batch then simply does that organisation again."""
    retired: Path | None = None
    try:
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}old-{target.name}-", dir=target.parent))
            os.replace(target, retired / target.name)
        try:
            os.replace(staged, target)
        except OSError:
            if retired is not None:  # put the earlier reports back rather than lose both sets
                os.replace(retired / target.name, target)
            raise
    except OSError as exc:
        raise OutputError(f"{target}: could not move the reports into place ({exc.strerror or exc}); check the "
                          "folder is writable") from exc
    finally:
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
