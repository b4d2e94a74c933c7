"""How a rules pack changes a portfolio's result: ``cse-migrate rules diff INPUT --rules PACK``.

The same inputs are analysed twice with the same options: with the base rules (the bundled ones, or the bundled
ones plus ``--base-rules`` packs) and with the base plus the packs. Items keep their ids between the two runs
(ids follow input order, before any rule is applied), so each item can be compared: its status, its top
criterion and its review flag. Criteria are compared by status and, for hierarchical frameworks, by rating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from cse_migrate.model import ItemResult, RunResult
from cse_migrate.options import RunOptions
from cse_migrate.output import atomic_write, write_cell
from cse_migrate.pipeline import analyse
from cse_migrate.rules import RuleSet
from cse_migrate.rules.loader import source_label


@dataclass(frozen=True)
class ItemChange:
    id: str
    text: str
    where: str
    before: str  # "mapped to 1 (0.82)", "unmapped", "noise (page-number)", "duplicate of E00012"
    after: str
    what: tuple[str, ...]  # "status", "criterion", "review"


@dataclass(frozen=True)
class CriterionChange:
    id: str
    title: str
    before: str
    after: str


@dataclass(frozen=True)
class RulesDiff:
    base: str
    new: str
    items: tuple[ItemChange, ...]
    criteria: tuple[CriterionChange, ...]
    counts_before: dict[str, int]
    counts_after: dict[str, int]


def _state(r: ItemResult) -> tuple[str, str, bool]:
    top = r.mappings[0] if r.status == "mapped" and r.mappings else None
    return r.status, top.criterion if top else "", bool(top and top.needs_review)


def _words(r: ItemResult) -> str:
    if r.status == "mapped" and r.mappings:
        top = r.mappings[0]
        review = ", needs review" if top.needs_review else ""
        return f"mapped to {top.criterion} ({top.score:.2f}{review})"
    if r.status == "noise":
        return f"noise ({r.noise_rule})"
    if r.status == "duplicate":
        return f"duplicate of {r.duplicate_of}"
    return "unmapped"


def compare(before: RunResult, after: RunResult, base: str, new: str) -> RulesDiff:
    """The items and criteria whose outcome differs between two runs over the same inputs."""
    after_by_id = after.item_by_id()
    items = []
    for old in before.items:
        fresh = after_by_id.get(old.item.id)
        if fresh is None:
            continue
        a, b = _state(old), _state(fresh)
        what = tuple(name for name, x, y in zip(("status", "criterion", "review"), a, b, strict=True) if x != y)
        if what:
            items.append(ItemChange(old.item.id, old.item.text, old.item.source.cite(), _words(old), _words(fresh),
                                    what))
    after_criteria = {c.id: c for c in after.criteria}
    criteria = []
    for c in before.criteria:
        other = after_criteria.get(c.id)
        if other is None:
            continue
        old_reading, new_reading = c.rating or c.status, other.rating or other.status
        if old_reading != new_reading:
            criteria.append(CriterionChange(c.id, c.title, old_reading, new_reading))
    return RulesDiff(base, new, tuple(items), tuple(criteria), before.counts(), after.counts())


def diff_rules(inputs: Sequence[Path], base_rules: RuleSet, new_rules: RuleSet, options: RunOptions) -> RulesDiff:
    """Analyse ``inputs`` with both rule sets and compare."""
    before = analyse(inputs, base_rules, options)
    after = analyse(inputs, new_rules, options)
    return compare(before, after, source_label(base_rules.packs), source_label(new_rules.packs))


def format_diff(diff: RulesDiff) -> str:
    lines = [f"Base rules: {diff.base}", f"With packs: {diff.new}"]
    for key in ("mapped", "unmapped", "noise", "duplicate", "needs_review"):
        a, b = diff.counts_before[key], diff.counts_after[key]
        if a != b:
            lines.append(f"  {key}: {a} -> {b}")
    if not diff.items and not diff.criteria:
        lines.append("No item and no criterion changes.")
        return "\n".join(lines)
    if diff.criteria:
        lines.append(f"{len(diff.criteria)} criterion result(s) change:")
        lines.extend(f"  {c.id:<6} {c.title[:48]:<48} {c.before} -> {c.after}" for c in diff.criteria)
    lines.append(f"{len(diff.items)} item(s) change:")
    for change in diff.items:
        lines.append(f"  {change.id} ({change.where}): {change.before} -> {change.after}")
        lines.append(f"    \"{change.text}\"")
    return "\n".join(lines)


def write_diff_workbook(diff: RulesDiff, path: Path) -> None:
    """The diff as an xlsx: a Criteria sheet and an Items sheet (text stored as text, written atomically)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Criteria"
    for col, title in enumerate(("Criterion", "Title", "Base rules", "With packs"), start=1):
        write_cell(sheet, 1, col, title).font = Font(bold=True)
    for row, c in enumerate(diff.criteria, start=2):
        for col, value in enumerate((c.id, c.title, c.before, c.after), start=1):
            write_cell(sheet, row, col, value)
    items = book.create_sheet("Items")
    for col, title in enumerate(("Item", "Where", "Text", "Base rules", "With packs", "What changed"), start=1):
        write_cell(items, 1, col, title).font = Font(bold=True)
    for row, change in enumerate(diff.items, start=2):
        for col, value in enumerate((change.id, change.where, change.text, change.before, change.after,
                                     ", ".join(change.what)), start=1):
            write_cell(items, row, col, value)
    about = book.create_sheet("About")
    write_cell(about, 1, 1, "Base rules")
    write_cell(about, 1, 2, diff.base)
    write_cell(about, 2, 1, "With packs")
    write_cell(about, 2, 2, diff.new)
    for sheet_ in (sheet, items):
        sheet_.freeze_panes = "A2"
    atomic_write(path, lambda tmp: book.save(tmp))
