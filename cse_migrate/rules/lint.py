"""Checks for rules authors: things that load but are probably not what was meant.
"""

from __future__ import annotations

import dataclasses

from cse_migrate.rules.model import CrosswalkRule, Lexicon
from cse_migrate.text import Vocabulary, tokens, words


def check_phrases(lexicons: dict[str, Lexicon], vocab: Vocabulary, warnings: list[str],
                  problems: list[str] | None = None) -> None:
    """A phrase of several words that stop words reduce to one word (or none) matches far more than its author
    may have meant ("signed off" would match any "signed"): the phrase should say ``exact: true`` (its stop
    words then count, side by side and in order) or be written as the one word it means. In the bundled rules
    such a hollow phrase is a problem (``problems``); in a rules pack it is a warning, because "head of"
    matching every "head" is sometimes exactly what a pack's author meant. Each message names the file that wrote
    the phrase (``bundled:...`` or the pack's). Run before extending frameworks inherit their base's entries, so
    each phrase is checked once, where it is written."""
    plain = dataclasses.replace(vocab, abbreviations={}, number_words={})  # a phrase's own words, not expanded
    for lex in lexicons.values():
        for cid, entry in lex.criteria.items():
            for section, phrases in (("phrases", entry.phrases), ("against", entry.against)):
                for phrase in phrases:
                    if phrase.exact:
                        continue
                    left = tokens(phrase.text, plain)
                    where = phrase.source or entry.file or lex.file
                    bundled_phrase = problems is not None and where.startswith("bundled:")
                    if not left:
                        message = (f"{where}: criteria.{cid}.{section}.{phrase.text}: every word of this phrase is "
                                   "a stop word, so it can never match (say 'exact: true')")
                    elif len(words(phrase.text)) > 1 and len(left) < 2:
                        message = (f"{where}: criteria.{cid}.{section}.{phrase.text}: stop words leave "
                                   f"'{left[0]}' of this phrase, which then matches that word anywhere (say "
                                   "'exact: true' or write the one word)")
                    else:
                        continue
                    (problems if bundled_phrase and problems is not None else warnings).append(message)


def check_repeated_pairs(crosswalks: list[CrosswalkRule], warnings: list[str]) -> None:
    """A second rule for the same pair of criteria, from another file, adds its strength on top of the first:
    usually a pack meant to change the first rule. Warn, naming both and how to override by id."""
    first: dict[tuple[str, str, str, str], CrosswalkRule] = {}
    for rule in crosswalks:
        key = (rule.source_framework, rule.source, rule.target_framework, rule.target)
        earlier = first.setdefault(key, rule)
        if earlier is not rule and earlier.file != rule.file:
            warnings.append(f"{rule.file}: rules.{rule.id}: maps {rule.source} to {rule.target} like rule "
                            f"{earlier.id} in {earlier.file}; both count. To change that rule, lay a file over "
                            f"it with '- {{id: {earlier.id}, strength: N}}'")
