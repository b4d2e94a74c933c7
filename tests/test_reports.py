"""Tests for the report writers: every report is written, then read back and checked."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document as open_document
from docx.document import Document
from docx.table import Table
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from report_fixture import (
    AS_OF,
    CONTROL_TEXT,
    FORMULA_TEXT,
    HEADER_NOTE,
    ORGANISATION,
    UNREADABLE,
    make_run_result,
)

from cse_migrate.ages import freshness_of, months_before
from cse_migrate.errors import OutputError
from cse_migrate.model import RunResult
from cse_migrate.reports.common import as_of_midnight, normalise_zip, stale_label, summarise_reasons, truncate
from cse_migrate.reports.docx.report import build_gap_document, write_gap_report
from cse_migrate.reports.plain import document_labels
from cse_migrate.reports.summary import OrgOutcome, write_batch_summary
from cse_migrate.reports.xlsx.report import write_evidence_workbook
from cse_migrate.reports.xlsx.sheets import sheet_name, unique_sheet_name

CRITERION_SHEETS = ["1 Personalisation of services", "2 Collaboration with public", "3 Retraining staff",
                    "4 Leadership and commitment", "5 Accountability to the public"]
EXPECTED_STATUS = {"1": "Met", "2": "Partially met", "3": "Partially met", "4": "Gap", "5": "Met"}
FILL = {"Met": "C6EFCE", "Partially met": "FFEB9C", "Gap": "FFC7CE"}


# --- fixtures and helpers --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def result() -> RunResult:
    return make_run_result()


@pytest.fixture(scope="module")
def docx_path(result: RunResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "gap-analysis.docx"
    write_gap_report(result, path)
    return path


@pytest.fixture(scope="module")
def document(docx_path: Path) -> Document:
    return open_document(str(docx_path))


@pytest.fixture(scope="module")
def xlsx_path(result: RunResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "evidence.xlsx"
    write_evidence_workbook(result, path)
    return path


def all_text(document: Document) -> str:
    """Every paragraph and table cell of the body, one per line."""
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def table_with_header(document: Document, first: str, second: str | None = None) -> list[Table]:
    """Tables whose header row starts with ``first`` (and ``second``)."""
    found = []
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[0] == first and (second is None or header[1] == second):
            found.append(table)
    return found


def rows_of(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def headings(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def sheet_rows(sheet: Worksheet) -> list[dict[str, object]]:
    """Rows of a sheet as dictionaries keyed by the header row."""
    values = list(sheet.iter_rows(values_only=True))
    header = [str(v) for v in values[0]]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


# --- shared helpers --------------------------------------------------------------------------------------


def test_months_before_clamps_to_month_end() -> None:
    assert months_before(date(2009, 3, 31), 1) == date(2009, 2, 28)
    assert months_before(date(2008, 3, 31), 1) == date(2008, 2, 29)
    assert months_before(date(2009, 3, 31), 36) == date(2006, 3, 31)
    assert months_before(date(2009, 1, 15), 2) == date(2008, 11, 15)


def test_freshness_boundaries() -> None:
    assert freshness_of(None, AS_OF, 36) == "undated"
    assert freshness_of(date(2006, 3, 31), AS_OF, 36) == "recent"  # exactly on the cut-off: still recent
    assert freshness_of(date(2006, 3, 30), AS_OF, 36) == "old"
    assert freshness_of(date(2009, 6, 1), AS_OF, 36) == "future"
    assert stale_label(freshness_of(date(2005, 2, 1), AS_OF, 36)) == "yes"
    assert stale_label(freshness_of(date(2009, 6, 1), AS_OF, 36)) == "no"  # dated after as-of: not stale
    assert stale_label(freshness_of(None, AS_OF, 36)) == "undated"


def test_truncate_cuts_at_a_word() -> None:
    text = "word " * 200
    cut = truncate(text, 400)
    assert len(cut) <= 400
    assert cut.endswith("word…")
    assert truncate("short  text", 400) == "short text"


def test_summarise_reasons_names_phrases_and_rules(result: RunResult) -> None:
    home_visits = result.item_by_id()["E0003"]
    text = summarise_reasons(home_visits.mappings[0].reasons)
    assert text == 'phrases: "home visits", "large print" (as "large prnt")'
    survey = result.item_by_id()["E0001"]
    assert "crosswalk: CW-5.1" in summarise_reasons(survey.mappings[0].reasons)


# --- the Word gap report ---------------------------------------------------------------------------------


def test_title_page(document: Document, result: RunResult) -> None:
    assert headings(document, "Title") == ["Customer Service Excellence gap analysis"]
    text = all_text(document)
    assert ORGANISATION in text
    assert f"Evidence assessed as at 31 March 2009, against {result.framework_title}." in text
    assert "cse-migrate 0.1.0" in text
    # the rules version and checksums belong to the method appendix, not the cover
    cover = text.split("Executive summary")[0]
    assert "2009.1" not in cover and "aaaa" not in cover


def test_headings_put_summary_and_findings_before_the_appendices(document: Document) -> None:
    level1 = headings(document, "Heading 1")
    assert level1 == ["Executive summary", "Findings by criterion", "Action plan",
                      "Appendix A: All evidence by part", "Appendix B: Filing a person should check",
                      "Appendix C: Evidence not matched to any part",
                      "Appendix D: Where the Charter Mark evidence went", "Appendix E: What was set aside",
                      "Appendix F: Method, settings and rules"]
    assert headings(document, "Heading 2")[2:7] == CRITERION_SHEETS


def test_contents_has_real_entries_with_page_fields(docx_path: Path, document: Document) -> None:
    """The contents page lists every Heading 1 as text from the start (no "right-click to update")."""
    entries = [p.text.rstrip("\t") for p in document.paragraphs if p.text.endswith("\t")]
    assert entries == headings(document, "Heading 1")
    with zipfile.ZipFile(docx_path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        settings = archive.read("word/settings.xml").decode("utf-8")
    assert body.count("PAGEREF _Toc") == len(entries)
    assert body.count('w:bookmarkStart w:id="90') == len(entries)
    assert "Right-click" not in body and "TOC \\o" not in body
    assert '<w:updateFields w:val="true"/>' in settings


def test_summary_table_keeps_the_two_axes_apart(document: Document) -> None:
    (table,) = table_with_header(document, "Criterion", "Content shows")
    assert [c.text for c in table.rows[0].cells] == ["Criterion", "Content shows", "Evidence age",
                                                      "Estimated reading", "Held back by"]
    rows = rows_of(table)
    assert [r[0] for r in rows] == CRITERION_SHEETS
    assert {r[0].split()[0]: r[3] for r in rows} == EXPECTED_STATUS
    for row, status in zip(table.rows[1:], EXPECTED_STATUS.values(), strict=True):
        assert f'w:fill="{FILL[status]}"' in row.cells[3]._tc.xml
    assert "w:tblHeader" in table.rows[0]._tr.xml
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert table.style is not None and table.style.name == "Table Grid"
    assert rows[2] == ["3 Retraining staff", "Partially met", "1 out of date", "Partially met", "content"]
    assert rows[3][1:] == ["Gap", "none", "Gap", "content"]
    for row in rows:  # a passing reading is held back by nothing; a failing one always says by what
        assert (row[4] == "-") == (row[3] == "Met")


def test_executive_summary_says_what_was_read_in_one_line(document: Document) -> None:
    text = all_text(document)
    assert ("Read 3 files (Charter Mark portfolio, Evidence log and Narrative): 6 items filed as evidence, 1 not "
            "matched to any part (Appendix C). 1 file could not be read (Appendix E).") in text
    summary = text.split("Executive summary")[2].split("Findings by criterion")[0]
    assert "noise" not in summary and "duplicate" not in summary  # the accounting is in the method appendix
    assert "9 items read from 3 files: 6 filed as evidence, 1 not matched" in text


def test_footer_has_page_field(document: Document) -> None:
    footer_xml = document.sections[0].footer._element.xml
    assert 'w:fldCharType="begin"' in footer_xml
    assert 'w:fldCharType="separate"' in footer_xml
    assert 'w:fldCharType="end"' in footer_xml
    assert "PAGE" in footer_xml
    assert document.sections[0].footer.paragraphs[0].text.endswith("page 1")


def test_pictures_carry_alt_text(docx_path: Path) -> None:
    with zipfile.ZipFile(docx_path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        pictures = [n for n in archive.namelist() if n.startswith("word/media/") and n.endswith(".png")]
    assert len(pictures) == 2
    alts = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)
    assert len(alts) == 2
    assert alts[0].startswith("Heat map") and "4 Gap" in alts[0]
    assert alts[1].startswith("Bar chart of evidence age") and "3 0 recent, 1 out of date" in alts[1]


def test_evidence_tables_cite_file_and_place_in_plain_words(document: Document) -> None:
    evidence_tables = table_with_header(document, "Evidence", "Where")
    first = rows_of(evidence_tables[0])
    assert first[0][0].startswith("“Home visits offered")
    assert first[0][1] == "Evidence log, row 12\nitem E0003"
    assert first[0][3] == "mentions “home visits” and “large print”"
    collaboration = rows_of(evidence_tables[1])
    assert collaboration[0][1] == "Charter Mark portfolio, sheet Crit 5, row 4\nitem E0001"
    assert collaboration[0][3] == "mentions “survey”; filed under Charter Mark 5.1.2; also counts towards 5"
    assert collaboration[1][0] == f"“{FORMULA_TEXT}”"  # plain text in Word: no apostrophe needed
    assert collaboration[1][2] == "undated"
    assert rows_of(evidence_tables[2])[0][2] == "2005-02-01 (out of date)"
    assert "No evidence found: nothing read shows this part." in all_text(document)


def test_file_names_read_as_their_owners_write_them() -> None:
    labels = document_labels(["riverside_charter_mark_submission_2008.docx", "riverside_cm_evidence_matrix.xlsx",
                              "customer_service_plan.doc", "nhs-kpis.csv"], "Riverside Outpatients")
    assert list(labels.values()) == ["Charter Mark submission 2008", "CM evidence matrix", "Customer service plan",
                                     "NHS KPIs"]


def test_actions_and_checklist(document: Document) -> None:
    (plan,) = table_with_header(document, "Priority", "Action")
    rows = rows_of(plan)
    assert rows[0][0] == "High"
    assert rows[0][1].startswith("Find or create evidence for 4 Leadership and commitment: nothing read shows it")
    assert rows[2][1].startswith("Strengthen the evidence for 3 Retraining staff: only one strong item so far")
    assert rows[2][2].startswith("“Staff received retraining") and "sheet Crit 3, row 2" in rows[2][2]
    checklist = [p.text for p in document.paragraphs if p.text.startswith("\u2610")]
    assert "\u2610  Minutes of customer forums showing decisions taken." in checklist
    assert len(checklist) == 6  # every expected-evidence line of every criterion


def test_control_characters_are_removed(document: Document, docx_path: Path) -> None:
    assert CONTROL_TEXT.rstrip("\x07") in all_text(document)
    with zipfile.ZipFile(docx_path) as archive:
        assert b"\x07" not in archive.read("word/document.xml")


def test_appendix_tables_list_every_item(document: Document) -> None:
    (unmapped,) = \
        [t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Evidence", "Where", "Note"]]
    assert rows_of(unmapped) == [["“Misc. filing notes for the office move”", "Evidence log, row 14\nitem E0006",
                                  "closest to 2 Collaboration with public, but not close enough; it cites "
                                  "Charter Mark 6.1.1"]]
    (duplicates,) = table_with_header(document, "Copy", "Where")
    assert rows_of(duplicates)[0][1:] == ["Narrative, paragraph 14\nitem E0008", "item E0001"]
    (noise,) = table_with_header(document, "Line", "Where")
    assert rows_of(noise) == [["“Page 3 of 12”", "Narrative, paragraph 20\nitem E0007"]]
    (errors,) = table_with_header(document, "File", "Reason")
    assert rows_of(errors)[0][0] == UNREADABLE
    (files,) = table_with_header(document, "Document", "Format")
    assert [r[0] for r in rows_of(files)] == ["Charter Mark portfolio", "Evidence log", "Narrative"]
    (names,) = table_with_header(document, "Document", "File name")
    assert [r[1] for r in rows_of(names)] == ["Charter Mark portfolio.xlsx", "evidence_log.csv", "narrative.docx"]
    # units read, blank, other skipped, evidence items, then (issue 3) noise, duplicates and kept, then
    # (issue 11) pieces deliberately not read, whose note follows
    assert rows_of(files)[0][2:] == ["9", "4", "2", "3", "0", "0", "3", "0"]
    assert rows_of(files)[2][2:] == ["22", "12", "7", "3", "1", "1", "1", "2"]


def test_method_appendix(document: Document) -> None:
    (settings,) = table_with_header(document, "Setting", "Value")
    values = {r[0].split("\n")[-1]: r[1] for r in rows_of(settings)}  # the name is in small print below
    assert values["map_threshold"] == "0.35"
    assert values["stale_months"] == "36"
    assert values["duplicate_similarity"] == "0.92"
    assert values["semantic"] == "off"
    (rules,) = table_with_header(document, "Rules file", "Checksum")
    assert rows_of(rules)[0] == ["frameworks/five-points.yaml", "a" * 16]
    text = all_text(document)
    assert "Rules version 2009.1" in text
    assert "tolerance for spelling slips" in text and "crosswalk" in text and "folded" in text


def test_all_files_read_message(tmp_path: Path, result: RunResult) -> None:
    path = tmp_path / "clean.docx"
    write_gap_report(dataclasses.replace(result, errors=()), path)
    text = all_text(open_document(str(path)))
    assert "Every file was read." in text
    assert "could not be read" not in text.split("Appendix E")[0]


def test_core_properties_are_deterministic(document: Document) -> None:
    props = document.core_properties
    assert props.title == f"CSE gap analysis \u2013 {ORGANISATION}"
    assert props.author == "cse-migrate"
    assert props.created is not None and props.created.replace(tzinfo=None) == datetime(2009, 3, 31)
    assert props.modified is not None and props.modified.replace(tzinfo=None) == datetime(2009, 3, 31)


def test_body_font_and_page_size(document: Document) -> None:
    normal = document.styles["Normal"]
    assert normal.font.name == "Calibri"
    section = document.sections[0]
    assert section.page_width is not None and round(section.page_width.cm, 1) == 21.0


def test_writing_twice_gives_identical_files(tmp_path: Path, result: RunResult) -> None:
    first, second = tmp_path / "a" / "gap.docx", tmp_path / "b" / "gap.docx"
    write_gap_report(result, first)
    write_gap_report(result, second)
    assert all_text(open_document(str(first))) == all_text(open_document(str(second)))
    assert first.read_bytes() == second.read_bytes()
    book_a, book_b = tmp_path / "a" / "evidence.xlsx", tmp_path / "b" / "evidence.xlsx"
    write_evidence_workbook(result, book_a)
    write_evidence_workbook(result, book_b)
    assert book_a.read_bytes() == book_b.read_bytes()


def test_word_report_is_the_document_python_docx_saves_stamped(tmp_path: Path, result: RunResult) -> None:
    """The Word report is written from python-docx's members, compressed once, not saved and then rewritten
    stamped: the file must still be exactly the saved document, stamped."""
    written, saved = tmp_path / "written.docx", tmp_path / "saved.docx"
    write_gap_report(result, written)
    build_gap_document(result).save(str(saved))
    normalise_zip(saved, as_of_midnight(result.settings.as_of))
    assert written.read_bytes() == saved.read_bytes()


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path, result: RunResult) -> None:
    write_gap_report(result, tmp_path / "gap.docx")
    write_gap_report(result, tmp_path / "gap.docx")  # overwriting is atomic too
    write_evidence_workbook(result, tmp_path / "evidence.xlsx")
    write_batch_summary([OrgOutcome("A", "a", result, None)], [("1", "Personalisation of services")],
                        tmp_path / "summary.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evidence.xlsx", "gap.docx", "summary.xlsx"]


def test_failed_write_leaves_nothing_behind(tmp_path: Path, result: RunResult) -> None:
    blocked = tmp_path / "gap.docx"
    blocked.mkdir()  # a folder where the report should go: the final rename must fail
    with pytest.raises(OutputError):
        write_gap_report(result, blocked)
    assert [p.name for p in tmp_path.iterdir()] == ["gap.docx"]
    assert blocked.is_dir()


def test_docx_converts_to_pdf(docx_path: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed, so the PDF conversion cannot be checked")
    profile = tmp_path / "lo-profile"  # a private profile: no clash with a running LibreOffice
    outdir = tmp_path / "pdf"
    completed = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(docx_path)],
        capture_output=True, text=True, timeout=120, check=False)
    pdf = outdir / "gap-analysis.pdf"
    assert pdf.exists(), f"soffice exited {completed.returncode}: {completed.stderr}"
    assert pdf.stat().st_size > 0
    assert pdf.read_bytes().startswith(b"%PDF")


# --- the Excel evidence portfolio ------------------------------------------------------------------------


def test_sheet_names(xlsx_path: Path) -> None:
    workbook = load_workbook(xlsx_path)
    # the Review sheet first (the reviewer's form), its hidden Lists and Meta sheets last
    assert workbook.sheetnames == ["Review", *CRITERION_SHEETS, "Gap findings", "Unmapped", "Duplicates", "Noise",
                                   "Unreadable files", "Files", "Lists", "Meta"]
    assert [s.title for s in workbook.worksheets if s.sheet_state != "visible"] == ["Lists", "Meta"]


def test_sheet_name_is_made_legal() -> None:
    name = sheet_name("3.1", "A very long title: with [brackets] / slashes? and *stars*")
    assert len(name) <= 31
    assert not set(name) & set("[]:*?/\\")
    assert name.startswith("3.1 A very long title with")
    assert unique_sheet_name("Noise", {"noise"}) == "Noise (2)"
    assert unique_sheet_name("x" * 31, {"x" * 31}) == "x" * 27 + " (2)"


def test_criterion_sheet_rows(xlsx_path: Path) -> None:
    workbook = load_workbook(xlsx_path)
    sheet = workbook["2 Collaboration with public"]
    header = [c.value for c in sheet[1]]
    assert header[:14] == ["Item", "Evidence", "Score", "Strength", "Stale", "Legacy ref", "Date", "Owner",
                           "File", "Sheet", "Row", "Paragraph", "Table", "Why"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}3"
    rows = sheet_rows(sheet)
    assert [r["Item"] for r in rows] == ["E0001", "E0004"]
    assert rows[0]["Score"] == 0.5 and rows[0]["Strength"] == "partial"
    assert rows[0]["File"] == "Charter Mark portfolio.xlsx" and rows[0]["Sheet"] == "Crit 5"
    assert rows[0]["Row"] == 4
    assert rows[0]["Legacy ref"] == "5.1.2"
    assert rows[1]["Stale"] == "undated"
    stale = sheet_rows(workbook["3 Retraining staff"])
    assert stale[0]["Stale"] == "yes"
    assert stale[0]["Legacy ref"] == "3.2.1 (from heading or sheet)"
    fresh = sheet_rows(workbook["1 Personalisation of services"])
    assert [r["Stale"] for r in fresh] == ["no", "no"]
    assert fresh[0]["Strength"] == "strong"
    assert sheet_rows(workbook["4 Leadership and commitment"]) == []


def test_formula_text_is_stored_as_text(xlsx_path: Path) -> None:
    sheet = load_workbook(xlsx_path)["2 Collaboration with public"]
    cell = sheet["B3"]
    assert cell.data_type == "s"
    # the evidence exactly as written (no apostrophe added), typed as text, and quote-prefixed so that
    # editing the cell in Excel cannot turn it into a formula either
    assert cell.value == FORMULA_TEXT
    assert cell.quotePrefix is True
    with zipfile.ZipFile(xlsx_path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)  # no formulas anywhere in the portfolio


def test_dates_are_real_dates(xlsx_path: Path) -> None:
    sheet = load_workbook(xlsx_path)["1 Personalisation of services"]
    cell = sheet["G2"]
    assert sheet["G1"].value == "Date"
    assert cell.is_date
    assert cell.value == datetime(2008, 11, 3)
    assert cell.number_format == "yyyy-mm-dd"


def test_control_character_removed_in_workbook(xlsx_path: Path) -> None:
    rows = sheet_rows(load_workbook(xlsx_path)["1 Personalisation of services"])
    assert rows[1]["Evidence"] == CONTROL_TEXT.rstrip("\x07")


def test_accounting_sheets(xlsx_path: Path) -> None:
    workbook = load_workbook(xlsx_path)
    unmapped = sheet_rows(workbook["Unmapped"])
    assert [r["Item"] for r in unmapped] == ["E0006"]
    assert unmapped[0]["Nearest criterion"] == "2" and unmapped[0]["Date"] == "spring"
    duplicates = sheet_rows(workbook["Duplicates"])
    assert [(r["Item"], r["Kept as"]) for r in duplicates] == [("E0008", "E0001")]
    noise = sheet_rows(workbook["Noise"])
    assert [(r["Item"], r["Rule"]) for r in noise] == [("E0007", "noise.page-number")]
    errors = sheet_rows(workbook["Unreadable files"])
    assert errors[0]["File"] == UNREADABLE
    files = sheet_rows(workbook["Files"])
    assert [(r["File"], r["Evidence items"], r["Not read"]) for r in files] == [
        ("Charter Mark portfolio.xlsx", 3, 0), ("evidence_log.csv", 3, 0), ("narrative.docx", 3, 2)]
    assert files[2]["Notes"] == HEADER_NOTE


def test_workbook_properties(xlsx_path: Path) -> None:
    props = load_workbook(xlsx_path).properties
    assert props.created == datetime(2009, 3, 31)
    assert props.modified == datetime(2009, 3, 31)
    assert props.creator == "cse-migrate"


# --- the batch summary -----------------------------------------------------------------------------------


def test_batch_summary(tmp_path: Path, result: RunResult) -> None:
    clean = dataclasses.replace(make_run_result("Eastfield Housing"), errors=())
    outcomes = [
        OrgOutcome("Northshire", "northshire", result, None),
        OrgOutcome("Eastfield Housing", "eastfield", clean, None),
        OrgOutcome("=Westby", "westby", None, "no readable evidence files in westby"),
    ]
    criteria = [(cid, title) for cid, title in result.criteria_titles]
    path = tmp_path / "summary.xlsx"
    write_batch_summary(outcomes, criteria, path, ["packs/client-a"])
    workbook = load_workbook(path)
    sheet = workbook["Summary"]
    header = [c.value for c in sheet[1]]
    assert header == ["Organisation", "Report", "Run status", "Ready (this framework)",
                      "Ready (other framework, indicative)", *CRITERION_SHEETS, "Recent evidence",
                      "Out-of-date evidence", "Undated evidence", "Priorities", "Items read", "Mapped",
                      "Unmapped", "Noise", "Duplicates", "Files read", "Files unreadable", "Errors"]
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref == "A1:V4"
    assert all(c.font.bold for c in sheet[1])
    rows = sheet_rows(sheet)
    # worst first: the failed run, then the two not ready (same number of points met: by name)
    assert [r["Organisation"] for r in rows] == ["=Westby", "Eastfield Housing", "Northshire"]
    assert [r["Run status"] for r in rows] == ["failed", "ok", "ok, some files unreadable"]
    northshire = rows[2]
    assert northshire["4 Leadership and commitment"] == "Gap"
    assert northshire["Ready (this framework)"] == "not yet"
    assert (northshire["Recent evidence"], northshire["Out-of-date evidence"], northshire["Undated evidence"]) == \
        (4, 1, 1)
    assert northshire["Priorities"] == 3
    assert northshire["Items read"] == 9 and northshire["Mapped"] == 6 and northshire["Files unreadable"] == 1
    assert str(northshire["Errors"]).startswith(f"{UNREADABLE}: not a readable workbook")
    assert rows[0]["Errors"] == "no readable evidence files in westby" and rows[0]["Items read"] is None
    # the name exactly as given, stored as text and quote-prefixed: never a formula
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == "=Westby" and sheet["A2"].quotePrefix is True
    # each report one click away, relative to the summary so the folder can be moved whole
    assert sheet["B4"].hyperlink is not None and sheet["B4"].hyperlink.target == "northshire/gap-report.docx"
    assert sheet["B2"].hyperlink is None
    # colours are conditional formatting, so they follow the values when the sheet is sorted or edited
    ranges = {str(r.sqref) for r in sheet.conditional_formatting}
    assert {"C2:C4", "D2:E4", "F2:J4"} <= ranges
    gap_rule = [rule for r in sheet.conditional_formatting if str(r.sqref) == "F2:J4" for rule in r.rules
                if rule.formula == ['"Gap"']]
    assert gap_rule and gap_rule[0].dxf.fill.fgColor.rgb.endswith(FILL["Gap"])
    # printed: landscape, one page wide, the header row on every page
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True and sheet.print_title_rows == "$1:$1"
    run = {r[0]: r[1] for r in workbook["Run"].iter_rows(min_row=2, values_only=True)}
    assert run["As-of date"] == "2009-03-31" and run["Rules version"] == "2009.1"
    assert run["Framework"] == "Five points of customer service (test framework) (five-points)"
    assert run["Rules packs"] == "packs/client-a" and run["Failed"] == 1


def test_evidence_workbook_prints_landscape_with_rows_tall_enough(xlsx_path: Path) -> None:
    workbook = load_workbook(xlsx_path)
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows == "$1:$1"
    sheet = workbook.worksheets[2]  # after Review: Collaboration, whose long survey text wraps
    assert sheet.row_dimensions[2].height is not None and sheet.row_dimensions[2].height >= 30
