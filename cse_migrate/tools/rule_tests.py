"""Run a rules pack's test cases: ``cse-migrate rules test``.

A case file (``kind: rule-tests``) lives under a pack's ``tests/`` folder (the bundled ones under
``mappings/tests/``)::

    kind: rule-tests
    framework: five-points            # the target framework the cases are judged against
    legacy_framework: charter-mark-2003   # optional; what cm_ref cites
    as_of: 2008-06-30                 # optional; judges dates
    cases:
      - text: We offer home visits to housebound customers.
        expect: "1"                   # a criterion id (its sub-criteria and elements count too), NONE,
                                      # noise:RULE_ID or absence:RULE_ID
        cm_ref: "3.2"                 # optional legacy reference
        date: 2007-05-01              # optional
        covers: [vocabulary.abbreviations]   # optional: which rule classes the case exercises
        why: the reason the case belongs there (optional, shown on failure)

Each case is judged exactly as a run judges a line (:class:`cse_migrate.tools.explain.Explainer`). A criterion
expectation passes when the top mapping is that criterion or lies under it; ``NONE`` when nothing is mapped
(unmapped or noise); ``noise:ID`` when that noise rule sets the line aside; ``absence:ID`` when the line is read
as an absence or a plan by that rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cse_migrate.errors import RulesError
from cse_migrate.options import DEFAULT_LEGACY
from cse_migrate.rules import ID_PATTERN, RuleSet
from cse_migrate.rules.schema import Checker, describe
from cse_migrate.rules.yamlio import YamlProblem, read_yaml
from cse_migrate.tools.explain import BUILT_IN_NOISE, Explainer, Explanation, Line, format_explanation

NONE = "NONE"
COVERS = ("vocabulary.abbreviations", "vocabulary.spellings", "vocabulary.stopwords",
          "vocabulary.not_customer_facing", "vocabulary.number_words", "crosswalk", "against")


@dataclass(frozen=True)
class Case:
    file: str
    number: int  # 1-based position in its file
    framework: str
    legacy: str
    as_of: date | None
    text: str
    expect: str
    cm_ref: str | None
    date: date | None
    covers: tuple[str, ...]
    why: str

    @property
    def where(self) -> str:
        return f"{self.file}: case {self.number}"


@dataclass(frozen=True)
class Outcome:
    case: Case
    got: str
    passed: bool
    explanation: Explanation


def _date(value: Any, key: str, c: Checker) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(str(value).strip(), "%Y-%m-%d").date()
    except ValueError:
        c.fail(key, f"'{value}' is not a date in the form YYYY-MM-DD")
        return None


def load_cases(path: Path, label: str, rules: RuleSet, problems: list[str]) -> list[Case]:
    """Read and check one case file; problems name the file, the case and the key."""
    c = Checker(label, problems)
    try:
        doc = read_yaml(path.read_bytes())
    except YamlProblem as exc:
        c.fail("(file)", f"not valid YAML at {exc}")
        return []
    except OSError as exc:
        c.fail("(file)", f"could not be read ({exc.strerror or exc})")
        return []
    doc = c.mapping(doc, "(file)")
    if doc.get("kind") != "rule-tests":
        c.fail("kind", f"must be 'rule-tests' in a tests/ file, got {describe(doc.get('kind'))}")
        return []
    c.unknown(doc, {"kind", "framework", "legacy_framework", "as_of", "description", "cases"}, "")
    fid = c.ident(doc, "framework", "")
    legacy = c.ident(doc, "legacy_framework", "") if doc.get("legacy_framework") is not None else DEFAULT_LEGACY
    framework = rules.frameworks.get(fid)
    if fid and (framework is None or framework.role != "target"):
        c.fail("framework", f"'{fid}' is not a target framework of these rules")
        return []
    if legacy not in rules.frameworks:
        c.fail("legacy_framework", f"'{legacy}' is not a framework of these rules")
        return []
    as_of = _date(doc.get("as_of"), "as_of", c)
    noise_ids = {p.id for p in rules.noise} | set(BUILT_IN_NOISE)
    cases = []
    for i, raw in enumerate(c.seq(doc.get("cases"), "cases")):
        key = f"cases[{i + 1}]"
        entry = c.mapping(raw, key)
        c.unknown(entry, {"text", "expect", "cm_ref", "date", "covers", "why"}, key)
        text = c.text(entry, "text", key)
        expect = c.text(entry, "expect", key)
        if expect and framework is not None:
            kind, _, target = expect.partition(":")
            if expect == NONE:
                pass
            elif kind == "noise" and target:
                if target not in noise_ids:
                    c.fail(f"{key}.expect", f"'{target}' is not a noise rule of these rules")
            elif kind == "absence" and target:
                if not ID_PATTERN.match(target):
                    c.fail(f"{key}.expect", f"'{target}' is not an absence or plan rule id")
            elif framework.criterion(expect) is None:
                c.fail(f"{key}.expect", f"'{expect}' is not a criterion of {fid}, NONE, noise:RULE or absence:RULE")
        covers = tuple(str(x) for x in c.seq(entry.get("covers"), f"{key}.covers"))
        for name in covers:
            if name not in COVERS:
                c.fail(f"{key}.covers", f"'{name}' is not one of: {', '.join(COVERS)}")
        cm_ref = entry.get("cm_ref")
        cases.append(Case(label, i + 1, fid, legacy, as_of, text, expect,
                          None if cm_ref is None else str(cm_ref), _date(entry.get("date"), f"{key}.date", c),
                          covers, c.text(entry, "why", key, False)))
    return cases


def load_all_cases(files: Sequence[tuple[Path, str]], rules: RuleSet) -> list[Case]:
    """Every case of ``files`` ((path, label) pairs); raises :class:`RulesError` listing every problem."""
    problems: list[str] = []
    cases = [case for path, label in files for case in load_cases(path, label, rules, problems)]
    if problems:
        raise RulesError(problems)
    return cases


def outcome_of(e: Explanation) -> str:
    """What the rules made of a line, in the words of ``expect``."""
    r = e.result
    if r.status == "noise":
        return f"noise:{r.noise_rule}"
    if r.kind in ("absence", "plan") and r.kind_rule:
        top = r.mappings[0].criterion if r.mappings else NONE
        return f"absence:{r.kind_rule} ({top})"
    if r.status == "mapped" and r.mappings:
        return r.mappings[0].criterion
    return NONE


def passes(case: Case, e: Explanation, rules: RuleSet) -> bool:
    r = e.result
    kind, _, target = case.expect.partition(":")
    if case.expect == NONE:
        return r.status != "mapped"
    if kind == "noise" and target:
        return r.status == "noise" and r.noise_rule == target
    if kind == "absence" and target:
        return r.kind in ("absence", "plan") and r.kind_rule == target
    if r.status != "mapped" or not r.mappings:
        return False
    framework = rules.framework(case.framework)
    top = r.mappings[0].criterion
    return top == case.expect or case.expect in framework.ancestors(top)


def run_cases(cases: Sequence[Case], rules: RuleSet) -> list[Outcome]:
    """Judge every case; the rules are compiled once per (framework, legacy framework, as-of date)."""
    groups: dict[tuple[str, str, date | None], list[int]] = {}
    for n, case in enumerate(cases):
        groups.setdefault((case.framework, case.legacy, case.as_of), []).append(n)
    explained: dict[int, Explanation] = {}
    for (framework, legacy, as_of), members in groups.items():
        lines = [Line(cases[n].text, cases[n].cm_ref, cases[n].date) for n in members]
        explained.update(zip(members, Explainer(rules, framework, legacy, as_of).explain(lines), strict=True))
    return [Outcome(case, outcome_of(explained[n]), passes(case, explained[n], rules), explained[n])
            for n, case in enumerate(cases)]


def format_failure(o: Outcome) -> str:
    why = f"\n  why it belongs there: {o.case.why}" if o.case.why else ""
    body = "\n".join(f"    {line}" for line in format_explanation(o.explanation).splitlines())
    return f"FAIL {o.case.where} ({o.case.framework}): expected {o.case.expect}, got {o.got}{why}\n{body}"


def summary_line(outcomes: Sequence[Outcome]) -> str:
    passed = sum(o.passed for o in outcomes)
    return f"{passed} passed, {len(outcomes) - passed} failed"


# A noise pattern that sets aside more than this share of ordinary lines is almost surely wrong (".*").
NOISE_SHARE_WARNING = 0.5
MIN_LINES_FOR_SHARE = 10


def sample_lines(rules: RuleSet, packs: Sequence[Path], samples: Sequence[Path]) -> list[str]:
    """Lines to try noise patterns on: every test case's text that is not meant to be noise (the bundled cases
    and the packs'), and every evidence line read from ``samples``."""
    from cse_migrate.discovery import discover_files
    from cse_migrate.pipeline import read_inputs
    from cse_migrate.rules.loader import BUNDLED_RULES, case_files

    files = [(p, str(p)) for p in case_files(BUNDLED_RULES)] + [(p, str(p)) for root in packs
                                                                  for p in case_files(root)]
    problems: list[str] = []
    lines = [case.text for path, label in files for case in load_cases(path, label, rules, problems)
             if not case.expect.startswith("noise:")]
    if samples:
        reads, _ = read_inputs(discover_files(samples))
        lines += [item.text for read in reads for item in read.items]
    return lines


def noise_share_warnings(rules: RuleSet, lines: Sequence[str]) -> list[str]:
    """A warning for each noise pattern that matches most of ``lines``: it would set aside real evidence."""
    from cse_migrate.analysis.noise import pattern_matches

    if len(lines) < MIN_LINES_FOR_SHARE:
        return []
    out = []
    for pattern in rules.noise:
        hits = sum(1 for line in lines if pattern_matches(pattern, line))
        if hits / len(lines) > NOISE_SHARE_WARNING:
            out.append(f"{pattern.file}: patterns[{pattern.id}]: matches {hits} of {len(lines)} sample lines "
                       f"({hits / len(lines):.0%}); a run would set all of them aside as noise. Make the pattern "
                       "match only the furniture it is meant for")
    return out
