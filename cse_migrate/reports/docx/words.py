"""The sentences and short labels the Word report uses for the two axes (coverage and currency), shared by the
executive summary and the findings so that the two never describe a part differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cse_migrate.model import CriterionResult, RunResult
from cse_migrate.reports.actions import QUOTE_CHARS
from cse_migrate.reports.charts import age_counts
from cse_migrate.reports.docx.layout import long_date, plural
from cse_migrate.reports.plain import quote

PASSING = ("Met", "Compliance Plus", "Compliance")
HELD_BACK_WORDS = {(): "-", ("coverage",): "content", ("currency",): "evidence age",
                   ("coverage", "currency"): "content and evidence age"}


def reading(c: CriterionResult) -> str:
    """A part's status on its framework's scale: the estimated rating, or Met / Partially met / Gap."""
    return c.rating or c.status


def held_back_text(c: CriterionResult) -> str:
    """Which axis holds the reading back, in words ("content", "evidence age", both, or "-")."""
    if reading(c) in PASSING:
        return "-"
    return HELD_BACK_WORDS.get(c.held_back, "-")


def held_back_sentence(c: CriterionResult) -> str:
    """The same in a sentence for the findings: "Held back by: content." or "Nothing holds it back."."""
    held = held_back_text(c)
    return "Nothing holds it back." if held == "-" else f"Held back by: {held}."


def currency_text(result: RunResult, c: CriterionResult) -> str:
    """``3 recent, 10 out of date, 2 undated`` (only the ages present; "none" with no evidence)."""
    counts = age_counts(result, c)
    words = {"recent": "recent", "old": "out of date", "undated": "undated", "future": "after the as-of date"}
    parts = [f"{n} {words[age]}" for age, n in counts.items() if n]
    return ", ".join(parts) if parts else "none"


def finding(result: RunResult, c: CriterionResult) -> str:
    """One sentence a client can act on, from the two axes."""
    if not c.evidence:
        return "No evidence found: nothing read shows this part."
    counts = age_counts(result, c)
    if reading(c) in PASSING:
        return "Covered, with recent evidence."
    if c.held_back == ("currency",):
        if counts["old"]:
            return "Covered, but the evidence is out of date: show the practice continues."
        return "Covered, but the evidence is undated: date it to show it is current."
    strong = plural(c.strong_count, "strong item")
    if c.holding_back:
        gap = result.item_by_id()[c.holding_back[0]]
        return (f"{strong.capitalize()} so far, but the evidence itself records a gap here: "
                f"{quote(gap.gap_text or gap.item.text, QUOTE_CHARS)}. Close it, or show it has been closed since.")
    if "currency" in c.held_back:
        return f"Partly covered ({strong}), and that evidence is out of date or undated."
    return f"Partly covered: {strong} so far; more strong evidence is needed."


def newest_evidence(result: RunResult) -> date | None:
    """The date of the newest dated evidence item on or before the as-of date."""
    dates = [r.item.date for r in result.items if r.status == "mapped" and r.kind == "support"
             and r.item.date is not None and r.item.date <= result.settings.as_of]
    return max(dates, default=None)


def ids(parts: Sequence[CriterionResult]) -> str:
    return ", ".join(p.id for p in parts)


def verdict(result: RunResult) -> tuple[str, str]:
    """The readiness verdict in a few words, and the sentence that explains it from the two axes."""
    leaves = [c for c in result.criteria if not c.children]
    noun_one, noun_many = ("sub-criterion", "sub-criteria") if result.readiness is not None else ("point", "points")
    if any(c.level == 3 for c in leaves):
        noun_one, noun_many = "part", "parts"
    if result.readiness is not None:
        headline = "Ready for assessment" if result.readiness.ready else "Not yet ready for assessment"
    else:
        met = sum(reading(c) == "Met" for c in leaves)
        headline = ("All points met" if met == len(leaves) else
                    f"{met} of {plural(len(leaves), 'point')} met with recent evidence")
    covered = [c for c in leaves if c.coverage in PASSING]
    current = [c for c in leaves if reading(c) in PASSING]
    only_age = [c for c in leaves if c.held_back == ("currency",) and reading(c) not in PASSING]
    empty = [c for c in leaves if not c.evidence]
    total = len(leaves)
    sentences = [f"The content covers {len(covered)} of {total} {noun_many} well enough to pass, and "
                 f"{len(current)} {'has' if len(current) == 1 else 'have'} enough recent evidence to do so."]
    if only_age:
        sentences.append(f"{plural(len(only_age), noun_one, noun_many)} ({ids(only_age)}) "
                         f"{'is' if len(only_age) == 1 else 'are'} held back only by the age of the evidence: "
                         "the practice is described, but the evidence is out of date.")
    newest = newest_evidence(result)
    if newest is not None and not current:
        sentences.append(f"The newest evidence read is dated {long_date(newest)}; the as-of date is "
                         f"{long_date(result.settings.as_of)}.")
    if empty:
        sentences.append(f"{plural(len(empty), noun_one, noun_many)} ({ids(empty)}) "
                         f"{'has' if len(empty) == 1 else 'have'} no evidence at all.")
    return headline, " ".join(sentences)
