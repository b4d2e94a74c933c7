"""The migrated evidence portfolio as an Excel workbook.

One sheet per target criterion (evidence best first, with score, strength, staleness, the legacy reference and
exactly where each item came from), the gap findings (statements that a practice is missing, lapsed or only
planned, under the criterion they concern), then sheets that account for everything else: unmapped evidence,
duplicates folded, noise lines, unreadable files and per-file counts. Every cell goes through
:func:`cse_migrate.output.write_cell`, so evidence text that looks like a formula is stored as text.

Columns, sheet names and rows are in :mod:`.sheets`; the rated sheets of a hierarchical framework in
:mod:`.hierarchy`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from cse_migrate.model import ItemResult, RunResult
from cse_migrate.output import atomic_write, clean_text
from cse_migrate.reports.common import (
    STATUS_FILL,
    as_of_midnight,
    save_workbook,
    write_sheet,
)
from cse_migrate.reports.sheet_stream import discard_workbook
from cse_migrate.reports.xlsx.hierarchy import add_rated_sheets
from cse_migrate.reports.xlsx.review import REVIEW_SHEETS, add_review_sheets
from cse_migrate.reports.xlsx.sheets import (
    CRITERION_COLUMNS,
    DUPLICATE_COLUMNS,
    ERROR_COLUMNS,
    FILE_COLUMNS,
    FINDING_COLUMNS,
    FIXED_SHEETS,
    NOISE_COLUMNS,
    RESERVED_SHEET_NAMES,
    UNMAPPED_COLUMNS,
    criterion_rows,
    duplicate_row,
    file_rows,
    finding_rows,
    noise_row,
    sheet_name,
    unique_sheet_name,
    unmapped_row,
)
from cse_migrate.safe_text import CORE_PROPERTY_CHARS, shorten


def write_evidence_workbook(result: RunResult, path: Path) -> None:
    """Write the migrated portfolio for ``result`` to ``path`` (atomically: all or nothing)."""
    workbook = build_evidence_workbook(result, write_only=True)
    when = as_of_midnight(result.settings.as_of)
    workbook.properties.title = shorten(clean_text(f"CSE evidence portfolio \u2013 {result.settings.organisation}"),
                                        CORE_PROPERTY_CHARS)
    workbook.properties.subject = shorten(clean_text(f"{result.framework_title} ({result.framework_id})"),
                                          CORE_PROPERTY_CHARS)
    try:
        atomic_write(path, lambda tmp: save_workbook(workbook, tmp, when))
    except BaseException:
        discard_workbook(workbook)  # its sheets' writers and temporary files go now, quietly
        raise


def build_evidence_workbook(result: RunResult, write_only: bool = False) -> Workbook:
    """Build the workbook: criterion sheets in framework order, then the accounting sheets.

    ``write_only`` streams each sheet's rows to a temporary file as they are made (what the report writer uses:
    a workbook of 200,000 items held as cells took over a gigabyte), and the workbook can then only be saved;
    without it the workbook is built in memory and can be read back.
    """
    workbook = Workbook(write_only=write_only)
    if not write_only:
        workbook.remove(workbook.active)  # start empty: every sheet is named on purpose
    items = result.item_by_id()
    used = {name.casefold() for name in (*FIXED_SHEETS, *RESERVED_SHEET_NAMES, *REVIEW_SHEETS)}
    if result.framework.hierarchical:  # official CSE structure: a sheet per criterion
        add_rated_sheets(workbook, result, items, used)
    else:
        for criterion in result.criteria:
            name = unique_sheet_name(sheet_name(criterion.id, criterion.title), used)
            used.add(name.casefold())
            sheet = workbook.create_sheet(name)
            # The tab colour repeats the status colour of the Word report, so the two read alike.
            sheet.sheet_properties.tabColor = STATUS_FILL[criterion.status]
            write_sheet(sheet, CRITERION_COLUMNS, criterion_rows(criterion, items, result.settings))
    write_sheet(workbook.create_sheet("Gap findings"), FINDING_COLUMNS, finding_rows(result))
    by_status = group_by_status(result.items)
    write_sheet(workbook.create_sheet("Unmapped"), UNMAPPED_COLUMNS, map(unmapped_row, by_status["unmapped"]))
    write_sheet(workbook.create_sheet("Duplicates"), DUPLICATE_COLUMNS,
                map(duplicate_row, by_status["duplicate"]))
    write_sheet(workbook.create_sheet("Noise"), NOISE_COLUMNS, map(noise_row, by_status["noise"]))
    write_sheet(workbook.create_sheet("Unreadable files"), ERROR_COLUMNS,
                ((e.file, e.message) for e in result.errors), freeze="A2")
    write_sheet(workbook.create_sheet("Files"), FILE_COLUMNS, file_rows(result), freeze="A2")
    add_review_sheets(workbook, result)  # first sheet: the workbook is the reviewer's form
    return workbook


def group_by_status(items: Iterable[ItemResult]) -> dict[str, list[ItemResult]]:
    """Split items by status, keeping input order within each group."""
    groups: dict[str, list[ItemResult]] = {"mapped": [], "unmapped": [], "noise": [], "duplicate": []}
    for item in items:
        groups[item.status].append(item)
    return groups
