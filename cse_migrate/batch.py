"""Batch runs: every sub-folder of a folder is one organisation.

The story of a batch: find the organisations (never the output folder or an earlier run's reports), fingerprint
each one, skip those the manifest says are done and unchanged, run the rest in worker processes, record each as it
finishes, and write summary.xlsx with a row for every organisation, skipped ones included.

* Organisations are independent: one that fails is recorded with its error and the others go on.
* Each organisation's reports are written into a hidden staging folder in OUTDIR and moved into place as a whole
  (:func:`cse_migrate.output.replace_set`, as one run's reports are), so an interrupted batch never leaves a
  half-written report folder; the manifest (:mod:`cse_migrate.manifest`) is updated after each, so a re-run
  does only the rest.
* Workers load and compile the rules once each (:mod:`cse_migrate.workers`). The batch is written against
  :class:`concurrent.futures.Executor`: by default a pool of local worker processes, or any executor given, such
  as dask.distributed's (:mod:`cse_migrate.distributed`).
* An organisation running longer than its time limit is stopped: a local worker process running it is ended
  (the others in flight at that moment are started again in fresh workers) and it is recorded as failed, with
  the reason. An executor that cannot end a running task (Dask) is only stopped waiting for it.
* Organisation folders are named safely, so no organisation name can write outside OUTDIR.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cse_migrate.discovery import discover_files, not_evidence_folder
from cse_migrate.errors import CseMigrateError, InputNotFoundError, UsageError
from cse_migrate.manifest import MANIFEST_NAME, Manifest, OrgEntry, folder_fingerprint, load_manifest, run_fingerprint
from cse_migrate.options import DEFAULT_ORG_TIMEOUT, RunOptions
from cse_migrate.output import acquire_output_lock, safe_folder_name
from cse_migrate.pipeline import resolve_frameworks
from cse_migrate.reports.summary import write_summary_rows
from cse_migrate.reviewing import REVIEW_FILE_NAME
from cse_migrate.rules import RuleSet
from cse_migrate.safe_text import display_name
from cse_migrate.version import __version__
from cse_migrate.workers import OrgDone, OrgPlan, OrgTask, run_tasks, share_rules, start_method


@dataclass(frozen=True)
class BatchResult:
    organisations: tuple[OrgDone, ...]  # in input order
    notes: tuple[str, ...]  # folders left out, a manifest that could not be used

    @property
    def failed(self) -> list[OrgDone]:
        return [o for o in self.organisations if o.state == "failed"]

    @property
    def partial(self) -> list[OrgDone]:
        return [o for o in self.organisations if o.state != "failed" and o.row.status != "ok"]


# --- finding and planning ---------------------------------------------------------------------------------


def find_organisations(input_dir: Path, outdir: Path | None = None) -> tuple[list[Path], list[str]]:
    """The organisation folders under ``input_dir``, and a note for every sub-folder left out because it is the
    output folder or holds an earlier run's reports (a manifest or results.json): reading reports back as
    evidence would multiply the evidence on every run."""
    if not input_dir.is_dir():
        shown = display_name(str(input_dir))
        raise InputNotFoundError(f"{shown}: no such folder; give a folder with one sub-folder per "
                                 "organisation")
    orgs: list[Path] = []
    notes: list[str] = []
    for path in sorted(p for p in input_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        why = not_evidence_folder(path, outdir)
        if why:
            notes.append(f"{display_name(str(path))}: not read as an organisation ({why})")
        else:
            orgs.append(path)
    if not orgs:
        shown = display_name(str(input_dir))
        raise InputNotFoundError(f"{shown}: has no sub-folders; put each organisation's evidence in a "
                                 "folder of its own")
    return orgs, notes


def organisation_name(folder: Path) -> str:
    return display_name(folder.name).replace("-", " ").replace("_", " ").title()


def batch_settings(rules: RuleSet, options: RunOptions, pdf: bool = False) -> dict[str, object]:
    """Everything besides its own files that an organisation's reports depend on (see cse_migrate.manifest)."""
    return {"pdf": pdf, "tool_version": __version__, "rules_version": rules.version,
            "rule_files": [(f.path, f.sha256) for f in rules.files], "framework": options.framework,
            "legacy_framework": options.legacy_framework, "as_of": (options.as_of or date.today()).isoformat(),
            "stale_months": options.stale_months, "limits": options.limits.as_settings(),
            "password_given": options.password is not None, "semantic": options.semantic}


def plan_organisations(orgs: Sequence[Path], outdir: Path, rules: RuleSet, options: RunOptions,
                       pdf: bool = False) -> list[OrgPlan]:
    """Name each organisation, give it a report folder of its own and fingerprint what its reports depend on."""
    shared = run_fingerprint(batch_settings(rules, options, pdf))
    plans: list[OrgPlan] = []
    used: set[str] = {MANIFEST_NAME, "summary.xlsx"}
    for folder in orgs:
        name = organisation_name(folder)
        target = safe_folder_name(display_name(folder.name))
        while target in used:  # two names that clean to the same folder must not overwrite each other
            target += "_"
        used.add(target)
        try:
            # a file left out is fingerprinted by its name and why, except the reviewer's review.xlsx, whose
            # decisions change the reports: its content counts like any evidence file's
            files = [(f.name, f.path, f.problem if f.skipped is None or f.path.name.casefold() == REVIEW_FILE_NAME
                      else f"left out: {f.skipped}") for f in discover_files([folder], outdir)]
        except CseMigrateError:
            files = []  # an empty folder: the analysis reports it; the fingerprint still names the folder
        # the manifest's key: the folder's name as text that JSON can hold, whatever bytes the file system has
        source = display_name(folder.name)
        plans.append(OrgPlan(source, folder, name, target, folder_fingerprint(shared, name, files),
                             sum(file_size(path) for _name, path, _problem in files)))
    return plans


def file_size(path: Path) -> int:
    """A file's size in bytes; 0 when it cannot be read (the analysis reports why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


# --- the story of a batch -----------------------------------------------------------------------------------


def run_batch(orgs: Sequence[Path], outdir: Path, rules: RuleSet, options: RunOptions, *,
              jobs: int | None = None, executor: Executor | None = None, force: bool = False,
              org_timeout: float = DEFAULT_ORG_TIMEOUT, pdf: bool = False,
              progress: Callable[[OrgDone], None] = lambda _done: None) -> BatchResult:
    """Analyse each organisation not already done, write its reports (with ``pdf``, gap-report.pdf too), then
    write summary.xlsx.

    ``jobs`` local worker processes run the organisations (default: one per CPU), unless ``executor`` is given.
    ``force`` redoes organisations the manifest says are unchanged. ``progress`` is called once per
    organisation, as it is skipped or finishes, in the order they finish. OUTDIR is locked for the whole batch
    (one batch per output folder); taking the lock removes staging folders an interrupted batch left behind."""
    framework, _legacy = resolve_frameworks(rules, options)  # fail once, before any work, on a wrong id
    if org_timeout <= 0:
        raise UsageError(f"organisation time limit {org_timeout!r}: give a number of seconds above 0")
    with acquire_output_lock(outdir):
        # a hierarchical framework shows its criteria and sub-criteria (elements would be too many columns)
        return _run_organisations(orgs, outdir, rules, options, jobs, executor, force, org_timeout, pdf, progress,
                                  [(c.id, c.title) for c in framework.criteria if framework.level(c.id) <= 2])


def _run_organisations(orgs: Sequence[Path], outdir: Path, rules: RuleSet, options: RunOptions, jobs: int | None,
                       executor: Executor | None, force: bool, org_timeout: float, pdf: bool,
                       progress: Callable[[OrgDone], None], columns: list[tuple[str, str]]) -> BatchResult:
    manifest = load_manifest(outdir)
    plans = plan_organisations(orgs, outdir, rules, options, pdf)
    done: dict[str, OrgDone] = {}
    todo: list[OrgPlan] = []
    for plan in plans:
        entry = None if force else manifest.unchanged(plan.source, plan.target, plan.fingerprint)
        if entry is None:
            todo.append(plan)
            continue
        done[plan.source] = OrgDone(plan.source, "unchanged", entry.row)
        progress(done[plan.source])
    # largest first: a big organisation started last would keep one worker busy while the others wait
    # (the reports and summary.xlsx do not depend on the order; the progress lines come as organisations finish)
    tasks = [OrgTask(plan, outdir, options, rules.version, pdf) for plan in sorted(todo, key=lambda p: -p.size)]
    if tasks and executor is None and start_method() == "fork":
        share_rules(rules, options)
    try:
        for plan, outcome in run_tasks(tasks, jobs, executor, org_timeout):
            record(manifest, plan, outcome)
            done[plan.source] = outcome
            progress(outcome)
    finally:
        manifest.save()  # also after Ctrl-C: what was finished is kept in one file
    ordered = tuple(done[plan.source] for plan in plans)
    write_summary_rows([o.row for o in ordered], columns, outdir / "summary.xlsx",
                       [str(p) for p in options.rules_packs])
    return BatchResult(ordered, (manifest.note,) if manifest.note else ())


def record(manifest: Manifest, plan: OrgPlan, outcome: OrgDone) -> None:
    """Remember a finished organisation; a failed one is forgotten, so the next run tries it again."""
    if outcome.state == "failed":
        manifest.forget(plan.source)
    else:
        manifest.record(plan.source, OrgEntry(plan.target, plan.fingerprint, outcome.row))
