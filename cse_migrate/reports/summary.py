"""The batch summary: one row per organisation, so a consultant with fifty clients sees every portfolio at once.

Two sheets. "Run" says what the batch was judged against: as-of date, framework, rules version and rules packs.
"Summary" has one row per organisation, worst first: readiness against the run's framework and, through the
crosswalk, against the other one (official CSE criteria or the five points); each criterion's status or estimated
rating (coloured by conditional formatting, so a re-sorted or edited sheet keeps its colours); how much evidence is
recent and how much out of date; the number of priorities (actions drawn from the evidence); and a link to each
report. A failed organisation still gets its row, with the reason, so none goes missing. Both sheets print
landscape, fit to the page width, with the header row repeated on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cse_migrate.model import RunResult
from cse_migrate.output import atomic_write, write_cell
from cse_migrate.reports.actions import draft_actions
from cse_migrate.reports.common import (
    RATING_FILL,
    STATUS_FILL,
    SheetColumn,
    as_of_midnight,
    format_errors,
    print_setup,
    run_status,
    save_workbook,
    write_sheet,
)

# Run-status colours reuse the criterion palette: green fine, amber look closer, red failed.
RUN_STATUS_FILL = {"ok": STATUS_FILL["Met"], "ok, some files unreadable": STATUS_FILL["Partially met"],
                   "failed": STATUS_FILL["Gap"]}
READY_FILL = {"yes": STATUS_FILL["Met"], "not yet": STATUS_FILL["Gap"], "indicative: yes": STATUS_FILL["Met"],
              "indicative: not yet": STATUS_FILL["Partially met"]}
# With no successful run there is no as-of date to stamp; a fixed date keeps the file reproducible.
_FALLBACK_STAMP = datetime(2000, 1, 1)
_PASSING = ("Met", "Compliance Plus", "Compliance")

LEAD_COLUMNS = (SheetColumn("Organisation", 30, wrap=True), SheetColumn("Report", 12),
                SheetColumn("Run status", 14, wrap=True))
READY_COLUMNS = (SheetColumn("Ready (this framework)", 14, wrap=True),
                 SheetColumn("Ready (other framework, indicative)", 16, wrap=True))
EVIDENCE_COLUMNS = (SheetColumn("Recent evidence", 10), SheetColumn("Out-of-date evidence", 12),
                    SheetColumn("Undated evidence", 10), SheetColumn("Priorities", 10))
COUNT_COLUMNS = (SheetColumn("Items read", 9), SheetColumn("Mapped", 9), SheetColumn("Unmapped", 10),
                 SheetColumn("Noise", 8), SheetColumn("Duplicates", 11), SheetColumn("Files read", 9),
                 SheetColumn("Files unreadable", 11))
COUNT_KEYS = ("read", "mapped", "unmapped", "noise", "duplicate", "files_read", "files_unreadable")
ERRORS_COLUMN = SheetColumn("Errors", 50, wrap=True)
REPORT_NAME = "gap-report.docx"


@dataclass(frozen=True)
class OrgOutcome:
    """What happened for one organisation in a batch: a result, an error, or (rarely) both."""

    name: str
    folder: str
    result: RunResult | None
    error: str | None


def write_batch_summary(outcomes: Sequence[OrgOutcome], criteria: Sequence[tuple[str, str]], path: Path,
                        packs: Sequence[str] = ()) -> None:
    """Write summary.xlsx for a batch: a Run sheet and one row per organisation, criteria in the order given."""
    workbook = build_summary_workbook(outcomes, criteria, packs)
    atomic_write(path, lambda tmp: save_workbook(workbook, tmp, summary_stamp(outcomes)))


def build_summary_workbook(outcomes: Sequence[OrgOutcome], criteria: Sequence[tuple[str, str]],
                           packs: Sequence[str] = ()) -> Workbook:
    """Build the summary workbook in memory."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Summary"
    workbook.properties.title = "CSE gap analysis: batch summary"
    ordered = sorted(outcomes, key=severity)
    per_criterion = (SheetColumn(f"{cid} {title}", 14, wrap=True) for cid, title in criteria)
    columns = (*LEAD_COLUMNS, *READY_COLUMNS, *per_criterion, *EVIDENCE_COLUMNS, *COUNT_COLUMNS, ERRORS_COLUMN)
    count = write_sheet(sheet, columns, (summary_row(o, criteria) for o in ordered), freeze="B2")
    link_reports(sheet, ordered)
    colour_cells(sheet, count, len(criteria))
    print_setup(sheet)
    add_run_sheet(workbook, outcomes, packs)
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


def readiness(result: RunResult | None) -> tuple[str, str]:
    """Ready against the run's framework, and (indicative, through the crosswalk) against the other one.

    The official structure has a readiness verdict; the five points count as ready when every point is met. The
    projection is read the same way: every projected criterion at a passing reading."""
    if result is None:
        return "", ""
    if result.readiness is not None:
        own = "yes" if result.readiness.ready else "not yet"
    else:
        own = "yes" if all(c.status == "Met" for c in result.criteria) else "not yet"
    other = ""
    if result.projection is not None:
        passing = all(p.indicative in _PASSING for p in result.projection.criteria)
        other = "indicative: yes" if passing else "indicative: not yet"
    return own, other


def evidence_ages(result: RunResult) -> tuple[int, int, int]:
    """Recent, out-of-date and undated items among those filed as evidence."""
    mapped = [r for r in result.items if r.status == "mapped" and r.kind == "support"]
    return (sum(r.freshness == "recent" for r in mapped), sum(r.freshness == "old" for r in mapped),
            sum(r.freshness == "undated" for r in mapped))


def severity(outcome: OrgOutcome) -> tuple[int, int, int, str]:
    """Worst first: failed runs, then not ready, then the fewest parts at a passing reading."""
    result = outcome.result
    if result is None:
        return (0, 0, 0, outcome.name)
    ready = readiness(result)[0] == "yes"
    leaves = [c for c in result.criteria if not c.children]
    passing = sum((c.rating or c.status) in _PASSING for c in leaves)
    return (1 + int(ready), passing, len(draft_actions(result)) * -1, outcome.name)


def errors_text(outcome: OrgOutcome) -> str:
    """The organisation's own error, then every file error, as one line."""
    parts = [outcome.error] if outcome.error else []
    if outcome.result is not None and outcome.result.errors:
        parts.append(format_errors(outcome.result.errors))
    return "; ".join(parts)


def summary_row(outcome: OrgOutcome, criteria: Sequence[tuple[str, str]]) -> tuple[object, ...]:
    """One organisation's row."""
    result = outcome.result
    counts: list[object] = [None] * len(COUNT_KEYS)
    ages: tuple[object, ...] = (None, None, None, None)
    if result is not None:
        tally = result.counts()
        counts = [tally[key] for key in COUNT_KEYS]
        ages = (*evidence_ages(result), len(draft_actions(result)))
    report = "open report" if result is not None else ""
    return (outcome.name, report, run_status(result, outcome.error), *readiness(result),
            *criterion_statuses(result, criteria), *ages, *counts, errors_text(outcome))


def link_reports(sheet: Worksheet, outcomes: Sequence[OrgOutcome]) -> None:
    """A relative hyperlink from each row to the organisation's report, so the folder can be moved whole."""
    column = 2
    for row, outcome in enumerate(outcomes, start=2):
        if outcome.result is None:
            continue
        cell = sheet.cell(row=row, column=column)
        cell.hyperlink = f"{outcome.folder}/{REPORT_NAME}"
        cell.font = Font(color="0563C1", underline="single")


def colour_cells(sheet: Worksheet, count: int, criteria: int) -> None:
    """Conditional formatting on the run status, readiness and criterion columns: the colours follow the values
    when a consultant sorts, filters or edits the sheet."""
    if count == 0:
        return
    last = count + 1
    rules: list[tuple[int, int, dict[str, str]]] = [
        (3, 3, RUN_STATUS_FILL), (4, 5, READY_FILL),
        (len(LEAD_COLUMNS) + len(READY_COLUMNS) + 1, len(LEAD_COLUMNS) + len(READY_COLUMNS) + criteria,
         {**STATUS_FILL, **RATING_FILL})]
    for first, final, palette in rules:
        if final < first:
            continue
        area = f"{get_column_letter(first)}2:{get_column_letter(final)}{last}"
        for value, colour in palette.items():
            sheet.conditional_formatting.add(area, CellIsRule(
                operator="equal", formula=[f'"{value}"'],
                fill=PatternFill(start_color=colour, end_color=colour, fill_type="solid")))


def add_run_sheet(workbook: Workbook, outcomes: Sequence[OrgOutcome], packs: Sequence[str]) -> None:
    """What every row was judged against, so a printed summary stands on its own."""
    sheet = workbook.create_sheet("Run")
    first = next((o.result for o in outcomes if o.result is not None), None)
    as_ofs = sorted({o.result.settings.as_of.isoformat() for o in outcomes if o.result is not None})
    rows: list[tuple[str, object]] = [
        ("As-of date", ", ".join(as_ofs) or "no organisation was analysed"),
        ("Framework", f"{first.framework_title} ({first.framework_id})" if first else ""),
        ("Rules version", first.rules_version if first else ""),
        ("Rules packs", "; ".join(packs) or "bundled rules only"),
        ("Maximum evidence age (months)", first.settings.stale_months if first else ""),
        ("Organisations", len(outcomes)),
        ("Analysed", sum(o.result is not None for o in outcomes)),
        ("Failed", sum(o.result is None for o in outcomes)),
        ("Produced by", f"cse-migrate {first.tool_version}" if first else "cse-migrate"),
    ]
    write_cell(sheet, 1, 1, "Item").font = Font(bold=True)
    write_cell(sheet, 1, 2, "Value").font = Font(bold=True)
    for index, (label, value) in enumerate(rows, start=2):
        write_cell(sheet, index, 1, label)
        write_cell(sheet, index, 2, value)
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 70
    print_setup(sheet)
