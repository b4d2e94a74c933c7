"""Exit codes and the exception hierarchy.

The library raises; only the CLI turns an exception into an exit code. Each exception class carries the exit
code it maps to and a message that names the file and says what to do next.
"""

from __future__ import annotations

import re
from enum import IntEnum

# "<pypdf.generic.IndirectObject object at 0x7f3a...>": a memory address differs from run to run, so a message
# that carries one would make the same input give different reports. One literal space before "at" (as repr
# writes it), not \s+, keeps the search linear on a run of spaces.
_ADDRESS = re.compile(r" at 0x[0-9A-Fa-f]+|\b0x[0-9A-Fa-f]{8,16}\b")


class ExitCode(IntEnum):
    """The one table of exit codes (documented in the README)."""

    OK = 0  # finished; every input file was read
    SOME_FILES_UNREADABLE = 1  # finished and wrote reports, but one or more input files could not be read
    USAGE = 2  # the command line was wrong (click's own usage errors also exit 2)
    INPUT_NOT_FOUND = 3  # an INPUT path does not exist or holds no readable evidence files
    RULES_INVALID = 4  # a rules file (framework, crosswalk, lexicon) failed validation
    OUTPUT_FAILED = 5  # the output folder or a report could not be written
    RULE_TESTS_FAILED = 6  # 'rules test': at least one test case did not give the expected outcome
    REVIEW_INVALID = 7  # the review workbook (--review or review.xlsx) cannot be applied: nothing was written
    INTERNAL = 10  # a bug: please report it with the command you ran


class CseMigrateError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputFileError(CseMigrateError):
    """One input file could not be read. The run records it and goes on with the other files."""

    exit_code = ExitCode.SOME_FILES_UNREADABLE

    def __init__(self, file: str, message: str) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.reason = message


class InputNotFoundError(CseMigrateError):
    """An input path is missing or contains nothing we can read."""

    exit_code = ExitCode.INPUT_NOT_FOUND


class RulesError(CseMigrateError):
    """A rules file is invalid: the message names the file, the key and the problem."""

    exit_code = ExitCode.RULES_INVALID

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = problems[0] if len(problems) == 1 else f"{len(problems)} problems in the rules:"
        body = "" if len(problems) == 1 else "\n" + "\n".join(f"  {p}" for p in problems)
        super().__init__(head + body)


class OutputError(CseMigrateError):
    """A report or the output folder could not be written."""

    exit_code = ExitCode.OUTPUT_FAILED


class UsageError(CseMigrateError):
    """A request the library cannot honour because an argument is wrong (e.g. unknown framework id)."""

    exit_code = ExitCode.USAGE


def stable_message(text: str) -> str:
    """An exception's text without memory addresses (``<Foo object at 0x7f...>`` becomes ``<Foo object>``), so
    that the same input always gives the same message and the same reports."""
    return _ADDRESS.sub(lambda m: "" if m.group(0).startswith(" at") else "0x…", text)


class ReviewError(CseMigrateError):
    """A review workbook cannot be applied: each problem names the file, the sheet and the row."""

    exit_code = ExitCode.REVIEW_INVALID

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = problems[0] if len(problems) == 1 else f"{len(problems)} problems in the review file:"
        body = "" if len(problems) == 1 else "\n" + "\n".join(f"  {p}" for p in problems)
        super().__init__(head + body)
