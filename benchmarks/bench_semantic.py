"""Benchmark what --semantic costs: loading the sentence model, and statements per second with and without it.

Not a test; the numbers go in the README ("The optional semantic matcher"). Loading is timed in a fresh process
(importing PyTorch and sentence-transformers and reading the bundled model), then the mapping stage
(Matcher.score and decide) scores the same statements without and with the semantic matcher (embedding every
statement, the trained semantic layer and the word classifier). Needs the semantic extra.

Usage: python benchmarks/bench_semantic.py [--items 1000] [--framework five-points --framework cse-2008]
"""

from __future__ import annotations

import argparse
import platform
import time

from bench_mapping import make_texts  # type: ignore[import-not-found]

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.model import EvidenceItem, Source
from cse_migrate.pipeline import make_settings
from cse_migrate.rules import load_rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--framework", action="append")
    args = parser.parse_args()
    start = time.perf_counter()
    from cse_migrate.analysis.semantic import load_encoder

    encode = load_encoder()
    encode(["warm up"])
    print(f"load the sentence model: {time.perf_counter() - start:.1f} s")
    rules = load_rules()
    items = [EvidenceItem(id=f"E{n:05d}", text=t, source=Source(file="bench", extractor="csv"))
             for n, (t, _) in enumerate(make_texts(args.items))]
    for framework_id in args.framework or ["five-points", "cse-2008"]:
        framework = rules.framework(framework_id)
        settings = make_settings(framework)
        for label, encoder in (("without --semantic", None), ("with --semantic", encode)):
            start = time.perf_counter()
            matcher = Matcher(rules, framework, encoder=encoder)
            built = time.perf_counter() - start
            start = time.perf_counter()
            for scored in matcher.score(items):
                matcher.decide(scored, settings.map_threshold, settings.secondary_ratio)
            seconds = time.perf_counter() - start
            print(f"{framework_id} {label}: matcher built in {built:.1f} s; {len(items)} statements in "
                  f"{seconds:.1f} s ({len(items) / seconds:,.0f} a second)")
    print(f"Python {platform.python_version()}, {platform.machine()}")


if __name__ == "__main__":
    main()
