"""Word widths for the Word report's columns: the bound that lets most words go unmeasured never changes the
answer."""

from __future__ import annotations

import random
import string

import pytest

from cse_migrate.reports.docx import widths
from cse_migrate.reports.docx.widths import widest_word_cm, width_bound_cm, word_width_cm

# Ordinary evidence words, figures and punctuation, accented Latin, Greek and Cyrillic, the widest and narrowest
# letters, pairs that kern, and text the bound must leave to measuring: combining marks, CJK (missing from the
# font), Hebrew and Arabic (laid out right to left, joined), zero-width and control characters.
WORDS = ["customer", "satisfaction", "Compliance", "re-established", "2007/08", "(CSE)", "£1,250", "95%",
         "naïve", "Ærøskøbing", "Straße", "Ωμέγα", "Журнал", "WWWWWWWW", "iiiiiiii", "AVAWAY", "LTLTLT", "ﬁnancial",
         "e\u0301te\u0301", "\u0301", "中文字", "한국어", "שלום", "مرحبا", "zero\u200bwidth", "tab\tbed", "…", "—"]


def random_words(count: int) -> list[str]:
    rnd = random.Random(13)
    alphabet = string.ascii_letters + string.digits + string.punctuation + "éüñßøçŒ–…‘’“”€£©°±×½αβλπЖЯ\u0301中"
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 24))) for _ in range(count)]


@pytest.mark.parametrize(("size", "bold"), [(9.0, False), (9.0, True), (7.0, False)])
def test_the_bound_is_never_below_the_measured_width(size: float, bold: bool) -> None:
    for word in WORDS + random_words(600):
        assert width_bound_cm(word, size, bold) >= word_width_cm(word, size, bold), word


def test_widest_word_is_the_widest_measured_one() -> None:
    for start in range(0, 600, 40):  # sets of words of every kind, each measured on fresh caches
        words = (WORDS + random_words(600))[start:start + 40]
        groups = [(words, size, bold) for size, bold in ((9.0, False), (7.0, False), (9.0, True))]
        expected = max(word_width_cm(word, size, bold) for word in words for _, size, bold in groups)
        for cache in (widths._WIDTHS, widths._BOUNDS):
            cache.clear()
        assert widest_word_cm(groups) == expected
        assert len(widths._WIDTHS) < 3 * len(set(words))  # most were never laid out
    assert widest_word_cm([]) == 0.0
    assert widest_word_cm([([], 9.0, False)]) == 0.0
