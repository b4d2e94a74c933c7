"""The migrated evidence portfolio as an Excel workbook.

One sheet per target criterion (evidence best first, with score, strength, staleness, the legacy reference and
exactly where each item came from), then sheets that account for everything else: unmapped evidence,
duplicates folded, noise lines, unreadable files and per-file counts. Every cell goes through
:func:`cse_migrate.output.write_cell`, so evidence text that looks like a formula is stored as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from cse_migrate.model import CriterionResult, ItemResult, RunResult, Settings, Source
from cse_migrate.output import atomic_write, clean_text
from cse_migrate.reports.common import (
    STATUS_FILL,
    FileTally,
    SheetColumn,
    as_of_midnight,
    cite_with_copies,
    legacy_ref,
    save_workbook,
    stale_label,
    strength_label,
    tally_files,
    why_text,
    write_sheet,
)

MAX_SHEET_NAME = 31  # Excel's limit
_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
FIXED_SHEETS = ("Unmapped", "Duplicates", "Noise", "Unreadable files", "Files")
# Excel reserves "History" for its change tracking and will not open a workbook with a sheet of that name.
_RESERVED_SHEET_NAMES = ("history",)

DATE_FORMAT = "yyyy-mm-dd"
SCORE_FORMAT = "0.00"

# Where-from columns shared by every item sheet: the Source fields a reviewer filters on.
SOURCE_COLUMNS = (SheetColumn("File", 28), SheetColumn("Sheet", 16), SheetColumn("Row", 7),
                  SheetColumn("Paragraph", 10), SheetColumn("Table", 7))
CITED_AS = SheetColumn("Cited as", 40, wrap=True)

ITEM = SheetColumn("Item", 9)
EVIDENCE = SheetColumn("Evidence", 60, wrap=True)
LEGACY_REF = SheetColumn("Legacy ref", 12)
DATE = SheetColumn("Date", 12, number_format=DATE_FORMAT)
OWNER = SheetColumn("Owner", 20)

CRITERION_COLUMNS = (
    ITEM, EVIDENCE, SheetColumn("Score", 8, number_format=SCORE_FORMAT), SheetColumn("Strength", 10),
    SheetColumn("Stale", 9), LEGACY_REF, DATE, OWNER, *SOURCE_COLUMNS, SheetColumn("Why", 50, wrap=True),
    CITED_AS,
)
UNMAPPED_COLUMNS = (
    ITEM, EVIDENCE, LEGACY_REF, DATE, OWNER, SheetColumn("Note", 40, wrap=True),
    SheetColumn("Nearest criterion", 10), SheetColumn("Nearest score", 9, number_format=SCORE_FORMAT),
    *SOURCE_COLUMNS, CITED_AS,
)
DUPLICATE_COLUMNS = (ITEM, SheetColumn("Kept as", 9), EVIDENCE, *SOURCE_COLUMNS, CITED_AS)
NOISE_COLUMNS = (ITEM, SheetColumn("Text", 60, wrap=True), SheetColumn("Rule", 24),
                 *SOURCE_COLUMNS, CITED_AS)
ERROR_COLUMNS = (SheetColumn("File", 40), SheetColumn("Reason", 80, wrap=True))
# units read = blank + other skipped + evidence items; evidence items = noise + duplicates + kept as evidence;
# "Not read" counts pieces deliberately left out (headers and footers, comments, deleted text), the notes say which
FILE_COLUMNS = (SheetColumn("File", 40), SheetColumn("Format", 9), SheetColumn("Units read", 11),
                SheetColumn("Blank", 9), SheetColumn("Other skipped", 13), SheetColumn("Evidence items", 14),
                SheetColumn("Noise", 9), SheetColumn("Duplicates", 11), SheetColumn("Kept as evidence", 15),
                SheetColumn("Not read", 10), SheetColumn("Notes", 60, wrap=True))


def write_evidence_workbook(result: RunResult, path: Path) -> None:
    """Write the migrated portfolio for ``result`` to ``path`` (atomically: all or nothing)."""
    workbook = build_evidence_workbook(result)
    when = as_of_midnight(result.settings.as_of)
    workbook.properties.title = clean_text(f"CSE evidence portfolio \u2013 {result.settings.organisation}")
    workbook.properties.subject = clean_text(f"{result.framework_title} ({result.framework_id})")
    atomic_write(path, lambda tmp: save_workbook(workbook, tmp, when))


def build_evidence_workbook(result: RunResult) -> Workbook:
    """Build the workbook in memory: criterion sheets in framework order, then the accounting sheets."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # start empty: every sheet is named on purpose
    items = result.item_by_id()
    used = {name.casefold() for name in (*FIXED_SHEETS, *_RESERVED_SHEET_NAMES)}
    if any(c.parent is not None for c in result.criteria):  # official CSE structure: a sheet per criterion
        from cse_migrate.reports.xlsx_hierarchy import add_rated_sheets

        add_rated_sheets(workbook, result, items, used)
    else:
        for criterion in result.criteria:
            name = unique_sheet_name(sheet_name(criterion.id, criterion.title), used)
            used.add(name.casefold())
            sheet = workbook.create_sheet(name)
            # The tab colour repeats the status colour of the Word report, so the two read alike.
            sheet.sheet_properties.tabColor = STATUS_FILL[criterion.status]
            write_sheet(sheet, CRITERION_COLUMNS, criterion_rows(criterion, items, result.settings))
    by_status = group_by_status(result.items)
    write_sheet(workbook.create_sheet("Unmapped"), UNMAPPED_COLUMNS, map(unmapped_row, by_status["unmapped"]))
    write_sheet(workbook.create_sheet("Duplicates"), DUPLICATE_COLUMNS,
                map(duplicate_row, by_status["duplicate"]))
    write_sheet(workbook.create_sheet("Noise"), NOISE_COLUMNS, map(noise_row, by_status["noise"]))
    write_sheet(workbook.create_sheet("Unreadable files"), ERROR_COLUMNS,
                ((e.file, e.message) for e in result.errors), freeze="A2")
    write_sheet(workbook.create_sheet("Files"), FILE_COLUMNS, file_rows(result), freeze="A2")
    return workbook


def file_rows(result: RunResult) -> list[tuple[object, ...]]:
    """One row per file read, with what became of its items and the notes on how it was read."""
    tallies = tally_files(result)
    rows: list[tuple[object, ...]] = []
    for f in result.files:
        tally = tallies.get(f.file, FileTally())
        rows.append((f.file, f.format, f.units_read, f.skipped_blank, f.skipped_other, len(f.items), tally.noise,
                     tally.duplicates, tally.evidence, f.not_read, "; ".join(f.notes)))
    return rows


def sheet_name(criterion_id: str, title: str) -> str:
    """``"<id> <title>"`` made legal for Excel: no []:*?/\\, no control characters, at most 31 characters."""
    name = _FORBIDDEN_IN_SHEET_NAME.sub("", clean_text(f"{criterion_id} {title}"))
    name = " ".join(name.split())
    # Excel also refuses a name that starts or ends with an apostrophe.
    name = name[:MAX_SHEET_NAME].strip(" '")
    return name or "Criterion"


def unique_sheet_name(name: str, used: set[str]) -> str:
    """Make ``name`` differ from every name in ``used`` (ignoring case, as Excel does) by adding " (2)"."""
    candidate = name
    number = 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = name[: MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
        number += 1
    return candidate


def group_by_status(items: Iterable[ItemResult]) -> dict[str, list[ItemResult]]:
    """Split items by status, keeping input order within each group."""
    groups: dict[str, list[ItemResult]] = {"mapped": [], "unmapped": [], "noise": [], "duplicate": []}
    for item in items:
        groups[item.status].append(item)
    return groups


def source_cells(source: Source) -> tuple[object, ...]:
    """The File, Sheet, Row, Paragraph and Table cells for one source."""
    return (source.file, source.sheet, source.row, source.paragraph, source.table)


def date_cell(result: ItemResult) -> object:
    """The date as a real date when known, else the date as written (or empty)."""
    item = result.item
    return item.date if item.date is not None else item.date_text


def criterion_rows(criterion: CriterionResult, items: dict[str, ItemResult],
                   settings: Settings) -> list[tuple[object, ...]]:
    """One row per item mapped to ``criterion``, best first."""
    rows: list[tuple[object, ...]] = []
    for item_id, score in criterion.evidence:
        found = items.get(item_id)
        if found is None:
            # Should not happen; keep a visible row rather than silently drop the reference.
            head = (item_id, "(item not found in this run)", round(score, 4))
            rows.append(head + (None,) * (len(CRITERION_COLUMNS) - len(head)))
            continue
        rows.append(criterion_row(found, criterion.id, score, settings))
    return rows


def criterion_row(found: ItemResult, criterion_id: str, score: float,
                  settings: Settings) -> tuple[object, ...]:
    """One evidence row of a criterion sheet."""
    item = found.item
    return (item.id, item.text, round(score, 4), strength_label(score, settings.strong_threshold),
            stale_label(item.date, settings.as_of, settings.stale_months), legacy_ref(item), date_cell(found),
            item.owner, *source_cells(item.source), why_text(found, criterion_id), cite_with_copies(found))


def unmapped_row(found: ItemResult) -> tuple[object, ...]:
    """One row of the Unmapped sheet, with the nearest criterion the rules came to."""
    item = found.item
    nearest = max(found.mappings, key=lambda m: m.score, default=None)
    return (item.id, item.text, legacy_ref(item), date_cell(found), item.owner, found.note,
            nearest.criterion if nearest else None, round(nearest.score, 4) if nearest else None,
            *source_cells(item.source), cite_with_copies(found))


def duplicate_row(found: ItemResult) -> tuple[object, ...]:
    """One row of the Duplicates sheet."""
    item = found.item
    return (item.id, found.duplicate_of, item.text, *source_cells(item.source), item.source.cite())


def noise_row(found: ItemResult) -> tuple[object, ...]:
    """One row of the Noise sheet."""
    item = found.item
    return (item.id, item.text, found.noise_rule, *source_cells(item.source), item.source.cite())
