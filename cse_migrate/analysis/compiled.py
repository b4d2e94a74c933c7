"""Compiled matchers, noise detectors and statement judges, shared: compiling a lexicon into a
:class:`~cse_migrate.analysis.mapping.Matcher` costs more than mapping a whole portfolio (and compiling the noise
patterns into one RE2 set about a tenth of an organisation's analysis), so a batch (or each worker process of one)
compiles them once for all its organisations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.analysis.noise import NoiseDetector
from cse_migrate.analysis.semantic import Encoder
from cse_migrate.analysis.statements import StatementJudge
from cse_migrate.model import Settings
from cse_migrate.rules import Framework, RuleSet

T = TypeVar("T")

# Compiled matchers by (rule set, target, legacy framework, encoder, settings): compiling a lexicon costs more than
# mapping a whole portfolio, so a batch (or each worker process of one) compiles it once for all its organisations.
# The rule set is keyed by identity, not by its version: ablation derives rule sets that keep the version but
# differ; the rest of the key is matcher_key's.
_COMPILED: dict[tuple[object, ...], Matcher] = {}
_COMPILED_MAX = 8  # a process uses a few frameworks at most; beyond that the oldest is dropped


def compiled_matcher(rules: RuleSet, framework: Framework, legacy: str = "charter-mark-2003",
                     encoder: Encoder | None = None, settings: Settings | None = None) -> Matcher:
    """The :class:`Matcher` for this rule set, framework, legacy framework, encoder and settings, compiled at most
    once."""
    key = _matcher_key(rules, framework, legacy, encoder, settings)
    matcher = _COMPILED.get(key)
    # the cached matcher holds its rules and encoder, so their ids cannot be reused while it is cached
    if matcher is None or matcher.rules is not rules or matcher.semantic_encoder is not encoder:
        matcher = keep_matcher(rules, framework, legacy, settings, Matcher(rules, framework, legacy, encoder, settings))
    return matcher


def keep_matcher(rules: RuleSet, framework: Framework, legacy: str, settings: Settings | None,
                 matcher: Matcher) -> Matcher:
    """Keep ``matcher``, compiled for these rules, framework, legacy framework and settings (by
    :class:`Matcher` itself or kept from an earlier run, see :mod:`cse_migrate.rules_cache`), for
    :func:`compiled_matcher` to give."""
    if matcher.rules is not rules:
        raise ValueError("the matcher was compiled from another rule set")
    if len(_COMPILED) >= _COMPILED_MAX:
        del _COMPILED[next(iter(_COMPILED))]
    _COMPILED[_matcher_key(rules, framework, legacy, matcher.semantic_encoder, settings)] = matcher
    return matcher


def matcher_key(framework: Framework, legacy: str, settings: Settings | None) -> tuple[object, ...]:
    """What a matcher compiled from one rule set depends on besides its encoder: the target and legacy frameworks
    and every setting of the specification (Settings.values), not the fields that describe the run (as-of date,
    organisation), which differ between organisations and which a matcher never reads."""
    return (framework.id, legacy, None if settings is None else tuple(settings.values().items()))


def _matcher_key(rules: RuleSet, framework: Framework, legacy: str, encoder: Encoder | None,
                 settings: Settings | None) -> tuple[object, ...]:
    return (id(rules), id(encoder), *matcher_key(framework, legacy, settings))


# Noise detectors and statement judges by rule set (by identity, as above), each kept with its rule set so that the
# id cannot be reused while it is cached. They read nothing but the rules.
_DETECTORS: dict[int, tuple[RuleSet, NoiseDetector]] = {}
_JUDGES: dict[int, tuple[RuleSet, StatementJudge]] = {}


def compiled_noise_detector(rules: RuleSet) -> NoiseDetector:
    """The :class:`NoiseDetector` of this rule set, its patterns compiled at most once."""
    return _per_rule_set(_DETECTORS, rules, NoiseDetector)


def compiled_statement_judge(rules: RuleSet) -> StatementJudge:
    """The :class:`StatementJudge` of this rule set, made at most once."""
    return _per_rule_set(_JUDGES, rules, StatementJudge)


def _per_rule_set(cache: dict[int, tuple[RuleSet, T]], rules: RuleSet, make: Callable[[RuleSet], T]) -> T:
    """``make(rules)``, kept in ``cache`` by the rule set's identity (the oldest dropped beyond the limit)."""
    cached = cache.get(id(rules))
    if cached is None or cached[0] is not rules:
        if len(cache) >= _COMPILED_MAX:
            del cache[next(iter(cache))]
        cached = cache[id(rules)] = (rules, make(rules))
    return cached[1]
