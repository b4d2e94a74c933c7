"""The Word gap-analysis report: what an organisation hands to a Customer Service Excellence assessor.

Layout: a title page, a table of contents (a real TOC field Word fills in when the document is opened), an
executive summary with a colour-coded status table, one section per target criterion (evidence, gaps, stale
evidence, suggested actions, the evidence an assessor will expect) and appendices that account for every
item and every file read, plus the method and settings used. The same :class:`RunResult` always gives the
same file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from docx import Document as new_document
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from cse_migrate.gaps import months_before
from cse_migrate.model import CriterionResult, ItemResult, RunResult, Settings
from cse_migrate.output import atomic_write, clean_text
from cse_migrate.reports.common import (
    STATUS_FILL,
    FileTally,
    as_of_midnight,
    cite_with_copies,
    date_display,
    legacy_ref,
    normalise_zip,
    strength_label,
    tally_files,
    truncate,
    why_text,
)

TITLE = "Customer Service Excellence gap analysis"
TOC_PLACEHOLDER = "Right-click to update the table of contents"
TOC_INSTRUCTION = r'TOC \o "1-3" \h \z \u'
# "Table Grid" ships in python-docx's default template and prints well in black and white.
TABLE_STYLE = "Table Grid"
HEADER_FILL = "D9D9D9"
EVIDENCE_CHARS = 400  # long narrative paragraphs are cut here; the Excel portfolio keeps the full text
BODY_FONT = "Calibri"
BODY_SIZE = Pt(10.5)
TABLE_SIZE = Pt(9)
_RUN_BREAKS = re.compile(r"(\t|\r|\n)")  # what python-docx turns into w:tab and w:br inside a run

# English month names written out, so the title page does not depend on the machine's locale.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")

# Elements that must follow w:updateFields inside w:settings (schema order; Word rejects out-of-order XML).
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
                        "decimalSymbol", "listSeparator")

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


@dataclass(frozen=True)
class Column:
    """A table column: its header and its width on an A4 page with 2 cm margins (17 cm to share)."""

    header: str
    width_cm: float


def write_gap_report(result: RunResult, path: Path) -> None:
    """Write the gap-analysis report for ``result`` to ``path`` (atomically: all or nothing)."""
    document = build_gap_document(result)
    when = as_of_midnight(result.settings.as_of)

    def save(tmp: Path) -> None:
        document.save(str(tmp))
        normalise_zip(tmp, when)

    atomic_write(path, save)


def build_gap_document(result: RunResult) -> Document:
    """Build the whole report in memory (separate from saving so it can be inspected in tests)."""
    document = new_document()
    set_up_page(document)
    set_properties(document, result)
    request_field_update(document)
    add_footer(document)
    add_title_page(document, result)
    add_contents(document)
    hierarchical = any(c.parent is not None for c in result.criteria)
    if hierarchical:  # the official CSE structure: ratings, readiness, criteria > sub-criteria > elements
        from cse_migrate.reports.docx_hierarchy import add_rated_appendices, add_rated_body

        add_rated_body(document, result)
    else:
        add_executive_summary(document, result)
        items = result.item_by_id()
        for criterion in result.criteria:
            add_criterion_section(document, criterion, items, result.settings)
    add_appendices(document, result)
    if hierarchical:
        add_rated_appendices(document, result)
    return document


# --- document set-up -------------------------------------------------------------------------------------


def set_up_page(document: Document) -> None:
    """A4 with 2 cm margins (UK public-sector paper) and a plain, legible body font."""
    for section in document.sections:
        section.page_width = Cm(21.0)
        section.page_height = Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.0))
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE


def set_properties(document: Document, result: RunResult) -> None:
    """Set title and author, and stamp the as-of date rather than "now" so reruns give identical files."""
    when = as_of_midnight(result.settings.as_of)
    props = document.core_properties
    props.title = clean_text(f"CSE gap analysis \u2013 {result.settings.organisation}")
    props.subject = clean_text(f"{result.framework_title} ({result.framework_id})")
    props.author = "cse-migrate"
    props.last_modified_by = "cse-migrate"
    props.comments = clean_text(f"cse-migrate {result.tool_version}; rules {result.rules_version}")
    props.language = "en-GB"
    props.created = when
    props.modified = when
    props.revision = 1


def request_field_update(document: Document) -> None:
    """Ask Word to refresh fields on opening, so the table of contents fills itself in."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    successors = {qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS}
    for child in settings:
        if child.tag in successors:
            child.addprevious(update)
            return
    settings.append(update)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a complex field (begin, instruction, separate, shown text, end) to ``paragraph``.

    Complex fields rather than w:fldSimple because Word and LibreOffice both update them reliably.
    """
    add_field_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    add_field_char(paragraph, "separate")
    paragraph.add_run(placeholder)
    add_field_char(paragraph, "end")


def add_field_char(paragraph: Paragraph, kind: str) -> None:
    """Append one w:fldChar run of the given type."""
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def add_footer(document: Document) -> None:
    """Put "Page N" centred in the footer of every page."""
    for section in document.sections:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        add_field(paragraph, "PAGE", "1")


# --- text helpers ----------------------------------------------------------------------------------------


def add_text(document: Document, text: str, style: str | None = None) -> Paragraph:
    """Add a paragraph of cleaned text."""
    paragraph = document.add_paragraph(clean_text(text))
    if style is not None:
        paragraph._p.style = style_id(document, style)
    return paragraph


# Paragraph style name -> style id, per document: python-docx looks a name up by scanning every style of the
# document, which cost a fifth of a report's time when done for each paragraph.
_STYLE_IDS: WeakKeyDictionary[object, dict[str, str | None]] = WeakKeyDictionary()  # keyed by document part


def style_id(document: Document, name: str) -> str | None:
    """The id of paragraph style ``name`` in ``document`` (None for the default style), looked up once."""
    ids = _STYLE_IDS.setdefault(document.part, {})  # the Document proxy itself is not hashable
    if name not in ids:
        style = document.styles[name]
        # python-docx writes no w:pStyle for the default paragraph style; neither do we
        ids[name] = None if style == document.styles.default(WD_STYLE_TYPE.PARAGRAPH) else style.style_id
    return ids[name]


def add_heading(document: Document, text: str, level: int, new_page: bool = False) -> Paragraph:
    """Add a "Heading N" paragraph, optionally starting a new page."""
    paragraph = add_text(document, text, style=f"Heading {level}")
    if new_page:
        paragraph.paragraph_format.page_break_before = True
    return paragraph


def add_page_break(document: Document) -> None:
    """End the page here (a paragraph holding a page break, as Word itself writes it)."""
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def add_bullets(document: Document, lines: Iterable[str], empty: str) -> None:
    """Add a bulleted list, or the sentence ``empty`` when there is nothing to list."""
    added = False
    for line in lines:
        add_text(document, line, style="List Bullet")
        added = True
    if not added:
        add_text(document, empty)


def add_labelled(document: Document, label: str, text: str) -> Paragraph:
    """Add a paragraph whose first words are bold, e.g. "Status: Met"."""
    paragraph = document.add_paragraph()
    paragraph.add_run(clean_text(label)).bold = True
    paragraph.add_run(clean_text(text))
    return paragraph


def long_date(value: date) -> str:
    """Write a date as "31 March 2009"."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """``1 item`` / ``2 items``."""
    word = noun if count == 1 else (plural_noun or noun + "s")
    return f"{count} {word}"


# --- tables ----------------------------------------------------------------------------------------------


def fill_cell(cell: _Cell, text: str, bold: bool = False) -> None:
    """Write cleaned text into a table cell in the smaller table font."""
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(clean_text(text))
    run.font.size = TABLE_SIZE
    run.bold = bold


def shade_cell(cell: _Cell, fill: str) -> None:
    """Colour a cell's background via w:shd in its tcPr."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr = cell._tc.get_or_add_tcPr()
    # w:shd must come after the cell width (w:tcW) and before alignment elements; width is set first.
    tc_pr.append(shading)


def mark_header_row(row: _Row) -> None:
    """Repeat the row at the top of every page the table spans, and keep it in one piece."""
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        tr_pr.append(element)


def add_table(document: Document, columns: Sequence[Column], rows: Iterable[Sequence[str]]) -> Table:
    """Add a grid table with a bold, shaded, repeating header row and fixed column widths."""
    table: Table = document.add_table(rows=1, cols=len(columns))
    table.style = TABLE_STYLE
    table.autofit = False
    for grid_column, column in zip(table.columns, columns, strict=True):
        grid_column.width = Cm(column.width_cm)  # the grid widths LibreOffice uses
    header = table.rows[0]
    mark_header_row(header)
    for cell, column in zip(header.cells, columns, strict=True):
        cell.width = Cm(column.width_cm)  # the cell widths Word uses
        fill_cell(cell, column.header, bold=True)
        shade_cell(cell, HEADER_FILL)
    # The body rows are written as XML and parsed in one go: building them cell by cell through python-docx cost
    # most of a report's time. They are the elements fill_cell() and the cell widths above would make.
    widths = [Cm(column.width_cm).twips for column in columns]
    body = "".join(row_xml(values, widths) for values in rows)
    if body:
        table._tbl.extend(parse_xml(f"<w:tbl {nsdecls('w')}>{body}</w:tbl>"))
    return table


def row_xml(values: Sequence[str], widths: Sequence[int]) -> str:
    """One body row: per cell its width and one paragraph holding a run in the table font, not bold."""
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr><w:p>{run_xml(value)}</w:p></w:tc>'
                    for value, width in zip(values, widths, strict=True))
    return f"<w:tr>{cells}</w:tr>"


_RUN_PROPERTIES = f'<w:rPr><w:b w:val="0"/><w:sz w:val="{int(TABLE_SIZE.pt * 2)}"/></w:rPr>'


def run_xml(text: str) -> str:
    """A run as python-docx writes ``add_run(text)``: tabs become w:tab, line breaks w:br, the rest w:t (keeping
    its spaces when it starts or ends with one)."""
    parts = [_RUN_PROPERTIES]
    for piece in _RUN_BREAKS.split(clean_text(text)):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return f"<w:r>{''.join(parts)}</w:r>"


def add_table_or_note(document: Document, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                      empty: str) -> None:
    """Add a table when there are rows, otherwise a sentence saying there is nothing to show."""
    if rows:
        add_table(document, columns, rows)
    else:
        add_text(document, empty)


# --- title page and contents -----------------------------------------------------------------------------


def add_title_page(document: Document, result: RunResult) -> None:
    """Title, organisation, as-of date, framework, versions and the inputs the report was made from."""
    add_text(document, TITLE, style="Title")
    add_text(document, result.settings.organisation, style="Subtitle")
    add_text(document, f"Evidence assessed as at {long_date(result.settings.as_of)}")
    add_labelled(document, "Target framework: ", f"{result.framework_title} ({result.framework_id})")
    add_labelled(document, "Rules version: ", result.rules_version)
    add_labelled(document, "Produced by: ", f"cse-migrate {result.tool_version}")
    add_labelled(document, "Generated from:", "")
    add_bullets(document, result.inputs, empty="(no inputs recorded)")
    add_page_break(document)


def add_contents(document: Document) -> None:
    """A real TOC field over Heading 1 to 3; Word fills it in on opening (or on right-click, Update Field)."""
    add_text(document, "Contents", style="TOC Heading")
    add_field(document.add_paragraph(), TOC_INSTRUCTION, TOC_PLACEHOLDER)
    add_page_break(document)


# --- executive summary -----------------------------------------------------------------------------------


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


def add_shaded_table(document: Document, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                     fills: Sequence[str]) -> Table:
    """A summary table whose second column (status or rating) is shaded row by row."""
    table = add_table(document, columns, rows)
    for row, fill in zip(table.rows[1:], fills, strict=True):
        shade_cell(row.cells[1], fill)
    return table


def add_executive_summary(document: Document, result: RunResult) -> None:
    """Counts, outcome and the colour-coded status table."""
    open_summary(document, result, outcome_sentence(result.criteria))
    columns = (Column("Criterion", 4.7), Column("Status", 2.5), Column("Strength", 2.1),
               Column("Evidence", 2.5), Column("Stale", 1.5), Column("Best evidence", 3.7))
    rows = [(f"{c.id} {c.title}", c.status, c.strength, evidence_summary(c), str(c.stale_count),
             ", ".join(c.best[:3]) or "none") for c in result.criteria]
    add_shaded_table(document, columns, rows, [STATUS_FILL[c.status] for c in result.criteria])


# --- one section per criterion ---------------------------------------------------------------------------

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
    if any(m.criterion == criterion and m.needs_review for m in found.mappings):
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


# --- appendices ------------------------------------------------------------------------------------------


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
                       "labeled corpus (see the README). Confirm each, or move the evidence where it belongs.")
    rows = [(r.item.id, truncate(r.item.text, EVIDENCE_CHARS), r.item.source.cite(), m.criterion,
             f"{m.score:.2f}", ", ".join(o.criterion for o in r.mappings if o is not m) or "-")
            for r in result.items if r.status == "mapped" for m in r.mappings if m.needs_review]
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


def settings_rows(settings: Settings) -> list[tuple[str, str, str]]:
    """The run's settings, each with a plain-English meaning."""
    return [
        ("as_of", settings.as_of.isoformat(), "The date the evidence is assessed at"),
        ("map_threshold", f"{settings.map_threshold:g}", "Lowest score at which an item maps to a criterion"),
        ("strong_threshold", f"{settings.strong_threshold:g}", "Lowest score at which a mapping is strong"),
        ("secondary_ratio", f"{settings.secondary_ratio:g}",
         "An item also supports a second criterion when its score there is at least this share of its "
         "best score"),
        ("stale_months", str(settings.stale_months),
         "Evidence dated more than this many months before the as-of date is stale"),
        ("met_min_strong", str(settings.met_min_strong), "Strong items a criterion needs to be Met"),
        ("duplicate_similarity", f"{settings.duplicate_similarity:g}",
         "Text similarity (0 to 100) at which two items are treated as one"),
        ("review_below", f"{settings.review_below:g}", "A mapping scoring below this is listed for checking"),
        ("review_margin", f"{settings.review_margin:g}",
         "A best mapping less than this ahead of the next criterion is listed for checking"),
    ]


def add_method_appendix(document: Document, result: RunResult) -> None:
    """Settings, rule files with checksums, and how scores are formed, so the run can be reproduced."""
    add_heading(document, "Appendix F: Method", 1)
    add_heading(document, "Settings", 2)
    add_table(document, (Column("Setting", 3.5), Column("Value", 2.5), Column("Meaning", 11.0)),
              settings_rows(result.settings))
    add_heading(document, "Rule files", 2)
    add_text(document, f"Rules version {result.rules_version}. A SHA-256 checksum identifies the exact "
                       "content of each rules file used.")
    add_table_or_note(document, (Column("File", 6.5), Column("SHA-256", 10.5)),
                      [(f.path, f.sha256) for f in result.rule_files], "No rule files were recorded.")
    add_heading(document, "How scores are formed", 2)
    for text in _METHOD_TEXT:
        add_text(document, text)
