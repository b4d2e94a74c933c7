"""The reviewer's vocabulary and the item fingerprint: shared by the workbook that asks for decisions, the stage
that applies them and the export that turns them into rule tests.

A decision is one of ``Accept``, ``Reject``, ``Absence (gap)`` or ``Move to ID`` (ID a criterion, sub-criterion
or element of the target framework), read without regard to case or extra spaces.

An item is recognised across runs by its *fingerprint*: a hash of its normalised text (Unicode NFKC, case folded,
white space collapsed) and the file it came from, plus its *place* in that file (sheet, page, table, row,
paragraph). Item ids (E00001...) follow input order, so adding a file or a row renumbers them; the fingerprint
does not change when other items are added, removed, moved or edited. When the same text occurs more than once
in one file, the place tells the copies apart.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

# Written into every evidence workbook; a workbook made with another scheme is refused rather than misread.
FINGERPRINT_SCHEME = "cse-fp-1"
# The file an organisation's input folder may hold with its reviewed decisions (never read as evidence).
REVIEW_FILE_NAME = "review.xlsx"

# The sheets of the evidence workbook that make it a review form. The Review sheet's columns, in order; the
# reader finds them by header (case ignored), so a reviewer may move or hide columns. Those from Fingerprint on
# are hidden: they are for the tool.
REVIEW_SHEET = "Review"
META_SHEET = "Meta"
LISTS_SHEET = "Lists"
REVIEW_COLUMNS = ("Item", "Evidence", "Source", "Status", "Criterion", "Score", "Needs review", "Decision", "Comment",
                  "Fingerprint", "Place", "Legacy ref", "Date", "Rule")
HIDDEN_FROM = REVIEW_COLUMNS.index("Fingerprint")

ACCEPT = "Accept"
REJECT = "Reject"
ABSENCE = "Absence (gap)"
MOVE_PREFIX = "Move to "

DecisionKind = Literal["accept", "reject", "absence", "move"]
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on one item: its kind and, for a move, the criterion it moves to."""

    kind: DecisionKind
    target: str | None = None

    @property
    def word(self) -> str:
        """The decision as the drop-down spells it."""
        if self.kind == "move":
            return f"{MOVE_PREFIX}{self.target}"
        return {"accept": ACCEPT, "reject": REJECT, "absence": ABSENCE}[self.kind]


class DecisionWordError(ValueError):
    """A decision cell holds something that is not one of the decision words."""


def decision_words(criterion_ids: Iterable[str]) -> list[str]:
    """Every word the Decision drop-down offers, in order: Accept, Reject, Absence (gap), then one Move per id."""
    return [ACCEPT, REJECT, ABSENCE, *(f"{MOVE_PREFIX}{cid}" for cid in criterion_ids)]


def parse_decision(text: str, criterion_ids: Iterable[str]) -> Decision:
    """Read a decision cell (case and spacing ignored). Raises :class:`DecisionWordError` saying what is wrong."""
    said = _SPACES.sub(" ", text).strip()
    folded = said.casefold()
    for word, kind in ((ACCEPT, "accept"), (REJECT, "reject"), (ABSENCE, "absence")):
        if folded == word.casefold():
            return Decision(kind)  # type: ignore[arg-type]
    if folded.startswith(MOVE_PREFIX.casefold().strip()):
        target = said[len(MOVE_PREFIX.strip()):].strip()
        by_fold = {cid.casefold(): cid for cid in criterion_ids}
        if target.casefold() in by_fold:
            return Decision("move", by_fold[target.casefold()])
        raise DecisionWordError(f"'{said}': '{target}' is not a criterion, sub-criterion or element id of this "
                                "framework; pick a 'Move to' entry from the drop-down")
    raise DecisionWordError(f"'{said}' is not a decision; use one of Accept, Reject, Absence (gap) or "
                            "Move to ID (the drop-down lists them)")


def normalise_text(text: str) -> str:
    """Text as the fingerprint sees it: NFKC, case folded, white space collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


class Place(Protocol):
    """Where an item sits in its file (:class:`cse_migrate.model.Source` is one)."""

    @property
    def sheet(self) -> str | None: ...
    @property
    def page(self) -> int | None: ...
    @property
    def table(self) -> int | None: ...
    @property
    def row(self) -> int | None: ...
    @property
    def paragraph(self) -> int | None: ...


def fingerprint(text: str, file: str) -> str:
    """An item's stable key: its normalised text and the file it came from (the place is kept apart)."""
    digest = hashlib.sha256(f"{FINGERPRINT_SCHEME}\n{file}\n{normalise_text(text)}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


def place_of(source: Place) -> str:
    """Where in its file an item sits, e.g. ``sheet Log row 12`` or ``page 2 para 3`` (file name excluded)."""
    parts = []
    for key in ("sheet", "page", "table", "row", "paragraph"):
        value = getattr(source, key)
        if value is not None:
            parts.append(f"{key} {value}")
    return " ".join(parts)


@dataclass(frozen=True)
class ReviewMark:
    """A reviewer's decision applied to one item (issue 14), and what the tool had said before it.

    ``decision`` is the word as the drop-down spells it ("Accept", "Move to 1.2"); empty for a row that carries
    only a comment (kept for the next workbook, applies nothing)."""

    decision: str
    comment: str
    row: int  # the row of the Review sheet it was read from
    tool_status: str  # mapped, unmapped, noise or duplicate
    tool_criterion: str | None  # the tool's top (or nearest) criterion
    tool_score: float | None
    tool_needs_review: bool
    tool_kind: str = "support"  # support, absence or plan

    @property
    def verdict(self) -> str:
        """How the reports describe it: "confirmed", "moved", "rejected", "absence" (or "" for comment only)."""
        if not self.decision:
            return ""
        head = self.decision.split()[0].casefold()
        return {"accept": "confirmed", "move": "moved", "reject": "rejected", "absence": "absence"}.get(head, "")




@dataclass(frozen=True)
class UnmatchedDecision:
    """A decision in the review file whose item is no longer among the evidence: listed, never applied."""

    row: int
    item: str  # the item id the workbook showed
    text: str
    source: str
    decision: str
    comment: str


@dataclass(frozen=True)
class ReviewSummary:
    """The review file a run applied: its name, how many decisions it held and those that matched no item."""

    file: str
    decisions: int  # rows with a decision
    unmatched: tuple[UnmatchedDecision, ...]

    def counts(self, marks: Iterable[ReviewMark | None]) -> dict[str, int]:
        """Decided items by verdict (confirmed, moved, rejected, absence), applied in total, and unmatched."""
        out = {"confirmed": 0, "moved": 0, "rejected": 0, "absence": 0}
        for mark in marks:
            if mark is not None and mark.verdict:
                out[mark.verdict] += 1
        out["applied"] = sum(out.values())
        out["unmatched"] = len(self.unmatched)
        return out
