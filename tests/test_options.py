"""RunOptions: one frozen object of run choices, validated once; the framework resolved in one place; each
item's freshness recorded in the result."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from cse_migrate.cli import cli
from cse_migrate.errors import ExitCode, UsageError
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import analyse, resolve_frameworks
from cse_migrate.rules import RuleSet


def test_options_are_frozen_and_checked_once() -> None:
    options = RunOptions(framework="cse-2008", as_of=date(2008, 6, 30), rules_packs=[Path("a"), "b"])  # type: ignore[list-item]
    assert options.rules_packs == (Path("a"), Path("b"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.framework = "five-points"  # type: ignore[misc]
    for bad in ({"stale_months": 0}, {"stale_months": 601}, {"stale_months": True}, {"framework": "no such id!"},
                {"legacy_framework": ""}, {"as_of": "2008-06-30"}):
        with pytest.raises(UsageError):
            RunOptions(**bad)  # type: ignore[arg-type]
    assert "secret" not in repr(RunOptions(password="secret"))


def test_frameworks_are_resolved_once_and_a_legacy_id_is_not_a_target(rules: RuleSet) -> None:
    framework, legacy = resolve_frameworks(rules, RunOptions(framework="cse-2008"))
    assert (framework.id, legacy.id) == ("cse-2008", "charter-mark-2003")
    with pytest.raises(UsageError, match=r"charter-mark-2003: is a legacy framework.*five-points"):
        resolve_frameworks(rules, RunOptions(framework="charter-mark-2003"))
    with pytest.raises(UsageError, match="not one legacy references cite"):
        resolve_frameworks(rules, RunOptions(legacy_framework="five-points"))
    with pytest.raises(UsageError, match=r"unknown framework 'nope'; choose a target framework: cse-2008, five-"):
        resolve_frameworks(rules, RunOptions(framework="nope"))  # legacy ids are not offered


def test_cli_gives_a_usage_error_for_a_legacy_framework(tmp_path: Path) -> None:
    (tmp_path / "log.csv").write_text("Ref,Evidence\n2.1,Customer panel meets quarterly\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyse", str(tmp_path), "-o", str(tmp_path / "out"),
                                      "--framework", "charter-mark-2003"])
    assert result.exit_code == ExitCode.USAGE
    assert "is a legacy framework" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_each_item_carries_its_freshness(tmp_path: Path, rules: RuleSet) -> None:
    (tmp_path / "log.csv").write_text(
        "Ref,Evidence,Date\n"
        "2.1,Customer panel meets quarterly to review services,2008-01-10\n"
        "3.1,Staff retraining on complaint handling completed,2001-05-01\n"
        "5.1,Annual report to the public on service standards,\n"
        "1.1,Home visits offered to housebound customers,2009-02-01\n", encoding="utf-8")
    result = analyse([tmp_path], rules, RunOptions(as_of=date(2008, 6, 30), stale_months=36))
    by_text = {r.item.text.split()[0]: r.freshness for r in result.items}
    assert by_text == {"Customer": "recent", "Staff": "old", "Annual": "undated", "Home": "future"}


def test_the_result_carries_the_framework_tree(tmp_path: Path, rules: RuleSet) -> None:
    (tmp_path / "log.csv").write_text("Ref,Evidence\n2.1,Customer panel meets quarterly\n", encoding="utf-8")
    flat = analyse([tmp_path], rules, RunOptions(framework="five-points", as_of=date(2008, 6, 30)))
    assert flat.framework.id == "five-points" and not flat.framework.hierarchical
    tree = analyse([tmp_path], rules, RunOptions(framework="cse-2008", as_of=date(2008, 6, 30))).framework
    assert tree.hierarchical and len(tree.criteria) == len(rules.framework("cse-2008").criteria)
    node = next(c for c in tree.criteria if c.id == "1.2")
    assert (node.parent, node.level, tree.level_name("1.2"), tree.level_name("1")) == ("1", 2, "sub-criterion",
                                                                                         "criterion")
