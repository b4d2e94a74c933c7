"""The evidence workbook as a review form: a Review sheet with one row per item and a Decision drop-down, and the
hidden sheets that let a later run read the decisions back (:mod:`cse_migrate.analysis.review`).

The drop-down's words live on a hidden Lists sheet and the validation points at that range: Excel limits a list
typed into the validation itself to 255 characters, which the 57 elements of CSE alone pass. The hidden Meta
sheet names the organisation, the framework and the fingerprint scheme, so a workbook is never applied to the
wrong run. When the run applied a review, its decisions and comments are filled in, so the next review starts
from them.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from cse_migrate.model import ItemResult, RunResult
from cse_migrate.output import new_cell
from cse_migrate.reports.common import SheetColumn, print_setup, write_sheet
from cse_migrate.reports.sheet_stream import open_in_memory
from cse_migrate.reviewing import (
    FINGERPRINT_SCHEME,
    HIDDEN_FROM,
    LISTS_SHEET,
    META_SHEET,
    REVIEW_COLUMNS,
    REVIEW_SHEET,
    decision_words,
    fingerprint,
    place_of,
)

REVIEW_SHEETS = (REVIEW_SHEET, LISTS_SHEET, META_SHEET, "Review unmatched")
_WIDTHS = {"Item": 9, "Evidence": 60, "Source": 34, "Status": 10, "Criterion": 10, "Score": 8, "Needs review": 9,
           "Decision": 18, "Comment": 40}
_WRAP = {"Evidence", "Source", "Comment"}
_DECIDE_FILL = "FFF2CC"  # the cells a reviewer fills in, in Excel's pale "input" yellow
DECISIONS_NAME = "ReviewDecisions"  # a defined name over the Lists range, for people writing their own sheets


def review_columns() -> tuple[SheetColumn, ...]:
    """The Review sheet's columns: the ones a reviewer fills in are yellow, the ones after HIDDEN_FROM hidden."""
    return tuple(SheetColumn(h, _WIDTHS.get(h, 14), wrap=h in _WRAP, number_format="0.00" if h == "Score" else None,
                             hidden=index > HIDDEN_FROM, fill=_DECIDE_FILL if h in ("Decision", "Comment") else None)
                 for index, h in enumerate(REVIEW_COLUMNS, start=1))


def review_order(items: tuple[ItemResult, ...]) -> list[ItemResult]:
    """Items needing review first, then the others; input order within each group."""
    flagged = [r for r in items if needs_review(r)]
    return flagged + [r for r in items if not needs_review(r)]


def needs_review(r: ItemResult) -> bool:
    """The tool's flag, as the Review sheet shows it (kept after a reviewer's decision: it is what the tool said)."""
    if r.review is not None:
        return r.review.tool_needs_review
    return r.status == "mapped" and any(m.needs_review for m in r.mappings)


def review_row(r: ItemResult) -> tuple[object, ...]:
    """One row of the Review sheet. The hidden Legacy ref is the reference written beside the text (not one taken
    from a heading), as a rule test's ``cm_ref`` means it."""
    item = r.item
    top = r.mappings[0] if r.mappings and r.status in ("mapped", "unmapped") else None
    criterion = top.criterion if top and r.status == "mapped" else (f"({top.criterion})" if top else None)
    rule = r.noise_rule or r.kind_rule or (r.duplicate_of and f"duplicate of {r.duplicate_of}") or None
    status = r.status if r.kind == "support" else f"{r.status} ({r.kind})"
    mark = r.review
    return (item.id, item.text, item.source.cite(), status, criterion, round(top.score, 4) if top else None,
            "yes" if needs_review(r) else "", mark.decision if mark and mark.decision else None,
            mark.comment if mark and mark.comment else None, fingerprint(item.text, item.source.file),
            place_of(item.source), item.cm_ref.raw if item.cm_ref and not item.ref_from_context else None,
            item.date.isoformat() if item.date else item.date_text, rule)


def add_review_sheets(workbook: Workbook, result: RunResult) -> None:
    """Put the Review sheet first, and add the hidden Lists and Meta sheets (and the unmatched decisions)."""
    sheet = workbook.create_sheet(REVIEW_SHEET, 0)
    workbook.active = 0
    count = write_sheet(sheet, review_columns(), map(review_row, review_order(result.items)), freeze="C2")
    words = decision_words(c.id for c in result.framework.criteria)
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    print_setup(lists)
    header = new_cell(lists, "Decision")
    header.font = Font(bold=True)
    if isinstance(lists, WriteOnlyWorksheet):
        open_in_memory(lists)  # everything about the sheet is set: its rows go to memory, not a temporary file
    lists.append([header])
    for word in words:
        lists.append([new_cell(lists, word)])
    source = f"'{LISTS_SHEET}'!$A$2:$A${len(words) + 1}"
    workbook.defined_names[DECISIONS_NAME] = DefinedName(DECISIONS_NAME, attr_text=source)
    decision_col = get_column_letter(REVIEW_COLUMNS.index("Decision") + 1)
    validation = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                                errorTitle="Decision", error="Pick a decision from the list: Accept, Reject, "
                                "Absence (gap) or Move to ID.", promptTitle="Decision",
                                prompt="Accept, Reject, Absence (gap) or Move to ID", showInputMessage=True)
    last = max(count + 1, 2)
    validation.add(f"{decision_col}2:{decision_col}{last}")
    sheet.data_validations.append(validation)  # written after the rows, so a streamed sheet takes it too
    add_meta_sheet(workbook, result)
    if result.review is not None and result.review.unmatched:
        columns = (SheetColumn("Row", 7), SheetColumn("Item", 9), SheetColumn("Evidence", 60, wrap=True),
                   SheetColumn("Source", 34, wrap=True), SheetColumn("Decision", 18), SheetColumn("Comment", 40))
        write_sheet(workbook.create_sheet("Review unmatched"), columns,
                    ((u.row, u.item, u.text, u.source, u.decision, u.comment) for u in result.review.unmatched))


def add_meta_sheet(workbook: Workbook, result: RunResult) -> None:
    """Who and what the workbook was made for: checked before any decision is applied."""
    meta = workbook.create_sheet(META_SHEET)
    rows = (("organisation", result.settings.organisation), ("framework", result.framework_id),
            ("legacy_framework", str(result.extra.get("legacy_framework", ""))),
            ("fingerprint_scheme", FINGERPRINT_SCHEME), ("as_of", result.settings.as_of.isoformat()),
            ("tool_version", result.tool_version), ("rules_version", result.rules_version))
    write_sheet(meta, (SheetColumn("Key", 20), SheetColumn("Value", 50)), rows, freeze="A2")
    meta.sheet_state = "hidden"
