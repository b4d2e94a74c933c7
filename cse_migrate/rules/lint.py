"""Warnings for rules authors: things that load but are probably not what was meant.
"""

from __future__ import annotations

import dataclasses

from cse_migrate.rules.model import Lexicon
from cse_migrate.text import Vocabulary, tokens, words


def check_phrases(lexicons: dict[str, Lexicon], vocab: Vocabulary, warnings: list[str]) -> None:
    """A phrase of several words that stop words reduce to one word (or none) matches far more than its author
    may have meant ("one to one" matches any "one"): warn, naming the phrase and what is left of it. A warning,
    not an error, because "head of" matching every "head" is sometimes exactly what was meant."""
    for lex in lexicons.values():
        for cid, entry in lex.criteria.items():
            for section, phrases in (("phrases", entry.phrases), ("against", entry.against)):
                for phrase in phrases:
                    left = tokens(phrase.text, dataclasses.replace(vocab, abbreviations={}))
                    if len(words(phrase.text)) > 1 and len(left) < 2:
                        kept = f"'{left[0]}'" if left else "nothing"
                        warnings.append(f"{lex.file}: criteria.{cid}.{section}.{phrase.text}: stop words leave "
                                        f"{kept} of this phrase, which then matches that word anywhere")
