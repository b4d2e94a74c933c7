"""Score evidence against a target framework's criteria and decide where each item maps.

Signals, each kept as a :class:`~cse_migrate.model.Reason` so that every mapping can explain itself:

* lexicon phrases: every phrase token must meet a token of the evidence, exactly or within the fuzzy cutoff
  (typos, inflections after stemming); a phrase adds its weight scaled by how well it matched;
* "against" phrases subtract, and so do the vocabulary's non-customer-facing activities (for every criterion);
* the crosswalk prior: the item's legacy reference, through the crosswalk rules into the target framework,
  adds ``strength / 10 * crosswalk_weight`` (times ``context_weight`` when the reference came from the sheet
  or heading rather than the row). It only adds to items whose text already says something, so a reference
  alone never maps an item, and clear text outweighs a misfiled reference.

Token similarity is computed in bulk with ``rapidfuzz.process.cdist`` (all distinct evidence tokens against
all lexicon tokens at once), never one pair at a time in Python.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from cse_migrate.model import EvidenceItem, Mapping, Reason
from cse_migrate.rules import Framework, Phrase, RuleSet, effective_settings
from cse_migrate.text import stem, tokens

# Repeated matches for one criterion add less and less: the second adds 60%, the third 36%, ...
DIMINISH = 0.6
# Below this many letters a token must match exactly: fuzzy matching short words gives nonsense (bus ~ bush).
MIN_FUZZY_LENGTH = 5


@dataclass(frozen=True)
class _CompiledPhrase:
    criterion: str  # "" for the vocabulary's non-customer-facing phrases (they count against every criterion)
    text: str
    weight: float
    stems: tuple[str, ...]
    kind: str  # "phrase" or "against"
    rule: str


@dataclass(frozen=True)
class Scored:
    """Raw scores for one item: criterion -> (raw points, reasons)."""

    raw: dict[str, float]
    reasons: dict[str, list[Reason]]
    text_signal: float  # positive lexicon points before penalties and prior, across criteria


class Matcher:
    """Compiled lexicon and crosswalk for one target framework; reusable across runs and items."""

    def __init__(self, rules: RuleSet, framework: Framework, legacy: str = "charter-mark-2003") -> None:
        self.rules = rules
        self.framework = framework
        self.legacy = legacy
        self.settings = effective_settings(framework)
        self.criteria = [c.id for c in framework.criteria]
        lexicon = rules.lexicons[framework.id]
        phrases: list[_CompiledPhrase] = []
        for cid, entry in lexicon.criteria.items():
            phrases += self._compile(cid, entry.phrases, "phrase", lexicon.file)
            phrases += self._compile(cid, entry.against, "against", lexicon.file)
        phrases += self._compile("", rules.vocabulary.not_customer_facing, "against", "vocabulary")
        self.phrases = [p for p in phrases if p.stems]
        self.vocab = sorted({s for p in self.phrases for s in p.stems})
        self.vocab_index = {s: i for i, s in enumerate(self.vocab)}
        self.crosswalk: dict[str, list[tuple[str, int, str, str]]] = {}
        for rule in rules.crosswalk_rules(legacy, framework.id):
            self.crosswalk.setdefault(rule.source, []).append((rule.target, rule.strength, rule.id, rule.file))

    def _compile(self, cid: str, phrases: Sequence[Phrase], kind: str, rule: str) -> list[_CompiledPhrase]:
        out = []
        for p in phrases:
            stems = tuple(dict.fromkeys(stem(t) for t in tokens(p.text, self.rules.vocabulary)))
            # a phrase may be written as a word stem ("resurfac") to catch every form of the word
            out.append(_CompiledPhrase(cid, p.text, p.weight, stems, kind, rule))
        return out

    def _similarities(self, items: Sequence[EvidenceItem]) -> tuple[list[dict[int, tuple[float, str]]], list[str]]:
        """For each item: vocab index -> (best similarity 0-100, the evidence word that matched)."""
        item_words: list[list[tuple[str, str]]] = []  # (comparison form, original word)
        for item in items:
            toks = tokens(item.text, self.rules.vocabulary)
            pairs = [(stem(t), t) for t in toks] + [(t, t) for t in toks]
            item_words.append(pairs)
        queries = sorted({form for pairs in item_words for form, _ in pairs})
        qindex = {q: i for i, q in enumerate(queries)}
        cutoff = float(self.settings["fuzzy_cutoff"])
        matrix = np.zeros((len(queries), len(self.vocab)), dtype=np.uint8)
        if queries and self.vocab:
            matrix = process.cdist(queries, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff,
                                   dtype=np.uint8, workers=1)
        short_q = np.array([len(q) < MIN_FUZZY_LENGTH for q in queries], dtype=bool)
        short_v = np.array([len(v) < MIN_FUZZY_LENGTH for v in self.vocab], dtype=bool)
        if queries and self.vocab:
            # short words on either side must match exactly
            short = short_q[:, None] | short_v[None, :]
            matrix = np.where(short & (matrix < 100), 0, matrix)
        out: list[dict[int, tuple[float, str]]] = []
        for pairs in item_words:
            best: dict[int, tuple[float, str]] = {}
            for form, word in pairs:
                row = matrix[qindex[form]]
                for v in np.nonzero(row)[0]:
                    score = float(row[v])
                    if score > best.get(int(v), (0.0, ""))[0]:
                        best[int(v)] = (score, word)
            out.append(best)
        return out, queries

    def score(self, items: Sequence[EvidenceItem]) -> list[Scored]:
        sims, _ = self._similarities(items)
        return [self._score_one(item, sim) for item, sim in zip(items, sims, strict=True)]

    def _score_one(self, item: EvidenceItem, sim: dict[int, tuple[float, str]]) -> Scored:
        gains: dict[str, list[tuple[float, Reason]]] = {c: [] for c in self.criteria}
        losses: dict[str, list[tuple[float, Reason]]] = {c: [] for c in self.criteria}
        for phrase in self.phrases:
            hits = [sim.get(self.vocab_index[s]) for s in phrase.stems]
            if any(h is None for h in hits):
                continue
            quality = min(h[0] for h in hits if h is not None) / 100.0
            matched = " ".join(dict.fromkeys(h[1] for h in hits if h is not None))
            points = phrase.weight * quality
            targets = [phrase.criterion] if phrase.criterion else self.criteria
            for cid in targets:
                if cid not in gains:
                    continue
                is_gain = phrase.kind == "phrase"
                reason = Reason("phrase" if is_gain else "against", phrase.text, matched,
                                points if is_gain else -points, phrase.rule)
                (gains if phrase.kind == "phrase" else losses)[cid].append((points, reason))
        raw: dict[str, float] = {}
        reasons: dict[str, list[Reason]] = {}
        text_signal = 0.0
        for cid in self.criteria:
            total, kept = _diminish(gains[cid])
            text_signal = max(text_signal, total)
            penalty, kept_losses = _diminish(losses[cid])
            raw[cid] = total - penalty
            reasons[cid] = kept + kept_losses
        if text_signal > 0 and item.cm_ref is not None:
            factor = float(self.settings["crosswalk_weight"])
            if item.ref_from_context:
                factor *= float(self.settings["context_weight"])
            for target, strength, rule_id, file in self.crosswalk.get(item.cm_ref.criterion, []):
                if target in raw:
                    points = strength / 10.0 * factor
                    raw[target] += points
                    reasons[target].append(Reason("crosswalk", rule_id, item.cm_ref.raw, points, file))
        return Scored(raw, reasons, text_signal)

    def to_score(self, raw: float) -> float:
        """Raw points to a score in [0, 1): 1 - exp(-raw / scale)."""
        return 0.0 if raw <= 0 else 1.0 - math.exp(-raw / float(self.settings["score_scale"]))

    def decide(self, scored: Scored, threshold: float, secondary_ratio: float) -> tuple[Mapping, ...]:
        """The criteria an item maps to: the best above the threshold, and others close enough to it."""
        ranked = sorted(scored.raw.items(), key=lambda kv: (-kv[1], self.criteria.index(kv[0])))
        if not ranked or self.to_score(ranked[0][1]) < threshold:
            return ()
        top_raw = ranked[0][1]
        out: list[Mapping] = []
        for cid, raw in ranked:
            score = self.to_score(raw)
            if score < threshold or (out and raw < secondary_ratio * top_raw):
                continue
            out.append(Mapping(cid, round(score, 4), tuple(sorted(scored.reasons[cid],
                                                                  key=lambda r: -abs(r.contribution)))))
        return tuple(out)


def _diminish(entries: list[tuple[float, Reason]]) -> tuple[float, list[Reason]]:
    """Sum points with diminishing returns, strongest first; the same phrase text counts once."""
    entries = sorted(entries, key=lambda e: (-e[0], e[1].detail))
    total = 0.0
    kept: list[Reason] = []
    seen: set[str] = set()
    for points, reason in entries:
        if reason.matched in seen:  # two phrases matched by the same words count once
            continue
        seen.add(reason.matched)
        total += points * (DIMINISH ** len(kept))
        kept.append(reason)
    return total, kept
