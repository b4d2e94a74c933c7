"""The executive summary: two pages a consultant reads in thirty seconds.

The readiness verdict and why (the two axes), one line on what was read, the RAG heat map, the currency chart, a
summary table per criterion that keeps the two axes apart (so it never says one thing in one column and another in
the next), and the top five priorities, each quoting the evidence that raised it with its file and place. Parsing
and noise counts are in the method appendix.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.shared import Pt

from cse_migrate.model import RunResult
from cse_migrate.reports.actions import Action, top_priorities
from cse_migrate.reports.charts import currency_chart, heat_map
from cse_migrate.reports.common import RATING_FILL, STATUS_FILL
from cse_migrate.reports.docx.layout import (
    EVIDENCE_CHARS,
    FINDING_CHARS,
    Body,
    Column,
    add_heading,
    add_page_break,
    add_paragraph,
    add_picture,
    add_small,
    add_table,
    add_text,
    plural,
    run_xml,
)
from cse_migrate.reports.docx.words import currency_text, held_back_text, reading, verdict
from cse_migrate.reports.plain import document_labels, join_words

SUMMARY_COLUMNS = (Column("Criterion", 5.4), Column("Content shows", 2.9), Column("Evidence age", 3.4),
                   Column("Estimated reading", 2.9), Column("Held back by", 2.4))


def fill_for(value: str) -> str | None:
    return RATING_FILL.get(value) or STATUS_FILL.get(value)


def read_line(result: RunResult) -> str:
    """One line on what was read; the accounting is in the method appendix."""
    c = result.counts()
    labels = document_labels([f.file for f in result.files], result.settings.organisation)
    files = join_words([labels[f.file] for f in result.files])
    line = (f"Read {plural(c['files_read'], 'file')} ({files}): {plural(c['mapped'], 'item')} filed as evidence, "
            f"{c['unmapped']} not matched to any part (Appendix C).")
    if c["files_unreadable"]:
        line += f" {plural(c['files_unreadable'], 'file')} could not be read (Appendix E)."
    return line


def add_executive_summary(body: Body, result: RunResult, actions: Sequence[Action]) -> None:
    """Pages 2 and 3 of the report."""
    add_heading(body, "Executive summary", 1)
    headline, explanation = verdict(result)
    add_paragraph(body, run_xml(headline + ". ", bold=True, size=Pt(13)) + run_xml(explanation))
    add_text(body, read_line(result))
    png, alt = heat_map(result)
    add_picture(body, png, 16.5, alt)
    png, alt = currency_chart(result)
    add_picture(body, png, 16.5, alt)
    add_small(body, f"Ages as at {result.settings.as_of.isoformat()}: evidence dated more than "
                        f"{result.settings.stale_months} months earlier is out of date. Hatched cells are covered by "
                        "their content but held back by the age of the evidence.")
    add_page_break(body)
    add_heading(body, "Where each criterion stands", 2)
    roots = [c for c in result.criteria if c.parent is None]
    rows = [(f"{c.id} {c.title}", c.coverage, currency_text(result, c), reading(c), held_back_text(c))
            for c in roots]
    add_table(body, SUMMARY_COLUMNS, rows,
              [(None, fill_for(c.coverage), None, fill_for(reading(c)), None) for c in roots])
    add_small(body, "Content shows: the reading the evidence would earn if its age did not matter. Estimated "
                        "reading: counting only recent evidence, as an assessor will. Held back by: what keeps the "
                        f"reading below a pass. Quotes are cut beyond {FINDING_CHARS} characters in the findings and "
                        f"{EVIDENCE_CHARS} in Appendix A, with an ellipsis; evidence.xlsx keeps every item in full.")
    add_heading(body, "Top five priorities", 2)
    top = top_priorities(actions)
    if not top:
        add_text(body, "No gaps were found that the evidence itself points to.")
    for action in top:
        add_paragraph(body, run_xml(action.text + ".", bold=True)
                      + run_xml(f" {action.priority_name} priority. Raised by {action.quote} ({action.where})")
                      + run_xml(f"  item {action.item}", size=Pt(7)), style="List Number")
    remaining = len(actions) - len(top)
    if remaining > 0:
        add_text(body, f"The action plan lists {plural(remaining, 'further action')}, each with the "
                           "evidence behind it.")
    add_page_break(body)
