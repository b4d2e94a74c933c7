"""Evidence workbook sheets for a hierarchical framework (the official CSE structure, cse-2008).

One sheet per leaf would mean 57 sheets once elements are loaded, so the workbook has a "Ratings" sheet (every
criterion, sub-criterion and element with its estimated rating and reasons) and then one sheet per top-level
criterion, whose rows carry the sub-criterion or element each item supports. The accounting sheets follow as for
any framework.
"""

from __future__ import annotations

from openpyxl import Workbook

from cse_migrate.model import CriterionResult, ItemResult, RunResult, Settings, level_name
from cse_migrate.reports.common import RATING_FILL, SheetColumn, write_sheet
from cse_migrate.reports.xlsx.sheets import CRITERION_COLUMNS, criterion_row, sheet_name, unique_sheet_name
from cse_migrate.verdicts import NOT_EVIDENCED

RATINGS_SHEET = "Ratings"
RATING_COLUMNS = (SheetColumn("Id", 8), SheetColumn("Level", 13), SheetColumn("Title", 40, wrap=True),
                  SheetColumn("Parent", 8),
                  SheetColumn("Estimated rating", 19, fill_by_value=RATING_FILL), SheetColumn("Status", 13),
                  SheetColumn("Evidence", 9), SheetColumn("Strong", 8), SheetColumn("Fresh", 8),
                  SheetColumn("Stale", 8), SheetColumn("Undated", 9), SheetColumn("Best", 22),
                  SheetColumn("Why this rating", 70, wrap=True))
PART_COLUMNS = (SheetColumn("Part", 8), SheetColumn("Part title", 30, wrap=True))


def add_rated_sheets(workbook: Workbook, result: RunResult, items: dict[str, ItemResult], used: set[str]) -> None:
    """The Ratings sheet, then one evidence sheet per top-level criterion."""
    sheet = workbook.create_sheet(unique_sheet_name(RATINGS_SHEET, used))
    used.add(sheet.title.casefold())
    write_sheet(sheet, RATING_COLUMNS, (rating_row(c) for c in result.criteria))  # ratings in their colours
    by_id = {c.id: c for c in result.criteria}
    for root in (c for c in result.criteria if c.parent is None):
        name = unique_sheet_name(sheet_name(root.id, root.title), used)
        used.add(name.casefold())
        evidence_sheet = workbook.create_sheet(name)
        evidence_sheet.sheet_properties.tabColor = RATING_FILL[root.rating or NOT_EVIDENCED]
        write_sheet(evidence_sheet, (*PART_COLUMNS, *CRITERION_COLUMNS),
                    part_rows(leaves_below(root, by_id), items, result.settings), freeze="C2")


def rating_row(c: CriterionResult) -> tuple[object, ...]:
    """One row of the Ratings sheet."""
    return (c.id, level_name(c.level), c.title, c.parent, c.rating or NOT_EVIDENCED,
            c.status, c.evidence_count, c.strong_count, c.fresh_count, c.stale_count, c.undated_count,
            ", ".join(c.best), " ".join(c.rating_reasons))


def leaves_below(node: CriterionResult, by_id: dict[str, CriterionResult]) -> list[CriterionResult]:
    """The leaves under ``node`` in framework order (``node`` itself when it is a leaf)."""
    if not node.children:
        return [node]
    return [leaf for cid in node.children for leaf in leaves_below(by_id[cid], by_id)]


def part_rows(leaves: list[CriterionResult], items: dict[str, ItemResult],
              settings: Settings) -> list[tuple[object, ...]]:
    """Every item mapped to each leaf, leaf by leaf, best first within a leaf."""
    rows: list[tuple[object, ...]] = []
    for leaf in leaves:
        for item_id, score in leaf.evidence:
            found = items.get(item_id)
            if found is None:  # should not happen; keep a visible row rather than drop the reference
                rows.append((leaf.id, leaf.title, item_id, "(item not found in this run)", round(score, 4),
                             *(None,) * (len(CRITERION_COLUMNS) - 3)))
                continue
            rows.append((leaf.id, leaf.title, *criterion_row(found, leaf.id, score, settings)))
    return rows
