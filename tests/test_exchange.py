"""Crosswalk exchange: OSCAL mapping collection (validated against the published schema) and the OLIR-style CSV,
with a round trip through 'rules import-crosswalk'."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from cse_migrate.cli import cli
from cse_migrate.errors import ExitCode, RulesError
from cse_migrate.rules import RuleSet, load_rules
from cse_migrate.tools.exchange import (
    OLIR_COLUMNS,
    crosswalk_rule_keys,
    import_crosswalk_csv,
    olir_csv,
    oscal_mapping_collection,
)

# The OSCAL 1.2.3 mapping model's JSON schema as NIST publishes it with the release (a copy: see README.md there).
SCHEMA = Path(__file__).parent / "data" / "oscal" / "oscal_mapping_schema-1.2.3.json"


def _oscal_validator() -> jsonschema.Draft7Validator:
    """The published schema, with its Unicode classes spelled for Python's re (which has no \\p{L} / \\p{N}):
    [^\\W\\d_] is exactly the letters, \\d the decimal digits. Nothing else is changed."""
    text = SCHEMA.read_text(encoding="utf-8").replace("\\\\p{L}", "[^\\\\W\\\\d_]").replace("\\\\p{N}", "\\\\d")
    schema = json.loads(text)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_oscal_export_is_valid_against_the_published_schema(rules: RuleSet, tmp_path: Path) -> None:
    out = tmp_path / "crosswalks.json"
    code, _, err = run("rules", "export", "--format", "oscal", "-o", str(out))
    assert code == ExitCode.OK, err
    doc = json.loads(out.read_text(encoding="utf-8"))
    errors = sorted(_oscal_validator().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    collection = doc["mapping-collection"]
    assert collection["metadata"]["oscal-version"] == "1.2.3"
    maps = [m for mapping in collection["mappings"] for m in mapping["maps"]]
    assert len(maps) == len(rules.crosswalks)  # one map per rule, nothing dropped
    first = rules.crosswalks[0]
    entry = next(m for m in maps if {"name": "rule-id", "ns": "urn:cse-migrate:crosswalk", "value": first.id}
                 in m["props"])
    assert entry["sources"][0]["id-ref"] == first.source and entry["targets"][0]["id-ref"] == first.target
    props = {p["name"]: p["value"] for p in entry["props"]}
    assert props["strength"] == str(first.strength) and props["provenance"] == first.provenance
    assert props["rules-file"].startswith("bundled:crosswalks/")  # relative to its source, no install path
    assert {m["relationship"] for m in maps} <= {"equal-to", "subset-of", "superset-of", "intersects-with",
                                                 "no-relationship"}
    # the same rules give the same identifiers
    again = oscal_mapping_collection(rules)["mapping-collection"]
    assert [m["uuid"] for mp in again["mappings"] for m in mp["maps"]] == [m["uuid"] for m in maps]


def test_oscal_schema_check_catches_a_broken_document(rules: RuleSet) -> None:
    doc: dict[str, Any] = oscal_mapping_collection(rules)
    del doc["mapping-collection"]["provenance"]
    doc["mapping-collection"]["mappings"][0]["maps"][0]["uuid"] = "not-a-uuid"
    messages = [e.message for e in _oscal_validator().iter_errors(doc)]
    assert any("'provenance' is a required property" in m for m in messages)
    assert any("not-a-uuid" in m for m in messages)


def test_olir_csv_round_trip(rules: RuleSet, tmp_path: Path) -> None:
    out = tmp_path / "crosswalks.csv"
    code, _, err = run("rules", "export", "--format", "olir-csv", "-o", str(out))
    assert code == ExitCode.OK, err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == OLIR_COLUMNS and len(rows) == len(rules.crosswalks)
    row = next(r for r in rows if r["Rule Id"] == "CM1-P5")
    assert row["Relationship"] == "intersects with" and row["Strength of Relationship"] == "7"
    assert row["Rationale"] == "Semantic" and row["Provenance"] == "analyst"
    assert row["Reference Document Element Description"] == "Accountability to the public"
    pack = tmp_path / "pack"
    code, stdout, err = run("rules", "import-crosswalk", str(out), "-o", str(pack))
    assert code == ExitCode.OK, err
    assert f"{len(rows)} rule(s)" in stdout
    again = load_rules(pack)
    assert crosswalk_rule_keys(again.crosswalks) == crosswalk_rule_keys(rules.crosswalks)
    assert again.crosswalk_ids == rules.crosswalk_ids
    # a changed strength in the CSV becomes a changed rule, laid over the bundled one by id
    edited = [dict(r) for r in rows]
    next(r for r in edited if r["Rule Id"] == "CM1-P5")["Strength of Relationship"] = "9"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=OLIR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows([r for r in edited if r["Rule Id"] == "CM1-P5"])
    single = tmp_path / "one.csv"
    single.write_text(buffer.getvalue(), encoding="utf-8")
    import_crosswalk_csv(single, tmp_path / "pack2")
    changed = load_rules(tmp_path / "pack2")
    assert next(r for r in changed.crosswalks if r.id == "CM1-P5").strength == 9
    assert len(changed.crosswalks) == len(rules.crosswalks)  # the other rules are kept


def test_import_names_every_bad_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(",".join(OLIR_COLUMNS) + "\n"
                   "R1,x,charter-mark-2003,1,,same as,five-points,5,,11,Semantic,analyst,\n"
                   "R2,x,charter-mark-2003,1,,equal,five-points,,,5,Guesswork,nobody,\n", encoding="utf-8")
    with pytest.raises(RulesError) as info:
        import_crosswalk_csv(bad, tmp_path / "pack")
    message = str(info.value)
    assert "bad.csv: row 2: Relationship 'same as' is not one of" in message
    assert "row 2: Strength of Relationship '11' is not a whole number from 0 to 10" in message
    assert "row 3: Reference Document Element is empty" in message
    assert "row 3: Rationale 'Guesswork'" in message and "row 3: Provenance 'nobody'" in message
    assert not (tmp_path / "pack").exists()
    code, _, err = run("rules", "import-crosswalk", str(bad), "-o", str(tmp_path / "pack"))
    assert code == ExitCode.RULES_INVALID and "row 2" in err


def test_csv_cells_that_look_like_formulas_survive_the_round_trip(rules: RuleSet, tmp_path: Path) -> None:
    # what csv_safe writes for a note that starts with "=": an apostrophe the import takes off again
    text = olir_csv(rules).replace("Criterion 1 asks for published standards", "'=Criterion 1 asks for published "
                                                                                 "standards", 1)
    assert re.search(r",'=Criterion 1", text)
    path = tmp_path / "x.csv"
    path.write_text(text, encoding="utf-8")
    import_crosswalk_csv(path, tmp_path / "pack")
    again = load_rules(tmp_path / "pack")
    assert next(r for r in again.crosswalks if r.id == "CM1-P5").note.startswith("=Criterion 1")
