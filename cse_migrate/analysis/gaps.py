"""Gap analysis: for each target criterion, how much evidence, how strong, how fresh, and what to do.

Rules (all thresholds are settings shown in the report's method appendix):

* an item's evidence is *strong* for a criterion when its score reaches ``strong_threshold``;
* it is *stale* when dated more than ``stale_months`` before the as-of date; undated evidence is neither
  fresh nor stale, and is reported as undated; evidence dated after the as-of date is neither either: it is
  listed as "dated after the as-of date" and never counts towards Met (or, in ratings, Compliance);
* strength: ``strong`` with at least ``met_min_strong`` strong items, ``partial`` with any evidence, else ``none``;
* status: **Met** when strength is strong, at least ``met_min_strong`` strong items are fresh, and the
  evidence records no more than ``met_max_findings`` (default 0) gap findings that hold it back (mainly about it,
  or mapped here strongly: :meth:`~cse_migrate.model.ItemResult.holds_back`; an organisation's own
  statement that part of the practice is missing or only planned stands against calling it met); **Gap** with
  no evidence; otherwise **Partially met**.

Only items whose status is *mapped* and whose kind is *support* are evidence (an unmapped item's nearest
criterion is a hint, not evidence). An item that says a practice is missing, lapsed or only planned (kind
*absence* or *plan*, :mod:`cse_migrate.analysis.statements`), and the gap clause of a support item, are *gap
findings*: listed under the criterion they concern, quoted with their source, and never counted as evidence.
In a hierarchical framework (cse-2008) items map to the leaves; a parent's evidence is the evidence of every leaf
below it, each item counted once at its best score. Ratings on the CSE scale are added by
:mod:`cse_migrate.analysis.ratings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cse_migrate.ages import months_before
from cse_migrate.model import CriterionResult, ItemResult, Settings, Status, Strength
from cse_migrate.rules import CriterionLexicon, Framework, Lexicon, lexicon_chain

BEST_COUNT = 3
# How a gap finding is described, by the kind of statement it comes from (a support item's gap clause may be
# either, so it has the general wording).
KIND_WORDS = {"absence": "missing, stopped or not yet done", "plan": "only planned"}


def freshness(item_date: date | None, settings: Settings) -> str:
    """'fresh', 'stale', 'undated' or 'future' (dated after the as-of date: not evidence of the practice then)."""
    if item_date is None:
        return "undated"
    if item_date > settings.as_of:
        return "future"
    return "stale" if item_date < months_before(settings.as_of, settings.stale_months) else "fresh"


def analyse_gaps(framework: Framework, lexicon: Lexicon, results: Sequence[ItemResult],
                 settings: Settings) -> tuple[CriterionResult, ...]:
    out = []
    hierarchical = framework.is_hierarchical
    for criterion in framework.criteria:
        evidence = collect_evidence(results, at_or_below(framework, criterion.id))
        strong = [(r, s) for r, s in evidence if s >= settings.strong_threshold]
        state = {r.item.id: freshness(r.item.date, settings) for r, _ in evidence}
        fresh_strong = [r for r, _ in strong if state[r.item.id] == "fresh"]
        leaves = set(framework.leaves_under(criterion.id))
        findings = collect_findings(results, leaves)
        holding = tuple(r.item.id for r, _ in findings if r.holds_back(leaves, settings.strong_threshold))
        strength: Strength = ("strong" if len(strong) >= settings.met_min_strong
                              else "partial" if evidence else "none")
        status: Status = ("Met" if strength == "strong" and len(fresh_strong) >= settings.met_min_strong
                          and len(holding) <= settings.met_max_findings
                          else "Gap" if not evidence else "Partially met")
        entry = guidance_entry(framework, lexicon, criterion.id)
        stale = tuple(r.item.id for r, _ in evidence if state[r.item.id] == "stale")
        future = tuple(r.item.id for r, _ in evidence if state[r.item.id] == "future")
        counts = {k: sum(1 for v in state.values() if v == k) for k in ("fresh", "stale", "undated", "future")}
        out.append(CriterionResult(
            id=criterion.id, title=criterion.title, status=status, strength=strength,
            evidence_count=len(evidence), strong_count=len(strong), fresh_count=counts["fresh"],
            stale_count=counts["stale"], undated_count=counts["undated"],
            best=tuple(r.item.id for r, _ in evidence[:BEST_COUNT]), stale=stale,
            evidence=tuple((r.item.id, s) for r, s in evidence),
            actions=entry.actions if entry and status != "Met" else (),
            expected_evidence=entry.expected_evidence if entry else (),
            gaps=(*finding_lines(findings, len(holding), settings),
                  *_describe_gaps(len(evidence), len(strong), len(fresh_strong), counts, settings)),
            level=framework.level(criterion.id) if hierarchical else 1, parent=criterion.parent,
            children=tuple(c.id for c in framework.children(criterion.id)),
            findings=tuple(r.item.id for r, _ in findings), future=future, holding_back=holding))
    return tuple(out)


def at_or_below(framework: Framework, cid: str) -> set[str]:
    """``cid`` and every id below it: items map to leaves, and a reviewer may move one to any level."""
    return {c.id for c in framework.criteria if c.id == cid or cid in framework.ancestors(c.id)}


def collect_evidence(results: Sequence[ItemResult], targets: set[str]) -> list[tuple[ItemResult, float]]:
    """Mapped items supporting any of ``targets``, each once at its best score, best first."""
    best: dict[str, tuple[ItemResult, float]] = {}
    for r in results:
        if not r.counts_as_evidence:
            continue
        for m in r.mappings:
            if m.criterion in targets and m.score > best.get(r.item.id, (r, -1.0))[1]:
                best[r.item.id] = (r, m.score)
    return sorted(best.values(), key=lambda pair: (-pair[1], pair[0].item.id))


def collect_findings(results: Sequence[ItemResult], targets: set[str]) -> list[tuple[ItemResult, float]]:
    """Items raising a gap finding in any of ``targets`` (absence and plan items, support items' gap clauses),
    each once at its best score, best first."""
    best: dict[str, tuple[ItemResult, float]] = {}
    for r in results:
        for m in r.gap_routes():
            if m.criterion in targets and m.score > best.get(r.item.id, (r, -1.0))[1]:
                best[r.item.id] = (r, m.score)
    return sorted(best.values(), key=lambda pair: (-pair[1], pair[0].item.id))


def finding_lines(findings: Sequence[tuple[ItemResult, float]], holding: int,
                  settings: Settings) -> tuple[str, ...]:
    """One plain-language gap per finding, quoting the evidence's own words and citing its source, then why the
    findings stand against Met."""
    out = [f"The evidence itself records a gap ({KIND_WORDS.get(r.kind, 'missing or only planned')}): "
           f"\u201c{r.gap_text or r.item.text}\u201d ({r.item.id}, {r.item.source.cite()})." for r, _ in findings]
    if holding > settings.met_max_findings:
        out.append(f"{holding} gap finding(s) about this criterion; Met allows {settings.met_max_findings}: "
                   "close the gap, or show it has been closed since.")
    return tuple(out)


def guidance_entry(framework: Framework, lexicon: Lexicon, cid: str) -> CriterionLexicon | None:
    """The nearest lexicon entry (own, then ancestors') that says what evidence to expect or what to do; an
    element thus shows its sub-criterion's guidance unless its own entry has some."""
    chain = lexicon_chain(framework, lexicon, cid)
    return next((e for e in chain if e.expected_evidence or e.actions), chain[0] if chain else None)


def _describe_gaps(total: int, strong: int, fresh_strong: int, counts: dict[str, int],
                   settings: Settings) -> tuple[str, ...]:
    """Plain-language statements of what is missing."""
    if total == 0:
        return ("No evidence was found for this criterion.",)
    gaps = []
    if strong < settings.met_min_strong:
        gaps.append(f"Only {_count(strong, 'strong item')} of evidence; at least {settings.met_min_strong} "
                    "are needed.")
    if fresh_strong < settings.met_min_strong:
        cutoff = months_before(settings.as_of, settings.stale_months)
        gaps.append(f"{_count(fresh_strong, 'strong item')} dated on or after {cutoff.isoformat()} (the last "
                    f"{settings.stale_months} months); CSE asks for recent evidence.")
    if counts["stale"]:
        gaps.append(f"{_count(counts['stale'], 'item')} out of date: show the practice continues, or replace "
                    "with current evidence.")
    if counts["undated"]:
        gaps.append(f"{_count(counts['undated'], 'item')} without a date: date them so an assessor can judge "
                    "currency.")
    if counts["future"]:
        gaps.append(f"{_count(counts['future'], 'item')} dated after the as-of date ({settings.as_of.isoformat()}): "
                    "not counted towards Met; check the date, or show what was in place by then.")
    return tuple(gaps)


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
