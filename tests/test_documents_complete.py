"""Nothing is silently dropped from documents (issue 11, item 6).

Evidence hidden in nested tables, content controls, tracked insertions, smart tags, customXml, fields and text
boxes arrives with its source; deleted text, field codes, placeholders, headers, comments and images'
descriptions do not, and each piece left out is counted per file with a note in all three reports. The PDF
running-header heuristic removes only short lines repeated at the same place, and counts them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from document_fixtures import (
    BLOCK_SDT,
    CELL_SDT,
    INSERTED,
    NESTED_CELL,
    NESTED_DEEPER,
    ODT_NESTED,
    ROW_SDT,
    Hidden,
    hidden_docx,
    hidden_odt,
)
from openpyxl import load_workbook

from cse_migrate.model import FileRead
from cse_migrate.pipeline import analyse, write_reports
from cse_migrate.readers import read_file
from cse_migrate.readers.base import FileToRead
from cse_migrate.readers.pdf_reader import build
from cse_migrate.rules import load_rules


def accounts(read: FileRead) -> bool:
    return read.units_read == read.skipped_blank + read.skipped_other + len(read.items)


def check_hidden(hidden: Hidden) -> FileRead:
    read = read_file(hidden.path, hidden.path.name)
    texts = [i.text for i in read.items]
    assert [p for p in hidden.present if not any(p in t for t in texts)] == []
    assert [a for a in hidden.absent if any(a in t for t in texts)] == []
    assert accounts(read)
    return read


def test_docx_reads_every_place_word_hides_text(tmp_path: Path) -> None:
    read = check_hidden(hidden_docx(tmp_path / "hidden.docx"))
    by_text = {i.text: i.source.cite() for i in read.items}
    assert by_text[NESTED_CELL] == "hidden.docx table 2 (in table 1 row 2) row 2"
    assert by_text[NESTED_DEEPER] == "hidden.docx table 3 (in table 2 row 3) row 1"
    assert by_text[ROW_SDT] == "hidden.docx table 1 row 3"
    assert by_text[CELL_SDT] == "hidden.docx table 1 row 4"
    assert by_text[BLOCK_SDT] == "hidden.docx para 2"
    assert by_text[INSERTED] == "hidden.docx para 4"
    # what was deliberately left out: 2 deletions (w:del and w:moveFrom), 1 header paragraph, 1 comment,
    # 1 picture description, 1 embedded object, 1 document chunk; the placeholder is structure
    assert read.not_read == 7
    assert read.notes == (
        "1 content control(s) still showing their placeholder text were counted as structure, not evidence",
        "1 comment(s) not read: reviewers' comments are about the document, not evidence in it",
        "1 embedded document chunk(s) (altChunk) not read: open the document in Word and save it again, which "
        "merges them into the text",
        "1 embedded object(s) (a spreadsheet or document inside the file) not read: save each as a file of its "
        "own and add it to the input",
        "1 header and footer paragraph(s) with text not read: page headers and footers are page furniture",
        "1 image description(s) (alt text) not read: they describe pictures, not evidence; put the evidence in "
        "the text to map it",
        "2 tracked deletion(s) not read: deleted text is not evidence (accept or reject the changes in Word to "
        "change what is read)")


def test_odt_reads_nested_tables_cell_lists_and_insertions(tmp_path: Path) -> None:
    read = check_hidden(hidden_odt(tmp_path / "hidden.odt"))
    by_text = {i.text: i.source.cite() for i in read.items}
    assert by_text[ODT_NESTED] == "hidden.odt table 2 (in table 1 row 2) row 2"
    assert read.not_read == 3
    assert [n.split(" not read")[0] for n in read.notes] == [
        "1 comment(s)", "1 header and footer paragraph(s) with text", "1 tracked deletion(s)"]


def test_not_read_reaches_all_three_reports(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    hidden_docx(tmp_path / "in" / "hidden.docx")
    result = analyse([tmp_path / "in"], load_rules())
    paths = write_reports(result, tmp_path / "out")
    entry = json.loads(paths["json"].read_text(encoding="utf-8"))["files"][0]
    assert (entry["file"], entry["not_read"]) == ("hidden.docx", 7)
    assert any(n.startswith("2 tracked deletion(s) not read") for n in entry["notes"])
    files = load_workbook(paths["xlsx"])["Files"]
    header = [c.value for c in files[1]]
    row = dict(zip(header, [c.value for c in files[2]], strict=True))
    assert row["Not read"] == 7 and "2 tracked deletion(s) not read" in str(row["Notes"])
    import docx

    document = docx.Document(str(paths["docx"]))
    appendix = next(t for t in document.tables if t.rows[0].cells[-1].text == "Not read")
    # the report names a file by its readable label ("Hidden"); the file name is in the table beside it
    assert appendix.rows[1].cells[0].text == "Hidden" and appendix.rows[1].cells[-1].text == "7"


# --- PDF running headers and footers ----------------------------------------------------------------------

def pdf_read(pages: list[list[str]]) -> FileRead:
    return build(FileToRead(Path("t.pdf"), "t.pdf"), pages)


def test_running_header_and_page_footer_are_counted_not_read() -> None:
    pages = [["Northshire Council annual report", f"Body paragraph {n} about the customer panel.",
              f"Page {n} of 3"] for n in range(1, 4)]
    read = pdf_read(pages)
    assert [i.text for i in read.items] == [f"Body paragraph {n} about the customer panel." for n in range(1, 4)]
    assert read.skipped_other == 6 and accounts(read)
    assert read.notes == ("6 running header or footer line(s) on 3 page(s) were counted as page furniture, not "
                          "evidence (short lines repeated at the top or bottom of most pages, such as 'Page 1 of "
                          "3')",)


def test_body_lines_that_differ_only_in_numbers_are_evidence() -> None:
    # the case: every page holds lines of the same shape whose figures differ (not page numbers)
    pages = [[f"Complaints resolved in week {n * 7 % 50}: {n * 13 % 97}.", f"Calls answered: {n * 31 % 89}."]
             for n in range(1, 41)]
    read = pdf_read(pages)
    assert [i.text for i in read.items] == [line for page in pages for line in page]
    assert read.skipped_other == 0 and read.notes == ()


def test_a_page_of_one_line_is_body_even_if_every_page_has_one() -> None:
    pages = [[f"Evidence record {n}: the panel met and reviewed complaints."] for n in range(1, 31)]
    read = pdf_read(pages)
    assert len(read.items) == 30 and read.skipped_other == 0


def test_repeated_words_in_the_body_are_not_header_lines() -> None:
    title = "Northshire Council annual report"
    pages = [[title, "Intro.", title, "More text follows here."], [title, "Second page text."],
             [title, "Third page text."]]
    read = pdf_read(pages)
    # the body copy on page 1 (third line) stays, joined to the line it runs into
    assert [i.text for i in read.items][:2] == ["Intro.", f"{title} More text follows here."]
    assert read.skipped_other == 3


@pytest.mark.parametrize("line", ["x" * 150, "A long repeated sentence " * 5])
def test_long_repeated_lines_are_not_furniture(line: str) -> None:
    pages = [[line + ".", f"Body {n * 7 % 11} of the page about complaints."] for n in range(4)]
    read = pdf_read(pages)
    assert read.skipped_other == 0 and [i.text for i in read.items] == [x.strip() for p in pages for x in p]
