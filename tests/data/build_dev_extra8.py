"""Build the eighth development extension of the labeled corpus: statements by eight new writers in eighty new services.

The classifier still gained from every extension so far (cross-validation over the seven extensions, and the fresh
part after the sixth and seventh), and its errors on text it never saw lie in the voices and services it has read
least. This extension adds statements by eight writers working at once (each writer's part is one module in
``dev_extra8_parts/``), each in ten services that no earlier extension covers, in the same voices and mix as the
sixth, with more of the evaluative voice of assessment reports, long narrative that touches several themes, and
absences and plans. Every row is labeled by ``docs/labeling.md``, including the ``kind`` label, before anyone looked
at how the matcher or the classifier scores it. All rows are development data (split ``dev``): tune on them freely.

Run from the repository root::

    python tests/data/build_dev_extra8.py            # write tests/data/dev_extra8_statements.csv
    python tests/data/build_dev_extra8.py --check a  # check one writer's part only, and say what is wrong

The id, split and CSE criterion are derived here, never typed. Every row is checked as the earlier extensions'
are (:mod:`corpus_checks`, :mod:`parts_build`), against every earlier development corpus and both held-out parts.
"""

from __future__ import annotations

from parts_build import HERE, PartsCorpus

CORPUS = PartsCorpus(
    package="dev_extra8_parts",
    parts=("a", "b", "c", "d", "e", "f", "g", "h", "i"),  # one module per writer, each with SECTORS
    output=HERE / "dev_extra8_statements.csv",
    earlier=tuple(HERE / f"dev_extra{n}_statements.csv" for n in ("", "2", "3", "4", "5", "6", "7")),
    prefix="M",
)

if __name__ == "__main__":
    CORPUS.main((__doc__ or "").splitlines()[0])
