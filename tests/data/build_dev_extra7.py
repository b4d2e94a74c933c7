"""Build the seventh development extension of the labeled corpus: 800 statements on standards, times and results.

Cross-validation and a bundled rule test showed the classifier mistaking a time standard for the result achieved
against it: "We aim to answer 90% of telephone calls within 20 seconds" and "Our target is to answer 90% of calls
within 20 seconds" were filed as achieved timely delivery (5.3), because the development statements held many
achieved figures worded that way and almost no standard worded as an aim, a target or a promise (3 of 9,782 said
"aim to"). Four writers, each in ten sectors of the fourth and fifth extensions (one module each in
``dev_extra7_parts/``), wrote 20 statements a sector: six time standards worded in many ways, four results
achieved (some sharing almost every word with a standard), two changes in speed, a broader standard, a broad
result, two near misses from other sub-criteria that use the same words, and two lines that are not evidence.
Every row is labeled by ``docs/labeling.md``, including the ``kind`` label, before anyone looked at how the
matcher or the classifier scores it. All rows are development data (split ``dev``): tune on them freely.

Run from the repository root::

    python tests/data/build_dev_extra7.py            # write tests/data/dev_extra7_statements.csv
    python tests/data/build_dev_extra7.py --check a  # check one writer's part only, and say what is wrong

The id, split and CSE criterion are derived here, never typed. Every row is checked as the earlier extensions'
are (:mod:`corpus_checks`, :mod:`parts_build`), against every earlier development corpus and both held-out parts.
"""

from __future__ import annotations

from parts_build import HERE, PartsCorpus

CORPUS = PartsCorpus(
    package="dev_extra7_parts",
    parts=("a", "b", "c", "d"),  # one module per writer, each with SECTORS
    output=HERE / "dev_extra7_statements.csv",
    earlier=tuple(HERE / f"dev_extra{n}_statements.csv" for n in ("", "2", "3", "4", "5", "6")),
    prefix="L",
)

if __name__ == "__main__":
    CORPUS.main((__doc__ or "").splitlines()[0])
