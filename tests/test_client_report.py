"""The report a consultant hands to a client (issue 10), guarded defect by defect.

The sample reports are rendered through LibreOffice (where ``soffice`` is installed; skipped otherwise) and their
PDF text is checked for words broken across lines, an empty table of contents and the length of the executive
summary and findings. Client-facing text is checked for rule ids, setting names, checksums and "(s)"; the three
samples must not share an action list; and the actions, the coverage axis and the summary table are checked on
constructed results.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from docx.document import Document
from report_fixture import make_run_result

from cse_migrate.cli import cli
from cse_migrate.errors import OutputError
from cse_migrate.model import (
    NOT_EVIDENCE_NOTE,
    CriterionResult,
    FileRead,
    ItemResult,
    Mapping,
    Reason,
    RunResult,
    Settings,
)
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import analyse, write_reports
from cse_migrate.reports.actions import draft_actions, plan_object, top_priorities
from cse_migrate.reports.docx.report import build_gap_document, write_gap_report
from cse_migrate.reports.pdf import write_pdf
from cse_migrate.rules import RuleSet

AS_OF = date(2026, 11, 30)  # fixed, so the sample reports (all evidence out of date) do not change with the clock
ORGS = ("northshire-revenues-benefits", "eastmoor-libraries", "riverside-outpatients")
SETTING_NAMES = [name for name in Settings.__dataclass_fields__ if name not in Settings.RUN_FIELDS]
# Crosswalk rule ids ("CM3-C3.3", "CM3-P1"), noise and lexicon rule ids, digests: debug language for a client.
DEBUG_PATTERNS = (r"\bCM\d-[A-Z]", r"\bnoise\.(?!yaml)[a-z]", r"\brules-[0-9a-f]{6}", r"\b[0-9a-f]{40,64}\b", r"\(s\)",
                  r"crosswalk:", r"against:", r"no words of any criterion", r"\bphrases:")


def run_org(rules: RuleSet, org: str, out: Path, framework: str = "cse-2008") -> tuple[RunResult, Path]:
    name = org.replace("-", " ").title()
    result = analyse([SAMPLES / org], rules, RunOptions(framework=framework, as_of=AS_OF, organisation=name))
    write_reports(result, out)
    return result, out / "gap-report.docx"


@pytest.fixture(scope="module")
def reports(rules: RuleSet, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[RunResult, Path]]:
    """The three samples against the default framework, and Northshire against the five points."""
    out = tmp_path_factory.mktemp("client")
    runs = {org: run_org(rules, org, out / org) for org in ORGS}
    runs["five-points"] = run_org(rules, ORGS[0], out / "five", "five-points")
    return runs


def render(docx_path: Path) -> list[str]:
    """The report as LibreOffice prints it: the text of each page."""
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) and pdftotext are needed to render the report")
    outdir = docx_path.parent
    profile = (outdir / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(outdir), str(docx_path)], check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", str(docx_path.with_suffix(".pdf")), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")


@pytest.fixture(scope="module")
def rendered(reports: dict[str, tuple[RunResult, Path]]) -> dict[str, list[str]]:
    return {key: render(path) for key, (_, path) in reports.items()}


def document_text(document: Document) -> str:
    """Every word the document holds: paragraphs, table cells (with their small print) and footer."""
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(p.text for cell in row.cells for p in cell.paragraphs)
    texts.extend(p.text for section in document.sections for p in section.footer.paragraphs)
    return "\n".join(texts)


def words(text: str) -> set[str]:
    """Words as runs of letters; a hyphenated word also counts joined ("Co-operative" gives "Cooperative", as
    pdftotext writes a word LibreOffice broke at its hyphen)."""
    found = set(re.findall(r"[A-Za-z]+", text))
    for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", text):
        parts = word.split("-")  # "hard-to-reach" broken after "to-" prints "hard-toreach"
        found |= {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)}
    return found


def contents(pages: list[str]) -> dict[str, int]:
    """The contents entries on the cover page: heading -> page number as printed."""
    entries = re.findall(r"^(.+?)\.{4,}\s*(\d+)$", pages[0], flags=re.MULTILINE)
    return {name: int(number) for name, number in entries}


def on_page(pages: list[str], number: int, heading: str) -> bool:
    """Whether ``heading`` is printed on page ``number`` (1-based), allowing for a heading wrapped over lines."""
    return " ".join(heading.split()) in " ".join(pages[number - 1].split())


# --- rendered through LibreOffice ------------------------------------------------------------------------


@pytest.mark.parametrize("key", [*ORGS, "five-points"])
def test_no_word_is_split_across_lines(key: str, reports: dict[str, tuple[RunResult, Path]],
                                       rendered: dict[str, list[str]]) -> None:
    """Every word LibreOffice printed is a word of the document: a narrow column would print "Complian" / "ce"."""
    known = words(document_text(docx.Document(str(reports[key][1]))))
    printed = words("\n".join(rendered[key]))
    assert sorted(printed - known) == []


@pytest.mark.parametrize("key", [*ORGS, "five-points"])
def test_contents_has_real_entries_with_page_numbers(key: str, rendered: dict[str, list[str]]) -> None:
    cover = rendered[key][0]
    assert "Right-click" not in cover and "update" not in cover.lower()
    entries = contents(rendered[key])
    names = list(entries)
    assert names[0] == "Executive summary" and "Action plan" in names
    assert any(n.startswith("Appendix F") for n in names)
    pages = list(entries.values())
    assert pages[0] == 2 and pages == sorted(pages)  # real page numbers, in order
    for name, number in entries.items():  # each entry points at the page its heading is on
        assert on_page(rendered[key], number, name), name


@pytest.mark.parametrize("key", [*ORGS, "five-points"])
def test_executive_summary_takes_two_pages(key: str, rendered: dict[str, list[str]]) -> None:
    pages = rendered[key]
    entries = list(contents(pages).items())
    assert entries[0] == ("Executive summary", 2)
    assert entries[1][1] == 4  # the findings start on page 4: the summary is pages 2 and 3
    assert "Top five priorities" in pages[2]  # the priorities close the second page


def test_northshire_summary_and_findings_fit_in_about_twelve_pages(rendered: dict[str, list[str]]) -> None:
    entries = contents(rendered["northshire-revenues-benefits"])
    after_findings = next(number for name, number in entries.items() if name.startswith("Reading against"))
    assert after_findings - 2 <= 12  # the summary and findings are pages 2 .. after_findings - 1


# --- client-facing text ----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", [*ORGS, "five-points"])
def test_no_rule_ids_setting_names_or_digests_for_a_client(key: str,
                                                          reports: dict[str, tuple[RunResult, Path]]) -> None:
    result, path = reports[key]
    text = document_text(docx.Document(str(path)))
    client = text[:text.rindex("Appendix F: Method, settings and rules")]  # all but the method appendix
    for pattern in DEBUG_PATTERNS:
        assert not re.search(pattern, client), pattern
    for name in SETTING_NAMES:  # the method appendix names them, for reproducing the run; nothing before it does
        assert name not in client, name
    # the rules version is stated once, in the method appendix at the end
    assert text.count(result.rules_version) == 1
    assert text.index(result.rules_version) > text.index("Appendix F: Method, settings and rules")


def test_no_two_samples_share_an_action_list(reports: dict[str, tuple[RunResult, Path]]) -> None:
    lists = {org: [a.cited() for a in draft_actions(reports[org][0])] for org in ORGS}
    assert all(lists.values())
    for org in ORGS:
        for other in ORGS:
            if org < other:
                assert lists[org] != lists[other]
                assert not set(lists[org]) & set(lists[other])


def test_summary_table_never_contradicts_itself(reports: dict[str, tuple[RunResult, Path]]) -> None:
    document = docx.Document(str(reports[ORGS[0]][1]))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Content shows")
    order = ["Compliance Plus", "Compliance", "Partial Compliance", "Not evidenced"]
    for row in table.rows[1:]:
        _, content, _, rating, held = (c.text for c in row.cells)
        assert order.index(rating) >= order.index(content)  # the age of evidence can only lower a reading
        assert (held == "-") == (rating in ("Compliance Plus", "Compliance"))
        assert ("evidence age" in held) == (order.index(rating) > order.index(content) or "evidence age" in held)
    # at today's date, a content reading of Compliance Plus held back only by age says so in words
    result = reports[ORGS[0]][0]
    two = next(c for c in result.criteria if c.id == "2")
    assert two.coverage == "Compliance Plus" and two.held_back == ("currency",)
    assert "Covered, but the evidence is out of date: show the practice continues." in document_text(document)


# --- actions on constructed results ----------------------------------------------------------------------


def with_item(result: RunResult, item: ItemResult) -> RunResult:
    files = result.files
    if item.item.source.file not in {f.file for f in files}:
        files = (*files, FileRead(item.item.source.file, "xlsx", (), units_read=1, skipped_blank=0))
    return replace(result, items=(*result.items, item), files=files)


def statement(result: RunResult, text: str, kind: str, gap: str = "", sheet: str = "Crit 2",
              row: int = 7) -> ItemResult:
    base = result.items[0]
    source = replace(base.item.source, file="northshire_self_assessment_2007.xlsx", sheet=sheet, row=row)
    mapping = Mapping("2", 0.8, (Reason("phrase", "customer panel", "customer panel", 4.0, "lexicon"),
                                 Reason("phrase", "panel", "panel", 3.0, "lexicon")))
    return replace(base, item=replace(base.item, id="E0100", text=text, source=source, cm_ref=None),
                   mappings=(mapping,), kind=kind, gap_text=gap)  # type: ignore[arg-type]


def test_a_lapsed_practice_becomes_a_specific_high_priority_action() -> None:
    result = make_run_result("Northshire")
    lapsed = statement(result, "No customer panel since the 2005 panel lapsed", "absence")
    actions = draft_actions(with_item(result, lapsed))
    first = actions[0]
    assert first.priority_name == "High" and first.kind == "lapsed"
    assert first.cited() == ("Re-establish the customer panel, lapsed in 2005 (Self assessment 2007, sheet Crit 2, "
                             "row 7)")
    assert first.quote == "“No customer panel since the 2005 panel lapsed”" and first.item == "E0100"
    assert top_priorities(actions)[0] == first


def test_the_same_action_raised_twice_takes_one_top_priority() -> None:
    result = make_run_result("Northshire")
    once = statement(result, "We have no customer panel at present", "absence", row=8)
    again = statement(result, "There is still no customer panel", "absence", row=9)
    again = replace(again, item=replace(again.item, id="E0101"))
    actions = draft_actions(with_item(with_item(result, once), again))
    texts = [a.text for a in actions]
    assert texts.count("Close the gap the evidence states on customer panel") == 2  # the plan lists both
    top = [a.text for a in top_priorities(actions)]
    assert top.count("Close the gap the evidence states on customer panel") == 1  # the first page says it once


def test_absence_and_plan_statements_become_actions() -> None:
    result = make_run_result("Northshire")
    absent = statement(result, "We have no customer panel at present", "absence", row=8)
    planned = statement(result, "We plan to set up a customer panel in 2009", "plan", row=9)
    mixed = statement(result, "81% satisfied; we intend to re-establish a customer panel in 2009", "support",
                      gap="we intend to re-establish a customer panel in 2009", row=10)
    actions = draft_actions(with_item(with_item(with_item(result, absent), planned), mixed))
    texts = {a.kind: a.cited() for a in actions if a.item == "E0100"}
    assert texts["absence"] == ("Close the gap the evidence states on customer panel (Self assessment 2007, sheet "
                                "Crit 2, row 8)")
    plans = [a for a in actions if a.kind == "plan"]
    assert [a.where for a in plans] == ["Self assessment 2007, sheet Crit 2, row 9",
                                        "Self assessment 2007, sheet Crit 2, row 10"]
    # the plan in its own words, not the matcher's phrase (Riverside's plan once read "planned work on report to
    # board" for a plan to display results in the waiting area)
    assert plans[0].text == ("Carry out the plan to set up a customer panel (planned for 2009) and keep evidence "
                             "that it happened")
    assert plans[1].text == ("Carry out the plan to re-establish a customer panel (planned for 2009) and keep "
                             "evidence that it happened")
    assert plans[1].quote == "“we intend to re-establish a customer panel in 2009”"  # the plan clause only


def test_a_plan_is_named_in_its_own_words_or_by_its_topic() -> None:
    assert plan_object("… is not published to patients. We plan to display monthly results in the waiting area "
                       "from 2008.") == "display monthly results in the waiting area"
    assert plan_object("The trust intends to survey outpatients next year") == "survey outpatients"
    # no short phrase of its own: the action names the matcher's topic instead
    assert plan_object("Text message reminders will be introduced.") == ""
    assert plan_object("We will have more staff") == ""


def test_out_of_date_strength_and_missing_part() -> None:
    result = make_run_result("Northshire")
    criteria = tuple(replace(c, held_back=("currency",), coverage="Met") if c.id == "3" else c
                     for c in result.criteria)
    actions = draft_actions(replace(result, criteria=criteria))
    stale = next(a for a in actions if a.kind == "out of date")
    assert stale.text == ("Show that the practice continues for 3 Retraining staff: the latest strong evidence "
                          "dates from 2005")
    assert stale.where == "Charter Mark portfolio, sheet Crit 3, row 2"  # a sheet row needs no heading
    missing = next(a for a in actions if a.kind == "missing")
    assert missing.priority == 1 and missing.part == "4" and not missing.quote
    assert "nothing read shows it; for example, leadership commitment statements" in missing.text


def test_report_lists_actions_in_the_plan_and_cites_them(tmp_path: Path) -> None:
    result = make_run_result("Northshire")
    lapsed = statement(result, "No customer panel since the 2005 panel lapsed", "absence")
    text = document_text(build_gap_document(with_item(result, lapsed)))
    assert "Re-establish the customer panel, lapsed in 2005." in text  # first of the top five priorities
    assert "Raised by “No customer panel since the 2005 panel lapsed” (Self assessment 2007, sheet Crit 2, row 7)" \
        in text


def test_criterion_result_keeps_coverage_apart_from_the_rating(rules: RuleSet) -> None:
    old = analyse([SAMPLES / ORGS[0]], rules, RunOptions(as_of=AS_OF))
    then = analyse([SAMPLES / ORGS[0]], rules, RunOptions(as_of=date(2008, 6, 30)))
    by_id_old: dict[str, CriterionResult] = {c.id: c for c in old.criteria}
    by_id_then = {c.id: c for c in then.criteria}
    for cid, c in by_id_old.items():
        assert c.coverage == by_id_then[cid].coverage  # what the content shows does not depend on the date
    assert by_id_old["2.1"].rating == "Partial Compliance" and by_id_old["2.1"].held_back == ("currency",)
    assert by_id_then["2.1"].rating == "Compliance Plus" and by_id_then["2.1"].held_back == ()
    assert by_id_old["5.1"].held_back == ("coverage",)


def test_a_passing_reading_is_held_back_by_nothing(rules: RuleSet) -> None:
    then = {c.id: c for c in analyse([SAMPLES / ORGS[0]], rules, RunOptions(as_of=date(2008, 6, 30))).criteria}
    # Compliance on recent evidence and on content: passing, so no axis holds it back, no action
    assert (then["3.4"].rating, then["3.4"].coverage, then["3.4"].held_back) == ("Compliance", "Compliance", ())
    # 1.2 has the same evidence, but its own evidence says the customer panel lapsed (issue 9): at most Partial
    assert then["1.2"].rating == "Partial Compliance"
    assert any("gap finding" in reason for reason in then["1.2"].rating_reasons)
    # ... and what holds it back is its content (the lapsed panel), not the age of its evidence
    assert (then["1.2"].coverage, then["1.2"].held_back) == ("Partial Compliance", ("coverage",))


# --- gap-report.pdf --------------------------------------------------------------------------------------


def test_pdf_option_writes_the_report_as_pdf_with_page_numbers(tmp_path: Path) -> None:
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) and pdftotext are needed for --pdf")
    result = CliRunner().invoke(cli, ["analyse", str(SAMPLES / ORGS[1]), "-o", str(tmp_path), "--as-of",
                                      AS_OF.isoformat(), "--pdf", "-q"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "gap-report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    cover = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert re.search(r"^Executive summary\.{4,}\s*2$", cover, flags=re.MULTILINE)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_pdf_without_libreoffice_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docx_path = tmp_path / "gap-report.docx"
    write_gap_report(make_run_result(), docx_path)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice anywhere on it
    with pytest.raises(OutputError, match=r"gap-report\.pdf: could not make the PDF .*install LibreOffice"):
        write_pdf(docx_path, tmp_path / "gap-report.pdf")
    assert not (tmp_path / "gap-report.pdf").exists()


@pytest.mark.parametrize("key", ORGS)
def test_every_filing_to_check_shows_its_estimated_chance_of_being_right(
        key: str, reports: dict[str, tuple[RunResult, Path]]) -> None:
    result, path = reports[key]
    flagged = [r for r in result.items if r.status == "mapped" and r.mappings[0].needs_review]
    assert flagged and all(r.mappings[0].confidence is not None for r in flagged)
    document = docx.Document(str(path))
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:4] ==
                 ["Evidence", "Where", "Filed under", "Chance right"])
    shown = {row.cells[3].text for row in table.rows[1:]}
    assert {f"{r.mappings[0].confidence:.0%}" for r in flagged} <= shown
    data = json.loads((path.parent / "results.json").read_text(encoding="utf-8"))
    mapped = [i for i in data["items"] if i["status"] == "mapped"]
    assert all(0 < i["mappings"][0]["confidence"] < 1 for i in mapped)
    assert not any("confidence" in m for i in mapped for m in i["mappings"][1:])


def test_an_item_the_classifier_reads_as_not_evidence_says_so_in_appendix_c(
        reports: dict[str, tuple[RunResult, Path]]) -> None:
    """A boiler replaced shares words with no part, yet a line like it may: the appendix says why it was not
    filed (the classifier's reading), not "closest to ..., but not close enough"; results.json keeps the figures."""
    result, path = reports[ORGS[0]]
    boiler = next(r for r in result.items if r.item.text == "Replaced boiler in the main office")
    assert boiler.status == "unmapped" and boiler.note.startswith(NOT_EVIDENCE_NOTE)
    assert "probability" in boiler.note and "pulled by" in boiler.note
    table = next(t for t in docx.Document(str(path)).tables if t.rows[0].cells[2].text == "Note"
                 and any("Replaced boiler" in row.cells[0].text for row in t.rows))
    row = next(row for row in table.rows if "Replaced boiler" in row.cells[0].text)
    assert row.cells[2].text.startswith("read as something other than customer-service evidence")
    assert "probability" not in row.cells[2].text
