"""Compiled matchers, shared: compiling a lexicon into a :class:`~cse_migrate.analysis.mapping.Matcher` costs more
than mapping a whole portfolio, so a batch (or each worker process of one) compiles it once for all its
organisations.
"""

from __future__ import annotations

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.analysis.semantic import Encoder
from cse_migrate.model import Settings
from cse_migrate.rules import Framework, RuleSet

# Compiled matchers by (rule set, target, legacy framework, encoder, settings): compiling a lexicon costs more than
# mapping a whole portfolio, so a batch (or each worker process of one) compiles it once for all its organisations.
# The rule set is keyed by identity, not by its version: ablation derives rule sets that keep the version but
# differ. The settings are keyed by every setting of the specification (Settings.values), not by the fields that
# describe the run (as-of date, organisation), which differ between organisations and which a matcher never reads.
_COMPILED: dict[tuple[object, ...], Matcher] = {}
_COMPILED_MAX = 8  # a process uses a few frameworks at most; beyond that the oldest is dropped


def compiled_matcher(rules: RuleSet, framework: Framework, legacy: str = "charter-mark-2003",
                     encoder: Encoder | None = None, settings: Settings | None = None) -> Matcher:
    """The :class:`Matcher` for this rule set, framework, legacy framework, encoder and settings, compiled at most
    once."""
    used = None if settings is None else tuple(settings.values().items())
    key = (id(rules), framework.id, legacy, id(encoder), used)
    matcher = _COMPILED.get(key)
    # the cached matcher holds its rules and encoder, so their ids cannot be reused while it is cached
    if matcher is None or matcher.rules is not rules or matcher.semantic_encoder is not encoder:
        matcher = Matcher(rules, framework, legacy, encoder, settings)
        if len(_COMPILED) >= _COMPILED_MAX:
            del _COMPILED[next(iter(_COMPILED))]
        _COMPILED[key] = matcher
    return matcher
