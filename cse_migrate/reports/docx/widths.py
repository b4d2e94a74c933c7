"""How wide words print, for fitting the Word report's table columns to their longest word.

A word is measured by laying it out with FreeType (Pillow's) in the bundled DejaVu Sans (see
:mod:`cse_migrate.reports.fonts`): the font LibreOffice falls back to where Calibri is missing, and wider than
Calibri, so a column wide enough for it is wide enough in Word too. The font is opened at 2048 pixels to the em,
its design grid, so a width is the unhinted one (as a page is laid out) to a font unit, and scales to any size.
Laying out one word costs about 30 microseconds, and a report has thousands of distinct words
(the evidence appendix quotes every item), so :func:`widest_word_cm` measures only the words that could be the
widest: each word's width has an upper bound summed from its characters' metrics (read once per character), and
words are measured from the largest bound down until no word left could be wider than the widest measured. The
answer is the same as measuring every word. Each word's bound, or width once measured, is kept per size and
weight, so a word met again (most are, from table to table and report to report) costs a dictionary look-up.
"""

from __future__ import annotations

import math
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from PIL import ImageFont

from cse_migrate.output import clean_text
from cse_migrate.reports.fonts import dejavu


@dataclass
class _Words:
    """The words met at one size and weight: an upper bound of each one's width in centimetres, replaced by the
    width once the word is measured."""

    upper: dict[str, float] = field(default_factory=dict)
    measured: set[str] = field(default_factory=set)


# By (size, bold). Started again when full, so that a long batch's memory stays flat (replaced, not emptied: a
# thread still using the full one finishes with it).
_WORDS: dict[tuple[float, bool], _Words] = {}
_EXTENTS: dict[tuple[str, float, bool], float] = {}  # by (character, size, bold)
# Both caches are shared by a process's threads (Dask runs reports in several): one thread replacing a word's bound
# by its measured width while another walked the words in bound order made the other stop early, so the same
# table got other column widths in another run; about one Dask batch test in four failed, on differing reports or
# on "cannot convert float NaN to integer", and none in 16 with this lock. One thread measures at a time.
_MEASURING = threading.Lock()
_CACHE_LIMIT = 50_000

# Slack added to a bound, in points, for kerning: kerning pairs can only pull a word's letters closer or push them
# apart by a little; the bound's test (tests/test_widths.py) checks it holds on thousands of words.
_SLACK_PER_CHARACTER = 0.25
_SLACK_PER_WORD = 2.0

_EM = 2048  # DejaVu Sans's units per em: measured at this size, a pixel is a font unit


def _font(bold: bool) -> ImageFont.FreeTypeFont:
    """One open font per process and thread (see :mod:`cse_migrate.reports.fonts` for why)."""
    return dejavu(_EM, bold)


def _points(units: float, size_pt: float) -> float:
    return units * size_pt / _EM


def word_width_cm(word: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of one word at ``size_pt`` points, in centimetres."""
    # from the leftmost ink or origin to the rightmost ink or advance; a glyph DejaVu lacks (CJK, symbols) is
    # measured as its box: still a width
    left, _top, right, _bottom = _font(bold).getbbox(clean_text(word))
    return _points(right - left, size_pt) / 72.0 * 2.54


def _extent_points(character: str, size_pt: float, bold: bool) -> float:
    """At most how much one character adds to a word's printed width, in points: the larger of its advance and
    its outline's right edge, plus how far its outline reaches left of its origin (a glyph the font lacks is
    measured as the box it prints as, in the word as here). Infinite (so the word is always measured) where laying
    the text out may do more than place one glyph after another: combining marks, control and unassigned
    characters, scripts from Hebrew on (joined and reordered letters)."""
    key = (character, size_pt, bold)
    known = _EXTENTS.get(key)
    if known is not None:
        return known
    extent = math.inf
    if ord(character) < 0x0590 and unicodedata.category(character)[0] not in "MC":
        font = _font(bold)
        left, _top, right, _bottom = font.getbbox(character)
        extent = _points(max(font.getlength(character), right) + max(0.0, -left), size_pt)
    if len(_EXTENTS) >= _CACHE_LIMIT:
        _EXTENTS.clear()
    _EXTENTS[key] = extent
    return extent


def width_bound_cm(word: str, size_pt: float, bold: bool = False) -> float:
    """An upper bound of :func:`word_width_cm`, from the word's characters alone (cheap once they are known)."""
    text = clean_text(word)
    points = (sum(_extent_points(c, size_pt, bold) for c in text) + _SLACK_PER_CHARACTER * len(text)
              + _SLACK_PER_WORD)
    return points / 72.0 * 2.54


def widest_word_cm(groups: Iterable[tuple[Iterable[str], float, bool]]) -> float:
    """The printed width of the widest word of ``groups`` (words, with the size in points and whether bold they
    print in), in centimetres; 0 when there are none. Words are taken from the largest bound (or width, once
    measured) down, and only those whose bound exceeds the widest so far are measured."""
    with _MEASURING:
        return _widest(groups)


def _widest(groups: Iterable[tuple[Iterable[str], float, bool]]) -> float:
    best = 0.0
    for words, size, bold in groups:
        known = _WORDS.get((size, bold))
        if known is None or len(known.upper) >= _CACHE_LIMIT:
            known = _WORDS[(size, bold)] = _Words()
        upper, measured = known.upper, known.measured
        distinct = set(words)
        for word in [word for word in distinct if word not in upper]:  # (a set less keys() walks every key)
            upper[word] = width_bound_cm(word, size, bold)
        for word in sorted(distinct, key=upper.__getitem__, reverse=True):
            if upper[word] <= best:
                break  # no word left can be wider
            if word not in measured:
                upper[word] = word_width_cm(word, size, bold)
                measured.add(word)
            best = max(best, upper[word])
    return best
