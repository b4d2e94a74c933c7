"""The evidence workbook's sheets: safe sheet names, the columns of each sheet and one row per item.
"""

from __future__ import annotations

import re

from cse_migrate.model import CriterionResult, ItemResult, RunResult, Settings, Source
from cse_migrate.output import clean_text
from cse_migrate.reports.common import (
    FileTally,
    SheetColumn,
    cite_with_copies,
    legacy_ref,
    stale_label,
    strength_label,
    tally_files,
    why_text,
)
from cse_migrate.safe_text import shorten

MAX_SHEET_NAME = 31  # Excel's limit


_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


FIXED_SHEETS = ("Unmapped", "Duplicates", "Noise", "Unreadable files", "Files")


# Excel reserves "History" for its change tracking and will not open a workbook with a sheet of that name.
RESERVED_SHEET_NAMES = ("history",)


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
    name = shorten(name.strip(" '"), MAX_SHEET_NAME).strip(" '")
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
            stale_label(found.freshness), legacy_ref(item), date_cell(found),
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
