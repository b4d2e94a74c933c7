"""Measure mapping accuracy against a labeled CSV of evidence statements.

The labels file has one statement per row: ``text``, optional ``cm_ref`` and ``split``, and label columns per
framework (for five-points: ``five_points`` and an optional second acceptable ``five_points_alt``; ``NONE`` for
noise and for statements that are no evidence). The statements go through the same stages as a real run (noise,
duplicate folding, mapping: :func:`cse_migrate.pipeline.settle_items`) with the same :class:`RunOptions`; a
statement's prediction is its top mapping (a folded duplicate's is that of the statement it was folded into), or
NONE when it is noise or unmapped.

Reported: top-1 accuracy (the alternative label counts), macro-F1, precision and recall per label (NONE
included), a confusion matrix (against the primary label) and calibration: accuracy per score band, so that a
threshold can be chosen knowingly. When the labels file has a ``kind`` column (support, absence, plan, mixed:
docs/labeling.md), also how well absence and plan statements are recognised (precision and recall of "absence or
plan") and how many mixed statements are split into a fact and a gap.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.analysis.semantic import Encoder, load_encoder
from cse_migrate.errors import InputFileError, UsageError
from cse_migrate.model import EvidenceItem, Source
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import resolve_frameworks, run_settings, settle_items
from cse_migrate.readers.csv_reader import decode
from cse_migrate.refs import parse_ref
from cse_migrate.rules import RuleSet

NONE = "NONE"
# label columns per framework: (primary, alternative)
LABEL_COLUMNS: dict[str, tuple[str, str]] = {"five-points": ("five_points", "five_points_alt"),
                                             "cse-2008": ("cse_criterion", "")}
# label columns per (framework, hierarchy level) where a level other than the top one is labeled: a hierarchical
# framework maps to its leaves, and a prediction is compared at the level of the label (the leaf's ancestor)
LEVEL_COLUMNS: dict[tuple[str, int], tuple[str, str]] = {("cse-2008", 1): ("cse_criterion", ""),
                                                         ("cse-2008", 2): ("cse_subcriterion", "")}
BANDS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


@dataclass(frozen=True)
class Labeled:
    id: str
    text: str
    cm_ref: str
    split: str
    label: str
    alt: str
    style: str
    kind: str = ""  # support, absence, plan or mixed, when the labels file has a kind column
    source: str = ""  # the labels file the statement came from


def _share(predictions: Sequence[Prediction]) -> float:
    return sum(p.correct for p in predictions) / len(predictions) if predictions else 0.0


@dataclass(frozen=True)
class Prediction:
    case: Labeled
    predicted: str
    score: float  # the top mapping's score (0 for NONE)
    kind: str = "support"  # what the run said the statement is: support, absence, plan, or mixed (support + gap)
    needs_review: bool = False  # the top mapping is flagged "needs review"

    @property
    def correct(self) -> bool:
        return self.predicted in {self.case.label, self.case.alt} - {""}


@dataclass
class Report:
    framework: str
    split: str
    predictions: list[Prediction]
    labels: list[str]
    per_label: dict[str, tuple[float, float, float, int]] = field(default_factory=dict)  # P, R, F1, support
    level: int = 1  # the hierarchy level compared: 1 criteria, 2 sub-criteria

    @property
    def accuracy(self) -> float:
        return sum(p.correct for p in self.predictions) / len(self.predictions) if self.predictions else 0.0

    @property
    def macro_f1(self) -> float:
        return sum(v[2] for v in self.per_label.values()) / len(self.per_label) if self.per_label else 0.0

    def confusion(self) -> dict[str, Counter[str]]:
        matrix: dict[str, Counter[str]] = {label: Counter() for label in self.labels}
        for p in self.predictions:
            matrix.setdefault(p.case.label, Counter())[p.predicted] += 1
        return matrix

    def calibration(self) -> list[tuple[str, int, float]]:
        """(band, count, accuracy) for mapped predictions by score band, and for NONE predictions."""
        rows = []
        for low, high in pairwise(BANDS):
            band = [p for p in self.predictions if p.predicted != NONE and low <= p.score < high]
            if band:
                rows.append((f"{low:.2f}-{min(high, 1.0):.2f}", len(band), sum(p.correct for p in band) / len(band)))
        none = [p for p in self.predictions if p.predicted == NONE]
        if none:
            rows.append(("NONE", len(none), sum(p.correct for p in none) / len(none)))
        return rows

    def kind_scores(self) -> tuple[float, float, int, int, int, int] | None:
        """(precision, recall, found, labelled) of recognising "absence or plan", then (split, labelled) mixed
        statements; None when no statement carries a kind label."""
        labelled = [p for p in self.predictions if p.case.kind]
        if not labelled:
            return None
        gaps = ("absence", "plan")
        said = [p for p in labelled if p.kind in gaps]
        gold = [p for p in labelled if p.case.kind in gaps]
        found = sum(1 for p in gold if p.kind in gaps)
        mixed = [p for p in labelled if p.case.kind == "mixed"]
        return (found / len(said) if said else 0.0, found / len(gold) if gold else 0.0, found, len(gold),
                sum(1 for p in mixed if p.kind == "mixed"), len(mixed))
    def review(self) -> tuple[int, float, int, float]:
        """The needs-review band as a safety net, over the mappings (predictions other than NONE): how many are
        flagged and how often they are right, how many are not flagged and how often those are right."""
        mapped = [p for p in self.predictions if p.predicted != NONE]
        flagged = [p for p in mapped if p.needs_review]
        clear = [p for p in mapped if not p.needs_review]
        return (len(flagged), _share(flagged), len(clear), _share(clear))

    @property
    def flagged_share(self) -> float:
        """Share of the mappings flagged for review."""
        flagged, _, clear, _ = self.review()
        return flagged / (flagged + clear) if flagged + clear else 0.0

    @property
    def unflagged_accuracy(self) -> float:
        """How often a mapping that is not flagged for review is right."""
        return self.review()[3]

    def by_source(self) -> list[tuple[str, int, float]]:
        """(labels file, count, accuracy) when the statements came from several files."""
        sources = list(dict.fromkeys(p.case.source for p in self.predictions))
        return [(s, len(g), _share(g)) for s in sources
                for g in [[p for p in self.predictions if p.case.source == s]]]

    def by_style(self) -> list[tuple[str, int, float]]:
        styles = sorted({p.case.style for p in self.predictions})
        out = []
        for style in styles:
            group = [p for p in self.predictions if p.case.style == style]
            out.append((style, len(group), sum(p.correct for p in group) / len(group)))
        return out


def load_labels(path: Path, framework: str, level: int = 1) -> list[Labeled]:
    columns = LEVEL_COLUMNS.get((framework, level)) or (LABEL_COLUMNS.get(framework) if level == 1 else None)
    if columns is None:
        known = sorted({*LABEL_COLUMNS, *(f"{f} (level {n})" for f, n in LEVEL_COLUMNS)})
        raise UsageError(f"no label columns are known for framework '{framework}' at level {level}; known: "
                         f"{', '.join(known)}")
    primary, alt = columns
    try:
        text, _ = decode(path.read_bytes(), str(path))
    except OSError as exc:
        raise InputFileError(str(path), f"could not be opened ({exc.strerror})") from exc
    rows = list(csv.DictReader(text.splitlines()))
    if not rows or "text" not in rows[0] or primary not in rows[0]:
        raise InputFileError(str(path), f"needs columns 'text' and '{primary}' (and optionally id, split, cm_ref, "
                                        f"{alt}, style)")
    return [Labeled(r.get("id") or f"row{n + 2}", r["text"], r.get("cm_ref") or "", r.get("split") or "",
                    (r[primary] or NONE).strip(), (r.get(alt) or "").strip(), r.get("style") or "",
                    kind=(r.get("kind") or "").strip(), source=path.name)
            for n, r in enumerate(rows)]


def predict(cases: Sequence[Labeled], rules: RuleSet, options: RunOptions, level: int = 1,
            encoder: Encoder | None = None, matcher: Matcher | None = None) -> list[Prediction]:
    """Run the cases through the same stages as a real run (noise, duplicate folding, mapping); the prediction is
    the top mapping's ancestor at ``level``, and a folded duplicate is predicted as the item it was folded into.
    ``matcher``: a matcher to score with instead of the run's own (cross-validation: :mod:`.crossval`)."""
    framework, legacy = resolve_frameworks(rules, options)
    settings = run_settings(rules, framework, options)
    if options.semantic and encoder is None:
        encoder = load_encoder()
    items = [EvidenceItem(id=f"E{n + 1:05d}", text=c.text, source=Source(file="labels", extractor="csv", row=n + 2),
                          cm_ref=parse_ref(c.cm_ref, len(legacy.criteria))) for n, c in enumerate(cases)]
    results = {r.item.id: r for r in settle_items(items, rules, framework, legacy, settings,
                                                   encoder if options.semantic else None, matcher)}
    out = []
    for case, item in zip(cases, items, strict=True):
        result = results[item.id]
        if result.status == "duplicate" and result.duplicate_of is not None:
            result = results[result.duplicate_of]
        kind = "mixed" if result.kind == "support" and result.gap_text else result.kind
        if result.status != "mapped":
            out.append(Prediction(case, NONE, 0.0, kind=kind))
        else:
            top = result.mappings[0]
            out.append(Prediction(case, framework.at_level(top.criterion, level), top.score, kind=kind,
                                  needs_review=top.needs_review))
    return out


def evaluate(paths: Path | Sequence[Path], rules: RuleSet, options: RunOptions, split: str = "", level: int = 1,
             encoder: Encoder | None = None) -> Report:
    """Accuracy of ``options.framework`` on the labeled cases of ``split`` (all when empty), compared at ``level``
    (1: criteria; 2: the sub-criteria of a hierarchical framework such as cse-2008). With ``options.semantic``
    the semantic matcher is on (``encoder`` if given, else loaded). Several labels files are measured together,
    and the report also gives the accuracy per file."""
    framework, _legacy = resolve_frameworks(rules, options)
    files = [paths] if isinstance(paths, Path) else list(paths)
    cases = [c for path in files for c in load_labels(path, framework.id, level) if not split or c.split == split]
    predictions = predict(cases, rules, options, level, encoder)
    labels = [c.id for c in framework.criteria if framework.level(c.id) == level] + [NONE]
    report = Report(framework.id, split or "all", predictions, labels, level=level)
    for label in labels:
        tp = sum(1 for p in predictions if p.predicted == label and p.correct)
        predicted = sum(1 for p in predictions if p.predicted == label)
        # a case counts towards a label's recall when that label is its primary one
        support = sum(1 for p in predictions if p.case.label == label)
        found = sum(1 for p in predictions if p.case.label == label and p.correct)
        precision = tp / predicted if predicted else 0.0
        recall = found / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report.per_label[label] = (precision, recall, f1, support)
    return report


def format_report(report: Report) -> str:
    level = f", level {report.level}" if report.level != 1 else ""
    lines = [f"framework {report.framework}{level}, split {report.split}: {len(report.predictions)} statements",
             f"top-1 accuracy {report.accuracy:.3f}  macro-F1 {report.macro_f1:.3f}  "
             f"not flagged right {report.unflagged_accuracy:.3f}  flagged {report.flagged_share:.1%}", "",
             f"{'label':<8}{'precision':>10}{'recall':>8}{'F1':>8}{'support':>9}"]
    for label, (p, r, f1, n) in report.per_label.items():
        lines.append(f"{label:<8}{p:>10.3f}{r:>8.3f}{f1:>8.3f}{n:>9}")
    lines += ["", "confusion (rows: primary label, columns: predicted)",
              " " * 8 + "".join(f"{lab:>6}" for lab in report.labels)]
    for label, row in report.confusion().items():
        lines.append(f"{label:<8}" + "".join(f"{row.get(c, 0):>6}" for c in report.labels))
    flagged, flagged_acc, clear, clear_acc = report.review()
    lines += ["", "needs review (mappings flagged, and how often right)",
              f"  flagged {flagged} ({report.flagged_share:.1%} of mappings), right {flagged_acc:.3f}",
              f"  not flagged {clear}, right {clear_acc:.3f}"]
    if len({p.case.source for p in report.predictions}) > 1:
        lines += ["", "accuracy by labels file"]
        lines += [f"  {source:<32}{n:>5}{acc:>8.3f}" for source, n, acc in report.by_source()]
    lines += ["", "calibration (score band, count, accuracy)"]
    lines += [f"  {band:<11}{n:>5}{acc:>8.3f}" for band, n, acc in report.calibration()]
    lines += ["", "accuracy by style"]
    lines += [f"  {style:<12}{n:>5}{acc:>8.3f}" for style, n, acc in report.by_style()]
    kinds = report.kind_scores()
    if kinds is not None:
        precision, recall, found, gold, split, mixed = kinds
        lines += ["", f"statement kind: absence or plan recognised with precision {precision:.3f}, recall "
                      f"{recall:.3f} ({found} of {gold}); mixed statements split into fact and gap: {split} of {mixed}"]
    return "\n".join(lines)
