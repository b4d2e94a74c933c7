"""Benchmark: read a 100,000-row evidence workbook and report time and peak memory (not a test).

Generates the workbook with openpyxl's write-only mode (a title block, a header row and 100,000 evidence rows
with a reference, text, date and owner), then reads it with :func:`cse_migrate.readers.read_file` in a fresh
child process per measurement, so each peak-memory figure belongs to that read alone:

* wall time of the read and peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) of the child, with its
  growth during the read, from an untraced run;
* peak Python allocations (``tracemalloc``) during the read, from a second, traced run.

Both the streaming reader (used above ``Limits.stream_above_mb`` of sheet XML, so for this workbook) and
openpyxl's full reading (used for smaller workbooks) are measured.

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
path, stream_above, traced = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3] == "1"
limits = Limits(stream_above_mb=stream_above)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if traced:
    tracemalloc.start()
start = time.perf_counter()
read = read_file(path, path.name, limits)
seconds = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1] if traced else 0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "tracemalloc_peak_mb": peak / 2**20, "rss_peak_mb": rss / 1024,
                  "rss_growth_mb": (rss - base) / 1024, "units": read.units_read, "items": len(read.items)}))
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


def measure(path: Path, stream_above_mb: float, traced: bool) -> dict[str, object]:
    """Read ``path`` in a child process and return its measurements."""
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(stream_above_mb), "1" if traced else "0"],
                         check=True, capture_output=True, text=True).stdout
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
        # The streaming reader (the default for a sheet this size), then openpyxl's full reading for comparison.
        # Time and RSS come from an untraced run (tracemalloc slows Python several-fold); the tracemalloc peak
        # from a second, traced run.
        for label, threshold in (("streaming reader (default)", 10.0), ("openpyxl full read", 10_000.0)):
            plain = measure(path, threshold, traced=False)
            traced = measure(path, threshold, traced=True)
            print(f"{label}: {plain['seconds']:.1f} s, peak RSS {plain['rss_peak_mb']:.0f} MB "
                  f"(+{plain['rss_growth_mb']:.0f} MB during the read), tracemalloc peak "
                  f"{traced['tracemalloc_peak_mb']:.0f} MB; {plain['units']:,} rows, {plain['items']:,} items")

if __name__ == "__main__":
    main()
