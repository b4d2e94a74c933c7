"""Batches on a Dask cluster: ``batch --scheduler ADDRESS`` sends organisations to an existing cluster.

Optional: needs ``pip install 'cse-migrate[distributed]'`` here and cse-migrate installed on every worker. The
batch runs through dask.distributed's :class:`concurrent.futures.Executor`, exactly as it runs through the local
process pool; each worker process loads the rules once. Inputs, rules packs and OUTDIR must be on a path every
worker sees under the same name (a shared file system): workers read the evidence and write the reports
themselves, and the machine running ``batch`` keeps the manifest and writes summary.xlsx.
"""

from __future__ import annotations

import importlib
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from typing import Any

from cse_migrate.errors import UsageError

CONNECT_TIMEOUT = "20s"


@contextmanager
def dask_executor(address: str) -> Iterator[Executor]:
    """An executor sending work to the Dask scheduler at ``address``, closed on leaving."""
    try:
        # imported by name: the extra is optional, so its (untyped) module may be absent where mypy runs
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'cse-migrate[distributed]'") from None
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--scheduler {address}: could not connect to a Dask scheduler ({exc}); check the "
                         "address (tcp://HOST:8786) and that the scheduler is running") from exc
    try:
        check_workers(client, address)
        # pure=False: two organisations with equal arguments are still two tasks, and a re-run is a new task
        executor: Executor = client.get_executor(pure=False)
        yield executor
    finally:
        client.close()


def check_workers(client: Any, address: str) -> None:
    """Refuse, before any work, workers that run as daemon processes: those may not start the child process in
    which each file is read under its --timeout (cse_migrate.readers.worker), so every organisation would fail."""
    daemonic = client.run(is_daemon)  # worker address -> answer
    if not daemonic:
        raise UsageError(f"--scheduler {address}: the Dask cluster has no workers; start some with "
                         f"'dask worker {address}'")
    if any(daemonic.values()):
        raise UsageError(f"--scheduler {address}: the Dask workers run as daemon processes, which cannot start "
                         "the process each file is read in; start them with DASK_DISTRIBUTED__WORKER__DAEMON=False "
                         "in their environment (or distributed.worker.daemon: false in the Dask configuration)")


def is_daemon() -> bool:
    """Run on each Dask worker: is this a daemon process?"""
    return bool(multiprocessing.current_process().daemon)

