"""What an unexpected exception leaves behind: a log file with the traceback, and one line for the user.

The command line's error boundary (:mod:`cse_migrate.cli`) calls :func:`record_crash` for any exception that is
not a :class:`~cse_migrate.errors.CseMigrateError`, then prints the line it returns and exits with
``ExitCode.INTERNAL`` (10). This module neither prints nor exits.
"""

from __future__ import annotations

import platform
import tempfile
import traceback
from pathlib import Path

from cse_migrate.errors import OutputError
from cse_migrate.output import atomic_write_text
from cse_migrate.version import __version__

LOG_NAME = "cse-migrate-error.log"


def crash_report(command: str, target: str, exc: BaseException) -> str:
    """The log file's text: what was run on what, the versions, and the traceback."""
    lines = [f"command: {command}", f"input: {target or '(none)'}",
             f"cse-migrate {__version__}, Python {platform.python_version()} on {platform.platform()}", "",
             "".join(traceback.format_exception(exc))]
    return "\n".join(lines)


def write_crash_log(text: str, outdir: Path | None) -> Path | None:
    """Write the log into the output folder (or the temporary folder when there is none or it cannot be
    written); None when no folder could take it."""
    for folder in ([outdir] if outdir is not None else []) + [Path(tempfile.gettempdir())]:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / LOG_NAME
            atomic_write_text(path, text)
            return path
        except (OSError, OutputError):  # an unwritable output folder: try the next place
            continue
    return None


def record_crash(command: str, target: str, outdir: Path | None, exc: BaseException) -> tuple[str, str]:
    """Log an unexpected exception; return the one line for the user and the traceback text."""
    text = crash_report(command, target, exc)
    log = write_crash_log(text, outdir)
    where = f"the traceback is in {log}" if log is not None else "no log could be written; run again with -v"
    on = f" on {target}" if target else ""
    line = (f"internal error in '{command}'{on}: {type(exc).__name__}: {exc}; {where}. This is a bug: please "
            "report it with that file")
    return line, text
