"""The findings, after the executive summary: one section per criterion, the reading against the five points (for
an official CSE run), and the action plan with its checklist.

Each part (sub-criterion, or criterion of a flat framework) gets its two axes, one sentence a client can act on,
its strongest evidence (quoted, with file and place; the full list is in Appendix A) and its actions.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.shared import Cm, Pt

from cse_migrate.model import CriterionResult, ItemResult, RunResult
from cse_migrate.reports.actions import Action
from cse_migrate.reports.docx.layout import (
    EVIDENCE_CHARS,
    FINDING_CHARS,
    Body,
    CellText,
    Column,
    add_heading,
    add_labelled,
    add_paragraph,
    add_table,
    add_text,
    plural,
    run_xml,
)
from cse_migrate.reports.docx.long_tables import add_table_or_note
from cse_migrate.reports.docx.summary import fill_for
from cse_migrate.reports.docx.words import currency_text, finding, held_back_sentence, held_back_text, reading
from cse_migrate.reports.plain import cite, document_labels, quote, reason_sentence

STRONGEST_SHOWN = 2
PART_COLUMNS = (Column("Part", 5.6), Column("Content shows", 2.8), Column("Evidence age", 3.3),
                Column("Estimated reading", 2.8), Column("Held back by", 2.5))
EVIDENCE_COLUMNS = (Column("Evidence", 6.6), Column("Where", 3.9), Column("Date", 2.1),
                    Column("Why it is here", 4.4))
ACTION_COLUMNS = (Column("Priority", 1.8), Column("Action", 7.2), Column("Raised by", 8.0))
# a checklist line: 2 pt after, indented 0.6 cm with its box hanging 0.5 cm to the left (python-docx's
# space_after, left_indent and a negative first_line_indent)
_CHECKBOX = f'<w:spacing w:after="{Pt(2).twips}"/><w:ind w:left="{Cm(0.6).twips}" w:hanging="{Cm(0.5).twips}"/>'


def evidence_cells(r: ItemResult, part: str, labels: dict[str, str], limit: int = EVIDENCE_CHARS) -> tuple[
        CellText, CellText, str, str]:
    """Evidence (quoted, cut beyond ``limit``), where it is (the item id in small print), date and why."""
    date = r.item.date.isoformat() if r.item.date else (r.item.date_text or "undated")
    age = {"old": "out of date", "future": "after the as-of date"}.get(r.freshness, "")
    return (CellText(quote(r.item.text, limit)), CellText(cite(r, labels), f"item {r.item.id}"),
            f"{date}{' (' + age + ')' if age else ''}", reason_sentence(r, part))


def add_findings(body: Body, result: RunResult, actions: Sequence[Action]) -> None:
    """A section per top-level criterion, parts in framework order."""
    by_id = {c.id: c for c in result.criteria}
    labels = document_labels([f.file for f in result.files], result.settings.organisation)
    items = result.item_by_id()
    roots = [c for c in result.criteria if c.parent is None]
    flat = all(not c.children for c in roots)
    if flat:  # the executive summary's table already shows every criterion's two axes
        add_heading(body, "Findings by criterion", 1, new_page=False)
    for root in roots:
        if flat:
            add_part(body, result, root, items, labels, actions, level=2)
            continue
        add_heading(body, f"{root.id} {root.title}", 1)
        children = [by_id[cid] for cid in root.children]
        add_labelled(body, "Estimated reading: ", f"{reading(root)}. ", held_back_sentence(root))
        verdict = next((v for v in result.readiness.criteria if v.id == root.id), None) \
            if result.readiness is not None else None
        if verdict is not None:
            add_labelled(body, "Readiness: ", "ready." if verdict.ready else
                         "not yet: " + " ".join(verdict.reasons))
        add_parts_table(body, result, children)
        for child in children:
            add_part(body, result, child, items, labels, actions, level=2)


def add_parts_table(body: Body, result: RunResult, parts: Sequence[CriterionResult]) -> None:
    rows = [(f"{c.id} {c.title}", c.coverage, currency_text(result, c), reading(c), held_back_text(c))
            for c in parts]
    add_table(body, PART_COLUMNS, rows, [(None, fill_for(c.coverage), None, fill_for(reading(c)), None) for c in parts])


def add_part(body: Body, result: RunResult, part: CriterionResult, items: dict[str, ItemResult],
             labels: dict[str, str], actions: Sequence[Action], level: int) -> None:
    """One part: its finding, its strongest evidence and its actions (elements are covered in Appendix A)."""
    add_heading(body, f"{part.id} {part.title}", level)
    add_labelled(body, f"{reading(part)}. ", finding(result, part))
    leaves = [part.id, *leaf_ids(result, part)]
    shown = [items[i] for i, _ in part.evidence[:STRONGEST_SHOWN] if i in items]
    if shown:
        rows = [evidence_cells(r, best_part(r, leaves), labels, FINDING_CHARS) for r in shown]
        add_table(body, EVIDENCE_COLUMNS, rows)
        if part.evidence_count > len(shown):
            add_text(body, f"Strongest {len(shown)} of {plural(part.evidence_count, 'item')}; Appendix A "
                               "lists them all.")
    own = [a for a in actions if a.part in leaves]
    for action in own:
        add_paragraph(body, run_xml(f"{action.priority_name}: ", bold=True) + run_xml(action.cited() + "."),
                      style="List Bullet")


def leaf_ids(result: RunResult, part: CriterionResult) -> list[str]:
    """Every part below ``part`` (elements under a sub-criterion)."""
    by_id = {c.id: c for c in result.criteria}
    out: list[str] = []
    stack = list(part.children)
    while stack:
        cid = stack.pop(0)
        out.append(cid)
        stack.extend(by_id[cid].children if cid in by_id else ())
    return out


def best_part(r: ItemResult, parts: Sequence[str]) -> str:
    """The part among ``parts`` an item maps to (the first mapping there)."""
    return next((m.criterion for m in r.mappings if m.criterion in parts), parts[0])


def add_five_points_reading(body: Body, result: RunResult) -> None:
    """One page: the same evidence read against the five points of 2008, through the crosswalk."""
    projection = result.projection
    if projection is None:
        return
    add_heading(body, f"Reading against {projection.target_title}", 1, new_page=True)
    add_text(body, "The same evidence, read against the five points announced in 2008 through the project's "
                       "crosswalk. Nothing is re-mapped: each point takes the reading of the part that feeds it "
                       "most strongly. It is a reading aid, not a second assessment.")
    columns = (Column("Point", 4.2), Column("Indicative reading", 3.0), Column("Fed by", 8.0),
               Column("Evidence items", 1.8))
    rows = [(f"{p.id} {p.title}", p.indicative,
             "; ".join(f"{cid} {title} ({value})" for cid, title, value, _rel, _strength in p.sources[:4])
             or "no part of this framework feeds it", str(len(p.evidence))) for p in projection.criteria]
    add_table(body, columns, rows, [(None, fill_for(p.indicative)) for p in projection.criteria])


def add_action_plan(body: Body, result: RunResult, actions: Sequence[Action]) -> None:
    """Every action, most urgent first, with the evidence behind it; then the checklist of expected evidence."""
    add_heading(body, "Action plan", 1, new_page=True)
    add_text(body, "Each action comes from the evidence: a practice the evidence says is missing or has lapsed, "
                       "a plan not yet carried out, a strength whose evidence is out of date, or a part with too "
                       "little evidence.")
    rows = [(action.priority_name, CellText(action.text, f"{action.part} {action.part_title}"),
             CellText(f"{action.quote} ({action.where})" if action.quote else "nothing read shows it",
                      f"item {action.item}" if action.item else "")) for action in actions]
    add_table_or_note(body, ACTION_COLUMNS, rows, "No actions: the evidence shows no gaps.")
    add_heading(body, "Checklist: evidence an assessor will expect", 2)
    add_text(body, "The general evidence each part asks for, to tick off while preparing the portfolio.")
    leaves = [c for c in result.criteria if not c.children and c.expected_evidence]
    for leaf in leaves:
        add_labelled(body, f"{leaf.id} {leaf.title}", "")
        for line in leaf.expected_evidence:
            add_text(body, f"\u2610  {line}", properties=_CHECKBOX)
