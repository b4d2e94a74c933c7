"""The batch summary: one row per organisation, so a programme lead can see every portfolio at a glance.

Each row gives the run's status, every criterion's status (coloured as in the gap report), the item and file
counts, and the errors met. A failed organisation still gets its row, with the reason, so none goes missing. For the
official CSE structure (cse-2008) the criterion cells hold the estimated rating instead of the status, and a
"Ready for assessment" column gives the readiness verdict.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class OrgOutcome:
    """What happened for one organisation in a batch: a result, an error, or (rarely) both."""

    name: str
    folder: str
    result: RunResult | None
    error: str | None


@dataclass(frozen=True)
class SummaryRow:
    """One organisation's line of summary.xlsx as plain data.

    A batch keeps it in its manifest, so that an organisation skipped on a re-run (nothing changed) still gets
    exactly the row it had, without analysing it again."""

    name: str
    folder: str
    status: str  # run status: ok / ok, some files unreadable / failed
    criteria: dict[str, str]  # criterion id -> status, or estimated rating when rated
    counts: dict[str, int] | None  # COUNT_KEYS, None for a failed run
    readiness: str | None  # "yes" / "not yet" for rated runs, else None
    errors: str
    as_of: str | None  # ISO date of the run, None for a failed one

    @classmethod
    def from_outcome(cls, outcome: OrgOutcome) -> SummaryRow:
        result = outcome.result
        counts = None if result is None else {key: result.counts()[key] for key in COUNT_KEYS}
        verdict = None if result is None or result.readiness is None else (
            "yes" if result.readiness.ready else "not yet")
        return cls(outcome.name, outcome.folder, run_status(result, outcome.error),
                   {} if result is None else {c.id: c.rating or c.status for c in result.criteria},
                   counts, verdict, errors_text(outcome), None if result is None else result.settings.as_of.isoformat())

    @classmethod
    def failed(cls, name: str, folder: str, error: str) -> SummaryRow:
        return cls(name, folder, "failed", {}, None, None, error, None)

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SummaryRow:
        return cls(**data)


def write_batch_summary(outcomes: Sequence[OrgOutcome], criteria: Sequence[tuple[str, str]],
                        path: Path) -> None:
    """Write summary.xlsx for a batch: one row per organisation, criteria in the order given."""
    write_summary_rows([SummaryRow.from_outcome(o) for o in outcomes], criteria, path)


def write_summary_rows(rows: Sequence[SummaryRow], criteria: Sequence[tuple[str, str]], path: Path) -> bool:
    """Write summary.xlsx from its rows, unless the file already holds exactly these bytes (a re-run with
    nothing changed leaves it untouched). Returns whether the file was written."""
    workbook = build_summary_workbook(rows, criteria)
    with tempfile.TemporaryDirectory(prefix="cse-migrate-") as scratch:
        built = Path(scratch) / "summary.xlsx"
        save_workbook(workbook, built, summary_stamp(rows))
        data = built.read_bytes()
    if path.is_file() and path.read_bytes() == data:
        return False
    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    atomic_write(path, write)
    return True


def build_summary_workbook(rows: Sequence[SummaryRow], criteria: Sequence[tuple[str, str]]) -> Workbook:
    """Build the one-sheet summary workbook in memory."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Summary"
    workbook.properties.title = "CSE gap analysis: batch summary"
    rated = any(r.readiness is not None for r in rows)
    columns = (*LEAD_COLUMNS, *(SheetColumn(f"{cid} {title}", 16, wrap=True) for cid, title in criteria),
               *COUNT_COLUMNS, *((READY_COLUMN,) if rated else ()), ERRORS_COLUMN)
    write_sheet(sheet, columns, (summary_row(r, criteria, rated) for r in rows), freeze="B2")
    colour_statuses(sheet, rows, criteria)
    return workbook


def summary_stamp(rows: Sequence[SummaryRow]) -> datetime:
    """The latest as-of date in the batch, so the same batch always gives the same file."""
    dates = [date.fromisoformat(r.as_of) for r in rows if r.as_of is not None]
    return as_of_midnight(max(dates)) if dates else _FALLBACK_STAMP


def criterion_statuses(row: SummaryRow, criteria: Sequence[tuple[str, str]]) -> list[str]:
    """Each requested criterion's status text (its estimated rating, when rated), or "" where the run has none
    (failed or other framework)."""
    return [row.criteria.get(cid, "") for cid, _ in criteria]


def errors_text(outcome: OrgOutcome) -> str:
    """The organisation's own error, then every file error, as one line."""
    parts = [outcome.error] if outcome.error else []
    if outcome.result is not None and outcome.result.errors:
        parts.append(format_errors(outcome.result.errors))
    return "; ".join(parts)


def summary_row(row: SummaryRow, criteria: Sequence[tuple[str, str]], rated: bool = False) -> tuple[object, ...]:
    """One organisation's row (with the readiness verdict when the batch is rated)."""
    counts: list[object] = [None] * len(COUNT_KEYS) if row.counts is None else [row.counts[k] for k in COUNT_KEYS]
    ready: tuple[object, ...] = (row.readiness,) if rated else ()
    return (row.name, row.folder, row.status, *criterion_statuses(row, criteria), *counts, *ready, row.errors)


def colour_statuses(sheet: Worksheet, rows: Sequence[SummaryRow], criteria: Sequence[tuple[str, str]]) -> None:
    """Fill the run-status and criterion-status cells with their colours."""
    status_column = len(LEAD_COLUMNS)
    first_criterion = status_column + 1
    for index, row in enumerate(rows, start=2):
        sheet.cell(row=index, column=status_column).fill = fill(RUN_STATUS_FILL[row.status])
        for offset, status in enumerate(criterion_statuses(row, criteria)):
            colour = STATUS_FILL.get(status) or RATING_FILL.get(status)
            if colour:
                sheet.cell(row=index, column=first_criterion + offset).fill = fill(colour)
