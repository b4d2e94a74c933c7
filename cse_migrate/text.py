"""Text normalisation shared by the matcher, the duplicate folder and the noise detector.

Both evidence text and lexicon phrases go through the same steps (lower case, abbreviations expanded beside the
original, US spellings made UK, stop words dropped, a light stemmer) so that "Organized custmer consultations"
and "organise customer consultation" meet on common ground before fuzzy matching looks at typos.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Phrase:
    text: str
    weight: float


@dataclass(frozen=True)
class Vocabulary:
    """Shared text knowledge: abbreviations, US to UK spellings, stop words, non-customer-facing phrases."""

    abbreviations: dict[str, str]
    spellings: dict[str, str]
    stopwords: frozenset[str]
    not_customer_facing: tuple[Phrase, ...]
    number_words: dict[str, str]


_WORD = re.compile(r"[a-z0-9]+(?:[&/'][a-z0-9]+)*")
_SPACES = re.compile(r"\s+")
_COMPOUND = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")
# Suffixes stripped by the stemmer, longest first; a stem keeps at least four letters so that short words
# ("news", "bus") are left alone.
_SUFFIXES = ("isations", "isation", "ations", "ation", "ments", "ment", "ings", "ing", "ised", "ises", "ise",
             "ness", "ities", "ity", "ively", "ive", "ers", "er", "ors", "ies", "ied", "ed", "es", "ly", "al", "s")


def fold(text: str) -> str:
    """Lower-case, strip accents and curly quotes, fold white space."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", "-")
    return _SPACES.sub(" ", text).strip().lower()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately small stemmer: enough to meet inflections, predictable enough to explain."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied", "ities", "ity"):
                base += "y" if suffix in ("ies", "ied") else ""
            # "planned" -> "plann" -> "plan": undo doubled final consonants left by -ed/-ing/-er
            if suffix in ("ed", "ing", "er", "ers", "ings") and len(base) > 4 and base[-1] == base[-2] \
                    and base[-1] not in "lsz":
                base = base[:-1]
            return base
    return word


def words(text: str) -> list[str]:
    """Folded word tokens (keeps tokens such as a&e, w/shop and 2.1 parts)."""
    return _WORD.findall(fold(text))


def tokens(text: str, vocab: Vocabulary) -> list[str]:
    """Tokens for matching: words, with abbreviations expanded beside them, UK spellings, no stop words."""
    out: list[str] = []
    if "%" in text:
        out.append("percent")  # measured results ("91% satisfied") are a signal in their own right
    # a hyphenated compound ("e-learning", "co-design") also counts as one word, so that a phrase written
    # with the hyphen does not shrink to its last part and match every "learning"
    compounds: list[str] = [str(m).replace("-", "") for m in _COMPOUND.findall(fold(text))]
    for raw in words(text) + compounds:
        word: str = vocab.spellings.get(raw, raw)
        expansion = vocab.abbreviations.get(word)
        for candidate in [word] + (words(expansion) if expansion else []):
            w: str = vocab.spellings.get(candidate, candidate)
            if w in vocab.stopwords or (len(w) < 2 and not w.isdigit()):
                continue
            out.append(w)
    return out


def stems(text: str, vocab: Vocabulary) -> list[str]:
    """Stemmed tokens, in order."""
    return [stem(t) for t in tokens(text, vocab)]


def signature(text: str) -> str:
    """A folded form for duplicate detection: words only, in order."""
    return " ".join(words(text))
