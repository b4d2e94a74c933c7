"""Explain one line of evidence: every criterion's score and why, in plain words (``cse-migrate explain``).

The line goes through the same stages as a run (:mod:`cse_migrate.pipeline`: noise, mapping, age),
so an explanation never disagrees with a report. Shown: whether a noise rule set it aside (which, and its
pattern), what it says (support, absence or plan, and the rule that decided), the decision, and for every
criterion its score with each phrase matched (and the words of the text that met it), each ``against`` phrase,
and the crosswalk rule its legacy reference brought in, each with the rules file it comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.analysis.noise import NoiseDetector
from cse_migrate.analysis.statements import StatementJudge
from cse_migrate.model import EvidenceItem, ItemResult, Reason, Source
from cse_migrate.options import DEFAULT_LEGACY
from cse_migrate.pipeline import assemble, date_evidence, judge_statements, make_settings, map_evidence, set_aside_noise
from cse_migrate.refs import parse_ref
from cse_migrate.rules import RuleSet
from cse_migrate.rules.loader import source_label

# Built-in noise checks (not patterns in a rules file), described for explanations.
BUILT_IN_NOISE = {"no-words": "the line has no letters at all",
                  "criterion-heading": "the line is a criterion heading: a legacy reference and a criterion's title "
                                       "or a few words, not a statement about the service"}
KIND_WORDS = {"support": "evidence of a practice (support)", "absence": "says a practice is missing (absence)",
              "plan": "says a practice is only planned (plan)"}


@dataclass(frozen=True)
class CriterionScore:
    id: str
    title: str
    raw: float  # raw points after repeats are diminished and penalties taken off
    score: float  # 1 - exp(-raw / score_scale)
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Explanation:
    text: str
    framework: str
    rules: str
    threshold: float
    result: ItemResult
    noise_detail: str
    scores: tuple[CriterionScore, ...]

    def as_dict(self) -> dict[str, Any]:
        r = self.result
        item = r.item
        return {
            "text": self.text, "framework": self.framework, "rules": self.rules,
            "cm_ref": None if item.cm_ref is None else {"raw": item.cm_ref.raw, "criterion": item.cm_ref.criterion,
                                                        "full": item.cm_ref.full},
            "date": item.date.isoformat() if item.date else None, "freshness": r.freshness,
            "status": r.status, "noise_rule": r.noise_rule, "noise_detail": self.noise_detail or None,
            "kind": r.kind, "kind_rule": r.kind_rule or None, "gap_text": r.gap_text or None,
            "threshold": self.threshold, "note": r.note or None,
            "mappings": [{"criterion": m.criterion, "score": m.score, "needs_review": m.needs_review}
                         for m in (r.mappings if r.status == "mapped" else ())],
            "scores": [{"criterion": s.id, "title": s.title, "raw": round(s.raw, 4), "score": round(s.score, 4),
                        "reasons": [x.as_dict() for x in s.reasons]} for s in self.scores]}


@dataclass(frozen=True)
class Line:
    """One line to explain, with what came with it."""

    text: str
    cm_ref: str | None = None
    date: date | None = None


class Explainer:
    """Judges lines against one framework as a run would: the rules compiled once, for any number of lines.

    Each line goes through a run's own stages (:mod:`cse_migrate.pipeline`: noise, mapping, judging what it
    states, dating, the order of
    :func:`~cse_migrate.pipeline.settle_items`) except duplicate folding, since every line stands alone."""

    def __init__(self, rules: RuleSet, framework_id: str, legacy_id: str = DEFAULT_LEGACY,
                 as_of: date | None = None) -> None:
        self.rules = rules
        self.framework = rules.framework(framework_id)
        self.legacy = rules.framework(legacy_id)
        self.settings = make_settings(self.framework, as_of)
        self.detector = NoiseDetector(rules)
        self.matcher = Matcher(rules, self.framework, self.legacy.id, None, self.settings)
        self.judge = StatementJudge(rules)
        self.titles = {c.id: c.title for c in self.framework.criteria}

    def explain(self, lines: Sequence[Line]) -> list[Explanation]:
        items = [EvidenceItem(id=f"E{n + 1:05d}", text=line.text, source=Source(file="explain", extractor="text"),
                              cm_ref=parse_ref(line.cm_ref, len(self.legacy.criteria)), date=line.date)
                 for n, line in enumerate(lines)]
        noise = set_aside_noise(items, self.detector)
        mapped = judge_statements(map_evidence([i for i in items if i.id not in noise], self.matcher, self.settings),
                                  self.judge, self.matcher, self.settings)
        results = date_evidence(assemble(items, noise, {}, mapped), self.settings)
        out = []
        for item, result, scored in zip(items, results, self.matcher.score(items), strict=True):
            scores = sorted((CriterionScore(cid, self.titles.get(cid, ""), raw, self.matcher.to_score(raw),
                                            tuple(sorted(scored.reasons[cid], key=lambda x: -abs(x.contribution))))
                             for cid, raw in scored.raw.items()),
                            key=lambda s: (-s.raw, self.matcher.criteria.index(s.id)))
            out.append(Explanation(item.text, self.framework.id, source_label(self.rules.packs),
                                   self.settings.map_threshold, result, noise_detail(self.rules, result.noise_rule),
                                   tuple(scores)))
        return out


def explain_text(text: str, rules: RuleSet, framework_id: str, legacy_id: str = DEFAULT_LEGACY,
                 cm_ref: str | None = None, item_date: date | None = None, as_of: date | None = None) -> Explanation:
    """Judge ``text`` as a run would and collect every criterion's score and reasons."""
    return Explainer(rules, framework_id, legacy_id, as_of).explain([Line(text, cm_ref, item_date)])[0]


def noise_detail(rules: RuleSet, rule_id: str | None) -> str:
    """What a noise rule is, in words: its description and pattern, and the file it comes from."""
    if rule_id is None:
        return ""
    if rule_id in BUILT_IN_NOISE:
        return BUILT_IN_NOISE[rule_id]
    pattern = next((p for p in rules.noise if p.id == rule_id), None)
    if pattern is None:
        return ""
    described = f"{pattern.description}; " if pattern.description else ""
    return f"{described}pattern {pattern.pattern.pattern!r} ({pattern.file})"


def _reason_words(reason: Reason) -> str:
    if reason.kind == "phrase":
        return f"+{reason.contribution:.2f}  phrase \"{reason.detail}\" matched \"{reason.matched}\"  ({reason.rule})"
    if reason.kind == "against":
        return (f"{reason.contribution:.2f}  against \"{reason.detail}\" matched \"{reason.matched}\": it argues for "
                f"another criterion  ({reason.rule})")
    if reason.kind == "crosswalk":
        return (f"+{reason.contribution:.2f}  crosswalk rule {reason.detail}: the legacy reference "
                f"\"{reason.matched}\" points here  ({reason.rule})")
    return f"+{reason.contribution:.2f}  {reason.detail}  ({reason.rule})"


def format_explanation(e: Explanation) -> str:
    """The explanation in plain words, one fact per line."""
    r = e.result
    item = r.item
    lines = [f"Text: {e.text}", f"Framework: {e.framework}; rules: {e.rules}"]
    if item.cm_ref is not None:
        lines.append(f"Legacy reference: {item.cm_ref.raw} (criterion {item.cm_ref.criterion} of the legacy "
                     "framework)")
    if item.date is not None:
        lines.append(f"Dated {item.date.isoformat()}: {r.freshness}")
    if r.status == "noise":
        lines.append(f"Noise: yes, set aside by rule '{r.noise_rule}': {e.noise_detail}. A run lists it as noise "
                     "and scores it for nothing; the scores below show what the lexicon would have said.")
    else:
        lines.append("Noise: no noise rule matched and it is not a criterion heading.")
    rule = f" (rule {r.kind_rule})" if r.kind_rule else ""
    if r.status != "noise":
        lines.append(f"What it says: {KIND_WORDS.get(r.kind, r.kind)}{rule}")
    if r.gap_text:
        lines.append(f"  plan clause raised as a gap: \"{r.gap_text}\"")
    titles = {s.id: s.title for s in e.scores}
    if r.status == "mapped":
        for rank, m in enumerate(r.mappings):
            chance = "" if m.confidence is None else f"; estimated chance its criterion is right {m.confidence:.0%}"
            review = chance + ("; needs review" if m.needs_review else "")
            lines.append(f"{'Maps to' if rank == 0 else 'Also maps to'} {m.criterion} {titles.get(m.criterion, '')}, "
                         f"score {m.score:.2f} (threshold {e.threshold:.2f}){review}")
    elif r.status == "unmapped":
        lines.append(f"Unmapped: {r.note}")
    lines.append("Scores, best first (a phrase adds its weight times how well it matched; within a criterion the "
                 "strongest counts fully, the next 60%, then 36%, ...):")
    for s in e.scores:
        lines.append(f"  {s.id:<6} {s.title[:48]:<48} score {s.score:.2f}  ({s.raw:+.2f} points)")
        if not s.reasons:
            lines.append("         no phrase of this criterion matched")
        lines.extend(f"         {_reason_words(x)}" for x in s.reasons)
    return "\n".join(lines)
