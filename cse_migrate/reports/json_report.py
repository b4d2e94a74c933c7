"""results.json: everything the report says, machine-readable. The contract is documented in the README.

``schema_version`` changes only when a field is removed or changes meaning; new fields may be added at any
time, so readers should ignore fields they do not know.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cse_migrate.model import CriterionResult, ItemResult, Mapping, RunResult
from cse_migrate.output import atomic_write, clean_text
from cse_migrate.reports.actions import draft_actions
from cse_migrate.reports.common import FileTally, tally_files
from cse_migrate.reviewing import ReviewMark, ReviewSummary
from cse_migrate.verdicts import Projection, Readiness

SCHEMA_VERSION = "1.0"

def _mapping(m: Mapping) -> dict[str, Any]:
    out: dict[str, Any] = {"criterion": m.criterion, "score": m.score, "needs_review": m.needs_review}
    if m.confidence is not None:  # the best mapping's estimated chance of being right (README, "needs review")
        out["confidence"] = m.confidence
    return out | {"reasons": [r.as_dict() for r in m.reasons]}


def _item(r: ItemResult) -> dict[str, Any]:
    item = r.item
    out: dict[str, Any] = {"id": item.id, "text": item.text, "source": item.source.as_dict()}
    if item.cm_ref is not None:
        out["cm_ref"] = {"raw": item.cm_ref.raw, "criterion": item.cm_ref.criterion, "full": item.cm_ref.full,
                         "from_context": item.ref_from_context}
    if item.date is not None:
        out["date"] = item.date.isoformat()
    if item.date_text:
        out["date_text"] = item.date_text
    if item.owner:
        out["owner"] = item.owner
    out["status"] = r.status
    out["mappings"] = [_mapping(m) for m in r.mappings] if r.status == "mapped" else []
    if r.status == "unmapped":
        out["note"] = r.note
        if r.mappings:
            out["nearest"] = _mapping(r.mappings[0])
    if r.duplicate_of:
        out["duplicate_of"] = r.duplicate_of
    if r.also_found_in:
        out["also_found_in"] = [s.as_dict() for s in r.also_found_in]
    if r.noise_rule:
        out["noise_rule"] = r.noise_rule
    out["kind"] = r.kind
    if r.kind_rule:
        out["kind_rule"] = r.kind_rule
    if r.gap_text:
        out["gap_text"] = r.gap_text
        out["gap_mappings"] = [_mapping(m) for m in r.gap_mappings]
    if r.freshness == "future":
        out["dated_after_as_of"] = True
    if r.review is not None and r.review.decision:
        out["review"] = _review_mark(r.review)
    return out


def _review_mark(mark: ReviewMark) -> dict[str, Any]:
    """A decided item's ``review`` block: the decision, the comment, and what the tool had said."""
    return {"decision": mark.decision, "verdict": mark.verdict, "comment": mark.comment, "row": mark.row,
            "tool": {"status": mark.tool_status, "criterion": mark.tool_criterion, "score": mark.tool_score,
                     "needs_review": mark.tool_needs_review, "kind": mark.tool_kind}}


def review_block(review: ReviewSummary, items: tuple[ItemResult, ...]) -> dict[str, Any]:
    """The review file applied: its name, decisions by verdict, and every decision that matched no item."""
    return {"file": review.file, "decisions": review.decisions,
            "counts": review.counts(r.review for r in items),
            "unmatched": [{"row": u.row, "item": u.item, "text": u.text, "source": u.source,
                           "decision": u.decision, "comment": u.comment} for u in review.unmatched]}


def files_list(result: RunResult) -> list[dict[str, Any]]:
    """Accounting per file: ``units_read = blank + structure + items`` and ``items = evidence + noise +
    duplicates``; ``not_read`` counts pieces deliberately left out (headers and footers, comments, deleted text),
    each kind explained in ``notes``, which also say how the file was read (text cut, streaming, converter)."""
    tallies = tally_files(result)
    out = []
    for f in result.files:
        tally = tallies.get(f.file, FileTally())
        out.append({"file": f.file, "format": f.format, "units_read": f.units_read, "blank": f.skipped_blank,
                    "structure": f.skipped_other, "items": len(f.items), "evidence": tally.evidence,
                    "noise": tally.noise, "duplicates": tally.duplicates, "not_read": f.not_read,
                    "notes": list(f.notes)})
    return out


def settings_block(result: RunResult) -> dict[str, Any]:
    """Every setting used, by name, then whether the semantic matcher was on, the run's other options (legacy
    framework, reading limits) and where each setting's value came from (bundled, pack or command line)."""
    s = result.settings
    return {**s.values(), "semantic": s.semantic,
            **{k: v for k, v in result.extra.items() if isinstance(v, str | int | float)},
            "sources": {u.name: u.source for u in s.used}}


class ItemDicts:
    """The ``items`` list of results.json, made one item at a time as it is written: the dictionaries of
    200,000 items at once took more memory than the rest of the run."""

    def __init__(self, items: tuple[ItemResult, ...]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(_item, self.items)


def to_results_dict(result: RunResult) -> dict[str, Any]:
    """The whole of results.json as a dictionary."""
    return results_document(result, lazy_items=False)


def results_document(result: RunResult, lazy_items: bool) -> dict[str, Any]:
    """The results.json document; with ``lazy_items`` (and any items) ``items`` is an :class:`ItemDicts`."""
    s = result.settings
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool_version": result.tool_version,
        "organisation": s.organisation,
        "as_of": s.as_of.isoformat(),
        "framework": {"id": result.framework_id, "title": result.framework_title,
                      "criteria": [{"id": cid, "title": title} for cid, title in result.criteria_titles]},
        "rules": {"version": result.rules_version,
                  "packs": [p.as_dict() for p in result.rule_packs],
                  "files": [{"path": f.path, "sha256": f.sha256} for f in result.rule_files]},
        "settings": settings_block(result),
        "criteria": [{
            "id": c.id, "title": c.title, "status": c.status, "strength": c.strength,
            "evidence_count": c.evidence_count, "strong_count": c.strong_count, "fresh_count": c.fresh_count,
            "stale_count": c.stale_count, "undated_count": c.undated_count, "best": list(c.best),
            "stale": list(c.stale), "evidence": [{"item": i, "score": sc} for i, sc in c.evidence],
            "gaps": list(c.gaps), "actions": list(c.actions), "expected_evidence": list(c.expected_evidence),
            "findings": list(c.findings), "dated_after_as_of": list(c.future),
            "coverage": c.coverage, "held_back": list(c.held_back),
        } for c in result.criteria],
        "items": ItemDicts(result.items) if lazy_items and result.items else [_item(r) for r in result.items],
        "files": files_list(result),
        "errors": [{"file": e.file, "message": e.message} for e in result.errors],
        "summary": result.counts(),
    }
    if result.skipped:  # only when there were any, so results.json is unchanged for every other run
        out["skipped"] = list(result.skipped)
    # additive (schema 1.0 kept): the actions drawn from the evidence, most urgent first, as the report lists them
    out["action_plan"] = [{"priority": a.priority_name, "kind": a.kind, "part": a.part, "action": a.text,
                           "item": a.item or None, "quote": a.quote or None, "where": a.where or None}
                          for a in draft_actions(result)]
    add_hierarchy(out, result)
    if result.projection is not None:
        out["projection"] = _projection(result.projection)
    if result.review is not None:
        out["review"] = review_block(result.review, result.items)
    return out


def is_hierarchical(result: RunResult) -> bool:
    """True for a run against a framework with sub-criteria (cse-2008); five-points is flat."""
    return result.framework.hierarchical


def add_hierarchy(out: dict[str, Any], result: RunResult) -> None:
    """For a hierarchical run, add (never rename) fields: each criterion's level, parent, children and estimated
    rating; a nested ``hierarchy`` (criteria with their sub-criteria and elements); and ``readiness``."""
    if not is_hierarchical(result):
        return
    by_id = {c.id: c for c in result.criteria}
    for entry in out["framework"]["criteria"]:
        node = by_id[entry["id"]]
        entry.update({"level": node.level, "parent": node.parent})
    for entry, node in zip(out["criteria"], result.criteria, strict=True):
        entry.update({"level": node.level, "parent": node.parent, "children": list(node.children),
                      "rating": node.rating, "rating_reasons": list(node.rating_reasons)})

    def tree(node: CriterionResult) -> dict[str, Any]:
        return {"id": node.id, "title": node.title, "level": node.level, "rating": node.rating,
                "status": node.status, "evidence_count": node.evidence_count,
                "children": [tree(by_id[cid]) for cid in node.children]}

    out["hierarchy"] = [tree(c) for c in result.criteria if c.parent is None]
    if result.readiness is not None:
        out["readiness"] = _readiness(result.readiness)


def _readiness(readiness: Readiness) -> dict[str, Any]:
    return {
        "ready": readiness.ready, "summary": readiness.summary,
        "criteria": [{"id": c.id, "title": c.title, "ready": c.ready, "leaves": c.leaves,
                      "counts": dict(c.counts), "compliance_share": round(c.compliance_share, 4),
                      "reasons": list(c.reasons)} for c in readiness.criteria],
        "settings": [{"name": u.name, "value": u.value, "meaning": u.meaning, "provenance": u.provenance}
                     for u in readiness.settings],
    }


def _projection(projection: Projection) -> dict[str, Any]:
    return {
        "source": projection.source, "target": projection.target, "target_title": projection.target_title,
        "note": projection.note,
        "criteria": [{"id": p.id, "title": p.title, "indicative": p.indicative, "evidence": list(p.evidence),
                      "sources": [{"criterion": cid, "title": title, "reading": reading,
                                   "relationship": relationship, "strength": strength}
                                  for cid, title, reading, relationship, strength in p.sources]}
                     for p in projection.criteria],
    }


def write_results_json(result: RunResult, path: Path) -> None:
    """Write results.json atomically, line by line (see :func:`results_json_lines`)."""
    document = results_document(result, lazy_items=True)

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="\n") as out:
            for line in results_json_lines(document):
                try:
                    line.encode("utf-8")
                except UnicodeEncodeError:
                    # JSON escapes C0 controls itself; what it passes through raw and UTF-8 cannot encode (a
                    # lone surrogate in a message or a name) is replaced here, the last step before writing
                    line = clean_text(line)
                out.write(line)

    atomic_write(path, write)


def results_json_text(document: dict[str, Any]) -> str:
    """The document as results.json writes it (see :func:`results_json_lines`)."""
    return "".join(results_json_lines(document))


def results_json_lines(document: dict[str, Any]) -> Iterator[str]:
    """The document indented two spaces, except that each element of a list of objects (items, files,
    criteria) is written on one line; each line is yielded with its newline. Python's JSON encoder is written
    in C only for unindented output: the indented form of 200,000 items took minutes, this one takes seconds,
    and a reader still sees one item per line."""
    compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
    yield "{\n"
    for number, (key, value) in enumerate(document.items(), start=1):
        comma = "," if number < len(document) else ""
        if isinstance(value, ItemDicts) or (isinstance(value, list) and value and
                                            all(isinstance(v, dict) for v in value)):
            yield f"  {json.dumps(key)}: [\n"
            yield from (f"    {compact.encode(v)}{',' if i < len(value) else ''}\n" for i, v in enumerate(value, 1))
            yield f"  ]{comma}\n"
        else:
            nested = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
            yield f"  {json.dumps(key)}: {nested}{comma}\n"
    yield "}\n"
