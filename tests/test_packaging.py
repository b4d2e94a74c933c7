"""The wheel carries everything a user needs: every sub-package, and mappings/ as package data.

Building and installing the wheel into a fresh environment is done by .ci/run (it needs the network and takes a
minute); these checks keep the declarations it relies on in step with the source tree.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from cse_migrate.rules import BUNDLED_RULES
from cse_migrate.rules.loader import bundled_rules_folder

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_sub_package_is_listed_for_the_wheel() -> None:
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "cse_migrate").rglob("__init__.py")}
    rules = {".".join(("cse_migrate", *p.parent.relative_to(ROOT).parts)) for p in (ROOT / "mappings").rglob("*.yaml")}
    # the classifier layer's weights (data written by cse_migrate/tools/train.py) ship as a data package too
    models = {"cse_migrate.models"} if list((ROOT / "cse_migrate" / "models").glob("*.json")) else set()
    # and so do the bundled fonts (a package without code that setuptools would otherwise warn it ignores)
    fonts = {"cse_migrate.fonts"} if list((ROOT / "cse_migrate" / "fonts").glob("*.ttf")) else set()
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert listed == found | rules | models | fonts
    assert PYPROJECT["tool"]["setuptools"]["package-data"].get("cse_migrate.models") == ["*.json"] or not models


def test_mappings_ship_as_package_data() -> None:
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert setuptools["package-dir"] == {"cse_migrate.mappings": "mappings"}
    for package in setuptools["packages"]:
        if package.startswith("cse_migrate.mappings"):
            assert setuptools["package-data"][package] == ["*.yaml"]
    assert not list((ROOT / "mappings").rglob("*.py")), "mappings/ is data, never code"


def test_a_source_checkout_reads_its_own_mappings() -> None:
    assert bundled_rules_folder() == BUNDLED_RULES == ROOT / "mappings"


def test_bundled_fonts_ship_as_package_data() -> None:
    """The charts and the column widths use DejaVu Sans from cse_migrate/fonts/ (a data package, no code, like
    cse_migrate.models), with its licence; .ci/run checks the built wheel holds them."""
    assert "cse_migrate.fonts" in PYPROJECT["tool"]["setuptools"]["packages"]
    assert PYPROJECT["tool"]["setuptools"]["package-data"]["cse_migrate.fonts"] == ["*.ttf", "LICENSE_DEJAVU"]
    fonts = ROOT / "cse_migrate" / "fonts"
    assert {p.name for p in fonts.iterdir()} == {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE_DEJAVU"}
    assert "Bitstream Vera" in (fonts / "LICENSE_DEJAVU").read_text(encoding="utf-8")
