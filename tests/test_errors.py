"""The command line's one error boundary: an unexpected exception is one line naming the command and its input,
the traceback goes to a log file in the output folder (or the screen with -v), and the exit code is 10."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cse_migrate.cli import cli
from cse_migrate.crash import LOG_NAME
from cse_migrate.errors import ExitCode
from cse_migrate.model import RunResult


def _evidence(tmp_path: Path) -> Path:
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "log.csv").write_text("Ref,Evidence\n2.1,Customer panel meets quarterly\n", encoding="utf-8")
    return folder


def _broken_writer(result: RunResult, path: Path) -> None:
    raise ZeroDivisionError("injected failure in the Word writer")


def test_a_failing_writer_exits_10_with_one_line_and_a_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cse_migrate.reports.docx.report.write_gap_report", _broken_writer)
    evidence, out = _evidence(tmp_path), tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyse", str(evidence), "-o", str(out)])
    assert result.exit_code == ExitCode.INTERNAL == 10
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1, result.stderr
    assert "internal error in 'cse-migrate analyse'" in errors[0] and str(evidence) in errors[0]
    assert "ZeroDivisionError: injected failure" in errors[0] and str(out / LOG_NAME) in errors[0]
    assert "Traceback" not in result.stderr
    log = (out / LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "_broken_writer" in log
    assert "command: cse-migrate analyse" in log


def test_verbose_shows_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cse_migrate.reports.docx.report.write_gap_report", _broken_writer)
    result = CliRunner().invoke(cli, ["-v", "analyse", str(_evidence(tmp_path)), "-o", str(tmp_path / "out")])
    assert result.exit_code == 10
    assert "Traceback (most recent call last)" in result.stderr and "_broken_writer" in result.stderr


def test_library_errors_keep_their_own_exit_codes(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["analyse", str(tmp_path / "missing"), "-o", str(tmp_path / "out")])
    assert result.exit_code == ExitCode.INPUT_NOT_FOUND
    assert not (tmp_path / "out" / LOG_NAME).exists()
