"""Fold repeated evidence: the same text pasted in several places or files, exactly or nearly.

The first occurrence (in input order) is kept and lists every place its copies came from; the copies become
items with status "duplicate" that point at it. Near duplicates must share every number they contain, so
"Survey 2005" and "Survey 2006" stay apart, and must be long enough for a similarity to mean something.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from cse_migrate.model import EvidenceItem
from cse_migrate.text import signature

MIN_NEAR_LENGTH = 25  # characters; shorter texts fold only when identical after normalisation
_DIGITS = re.compile(r"\d+")
BLOCK = 2000  # rows of the similarity matrix computed at once, to bound memory on large portfolios


def find_duplicates(items: Sequence[EvidenceItem], similarity: float) -> dict[str, str]:
    """Map the id of each duplicate to the id of the item it repeats (the earliest copy)."""
    sigs = [signature(i.text) for i in items]
    numbers = [tuple(_DIGITS.findall(s)) for s in sigs]
    duplicate_of: dict[str, str] = {}
    first_by_sig: dict[str, int] = {}
    for index, sig in enumerate(sigs):
        if sig in first_by_sig:
            duplicate_of[items[index].id] = items[first_by_sig[sig]].id
        else:
            first_by_sig[sig] = index
    # near duplicates, among the distinct long texts only
    candidates = [i for i in first_by_sig.values() if len(sigs[i]) >= MIN_NEAR_LENGTH]
    texts = [sigs[i] for i in candidates]
    for start in range(0, len(texts), BLOCK):
        block = process.cdist(texts[start:start + BLOCK], texts, scorer=fuzz.ratio, score_cutoff=similarity,
                              dtype=np.uint8, workers=1)
        for row, col in zip(*np.nonzero(block), strict=True):
            a, b = candidates[start + int(row)], candidates[int(col)]
            if b >= a or numbers[a] != numbers[b]:
                continue
            later, earlier = items[a].id, items[b].id
            root = duplicate_of.get(earlier, earlier)
            if later not in duplicate_of or duplicate_of[later] > root:
                duplicate_of[later] = root
    # copies of a folded near-duplicate point at the root too
    return {dup: duplicate_of.get(kept, kept) for dup, kept in duplicate_of.items()}
