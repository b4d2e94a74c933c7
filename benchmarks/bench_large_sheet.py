"""Benchmark: read a 100,000-row evidence workbook and report time and peak memory (not a test).

Generates the workbook with openpyxl's write-only mode (a title block, a header row and 100,000 evidence rows
with a reference, text, date and owner), then reads it with :func:`cse_migrate.readers.read_file` in a fresh
child process per measurement, so each peak-memory figure belongs to that read alone:

* peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) of the child, minus its RSS after imports;
* peak Python allocations (``tracemalloc``) during the read;
* wall time of the read.

Run from the project folder::

    .venv/bin/python benchmarks/bench_large_sheet.py [--rows 100000] [--keep PATH]

The numbers in README.md ("Limits") come from this script.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

_CHILD = r"""
import json, resource, sys, time, tracemalloc
from pathlib import Path
from cse_migrate.limits import Limits
from cse_migrate.readers import read_file
path, stream_above = Path(sys.argv[1]), float(sys.argv[2])
limits = Limits(stream_above_mb=stream_above)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
start = time.perf_counter()
read = read_file(path, path.name, limits)
seconds = time.perf_counter() - start
_, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "tracemalloc_peak_mb": peak / 2**20, "rss_peak_mb": rss / 1024,
                  "rss_growth_mb": (rss - base) / 1024, "units": read.units_read, "items": len(read.items),
                  "notes": list(read.notes)}))
"""


def make_workbook(path: Path, rows: int) -> None:
    """Stream-write the workbook, so generating it costs little memory either."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Evidence log")
    sheet.append(["Northshire District Council - evidence log (benchmark)"])
    sheet.append([])
    sheet.append(["Ref", "Evidence", "Date", "Owner"])
    start = datetime(2003, 1, 1)
    for index in range(rows):
        criterion = index % 6 + 1
        sheet.append([f"{criterion}.{index % 4 + 1}.{index % 9 + 1}",
                      f"Customer panel meeting {index} reviewed leaflet {index % 97} and agreed changes to the "
                      f"opening hours at office {index % 13}",
                      start + timedelta(days=index % 2000), f"Officer {index % 50}"])
    workbook.save(path)


def measure(path: Path, stream_above_mb: float) -> dict[str, object]:
    """Read ``path`` in a child process and return its measurements."""
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(stream_above_mb)], check=True,
                         capture_output=True, text=True).stdout
    result: dict[str, object] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the workbook here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        path = args.keep or Path(work, "large.xlsx")
        start = time.perf_counter()
        make_workbook(path, args.rows)
        print(f"generated {args.rows:,} rows in {time.perf_counter() - start:.1f} s "
              f"({path.stat().st_size / 2**20:.1f} MB on disk)")
        # default limits (streamed above 20 MB of sheet XML), then forced full (non-streaming) reading
        for label, threshold in (("default (streaming)", 20.0), ("full read (no streaming)", 10_000.0)):
            m = measure(path, threshold)
            print(f"{label}: {m['seconds']:.1f} s, peak RSS {m['rss_peak_mb']:.0f} MB (+{m['rss_growth_mb']:.0f} MB "
                  f"for the read), tracemalloc peak {m['tracemalloc_peak_mb']:.0f} MB; {m['units']:,} rows, "
                  f"{m['items']:,} items; notes: {m['notes']}")


if __name__ == "__main__":
    main()
