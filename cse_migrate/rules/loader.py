"""Load and validate the mapping rules under ``mappings/``, and lay rules packs over them.

Rules are data: frameworks, crosswalks, lexicons, a shared vocabulary, noise patterns and statement rules
(absence and plan), written in YAML. Every
file declares its ``kind`` and is checked against a schema on load; each problem names the file, the key and
what is wrong, and they are raised together as one :class:`RulesError`.

The schema itself is in :mod:`cse_migrate.rules.schema`; reading YAML strictly (duplicate keys, line and column)
in :mod:`cse_migrate.rules.yamlio`; the pack manifest in :mod:`cse_migrate.rules.manifest`.

Packs given with ``--rules`` apply in order over the bundled rules. A pack file at the same relative path as a
file below it is an overlay and merges into it entry by entry (:mod:`cse_migrate.rules.overlay`); a file at a
new path adds to the rules. Files under a pack's ``tests/`` folder are test cases (``cse-migrate rules test``),
never rules. Each file is named relative to its source, ``bundled:lexicons/cse-2008.yaml`` or
``acme-base:lexicons/five-points.yaml``, so no install location leaks into a report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from cse_migrate.errors import RulesError
from cse_migrate.model import PackInfo, RuleFileInfo
from cse_migrate.rules.lint import check_phrases, check_repeated_pairs
from cse_migrate.rules.manifest import MANIFEST, PackManifest, check_requires, parse_manifest
from cse_migrate.rules.model import (
    ID_PATTERN,
    KINDS,
    CriterionLexicon,
    CrosswalkRule,
    Framework,
    Lexicon,
    NoisePattern,
    RuleSet,
    StatementRule,
)
from cse_migrate.rules.overlay import Layered, first_layer, lay_over
from cse_migrate.rules.schema import (
    Checker,
    check_parents,
    describe,
    parse_crosswalk,
    parse_framework,
    parse_lexicon,
    parse_noise,
    parse_statements,
    parse_vocabulary,
)
from cse_migrate.rules.yamlio import YamlProblem, read_yaml
from cse_migrate.text import Phrase, Vocabulary
from cse_migrate.version import __version__


def bundled_rules_folder() -> Path:
    """The bundled rules folder, wherever the package is installed.

    The repository keeps the rules at its top level (``mappings/``: data, never code); the wheel and the sdist
    ship them inside the package as ``cse_migrate/mappings`` (pyproject.toml maps the folder), found here with
    :mod:`importlib.resources`. Run from a source checkout (an editable install, the tests) the package has no
    such folder and the checkout's own ``mappings/`` is used."""
    packaged = resources.files("cse_migrate").joinpath("mappings")
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "mappings"


BUNDLED_RULES = bundled_rules_folder()
BUNDLED = "bundled"
TESTS_FOLDER = "tests"


@dataclass(frozen=True)
class RuleSource:
    """Where rules come from: the bundled folder or one pack, with the name its files are cited by."""

    name: str
    root: Path
    manifest: PackManifest | None = None


def rule_files(root: Path) -> list[tuple[str, Path]]:
    """(relative path, file) of the rules files in ``root``: every YAML file except the pack manifest and
    anything under ``tests/`` (test cases, read by ``rules test``)."""
    out = []
    for path in sorted(root.rglob("*.y*ml")):
        rel = path.relative_to(root).as_posix()
        if rel == MANIFEST or rel.split("/", 1)[0] == TESTS_FOLDER or not path.is_file():
            continue
        out.append((rel, path))
    return out


def case_files(root: Path) -> list[Path]:
    """The test case files of a rules folder (``tests/**/*.yaml``)."""
    folder = root / TESTS_FOLDER
    return sorted(p for p in folder.rglob("*.y*ml") if p.is_file()) if folder.is_dir() else []


def open_source(root: Path, problems: list[str]) -> RuleSource:
    """A pack folder with its manifest (``pack.yaml``); a folder without one is named after itself."""
    if not root.is_dir():
        raise RulesError([f"{root}: rules folder not found; give a folder laid out like mappings/"])
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        name = root.resolve().name
        return RuleSource(name if ID_PATTERN.match(name) else "pack", root)
    label = f"{root.resolve().name}:{MANIFEST}"
    try:
        doc = read_yaml(manifest_path.read_bytes())
    except YamlProblem as exc:
        problems.append(f"{label}: {exc}")
        return RuleSource(root.resolve().name, root)
    found: list[str] = []
    manifest = parse_manifest(doc, Checker(label, found))
    if manifest is not None and manifest.id == BUNDLED:
        found.append(f"{label}: id: 'bundled' names the bundled rules; give the pack an id of its own")
    problems.extend(found)
    return RuleSource(manifest.id if manifest else root.resolve().name, root, manifest)


def folder_checksum(root: Path) -> str:
    """SHA-256 over a folder's YAML files (relative path and content), tests and manifest included."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.y*ml")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def bundled_rules_version(bundled: Path = BUNDLED_RULES) -> str:
    """The version of the bundled rules alone: what a pack's ``written_for.rules`` pins."""
    digest = hashlib.sha256("".join(hashlib.sha256(p.read_bytes()).hexdigest()
                                    for _, p in rule_files(bundled)).encode()).hexdigest()[:12]
    return f"rules-{digest}"


def load_rules(packs: Path | Sequence[Path] | None = None, bundled: Path = BUNDLED_RULES) -> RuleSet:
    """Load the bundled rules, lay each pack in ``packs`` over them in order, validate everything and return the
    rule set."""
    extra = [] if packs is None else [packs] if isinstance(packs, Path) else list(packs)
    problems: list[str] = []
    sources = [RuleSource(BUNDLED, bundled)] + [open_source(Path(p), problems) for p in extra]
    check_requires([s.manifest for s in sources if s.manifest is not None], problems,
                   {s.name: f"{s.name}:{MANIFEST}" for s in sources})
    layered: dict[str, Layered] = {}
    infos: list[RuleFileInfo] = []
    for source in sources:
        if not source.root.is_dir():
            raise RulesError([f"{source.root}: rules folder not found; give a folder laid out like mappings/"])
        for rel, path in rule_files(source.root):
            label = f"{source.name}:{rel}"
            raw = path.read_bytes()
            infos.append(RuleFileInfo(label, hashlib.sha256(raw).hexdigest()))
            try:
                doc = read_yaml(raw)
            except YamlProblem as exc:
                problems.append(f"{label}: (file): not valid YAML at {exc}")
                continue
            if not isinstance(doc, dict):
                problems.append(f"{label}: (file): must be a mapping, got {describe(doc)}")
                continue
            if rel in layered:
                layered[rel], found = lay_over(layered[rel], doc, label)
                problems.extend(found)
            else:
                layered[rel] = first_layer(doc, label)
    parts = _parse_all(layered, problems)
    frameworks, crosswalks, lexicons, vocab, noise, crosswalk_ids, statements = parts
    _probe_pack_patterns(noise, problems)
    warnings: list[str] = []
    if vocab is not None:  # before extensions inherit entries, so each phrase is checked where it is written
        check_phrases(lexicons, vocab, warnings, problems)
    _resolve_extensions(frameworks, lexicons, problems)
    _check_references(frameworks, crosswalks, lexicons, problems)
    if vocab is None:
        problems.append(f"{bundled}: no vocabulary file (kind: vocabulary) was found")
    bundled_version = bundled_rules_version(bundled)
    check_repeated_pairs(crosswalks, warnings)
    for source in sources:
        if source.manifest is not None and source.manifest.rules_version != bundled_version:
            warnings.append(f"{source.name}:{MANIFEST}: written_for.rules: the pack was written for bundled rules "
                            f"{source.manifest.rules_version}, and the bundled rules are now {bundled_version}: "
                            f"they have changed since; run 'cse-migrate rules test --rules {source.root}' to check "
                            "the pack still does what it should, then update written_for")
        elif source.manifest is None and source.name != BUNDLED:
            warnings.append(f"{source.name}: no {MANIFEST}: the pack is recorded by its folder name, without a "
                            "version; add a manifest (see README, \"Write a rules pack\")")
    if problems:
        raise RulesError(problems)
    assert vocab is not None
    digest = hashlib.sha256("".join(i.sha256 for i in infos).encode()).hexdigest()[:12]
    return RuleSet(frameworks, tuple(crosswalks), lexicons, vocab, tuple(noise), tuple(infos),
                   f"rules-{digest}", tuple(s.name for s in sources), tuple(warnings), crosswalk_ids,
                   packs=tuple(_pack_info(s, bundled_version) for s in sources), bundled_version=bundled_version,
                   statements=tuple(statements))


def _probe_pack_patterns(noise: list[NoisePattern], problems: list[str]) -> None:
    """Refuse a pack's noise pattern that stalls on pathological lines (:mod:`cse_migrate.rules.probe`); the
    bundled patterns are probed by the test suite instead, so that loading them costs nothing."""
    from cse_migrate.rules.probe import probe

    pack_patterns = [p for p in noise if not p.file.startswith(f"{BUNDLED}:")]
    for failure in probe([p.pattern.pattern for p in pack_patterns]):
        bad = pack_patterns[failure.index]
        problems.append(f"{bad.file}: patterns[{bad.id}].pattern: stopped: {bad.pattern.pattern!r} did not finish "
                        f"within {failure.seconds:g} s on a probe line of repeated characters (it backtracks "
                        "without limit, so a line like that could hang a run); rewrite it without a repetition "
                        "inside a repetition such as (a+)+")


def _pack_info(source: RuleSource, bundled_version: str) -> PackInfo:
    sha = folder_checksum(source.root)
    if source.name == BUNDLED:
        return PackInfo(BUNDLED, bundled_version, "cse-migrate bundled rules", f"cse-migrate {__version__}", "MIT",
                        sha)
    m = source.manifest
    if m is None:
        return PackInfo(source.name, "unversioned", source.name, "", "", sha)
    return PackInfo(m.id, m.version, m.title, m.provider, m.licence, sha)


_Parsed = tuple[dict[str, Framework], list[CrosswalkRule], dict[str, Lexicon], Vocabulary | None,
                list[NoisePattern], dict[tuple[str, str], str], list[StatementRule]]


def _parse_all(layered: dict[str, Layered], problems: list[str]) -> _Parsed:
    """Check each (merged) document against its kind's schema and build the model, every entry attributed to the
    file that wrote it."""
    frameworks: dict[str, Framework] = {}
    crosswalks: list[CrosswalkRule] = []
    crosswalk_ids: dict[tuple[str, str], str] = {}
    lexicons: dict[str, Lexicon] = {}
    vocab: Vocabulary | None = None
    vocab_label = ""
    noise: list[NoisePattern] = []
    noise_ids: dict[str, str] = {}
    statements: list[StatementRule] = []
    for doc_layers in layered.values():
        doc, label = doc_layers.doc, doc_layers.label
        c = Checker(label, problems, doc_layers.key_labels())
        kind = doc.get("kind")
        if kind not in KINDS:
            c.fail("kind", f"must be one of: {', '.join(KINDS)}; got {describe(kind)}")
            continue
        if kind == "framework":
            fw = parse_framework(doc, c)
            if fw and fw.id in frameworks:
                c.fail("id", f"framework '{fw.id}' is also defined in {frameworks[fw.id].file}")
            elif fw:
                frameworks[fw.id] = fw
        elif kind == "crosswalk":
            crosswalks.extend(replace(r, file=doc_layers.origin("rules", r.id)) for r in parse_crosswalk(doc, c))
            crosswalk_ids[(str(doc.get("source")), str(doc.get("target")))] = str(doc.get("id"))
        elif kind == "lexicon":
            lex = parse_lexicon(doc, c)
            if lex and lex.framework in lexicons:
                c.fail("framework", f"a lexicon for '{lex.framework}' is also in {lexicons[lex.framework].file}; to "
                                    "change it, put your file at the same relative path so that it lays over it")
            elif lex:
                lexicons[lex.framework] = _attribute_lexicon(lex, doc_layers)
        elif kind == "vocabulary":
            if vocab is not None:
                c.fail("kind", f"a vocabulary is also in {vocab_label}; to change it, put your file at the same "
                               "relative path so that it lays over it")
                continue
            vocab, vocab_label = parse_vocabulary(doc, c), label
        elif kind == "statements":
            statements.extend(replace(r, file=doc_layers.origin("rules", r.id)) for r in parse_statements(doc, c))
        else:
            for pattern in parse_noise(doc, c):
                if pattern.id in noise_ids:
                    c.fail(f"patterns[{pattern.id}]", f"noise pattern id '{pattern.id}' is also in "
                                                      f"{noise_ids[pattern.id]}; to change it, lay your file over "
                                                      "that one (same relative path)")
                    continue
                noise_ids[pattern.id] = doc_layers.origin("patterns", pattern.id)
                noise.append(replace(pattern, file=noise_ids[pattern.id]))
    return frameworks, crosswalks, lexicons, vocab, noise, crosswalk_ids, statements


def _attribute_lexicon(lex: Lexicon, layers: Layered) -> Lexicon:
    """Each criterion entry and phrase names the file that last set it (a pack's, for what a pack changed)."""
    def phrases(cid: str, section: str, items: tuple[Phrase, ...]) -> tuple[Phrase, ...]:
        return tuple(replace(p, source=layers.origin("criteria", cid, section, p.text)) for p in items)

    criteria: dict[str, CriterionLexicon] = {}
    for cid, entry in lex.criteria.items():
        criteria[cid] = replace(entry, phrases=phrases(cid, "phrases", entry.phrases),
                                against=phrases(cid, "against", entry.against),
                                file=layers.origin("criteria", cid))
    return replace(lex, criteria=criteria)


def _resolve_extensions(frameworks: dict[str, Framework], lexicons: dict[str, Lexicon],
                        problems: list[str]) -> None:
    """Give each framework that ``extends`` another the base's criteria, settings, role and lexicon.

    The extending framework's own criteria (typically elements whose parents are the base's sub-criteria) come
    after the base's; its settings and lexicon entries override the base's, key by key. Bases are resolved first,
    so a chain (pack on pack on cse-2008) works; a missing base or a cycle is a problem naming the file.
    """
    done: set[str] = set()

    def resolve(fid: str, trail: tuple[str, ...]) -> bool:
        fw = frameworks[fid]
        if fw.extends is None or fid in done:
            return True
        key = f"{fw.file}: extends"
        if fw.extends in trail:
            problems.append(f"{key}: '{fw.extends}' extends '{fid}' in turn (a cycle)")
            return False
        if fw.extends not in frameworks:
            problems.append(f"{key}: framework '{fw.extends}' is not defined")
            return False
        if not resolve(fw.extends, (*trail, fid)):
            return False
        base = frameworks[fw.extends]
        clashes = sorted({c.id for c in fw.criteria} & {c.id for c in base.criteria})
        if clashes:
            problems.append(f"{key}: criteria {', '.join(clashes)} are already criteria of '{base.id}'")
            return False
        criteria = (*base.criteria, *fw.criteria)
        checker = Checker(fw.file, problems)
        check_parents(criteria, checker)
        frameworks[fid] = replace(fw, role=fw.role or base.role, criteria=criteria,
                                  settings={**base.settings, **fw.settings},
                                  settings_provenance={**base.settings_provenance, **fw.settings_provenance},
                                  settings_files={**base.settings_files, **fw.settings_files},
                                  not_evidence_from=fw.not_evidence_from or base.not_evidence_from)
        base_lexicon = lexicons.get(base.id)
        own = lexicons.get(fid)
        if base_lexicon is not None:
            merged = {**base_lexicon.criteria, **(own.criteria if own else {})}
            lexicons[fid] = Lexicon(fid, own.version if own else base_lexicon.version, merged,
                                    own.file if own else base_lexicon.file)
        done.add(fid)
        return True

    for fid in list(frameworks):
        resolve(fid, ())


def _check_references(frameworks: dict[str, Framework], crosswalks: list[CrosswalkRule],
                      lexicons: dict[str, Lexicon], problems: list[str]) -> None:
    """Cross-file checks: crosswalks and lexicons must point at criteria that exist."""
    seen_ids: dict[str, str] = {}
    for rule in crosswalks:
        if rule.id in seen_ids:
            problems.append(f"{rule.file}: rules.{rule.id}: duplicate crosswalk rule id (also in {seen_ids[rule.id]})")
        seen_ids[rule.id] = rule.file
        for fid, cid, side in ((rule.source_framework, rule.source, "from"), (rule.target_framework, rule.target,
                                                                               "to")):
            fw = frameworks.get(fid)
            if fw is None:
                problems.append(f"{rule.file}: rules.{rule.id}: framework '{fid}' is not defined")
            elif fw.criterion(cid) is None:
                problems.append(f"{rule.file}: rules.{rule.id}.{side}: '{cid}' is not a criterion of {fid}")
    for lex in lexicons.values():
        fw = frameworks.get(lex.framework)
        if fw is None:
            problems.append(f"{lex.file}: framework: '{lex.framework}' is not defined")
            continue
        for cid, entry in lex.criteria.items():
            if fw.criterion(cid) is None:
                problems.append(f"{entry.file or lex.file}: criteria.{cid}: not a criterion of {fw.id}")
    for fw in frameworks.values():
        if fw.role == "target" and fw.id not in lexicons:
            problems.append(f"{fw.file}: id: target framework '{fw.id}' has no lexicon (kind: lexicon)")
        gate = frameworks.get(fw.not_evidence_from or "")
        if fw.not_evidence_from and (gate is None or gate.role != "target" or gate.id == fw.id):
            problems.append(f"{fw.file}: not_evidence_from: '{fw.not_evidence_from}' is not another target "
                            f"framework")


def source_label(packs: Sequence[Any]) -> str:
    """How a run's rules are described in one line: 'bundled + acme-base 1.2 + acme-client 2.0'."""
    return " + ".join(p.id if p.id == BUNDLED else f"{p.id} {p.version}" for p in packs)
