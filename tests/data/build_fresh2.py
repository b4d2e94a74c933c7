"""Build the third held-out part (``tests/data/fresh2_statements.csv``): statements nobody tuned the matcher to.

The second held-out part (``fresh_statements.csv``) was looked at eleven times and became development text on
2026-12-02 (see FRESH2.md). This part replaces it as the text the accuracy targets of issue 9 are measured on. It
was written by two independent writers at once (each writer's part is one module in ``fresh2_parts/``) who never
read the lexicons or rule packs in ``mappings/``, the matcher's code or any matcher output, in the sectors and
voices issue 9 names, and labeled by ``docs/labeling.md`` before anyone scored it. The set is frozen: FRESH2.md
says how to look at it and where looks are logged.

Run from the repository root::

    python tests/data/build_fresh2.py            # write tests/data/fresh2_statements.csv
    python tests/data/build_fresh2.py --check a  # check one writer's part only, and say what is wrong

The id, split and CSE criterion are derived here, never typed. Every row is checked as the development extensions'
are (:mod:`corpus_checks`, :mod:`parts_build`): no text repeats or nearly repeats a development statement or a
statement of the other held-out parts.
"""

from __future__ import annotations

from parts_build import HERE, PartsCorpus

CORPUS = PartsCorpus(
    package="fresh2_parts",
    parts=("a", "b"),  # one module per writer, each with SECTORS
    output=HERE / "fresh2_statements.csv",
    earlier=tuple(HERE / f"dev_extra{n}_statements.csv" for n in ("", "2", "3", "4", "5", "6", "7", "8")),
    prefix="P",
    split="fresh2",
)

if __name__ == "__main__":
    CORPUS.main((__doc__ or "").splitlines()[0])
