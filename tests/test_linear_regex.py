"""Every regular expression in the code and in the bundled rules runs in time linear in the line it reads.

Each pattern is fed adversarial lines of 100 KB generated for its shape (tests/adversarial_regex.py), with the
operations the code uses (search, which findall and sub repeat, and fullmatch); each must finish in well under
a second. Before this test, ``confidential - `` and a 1,000-character word took over 300 s, and a 100 KB line
took 48-87 s in three of the readers' expressions.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from adversarial_regex import adversarial_lines, code_patterns, rule_patterns

from cse_migrate.patterns import PatternError, compile_rule_pattern

LINE = 100_000  # characters
BUDGET = 0.25  # seconds for one operation on one line: "well under a second"
PACKAGE = Path(__file__).resolve().parent.parent / "cse_migrate"

PATTERNS = {**code_patterns(), **rule_patterns()}


def test_patterns_are_found() -> None:
    """The collection sees the code's expressions and the bundled noise rules (a guard against it finding none)."""
    assert "cse_migrate.readers.common._FIGURE_CHARS" in PATTERNS
    assert "cse_migrate.readers.text_reader._MD_HEADING" in PATTERNS
    assert any(name.endswith("noise.yaml:confidentiality") for name in PATTERNS)


def test_no_expression_is_compiled_out_of_sight() -> None:
    """Expressions live in module-level constants, where the linear-time test finds them: none is written
    inline in a call such as ``re.sub(r"...", ...)``."""
    inline = re.compile(r"\bre\.(?:search|match|fullmatch|sub|subn|findall|finditer|split)\(\s*r?[\"']")
    offenders = [f"{path.relative_to(PACKAGE)}:{number}"
                 for path in sorted(PACKAGE.rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if inline.search(line)]
    assert offenders == []


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_lines(name: str) -> None:
    pattern = PATTERNS[name]
    raw = pattern.pattern
    text = raw.decode("latin-1") if isinstance(raw, bytes) else raw
    slowest, slowest_line = 0.0, ""
    for line in adversarial_lines(text, LINE):
        subject: str | bytes = line.encode("utf-8") if isinstance(raw, bytes) else line
        for operation in (pattern.search, pattern.fullmatch):
            start = time.perf_counter()
            operation(subject)  # type: ignore[operator]
            took = time.perf_counter() - start
            if took > slowest:
                slowest, slowest_line = took, f"{operation.__name__} {line[:40]!r}...{line[-10:]!r}"
    assert slowest < BUDGET, f"{name} took {slowest:.2f} s on {slowest_line}"


def test_the_confidentiality_line_that_stalled_runs_is_instant() -> None:
    confidentiality = next(p for n, p in PATTERNS.items() if n.endswith(":confidentiality"))
    for line in ("confidential - " + "a" * 1_000, "official: " + "w" * 500, "confidential - " + "a" * 100_000):
        start = time.perf_counter()
        assert confidentiality.fullmatch(line + "!") is None
        assert time.perf_counter() - start < BUDGET
    assert confidentiality.fullmatch("official: sensitive") is not None


@pytest.mark.parametrize("pattern", [r"(a)\1", r"(?<=a)b", r"(unclosed"])
def test_a_rule_pattern_the_linear_engine_cannot_run_is_refused(pattern: str) -> None:
    with pytest.raises(PatternError, match="linear-time engine"):
        compile_rule_pattern(pattern)
