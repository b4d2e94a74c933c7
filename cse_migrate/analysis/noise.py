"""Recognise lines that are not evidence at all: page furniture, placeholders, pointers, headings.

Patterns are data (``mappings/noise.yaml``). Criterion headings are recognised from the legacy frameworks'
own titles, so a pack that adds a framework teaches the detector its headings too.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from cse_migrate.patterns import RulePatternSet
from cse_migrate.refs import parse_ref
from cse_migrate.rules import RuleSet
from cse_migrate.text import fold, words

# Each run of spaces is owned by one part of the expression (never two starred spaces side by side), so that a
# long line cannot make it backtrack.
_HEADING_PREFIX = re.compile(r"^\s*(?:(?:criterion|criteria|crit\.?|cm|c|element|principle|section)\s*)?"
                             r"(?:[0-9ivx]+(?:\.\d+)*|one|two|three|four|five|six|seven|eight|nine)\b"
                             r"\s*(?:[:.\-–)]\s*)?", re.IGNORECASE)


_SHORT_HEADING = re.compile(r"^\s*((criterion|criteria|crit|cm|element|principle)\b|\d+\.\d+(\.\d+)?\s)")


class NoiseDetector:
    def __init__(self, rules: RuleSet) -> None:
        self.patterns = rules.noise
        self.matcher = RulePatternSet([p.pattern.pattern for p in rules.noise])
        self.titles = sorted({fold(c.title) for fw in rules.frameworks.values() for c in fw.criteria})

    def detect(self, text: str) -> str | None:
        """The id of the rule that says ``text`` is noise, or None when it may be evidence."""
        folded = fold(text)
        if not any(ch.isalpha() for ch in folded):
            return "no-words"
        first = self.matcher.first_full_match(folded)
        if first is not None:
            return self.patterns[first].id
        if self._is_heading(text, folded):
            return "criterion-heading"
        return None

    def _is_heading(self, text: str, folded: str) -> bool:
        """'Criterion 2: Actively engage ...' or a bare criterion title: structure, not evidence."""
        if len(folded) > 160:
            return False
        rest = _HEADING_PREFIX.sub("", folded, count=1).strip(" :.-")
        has_ref = parse_ref(text) is not None and rest != folded
        if not rest:
            return has_ref
        # a title within ratio 90 (75 after a reference), or, after a reference, a title that starts with it
        if process.extractOne(rest, self.titles, scorer=fuzz.ratio, score_cutoff=75 if has_ref else 90):
            return True
        if has_ref and len(rest) >= 12 and any(title.startswith(rest) for title in self.titles):
            return True
        # "Criterion 3 - Access" or "2.1 Consultation": a reference and at most three words
        return has_ref and len(words(rest)) <= 3 and _SHORT_HEADING.match(folded) is not None
