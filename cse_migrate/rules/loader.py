"""Load and validate the mapping rules under ``mappings/``.

Rules are data: frameworks, crosswalks, lexicons, a shared vocabulary and noise patterns, written in YAML. Every
file declares its ``kind`` and is checked against a schema on load; each problem names the file, the key and
what is wrong, and they are raised together as one :class:`RulesError`.

The schema itself is in :mod:`cse_migrate.rules.schema`.

A rules folder given with ``--rules`` is laid over the bundled one: a file at the same relative path replaces the
bundled file, and new files add to it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

import yaml

from cse_migrate.errors import RulesError
from cse_migrate.model import RuleFileInfo
from cse_migrate.rules.lint import check_phrases
from cse_migrate.rules.model import KINDS, CrosswalkRule, Framework, Lexicon, NoisePattern, RuleSet
from cse_migrate.rules.schema import (
    Checker,
    StringLoader,
    check_parents,
    describe,
    parse_crosswalk,
    parse_framework,
    parse_lexicon,
    parse_noise,
    parse_vocabulary,
)
from cse_migrate.text import Vocabulary


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


def _rule_files(roots: list[Path]) -> dict[str, Path]:
    """Relative path -> file, later roots replacing earlier ones (the overlay rule)."""
    files: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            raise RulesError([f"{root}: rules folder not found; give a folder laid out like mappings/"])
        for path in sorted(root.rglob("*.y*ml")):
            files[path.relative_to(root).as_posix()] = path
    return files


def load_rules(packs: Path | Sequence[Path] | None = None, bundled: Path = BUNDLED_RULES) -> RuleSet:
    """Load the bundled rules, lay each pack in ``packs`` over them in order, validate everything and return the
    rule set. A later pack's file replaces an earlier one's at the same relative path."""
    extra = [] if packs is None else [packs] if isinstance(packs, Path) else list(packs)
    roots = [bundled, *extra]
    problems: list[str] = []
    frameworks: dict[str, Framework] = {}
    crosswalks: list[CrosswalkRule] = []
    lexicons: dict[str, Lexicon] = {}
    vocab: Vocabulary | None = None
    noise: list[NoisePattern] = []
    infos: list[RuleFileInfo] = []
    for rel, path in _rule_files(roots).items():
        label = str(path)
        raw = path.read_bytes()
        infos.append(RuleFileInfo(rel, hashlib.sha256(raw).hexdigest()))
        c = Checker(label, problems)
        try:
            doc = yaml.load(raw.decode("utf-8"), Loader=StringLoader)
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            c.fail("(file)", f"not valid YAML: {str(exc).splitlines()[0]}")
            continue
        doc = c.mapping(doc, "(file)")
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
            crosswalks.extend(parse_crosswalk(doc, c))
        elif kind == "lexicon":
            lex = parse_lexicon(doc, c)
            if lex:
                lexicons[lex.framework] = lex
        elif kind == "vocabulary":
            vocab = parse_vocabulary(doc, c)
        else:
            noise.extend(parse_noise(doc, c))
    _resolve_extensions(frameworks, lexicons, problems)
    _check_references(frameworks, crosswalks, lexicons, problems)
    if vocab is None:
        problems.append(f"{roots[-1]}: no vocabulary file (kind: vocabulary) was found")
    warnings: list[str] = []
    if vocab is not None:
        check_phrases(lexicons, vocab, warnings, problems, bundled)
    if problems:
        raise RulesError(problems)
    assert vocab is not None
    digest = hashlib.sha256("".join(i.sha256 for i in infos).encode()).hexdigest()[:12]
    return RuleSet(frameworks, tuple(crosswalks), lexicons, vocab, tuple(noise), tuple(infos),
                   f"rules-{digest}", tuple(str(r) for r in roots), tuple(warnings))


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
                                  settings_files={**base.settings_files, **fw.settings_files})
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
        for cid in lex.criteria:
            if fw.criterion(cid) is None:
                problems.append(f"{lex.file}: criteria.{cid}: not a criterion of {fw.id}")
    for fw in frameworks.values():
        if fw.role == "target" and fw.id not in lexicons:
            problems.append(f"{fw.file}: id: target framework '{fw.id}' has no lexicon (kind: lexicon)")
