"""Rules are data validated on load: every problem names the file and the key; ids stay strings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cse_migrate.errors import ExitCode, RulesError
from cse_migrate.rules import BUNDLED_RULES, RuleSet, load_rules


def test_bundled_rules_load(rules: RuleSet) -> None:
    assert {"five-points", "charter-mark-2003", "service-first-1998"} <= set(rules.frameworks)
    five = rules.frameworks["five-points"]
    assert [c.title for c in five.criteria] == [
        "Personalisation of services", "Collaboration with public", "Retraining staff",
        "Leadership and commitment", "Accountability to the public"]
    assert five.role == "target"
    assert len(rules.frameworks["charter-mark-2003"].criteria) == 6
    assert len(rules.frameworks["service-first-1998"].criteria) == 9


def test_every_crosswalk_rule_states_provenance_and_relationship(rules: RuleSet) -> None:
    assert rules.crosswalks
    for rule in rules.crosswalks:
        assert rule.provenance in {"official", "analyst", "user", "supplier"}
        assert rule.relationship in {"equal", "subset-of", "superset-of", "intersects-with", "not-related"}
        assert 0 <= rule.strength <= 10
        assert rule.rationale


def test_every_target_criterion_has_lexicon_actions_and_expected_evidence(rules: RuleSet) -> None:
    lex = rules.lexicons["five-points"]
    for criterion in rules.frameworks["five-points"].criteria:
        entry = lex.criteria[criterion.id]
        assert len(entry.phrases) >= 20
        assert entry.actions and entry.expected_evidence


def _pack(tmp_path: Path, rel: str, text: str) -> Path:
    pack = tmp_path / "pack"
    (pack / rel).parent.mkdir(parents=True, exist_ok=True)
    (pack / rel).write_text(text, encoding="utf-8")
    return pack


def test_ids_are_never_numbers(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "frameworks/mine.yaml", """
kind: framework
id: mine
title: Mine
role: legacy
provenance: user
criteria:
  - {id: 1.10, title: Tenth}
  - {id: 1.1, title: First}
""")
    fw = load_rules(pack).frameworks["mine"]
    assert [c.id for c in fw.criteria] == ["1.10", "1.1"]


@pytest.mark.parametrize(("text", "expected"), [
    ("kind: crosswalk\nid: x\nsource: charter-mark-2003\ntarget: five-points\nrules:\n"
     "  - {id: r1, from: '1', to: '9', relationship: equal, strength: 5, rationale: semantic, provenance: analyst}\n",
     "rules.r1.to: '9' is not a criterion of five-points"),
    ("kind: crosswalk\nid: x\nsource: charter-mark-2003\ntarget: five-points\nrules:\n"
     "  - {id: r1, from: '1', to: '1', relationship: same, strength: 5, rationale: semantic, provenance: analyst}\n",
     "rules[0].relationship: 'same' is not one of: equal, subset-of"),
    ("kind: crosswalk\nid: x\nsource: charter-mark-2003\ntarget: five-points\nrules:\n"
     "  - {id: r1, from: '1', to: '1', relationship: equal, strength: 11, rationale: semantic, provenance: analyst}\n",
     "rules[0].strength: 11 is outside 0..10"),
    ("kind: crosswalk\nid: x\nsource: charter-mark-2003\ntarget: five-points\nrules:\n"
     "  - {id: r1, from: '1', to: '1', relationship: equal, strength: 5, rationale: semantic}\n",
     "rules[0].provenance: is required"),
    ("kind: lexicon\nframework: five-points\ncriteria:\n  '1':\n    phrases: {outreach: lots}\n",
     "criteria.1.phrases.outreach: must be a number, got 'lots'"),
    ("kind: framework\nid: t\ntitle: T\nrole: target\nprovenance: user\nsettings: {map_threshold: 2}\n"
     "criteria: [{id: a, title: A}]\n", "settings.map_threshold: 2.0 is outside 0..1"),
    ("kind: lexicon\nframework: five-points\ncolour: blue\ncriteria: {}\n", "colour: unknown key"),
    ("kind: nonsense\n", "kind: must be one of"),
    ("kind: [unclosed\n", "(file): not valid YAML"),
    ("kind: noise\npatterns:\n  - {id: bad, pattern: '(unclosed'}\n", "patterns[0].pattern: not a valid regular"),
])
def test_broken_rules_name_file_key_and_problem(tmp_path: Path, text: str, expected: str) -> None:
    pack = _pack(tmp_path, "extra/broken.yaml", text)
    with pytest.raises(RulesError) as info:
        load_rules(pack)
    message = str(info.value)
    assert "broken.yaml" in message
    assert expected in message
    assert info.value.exit_code == ExitCode.RULES_INVALID


def test_overlay_replaces_a_bundled_file(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(BUNDLED_RULES, pack)
    path = pack / "crosswalks" / "charter-mark-2003--five-points.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("strength: 7", "strength: 9"), encoding="utf-8")
    rules = load_rules(pack)
    assert next(r for r in rules.crosswalks if r.id == "CM1-P5").strength == 9
    # replaced, not added twice
    assert len([r for r in rules.crosswalks if r.id == "CM1-P5"]) == 1


def test_missing_rules_folder(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="rules folder not found"):
        load_rules(tmp_path / "nope")


def _hollow_lexicon(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # a phrase that stop words hollow out to "signed" (no exact: true)
    path.write_text(text.replace("criteria:\n", "criteria:\n  \"4\":\n    phrases:\n      signed by: 2\n", 1)
                    if "\n  \"4\":\n" not in text else
                    text.replace("\n  \"4\":\n    phrases:\n", "\n  \"4\":\n    phrases:\n      signed by: 2\n", 1),
                    encoding="utf-8")


def test_the_bundled_rules_have_no_hollow_phrase(rules: RuleSet) -> None:
    assert not [w for w in rules.warnings if "stop words leave" in w]


def test_a_hollow_phrase_fails_in_the_bundled_rules_and_warns_in_a_pack(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    shutil.copytree(BUNDLED_RULES, bundle)
    _hollow_lexicon(bundle / "lexicons" / "five-points.yaml")
    with pytest.raises(RulesError) as raised:
        load_rules(None, bundled=bundle)
    assert any("criteria.4.phrases.signed by: stop words leave 'signed'" in p for p in raised.value.problems)
    pack = tmp_path / "pack" / "lexicons"
    pack.mkdir(parents=True)
    shutil.copy(bundle / "lexicons" / "five-points.yaml", pack / "five-points.yaml")
    loaded = load_rules(tmp_path / "pack")
    assert any("signed by: stop words leave 'signed'" in w for w in loaded.warnings)


def test_phrase_options_are_checked(tmp_path: Path) -> None:
    pack = tmp_path / "pack" / "lexicons"
    pack.mkdir(parents=True)
    text = (BUNDLED_RULES / "lexicons" / "five-points.yaml").read_text(encoding="utf-8")
    pack.joinpath("five-points.yaml").write_text(text.replace(
        "out of hours: {weight: 2.5, exact: true}", "out of hours: {weight: 2.5, exact: maybe, span: 2}"),
        encoding="utf-8")
    with pytest.raises(RulesError) as raised:
        load_rules(tmp_path / "pack")
    problems = "\n".join(raised.value.problems)
    assert "criteria.1.phrases.out of hours.exact: must be true or false" in problems
    assert "criteria.1.phrases.out of hours.span: unknown key" in problems
