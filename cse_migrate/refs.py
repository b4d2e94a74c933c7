"""Normalise legacy Charter Mark references.

Legacy files cite criteria in many ways: "2", "2.1", "2.1.3", "Crit. 2", "Criterion Two", "CM2", "C2",
"Criterion 2: Actively engage ...", "Element 4.2.1". All of them mean criterion 2 (or 4), and the full reference
("2.1.3") is kept for the report.
"""

from __future__ import annotations

import re

from cse_migrate.model import CMRef

_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6",
                 "vii": "7", "viii": "8", "ix": "9"}
_PREFIX = (r"(?:charter\s*mark\s*)?(?:criteria|criterion|crit|cm|c|el|element|sub-?criterion|principle|"
           r"section|sect|sec|ref|reference|p)")
# Spaces before the number belong to one starred class at a time: "^\s*(prefix)?[\s.:#-]*" would let two classes
# share a long run of spaces and backtrack quadratically on it.
_NUMERIC = re.compile(r"^\s*(?:(?:" + _PREFIX + r")[\s.:#\-]*|[.:#\-][\s.:#\-]*)?"
                      r"(\d{1,2}(?:\s*\.\s*\d{1,2}){0,3})\b", re.IGNORECASE)
_SPACE_RUN = re.compile(r"\s+")
_WORDED = re.compile(r"^\s*(?:" + _PREFIX + r")[\s.:#\-]*(one|two|three|four|five|six|seven|eight|nine|"
                     r"viii|vii|iii|ix|iv|vi|ii|v|i)\b(?:\s*(?:[.:\-]\s*)?(\d{1,2}(?:\.\d{1,2}){0,2}))?",
                     re.IGNORECASE)


def parse_ref(raw: str | None, max_criterion: int = 9) -> CMRef | None:
    """Parse a reference; None when the text holds no recognisable criterion number."""
    if raw is None:
        return None
    text = str(raw).strip()
    if not text:
        return None
    full: str | None = None
    match = _NUMERIC.match(text)
    if match:
        full = _SPACE_RUN.sub("", match.group(1))
    else:
        worded = _WORDED.match(text)
        if worded:
            full = _NUMBER_WORDS[worded.group(1).lower()]
            if worded.group(2):
                full += "." + worded.group(2)
    if full is None:
        return None
    criterion = full.split(".")[0].lstrip("0") or "0"
    if not 1 <= int(criterion) <= max_criterion:
        return None
    return CMRef(raw=text, criterion=criterion, full=full)
