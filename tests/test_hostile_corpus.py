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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from hostile_corpus import CASES, GOOD_TEXT, Built, Case, build_case
from openpyxl import load_workbook

from cse_migrate.safe_text import display_name

PEAK_MEMORY = 1024 * 1024 * 1024  # bytes: the bound for any single input within the default limits
HEAVY = os.environ.get("CSE_MIGRATE_HEAVY") == "1"


def shown(name: str) -> str:
    """How the reports cite a file name: undecodable bytes as U+FFFD, characters no report can hold dropped."""
    return display_name(name)


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants now (Linux /proc; 0 where there is none): the run
    reads files in worker processes, whose memory counts as the run's."""
    total, pending, seen = 0, [pid], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue  # the process ended meanwhile, or has no memory to show
    return total


def own_peak(pid: int) -> int:
    """A process's own resident high-water mark so far (VmHWM, Linux /proc; 0 where there is none). It starts afresh
    at exec, unlike the ru_maxrss wait4 reports: Linux carries the forking parent's peak into the child's, so once
    this test process had grown past the budget (the semantic tests, with the extra installed, hold the sentence
    model and its fine-tuned copies) every case would report the test's memory, not the run's."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        return next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        return 0


def run_cli(args: list[str], out: Path, budget: float) -> tuple[int, str, int, float]:
    """Run ``python -m cse_migrate`` with ``args``; kill it at ``budget`` seconds. Returns the exit code, its
    output, its peak resident memory in bytes (the larger of the process's own peak and the peak of its whole
    process tree, both sampled every 20 ms; the own peak is a high-water mark, so a sample misses only what the
    last 20 ms before exit added) and the seconds it took."""
    import subprocess

    log = out.with_suffix(".log")
    start = time.monotonic()
    peak_tree = peak_own = 0
    done = threading.Event()

    def sample(pid: int) -> None:
        nonlocal peak_tree, peak_own
        while not done.wait(0.02):
            peak_tree = max(peak_tree, tree_rss(pid))
            peak_own = max(peak_own, own_peak(pid))

    with log.open("wb") as sink:
        process = subprocess.Popen([sys.executable, "-m", "cse_migrate", *args], stdout=sink, stderr=sink)
        timer = threading.Timer(budget, process.kill)
        sampler = threading.Thread(target=sample, args=(process.pid,), daemon=True)
        timer.start()
        sampler.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
            done.set()
            sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    took = time.monotonic() - start
    # without /proc (macOS) the process's own peak is ru_maxrss (in bytes there; kilobytes on Linux)
    own = peak_own or usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    peak = max(own, peak_tree)
    return process.returncode, log.read_text(encoding="utf-8", errors="replace"), peak, took


@dataclass(frozen=True)
class Run:
    built: Built
    out: Path
    code: int
    output: str
    peak: int
    took: float


def bytes_names_allowed(folder: Path) -> bool:
    try:
        (folder / os.fsdecode(b"probe-\xe9")).mkdir()
    except (OSError, UnicodeError):
        return False
    return True


def run_case(case: Case, root: Path) -> Run:
    built = build_case(case, root / "portfolio")
    out = root / "out"
    code, output, peak, took = run_cli([case.command, str(built.folder), "-o", str(out), "--as-of", "2008-06-30",
                                        *case.args], out, case.budget)
    return Run(built, out, code, output, peak, took)


@pytest.fixture(scope="module")
def corpus_runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """Run every selected case, two at a time (one at a time when heavy cases are included: their budgets and
    memory are measured alone), so the corpus costs CI about half its serial time."""
    selected = [item.callspec.params["case"] for item in request.session.items
                if getattr(item, "originalname", "") == "test_hostile_case" and hasattr(item, "callspec")]
    cases = [c for c in selected if HEAVY or not c.heavy]
    if not bytes_names_allowed(tmp_path_factory.mktemp("probe")):
        cases = [c for c in cases if not c.needs_bytes_names]
    workers = 1 if any(c.heavy for c in cases) else 2
    with ThreadPoolExecutor(max_workers=workers) as pool:
        runs = pool.map(lambda c: run_case(c, tmp_path_factory.mktemp(c.id)), cases)
        return {c.id: run for c, run in zip(cases, runs, strict=True)}


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=[pytest.mark.skipif(
    c.heavy and not HEAVY, reason="a heavy benchmark case: run with CSE_MIGRATE_HEAVY=1")]) for c in CASES])
def test_hostile_case(case: Case, corpus_runs: dict[str, Run]) -> None:
    if case.id not in corpus_runs:
        pytest.skip("this file system refuses names that are not valid UTF-8")
    run = corpus_runs[case.id]
    built, out, code, output, peak, took = run.built, run.out, run.code, run.output, run.peak, run.took
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
