"""Refuse a pack's noise pattern that would stall on pathological input, before any evidence is read.

Noise patterns from packs are written by people other than the developers and shared between organisations. A
pattern such as ``(a+)+$`` makes a backtracking engine take exponential time on a line of 30 "a"s and a "!", so
each pack pattern is tried, at load time, on lines built to trigger backtracking (runs of one character, and of the
pattern's own letters and digits, followed by a character that spoils the match), up to
:data:`~cse_migrate.analysis.noise.MAX_NOISE_LINE` characters long, since no longer line is ever matched.

The probe runs the patterns with Python's backtracking ``re`` in a child process that is stopped after
:data:`BUDGET_SECONDS` per pattern: a pattern that does not finish in time is refused, and the error names it.
A pattern that is only slow on a backtracking engine is refused too, although runs match patterns on a linear-time
engine: a pack is data that other tools and later versions may run another way, and a pattern that needs a
particular engine to be safe is a trap for the next reader. Patterns Python's ``re`` cannot compile (syntax of the
linear-time engine only) are left to that engine's own checks.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass

# What one pattern may take on all probe lines together. Sane patterns take microseconds; the exponential ones
# take minutes. Generous, so that a busy machine never refuses a good pattern.
BUDGET_SECONDS = 0.25
PROBE_LENGTHS = (30, 500)  # exponential blow-up shows by 30 characters; 500 is the longest line ever matched

_CHILD = r"""
import json, re, sys
patterns = json.loads(sys.stdin.readline())
lengths = json.loads(sys.stdin.readline())
for index, text in patterns:
    try:
        compiled = re.compile(text, re.IGNORECASE)
    except re.error:
        print(f"skip {index}", flush=True)
        continue
    print(f"start {index}", flush=True)
    chars = {"a", " ", "1", "x", ".", "-", "/"} | {c.lower() for c in text if c.isalnum()}
    for n in lengths:
        for c in sorted(chars):
            for line in (c * n + "!", (c + " ") * (n // 2) + "!", c * n):
                compiled.fullmatch(line)  # how noise lines are matched (cse_migrate.analysis.noise)
    print(f"ok {index}", flush=True)
"""


@dataclass(frozen=True)
class ProbeFailure:
    index: int  # position in the list given to :func:`probe`
    seconds: float


_passed: set[str] = set()  # patterns already probed in this process (loading rules twice costs nothing)


def probe(patterns: Sequence[str], budget: float = BUDGET_SECONDS) -> list[ProbeFailure]:
    """The patterns (by index) that did not finish the probe within ``budget`` seconds each."""
    todo = [(i, p) for i, p in enumerate(patterns) if p not in _passed]
    failures: list[ProbeFailure] = []
    while todo:
        stuck = _run_child(todo, budget)
        done = todo if stuck is None else todo[:[i for i, _ in todo].index(stuck)]
        _passed.update(p for _, p in done)
        if stuck is None:
            break
        failures.append(ProbeFailure(stuck, budget))
        todo = todo[[i for i, _ in todo].index(stuck) + 1:]
    return failures


def _run_child(todo: list[tuple[int, str]], budget: float) -> int | None:
    """Probe ``todo`` in one child process; the index of the first pattern that overran, or None."""
    child = subprocess.Popen([sys.executable, "-I", "-S", "-c", _CHILD], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(json.dumps(todo) + "\n" + json.dumps(list(PROBE_LENGTHS)) + "\n")
    child.stdin.close()
    lines: queue.Queue[str] = queue.Queue()
    def drain() -> None:
        for line in child.stdout or []:
            lines.put(line)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    current: int | None = None
    try:
        while True:
            # the child itself takes a moment to start: the first line gets a start-up allowance
            wait = budget if current is not None else budget + 5.0
            try:
                line = lines.get(timeout=wait)
            except queue.Empty:
                return current if current is not None else todo[0][0]
            word, _, number = line.strip().partition(" ")
            if word == "start":
                current = int(number)
            elif word in ("ok", "skip"):
                current = None
                if int(number) == todo[-1][0]:
                    return None
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
