"""Sections of the Word report shared by flat and hierarchical frameworks: the summary opening, a criterion's
evidence table, and the appendices that account for every item and file and state the method and settings.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document

from cse_migrate.ages import months_before
from cse_migrate.model import CriterionResult, ItemResult, RunResult, Settings
from cse_migrate.reports.common import (
    FileTally,
    cite_with_copies,
    date_display,
    legacy_ref,
    review_label,
    strength_label,
    tally_files,
    truncate,
    why_text,
)
from cse_migrate.reports.docx.layout import (
    EVIDENCE_CHARS,
    Column,
    add_bullets,
    add_heading,
    add_labelled,
    add_table,
    add_table_or_note,
    add_text,
    long_date,
    plural,
)
from cse_migrate.reports.docx.review import add_reviewer_decisions

_METHOD_TEXT = (
    "Each evidence item is compared with a lexicon of phrases written for every target criterion. Phrases "
    "are matched with a small fuzzy tolerance, so spelling slips and different word endings still count, and "
    "each phrase found adds points towards that criterion. Phrases that point away from a criterion take "
    "points off.",
    "Where an item carries a Charter Mark reference, the crosswalk from the Charter Mark criteria to the "
    "Customer Service Excellence criteria adds a prior: a head start for the criteria that reference "
    "usually corresponds to. The reference alone never decides the mapping; the words of the evidence count "
    "as well.",
    "The points are scaled to a score between 0 and 1. An item is mapped to a criterion when its score "
    "reaches the map threshold, and the mapping counts as strong when it reaches the strong threshold. An "
    "item can support a second criterion when its score there is close to its best score.",
    "Before scoring, lines that are page furniture rather than evidence (headings, page numbers, template "
    "prompts and the like) are recognised by noise rules and listed in Appendix C instead of being scored. "
    "Items whose text is nearly identical to an earlier item are folded into the first one: the copies are "
    "listed in Appendix B and their locations are cited beside the item kept, so nothing is counted twice "
    "and nothing disappears.",
    "Scores are a guide for preparing a portfolio, not an assessment: an assessor will judge the evidence "
    "itself. The 'Why' column shows what each score rests on, so it can be checked.",
)


def counts_sentence(result: RunResult) -> str:
    """Account for every item read, in one sentence whose numbers add up."""
    c = result.counts()
    text = (f"We read {plural(c['read'], 'evidence item')} from {plural(c['files_read'], 'file')}: "
            f"{c['mapped']} mapped to at least one criterion, {c['unmapped']} unmapped, "
            f"{c['noise']} noise (page furniture and headings, not evidence) and "
            f"{plural(c['duplicate'], 'duplicate')} folded into the item they repeat.")
    unreadable = c["files_unreadable"]
    if unreadable:
        text += (f" {plural(unreadable, 'file')} could not be read (see Appendix D); any evidence in "
                 f"{'it' if unreadable == 1 else 'them'} is not counted here.")
    else:
        text += " Every file was read."
    return text


def outcome_sentence(criteria: Sequence[CriterionResult]) -> str:
    """Summarise the statuses, e.g. "Of 5 criteria, 2 are met, 2 partially met and 1 is a gap"."""
    met = sum(c.status == "Met" for c in criteria)
    partial = sum(c.status == "Partially met" for c in criteria)
    gaps = sum(c.status == "Gap" for c in criteria)
    return (f"Of {plural(len(criteria), 'criterion', 'criteria')}, {met} met, {partial} partially met "
            f"and {plural(gaps, 'gap')}.")


def stale_sentence(settings: Settings) -> str:
    """Say what "stale" means for this run."""
    cutoff = months_before(settings.as_of, settings.stale_months)
    return (f"Evidence is counted as stale when dated before {long_date(cutoff)}, more than "
            f"{settings.stale_months} months before the as-of date.")


def evidence_summary(criterion: CriterionResult) -> str:
    """``4 (2 strong)``."""
    return f"{criterion.evidence_count} ({criterion.strong_count} strong)"


def open_summary(document: Document, result: RunResult, outcome: str) -> None:
    """The executive summary's heading and its three opening sentences: counts, outcome, what stale means."""
    add_heading(document, "Executive summary", 1)
    add_text(document, counts_sentence(result))
    add_text(document, outcome)
    add_text(document, stale_sentence(result.settings))


# Widths leave room for a wider fallback font where Calibri is not installed (LibreOffice on Linux).
EVIDENCE_COLUMNS = (Column("Ref", 1.8), Column("Evidence", 5.5), Column("Source", 3.0), Column("Date", 2.0),
                    Column("Score", 1.4), Column("Why", 3.3))


REVIEW_COLUMNS = (Column("Ref", 1.6), Column("Evidence", 6.5), Column("Source", 3.4), Column("Mapped to", 1.6),
                  Column("Score", 1.3), Column("Also", 2.6))


def evidence_row(item_id: str, score: float, criterion: str, items: dict[str, ItemResult],
                 settings: Settings) -> tuple[str, ...]:
    """One row of a criterion's evidence table."""
    found = items.get(item_id)
    score_text = f"{score:.2f}\n{strength_label(score, settings.strong_threshold)}"
    if found is None:
        # Should not happen; show it rather than hide it, so the inconsistency gets noticed.
        return (item_id, "(item not found in this run)", "", "", score_text, "")
    ref = item_id
    if found.item.cm_ref is not None:
        ref += f"\nCM {found.item.cm_ref.full}"
    if review_label(found):
        pass  # decided: the Why column says so ("confirmed by reviewer", "moved by reviewer")
    elif any(m.criterion == criterion and m.needs_review for m in found.mappings):
        score_text += "\ncheck (Appendix G)"
    return (ref, truncate(found.item.text, EVIDENCE_CHARS), cite_with_copies(found),
            date_display(found.item), score_text, why_text(found, criterion, most=4))


def add_criterion_section(document: Document, criterion: CriterionResult, items: dict[str, ItemResult],
                          settings: Settings) -> None:
    """Status, evidence, gaps, stale evidence, actions and expected evidence for one criterion."""
    add_heading(document, f"{criterion.id} {criterion.title}", 1, new_page=True)
    status = add_labelled(document, "Status: ", f"{criterion.status}.  ")
    status.add_run("Strength of evidence: ").bold = True
    status.add_run(criterion.strength + ".")
    add_text(document, f"{plural(criterion.evidence_count, 'evidence item')} "
                       f"({criterion.strong_count} strong): {criterion.fresh_count} fresh, "
                       f"{criterion.stale_count} stale, {criterion.undated_count} undated.")

    add_heading(document, "Evidence", 2)
    rows = [evidence_row(item_id, score, criterion.id, items, settings)
            for item_id, score in criterion.evidence]
    add_table_or_note(document, EVIDENCE_COLUMNS, rows, "No evidence was mapped to this criterion.")

    add_heading(document, "Gaps", 2)
    add_bullets(document, criterion.gaps, empty="No gaps found.")
    if criterion.stale:
        verb = "is" if len(criterion.stale) == 1 else "are"
        add_labelled(document, "Stale evidence: ",
                     f"{', '.join(criterion.stale)} {verb} dated more than {settings.stale_months} months "
                     "before the as-of date. Show that the practice continues, or replace with recent "
                     "evidence.")

    add_heading(document, "Suggested actions", 2)
    add_bullets(document, criterion.actions, empty="No actions suggested.")
    add_heading(document, "Evidence an assessor will expect", 2)
    add_bullets(document, criterion.expected_evidence, empty="The framework lists no specific evidence.")


def add_appendices(document: Document, result: RunResult) -> None:
    """Appendices A to F: everything not mapped, every file, and how the scores were formed."""
    by_status: dict[str, list[ItemResult]] = {"unmapped": [], "duplicate": [], "noise": []}
    for item in result.items:
        if item.status in by_status:
            by_status[item.status].append(item)
    add_unmapped_appendix(document, by_status["unmapped"])
    add_duplicates_appendix(document, by_status["duplicate"])
    add_noise_appendix(document, by_status["noise"])
    add_unreadable_appendix(document, result)
    add_files_appendix(document, result)
    add_method_appendix(document, result)
    add_review_appendix(document, result)


def add_review_appendix(document: Document, result: RunResult) -> None:
    """Mappings in the score band where measured accuracy drops, for a person to confirm or move."""
    add_heading(document, "Appendix G: Mappings a person should check", 1)
    settings = result.settings
    add_text(document, f"A mapping is listed here when its score is below {settings.review_below:.2f}, or when "
                       f"the best criterion is less than {settings.review_margin:.2f} ahead of the next one: "
                       "in that band the mapping was right noticeably less often when measured on the "
                       "labeled corpus (see the README). Confirm each, or move the evidence where it belongs, "
                       "in the Review sheet of evidence.xlsx; a reviewer's decisions are applied by the next "
                       "run given that workbook (--review).")
    rows = [(r.item.id, truncate(r.item.text, EVIDENCE_CHARS), r.item.source.cite(), m.criterion,
             f"{m.score:.2f}", ", ".join(o.criterion for o in r.mappings if o is not m) or "-")
            for r in result.items if r.status == "mapped" and not review_label(r)
            for m in r.mappings if m.needs_review]
    add_table_or_note(document, REVIEW_COLUMNS, rows, "No mapping needs checking.")


def add_unmapped_appendix(document: Document, unmapped: Sequence[ItemResult]) -> None:
    """Evidence read but not matched to any criterion: worth a human look."""
    add_heading(document, "Appendix A: Unmapped evidence", 1, new_page=True)
    add_text(document, "Items that did not reach the map threshold for any criterion. Review them: some may "
                       "support a criterion in words the rules do not recognise.")
    columns = (Column("Ref", 1.5), Column("Evidence", 7.0), Column("Source", 3.2), Column("Legacy ref", 2.0),
               Column("Note", 3.3))
    rows = [(r.item.id, truncate(r.item.text, EVIDENCE_CHARS), cite_with_copies(r), legacy_ref(r.item),
             r.note) for r in unmapped]
    add_table_or_note(document, columns, rows, "Every evidence item was mapped.")


def add_duplicates_appendix(document: Document, duplicates: Sequence[ItemResult]) -> None:
    """Copies folded into an earlier item, so the reader can see they were counted once, not lost."""
    add_heading(document, "Appendix B: Duplicates folded", 1)
    columns = (Column("Ref", 1.5), Column("Kept as", 1.5), Column("Evidence", 9.5), Column("Source", 4.5))
    rows = [(r.item.id, r.duplicate_of or "", truncate(r.item.text, EVIDENCE_CHARS), r.item.source.cite())
            for r in duplicates]
    add_table_or_note(document, columns, rows, "No duplicates were found.")


def add_noise_appendix(document: Document, noise: Sequence[ItemResult]) -> None:
    """Lines recognised as page furniture, listed so that the rule's judgement can be checked."""
    add_heading(document, "Appendix C: Noise lines not treated as evidence", 1)
    columns = (Column("Ref", 1.5), Column("Text", 8.0), Column("Source", 4.5), Column("Rule", 3.0))
    rows = [(r.item.id, truncate(r.item.text, EVIDENCE_CHARS), r.item.source.cite(), r.noise_rule or "")
            for r in noise]
    add_table_or_note(document, columns, rows, "No lines were set aside as noise.")


def add_unreadable_appendix(document: Document, result: RunResult) -> None:
    """Files that could not be read: their evidence is missing from this report."""
    add_heading(document, "Appendix D: Files that could not be read", 1)
    columns = (Column("File", 6.0), Column("Reason", 11.0))
    rows = [(e.file, e.message) for e in result.errors]
    add_table_or_note(document, columns, rows, "All files were read.")


def add_files_appendix(document: Document, result: RunResult) -> None:
    """Accounting per file: units looked at, blanks and other lines skipped, evidence items taken and what
    became of them, then any notes on how a file was read."""
    add_heading(document, "Appendix E: Files read", 1)
    add_text(document, "For every file, units read (rows or paragraphs) = blank + other skipped + evidence "
                       "items, and evidence items = noise + duplicates + kept (mapped or unmapped).")
    columns = (Column("File", 4.4), Column("Format", 1.4), Column("Units read", 1.5), Column("Blank", 1.3),
               Column("Other skipped", 1.6), Column("Evidence items", 1.6), Column("Noise", 1.4),
               Column("Duplicates", 1.8), Column("Kept", 1.4))
    tallies = tally_files(result)
    rows = []
    for f in result.files:
        tally = tallies.get(f.file, FileTally())
        rows.append((f.file, f.format, str(f.units_read), str(f.skipped_blank), str(f.skipped_other),
                     str(len(f.items)), str(tally.noise), str(tally.duplicates), str(tally.evidence)))
    add_table_or_note(document, columns, rows, "No files were read.")
    notes = [(f.file, note) for f in result.files for note in f.notes]
    if notes:
        add_heading(document, "Notes on how files were read", 2)
        add_table(document, (Column("File", 6.0), Column("Note", 11.0)), notes)


def settings_rows(settings: Settings) -> list[tuple[str, str, str, str]]:
    """Every setting of the run with its value, where the value came from and what it means."""
    return [
        ("as_of", settings.as_of.isoformat(), "run option", "The date the evidence is assessed at"),
        *((u.name, f"{u.value:g}", u.source, u.meaning) for u in settings.used),
        ("semantic", "on" if settings.semantic else "off", "command line",
         "Whether the optional semantic matcher (--semantic) added its points to the scores"),
    ]


def add_method_appendix(document: Document, result: RunResult) -> None:
    """Settings, rule files with checksums, and how scores are formed, so the run can be reproduced."""
    add_heading(document, "Appendix F: Method", 1)
    add_heading(document, "Settings", 2)
    add_table(document, (Column("Setting", 5.2), Column("Value", 1.4), Column("Source", 1.9), Column("Meaning", 8.5)),
              settings_rows(result.settings))
    add_heading(document, "Rule files", 2)
    add_text(document, f"Rules version {result.rules_version}. A SHA-256 checksum identifies the exact "
                       "content of each rules file used.")
    add_table_or_note(document, (Column("File", 6.5), Column("SHA-256", 10.5)),
                      [(f.path, f.sha256) for f in result.rule_files], "No rule files were recorded.")
    add_heading(document, "How scores are formed", 2)
    for text in _METHOD_TEXT:
        add_text(document, text)
    add_reviewer_decisions(document, result)
