"""The reviewer's round trip: read the decisions made in an evidence workbook and apply them to a run.

A consultant edits the Review sheet of the evidence.xlsx a run wrote (one row per item; a Decision drop-down and
a Comment) and gives the workbook back with ``--review`` (or leaves it in the organisation's folder as
``review.xlsx``). :func:`read_review_form` reads it, refusing with one line per problem (naming the sheet and row)
a workbook that cannot be trusted: another organisation's or framework's, one whose Review sheet is gone, an
unknown decision word or criterion id. :func:`apply_review` then matches every decision to today's items by
fingerprint (:mod:`cse_migrate.reviewing`) and overrides the matcher, after mapping and before gap analysis, so
statuses, ratings, readiness and actions are worked out from the decisions. A decision whose item is gone is
listed, never applied.

What each decision does:

* ``Accept``: the tool's verdict stands, confirmed by the reviewer (a mapping's needs-review flag is cleared);
* ``Reject``: the item is not evidence: it becomes unmapped (a noise line or a folded duplicate too);
* ``Move to ID``: the item is evidence for ID and for nothing else, at the tool's own score for ID when it had
  one, else at its best score (the reviewer decides where the evidence belongs, not how strong it is);
* ``Absence (gap)``: the item says a practice is missing: it stays with the criterion the tool chose (or its
  nearest) as a gap finding (``kind="absence"``), never counted as evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cse_migrate.errors import InputFileError, ReviewError
from cse_migrate.limits import DEFAULT_LIMITS, Limits
from cse_migrate.model import ItemResult, Mapping, RunResult
from cse_migrate.readers import read_tables
from cse_migrate.reviewing import (
    FINGERPRINT_SCHEME,
    META_SHEET,
    REVIEW_COLUMNS,
    REVIEW_SHEET,
    Decision,
    DecisionWordError,
    ReviewMark,
    ReviewSummary,
    UnmatchedDecision,
    fingerprint,
    normalise_text,
    parse_decision,
    place_of,
)
from cse_migrate.rules import Framework

# Columns a decision cannot be read without; the others are read when present.
_REQUIRED = ("Item", "Decision", "Fingerprint")


@dataclass(frozen=True)
class ReviewRow:
    """One row of the Review sheet that carries a decision or a comment."""

    row: int
    item: str
    text: str
    source: str
    status: str
    criterion: str
    fingerprint: str
    place: str
    cm_ref: str
    date: str
    rule: str
    decision: Decision | None
    comment: str


@dataclass(frozen=True)
class ReviewForm:
    """A reviewed workbook: who and what it was made for (its Meta sheet) and its decided rows."""

    file: str
    meta: dict[str, str]
    rows: tuple[ReviewRow, ...]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Checks what a workbook was made for (its Meta sheet, and the file's name for messages) and returns the ids a
# Move may name; raises ReviewError when the workbook does not fit.
FormCheck = Callable[[dict[str, str], str], list[str]]


def read_review_form(path: Path, check: FormCheck, limits: Limits = DEFAULT_LIMITS,
                     password: str | None = None) -> ReviewForm:
    """Read the decisions of a reviewed evidence workbook. ``check`` is handed its Meta sheet first (see
    :func:`fits_run`) and returns the criterion ids a Move may name.

    Raises :class:`ReviewError` with one line per problem, each naming the file, the sheet and the row."""
    name = path.name
    try:
        tables = read_tables(path, name, limits, password)
    except InputFileError as exc:
        raise ReviewError([f"review file {exc}"]) from exc
    sheets = {title.casefold(): rows for title, _hidden, rows in tables}
    if REVIEW_SHEET.casefold() not in sheets:
        raise ReviewError([f"review file {name}: has no '{REVIEW_SHEET}' sheet (it was deleted or renamed); give "
                           f"the evidence.xlsx a run wrote, with its '{REVIEW_SHEET}' sheet, or a copy of it"])
    if META_SHEET.casefold() not in sheets:
        raise ReviewError([f"review file {name}: has no '{META_SHEET}' sheet, so the organisation and framework "
                           "it was made for are unknown; review the evidence.xlsx a run wrote"])
    meta = {_text(r[0]).casefold(): _text(r[1]) for r in sheets[META_SHEET.casefold()][1:] if len(r) >= 2}
    if meta.get("fingerprint_scheme") != FINGERPRINT_SCHEME:
        raise ReviewError([f"review file {name}: sheet {META_SHEET}: fingerprint scheme "
                           f"'{meta.get('fingerprint_scheme', '')}' is not {FINGERPRINT_SCHEME}; review an "
                           "evidence.xlsx written by this version of cse-migrate"])
    ids = check(meta, name)
    return ReviewForm(name, meta, tuple(_decided_rows(name, sheets[REVIEW_SHEET.casefold()], ids)))


def _decided_rows(name: str, rows: list[list[object]], ids: list[str]) -> list[ReviewRow]:
    where = f"review file {name}: sheet {REVIEW_SHEET}"
    if not rows:
        raise ReviewError([f"{where}: is empty; restore its header row and item rows from the evidence.xlsx"])
    header = {_text(v).casefold(): i for i, v in enumerate(rows[0]) if _text(v)}
    missing = [c for c in _REQUIRED if c.casefold() not in header]
    if missing:
        raise ReviewError([f"{where} row 1: no column {', '.join(missing)}; restore the header row the tool "
                           "wrote"])

    def cell(values: list[object], column: str) -> str:
        index = header.get(column.casefold())
        return _text(values[index]) if index is not None and index < len(values) else ""

    problems: list[str] = []
    out: list[ReviewRow] = []
    seen: dict[tuple[str, str], int] = {}
    for number, values in enumerate(rows[1:], start=2):
        said, comment = cell(values, "Decision"), cell(values, "Comment")
        if not said and not comment:
            continue
        decision = None
        if said:
            try:
                decision = parse_decision(said, ids)
            except DecisionWordError as exc:
                problems.append(f"{where} row {number} (item {cell(values, 'Item') or '?'}): {exc}")
                continue
        key = (cell(values, "Fingerprint"), cell(values, "Place"))
        if not key[0]:
            problems.append(f"{where} row {number}: the Fingerprint cell is empty, so the item cannot be "
                            "recognised; make decisions only on rows the tool wrote")
            continue
        if key in seen:
            problems.append(f"{where} row {number}: the same item as row {seen[key]}; keep one of the two rows")
            continue
        seen[key] = number
        item, text, source, status, criterion = (cell(values, c) for c in REVIEW_COLUMNS[:5])
        out.append(ReviewRow(number, item, text, source, status, criterion, key[0], key[1],
                             cell(values, "Legacy ref"), cell(values, "Date"), cell(values, "Rule"), decision,
                             comment))
    if problems:
        raise ReviewError(problems)
    return out


def fits_run(organisation: str, framework: Framework) -> FormCheck:
    """A check that refuses a workbook made for another organisation or framework (its decisions would land on
    the wrong items) and allows a Move to any criterion, sub-criterion or element of ``framework``."""
    def check(meta: dict[str, str], name: str) -> list[str]:
        made_for = meta.get("organisation", "")
        if normalise_text(made_for) != normalise_text(organisation):
            raise ReviewError([f"review file {name}: sheet {META_SHEET} row {_meta_row(meta, 'organisation')}: "
                               f"made for organisation '{made_for}', not '{organisation}'; give this "
                               "organisation's workbook (or run with the same --org)"])
        made_on = meta.get("framework", "")
        if made_on != framework.id:
            raise ReviewError([f"review file {name}: sheet {META_SHEET} row {_meta_row(meta, 'framework')}: made "
                               f"for framework '{made_on}', not '{framework.id}'; run with --framework {made_on}, "
                               "or review a workbook of this framework"])
        return framework_ids(framework)

    return check


def _meta_row(meta: dict[str, str], key: str) -> int:
    """The Meta sheet row a key is on (the header is row 1; keys follow in the order written)."""
    return list(meta).index(key) + 2 if key in meta else 2


def match_rows(results: Sequence[ItemResult], rows: Sequence[ReviewRow]) -> tuple[dict[str, ReviewRow],
                                                                                     list[ReviewRow]]:
    """Item id -> its decided row, and the rows that match no item. A row matches the item with its fingerprint
    at the same place; failing that, the first such item not yet matched (the item moved within its file)."""
    by_key: dict[str, list[ItemResult]] = {}
    for r in results:
        by_key.setdefault(fingerprint(r.item.text, r.item.source.file), []).append(r)
    matched: dict[str, ReviewRow] = {}
    left: list[ReviewRow] = []
    for row in rows:  # exact place first, so that a moved copy cannot take another copy's decision
        exact = next((r for r in by_key.get(row.fingerprint, ()) if place_of(r.item.source) == row.place
                      and r.item.id not in matched), None)
        if exact is not None:
            matched[exact.item.id] = row
        else:
            left.append(row)
    unmatched: list[ReviewRow] = []
    for row in left:
        other = next((r for r in by_key.get(row.fingerprint, ()) if r.item.id not in matched), None)
        if other is not None:
            matched[other.item.id] = row
        else:
            unmatched.append(row)
    return matched, unmatched


def apply_review(results: Sequence[ItemResult], form: ReviewForm) -> tuple[list[ItemResult], ReviewSummary]:
    """Apply every matched decision to its item (see the module docstring); list the decisions that match none."""
    matched, unmatched = match_rows(results, form.rows)
    out = [_decide(r, matched[r.item.id]) if r.item.id in matched else r for r in results]
    out = _refold(out)
    summary = ReviewSummary(form.file, sum(1 for row in form.rows if row.decision is not None),
                            tuple(UnmatchedDecision(row.row, row.item, row.text, row.source,
                                                    row.decision.word if row.decision else "", row.comment)
                                  for row in unmatched))
    return out, summary


def _mark(r: ItemResult, row: ReviewRow) -> ReviewMark:
    top = r.mappings[0] if r.mappings else None
    return ReviewMark(row.decision.word if row.decision else "", row.comment, row.row, r.status,
                      top.criterion if top else None, top.score if top else None,
                      any(m.needs_review for m in r.mappings) and r.status == "mapped", r.kind)


def _decide(r: ItemResult, row: ReviewRow) -> ItemResult:
    mark = _mark(r, row)
    decision = row.decision
    if decision is None:  # a comment alone: carried to the next workbook, applies nothing
        return replace(r, review=mark)
    cleared = tuple(replace(m, needs_review=False) for m in r.mappings)
    if decision.kind == "accept":
        return replace(r, review=mark, mappings=cleared if r.status == "mapped" else r.mappings)
    if decision.kind == "reject":
        said = f"the tool had it as {_said(r)}"
        return replace(r, review=mark, status="unmapped", mappings=cleared[:1], duplicate_of=None, noise_rule=None,
                       note=f"rejected by the reviewer ({said})")
    if decision.kind == "absence":
        if not r.mappings:
            return replace(r, review=mark, status="unmapped", kind="absence", kind_rule=r.kind_rule or "reviewer",
                           duplicate_of=None, noise_rule=None,
                           note="an absence by the reviewer, but no criterion was found for it; use Move to ID "
                                "to place it")
        kept = cleared if r.status == "mapped" else cleared[:1]
        return replace(r, review=mark, status="mapped", mappings=kept, kind="absence",
                       kind_rule=r.kind_rule or "reviewer", duplicate_of=None, noise_rule=None, note="")
    target = decision.target or ""
    own = next((m.score for m in r.mappings if m.criterion == target), None)
    score = own if own is not None else max((m.score for m in r.mappings), default=0.0)
    return replace(r, review=mark, status="mapped", mappings=(Mapping(target, score, (), False),), kind="support",
                   kind_rule="", duplicate_of=None, noise_rule=None, note="")


def _said(r: ItemResult) -> str:
    if r.status == "mapped" and r.mappings:
        return f"evidence for {r.mappings[0].criterion} at {r.mappings[0].score:.2f}"
    if r.status == "noise":
        return f"noise ({r.noise_rule})"
    if r.status == "duplicate":
        return f"a duplicate of {r.duplicate_of}"
    return "unmapped"


def _refold(results: list[ItemResult]) -> list[ItemResult]:
    """A duplicate the reviewer unfolded is no longer one of its kept item's copies."""
    unfolded = {r.item.source for r in results
                if r.review is not None and r.review.tool_status == "duplicate" and r.status != "duplicate"}
    if not unfolded:
        return results
    return [replace(r, also_found_in=tuple(s for s in r.also_found_in if s not in unfolded))
            if r.also_found_in else r for r in results]


def framework_ids(framework: Framework) -> list[str]:
    """The ids a decision may move an item to: every criterion, sub-criterion and element, in framework order."""
    return [c.id for c in framework.criteria]


def describe_review(result: RunResult) -> tuple[str, list[str]]:
    """In words, for the terminal: one line on the decisions applied, and a warning for each decision whose item
    is gone (never applied). Empty when no review file was applied."""
    review = result.review
    if review is None:
        return "", []
    n = review.counts(r.review for r in result.items)
    summary = (f"Review {review.file}: {n['applied']} decision(s) applied ({n['confirmed']} confirmed, "
               f"{n['moved']} moved, {n['rejected']} rejected, {n['absence']} absence), {n['unmatched']} not applied")
    warnings = [f"review file {review.file}: sheet Review row {u.row}: item {u.item} ('{u.text[:60]}', {u.source}) "
                f"is no longer in the evidence; {f'decision {u.decision!r}' if u.decision else 'comment'} not applied"
                for u in review.unmatched]
    return summary, warnings
