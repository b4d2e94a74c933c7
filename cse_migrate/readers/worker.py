"""Read files in a worker process that is stopped when one file takes longer than ``--timeout``.

A parser can spend minutes inside one file (a PDF whose 150 pages share one content stream took 497 s, a form
drawn three times on one page 198 s) and no Python code can interrupt it from the same process. So every file
is read by :func:`cse_migrate.readers.read_file` in a child process: the run waits at most ``--timeout``
seconds for the answer, then kills the child, records the file as unreadable with a one-line reason and starts a
fresh child for the next file. The child also keeps a parser's memory out of the run: what a hostile file made
a parser allocate is returned to the system when the child is replaced.

Children are forked from the run itself after it has imported every reader, so a new child costs milliseconds
(not the second a fresh interpreter needs), and forking never re-runs the caller's script, so a script that
calls :func:`cse_migrate.pipeline.analyse` needs no ``if __name__ == "__main__"`` guard. Where there is no
fork (Windows) children are spawned. A child is reused for every file until a file has to be stopped.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from dataclasses import fields
from multiprocessing.connection import Connection
from multiprocessing.context import ForkContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from cse_migrate.errors import CseMigrateError, InputFileError
from cse_migrate.limits import Limits
from cse_migrate.model import FileRead, RawItem, Source
from cse_migrate.readers import supported_formats

_START_SECONDS = 60.0  # the child's own start (imports) is not charged to any file


def timeout_reason(seconds: float) -> str:
    return (f"took longer than {seconds:g} s to read and was stopped (--timeout); split the file, or raise "
            "--timeout if it is genuine")


def worker_context() -> ForkContext | SpawnContext:
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class ReadingWorker:
    """One child process that reads files on request. Use as a context manager, so the child always ends."""

    def __init__(self) -> None:
        self._context = worker_context()
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def __enter__(self) -> ReadingWorker:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def read(self, path: Path, name: str, limits: Limits, password: str | None = None) -> FileRead:
        """Read one file in the child; raises :class:`InputFileError` when it cannot be read or takes too long."""
        connection = self._ready(name)
        connection.send((path, name, limits, password))
        if not connection.poll(limits.timeout):
            self._stop()
            raise InputFileError(name, timeout_reason(limits.timeout))
        try:
            kind, payload = connection.recv()
            if kind == "read":
                payload = unpack(cast(Packed, payload))
        except (EOFError, OSError) as exc:  # the child died: killed by the system for memory, or crashed
            code = self._process.exitcode if self._process is not None else None
            self._stop()
            raise InputFileError(name, f"stopped the reader unexpectedly (exit code {code}); check the file opens "
                                       "in its own program, and if it does, please report this as a bug") from exc
        if kind == "read" and isinstance(payload, FileRead):
            return payload
        if kind == "refused":
            raise InputFileError(name, str(payload))
        raise CseMigrateError(str(payload))  # an error that is not about this file (kept as the library's own)

    def close(self) -> None:
        if self._connection is not None and self._process is not None and self._process.is_alive():
            with contextlib.suppress(OSError):
                self._connection.send(None)
            self._process.join(timeout=5)
        self._stop()

    def _ready(self, name: str) -> Connection:
        if self._connection is not None and self._process is not None and self._process.is_alive():
            return self._connection
        self._stop()
        supported_formats()  # import every reader here, once, so that each forked child starts with them
        parent, child = self._context.Pipe()
        process = self._context.Process(target=serve, args=(child,), name="cse-migrate-reader", daemon=True)
        process.start()
        child.close()
        if not _answered(parent, _START_SECONDS, "ready"):
            process.kill()
            process.join()
            raise InputFileError(name, "could not be read: the reading process did not start; check the "
                                       "machine's free memory and try again")
        self._process, self._connection = process, parent
        return parent

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
        if self._connection is not None:
            self._connection.close()
        self._process, self._connection = None, None


# A FileRead crosses the pipe as plain tuples: pickling 200,000 frozen dataclasses costs several times more
# than the tuples of their fields (measured 2.5 s against 0.75 s for 50,000 items).
_ITEM_FIELDS = tuple(f.name for f in fields(RawItem))
_SOURCE_FIELDS = tuple(f.name for f in fields(Source))
_READ_FIELDS = tuple(f.name for f in fields(FileRead) if f.name != "items")


Packed = tuple[tuple[Any, ...], list[tuple[Any, ...]]]


def pack(read: FileRead) -> Packed:
    items = [tuple(tuple(getattr(value, f) for f in _SOURCE_FIELDS) if name == "source" else value
                   for name, value in ((n, getattr(item, n)) for n in _ITEM_FIELDS)) for item in read.items]
    return (tuple(getattr(read, f) for f in _READ_FIELDS), items)


def unpack(packed: Packed) -> FileRead:
    head, items = packed
    raw = tuple(_item(values) for values in items)
    read: dict[str, Any] = dict(zip(_READ_FIELDS, head, strict=True))
    return FileRead(**read, items=raw)


def _item(values: tuple[Any, ...]) -> RawItem:
    named: dict[str, Any] = dict(zip(_ITEM_FIELDS, values, strict=True))
    named["source"] = Source(*named["source"])
    return RawItem(**named)


def _answered(connection: Connection, seconds: float, expected: str) -> bool:
    try:
        return connection.poll(seconds) and connection.recv() == expected
    except (EOFError, OSError):  # the child ended before it said anything
        return False


def serve(connection: Connection) -> None:
    """The child's loop: read each file asked for and send back the result or the reason it was refused."""
    from cse_migrate.readers import read_file

    supported_formats()  # import every reader before saying ready, so no file is charged for the imports
    connection.send("ready")
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        if job is None:
            return
        path, name, limits, password = job
        try:
            connection.send(("read", pack(read_file(path, name, limits, password))))
        except InputFileError as exc:
            connection.send(("refused", exc.reason))
        except CseMigrateError as exc:
            connection.send(("error", str(exc)))
