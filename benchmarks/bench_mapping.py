"""Benchmark mapping speed: items per second for 10,000 evidence items (not a test; numbers go in the README).

The items are the labeled corpus's statements, cycled with a varying suffix so that no two are identical, scored
against each target framework asked for. Two measures per framework: the mapping stage alone (Matcher.score and
decide, what scales with portfolio size) and a whole `analyse` run over a 10,000-row CSV (reading, noise,
duplicate folding, mapping, gap analysis; reports not written).

Usage: python benchmarks/bench_mapping.py [--items 10000] [--framework five-points --framework cse-2008]
"""

from __future__ import annotations

import argparse
import csv
import platform
import tempfile
import time
from pathlib import Path

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.model import EvidenceItem, Source
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import analyse, make_settings
from cse_migrate.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "labeled_statements.csv"


def make_texts(count: int) -> list[tuple[str, str]]:
    with LABELS.open(encoding="utf-8") as handle:
        rows = [(r["text"], r["cm_ref"]) for r in csv.DictReader(handle)]
    return [(f"{text} (site {n // len(rows) + 1})", ref) for n, (text, ref) in
            ((n, rows[n % len(rows)]) for n in range(count))]


def time_mapping(texts: list[tuple[str, str]], framework_id: str) -> float:
    rules = load_rules()
    framework = rules.framework(framework_id)
    matcher = Matcher(rules, framework)
    settings = make_settings(framework)
    items = [EvidenceItem(id=f"E{n:05d}", text=t, source=Source(file="bench", extractor="csv"))
             for n, (t, _) in enumerate(texts)]
    start = time.perf_counter()
    for scored in matcher.score(items):
        matcher.decide(scored, settings.map_threshold, settings.secondary_ratio)
    return time.perf_counter() - start


def time_analyse(texts: list[tuple[str, str]], framework_id: str) -> float:
    rules = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "log.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Ref", "Evidence", "Date"])
            writer.writerows([ref, text, "2007"] for text, ref in texts)
        start = time.perf_counter()
        analyse([path], rules, RunOptions(framework=framework_id))
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--framework", action="append", help="target framework id (repeatable)")
    args = parser.parse_args()
    texts = make_texts(args.items)
    print(f"{args.items} items; Python {platform.python_version()} on {platform.machine()}")
    for framework_id in args.framework or ["five-points", "cse-2008"]:
        mapping = time_mapping(texts, framework_id)
        whole = time_analyse(texts, framework_id)
        print(f"{framework_id:<14} mapping {args.items / mapping:8.0f} items/s ({mapping:.2f} s)   "
              f"whole analyse {args.items / whole:8.0f} items/s ({whole:.2f} s)")


if __name__ == "__main__":
    main()
