"""Safe output: atomic writes, report sets replaced whole, one run per output folder, clean text, cells that
never hold formulas, folder names that cannot escape.

Every report is written to a temporary file in the target folder and renamed into place, so a crash or a full
disk never leaves a half-written report where a user would open it. The reports of one run are a set
(results.json, evidence.xlsx, gap-report.docx): :func:`replace_set` writes them all into a staging folder first
and swaps them in only when every one is written, so a failure leaves the previous set as it was. An
:class:`OutputLock` stops a second run writing the same folder and names the run that holds it; temporary files
and staging folders left by a killed run are removed by the next run that takes the lock.

Evidence text is untrusted: control characters are removed, spreadsheet cells store it as text whatever its
first character (:func:`write_cell`), and organisation names become folder names that stay inside the output
folder (:func:`safe_folder_name`).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
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
    return _as_text(sheet.cell(row=row, column=column, value=value), value)


def new_cell(sheet: Worksheet | WriteOnlyWorksheet, value: object) -> Cell:
    """A cell holding ``value`` as :func:`write_cell` stores it, not yet placed: ``sheet.append`` places a row
    of them, which is how a write-only (streamed) sheet is filled."""
    if isinstance(value, str):
        value = clean_text(value)
    return _as_text(WriteOnlyCell(sheet, value), value)


def _as_text(cell: Cell, value: object) -> Cell:
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


# --- one run per output folder ------------------------------------------------------------------------------

LOCK_NAME = ".cse-migrate.lock"
STAGING_PREFIX = ".cse-migrate-staging-"
# What atomic_write's mkstemp leaves if the process is killed: ".<report name>.<8 random characters>.tmp".
_LEFTOVER_TMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
_HELD: dict[Path, int] = {}  # folders whose lock this process holds -> how many holders (the lock nests)


class OutputLock:
    """The lock on one output folder, held from :meth:`acquire` until :meth:`release` (or the ``with`` block
    ends). Use :func:`acquire_output_lock`.

    The lock is the file ``.cse-migrate.lock`` in the folder, locked with the operating system's file lock
    (``flock``; ``msvcrt.locking`` on Windows) and holding the run's pid, host and start time. The system
    releases the lock when a process dies, however it dies, so a lock file left by a killed run is simply taken
    over; a live holder is named in the error. Within one process the lock nests (the CLI holds it for the whole
    run, :func:`cse_migrate.pipeline.write_reports` takes it again while writing)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.key = folder.resolve()
        self.fd: int | None = None
        self.created_folder = False
        self.held = False  # by this object: acquire and release are paired per object

    def acquire(self) -> OutputLock:
        if self.held:
            return self
        if self.key in _HELD:
            _HELD[self.key] += 1
        else:
            self.created_folder = not self.folder.exists()
            ensure_folder(self.folder)
            self.fd = _lock_file(self.folder)
            _HELD[self.key] = 1
            remove_leftovers(self.folder)
        self.held = True
        return self

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        _HELD[self.key] -= 1
        if _HELD[self.key]:
            return
        del _HELD[self.key]
        if self.fd is not None:
            # unlink while still locked: a run waiting on this file then sees it is gone and locks a new one
            (self.folder / LOCK_NAME).unlink(missing_ok=True)
            os.close(self.fd)
            self.fd = None
        if self.created_folder:
            with contextlib.suppress(OSError):  # a folder holding anything stays
                self.folder.rmdir()  # a run that wrote nothing leaves no empty folder behind

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.release()


def acquire_output_lock(folder: Path) -> OutputLock:
    """Lock ``folder`` for this run, creating it if need be; :class:`OutputError` (exit 5) names the run that
    holds it when another live run does."""
    return OutputLock(folder).acquire()


def _lock_file(folder: Path) -> int:
    path = folder / LOCK_NAME
    for _ in range(10):  # the holder may remove the file between our open and lock: then open it again
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"{folder}: cannot create the lock file {LOCK_NAME} ({exc.strerror or exc}); "
                              "choose a folder you can write to") from exc
        if not _try_lock(fd):
            holder = _holder(fd)
            os.close(fd)
            raise OutputError(f"{folder}: another cse-migrate run is writing to this output folder ({holder}); "
                              "wait for it to finish or choose another output folder")
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)
            continue
        record = {"pid": os.getpid(), "host": socket.gethostname(),
                  "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")}
        os.ftruncate(fd, 0)  # a holder's record left by a killed run is replaced by ours
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(record).encode("utf-8"))
        return fd
    raise OutputError(f"{folder}: the output folder's lock kept changing hands; try again")


def _try_lock(fd: int) -> bool:
    """Lock the whole file without waiting; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            # a file system without locks (some network shares): runs cannot be kept apart there, but each
            # run's reports are still replaced as a set
            return True
        raise OutputError(f"cannot lock the output folder ({exc.strerror or exc}); choose another folder") from exc
    return True


def _holder(fd: int) -> str:
    """The run holding a lock, as recorded in its lock file."""
    try:
        record = json.loads(os.read(fd, 4096).decode("utf-8"))
        return f"pid {int(record['pid'])} on {record['host']}, started {record['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "a run whose details could not be read"


def remove_leftovers(folder: Path) -> list[str]:
    """Remove the staging folders and temporary report files a killed run left in ``folder``; returns their
    names. Only called by the holder of the folder's lock, so no live run's files are touched."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if entry.name.startswith(STAGING_PREFIX) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        elif _LEFTOVER_TMP.match(entry.name) and entry.is_file(follow_symlinks=False):
            Path(entry.path).unlink(missing_ok=True)
        else:
            continue
        removed.append(entry.name)
    return sorted(removed)


# --- report sets ----------------------------------------------------------------------------------------------

def replace_set(folder: Path, writers: Mapping[str, Callable[[Path], None]], label: str = "") -> dict[str, Path]:
    """Write a set of files or folders into ``folder`` so that the set is replaced as a whole or not at all.

    ``writers`` maps each name to a function that writes that file (or folder) at the path it is given. Every
    member is first written into a staging folder inside ``folder`` (same file system, so moving is a rename);
    only when all are written are they moved into place, after the previous ones are set aside. If writing fails
    (a full disk, a writer's own error) the previous set is untouched; if a move fails, the previous members are
    put back. The staging folder is always removed, and one left by a killed run is removed by the next run
    (:func:`remove_leftovers`). Returns the written paths by name. Callers should hold the folder's
    :class:`OutputLock`.

    The same mechanism serves one organisation's reports (files in its folder) and a batch's organisation
    folders (one folder member in OUTDIR, written by a worker: ``label`` names the staging folder after the
    organisation, so a stopped worker's leftovers can be found and removed).
    """
    ensure_folder(folder)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{label}-" if label else STAGING_PREFIX, dir=folder))
    except OSError as exc:
        raise OutputError(f"{folder}: could not write the reports ({exc.strerror or exc}); check the folder "
                          "is writable and has free space") from exc
    try:
        for name, write in writers.items():
            try:
                write(staging / name)
            except OSError as exc:
                raise OutputError(f"{folder / name}: could not write the report ({exc.strerror or exc}); check "
                                  "the folder is writable and has free space; the previous reports are "
                                  "unchanged") from exc
            except OutputError as exc:
                raise OutputError(f"{exc.message.replace(str(staging / name), str(folder / name))}; the "
                                  "previous reports are unchanged") from exc
        _swap_in(staging, folder, list(writers))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {name: folder / name for name in writers}


def _swap_in(staging: Path, folder: Path, names: list[str]) -> None:
    """Move the staged members into place. A previous file is linked aside and replaced by one rename, so the name
    never goes missing. A previous folder cannot be renamed over, so it is renamed aside first: between the two
    renames the name is briefly absent, and after a crash there it stays absent (the previous folder waits in the
    staging folder, removed by the next run), so a batch simply does that organisation again."""
    previous = staging / ".previous"  # made only when there is something to set aside: on some disks making and
    # removing a folder costs milliseconds, a tenth of an organisation's reports
    try:
        for name in names:
            if (folder / name).is_dir() and not (folder / name).is_symlink():
                previous.mkdir(exist_ok=True)
                os.replace(folder / name, previous / name)
            elif (folder / name).exists():
                previous.mkdir(exist_ok=True)
                try:
                    os.link(folder / name, previous / name)  # no copy: the same file under a second name
                except OSError:
                    shutil.copy2(folder / name, previous / name)
    except OSError as exc:
        _put_back(previous, folder, [n for n in names if (previous / n).is_dir()])
        raise OutputError(f"{folder}: could not set the previous reports aside ({exc.strerror or exc}); check "
                          "the folder is writable and has free space; the previous reports are unchanged") from exc
    moved: list[str] = []
    try:
        for name in names:
            os.replace(staging / name, folder / name)
            moved.append(name)
    except OSError as exc:
        for name in moved:
            if (folder / name).is_dir() and not (folder / name).is_symlink():
                shutil.rmtree(folder / name, ignore_errors=True)
            elif (previous / name).exists():
                os.replace(previous / name, folder / name)
            else:
                (folder / name).unlink(missing_ok=True)
        _put_back(previous, folder, [n for n in names if (previous / n).is_dir()])
        raise OutputError(f"{folder}: could not put the new reports in place ({exc.strerror or exc}); the "
                          "previous reports are unchanged") from exc


def _put_back(previous: Path, folder: Path, names: list[str]) -> None:
    """Return folders set aside by :func:`_swap_in` to their places after a failure."""
    for name in names:
        if not (folder / name).exists():
            os.replace(previous / name, folder / name)
