"""The command line end to end: exit codes, outputs read back, batch runs, rules validation."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cse_migrate import __version__
from cse_migrate.cli import cli
from cse_migrate.errors import ExitCode

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

ORGS = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_there_are_three_sample_organisations() -> None:
    assert len(ORGS) >= 3
    for org in ORGS:
        suffixes = {p.suffix for p in (SAMPLES / org).iterdir()}
        assert {".xlsx", ".docx", ".csv"} <= suffixes


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out
    for command in (["--help"], ["analyse", "--help"], ["batch", "--help"], ["rules", "--help"],
                    ["rules", "validate", "--help"], ["frameworks", "--help"]):
        code, out, _ = run(*command)
        assert code == 0 and "Usage" in out


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    out = tmp_path_factory.mktemp("out")
    code, stdout, _ = run("analyse", str(SAMPLES / ORGS[0]), "-o", str(out), "--as-of", "2008-06-30",
                          "--org", "Test Council")
    return out, code, stdout


def test_analyse_writes_three_reports_and_exits_ok(analysed: tuple[Path, int, str]) -> None:
    out, code, stdout = analysed
    assert code == ExitCode.OK
    assert {"gap-report.docx", "results.json", "evidence.xlsx"} <= {p.name for p in out.iterdir()}
    assert "Customer Insight" in stdout and "Readiness:" in stdout  # the official criteria by default
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_results_json_contract_and_counts_add_up(analysed: tuple[Path, int, str]) -> None:
    data = json.loads((analysed[0] / "results.json").read_text(encoding="utf-8"))
    assert {"schema_version", "tool_version", "framework", "criteria", "items", "errors", "summary"} <= set(data)
    assert data["framework"]["id"] == "cse-2008"
    assert [c["id"] for c in data["framework"]["criteria"] if "." not in c["id"]] == ["1", "2", "3", "4", "5"]
    s = data["summary"]
    assert s["read"] == s["mapped"] + s["unmapped"] + s["noise"] + s["duplicate"] == len(data["items"])
    statuses = {i["status"] for i in data["items"]}
    assert statuses == {"mapped", "unmapped", "noise", "duplicate"}
    ids = [i["id"] for i in data["items"]]
    assert ids == sorted(ids)  # input order
    for i in data["items"]:
        assert i["source"]["file"]
        if i["status"] == "mapped":
            assert i["mappings"] and all(m["reasons"] and 0 < m["score"] < 1 for m in i["mappings"])
        if i["status"] == "duplicate":
            assert i["duplicate_of"] in ids
    for c in data["criteria"]:
        assert c["status"] in {"Met", "Partially met", "Gap"}
        assert c["evidence_count"] == len(c["evidence"])
    # every duplicate's place is listed on the item it was folded into
    kept = {i["id"]: i for i in data["items"]}
    for i in data["items"]:
        if i["status"] == "duplicate":
            assert i["source"] in kept[i["duplicate_of"]]["also_found_in"]


def test_gap_report_reads_back(analysed: tuple[Path, int, str]) -> None:
    document = docx.Document(str(analysed[0] / "gap-report.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Test Council" in text
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert "Executive summary" in headings
    for title in ("1 Customer Insight", "5 Timeliness and Quality of Service"):
        assert title in headings
    status_table = document.tables[0]
    cells = [c.text for row in status_table.rows for c in row.cells]
    assert "3 Information and Access" in cells
    assert len(status_table.rows) == 6


def test_evidence_workbook_reads_back(analysed: tuple[Path, int, str]) -> None:
    wb = load_workbook(analysed[0] / "evidence.xlsx")
    names = wb.sheetnames
    assert any(n.startswith("1 ") for n in names) and "Unmapped" in names and "Duplicates" in names
    data = json.loads((analysed[0] / "results.json").read_text(encoding="utf-8"))
    # a criterion's sheet has a row per item and sub-criterion it supports
    leaves = [c for c in data["criteria"] if c.get("parent") == "1"]
    sheet = wb[next(n for n in names if n.startswith("1 "))]
    assert sheet.max_row - 1 == sum(c["evidence_count"] for c in leaves)


def test_same_inputs_same_results(tmp_path: Path) -> None:
    outs = []
    for name in ("a", "b"):
        code, _, _ = run("analyse", str(SAMPLES / ORGS[1]), "-o", str(tmp_path / name), "--as-of", "2008-06-30")
        assert code == 0
        outs.append(json.loads((tmp_path / name / "results.json").read_text(encoding="utf-8")))
    assert outs[0] == outs[1]


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SAMPLES / ORGS[2], src)
    before = {p.name: p.read_bytes() for p in src.iterdir()}
    code, _, _ = run("analyse", str(src), "-o", str(tmp_path / "out"))
    assert code == 0
    assert before == {p.name: p.read_bytes() for p in src.iterdir()}


def test_unreadable_file_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SAMPLES / ORGS[0], src)
    (src / "broken.xlsx").write_bytes(b"this is not a workbook")
    code, _, stderr = run("analyse", str(src), "-o", str(tmp_path / "out"))
    assert code == ExitCode.SOME_FILES_UNREADABLE
    assert "broken.xlsx" in stderr and len(stderr.strip().splitlines()) == 1
    data = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    assert [e["file"] for e in data["errors"]] == ["broken.xlsx"]
    assert data["summary"]["mapped"] > 10  # the other files were still read


@pytest.mark.parametrize(("args", "code", "fragment"), [
    (["analyse", "no/such/folder", "-o", "OUT"], ExitCode.INPUT_NOT_FOUND, "no/such/folder"),
    (["analyse", "SAMPLE", "-o", "OUT", "--framework", "nope"], ExitCode.USAGE, "unknown framework 'nope'"),
    (["analyse", "SAMPLE", "-o", "OUT", "--as-of", "30/06/2008"], ExitCode.USAGE, "YYYY-MM-DD"),
    (["analyse", "SAMPLE"], ExitCode.USAGE, "Missing option"),
    (["analyse", "SAMPLE", "-o", "OUT", "--rules", "no/such/rules"], ExitCode.RULES_INVALID, "rules folder not found"),
    (["batch", "no/such/folder", "-o", "OUT"], ExitCode.INPUT_NOT_FOUND, "no such folder"),
])
def test_exit_codes(tmp_path: Path, args: list[str], code: int, fragment: str) -> None:
    args = [str(SAMPLES / ORGS[0]) if a == "SAMPLE" else str(tmp_path / "out") if a == "OUT" else a for a in args]
    got, _, stderr = run(*args)
    assert got == code
    assert fragment in stderr


def test_output_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    got, _, stderr = run("analyse", str(SAMPLES / ORGS[0]), "-o", str(blocker / "out"))
    assert got == ExitCode.OUTPUT_FAILED
    assert "file" in stderr


def test_batch_writes_one_folder_per_organisation_and_a_summary(tmp_path: Path) -> None:
    src = tmp_path / "clients"
    shutil.copytree(SAMPLES, src, ignore=shutil.ignore_patterns("*.py"))
    (src / "empty-client").mkdir()  # fails: no files, but must not stop the others
    code, _stdout, stderr = run("batch", str(src), "-o", str(tmp_path / "out"), "--as-of", "2008-06-30")
    assert code == ExitCode.SOME_FILES_UNREADABLE
    assert "empty-client" in stderr.lower() or "Empty Client" in stderr
    for org in ORGS:
        assert (tmp_path / "out" / org / "gap-report.docx").is_file()
    wb = load_workbook(tmp_path / "out" / "summary.xlsx")
    ws = wb.worksheets[0]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert len(rows) == 1 + len(ORGS) + 1
    header = rows[0]
    assert "1.1 Customer Identification" in " ".join(str(h) for h in header)
    failed = next(r for r in rows if r[0] == "Empty Client")
    assert "failed" in str(failed)


def test_rules_validate_and_frameworks(tmp_path: Path) -> None:
    code, out, _ = run("rules", "validate")
    assert code == 0 and out.startswith("OK")
    bad = tmp_path / "pack" / "crosswalks"
    bad.mkdir(parents=True)
    (bad / "mine.yaml").write_text("kind: crosswalk\nid: m\nsource: charter-mark-2003\ntarget: five-points\n"
                                   "rules:\n  - {id: m1, from: '1', to: '7', relationship: equal, strength: 3,"
                                   " rationale: semantic, provenance: supplier}\n", encoding="utf-8")
    code, _, stderr = run("rules", "validate", str(tmp_path / "pack"))
    assert code == ExitCode.RULES_INVALID
    assert "mine.yaml" in stderr and "rules.m1.to" in stderr and "Traceback" not in stderr
    code, out, _ = run("frameworks")
    assert code == 0 and "five-points" in out and "charter-mark-2003" in out


def test_python_dash_m_entry_point() -> None:
    proc = subprocess.run([sys.executable, "-m", "cse_migrate", "--version"], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_files_with_the_same_name_in_two_inputs_are_cited_apart(tmp_path: Path) -> None:
    for org in ("a", "b"):
        (tmp_path / org).mkdir()
        (tmp_path / org / "log.csv").write_text("Ref,Evidence\n2,Customer panel met in March\n",
                                                encoding="utf-8")
    code, _, _ = run("analyse", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(tmp_path / "out"))
    assert code == 0
    data = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    files = [f["file"] for f in data["files"]]
    assert len(files) == 2 and len(set(files)) == 2
    assert {i["source"]["file"] for i in data["items"]} == set(files)
