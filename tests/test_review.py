"""The reviewer's round trip (issue 14): decisions made in the evidence workbook's Review sheet come back into
every later run, in Excel (openpyxl) or LibreOffice, and bad review files are refused with a clear line."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from format_samples import encrypt_ooxml
from openpyxl import load_workbook

from cse_migrate.analysis.review import ReviewForm, ReviewRow, apply_review, match_rows
from cse_migrate.cli import cli
from cse_migrate.errors import ExitCode
from cse_migrate.model import EvidenceItem, ItemResult, Mapping, Source
from cse_migrate.reviewing import (
    ABSENCE,
    ACCEPT,
    REJECT,
    Decision,
    DecisionWordError,
    decision_words,
    fingerprint,
    parse_decision,
    place_of,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ORG_FOLDER = "northshire-revenues-benefits"
ORG_NAME = "Northshire Revenues Benefits"
AS_OF = "2008-06-30"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def analyse(inputs: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return run("analyse", str(inputs), "-o", str(out), "--framework", "cse-2008", "--as-of", AS_OF, *extra)


def results(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return data


def report_text(out: Path) -> str:
    document = docx.Document(str(out / "gap-report.docx"))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


# --- vocabulary and fingerprints ------------------------------------------------------------------------------


def test_decisions_are_read_without_regard_to_case_or_spacing() -> None:
    ids = ["1", "1.2", "1.2.3"]
    assert parse_decision(" accept ", ids) == Decision("accept")
    assert parse_decision("REJECT", ids) == Decision("reject")
    assert parse_decision("absence  (GAP)", ids) == Decision("absence")
    assert parse_decision("move TO 1.2", ids) == Decision("move", "1.2")
    assert parse_decision("Move to 1.2.3", ids).word == "Move to 1.2.3"
    with pytest.raises(DecisionWordError, match="'Maybe' is not a decision"):
        parse_decision("Maybe", ids)
    with pytest.raises(DecisionWordError, match=r"'9\.9' is not a criterion"):
        parse_decision("Move to 9.9", ids)
    assert decision_words(ids) == [ACCEPT, REJECT, ABSENCE, "Move to 1", "Move to 1.2", "Move to 1.2.3"]


def _result(text: str, file: str, row: int, criterion: str = "1.1") -> ItemResult:
    item = EvidenceItem(f"E{row:05d}", text, Source(file, "csv", row=row))
    return ItemResult(item, "mapped", (Mapping(criterion, 0.8, ()),))


def _rows_for(items: list[ItemResult], decide: dict[str, str]) -> list[ReviewRow]:
    return [ReviewRow(i, r.item.id, r.item.text, r.item.source.cite(), r.status, "1.1",
                      fingerprint(r.item.text, r.item.source.file), place_of(r.item.source), "", "", "",
                      parse_decision(decide[r.item.id], ["1.1", "1.2"]), "")
            for i, r in enumerate(items, start=2) if r.item.id in decide]


def test_fingerprints_survive_reordering_added_files_and_edits_to_other_items() -> None:
    before = [_result("Residents panel meets quarterly.", "log.csv", 2),
              _result("Complaints are answered in 10 days.", "log.csv", 3),
              _result("Staff trained in customer care.", "log.csv", 4),
              _result("Residents panel meets quarterly.", "log.csv", 9)]  # the same text twice in one file
    rows = _rows_for(before, {"E00002": "Move to 1.2", "E00003": "Reject", "E00004": "Accept", "E00009": "Reject"})
    # a new file first (every id shifts), rows re-ordered, a small edit to an undecided item, a text re-spaced
    after = [_result("A new file's statement.", "a-new.csv", 2),
             _result("Staff trained in customer care.", "log.csv", 3),
             _result("Complaints  are ANSWERED in 10 days.", "log.csv", 5),
             _result("Residents panel meets quarterly.", "log.csv", 6),
             _result("Residents panel meets quarterly.", "log.csv", 9)]
    matched, unmatched = match_rows(after, rows)
    assert not unmatched
    by_text = {(r.item.text, r.item.source.row): matched[r.item.id].decision for r in after if r.item.id in matched}
    assert by_text[("Staff trained in customer care.", 3)] == Decision("accept")
    assert by_text[("Complaints  are ANSWERED in 10 days.", 5)] == Decision("reject")
    assert by_text[("Residents panel meets quarterly.", 9)] == Decision("reject")  # the copy at its own place
    assert by_text[("Residents panel meets quarterly.", 6)] == Decision("move", "1.2")  # the copy that moved
    # an item whose own text changed is no longer the item decided on: listed, not applied
    edited = [*after[:1], _result("Staff trained in customer care and complaints.", "log.csv", 3), *after[2:]]
    matched, unmatched = match_rows(edited, rows)
    assert [row.item for row in unmatched] == ["E00004"]


def test_each_decision_overrides_the_tool() -> None:
    items = [_result("Panel.", "f.csv", 2), _result("Survey.", "f.csv", 3), _result("Lapsed.", "f.csv", 4),
             _result("Charter.", "f.csv", 5)]
    rows = _rows_for(items, {"E00002": "Accept", "E00003": "Reject", "E00004": "Absence (gap)",
                             "E00005": "Move to 1.2"})
    out, summary = apply_review(items, ReviewForm("r.xlsx", {}, tuple(rows)))
    accepted, rejected, absent, moved = out
    assert accepted.status == "mapped" and accepted.review and accepted.review.verdict == "confirmed"
    assert rejected.status == "unmapped" and "rejected by the reviewer" in rejected.note
    assert absent.kind == "absence" and absent.status == "mapped" and absent.mappings[0].criterion == "1.1"
    assert moved.status == "mapped" and [m.criterion for m in moved.mappings] == ["1.2"]
    assert moved.review and moved.review.tool_criterion == "1.1" and moved.review.tool_score == 0.8
    assert summary.counts(r.review for r in out) == {"confirmed": 1, "moved": 1, "rejected": 1, "absence": 1,
                                                     "applied": 4, "unmatched": 0}


# --- the workbook as a review form ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Run 1 over a copy of the Northshire sample: (input folder, output folder)."""
    base = tmp_path_factory.mktemp("review")
    inputs = base / ORG_FOLDER
    shutil.copytree(SAMPLES / ORG_FOLDER, inputs)
    out = base / "run1"
    code, _, err = analyse(inputs, out)
    assert code == ExitCode.OK, err
    return inputs, out


def test_review_sheet_has_a_row_per_item_flagged_first_and_a_drop_down(first_run: tuple[Path, Path]) -> None:
    _, out = first_run
    data = results(out)
    workbook = load_workbook(out / "evidence.xlsx")
    assert workbook.sheetnames[0] == "Review"
    sheet = workbook["Review"]
    header = [c.value for c in sheet[1]]
    assert header[:9] == ["Item", "Evidence", "Source", "Status", "Criterion", "Score", "Needs review", "Decision",
                          "Comment"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted(r[0] for r in rows) == sorted(i["id"] for i in data["items"])  # every item, every status
    assert {r[3].split(" (")[0] for r in rows} == {"mapped", "unmapped", "noise", "duplicate"}
    # an absence or plan item is mapped as a gap finding, and the sheet says which (issue 9)
    kinds = {i["id"]: i["kind"] for i in data["items"]}
    assert {r[3] for r in rows if kinds[r[0]] != "support"} <= {"mapped (absence)", "mapped (plan)"}
    assert any(r[3] == "mapped (absence)" for r in rows)
    flags = [r[6] == "yes" for r in rows]
    assert any(flags) and flags == sorted(flags, reverse=True)  # needing review first
    assert sum(flags) == data["summary"]["needs_review"]
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == "'Lists'!$A$2:$A$" + str(
        len(data["framework"]["criteria"]) + 4)
    assert str(validation.sqref) == f"H2:H{len(rows) + 1}"
    lists = workbook["Lists"]
    assert lists.sheet_state == "hidden"
    words = [r[0] for r in lists.iter_rows(min_row=2, values_only=True)]
    assert words == ["Accept", "Reject", "Absence (gap)",
                     *(f"Move to {c['id']}" for c in data["framework"]["criteria"])]
    assert len(",".join(words)) > 255  # too long for a list typed into the validation: hence the range
    meta = dict(workbook["Meta"].iter_rows(min_row=2, values_only=True))
    assert workbook["Meta"].sheet_state == "hidden"
    assert meta["organisation"] == ORG_NAME and meta["framework"] == "cse-2008"
    assert meta["fingerprint_scheme"] == "cse-fp-1"


# --- the round trip, end to end: the "done when" ------------------------------------------------------


def thin_leaves(data: dict[str, Any]) -> tuple[str, str]:
    """The two rated leaves with the least evidence (A, then B): the decisions below empty both of them of their own
    evidence and move B's to A, so the ratings must show the decisions."""
    leaves = sorted((c for c in data["criteria"] if not c.get("children") and c["evidence_count"]),
                    key=lambda c: (c["evidence_count"], c["id"]))
    return leaves[0]["id"], leaves[1]["id"]


def evidence_of(data: dict[str, Any], leaf: str) -> list[str]:
    return [e["item"] for c in data["criteria"] if c["id"] == leaf for e in c["evidence"]]


def edit_decisions(evidence: Path, target: Path, data: dict[str, Any]) -> dict[str, str]:
    """Make 10 decisions in the Review sheet as a reviewer would (some on flagged rows): item id -> decision.

    Picks are made from run 1's results, so that they change ratings: every item of the thinnest leaf A is
    rejected, and every item of the next thinnest leaf B is moved to A."""
    workbook = load_workbook(evidence)
    sheet = workbook["Review"]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) + 1 for name in ("Item", "Decision", "Comment", "Needs review", "Status")}
    row_of = {sheet.cell(r, col["Item"]).value: r for r in range(2, sheet.max_row + 1)}
    items = {i["id"]: i for i in data["items"]}
    leaf_a, leaf_b = thin_leaves(data)
    decisions: dict[str, str] = {item: "reject" for item in evidence_of(data, leaf_a)}
    decisions.update({item: f"move TO {leaf_a}" for item in evidence_of(data, leaf_b) if item not in decisions})
    assert len(decisions) <= 5, "the sample's thinnest leaves hold more evidence than this test expects"
    flagged = [sheet.cell(r, col["Item"]).value for r in range(2, sheet.max_row + 1)
               if sheet.cell(r, col["Needs review"]).value == "yes"]
    flagged = [i for i in flagged if i not in decisions and not set(evidence_of(data, leaf_a) +
                                                                   evidence_of(data, leaf_b)) & {i}]
    decisions[flagged[0]] = "Accept"
    decisions[flagged[1]] = "Absence (gap)"
    decisions[next(i for i, x in items.items() if x["status"] == "noise")] = "Accept"
    decisions[next(i for i, x in items.items() if x["status"] == "duplicate")] = "Accept"
    for item, word in zip(flagged[2:], ("ACCEPT", "Reject", "accept", "Accept", "Accept", "Accept"), strict=False):
        if len(decisions) == 10:
            break
        decisions[item] = word
    assert len(decisions) == 10
    for item, word in decisions.items():
        sheet.cell(row_of[item], col["Decision"]).value = word
        sheet.cell(row_of[item], col["Comment"]).value = f"checked {item}"
    workbook.save(target)
    return decisions


def libreoffice_save(path: Path) -> Path:
    """Open and save the workbook through LibreOffice (what a reviewer using LibreOffice hands back)."""
    outdir = path.parent / "lo"
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(outdir), str(path)],
                   check=True, capture_output=True, timeout=180)
    return outdir / path.name


def openpyxl_save(path: Path) -> Path:
    return path


SAVERS: dict[str, Callable[[Path], Path]] = {"excel": openpyxl_save, "libreoffice": libreoffice_save}


@pytest.mark.parametrize("editor", ["excel", "libreoffice"])
def test_decisions_come_back_into_every_later_run(first_run: tuple[Path, Path], tmp_path: Path,
                                                  editor: str) -> None:
    if editor == "libreoffice" and shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    inputs, run1 = first_run
    before = results(run1)
    decisions = edit_decisions(run1 / "evidence.xlsx", tmp_path / "reviewed.xlsx", before)
    reviewed = SAVERS[editor](tmp_path / "reviewed.xlsx")

    run2 = tmp_path / "run2"
    code, out, err = analyse(inputs, run2, "--review", str(reviewed))
    assert code == ExitCode.OK, err
    assert "10 decision(s) applied" in out and "0 not applied" in out
    after = results(run2)
    check_decisions_applied(before, after, decisions)
    text = report_text(run2)
    assert "confirmed by reviewer" in text and "moved by reviewer" in text
    assert "Reviewer's decisions" in text and "Applied in total\n10" in text
    # the new workbook has the decisions filled in, so the next review starts from them
    sheet = load_workbook(run2 / "evidence.xlsx")["Review"]
    filled = {r[0]: r[7] for r in sheet.iter_rows(min_row=2, values_only=True) if r[7]}
    assert {k: parse_decision(v, [c["id"] for c in after["framework"]["criteria"]]).word
            for k, v in decisions.items()} == filled

    # run 3: a new evidence file sorts first (every item id shifts); the decisions are kept
    (inputs / "aaa-new-evidence.csv").write_text(
        "Reference,Evidence,Date\n1.1,A residents' panel now reviews our letters every quarter.,2008-05-01\n",
        encoding="utf-8")
    try:
        run3 = tmp_path / "run3"
        code, out, err = analyse(inputs, run3, "--review", str(run2 / "evidence.xlsx"))
        assert code == ExitCode.OK, err
        third = results(run3)
        assert third["summary"]["read"] == after["summary"]["read"] + 1
        keep = {(i["text"], i["source"]["file"]): i.get("review", {}).get("decision") for i in after["items"]}
        now = {(i["text"], i["source"]["file"]): i.get("review", {}).get("decision") for i in third["items"]}
        assert {k: v for k, v in now.items() if v} == {k: v for k, v in keep.items() if v}
        assert [c.get("rating") for c in third["criteria"] if c["id"] in decided_leaves(after)] == \
               [c.get("rating") for c in after["criteria"] if c["id"] in decided_leaves(after)]
    finally:
        (inputs / "aaa-new-evidence.csv").unlink()


def decided_leaves(data: dict[str, Any]) -> set[str]:
    return {m["criterion"] for i in data["items"] if "review" in i for m in i["mappings"]}


def check_decisions_applied(before: dict[str, Any], after: dict[str, Any], decisions: dict[str, str]) -> None:
    """Every decision shows in results.json (a review block with what the tool said) and in the ratings."""
    was = {i["id"]: i for i in before["items"]}
    now = {i["id"]: i for i in after["items"]}
    assert {i for i, x in now.items() if "review" in x} == set(decisions)
    ids = [c["id"] for c in after["framework"]["criteria"]]
    for item, word in decisions.items():
        decision = parse_decision(word, ids)
        block = now[item]["review"]
        assert block["decision"] == decision.word and block["comment"] == f"checked {item}"
        assert block["tool"]["status"] == was[item]["status"]
        if decision.kind == "move":
            assert now[item]["status"] == "mapped"
            assert [m["criterion"] for m in now[item]["mappings"]] == [decision.target]
        elif decision.kind == "reject":
            assert now[item]["status"] == "unmapped" and block["tool"]["status"] == "mapped"
        elif decision.kind == "accept":
            assert now[item]["status"] == was[item]["status"]
            assert not any(m["needs_review"] for m in now[item]["mappings"])
    assert after["review"]["counts"]["applied"] == 10 and after["review"]["unmatched"] == []
    ratings_before = {c["id"]: c.get("rating") for c in before["criteria"]}
    ratings_after = {c["id"]: c.get("rating") for c in after["criteria"]}
    leaf_a, leaf_b = thin_leaves(before)
    assert "Not evidenced" not in (ratings_before[leaf_a], ratings_before[leaf_b])
    assert ratings_after[leaf_b] == "Not evidenced"  # its evidence was moved away by the reviewer
    assert ratings_after[leaf_a] != "Not evidenced"  # its own evidence rejected, B's moved in
    assert set(evidence_of(after, leaf_a)) == {i for i, w in decisions.items() if w == f"move TO {leaf_a}"}
    assert after["summary"]["read"] == before["summary"]["read"]  # counts still add up


# --- bad review files ------------------------------------------------------------------------------------------


@pytest.fixture()
def small_org(tmp_path: Path) -> tuple[Path, Path]:
    """A one-file organisation and its first run: (input folder, run output)."""
    inputs = tmp_path / "little-council"
    inputs.mkdir()
    (inputs / "log.csv").write_text(
        "Reference,Evidence,Date\n"
        "1.1,We held four focus groups with parents before redesigning the admissions form.,2008-02-01\n"
        "2.1,Our customer charter sets out the standards we promise to meet.,2008-03-01\n"
        "3.1,Staff attended customer care training in 2007.,2007-09-01\n", encoding="utf-8")
    out = tmp_path / "run1"
    code, _, err = analyse(inputs, out)
    assert code == ExitCode.OK, err
    return inputs, out


def decide(evidence: Path, target: Path, edits: dict[int, str]) -> Path:
    workbook = load_workbook(evidence)
    for row, word in edits.items():
        workbook["Review"].cell(row, 8).value = word
    workbook.save(target)
    return target


def refused(inputs: Path, out: Path, review: Path, *extra: str) -> str:
    code, _, err = analyse(inputs, out, "--review", str(review), *extra)
    assert code == ExitCode.REVIEW_INVALID, err
    assert not out.exists()  # nothing applied, nothing written
    return err.strip()


def test_unknown_decision_word_or_criterion_names_sheet_and_row(small_org: tuple[Path, Path],
                                                                 tmp_path: Path) -> None:
    inputs, run1 = small_org
    bad = decide(run1 / "evidence.xlsx", tmp_path / "bad.xlsx", {2: "Perhaps", 3: "Move to 7.7"})
    err = refused(inputs, tmp_path / "out", bad)
    assert "sheet Review row 2" in err and "'Perhaps' is not a decision" in err
    assert "sheet Review row 3" in err and "'7.7' is not a criterion" in err


def test_a_workbook_for_another_organisation_or_framework_is_refused(small_org: tuple[Path, Path],
                                                                     tmp_path: Path) -> None:
    inputs, run1 = small_org
    review = decide(run1 / "evidence.xlsx", tmp_path / "r.xlsx", {2: "Accept"})
    err = refused(inputs, tmp_path / "o1", review, "--org", "Another Council")
    assert err.count("\n") == 0 and "sheet Meta row 2" in err and "'Little Council'" in err
    code, _, err = run("analyse", str(inputs), "-o", str(tmp_path / "o2"), "--framework", "five-points",
                       "--review", str(review))
    assert code == ExitCode.REVIEW_INVALID and "made for framework 'cse-2008', not 'five-points'" in err


def test_a_workbook_without_its_review_sheet_is_refused(small_org: tuple[Path, Path], tmp_path: Path) -> None:
    inputs, run1 = small_org
    workbook = load_workbook(run1 / "evidence.xlsx")
    workbook.remove(workbook["Review"])
    workbook.save(tmp_path / "no-review.xlsx")
    err = refused(inputs, tmp_path / "out", tmp_path / "no-review.xlsx")
    assert "no-review.xlsx: has no 'Review' sheet" in err


def test_a_password_protected_workbook_opens_with_password(small_org: tuple[Path, Path], tmp_path: Path) -> None:
    inputs, run1 = small_org
    plain = decide(run1 / "evidence.xlsx", tmp_path / "plain.xlsx", {2: "Reject"})
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(encrypt_ooxml(plain.read_bytes(), "s3cret"))
    err = refused(inputs, tmp_path / "out", locked)
    assert "locked.xlsx: is password-protected" in err and "--password" in err
    code, _out, err = analyse(inputs, tmp_path / "ok", "--review", str(locked), "--password", "s3cret")
    assert code == ExitCode.OK, err
    assert results(tmp_path / "ok")["review"]["counts"]["rejected"] == 1


def test_decisions_on_items_that_are_gone_are_listed_never_applied(small_org: tuple[Path, Path],
                                                                   tmp_path: Path) -> None:
    inputs, run1 = small_org
    review = decide(run1 / "evidence.xlsx", tmp_path / "r.xlsx", {2: "Reject", 3: "Accept"})
    gone = load_workbook(review)["Review"].cell(2, 2).value
    log = inputs / "log.csv"
    log.write_text(log.read_text(encoding="utf-8").replace(gone, gone.replace("We ", "We also ")),
                   encoding="utf-8")
    code, _out, err = analyse(inputs, tmp_path / "out", "--review", str(review))
    assert code == ExitCode.OK
    assert "sheet Review row 2" in err and "is no longer in the evidence; decision 'Reject' not applied" in err
    data = results(tmp_path / "out")
    assert data["review"]["counts"]["applied"] == 1
    assert [(u["row"], u["decision"]) for u in data["review"]["unmatched"]] == [(2, "Reject")]
    assert not any(i.get("review", {}).get("decision") == "Reject" for i in data["items"])
    text = report_text(tmp_path / "out")
    assert "Not applied: the item is no longer in the evidence\n1" in text
    assert load_workbook(tmp_path / "out" / "evidence.xlsx")["Review unmatched"].cell(2, 5).value == "Reject"


# --- batch: review.xlsx by convention --------------------------------------------------------------------------


def test_batch_finds_review_xlsx_and_never_reads_it_as_evidence(small_org: tuple[Path, Path],
                                                                tmp_path: Path) -> None:
    inputs, run1 = small_org
    batch_in = tmp_path / "clients"
    shutil.copytree(inputs, batch_in / inputs.name)
    decide(run1 / "evidence.xlsx", batch_in / inputs.name / "review.xlsx", {2: "Reject", 3: "Accept"})
    code, out, err = run("batch", str(batch_in), "-o", str(tmp_path / "out"), "--framework", "cse-2008",
                         "--as-of", AS_OF)
    assert code == ExitCode.OK, err
    data = results(tmp_path / "out" / "little-council")
    assert [f["file"] for f in data["files"]] == ["log.csv"]
    assert data["review"]["file"] == "review.xlsx" and data["review"]["counts"]["applied"] == 2
    assert "Little Council: Review review.xlsx: 2 decision(s) applied" in out
    # nothing changed: not analysed again; new decisions in review.xlsx: analysed again, and applied
    code, out, err = run("batch", str(batch_in), "-o", str(tmp_path / "out"), "--framework", "cse-2008",
                         "--as-of", AS_OF)
    assert code == ExitCode.OK, err
    assert "Little Council: unchanged" in out
    decide(run1 / "evidence.xlsx", batch_in / inputs.name / "review.xlsx", {2: "Reject", 3: "Accept", 4: "Reject"})
    code, out, err = run("batch", str(batch_in), "-o", str(tmp_path / "out"), "--framework", "cse-2008",
                         "--as-of", AS_OF)
    assert code == ExitCode.OK, err
    assert "Little Council: Review review.xlsx: 3 decision(s) applied" in out
    assert results(tmp_path / "out" / "little-council")["review"]["counts"]["applied"] == 3


# --- export to rule tests --------------------------------------------------------------------------------------


def test_review_export_writes_rule_tests(first_run: tuple[Path, Path], tmp_path: Path) -> None:
    import yaml

    _, run1 = first_run
    data = results(run1)
    decisions = edit_decisions(run1 / "evidence.xlsx", tmp_path / "reviewed.xlsx", data)
    code, _out, err = run("review", "export", str(tmp_path / "reviewed.xlsx"), "-o", str(tmp_path / "cases.yaml"))
    assert code == ExitCode.OK, err
    doc = yaml.safe_load((tmp_path / "cases.yaml").read_text(encoding="utf-8"))
    assert doc["kind"] == "rule-tests" and doc["framework"] == "cse-2008" and doc["as_of"] == AS_OF
    ids = [c["id"] for c in data["framework"]["criteria"]]
    by_id = {i["id"]: i for i in data["items"]}
    expected = {}
    for item, word in decisions.items():
        d = parse_decision(word, ids)
        tool = by_id[item]
        if d.kind == "move":
            expected[tool["text"]] = d.target
        elif d.kind == "reject":
            expected[tool["text"]] = "NONE"
        elif d.kind == "accept" and tool["status"] == "mapped":
            expected[tool["text"]] = tool["mappings"][0]["criterion"]
        elif d.kind == "accept" and tool["status"] == "noise":
            expected[tool["text"]] = f"noise:{tool['noise_rule']}"
    assert {c["text"]: c["expect"] for c in doc["cases"]} == expected
    assert all(set(c) <= {"text", "expect", "cm_ref", "date", "why"} for c in doc["cases"])
    # an accepted duplicate and an absence no rule recognised cannot be cases: listed, not dropped silently
    assert err.count("not exported") == len(decisions) - len(expected) == 2
    assert len(doc["cases"]) == len(expected)


def test_exported_cases_load_in_rules_test(first_run: tuple[Path, Path], tmp_path: Path) -> None:
    """The export is written to the rule-tests format of the rule-packs issue: 'rules test' loads it."""
    rule_tests = pytest.importorskip("cse_migrate.tools.rule_tests")
    from cse_migrate.rules import load_rules

    _, run1 = first_run
    edit_decisions(run1 / "evidence.xlsx", tmp_path / "reviewed.xlsx", results(run1))
    code, out, err = run("review", "export", str(tmp_path / "reviewed.xlsx"), "-o", str(tmp_path / "cases.yaml"))
    assert code == ExitCode.OK, err
    problems: list[str] = []
    loaded = rule_tests.load_cases(tmp_path / "cases.yaml", "cases.yaml", load_rules(), problems)
    assert problems == [] and len(loaded) == int(out.split()[0]) == 8


def test_a_review_file_inside_the_input_folder_is_not_read_as_evidence(small_org: tuple[Path, Path],
                                                                       tmp_path: Path) -> None:
    inputs, run1 = small_org
    review = decide(run1 / "evidence.xlsx", inputs / "reviewed-by-jo.xlsx", {2: "Accept"})
    code, _, err = analyse(inputs, tmp_path / "out", "--review", str(review))
    assert code == ExitCode.OK, err
    data = results(tmp_path / "out")
    assert [f["file"] for f in data["files"]] == ["log.csv"] and data["review"]["counts"]["confirmed"] == 1


def test_two_rows_for_one_item_are_refused_and_a_comment_alone_is_carried(small_org: tuple[Path, Path],
                                                                          tmp_path: Path) -> None:
    inputs, run1 = small_org
    workbook = load_workbook(run1 / "evidence.xlsx")
    sheet = workbook["Review"]
    copy = [c.value for c in sheet[2]]
    for column, value in enumerate(copy, start=1):
        sheet.cell(sheet.max_row + (1 if column == 1 else 0), column).value = value
    sheet.cell(2, 8).value = "Accept"
    sheet.cell(sheet.max_row, 8).value = "Reject"
    workbook.save(tmp_path / "twice.xlsx")
    err = refused(inputs, tmp_path / "out", tmp_path / "twice.xlsx")
    assert f"sheet Review row {sheet.max_row}: the same item as row 2" in err

    noted = load_workbook(run1 / "evidence.xlsx")
    noted["Review"].cell(3, 9).value = "ask the client for the 2008 figures"
    noted.save(tmp_path / "noted.xlsx")
    code, _, err = analyse(inputs, tmp_path / "ok", "--review", str(tmp_path / "noted.xlsx"))
    assert code == ExitCode.OK, err
    data = results(tmp_path / "ok")
    assert data["review"]["counts"]["applied"] == 0 and not any("review" in i for i in data["items"])
    again = load_workbook(tmp_path / "ok" / "evidence.xlsx")["Review"]
    assert [r[8] for r in again.iter_rows(min_row=2, values_only=True) if r[8]] == [
        "ask the client for the 2008 figures"]
