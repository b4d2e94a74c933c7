"""Long Word tables: a table shows at most WORD_TABLE_ROWS rows, and every file has a row among them.

The hostile corpus's heavy cases found the need: thousands of strongly scored lines from one huge file pushed a
small file's only item out of its part's table, so the Word report never showed it.
"""

from __future__ import annotations

import dataclasses

from report_fixture import make_run_result

from cse_migrate.model import RunResult
from cse_migrate.reports.common import truncate
from cse_migrate.reports.docx.long_tables import WORD_TABLE_ROWS, LazyRows
from cse_migrate.reports.docx.report import build_gap_document

HUGE = "huge evidence log.csv"


def test_a_long_table_shows_the_first_row_of_every_group_then_the_others_in_order() -> None:
    sources = [("big", n) for n in range(10)] + [("small", 10)] + [("big", n) for n in range(11, 14)] + [("tiny", 14)]
    rows = LazyRows(sources, lambda s: (str(s[1]),), group=lambda s: s[0])
    assert rows.shown(5) == [("0",), ("1",), ("2",), ("10",), ("14",)]
    assert rows.shown(2) == [("0",), ("10",)]  # more groups than rows: the first groups' first rows
    assert rows.shown(len(sources)) == rows[:]  # short enough: every row, as it was


def test_a_table_without_groups_shows_its_first_rows() -> None:
    rows = LazyRows(list(range(8)), lambda n: (str(n),))
    assert rows.shown(3) == [("0",), ("1",), ("2",)]


def huge_file_beside(result: RunResult, part: str, count: int) -> RunResult:
    """``result`` with ``count`` more items from one more file, all filed under ``part`` ahead of its own evidence
    (stronger), as thousands of strongly scored lines from one big file would be."""
    criterion = next(c for c in result.criteria if c.id == part)
    model = next(r for r in result.items if r.item.id == criterion.evidence[0][0])
    source = dataclasses.replace(model.item.source, file=HUGE)
    extra = [dataclasses.replace(model, item=dataclasses.replace(
        model.item, id=f"H{n:05d}", text=f"Customer panel {n} meets every month and publishes its minutes",
        source=dataclasses.replace(source, row=n + 2))) for n in range(count)]
    evidence = tuple((r.item.id, 0.99) for r in extra) + criterion.evidence
    criteria = tuple(dataclasses.replace(c, evidence=evidence, evidence_count=len(evidence)) if c.id == part else c
                     for c in result.criteria)
    file = dataclasses.replace(result.files[0], file=HUGE, items=(), units_read=count, skipped_blank=0)
    return dataclasses.replace(result, items=result.items + tuple(extra), criteria=criteria,
                               files=(*result.files, file))


def test_a_small_files_item_stays_in_the_word_report_beside_a_huge_file() -> None:
    result = make_run_result()
    part = next(c for c in result.criteria if len({i for i, _ in c.evidence}) >= 2)
    own = [r for r in result.items if r.item.id in {i for i, _ in part.evidence}]
    big = huge_file_beside(result, part.id, WORD_TABLE_ROWS + 40)
    document = build_gap_document(big)
    appendix = max(document.tables, key=lambda t: len(t.rows))  # Appendix A's table for the part
    shown = "\n".join(c.text for row in appendix.rows for c in row.cells)
    assert len(appendix.rows) == WORD_TABLE_ROWS + 1  # + the header row
    for r in own:  # the part's own items, from other files and weaker than every line of the huge file
        assert truncate(r.item.text, 60)[:40] in shown, r.item.text
    assert "Customer panel 0 meets" in shown  # the huge file's strongest lines still lead
    text = "\n".join(p.text for p in document.paragraphs)
    total = WORD_TABLE_ROWS + 40 + len(part.evidence)
    assert f"{WORD_TABLE_ROWS:,} of {total:,} rows are shown here (the first of each file" in text
