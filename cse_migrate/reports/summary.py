"""The batch summary: one row per organisation, so a programme lead can see every portfolio at a glance.

Each row gives the run's status, every criterion's status (coloured as in the gap report), the item and file
counts, and the errors met. A failed organisation still gets its row, with the reason, so none goes missing. For the
official CSE structure (cse-2008) the criterion cells hold the estimated rating instead of the status, and a
"Ready for assessment" column gives the readiness verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cse_migrate.model import RunResult
from cse_migrate.output import atomic_write
from cse_migrate.reports.common import (
    RATING_FILL,
    STATUS_FILL,
    SheetColumn,
    as_of_midnight,
    fill,
    format_errors,
    run_status,
    save_workbook,
    write_sheet,
)

# Run-status colours reuse the criterion palette: green fine, amber look closer, red failed.
RUN_STATUS_FILL = {"ok": STATUS_FILL["Met"], "ok, some files unreadable": STATUS_FILL["Partially met"],
                   "failed": STATUS_FILL["Gap"]}
# With no successful run there is no as-of date to stamp; a fixed date keeps the file reproducible.
_FALLBACK_STAMP = datetime(2000, 1, 1)

LEAD_COLUMNS = (SheetColumn("Organisation", 36, wrap=True), SheetColumn("Folder", 24),
                SheetColumn("Run status", 22))
COUNT_COLUMNS = (SheetColumn("Items read", 10), SheetColumn("Mapped", 9), SheetColumn("Unmapped", 10),
                 SheetColumn("Noise", 8), SheetColumn("Duplicates", 11), SheetColumn("Files read", 10),
                 SheetColumn("Files unreadable", 11))
COUNT_KEYS = ("read", "mapped", "unmapped", "noise", "duplicate", "files_read", "files_unreadable")
ERRORS_COLUMN = SheetColumn("Errors", 60, wrap=True)
READY_COLUMN = SheetColumn("Ready for assessment", 12)
# The rules every organisation of the batch was analysed with: the bundled rules, then each pack, in order.
PACK_COLUMNS = (SheetColumn("Pack", 18), SheetColumn("Version", 16), SheetColumn("Title", 36, wrap=True),
                SheetColumn("Provider", 24, wrap=True), SheetColumn("Licence", 14), SheetColumn("SHA-256", 66))


@dataclass(frozen=True)
class OrgOutcome:
    """What happened for one organisation in a batch: a result, an error, or (rarely) both."""

    name: str
    folder: str
    result: RunResult | None
    error: str | None


def write_batch_summary(outcomes: Sequence[OrgOutcome], criteria: Sequence[tuple[str, str]],
                        path: Path) -> None:
    """Write summary.xlsx for a batch: one row per organisation, criteria in the order given."""
    workbook = build_summary_workbook(outcomes, criteria)
    atomic_write(path, lambda tmp: save_workbook(workbook, tmp, summary_stamp(outcomes)))


def build_summary_workbook(outcomes: Sequence[OrgOutcome], criteria: Sequence[tuple[str, str]]) -> Workbook:
    """Build the one-sheet summary workbook in memory."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Summary"
    workbook.properties.title = "CSE gap analysis: batch summary"
    rated = any(o.result is not None and o.result.readiness is not None for o in outcomes)
    columns = (*LEAD_COLUMNS, *(SheetColumn(f"{cid} {title}", 16, wrap=True) for cid, title in criteria),
               *COUNT_COLUMNS, *((READY_COLUMN,) if rated else ()), ERRORS_COLUMN)
    write_sheet(sheet, columns, (summary_row(o, criteria, rated) for o in outcomes), freeze="B2")
    colour_statuses(sheet, outcomes, criteria)
    packs = next((o.result.rule_packs for o in outcomes if o.result is not None), ())
    write_sheet(workbook.create_sheet("Rules packs"), PACK_COLUMNS,
                ((p.id, p.version, p.title, p.provider, p.licence, p.sha256) for p in packs), freeze="A2")
    return workbook


def summary_stamp(outcomes: Sequence[OrgOutcome]) -> datetime:
    """The latest as-of date in the batch, so the same batch always gives the same file."""
    dates = [o.result.settings.as_of for o in outcomes if o.result is not None]
    return as_of_midnight(max(dates)) if dates else _FALLBACK_STAMP


def criterion_statuses(result: RunResult | None, criteria: Sequence[tuple[str, str]]) -> list[str]:
    """Each requested criterion's status text (its estimated rating, when rated), or "" where the run has none
    (failed or other framework)."""
    if result is None:
        return ["" for _ in criteria]
    by_id = {c.id: c.rating or c.status for c in result.criteria}
    return [by_id.get(cid, "") for cid, _ in criteria]


def errors_text(outcome: OrgOutcome) -> str:
    """The organisation's own error, then every file error, as one line."""
    parts = [outcome.error] if outcome.error else []
    if outcome.result is not None and outcome.result.errors:
        parts.append(format_errors(outcome.result.errors))
    return "; ".join(parts)


def summary_row(outcome: OrgOutcome, criteria: Sequence[tuple[str, str]], rated: bool = False) -> tuple[object, ...]:
    """One organisation's row (with the readiness verdict when the batch is rated)."""
    result = outcome.result
    counts: list[object] = [None] * len(COUNT_KEYS)
    if result is not None:
        tally = result.counts()
        counts = [tally[key] for key in COUNT_KEYS]
    ready: tuple[object, ...] = ()
    if rated:
        verdict = result.readiness if result is not None else None
        ready = (None if verdict is None else "yes" if verdict.ready else "not yet",)
    return (outcome.name, outcome.folder, run_status(result, outcome.error),
            *criterion_statuses(result, criteria), *counts, *ready, errors_text(outcome))


def colour_statuses(sheet: Worksheet, outcomes: Sequence[OrgOutcome],
                    criteria: Sequence[tuple[str, str]]) -> None:
    """Fill the run-status and criterion-status cells with their colours."""
    status_column = len(LEAD_COLUMNS)
    first_criterion = status_column + 1
    for row, outcome in enumerate(outcomes, start=2):
        sheet.cell(row=row, column=status_column).fill = fill(
            RUN_STATUS_FILL[run_status(outcome.result, outcome.error)])
        for offset, status in enumerate(criterion_statuses(outcome.result, criteria)):
            colour = STATUS_FILL.get(status) or RATING_FILL.get(status)
            if colour:
                sheet.cell(row=row, column=first_criterion + offset).fill = fill(colour)
