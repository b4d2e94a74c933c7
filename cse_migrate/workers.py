"""The work of a batch: one organisation's task, run in a worker, and running many with time limits.

Tasks are plain picklable data, so that they can go to a local worker process or to a Dask worker. A worker loads
and compiles the rules once (:func:`worker_rules`); :func:`run_organisation` analyses one organisation and moves
its reports into place as a whole. :func:`run_tasks` runs tasks on a :class:`concurrent.futures.Executor`: local
worker processes by default (:class:`LocalWorkers`), which can end the one process running an organisation over
its time limit, or any executor given (:class:`GivenExecutor`).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import multiprocessing
import multiprocessing.forkserver
import os
import queue
import shutil
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from threadpoolctl import threadpool_limits

from cse_migrate.analysis.compiled import compiled_matcher, compiled_noise_detector, compiled_statement_judge
from cse_migrate.analysis.review import describe_review
from cse_migrate.analysis.semantic import Encoder, load_encoder
from cse_migrate.errors import CseMigrateError, RulesError, stable_message
from cse_migrate.options import RunOptions
from cse_migrate.output import STAGING_PREFIX, replace_set
from cse_migrate.pipeline import analyse, report_writers, resolve_frameworks, run_settings, write_new_folder
from cse_migrate.readers.worker import ReadingWorker
from cse_migrate.reports.summary import OrgOutcome, SummaryRow
from cse_migrate.rules import RuleSet
from cse_migrate.rules_cache import load_compiled_rules

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
    size: int = 0  # bytes of evidence: the largest organisations are started first


@dataclass(frozen=True)
class OrgTask:
    """What a worker needs to do one organisation (picklable, so it can travel to another process or machine)."""

    plan: OrgPlan
    outdir: Path
    options: RunOptions
    rules_version: str
    pdf: bool = False  # gap-report.pdf too


@dataclass(frozen=True)
class OrgDone:
    """What became of one organisation: its summary row, its file warnings and notes, its error if it failed."""

    source: str
    state: str  # "analysed", "unchanged" (skipped: nothing changed) or "failed"
    row: SummaryRow
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # what the run noted (files left out, the review applied): said, not warned

    @property
    def name(self) -> str:
        return self.row.name

    @property
    def folder(self) -> str:
        return self.row.folder

    @property
    def error(self) -> str | None:
        return self.row.errors if self.state == "failed" else None


# --- in a worker --------------------------------------------------------------------------------------------

_RULES: dict[tuple[tuple[Path, ...], str], RuleSet] = {}
_ENCODER: list[Encoder] = []
_LOADING = threading.RLock()  # Dask runs several tasks in one worker process, in threads


def share_rules(rules: RuleSet, options: RunOptions) -> None:
    """Import what a worker needs and compile the batch's own rules into the per-process cache, for worker
    processes forked from this one to inherit instead of doing it again each."""
    for module in PRELOAD:
        importlib.import_module(module)
    compile_matcher(rules, options)
    with _LOADING:
        _RULES[(options.rules_packs, rules.version)] = rules


def compile_matcher(rules: RuleSet, options: RunOptions) -> None:
    """Compile the matcher, noise detector and statement judge every organisation of the batch will use (the
    caches in cse_migrate.analysis.compiled keep them: the settings they read are the same for all of them)."""
    framework, legacy = resolve_frameworks(rules, options)
    settings = run_settings(rules, framework, options)
    compiled_matcher(rules, framework, legacy.id, worker_encoder(options), settings)
    compiled_noise_detector(rules)
    compiled_statement_judge(rules)


def worker_rules(options: RunOptions, version: str) -> RuleSet:
    """The rules for ``options``, loaded and compiled once per worker process (and checked to be the version the
    batch planned with: rules edited during a batch must not give some organisations other results)."""
    key = (options.rules_packs, version)
    with _LOADING:
        if key not in _RULES:
            rules = load_compiled_rules(options)  # kept between runs where it can be (cse_migrate.rules_cache)
            if rules.version != version:
                raise RulesError([f"the rules changed during the batch (now {rules.version}, planned with "
                                  f"{version}); run the batch again"])
            compile_matcher(rules, options)
            _RULES[key] = rules
        return _RULES[key]


def worker_encoder(options: RunOptions) -> Encoder | None:
    """The sentence encoder for --semantic, loaded once per worker process."""
    if not options.semantic:
        return None
    with _LOADING:
        if not _ENCODER:
            _ENCODER.append(load_encoder())
        return _ENCODER[0]


_READERS = threading.local()  # one file-reading child per worker thread (Dask runs several threads per process)


def worker_reader() -> ReadingWorker:
    """The child process this worker reads files in, kept for every organisation it does: starting one and
    warming its parsers costs more than reading a sample portfolio. (After a file is stopped at --timeout, the
    reader starts a fresh child by itself.)"""
    reader = getattr(_READERS, "reader", None)
    if reader is None:
        reader = _READERS.reader = ReadingWorker()
    return reader


def run_organisation(task: OrgTask) -> OrgDone:
    """Analyse one organisation and move its reports into place as a whole. Runs in a worker."""
    plan = task.plan
    try:
        rules = worker_rules(task.options, task.rules_version)
        result = analyse([plan.folder], rules, replace(task.options, organisation=plan.name),
                         worker_encoder(task.options), exclude=task.outdir, reader=worker_reader())
        # the organisation's folder is one member of OUTDIR's set, replaced whole (OUTDIR's lock is the batch's);
        # the staging folder is named after the organisation, so a stopped worker's leftovers can be removed
        writers = report_writers(result, task.pdf)[1]
        replace_set(task.outdir, {plan.target: lambda folder: write_new_folder(folder, writers)}, label=plan.target)
    except CseMigrateError as exc:
        return failure(plan, str(exc))
    except Exception as exc:
        return failure(plan, stable_message(f"internal error ({type(exc).__name__}: {exc})"))
    row = SummaryRow.from_outcome(OrgOutcome(plan.name, plan.target, result, None))
    warnings = tuple(f"{e.file}: {e.message}" for e in result.errors)
    review, unmatched = describe_review(result)
    notes = (*(f"note: {note}" for note in result.skipped), *((review,) if review else ()))
    return OrgDone(plan.source, "analysed", row, warnings + tuple(unmatched), notes)


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
    stem = f"{STAGING_PREFIX}{task.plan.target}-"
    for path in task.outdir.glob(f"{stem}*"):
        # tempfile.mkdtemp adds 8 characters without a dash: "org-" must not take "org-2-..." (another
        # organisation's staging folder, perhaps still being written)
        rest = path.name[len(stem):]
        if len(rest) == 8 and "-" not in rest:
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
        # one BLAS thread per worker: a thread per core in every worker only fights over the cores (--jobs 2 1.49
        # -> 1.72 times as fast as --jobs 1), and with fewer workers than cores the extra threads only spin on the
        # small matrices (--jobs 1: same wall time, 3 CPU s less on 30 organisations; README, Batch speed)
        blas_threads = 1
        self.executor = ProcessPoolExecutor(self.capacity, mp_context=self.context, initializer=start_worker,
                                            initargs=(self.messages, self.sample, blas_threads))

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
PRELOAD = ["cse_migrate.workers", "cse_migrate.reports.docx.report", "cse_migrate.reports.xlsx.report",
           "cse_migrate.reports.json_report"]


def start_method() -> str:
    """How worker processes start. Fork on Linux while this process runs a single thread and has no forkserver of
    its own: workers then begin with the modules and the compiled rules already loaded. Otherwise a forkserver, or
    spawn on Windows: fork with threads running can deadlock, macOS frameworks forbid it, and a forkserver this
    process started (a library caller that read files before the batch, see cse_migrate.readers.worker) would be
    inherited by forked workers in a state they cannot use."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1 and not forkserver_running():
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def forkserver_running() -> bool:
    """Whether this process has started multiprocessing's forkserver (the standard library offers no public way
    to ask; its private state is read defensively: unknown means "running", the safe answer)."""
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    return server is None or getattr(server, "_forkserver_pid", 0) is not None


def kill(pid: int) -> None:
    """End a worker process and every process it started (the file reader and its forkserver, see
    cse_migrate.readers.worker), so that nothing of a stopped organisation runs on."""
    for victim in [pid, *descendants(pid)]:  # listed before any is ended: orphans would change parent
        with contextlib.suppress(OSError):  # it has ended already
            os.kill(victim, getattr(signal, "SIGKILL", signal.SIGTERM))


def descendants(pid: int) -> list[int]:
    """The processes ``pid`` started, and theirs, from /proc where the system has it (Linux); else none known."""
    found: list[int] = []
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for children in Path(f"/proc/{parent}/task").glob("*/children"):
            with contextlib.suppress(OSError, ValueError):
                new = [int(child) for child in children.read_text().split()]
                found += new
                frontier += new
    return found


_MESSAGES: list[Any] = []  # in a worker: the queue to the batch
_BLAS_LIMITS: list[Any] = []


def start_worker(messages: Any, sample: OrgTask, blas_threads: int | None = None) -> None:
    """Set up a worker process: Ctrl-C is the batch's to handle; numpy's BLAS gets ``blas_threads`` threads (the
    worker's share of the cores); the rules are loaded and compiled now."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if blas_threads is not None:
        _BLAS_LIMITS.append(threadpool_limits(limits=blas_threads, user_api="blas"))  # kept for the process's life
    _MESSAGES.append(messages)
    messages.put(("ready", os.getpid(), "", time.monotonic()))
    with contextlib.suppress(CseMigrateError):  # each organisation then reports the problem as its error
        worker_rules(sample.options, sample.rules_version)
    gc.freeze()  # the modules and rules live as long as the worker: the collector no longer walks them (-6 ms/org)


def run_reporting_start(task: OrgTask) -> OrgDone:
    """Tell the batch this worker has started ``task``, then run it."""
    _MESSAGES[0].put(("start", os.getpid(), task.plan.source, time.monotonic()))
    return run_organisation(task)
