# RUF001 is off for this file on purpose: the sample portfolios must contain the typographic characters that
# real legacy documents carry (en dashes, curly quotes), and writing them as escapes would hide the data.
"""Generate three fictional legacy Charter Mark portfolios for trying out and testing cse-migrate.

Each organisation gets one folder with exactly three files, laid out the way real legacy evidence arrived:

* a self-assessment workbook (.xlsx),
* an application narrative (.docx),
* an evidence log (.csv).

Organisations, people and places are fictional. The content is deliberately untidy: title blocks above the
header row, criterion heading rows inside sheets, merged heading bands, formula and totals lines, hidden
sheets, a RAG key sheet, exact and near duplicates across files, typos and US spellings, misfiled
references, non-customer-facing activities, gap statements and stale dates (2003-2008). Each organisation
is deliberately weak in one or two of the five points of the 2008 announcement, so a gap report has
something to show:

* Northshire Revenues and Benefits: weak on Collaboration with public.
* Riverside Outpatients: weak on Accountability to the public.
* Eastmoor Libraries: weak on Retraining staff (almost none) and Leadership and commitment.

Every row the script writes carries an intended label in the source (a five-point code, criterion 5/6
carry-over, not customer-facing, or noise); labels are never written to the sample files, only counted in the
summary printed at the end and listed, with the text each row or paragraph carries, in
``tests/data/sample_labels.csv`` (columns org, file, text, label, kind; in writing order; ``kind`` is support,
absence, plan or mixed, from ``KINDS``). There the label is in
the evaluation vocabulary: the five-point codes become "1".."5", and criterion 5/6 carry-over, not
customer-facing and noise become "NONE". The text of a spreadsheet or table row is its evidence column (the
first non-empty cell when that is empty); for the satisfaction tables in the narratives it is the result
column the row's label refers to. Generation is deterministic: no randomness, no current date, fixed document
properties and fixed timestamps inside the zip containers, so reruns give byte-identical files.

Usage::

    python samples/make_samples.py [OUTPUT_DIR] [--labels LABELS_CSV]

OUTPUT_DIR defaults to the folder this script is in; LABELS_CSV to tests/data/sample_labels.csv in the
repository this script is in.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from cse_migrate.readers.common import compose_row  # the labels must cite results rows as the reader does

# --------------------------------------------------------------------------------------------------------
# Intended labels (kept in this script only, never written to the sample files)
# --------------------------------------------------------------------------------------------------------

P = "P"  # Personalisation of services
C = "C"  # Collaboration with public
T = "T"  # Retraining staff
L = "L"  # Leadership and commitment
A = "A"  # Accountability to the public
R = "R"  # criterion 5/6 evidence with no five-point home (carried over)
X = "X"  # activity with no customer-facing side (not evidence)
N = "N"  # noise: headings, page furniture, placeholders, totals, RAG keys (not evidence)
S = "S"  # spacer row (not counted)

LABEL_NAMES: dict[str, str] = {
    P: "Personalisation of services",
    C: "Collaboration with public",
    T: "Retraining staff",
    L: "Leadership and commitment",
    A: "Accountability to the public",
    R: "criterion 5/6, no five-point home",
    X: "not customer-facing",
    N: "noise",
}
EVIDENCE_CODES = (P, C, T, L, A, R)

# Intended labels in the evaluation vocabulary (the five-point ids; anything without a five-point home is NONE).
EVAL_LABELS: dict[str, str] = {P: "1", C: "2", T: "3", L: "4", A: "5", R: "NONE", X: "NONE", N: "NONE"}
DEFAULT_LABELS = Path(__file__).resolve().parent.parent / "tests" / "data" / "sample_labels.csv"

# What each statement that is not plain support says (docs/labeling.md, "What kind of statement it is"): the
# portfolios state their own gaps, as real ones do. Every other labelled text is "support". For a "mixed" text the
# five-point label follows the fact, as the labeling specification says.
RV_NOT_PUBLISHED = ("At present our performance against the clinic standards is reported to the Trust Board but is "
                    "not published to patients. We plan to display monthly results in the waiting area from 2008.")
RV_COMPLAINTS_REPORT = "Annual complaints report for outpatients to be published on the Trust website from 2009"
EM_TRAINING_PLAN = ("Customer care training for all library assistants planned for 2008/09, subject to funding "
                    "from the Workforce Development budget")
KINDS: dict[str, str] = {
    "No customer panel since the 2005 panel lapsed - to be re-established 2008": "absence",
    ("We carry out an annual satisfaction survey of benefit claimants, and in 2006 81% of the 400 customers who "
     "replied said they were satisfied with the service. We recognise that our consultaion with customers has been "
     "limited since the customer panel lapsed in 2005, and we intend to re-establish a panel with the help of the "
     "Northshire Tenants Federation during 2008."): "mixed",
    RV_NOT_PUBLISHED: "mixed",
    "Clinic waiting time performance not yet published to patients – planned 2008": "absence",
    RV_COMPLAINTS_REPORT: "plan",
    "No formal complaints procedure for the home library service yet": "absence",
    ("We recognise that there is no formal complaints procedure for the home library service yet. Volunteers pass "
     "on comments informally, and we plan to introduce a procedure in 2008."): "absence",
    ("Staff training has been limited by budget pressures since 2004. There is no structured customer care "
     "training program for library assistants, and relief staff receive only a local induction from the branch "
     "supervisor."): "absence",
    EM_TRAINING_PLAN: "plan",
}

# The six 2003 Charter Mark criterion titles (standards.md, section 1.1), exact.
CM_TITLES: dict[int, str] = {
    1: "Set standards and perform well",
    2: "Actively engage with your customers, partners and staff",
    3: "Be fair and accessible to everyone and promote choice",
    4: "Continuously develop and improve",
    5: "Use your resources effectively and imaginatively",
    6: "Contribute to improving opportunities and quality of life in the communities you serve",
}

# Fixed timestamp for every member of the .xlsx/.docx zip containers.
ZIP_TIME = (2008, 1, 1, 0, 0, 0)

Cell = str | int | float | datetime | None
Row = tuple[Cell, ...]


def d(year: int, month: int, day: int = 1) -> datetime:
    """Return a naive datetime at midnight (shorthand for the data tables below)."""
    return datetime(year, month, day)


def _row_text(values: Sequence[Cell], column: int) -> str:
    """The text a row carries: its evidence column, or the first non-empty cell when that is empty."""
    if column < len(values) and values[column] not in (None, ""):
        return str(values[column])
    return next((str(v) for v in values if v not in (None, "")), "")


class Tally:
    """Counts the intended label of every row written, per output file, and keeps each row's text."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.rows: list[tuple[str, str, str, str]] = []  # (org, file, text, label code), in writing order

    def add(self, file_key: str, code: Cell, text: str) -> None:
        if not isinstance(code, str) or code not in LABEL_NAMES:
            if code == S:
                return
            raise ValueError(f"bad label {code!r} in {file_key}")
        self.counts.setdefault(file_key, Counter())[code] += 1
        org, _, name = file_key.partition("/")
        self.rows.append((org, name, text, code))

    def write_labels(self, path: Path) -> None:
        """Write every labelled text with its label in the evaluation vocabulary (UTF-8, writing order)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(("org", "file", "text", "label", "kind"))
            for org, name, text, code in self.rows:
                writer.writerow((org, name, text, EVAL_LABELS[code], KINDS.get(text, "support")))
        missing = sorted(set(KINDS) - {text for _, _, text, _ in self.rows})
        if missing:
            raise ValueError(f"KINDS names texts that were never written: {missing}")

    def report(self) -> str:
        lines: list[str] = []
        org_totals: dict[str, Counter[str]] = {}
        for file_key in sorted(self.counts):
            counter = self.counts[file_key]
            evidence = sum(counter[c] for c in EVIDENCE_CODES)
            parts = " ".join(f"{c}={counter[c]}" for c in (*EVIDENCE_CODES, X, N))
            lines.append(f"{file_key}: {evidence} evidence items ({parts})")
            org_totals.setdefault(file_key.split("/")[0], Counter()).update(counter)
        lines.append("")
        for org, counter in sorted(org_totals.items()):
            evidence = sum(counter[c] for c in EVIDENCE_CODES)
            points = ", ".join(f"{LABEL_NAMES[c]} {counter[c]}" for c in (P, C, T, L, A, R))
            lines.append(f"{org}: {evidence} evidence items - {points}; not customer-facing {counter[X]}; "
                         f"noise {counter[N]}")
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------------------
# Shared writers
# --------------------------------------------------------------------------------------------------------

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)


def _normalise_zip(path: Path, modified: datetime) -> None:
    """Rewrite an OOXML container with fixed member timestamps and a fixed dcterms:modified.

    openpyxl stamps the current time into docProps/core.xml on save and zipfile stamps every member with
    the current time; both are replaced so reruns give identical bytes.
    """
    stamp = modified.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    lambda m: m.group(1) + stamp + m.group(2),
                    data,
                )
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def _save_workbook(wb: Workbook, path: Path, author: str, created: datetime, modified: datetime) -> None:
    props = wb.properties
    props.creator = author
    props.lastModifiedBy = author
    props.created = created
    props.modified = modified
    props.title = "Charter Mark self-assessment"
    wb.save(path)
    _normalise_zip(path, modified)


def _write_rows(ws: Worksheet, first_row: int, rows: Sequence[Row], tally: Tally, key: str,
                text_column: int = 1) -> int:
    """Write data rows (last tuple member is the label) starting at first_row; return the next free row.

    ``text_column`` (0-based) is the evidence column whose text goes into the labels file."""
    r = first_row
    for row in rows:
        values, code = row[:-1], row[-1]
        for col, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            cell = ws.cell(row=r, column=col, value=value)
            if isinstance(value, datetime):
                cell.number_format = "dd/mm/yyyy"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        tally.add(key, code, _row_text(values, text_column))
        r += 1
    return r


def _write_header(ws: Worksheet, row: int, headers: Sequence[str], fill: str | None = None) -> None:
    for col, name in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=col, value=name)
        cell.font = BOLD
        if fill:
            cell.fill = PatternFill("solid", start_color=fill, end_color=fill)


def _set_widths(ws: Worksheet, widths: dict[str, float]) -> None:
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


def _write_csv(
    path: Path,
    encoding: str,
    delimiter: str,
    header: Sequence[str],
    rows: Sequence[Row],
    tally: Tally,
    key: str,
) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            values, code = row[:-1], row[-1]
            writer.writerow(["" if v is None else str(v) for v in values])
            tally.add(key, code, _row_text(values, 1))


def _add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a complex Word field (PAGE, NUMPAGES) with a cached result, the way Word saves one."""

    def fld_char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


class Narrative:
    """Thin wrapper over a python-docx Document that records the intended label of each block."""

    def __init__(self, key: str, tally: Tally, header_text: str, footer_text: str) -> None:
        self.doc = Document()
        self.key = key
        self.tally = tally
        normal = self.doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(11)
        section = self.doc.sections[0]
        section.header.paragraphs[0].text = header_text
        footer = section.footer.paragraphs[0]
        footer.add_run(footer_text)
        _add_field(footer, "PAGE", "1")
        footer.add_run(" of ")
        _add_field(footer, "NUMPAGES", "12")

    def title(self, text: str) -> None:
        self.doc.add_paragraph(text, style="Title")
        self.tally.add(self.key, N, text)

    def line(self, text: str, code: str = N, bold: bool = False) -> None:
        """A plain one-line paragraph (prepared-by lines, fake bold sub-headings, boilerplate)."""
        para = self.doc.add_paragraph()
        para.add_run(text).bold = bold
        self.tally.add(self.key, code, text)

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_heading(text, level=level)
        self.tally.add(self.key, N, text)

    def para(self, text: str, code: str) -> None:
        self.doc.add_paragraph(text)
        self.tally.add(self.key, code, text)

    def bullet(self, text: str, code: str) -> None:
        self.doc.add_paragraph(text, style="List Bullet")
        self.tally.add(self.key, code, text)

    def caption(self, text: str) -> None:
        self.doc.add_paragraph(text, style="Caption")
        self.tally.add(self.key, N, text)

    def table(self, headers: Sequence[str], rows: Sequence[Row], text_column: int | None = 1) -> None:
        """A table with a bold header row; ``text_column`` is the column whose text goes into the labels, or
        None for a results table, which the reader turns into one statement per row (header: value pairs)."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, name in zip(table.rows[0].cells, headers, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(name).bold = True
        for row in rows:
            values, code = row[:-1], row[-1]
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                cell.text = "" if value is None else str(value)
            if text_column is None:
                year = headers.index("Year") if "Year" in headers else None
                text = compose_row(headers, ["" if v is None else str(v) for v in values], year)
            else:
                text = _row_text(values, text_column)
            self.tally.add(self.key, code, text)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def blank_page(self) -> None:
        self.page_break()
        self.doc.add_paragraph("This page is intentionally left blank")
        self.tally.add(self.key, N, "This page is intentionally left blank")
        self.page_break()

    def save(self, path: Path, author: str, title: str, created: datetime, modified: datetime) -> None:
        props = self.doc.core_properties
        props.author = author
        props.last_modified_by = author
        props.title = title
        props.subject = "Charter Mark"
        props.keywords = "Charter Mark; application; evidence"
        props.comments = ""
        props.category = ""
        props.created = created
        props.modified = modified
        props.last_printed = modified
        props.revision = 7
        self.doc.save(str(path))
        _normalise_zip(path, modified)


# --------------------------------------------------------------------------------------------------------
# 1. Northshire District Council - Revenues and Benefits Service (weak: Collaboration with public)
# --------------------------------------------------------------------------------------------------------

NS_ORG = "Northshire District Council – Revenues and Benefits Service"
NS_PREPARED = "Prepared by: J. Smith, Performance Officer"
# Texts pasted in more than one place (exactly or nearly).
NS_CHARTER = "Customer charter leaflet revised and published with processing time standards"
NS_HOME_VISITS = "Home visits for housebound and disabled claimants by visiting officers"
NS_BOILER = "Replaced boiler in the main office"
NS_WELFARE = "Benefits staff attended Welfare Rights awareness training"

NS_STD_HEADERS = ("Ref", "Element", "Supporting evidence", "Date", "Owner")

NS_SHEETS: list[tuple[str, tuple[str, ...], tuple[str, ...], list[Row]]] = [
    (
        "Criterion 1",
        (NS_ORG, "Charter Mark Self-Assessment 2007", NS_PREPARED, ""),
        NS_STD_HEADERS,
        [
            (None, None, f"Criterion 1: {CM_TITLES[1]}", None, None, N),
            ("1.1.1", "Standards", NS_CHARTER, d(2006, 4, 3), "S. Oakley", A),
            ("1.1.2", "Standards",
             "New claims processed in avg 28 days against local std of 32 days (BVPI 78a) – results "
             "published in Council Tax leaflet", d(2007, 3, 31), "R. Patel", A),
            ("1.2.1", "Performance",
             "Monthly KPI report to Corporate Mgmt Team on collection rates and benefit processing times",
             "2007", "H. Ashworth", L),
            ("1.2.3", "Comparison",
             "Benchmarking with CIPFA family group published in annual performance plan; upper quartile for "
             "CT collection", d(2005, 11, 15), "J. Smith", A),
            ("1.3.1", "Right first time", "TBC", None, None, N),
            ("1.3.2", "Right first time",
             "Accuracy results (97.2%) published quarterly on council website against 95% target",
             d(2006, 9, 1), "R. Patel", A),
            ("Page 3 of 12", None, None, None, None, N),
            ("1.4", "Premises", NS_BOILER, "2005", "Facilities", X),
            ("Key:", None, "R = not started   A = in progress   G = complete", None, None, N),
        ],
    ),
    (
        "Crit 2 Engage",
        (NS_ORG, "Charter Mark Self-Assessment 2007", NS_PREPARED),
        NS_STD_HEADERS,
        [
            (None, None, f"Criterion 2: {CM_TITLES[2]}", None, None, N),
            ("2.1.1", "Consultation",
             "Annual custmer satisfaction survey of benefit claimants (sample 400) – 81% satisfied",
             d(2006, 10, 12), "J. Smith", C),
            ("2.1.2", "Consultation",
             "No customer panel since the 2005 panel lapsed - to be re-established 2008", d(2007, 6, 1),
             None, C),
            ("2.2.1", "Staff", "Monthly team briefings by Head of Service; staff views fed into service plan",
             "2006", "H. Ashworth", L),
            ("2.2.2", "Staff",
             "Staff suggestion scheme launched by Head of Service; 23 suggestions, 9 implemented",
             d(2006, 2, 1), "H. Ashworth", L),
            ("2.3.1", "Partners", "ditto", None, None, N),
            ("2.4.1", "Information",
             "Benefit take-up campaign leaflets sent to all pensioner households not claiming CTB",
             d(2006, 5, 15), "R. Patel", P),
        ],
    ),
    (
        "C3",
        (NS_ORG, "Charter Mark Self-Assessment 2007"),
        ("Ref", "Element", "Supporting Evidence", "Date", "Owner "),
        [
            ("3.1.1", "Access", NS_HOME_VISITS, d(2004, 5, 1), "C. Denby", P),
            ("3.1.2", "Access", "Extended opening at Kelby One Stop Shop to 7pm Thursdays", "March 2006",
             "C. Denby", P),
            ("3.2.1", "Equality",
             "EqIA completed for Benefits service 2007; identified need for Polish and Urdu translations",
             d(2007, 8, 20), "H. Ashworth", P),
            ("3.2.2", "Equality", "Corporate Equality & Diversity policy adopted by Cabinet", d(2004, 11, 9),
             "Chief Exec", L),
            ("3.3.1", "Choice",
             "Customers can claim by phone, post, online or in person – e-claim form launched Oct 2006",
             d(2006, 10, 2), "IT / R. Patel", P),
            ("3.3.2", "Interpreting",
             "Language Line telephone interpreting available at all reception points", "2005", "C. Denby", P),
            ("3.3.3", None, "n/a", None, None, N),
            ("3.4.1", "Fairness", "Fast-track processing for terminally ill claimants (DS1500) within 48hrs",
             d(2006, 1, 16), "R. Patel", P),
        ],
    ),
    (
        "Criterion 4 - Improve",
        (NS_ORG, "Charter Mark Self-Assessment 2007", NS_PREPARED, "Version 2.1 draft"),
        NS_STD_HEADERS,
        [
            (None, "CRITERION 4", f"Criterion 4: {CM_TITLES[4]}", None, None, N),
            ("4.1.1", "Improvement plan",
             "Service Improvement Plan 2006-09 approved by Portfolio Holder with ring-fenced £60k for "
             "document imaging", d(2006, 5, 22), "H. Ashworth", L),
            ("4.2.1", "Complaints",
             "Complaints procedure (3-stage) published; 41 complaints in 2006/07, 88% answered within 10 "
             "working days", d(2007, 4, 30), "S. Oakley", A),
            ("4.2.2", "Complaints",
             "Learning from complaints reviewed at quarterly mgmt meeting; CT reminder letters reworded",
             d(2007, 1, 10), "H. Ashworth", L),
            ("4.3.1", "Feedback", "'You said, we did' poster in reception areas following 2006 survey",
             "Jan 2007", "J. Smith", A),
            ("4.3.2", "Staff",
             "All new starters complete 6-week benefits induction program incl. custmer care module",
             d(2005, 9, 5), "M. Fenwick", T),
            (None, None, "Total items: 14", None, None, N),
            (None, None, "See evidence folder 4", None, None, N),
        ],
    ),
    (
        "Crit5",
        (NS_ORG, "Charter Mark Self-Assessment 2007", ""),
        NS_STD_HEADERS,
        [
            ("5.1", "Resources",
             "Document imaging and workflow system installed – paper files reduced by 70%",
             d(2006, 11, 30), "IT Services", R),
            ("5.2", "Resources", "Resurfaced staff car park", "2004", "Facilities", X),
            ("5.3", "Resources",
             "Shared fraud investigation team with Brackenby Borough Council saves £45k pa",
             d(2007, 2, 1), "H. Ashworth", R),
            ("5.4", "Resources", "Leased two new photocopiers for the print room", d(2006, 7, 1), None, X),
        ],
    ),
    (
        "C6 Community",
        (NS_ORG, "Charter Mark Self-Assessment 2007", NS_PREPARED),
        ("Ref.", "Element", "Supporting evidence", "Date", "Owner"),
        [
            ("6.1", "Community",
             "Benefits advice sessions at Kelby Food Bank and Citizens Advice outreach in rural villages",
             d(2007, 7, 1), "C. Denby", P),
            # Misfiled: training evidence filed under criterion 6.
            ("6.2", "Community",
             "All benefits assessors achieved IRRV Level 3 Certificate in Benefits Practice",
             d(2007, 6, 30), "M. Fenwick", T),
            ("6.3", "Community", NS_WELFARE, d(2006, 3, 8), "M. Fenwick", T),
            ("6.4", None, "Version 2.1 draft", None, None, N),
        ],
    ),
]

NS_CSV_ROWS: list[Row] = [
    ("1.1.1", NS_CHARTER, "03/04/2006", "S. Oakley", A),
    ("1.1", "Council Tax bills include leaflet showing how the money is spent, KPIs and standards",
     "March 2007", "S. Oakley", A),
    ("1.2", "Performance clinics chaired by Head of Service, monthly", "2006", "H. Ashworth", L),
    ("CM1", "Processing times displayed on TV screens in Kelby One Stop Shop, updated weekly", "12/02/2007",
     "C. Denby", A),
    ("Crit 2", "Cust. panel mtg minutes", "10/03/2005", "J. Smith", C),
    ("", "Page 3 of 12", "", "", N),
    ("3", "Hearing loops fitted in all reception areas", "2004", "Facilities", P),
    ("C3", "Forms available in large print, Braille, audio and Polish/Urdu translations", "Aug 2007",
     "C. Denby", P),
    # Near duplicate of NS_HOME_VISITS: one word changed.
    ("3", "Home visits for housebound and disabled customers by visiting officers", "", "C. Denby", P),
    ("", "", "", "", S),
    ("4.1", "Customer care refresher training for all reception staff (2 days, external trainer)", "Nov 2005",
     "M. Fenwick", T),
    # Near duplicate of NS_WELFARE: one word changed and different case.
    ("4.2", "Benefits staff attended welfare rights refresher training", "08/03/2006", "M. Fenwick", T),
    ("4", "NVQ Level 2 Customer Service achieved by 6 contact center staff", "2007", "M. Fenwick", T),
    ("5", NS_BOILER, "2005", "Facilities", X),
    # A quoted field with an embedded line break, as Excel exports it.
    ("5.2", "Council Tax e-billing program launched\n2,300 sign-ups by Dec 2007", "2007", "IT", P),
    ("6", "Credit union access point at Kelby One Stop Shop for customers on low incomes", "2007",
     "H. Ashworth", P),
    ("", "ditto", "", "", N),
    ("TBC", "TBC", "TBC", "TBC", N),
    ("1.2", "Head of Service and Portfolio Holder hold quarterly 'back to the floor' days on reception",
     "2007", "H. Ashworth", L),
    ("2.2", "Revenues & Benefits Service Plan 2007/08 approved by Cabinet", "05/04/2007", "H. Ashworth", L),
    ("4", "Annual report on service performance published in Northshire News, delivered to all households",
     "Oct 2007", "J. Smith", A),
    ("", "Total items: 14", "", "", N),
    ("", "See evidence folder 4", "", "", N),
    ("Key", "R = not started, A = in progress, G = complete", "", "", N),
]


def build_northshire(folder: Path, tally: Tally) -> None:
    org = folder.name
    # Workbook: one sheet per criterion, a 2-4 row title block above each header row.
    key = f"{org}/northshire_self_assessment_2007.xlsx"
    wb = Workbook()
    wb.remove(wb.active)
    for name, title_rows, headers, rows in NS_SHEETS:
        ws = wb.create_sheet(name)
        for i, text in enumerate(title_rows, start=1):
            if text:
                ws.cell(row=i, column=1, value=text).font = TITLE_FONT if i == 1 else BOLD
        header_row = len(title_rows) + 1
        _write_header(ws, header_row, headers, fill="DDEBF7")
        _write_rows(ws, header_row + 1, rows, tally, key, text_column=2)
        _set_widths(ws, {"A": 9, "B": 16, "C": 70, "D": 12, "E": 14})
    _save_workbook(wb, folder / "northshire_self_assessment_2007.xlsx", "J. Smith",
                   datetime(2007, 2, 5, 9, 30), datetime(2007, 9, 10, 16, 45))

    # Narrative.
    key = f"{org}/northshire_charter_mark_application_2007.docx"
    nar = Narrative(key, tally, "Northshire District Council – Revenues and Benefits Service",
                    "Charter Mark application 2007 – Page ")
    nar.title("Charter Mark Application 2007")
    nar.line("Northshire District Council – Revenues and Benefits Service", bold=True)
    nar.line("Prepared by Helen Ashworth, Head of Revenues and Benefits, and J. Smith, Performance Officer")
    nar.line("Version 2.1 draft")

    nar.heading(f"Criterion 1: {CM_TITLES[1]}")
    nar.heading("1.1 Our standards", level=2)
    nar.para(
        "Our service standards were reviewed with front-line staff in 2006 and are set out in the Customer "
        "Charter leaflet, which is available at every One Stop Shop and on the council website. We report "
        "our performance against each standard every quarter in the Council Tax News insert and on the "
        "website. The 2006/07 results show that we met eleven of our twelve published standards, and the one "
        "we missed (answering the telephone within 20 seconds) now has an action plan.", A)
    nar.bullet("Customer Charter leaflet revised and published, with processing-time standards.", A)
    nar.bullet("New claims processed in an average of 28 days in 2006/07 against our published standard of "
               "32 days.", A)
    nar.bullet("Changes of circumstances processed in an average of 11 days against a standard of 14 days.",
               A)
    nar.heading("1.2 Performance management", level=2)
    nar.para(
        "The Head of Service presents a performance report to the Corporate Management Team every month and "
        "to the Resources Scrutiny Panel each quarter. Where a standard is at risk, the Portfolio Holder for "
        "Finance agrees a recovery plan with the service. This approach was introduced by the Chief "
        "Executive in 2005 as part of the council's Performance Matters programme.", L)
    nar.table(
        ("Element", "Evidence", "Date"),
        [
            ("1.1.1", NS_CHARTER, "April 2006", A),
            ("1.2.1", "Monthly KPI report to Corporate Management Team", "2007", L),
            ("1.3.2", "Accuracy results published quarterly on the council website against 95% target",
             "2006", A),
        ],
    )
    nar.caption("Table 1: Evidence for criterion 1")

    nar.heading(f"Criterion 2: {CM_TITLES[2]}")
    nar.heading("2.1 Consultation", level=2)
    nar.para(
        "We carry out an annual satisfaction survey of benefit claimants, and in 2006 81% of the 400 "
        "customers who replied said they were satisfied with the service. We recognise that our consultaion "
        "with customers has been limited since the customer panel lapsed in 2005, and we intend to "
        "re-establish a panel with the help of the Northshire Tenants Federation during 2008.", C)
    nar.heading("2.2 Involving staff", level=2)
    nar.para(
        "Staff are encouraged to put forward ideas through the suggestion scheme launched by the Head of "
        "Service in February 2006. Twenty-three suggestions were received in the first year and nine have "
        "been implemented, including the redesign of the benefit claim form. The Head of Service also holds "
        "a briefing for every team each month.", L)

    nar.heading(f"Criterion 3: {CM_TITLES[3]}")
    nar.heading("3.1 Access and choice", level=2)
    nar.para(
        "Customers can now contact us in the way that suits them best. Claims can be made by telephone, by "
        "post, online or face to face, and visiting officers will call on customers who are housebound or "
        "disabled. Language Line interpreting is available at every reception point, and our forms are "
        "available in large print and, on request, in Braille and on audio tape.", P)
    nar.bullet(NS_HOME_VISITS, P)
    nar.bullet("Extended opening at Kelby One Stop Shop until 7pm on Thursdays from March 2006", P)
    nar.bullet("Fast-track processing for terminally ill claimants within 48 hours", P)
    nar.line("See appendix C")

    nar.heading(f"Criterion 4: {CM_TITLES[4]}")
    nar.para(
        "Our three-stage complaints procedure is published in the Customer Charter leaflet and on the "
        "website. In 2006/07 we received 41 complaints, and 88% were answered within ten working days. After "
        "each survey we put up a 'You said, we did' poster in every reception area; in 2007 it explained "
        "that reminder letters had been rewritten in plain English after customers told us they were "
        "confusing.", A)
    nar.para(
        "Every new member of staff completes a six-week induction program which includes a customer care "
        "module, and all assessors are supported to achieve the IRRV Level 3 Certificate in Benefits "
        "Practice. In 2006/07 the service spent £14,500 on training, and every member of staff has a "
        "personal development plan agreed at their annual appraisal.", T)
    nar.caption("Table 2: Complaints and satisfaction results 2004-2007")
    nar.table(
        ("Year", "Complaints received", "Answered within 10 days", "Satisfied customers"),
        [
            ("2004/05", "52", "79%", "74%", A),
            ("2005/06", "47", "84%", "78%", A),
            ("2006/07", "41", "88%", "81%", A),
        ],
        text_column=None,
    )
    nar.blank_page()

    nar.heading(f"Criterion 5: {CM_TITLES[5]}")
    nar.para(
        "The installation of a document imaging and workflow system in 2006 has reduced paper files by 70%, "
        "and any officer can now answer a query about a claim without waiting for the file to be found. We "
        "also share a fraud investigation team with Brackenby Borough Council, which saves £45,000 a "
        "year.", R)
    nar.para(
        "Other improvements to the working environment during the period included resurfacing the staff car "
        "park and replacing the boiler in the main office at Hartfield Road.", X)

    nar.heading(f"Criterion 6: {CM_TITLES[6]}")
    nar.para(
        "Our benefits advisers hold regular sessions at the Kelby Food Bank and join Citizens Advice "
        "outreach sessions in the rural villages, so that people who would not visit a council office can "
        "find out what they are entitled to. Our 2006 take-up campaign wrote to every pensioner household "
        "not claiming Council Tax Benefit and led to 312 new awards.", P)
    nar.line("Page 11 of 12")
    nar.line("Signed: ______________________   Head of Revenues and Benefits")
    nar.save(folder / "northshire_charter_mark_application_2007.docx", "Helen Ashworth",
             "Charter Mark Application 2007", datetime(2007, 6, 4, 10, 0), datetime(2007, 9, 14, 11, 20))

    # Evidence log: UTF-8 with BOM, comma-delimited.
    key = f"{org}/northshire_evidence_log.csv"
    _write_csv(folder / "northshire_evidence_log.csv", "utf-8-sig", ",", ("Ref", "Evidence", "Date", "Owner"),
               NS_CSV_ROWS, tally, key)


# --------------------------------------------------------------------------------------------------------
# 2. Riverside NHS Trust - Outpatients Clinic (weak: Accountability to the public)
# --------------------------------------------------------------------------------------------------------

RV_FORUM_WALK = "Patients' Forum walk-round of clinic areas; 14 recommendations"
RV_PANEL = "Patient panel mtg minutes (bi-monthly)"
RV_CARE_TRAINING = "Customer care training for all reception and booking staff (1 day)"
RV_JOINT_CLINIC = "Joint clinic with Riverside PCT at Millbrook Health Centre (diabetes, dermatology)"
RV_INTERPRETING = "Interpreting service (face to face + telephone) booked automatically from referral letter"

# Riverside matrix rows: ("BAND", text) for a merged criterion band, ("SPACER",) for a blank row, or
# (Crit., Evidence, Date, Lead, RAG, label); the Chars column is a formula filled in by the writer.
RV_MATRIX: list[Row] = [
    ("BAND", f"CRITERION 1 – {CM_TITLES[1].upper()}"),
    ("1.1", "Clinic standards agreed with Patients' Forum – max 30 min wait in clinic, GP letters within 10 "
     "working days", d(2005, 6, 14), "P. Gresham", "G", C),
    ("1.1.1", "18-week RTT performance reviewed weekly by Clinical Director; recovery plan agreed with Trust "
     "Board", d(2008, 3, 31), "Dr M. Kaur", "A", L),
    ("C1", "DNA rate reduced from 12% to 8% after text message reminder pilot", "2007", "T. Whitcombe", "G",
     P),
    ("1.2", "Clinic waiting times displayed on whiteboard in main waiting area", d(2006, 9, 18),
     "J. Ollerton", "G", A),
    ("CM1", "TBC", None, None, None, N),
    ("SPACER",),
    ("BAND", f"CRITERION 2 – {CM_TITLES[2].upper()}"),
    ("2.1.3", "Outpatient survey (Picker) 2006 – 84% rated care good/excellent", d(2006, 11, 30),
     "T. Whitcombe", "G", C),
    ("Criterion Two", RV_FORUM_WALK, "12/05/2007", "T. Whitcombe", "G", C),
    ("2.2", "Focus groups with Deaf patients and BSL users re appointment booking", "March 2006", "A. Brooks",
     "G", C),
    ("2.3.1", RV_JOINT_CLINIC, d(2005, 4, 4), "Dr M. Kaur", "G", C),
    ("2.4", "Staff survey results discussed at team mtgs; action plan agreed", d(2007, 2, 15), "P. Gresham",
     "A", L),
    ("2", RV_PANEL, "2007", "T. Whitcombe", "G", C),
    ("2.1", "ditto", None, None, None, N),
    ("SPACER",),
    ("BAND", f"CRITERION 3 – {CM_TITLES[3].upper()}"),
    ("3.1.1", RV_INTERPRETING, d(2006, 1, 9), "A. Brooks", "G", P),
    ("C3", "Evening clinics Tues & Thurs until 8pm for working patients", "Sept 2006", "P. Gresham", "G", P),
    ("3.2", "Choose & Book – patients offered choice of hospital, date and time", d(2006, 4, 1), "P. Gresham",
     "G", P),
    ("Criterion Three", "Hearing loop and Braille signage installed in main outpatients reception",
     d(2004, 10, 1), "Estates", "G", P),
    ("3.3", "EqIA of outpatient booking process – identified gaps for patients with learning disabilities",
     d(2007, 10, 22), "A. Brooks", "A", P),
    ("3.4", "Hospital transport eligibility checked at booking for elderly and disabled patients", "2005",
     "J. Ollerton", "G", P),
    ("3", "Patient info leaflets in 6 languages + easy read", None, "A. Brooks", "A", P),
    ("SPACER",),
    ("BAND", f"CRITERION 4 – {CM_TITLES[4].upper()}"),
    ("4.1", "PALS leaflet and posters explain how to raise concerns or complain", d(2005, 3, 1), "A. Brooks",
     "G", A),
    ("4.2.1", RV_CARE_TRAINING, d(2006, 6, 14), "D. Lyle", "G", T),
    ("CM4", "NVQ Level 3 in Customer Service – 5 medical secretaries", d(2007, 9, 30), "D. Lyle", "G", T),
    ("4.3", "Improvement plan following Healthcare Commission review; clinic overruns reduced",
     d(2007, 1, 8), "Dr M. Kaur", "A", L),
    ("Crit 4", "Clinic letter templates rewritten in plain English after patient feedback", "12/05/2007",
     "T. Whitcombe", "G", P),
    ("SPACER",),
    ("BAND", f"CRITERION 5 – {CM_TITLES[5].upper()}"),
    ("5.1", "Relocated medical records store to basement", "2005", "Estates", None, X),
    ("C5", "Partial booking system reduced clinic cancellations by 30%", d(2006, 7, 1), "P. Gresham", "G", R),
    ("5.2", "Volunteer meet-and-greet scheme (12 volunteers) at main entrance", "2007", "T. Whitcombe", "G",
     C),
    ("SPACER",),
    ("BAND", f"CRITERION 6 – {CM_TITLES[6].upper()}"),
    ("6.1", "Health promotion stands (smoking cessation, diabetes) in waiting area with Riverside PCT",
     "2006", "Dr M. Kaur", "G", C),
    # Misfiled: training evidence filed under criterion 6.
    ("C6", "Mandatory training compliance 94% (fire, manual handling, infection control)", d(2007, 12, 31),
     "D. Lyle", "A", T),
    ("6", "Conflict resolution training for all front-line staff", "2005", "D. Lyle", "G", T),
    ("Page 3 of 12", None, None, None, None, N),
]

RV_CSV_ROWS: list[Row] = [
    ("1.1", "Clinic standards agreed with Patients’ Forum – max 30 min wait, GP letters in 10 working days",
     "14/06/2005", "P. Gresham", C),
    ("C1", "Car parking concession – £3 weekly permit for patients attending clinic 3+ times a week", "2006",
     "Estates", P),
    ("2", RV_PANEL, "2007", "T. Whitcombe", C),
    ("2.1", "“Tell us what you think” comment cards in all clinic rooms; reviewed monthly", "Mar-07",
     "A. Brooks", C),
    # Near duplicate of RV_JOINT_CLINIC: US spelling and a different separator.
    ("Crit 2", "Joint clinic with Riverside PCT at Millbrook Health Center (diabetes; dermatology)",
     "04/04/2005", "Dr M. Kaur", C),
    # Near duplicate of RV_INTERPRETING: wording shortened.
    ("3", "Interpreting service booked automatically from referral letter", "09/01/2006", "A. Brooks", P),
    ("3.2", "Wheelchair loan scheme at main entrance – £1 coin deposit", "2004", "Estates", P),
    ("3", "Large print appointment letters on request", "", "A. Brooks", P),
    ("3.1", "Home visits by specialist nurses for housebound patients (heart failure, COPD)", "2007",
     "J. Ollerton", P),
    ("4", RV_CARE_TRAINING, "14/06/2006", "D. Lyle", T),
    ("4.2", "Induction program for new clinic staff incl. PALS session on handling concerns", "2006",
     "D. Lyle", T),
    ("4", "Preceptorship & mentoring for newly qualified nurses", "Sept 2007", "J. Ollerton", T),
    ("1.2", "Chief Executive’s monthly “Back to the floor” visits to outpatients", "2007",
     "Chief Executive", L),
    ("2.4", "Patient Experience Champion appointed at Board level (Non-Executive Director)", "01/10/2006",
     "Trust Board", L),
    ("4", "Trust Board approved £85,000 for outpatient waiting area refurbishment", "2007", "Trust Board", L),
    ("TBC", "n/a", "", "", N),
    ("", "Page 3 of 12", "", "", N),
    ("", "Prepared by: J. Smith, Performance Officer", "", "", N),
    ("5", "Replaced flooring in staff rest room – £2,400", "2005", "Estates", X),
    ("5", "Shared pathology courier with Millbrook Health Centre saves £12k p.a.", "2006", "P. Gresham", R),
    ("6", "Smoking cessation clinic run jointly with Riverside PCT in outpatients; drop-in Weds", "2006",
     "Dr M. Kaur", C),
    ("6.2", "ditto", "", "", N),
    ("4", "Clinic waiting time performance not yet published to patients – planned 2008", "", "P. Gresham",
     A),
    ("4.3", RV_COMPLAINTS_REPORT, "", "P. Gresham", A),
    ("", "Total items: 14", "", "", N),
    ("", "See evidence folder 4", "", "", N),
    ("", "Version 2.1 draft", "", "", N),
    ("RAG key", "G = in place; A = partly in place; R = not started", "", "", N),
]


def build_riverside(folder: Path, tally: Tally) -> None:
    org = folder.name
    # Workbook: one sheet, criterion column, merged heading bands, spacer rows, formula column, totals line.
    key = f"{org}/riverside_cm_evidence_matrix.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "CM Evidence Matrix"
    ws["A1"] = "Riverside NHS Trust – Outpatients Clinic: Charter Mark annual review 2008"
    ws["A1"].font = TITLE_FONT
    ws.merge_cells("A1:F1")
    ws["A2"] = "Prepared by: P. Gresham, Outpatients Manager – Version 2.1 draft"
    tally.add(key, N, str(ws["A1"].value))
    tally.add(key, N, str(ws["A2"].value))
    header_row = 3
    _write_header(ws, header_row, ("Crit.", "Evidence", "Chars", "Date", "Lead", "RAG"), fill="FCE4D6")
    band_fill = PatternFill("solid", start_color="005EB8", end_color="005EB8")
    r = header_row + 1
    first_data = r
    for row in RV_MATRIX:
        if row[0] == "BAND":
            ws.cell(row=r, column=1, value=row[1]).font = Font(bold=True, color="FFFFFF")
            ws.cell(row=r, column=1).fill = band_fill
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
            tally.add(key, N, str(row[1]))
        elif row[0] == "SPACER":
            tally.add(key, S, "")
        else:
            crit, evidence, date, lead, rag, code = row
            ws.cell(row=r, column=1, value=crit)
            if evidence is not None:
                ws.cell(row=r, column=2, value=evidence).alignment = Alignment(wrap_text=True)
                ws.cell(row=r, column=3, value=f"=LEN(B{r})")
            if date is not None:
                cell = ws.cell(row=r, column=4, value=date)
                if isinstance(date, datetime):
                    cell.number_format = "dd-mmm-yy"
            if lead is not None:
                ws.cell(row=r, column=5, value=lead)
            if rag is not None:
                ws.cell(row=r, column=6, value=rag)
            tally.add(key, code, _row_text(row[:-1], 1))
        r += 1
    last_data = r - 1
    r += 1
    ws.cell(row=r, column=1, value="Total items").font = BOLD
    ws.cell(row=r, column=2, value=f"=COUNTA(B{first_data}:B{last_data})").font = BOLD
    tally.add(key, N, "Total items")
    r += 2
    for text in ("Key:", "G = evidence in place", "A = evidence partly in place", "R = no evidence yet"):
        ws.cell(row=r, column=2, value=text)
        tally.add(key, N, text)
        r += 1
    _set_widths(ws, {"A": 15, "B": 72, "C": 7, "D": 12, "E": 14, "F": 6})
    ws.freeze_panes = "A4"
    _save_workbook(wb, folder / "riverside_cm_evidence_matrix.xlsx", "Paul Gresham",
                   datetime(2008, 1, 14, 8, 55), datetime(2008, 4, 11, 15, 5))

    # Narrative.
    key = f"{org}/riverside_charter_mark_submission_2008.docx"
    nar = Narrative(key, tally, "Riverside NHS Trust – Outpatients Clinic",
                    "Charter Mark application 2008 – Page ")
    nar.title("Outpatients Clinic: Charter Mark Submission")
    nar.line("Riverside NHS Trust – annual review 2008", bold=True)
    nar.line("Prepared by Paul Gresham, Outpatients Manager, on behalf of Dr Miriam Kaur, Clinical Director")

    nar.heading(f"Criterion 1 – {CM_TITLES[1]}")
    nar.para(
        "Our clinic standards were agreed with the Riverside Patients' Forum in 2005. They commit us to "
        "seeing patients within 30 minutes of their appointment time and to sending a letter to the "
        "patient's GP within ten working days. The Forum reviews the standards with us each year, and in "
        "2007 it asked us to add a standard for answering the appointments line.", C)
    nar.para(
        "The Clinical Director reviews 18-week referral to treatment performance every week with the "
        "outpatient managers, and the Trust Board receives a monthly report. Where a specialty falls behind, "
        "the Board agrees additional clinic sessions. In March 2008, 92% of patients were treated within 18 "
        "weeks.", L)
    nar.para(RV_NOT_PUBLISHED, L)  # mixed: the fact (board reporting) is Leadership; the gap is Accountability

    nar.heading(f"Criterion 2 – {CM_TITLES[2]}")
    nar.heading("2.1 Consultation", level=2)
    nar.para(
        "We use a range of methods to involve patients. The national outpatient survey is repeated locally "
        "every year, the Patients' Forum carries out an annual walk-round of the clinic areas, and in 2006 "
        "we held two focus groups with Deaf patients and British Sign Language users to find out how "
        "appointment booking could be made easier for them.", C)
    nar.bullet("Outpatient survey (Picker) 2006 – 84% rated care good or excellent", C)
    nar.bullet(RV_FORUM_WALK, C)
    nar.bullet("Patient panel meeting minutes (bi-monthly)", C)
    nar.heading("2.2 Working with partners", level=2)
    nar.para(
        "We run joint clinics with Riverside Primary Care Trust at Millbrook Health Centre so that patients "
        "can be seen closer to home. The volunteer meet-and-greet scheme, organized with the Riverside "
        "Volunteer Bureau, helps patients and visitors find their way around the hospital.", C)

    nar.heading(f"Criterion 3 – {CM_TITLES[3]}")
    nar.para(
        "We want every patient to be able to use the clinic without difficulty. Interpreters are booked "
        "automatically when the referral letter shows that a patient needs one, evening clinics on Tuesdays "
        "and Thursdays help patients who work, and Choose and Book lets patients choose the hospital, date "
        "and time of their first appointment. Our 2007 equality impact assessment showed that patients with "
        "learning disabilities found our letters hard to follow, so we are introducing easy read "
        "versions.", P)
    nar.table(
        ("Element", "Evidence", "Date"),
        [
            ("3.1", "Interpreting service booked automatically from referral letter", "January 2006", P),
            ("3.2", "Evening clinics on Tuesdays and Thursdays until 8pm", "September 2006", P),
            ("3.3", "Choose and Book offers choice of hospital, date and time", "April 2006", P),
            ("3.4", "Easy read appointment letters for patients with learning disabilities", "TBC", P),
        ],
    )
    nar.caption("Table 1: Access improvements 2004-2007")

    nar.heading(f"Criterion 4 – {CM_TITLES[4]}")
    nar.para(
        "All reception and booking staff attended a one-day custmer care course in 2006, and five medical "
        "secretaries have completed NVQ Level 3 in Customer Service. New staff follow a two-week induction "
        "program that includes shadowing in the clinic and a session with the PALS team on handling "
        "concerns.",
        T)
    nar.para(
        "Following the Healthcare Commission review in 2006 the Clinical Director set up an improvement plan "
        "for outpatients, chaired a monthly steering group and secured funding from the Trust Board for two "
        "additional nurse-led clinics. Clinic overruns have since fallen from one clinic in three to one in "
        "eight.", L)
    nar.caption("Table 2: Satisfaction results 2005-2007")
    nar.table(
        ("Year", "Patients surveyed", "Good or excellent", "Would recommend"),
        [
            ("2005", "350", "79%", "82%", C),
            ("2006", "410", "84%", "86%", C),
            ("2007", "395", "85%", "88%", C),
        ],
        text_column=None,
    )
    nar.line("See appendix C")
    nar.blank_page()

    nar.heading(f"Criterion 5 – {CM_TITLES[5]}")
    nar.para(
        "The partial booking system introduced in July 2006 means that follow-up appointments are booked six "
        "weeks ahead rather than months in advance, and clinic cancellations have fallen by 30%. A shared "
        "pathology courier with Millbrook Health Centre saves the Trust £12,000 a year.", R)
    nar.para(
        "During 2005 the medical records store was relocated to the basement and new flooring was laid in "
        "the staff rest room.", X)

    nar.heading(f"Criterion 6 – {CM_TITLES[6]}")
    nar.para(
        "With Riverside PCT we run health promotion stands on smoking cessation and diabetes in the main "
        "waiting area, and a weekly drop-in smoking cessation clinic is held in outpatients. Local voluntary "
        "groups use the stands to reach patients who rarely see their GP.", C)
    # Misfiled: training text under criterion 6.
    nar.para(
        "We are proud that 94% of our staff are up to date with their mandatory training, and conflict "
        "resolution training has been provided for all front-line staff since 2005.", T)
    nar.line("Page 12 of 12")
    nar.save(folder / "riverside_charter_mark_submission_2008.docx", "Paul Gresham",
             "Outpatients Clinic: Charter Mark Submission", datetime(2008, 2, 1, 9, 0),
             datetime(2008, 4, 18, 12, 30))

    # Evidence log: cp1252, semicolon-delimited.
    key = f"{org}/riverside_evidence_log.csv"
    _write_csv(folder / "riverside_evidence_log.csv", "cp1252", ";",
               ("Criterion", "Description", "Date logged", "Responsible officer"), RV_CSV_ROWS, tally, key)


# --------------------------------------------------------------------------------------------------------
# 3. Eastmoor County Council - Library Service (weak: Retraining staff, Leadership and commitment)
# --------------------------------------------------------------------------------------------------------

EM_STANDARDS = (
    "Library service standards published in 'Your Library Service' leaflet – e.g. 95% of requests supplied "
    "within 15 days"
)
EM_FRIENDS = "Friends of Thornby Library group – quarterly meetings"
EM_LARGE_PRINT = "Large print, audio books and Talking Books collection at all branches"
EM_MOBILE = "Mobile library timetable redesigned to serve 14 additional rural stops"
EM_SUMMER = "Summer Reading Challenge – 3,400 children took part 2007"
EM_PHOTOCOPIER = "Leased new photocopier for the stock room"
EM_PANEL = "Cust. panel mtg minutes"
EM_HOME_LIBRARY = "Home library service for housebound readers – 240 users, monthly visits by volunteers"
EM_UK_ONLINE = "Partnership with Eastmoor Adult Learning Service – UK Online centres in 6 branches"

EM_EVIDENCE_HEADERS = ("Criterion", "Description of evidence", "Date of evidence", "Evidence owner", "RAG")
EM_EVIDENCE_ROWS: list[Row] = [
    ("CRITERION 1", None, None, None, None, N),
    ("1.1", EM_STANDARDS, d(2006, 4, 1), "L. Fairbairn", "G", A),
    ("1.2", "PLSS results 2006/07 published in annual report – 7 of 10 standards met", d(2007, 5, 31),
     "M. Pennington", "G", A),
    ("1.3", "CIPFA PLUS adult survey 2006: 93% rated service good/very good", d(2006, 11, 20), "L. Fairbairn",
     "G", C),
    ("CRITERION 2", None, None, None, None, N),
    ("2.1", "Consultaion on new opening hours – 1,200 responses; Saturday afternoon opening introduced",
     "March 2006", "M. Pennington", "G", C),
    ("2.2", EM_FRIENDS, d(2005, 9, 12), "D. Okoro", "G", C),
    ("C2", "Teenage reading group co-designed summer reading list with Young People's Service",
     d(2007, 2, 20), "L. Fairbairn", "G", C),
    ("2.3", EM_UK_ONLINE, d(2004, 6, 1), "P. Desai", "G", C),
    ("2", EM_PANEL, "2006", "D. Okoro", "A", C),
    ("CRITERION 3", None, None, None, None, N),
    ("3.1", EM_HOME_LIBRARY, d(2005, 1, 10), "G. Hale", "G", P),
    ("3.2", "No formal complaints procedure for the home library service yet", None, "G. Hale", "R", A),
    ("Crit 3", EM_LARGE_PRINT, "2005", "L. Fairbairn", "G", P),
    ("3.3", EM_MOBILE, d(2007, 4, 16), "G. Hale", "G", P),
    ("3.4", "Access audit of all 11 branches; ramps installed at Holme Cross and Thornby", d(2004, 8, 1),
     "Property Services", "G", P),
    ("3.5", "Bookstart packs given to all babies in Eastmoor via health visitors", "2006", "D. Okoro", "G",
     P),
    ("CRITERION 4", None, None, None, None, N),
    ("4.1",
     "Comments & complaints leaflet in all branches; 63 complaints 2006/07, all answered within 15 days",
     d(2007, 4, 30), "M. Pennington", "G", A),
    ("4.2", "'You said, we did' boards in every branch after PLUS survey", "Jan 2007", "D. Okoro", "G", A),
    ("4.3", "Library Strategy 2005-2010 'Reading Places' approved by Cabinet", d(2005, 7, 14),
     "M. Pennington", "G", L),
    ("4", "See evidence folder 4", None, None, None, N),
    ("CRITERION 5", None, None, None, None, N),
    ("5.1", "Self-service RFID kiosks at Central Library – 60% of issues now self-service", d(2007, 8, 1),
     "P. Desai", "G", R),
    ("5.2", "Resurfaced staff car park at Central Library", d(2003, 9, 1), "Property Services", None, X),
    ("5.3", EM_PHOTOCOPIER, "2006", None, None, X),
    ("CRITERION 6", None, None, None, None, N),
    ("6.1", EM_SUMMER, d(2007, 9, 1), "L. Fairbairn", "G", C),
    # Misfiled: accountability evidence filed under criterion 6.
    ("6.2", "Annual report 2006/07 published on website with costs per visit and issues per head", "2007",
     "M. Pennington", "G", A),
    ("6.3", "Homework help clubs in 4 branches with Eastmoor schools", "2006", "D. Okoro", "A", C),
    (None, "Total items: 14", None, None, None, N),
    (None, "Page 3 of 12", None, None, None, N),
]

# Hidden sheet: real evidence, with its own header order.
EM_ARCHIVE_HEADERS = ("Criterion", "Description of evidence", "Evidence owner", "Date of evidence")
EM_ARCHIVE_ROWS: list[Row] = [
    ("2.1", "Reader survey 2004 (CIPFA PLUS) – 91% satisfied", "L. Fairbairn", d(2004, 11, 1), C),
    ("3.1", "Housebound service extended to residential care homes", "G. Hale", d(2005, 3, 1), P),
    ("3.2", "Polish and Lithuanian stock bought for Thornby branch following community profile",
     "L. Fairbairn", d(2005, 6, 1), P),
    ("4.1", "Staff induction checklist updated", "M. Pennington", d(2003, 10, 1), T),
    ("5.1", "Replaced boiler at Thornby branch", "Property Services", "2004", X),
    ("2", "ditto", None, None, N),
    ("1.1", EM_STANDARDS, "L. Fairbairn", d(2006, 4, 1), A),
]

EM_KEY_ROWS: list[Row] = [
    ("RAG key", None, N),
    ("Red", "Evidence not yet collected", N),
    ("Amber", "Evidence partly collected", N),
    ("Green", "Evidence complete and filed", N),
    ("Blue", "Best practice claimed", N),
]

EM_CSV_ROWS: list[Row] = [
    ("1.1", EM_STANDARDS, "01/04/2006", "L. Fairbairn", A),
    ("CM1", "Issue figures and visitor numbers for each branch posted on library noticeboards quarterly",
     "2005", "D. Okoro", A),
    ("CM2", EM_PANEL, "2006", "D. Okoro", C),
    ("CM2", "Library users' forum at Central Library – 3 mtgs a year", "2007", "D. Okoro", C),
    # Near duplicate of EM_UK_ONLINE: US spelling and a different dash.
    ("CM2.3", "Partnership with Eastmoor Adult Learning Service - UK Online centers in 6 branches", "2004",
     "P. Desai", C),
    # A quoted field containing the tab delimiter.
    ("CM2", "Consultation with non-users at Thornby market stall\tquestionnaire and informal chats",
     "2006-07-15", "D. Okoro", C),
    ("CM3", f"Criterion 3: {CM_TITLES[3]}", "", "", N),
    # Near duplicate of EM_HOME_LIBRARY: hyphen instead of en dash.
    ("CM3", "Home library service for housebound readers - 240 users, monthly visits by volunteers",
     "10/01/2005", "G. Hale", P),
    ("CM3", "Reader development program for adults with learning disabilities ('Books Beyond Words')", "2007",
     "L. Fairbairn", P),
    ("CM3", "Free internet access (People's Network) in all 11 branches, with assisted sessions for older "
     "people", "2004", "P. Desai", P),
    ("CM3", EM_LARGE_PRINT, "", "L. Fairbairn", P),
    ("CM3", "Online catalogue and renewals 24/7; text alerts for reservations", "2006", "P. Desai", P),
    ("CM4", "63 complaints 2006/07 – all answered within 15 days, results reported to Cabinet Member",
     "30/04/2007", "M. Pennington", A),
    ("CM4", "Version 2.1 draft", "", "", N),
    ("CM5", EM_PHOTOCOPIER, "2006", "", X),
    ("CM5", "Shared stock supplier contract with 3 neighbouring authorities saved £38k", "2005",
     "L. Fairbairn", R),
    ("CM6", "Local history project with Holme Cross Heritage Society – oral history recordings", "2006",
     "D. Okoro", C),
    ("CM6", EM_SUMMER, "Sept 2007", "L. Fairbairn", C),
    ("CM2", EM_TRAINING_PLAN, "", "M. Pennington", T),
    ("n/a", "TBC", "", "", N),
    ("", "Page 3 of 12", "", "", N),
    ("", "Total items: 14", "", "", N),
    ("", "Prepared by: J. Smith, Performance Officer", "", "", N),
    ("", "ditto", "", "", N),
    ("", "Key: R = not started, A = in progress, G = complete", "", "", N),
]


def build_eastmoor(folder: Path, tally: Tally) -> None:
    org = folder.name
    # Workbook: visible evidence sheet, hidden archive sheet with real evidence, RAG key sheet.
    key = f"{org}/eastmoor_evidence_register.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Evidence"
    ws["A1"] = "Eastmoor County Council Library Service – Charter Mark evidence register"
    ws["A1"].font = TITLE_FONT
    ws["A2"] = "Prepared by: D. Okoro, Community Librarian"
    tally.add(key, N, str(ws["A1"].value))
    tally.add(key, N, str(ws["A2"].value))
    _write_header(ws, 4, EM_EVIDENCE_HEADERS, fill="E2EFDA")
    _write_rows(ws, 5, EM_EVIDENCE_ROWS, tally, key)
    for row in ws.iter_rows(min_row=5, max_col=1):
        cell = row[0]
        if isinstance(cell.value, str) and cell.value.startswith("CRITERION"):
            cell.font = BOLD
    _set_widths(ws, {"A": 13, "B": 75, "C": 15, "D": 18, "E": 6})

    archive = wb.create_sheet("Archive 2005")
    archive.sheet_state = "hidden"
    _write_header(archive, 1, EM_ARCHIVE_HEADERS)
    _write_rows(archive, 2, EM_ARCHIVE_ROWS, tally, key)
    _set_widths(archive, {"A": 10, "B": 70, "C": 18, "D": 15})

    key_sheet = wb.create_sheet("Key")
    _write_rows(key_sheet, 1, EM_KEY_ROWS, tally, key)
    key_sheet["A1"].font = BOLD
    _set_widths(key_sheet, {"A": 10, "B": 35})
    _save_workbook(wb, folder / "eastmoor_evidence_register.xlsx", "David Okoro",
                   datetime(2005, 2, 28, 14, 10), datetime(2007, 10, 30, 17, 0))

    # Narrative: criterion headings use Heading 1; sub-headings are bold Normal paragraphs.
    key = f"{org}/eastmoor_charter_mark_application_2007.docx"
    nar = Narrative(key, tally, "Eastmoor County Council Library Service",
                    "Charter Mark application 2007 – Page ")
    nar.title("Eastmoor Libraries: Charter Mark Application 2007")
    nar.line("Prepared by Margaret Pennington, Head of Libraries")
    nar.line("Key: Red – not started; Amber – in progress; Green – complete")

    nar.heading(f"Criterion 1: {CM_TITLES[1]}")
    nar.para(
        "We publish our service standards in the 'Your Library Service' leaflet, which is available in every "
        "branch and on the mobile libraries. The leaflet promises, for example, that 95% of requests will be "
        "supplied within 15 days, and our annual report shows how we performed against each standard. In "
        "2006/07 we met seven of the ten Public Library Service Standards.", A)
    nar.bullet("Library service standards published in 'Your Library Service' leaflet, e.g. 95% of requests "
               "supplied within 15 days.", A)

    nar.heading(f"Criterion 2: {CM_TITLES[2]}")
    nar.line("2.1 Consultation", bold=True)
    nar.para(
        "Before changing opening hours in 2006 we consulted library users and non-users through "
        "questionnaires in every branch, on the website and at community venues. We received 1,200 "
        "responses, and as a result Saturday afternoon opening was introduced at the six largest branches. "
        "Our custmer panel meets twice a year to comment on new services.", C)
    nar.line("2.2 Partnerships", bold=True)
    nar.para(
        "We work with Eastmoor Adult Learning Service to run UK Online centres in six branches, and with "
        "health visitors to deliver the Bookstart program to every new baby in the county. Friends groups "
        "support several branches and help us plan events.", C)
    nar.bullet(EM_FRIENDS, C)
    nar.bullet("Teenage reading group co-designed the summer reading list with young people", C)
    nar.bullet("Homework help clubs run with Eastmoor schools in four branches", C)

    nar.heading(f"Criterion 3: {CM_TITLES[3]}")
    nar.para(
        "The home library service reaches 240 housebound readers every month through a team of volunteers, "
        "and since 2005 it has also served residential care homes. The mobile library timetable was "
        "redesigned in 2007 to add 14 rural stops, and every branch holds large print books, audio books and "
        "Talking Books. Following our community profile we bought Polish and Lithuanian stock for Thornby "
        "branch.", P)
    nar.para(
        "We recognise that there is no formal complaints procedure for the home library service yet. "
        "Volunteers pass on comments informally, and we plan to introduce a procedure in 2008.", A)
    nar.table(
        ("Element", "Evidence", "Date"),
        [
            ("3.1", "Home library service for housebound readers – 240 users", "2005", P),
            ("3.3", EM_MOBILE, "April 2007", P),
            ("3.4", "Access audit of all 11 branches", "2004", P),
            ("3.5", "Audio-described DVD collection for visually impaired customers", "n/a", P),
        ],
    )
    nar.caption("Table 1: Access improvements 2004-2007")

    nar.heading(f"Criterion 4: {CM_TITLES[4]}")
    nar.para(
        "Comments and complaints leaflets are available in every branch. In 2006/07 we received 63 "
        "complaints and all were answered within 15 days; the results are reported to the Cabinet Member and "
        "summarised in our annual report. After each PLUS survey we put up 'You said, we did' boards in "
        "every branch.", A)
    nar.para(
        "Staff training has been limited by budget pressures since 2004. There is no structured customer "
        "care training program for library assistants, and relief staff receive only a local induction from "
        "the branch supervisor.", T)
    nar.caption("Table 2: Satisfaction results 2004-2007")
    nar.table(
        ("Year", "Adults satisfied", "Children satisfied"),
        [
            ("2004", "91%", "n/a", C),
            ("2006", "93%", "89%", C),
            ("2007", "TBC", "90%", C),
        ],
        text_column=None,
    )
    nar.line("See appendix C")
    nar.blank_page()

    nar.heading(f"Criterion 5: {CM_TITLES[5]}")
    nar.para(
        "Self-service RFID kiosks were installed at Central Library in 2007 and now handle 60% of issues, "
        "freeing staff to help customers find information. A shared stock supplier contract with three "
        "neighbouring authorities saved £38,000 in its first year.", R)
    nar.para(
        "We also resurfaced the staff car park at Central Library and replaced the boiler at Thornby branch.",
        X)

    nar.heading(f"Criterion 6: {CM_TITLES[6]}")
    nar.para(
        "Libraries are at the heart of their communities. In 2007, 3,400 children took part in the Summer "
        "Reading Challenge, and our local history project with the Holme Cross Heritage Society recorded the "
        "memories of older residents at the community center.", C)
    nar.para(
        "The Cabinet Member for Culture and Leisure chairs a Libraries Board that meets twice a year and "
        "approved the Library Strategy 2005-2010, 'Reading Places'.", L)
    nar.line("Page 12 of 12")
    nar.save(folder / "eastmoor_charter_mark_application_2007.docx", "Margaret Pennington",
             "Eastmoor Libraries: Charter Mark Application 2007", datetime(2007, 7, 2, 9, 15),
             datetime(2007, 11, 5, 10, 40))

    # Evidence log: UTF-8 (no BOM), tab-delimited.
    key = f"{org}/eastmoor_evidence_log.csv"
    _write_csv(folder / "eastmoor_evidence_log.csv", "utf-8", "\t", ("CM ref", "Item", "Date", "Lead"),
               EM_CSV_ROWS, tally, key)


# --------------------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------------------

ORGANISATIONS = (
    ("northshire-revenues-benefits", build_northshire),
    ("riverside-outpatients", build_riverside),
    ("eastmoor-libraries", build_eastmoor),
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate fictional legacy Charter Mark sample portfolios.")
    parser.add_argument(
        "output_dir",
        nargs="?",
        type=Path,
        default=Path(__file__).resolve().parent,
        help="folder to write the three organisation folders into (default: this script's folder)",
    )
    parser.add_argument(
        "--labels",
        type=Path,
        default=DEFAULT_LABELS,
        help="CSV file to write the intended label of every text into (default: tests/data/sample_labels.csv)",
    )
    args = parser.parse_args(argv)
    out: Path = args.output_dir
    tally = Tally()
    for name, build in ORGANISATIONS:
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        build(folder, tally)
    tally.write_labels(args.labels)
    print(f"Wrote sample portfolios to {out}")
    print(f"Wrote intended labels ({len(tally.rows)} texts) to {args.labels}")
    print(tally.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
