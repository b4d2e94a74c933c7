"""Mapping, noise detection, duplicate folding and gap analysis on small, readable cases."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cse_migrate.analysis.dedupe import find_duplicates
from cse_migrate.analysis.gaps import analyse_gaps, freshness, months_before
from cse_migrate.analysis.mapping import Matcher
from cse_migrate.analysis.noise import NoiseDetector
from cse_migrate.model import CMRef, EvidenceItem, ItemResult, Source
from cse_migrate.pipeline import make_settings, map_evidence
from cse_migrate.rules import RuleSet

SRC = Source(file="t.csv", extractor="csv", row=1)


def item(text: str, ref: str | None = None, n: int = 1, when: date | None = None) -> EvidenceItem:
    cm = CMRef(ref, ref.split(".")[0], ref) if ref else None
    return EvidenceItem(id=f"E{n:05d}", text=text, source=SRC, cm_ref=cm, date=when)


@pytest.fixture(scope="module")
def matcher(rules: RuleSet) -> Matcher:
    return Matcher(rules, rules.frameworks["five-points"])


def top(matcher: Matcher, text: str, ref: str | None = None) -> str | None:
    settings_ = make_settings(matcher.framework, date(2008, 6, 30))
    result = map_evidence([item(text, ref)], matcher, settings_)[0]
    return result.mappings[0].criterion if result.status == "mapped" else None


@pytest.mark.parametrize(("text", "expected"), [
    ("Home visits for housebound claimants", "1"),
    ("Customer panel meets quarterly to review leaflets", "2"),
    ("All front-line staff completed NVQ level 2 in customer service", "3"),
    ("Customer strategy adopted by the Cabinet and championed by the Chief Executive", "4"),
    ("Service standards published on the website with quarterly performance", "5"),
    ("Custmer consultaion events with tenants asociations", "2"),  # typos
    ("Organization-wide training program for reception staff", "3"),  # US spellings
    ("FOI requests log published", "5"),  # acronym
])
def test_clear_statements_map_to_their_criterion(matcher: Matcher, text: str, expected: str) -> None:
    assert top(matcher, text) == expected


def test_text_beats_a_misfiled_reference(matcher: Matcher) -> None:
    # filed under criterion 6 (communities) but clearly about training
    assert top(matcher, "Twelve staff trained in deaf awareness and BSL level 1", "6") == "3"


def test_reference_alone_never_maps(matcher: Matcher) -> None:
    assert top(matcher, "Item 14", "2") is None


def test_non_customer_facing_activity_is_unmapped(matcher: Matcher) -> None:
    assert top(matcher, "Resurfaced the staff car park") is None


def test_mappings_explain_themselves(matcher: Matcher) -> None:
    settings_ = make_settings(matcher.framework, date(2008, 6, 30))
    result = map_evidence([item("Customer panel consulted on the new leaflet", "2")], matcher, settings_)[0]
    mapping = result.mappings[0]
    kinds = {r.kind for r in mapping.reasons}
    assert {"phrase", "crosswalk"} <= kinds
    phrase = next(r for r in mapping.reasons if r.kind == "phrase")
    assert phrase.matched and phrase.rule.endswith("five-points.yaml")
    crosswalk = next(r for r in mapping.reasons if r.kind == "crosswalk")
    assert crosswalk.detail == "CM2-P2"
    assert 0 < mapping.score < 1


@given(text=st.text(max_size=200))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_scores_stay_in_bounds(matcher: Matcher, text: str) -> None:
    scored = matcher.score([item(text)])[0]
    for raw in scored.raw.values():
        assert 0.0 <= matcher.to_score(raw) < 1.0


@pytest.mark.parametrize(("text", "rule"), [
    ("Page 3 of 12", "page-number"), ("Prepared by: J. Smith, Performance Officer", "prepared-by"),
    ("Version 2.1 draft", "version-stamp"), ("TBC", "placeholder"), ("n/a", "placeholder"),
    ("ditto", "placeholder"), ("See appendix C", "see-appendix"), ("Total items: 14", "totals-line"),
    ("Evidence held in folder 3", "evidence-location"), ("Key: Red – not started", "rag-key"),
    ("Criterion 3: Be fair and accessible to everyone and promote choice", "criterion-heading"),
    ("CRITERION 1", "element-heading"), ("2.1 Consultation", "criterion-heading"), ("91%", "no-words"),
    ("Table 2: Satisfaction results 2005-2007", "caption"),
])
def test_noise_lines_are_recognised(rules: RuleSet, text: str, rule: str) -> None:
    assert NoiseDetector(rules).detect(text) == rule


@pytest.mark.parametrize("text", [
    "Key performance indicators published quarterly", "Total complaints fell by 20% in 2006",
    "Name badges introduced for all reception staff", "Confidential interview rooms at every office",
    "Version control of leaflets checked by the plain English panel",
])
def test_evidence_is_not_mistaken_for_noise(rules: RuleSet, text: str) -> None:
    assert NoiseDetector(rules).detect(text) is None


def test_duplicates_fold_exact_and_near_but_not_different_numbers() -> None:
    items = [
        item("Customer panel meets quarterly to review leaflets", n=1),
        item("Customer Panel meets quarterly to review leaflets.", n=2),
        item("Customer panel meets quarterly to review our leaflets", n=3),
        item("Satisfaction survey 2005 of all council tax payers", n=4),
        item("Satisfaction survey 2006 of all council tax payers", n=5),
        item("Panel", n=6), item("panel", n=7),
    ]
    dupes = find_duplicates(items, 92)
    assert dupes == {"E00002": "E00001", "E00003": "E00001", "E00007": "E00006"}


def test_gap_analysis_status_strength_and_staleness(rules: RuleSet) -> None:
    fw = rules.frameworks["five-points"]
    settings_ = make_settings(fw, date(2008, 6, 30))
    matcher = Matcher(rules, fw)
    items = [item("Home visits and interpreters for housebound and deaf customers", n=1, when=date(2007, 1, 1)),
             item("Large print, braille and easy read leaflets; hearing loops in all offices", n=2,
                  when=date(2006, 5, 1)),
             item("Staff trained in customer care", n=3, when=date(2001, 1, 1))]
    results = map_evidence(items, matcher, settings_)
    assert all(isinstance(r, ItemResult) for r in results)
    by_id = {c.id: c for c in analyse_gaps(fw, rules.lexicons["five-points"], results, settings_)}
    assert by_id["1"].status == "Met" and by_id["1"].strength == "strong"
    assert by_id["3"].status == "Partially met" and by_id["3"].stale == ("E00003",)
    assert by_id["2"].status == "Gap" and by_id["2"].gaps == ("No evidence was found for this criterion.",)
    assert by_id["2"].actions  # a gap comes with suggested actions
    assert by_id["1"].best[0] in {"E00001", "E00002"}


def test_months_before_and_freshness(rules: RuleSet) -> None:
    assert months_before(date(2011, 6, 30), 36) == date(2008, 6, 30)
    assert months_before(date(2012, 2, 29), 12) == date(2011, 2, 28)
    settings_ = make_settings(rules.frameworks["five-points"], date(2011, 6, 30))
    assert freshness(None, settings_) == "undated"
    assert freshness(date(2008, 6, 29), settings_) == "stale"
    assert freshness(date(2008, 6, 30), settings_) == "fresh"


def _pairs_one_by_one(stems: list[tuple[str, ...]], cutoff: float) -> list[tuple[int, int]]:
    """fuzzy_equal_pairs's definition, word pair by word pair."""
    from rapidfuzz import fuzz

    from cse_migrate.analysis.similarity import MIN_FUZZY_LENGTH

    def same(x: str, y: str) -> bool:
        return x == y or (min(len(x), len(y)) >= MIN_FUZZY_LENGTH and fuzz.ratio(x, y) >= cutoff)

    return [(i, j) for i in range(len(stems)) for j in range(i)
            if all(same(x, y) for x, y in zip(stems[i], stems[j], strict=True))]


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 3).flatmap(lambda n: st.lists(
           st.tuples(*[st.sampled_from(["train", "trains", "training", "trainer", "staff", "staf", "disabled",
                                        "disability", "panel", "panels", "pane", "custom", "customer"])] * n),
           max_size=12)),
       st.sampled_from([70.0, 80.0, 85.0, 90.0]))
def test_fuzzy_equal_pairs_scores_words_once_with_the_same_answer(stems: list[tuple[str, ...]],
                                                                  cutoff: float) -> None:
    from cse_migrate.analysis.phrase_sums import fuzzy_equal_pairs

    assert fuzzy_equal_pairs(stems, cutoff) == _pairs_one_by_one(stems, cutoff)
