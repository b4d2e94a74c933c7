"""Batches on a Dask cluster: ``batch --scheduler ADDRESS`` sends organisations to an existing cluster.

Optional: needs ``pip install 'cse-migrate[distributed]'`` here and cse-migrate installed on every worker. The
batch runs through dask.distributed's :class:`concurrent.futures.Executor`, exactly as it runs through the local
process pool; each worker process loads the rules once. Inputs, rules packs and OUTDIR must be on a path every
worker sees under the same name (a shared file system): workers read the evidence and write the reports
themselves, and the machine running ``batch`` keeps the manifest and writes summary.xlsx.
"""

from __future__ import annotations

import importlib
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
        # pure=False: two organisations with equal arguments are still two tasks, and a re-run is a new task
        executor: Executor = client.get_executor(pure=False)
        yield executor
    finally:
        client.close()
