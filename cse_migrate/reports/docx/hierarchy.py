"""The Word report's body for a hierarchical framework (the official CSE structure, cse-2008).

Instead of one flat section per criterion, the report has: an executive summary with an estimated-rating table
and a readiness summary (the rules used, their settings and each setting's provenance); a section per criterion,
then per sub-criterion (then per element, when an element list is loaded), each with its estimated rating, the
reasons behind it, the evidence and what to do; and two extra appendices: where each legacy (Charter Mark)
criterion's evidence went, listing the legacy evidence that found no CSE home, and the same result read against
the five points through the crosswalk. The five-points report is not changed by any of this.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from docx.document import Document

from cse_migrate.model import NOT_EVIDENCED, RATINGS, CriterionResult, ItemResult, RunResult, Settings
from cse_migrate.reports.common import RATING_FILL, cite_with_copies, legacy_ref, truncate
from cse_migrate.reports.docx.layout import (
    EVIDENCE_CHARS,
    Column,
    add_bullets,
    add_heading,
    add_labelled,
    add_shaded_table,
    add_table,
    add_table_or_note,
    add_text,
    plural,
    shade_cell,
)
from cse_migrate.reports.docx.sections import EVIDENCE_COLUMNS, evidence_row, open_summary

_ESTIMATE_NOTE = (
    "Ratings are estimates from the evidence found, on the CSE scale (Compliance Plus, Compliance, Partial "
    "Compliance), with \"Not evidenced\" where nothing was found. The rules behind them are settings in the "
    "framework file, listed below with where each value comes from: the CSE pass threshold, partial-compliance "
    "limit and maximum evidence age are not public, so these are the project's analyst choices. An assessor "
    "judges the evidence itself.")
_LEGACY_NOTE = (
    "Every item that cites a legacy criterion, and where it went. Charter Mark criteria 5 (resources) and 6 "
    "(communities) have little or no home in the CSE structure: their evidence is carried over and listed here, "
    "never dropped. Items with no legacy reference are counted in the last row.")


def add_rated_body(document: Document, result: RunResult) -> None:
    """Executive summary with readiness, then a section per criterion, sub-criterion and element."""
    add_rated_summary(document, result)
    by_id = {c.id: c for c in result.criteria}
    items = result.item_by_id()
    for criterion in (c for c in result.criteria if c.parent is None):
        add_rated_section(document, criterion, by_id, items, result.settings)


def add_rated_appendices(document: Document, result: RunResult) -> None:
    """The appendices only a run against the official structure has."""
    add_legacy_appendix(document, result)
    add_projection_appendix(document, result)


# --- executive summary and readiness ---------------------------------------------------------------------


def rating_sentence(criteria: Sequence[CriterionResult]) -> str:
    """``Of 15 sub-criteria, 3 are estimated at Compliance Plus, ...``, over the leaves (where evidence maps)."""
    leaves = [c for c in criteria if not c.children]
    counts = Counter(c.rating or NOT_EVIDENCED for c in leaves)
    noun = "sub-criteria" if all(c.level == 2 for c in leaves) else "parts (sub-criteria and elements)"
    parts = ", ".join(f"{counts[r]} {r}" for r in RATINGS)
    return f"Of {len(leaves)} {noun} where evidence is mapped, the estimated ratings are: {parts}."


def add_rated_summary(document: Document, result: RunResult) -> None:
    """Counts, the estimated-rating table (criteria and sub-criteria) and the readiness summary."""
    open_summary(document, result, rating_sentence(result.criteria))
    shown = [c for c in result.criteria if c.level <= 2]
    columns = (Column("Criterion", 5.2), Column("Estimated rating", 2.8), Column("Evidence", 2.3),
               Column("Stale", 1.4), Column("Best evidence", 3.6), Column("Status", 1.7))
    rows = [(f"{'    ' if c.level > 1 else ''}{c.id} {c.title}", c.rating or NOT_EVIDENCED,
             f"{c.evidence_count} ({c.strong_count} strong)", str(c.stale_count), ", ".join(c.best[:3]) or "none",
             c.status) for c in shown]
    add_shaded_table(document, columns, rows, [RATING_FILL[c.rating or NOT_EVIDENCED] for c in shown])
    add_readiness(document, result)


def add_readiness(document: Document, result: RunResult) -> None:
    """The verdict, each criterion's counts and shortfalls, and the settings used with their provenance."""
    readiness = result.readiness
    add_heading(document, "Readiness for assessment", 2)
    if readiness is None:
        add_text(document, "No readiness verdict was made for this run.")
        return
    add_labelled(document, "Verdict: ", readiness.summary)
    add_text(document, _ESTIMATE_NOTE)
    columns = (Column("Criterion", 4.6), Column("Ready", 1.4), Column("Parts by rating", 4.4),
               Column("At Compliance or better", 2.2), Column("What stops it", 4.4))
    rows = [(f"{c.id} {c.title}", "yes" if c.ready else "no",
             "; ".join(f"{r}: {n}" for r, n in c.counts), f"{c.compliance_share:.0%} of {c.leaves}",
             " ".join(c.reasons) or "-") for c in readiness.criteria]
    table = add_table(document, columns, rows)
    for row, verdict in zip(table.rows[1:], readiness.criteria, strict=True):
        shade_cell(row.cells[1], RATING_FILL["Compliance" if verdict.ready else NOT_EVIDENCED])
    add_heading(document, "Rules and settings used", 3)
    add_table(document, (Column("Setting", 3.6), Column("Value", 1.4), Column("Meaning", 5.6),
                         Column("Provenance", 6.4)),
              [(u.name, f"{u.value:g}", u.meaning, u.provenance) for u in readiness.settings])


# --- sections --------------------------------------------------------------------------------------------


def add_rated_section(document: Document, node: CriterionResult, by_id: dict[str, CriterionResult],
                      items: dict[str, ItemResult], settings: Settings) -> None:
    """A criterion (Heading 1), sub-criterion (Heading 2) or element (Heading 3) and everything below it."""
    add_heading(document, f"{node.id} {node.title}", min(node.level, 3), new_page=node.level == 1)
    add_labelled(document, "Estimated rating: ", f"{node.rating or NOT_EVIDENCED}.")
    add_bullets(document, node.rating_reasons, empty="No reasons recorded.")
    add_text(document, f"{plural(node.evidence_count, 'evidence item')} ({node.strong_count} strong): "
                       f"{node.fresh_count} fresh, {node.stale_count} stale, {node.undated_count} undated.")
    if node.children:
        children = [by_id[cid] for cid in node.children]
        add_children_table(document, children)
        if node.level > 1:  # a sub-criterion with elements: its own guidance, then each element
            add_guidance(document, node, settings)
        for child in children:
            add_rated_section(document, child, by_id, items, settings)
        return
    add_labelled(document, "Evidence", "")
    rows = [evidence_row(item_id, score, node.id, items, settings) for item_id, score in node.evidence]
    add_table_or_note(document, EVIDENCE_COLUMNS, rows, "No evidence was mapped here.")
    add_guidance(document, node, settings)


def add_children_table(document: Document, children: Sequence[CriterionResult]) -> None:
    """A shaded overview of the parts below a criterion or sub-criterion."""
    columns = (Column("Part", 7.6), Column("Estimated rating", 3.0), Column("Evidence", 2.6),
               Column("Stale", 1.4), Column("Best", 2.4))
    rows = [(f"{c.id} {c.title}", c.rating or NOT_EVIDENCED, f"{c.evidence_count} ({c.strong_count} strong)",
             str(c.stale_count), ", ".join(c.best[:2]) or "none") for c in children]
    table = add_table(document, columns, rows)
    for row, child in zip(table.rows[1:], children, strict=True):
        shade_cell(row.cells[1], RATING_FILL[child.rating or NOT_EVIDENCED])


def add_guidance(document: Document, node: CriterionResult, settings: Settings) -> None:
    """Gaps, stale evidence, suggested actions and the evidence an assessor will expect."""
    add_labelled(document, "Gaps", "")
    add_bullets(document, node.gaps, empty="No gaps found.")
    if node.stale:
        add_labelled(document, "Stale evidence: ",
                     f"{', '.join(node.stale)} dated more than {settings.stale_months} months before the as-of "
                     "date. Show that the practice continues, or replace with recent evidence.")
    add_labelled(document, "Suggested actions", "")
    add_bullets(document, node.actions, empty="No actions suggested.")
    add_labelled(document, "Evidence an assessor will expect", "")
    add_bullets(document, node.expected_evidence, empty="The framework lists no specific evidence here.")


# --- appendices ------------------------------------------------------------------------------------------


def next_appendix(document: Document) -> str:
    """The next free appendix letter, after those the report already has."""
    used = [p.text[9] for p in document.paragraphs
            if p.style is not None and p.style.name == "Heading 1" and p.text.startswith("Appendix ")
            and len(p.text) > 10 and p.text[10] == ":"]
    return chr(max((ord(u) for u in used), default=ord("A") - 1) + 1)


def add_legacy_appendix(document: Document, result: RunResult) -> None:
    """Per legacy criterion: how many items cite it and where they went; then the items with no CSE home."""
    by_id = {c.id: c for c in result.criteria}
    add_heading(document, f"Appendix {next_appendix(document)}: Where the Charter Mark evidence went", 1,
                new_page=True)
    add_text(document, _LEGACY_NOTE)
    titles = dict(result.legacy_titles)
    groups: dict[str, list[ItemResult]] = {cid: [] for cid in titles}
    for r in result.items:
        key = r.item.cm_ref.criterion if r.item.cm_ref is not None else ""
        groups.setdefault(key, []).append(r)
    columns = (Column("Legacy criterion", 4.6), Column("Items", 1.3), Column("Mapped", 1.5),
               Column("Where they went (CSE)", 6.0), Column("No CSE home", 1.8), Column("Noise, duplicates", 1.8))
    rows = [legacy_row(cid, titles.get(cid, "no legacy reference") if cid else "(no legacy reference)",
                       group, by_id) for cid, group in groups.items()]
    add_table(document, columns, rows)
    homeless = [r for r in result.items if r.status == "unmapped" and r.item.cm_ref is not None]
    homeless.sort(key=lambda r: (r.item.cm_ref.criterion not in ("5", "6") if r.item.cm_ref else True,
                                 r.item.cm_ref.criterion if r.item.cm_ref else "", r.item.id))
    add_heading(document, "Legacy evidence with no CSE home", 2)
    add_text(document, "Items that cite a legacy criterion but did not map to any CSE part, criteria 5 and 6 "
                       "first. Keep them with the portfolio: some show practice an assessor may still credit.")
    add_table_or_note(document, (Column("Ref", 1.5), Column("Evidence", 7.2), Column("Source", 3.4),
                                 Column("Legacy ref", 1.9), Column("Note", 3.0)),
                      [(r.item.id, truncate(r.item.text, EVIDENCE_CHARS), cite_with_copies(r), legacy_ref(r.item),
                        r.note) for r in homeless],
                      "Every item citing a legacy criterion found a CSE home.")


def legacy_row(cid: str, title: str, group: Sequence[ItemResult],
               by_id: dict[str, CriterionResult]) -> tuple[str, ...]:
    """One legacy criterion's row: counts, and the CSE criteria its mapped items went to (top mapping)."""
    mapped = [r for r in group if r.status == "mapped"]
    targets = Counter(r.mappings[0].criterion for r in mapped if r.mappings)
    where = "; ".join(f"{t} {by_id[t].title if t in by_id else ''}: {n}".replace("  ", " ")
                      for t, n in sorted(targets.items(), key=lambda kv: (-kv[1], kv[0])))
    unmapped = sum(r.status == "unmapped" for r in group)
    other = sum(r.status in ("noise", "duplicate") for r in group)
    return (f"{cid} {title}" if cid else title, str(len(group)), str(len(mapped)), where or "-", str(unmapped),
            str(other))


def add_projection_appendix(document: Document, result: RunResult) -> None:
    """The same result read against another framework (the five points) through the crosswalk."""
    projection = result.projection
    if projection is None:
        return
    add_heading(document, f"Appendix {next_appendix(document)}: The same evidence against {projection.target_title}",
                1)
    add_text(document, projection.note)
    columns = (Column("Criterion", 4.5), Column("Indicative reading", 3.0), Column("From (crosswalk)", 7.5),
               Column("Evidence", 2.0))
    rows = [(f"{p.id} {p.title}", p.indicative,
             "; ".join(f"{cid} {title} ({reading}; {rel}, strength {strength})"
                       for cid, title, reading, rel, strength in p.sources) or "no crosswalk rule",
             str(len(p.evidence))) for p in projection.criteria]
    add_table(document, columns, rows)
