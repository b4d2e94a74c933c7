"""Ablation: what each signal of the matcher contributes, measured with the labeled corpus.

Each variant switches one signal off by changing the rules (never the code), so the numbers describe exactly
what a rules author controls: the crosswalk prior, the noise patterns, the "against" phrases and non-customer
facing activities, fuzzy tolerance, and the abbreviation and spelling vocabulary.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

from cse_migrate.analysis.semantic import Encoder, load_encoder
from cse_migrate.options import RunOptions
from cse_migrate.rules import Lexicon, RuleSet
from cse_migrate.tools.evaluate import NONE, Report, evaluate


def _without_crosswalk(rules: RuleSet) -> RuleSet:
    return dataclasses.replace(rules, crosswalks=())


def _without_noise(rules: RuleSet) -> RuleSet:
    return dataclasses.replace(rules, noise=())


def _without_against(rules: RuleSet) -> RuleSet:
    def strip(lexicon: Lexicon) -> Lexicon:
        criteria = {cid: dataclasses.replace(entry, against=()) for cid, entry in lexicon.criteria.items()}
        return dataclasses.replace(lexicon, criteria=criteria)

    vocabulary = dataclasses.replace(rules.vocabulary, not_customer_facing=())
    return dataclasses.replace(rules, vocabulary=vocabulary,
                               lexicons={fid: strip(lex) for fid, lex in rules.lexicons.items()})


def _without_fuzzy(rules: RuleSet) -> RuleSet:
    frameworks = {fid: dataclasses.replace(fw, settings={**fw.settings, "fuzzy_cutoff": 100.0})
                  for fid, fw in rules.frameworks.items()}
    return dataclasses.replace(rules, frameworks=frameworks)


def _without_classifier(rules: RuleSet) -> RuleSet:
    frameworks = {fid: dataclasses.replace(fw, settings={**fw.settings, "classifier_weight": 0.0})
                  for fid, fw in rules.frameworks.items()}
    return dataclasses.replace(rules, frameworks=frameworks)


def _without_vocabulary(rules: RuleSet) -> RuleSet:
    vocabulary = dataclasses.replace(rules.vocabulary, abbreviations={}, spellings={})
    return dataclasses.replace(rules, vocabulary=vocabulary)


def _lexicon_only(rules: RuleSet) -> RuleSet:
    return _without_classifier(_without_against(_without_noise(_without_crosswalk(rules))))


VARIANTS: dict[str, Callable[[RuleSet], RuleSet]] = {
    "all signals": lambda rules: rules,
    "without crosswalk prior": _without_crosswalk,
    "without noise patterns": _without_noise,
    "without against phrases": _without_against,
    "without fuzzy matching": _without_fuzzy,
    "without the classifier layer": _without_classifier,
    "without abbreviations and spellings": _without_vocabulary,
    "lexicon phrases only": _lexicon_only,
}


def run_ablation(labels: Path | Sequence[Path], rules: RuleSet, options: RunOptions, split: str, level: int = 1,
                 encoder: Encoder | None = None) -> list[tuple[str, Report]]:
    """Evaluate every variant on the same statements with the same options (``--semantic`` included)."""
    if options.semantic and encoder is None:
        encoder = load_encoder()  # once, for every variant
    return [(name, evaluate(labels, change(rules), options, split, level, encoder))
            for name, change in VARIANTS.items()]


def format_ablation(rows: list[tuple[str, Report]]) -> str:
    """A Markdown table: accuracy, macro-F1 and NONE precision/recall per variant, with the change in accuracy."""
    base = rows[0][1].accuracy
    lines = ["| signals | top-1 accuracy | change | macro-F1 | NONE precision | NONE recall |",
             "|---|---|---|---|---|---|"]
    for name, report in rows:
        precision, recall, _, _ = report.per_label[NONE]
        lines.append(f"| {name} | {report.accuracy:.3f} | {report.accuracy - base:+.3f} | {report.macro_f1:.3f} "
                     f"| {precision:.3f} | {recall:.3f} |")
    return "\n".join(lines)


