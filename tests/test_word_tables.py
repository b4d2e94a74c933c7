"""Long Word tables: a table shows at most WORD_TABLE_ROWS rows, and every file has a row among them.

The hostile corpus's heavy cases found the need: thousands of strongly scored lines from one huge file pushed a
small file's only item out of its part's table, so the Word report never showed it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document as open_document

from cse_migrate import RunOptions, analyse, load_rules, write_reports
from cse_migrate.reports.docx.long_tables import WORD_TABLE_ROWS, LazyRows

GOOD_TEXT = "Customer panel meets quarterly and its minutes are published on the website"


def test_a_long_table_shows_the_first_row_of_every_group_then_the_others_in_order() -> None:
    sources = [("big", n) for n in range(10)] + [("small", 10)] + [("big", n) for n in range(11, 14)] + [("tiny", 14)]
    rows = LazyRows(sources, lambda s: (str(s[1]),), group=lambda s: s[0])
    assert rows.shown(5) == [("0",), ("1",), ("2",), ("10",), ("14",)]
    assert rows.shown(2) == [("0",), ("10",)]  # more groups than rows: the first groups' first rows
    assert rows.shown(len(sources)) == rows[:]  # short enough: every row, as it was


def test_a_table_without_groups_shows_its_first_rows() -> None:
    rows = LazyRows(list(range(8)), lambda n: (str(n),))
    assert rows.shown(3) == [("0",), ("1",), ("2",)]


def test_a_small_files_item_stays_in_the_word_report_beside_a_huge_file(tmp_path: Path) -> None:
    folder = tmp_path / "org"
    folder.mkdir()
    # Strongly scored, distinct lines for the same part as the good item, more than one table shows.
    lines = [f"Customer panel {n} meets every month and publishes its minutes on the website for residents"
             for n in range(WORD_TABLE_ROWS + 40)]
    (folder / "huge.csv").write_text("Ref,Evidence,Date\n" + "".join(f"2.1,{t},2007\n" for t in lines),
                                     encoding="utf-8")
    (folder / "good.csv").write_text(f"Ref,Evidence,Date\n2.1,{GOOD_TEXT},2006\n", encoding="utf-8")
    result = analyse([folder], load_rules(), RunOptions(as_of=date(2008, 6, 30), organisation="Big Council"))
    good = next(r for r in result.items if r.item.text == GOOD_TEXT)
    assert good.status == "mapped"
    part = good.mappings[0].criterion
    filed = next(c for c in result.criteria if c.id == part).evidence
    assert len(filed) > WORD_TABLE_ROWS
    # the good item is not among the part's strongest rows: only the spread brings it into the table
    assert good.item.id not in [i for i, _ in filed[:WORD_TABLE_ROWS - 1]]

    write_reports(result, tmp_path / "out")
    document = open_document(str(tmp_path / "out" / "gap-report.docx"))
    holding = [t for t in document.tables if any(GOOD_TEXT in c.text for row in t.rows for c in row.cells)]
    assert holding, "the small file's item is in no Word table"
    assert all(len(t.rows) <= WORD_TABLE_ROWS + 1 for t in document.tables)  # + the header row
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"{WORD_TABLE_ROWS:,} of {len(filed):,} rows are shown here (the first of each file" in text
