"""Build the sixth development extension of the labeled corpus: 4,000 more statements by eight new writers.

The fifth extension showed that the classifier still gains from more text by new writers. This extension adds
4,000 statements by eight writers working at once (each writer's part is one module in ``dev_extra6_parts/``), in
the eighty sectors and services of the fourth and fifth extensions, each writer in ten of them, in the same voices
and mix, with more of the statements that the cross-validated errors showed are hardest: pairs of neighbouring
criteria that one side word can decide (standards against the results achieved against them, outcomes against
timeliness, engagement against measuring satisfaction, leadership against staff attitude, information against
access) and lines that are not evidence but sound like it. Every row is labeled by ``docs/labeling.md``,
including the ``kind`` label, before anyone looked at how the matcher or the classifier scores it. All rows are
development data (split ``dev``): tune on them freely.

Run from the repository root::

    python tests/data/build_dev_extra6.py            # write tests/data/dev_extra6_statements.csv
    python tests/data/build_dev_extra6.py --check a  # check one writer's part only, and say what is wrong

The id, split and CSE criterion are derived here, never typed. Every row is checked as the earlier extensions'
are (:mod:`corpus_checks`, :mod:`parts_build`), against every earlier development corpus and both held-out parts.
"""

from __future__ import annotations

from parts_build import HERE, PartsCorpus

CORPUS = PartsCorpus(
    package="dev_extra6_parts",
    parts=("a", "b", "c", "d", "e", "f", "g", "h"),  # one module per writer, each with SECTORS
    output=HERE / "dev_extra6_statements.csv",
    earlier=tuple(HERE / f"dev_extra{n}_statements.csv" for n in ("", "2", "3", "4", "5")),
    prefix="K",
)

if __name__ == "__main__":
    CORPUS.main((__doc__ or "").splitlines()[0])
