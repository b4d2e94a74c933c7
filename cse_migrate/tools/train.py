"""Train the classifier layer on the development statements and write its weights into cse_migrate/models/.

``python -m cse_migrate.tools.train`` trains one model per bundled target framework: the five points on the
``five_points`` labels, cse-2008 on the sub-criteria (``cse_subcriterion``). Only development statements are used:
``labeled_statements.csv`` rows of split ``dev`` and every row of ``dev_extra_statements.csv`` and
``dev_extra2_statements.csv``; the held-out parts (``heldout``, and ``fresh_statements.csv``) are never trained on.
The result is deterministic. ``python -m cse_migrate.tools.crossval`` measures the recipe fold by fold.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from cse_migrate.analysis.classifier import MODELS, NONE, train
from cse_migrate.rules import load_rules
from cse_migrate.tools.evaluate import load_labels

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
SOURCES = (("labeled_statements.csv", "dev"), ("dev_extra_statements.csv", ""), ("dev_extra2_statements.csv", ""))
# cse-2008 keeps the earlier recipe: trained with dev_extra2 it scored better in cross-validation (criteria 0.789 ->
# 0.821, sub-criteria 0.708 -> 0.749) but lifted a Riverside sample item over the strong threshold, so the planted
# weak point 5.3 reached Compliance (tests/test_statements.py); the test is kept, the recipe waits
RECIPE_FOR = {"cse-2008": SOURCES[:2]}
# framework -> the hierarchy level its labels are at
TARGETS = {"five-points": 1, "cse-2008": 2}
# chosen by 5-fold cross-validation on the development statements (README, "The classifier layer")
PARAMETERS = {"max_features": 6000, "steps": 200, "rate": 8.0}


def main() -> int:
    rules = load_rules(None)
    for framework_id, level in TARGETS.items():
        start = time.perf_counter()
        framework = rules.framework(framework_id)
        sources = RECIPE_FOR.get(framework_id, SOURCES)
        cases = [c for name, split in sources for c in load_labels(DATA / name, framework_id, level)
                 if not split or c.split == split]
        labels = [c.id for c in framework.criteria if framework.level(c.id) == level] + [NONE]
        model = train([c.text for c in cases], [c.label for c in cases], labels, level,
                      trained_on=f"{len(cases)} development statements: "
                                 + ", ".join(f"{n}{f' ({s})' if s else ''}" for n, s in sources),
                      **PARAMETERS)  # type: ignore[arg-type]
        MODELS.mkdir(exist_ok=True)
        path = MODELS / f"{framework_id}.json"
        model.save(path)
        print(f"{framework_id}: {len(cases)} statements, {len(model.vocabulary)} features, {len(labels)} labels, "
              f"{time.perf_counter() - start:.1f} s -> {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
