"""The one way a regular expression that comes from rules (noise patterns, and any rule pack) is compiled.

Rule patterns are written by people other than the developers and run against every line of untrusted evidence,
so they run on RE2 (the ``google-re2`` package): its matching time grows linearly with the text, whatever the
pattern, so no pattern and no line can stall a run the way a backtracking engine can ("Confidential - " and a
long word took over 300 s with Python's ``re``). A pattern RE2 cannot compile (a back-reference, a look-around,
a pattern too large for its memory budget) is refused when the rules load, with the reason.

Differences from Python's ``re`` a rule writer may meet: ``\\w``, ``\\d``, ``\\s`` and ``\\b`` are ASCII (use
``\\pL`` for letters of any script); ``\\Z`` is written ``\\z``; look-arounds and back-references do not exist.
The code's own expressions stay on Python's ``re`` and are written so that they are linear too; the test
``tests/test_linear_regex.py`` feeds every one of them, and every bundled rule pattern, 100 KB adversarial lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import re2


class RulePattern(Protocol):
    """What the rest of the code may ask of a compiled rule pattern (the part RE2 and ``re`` share)."""

    @property
    def pattern(self) -> str: ...

    def fullmatch(self, text: str) -> object | None: ...

    def search(self, text: str) -> object | None: ...

    def sub(self, repl: str, text: str) -> str: ...


class PatternError(ValueError):
    """A rule pattern that RE2 cannot compile; the message says why, the caller names the file and key."""


# RE2 refuses a pattern whose compiled program needs more than this; 8 MiB (its default) holds any sensible
# line pattern, and bounds what one hostile pattern in a shared pack can cost.
MAX_PROGRAM_BYTES = 8 << 20


def compile_rule_pattern(text: str, ignore_case: bool = True) -> RulePattern:
    """Compile a pattern from a rules file on RE2 (case-insensitive unless asked otherwise).

    Raises :class:`PatternError` naming the pattern and the reason it is refused.
    """
    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.max_mem = MAX_PROGRAM_BYTES
    options.log_errors = False
    try:
        compiled: RulePattern = re2.compile(text, options)
    except re2.error as exc:
        detail = exc.args[0] if exc.args else b""
        reason = (detail.decode("utf-8", "replace") if isinstance(detail, bytes) else str(detail)) or "refused"
        raise PatternError(f"pattern {text!r} is not a regular expression the linear-time engine (RE2) accepts "
                           f"({reason}); look-arounds and back-references are not supported, see README "
                           "\"Mapping rules\"") from exc
    return compiled


# Longer lines are matched pattern by pattern: RE2's set matcher has no fallback when its DFA runs out of memory
# (it would report no match), which a line this short can never cause.
SET_LINE_CHARS = 4_096


class RulePatternSet:
    """Rule patterns matched against a whole line in one pass: which of them, in order, matches first.

    One call per line instead of one per pattern (the per-call overhead of the binding dominated the noise
    stage: 16 calls per evidence item). Each pattern is also compiled alone, for the long-line fallback and so
    that a pattern RE2 refuses is reported by :func:`compile_rule_pattern` with its own message.
    """

    def __init__(self, patterns: Sequence[str], ignore_case: bool = True, anywhere: bool = False) -> None:
        """``anywhere``: the patterns are searched for anywhere in a line (:meth:`any_found`), not matched against
        the whole of it (:meth:`first_full_match`)."""
        self.single = [compile_rule_pattern(p, ignore_case) for p in patterns]
        self.anywhere = anywhere
        options = re2.Options()
        options.case_sensitive = not ignore_case
        options.max_mem = MAX_PROGRAM_BYTES * 4
        options.log_errors = False
        self._set = (re2.Set.SearchSet if anywhere else re2.Set.FullMatchSet)(options)
        for pattern in patterns:
            self._set.Add(pattern)
        self._set.Compile()

    def any_found(self, text: str) -> bool:
        """Whether any of the patterns (made with ``anywhere``) occurs somewhere in ``text``."""
        if not self.anywhere:
            raise ValueError("any_found needs a set made with anywhere=True")
        if not self.single:
            return False
        if len(text) > SET_LINE_CHARS:
            return any(p.search(text) for p in self.single)
        return bool(self._set.Match(text))

    def first_full_match(self, text: str) -> int | None:
        """The index of the first pattern that matches all of ``text``, or None."""
        if len(text) > SET_LINE_CHARS:
            return next((index for index, p in enumerate(self.single) if p.fullmatch(text)), None)
        found = self._set.Match(text)
        return min(found) if found else None
