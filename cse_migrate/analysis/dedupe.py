"""Fold repeated evidence: the same text pasted in several places or files, exactly or nearly.

The first occurrence (in input order) is kept and lists every place its copies came from; the copies become
items with status "duplicate" that point at it. Near duplicates must share every number they contain, so
"Survey 2005" and "Survey 2006" stay apart, and must be long enough for a similarity to mean something.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from cse_migrate.model import EvidenceItem
from cse_migrate.text import signature

MIN_NEAR_LENGTH = 25  # characters; shorter texts fold only when identical after normalisation
_DIGITS = re.compile(r"\d+")
BLOCK = 500  # rows of the similarity matrix computed at once: bounds memory and narrows the length window
# A group of texts with the same numbers up to this size is compared pair by pair (within the length window):
# every near duplicate is found. A larger group (tens of thousands of rows without numbers) would cost the
# square of its size, so it is blocked instead: each text is compared with its NEIGHBOURS nearest texts in
# four orders (by its words, by its words from the end, by its rarest words, and by its rarest words but one),
# which finds copies unless they differ at both ends and in their two rarest words at once, in time linear in
# the group (tests/test_scale.py measures what it finds against all pairs).
EXACT_GROUP = 3_000
NEIGHBOURS = 24
# Comparisons below this many pairs run on the calling thread: starting a thread per core cost more than the
# comparing itself on an organisation's few dozen texts (0.33 against 0.12 ms for 40 x 40; folding one sample
# organisation's duplicates 2.3 -> 1.0 ms), while a 500 x 800 block gains from every core (33 against
# 50 ms). Which threads compare changes nothing in what is found.
THREADED_PAIRS = 100_000


def _threads(pairs: int) -> int:
    """rapidfuzz's ``workers`` for a comparison of this many pairs: every core for a large one, else one."""
    return -1 if pairs >= THREADED_PAIRS else 1


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
    # near duplicates, among the distinct long texts that contain the same numbers
    groups: dict[tuple[str, ...], list[int]] = {}
    for i in first_by_sig.values():
        if len(sigs[i]) >= MIN_NEAR_LENGTH:
            groups.setdefault(numbers[i], []).append(i)
    for group in groups.values():
        if len(group) < 2:
            continue  # nothing to compare with (most groups, in a log whose rows carry their own numbers)
        if len(group) <= EXACT_GROUP:
            _fold_near(group, sigs, items, similarity, duplicate_of)
        else:
            _fold_near_blocked(group, sigs, items, similarity, duplicate_of)
    # copies of a folded near-duplicate point at the earliest item of their chain
    return {dup: _root(kept, duplicate_of) for dup, kept in duplicate_of.items()}


def _fold_near(group: list[int], sigs: list[str], items: Sequence[EvidenceItem], similarity: float,
               duplicate_of: dict[str, str]) -> None:
    """Record near duplicates within one group. Sorted by length, because two texts can only reach the
    similarity when their lengths are close: each block of rows is compared with a window of columns."""
    candidates = sorted(group, key=lambda i: (len(sigs[i]), i))
    texts = [sigs[i] for i in candidates]
    lengths = [len(t) for t in texts]
    stretch = (200.0 - similarity) / similarity  # ratio >= s needs the longer at most (2 - s) / s times the shorter
    for start in range(0, len(texts), BLOCK):
        rows = texts[start:start + BLOCK]
        low = bisect.bisect_left(lengths, lengths[start] / stretch)
        high = bisect.bisect_right(lengths, lengths[start + len(rows) - 1] * stretch)
        block = process.cdist(rows, texts[low:high], scorer=fuzz.ratio, score_cutoff=similarity,
                              dtype=np.uint8, workers=_threads(len(rows) * (high - low)))
        for row, col in zip(*np.nonzero(block), strict=True):
            a, b = candidates[start + int(row)], candidates[low + int(col)]
            if b >= a:
                continue
            later, earlier = items[a].id, items[b].id
            root = duplicate_of.get(earlier, earlier)
            if later not in duplicate_of or duplicate_of[later] > root:
                duplicate_of[later] = root


def _fold_near_blocked(group: list[int], sigs: list[str], items: Sequence[EvidenceItem], similarity: float,
                       duplicate_of: dict[str, str]) -> None:
    """Record near duplicates within a large group by comparing neighbours in three sort orders."""
    frequency = Counter(word for i in group for word in set(sigs[i].split()))

    def rare_words(i: int) -> list[str]:
        # a word found in one text only is most often a typo, which its original does not share: skip those
        shared = [w for w in set(sigs[i].split()) if frequency[w] > 1]
        return sorted(shared, key=lambda w: (frequency[w], w))

    rare = {i: rare_words(i) for i in group}
    orders = (sorted(group, key=lambda i: (sigs[i], i)), sorted(group, key=lambda i: (sigs[i][::-1], i)),
              sorted(group, key=lambda i: (rare[i][:3], i)), sorted(group, key=lambda i: (rare[i][1:4], i)))
    pairs: set[tuple[int, int]] = set()
    for order in orders:
        texts = [sigs[i] for i in order]
        for step in range(1, min(NEIGHBOURS, len(order) - 1) + 1):
            scores = process.cpdist(texts[:-step], texts[step:], scorer=fuzz.ratio, score_cutoff=similarity,
                                    dtype=np.uint8, workers=_threads(len(texts) - step))
            for index in np.nonzero(scores)[0]:
                a, b = order[int(index)], order[int(index) + step]
                pairs.add((max(a, b), min(a, b)))
    for later_index, earlier_index in sorted(pairs):
        later, earlier = items[later_index].id, items[earlier_index].id
        root = duplicate_of.get(earlier, earlier)
        if later not in duplicate_of or duplicate_of[later] > root:
            duplicate_of[later] = root


def _root(item_id: str, duplicate_of: dict[str, str]) -> str:
    seen = set()
    while item_id in duplicate_of and item_id not in seen:
        seen.add(item_id)
        item_id = duplicate_of[item_id]
    return item_id
