"""Fuzzy similarity of evidence word forms to the lexicon's words, computed once per form.

The matcher compares every distinct word form of a block of items with every lexicon word in one
``rapidfuzz.process.cdist`` call. A form's row of similarities depends only on the form, and a log of 200,000
rows repeats the same few thousand words, so rows are kept between blocks and only forms not seen before are
scored. The cache is emptied when it reaches :data:`FORM_CACHE` forms, which bounds its memory (50,000 rows of
the vocabulary's size, about 40 MB for the bundled lexicons).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from cse_migrate.text import Vocabulary

FORM_CACHE = 50_000
# Below this many letters a token must match exactly: fuzzy matching short words gives nonsense (bus ~ bush).
MIN_FUZZY_LENGTH = 5


class FormSimilarities:
    """Similarity rows (0-100, 0 below the cutoff) of word forms against the lexicon vocabulary."""

    def __init__(self, lexicon_words: Sequence[str], index: dict[str, int], vocabulary: Vocabulary,
                 cutoff: float) -> None:
        self.words = list(lexicon_words)
        self.index = index
        self.vocabulary = vocabulary
        self.cutoff = cutoff
        self.exact_only = np.array([len(v) < MIN_FUZZY_LENGTH or v in vocabulary.stopwords for v in self.words],
                                   dtype=bool)
        self.cache: dict[str, NDArray[np.uint8]] = {}

    def rows(self, forms: Sequence[str]) -> NDArray[np.uint8]:
        """(forms x lexicon words) similarities: short words and stop words exact only, reviewed blocked pairs
        (``merges.blocked`` in the vocabulary) never."""
        matrix = np.zeros((len(forms), len(self.words)), dtype=np.uint8)
        if not forms or not self.words:
            return matrix
        new = [f for f in forms if f not in self.cache]
        if len(self.cache) + len(new) > FORM_CACHE:
            self.cache.clear()
            new = list(forms)
        if new:
            self.cache.update(zip(new, self._score(new), strict=True))
        for row, form in enumerate(forms):
            matrix[row] = self.cache[form]
        return matrix

    def _score(self, forms: list[str]) -> NDArray[np.uint8]:
        vocab = self.vocabulary
        rows: NDArray[np.uint8] = process.cdist(forms, self.words, scorer=fuzz.ratio, dtype=np.uint8, workers=1,
                                                score_cutoff=self.cutoff)
        exact_form = np.array([len(f) < MIN_FUZZY_LENGTH or f in vocab.stopwords for f in forms], dtype=bool)
        rows[(exact_form[:, None] | self.exact_only[None, :]) & (rows < 100)] = 0
        at = {f: i for i, f in enumerate(forms)}
        for a, b in vocab.merges_blocked:
            for form in {a, vocab.stem(a)} & at.keys():
                for target in {b, vocab.stem(b)} & self.index.keys():
                    if form != target:
                        rows[at[form], self.index[target]] = 0
        return rows
