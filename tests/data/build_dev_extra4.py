"""Build the fourth development extension of the labeled corpus: a larger one, to test whether more text helps.

Cross-validation over the first three extensions (``python -m cse_migrate.tools.crossval --by-file``) gave a
learning curve: each further few hundred training statements moved the five points by about 0.01-0.02 on text the
classifier never saw, and the cse-2008 criteria hardly at all with the third extension. This extension adds about
2,000 statements at once, written afresh by four writers in forty sectors (each writer's part is one module in
``dev_extra4_parts/``), in the voices where errors stay: the evaluative voice of CSE assessment reports and of
organisations' summaries of them; narrative sentences and bullets that touch several themes where one is the point;
short statements about staff; absences, plans and mixtures of fact and plan; and lines that are not evidence.
Every row is labeled by ``docs/labeling.md``, including the ``kind`` label, before anyone looked at how the matcher
or the classifier scores it. All rows are development data (split ``dev``): tune on them freely.

Run from the repository root::

    python tests/data/build_dev_extra4.py            # write tests/data/dev_extra4_statements.csv
    python tests/data/build_dev_extra4.py --check a  # check one writer's part only, and say what is wrong

The id, split and CSE criterion are derived here, never typed. Before writing, every row is checked by
``corpus_checks.py`` as the third extension's are, and by :mod:`parts_build`: no text repeated or nearly repeated
(Jaccard similarity of the word sets at least 0.8) within the extension or from the earlier development corpora,
and none too close to a held-out statement.
"""

from __future__ import annotations

from parts_build import HERE, PartsCorpus

CORPUS = PartsCorpus(
    package="dev_extra4_parts",
    parts=("a", "b", "c", "d"),  # one module per writer, each with SECTORS
    output=HERE / "dev_extra4_statements.csv",
    earlier=(HERE / "dev_extra_statements.csv", HERE / "dev_extra2_statements.csv",
             HERE / "dev_extra3_statements.csv"),
    prefix="H",
)

if __name__ == "__main__":
    CORPUS.main((__doc__ or "").splitlines()[0])
