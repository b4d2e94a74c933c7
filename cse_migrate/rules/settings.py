"""The settings specification: every setting a framework may carry, in one place.

Each :class:`SettingSpec` gives a setting's name, type, range, default, meaning and the provenance of its default.
The rules loader validates a framework's ``settings`` block against it, :func:`settings_for` turns a framework (and
the run's options) into the typed :class:`~cse_migrate.model.Settings` the analysis reads, recording for every
setting its value, meaning, provenance and source, and :func:`settings_table` writes the README's table (a test
keeps the README in step).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from cse_migrate.model import Settings
from cse_migrate.rules.model import Framework
from cse_migrate.verdicts import SettingUsed

_CROSS_VALIDATED = ("analyst: chosen by 5-fold cross-validation on the development statements (README, The "
                    "optional semantic matcher)")
_PROJECT = "analyst: project default, not a fact about the standard"
_RATING = "analyst: the rating rules CSE uses are not public (README, Ratings and readiness)"


@dataclass(frozen=True)
class SettingSpec:
    """One setting: what it is, what values it may take, and where its default comes from."""

    name: str
    kind: type[int] | type[float]
    low: float
    high: float
    default: float | int
    meaning: str
    provenance: str  # of the default; a framework file's settings_provenance entry overrides it

    @property
    def type_name(self) -> str:
        return "whole number" if self.kind is int else "number"


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("map_threshold", float, 0.0, 1.0, 0.4,
                "Lowest score (0-1) at which an item maps to a criterion; below it the item is unmapped and listed",
                _PROJECT),
    SettingSpec("strong_threshold", float, 0.0, 1.0, 0.7,
                "Lowest mapping score at which an item counts as strong evidence", _PROJECT),
    SettingSpec("secondary_ratio", float, 0.0, 1.0, 0.75,
                "An item also supports another criterion whose raw points are at least this share of the best",
                _PROJECT),
    SettingSpec("stale_months", int, 1, 600, 36,
                "Maximum evidence age: items dated more than this many months before the as-of date are stale "
                "and do not count towards Met or Compliance (--stale-months overrides)",
                "analyst: the standards set no confirmed maximum evidence age"),
    SettingSpec("met_min_strong", int, 1, 1000, 2,
                "Strong items (and strong items that are not stale) a flat framework's criterion needs to be Met",
                _PROJECT),
    SettingSpec("met_max_findings", int, 0, 1000, 0,
                "Gap findings (the evidence saying a practice is missing, lapsed or only planned) about a flat "
                "framework's criterion (mainly about it, or mapped to it strongly) it may carry and still be Met",
                "analyst: an organisation's own statement that a practice is missing stands against calling it met"),
    SettingSpec("duplicate_similarity", float, 50.0, 100.0, 92.0,
                "Text similarity (0-100) at which two items are folded as duplicates", _PROJECT),
    SettingSpec("crosswalk_weight", float, 0.0, 100.0, 1.0,
                "Points a legacy reference adds through a crosswalk rule of strength 10 (scaled by strength)",
                _PROJECT),
    SettingSpec("context_weight", float, 0.0, 100.0, 0.6,
                "Share of crosswalk_weight when the reference comes from the sheet name or heading, not the row",
                _PROJECT),
    SettingSpec("score_scale", float, 0.01, 1000.0, 3.0,
                "Raw points become a score as 1 - exp(-points / score_scale)", _PROJECT),
    SettingSpec("fuzzy_cutoff", float, 50.0, 100.0, 85.0,
                "Word similarity (0-100) at which two words of five letters or more match (typos, inflections)",
                _PROJECT),
    SettingSpec("phrase_window", int, 0, 20, 2,
                "The words of a multi-word phrase must stand within the phrase's own length plus this many other "
                "words (a phrase may set its own window)",
                "analyst: chosen on the development statements (README, Mapping rules)"),
    SettingSpec("review_below", float, 0.0, 1.0, 0.65,
                "A mapping scoring below this is flagged \"needs review\"",
                "analyst: chosen on the development part of the labelled corpus (README, Calibration)"),
    SettingSpec("review_margin", float, 0.0, 1.0, 0.1,
                "A best mapping less than this ahead of the next criterion is flagged \"needs review\"",
                "analyst: chosen on the development part of the labelled corpus (README, Calibration)"),
    SettingSpec("semantic_weight", float, 0.0, 100.0, 0.0,
                "Points the optional semantic matcher (--semantic) spreads over the criteria by similarity to their "
                "prototype sentences", "analyst: 0 since the trained semantic layer, chosen by cross-validation on the "
                "development statements (README, The optional semantic matcher)"),
    SettingSpec("classifier_weight", float, 0.0, 100.0, 2.0,
                "Points the trained classifier layer spreads over the criteria by its probabilities (0 switches it "
                "off)", "analyst: chosen by cross-validation on the development statements (README, The classifier "
                "layer)"),
    SettingSpec("not_evidence_at", float, 0.0, 1.0, 1.0,
                "The trained classifier's probability that an item is not evidence at which it is left unmapped "
                "whatever the lexicon finds, with the words that decided it (1 never)",
                "analyst: chosen by cross-validation on the development statements (README, The classifier layer)"),
    SettingSpec("not_evidence_from_at", float, 0.5, 1.0, 1.0,
                "The probability that an item is not evidence, read by the classifier of the framework named by "
                "not_evidence_from, at which it is left unmapped whatever the lexicon finds (1 never)",
                "analyst: chosen by cross-validation on the development statements (README, The classifier layer)"),
    SettingSpec("semantic_temperature", float, 0.001, 10.0, 0.02,
                "Softmax temperature of the semantic matcher's similarities", _PROJECT),
    SettingSpec("embedding_weight", float, 0.0, 100.0, 4.0,
                "Points the trained semantic layer (--semantic) spreads over the criteria by its probabilities (0 "
                "switches it off)", _CROSS_VALIDATED),
    SettingSpec("embedding_alone", float, 0.0, 1.0, 0.5,
                "The trained semantic layer's probability for a criterion at which it also scores an item that no "
                "lexicon phrase matched (1 never)", _CROSS_VALIDATED),
    SettingSpec("review_dissent", int, 1, 2, 1,
                "A mapping is flagged \"needs review\" when this many learned layers (the classifier, and with "
                "--semantic the semantic layer) prefer another criterion (1: any; 2: both)", _CROSS_VALIDATED),
    SettingSpec("tuned_weight", float, 0.0, 100.0, 0.0,
                "With --semantic, where the semantic extra's fine-tuned classifier ships for the framework: the points "
                "the classifier layer spreads instead of classifier_weight, by its probabilities blended with the "
                "fine-tuned classifier's (0 switches the fine-tuned classifier off)", _CROSS_VALIDATED),
    SettingSpec("tuned_share", float, 0.0, 1.0, 0.5,
                "With --semantic: the fine-tuned classifier's share of the classifier layer's probabilities (the rest "
                "is the word classifier's)", _CROSS_VALIDATED),
    # Ratings and readiness for hierarchical frameworks (official CSE structure); see cse_migrate/analysis/ratings.py.
    SettingSpec("compliance_plus_min_strong", int, 1, 1000, 3,
                "Strong, fresh items a part needs for an estimated Compliance Plus", _RATING),
    SettingSpec("compliance_plus_min_sources", int, 1, 100, 2,
                "Different files those items must come from for Compliance Plus", _RATING),
    SettingSpec("compliance_min_strong", int, 1, 1000, 2,
                "Strong, fresh items a part needs for an estimated Compliance", _RATING),
    SettingSpec("compliance_max_findings", int, 0, 1000, 0,
                "Gap findings (the evidence saying a practice is missing, lapsed or only planned) about a part "
                "(mainly about it, or mapped to it strongly) it may carry and still be rated Compliance or better",
                _RATING),
    SettingSpec("readiness_min_compliance_share", float, 0.0, 1.0, 0.7,
                "Share of a criterion's parts that must be at Compliance or better", _RATING),
    SettingSpec("readiness_max_partial", int, 0, 1000, 1,
                "Parts of a criterion that may be at Partial Compliance", _RATING),
    SettingSpec("readiness_max_not_evidenced", int, 0, 1000, 0,
                "Parts of a criterion that may have no evidence at all", _RATING),
)
SETTING_SPECS: dict[str, SettingSpec] = {s.name: s for s in SPECS}
DEFAULT_SETTINGS: dict[str, float | int] = {s.name: s.default for s in SPECS}


def effective_settings(framework: Framework) -> dict[str, float | int]:
    """The framework's settings over the defaults."""
    return {**DEFAULT_SETTINGS, **framework.settings}


def settings_for(framework: Framework, as_of: date, organisation: str, stale_months: int | None = None,
                 semantic: bool = False, from_pack: Callable[[str], bool] = lambda _file: False) -> Settings:
    """The typed settings of a run on ``framework``, each recorded with its value, meaning, provenance and source.

    The source is "command line" for ``--stale-months``, "pack" for a value set by a framework file from a rules
    pack (``from_pack`` tells which files are), and "bundled" for a bundled framework file or the default."""
    values = effective_settings(framework)
    if stale_months is not None:
        values["stale_months"] = stale_months
    used = []
    for spec in SPECS:
        if spec.name == "stale_months" and stale_months is not None:
            source, provenance = "command line", "run option --stale-months"
        elif spec.name in framework.settings:
            source = "pack" if from_pack(framework.settings_files.get(spec.name, framework.file)) else "bundled"
            provenance = framework.settings_provenance.get(
                spec.name, f"framework {framework.id} setting (no provenance given)")
        else:
            source, provenance = "bundled", framework.settings_provenance.get(spec.name, spec.provenance)
        used.append(SettingUsed(spec.name, spec.kind(values[spec.name]), spec.meaning, provenance, source))
    return build_settings({u.name: u.value for u in used}, as_of, organisation, semantic, tuple(used))


def build_settings(values: Mapping[str, float | int], as_of: date, organisation: str, semantic: bool = False,
                   used: tuple[SettingUsed, ...] = ()) -> Settings:
    """A :class:`Settings` from setting values (the defaults for any not given), each converted to its type.

    Without ``used`` every setting is recorded with the specification's meaning and provenance as "bundled"."""
    unknown = sorted(set(values) - set(SETTING_SPECS))
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(unknown)}")
    typed = {s.name: s.kind(values.get(s.name, s.default)) for s in SPECS}
    used = used or tuple(SettingUsed(s.name, typed[s.name], s.meaning, s.provenance) for s in SPECS)
    # Settings declares one typed field per spec entry (tests/test_settings.py checks they match)
    make: Any = Settings
    built: Settings = make(as_of=as_of, organisation=organisation, semantic=semantic, used=used, **typed)
    return built


def check_settings_fields() -> list[str]:
    """Differences between the specification and the typed fields of Settings (empty when they agree)."""
    fields = {f.name: f.type for f in dataclasses.fields(Settings) if f.name not in Settings.RUN_FIELDS}
    problems = [f"Settings has no field {s.name}" for s in SPECS if s.name not in fields]
    problems += [f"Settings.{name} is not in the specification" for name in fields if name not in SETTING_SPECS]
    problems += [f"Settings.{s.name} is {fields[s.name]}, the specification says {s.kind.__name__}"
                 for s in SPECS if s.name in fields and fields[s.name] != s.kind.__name__]
    return problems


def settings_table() -> str:
    """The README's settings table (Markdown), generated from the specification."""
    lines = ["| setting | type | range | default | meaning | provenance of the default |",
             "|---|---|---|---|---|---|"]
    for s in SPECS:
        lines.append(f"| `{s.name}` | {s.type_name} | {s.low:g} to {s.high:g} | {s.default:g} | "
                     f"{s.meaning.replace('|', '/')} | {s.provenance} |")
    return "\n".join(lines) + "\n"
