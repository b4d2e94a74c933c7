"""The corpora's near-repeat check (tests/data/corpus_checks.near_duplicates) finds by prefix filtering exactly the
pairs, in the same order, that comparing every pair finds."""

from __future__ import annotations

from corpus_checks import jaccard, near_duplicates, word_set
from hypothesis import given, settings
from hypothesis import strategies as st

WORDS = st.sampled_from(["panel", "survey", "staff", "the", "a", "of", "trained", "board", "2008", "Über", "x"])
TEXTS = st.lists(WORDS, min_size=0, max_size=8).map(" ".join)


def every_pair(texts: list[str], others: list[str], threshold: float) -> list[tuple[str, str, float]]:
    seen = [(other, word_set(other)) for other in others]
    found = []
    for text in texts:
        words = word_set(text)
        found += [(text, other, jaccard(words, o)) for other, o in seen if jaccard(words, o) >= threshold]
        seen.append((text, words))
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, max_size=12), st.lists(TEXTS, max_size=12),
       st.sampled_from([0.0, 0.3, 0.5, 0.6, 0.75, 0.8, 0.9, 1.0]))
def test_prefix_filtering_finds_what_comparing_every_pair_finds(texts: list[str], others: list[str],
                                                                 threshold: float) -> None:
    assert near_duplicates(texts, others, threshold) == every_pair(texts, others, threshold)


def test_a_near_repeat_is_found_against_the_others_and_the_texts_before_it() -> None:
    others = ["Quarterly customer panel meets the board"]
    texts = ["quarterly customer panel meets the whole board", "Staff trained", "staff trained!"]
    assert [(a, b) for a, b, _ in near_duplicates(texts, others, 0.8)] == [
        (texts[0], others[0]), (texts[2], texts[1])]
