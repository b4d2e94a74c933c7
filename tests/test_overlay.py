"""The layering engine (a pure function over parsed YAML), strict YAML reading and the pack manifest."""

from __future__ import annotations

from typing import Any

import pytest

from cse_migrate.rules.manifest import PackManifest, check_requires, parse_manifest, satisfies
from cse_migrate.rules.overlay import Layered, first_layer, lay_over
from cse_migrate.rules.schema import Checker
from cse_migrate.rules.yamlio import YamlProblem, parse_yaml

LEXICON = """
kind: lexicon
framework: five-points
version: "1.0"
criteria:
  "1":
    phrases: {outreach: 3.5, home visit: 3.5, mobile: 2}
    against: {staff training: 2}
    expected_evidence: [Records of home visits]
    actions: [Offer home visits]
  "3":
    phrases: {training: 3}
"""


def _stack(*texts: str) -> tuple[Layered, list[str]]:
    layered = first_layer(parse_yaml(texts[0]), "bundled:lexicons/five-points.yaml")
    problems: list[str] = []
    for n, text in enumerate(texts[1:], 1):
        layered, found = lay_over(layered, parse_yaml(text), f"pack{n}:lexicons/five-points.yaml")
        problems += found
    return layered, problems


def test_lexicon_phrases_add_reweight_remove() -> None:
    merged, problems = _stack(LEXICON, """
kind: lexicon
criteria:
  "1":
    phrases: {doorstep service: 3, outreach: 4, mobile: remove}
    against: {staff training: ~, office move: 1}
    expected_evidence: [Home visit logs]
    actions: {remove: [Offer home visits], add: [Visit housebound customers]}
""")
    assert problems == []
    entry = merged.doc["criteria"]["1"]
    assert entry["phrases"] == {"outreach": "4", "home visit": "3.5", "doorstep service": "3"}
    assert entry["against"] == {"office move": "1"}
    assert entry["expected_evidence"] == ["Records of home visits", "Home visit logs"]
    assert entry["actions"] == ["Visit housebound customers"]
    assert merged.doc["criteria"]["3"] == {"phrases": {"training": "3"}}  # untouched
    assert merged.origin("criteria", "1", "phrases", "doorstep service") == "pack1:lexicons/five-points.yaml"
    assert merged.origin("criteria", "1", "phrases", "home visit") == "bundled:lexicons/five-points.yaml"
    assert merged.key_labels()["criteria.1.phrases.outreach"] == "pack1:lexicons/five-points.yaml"


def test_packs_stack_in_order() -> None:
    merged, problems = _stack(LEXICON, "kind: lexicon\ncriteria: {'1': {phrases: {doorstep: 2}}}\n",
                              "kind: lexicon\ncriteria: {'1': {phrases: {doorstep: 5}}}\n")
    assert problems == []
    assert merged.doc["criteria"]["1"]["phrases"]["doorstep"] == "5"
    assert merged.layers == ("bundled:lexicons/five-points.yaml", "pack1:lexicons/five-points.yaml",
                             "pack2:lexicons/five-points.yaml")
    assert merged.origin("criteria", "1", "phrases", "doorstep") == "pack2:lexicons/five-points.yaml"


@pytest.mark.parametrize(("overlay", "expected"), [
    ("kind: lexicon\ncriteria: {'1': {phrases: {teleport: remove}}}\n",
     "pack1:lexicons/five-points.yaml: criteria.1.phrases.teleport: is to be removed but criterion '1' has no such"),
    ("kind: lexicon\ncriteria: {'9': ~}\n", "criteria.9: is to be removed but bundled:lexicons/five-points.yaml has "
                                           "no entry for criterion '9'"),
    ("kind: lexicon\ncriteria: {'1': {actions: {remove: [Fly]}}}\n", "criteria.1.actions.remove: 'Fly' is not in"),
    ("kind: lexicon\nframework: cse-2008\ncriteria: {}\n", "framework: 'cse-2008' differs from 'five-points'"),
    ("kind: noise\npatterns: []\n", "kind: 'noise' cannot lay over 'lexicon'"),
    ("kind: lexicon\nreplace: perhaps\n", "replace: must be true or false"),
])
def test_overlay_aimed_at_nothing_names_it(overlay: str, expected: str) -> None:
    _, problems = _stack(LEXICON, overlay)
    assert any(expected in p for p in problems), problems


def test_replace_true_replaces_the_whole_file() -> None:
    merged, problems = _stack(LEXICON, "kind: lexicon\nreplace: true\nframework: five-points\n"
                                       "criteria: {'2': {phrases: {panel: 3}}}\n")
    assert problems == []
    assert set(merged.doc["criteria"]) == {"2"} and "replace" not in merged.doc
    assert merged.origin("criteria", "2", "phrases", "panel") == "pack1:lexicons/five-points.yaml"


CROSSWALK = """
kind: crosswalk
id: cm
source: charter-mark-2003
target: five-points
rules:
  - {id: A, from: '1', to: '5', relationship: intersects-with, strength: 7, rationale: semantic, provenance: analyst}
  - {id: B, from: '1', to: '4', relationship: intersects-with, strength: 3, rationale: semantic, provenance: analyst}
"""


def _lay(base: str, top: str, label: str = "acme:x.yaml") -> tuple[dict[str, Any], list[str], Layered]:
    merged, problems = lay_over(first_layer(parse_yaml(base), "bundled:x.yaml"), parse_yaml(top), label)
    return merged.doc, problems, merged


def test_crosswalk_rules_by_id() -> None:
    doc, problems, merged = _lay(CROSSWALK, """
kind: crosswalk
rules:
  - {id: A, strength: 9, provenance: supplier, note: ACME's assessors weigh this higher}
  - {id: B, remove: true}
  - {id: C, from: '2', to: '2', relationship: equal, strength: 8, rationale: semantic, provenance: supplier}
""")
    assert problems == []
    assert [(r["id"], r["strength"]) for r in doc["rules"]] == [("A", "9"), ("C", "8")]
    assert doc["rules"][0]["relationship"] == "intersects-with"  # keys not given are kept
    assert merged.origin("rules", "A") == "acme:x.yaml"
    assert merged.key_labels()["rules[1]"] == "acme:x.yaml"
    _, problems, _ = _lay(CROSSWALK, "kind: crosswalk\nrules:\n  - {id: Z, remove: true}\n")
    assert problems == ["acme:x.yaml: rules[Z].remove: there is no entry 'Z' in bundled:x.yaml to remove"]
    _, problems, _ = _lay(CROSSWALK, "kind: crosswalk\nsource: service-first-1998\nrules: []\n")
    assert "source: 'service-first-1998' differs" in problems[0]


def test_vocabulary_by_key_and_stopwords() -> None:
    base = "kind: vocabulary\nabbreviations: {hb: housing benefit, ct: council tax}\nspellings: {color: colour}\n" \
           "stopwords: [the, a]\nnot_customer_facing: {server upgrade: 2}\n"
    doc, problems, _ = _lay(base, "kind: vocabulary\nabbreviations: {dfg: disabled facilities grant, ct: ~}\n"
                                  "stopwords: {add: [per], remove: [a]}\n"
                                  "not_customer_facing: {server upgrade: remove}\n")
    assert problems == []
    assert doc["abbreviations"] == {"hb": "housing benefit", "dfg": "disabled facilities grant"}
    assert doc["spellings"] == {"color": "colour"} and doc["stopwords"] == ["the", "per"]
    assert doc["not_customer_facing"] == {}
    _, problems, _ = _lay(base, "kind: vocabulary\nabbreviations: {xyz: ~}\n")
    assert problems == ["acme:x.yaml: abbreviations.xyz: is to be removed but there is no such entry in bundled:x.yaml"]


def test_noise_by_id_add_override_disable() -> None:
    base = "kind: noise\npatterns:\n  - {id: p1, pattern: '^page \\d+$'}\n  - {id: p2, pattern: '^tbc$'}\n"
    doc, problems, _ = _lay(base, "kind: noise\npatterns:\n  - {id: p1, pattern: '^pg \\d+$'}\n"
                                  "  - {id: p2, disable: true}\n  - {id: p3, pattern: '^ref: [a-z]{3}\\d{4}$'}\n")
    assert problems == []
    assert [(p["id"], p["pattern"]) for p in doc["patterns"]] == [("p1", "^pg \\d+$"), ("p3", "^ref: [a-z]{3}\\d{4}$")]
    _, problems, _ = _lay(base, "kind: noise\npatterns:\n  - {id: nope, disable: true}\n")
    assert problems == ["acme:x.yaml: patterns[nope].disable: there is no entry 'nope' in bundled:x.yaml to disable"]


def test_framework_settings_and_criteria_by_key() -> None:
    base = "kind: framework\nid: f\ntitle: F\nrole: target\nprovenance: user\nsettings: {map_threshold: 0.4, " \
           "stale_months: 36}\ncriteria: [{id: a, title: A}, {id: b, title: B}]\n"
    doc, problems, _ = _lay(base, "kind: framework\nsettings: {map_threshold: 0.5, stale_months: ~}\n"
                                  "settings_provenance: {map_threshold: \"supplier: tuned on ACME portfolios\"}\n"
                                  "criteria: [{id: a, title: A2}, {id: b, remove: true}]\n")
    assert problems == []
    assert doc["settings"] == {"map_threshold": "0.5"}
    assert [(c["id"], c["title"]) for c in doc["criteria"]] == [("a", "A2")]
    assert doc["title"] == "F"


def test_duplicate_keys_and_yaml_errors_keep_line_and_column() -> None:
    with pytest.raises(YamlProblem, match=r"line 5, column 3: duplicate key '2' \(first at line 3\)"):
        parse_yaml("kind: lexicon\ncriteria:\n  '2':\n    phrases: {a: 1}\n  '2':\n    phrases: {b: 1}\n")
    with pytest.raises(YamlProblem, match=r"line 2, column 1: .*expected ',' or ']'"):
        parse_yaml("kind: [unclosed\n")
    with pytest.raises(YamlProblem, match=r"line 1, column 9: duplicate key 'a'"):
        parse_yaml("{a: 1,  a: 2}")


def test_manifest_and_requires() -> None:
    problems: list[str] = []
    manifest = parse_manifest(parse_yaml("""
kind: pack
id: acme-client
version: "2.0"
title: Client pack
provider: ACME
licence: CC-BY-4.0
written_for: {tool: 0.1.0, rules: rules-abc}
requires: {acme-base: ">=1.0"}
"""), Checker("pack.yaml", problems))
    assert problems == [] and manifest is not None
    assert manifest.requires == {"acme-base": ">=1.0"} and manifest.rules_version == "rules-abc"
    base = PackManifest("acme-base", "1.10", "Base", "ACME", "MIT", "0.1.0", "rules-abc")
    check_requires([base, manifest], problems, {})
    assert problems == []
    check_requires([manifest], problems, {"acme-client": "acme-client:pack.yaml"})
    assert problems == ["acme-client:pack.yaml: requires.acme-base: pack 'acme-base' must be given before "
                        "'acme-client' (--rules acme-base --rules acme-client)"]
    assert satisfies("1.10", ">=1.9") and not satisfies("1.2", ">=1.10") and satisfies("3", "*")
    problems.clear()
    parse_manifest(parse_yaml("kind: pack\nid: x\nversion: one\n"), Checker("pack.yaml", problems))
    assert any("version: 'one' is not a version" in p for p in problems)
    assert any("title: is required" in p for p in problems)
    assert any("written_for: is required" in p for p in problems)
