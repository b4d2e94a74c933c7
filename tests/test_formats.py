"""Every format converges on the same evidence: contract tests each reader passes, golden comparisons between
copies of one sample in different formats, detection by content, decryption and the converters for .doc."""

from __future__ import annotations

import dataclasses
import shutil
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from format_samples import (
    DOC,
    EVIDENCE,
    FILEPASS_XLS,
    LO_XLSX,
    ODS,
    ODT,
    PDF,
    RTF,
    SAMPLE_DOCX,
    SAMPLE_XLSX,
    XLS,
    docx_bytes,
    encrypt_ooxml,
    pdf_bytes,
    rtf_bytes,
    xlsx_bytes,
)
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from cse_migrate.errors import InputFileError
from cse_migrate.limits import Limits
from cse_migrate.model import FileRead, RawItem
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import analyse
from cse_migrate.readers import doc_reader as doc_module
from cse_migrate.readers import read_file, supported_formats, supported_suffixes
from cse_migrate.readers.convert import ConversionFailed, run_tool
from cse_migrate.rules import RuleSet

BUG_HINT = "please report this as a bug"


def read(path: Path, **kwargs: object) -> FileRead:
    return read_file(path, path.name, **kwargs)  # type: ignore[arg-type]


def error_of(path: Path, **kwargs: object) -> str:
    with pytest.raises(InputFileError) as info:
        read(path, **kwargs)
    message = str(info.value)
    assert message.startswith(f"{path.name}: ") and BUG_HINT not in message
    return message


def essence(items: tuple[RawItem, ...]) -> list[tuple[object, ...]]:
    """What an item says and where it sits, without the extractor or the file's name."""
    return [(i.text, i.cm_ref, i.context_ref, i.date, i.date_text, i.owner, i.source.sheet, i.source.row,
             i.source.column, i.source.hidden, i.source.table, i.source.paragraph) for i in items]


def accounts(read_result: FileRead) -> bool:
    return read_result.units_read == read_result.skipped_blank + read_result.skipped_other + len(read_result.items)


def copy_to(tmp_path: Path, source: Path, name: str | None = None) -> Path:
    target = tmp_path / (name or source.name)
    shutil.copy(source, target)
    return target


# --- contract tests: every reader --------------------------------------------------------------------------

def _write(data: bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(data)
        return path
    return make


VALID: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "xlsx": (".xlsx", _write(xlsx_bytes())),
    "xls": (".xls", lambda p: shutil.copy(XLS, p) and p),
    "docx": (".docx", _write(docx_bytes())),
    "doc": (".doc", lambda p: shutil.copy(DOC, p) and p),
    "csv": (".csv", _write(b"Ref,Evidence,Date\n2.1,Customer panel meets quarterly,2006\n")),
    "pdf": (".pdf", _write(pdf_bytes([["Criterion 2: Actively engage", EVIDENCE[0]]]))),
    "odt": (".odt", lambda p: shutil.copy(ODT, p) and p),
    "ods": (".ods", lambda p: shutil.copy(ODS, p) and p),
    "rtf": (".rtf", _write(rtf_bytes())),
    "txt": (".txt", _write(b"Customer panel meets quarterly\nLarge print forms on request\n")),
    "md": (".md", _write(b"# Criterion 2\n\n- Customer panel meets quarterly\n")),
}
NEEDS_CONVERTER = {"doc"}


def has_doc_converter() -> bool:
    return any(shutil.which(t) for t in ("antiword", "catdoc", "soffice", "libreoffice"))


def test_every_registered_format_has_contract_cases() -> None:
    assert set(supported_formats()) == set(VALID)
    assert {".xls", ".doc", ".pdf", ".odt", ".ods", ".rtf", ".txt", ".md"} <= set(supported_suffixes())


@pytest.mark.parametrize("fmt", sorted(VALID))
def test_contract_valid_file_is_read_and_accounted_for(tmp_path: Path, fmt: str) -> None:
    if fmt in NEEDS_CONVERTER and not has_doc_converter():
        pytest.skip("no .doc converter installed (antiword, catdoc or LibreOffice)")
    suffix, make = VALID[fmt]
    result = read(make(tmp_path / f"evidence{suffix}"))
    assert result.format == fmt
    assert result.items, "a valid file gives evidence"
    assert accounts(result)  # units = blank + structure + items
    assert all(i.source.file == f"evidence{suffix}" for i in result.items)


@pytest.mark.parametrize("fmt", sorted(VALID))
def test_contract_empty_file(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"empty{VALID[fmt][0]}"
    path.write_bytes(b"")
    assert error_of(path) == f"{path.name}: is empty (0 bytes); replace it with the real file or remove it"


@pytest.mark.parametrize("fmt", sorted(VALID))
def test_contract_corrupt_file(tmp_path: Path, fmt: str) -> None:
    """Half a file (or, for text formats, binary bytes) is refused with an error naming the file."""
    suffix, make = VALID[fmt]
    whole = make(tmp_path / f"whole{suffix}").read_bytes()
    path = tmp_path / f"corrupt{suffix}"
    text_format = fmt in ("csv", "txt", "md")
    path.write_bytes(bytes(range(256)) * 4 if text_format else whole[: len(whole) // 2])
    if fmt == "pdf":  # a PDF cut in half still opens (readers repair it); garbage after the header does not
        path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    if fmt == "rtf":  # RTF readers show what a cut file holds, as Word does: read, with a note that says so
        assert "truncated?" in " ".join(read(path).notes)
        return
    message = error_of(path)
    assert "not a readable" in message or "binary" in message or "not supported" in message


@pytest.mark.parametrize(("fmt", "other_suffix"), [
    ("xlsx", ".xls"), ("xls", ".xlsx"), ("docx", ".doc"), ("doc", ".docx"), ("pdf", ".docx"),
    ("odt", ".docx"), ("ods", ".xlsx"), ("rtf", ".doc"), ("csv", ".xls"), ("txt", ".doc")])
def test_contract_wrong_extension_is_read_by_content(tmp_path: Path, fmt: str, other_suffix: str) -> None:
    if fmt in NEEDS_CONVERTER and not has_doc_converter():
        pytest.skip("no .doc converter installed")
    suffix, make = VALID[fmt]
    right = read(make(tmp_path / f"right{suffix}"))
    wrong = read(make(tmp_path / f"wrong{other_suffix}"))
    assert wrong.format == right.format == fmt
    assert essence(wrong.items) == essence(right.items)
    assert any(f"although it is named {other_suffix}" in note for note in wrong.notes)


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "xls", "pdf"])
def test_contract_encrypted_file(tmp_path: Path, fmt: str) -> None:
    if fmt == "xls":
        path = copy_to(tmp_path, FILEPASS_XLS, "protected.xls")
    elif fmt == "pdf":
        from pypdf import PdfReader, PdfWriter
        writer = PdfWriter(clone_from=PdfReader(VALID["pdf"][1](tmp_path / "plain.pdf")))
        writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="AES-128")
        path = tmp_path / "protected.pdf"
        with path.open("wb") as out:
            writer.write(out)
    else:
        path = tmp_path / f"protected.{fmt}"
        path.write_bytes(encrypt_ooxml(xlsx_bytes() if fmt == "xlsx" else docx_bytes(), "s3cret"))
    assert error_of(path) == (f"{path.name}: is password-protected; run again with --password (or set "
                              "CSE_MIGRATE_PASSWORD), or save an unprotected copy")
    wrong = error_of(path, password="nope")
    assert "password" in wrong and "nope" not in wrong  # never echo a password
    if fmt == "xls":
        return  # the fixture's FILEPASS guards nothing real: no password can decrypt it
    opened = read(path, password="s3cret")
    assert opened.items and accounts(opened)
    assert fmt == "pdf" or "decrypted in memory" in " ".join(opened.notes)


def test_decryption_writes_nothing_beside_the_input(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "protected.xlsx"
    path.write_bytes(encrypt_ooxml(xlsx_bytes(), "s3cret"))
    before = sorted(folder.iterdir())
    read(path, password="s3cret")
    assert sorted(folder.iterdir()) == before


# --- golden: one sample, many formats ------------------------------------------------------------------------

def test_xls_and_xlsx_copies_give_the_same_evidence() -> None:
    xlsx, xls = read(SAMPLE_XLSX), read(XLS)
    assert essence(xls.items) == essence(xlsx.items)
    assert (xls.units_read, xls.skipped_blank, xls.skipped_other) == (
        xlsx.units_read, xlsx.skipped_blank, xlsx.skipped_other)
    assert {i.source.extractor for i in xls.items} == {"xls"}
    dated = next(i for i in xls.items if i.text.startswith("Customer charter leaflet"))
    assert dated.date == date(2006, 4, 3) and dated.date_text == "2006-04-03"


@pytest.mark.parametrize("copy", [ODS, LO_XLSX], ids=["ods", "libreoffice-xlsx"])
def test_other_spreadsheet_copies_give_the_same_evidence(copy: Path) -> None:
    assert essence(read(copy).items) == essence(read(SAMPLE_XLSX).items)


@pytest.mark.parametrize("copy", [ODT, RTF], ids=["odt", "rtf"])
def test_document_copies_give_the_same_evidence(copy: Path) -> None:
    """Paragraphs, headings (structure and context), the caption and the tables read as in the .docx."""
    docx, other = read(SAMPLE_DOCX), read(copy)
    assert essence(other.items) == essence(docx.items)
    assert (other.units_read, other.skipped_blank, other.skipped_other) == (
        docx.units_read, docx.skipped_blank, docx.skipped_other)


def test_pdf_copy_gives_the_statements_with_their_pages() -> None:
    pdf = read(PDF)
    texts = {i.text: i for i in pdf.items}
    docx_texts = [i.text for i in read(SAMPLE_DOCX).items if i.source.paragraph is not None]
    # every narrative paragraph of the .docx comes out whole (line breaks of the PDF joined back)
    # (issue 11) including the title paragraph that repeats the running header's words: only the header line at
    # the top of each page is furniture, not the same words in the body
    missing = [t for t in docx_texts if t not in texts]
    assert missing == []
    header = [i for i in pdf.items if i.text == "Northshire District Council \u2013 Revenues and Benefits Service"]
    assert [i.source.cite() for i in header] == ["northshire_application.pdf page 1 para 2"]
    # the running header and footer of each of the 5 pages are counted, and the count is noted
    assert pdf.notes[0].startswith("10 running header or footer line(s) on 5 page(s) were counted")
    assert texts["Criterion 2: Actively engage with your customers, partners and staff"].source.page == 2
    visits = texts["Home visits for housebound and disabled claimants by visiting officers"]
    assert (visits.source.page, visits.source.extractor) == (2, "pdf")
    assert visits.context_ref == "3.1 Access and choice"
    assert not any("Page 1 of 5" in t for t in texts)  # the running footer is furniture
    assert accounts(pdf)


def test_streaming_xlsx_reader_matches_openpyxl(tmp_path: Path) -> None:
    """Large workbooks are read by the streaming reader; it must give exactly what openpyxl gives."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Criterion 3"
    sheet.append(["Title block"])
    sheet.append(["Crit.", "Evidence", "Date", "Owner", "Done", "Score"])
    sheet.append(["Criterion 3: Be fair", None, None, None])
    sheet.merge_cells("A3:D3")
    sheet.append(["3.1", "Large print leaflets", datetime(2005, 6, 1), "A. O\u2019Neill", True, 0.5])
    sheet.append(["3.2", "=Hearing loops (text)", "March 2006", None, False, 4])
    sheet["B5"].data_type = "s"
    sheet.append([])
    sheet.append(["3.3", "Merged down", 2006, "C. Denby"])
    sheet.append([None, None, None, None])
    sheet.merge_cells("A7:A8")
    sheet["F10"] = "#N/A"
    hidden = workbook.create_sheet("Archive")
    hidden.sheet_state = "hidden"
    hidden.append(["Ref", "Description of evidence", "Date of evidence"])
    hidden.append(["C4", "Mystery shopping results", datetime(2007, 1, 31)])
    workbook.epoch = CALENDAR_MAC_1904
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    for source in (path, SAMPLE_XLSX, LO_XLSX):
        full = read(source)
        streamed = read(source, limits=Limits(stream_above_mb=0))
        assert essence(streamed.items) == essence(full.items)
        assert (streamed.units_read, streamed.skipped_blank, streamed.skipped_other) == (
            full.units_read, full.skipped_blank, full.skipped_other)
    merged = next(i for i in read(path, limits=Limits(stream_above_mb=0)).items if i.source.row == 8)
    assert merged.cm_ref == "3.3"  # the merged cell's value reached the row below


# --- detection by content --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "expected"), [
    ("export.xls", b"<html><body><table><tr><td>Evidence</td></tr></table></body></html>",
     "not a readable Excel workbook (it is an HTML web page); open it in Excel and save it again as .xlsx"),
    ("export.xls", b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
     "not a readable Excel workbook (it is an Excel 2003 XML spreadsheet); open it in Excel and save it again as "
     ".xlsx"),
    ("scan.docx", b"\x89PNG\r\n\x1a\n" + bytes(64),
     "not a readable Word document (it is a PNG image); open it in Word and save it again as .docx"),
    ("notes.docx", b"just some text",
     "not a readable Word document (it is plain text, not a .docx file); open it in Word and save it again as "
     ".docx"),
    ("page.mht", b"MIME-Version: 1.0\r\nContent-Type: multipart/related",
     "'.mht' files are not supported (it is a saved web archive (MHTML)); supported: .csv, .doc, .docm, .docx, "
     ".markdown, .md, .ods, .odt, .pdf, .rtf, .text, .tsv, .txt, .xls, .xlsm, .xlsx"),
])
def test_unsupported_content_is_refused_with_advice(tmp_path: Path, name: str, content: bytes,
                                                      expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert error_of(path) == f"{name}: {expected}"


def test_zip_that_is_not_an_office_file(tmp_path: Path) -> None:
    path = tmp_path / "evidence.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photos/visit.jpg", b"\xff\xd8\xff" + bytes(10))
    assert error_of(path).endswith("(it is a zip archive, not an Office document; unzip it and point cse-migrate "
                                   "at the folder); open it in Excel and save it again as .xlsx")


def test_text_named_xls_is_read_as_delimited_text(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes("Ref\tEvidence\tDate\n2.1\tCustomer panel \u2013 \u00a3200 budget\t2006\n".encode("cp1252"))
    result = read(path)
    assert result.format == "csv"
    assert [i.text for i in result.items] == ["Customer panel \u2013 \u00a3200 budget"]
    assert result.notes == ("read as delimited text: it holds text, not an Excel workbook, although it is named "
                            ".xls",)


# --- text formats ----------------------------------------------------------------------------------------------

def test_plain_text_paragraphs_bullets_and_wrapped_lines(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Criterion 2: Actively engage\n\n"
                    "Customer panel meets quarterly\n"
                    "Tenants forum minutes\n"
                    "- Large print leaflets\n"
                    "* Braille on request\n\n"
                    "Our service standards were reviewed with front-line staff in 2006 and are\n"
                    "set out in the Customer Charter leaflet.\n"
                    "2.1.3 Hearing loops at all offices\n", encoding="utf-8")
    result = read(path)
    assert [i.text for i in result.items] == [
        "Criterion 2: Actively engage", "Customer panel meets quarterly", "Tenants forum minutes",
        "Large print leaflets", "Braille on request",
        "Our service standards were reviewed with front-line staff in 2006 and are set out in the Customer "
        "Charter leaflet.", "2.1.3 Hearing loops at all offices"]
    assert {i.context_ref for i in result.items} == {"Criterion 2: Actively engage"}
    assert result.items[-1].cm_ref == "2.1.3"
    assert accounts(result) and result.skipped_blank == 2


def test_short_lines_are_items_of_their_own_whatever_their_case(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text("customer panel minutes\nleaflets reprinted in large print\nhome visits on request\n"
                    "Our complaints procedure was rewritten in plain English after customers said that\n"
                    "the old one was confusing.\n", encoding="utf-8")
    assert [i.text for i in read(path).items] == [
        "customer panel minutes", "leaflets reprinted in large print", "home visits on request",
        "Our complaints procedure was rewritten in plain English after customers said that the old one was "
        "confusing."]


def test_markdown_headings_tables_and_emphasis(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Criterion 3: Be fair and accessible\n\n"
                    "We offer **home visits** to [housebound customers](https://example.org), _by_ `arrangement`; "
                    "snake_case and 2 * 3 stay.\n\n"
                    "| Ref | Evidence | Date |\n|---|---|---|\n| 3.1 | Interpreters booked | 2006 |\n\n"
                    "Criterion 4\n-----------\n\n---\n\nComplaints procedure published\n", encoding="utf-8")
    result = read(path)
    assert [(i.text, i.context_ref) for i in result.items] == [
        ("We offer home visits to housebound customers, by arrangement; snake_case and 2 * 3 stay.",
         "Criterion 3: Be fair and accessible"),
        ("Interpreters booked", "Criterion 3: Be fair and accessible"),
        ("Complaints procedure published", "Criterion 4")]
    assert result.items[1].cm_ref == "3.1" and result.items[1].source.table == 1
    assert accounts(result)


def test_text_in_cp1252_and_utf16(tmp_path: Path) -> None:
    text = "Leaflet \u201cTell us\u201d costs \u00a32.50\n"
    for encoding, raw in (("cp1252", text.encode("cp1252")), ("utf-16", text.encode("utf-16"))):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(raw)
        assert [i.text for i in read(path).items] == [text.strip()]


# --- legacy Word through converters ---------------------------------------------------------------------------

def only_tool(monkeypatch: pytest.MonkeyPatch, wanted: str | None, path: str | None = None) -> None:
    """Make the .doc reader see only one converter (or none)."""
    def find_tool(*names: str) -> str | None:
        if wanted in names:
            return path or shutil.which(wanted)
        return None
    monkeypatch.setattr(doc_module, "find_tool", find_tool)


def docx_paragraphs() -> list[str]:
    return [i.text for i in read(SAMPLE_DOCX).items if i.source.paragraph is not None]


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")
def test_doc_through_antiword(monkeypatch: pytest.MonkeyPatch) -> None:
    only_tool(monkeypatch, "antiword")
    result = read(DOC)
    texts = [i.text for i in result.items]
    assert set(docx_paragraphs()) <= set(texts)
    table_item = next(i for i in result.items if i.text == "Monthly KPI report to Corporate Management Team")
    assert (table_item.cm_ref, table_item.source.table, table_item.date) == ("1.2.1", 1, date(2007, 12, 31))
    assert result.notes == ("Word 97-2003 document converted with antiword",)
    assert result.format == "doc" and accounts(result)


@pytest.mark.skipif(shutil.which("catdoc") is None, reason="catdoc is not installed")
def test_doc_through_catdoc(monkeypatch: pytest.MonkeyPatch) -> None:
    only_tool(monkeypatch, "catdoc")
    result = read(DOC)
    assert set(docx_paragraphs()) <= {i.text for i in result.items}
    assert result.notes == ("Word 97-2003 document converted with catdoc",) and accounts(result)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_doc_through_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    only_tool(monkeypatch, "soffice")
    result = read(DOC)
    assert essence(result.items) == essence(read(SAMPLE_DOCX).items)  # via .docx: the same reading
    assert {i.source.extractor for i in result.items} == {"doc:libreoffice"}
    # the header and footer, read by LibreOffice into the .docx it converts to, are counted as not read
    assert result.notes == ("2 header and footer paragraph(s) with text not read: page headers and footers are "
                            "page furniture", "Word 97-2003 document converted with soffice")
    assert result.not_read == 2


def test_doc_without_any_converter_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    only_tool(monkeypatch, None)
    assert error_of(DOC) == (f"{DOC.name}: is a Word 97-2003 document, and reading one needs antiword, catdoc or "
                             "LibreOffice: install one (for example 'apt-get install antiword'), or open the file "
                             "in Word and save it as .docx")


def test_failing_converter_passes_the_file_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "antiword"
    broken.write_text("#!/bin/sh\necho 'I cannot read this' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(doc_module, "find_tool", lambda *names: str(broken) if "antiword" in names else None)
    assert error_of(DOC) == (f"{DOC.name}: not a readable Word document (antiword failed: I cannot read this); "
                             "open it in Word and save it again as .docx")


def test_converter_timeout_kills_it(tmp_path: Path) -> None:
    slow = tmp_path / "slow"
    slow.write_text("#!/bin/sh\nsleep 30 &\nsleep 30\n")
    slow.chmod(0o755)
    started = datetime.now()
    with pytest.raises(ConversionFailed, match=r"slow took longer than 0.5 s \(--timeout\)"):
        run_tool([str(slow)], timeout=0.5)
    assert (datetime.now() - started).total_seconds() < 10


# --- the pipeline accounts for every file ----------------------------------------------------------------------

def test_results_account_for_every_unit_of_every_file(tmp_path: Path, rules: RuleSet) -> None:
    """units = blank + structure + items for every file; items = evidence + noise + duplicates."""
    from cse_migrate.reports.json_report import files_list

    folder = tmp_path / "portfolio"
    folder.mkdir()
    for source in (SAMPLE_XLSX, SAMPLE_DOCX, PDF, RTF, ODS):
        shutil.copy(source, folder / source.name)
    result = analyse([folder], rules, RunOptions(as_of=date(2008, 6, 30)))
    entries = files_list(result)
    assert len(entries) == 5 and not result.errors
    for entry in entries:
        assert entry["units_read"] == entry["blank"] + entry["structure"] + entry["items"]
        assert entry["items"] == entry["evidence"] + entry["noise"] + entry["duplicates"]
    assert sum(e["items"] for e in entries) == len(result.items)
    assert sum(e["duplicates"] for e in entries) > 0  # the same statements in several formats are folded


def test_limits_are_recorded_in_the_results(tmp_path: Path, rules: RuleSet) -> None:
    from cse_migrate.reports.json_report import to_results_dict

    path = tmp_path / "log.csv"
    path.write_text("Ref,Evidence\n2.1,Customer panel meets quarterly\n", encoding="utf-8")
    settings = to_results_dict(analyse([path], rules, RunOptions(limits=Limits(max_rows=500))))["settings"]
    assert settings["limit_max_rows"] == 500 and settings["limit_max_file_mb"] == 100.0


def test_openpyxl_parses_with_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True  # installed as a dependency; openpyxl picks it up by itself


def test_long_text_is_cut_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("Ref,Evidence\n2.1," + "word " * 100 + "\n", encoding="utf-8")
    result = read(path, limits=Limits(max_cell_chars=120))
    assert len(result.items[0].text) == 120 and result.items[0].text.endswith("\u2026")
    assert result.notes == ("1 cell(s) or paragraph(s) longer than 120 characters were cut there "
                            "(--max-cell-chars)",)


def test_source_cites_pdf_pages() -> None:
    from cse_migrate.model import Source

    source = Source("app.pdf", "pdf", paragraph=2, page=3)
    assert source.cite() == "app.pdf page 3 para 2"
    assert source.as_dict() == {"file": "app.pdf", "page": 3, "paragraph": 2}
    assert dataclasses.replace(source, page=None).as_dict() == {"file": "app.pdf", "paragraph": 2}
