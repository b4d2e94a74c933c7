"""What a valid labeled row is, said once for every corpus builder in ``tests/data``.

The builders (``build_labeled.py``, ``build_dev_extra.py``, ``build_dev_extra2.py`` and ``build_fresh.py``) keep
their statements and labels as Python data and check every row before they write a CSV. The checks follow
``docs/labeling.md``: known five-points and CSE labels, an alt different from the primary, NONE rows consistent
(NONE / no alt / NONE, and kind ``support`` where the corpus has a kind), a known kind, and no text repeated
(case- and whitespace-insensitively) within a file or from the files it must not repeat. Each builder adds only
the checks peculiar to its own corpus (the misfiled rows of the first corpus, the reference marker of the fresh
set).

The sector-by-sector development corpora (``dev_extra`` and ``dev_extra2``) also share their row type and the way
their records are numbered and written, which live here too.

The builders run as scripts (``python tests/data/build_x.py``), so this directory is first on ``sys.path`` and
``import corpus_checks`` finds this file; pytest adds it through ``pythonpath`` in ``pyproject.toml``.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

FIVE_POINTS = frozenset({"1", "2", "3", "4", "5"})
CSE_SUBCRITERIA = frozenset(
    {"1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3"}
)
NONE = "NONE"
SUPPORT = "support"
KINDS = frozenset({SUPPORT, "absence", "plan", "mixed"})
# Rows of these styles are not evidence: both label columns are NONE.
NON_EVIDENCE_STYLES = frozenset({"noise", "irrelevant"})
# The evidence styles of the sector-by-sector development corpora. narrative: long sentences touching several
# themes; assessor: the voice of a CSE assessment report; summary: an organisation summarising its assessment;
# staff_short: a short statement about staff.
SECTOR_EVIDENCE_STYLES = frozenset({"narrative", "bullet", "assessor", "summary", "staff_short", "terse"})
SECTOR_COLUMNS = (
    "id",
    "split",
    "text",
    "cm_ref",
    "five_points",
    "five_points_alt",
    "cse_criterion",
    "cse_subcriterion",
    "style",
    "sector",
    "kind",
)


def text_key(text: str) -> str:
    """The form in which two texts count as the same: case-folded, whitespace collapsed."""
    return " ".join(text.casefold().split())


def criterion_of(subcriterion: str) -> str:
    """The CSE criterion of a sub-criterion label (``4.2`` -> ``4``); NONE stays NONE. Derived, never typed."""
    return subcriterion.split(".")[0] if subcriterion != NONE else NONE


def label_problems(
    text: str,
    cm_ref: str,
    five_points: str,
    five_points_alt: str,
    subcriterion: str,
    *,
    evidence: bool,
    kind: str | None = None,
) -> list[str]:
    """The ways a row breaks docs/labeling.md; empty when it is valid.

    ``evidence`` says whether the row's style is evidence; ``kind`` is None for a corpus without a kind column.
    """
    problems: list[str] = []
    if text != text.strip() or not text:
        problems.append("text is empty or has surrounding whitespace")
    if cm_ref != cm_ref.strip():
        problems.append("cm_ref has surrounding whitespace")
    if kind is not None and kind not in KINDS:
        problems.append(f"kind {kind!r} unknown")
    if not evidence:
        labels = (five_points, five_points_alt, subcriterion)
        if labels != (NONE, "", NONE) or kind not in (None, SUPPORT):
            wanted = "NONE / no alt / NONE" + (" / support" if kind is not None else "")
            problems.append(f"non-evidence rows must be {wanted}")
        return problems
    if five_points not in FIVE_POINTS:
        problems.append(f"five_points {five_points!r} not in 1-5")
    if subcriterion not in CSE_SUBCRITERIA:
        problems.append(f"cse_subcriterion {subcriterion!r} unknown")
    if five_points_alt and (five_points_alt not in FIVE_POINTS or five_points_alt == five_points):
        problems.append(f"five_points_alt {five_points_alt!r} invalid")
    return problems


def row_problems(row: Any, *, evidence: bool, kind: str | None = None) -> list[str]:
    """:func:`label_problems` of a row of any corpus's table (its fields are named alike)."""
    return label_problems(row.text, row.cm_ref, row.five_points, row.five_points_alt, row.cse_subcriterion,
                          evidence=evidence, kind=kind)


def raise_problems(where: str, text: str, problems: list[str]) -> None:
    """Raise one ValueError naming the row (its table and the start of its text) and all its problems."""
    if problems:
        raise ValueError(f"{where} row {text[:60]!r}: {'; '.join(problems)}")


class UniqueTexts:
    """Refuses a text seen before in this file, or one of the ``taken`` texts of another file."""

    def __init__(self, taken: Iterable[str] = (), taken_from: str = "another corpus") -> None:
        self._taken = {text_key(text) for text in taken}
        self._taken_from = taken_from
        self._seen: dict[str, str] = {}

    def add(self, where: str, text: str) -> None:
        """Record ``text`` as found in table ``where``; raise ValueError if it repeats."""
        key = text_key(text)
        if key in self._taken:
            raise ValueError(f"{where} text already in {self._taken_from}: {text!r}")
        if key in self._seen:
            raise ValueError(f"duplicate text in {where} (first seen in {self._seen[key]}): {text!r}")
        self._seen[key] = where


def word_set(text: str) -> frozenset[str]:
    """The distinct words of a text, case-folded (letters and digits only), for near-duplicate checks."""
    return frozenset(re.findall(r"[^\W_]+", text.casefold()))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over all words of two word sets (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def near_duplicates(texts: Iterable[str], others: Iterable[str], threshold: float) -> list[tuple[str, str, float]]:
    """Pairs (text, other, similarity) whose word sets have a Jaccard similarity of at least ``threshold``: each
    text against ``others`` and against the texts before it, so a file is checked within itself too.

    Pairs are found by prefix filtering, which is exact: with every word set's words in one order (rarest first), two
    sets at least ``threshold`` alike share a word among the first ``n - ceil(threshold * n) + 1`` of each (n its
    size), so only sets sharing such a word are compared. Comparing every pair grew with the corpus to minutes per
    check; the pairs and their order are the same (per text, in the order the others and earlier texts came)."""
    texts, others = list(texts), list(others)
    sets = [word_set(t) for t in others] + [word_set(t) for t in texts]
    if threshold <= 0:  # every pair qualifies: no word need be shared
        pool = list(zip(others, sets, strict=False))
        found = []
        for text, words in zip(texts, sets[len(others):], strict=True):
            found += [(text, other, similarity) for other, o in pool
                      if (similarity := jaccard(words, o)) >= threshold]
            pool.append((text, words))
        return found
    frequency = Counter(word for words in sets for word in words)

    def prefix(words: frozenset[str]) -> list[str]:
        ordered = sorted(words, key=lambda word: (frequency[word], word))
        # the 1e-9 keeps a product such as 0.8 * 5 from rounding up past a whole number (a longer prefix is safe)
        return ordered[: len(words) - math.ceil(threshold * len(words) - 1e-9) + 1]

    seen: list[tuple[str, frozenset[str]]] = []
    index: dict[str, list[int]] = defaultdict(list)  # a prefix word -> the positions in seen of the sets it starts
    found = []
    for position, (text, words) in enumerate(zip(others + texts, sets, strict=True)):
        if position >= len(others):
            for at in sorted({at for word in prefix(words) for at in index.get(word, ())}):
                other, other_words = seen[at]
                similarity = jaccard(words, other_words)
                if similarity >= threshold:
                    found.append((text, other, similarity))
        for word in prefix(words):
            index[word].append(len(seen))
        seen.append((text, words))
    return found


def corpus_texts(*paths: Path) -> set[str]:
    """The texts of the given corpus CSVs (each has a ``text`` column)."""
    texts: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            texts.update(record["text"] for record in csv.DictReader(handle))
    return texts


def write_records(path: Path, columns: tuple[str, ...], records: list[dict[str, str]]) -> int:
    """Write the records as the corpora's CSV form (UTF-8, ``\\n``, minimal quoting); return how many."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    return len(records)


class Row(NamedTuple):
    """One labeled statement of a sector-by-sector development corpus (the sector comes from its table)."""

    text: str
    five_points: str
    cse_subcriterion: str
    style: str
    kind: str
    five_points_alt: str
    cm_ref: str


def R(text: str, five_points: str, sub: str, style: str, kind: str = SUPPORT, alt: str = "", ref: str = "") -> Row:
    """An evidence row (or a gap about a criterion, by its kind)."""
    return Row(text, five_points, sub, style, kind, alt, ref)


def N(text: str, style: str, ref: str = "") -> Row:
    """A row that is not evidence: both labels NONE."""
    return Row(text, NONE, NONE, style, SUPPORT, "", ref)


def check_sector_row(sector: str, row: Row) -> None:
    """Raise ValueError if a development-corpus row breaks the labeling conventions of docs/labeling.md."""
    known = row.style in NON_EVIDENCE_STYLES or row.style in SECTOR_EVIDENCE_STYLES
    problems = row_problems(row, evidence=row.style not in NON_EVIDENCE_STYLES, kind=row.kind)
    if not known:
        problems = [f"style {row.style!r} unknown"]
    raise_problems(sector, row.text, problems)


def sector_records(
    sectors: Mapping[str, tuple[Row, ...]], prefix: str, unique: UniqueTexts, split: str = "dev"
) -> Iterator[dict[str, str]]:
    """Check every row and yield the CSV records in table order, numbered ``<prefix>0001`` on, all in ``split``."""
    number = 0
    for sector, rows in sectors.items():
        for row in rows:
            check_sector_row(sector, row)
            unique.add(sector, row.text)
            number += 1
            yield sector_record(f"{prefix}{number:04d}", split, sector, row)


def sector_record(rid: str, split: str, sector: str, row: Any, cm_ref: str | None = None) -> dict[str, str]:
    """One CSV record of SECTOR_COLUMNS from a row of any corpus's table (the fields are named alike); the
    criterion is derived from the sub-criterion, and ``cm_ref`` replaces the row's own when given."""
    return {
        "id": rid,
        "split": split,
        "text": row.text,
        "cm_ref": row.cm_ref if cm_ref is None else cm_ref,
        "five_points": row.five_points,
        "five_points_alt": row.five_points_alt,
        "cse_criterion": criterion_of(row.cse_subcriterion),
        "cse_subcriterion": row.cse_subcriterion,
        "style": row.style,
        "sector": sector,
        "kind": row.kind,
    }
