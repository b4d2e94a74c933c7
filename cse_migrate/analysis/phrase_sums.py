"""Phrase arithmetic for the matcher (:mod:`cse_migrate.analysis.mapping`), as pure functions of compiled phrases and
score arrays: whether a phrase's words fit its window, which phrases count as one (the same tokens, or fuzzy-equal
tokens: an equivalence group), and how the points of a criterion's phrases add up (the best of each group, then a
diminishing sum, so one evidence word is not counted twice and repeated matches add less and less).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from cse_migrate.analysis.similarity import MIN_FUZZY_LENGTH

# Repeated matches for one criterion add less and less: the second adds 60%, the third 36%, ...
DIMINISH = 0.6


@dataclass(frozen=True)
class CompiledPhrase:
    """One lexicon phrase as the matcher uses it: stemmed words, weight, window, and the rule it came from."""

    criterion: str  # "" for the vocabulary's non-customer-facing phrases (they count against every criterion)
    text: str
    weight: float
    stems: tuple[str, ...]
    kind: str  # "phrase" or "against"
    rule: str
    span: int = 1  # the most word positions the matched words may cover (phrase length plus its window)
    ordered: bool = False  # the words must come in the phrase's order


def fits(candidates: list[list[int]], span: int, ordered: bool) -> bool:
    """Whether one position per phrase word can be chosen so that they cover at most ``span`` word positions
    (and, when ``ordered``, come in the phrase's order). Candidates per word are few: a small search."""
    if any(not c for c in candidates):
        return False

    def search(k: int, low: int, high: int, last: int) -> bool:
        if k == len(candidates):
            return True
        for pos in candidates[k]:
            if ordered and pos < last:
                continue
            lo, hi = min(low, pos), max(high, pos)
            if hi - lo + 1 <= span and search(k + 1, lo, hi, pos):
                return True
        return False

    return search(0, 10**9, -1, -1)


def dedupe_phrases(phrases: list[CompiledPhrase]) -> list[CompiledPhrase]:
    """Phrases that normalise to the same tokens for the same criterion count once, at their highest weight
    ("train", "training" and "trained" are one phrase after stemming)."""
    best: dict[tuple[str, str, tuple[str, ...], int, bool], CompiledPhrase] = {}
    for p in phrases:
        key = (p.criterion, p.kind, p.stems, p.span, p.ordered)
        if key not in best or p.weight > best[key].weight:
            best[key] = p
    return list(best.values())


def equivalence_groups(phrases: Sequence[CompiledPhrase], cutoff: float) -> list[int]:
    """A group number per phrase: phrases of one criterion and kind whose tokens are fuzzy-equal
    ("disabled" and "disability") are one group, so a single evidence word is not counted twice.

    Only phrases of the same criterion, kind and length can be equal, so only those are compared: bucketing them
    first turns one comparison of every pair of phrases into small comparisons within each bucket."""
    group = list(range(len(phrases)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    buckets: dict[tuple[str, str, int], list[int]] = {}
    for i, p in enumerate(phrases):
        buckets.setdefault((p.criterion, p.kind, len(p.stems)), []).append(i)
    for members in buckets.values():
        # a union-find over every pair, each phrase joined to the earlier ones it equals, in phrase order
        for i, j in fuzzy_equal_pairs([phrases[m].stems for m in members], cutoff):
            group[root(members[i])] = root(members[j])
    return [root(i) for i in range(len(phrases))]


def fuzzy_equal_pairs(stems: Sequence[tuple[str, ...]], cutoff: float) -> list[tuple[int, int]]:
    """Every pair ``(i, j)`` with ``j < i`` of token tuples (all of one length) that are equal word by word, where
    two words are equal when they are the same or both are long enough and score at least ``cutoff``; ordered by
    ``i``, then ``j``.

    Each position's distinct words are scored against each other once, in one call (a bucket has a few hundred
    phrases but far fewer distinct words), instead of scoring the words of every pair of phrases: compiling a
    matcher spent half its time here."""
    n = len(stems)
    if n < 2:
        return []
    equal = np.tri(n, n, -1, dtype=bool)  # j < i
    for position in range(len(stems[0])):
        distinct = sorted({s[position] for s in stems})
        lengths = np.array([len(w) for w in distinct])
        same = np.asarray(process.cdist(distinct, distinct, scorer=fuzz.ratio, dtype=np.float64)) >= cutoff
        same &= np.minimum.outer(lengths, lengths) >= MIN_FUZZY_LENGTH
        np.fill_diagonal(same, True)
        index = {w: k for k, w in enumerate(distinct)}
        at = np.array([index[s[position]] for s in stems], dtype=np.intp)
        equal &= same[np.ix_(at, at)]
    rows, columns = np.nonzero(equal)  # row-major: by i, then j
    return list(zip(rows.tolist(), columns.tolist(), strict=True))


def grouped(members: list[int], groups: list[int]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Members ordered by group, and where each group starts (for np.maximum.reduceat)."""
    ordered = sorted(members, key=lambda i: (groups[i], i))
    starts = [k for k, i in enumerate(ordered) if k == 0 or groups[i] != groups[ordered[k - 1]]]
    return np.array(ordered, dtype=np.intp), np.array(starts, dtype=np.intp)


def group_sum(points: NDArray[np.float32], grouped: tuple[NDArray[np.intp], NDArray[np.intp]]) -> NDArray[np.float32]:
    """The best phrase of each group, then the diminishing sum over groups."""
    members, starts = grouped
    if len(members) == 0:
        return np.zeros(points.shape[0], dtype=np.float32)
    return diminished_sum(np.maximum.reduceat(points[:, members], starts, axis=1))


def diminished_sum(points: NDArray[np.float32]) -> NDArray[np.float32]:
    """Per row: the largest points count fully, the next 60%, then 36%, ... (strongest first)."""
    if points.shape[1] == 0:
        return np.zeros(points.shape[0], dtype=np.float32)
    ordered = -np.sort(-points, axis=1)
    factors = (DIMINISH ** np.arange(points.shape[1])).astype(np.float32)
    total: NDArray[np.float32] = (ordered * factors).sum(axis=1, dtype=np.float32)
    return total
