"""Shared fixtures: the bundled rules (loaded once) and small evidence files built per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from cse_migrate.rules import RuleSet, load_rules

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()
