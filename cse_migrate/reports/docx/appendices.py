"""The appendices, after the findings: every item accounted for, then one compact method appendix.

A. all the evidence, part by part; B. the mappings a person should check; C. evidence not matched to any part;
D. where the Charter Mark evidence went (official CSE runs); E. what was set aside (duplicates, headings and page
furniture, unreadable files); F. method: what was read, the settings with their provenance, the rules version and
checksums.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from cse_migrate.ages import months_before
from cse_migrate.model import NOT_EVIDENCE_NOTE, ItemResult, RunResult
from cse_migrate.reports.common import FileTally, review_label, tally_files
from cse_migrate.reports.docx.findings import best_part, evidence_cells, leaf_ids
from cse_migrate.reports.docx.layout import (
    EVIDENCE_CHARS,
    Body,
    Cell,
    CellText,
    Column,
    add_heading,
    add_small,
    add_table,
    add_text,
    long_date,
    plural,
)
from cse_migrate.reports.docx.long_tables import LazyRows, add_table_or_note
from cse_migrate.reports.docx.review import add_reviewer_decisions
from cse_migrate.reports.plain import cite, document_labels, quote

_METHOD = (
    "Each evidence item is compared with phrases written for every part of the target framework, with a small "
    "tolerance for spelling slips and word endings; phrases that point elsewhere count against. Where an item "
    "carries a Charter Mark reference, the crosswalk from Charter Mark to the target adds a head start for the "
    "parts that reference usually corresponds to; the reference alone never decides. The points become a score "
    "from 0 to 1: an item is filed under a part when its score reaches the filing threshold, and counts as strong "
    "evidence at the strong threshold.",
    "Headings, page numbers, template prompts and similar lines are set aside before scoring, and near-identical "
    "copies are folded into the first occurrence (both listed in Appendix E). An estimated rating counts only "
    "strong evidence dated within the maximum evidence age; the content reading counts strong evidence of any "
    "date. Scores are a guide for preparing a portfolio: an assessor judges the evidence itself.",
)


def add_appendices(body: Body, result: RunResult) -> None:
    labels = document_labels([f.file for f in result.files], result.settings.organisation)
    add_evidence_appendix(body, result, labels)
    add_review_appendix(body, result, labels)
    add_unmapped_appendix(body, result, labels)
    add_legacy_appendix(body, result)
    add_set_aside_appendix(body, result, labels)
    add_method_appendix(body, result, labels)


def add_evidence_appendix(body: Body, result: RunResult, labels: dict[str, str]) -> None:
    add_heading(body, "Appendix A: All evidence by part", 1, new_page=True)
    add_text(body, f"Every item filed as evidence, strongest first within each part. Quotes longer than "
                       f"{EVIDENCE_CHARS} characters are cut with an ellipsis; evidence.xlsx keeps the full text.")
    items = result.item_by_id()
    from cse_migrate.reports.docx.findings import EVIDENCE_COLUMNS
    for part in (c for c in result.criteria if not c.children):
        add_heading(body, f"{part.id} {part.title}", 3)
        rows = LazyRows([items[i] for i, _ in part.evidence if i in items],
                        partial(_evidence_row, parts=[part.id, *leaf_ids(result, part)], labels=labels), by_file)
        add_table_or_note(body, EVIDENCE_COLUMNS, rows, "No evidence was filed here.")


def by_file(r: ItemResult) -> str:
    """The file an item came from: a long table shows something of every file (:class:`LazyRows`)."""
    return r.item.source.file


def _evidence_row(r: ItemResult, parts: list[str], labels: dict[str, str]) -> Sequence[Cell]:
    return evidence_cells(r, best_part(r, parts), labels)


def add_review_appendix(body: Body, result: RunResult, labels: dict[str, str]) -> None:
    add_heading(body, "Appendix B: Filing a person should check", 1, new_page=True)
    add_text(body, "These items were filed with less certainty: a low score, a close second choice, or a "
                       "filing the trained classifier would have made differently. In that band the filing was right "
                       "noticeably less often when measured. Beside each first filing is the tool's estimate of how "
                       "likely it is to sit under the right criterion, from how often filings like it did when "
                       "measured: check the least likely first. Confirm each, or move it, in the Review sheet of "
                       "evidence.xlsx: the next run given that workbook (--review) applies it.")
    titles = dict(result.criteria_titles) | {c.id: c.title for c in result.criteria}
    rows = []
    for r in result.items:
        if r.status != "mapped" or review_label(r):  # a reviewer has decided it (Appendix F counts them)
            continue
        for m in r.mappings:
            if m.needs_review:
                others = [o.criterion for o in r.mappings if o is not m]
                rows.append((CellText(quote(r.item.text, EVIDENCE_CHARS)),
                             CellText(cite(r, labels), f"item {r.item.id}"),
                             f"{m.criterion} {titles.get(m.criterion, '')}".strip(),
                             "-" if m.confidence is None else f"{m.confidence:.0%}",
                             ", ".join(others) or "-"))
    add_table_or_note(body, (Column("Evidence", 7.0), Column("Where", 3.8), Column("Filed under", 3.0),
                                 Column("Chance right", 1.6), Column("Also", 1.6)), rows,
                      "No filing needs checking.")


def unmapped_note(r: ItemResult, titles: dict[str, str]) -> str:
    """Why an item was not filed, in words (the scores stay in evidence.xlsx)."""
    nearest = r.mappings[0].criterion if r.mappings else ""
    # an item the trained classifier set aside may share words with a part: say why it was not filed there (kept
    # short: it repeats down a narrow column; the probability and the deciding words are in evidence.xlsx)
    text = ("read as something other than customer-service evidence"
            if r.note.startswith(NOT_EVIDENCE_NOTE) else
            f"closest to {nearest} {titles.get(nearest, '')}, but not close enough".strip() if nearest else
            "no wording of any part was recognised")
    if r.item.cm_ref is not None:
        text += f"; it cites Charter Mark {r.item.cm_ref.full}"
    return text


def add_unmapped_appendix(body: Body, result: RunResult, labels: dict[str, str]) -> None:
    add_heading(body, "Appendix C: Evidence not matched to any part", 1)
    add_text(body, "Items read but not filed under any part. Review them: some may support a part in words the "
                       "rules do not recognise.")
    titles = {c.id: c.title for c in result.criteria}
    rows = LazyRows([r for r in result.items if r.status == "unmapped"],
                    lambda r: (CellText(quote(r.item.text, EVIDENCE_CHARS)), CellText(cite(r, labels),
                               f"item {r.item.id}"), unmapped_note(r, titles)), by_file)
    add_table_or_note(body, (Column("Evidence", 8.5), Column("Where", 4.2), Column("Note", 4.3)), rows,
                      "Every evidence item was matched.")


def add_legacy_appendix(body: Body, result: RunResult) -> None:
    add_heading(body, "Appendix D: Where the Charter Mark evidence went", 1)
    add_text(body, "Every item that cites a Charter Mark criterion, and where it was filed. Evidence for a "
                       "Charter Mark criterion with little home in the target framework (such as criteria 5, "
                       "resources, and 6, communities, under CSE) is carried over and listed, never dropped.")
    by_id = {c.id: c for c in result.criteria}
    titles = dict(result.legacy_titles)
    groups: dict[str, list[ItemResult]] = {cid: [] for cid in titles}
    for r in result.items:
        groups.setdefault(r.item.cm_ref.criterion if r.item.cm_ref is not None else "", []).append(r)
    rows = []
    for cid, group in groups.items():
        mapped = [r for r in group if r.status == "mapped" and r.mappings]
        places: dict[str, int] = {}
        for r in mapped:
            places[r.mappings[0].criterion] = places.get(r.mappings[0].criterion, 0) + 1
        where = "; ".join(f"{t} {by_id[t].title if t in by_id else ''}: {n}".replace(" :", ":")
                          for t, n in sorted(places.items(), key=lambda kv: (-kv[1], kv[0])))
        name = f"{cid} {titles.get(cid, '')}".strip() if cid else "No Charter Mark reference"
        rows.append((name, str(len(group)), str(len(mapped)), where or "-",
                     str(sum(r.status == "unmapped" for r in group))))
    add_table(body, (Column("Charter Mark criterion", 4.6), Column("Items", 1.3), Column("Filed", 1.3),
                         Column("Where they went", 8.0), Column("Not filed", 1.8)), rows)


def add_set_aside_appendix(body: Body, result: RunResult, labels: dict[str, str]) -> None:
    add_heading(body, "Appendix E: What was set aside", 1)
    duplicates = [r for r in result.items if r.status == "duplicate"]
    noise = [r for r in result.items if r.status == "noise"]
    add_text(body, f"{plural(len(duplicates), 'copy', 'copies')} folded into the item they repeat, "
                       f"{plural(len(noise), 'line')} recognised as headings, page furniture or template text, "
                       f"and {plural(len(result.errors), 'file')} that could not be read.")
    add_heading(body, "Copies folded into an earlier item", 3)
    add_table_or_note(body, (Column("Copy", 8.5), Column("Where", 4.5), Column("Kept as", 4.0)),
                      LazyRows(duplicates, lambda r: (CellText(quote(r.item.text, 160)), CellText(
                          cite(r, labels), f"item {r.item.id}"), f"item {r.duplicate_of}"), by_file),
                      "No copies were found.")
    add_heading(body, "Lines that are not evidence", 3)
    add_table_or_note(body, (Column("Line", 11.0), Column("Where", 6.0)),
                      LazyRows(noise, lambda r: (quote(r.item.text, 160), CellText(cite(r, labels),
                                                                                    f"item {r.item.id}")), by_file),
                      "No lines were set aside.")
    add_heading(body, "Files that could not be read", 3)
    add_table_or_note(body, (Column("File", 6.0), Column("Reason", 11.0)),
                      [(e.file, e.message) for e in result.errors], "Every file was read.")


def add_method_appendix(body: Body, result: RunResult, labels: dict[str, str]) -> None:
    """One compact appendix: how the evidence was read and judged, the settings and where each value comes from,
    the rules version and the rules files' checksums."""
    add_heading(body, "Appendix F: Method, settings and rules", 1, new_page=True)
    for text in _METHOD:
        add_text(body, text)
    settings = result.settings
    cutoff = months_before(settings.as_of, settings.stale_months)
    add_text(body, f"Evidence is assessed as at {long_date(settings.as_of)}; evidence dated before "
                       f"{long_date(cutoff)} ({settings.stale_months} months earlier) is out of date.")
    add_heading(body, "Files read", 3)
    c = result.counts()
    add_text(body, f"{plural(c['read'], 'item')} read from {plural(c['files_read'], 'file')}: {c['mapped']} "
                       f"filed as evidence, {c['unmapped']} not matched, {c['noise']} set aside as headings or page "
                       f"furniture and {plural(c['duplicate'], 'copy', 'copies')} folded. For each file, units "
                       "read = blank + other skipped + items; items = set aside + copies + kept. Not read counts "
                       "parts deliberately left out (page headers and footers, comments, deleted text); the notes "
                       "below say which.")
    tallies = tally_files(result)
    rows = []
    for f in result.files:
        tally = tallies.get(f.file, FileTally())
        rows.append((labels.get(f.file, f.file), f.format, str(f.units_read), str(f.skipped_blank),
                     str(f.skipped_other), str(len(f.items)), str(tally.noise), str(tally.duplicates),
                     str(tally.evidence), str(f.not_read)))
    add_table_or_note(body, (Column("Document", 3.6), Column("Format", 1.5), Column("Units", 1.3),
                                 Column("Blank", 1.3), Column("Other", 1.3), Column("Items", 1.3),
                                 Column("Set aside", 1.6), Column("Copies", 1.6), Column("Kept", 1.2),
                                 Column("Not read", 1.3)),
                      rows, "No files were read.")
    add_text(body, "")
    add_table_or_note(body, (Column("Document", 5.0), Column("File name", 12.0)),
                      [(labels.get(f.file, f.file), f.file) for f in result.files], "")
    for f in result.files:
        for note in f.notes:
            add_small(body, f"{labels.get(f.file, f.file)}: {note}")
    add_heading(body, "Settings and where each value comes from", 3)
    add_table(body, (Column("Setting", 6.4), Column("Value", 1.3), Column("Source", 1.9),
                         Column("Where the value comes from", 7.4)), settings_rows(result))
    add_heading(body, "Rules", 3)
    if len(result.rule_packs) > 1:  # the bundled rules alone are identified by the rules version below
        add_text(body, "Rules packs used, in the order they were laid over each other (the bundled rules "
                           "first); the checksum covers every file of the pack.")
        add_table(body, (Column("Pack", 3.6), Column("Version", 2.6), Column("Provider", 5.0),
                             Column("Checksum", 5.8)),
                  [(p.id, p.version, p.provider, p.sha256[:16]) for p in result.rule_packs])
        add_text(body, "")
    add_text(body, f"Rules version {result.rules_version}, produced with cse-migrate {result.tool_version}. "
                       "The checksums (SHA-256, first 16 characters; results.json has them in full) identify the "
                       "exact rules files used.")
    add_table_or_note(body, (Column("Rules file", 11.0), Column("Checksum", 6.0)),
                      [("/".join(f.path.replace("\\", "/").split("/")[-2:]), f.sha256[:16])
                       for f in result.rule_files],
                      "No rules files were recorded.")
    add_reviewer_decisions(body, result)


def settings_rows(result: RunResult) -> list[tuple[CellText, str, str, str]]:
    """Every setting as used: what it means (its name in small print, as in results.json), its value, who set it
    (bundled rules, a rules pack, the command line) and where the value comes from."""
    s = result.settings
    return [*((CellText(u.meaning, u.name), f"{u.value:g}", u.source, u.provenance) for u in s.used),
            (CellText("Whether the optional semantic matcher added its points to the scores", "semantic"),
             "on" if s.semantic else "off", "command line", "the user's choice (--semantic)")]
