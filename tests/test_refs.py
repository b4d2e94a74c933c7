"""Charter Mark reference normalisation: every way legacy files cite a criterion."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cse_migrate.refs import parse_ref


@pytest.mark.parametrize(("raw", "criterion", "full"), [
    ("2", "2", "2"), ("2.1", "2", "2.1"), ("2.1.3", "2", "2.1.3"), ("Crit. 2", "2", "2"),
    ("Criterion Two", "2", "2"), ("CM2", "2", "2"), ("C2", "2", "2"), ("Crit 4", "4", "4"),
    ("criterion iv", "4", "4"), ("Element 4.2.1", "4", "4.2.1"), ("C 3.1", "3", "3.1"),
    ("2.10", "2", "2.10"), ("Criterion 2: Actively engage with your customers", "2", "2"),
    ("CM 6", "6", "6"), ("Criterion Two.3", "2", "2.3"), ("1.1 Consultation", "1", "1.1"),
    ("  3  ", "3", "3"), ("Crit.5", "5", "5"), ("CRITERION 1", "1", "1"),
])
def test_references_normalise_to_their_criterion(raw: str, criterion: str, full: str) -> None:
    ref = parse_ref(raw)
    assert ref is not None
    assert (ref.criterion, ref.full, ref.raw) == (criterion, full, raw.strip())


@pytest.mark.parametrize("raw", ["", "   ", "hello", "Customer panel", "12", "2007", "0", None, "Sheet1", "Key"])
def test_non_references_give_none(raw: str | None) -> None:
    assert parse_ref(raw) is None


def test_max_criterion_limits_the_range() -> None:
    assert parse_ref("7", max_criterion=6) is None
    ref = parse_ref("7", max_criterion=9)
    assert ref is not None and ref.criterion == "7"


def test_ids_stay_strings() -> None:
    ref = parse_ref("1.10")
    assert ref is not None and ref.full == "1.10"


@given(st.text(max_size=60))
def test_parse_ref_never_raises_and_is_consistent(text: str) -> None:
    ref = parse_ref(text)
    if ref is not None:
        assert ref.full.split(".")[0].lstrip("0") == ref.criterion
        assert 1 <= int(ref.criterion) <= 9
