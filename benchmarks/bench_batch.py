"""Benchmark a consultant's batch: 30 organisations made from the samples (not a test; figures go in the README).

Makes ``--orgs`` client folders (default 30) from the three bundled sample portfolios, each made unique: the
organisation's place name is changed to a numbered one everywhere it appears (Word runs and table cells, workbook
cells, CSV bytes), and a dated line naming the client is added to each narrative and log. Then, in one run:

* **floor**: the raw-parse floor, in a fresh child process after imports: open every input with openpyxl
  (``load_workbook(data_only=True)`` and every cell value of every sheet), python-docx (every paragraph and
  table cell's text) and ``csv`` (every row). The median of three runs, since it takes about a second and
  other work on the machine shows in it;
* **jobs 1** and **jobs 2**: ``cse-migrate batch INPUT -o OUT --jobs N`` as a user runs it, wall time of the
  whole command (start-up, rule loading, worker processes and summary.xlsx included), one run each;
* the package is byte-compiled first, as installing its wheel does (see ``compile_package``);
* the rules cache (``cse_migrate.rules_cache``) is kept in the work folder and warmed first by analysing one
  organisation, as it is for every run after a user's first; that run and a second, warm one are timed too;
* **peak memory**, from ``/proc`` sampled every 0.1 s over the command's whole process tree (the command, the
  worker processes and their start-up server): the largest peak resident set of any one process (``VmHWM``),
  and the resident set of the whole tree against the number of organisations finished, to show whether memory
  grows with the number of organisations: the tree's peak while the first third was being done against its peak
  while the last third was.

Usage, from the project folder::

    .venv/bin/python benchmarks/bench_batch.py [--orgs 30] [--keep FOLDER]

Prints one table; the README's "Batch speed" figures come from it.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

_FLOOR_CHILD = r"""
import csv, sys, time
from pathlib import Path
from docx import Document
from openpyxl import load_workbook

def parse(path):
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        workbook = load_workbook(path, data_only=True)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for _value in row:
                    pass
    elif suffix == ".docx":
        document = Document(str(path))
        for paragraph in document.paragraphs:
            paragraph.text
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    cell.text
    elif suffix == ".csv":
        with path.open(newline="", encoding="latin-1") as handle:
            for _row in csv.reader(handle):
                pass

files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file())
start, cpu = time.perf_counter(), time.process_time()
for f in files:
    parse(f)
print(time.perf_counter() - start, time.process_time() - cpu, len(files))
"""


def place_name(folder: Path) -> str:
    """The sample's place name as its files spell it: 'northshire-revenues-benefits' -> 'Northshire'."""
    return folder.name.split("-")[0].title()


def make_organisations(dest: Path, count: int) -> list[Path]:
    """``count`` unique organisation folders under ``dest``, cycling through the bundled samples."""
    # the sample portfolios: folders of evidence files (samples/packs holds rules packs, in folders of their own)
    samples = sorted(p for p in SAMPLES.iterdir() if p.is_dir() and any(f.is_file() for f in p.iterdir()))
    made = []
    for n in range(count):
        sample = samples[n % len(samples)]
        old = place_name(sample)
        new = f"{old}{n + 1:02d}"  # "Northshire07": a place name no other client has
        folder = dest / f"{new.lower()}-{sample.name.split('-', 1)[1]}"
        folder.mkdir(parents=True)
        for source in sorted(sample.iterdir()):
            target = folder / source.name.replace(old.lower(), new.lower())
            suffix = source.suffix.lower()
            if suffix == ".docx":
                unique_docx(source, target, old, new, n)
            elif suffix == ".xlsx":
                unique_xlsx(source, target, old, new)
            elif suffix == ".csv":
                unique_csv(source, target, old, new, n)
            else:
                shutil.copy2(source, target)
        made.append(folder)
    return made


def unique_docx(source: Path, target: Path, old: str, new: str, n: int) -> None:
    document = Document(str(source))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    for paragraph in paragraphs:
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
    document.add_paragraph(f"Client file {n + 1:02d}: customer feedback reviewed with the {new} service "
                           f"users' panel in March 2007.")
    document.save(str(target))


def unique_xlsx(source: Path, target: Path, old: str, new: str) -> None:
    workbook = load_workbook(source)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and old in cell.value:
                    cell.value = cell.value.replace(old, new)
    workbook.save(target)


def unique_csv(source: Path, target: Path, old: str, new: str, n: int) -> None:
    # bytes, not text: the samples' CSVs come in different encodings and delimiters, kept as they are
    raw = source.read_bytes().replace(old.encode(), new.encode())
    first = raw.split(b"\n", 1)[0]
    delimiter = max((b"\t", b";", b","), key=first.count)
    line = delimiter.join([b"2.1", f"Comment cards from the {new} waiting area reviewed (client {n + 1:02d})"
                          .encode(), b"2007", b"Client team"])
    target.write_bytes(raw.rstrip(b"\r\n") + b"\r\n" + line + b"\r\n")


def measure_floor(folder: Path, repeats: int = 3) -> tuple[float, float]:
    """Median wall and CPU seconds of parsing every input once."""
    runs = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", _FLOOR_CHILD, str(folder)], check=True, capture_output=True,
                             text=True).stdout.split()
        runs.append((float(out[0]), float(out[1])))
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


@dataclass
class BatchRun:
    seconds: float
    peak_process_mb: float  # the largest peak resident set of any one process of the command
    tree_first_third_mb: float  # peak RSS of the whole process tree while the first third was being done
    tree_last_third_mb: float
    exit_code: int
    cpu_seconds: float  # user + system time of the whole tree, as last sampled (up to 0.1 s per process short)


_TICK = os.sysconf("SC_CLK_TCK")


def process_tree_memory(root: int, cpu: dict[int, float]) -> tuple[int, int]:
    """For ``root`` and every process descended from it (read from /proc): the sum of their resident sets and
    the largest peak resident set of any one of them, in kB. Records each one's CPU seconds so far in ``cpu``."""
    parents: dict[int, int] = {}
    memory: dict[int, tuple[int, int]] = {}
    ticks: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry)] = int(fields.get("PPid", "0").strip() or 0)
        memory[int(entry)] = (int(fields.get("VmRSS", "0 kB").split()[0]), int(fields.get("VmHWM", "0 kB").split()[0]))
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            ticks[int(entry)] = (int(stat[11]) + int(stat[12])) / _TICK  # utime + stime
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    for pid in tree:
        if pid in ticks:
            cpu[pid] = max(cpu.get(pid, 0.0), ticks[pid])
    found = [memory[pid] for pid in tree if pid in memory]
    return sum(rss for rss, _ in found), max((hwm for _, hwm in found), default=0)


def finished(outdir: Path) -> int:
    """Organisation folders completed so far (each is renamed into place whole, so a folder is a finished one)."""
    if not outdir.is_dir():
        return 0
    return sum(1 for p in outdir.iterdir() if p.is_dir() and not p.name.startswith("."))


def compile_package() -> None:
    """Byte-compile cse_migrate as installing its wheel does, so the runs measure the tool as installed: where
    PYTHONDONTWRITEBYTECODE is set (it is on the machines this project is built on) an editable checkout would
    otherwise compile its modules from source at every start, about 0.15 s of each run's start-up."""
    import cse_migrate

    compileall.compile_dir(Path(cse_migrate.__file__).parent, quiet=1)


def warm_rules_cache(inputs: Path, outdir: Path) -> tuple[float, float]:
    """Analyse the first organisation twice, with the batch's settings: the first run checks the rules, compiles
    the matcher and keeps both (cse_migrate.rules_cache); the second takes them from the cache. Their wall times."""
    first = sorted(p for p in inputs.iterdir() if p.is_dir())[0]
    command = [sys.executable, "-m", "cse_migrate", "analyse", str(first), "-o", str(outdir), "--as-of",
               "2009-01-01", "-q"]
    times = []
    for _ in range(2):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return times[0], times[1]


def run_batch(inputs: Path, outdir: Path, jobs: int, count: int) -> BatchRun:
    command = [sys.executable, "-m", "cse_migrate", "batch", str(inputs), "-o", str(outdir), "--jobs", str(jobs),
               "--as-of", "2009-01-01", "-q"]
    samples: list[tuple[int, int, int]] = []  # (organisations finished, tree RSS kB, largest process peak kB)
    cpu: dict[int, float] = {}
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append((finished(outdir), *process_tree_memory(process.pid, cpu)))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    third = max(1, count // 3)
    first = [kb for n, kb, _ in samples if n < third] or [0]
    last = [kb for n, kb, _ in samples if n >= count - third] or [0]
    peak = max((kb for _, _, kb in samples), default=0)
    return BatchRun(seconds, peak / 1024, max(first) / 1024, max(last) / 1024, process.returncode, sum(cpu.values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=30, help="number of organisations (default 30)")
    parser.add_argument("--keep", type=Path, help="make the organisations and outputs in this folder and keep them")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        inputs = work / "clients"
        if inputs.exists():
            shutil.rmtree(inputs)
        make_organisations(inputs, args.orgs)
        compile_package()
        # the runs keep their rules cache in the work folder, warmed first, as any run after a consultant's first is
        os.environ["CSE_MIGRATE_CACHE"] = str(work / "rules-cache")
        shutil.rmtree(work / "rules-cache", ignore_errors=True)
        cold, warm = warm_rules_cache(inputs, work / "warm-up")
        floor, floor_cpu = measure_floor(inputs)
        runs = {}
        for jobs in (1, 2):
            outdir = work / f"out-jobs{jobs}"
            if outdir.exists():
                shutil.rmtree(outdir)
            runs[jobs] = run_batch(inputs, outdir, jobs, args.orgs)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    files = 3 * args.orgs
    print(f"{args.orgs} organisations ({files} files); Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the end")
    print(f"{'measure':<20}{'wall s':>8}{'s/org':>7}{'x floor':>8}{'orgs/hour':>10}{'CPU s':>7}{'x floor':>8}"
          f"{'peak MB':>8}{'tree MB 1st/last third':>24}{'exit':>5}")
    print(f"{'raw-parse floor':<20}{floor:>8.2f}{floor / args.orgs:>7.3f}{1.0:>8.1f}"
          f"{3600 * args.orgs / floor:>10.0f}{floor_cpu:>7.2f}{1.0:>8.1f}")
    for jobs, run in runs.items():
        print(f"{f'batch --jobs {jobs}':<20}{run.seconds:>8.2f}{run.seconds / args.orgs:>7.3f}"
              f"{run.seconds / floor:>8.1f}{3600 * args.orgs / run.seconds:>10.0f}{run.cpu_seconds:>7.2f}"
              f"{run.cpu_seconds / floor_cpu:>8.1f}{run.peak_process_mb:>8.0f}"
              f"{f'{run.tree_first_third_mb:.0f} / {run.tree_last_third_mb:.0f}':>24}{run.exit_code:>5}")
    print(f"--jobs 2 is {runs[1].seconds / runs[2].seconds:.2f} times as fast as --jobs 1 (wall); "
          f"--jobs 1 is {runs[1].seconds / floor:.1f} times the floor (wall), "
          f"{runs[1].cpu_seconds / floor_cpu:.1f} times (CPU)")
    print(f"one organisation with analyse: {cold:.2f} s with the rules cache empty, {warm:.2f} s with it warm "
          "(the batches ran with it warm)")

if __name__ == "__main__":
    main()
