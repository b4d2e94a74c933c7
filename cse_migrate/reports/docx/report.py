"""The Word gap-analysis report: what a consultant hands to a client before a Customer Service Excellence
assessment.

Order, for a reader: a cover page with the contents (real entries, written when the report is made; page numbers
are fields Word and LibreOffice fill in as they lay the pages out); the executive summary on the next two pages
(verdict, heat map, currency chart, where each criterion stands, top five priorities); the findings per criterion;
for an official CSE run, a one-page reading against the five points of 2008; the action plan and the checklist of
expected evidence; then the appendices, ending with one compact method appendix. The same :class:`RunResult`
always gives the same file.

Building blocks are in :mod:`.layout`, shared wording of the two axes in :mod:`.words`, and the parts in
:mod:`.summary`, :mod:`.findings` and :mod:`.appendices`.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from cse_migrate.model import RunResult
from cse_migrate.output import atomic_write, clean_text
from cse_migrate.reports.actions import draft_actions
from cse_migrate.reports.common import as_of_midnight, write_zip
from cse_migrate.reports.docx.appendices import add_appendices
from cse_migrate.reports.docx.findings import add_action_plan, add_findings, add_five_points_reading
from cse_migrate.reports.docx.layout import (
    BODY_FONT,
    BODY_SIZE,
    Body,
    add_field,
    add_page_break,
    add_paragraph,
    add_small,
    add_text,
    long_date,
    run_xml,
    share_style_ids,
)
from cse_migrate.reports.docx.summary import add_executive_summary
from cse_migrate.reports.zips import Packed
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

    atomic_write(path, lambda tmp: write_zip(tmp, package_members(document), when))


class _Members:
    """Takes the place of python-docx's zip writer: keeps each member's name and content, in the order written."""

    def __init__(self) -> None:
        self.members: list[tuple[str, bytes] | Packed] = []

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.members.append((uri.membername, blob))


def package_members(document: Document) -> list[tuple[str, bytes] | Packed]:
    """The members of ``document``'s .docx file, as ``document.save`` writes them and in its order; the parts
    shared with the template (see :func:`report_template`) as packed once per process.

    Collected rather than saved: saving compresses every member, and the stamped copy (see
    :func:`~cse_migrate.reports.common.normalise_zip`) would decompress and compress them all again, which cost
    a tenth of the report's time. The steps are :meth:`docx.opc.package.OpcPackage.save`'s own."""
    package = document.part.package
    shared = _TEMPLATES[0].shared if _TEMPLATES else {}
    for part in package.parts:
        part.before_marshal()
    members = _Members()
    writer = cast(PhysPkgWriter, members)
    # python-docx leaves these two untyped; tests/test_reports.py checks the file they give is the saved one
    PackageWriter._write_content_types_stream(writer, package.parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
    for part in package.parts:  # PackageWriter._write_parts, but for the shared parts
        if part in shared:
            members.members += shared[part]
            continue
        members.write(part.partname, part.blob)
        if len(part.rels):
            members.write(part.partname.rels_uri, part.rels.xml)
    return members.members


def build_gap_document(result: RunResult) -> Document:
    """Build the whole report in memory (separate from saving so it can be inspected in tests)."""
    document = report_template()
    set_properties(document, result)
    add_footer(document, result)
    body = Body(document)
    add_cover(body, result)
    actions = draft_actions(result)
    add_executive_summary(body, result, actions)
    add_findings(body, result, actions)
    add_five_points_reading(body, result)
    add_action_plan(body, result, actions)
    add_appendices(body, result)
    return body.finish()


# The parts a report writes: its main document (the body, page, footer and pictures are its or related from it)
# and its core properties. Every other part of the template (styles, theme, settings, numbering, fonts ...) is the
# same in every report.
_OWN_PARTS = ("/word/document.xml", "/docProps/core.xml")


@dataclass(frozen=True)
class _Template:
    """python-docx's default template set up for the report, and the parts every report shares with it, each
    packed for the zip (with its relationships' member, where it has one)."""

    document: Document
    shared: dict[Part, list[Packed]]


_TEMPLATES: list[_Template] = []  # made once per process
_TEMPLATE_LOCK = threading.Lock()  # Dask runs several organisations in one process, in threads


def report_template() -> Document:
    """A new document from python-docx's default template, with the page, styles and field update every report
    has: a copy of one made once per process (reading the template again for each report took three times as
    long as copying it). The copy's own are its main document and core properties; the other parts are the
    template's, shared by every report and never changed by one (tests/test_zips.py checks it): copying them
    (the two style parts alone are 800 KB of XML), writing them out and compressing them again took a sixth of a
    report's time."""
    with _TEMPLATE_LOCK:
        if not _TEMPLATES:
            _TEMPLATES.append(_make_template())
        template = _TEMPLATES[0]
        keep: dict[int, Any] = {id(part): part for part in template.shared}  # deepcopy's memo: "already copied"
        document = copy.deepcopy(template.document, keep)
        share_style_ids(document, template.document)  # the same styles: looked up once per process
        return document


def _make_template() -> _Template:
    document = new_document()
    set_up_page(document)
    request_field_update(document)
    shared = {}
    for part in document.part.package.parts:
        if part.partname not in _OWN_PARTS:
            rels = [Packed.of(part.partname.rels_uri.membername, part.rels.xml)] if len(part.rels) else []
            shared[part] = [Packed.of(part.partname.membername, part.blob), *rels]
    return _Template(document, shared)


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
    for level in (1, 2, 3):
        heading = document.styles[f"Heading {level}"]
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.space_before = Pt((16, 10, 8)[level - 1])


def set_properties(document: Document, result: RunResult) -> None:
    """Set title and author, and stamp the as-of date rather than "now" so reruns give identical files."""
    when = as_of_midnight(result.settings.as_of)
    props = document.core_properties
    # Word holds at most 255 characters in a core property; a long organisation name is shortened there only
    props.title = shorten(clean_text(f"CSE gap analysis \u2013 {result.settings.organisation}"), CORE_PROPERTY_CHARS)
    props.subject = shorten(clean_text(result.framework_title), CORE_PROPERTY_CHARS)
    props.author = "cse-migrate"
    props.last_modified_by = "cse-migrate"
    props.comments = shorten(clean_text(f"cse-migrate {result.tool_version}; rules {result.rules_version}"),
                             CORE_PROPERTY_CHARS)
    props.language = "en-GB"
    props.created = when
    props.modified = when
    props.revision = 1


def request_field_update(document: Document) -> None:
    """Ask Word to refresh fields on opening, so the contents' page numbers are filled in."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    successors = {qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS}
    for child in settings:
        if child.tag in successors:
            child.addprevious(update)
            return
    settings.append(update)


def add_footer(document: Document, result: RunResult) -> None:
    """The organisation and "Page N" in the footer of every page."""
    for section in document.sections:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(clean_text(f"{result.settings.organisation} \u2013 CSE gap analysis \u2013 page "))
        run.font.size = Pt(8)
        add_field(paragraph, "PAGE", "1")


def add_cover(body: Body, result: RunResult) -> None:
    """Title, organisation, the date and framework the evidence is judged against, and the contents (written
    once every heading exists, before the page break that ends the cover)."""
    add_text(body, TITLE, style="Title")
    add_text(body, result.settings.organisation, style="Subtitle")
    add_text(body, f"Evidence assessed as at {long_date(result.settings.as_of)}, against {result.framework_title}.")
    add_small(body, f"Prepared with cse-migrate {result.tool_version}. Estimates from the evidence read, to "
                    "prepare a portfolio: an assessor judges the evidence itself.")
    add_paragraph(body, run_xml("Contents", bold=True, size=Pt(13)),
                  properties=f'<w:spacing w:before="{Pt(18).twips}"/>')
    body.mark_contents()
    add_page_break(body)
