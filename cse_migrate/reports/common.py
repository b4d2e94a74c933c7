"""Small helpers the report writers share: staleness, strength, reason summaries, fills and stable zips.

Keeping these in one place means the Word report, the Excel portfolio and the batch summary can never
disagree about what "stale" or "strong" means, or which colour a status is painted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from cse_migrate.model import EvidenceItem, FileError, Freshness, ItemResult, Mapping, Reason, RunResult, Source
from cse_migrate.output import clean_text, looks_like_formula, new_cell
from cse_migrate.reports.sheet_frame import Layout, lay_out, print_titles
from cse_migrate.reports.sheet_frame import print_setup as print_setup
from cse_migrate.reports.sheet_stream import (
    RowWriter,
    SheetsWriter,
    finish_streamed_sheets,
    template_cell,
    text_cell,
)
from cse_migrate.reports.zips import StampedZip
from cse_migrate.reports.zips import normalise_zip as normalise_zip
from cse_migrate.reports.zips import write_zip as write_zip

# Fill colours per status: the familiar Excel "good / neutral / bad" palette, so readers need no legend.
STATUS_FILL: dict[str, str] = {"Met": "C6EFCE", "Partially met": "FFEB9C", "Gap": "FFC7CE"}
# Estimated CSE ratings in the same palette, with a deeper green for Compliance Plus.
RATING_FILL: dict[str, str] = {"Compliance Plus": "A9D08E", "Compliance": "C6EFCE", "Partial Compliance": "FFEB9C",
                               "Not evidenced": "FFC7CE"}

StaleLabel = Literal["yes", "no", "undated"]
_STALE_LABELS: dict[Freshness, StaleLabel] = {"old": "yes", "recent": "no", "future": "no", "undated": "undated"}



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
            how, _, value = reason.detail.rpartition("probability ")
            text = f"probability {value}" + (" with the fine-tuned encoder" if "fine-tuned" in how else "") + (
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


def save_workbook(workbook: Workbook, path: Path, when: datetime) -> None:
    """Save an openpyxl workbook stamped ``when`` throughout, so identical content gives identical bytes.

    ``openpyxl.Workbook.save`` overwrites the modified time with "now"; the writer it wraps does not.
    """
    workbook.properties.created = when
    workbook.properties.modified = when
    workbook.properties.creator = "cse-migrate"
    workbook.properties.lastModifiedBy = "cse-migrate"
    finish_streamed_sheets(workbook)
    with StampedZip(path, when) as archive:
        SheetsWriter(workbook, archive).save()


# --- spreadsheet tables ----------------------------------------------------------------------------------

# Excel refuses cells longer than 32,767 characters.
_MAX_CELL_CHARS = 32_000
_HEADER_FONT = Font(bold=True)
_TOP = Alignment(vertical="top")
_TOP_WRAP = Alignment(vertical="top", wrap_text=True)
_HEADER_ALIGN = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True)
class SheetColumn:
    """One spreadsheet column: header, width in characters, whether text wraps, a number format, whether it is
    hidden and how its data cells are filled."""

    header: str
    width: float
    wrap: bool = False
    number_format: str | None = None
    hidden: bool = False
    fill: str | None = None  # RRGGBB for every data cell (the cells a reviewer fills in)
    fill_by_value: dict[str, str] | None = field(default=None, compare=False)  # colour per cell text


def fit_cell(value: object) -> object:
    """Shorten text that Excel could not store, marking the cut; other values pass through."""
    return _fit_text(value) if isinstance(value, str) else value


def _fit_text(text: str) -> str:
    return text if len(text) <= _MAX_CELL_CHARS else text[: _MAX_CELL_CHARS - 1] + "…"


def write_sheet(sheet: Worksheet | WriteOnlyWorksheet, columns: Sequence[SheetColumn],
                rows: Iterable[Sequence[object]], freeze: str = "B2") -> int:
    """Write a bold header and ``rows`` into an empty sheet (text cleaned and never a formula, as
    :func:`~cse_migrate.output.new_cell` stores it), freeze panes, add a filter. Returns the data row count.

    Numbers and dates keep their type so Excel can sort and filter them; a column's number format applies
    only to cells that hold a number or a date (an undated row keeps its text). Everything about the sheet is
    set before its rows, and everything about a row (its cells' styles and fills, its height) with the row, so
    a write-only sheet is streamed to disk row by row (:mod:`cse_migrate.reports.sheet_stream`: the evidence
    workbook of a 200,000-item run) and an ordinary one is filled the same way.
    """
    tab = sheet.sheet_properties.tabColor
    layout = Layout(tuple((c.width, c.hidden) for c in columns), freeze, tab.rgb if tab is not None else None)
    header_height = row_height([c.header for c in columns], [replace(c, wrap=True) for c in columns])
    if isinstance(sheet, WriteOnlyWorksheet):
        print_titles(sheet)  # the rest of the layout is in the sheet's frame, written when the workbook is saved
        count = _stream_rows(sheet, layout, columns, rows, header_height)
    else:
        lay_out(sheet, layout)
        count = _append_rows(sheet, columns, rows, header_height)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return count


_StyleKey = tuple[bool, str | None, bool, str | None]  # wrap, number format, quote prefix, fill colour


def _style_key(value: object, column: SheetColumn, quoted: bool) -> _StyleKey:
    number_format = (column.number_format if column.number_format and isinstance(value, date | int | float)
                     and not isinstance(value, bool) else None)
    colour = column.fill or (column.fill_by_value.get(value) if column.fill_by_value and isinstance(value, str)
                             else None)
    return (column.wrap, number_format, quoted, colour)


def _style(cell: Cell, key: _StyleKey) -> Cell:
    wrap, number_format, quoted, colour = key
    cell.alignment = _TOP_WRAP if wrap else _TOP
    if number_format:
        cell.number_format = number_format
    if quoted:
        cell.quotePrefix = True
    if colour:
        cell.fill = fill(colour)
    return cell


def _header_cell(sheet: Worksheet | WriteOnlyWorksheet, header: str) -> Cell:
    cell = new_cell(sheet, header)
    cell.font = _HEADER_FONT
    cell.alignment = _HEADER_ALIGN
    return cell


def _stream_rows(sheet: WriteOnlyWorksheet, layout: Layout, columns: Sequence[SheetColumn],
                 rows: Iterable[Sequence[object]], header_height: float) -> int:
    """The rows of a write-only sheet, formatted straight into its XML; each kind of cell is styled once.

    One pass over a row's values cleans each text, picks its style and works out the row's height (what
    :func:`row_height` gives), so that every cell is looked at once."""
    writer = RowWriter(sheet, layout)
    # every header cell has the same style: made once (styling a cell looks its style up in the workbook's table)
    plain = _header_cell(sheet, "").style_id
    header_styles = [_header_cell(sheet, c.header).style_id if looks_like_formula(c.header) else plain for c in columns]
    writer.row(1, [c.header for c in columns], header_styles, header_height)
    style_ids = _StyleIds(sheet)
    # per column: its letter, the column, whether it styles every cell alike (but for the quote prefix: no number
    # format, no fills by value) and, for a wrapped column, how many characters fit on a line
    plan = [(letter, c, c.number_format is None and c.fill_by_value is None, _per_line(c) if c.wrap else 0)
            for letter, c in zip(writer.letters, columns, strict=True)]
    count = 0
    for count, values in enumerate(rows, start=1):
        number = count + 1
        cells: list[str] = []
        lines = 1
        for value, (letter, column, same, per_line) in zip(values, plan, strict=True):
            if isinstance(value, str):
                text = _fit_text(value)
                if per_line and text:
                    lines = max(lines, _lines(text, per_line))
                text = clean_text(text)
                quoted = looks_like_formula(text)
                key = (column.wrap, None, quoted, column.fill) if same else _style_key(value, column, quoted)
                cells.append(text_cell(f"{letter}{number}", text, style_ids[key]))
            else:
                key = (column.wrap, None, False, column.fill) if same else _style_key(value, column, False)
                cells.append(writer.cell(f"{letter}{number}", value, style_ids[key]))
        writer.add(number, cells, min(_MAX_ROW_POINTS, _LINE_POINTS * lines))
    writer.flush()
    return count


class _StyleIds(dict[_StyleKey, int]):
    """A streamed sheet's style index per kind of cell, each made (styling a template cell) when first asked
    for, so the workbook's style table lists them in the order the cells come."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        super().__init__()
        self.sheet = sheet

    def __missing__(self, key: _StyleKey) -> int:
        style: int = _style(template_cell(self.sheet), key).style_id
        self[key] = style
        return style


def _append_rows(sheet: Worksheet, columns: Sequence[SheetColumn], rows: Iterable[Sequence[object]],
                 header_height: float) -> int:
    """The rows of an ordinary sheet, as cells."""
    sheet.append([_header_cell(sheet, c.header) for c in columns])
    sheet.row_dimensions[1].height = header_height
    count = 0
    # openpyxl hashes a style object on every assignment; a cell styled like an earlier one takes a copy of
    # that cell's style indexes instead (the same result, and fast)
    styled: dict[_StyleKey, StyleArray] = {}
    for count, values in enumerate(rows, start=1):
        cells = []
        for value, column in zip(values, columns, strict=True):
            cell = new_cell(sheet, fit_cell(value))
            key = _style_key(value, column, bool(cell.quotePrefix))
            if key in styled:
                cell._style = copy(styled[key])
            else:
                styled[key] = copy(_style(cell, key)._style)
            cells.append(cell)
        sheet.append(cells)
        sheet.row_dimensions[count + 1].height = row_height(values, columns)
    return count


# Points per printed line of 11-point text, and Excel's limit on a row's height.
_LINE_POINTS = 15.0
_MAX_ROW_POINTS = 409.0


def row_height(values: Sequence[object], columns: Sequence[SheetColumn]) -> float:
    """A row tall enough for its longest wrapped cell: Excel fits rows on opening, but LibreOffice prints a row
    without a height at one line, so wrapped text would overlap the next row."""
    lines = 1
    for value, column in zip(values, columns, strict=True):
        if column.wrap and isinstance(value, str) and value:
            lines = max(lines, _lines(_fit_text(value), _per_line(column)))
    return min(_MAX_ROW_POINTS, _LINE_POINTS * lines)


def _per_line(column: SheetColumn) -> int:
    """Characters per printed line of a wrapped column at its width."""
    return int(max(1.0, column.width * 1.1))


def _lines(text: str, per_line: int) -> int:
    """Printed lines of ``text`` wrapped at ``per_line`` characters, each line break starting a new one."""
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


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
