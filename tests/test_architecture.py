"""The layers stay as written down: import-linter contracts in pyproject.toml, no import circles, small modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 450


def test_import_linter_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_there_are_no_import_circles() -> None:
    graph = grimp.build_graph("cse_migrate", include_external_packages=False)
    # the package's own __init__ is the public API facade over the layers (its imports are lazy)
    modules = sorted(m for m in graph.modules if m != "cse_migrate")
    circles = []
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported == "cse_migrate":
                circles.append(f"{module} imports the package facade")
            elif imported != module and graph.chain_exists(importer=imported, imported=module):
                circles.append(f"{module} -> {imported} -> ... -> {module}")
    assert circles == []


def test_no_module_is_longer_than_the_limit() -> None:
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "cse_migrate").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}
