"""No text and no name can crash a run: each input that once stopped it with a traceback is reproduced here.

Each case runs the command line over a folder holding the hostile file beside a good log, then checks that the
run exits normally, writes all three reports (read back: JSON, Word, Excel), keeps the good evidence and says in
the file's notes that text was altered.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from hostile_corpus import pdf_mapping_to_surrogate
from openpyxl import load_workbook

from cse_migrate import safe_text
from cse_migrate.cli import cli
from cse_migrate.safe_text import display_name, is_xml_safe, shorten, terminal_safe, xml_safe

GOOD_TEXT = "Customer panel meets quarterly and its minutes are published on the website"
NOTE = "held characters no report can store"


HOSTILE = {
    "fffe.csv": "Ref,Evidence\n1.1,Customer panel \ufffe\uffff meets monthly with residents\n".encode(),
    "minus-two.rtf": rb"{\rtf1\ansi Customer forum \u-2? meets weekly and publishes its minutes\par}",
    "surrogate.pdf": pdf_mapping_to_surrogate(),
    "controls.csv": "Ref,Evidence\n1.2,Staff \x85training\x9b plan \x07reviewed every year\n".encode(),
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def read_back(out: Path) -> dict[str, object]:
    """All three reports read back; every text in them is storable."""
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    document = docx.Document(str(out / "gap-report.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    workbook = load_workbook(out / "evidence.xlsx", read_only=True)
    cells = [str(v) for sheet in workbook for row in sheet.iter_rows(values_only=True) for v in row if v]
    for value in [text, *cells]:
        assert is_xml_safe(value)
    return {"json": results, "docx": text, "title": document.core_properties.title, "xlsx": cells}


def good_folder(tmp_path: Path, name: str = "portfolio") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "good_log.csv").write_text(f"Ref,Evidence,Date\n2.1,{GOOD_TEXT},2006\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_unstorable_characters_are_replaced_and_noted(tmp_path: Path, name: str) -> None:
    folder = good_folder(tmp_path)
    (folder / name).write_bytes(HOSTILE[name])
    code, output = run("analyse", str(folder), "-o", str(tmp_path / "out"), "--as-of", "2008-06-30")
    assert code == 0, output
    reports = read_back(tmp_path / "out")
    results = reports["json"]
    assert isinstance(results, dict)
    files = {f["file"]: f for f in results["files"]}
    assert any(NOTE in note for note in files[name]["notes"])
    texts = [i["text"] for i in results["items"]]
    assert GOOD_TEXT in texts
    hostile = [i["text"] for i in results["items"] if i["source"]["file"] == name]
    assert hostile and all(is_xml_safe(t) for t in hostile)
    assert GOOD_TEXT in str(reports["xlsx"])


def test_the_replacement_shows_where_text_was_lost(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (folder / "fffe.csv").write_bytes(HOSTILE["fffe.csv"])
    run("analyse", str(folder), "-o", str(tmp_path / "out"))
    results = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    assert "Customer panel \ufffd\ufffd meets monthly with residents" in [i["text"] for i in results["items"]]


@pytest.fixture
def bytes_names_allowed(tmp_path: Path) -> None:
    try:
        (tmp_path / os.fsdecode(b"probe-\xe9")).mkdir()
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not valid UTF-8")


@pytest.mark.usefixtures("bytes_names_allowed")
def test_names_that_are_not_utf8_are_read_and_shown_with_replacement_characters(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    inner = folder / os.fsdecode(b"caf\xe9 folder")
    inner.mkdir()
    (inner / os.fsdecode(b"log\xff.csv")).write_text(f"Ref,Evidence\n3.1,Staff training plan {GOOD_TEXT}\n",
                                                      encoding="utf-8")
    code, output = run("analyse", str(folder), "-o", str(tmp_path / "out"), "-v")
    assert code == 0, output
    results = read_back(tmp_path / "out")["json"]
    assert isinstance(results, dict)
    shown = "caf\ufffd folder/log\ufffd.csv"
    assert shown in [f["file"] for f in results["files"]]
    assert f"Staff training plan {GOOD_TEXT}" in [i["text"] for i in results["items"]]
    assert f"read {shown}" in output


@pytest.mark.usefixtures("bytes_names_allowed")
def test_batch_with_a_folder_name_that_is_not_utf8_still_writes_the_summary(tmp_path: Path) -> None:
    batch = tmp_path / "clients"
    batch.mkdir()
    good_folder(batch, os.fsdecode(b"north\xfe\xff"))
    good_folder(batch, "south")
    code, output = run("batch", str(batch), "-o", str(tmp_path / "out"))
    assert code == 0, output
    summary = load_workbook(tmp_path / "out" / "summary.xlsx", read_only=True)
    names = [row[0] for row in summary.active.iter_rows(min_row=2, values_only=True) if row[0]]
    assert "North\ufffd\ufffd" in names and "South" in names


def test_an_organisation_name_longer_than_a_title_is_shortened_with_an_ellipsis(tmp_path: Path) -> None:
    organisation = "Northshire " * 30  # 330 characters
    code, output = run("analyse", str(good_folder(tmp_path)), "-o", str(tmp_path / "out"), "--org", organisation)
    assert code == 0, output
    reports = read_back(tmp_path / "out")
    title = reports["title"]
    assert isinstance(title, str) and len(title) == 255 and title.endswith("\u2026")
    assert organisation.strip() in str(reports["docx"])  # the report's own text keeps the full name


def test_names_printed_to_the_terminal_are_escaped(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (folder / "\x1b[2Jbroken\u202e.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    code, output = run("analyse", str(folder), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "\x1b" not in output and "\u202e" not in output
    assert "[2Jbroken\\u202e.xlsx" in output


def test_xml_safe_removes_controls_and_replaces_what_utf8_and_xml_refuse() -> None:
    assert xml_safe("a\x00b\x0bc\x7fd\x85e\x9ff") == "abcdef"
    assert xml_safe("tab\tline\nreturn\r") == "tab\tline\nreturn\r"
    assert xml_safe("x\ufffey\uffffz\ud800\udc00\U0010ffff\ufdd0") == "x\ufffdy\ufffdz\ufffd\ufffd\ufffd\ufffd"
    assert xml_safe("Caf\u00e9 \U0001f600 \u2013") == "Caf\u00e9 \U0001f600 \u2013"


def test_no_printable_character_is_one_xml_safe_must_change() -> None:
    # xml_safe's fast path takes a printable text as safe: that holds for every code point its full check (the
    # character-class search) finds unsafe
    unsafe = [c for c in map(chr, range(0x110000)) if safe_text._UNSAFE.search(c)]
    assert len(unsafe) > 2000  # controls, surrogates, non-characters
    assert not [c for c in unsafe if c.isprintable()]


def test_shorten_and_display_and_terminal_helpers() -> None:
    assert shorten("abc", 3) == "abc"
    assert shorten("abcdef", 4) == "abc\u2026"
    assert display_name(os.fsdecode(b"caf\xe9.csv")) == "caf\ufffd.csv"
    assert terminal_safe("a\x1b[31mb\nc", keep="\n") == "a\\x1b[31mb\nc"
    assert terminal_safe("x\udce9") == "x\\udce9"
