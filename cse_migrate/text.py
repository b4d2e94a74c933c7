"""Text normalisation shared by the matcher, the duplicate folder and the noise detector.

Both evidence text and lexicon phrases go through the same steps (lower case, abbreviations expanded beside the
original, US spellings made UK, stop words dropped, a light stemmer) so that "Organized custmer consultations"
and "organise customer consultation" meet on common ground before fuzzy matching looks at typos.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple


@dataclass(frozen=True)
class Phrase:
    """A lexicon phrase. Its words must stand close together in the evidence (within the phrase's own length
    plus ``window`` other words; ``None``: the framework's ``phrase_window`` setting), in the phrase's order when
    ``ordered``; an ``exact`` phrase keeps its stop words ("signed off", "out of hours") and its words must stand
    side by side, in order."""

    text: str
    weight: float
    ordered: bool = False
    exact: bool = False
    window: int | None = None
    source: str = ""  # the rules file that set this phrase (a pack's, when a pack added or reweighted it)


@dataclass(frozen=True)
class Vocabulary:
    """Shared text knowledge: abbreviations, US to UK spellings, stop words, non-customer-facing phrases."""

    abbreviations: dict[str, str]
    spellings: dict[str, str]
    stopwords: frozenset[str]
    not_customer_facing: tuple[Phrase, ...]
    number_words: dict[str, str]
    # reviewed word merges (see cse_migrate/tools/merges.py): pairs of distinct real words that fuzzy matching
    # or the stemmer would otherwise merge. ``blocked``: never merge; ``allowed``: may merge (same word family).
    # ``stems``: words the stemmer must leave as they are, or give this stem ("publication" is not "public").
    merges_blocked: frozenset[tuple[str, str]] = frozenset()
    merges_allowed: frozenset[tuple[str, str]] = frozenset()
    stems: dict[str, str] = field(default_factory=dict)

    def stem(self, word: str) -> str:
        """The stem of ``word``, with the reviewed exceptions."""
        return self.stems.get(word) or stem(word)


_WORD = re.compile(r"[a-z0-9]+(?:[&/'][a-z0-9]+)*")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s$|(?<=s)'$")
_COMPOUND = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")
# Suffixes stripped by the stemmer, longest first; a stem keeps at least four letters so that short words
# ("news", "bus") are left alone.
_SUFFIXES = ("isations", "isation", "ations", "ation", "ments", "ment", "ings", "ing", "ised", "ises", "ise",
             "ness", "ities", "ity", "ively", "ive", "ers", "er", "ors", "ies", "ied", "ed", "es", "ly", "al", "s")


def fold(text: str) -> str:
    """Lower-case, strip accents and curly quotes, fold white space."""
    if text.isascii():  # most evidence: no accents, quotes or dashes to fold, and the same result much faster
        return _SPACES.sub(" ", text).strip().lower()
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
    """Folded word tokens (keeps tokens such as a&e, w/shop and 2.1 parts); a possessive is its word
    ("council's", "customers'" -> "council", "customers")."""
    return [_unpossessed(w) for w in _WORD.findall(fold(text))]


def _unpossessed(word: str) -> str:
    """``word`` without a possessive ending; the pattern is only tried on words with an apostrophe (most have
    none): :func:`words` of 600 statements 7.2 -> 4.5 ms, :func:`positioned` 27.7 -> 24.1 ms."""
    return _POSSESSIVE.sub("", word) if "'" in word else word


class Token(NamedTuple):
    """A word for matching, where it stands (the index of the word it came from, stop words counted) and
    whether it is a stop word (matched only by phrases that keep their stop words). A named tuple: a run makes
    one per word of every item, and a frozen dataclass took twice as long to make."""

    text: str
    position: int
    stop: bool = False


def positioned(text: str, vocab: Vocabulary, keep_stopwords: bool = False) -> list[Token]:
    """Tokens for matching with their positions: words, with abbreviations expanded beside them (at the same
    position), UK spellings; stop words only when asked for, marked."""
    out: list[Token] = []
    folded = fold(text)
    found = [(m.start(), _unpossessed(m.group())) for m in _WORD.finditer(folded)]
    starts = [start for start, _ in found]
    # measured results ("91% satisfied") are a signal in their own right, standing where the figure stands
    percent = folded.find("%")
    if percent >= 0:
        out.append(Token("percent", max(bisect_left(starts, percent) - 1, 0)))
    # a hyphenated compound ("e-learning", "sign-ups") also counts as one word at its first part's position,
    # so that a phrase written with the hyphen does not shrink to its last part and match every "learning"
    compounds = [(m.start(), m.group().replace("-", "")) for m in _COMPOUND.finditer(folded)]
    for start, raw in found + compounds:
        position = bisect_left(starts, start)
        word: str = vocab.spellings.get(raw, raw)
        expansion = vocab.abbreviations.get(word) or vocab.number_words.get(word)
        expanded = words(expansion) + [c.replace("-", "") for c in _COMPOUND.findall(fold(expansion))] \
            if expansion else []  # "cbl: choice-based lettings" meets the phrase "choice-based lettings"
        for candidate in [word, *expanded]:
            w: str = vocab.spellings.get(candidate, candidate)
            if len(w) < 2 and not w.isdigit():
                continue
            stop = w in vocab.stopwords
            if stop and not keep_stopwords:
                continue
            out.append(Token(w, position, stop))
    return out


def tokens(text: str, vocab: Vocabulary) -> list[str]:
    """Tokens for matching: words, with abbreviations expanded beside them, UK spellings, no stop words."""
    return [t.text for t in positioned(text, vocab)]


def stems(text: str, vocab: Vocabulary) -> list[str]:
    """Stemmed tokens, in order."""
    return [stem(t) for t in tokens(text, vocab)]


def signature(text: str) -> str:
    """A folded form for duplicate detection: words only, in order."""
    return " ".join(words(text))
