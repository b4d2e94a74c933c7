"""List every pair of distinct real words that fuzzy matching or the stemmer merges, for review.

"Real words" are the words of the lexicons and of the development corpora (the labeled statements, the
development extension and the sample labels; never the frozen fresh part). Two words are merged when the
matcher lets one stand for the other:

* by the stemmer: both have the same stem (``publication`` and ``public``), unless they differ only by an
  inflection (``train``, ``trains``, ``trained``, ``training``), which is what the stemmer is for;
* by fuzzy tolerance: the word meets a different lexicon word within the fuzzy cutoff (``billing`` and
  ``bilingual``).

Every pair found must be reviewed and kept in ``mappings/vocabulary.yaml`` under ``merges``: ``allowed`` (one
word family, or a spelling the stemmer misses), ``blocked`` (two different words: the matcher never merges them)
or, for the stemmer, ``stems`` (the word keeps a stem of its own). ``tests/test_merges.py`` fails when a pair
is left unreviewed, so a lexicon change that brings a new merge is looked at. Run
``python -m cse_migrate.tools.merges [CSV...]`` to print the unreviewed pairs (all pairs with ``--all``).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.model import EvidenceItem, Source
from cse_migrate.rules import RuleSet, load_rules
from cse_migrate.text import Vocabulary, positioned

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
# the development corpora: never the frozen fresh part
CORPORA = ("labeled_statements.csv", "dev_extra_statements.csv", "sample_labels.csv")
# inflections the stemmer is meant to remove; two words that differ only by these are one word
_INFLECTIONS = ("ies", "ied", "ing", "es", "ed", "s", "d")


@dataclass(frozen=True, order=True)
class Merge:
    how: str  # "stem" or "fuzzy"
    word: str  # the evidence word
    lexicon_word: str  # the lexicon word it stands for
    score: int  # fuzzy similarity (100 for a stem merge)

    @property
    def pair(self) -> str:
        return f"{self.word}~{self.lexicon_word}"


def corpus_words(paths: Iterable[Path], vocab: Vocabulary) -> set[str]:
    out: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                out |= {t.text for t in positioned(row.get("text") or "", vocab) if t.text.isalpha()}
    return out


def lexicon_words(rules: RuleSet) -> set[str]:
    vocab = rules.vocabulary
    phrases = [p for lex in rules.lexicons.values() for e in lex.criteria.values() for p in (*e.phrases, *e.against)]
    phrases += list(vocab.not_customer_facing)
    return {t.text for p in phrases for t in positioned(p.text, vocab) if t.text.isalpha()}


def _base(word: str) -> str:
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            if len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]
            return base.rstrip("e")
    return word.rstrip("e")


def same_word(a: str, b: str) -> bool:
    """Two forms of one word: equal once inflections (and a final e) are taken off."""
    return a == b or _base(a) == _base(b) or _base(a) == b.rstrip("e") or _base(b) == a.rstrip("e")


def find_merges(rules: RuleSet, known: set[str]) -> list[Merge]:
    """Every pair of distinct known words the matchers of all target frameworks merge."""
    vocab = rules.vocabulary
    lexicon = lexicon_words(rules)
    found: set[Merge] = set()
    for framework in rules.targets():
        matcher = Matcher(rules, framework)
        sources: dict[str, set[str]] = {}
        for word in lexicon:
            sources.setdefault(vocab.stem(word), set()).add(word)
        words = sorted(known | lexicon)
        items = [EvidenceItem(id=f"W{n}", text=w, source=Source(file="words", extractor="text"))
                 for n, w in enumerate(words)]
        for start in range(0, len(items), 1000):
            chunk = items[start:start + 1000]
            block = matcher._block(chunk)
            for row, item in enumerate(chunk):
                word = item.text
                own = vocab.stem(word)
                # an abbreviation stands for its expansion by design ("foi": freedom of information)
                expanded = {vocab.stem(t.text) for t in positioned(word, vocab, keep_stopwords=True)} - {own}
                for column in np.nonzero(block.sim[row])[0]:
                    target = matcher.vocab[int(column)]
                    score = round(float(block.sim[row, column]) * 100)
                    for lexicon_word in sources.get(target, {target}):
                        if same_word(word, lexicon_word) or target in expanded:
                            continue
                        how = "stem" if target in (own, word) else "fuzzy"
                        found.add(Merge(how, word, lexicon_word, score))
    return sorted(found)


def reviewed(merge: Merge, vocab: Vocabulary) -> bool:
    pair = (merge.word, merge.lexicon_word)
    return pair in vocab.merges_allowed or pair in vocab.merges_blocked or merge.word in vocab.stems \
        or merge.lexicon_word in vocab.stems


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show_all = "--all" in args
    paths = [Path(a) for a in args if a != "--all"] or [DATA / name for name in CORPORA]
    rules = load_rules(None)
    merges = find_merges(rules, corpus_words(paths, rules.vocabulary))
    shown = [m for m in merges if show_all or not reviewed(m, rules.vocabulary)]
    for m in shown:
        print(f"{m.how:<6}{m.score:>4}  {m.pair}")
    print(f"{len(merges)} merges of distinct words, {len(shown)} shown", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
