"""Read a run's result against another target framework through the crosswalk rules.

A five-points result can be shown against the official CSE structure (``five-points--cse-2008.yaml``) and a
cse-2008 result against the five points (``cse-2008--five-points.yaml``). Nothing is re-mapped: each criterion
of the other framework lists the criteria that feed it (relationship and strength, strongest first), the status or
rating of the strongest one as an *indicative* reading, and the evidence carried over. The rules are analyst
hypotheses (``provenance: analyst``), so the projection is a reading aid, not a second assessment.
"""

from __future__ import annotations

from collections.abc import Sequence

from cse_migrate.model import CriterionResult
from cse_migrate.rules import CrosswalkRule, Framework, RuleSet
from cse_migrate.verdicts import ProjectedCriterion, Projection

NOT_COVERED = "Not covered"


def projection_target(rules: RuleSet, framework: Framework) -> str | None:
    """The other target framework this one's result can be projected onto, if crosswalk rules lead there."""
    lineage = rules.lineage(framework.id)
    for candidate in sorted(f.id for f in rules.targets()):
        if candidate in lineage or framework.id in rules.lineage(candidate):
            continue
        if any(rules.crosswalk_rules(source, candidate) for source in lineage):
            return candidate
    return None


def project_result(rules: RuleSet, framework: Framework, criteria: Sequence[CriterionResult],
                   target_id: str | None = None) -> Projection | None:
    """Project ``criteria`` (a run's results for ``framework``) onto ``target_id`` (default: the one found)."""
    target_id = target_id or projection_target(rules, framework)
    if target_id is None:
        return None
    crosswalk = next((found for source in rules.lineage(framework.id)
                      if (found := rules.crosswalk_rules(source, target_id))), [])
    if not crosswalk:
        return None
    target = rules.framework(target_id)
    by_id = {c.id: c for c in criteria}
    levels = {target.level(r.target) for r in crosswalk}
    out = [project_criterion(cid, title, [r for r in crosswalk if r.target == cid], by_id)
           for cid, title in ((c.id, c.title) for c in target.criteria if target.level(c.id) in levels)]
    note = (f"Indicative only: {framework.id} results read against {target_id} through the analyst crosswalk "
            f"rules in {crosswalk[0].file.rsplit('/', 1)[-1]}; nothing was re-mapped.")
    return Projection(framework.id, target_id, target.title, tuple(out), note)


def project_criterion(cid: str, title: str, rules: Sequence[CrosswalkRule],
                      results: dict[str, CriterionResult]) -> ProjectedCriterion:
    """One target criterion: its sources strongest first, the strongest one's reading, and the evidence."""
    linked = sorted((r for r in rules if r.relationship != "not-related" and r.source in results),
                    key=lambda r: -r.strength)  # sorted() is stable: equal strengths keep the file's order
    sources = tuple((r.source, results[r.source].title, reading(results[r.source]), r.relationship, r.strength)
                    for r in linked)
    evidence: dict[str, None] = {}
    for r in linked:
        evidence.update(dict.fromkeys(item for item, _ in results[r.source].evidence))
    return ProjectedCriterion(cid, title, sources, sources[0][2] if sources else NOT_COVERED, tuple(evidence))


def reading(result: CriterionResult) -> str:
    """A criterion's rating when it has one (CSE scale), else its status."""
    return result.rating or result.status
