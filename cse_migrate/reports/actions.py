"""Actions drawn from the evidence: every gap becomes one specific, prioritised action that names what it is about.

A gap is one of:

* an **absence statement** (an item whose ``kind`` is "absence": "we have no customer panel"), or a **lapsed
  practice** (an absence statement saying the practice stopped: "the panel lapsed in 2005");
* a **plan** (an item whose ``kind`` is "plan", or the plan clause ``gap_text`` of a support item): intended, not
  yet done;
* an **out-of-date strength**: a part whose content is good but whose strong evidence is old (held back by
  currency), or only undated;
* **missing expected evidence**: a part with no evidence at all, or too little strong evidence (held back by
  coverage).

Each action quotes the item that raised it with its file and place, so two organisations never get the same list
unless their evidence is the same. The generic "evidence an assessor will expect" lists are not actions: the
report shows them afterwards as a checklist.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from cse_migrate.model import CriterionResult, ItemResult, RunResult
from cse_migrate.reports.plain import cite, document_labels, quote, topic, years_in

ActionKind = Literal["lapsed", "absence", "missing", "plan", "out of date", "thin", "undated"]
PRIORITY_NAMES = {1: "High", 2: "Medium", 3: "Low"}
_KIND_ORDER: tuple[ActionKind, ...] = ("lapsed", "absence", "missing", "plan", "out of date", "thin", "undated")
_LAPSED = re.compile(r"\b(lapsed|lapse|stopped|ceased|discontinued|no longer|abandoned|suspended|fell away|"
                     r"was dropped|were dropped|wound up|closed down)\b", re.IGNORECASE)
QUOTE_CHARS = 160  # quotes in actions are cut beyond this many characters, with an ellipsis


@dataclass(frozen=True)
class Action:
    """One thing to do, with why: the gap's kind, the part it concerns and the evidence that raised it."""

    priority: int  # 1 high, 2 medium, 3 low
    kind: ActionKind
    part: str  # the criterion, sub-criterion or element id
    part_title: str
    text: str  # the action, e.g. "Re-establish the customer panel, lapsed in 2005"
    item: str = ""  # id of the item that raised it ("" for a part with no evidence)
    quote: str = ""  # the item's words, quoted (cut beyond QUOTE_CHARS)
    where: str = ""  # the item's file and place, in plain words

    @property
    def priority_name(self) -> str:
        return PRIORITY_NAMES[self.priority]

    def cited(self) -> str:
        """The action with its source, as one line: "Re-establish ... (self assessment 2007, sheet Crit 2,
        row 7)"."""
        return f"{self.text} ({self.where})" if self.where else self.text


def leaves(result: RunResult) -> list[CriterionResult]:
    """The parts evidence maps to: leaves of a hierarchical framework, every criterion of a flat one."""
    return [c for c in result.criteria if not c.children]


def draft_actions(result: RunResult) -> list[Action]:
    """Every action for a run, most urgent first (priority, then kind, then framework order)."""
    labels = document_labels([f.file for f in result.files], result.settings.organisation)
    parts = {c.id: c for c in result.criteria}
    order = {c.id: index for index, c in enumerate(result.criteria)}
    actions: list[Action] = []
    for r in result.items:
        routes = r.gap_routes()  # where the gap belongs: a support item's gap clause is routed on its own
        if not routes:
            continue
        part = parts.get(routes[0].criterion)
        if part is None:
            continue
        if r.kind in ("absence", "plan"):
            actions.append(statement_action(r, part, labels, r.kind))
        elif r.gap_text:
            actions.append(statement_action(r, part, labels, "plan", r.gap_text))
    for part in leaves(result):
        actions.extend(part_actions(part, result, labels))
    unique: dict[tuple[str, str], Action] = {}
    for action in actions:
        unique.setdefault((action.text, action.where), action)
    return sorted(unique.values(), key=lambda a: (a.priority, _KIND_ORDER.index(a.kind), order.get(a.part, 0),
                                                  a.item))


def statement_action(r: ItemResult, part: CriterionResult, labels: dict[str, str], kind: str,
                     clause: str = "") -> Action:
    """An action from what the evidence itself says is missing, lapsed or only planned."""
    words = clause or r.item.text
    about = topic(r, part.id, part.title.lower())
    years = years_in(words)
    where = cite(r, labels)
    lapsed = any(word in r.kind_rule for word in ("laps", "no-longer", "stopped")) or _LAPSED.search(words)
    if kind == "absence" and lapsed:
        when = f", lapsed in {years[0]}" if years else ", which has lapsed"
        return Action(1, "lapsed", part.id, part.title, f"Re-establish the {about}{when}", r.item.id,
                      quote(words, QUOTE_CHARS), where)
    if len(about.split()) < 2:  # one word ("complaint") names no practice: name the part instead
        about = f"{part.id} {part.title}"
    if kind == "absence":
        return Action(1, "absence", part.id, part.title, f"Close the gap the evidence states on {about}",
                      r.item.id, quote(words, QUOTE_CHARS), where)
    due = f" (planned for {years[-1]})" if years else ""
    planned = plan_object(words)
    what = f"the plan to {planned}" if planned else f"the planned work on {about}"
    return Action(2, "plan", part.id, part.title, f"Carry out {what}{due} and keep evidence that it happened",
                  r.item.id, quote(words, QUOTE_CHARS), where)


# "we plan to display monthly results in the waiting area from 2008": the words after the intention, up to the end
# of the clause or a time phrase. The expression only finds the intention; the words are taken in code, so the
# search stays linear however many intentions a line repeats.
_PLAN_TRIGGER = re.compile(r"\b(?:plans?|planning|intends?|intending|intention is|aims?|proposes?|proposing|will|"
                           r"is to be|are to be)\s+(?:to\s+)?(?:be\s+)?", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;,:(]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_TIME_WORDS = {"from", "by", "during", "in", "before", "after", "next", "this", "early", "late"}
_AUXILIARY = {"be", "been", "being", "have", "has", "to", "the", "a", "an"}
_PLAN_WORDS = 12  # a longer plan is quoted, not named


def plan_object(clause: str) -> str:
    """What the evidence says is planned, in its own words ("display monthly results in the waiting area"), or ""
    when it does not say in a short phrase."""
    found = _PLAN_TRIGGER.search(clause)
    if found is None:
        return ""
    words = _CLAUSE_END.split(clause[found.end():found.end() + 400], maxsplit=1)[0].split()
    what: list[str] = []
    for n, word in enumerate(words):
        following = words[n + 1].casefold() if n + 1 < len(words) else ""
        if ((word.casefold() in _TIME_WORDS and (_YEAR.fullmatch(following) or following == "next"))
                or (word.casefold() == "next" and following in ("year", "month"))):
            break
        what.append(word)
    if not 2 <= len(what) <= _PLAN_WORDS or not what[0][:1].isalpha() or what[0].casefold() in _AUXILIARY:
        return ""
    return " ".join(what)


def part_actions(part: CriterionResult, result: RunResult, labels: dict[str, str]) -> list[Action]:
    """Actions for one part from its two axes: no or thin content (coverage), old or undated evidence
    (currency)."""
    items = result.item_by_id()
    name = f"{part.id} {part.title}"
    if not part.evidence:
        return [missing_action(part, result, labels)]
    strong = [(items[i], s) for i, s in part.evidence
              if i in items and s >= result.settings.strong_threshold and items[i].kind == "support"]
    out: list[Action] = []
    if "currency" in part.held_back:
        old = [(r, s) for r, s in strong if r.freshness == "old"]
        if old:
            r, _ = old[0]  # the strongest of them (evidence is best first)
            year = max(o.item.date.year for o, _ in old if o.item.date is not None)
            out.append(Action(2, "out of date", part.id, part.title,
                              f"Show that the practice continues for {name}: the latest strong evidence"
                              f"{about(r, part)} dates from {year}", r.item.id,
                              quote(r.item.text, QUOTE_CHARS), cite(r, labels)))
        elif undated := [(r, s) for r, s in strong if r.freshness == "undated"]:
            r, _ = undated[0]
            out.append(Action(3, "undated", part.id, part.title,
                              f"Date the evidence for {name}{about(r, part)}, so an assessor can see it is "
                              "current", r.item.id, quote(r.item.text, QUOTE_CHARS), cite(r, labels)))
    # a part held back by a gap its own evidence states has its action in closing that gap; only a part whose strong
    # evidence is too thin as well needs more of it
    needed = result.settings.compliance_min_strong if part.rating else result.settings.met_min_strong
    thin = len(strong) < needed or not part.holding_back
    if "coverage" in part.held_back and thin:
        best = items.get(part.evidence[0][0])
        if best is not None:
            count = len(strong)
            found = "no strong item" if count == 0 else "only one strong item" if count == 1 else \
                f"only {count} strong items"
            out.append(Action(2, "thin", part.id, part.title,
                              f"Strengthen the evidence for {name}: {found} so far{about(best, part)}",
                              best.item.id,
                              quote(best.item.text, QUOTE_CHARS), cite(best, labels)))
    return out


def about(r: ItemResult, part: CriterionResult) -> str:
    """`` (on “customer panel”)`` when the item's strongest specific phrase names a thing, else nothing."""
    found = topic(r, part.id, "")
    return f" (on “{found}”)" if len(found.split()) >= 2 else ""


def missing_action(part: CriterionResult, result: RunResult, labels: dict[str, str]) -> Action:
    """A part nothing read supports: say so, with the first kind of evidence an assessor will expect, and the
    nearest unmapped item when there is one."""
    example = f"; for example, {lower_first(part.expected_evidence[0])}" if part.expected_evidence else ""
    text = f"Find or create evidence for {part.id} {part.title}: nothing read shows it{example}"
    nearest = [r for r in result.items if r.status == "unmapped" and r.mappings and r.mappings[0].criterion == part.id]
    if nearest:
        r = max(nearest, key=lambda x: x.mappings[0].score)
        return Action(1, "missing", part.id, part.title, text, r.item.id, quote(r.item.text, QUOTE_CHARS),
                      cite(r, labels))
    return Action(1, "missing", part.id, part.title, text)


def lower_first(text: str) -> str:
    text = text.rstrip(". ")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def top_priorities(actions: Sequence[Action], most: int = 5) -> list[Action]:
    """The most urgent actions that quote the evidence that raised them, no more than two per top-level
    criterion while others remain, so the first page shows the spread of the work; the same action raised by two
    items (two lines saying there is no complaints procedure) takes one place, quoting the first."""
    cited: list[Action] = []
    for action in actions:
        if action.quote and all(action.text != other.text for other in cited):
            cited.append(action)
    chosen: list[Action] = []
    per_root: dict[str, int] = {}
    for limit in (2, most):
        for action in cited:
            root = action.part.split(".")[0]
            if action in chosen or per_root.get(root, 0) >= limit:
                continue
            chosen.append(action)
            per_root[root] = per_root.get(root, 0) + 1
            if len(chosen) == most:
                return sorted(chosen, key=actions.index)
    return sorted(chosen, key=actions.index)
