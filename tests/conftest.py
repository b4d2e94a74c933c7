"""Shared fixtures: the bundled rules (loaded once) and small evidence files built per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cse_migrate.rules import RuleSet, load_rules

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session", autouse=True)
def rules_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The commands the tests run keep their rules cache (cse_migrate.rules_cache) in a folder of the test run's
    own, never in the user's cache folder; child processes inherit it."""
    folder = tmp_path_factory.mktemp("rules-cache")
    os.environ["CSE_MIGRATE_CACHE"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()
