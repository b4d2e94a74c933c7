"""Running an external converter (antiword, catdoc, LibreOffice) safely.

Each run has a time limit (``--timeout``); on expiry the converter's whole process group is killed, so a
LibreOffice that forks a helper cannot outlive the run. Arguments are absolute paths passed as a list (never a
shell), so no file name can be read as an option or a command. LibreOffice gets a profile folder of its own per
run (``-env:UserInstallation``), so parallel runs and a user's open LibreOffice never collide.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from pathlib import Path


class ConversionFailed(Exception):
    """A converter ran and failed, or took too long; the message says which and why, in a few words."""


def find_tool(*names: str) -> str | None:
    """The first of ``names`` found on PATH."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def run_tool(args: list[str], timeout: float, env: dict[str, str] | None = None) -> bytes:
    """Run ``args`` and return its standard output. Raises :class:`ConversionFailed` on a non-zero exit, a
    timeout or a failure to start."""
    tool = Path(args[0]).name
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True, env=env)
    except OSError as exc:
        raise ConversionFailed(f"{tool} could not be started ({exc.strerror or exc})") from exc
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill_group(proc)
        raise ConversionFailed(f"{tool} took longer than {timeout:g} s (--timeout)") from exc
    if proc.returncode != 0:
        reason = err.decode("utf-8", "replace").strip().splitlines()
        raise ConversionFailed(f"{tool} failed: {reason[0] if reason else f'exit code {proc.returncode}'}")
    return out


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):  # it ended on its own in the meantime
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def libreoffice_convert(source: Path, target_ext: str, workdir: Path, timeout: float) -> Path:
    """Convert ``source`` with LibreOffice headless into ``workdir`` and return the converted file."""
    soffice = find_tool("soffice", "libreoffice")
    if soffice is None:
        raise ConversionFailed("LibreOffice is not installed")
    profile = workdir / "profile"
    outdir = workdir / "out"
    outdir.mkdir()
    env = {**os.environ, "HOME": str(workdir)}  # LibreOffice writes caches under HOME as well as the profile
    run_tool([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore",
              "--nolockcheck", "--nodefault", "--nologo", "--convert-to", target_ext, "--outdir", str(outdir),
              str(source)], timeout, env)
    converted = sorted(outdir.glob(f"*.{target_ext}"))
    if not converted:
        raise ConversionFailed("LibreOffice wrote no output (the file may be damaged)")
    return converted[0]
