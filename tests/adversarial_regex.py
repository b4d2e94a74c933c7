"""Adversarial lines for regular expressions, generated for each pattern's shape, and every pattern to feed them.

A backtracking engine goes quadratic or worse when a long run of characters can be consumed in more than one
way and the line then fails to match. So each line is a prefix that gets past an anchored start (each literal
word of the pattern, followed by the separators rules use), a long run of one "unit" (long words, digit runs,
repeated separators, spaces, hashes, pipes) and a tail that makes the match fail.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import cse_migrate
from cse_migrate.rules import load_rules

UNITS = ("a", "1", " ", "\t", "#", "|", "-", ".", "_", "*", ":", "/", "a ", "1.", "1 ", "- ", "# ", "| ", "|-",
         "--|", " | -- ", "a1", "a-", "a'", "a.", "1,", "(", ")", "=", "x ", "§")
TAILS = ("!", "\x01")
SEPARATORS = (" ", " - ", ": ")
MAX_WORDS = 16  # literal words of one pattern used as prefixes (the longest alternations are lists of words)
_LITERAL = re.compile(r"[A-Za-z]{2,}")


def code_patterns() -> dict[str, re.Pattern[str] | re.Pattern[bytes]]:
    """Every compiled ``re`` pattern held by a module of the package, by ``module.NAME``."""
    found: dict[str, re.Pattern[str] | re.Pattern[bytes]] = {}
    for info in pkgutil.walk_packages(cse_migrate.__path__, "cse_migrate."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed (semantic matcher)
            continue
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.setdefault(f"{info.name}.{name}", value)
    return found


def rule_patterns() -> dict[str, object]:
    """Every pattern of the bundled rules, by ``file:id`` (compiled by cse_migrate.patterns, on RE2)."""
    rules = load_rules()
    return {f"{Path(p.file).name}:{p.id}": p.pattern for p in rules.noise}


def adversarial_lines(pattern_text: str, length: int) -> Iterator[str]:
    """Lines of about ``length`` characters shaped for ``pattern_text``."""
    words = sorted(set(_LITERAL.findall(pattern_text)))[:MAX_WORDS]
    prefixes = ["", *(w + sep for w in words for sep in SEPARATORS)]
    # a word repeated ("<mergeCell <mergeCell ...") makes every occurrence a fresh start for a search
    for unit in (*(w + sep for w in words for sep in (" ", " - ")), *("<" + w + " " for w in words)):
        for tail in TAILS:
            yield unit * (length // len(unit)) + tail
    for unit in UNITS:
        run = unit * (length // len(unit))
        for prefix in prefixes:
            for tail in TAILS:
                yield prefix + run + tail
