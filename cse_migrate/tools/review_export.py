"""``cse-migrate review export``: a reviewer's decisions as rules-pack test cases (``kind: rule-tests``).

A consultant's corrections are the best test cases a rules supplier can get: each decided line with what it
should have been. The cases are judged by ``cse-migrate rules test`` exactly as a run judges a line:

* ``Move to ID`` -> ``expect: ID``;
* ``Accept`` -> what the tool said: its criterion, ``NONE`` for an unmapped line, ``noise:RULE`` for a noise line,
  ``absence:RULE`` for an absence or plan statement;
* ``Reject`` -> ``NONE`` (the line is evidence of nothing);
* ``Absence (gap)`` -> ``absence:RULE`` when an absence rule had recognised the line.

Decisions a case cannot express are listed, never dropped silently: an accepted duplicate (a line on its own is
never a duplicate), a rejected noise line (NONE would pass for noise too: say where it belongs with Move to ID),
an absence no rule recognised (a case must name the rule: write the rule first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cse_migrate.analysis.review import ReviewRow, framework_ids, read_review_form
from cse_migrate.errors import ReviewError
from cse_migrate.limits import DEFAULT_LIMITS, Limits
from cse_migrate.output import atomic_write_text, clean_text
from cse_migrate.reviewing import META_SHEET, REVIEW_SHEET
from cse_migrate.rules import RuleSet

NONE = "NONE"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KIND = re.compile(r"\((absence|plan)\)$")


@dataclass(frozen=True)
class Export:
    """The cases written and, one line each, the decisions that could not become a case."""

    cases: tuple[dict[str, Any], ...]
    skipped: tuple[str, ...]


def expectation(row: ReviewRow) -> tuple[str | None, str]:
    """The ``expect`` of a decided row, or None with the reason it cannot be a case."""
    decision = row.decision
    status = row.status.split(" ")[0]
    statement = bool(_KIND.search(row.status))
    rule = row.rule if row.rule and row.rule != "reviewer" and not row.rule.startswith("duplicate") else ""
    if decision is None:
        return None, "a comment without a decision"
    if decision.kind == "move":
        return decision.target, ""
    if decision.kind == "reject":
        if status == "noise":
            return None, "a rejected noise line: NONE would pass for noise too; use Move to ID to say where it goes"
        return NONE, ""
    if decision.kind == "absence" or statement:  # an absence decided, or an absence/plan statement accepted
        if rule:
            return f"absence:{rule}", ""
        return None, ("no absence rule recognised the line; a case names the rule (absence:RULE_ID): write the "
                      "rule in a pack, then add the case")
    if status == "mapped" and row.criterion:
        return row.criterion, ""
    if status == "unmapped":
        return NONE, ""
    if status == "noise" and rule:
        return f"noise:{rule}", ""
    return None, "an accepted duplicate: a line on its own is never a duplicate, so no case can test it"


def export_cases(path: Path, rules: RuleSet, output: Path, limits: Limits = DEFAULT_LIMITS,
                 password: str | None = None) -> Export:
    """Read the reviewed workbook, turn its decisions into cases and write them to ``output`` as YAML."""
    made_for: dict[str, str] = {}

    def check(meta: dict[str, str], name: str) -> list[str]:
        framework = rules.frameworks.get(meta.get("framework", ""))
        if framework is None or framework.role != "target":
            raise ReviewError([f"review file {name}: sheet {META_SHEET}: framework '{meta.get('framework', '')}' "
                               "is not a target framework of these rules; give the rules pack it was made with "
                               "(--rules)"])
        made_for.update(meta)
        return framework_ids(framework)

    form = read_review_form(path, check, limits, password)
    cases: list[dict[str, Any]] = []
    skipped: list[str] = []
    for row in form.rows:
        expect, why_not = expectation(row)
        if expect is None:
            if row.decision is not None:
                skipped.append(f"{form.file}: sheet {REVIEW_SHEET} row {row.row} (item {row.item}, "
                               f"{row.decision.word}): not exported: {why_not}")
            continue
        case: dict[str, Any] = {"text": clean_text(row.text), "expect": expect}
        if row.cm_ref:
            case["cm_ref"] = row.cm_ref
        if _ISO_DATE.match(row.date):
            case["date"] = row.date
        why = f"reviewer's decision '{row.decision.word if row.decision else ''}' ({form.file} row {row.row})"
        case["why"] = f"{why}: {row.comment}" if row.comment else why
        cases.append(case)
    doc: dict[str, Any] = {"kind": "rule-tests", "framework": made_for["framework"]}
    if made_for.get("legacy_framework"):
        doc["legacy_framework"] = made_for["legacy_framework"]
    if _ISO_DATE.match(made_for.get("as_of", "")):
        doc["as_of"] = made_for["as_of"]
    doc["description"] = (f"Reviewer's decisions for {made_for.get('organisation', '')}, exported from "
                          f"{form.file} by cse-migrate review export.")
    doc["cases"] = cases
    atomic_write_text(output, yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110))
    return Export(tuple(cases), tuple(skipped))
