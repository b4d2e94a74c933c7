"""Output folders that stay consistent (issue 11, item 7).

One run at a time writes an output folder (a second is told which run holds it; a dead holder's lock is taken
over); the three reports are replaced as a set or not at all (a full disk, a failing rename); what a killed run
left behind is removed by the next run; error messages carry no memory addresses.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from cse_migrate.cli import cli
from cse_migrate.discovery import InputFile
from cse_migrate.errors import ExitCode, InputFileError, OutputError, stable_message
from cse_migrate.limits import DEFAULT_LIMITS
from cse_migrate.model import FileError, FileRead, RunResult
from cse_migrate.options import RunOptions
from cse_migrate.output import LOCK_NAME, STAGING_PREFIX, acquire_output_lock, atomic_write, replace_set
from cse_migrate.pipeline import REPORT_NAMES, analyse, read_one, write_reports
from cse_migrate.rules import RuleSet

LOG = "Ref,Evidence\n2.1,Customer panel meets quarterly to review complaints\n"
REPORTS = sorted(REPORT_NAMES.values())


def evidence(tmp_path: Path, text: str = LOG) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "log.csv").write_text(text, encoding="utf-8")
    return folder


def report_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in REPORTS}


def previous_set(tmp_path: Path, rules: RuleSet) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    write_reports(analyse([evidence(tmp_path)], rules, RunOptions(as_of=date(2008, 6, 30))), out)
    return out, report_bytes(out)


def newer_result(tmp_path: Path, rules: RuleSet) -> RunResult:
    folder = evidence(tmp_path, LOG + "3.2,Staff trained in complaint handling\n")
    return analyse([folder], rules, RunOptions(as_of=date(2009, 1, 31)))


def only_reports(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir())


# --- one run per folder --------------------------------------------------------------------------------------

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from cse_migrate.output import acquire_output_lock
    lock = acquire_output_lock(Path(sys.argv[1]))
    print("held", flush=True)
    sys.stdin.read()  # hold the lock until the test closes our stdin
    lock.release()
""")


@pytest.fixture
def other_run(tmp_path: Path) -> Iterator[Callable[[Path], subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []

    def start(folder: Path) -> subprocess.Popen[str]:
        process = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, text=True)
        started.append(process)
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.communicate("", timeout=30)


def test_a_second_run_is_told_which_run_holds_the_folder(tmp_path: Path, rules: RuleSet,
                                                         other_run: Callable[[Path], subprocess.Popen[str]]) -> None:
    out, before = previous_set(tmp_path, rules)
    holder = other_run(out)
    with pytest.raises(OutputError) as caught:
        write_reports(analyse([evidence(tmp_path)], rules), out)
    message = str(caught.value)
    assert message.startswith(f"{out}: another cse-migrate run is writing to this output folder (pid {holder.pid} "
                              f"on {socket.gethostname()}, started ")
    assert message.endswith(" UTC); wait for it to finish or choose another output folder")
    assert caught.value.exit_code == ExitCode.OUTPUT_FAILED
    assert report_bytes(out) == before


def test_the_cli_exits_5_before_analysing_when_the_folder_is_held(
        tmp_path: Path, other_run: Callable[[Path], subprocess.Popen[str]]) -> None:
    out = tmp_path / "out"
    holder = other_run(out)
    result = CliRunner().invoke(cli, ["analyse", str(evidence(tmp_path)), "-o", str(out)])
    assert result.exit_code == int(ExitCode.OUTPUT_FAILED) == 5
    assert f"another cse-migrate run is writing to this output folder (pid {holder.pid} on" in result.stderr
    assert only_reports(out) == [LOCK_NAME]  # nothing written; the holder's lock untouched


def test_a_lock_left_by_a_dead_run_is_taken_over(tmp_path: Path, rules: RuleSet) -> None:
    out, _ = previous_set(tmp_path, rules)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    (out / LOCK_NAME).write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname(),
                                             "started": "2008-01-01 00:00:00 UTC"}), encoding="utf-8")
    write_reports(analyse([evidence(tmp_path)], rules), out)
    assert only_reports(out) == REPORTS  # the stale lock was taken over, then released


def test_the_lock_nests_within_one_process(tmp_path: Path, rules: RuleSet) -> None:
    out = tmp_path / "out"
    with acquire_output_lock(out):
        write_reports(analyse([evidence(tmp_path)], rules), out)  # the CLI holds it around write_reports
        assert (out / LOCK_NAME).exists()
    assert only_reports(out) == REPORTS


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_a_file_system_without_locks_still_gets_the_reports(tmp_path: Path, rules: RuleSet,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    def no_locks(_fd: int, _operation: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "flock", no_locks)
    out = tmp_path / "share"
    write_reports(analyse([evidence(tmp_path)], rules), out)
    assert only_reports(out) == REPORTS


def test_a_run_that_writes_nothing_leaves_no_folder(tmp_path: Path) -> None:
    out = tmp_path / "never"
    result = CliRunner().invoke(cli, ["analyse", str(tmp_path / "missing"), "-o", str(out)])
    assert result.exit_code == ExitCode.INPUT_NOT_FOUND
    assert not out.exists()


# --- the three reports as one set -----------------------------------------------------------------------------

def full_disk(path: Path) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


# Each report's own save fails as a full disk makes it fail: inside its atomic write, after the temporary file
# was created.
FULL_DISK = {
    "results.json": ("json_report", "atomic_write", lambda path, _write: atomic_write(path, full_disk)),
    "evidence.xlsx": ("xlsx.report", "save_workbook", lambda _book, tmp, _when: full_disk(tmp)),
    "gap-report.docx": ("docx.report", "atomic_write", lambda path, _save: atomic_write(path, full_disk)),
}


@pytest.mark.parametrize("report", sorted(FULL_DISK))
def test_a_full_disk_leaves_the_previous_set_intact(tmp_path: Path, rules: RuleSet, monkeypatch: pytest.MonkeyPatch,
                                                    report: str) -> None:
    out, before = previous_set(tmp_path, rules)
    module, name, failing = FULL_DISK[report]
    monkeypatch.setattr(f"cse_migrate.reports.{module}.{name}", failing)
    with pytest.raises(OutputError) as caught:
        write_reports(newer_result(tmp_path, rules), out)
    assert str(caught.value) == (f"{out / report}: could not write the report (No space left on device); check "
                                 "the folder exists, is writable and has free space; the previous reports are "
                                 "unchanged")
    assert report_bytes(out) == before
    assert only_reports(out) == REPORTS  # no staging folder, temporary file or lock left


def test_a_failed_rename_puts_the_previous_set_back(tmp_path: Path, rules: RuleSet,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out, before = previous_set(tmp_path, rules)
    real_replace = os.replace
    calls: list[str] = []

    def replace(src: object, dst: object) -> None:
        calls.append(str(dst))
        if len([c for c in calls if Path(c).parent == out]) == 2 and Path(str(dst)).parent == out:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr("cse_migrate.output.os.replace", replace)
    with pytest.raises(OutputError) as caught:
        write_reports(newer_result(tmp_path, rules), out)
    assert str(caught.value) == (f"{out}: could not put the new reports in place (Input/output error); the "
                                 "previous reports are unchanged")
    assert report_bytes(out) == before
    assert only_reports(out) == REPORTS


def test_replace_set_writes_any_set_of_files(tmp_path: Path) -> None:
    def writer(text: str) -> Callable[[Path], None]:
        def write(path: Path) -> None:
            path.write_text(text)
        return write

    written = replace_set(tmp_path / "set", {"a.txt": writer("A"), "b.txt": writer("B")})
    assert {n: p.read_text() for n, p in written.items()} == {"a.txt": "A", "b.txt": "B"}
    assert only_reports(tmp_path / "set") == ["a.txt", "b.txt"]


# --- what a killed run leaves --------------------------------------------------------------------------------

KILLED = textwrap.dedent("""
    import os, signal, sys
    from datetime import date
    from pathlib import Path
    import cse_migrate.reports.docx.report as docx_report
    from cse_migrate.options import RunOptions
    from cse_migrate.pipeline import analyse, write_reports
    from cse_migrate.rules import load_rules

    def die(result, path):
        path.with_name("." + path.name + ".abcd1234.tmp").write_bytes(b"half a report")
        os.kill(os.getpid(), signal.SIGKILL)  # kill -9 in the middle of writing the set

    docx_report.write_gap_report = die
    write_reports(analyse([Path(sys.argv[1])], load_rules(), RunOptions(as_of=date(2009, 1, 31))),
                  Path(sys.argv[2]))
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_next_run_cleans_up_after_a_killed_run(tmp_path: Path, rules: RuleSet) -> None:
    out, before = previous_set(tmp_path, rules)
    (out / ".results.json.zz99yy88.tmp").write_bytes(b"left by atomic_write in an older run")
    killed = subprocess.run([sys.executable, "-c", KILLED, str(evidence(tmp_path)), str(out)], check=False)
    assert killed.returncode == -9
    assert report_bytes(out) == before  # the killed run changed none of the reports
    leftovers = sorted(set(only_reports(out)) - set(REPORTS))
    assert LOCK_NAME in leftovers and any(n.startswith(STAGING_PREFIX) for n in leftovers)
    write_reports(analyse([evidence(tmp_path)], rules, RunOptions(as_of=date(2008, 6, 30))), out)
    assert only_reports(out) == REPORTS
    assert report_bytes(out) == before  # same input, same reports


# --- deterministic messages ----------------------------------------------------------------------------------

def test_error_messages_carry_no_memory_addresses() -> None:
    assert stable_message("bad object <pypdf.generic.IndirectObject object at 0x7f3a2b1c9d50> in /Kids") == \
        "bad object <pypdf.generic.IndirectObject object> in /Kids"
    assert stable_message("id 0x7f3a2b1c9d50 twice") == "id 0x… twice"
    assert stable_message("offset 0x1F is bad") == "offset 0x1F is bad"  # short hex numbers are data


def test_a_file_error_with_an_address_is_the_same_every_run(tmp_path: Path) -> None:
    class Worker:
        """Stands in for the reading process: refuses the file with a library's text that carries an address."""

        def read(self, *_args: object) -> FileRead:
            raise InputFileError("log.csv", f"not a readable PDF (PdfReadError: cannot use {object()!r})")

    messages = set()
    for _ in range(2):
        errors: list[FileError] = []
        read_one(Worker(), InputFile(tmp_path / "log.csv", "log.csv"), DEFAULT_LIMITS, None, [],  # type: ignore[arg-type]
                 errors)
        messages.add(errors[0].message)
    assert messages == {"not a readable PDF (PdfReadError: cannot use <object object>)"}
