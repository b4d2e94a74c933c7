"""Estimated CSE ratings for a hierarchical framework, and a readiness verdict.

CSE rates each element Compliance Plus, Compliance or Partial Compliance (confirmed). How an assessor reaches a
rating, the pass threshold, the partial-compliance limit and the maximum evidence age are not public, so every
rule below is driven by a setting in the framework file whose provenance the report shows (``settings`` and
``settings_provenance`` in ``mappings/frameworks/cse-2008.yaml``). The ratings are estimates from the evidence
found, to prepare a portfolio; the assessor decides.

Leaves (sub-criteria, or elements when an element list is loaded), from the evidence mapped to them; *strong* means
a score of at least ``strong_threshold``, *fresh* means dated within ``stale_months`` of the as-of date (undated
evidence is not fresh):

* **Compliance Plus**: at least ``compliance_plus_min_strong`` strong, fresh items, from at least
  ``compliance_plus_min_sources`` different files;
* **Compliance**: at least ``compliance_min_strong`` strong, fresh items;
* neither, whatever the evidence, when more than ``compliance_max_findings`` (default 0) gap findings hold it
  back: the evidence itself says part of the practice is missing, lapsed or only planned, and this part is what it
  is mainly about, or it maps here strongly (:meth:`~cse_migrate.model.ItemResult.holds_back`);
* **Partial Compliance**: some evidence, but not enough of it strong and fresh;
* **Not evidenced**: nothing mapped.

Parents (sub-criteria with elements, criteria), from their children: **Not evidenced** when no child has evidence;
**Compliance Plus** when every child is at Compliance or better and at least half are at Compliance Plus;
**Compliance** when every child is at Compliance or better; otherwise **Partial Compliance**.

Readiness, per top-level criterion over the leaves below it: at most ``readiness_max_not_evidenced`` leaves Not
evidenced, at most ``readiness_max_partial`` at Partial Compliance, and at least ``readiness_min_compliance_share``
of them at Compliance or better. The organisation is ready when every criterion is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from cse_migrate.analysis.gaps import freshness
from cse_migrate.model import CriterionResult, ItemResult, Settings
from cse_migrate.rules import Framework
from cse_migrate.verdicts import RATINGS, CriterionReadiness, Rating, Readiness, SettingUsed

# The settings the ratings and readiness rules read, in the order the report lists them (meanings, ranges and
# defaults are in the settings specification, cse_migrate/rules/settings.py).
RATING_SETTINGS = ("strong_threshold", "stale_months", "compliance_plus_min_strong", "compliance_plus_min_sources",
                   "compliance_min_strong", "compliance_max_findings", "readiness_min_compliance_share",
                   "readiness_max_partial", "readiness_max_not_evidenced")
_AT_LEAST_COMPLIANCE: tuple[Rating, ...] = ("Compliance Plus", "Compliance")


@dataclass(frozen=True)
class RatingRules:
    """The numbers the rating rules use, from the framework's settings (and the run's ``--stale-months``)."""

    strong_threshold: float
    plus_min_strong: int
    plus_min_sources: int
    compliance_min_strong: int
    min_compliance_share: float
    max_partial: int
    max_not_evidenced: int
    max_findings: int = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> RatingRules:
        return cls(settings.strong_threshold, settings.compliance_plus_min_strong,
                   settings.compliance_plus_min_sources, settings.compliance_min_strong,
                   settings.readiness_min_compliance_share, settings.readiness_max_partial,
                   settings.readiness_max_not_evidenced, settings.compliance_max_findings)


def rate_if_hierarchical(framework: Framework, criteria: tuple[CriterionResult, ...],
                         results: Sequence[ItemResult],
                         settings: Settings) -> tuple[tuple[CriterionResult, ...], Readiness | None]:
    """Rate a hierarchical framework's criteria and judge readiness; a flat one (five-points) is left as it is."""
    if not framework.is_hierarchical:
        return criteria, None
    return rate_criteria(framework, criteria, results, settings)


def rate_criteria(framework: Framework, criteria: Sequence[CriterionResult], results: Sequence[ItemResult],
                  settings: Settings) -> tuple[tuple[CriterionResult, ...], Readiness]:
    """Add an estimated rating (and its reasons) to every criterion result, and judge readiness."""
    rules = RatingRules.from_settings(settings)
    items = {r.item.id: r for r in results}
    rated: dict[str, CriterionResult] = {}
    # deepest first, so every parent finds its children already rated
    for criterion in sorted(criteria, key=lambda c: -framework.level(c.id)):
        if criterion.children:
            rating, reasons = rate_parent([rated[cid] for cid in criterion.children], framework)
        else:
            rating, reasons = rate_leaf(criterion, items, settings, rules)
        rated[criterion.id] = replace(criterion, rating=rating, rating_reasons=reasons)
    ordered = tuple(rated[c.id] for c in criteria)
    return ordered, judge_readiness(framework, ordered, settings, rules)


def leaf_rating(strong: int, files: int, has_evidence: bool, rules: RatingRules) -> Rating:
    """The rating rule for a leaf, from its count of qualifying strong items and the files they come from. The
    rating counts strong, fresh items; the coverage axis (:mod:`cse_migrate.analysis.coverage`) counts strong
    items of any age with the same rule."""
    if not has_evidence:
        return "Not evidenced"
    if strong >= rules.plus_min_strong and files >= rules.plus_min_sources:
        return "Compliance Plus"
    if strong >= rules.compliance_min_strong:
        return "Compliance"
    return "Partial Compliance"


def rate_leaf(criterion: CriterionResult, items: dict[str, ItemResult], settings: Settings,
              rules: RatingRules) -> tuple[Rating, tuple[str, ...]]:
    """Rate one leaf from its evidence: how many strong, fresh items, and from how many files."""
    findings = criterion.holding_back
    if not criterion.evidence:
        reasons = ["No evidence was found here."]
        if findings:
            reasons.append(f"The evidence says the practice is missing or only planned: {', '.join(findings)}.")
        return "Not evidenced", tuple(reasons)
    fresh_strong = [items[i] for i, score in criterion.evidence
                    if score >= rules.strong_threshold and i in items
                    and freshness(items[i].item.date, settings) == "fresh"]
    files = sorted({r.item.source.file for r in fresh_strong})
    rating = leaf_rating(len(fresh_strong), len(files), True, rules)
    found = (f"{count_of(len(fresh_strong), 'strong item')} dated within the last {settings.stale_months} months"
             + (f", from {count_of(len(files), 'file')}" if fresh_strong else ""))
    if len(findings) > rules.max_findings:
        return "Partial Compliance", (f"{found}, but {count_of(len(findings), 'gap finding')} about it "
                                      f"({', '.join(findings)}): the evidence says part of the practice is "
                                      f"missing or only planned; Compliance allows {rules.max_findings}.",)
    if rating == "Compliance Plus":
        return rating, (f"{found}: Compliance Plus needs {rules.plus_min_strong} from {rules.plus_min_sources} or "
                        "more files.",)
    if rating == "Compliance":
        reasons = [f"{found}: Compliance needs {rules.compliance_min_strong}."]
        if len(fresh_strong) >= rules.plus_min_strong:
            reasons.append(f"Compliance Plus also needs them from {rules.plus_min_sources} or more different "
                           "files.")
        else:
            reasons.append(f"Compliance Plus needs {rules.plus_min_strong} such items.")
        return rating, tuple(reasons)
    reasons = [f"{count_of(criterion.evidence_count, 'item')} found here, but only {found}; Compliance needs "
               f"{rules.compliance_min_strong}."]
    if criterion.stale_count:
        reasons.append(f"{count_of(criterion.stale_count, 'item')} out of date: show the practice continues.")
    if criterion.undated_count:
        reasons.append(f"{count_of(criterion.undated_count, 'item')} undated: date them.")
    return rating, tuple(reasons)


def rate_parent(children: Sequence[CriterionResult], framework: Framework) -> tuple[Rating, tuple[str, ...]]:
    """Derive a parent's rating from its children's (see the module docstring for the rule)."""
    ratings = [c.rating or "Not evidenced" for c in children]
    nouns = framework.level_plural(children[0].id) if children else "parts"
    good = sum(r in _AT_LEAST_COMPLIANCE for r in ratings)
    tally = f"{good} of {len(ratings)} {nouns} at Compliance or better"
    below = [f"{c.id} {c.rating or 'Not evidenced'}" for c in children
             if (c.rating or "Not evidenced") not in _AT_LEAST_COMPLIANCE]
    if all(r == "Not evidenced" for r in ratings):
        return "Not evidenced", (f"None of the {nouns} below has any evidence.",)
    if good == len(ratings):
        if sum(r == "Compliance Plus" for r in ratings) * 2 >= len(ratings):
            return "Compliance Plus", (f"{tally}, at least half of them at Compliance Plus.",)
        return "Compliance", (f"{tally}.",)
    return "Partial Compliance", (f"{tally}; below it: {', '.join(below)}.",)


def judge_readiness(framework: Framework, criteria: Sequence[CriterionResult], settings: Settings,
                    rules: RatingRules) -> Readiness:
    """Apply the readiness rules to each top-level criterion's leaves."""
    by_id = {c.id: c for c in criteria}
    verdicts = []
    for root in framework.roots():
        leaves = [by_id[i] for i in framework.leaves_under(root.id) if i in by_id]
        verdicts.append(judge_criterion(root.id, root.title, leaves, rules))
    ready = all(v.ready for v in verdicts)
    blocked = [v.id for v in verdicts if not v.ready]
    summary = ("Ready for assessment by the rules below: every criterion meets them." if ready else
               f"Not yet ready for assessment by the rules below: criteria {', '.join(blocked)} do not meet them.")
    return Readiness(ready, summary, tuple(verdicts), settings_used(settings))


def allowed(most: int) -> str:
    """How many parts a readiness rule lets fall short, in words: "none allowed", "at most 2 allowed"."""
    return "none allowed" if most == 0 else f"at most {most} allowed"


def judge_criterion(cid: str, title: str, leaves: Sequence[CriterionResult],
                    rules: RatingRules) -> CriterionReadiness:
    """One criterion's readiness verdict and the reasons it falls short."""
    counts = {r: [leaf.id for leaf in leaves if (leaf.rating or "Not evidenced") == r] for r in RATINGS}
    share = (len(counts["Compliance Plus"]) + len(counts["Compliance"])) / len(leaves) if leaves else 0.0
    reasons = []
    if len(counts["Not evidenced"]) > rules.max_not_evidenced:
        reasons.append(f"{count_of(len(counts['Not evidenced']), 'part')} without evidence "
                       f"({', '.join(counts['Not evidenced'])}); {allowed(rules.max_not_evidenced)}.")
    if len(counts["Partial Compliance"]) > rules.max_partial:
        reasons.append(f"{count_of(len(counts['Partial Compliance']), 'part')} at Partial Compliance "
                       f"({', '.join(counts['Partial Compliance'])}); {allowed(rules.max_partial)}.")
    if share < rules.min_compliance_share:
        reasons.append(f"{share:.0%} of parts at Compliance or better; at least "
                       f"{rules.min_compliance_share:.0%} needed.")
    return CriterionReadiness(cid, title, not reasons, len(leaves),
                              tuple((r, len(counts[r])) for r in RATINGS), share, tuple(reasons))


def settings_used(settings: Settings) -> tuple[SettingUsed, ...]:
    """The rating and readiness settings as applied, each with its meaning, provenance and source."""
    by_name = {u.name: u for u in settings.used}
    return tuple(by_name[name] for name in RATING_SETTINGS if name in by_name)


def count_of(count: int, noun: str) -> str:
    """``1 item`` / ``2 items``: reports never write "item(s)"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
