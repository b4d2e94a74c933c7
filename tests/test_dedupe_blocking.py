"""Near-duplicate folding in linear time: a group too large to compare pair by pair is blocked.

The blocked comparison is checked against all pairs on a seeded group of texts with typo'd copies (a harsh
case: a 40-word vocabulary, so every word is common, and up to three typos per copy). It never folds a text
that all pairs would not fold, and finds nearly all that all pairs find.
"""

from __future__ import annotations

import random

import pytest

from cse_migrate.analysis import dedupe
from cse_migrate.analysis.dedupe import find_duplicates
from cse_migrate.model import EvidenceItem, Source

_WORDS = ("customer panel meeting reviewed leaflet agreed changes opening hours office residents consulted "
              "complaints staff training survey results published website accessibility partnership board "
              "equality impact assessment service standards signage improved library housing benefits council "
              "tenants forum feedback mystery shopping visit")
VOCABULARY = _WORDS.split(" ")


def texts_with_copies(count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(count):
        if texts and rng.random() < 0.1:
            copy = list(rng.choice(texts))
            for _ in range(rng.randint(1, 3)):
                copy[rng.randrange(len(copy))] = rng.choice("abcdefghijklmnopqrstuvwxyz")
            texts.append("".join(copy))
        else:
            texts.append(" ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(6, 16))))
    return texts


def items(texts: list[str]) -> list[EvidenceItem]:
    return [EvidenceItem(id=f"E{i + 1:05d}", text=t, source=Source(file="log.csv", extractor="csv", row=i + 2))
            for i, t in enumerate(texts)]


def test_blocking_folds_only_true_near_duplicates_and_nearly_all_of_them(monkeypatch: pytest.MonkeyPatch) -> None:
    evidence = items(texts_with_copies(4_000))
    exact = find_duplicates(evidence, 92.0)
    monkeypatch.setattr(dedupe, "EXACT_GROUP", 100)  # force the blocked comparison on the same group
    blocked = find_duplicates(evidence, 92.0)
    assert set(blocked) <= set(exact)
    assert sum(1 for k in blocked if blocked[k] == exact[k]) >= 0.95 * len(blocked)
    assert len(blocked) >= 0.95 * len(exact)  # measured 0.98 with this seed


def test_a_group_of_one_is_not_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(dedupe, "_fold_near", lambda group, *args: calls.append(len(group)))
    find_duplicates(items([f"Customer panel meeting {n} reviewed the leaflet" for n in range(50)]), 92.0)
    assert calls == []  # every text has its own number: no group holds two texts
