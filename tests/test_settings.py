"""The one settings specification: the loader checks against it, Settings carries its typed values, results.json
and the method appendix list every setting with its value and source, and the README table is generated from it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from cse_migrate.cli import cli
from cse_migrate.errors import RulesError
from cse_migrate.model import Settings
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import run_settings
from cse_migrate.rules import SETTING_SPECS, RuleSet, load_rules
from cse_migrate.rules.settings import SPECS, check_settings_fields, settings_table

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_settings_fields_match_the_specification() -> None:
    assert check_settings_fields() == []
    assert list(Settings.RUN_FIELDS) == ["as_of", "organisation", "semantic", "used"]


def test_readme_settings_table_is_generated_from_the_specification() -> None:
    start = README.index("<!-- settings-table:")
    block = README[README.index("-->", start) + 4:README.index("<!-- settings-table: end -->")]
    assert block == settings_table(), "README settings table is out of date: regenerate it (see the comment above it)"
    for spec in SPECS:  # each setting is described once in the README: in that table
        assert README.count(f"| {spec.meaning} |") == 1


def test_every_spec_is_complete_and_its_default_in_range() -> None:
    for spec in SPECS:
        assert spec.meaning and spec.provenance.startswith(("analyst", "official", "user", "supplier"))
        assert spec.low <= spec.default <= spec.high
        assert isinstance(spec.default, spec.kind)


def test_the_loader_checks_values_against_the_specification(tmp_path: Path) -> None:
    pack = tmp_path / "pack" / "frameworks"
    pack.mkdir(parents=True)
    bundled = (Path(__file__).resolve().parent.parent / "mappings" / "frameworks" / "five-points.yaml")
    text = bundled.read_text(encoding="utf-8").replace("fuzzy_cutoff: 85", "fuzzy_cutoff: 40")
    (pack / "five-points.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=r"settings.fuzzy_cutoff: 40.0 is outside 50..100"):
        load_rules(tmp_path / "pack")


def test_sources_say_bundled_pack_or_command_line(tmp_path: Path, rules: RuleSet) -> None:
    pack = tmp_path / "pack" / "frameworks"
    pack.mkdir(parents=True)
    bundled = (Path(__file__).resolve().parent.parent / "mappings" / "frameworks" / "five-points.yaml")
    text = bundled.read_text(encoding="utf-8").replace("map_threshold: 0.4", "map_threshold: 0.45")
    (pack / "five-points.yaml").write_text(text, encoding="utf-8")
    packed = load_rules(tmp_path / "pack")
    fw = packed.framework("five-points")
    settings = run_settings(packed, fw, RunOptions(stale_months=24, semantic=True, as_of=date(2008, 6, 30)))
    used = {u.name: u for u in settings.used}
    assert set(used) == set(SETTING_SPECS)
    assert (settings.map_threshold, used["map_threshold"].source) == (0.45, "pack")
    assert (settings.stale_months, used["stale_months"].source) == (24, "command line")
    assert used["semantic_weight"].source == "bundled" and settings.semantic is True
    plain = run_settings(rules, rules.framework("five-points"), RunOptions())
    assert {u.source for u in plain.used} == {"bundled"} and plain.semantic is False


def test_results_json_and_method_appendix_list_every_setting(tmp_path: Path) -> None:
    import docx

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "log.csv").write_text("Ref,Evidence\n2.1,Customer panel meets quarterly\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyse", str(tmp_path / "in"), "-o", str(out), "--stale-months", "24",
                                      "--as-of", "2008-06-30"])
    assert result.exit_code == 0, result.output
    block = json.loads((out / "results.json").read_text(encoding="utf-8"))["settings"]
    for spec in SPECS:
        assert spec.name in block and spec.name in block["sources"]
    assert block["semantic"] is False and block["stale_months"] == 24
    assert block["sources"]["stale_months"] == "command line" and block["sources"]["score_scale"] == "bundled"
    document = docx.Document(str(out / "gap-report.docx"))
    # the method appendix: each setting's meaning with its name in small print below, value, source, provenance
    rows = {r.cells[0].text.split("\n")[-1]: (r.cells[1].text, r.cells[2].text) for t in document.tables
            for r in t.rows if len(r.cells) == 4 and t.rows[0].cells[2].text == "Source"}
    for spec in SPECS:
        assert spec.name in rows
    assert rows["stale_months"] == ("24", "command line") and rows["semantic"] == ("off", "command line")
