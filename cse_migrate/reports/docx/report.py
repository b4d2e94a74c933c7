"""The Word gap-analysis report: what an organisation hands to a Customer Service Excellence assessor.

Layout: a title page, a table of contents (a real TOC field Word fills in when the document is opened), an
executive summary with a colour-coded status table, one section per target criterion (evidence, gaps, stale
evidence, suggested actions, the evidence an assessor will expect) and appendices that account for every
item and every file read, plus the method and settings used. The same :class:`RunResult` always gives the
same file.

The building blocks (paragraphs, tables, shading) are in :mod:`.layout`; the sections shared by flat and
hierarchical frameworks in :mod:`.sections`; the rated sections of a hierarchical framework in :mod:`.hierarchy`.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from cse_migrate.model import RunResult
from cse_migrate.output import atomic_write, clean_text
from cse_migrate.reports.common import (
    STATUS_FILL,
    as_of_midnight,
    normalise_zip,
)
from cse_migrate.reports.docx.hierarchy import add_rated_appendices, add_rated_body
from cse_migrate.reports.docx.layout import (
    BODY_FONT,
    BODY_SIZE,
    TOC_INSTRUCTION,
    TOC_PLACEHOLDER,
    Column,
    add_bullets,
    add_field,
    add_labelled,
    add_page_break,
    add_shaded_table,
    add_text,
    long_date,
)
from cse_migrate.reports.docx.sections import (
    add_appendices,
    add_criterion_section,
    evidence_summary,
    open_summary,
    outcome_sentence,
)
from cse_migrate.safe_text import CORE_PROPERTY_CHARS, shorten

TITLE = "Customer Service Excellence gap analysis"


# Elements that must follow w:updateFields inside w:settings (schema order; Word rejects out-of-order XML).
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
                        "decimalSymbol", "listSeparator")


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
    hierarchical = result.framework.hierarchical
    if hierarchical:  # the official CSE structure: ratings, readiness, criteria > sub-criteria > elements
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
    # Word holds at most 255 characters in a core property; a long organisation name is shortened there only
    props.title = shorten(clean_text(f"CSE gap analysis \u2013 {result.settings.organisation}"), CORE_PROPERTY_CHARS)
    props.subject = shorten(clean_text(f"{result.framework_title} ({result.framework_id})"), CORE_PROPERTY_CHARS)
    props.author = "cse-migrate"
    props.last_modified_by = "cse-migrate"
    props.comments = shorten(clean_text(f"cse-migrate {result.tool_version}; rules {result.rules_version}"),
                             CORE_PROPERTY_CHARS)
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


def add_footer(document: Document) -> None:
    """Put "Page N" centred in the footer of every page."""
    for section in document.sections:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        add_field(paragraph, "PAGE", "1")


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


def add_executive_summary(document: Document, result: RunResult) -> None:
    """Counts, outcome and the colour-coded status table."""
    open_summary(document, result, outcome_sentence(result.criteria))
    columns = (Column("Criterion", 4.7), Column("Status", 2.5), Column("Strength", 2.1),
               Column("Evidence", 2.5), Column("Stale", 1.5), Column("Best evidence", 3.7))
    rows = [(f"{c.id} {c.title}", c.status, c.strength, evidence_summary(c), str(c.stale_count),
             ", ".join(c.best[:3]) or "none") for c in result.criteria]
    add_shaded_table(document, columns, rows, [STATUS_FILL[c.status] for c in result.criteria])
