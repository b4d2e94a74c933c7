"""The hostile corpus (issue 11, item 8): every case finishes within its budget and under 1 GiB, writes all three
reports, keeps the good evidence beside it and names what it could not read.

Each case runs the command line in a child process, so that a stalled parser or regular expression is stopped
at the case's budget (a thread cannot interrupt a regular expression) and its peak memory is measured alone
(``wait4``). Cases are built by :mod:`hostile_corpus`; heavy ones run only with ``CSE_MIGRATE_HEAVY=1``.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

import docx
import pytest
from hostile_corpus import CASES, GOOD_TEXT, Case, build_case
from openpyxl import load_workbook

PEAK_MEMORY = 1024 * 1024 * 1024  # bytes: the bound for any single input within the default limits
HEAVY = os.environ.get("CSE_MIGRATE_HEAVY") == "1"


def shown(name: str) -> str:
    """How the run cites a file name that is not valid UTF-8: undecodable bytes become U+FFFD."""
    return os.fsencode(name).decode("utf-8", "replace")


def run_cli(args: list[str], out: Path, budget: float) -> tuple[int, str, int, float]:
    """Run ``python -m cse_migrate`` with ``args``; kill it at ``budget`` seconds. Returns the exit code, its
    output, its peak resident memory in bytes and the seconds it took."""
    log = out.with_suffix(".log")
    start = time.monotonic()
    with log.open("wb") as sink:
        import subprocess

        process = subprocess.Popen([sys.executable, "-m", "cse_migrate", *args], stdout=sink, stderr=sink)
        timer = threading.Timer(budget, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
    took = time.monotonic() - start
    # ru_maxrss is in kilobytes on Linux, bytes on macOS
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return process.returncode, log.read_text(encoding="utf-8", errors="replace"), peak, took


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=[pytest.mark.skipif(
    c.heavy and not HEAVY, reason="a heavy benchmark case: run with CSE_MIGRATE_HEAVY=1")]) for c in CASES])
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "portfolio"
    if case.needs_bytes_names:
        try:
            (tmp_path / os.fsdecode(b"probe-\xe9")).mkdir()
        except (OSError, UnicodeError):
            pytest.skip("this file system refuses names that are not valid UTF-8")
    built = build_case(case, folder)
    out = tmp_path / "out"
    code, output, peak, took = run_cli([case.command, str(folder), "-o", str(out), "--as-of", "2008-06-30",
                                        *case.args], out, case.budget)
    assert code != -9, f"{case.id}: did not finish within {case.budget:.0f} s"
    assert code in (0, 1), f"{case.id}: exit {code}\n{output[-3000:]}"
    assert peak < PEAK_MEMORY, f"{case.id}: peak memory {peak / 2**20:.0f} MiB"
    assert "\x1b" not in output and "Traceback" not in output, output[-3000:]

    # all three reports, read back
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    document = docx.Document(str(out / "gap-report.docx"))
    workbook = load_workbook(out / "evidence.xlsx", read_only=True)
    cells = {str(v) for sheet in workbook for row in sheet.iter_rows(values_only=True) for v in row if v}
    workbook.close()

    # the good evidence survived, mapped, in every report
    good = [i for i in results["items"] if i["text"] == GOOD_TEXT]
    assert good and good[0]["status"] == "mapped", f"{case.id}: the good evidence was lost"
    assert GOOD_TEXT in cells
    assert any(GOOD_TEXT in cell.text for table in document.tables for row in table.rows for cell in row.cells)

    # every hostile file is accounted for: read (with its accounting) or named with the reason it was not
    read = {f["file"] for f in results["files"]}
    refused = {e["file"]: e["message"] for e in results["errors"]}
    for name in built.hostile:
        assert shown(name) in read | set(refused), f"{case.id}: {shown(name)!r} neither read nor named"
    for name in case.unreadable:
        assert shown(name) in refused, f"{case.id}: {shown(name)!r} should have been refused"
        assert refused[shown(name)].strip(), "an unreadable file is named with its reason"
    assert code == (1 if refused else 0)
    for text in case.arrives:
        assert text in {i["text"] for i in results["items"]}, f"{case.id}: {text!r} did not arrive"
    for entry in results["files"]:
        assert entry["units_read"] == entry["blank"] + entry["structure"] + entry["items"]
    # messages are the same on every run: no memory addresses
    assert not any(" at 0x" in message for message in refused.values())
    print(f"{case.id}: {took:.1f} s, peak {peak / 2**20:.0f} MiB")
