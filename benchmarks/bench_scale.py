"""Benchmark: the scale targets of issue 11, run through the command line (not a test).

Generates, in a temporary folder, the three inputs of the targets and runs ``cse-migrate analyse`` on each in a
child process, measuring the wall time, the CPU time (the run and its reading worker; on a machine shared
with other work the wall time grows and the CPU time does not) and the peak memory of the whole process tree,
sampled from /proc every 0.1 s:

* a 199,999-row CSV evidence log (just under ``--max-rows``): target under 3 minutes and 1 GiB on 2 cores;
* a Word document of 20,000 paragraphs: target under 30 s;
* a 5,000-page PDF of distinct text: target under 2 minutes.

Run from the project folder::

    .venv/bin/python benchmarks/bench_scale.py [--only csv|docx|pdf] [--keep DIR]

The figures in README.md ("Scale and memory") come from this script.
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hostile_pdf import text_pdf

SUBJECTS = ("Customer panel meeting", "Complaints review", "Staff training session", "Mystery shopping visit",
            "Satisfaction survey", "Consultation event", "Equality impact assessment", "Service standards leaflet",
            "Website accessibility audit", "Partnership board")
ACTIONS = ("reviewed the leaflet for", "agreed changes to opening hours at", "published results for",
           "trained reception staff at", "consulted residents about", "improved signage at")


def evidence_text(index: int) -> str:
    return (f"{SUBJECTS[index % 10]} {index} {ACTIONS[(index // 10) % 6]} office {index % 13} and recorded "
            f"outcome {index * 7919 % 1000}")


def make_csv(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ref", "Evidence", "Date", "Owner"])
        for index in range(rows):
            writer.writerow([f"{index % 6 + 1}.{index % 4 + 1}", evidence_text(index),
                             (date(2003, 1, 1) + timedelta(days=index % 2000)).isoformat(), f"Officer {index % 50}"])
    return path


def make_docx(path: Path, paragraphs: int) -> Path:
    document = docx.Document()
    for index in range(paragraphs):
        if index % 500 == 0:
            document.add_heading(f"Criterion {index // 500 % 6 + 1}", level=1)
        document.add_paragraph(evidence_text(index) + ".")
    document.save(str(path))
    return path


def make_pdf(path: Path, pages: int) -> Path:
    path.write_bytes(text_pdf(pages))
    return path


def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in KiB."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run(path: Path, outdir: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "cse_migrate", "analyse", str(path), "-o", str(outdir), "-q",
               "--as-of", "2008-06-30"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kb(process.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    _out, err = process.communicate()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{path.name}: exit {process.returncode}\n{err.decode(errors='replace')}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_tree_rss_mb": peak / 1024, "exit": process.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("csv", "docx", "pdf"))
    parser.add_argument("--keep", type=Path, help="generate the inputs here and keep them")
    args = parser.parse_args()
    cases = {"csv": ("log-199999-rows.csv", lambda p: make_csv(p, 199_999), "< 180 s, < 1024 MB"),
             "docx": ("report-20000-paragraphs.docx", lambda p: make_docx(p, 20_000), "< 30 s"),
             "pdf": ("report-5000-pages.pdf", lambda p: make_pdf(p, 5_000), "< 120 s")}
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for key, (name, make, target) in cases.items():
            if args.only and key != args.only:
                continue
            path = folder / name
            if not path.exists():
                make(path)
            measured = run(path, Path(scratch) / f"out-{key}")
            print(f"{name:32s} {path.stat().st_size / 2**20:7.1f} MB  {measured['seconds']:7.1f} s "
                  f"({measured['cpu_seconds']:.1f} s CPU, run + worker)  "
                  f"peak {measured['peak_tree_rss_mb']:7.0f} MB (run + worker)  target {target}", flush=True)


if __name__ == "__main__":
    main()
