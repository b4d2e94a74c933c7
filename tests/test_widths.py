"""Word widths for the Word report's columns: the bound that lets most words go unmeasured never changes the
answer."""

from __future__ import annotations

import random
import string
import threading

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
        widths._WORDS.clear()
        assert widest_word_cm(groups) == expected
        assert measured() < 3 * len(set(words))  # most were never laid out
    assert widest_word_cm([]) == 0.0
    assert widest_word_cm([([], 9.0, False)]) == 0.0


def measured() -> int:
    return sum(len(words.measured) for words in widths._WORDS.values())


def test_words_met_again_are_not_measured_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second table with the same words gives the same answer from what the first kept; and when the kept
    words reach the limit they are started again, still giving the right answer."""
    words = WORDS + random_words(300)
    groups = [(words, 9.0, False), (words[:50], 9.0, True)]
    expected = max(max(word_width_cm(word, 9.0, False) for word in words),
                   max(word_width_cm(word, 9.0, True) for word in words[:50]))
    widths._WORDS.clear()
    assert widest_word_cm(groups) == expected
    before = measured()
    calls: list[str] = []

    def counted(word: str, size: float, bold: bool = False) -> float:
        calls.append(word)
        return 0.0

    monkeypatch.setattr(widths, "word_width_cm", counted)
    assert widest_word_cm(groups) == expected
    assert calls == [] and measured() == before
    monkeypatch.undo()
    monkeypatch.setattr(widths, "_CACHE_LIMIT", 100)
    assert widest_word_cm(groups) == expected  # over the limit: started again
    assert len(widths._WORDS[(9.0, False)].upper) == len(set(words))
    assert widest_word_cm(groups[::-1]) == expected


def test_threads_measuring_at_once_agree_with_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask writes reports in several threads of a process, which share the measuring caches: every thread must
    find the widest word one thread alone finds (a thread once stopped early, so columns differed run to run)."""
    rng = random.Random(7)
    tables = [["".join(rng.choice(string.ascii_letters + "il.:/") for _ in range(rng.randint(1, 30)))
               for _ in range(60)] for _ in range(40)]
    expected = [widest_word_cm([(words, 9.0, False)]) for words in tables]
    wrong: list[int] = []

    def measure(order: list[int]) -> None:
        for n in order:
            if widest_word_cm([(tables[n], 9.0, False)]) != expected[n]:
                wrong.append(n)

    for _ in range(5):
        monkeypatch.setattr(widths, "_WORDS", {})  # every round starts from empty caches, as a new worker does
        threads = [threading.Thread(target=measure, args=(rng.sample(range(len(tables)), len(tables)),))
                   for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert wrong == []
