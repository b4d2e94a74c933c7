"""Where an organisation's time goes in a batch: the analysis and each report writer, CPU per organisation.

Makes the 30 organisations of ``bench_batch.py`` (not a test; figures go in the README's "Batch speed"), analyses
each once in this process (one BLAS thread, as a batch worker has), then times each writer over the 30 results
after writing three to warm it, as a worker's first organisations do. CPU time (``time.process_time``), so other
work on the machine shows less. The files are read in a child process, as in a batch, so the analysis's figure
leaves reading out (``bench_batch.py``'s floor measures that).

Usage, from the project folder::

    .venv/bin/python benchmarks/bench_writers.py [--orgs 30] [--profile docx|xlsx|json|analysis]

``--profile`` also prints a cProfile of that part, sorted by its own time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import make_organisations

from cse_migrate import RunOptions, analyse, load_rules
from cse_migrate.model import RunResult
from cse_migrate.readers.worker import ReadingWorker
from cse_migrate.reports.docx.report import write_gap_report
from cse_migrate.reports.json_report import write_results_json
from cse_migrate.reports.xlsx.report import write_evidence_workbook

WRITERS: dict[str, Callable[[RunResult, Path], None]] = {
    "docx": write_gap_report, "xlsx": write_evidence_workbook, "json": write_results_json}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=30)
    parser.add_argument("--profile", choices=[*WRITERS, "analysis"])
    args = parser.parse_args()
    threadpool_limits(1)
    work = Path(tempfile.mkdtemp(prefix="bench-writers-"))
    orgs = make_organisations(work / "clients", args.orgs)
    rules = load_rules()
    with ReadingWorker() as reader:  # one reading child for every organisation, as a batch worker keeps

        def analyse_all() -> list[RunResult]:
            return [analyse([org], rules, RunOptions(as_of=date(2009, 1, 1), organisation=org.name),
                            reader=reader) for org in orgs]

        analyse_all()  # warm: the matcher compiled, the reading child started
        start = time.process_time()
        results = analyse_all()
        print(f"{'analysis':<10}{(time.process_time() - start) / len(orgs) * 1000:7.1f} ms CPU per organisation")
        if args.profile == "analysis":
            cProfile.runctx("analyse_all()", globals(), {"analyse_all": analyse_all}, str(work / "profile"))
    for name, write in WRITERS.items():
        for n, result in enumerate(results[:3]):
            write(result, work / f"warm-{n}.{name}")
        start = time.process_time()
        for n, result in enumerate(results):
            write(result, work / f"{n}.{name}")
        print(f"{name:<10}{(time.process_time() - start) / len(results) * 1000:7.1f} ms CPU per organisation")
        if args.profile == name:
            cProfile.runctx("for n, r in enumerate(results): write(r, work / f'p{n}')", globals(),
                            {"results": results, "write": write, "work": work}, str(work / "profile"))
    if args.profile:
        pstats.Stats(str(work / "profile")).sort_stats("tottime").print_stats(30)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
