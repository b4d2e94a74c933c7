"""Readers: spreadsheets, Word documents and CSV logs converge on the same raw items with provenance."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from cse_migrate.errors import InputFileError
from cse_migrate.readers import read_file
from cse_migrate.readers.common import find_columns, parse_date


def make_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Crit 2 Engage"
    ws.append(["Northshire District Council"])
    ws.append(["Charter Mark Self-Assessment 2007"])
    ws.append([])
    ws.append(["Ref.", "Element", "Supporting Evidence", "Date", "Owner "])
    ws.append(["2.1.1", "Consultation", "Customer panel meets quarterly", datetime(2006, 3, 1), "J. Patel"])
    ws.append([None, None, None, None, None])
    ws.append(["2.1.2", "Forums", "Tenants forum minutes", "March 2006", None])
    ws.append([None, None, "=LEN(C5)", None, None])  # a formula without a cached value: nothing to read
    hidden = wb.create_sheet("Archive")
    hidden.sheet_state = "hidden"
    hidden.append(["Crit.", "Description of evidence", "Date of evidence"])
    hidden.append(["Criterion Three", "Large print leaflets for every service", "2005"])
    band = wb.create_sheet("Matrix")
    band.append(["Crit.", "Evidence", "Date"])
    band.append(["Criterion 4: Continuously develop and improve"])
    band.merge_cells("A2:C2")
    band.append([None, "Improvement plan reviewed by managers", 2007])
    wb.save(path)
    return path


def test_xlsx_finds_header_below_title_block_and_keeps_provenance(tmp_path: Path) -> None:
    read = read_file(make_workbook(tmp_path / "sa.xlsx"), "sa.xlsx")
    texts = [i.text for i in read.items]
    assert "Customer panel meets quarterly" in texts
    first = next(i for i in read.items if i.text == "Customer panel meets quarterly")
    assert first.cm_ref == "2.1.1"
    assert first.context_ref == "Crit 2 Engage"  # the sheet is named after a criterion
    assert first.date == date(2006, 3, 1)
    assert first.owner == "J. Patel"
    assert (first.source.sheet, first.source.row, first.source.column) == ("Crit 2 Engage", 5, "Supporting Evidence")
    forum = next(i for i in read.items if i.text == "Tenants forum minutes")
    assert forum.date == date(2006, 3, 31) and forum.date_text == "March 2006"
    assert "Northshire District Council" not in texts  # title block above the header is structure
    assert read.skipped_blank >= 1


def test_xlsx_reads_hidden_sheets_and_marks_them(tmp_path: Path) -> None:
    read = read_file(make_workbook(tmp_path / "sa.xlsx"), "sa.xlsx")
    item = next(i for i in read.items if i.text.startswith("Large print"))
    assert item.source.hidden is True
    assert item.cm_ref == "Criterion Three"
    assert item.date == date(2005, 12, 31)


def test_xlsx_heading_band_gives_context_to_rows_below(tmp_path: Path) -> None:
    read = read_file(make_workbook(tmp_path / "sa.xlsx"), "sa.xlsx")
    plan = next(i for i in read.items if i.text.startswith("Improvement plan"))
    assert plan.context_ref == "Criterion 4: Continuously develop and improve"
    assert plan.date == date(2007, 12, 31)  # a whole-number year cell, not "2007.0"


def make_document(path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Northshire District Council"
    document.sections[0].footer.paragraphs[0].text = "Charter Mark application 2007 - Page 1"
    document.add_paragraph("Charter Mark application", style="Title")
    document.add_heading("Criterion 3: Be fair and accessible to everyone and promote choice", level=1)
    document.add_paragraph("We visit housebound customers at home to take benefit claims.")
    document.add_paragraph("Interpreters booked through Language Line", style="List Bullet")
    document.add_paragraph("Table 1: Access improvements", style="Caption")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Element", "Evidence", "Date"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["3.1.2", "Hearing loops at all offices", "12/05/2007"], strict=True):
        cell.text = text
    document.add_heading("Criterion 4: Continuously develop and improve", level=1)
    document.add_paragraph("Complaints fell by a quarter after the new procedure.")
    document.save(str(path))
    return path


def test_docx_reads_paragraphs_bullets_tables_with_heading_context(tmp_path: Path) -> None:
    read = read_file(make_document(tmp_path / "app.docx"), "app.docx")
    texts = [i.text for i in read.items]
    assert texts == ["We visit housebound customers at home to take benefit claims.",
                     "Interpreters booked through Language Line", "Hearing loops at all offices",
                     "Complaints fell by a quarter after the new procedure."]
    visit, bullet, loop, complaints = read.items
    assert visit.context_ref is not None and visit.context_ref.startswith("Criterion 3")
    assert bullet.context_ref == visit.context_ref
    assert loop.cm_ref == "3.1.2" and loop.source.table == 1 and loop.source.row == 2
    assert loop.date == date(2007, 5, 12)  # UK day-first
    assert complaints.context_ref is not None and complaints.context_ref.startswith("Criterion 4")
    assert visit.source.paragraph is not None
    assert not any("Page 1" in t or "Northshire District" in t for t in texts)  # header/footer not evidence


@pytest.mark.parametrize(("encoding", "delimiter", "bom"), [
    ("utf-8", ",", True), ("utf-8", ",", False), ("cp1252", ";", False), ("utf-8", "\t", False)])
def test_csv_detects_encoding_and_delimiter(tmp_path: Path, encoding: str, delimiter: str, bom: bool) -> None:
    rows = [["Criterion", "Description", "Date logged", "Responsible officer"],
            ["CM4", '"Complaints leaflet – “Tell us”, costs £2.50 to print"', "2006", "A. O’Neill"],
            ["C2", f'"Panel{delimiter} forum and survey"', "Mar-06", ""]]
    text = "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"
    raw = ("\ufeff" if bom else "").encode("utf-8") + text.encode(encoding)
    path = tmp_path / "log.csv"
    path.write_bytes(raw)
    read = read_file(path, "log.csv")
    assert [i.text for i in read.items] == ["Complaints leaflet – “Tell us”, costs £2.50 to print",
                                            f"Panel{delimiter} forum and survey"]
    assert read.items[0].owner == "A. O’Neill"
    assert read.items[1].date == date(2006, 3, 31)
    assert read.items[0].source.row == 2


def test_empty_and_corrupt_files_raise_input_file_error(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "broken.docx").write_bytes(b"garbage")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")  # PDF is read since issue 3: this one is truncated
    (tmp_path / "notes.pages").write_bytes(b"garbage")
    for name, fragment in [("empty.csv", "is empty"), ("broken.xlsx", "not a readable Excel workbook"),
                           ("broken.docx", "not a readable Word document"), ("notes.pdf", "not a readable PDF"),
                           ("notes.pages", "not supported")]:
        with pytest.raises(InputFileError) as info:
            read_file(tmp_path / name, name)
        assert name in str(info.value) and fragment in str(info.value)


@pytest.mark.parametrize(("text", "expected"), [
    ("12/05/2007", date(2007, 5, 12)), ("2006-03-01", date(2006, 3, 1)), ("March 2006", date(2006, 3, 31)),
    ("Mar-06", date(2006, 3, 31)), ("2005", date(2005, 12, 31)), ("2004/05", date(2005, 3, 31)),
    ("Spring 2005", date(2005, 5, 31)), ("3rd June 2004", date(2004, 6, 3)), ("", None), ("ongoing", None),
    (datetime(2007, 1, 2, 10, 30), date(2007, 1, 2)), (2006, date(2006, 12, 31)),
])
def test_parse_date(text: object, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_header_names_are_matched_fuzzily() -> None:
    cols = find_columns([["Title"], [], ["Crit.", "Description of evidence", "Date of evidence", "Evidence owner"]])
    assert (cols.header_row, cols.text, cols.refs, cols.date, cols.owner) == (2, 1, (0,), 2, 3)


def test_a_results_table_becomes_one_statement_per_row() -> None:
    from cse_migrate.model import Source
    from cse_migrate.readers.common import rows_to_items

    rows = [["Year", "Complaints received", "Answered within 10 days", "Satisfied customers"],
            ["2004/05", "52", "79%", "74%"], ["2005/06", "47", "84%", "n/a"]]
    items, blank, header = rows_to_items(rows, lambda i, c: Source(file="t", extractor="docx", row=i + 1))
    assert [i.text for i in items] == [
        "2004/05: Complaints received 52; Answered within 10 days 79%; Satisfied customers 74%",
        "2005/06: Complaints received 47; Answered within 10 days 84%; Satisfied customers n/a"]
    assert items[0].date == date(2005, 3, 31)  # the Year column is the row's date
    assert (blank, header) == (0, 1)
