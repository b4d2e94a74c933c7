"""Batch runs: every sub-folder of a folder is one organisation.

The story of a batch: find the organisations (never the output folder or an earlier run's reports), fingerprint
each one, skip those the manifest says are done and unchanged, run the rest in worker processes, record each as it
finishes, and write summary.xlsx with a row for every organisation, skipped ones included.

* Organisations are independent: one that fails is recorded with its error and the others go on.
* Each organisation's reports are written into a hidden staging folder in OUTDIR and moved into place as a whole
  (:func:`cse_migrate.output.replace_folder`), so an interrupted batch never leaves a half-written report folder;
  the manifest (:mod:`cse_migrate.manifest`) is updated after each, so a re-run does only the rest.
* Workers load and compile the rules once each. The batch is written against
  :class:`concurrent.futures.Executor`: by default a pool of local worker processes (:class:`LocalWorkers`),
  or any executor given, such as dask.distributed's (:mod:`cse_migrate.distributed`).
* An organisation running longer than its time limit is stopped: a local worker process running it is ended
  (the others in flight at that moment are started again in fresh workers) and it is recorded as failed, with
  the reason. An executor that cannot end a running task (Dask) is only stopped waiting for it.
* Organisation folders are named safely, so no organisation name can write outside OUTDIR.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from cse_migrate import __version__
from cse_migrate.analysis.mapping import compiled_matcher
from cse_migrate.analysis.semantic import Encoder, load_encoder
from cse_migrate.errors import CseMigrateError, InputNotFoundError, RulesError, UsageError
from cse_migrate.manifest import MANIFEST_NAME, Manifest, OrgEntry, folder_fingerprint, load_manifest, run_fingerprint
from cse_migrate.options import DEFAULT_ORG_TIMEOUT, RunOptions
from cse_migrate.output import STAGING_PREFIX, ensure_folder, replace_folder, safe_folder_name, staging_folder
from cse_migrate.pipeline import analyse, discover_files, is_report_folder, resolve_frameworks, write_reports
from cse_migrate.reports.summary import OrgOutcome, SummaryRow, write_summary_rows
from cse_migrate.rules import RuleSet, load_rules

_POLL = 0.2  # seconds between checks on running organisations' time limits
_CRASHES_ALLOWED = 2  # an organisation in flight in this many worker crashes is recorded as failed


@dataclass(frozen=True)
class OrgPlan:
    """One organisation to be done: where its evidence is, what it is called, where its reports go."""

    source: str  # its input folder's name: the manifest's key
    folder: Path
    name: str
    target: str  # its report folder's name inside OUTDIR
    fingerprint: str


@dataclass(frozen=True)
class OrgTask:
    """What a worker needs to do one organisation (picklable, so it can travel to another process or machine)."""

    plan: OrgPlan
    outdir: Path
    options: RunOptions
    rules_version: str


@dataclass(frozen=True)
class OrgDone:
    """What became of one organisation: its summary row, its file warnings, its error if it failed."""

    source: str
    state: str  # "analysed", "unchanged" (skipped: nothing changed) or "failed"
    row: SummaryRow
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.row.name

    @property
    def folder(self) -> str:
        return self.row.folder

    @property
    def error(self) -> str | None:
        return self.row.errors if self.state == "failed" else None


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
        raise InputNotFoundError(f"{input_dir}: no such folder; give a folder with one sub-folder per "
                                 "organisation")
    orgs: list[Path] = []
    notes: list[str] = []
    for path in sorted(p for p in input_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        why = is_report_folder(path, outdir)
        if why:
            notes.append(f"{path}: not read as an organisation ({why})")
        else:
            orgs.append(path)
    if not orgs:
        raise InputNotFoundError(f"{input_dir}: has no sub-folders; put each organisation's evidence in a "
                                 "folder of its own")
    return orgs, notes


def organisation_name(folder: Path) -> str:
    return folder.name.replace("-", " ").replace("_", " ").title()


def batch_settings(rules: RuleSet, options: RunOptions) -> dict[str, object]:
    """Everything besides its own files that an organisation's reports depend on (see cse_migrate.manifest)."""
    return {"tool_version": __version__, "rules_version": rules.version,
            "rule_files": [(f.path, f.sha256) for f in rules.files], "framework": options.framework,
            "legacy_framework": options.legacy_framework, "as_of": (options.as_of or date.today()).isoformat(),
            "stale_months": options.stale_months, "limits": options.limits.as_settings(),
            "password_given": options.password is not None, "semantic": options.semantic}


def plan_organisations(orgs: Sequence[Path], outdir: Path, rules: RuleSet, options: RunOptions) -> list[OrgPlan]:
    """Name each organisation, give it a report folder of its own and fingerprint what its reports depend on."""
    shared = run_fingerprint(batch_settings(rules, options))
    plans: list[OrgPlan] = []
    used: set[str] = {MANIFEST_NAME, "summary.xlsx"}
    for folder in orgs:
        name = organisation_name(folder)
        target = safe_folder_name(folder.name)
        while target in used:  # two names that clean to the same folder must not overwrite each other
            target += "_"
        used.add(target)
        try:
            files = [(f.name, f.path, f.problem) for f in discover_files([folder], outdir)]
        except CseMigrateError:
            files = []  # an empty folder: the analysis reports it; the fingerprint still names the folder
        plans.append(OrgPlan(folder.name, folder, name, target, folder_fingerprint(shared, name, files)))
    return plans


# --- the story of a batch -----------------------------------------------------------------------------------


def run_batch(orgs: Sequence[Path], outdir: Path, rules: RuleSet, options: RunOptions, *,
              jobs: int | None = None, executor: Executor | None = None, force: bool = False,
              org_timeout: float = DEFAULT_ORG_TIMEOUT,
              progress: Callable[[OrgDone], None] = lambda _done: None) -> BatchResult:
    """Analyse each organisation not already done, write its reports, then write summary.xlsx.

    ``jobs`` local worker processes run the organisations (default: one per CPU), unless ``executor`` is given.
    ``force`` redoes organisations the manifest says are unchanged. ``progress`` is called once per
    organisation, as it is skipped or finishes, in the order they finish."""
    framework, _legacy = resolve_frameworks(rules, options)  # fail once, before any work, on a wrong id
    if org_timeout <= 0:
        raise UsageError(f"organisation time limit {org_timeout!r}: give a number of seconds above 0")
    ensure_folder(outdir)
    clear_staging(outdir)
    manifest = load_manifest(outdir)
    plans = plan_organisations(orgs, outdir, rules, options)
    done: dict[str, OrgDone] = {}
    todo: list[OrgPlan] = []
    for plan in plans:
        entry = None if force else manifest.unchanged(plan.source, plan.target, plan.fingerprint)
        if entry is None:
            todo.append(plan)
            continue
        done[plan.source] = OrgDone(plan.source, "unchanged", entry.row)
        progress(done[plan.source])
    tasks = [OrgTask(plan, outdir, options, rules.version) for plan in todo]
    if tasks and executor is None and start_method() == "fork":
        share_rules(rules, options)
    for plan, outcome in run_tasks(tasks, jobs, executor, org_timeout):
        record(manifest, plan, outcome)
        done[plan.source] = outcome
        progress(outcome)
    # a hierarchical framework shows its criteria and sub-criteria (elements would be too many columns)
    columns = [(c.id, c.title) for c in framework.criteria if framework.level(c.id) <= 2]
    ordered = tuple(done[plan.source] for plan in plans)
    write_summary_rows([o.row for o in ordered], columns, outdir / "summary.xlsx")
    return BatchResult(ordered, (manifest.note,) if manifest.note else ())


def record(manifest: Manifest, plan: OrgPlan, outcome: OrgDone) -> None:
    """Remember a finished organisation; a failed one is forgotten, so the next run tries it again."""
    if outcome.state == "failed":
        manifest.forget(plan.source)
    else:
        manifest.record(plan.source, OrgEntry(plan.target, plan.fingerprint, outcome.row))


def clear_staging(outdir: Path) -> None:
    """Remove staging folders an interrupted batch left behind (never a finished report folder)."""
    for path in outdir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(path, ignore_errors=True)


# --- in a worker --------------------------------------------------------------------------------------------

_RULES: dict[tuple[tuple[Path, ...], str], RuleSet] = {}
_ENCODER: list[Encoder] = []
_LOADING = threading.Lock()  # Dask runs several tasks in one worker process, in threads


def share_rules(rules: RuleSet, options: RunOptions) -> None:
    """Compile the batch's own rules into the per-process cache, for worker processes forked from this one to
    inherit instead of loading them again."""
    framework, legacy = resolve_frameworks(rules, options)
    compiled_matcher(rules, framework, legacy.id, worker_encoder(options))
    with _LOADING:
        _RULES[(options.rules_packs, rules.version)] = rules


def worker_rules(options: RunOptions, version: str) -> RuleSet:
    """The rules for ``options``, loaded and compiled once per worker process (and checked to be the version the
    batch planned with: rules edited during a batch must not give some organisations other results)."""
    key = (options.rules_packs, version)
    with _LOADING:
        if key not in _RULES:
            rules = load_rules(options.rules_packs)
            if rules.version != version:
                raise RulesError([f"the rules changed during the batch (now {rules.version}, planned with "
                                  f"{version}); run the batch again"])
            framework, legacy = resolve_frameworks(rules, options)
            compiled_matcher(rules, framework, legacy.id, worker_encoder(options))
            _RULES[key] = rules
        return _RULES[key]


def worker_encoder(options: RunOptions) -> Encoder | None:
    """The sentence encoder for --semantic, loaded once per worker process."""
    if not options.semantic:
        return None
    if not _ENCODER:
        _ENCODER.append(load_encoder())
    return _ENCODER[0]


def run_organisation(task: OrgTask) -> OrgDone:
    """Analyse one organisation and move its reports into place as a whole. Runs in a worker."""
    plan = task.plan
    try:
        rules = worker_rules(task.options, task.rules_version)
        result = analyse([plan.folder], rules, replace(task.options, organisation=plan.name),
                         worker_encoder(task.options), exclude=task.outdir)
        staged = staging_folder(task.outdir, plan.target)
        try:
            write_reports(result, staged)
            replace_folder(staged, task.outdir / plan.target)
        finally:
            shutil.rmtree(staged, ignore_errors=True)  # gone already unless writing failed
    except CseMigrateError as exc:
        return failure(plan, str(exc))
    except Exception as exc:
        return failure(plan, f"internal error ({type(exc).__name__}: {exc})")
    row = SummaryRow.from_outcome(OrgOutcome(plan.name, plan.target, result, None))
    warnings = tuple(f"{e.file}: {e.message}" for e in result.errors)
    warnings += tuple(f"note: {note}" for note in result.skipped)
    return OrgDone(plan.source, "analysed", row, warnings)


def failure(plan: OrgPlan, reason: str) -> OrgDone:
    return OrgDone(plan.source, "failed", SummaryRow.failed(plan.name, plan.target, reason))


# --- running tasks, with time limits ------------------------------------------------------------------------


def run_tasks(tasks: Sequence[OrgTask], jobs: int | None, executor: Executor | None,
              timeout: float) -> Iterator[tuple[OrgPlan, OrgDone]]:
    """Run every task and yield each one's outcome as it finishes. No more tasks are in flight than there are
    workers, so a task's time counts from when a worker starts it."""
    if not tasks:
        return
    workers: Workers = (GivenExecutor(executor) if executor is not None else
                        LocalWorkers(min(jobs or default_jobs(), len(tasks)), tasks[0]))
    waiting = deque(tasks)
    running: dict[Future[OrgDone], OrgTask] = {}
    crashes: dict[str, int] = {}
    completed = False
    try:
        while waiting or running:
            while waiting and len(running) < workers.capacity:
                task = waiting.popleft()
                running[workers.submit(task)] = task
            finished, _ = wait(running, timeout=_POLL, return_when=FIRST_COMPLETED)
            crashed: list[OrgTask] = []
            for future in finished:
                task = running.pop(future)
                try:
                    yield task.plan, future.result()
                except BrokenProcessPool:
                    crashed.append(task)
                except Exception as exc:
                    yield task.plan, failure(task.plan, f"internal error ({type(exc).__name__}: {exc})")
            stopped = False
            for future, task in list(running.items()):
                if workers.elapsed(future, task) > timeout:
                    del running[future]
                    workers.stop(future, task)
                    remove_staged(task)
                    stopped = True
                    yield task.plan, failure(task.plan, f"stopped after the time limit of {timeout:g} s "
                                                        "(--org-timeout); the other organisations went on")
            if not (crashed or (stopped and workers.restarts_after_stop)):
                continue
            # Ending a worker (or a worker crashing) breaks a process pool: start a fresh one and start again
            # the organisations that were in flight. Only those in flight during a crash count it against them.
            for task in running.values():
                if not stopped:
                    crashed.append(task)
                else:
                    waiting.appendleft(task)
            running.clear()
            workers.restart()
            for task in reversed(crashed):
                crashes[task.plan.source] = crashes.get(task.plan.source, 0) + 1
                if crashes[task.plan.source] >= _CRASHES_ALLOWED:
                    remove_staged(task)
                    yield task.plan, failure(task.plan, "its worker process ended unexpectedly, twice (out of "
                                                        "memory?); check the size of its files")
                else:
                    waiting.appendleft(task)
        completed = True
    finally:
        workers.close(completed)


def remove_staged(task: OrgTask) -> None:
    """Remove what a stopped worker had written of an organisation's reports."""
    for path in task.outdir.glob(f"{STAGING_PREFIX}{task.plan.target}-*"):
        shutil.rmtree(path, ignore_errors=True)


def default_jobs() -> int:
    """One worker per CPU this process may use."""
    affinity = getattr(os, "sched_getaffinity", None)
    return max(1, len(affinity(0)) if affinity else os.cpu_count() or 1)


class Workers(Protocol):
    """Where tasks run: how many at once, how to submit one, how long one has run and how to stop it."""

    capacity: int
    restarts_after_stop: bool  # stopping a task breaks the pool, which must then be started afresh

    def submit(self, task: OrgTask) -> Future[OrgDone]: ...
    def elapsed(self, future: Future[OrgDone], task: OrgTask) -> float: ...
    def stop(self, future: Future[OrgDone], task: OrgTask) -> None: ...
    def restart(self) -> None: ...
    def close(self, completed: bool) -> None: ...


class GivenExecutor:
    """Any concurrent.futures executor (dask.distributed's, for one). Time counts from submission; a task over
    its limit is cancelled if it has not started, and one already running is left to finish, unwatched (Dask
    cannot stop a running task)."""

    restarts_after_stop = False

    def __init__(self, executor: Executor) -> None:
        self.executor = executor
        self.capacity = executor_capacity(executor)
        self.submitted: dict[Future[OrgDone], float] = {}

    def submit(self, task: OrgTask) -> Future[OrgDone]:
        future = self.executor.submit(run_organisation, task)
        self.submitted[future] = time.monotonic()
        return future

    def elapsed(self, future: Future[OrgDone], task: OrgTask) -> float:
        return time.monotonic() - self.submitted[future]

    def stop(self, future: Future[OrgDone], task: OrgTask) -> None:
        future.cancel()

    def restart(self) -> None:
        """Nothing to restart: the executor's workers are the executor's business."""

    def close(self, completed: bool) -> None:
        """The executor belongs to the caller, who shuts it down."""


def executor_capacity(executor: Executor) -> int:
    """How many tasks an executor runs at once: its worker count where it says, else the CPUs here."""
    workers = getattr(executor, "_max_workers", None)  # ThreadPoolExecutor, ProcessPoolExecutor
    if isinstance(workers, int) and workers > 0:
        return workers
    client = getattr(executor, "_client", None)  # dask.distributed's ClientExecutor: its threads
    if client is not None:
        return max(1, int(sum(client.nthreads().values())))
    return default_jobs()


class LocalWorkers:
    """Worker processes on this machine. Each loads the rules once when it starts, and tells the batch, on a
    queue, its process id and when it starts each organisation: so a time limit counts from the real start, and
    the one process running an organisation over its limit can be ended."""

    restarts_after_stop = True

    def __init__(self, jobs: int, sample: OrgTask) -> None:
        self.capacity = jobs
        self.sample = sample  # the options and rules version every task shares, to load the rules up front
        self.context = multiprocessing.get_context(start_method())
        if self.context.get_start_method() == "forkserver":  # the server imports these once for every worker
            self.context.set_forkserver_preload(PRELOAD)
        self.start()

    def start(self) -> None:
        self.messages: Any = self.context.Queue()
        self.pids: set[int] = set()
        self.started: dict[str, tuple[int, float]] = {}  # source -> (pid, monotonic time it started)
        self.executor = ProcessPoolExecutor(self.capacity, mp_context=self.context, initializer=start_worker,
                                            initargs=(self.messages, self.sample))

    def submit(self, task: OrgTask) -> Future[OrgDone]:
        return self.executor.submit(run_reporting_start, task)

    def read_messages(self) -> None:
        while True:
            try:
                kind, pid, source, when = self.messages.get_nowait()
            except queue.Empty:
                return
            self.pids.add(pid)
            if kind == "start":
                self.started[source] = (pid, when)

    def elapsed(self, future: Future[OrgDone], task: OrgTask) -> float:
        self.read_messages()
        began = self.started.get(task.plan.source)
        return 0.0 if began is None else time.monotonic() - began[1]

    def stop(self, future: Future[OrgDone], task: OrgTask) -> None:
        kill(self.started[task.plan.source][0])

    def restart(self) -> None:
        self.close(completed=False)
        self.start()

    def close(self, completed: bool) -> None:
        """Shut the pool down: politely when the batch is complete; otherwise (a restart, Ctrl-C, an error) its
        workers are ended rather than waited for."""
        self.read_messages()
        self.executor.shutdown(wait=completed, cancel_futures=True)
        if not completed:
            for pid in self.pids:
                kill(pid)
        self.messages.close()


# What a worker needs, imported once in a forkserver rather than in every worker.
PRELOAD = ["cse_migrate.batch", "cse_migrate.reports.docx.report", "cse_migrate.reports.xlsx.report",
           "cse_migrate.reports.json_report"]


def start_method() -> str:
    """How worker processes start. Fork on Linux while this process runs a single thread (always, until a pool
    has been replaced): workers then begin with the modules and the compiled rules already loaded. Otherwise a
    forkserver (fork with threads running can deadlock; macOS frameworks forbid it), or spawn on Windows."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def kill(pid: int) -> None:
    with contextlib.suppress(OSError):  # it has ended already
        os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))


_MESSAGES: list[Any] = []  # in a worker: the queue to the batch


def start_worker(messages: Any, sample: OrgTask) -> None:
    """Set up a worker process: Ctrl-C is the batch's to handle; the rules are loaded and compiled now."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _MESSAGES.append(messages)
    messages.put(("ready", os.getpid(), "", time.monotonic()))
    with contextlib.suppress(CseMigrateError):  # each organisation then reports the problem as its error
        worker_rules(sample.options, sample.rules_version)


def run_reporting_start(task: OrgTask) -> OrgDone:
    """Tell the batch this worker has started ``task``, then run it."""
    _MESSAGES[0].put(("start", os.getpid(), task.plan.source, time.monotonic()))
    return run_organisation(task)
