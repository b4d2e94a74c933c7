"""The Word report's account of a reviewer's decisions (issue 14), in the method appendix: which review file was
applied, how many decisions of each kind, and every decision that matched no item (listed, never applied).

Decided items are marked where they appear ("confirmed by reviewer", "moved by reviewer"; see
:func:`cse_migrate.reports.common.review_label`); this section counts them.
"""

from __future__ import annotations

from cse_migrate.model import RunResult
from cse_migrate.reports.common import truncate
from cse_migrate.reports.docx.layout import Body, Column, add_heading, add_table, add_text

_TEXT_CHARS = 160


def add_reviewer_decisions(body: Body, result: RunResult) -> None:
    """A "Reviewer's decisions" part of the method appendix, when the run applied a review file."""
    review = result.review
    if review is None:
        return
    counts = review.counts(r.review for r in result.items)
    add_heading(body, "Reviewer's decisions", 3)
    add_text(body, f"Decisions were read from {review.file} and override the mapping rules: statuses, "
                       "ratings, readiness and actions above are worked out from them. Items a reviewer decided "
                       "are marked where they appear.")
    add_table(body, (Column("Decisions", 9.0), Column("Items", 2.0)), [
        ("Confirmed by reviewer (Accept)", str(counts["confirmed"])),
        ("Moved by reviewer (Move to ID)", str(counts["moved"])),
        ("Rejected by reviewer (Reject: not evidence)", str(counts["rejected"])),
        ("Absence (gap): a gap finding, not evidence", str(counts["absence"])),
        ("Applied in total", str(counts["applied"])),
        ("Not applied: the item is no longer in the evidence", str(counts["unmatched"])),
    ])
    if not review.unmatched:
        add_text(body, "Every decision matched an item.")
        return
    add_text(body, f"These decisions (rows of the Review sheet of {review.file}) were not applied: their item "
                       "is no longer in the evidence (its text or file changed, or it was removed). Make them again "
                       "in the new evidence.xlsx.")
    rows = [(str(u.row), u.item, truncate(u.text, _TEXT_CHARS), u.source, u.decision)
            for u in review.unmatched]
    add_table(body, (Column("Row", 1.2), Column("Item", 1.6), Column("Evidence", 7.4), Column("Source", 4.0),
                         Column("Decision", 2.8)), rows)
