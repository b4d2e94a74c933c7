"""A rules pack's manifest, ``pack.yaml``: who wrote the pack, which version it is, what it was written for.

::

    kind: pack
    id: acme-base                  # names the pack in rule paths (acme-base:lexicons/five-points.yaml)
    version: "1.2.0"
    title: ACME housing services base pack
    provider: ACME Software Ltd
    licence: CC-BY-4.0
    written_for:
      tool: "0.1.0"                # cse-migrate version the pack was written and tested with
      rules: rules-1a2b3c4d5e6f    # bundled rules version ('cse-migrate rules validate' prints it)
    requires:                      # optional: packs that must be given before this one
      acme-base: ">=1.0"

Every run records each pack it used (id, version and a checksum of its files) in results.json, the report's
method appendix and summary.xlsx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cse_migrate.rules.schema import Checker, describe

MANIFEST = "pack.yaml"
# Written so that no two repetitions compete for the same characters (linear on any line; tests/test_linear_regex.py).
_VERSION = re.compile(r"^[0-9][A-Za-z0-9.\-]*$")
_VERSION_PARTS = re.compile(r"[.\-]")
_SPEC = re.compile(r"^(>=|<=|==|>|<|=)?([0-9][A-Za-z0-9.\-]*)$")  # matched with the spaces taken out


@dataclass(frozen=True)
class PackManifest:
    id: str
    version: str
    title: str
    provider: str
    licence: str
    tool_version: str
    rules_version: str
    requires: dict[str, str] = field(default_factory=dict)  # pack id -> version spec (">=1.0", "==1.2", "*")
    description: str = ""


def parse_manifest(doc: Any, c: Checker) -> PackManifest | None:
    """Check ``pack.yaml``; problems go to ``c`` naming the key."""
    doc = c.mapping(doc, "(file)")
    if doc.get("kind") != "pack":
        c.fail("kind", f"must be 'pack' in {MANIFEST}, got {describe(doc.get('kind'))}")
        return None
    c.unknown(doc, {"kind", "id", "version", "title", "provider", "licence", "written_for", "requires",
                    "description"}, "")
    pid = c.ident(doc, "id", "")
    version = c.text(doc, "version", "")
    if version and not _VERSION.match(version):
        c.fail("version", f"'{version}' is not a version such as 1.0 or 2.1.3")
    written = c.mapping(doc.get("written_for") or {}, "written_for")
    c.unknown(written, {"tool", "rules"}, "written_for")
    if doc.get("written_for") is None:
        c.fail("written_for", "is required: the tool version (tool) and bundled rules version (rules) the pack "
                              "was written for, so that a change underneath it can be noticed")
    requires: dict[str, str] = {}
    for name, spec in c.mapping(doc.get("requires") or {}, "requires").items():
        text = "*" if spec is None else str(spec).strip()
        if text != "*" and not _SPEC.match(text.replace(" ", "")):
            c.fail(f"requires.{name}", f"'{text}' is not a version requirement such as '>=1.0', '==1.2' or '*'")
        requires[str(name)] = text
    if not pid:
        return None
    return PackManifest(pid, version, c.text(doc, "title", ""), c.text(doc, "provider", ""),
                        c.text(doc, "licence", ""), c.text(written, "tool", "written_for"),
                        c.text(written, "rules", "written_for"), requires,
                        c.text(doc, "description", "", False))


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    """Sort key for versions: numeric parts compare as numbers ("1.10" > "1.9")."""
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in _VERSION_PARTS.split(version) if p)


def satisfies(version: str, spec: str) -> bool:
    """Does ``version`` meet ``spec`` (">=1.0", "<2", "==1.2", "1.2" meaning exactly, "*" meaning any)?"""
    if spec.strip() == "*":
        return True
    match = _SPEC.match(spec.replace(" ", ""))
    if match is None:
        return False
    op, wanted = match.group(1) or "==", match.group(2)
    have, need = version_key(version), version_key(wanted)
    return {"==": have == need, "=": have == need, ">=": have >= need, "<=": have <= need, ">": have > need,
            "<": have < need}[op]


def check_requires(manifests: list[PackManifest], problems: list[str], labels: dict[str, str]) -> None:
    """Each pack's ``requires`` must be met by a pack given before it (packs apply in order)."""
    seen: dict[str, str] = {}
    for manifest in manifests:
        where = labels.get(manifest.id, manifest.id)
        if manifest.id in seen:
            problems.append(f"{where}: id: pack '{manifest.id}' is given twice (--rules); give each pack once")
        for needed, spec in manifest.requires.items():
            if needed not in seen:
                problems.append(f"{where}: requires.{needed}: pack '{needed}' must be given before "
                                f"'{manifest.id}' (--rules {needed} --rules {manifest.id})")
            elif not satisfies(seen[needed], spec):
                problems.append(f"{where}: requires.{needed}: needs version {spec}, but version {seen[needed]} "
                                "was given")
        seen[manifest.id] = manifest.version
