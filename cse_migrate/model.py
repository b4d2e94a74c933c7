"""The one evidence model every stage shares.

Parsers emit :class:`RawItem` (text plus provenance). The pipeline turns them into :class:`EvidenceItem`
(numbered, reference normalised, duplicates folded), maps them (:class:`ItemResult` with :class:`Mapping` and
:class:`Reason`), analyses gaps (:class:`CriterionResult`) and hands a :class:`RunResult` to the report writers.
All classes are frozen so that no stage can change what an earlier one decided.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, fields
from datetime import date
from typing import ClassVar, Literal

from cse_migrate.reviewing import ReviewMark, ReviewSummary
from cse_migrate.verdicts import Projection, Rating, Readiness, SettingUsed

ItemStatus = Literal["mapped", "unmapped", "noise", "duplicate"]
Status = Literal["Met", "Partially met", "Gap"]
Strength = Literal["strong", "partial", "none"]
# How old an item is at the as-of date: "old" is before the stale cut-off, "future" is dated after the as-of date.
Freshness = Literal["recent", "old", "undated", "future"]
# Names of hierarchy levels, by depth (1 = top). Deeper levels are called "level N".
LEVEL_NAMES = ("criterion", "sub-criterion", "element")


def level_name(depth: int) -> str:
    """"criterion", "sub-criterion", "element" (or "level N" deeper down) for a criterion at ``depth``."""
    return LEVEL_NAMES[depth - 1] if 1 <= depth <= len(LEVEL_NAMES) else f"level {depth}"


# The classes a run makes once per item, mapping or reason have __slots__: a run of 200,000 items holds
# millions of them, and an instance without a __dict__ takes about half the memory.
@dataclass(frozen=True, slots=True)
class Source:
    """Where one piece of evidence came from. Unused fields stay None."""

    file: str
    extractor: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    paragraph: int | None = None
    table: int | None = None
    hidden: bool = False  # came from a hidden sheet: read, but a reviewer should know
    page: int | None = None  # PDF page (1-based); ``paragraph`` then counts within that page
    within: str | None = None  # where a nested table sits in its outer table ("table 1 row 3")

    def cite(self) -> str:
        """A short human citation such as ``log.csv row 12``, ``plan.xlsx!Crit 2 row 7`` or ``app.pdf page 3
        para 2``."""
        first = f"{self.file}!{self.sheet}" if self.sheet is not None else self.file
        hidden = ["(hidden sheet)"] if self.hidden else []
        return " ".join([first, *self.places(short=True), *hidden])

    def places(self, short: bool = False) -> list[str]:
        """The place inside the file, outermost first: ``["page 3", "table 2", "row 7"]``. ``short`` (the
        technical citation) adds the nested table's place and the column, and abbreviates paragraphs."""
        parts = [] if self.page is None else [f"page {self.page}"]
        if self.table is not None:
            parts.append(f"table {self.table}")
        if short and self.within is not None:
            parts.append(f"(in {self.within})")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if short and self.column is not None:
            parts.append(f"col {self.column}")
        if self.paragraph is not None:
            parts.append(f"{'para' if short else 'paragraph'} {self.paragraph}")
        return parts

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"file": self.file}
        for key in ("sheet", "page", "row", "column", "paragraph", "table", "within"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.hidden:
            out["hidden"] = True
        return out


@dataclass(frozen=True, slots=True)
class RawItem:
    """What a parser emits: one candidate evidence statement with its provenance.

    ``cm_ref`` is the reference written beside the text; ``context_ref`` is a reference implied by where the text
    sits (the sheet's name, the heading above it). Both are raw strings; the pipeline normalises them.
    """

    text: str
    source: Source
    cm_ref: str | None = None
    context_ref: str | None = None
    date: date | None = None
    date_text: str | None = None
    owner: str | None = None


@dataclass(frozen=True)
class FileRead:
    """The result of reading one file, with accounting so a reviewer can see that nothing vanished."""

    file: str
    format: str
    items: tuple[RawItem, ...]
    units_read: int  # rows or paragraphs looked at
    skipped_blank: int  # of which blank or without text
    skipped_other: int = 0  # headers, title rows, page furniture (not evidence by construction)
    # What a reviewer should know about how the file was read: text cut at the cell limit, a big workbook
    # streamed without its merged cells, the converter used for a legacy .doc. Shown in every report.
    notes: tuple[str, ...] = ()
    # Pieces deliberately not read, outside the units above (page headers and footers, comments, footnotes,
    # tracked deletions, images' descriptions): how many, each kind explained in ``notes``.
    not_read: int = 0


@dataclass(frozen=True)
class FileError:
    """An input file that could not be read, and why."""

    file: str
    message: str


@dataclass(frozen=True, slots=True)
class CMRef:
    """A normalised legacy reference: ``raw`` as written, ``criterion`` ("2") and ``full`` ("2.1.3")."""

    raw: str
    criterion: str
    full: str


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One evidence item after normalisation. ``id`` follows input order (E0001, E0002, ...)."""

    id: str
    text: str
    source: Source
    cm_ref: CMRef | None = None
    ref_from_context: bool = False  # the reference came from the sheet or heading, not from the row itself
    date: date | None = None
    date_text: str | None = None
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason behind a mapping score: a matched phrase, a crosswalk rule, a context hint or a penalty."""

    kind: Literal["phrase", "crosswalk", "against", "semantic", "classifier"]
    detail: str  # the phrase as written in the lexicon, or the crosswalk rule id
    matched: str  # the words of the evidence that matched (empty for crosswalk reasons)
    contribution: float  # raw points added (negative for penalties)
    rule: str  # the rules file the reason comes from

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "detail": self.detail,
            "matched": self.matched,
            "contribution": round(self.contribution, 4),
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Mapping:
    """An item supports a criterion with a score in [0, 1] for these reasons."""

    criterion: str
    score: float
    reasons: tuple[Reason, ...]
    needs_review: bool = False  # in the band where measured accuracy drops: a person should check it
    confidence: float | None = None  # a best mapping's estimated chance of being right (None: no estimate)


EvidenceKind = Literal["support", "absence", "plan"]


# how the note of an item left unmapped by the trained classifier's "not evidence" reading begins (not_evidence_at)
NOT_EVIDENCE_NOTE = "the trained classifier reads it as not evidence"


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The fate of one evidence item. Every item read ends as exactly one of the four statuses."""

    item: EvidenceItem
    status: ItemStatus
    mappings: tuple[Mapping, ...] = ()
    duplicate_of: str | None = None  # for status "duplicate": the id of the item kept
    also_found_in: tuple[Source, ...] = ()  # for a kept item: the places its duplicates came from
    noise_rule: str | None = None  # for status "noise": the rule that recognised it
    note: str = ""  # why unmapped, in words
    freshness: Freshness = "undated"  # set by the pipeline from the item's date, the as-of date and stale months
    # What the item says (issue 9): "support" is evidence of a practice; "absence" says a practice is missing,
    # stopped or lapsed; "plan" says it is only intended. Absence and plan items are still mapped to the criterion
    # they concern, but as gap findings: they never count as evidence towards statuses or ratings.
    kind: EvidenceKind = "support"
    # For a support item that also states a plan ("81% satisfied ... we intend to re-establish a panel"): the
    # plan clause, quoted, raised as a gap finding while the fact stays evidence. Empty otherwise.
    gap_text: str = ""
    # The absence/plan rule that recognised the statement (id from mappings/), for explanations.
    kind_rule: str = ""
    # For a support item with a gap_text: where that gap belongs (the gap clause scored on its own). An absence or
    # plan item's gap goes where the item is mapped, so this stays empty for it; use :meth:`gap_routes`.
    gap_mappings: tuple[Mapping, ...] = ()

    @property
    def counts_as_evidence(self) -> bool:
        """Mapped and a statement of a practice in place: only such items count towards statuses and ratings."""
        return self.status == "mapped" and self.kind == "support"

    def gap_routes(self) -> tuple[Mapping, ...]:
        """The criteria this item raises a gap finding in: an absence or plan item's own mappings, or the
        mappings of a support item's gap clause; empty when the item states no gap."""
        if self.status != "mapped":
            return ()
        if self.kind != "support":
            return self.mappings
        # a gap clause that was not scored on its own (an item built by hand) goes with its item's first criterion
        return (self.gap_mappings or self.mappings[:1]) if self.gap_text else ()

    def holds_back(self, part: Collection[str], strong: float) -> bool:
        """Whether the gap this item states stands against a part (``part``: its id and the ids below it): when
        the part is what the gap is mainly about (its best route), however sure that mapping, or when it is mapped
        there at a ``strong`` score. An organisation's own word that a practice is missing is not outweighed by how
        surely the matcher placed it; only the parts it touches in passing need a strong mapping."""
        routes = self.gap_routes()
        return bool(routes) and (routes[0].criterion in part
                                 or any(m.criterion in part and m.score >= strong for m in routes))
    review: ReviewMark | None = None  # the reviewer's decision on this item, when a review file was applied


@dataclass(frozen=True)
class CriterionResult:
    """Gap analysis for one target criterion."""

    id: str
    title: str
    status: Status
    strength: Strength
    evidence_count: int
    strong_count: int
    fresh_count: int
    stale_count: int
    undated_count: int
    best: tuple[str, ...]  # item ids, best first
    stale: tuple[str, ...]  # item ids of stale evidence
    evidence: tuple[tuple[str, float], ...]  # (item id, score) for every mapped item, best first
    actions: tuple[str, ...]
    expected_evidence: tuple[str, ...]
    gaps: tuple[str, ...]  # plain-language statements of what is missing
    # Hierarchical frameworks (cse-2008) only; a flat framework keeps the defaults. A parent's evidence is the
    # evidence of the leaves below it; its rating is derived from its children's (cse_migrate/analysis/ratings.py).
    level: int = 1  # 1 criterion, 2 sub-criterion, 3 element
    parent: str | None = None
    children: tuple[str, ...] = ()
    rating: Rating | None = None
    rating_reasons: tuple[str, ...] = ()  # why the rating is what it is, in words
    # Gap findings (issue 9): items that say a practice here is missing, lapsed or only planned, and support items
    # whose gap clause belongs here; item ids, best score first. They are never counted as evidence.
    findings: tuple[str, ...] = ()
    # Evidence dated after the as-of date: listed, counted in evidence_count, never towards Met or Compliance.
    future: tuple[str, ...] = ()
    # The two axes a reader needs apart (cse_migrate/analysis/coverage.py). Coverage: what the content shows
    # whatever its age (a status for a flat framework, a rating for a hierarchical one). Held back: which axis
    # keeps the status or rating below the top one: "coverage" (not enough strong evidence), "currency" (the
    # evidence is there but out of date or undated), both, or neither.
    coverage: str = ""
    held_back: tuple[str, ...] = ()
    # Of the findings, those that hold this part back (ItemResult.holds_back): mainly about it, or mapped here
    # strongly. Decided once, where the findings are collected; statuses, ratings and the report read it.
    holding_back: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleFileInfo:
    """A rules file that took part in the run, with its checksum, for the report's method appendix.

    ``path`` is relative to the file's source: ``bundled:lexicons/cse-2008.yaml``, ``acme-base:noise.yaml``."""

    path: str
    sha256: str


@dataclass(frozen=True)
class PackInfo:
    """A rules pack a run used (the bundled rules first), as results.json and the reports record it.

    ``sha256`` is a checksum over the pack's files (their relative paths and contents), so two runs can tell
    whether they used the very same pack."""

    id: str
    version: str
    title: str
    provider: str
    licence: str
    sha256: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version, "title": self.title, "provider": self.provider,
                "licence": self.licence, "sha256": self.sha256}


@dataclass(frozen=True)
class Settings:
    """The knobs of one run: its as-of date and organisation, one typed field per setting of the specification
    (:mod:`cse_migrate.rules.settings`, which builds this object and holds each setting's range, default and
    meaning), whether the semantic matcher was on, and every setting as used, with its source."""

    as_of: date
    organisation: str
    map_threshold: float
    strong_threshold: float
    secondary_ratio: float
    stale_months: int
    met_min_strong: int
    # Gap findings (the evidence saying a practice is missing, lapsed or only planned) about a criterion that it
    # may carry and still be Met (see ItemResult.holds_back).
    met_max_findings: int
    duplicate_similarity: float
    crosswalk_weight: float
    context_weight: float
    score_scale: float
    fuzzy_cutoff: float
    phrase_window: int
    review_below: float
    review_margin: float
    semantic_weight: float
    classifier_weight: float
    not_evidence_at: float
    not_evidence_from_at: float
    semantic_temperature: float
    embedding_weight: float
    embedding_alone: float
    review_dissent: int
    tuned_weight: float
    tuned_share: float
    compliance_plus_min_strong: int
    compliance_plus_min_sources: int
    compliance_min_strong: int
    compliance_max_findings: int
    readiness_min_compliance_share: float
    readiness_max_partial: int
    readiness_max_not_evidenced: int
    semantic: bool = False
    used: tuple[SettingUsed, ...] = ()  # every setting with its value, meaning, provenance and source

    # The fields above that describe the run rather than being settings of the specification.
    RUN_FIELDS: ClassVar[tuple[str, ...]] = ("as_of", "organisation", "semantic", "used")

    def values(self) -> dict[str, float | int]:
        """Every setting's value, by name, in the specification's order."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in self.RUN_FIELDS}


@dataclass(frozen=True)
class CriterionNode:
    """One criterion of the target framework as the run saw it: its place in the tree and its title."""

    id: str
    title: str
    parent: str | None
    level: int  # 1 criterion, 2 sub-criterion, 3 element


@dataclass(frozen=True)
class FrameworkSnapshot:
    """The target framework a run used (levels, parents, titles), so report writers decide nothing again."""

    id: str
    title: str
    criteria: tuple[CriterionNode, ...]  # in framework order

    @property
    def hierarchical(self) -> bool:
        """True for a framework of criteria, sub-criteria (and elements); False for a flat one (five-points)."""
        return any(c.parent is not None for c in self.criteria)

    def level_name(self, cid: str) -> str:
        node = next((c for c in self.criteria if c.id == cid), None)
        return level_name(node.level) if node is not None else ""


@dataclass(frozen=True)
class RunResult:
    """Everything a run found; report writers read only this."""

    tool_version: str
    framework_id: str
    framework_title: str
    criteria_titles: tuple[tuple[str, str], ...]  # (id, title) in framework order
    rules_version: str
    rule_files: tuple[RuleFileInfo, ...]
    settings: Settings
    inputs: tuple[str, ...]
    files: tuple[FileRead, ...]
    errors: tuple[FileError, ...]
    items: tuple[ItemResult, ...]
    criteria: tuple[CriterionResult, ...]
    framework: FrameworkSnapshot  # the target framework's tree, as used
    extra: dict[str, object] = field(default_factory=dict)
    readiness: Readiness | None = None  # hierarchical frameworks only: are we ready for assessment?
    legacy_titles: tuple[tuple[str, str], ...] = ()  # (id, title) of the legacy framework references cite
    projection: Projection | None = None  # the same result read against another framework, via crosswalks
    rule_packs: tuple[PackInfo, ...] = ()  # the bundled rules and each pack given, in the order they apply
    skipped: tuple[str, ...] = ()  # folders and files left out as cse-migrate's own output, each with why
    review: ReviewSummary | None = None  # the review file applied (--review or review.xlsx), if any

    def item_by_id(self) -> dict[str, ItemResult]:
        """Items by id, made once per result (report writers ask part by part; a run may hold 200,000 items).
        Read it, never change it: every caller shares it."""
        index: dict[str, ItemResult] | None = self.__dict__.get("_item_index")
        if index is None:
            index = {r.item.id: r for r in self.items}
            object.__setattr__(self, "_item_index", index)  # a cache, not a field: frozen fields stay as they were
        return index

    def counts(self) -> dict[str, int]:
        """Counts that add up: read = mapped + unmapped + noise + duplicate."""
        out = {"mapped": 0, "unmapped": 0, "noise": 0, "duplicate": 0}
        for r in self.items:
            out[r.status] += 1
        out["read"] = len(self.items)
        out["needs_review"] = sum(1 for r in self.items if any(m.needs_review for m in r.mappings)
                                  and r.status == "mapped")
        out["files_read"] = len(self.files)
        out["files_unreadable"] = len(self.errors)
        return out
