"""Exchange crosswalks with other tools: an OSCAL mapping collection, and an OLIR-style CSV (written and read).

* OSCAL (NIST's Open Security Controls Assessment Language) 1.2.3 ``mapping-collection``: one ``mapping`` per
  pair of frameworks, one ``map`` per crosswalk rule. Relationships use OSCAL's words (``equal`` becomes
  ``equal-to``, ``not-related`` becomes ``no-relationship``); each rule's matching rationale is its own; its id,
  strength (0-10), provenance and rules file travel as properties in cse-migrate's namespace, its note as remarks.
  Frameworks are back-matter resources. UUIDs are derived from the ids (UUID version 5), so exporting the same
  rules twice gives the same identifiers. ``tests/test_exchange.py`` validates the output against the published
  JSON schema (``tests/data/oscal/``).
* An OLIR-style CSV (the column names of NIST's Online Informative References template): one row per rule, read
  as "Focal Document Element <relationship> Reference Document Element", with strength, rationale, provenance
  and the rule and crosswalk ids. :func:`import_crosswalk_csv` reads such a file back into a pack:
  ``crosswalks/SOURCE--TARGET.yaml`` files that lay over the bundled ones rule by rule (a rule with a bundled
  rule's id changes it; a new id adds one).
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from cse_migrate.errors import InputFileError, RulesError
from cse_migrate.output import atomic_write_text, csv_safe, ensure_folder
from cse_migrate.rules import ID_PATTERN, PROVENANCES, RATIONALES, RELATIONSHIPS, CrosswalkRule, RuleSet
from cse_migrate.version import __version__

OSCAL_VERSION = "1.2.3"
PROPS_NS = "urn:cse-migrate:crosswalk"
# A fixed namespace for the UUIDs of exported collections, mappings, maps and resources (UUID version 5).
UUID_NS = uuid.UUID("5b8f9a34-6c1e-5d2a-9f47-0c3e2d1b7a60")
TO_OSCAL = {"equal": "equal-to", "subset-of": "subset-of", "superset-of": "superset-of",
            "intersects-with": "intersects-with", "not-related": "no-relationship"}
TO_OLIR = {"equal": "equal", "subset-of": "subset of", "superset-of": "superset of",
           "intersects-with": "intersects with", "not-related": "not related to"}
FROM_OLIR = {v: k for k, v in TO_OLIR.items()} | {k: k for k in RELATIONSHIPS}

OLIR_COLUMNS = ("Rule Id", "Crosswalk Id", "Focal Document", "Focal Document Element",
                "Focal Document Element Description", "Relationship", "Reference Document",
                "Reference Document Element", "Reference Document Element Description", "Strength of Relationship",
                "Rationale", "Provenance", "Comments")


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(UUID_NS, "/".join(parts)))


def _pairs(rules: RuleSet) -> dict[tuple[str, str], list[CrosswalkRule]]:
    out: dict[tuple[str, str], list[CrosswalkRule]] = {}
    for rule in rules.crosswalks:
        out.setdefault((rule.source_framework, rule.target_framework), []).append(rule)
    return out


def _title(rules: RuleSet, fid: str, cid: str) -> str:
    fw = rules.frameworks.get(fid)
    crit = fw.criterion(cid) if fw is not None else None
    return crit.title if crit is not None else ""


def oscal_mapping_collection(rules: RuleSet, now: datetime | None = None) -> dict[str, Any]:
    """The rule set's crosswalks as an OSCAL ``mapping-collection`` document (a JSON-ready dict)."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    pairs = _pairs(rules)
    used = sorted({fid for pair in pairs for fid in pair})
    resources = []
    for fid in used:
        fw = rules.frameworks[fid]
        resources.append({"uuid": _uuid("framework", fid), "title": fw.title,
                          "description": f"cse-migrate framework '{fid}' version {fw.version} "
                                         f"(provenance: {fw.provenance}).",
                          "props": [{"name": "framework-id", "ns": PROPS_NS, "value": fid}]})
    mappings = []
    rationales: dict[str, int] = {}
    for (source, target), crosswalk in sorted(pairs.items()):
        maps = []
        for rule in crosswalk:
            rationales[rule.rationale] = rationales.get(rule.rationale, 0) + 1
            entry: dict[str, Any] = {
                "uuid": _uuid("map", source, target, rule.id), "matching-rationale": rule.rationale,
                "relationship": TO_OSCAL[rule.relationship],
                "sources": [{"type": "control", "id-ref": rule.source}],
                "targets": [{"type": "control", "id-ref": rule.target}],
                "props": [{"name": "rule-id", "ns": PROPS_NS, "value": rule.id},
                          {"name": "strength", "ns": PROPS_NS, "value": str(rule.strength)},
                          {"name": "provenance", "ns": PROPS_NS, "value": rule.provenance},
                          {"name": "rules-file", "ns": PROPS_NS, "value": rule.file}]}
            if rule.note:
                entry["remarks"] = rule.note
            maps.append(entry)
        mappings.append({
            "uuid": _uuid("mapping", source, target), "method": "human",
            "source-resource": {"type": "catalog", "href": f"#{_uuid('framework', source)}"},
            "target-resource": {"type": "catalog", "href": f"#{_uuid('framework', target)}"},
            "maps": maps})
    main_rationale = max(sorted(rationales), key=lambda r: rationales[r]) if rationales else "semantic"
    official = bool(rules.crosswalks) and all(r.provenance == "official" for r in rules.crosswalks)
    return {"mapping-collection": {
        "uuid": _uuid("collection", rules.version),
        "metadata": {"title": "cse-migrate crosswalks", "last-modified": stamp, "version": rules.version,
                     "oscal-version": OSCAL_VERSION,
                     "props": [{"name": "tool-version", "ns": PROPS_NS, "value": __version__}]},
        "provenance": {
            "method": "human", "matching-rationale": main_rationale,
            "status": "complete" if official else "draft",
            "mapping-description": "Crosswalk rules between Charter Mark, Service First, the five points announced "
                                   "in 2008 and the Customer Service Excellence structure, as used by cse-migrate. "
                                   "Rules whose provenance is 'analyst' are hypotheses, not an official mapping; "
                                   "each map carries its provenance, strength (0-10) and note."},
        "mappings": mappings,
        "back-matter": {"resources": resources}}}


def olir_rows(rules: RuleSet) -> list[dict[str, str]]:
    """One row per crosswalk rule, in rule order, with OLIR's column names."""
    rows = []
    crosswalk_ids = rules.crosswalk_ids
    for rule in rules.crosswalks:
        rows.append({
            "Rule Id": rule.id, "Crosswalk Id": crosswalk_ids.get((rule.source_framework, rule.target_framework), ""),
            "Focal Document": rule.source_framework, "Focal Document Element": rule.source,
            "Focal Document Element Description": _title(rules, rule.source_framework, rule.source),
            "Relationship": TO_OLIR[rule.relationship], "Reference Document": rule.target_framework,
            "Reference Document Element": rule.target,
            "Reference Document Element Description": _title(rules, rule.target_framework, rule.target),
            "Strength of Relationship": str(rule.strength), "Rationale": rule.rationale.capitalize(),
            "Provenance": rule.provenance, "Comments": rule.note})
    return rows


def olir_csv(rules: RuleSet) -> str:
    """The OLIR-style CSV text (cells that start like a formula are quoted for spreadsheet programs)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=OLIR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in olir_rows(rules):
        writer.writerow({k: csv_safe(v) for k, v in row.items()})
    return buffer.getvalue()


@dataclass(frozen=True)
class ImportedCrosswalks:
    files: tuple[Path, ...]
    rules: int


def _unquote(value: str) -> str:
    """Undo :func:`csv_safe`'s apostrophe before text that starts like a formula."""
    return value[1:] if value.startswith("'") and value[1:2] in ("=", "+", "-", "@") else value


def read_olir_csv(path: Path) -> list[dict[str, str]]:
    """Rows of an OLIR-style CSV, checked: every problem names its row; raises :class:`RulesError`."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputFileError(str(path), f"could not be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputFileError(str(path), "is not UTF-8 text; save the CSV as UTF-8") from None
    reader = csv.DictReader(io.StringIO(text))
    needed = ("Rule Id", "Focal Document", "Focal Document Element", "Relationship", "Reference Document",
              "Reference Document Element", "Strength of Relationship", "Rationale", "Provenance")
    missing = [c for c in needed if c not in (reader.fieldnames or [])]
    if missing:
        raise RulesError([f"{path}: missing column(s): {', '.join(missing)}; export one with "
                          "'cse-migrate rules export --format olir-csv' to see the layout"])
    problems: list[str] = []
    rows = []
    for number, raw in enumerate(reader, start=2):
        row = {k: _unquote((v or "").strip()) for k, v in raw.items() if k is not None}
        where = f"{path}: row {number}"
        if not any(row.values()):
            continue
        for column in ("Rule Id", "Focal Document", "Reference Document"):
            if not ID_PATTERN.match(row.get(column, "")):
                problems.append(f"{where}: {column} '{row.get(column, '')}' is not an id (letters, digits, . _ -)")
        for column in ("Focal Document Element", "Reference Document Element"):
            if not row.get(column):
                problems.append(f"{where}: {column} is empty")
        relationship = FROM_OLIR.get(row.get("Relationship", "").lower())
        if relationship is None:
            problems.append(f"{where}: Relationship '{row.get('Relationship')}' is not one of: "
                            f"{', '.join(TO_OLIR.values())}")
        strength = row.get("Strength of Relationship", "")
        if not strength.isdigit() or not 0 <= int(strength) <= 10:
            problems.append(f"{where}: Strength of Relationship '{strength}' is not a whole number from 0 to 10")
        if row.get("Rationale", "").lower() not in RATIONALES:
            problems.append(f"{where}: Rationale '{row.get('Rationale')}' is not one of: {', '.join(RATIONALES)}")
        if row.get("Provenance", "").lower() not in PROVENANCES:
            problems.append(f"{where}: Provenance '{row.get('Provenance')}' is not one of: {', '.join(PROVENANCES)}")
        row["Relationship"] = relationship or ""
        rows.append(row)
    if problems:
        raise RulesError(problems)
    return rows


def import_crosswalk_csv(path: Path, pack: Path, replace: bool = False) -> ImportedCrosswalks:
    """Write the rules of an OLIR-style CSV into ``pack`` as ``crosswalks/SOURCE--TARGET.yaml`` files.

    Each file is an overlay: laid over a bundled crosswalk at the same path it changes the rules it names by id
    and adds the others. ``replace`` writes ``replace: true`` instead, so the file replaces that crosswalk whole.
    """
    rows = read_olir_csv(path)
    by_pair: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows:
        by_pair.setdefault((row["Focal Document"], row["Reference Document"]), []).append(row)
    folder = pack / "crosswalks"
    ensure_folder(folder)
    written = []
    for (source, target), pair_rows in sorted(by_pair.items()):
        ids = {r.get("Crosswalk Id", "") for r in pair_rows} - {""}
        doc: dict[str, Any] = {"kind": "crosswalk"}
        if replace:
            doc["replace"] = True
        doc |= {"id": sorted(ids)[0] if ids else f"{source}--{target}", "source": source, "target": target,
                "description": f"Imported from {path.name} by cse-migrate rules import-crosswalk.",
                "rules": [_rule_entry(r) for r in pair_rows]}
        out = folder / f"{source}--{target}.yaml"
        atomic_write_text(out, yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120))
        written.append(out)
    return ImportedCrosswalks(tuple(written), len(rows))


def _rule_entry(row: dict[str, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": row["Rule Id"], "from": row["Focal Document Element"],
                             "to": row["Reference Document Element"], "relationship": row["Relationship"],
                             "strength": int(row["Strength of Relationship"]),
                             "rationale": row["Rationale"].lower(), "provenance": row["Provenance"].lower()}
    if row.get("Comments"):
        entry["note"] = row["Comments"]
    return entry


def crosswalk_rule_keys(rules: Sequence[CrosswalkRule]) -> list[tuple[str, str, str, str, str, str, int, str, str,
                                                                     str]]:
    """What a crosswalk rule says, without where it was read from: for comparing two rule sets."""
    return [(r.id, r.source_framework, r.source, r.target_framework, r.target, r.relationship, r.strength,
             r.rationale, r.provenance, r.note) for r in rules]
