"""Checks for rules authors: things that load but are probably not what was meant.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from cse_migrate.rules.model import Lexicon
from cse_migrate.text import Vocabulary, tokens, words


def check_phrases(lexicons: dict[str, Lexicon], vocab: Vocabulary, warnings: list[str],
                  problems: list[str] | None = None, bundled: Path | None = None) -> None:
    """A phrase of several words that stop words reduce to one word (or none) matches far more than its author
    may have meant ("signed off" would match any "signed"): the phrase should say ``exact: true`` (its stop
    words then count, side by side and in order) or be written as the one word it means. In the bundled rules
    such a hollow phrase is a problem (``problems``); in a rules pack it is a warning, because "head of"
    matching every "head" is sometimes exactly what a pack's author meant."""
    for lex in lexicons.values():
        in_bundle = bundled is not None and problems is not None and Path(lex.file).resolve().is_relative_to(
            bundled.resolve())
        for cid, entry in lex.criteria.items():
            if entry.file and entry.file != lex.file:
                continue  # inherited from a base lexicon: checked there
            for section, phrases in (("phrases", entry.phrases), ("against", entry.against)):
                for phrase in phrases:
                    if phrase.exact:
                        continue
                    left = tokens(phrase.text, dataclasses.replace(vocab, abbreviations={}))
                    if len(words(phrase.text)) > 1 and len(left) < 2:
                        kept = f"'{left[0]}'" if left else "nothing"
                        message = (f"{lex.file}: criteria.{cid}.{section}.{phrase.text}: stop words leave {kept} "
                                   f"of this phrase, which then matches that word anywhere (say 'exact: true' or "
                                   f"write the one word)")
                        (problems if in_bundle and problems is not None else warnings).append(message)
