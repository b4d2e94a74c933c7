"""One time limit for reading any file: ``--timeout`` stops a parser that spends too long inside one file.

The PDFs are the cases of issue 11, generated (tests/hostile_pdf.py): a few kilobytes each, minutes of pypdf
without a limit (measured: 8 s for two draws of the form, about 4 s per shared page). Each is read beside a good
log with a 2 s limit: the hostile file is refused with the one-line reason, the good file after it is read by a
fresh worker, and the run ends in seconds rather than minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hostile_pdf import form_drawn_many_times, pages_sharing_one_stream

from cse_migrate.errors import InputFileError
from cse_migrate.limits import Limits
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import analyse
from cse_migrate.readers.worker import ReadingWorker, timeout_reason
from cse_migrate.rules import RuleSet

GOOD_TEXT = "Customer panel meets quarterly and its minutes are published on the website"
LIMIT = 2.0
# Without the limit these files take 200 s (form) and 600 s (shared stream); with it, the limit plus the time
# to start a worker and read the good file. A generous bound, so a busy machine does not fail the test.
WITHIN = 30.0


@pytest.mark.parametrize(("name", "make"), [("form.pdf", form_drawn_many_times),
                                            ("shared.pdf", pages_sharing_one_stream)])
def test_a_file_over_the_time_limit_is_refused_and_the_run_goes_on(tmp_path: Path, rules: RuleSet, name: str,
                                                                  make: Callable[[], bytes]) -> None:
    (tmp_path / name).write_bytes(make())
    (tmp_path / "later_log.csv").write_text(f"Ref,Evidence,Date\n2.1,{GOOD_TEXT},2006\n", encoding="utf-8")
    start = time.perf_counter()
    result = analyse([tmp_path], rules, RunOptions(as_of=date(2008, 6, 30), limits=Limits(timeout=LIMIT)))
    assert time.perf_counter() - start < WITHIN
    assert [(e.file, e.message) for e in result.errors] == [(name, timeout_reason(LIMIT))]
    assert [i.item.text for i in result.items] == [GOOD_TEXT]


def test_the_reason_is_one_clear_line() -> None:
    assert timeout_reason(60) == ("took longer than 60 s to read and was stopped (--timeout); split the file, or "
                                  "raise --timeout if it is genuine")


def test_the_worker_reads_like_read_file_and_survives_a_refusal(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    log = tmp_path / "log.csv"
    log.write_text(f"Ref,Evidence\n1.1,{GOOD_TEXT}\n", encoding="utf-8")
    with ReadingWorker() as worker:
        with pytest.raises(InputFileError, match="is empty"):
            worker.read(empty, "empty.csv", Limits())
        read = worker.read(log, "log.csv", Limits())
    assert [i.text for i in read.items] == [GOOD_TEXT]
