"""Build the fifth development extension of the labeled corpus: 2,000 more statements, for the learning curve.

The fourth extension (``build_dev_extra4.py``, 2,000 statements) moved cross-validated accuracy less than its size
promised, and more training steps helped more than more statements. This extension adds 2,000 statements by four
new writers in forty further sectors and services (each writer's part is one module in ``dev_extra5_parts/``), in
the same voices and mix as the fourth: the evaluative voice of CSE assessment reports and of organisations'
summaries of them, narrative sentences and bullets that touch several themes where one is the point, short
statements about staff, absences, plans and mixtures of fact and plan, and lines that are not evidence. Every row
is labeled by ``docs/labeling.md``, including the ``kind`` label, before anyone looked at how the matcher or the
classifier scores it. All rows are development data (split ``dev``): tune on them freely.

Run from the repository root::

    python tests/data/build_dev_extra5.py            # write tests/data/dev_extra5_statements.csv
    python tests/data/build_dev_extra5.py --check a  # check one writer's part only, and say what is wrong

The id, split and CSE criterion are derived here, never typed. Every row is checked as the fourth extension's are
(:mod:`corpus_checks`, :mod:`parts_build`), against every earlier development corpus and both held-out parts.
"""

from __future__ import annotations

from parts_build import HERE, PartsCorpus

CORPUS = PartsCorpus(
    package="dev_extra5_parts",
    parts=("a", "b", "c", "d"),  # one module per writer, each with SECTORS
    output=HERE / "dev_extra5_statements.csv",
    earlier=tuple(HERE / f"dev_extra{n}_statements.csv" for n in ("", "2", "3", "4")),
    prefix="J",
)

if __name__ == "__main__":
    CORPUS.main((__doc__ or "").splitlines()[0])
