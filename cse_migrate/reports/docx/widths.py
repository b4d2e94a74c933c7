"""How wide words print, for fitting the Word report's table columns to their longest word.

A word is measured by laying it out with FreeType in DejaVu Sans (shipped with matplotlib): the font LibreOffice
falls back to where Calibri is missing, and wider than Calibri, so a column wide enough for it is wide enough in
Word too. Laying out one word costs about a third of a millisecond, and a report has thousands of distinct words
(the evidence appendix quotes every item), so :func:`widest_word_cm` measures only the words that could be the
widest: each word's width has an upper bound summed from its characters' metrics (read once per character), and
words are measured from the largest bound down until no word left could be wider than the widest measured. The
answer is the same as measuring every word.
"""

from __future__ import annotations

import math
import os
import threading
import unicodedata
import warnings
from collections.abc import Iterable

from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font

from cse_migrate.output import clean_text

# One open font per process and thread: FreeType reads the font file lazily, so a font opened before a batch forks
# its workers would share one file offset between processes ("failed to load glyph"), and an FT2Font is not safe
# to use from two threads at once (Dask runs tasks in threads).
_FONTS: dict[tuple[int, int, bool], FT2Font] = {}

# Measured widths and bounds, by (word, size, bold). Emptied when full, so that a long batch's memory stays flat.
_WIDTHS: dict[tuple[str, float, bool], float] = {}
_BOUNDS: dict[tuple[str, float, bool], float] = {}
_EXTENTS: dict[tuple[str, float, bool], float] = {}  # by (character, size, bold)
_CACHE_LIMIT = 50_000

# Slack added to a bound, in points, for kerning: the characters' extents alone were found at most 0.19 pt short
# of the measured width (10,000 words: the test corpora's and random ones, regular and bold, 7 and 9 pt).
_SLACK_PER_CHARACTER = 0.25
_SLACK_PER_WORD = 2.0


def _font(bold: bool) -> FT2Font:
    key = (os.getpid(), threading.get_ident(), bold)
    font = _FONTS.get(key)
    if font is None:
        font = _FONTS[key] = FT2Font(findfont(FontProperties(family="DejaVu Sans",
                                                             weight="bold" if bold else "normal")))
    return font


def _remember(cache: dict[tuple[str, float, bool], float], key: tuple[str, float, bool], value: float) -> float:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


def word_width_cm(word: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of one word at ``size_pt`` points, in centimetres."""
    key = (word, size_pt, bold)
    known = _WIDTHS.get(key)
    if known is not None:
        return known
    font = _font(bold)
    font.set_size(size_pt, 72)
    with warnings.catch_warnings():  # a glyph DejaVu lacks (CJK, symbols) is measured as a box: still a width
        warnings.simplefilter("ignore")
        font.set_text(clean_text(word), 0.0)
    width_points = font.get_width_height()[0] / 64.0
    return _remember(_WIDTHS, key, float(width_points / 72.0 * 2.54))


def _extent_points(character: str, size_pt: float, bold: bool) -> float:
    """At most how much one character adds to a word's printed width, in points: the larger of its advance and
    its outline's right edge, plus how far its outline reaches left of its origin. Infinite (so the word is
    always measured) where laying the text out may do more than place one glyph after another: combining marks,
    control and unassigned characters, scripts from Hebrew on (joined and reordered letters), a missing glyph."""
    key = (character, size_pt, bold)
    known = _EXTENTS.get(key)
    if known is not None:
        return known
    extent = math.inf
    if ord(character) < 0x0590 and unicodedata.category(character)[0] not in "MC":
        font = _font(bold)
        font.set_size(size_pt, 72)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                glyph = font.load_char(ord(character))  # the hinting set_text uses by default
        except RuntimeError:  # no glyph for it in the font
            glyph = None
        if glyph is not None:
            left = glyph.horiBearingX / 64.0
            extent = (max(glyph.horiAdvance / 64.0, glyph.linearHoriAdvance / 65536.0, left + glyph.width / 64.0)
                      + max(0.0, -left))
    return _remember(_EXTENTS, key, extent)


def width_bound_cm(word: str, size_pt: float, bold: bool = False) -> float:
    """An upper bound of :func:`word_width_cm`, from the word's characters alone (cheap once they are known)."""
    key = (word, size_pt, bold)
    known = _BOUNDS.get(key)
    if known is not None:
        return known
    text = clean_text(word)
    points = (sum(_extent_points(c, size_pt, bold) for c in text) + _SLACK_PER_CHARACTER * len(text)
              + _SLACK_PER_WORD)
    return _remember(_BOUNDS, key, points / 72.0 * 2.54)


def widest_word_cm(groups: Iterable[tuple[Iterable[str], float, bool]]) -> float:
    """The printed width of the widest word of ``groups`` (words, with the size in points and whether bold they
    print in), in centimetres; 0 when there are none. Words already measured count at once; of the others, only
    those whose bound exceeds the widest so far are measured, the largest bound first."""
    best = 0.0
    unknown: list[tuple[str, float, bool]] = []
    for words, size, bold in groups:
        for word in set(words):
            known = _WIDTHS.get((word, size, bold))
            if known is None:
                unknown.append((word, size, bold))
            elif known > best:
                best = known
    for bound, word, size, bold in sorted(((width_bound_cm(*key), *key) for key in unknown), reverse=True):
        if bound <= best:
            break  # no word left can be wider
        best = max(best, word_width_cm(word, size, bold))
    return best
