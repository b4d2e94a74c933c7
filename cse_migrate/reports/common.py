"""Small helpers the report writers share: staleness, strength, reason summaries, fills and stable zips.

Keeping these in one place means the Word report, the Excel portfolio and the batch summary can never
disagree about what "stale" or "strong" means, or which colour a status is painted.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from cse_migrate.model import EvidenceItem, FileError, Freshness, ItemResult, Mapping, Reason, RunResult, Source
from cse_migrate.output import write_cell

# Fill colours per status: the familiar Excel "good / neutral / bad" palette, so readers need no legend.
STATUS_FILL: dict[str, str] = {"Met": "C6EFCE", "Partially met": "FFEB9C", "Gap": "FFC7CE"}
# Estimated CSE ratings in the same palette, with a deeper green for Compliance Plus.
RATING_FILL: dict[str, str] = {"Compliance Plus": "A9D08E", "Compliance": "C6EFCE", "Partial Compliance": "FFEB9C",
                               "Not evidenced": "FFC7CE"}

StaleLabel = Literal["yes", "no", "undated"]
_STALE_LABELS: dict[Freshness, StaleLabel] = {"old": "yes", "recent": "no", "future": "no", "undated": "undated"}

# Zip timestamps cannot be earlier than 1980; an as-of date before that is clamped.
_ZIP_EPOCH_YEAR = 1980


def stale_label(freshness: Freshness) -> StaleLabel:
    """An item's freshness for a report cell: ``yes`` (old), ``no`` (recent or dated after as-of) or ``undated``."""
    return _STALE_LABELS[freshness]


def strength_label(score: float, strong_threshold: float) -> Literal["strong", "partial"]:
    """Classify one mapping score: strong at or above the threshold, otherwise partial."""
    return "strong" if score >= strong_threshold else "partial"


def as_of_midnight(as_of: date) -> datetime:
    """The timestamp written into document properties, so that the same inputs give the same file."""
    return datetime(as_of.year, as_of.month, as_of.day)


def mapping_for(result: ItemResult, criterion: str) -> Mapping | None:
    """Return the mapping of ``result`` onto ``criterion``, or None if it does not map there."""
    for mapping in result.mappings:
        if mapping.criterion == criterion:
            return mapping
    return None


def other_criteria(result: ItemResult, criterion: str) -> list[str]:
    """List the other criteria an item also supports, so a reader sees evidence shared between sections."""
    return [m.criterion for m in result.mappings if m.criterion != criterion]


def _phrase_text(reason: Reason) -> str:
    """Show the lexicon phrase, and the words actually matched when fuzzy matching bridged a difference."""
    phrase = f'"{reason.detail}"'
    matched = reason.matched.strip()
    if matched and matched.casefold() != reason.detail.strip().casefold():
        phrase += f' (as "{matched}")'
    return phrase


def summarise_reasons(reasons: Iterable[Reason], most: int | None = None) -> str:
    """Summarise reasons as ``phrases: "a", "b"; crosswalk: CW-1; against: "c"`` (order kept, no repeats).

    ``most`` keeps the strongest few of each kind (reasons arrive strongest first) and says how many more.
    """
    groups: dict[str, list[str]] = {"phrase": [], "crosswalk": [], "against": [], "classifier": [], "semantic": []}
    for reason in reasons:
        if reason.kind == "classifier":  # its probability and the words that pulled the item here
            text = reason.detail.replace("trained classifier, probability", "probability") + (
                f" from {reason.matched}" if reason.matched else "")
        elif reason.kind == "semantic" and reason.matched:  # the semantic layer: probability, what it reads like
            text = reason.detail.replace("semantic layer, probability", "probability") + f", {reason.matched}"
        else:
            text = reason.detail if reason.kind in ("crosswalk", "semantic") else _phrase_text(reason)
        bucket = groups.setdefault(reason.kind, [])
        if text not in bucket:
            bucket.append(text)
    labels = {"phrase": "phrases", "crosswalk": "crosswalk", "against": "against",
              "classifier": "trained classifier", "semantic": "semantic"}
    if most is not None:
        for kind, items in groups.items():
            if len(items) > most:
                groups[kind] = [*items[:most], f"+{len(items) - most} more"]
    return "; ".join(f"{labels[kind]}: {', '.join(items)}" for kind, items in groups.items() if items)


# How the reports mark an item a reviewer decided, by verdict (cse_migrate.reviewing.ReviewMark.verdict).
REVIEW_LABELS = {"confirmed": "confirmed by reviewer", "moved": "moved by reviewer",
                 "rejected": "rejected by reviewer", "absence": "absence (gap) by reviewer"}


def review_label(result: ItemResult) -> str:
    """"confirmed by reviewer", "moved by reviewer", ... for a decided item; empty otherwise."""
    return REVIEW_LABELS.get(result.review.verdict, "") if result.review is not None else ""


def review_why(result: ItemResult) -> str:
    """The reviewer's part of an explanation: the verdict, what the tool had said when it differs, the comment."""
    mark = result.review
    label = review_label(result)
    if mark is None or not label:
        return ""
    text = label
    if mark.verdict == "moved":
        text += f" (the tool had {mark.tool_criterion or 'no criterion'})"
    return text + (f": {mark.comment}" if mark.comment else "")


def why_text(result: ItemResult, criterion: str, most: int | None = None) -> str:
    """Why an item maps to ``criterion``: the reviewer's decision, its reasons there, and the other criteria it
    also supports."""
    mapping = mapping_for(result, criterion)
    parts = [review_why(result)]
    parts += [summarise_reasons(mapping.reasons, most)] if mapping is not None else []
    others = other_criteria(result, criterion)
    if others:
        parts.append("also supports: " + ", ".join(others))
    return "; ".join(p for p in parts if p)


def truncate(text: str, limit: int) -> str:
    """Shorten ``text`` to at most ``limit`` characters, cutting at a word boundary and marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    # Cut at the last space unless that would throw away most of the text (one very long "word").
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def legacy_ref(item: EvidenceItem) -> str:
    """The Charter Mark reference as a reader expects it, flagging one inferred from a heading or sheet."""
    if item.cm_ref is None:
        return ""
    if item.ref_from_context:
        return f"{item.cm_ref.full} (from heading or sheet)"
    return item.cm_ref.full


def date_display(item: EvidenceItem) -> str:
    """The evidence date as ISO text, else the date as written, else ``undated``."""
    if item.date is not None:
        return item.date.isoformat()
    if item.date_text:
        return f"{item.date_text} (not a full date)"
    return "undated"


def cite_with_copies(result: ItemResult) -> str:
    """Cite where an item came from, plus the places its folded duplicates came from."""
    text = result.item.source.cite()
    if result.also_found_in:
        text += "; also in: " + ", ".join(s.cite() for s in result.also_found_in)
    return text


def cite_all(sources: Iterable[Source]) -> str:
    """Cite several sources on one line."""
    return ", ".join(s.cite() for s in sources)


def format_errors(errors: Iterable[FileError]) -> str:
    """Join file errors as ``file: message; file: message``."""
    return "; ".join(f"{e.file}: {e.message}" for e in errors)


def run_status(result: RunResult | None, error: str | None) -> str:
    """Classify one organisation's run for the batch summary."""
    if result is None or error:
        return "failed"
    if result.errors:
        return "ok, some files unreadable"
    return "ok"


def normalise_zip(path: Path, when: datetime) -> None:
    """Rewrite a zip (docx, xlsx) with every member stamped ``when``: same content, same bytes.

    python-docx and openpyxl stamp each member with the current time; without this two runs over the
    same evidence would differ byte for byte and defeat checksums and change detection.
    """
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    write_zip(path, members, when)


def write_zip(path: Path, members: Sequence[tuple[str, bytes]], when: datetime) -> None:
    """Write ``members`` (name, content), in order, as a zip with every member stamped ``when``, each compressed
    once: the file :func:`normalise_zip` makes of a zip holding them."""
    stamp = (max(when.year, _ZIP_EPOCH_YEAR), when.month, when.day, 0, 0, 0)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the same "made on" byte whatever platform wrote it
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


def save_workbook(workbook: Workbook, path: Path, when: datetime) -> None:
    """Save an openpyxl workbook stamped ``when`` throughout, so identical content gives identical bytes.

    ``openpyxl.Workbook.save`` overwrites the modified time with "now"; the writer it wraps does not.
    """
    workbook.properties.created = when
    workbook.properties.modified = when
    workbook.properties.creator = "cse-migrate"
    workbook.properties.lastModifiedBy = "cse-migrate"
    # stored, not compressed: normalise_zip compresses every member once when it rewrites the file
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    normalise_zip(path, when)


# --- spreadsheet tables ----------------------------------------------------------------------------------

# Excel refuses cells longer than 32,767 characters.
_MAX_CELL_CHARS = 32_000
_HEADER_FONT = Font(bold=True)
_TOP = Alignment(vertical="top")
_TOP_WRAP = Alignment(vertical="top", wrap_text=True)
_HEADER_ALIGN = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True)
class SheetColumn:
    """One spreadsheet column: header, width in characters, whether text wraps, and a number format."""

    header: str
    width: float
    wrap: bool = False
    number_format: str | None = None


def fit_cell(value: object) -> object:
    """Shorten text that Excel could not store, marking the cut; other values pass through."""
    if isinstance(value, str) and len(value) > _MAX_CELL_CHARS:
        return value[: _MAX_CELL_CHARS - 1] + "…"
    return value


def write_sheet(sheet: Worksheet, columns: Sequence[SheetColumn], rows: Iterable[Sequence[object]],
                freeze: str = "B2") -> int:
    """Write a bold header and ``rows`` (each value through :func:`~cse_migrate.output.write_cell`, so text is
    never a formula), freeze panes, add a filter.

    Numbers and dates keep their type so Excel can sort and filter them; a column's number format applies
    only to cells that hold a number or a date (an undated row keeps its text). Returns the data row count.
    """
    for index, column in enumerate(columns, start=1):
        cell = write_cell(sheet, 1, index, column.header)
        cell.font = _HEADER_FONT
        cell.alignment = _HEADER_ALIGN
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[1].height = row_height([c.header for c in columns], [replace(c, wrap=True) for c in columns])
    count = 0
    # openpyxl hashes a style object on every assignment, which dominated writing 200,000 rows; a cell styled
    # like an earlier one takes a copy of that cell's style indexes instead (the same result, and fast)
    styled: dict[tuple[bool, str | None, bool], StyleArray] = {}
    for row_index, values in enumerate(rows, start=2):
        count += 1
        for index, (value, column) in enumerate(zip(values, columns, strict=True), start=1):
            cell = write_cell(sheet, row_index, index, fit_cell(value))
            number_format = (column.number_format if column.number_format and isinstance(value, date | int | float)
                             and not isinstance(value, bool) else None)
            key = (column.wrap, number_format, bool(cell.quotePrefix))
            if key in styled:
                cell._style = copy(styled[key])
                continue
            cell.alignment = _TOP_WRAP if column.wrap else _TOP
            if number_format:
                cell.number_format = number_format
            styled[key] = copy(cell._style)
        sheet.row_dimensions[row_index].height = row_height(values, columns)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    print_setup(sheet)
    return count


# Points per printed line of 11-point text, and Excel's limit on a row's height.
_LINE_POINTS = 15.0
_MAX_ROW_POINTS = 409.0


def row_height(values: Sequence[object], columns: Sequence[SheetColumn]) -> float:
    """A row tall enough for its longest wrapped cell: Excel fits rows on opening, but LibreOffice prints a row
    without a height at one line, so wrapped text would overlap the next row."""
    lines = 1
    for value, column in zip(values, columns, strict=True):
        if not column.wrap or not isinstance(value, str) or not value:
            continue
        per_line = max(1.0, column.width * 1.1)  # characters per line at the column's width
        wrapped = sum(max(1, -(-len(part) // int(per_line))) for part in str(fit_cell(value)).split("\n"))
        lines = max(lines, wrapped)
    return min(_MAX_ROW_POINTS, _LINE_POINTS * lines)


def print_setup(sheet: Worksheet) -> None:
    """Print landscape on A4, fitted to the page width (as many pages down as needed), repeating the header row
    on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True


def fill(colour: str) -> PatternFill:
    """A solid cell fill in ``colour`` (RRGGBB)."""
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


# --- accounting per file ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileTally:
    """What became of one file's items: ``items = evidence + noise + duplicates`` (evidence is mapped or
    unmapped), alongside the reader's own ``units = blank + structure + items``."""

    evidence: int = 0
    noise: int = 0
    duplicates: int = 0


def tally_files(result: RunResult) -> dict[str, FileTally]:
    """Per cited file name, how many of its items ended as evidence, noise and duplicates."""
    counts: dict[str, dict[str, int]] = {}
    for item in result.items:
        tally = counts.setdefault(item.item.source.file, {"evidence": 0, "noise": 0, "duplicates": 0})
        key = {"noise": "noise", "duplicate": "duplicates"}.get(item.status, "evidence")
        tally[key] += 1
    return {name: FileTally(**tally) for name, tally in counts.items()}
