"""The mapping rules: frameworks, crosswalks, lexicons, vocabulary and noise patterns, loaded from ``mappings/``.

The package is split by job: :mod:`~cse_migrate.rules.model` (the domain types and the criteria tree),
:mod:`~cse_migrate.rules.settings` (what a framework may set), :mod:`~cse_migrate.rules.schema` (the file
schema), :mod:`~cse_migrate.rules.loader` (reading and layering rules folders), :mod:`~cse_migrate.rules.lint`
(warnings for rules authors), :mod:`~cse_migrate.rules.elements` (turning a user's element list into a pack) and
:mod:`~cse_migrate.rules.tree` (printing a framework). The public names are re-exported here so callers write
``from cse_migrate.rules import RuleSet, load_rules``.
"""

from cse_migrate.model import LEVEL_NAMES
from cse_migrate.rules.loader import BUNDLED_RULES, load_rules
from cse_migrate.rules.model import (
    ID_PATTERN,
    KINDS,
    PROVENANCES,
    RATIONALES,
    RELATIONSHIPS,
    ROLES,
    Criterion,
    CriterionLexicon,
    CrosswalkRule,
    Framework,
    Lexicon,
    NoisePattern,
    RuleSet,
    lexicon_chain,
)
from cse_migrate.rules.settings import DEFAULT_SETTINGS, SETTING_SPECS, effective_settings
from cse_migrate.text import Phrase, Vocabulary

__all__ = [
    "BUNDLED_RULES",
    "DEFAULT_SETTINGS",
    "ID_PATTERN",
    "KINDS",
    "LEVEL_NAMES",
    "PROVENANCES",
    "RATIONALES",
    "RELATIONSHIPS",
    "ROLES",
    "SETTING_SPECS",
    "Criterion",
    "CriterionLexicon",
    "CrosswalkRule",
    "Framework",
    "Lexicon",
    "NoisePattern",
    "Phrase",
    "RuleSet",
    "Vocabulary",
    "effective_settings",
    "lexicon_chain",
    "load_rules",
]
