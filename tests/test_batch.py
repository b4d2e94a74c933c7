"""Batches at consultant scale: worker processes, resume, time limits, never reading its own output, Dask."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cse_migrate.analysis.compiled import compiled_matcher
from cse_migrate.batch import find_organisations, organisation_name
from cse_migrate.cli import cli
from cse_migrate.errors import ExitCode
from cse_migrate.manifest import JOURNAL_NAME, MANIFEST_NAME, OrgEntry, load_manifest
from cse_migrate.options import RunOptions
from cse_migrate.output import STAGING_PREFIX, replace_set
from cse_migrate.pipeline import make_settings
from cse_migrate.reports.summary import SummaryRow
from cse_migrate.rules import RuleSet

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_ORGS = sorted(p for p in SAMPLES.iterdir() if p.is_dir() and p.name != "packs")  # packs are rules
REPORTS = {"results.json", "evidence.xlsx", "gap-report.docx"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def make_clients(folder: Path, count: int) -> list[Path]:
    """``count`` organisations copied from the samples, each with a line of its own so no two are alike."""
    made = []
    for n in range(count):
        sample = SAMPLE_ORGS[n % len(SAMPLE_ORGS)]
        target = folder / f"client-{n + 1:02d}-{sample.name}"
        shutil.copytree(sample, target)
        (target / "notes.txt").write_text(f"Client {n + 1}: customer panel minutes reviewed in March 2007.\n",
                                          encoding="utf-8")
        made.append(target)
    return made


def batch(src: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return run("batch", str(src), "-o", str(out), "--as-of", "2008-06-30", *extra)


def files_and_times(out: Path) -> dict[str, int]:
    """Every file and folder under ``out`` with its modification time in nanoseconds."""
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in sorted(out.rglob("*"))}


def summary_rows(out: Path) -> list[list[object]]:
    sheet = load_workbook(out / "summary.xlsx")["Summary"]
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_two_jobs_give_exactly_the_reports_and_summary_of_one(tmp_path: Path) -> None:
    make_clients(tmp_path / "in", 4)
    code1, _, _ = batch(tmp_path / "in", tmp_path / "one", "--jobs", "1")
    code2, _, _ = batch(tmp_path / "in", tmp_path / "two", "--jobs", "2")
    assert code1 == code2 == ExitCode.OK
    one = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    two = sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*") if p.is_file())
    assert one == two and len(one) == 4 * 3 + 2  # three reports each, summary.xlsx and the manifest
    for rel in one:
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes(), rel


def test_a_rerun_with_nothing_changed_rewrites_nothing_and_force_redoes_all(tmp_path: Path) -> None:
    clients = make_clients(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert batch(tmp_path / "in", out, "--jobs", "2")[0] == ExitCode.OK
    before = files_and_times(out)
    time.sleep(0.05)  # so that any rewrite would show in the times
    code, stdout, _ = batch(tmp_path / "in", out, "--jobs", "2")
    assert code == ExitCode.OK
    assert files_and_times(out) == before
    # not a terminal: one plain line per organisation says what became of it
    assert stdout.count("unchanged, not analysed again") == 3
    # one changed input: only that organisation is done again, and the summary follows it
    with (clients[1] / "notes.txt").open("a", encoding="utf-8") as handle:
        handle.write("Staff trained in customer care during 2007.\n")
    code, stdout, _ = batch(tmp_path / "in", out, "--jobs", "2")
    after = files_and_times(out)
    changed = {rel for rel in before if after.get(rel) != before[rel]}
    assert {rel.split("/")[0] for rel in changed} == {clients[1].name, "summary.xlsx", MANIFEST_NAME}
    assert stdout.count("unchanged, not analysed again") == 2
    code, stdout, _ = batch(tmp_path / "in", out, "--jobs", "2", "--force")
    assert code == ExitCode.OK and "unchanged, not analysed again" not in stdout
    assert all(files_and_times(out)[f"{c.name}/results.json"] != after[f"{c.name}/results.json"] for c in clients)


def test_kill_9_half_way_leaves_no_half_written_folder_and_a_rerun_finishes_the_rest(tmp_path: Path) -> None:
    make_clients(tmp_path / "in", 10)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "cse_migrate", "batch", str(tmp_path / "in"), "-o", str(out), "--jobs", "1",
               "--as-of", "2008-06-30", "-q"]
    process = subprocess.Popen(command, start_new_session=True)  # its own process group: workers die with it
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if out.is_dir() and sum(1 for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")) >= 3:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the batch finished before it could be interrupted"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = [p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert 3 <= len(finished) < 10
    for folder in finished:  # every visible report folder is complete
        assert {p.name for p in folder.iterdir()} == REPORTS
        json.loads((folder / "results.json").read_text(encoding="utf-8"))
    done_before = {f"{p.name}/{r}": (p / r).stat().st_mtime_ns for p in finished for r in REPORTS}
    recorded = load_manifest(out).entries  # the manifest's journal, as the next batch reads it
    assert len(recorded) >= len(finished) - 1  # killed at most between a folder's move and its record
    code, stdout, _ = batch(tmp_path / "in", out, "--jobs", "2")
    assert code == ExitCode.OK
    redone = [key for key, mtime in done_before.items() if (out / key).stat().st_mtime_ns != mtime]
    assert len({key.split("/")[0] for key in redone}) <= 1  # only one killed between move and record, if any
    assert stdout.count("unchanged, not analysed again") >= len(finished) - 1
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]
    assert not (out / JOURNAL_NAME).exists()  # folded into the manifest at the end
    assert len([p for p in out.iterdir() if p.is_dir()]) == 10
    rows = summary_rows(out)
    assert len(rows) == 1 + 10 and all(r[2] == "ok" for r in rows[1:])


def test_an_organisation_over_its_time_limit_is_stopped_and_the_others_finish(tmp_path: Path) -> None:
    clients = make_clients(tmp_path / "in", 3)
    slow = tmp_path / "in" / "slow-client"
    slow.mkdir()
    # about two minutes of work on the machine the tests were written on (1,200 items/s), against a limit of 15 s:
    # generous for the ordinary organisations even on a busy machine, far too short for this one
    with (slow / "log.csv").open("w", encoding="utf-8") as handle:
        handle.write("Ref,Evidence,Date\n")
        for n in range(150_000):
            handle.write(f"2.{n % 9},Customer panel {n} met to review complaints and service standards,2007\n")
    started = time.monotonic()
    code, _, stderr = batch(tmp_path / "in", tmp_path / "out", "--jobs", "2", "--org-timeout", "15")
    assert time.monotonic() - started < 100
    assert code == ExitCode.SOME_FILES_UNREADABLE
    assert "Slow Client" in stderr and "time limit of 15 s" in stderr
    # keyed by organisation name: main's summary layout has the report link, not the folder, in column 2
    rows = {r[0]: r for r in summary_rows(tmp_path / "out")[1:]}
    assert rows["Slow Client"][2] == "failed" and "time limit of 15 s" in str(rows["Slow Client"][-1])
    named = [organisation_name(c) for c in clients]
    assert all(rows[n][2] == "ok" for n in named), [rows[n][-1] for n in named]
    assert not (tmp_path / "out" / "slow-client").exists()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(STAGING_PREFIX)]
    # a failed organisation is tried again on the next run; the others are not redone
    code, stdout, _ = batch(tmp_path / "in", tmp_path / "out", "--jobs", "2", "--org-timeout", "15")
    assert stdout.count("unchanged, not analysed again") == 3 and "Slow Client: failed" in stdout


def test_the_output_folder_inside_the_inputs_is_never_read(tmp_path: Path) -> None:
    evidence = tmp_path / "evidence"
    shutil.copytree(SAMPLE_ORGS[0], evidence)
    out = evidence / "reports"
    counts = []
    for _ in range(2):
        code, stdout, _ = run("analyse", str(evidence), "-o", str(out), "--as-of", "2008-06-30")
        assert code == ExitCode.OK
        results = json.loads((out / "results.json").read_text(encoding="utf-8"))
        counts.append(results["summary"]["read"])
    assert counts[0] == counts[1]
    assert results["skipped"] == ["reports: folder not read: it is the output folder"]
    assert "reports: folder not read" in stdout
    # an earlier run's reports in another folder are recognised by their results.json
    code, _, _ = run("analyse", str(evidence), "-o", str(tmp_path / "elsewhere"), "--as-of", "2008-06-30")
    assert json.loads((tmp_path / "elsewhere" / "results.json").read_text(encoding="utf-8"))["summary"]["read"] \
        == counts[0]
    # a batch whose output folder is inside its input folder: not an organisation, and said so
    clients = tmp_path / "clients"
    make_clients(clients, 2)
    for _ in range(2):
        code, stdout, stderr = batch(clients, clients / "out")
        assert code == ExitCode.OK, stderr
    assert "out: not read as an organisation (it is the output folder)" in stdout
    assert len(summary_rows(clients / "out")) == 1 + 2
    orgs, notes = find_organisations(clients, clients / "out")
    assert [o.name for o in orgs] == sorted(p.name for p in clients.iterdir() if p.name != "out")
    assert notes == [f"{clients / 'out'}: not read as an organisation (it is the output folder)"]


def test_rules_packs_among_the_inputs_are_never_read_as_evidence(tmp_path: Path) -> None:
    """samples/ holds organisations and a folder of rules packs: a batch over it analyses the organisations only,
    and analyse over an organisation holding a pack leaves the pack out, each with a note."""
    clients = tmp_path / "clients"
    make_clients(clients, 1)
    shutil.copytree(SAMPLES / "packs", clients / "packs")
    orgs, notes = find_organisations(clients, tmp_path / "out")
    assert [o.name for o in orgs] == [p.name for p in sorted(clients.iterdir()) if p.name != "packs"]
    assert notes == [f"{clients / 'packs'}: not read as an organisation (it holds only rules packs (each with "
                     "pack.yaml); give them with --rules)"]
    org = orgs[0]
    shutil.copytree(SAMPLES / "packs" / "acme-housing", org / "acme-housing")
    code, _, stderr = run("analyse", str(org), "-o", str(tmp_path / "one"), "--as-of", "2008-06-30")
    assert code == ExitCode.OK, stderr
    results = json.loads((tmp_path / "one" / "results.json").read_text(encoding="utf-8"))
    assert results["skipped"] == ["acme-housing: folder not read: it holds pack.yaml, so it is a rules pack; "
                                  "give it with --rules"]
    assert not any("acme-housing" in item["source"]["file"] for item in results["items"])


def test_a_stopped_organisation_leaves_the_staging_folders_of_others_alone(tmp_path: Path) -> None:
    from cse_migrate.workers import OrgPlan, OrgTask, remove_staged

    mine = tmp_path / f"{STAGING_PREFIX}org-abcd1234"
    other = tmp_path / f"{STAGING_PREFIX}org-2-abcd1234"  # organisation "org-2", still being written
    mine.mkdir()
    other.mkdir()
    plan = OrgPlan(source="org", folder=tmp_path / "in" / "org", name="Org", target="org", fingerprint="")
    remove_staged(OrgTask(plan, tmp_path, RunOptions(), ""))
    assert not mine.exists() and other.exists()


def test_replace_set_swaps_a_whole_organisation_folder(tmp_path: Path) -> None:
    target = tmp_path / "org"
    target.mkdir()
    (target / "results.json").write_text("old", encoding="utf-8")
    (target / "stale.txt").write_text("old", encoding="utf-8")

    def write(folder: Path) -> None:
        folder.mkdir()
        (folder / "results.json").write_text("new", encoding="utf-8")

    replace_set(tmp_path, {"org": write}, label="org")
    assert (target / "results.json").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in target.iterdir()) == ["results.json"]  # the folder is replaced whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org"]  # no staging folder left


def test_batch_on_a_dask_cluster_gives_the_same_reports(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    make_clients(tmp_path / "in", 3)
    assert batch(tmp_path / "in", tmp_path / "local", "--jobs", "1")[0] == ExitCode.OK
    dask = pytest.importorskip("dask")
    # workers as ordinary processes, as the README says to start them: each file is read in a child process
    with dask.config.set({"distributed.worker.daemon": False}), distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None) as cluster:
        code, stdout, stderr = batch(tmp_path / "in", tmp_path / "dask", "--scheduler", cluster.scheduler_address)
    assert code == ExitCode.OK, stdout + stderr
    for path in sorted((tmp_path / "local").rglob("*")):
        if path.is_file():
            rel = path.relative_to(tmp_path / "local")
            assert (tmp_path / "dask" / rel).read_bytes() == path.read_bytes(), rel


def test_compiled_matchers_are_shared_only_when_what_they_read_is_the_same(rules: RuleSet) -> None:
    framework = rules.framework("five-points")
    first = make_settings(framework, date(2008, 6, 30), "Northshire")
    matcher = compiled_matcher(rules, framework, settings=first)
    # another organisation and as-of date: the matcher reads neither, so it is the same compiled matcher
    assert compiled_matcher(rules, framework, settings=replace(first, organisation="Eastmoor",
                                                                as_of=date(2009, 1, 1))) is matcher
    # a setting it reads, or other rules (ablation keeps the version), compile another
    assert compiled_matcher(rules, framework, settings=replace(first, fuzzy_cutoff=95.0)) is not matcher
    assert compiled_matcher(replace(rules, noise=()), framework, settings=first) is not matcher


def test_the_manifest_journal_survives_a_line_cut_short(tmp_path: Path) -> None:
    manifest = load_manifest(tmp_path)
    row = SummaryRow.failed("Northshire", "northshire", "")
    manifest.record("northshire", OrgEntry("northshire", "f1", replace(row, status="ok", errors="")))
    manifest.record("eastmoor", OrgEntry("eastmoor", "f2", replace(row, name="Eastmoor", status="ok", errors="")))
    manifest.forget("eastmoor")
    with (tmp_path / JOURNAL_NAME).open("a", encoding="utf-8") as handle:
        handle.write('{"source": "riverside", "folder": "riv')  # kill -9 in the middle of a line
    reloaded = load_manifest(tmp_path)
    assert sorted(reloaded.entries) == ["northshire"] and reloaded.note is None
    assert not (tmp_path / MANIFEST_NAME).exists()  # nothing folded until a batch ends
    reloaded.save()
    assert not (tmp_path / JOURNAL_NAME).exists()
    assert load_manifest(tmp_path).entries == reloaded.entries


def test_dask_workers_running_as_daemons_are_refused_before_any_work(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    make_clients(tmp_path / "in", 1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster:  # Dask's default: daemon worker processes
        code, _, stderr = batch(tmp_path / "in", tmp_path / "out", "--scheduler", cluster.scheduler_address)
    assert code == ExitCode.USAGE
    assert "DASK_DISTRIBUTED__WORKER__DAEMON=False" in stderr
    assert not (tmp_path / "out").exists()
