"""results.json: everything the report says, machine-readable. The contract is documented in the README.

``schema_version`` changes only when a field is removed or changes meaning; new fields may be added at any
time, so readers should ignore fields they do not know.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cse_migrate.model import ItemResult, Mapping, RunResult
from cse_migrate.output import atomic_write_text

SCHEMA_VERSION = "1.0"


def _mapping(m: Mapping) -> dict[str, Any]:
    return {"criterion": m.criterion, "score": m.score, "needs_review": m.needs_review,
            "reasons": [r.as_dict() for r in m.reasons]}


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
    return out


def to_results_dict(result: RunResult) -> dict[str, Any]:
    s = result.settings
    return {
        "schema_version": SCHEMA_VERSION,
        "tool_version": result.tool_version,
        "organisation": s.organisation,
        "as_of": s.as_of.isoformat(),
        "framework": {"id": result.framework_id, "title": result.framework_title,
                      "criteria": [{"id": cid, "title": title} for cid, title in result.criteria_titles]},
        "rules": {"version": result.rules_version,
                  "files": [{"path": f.path, "sha256": f.sha256} for f in result.rule_files]},
        "settings": {"map_threshold": s.map_threshold, "strong_threshold": s.strong_threshold,
                     "secondary_ratio": s.secondary_ratio, "stale_months": s.stale_months,
                     "review_below": s.review_below, "review_margin": s.review_margin,
                     "met_min_strong": s.met_min_strong, "duplicate_similarity": s.duplicate_similarity,
                     **{k: v for k, v in result.extra.items() if isinstance(v, str | int | float)}},
        "criteria": [{
            "id": c.id, "title": c.title, "status": c.status, "strength": c.strength,
            "evidence_count": c.evidence_count, "strong_count": c.strong_count, "fresh_count": c.fresh_count,
            "stale_count": c.stale_count, "undated_count": c.undated_count, "best": list(c.best),
            "stale": list(c.stale), "evidence": [{"item": i, "score": sc} for i, sc in c.evidence],
            "gaps": list(c.gaps), "actions": list(c.actions), "expected_evidence": list(c.expected_evidence),
        } for c in result.criteria],
        "items": [_item(r) for r in result.items],
        "files": [{"file": f.file, "format": f.format, "units_read": f.units_read, "blank": f.skipped_blank,
                   "structure": f.skipped_other, "items": len(f.items)} for f in result.files],
        "errors": [{"file": e.file, "message": e.message} for e in result.errors],
        "summary": result.counts(),
    }


def write_results_json(result: RunResult, path: Path) -> None:
    text = json.dumps(to_results_dict(result), indent=2, ensure_ascii=False, sort_keys=False)
    atomic_write_text(path, text + "\n")
