"""Load and validate the mapping rules under ``mappings/``.

Rules are data: frameworks, crosswalks, lexicons, a shared vocabulary and noise patterns, written in YAML. Every
file declares its ``kind`` and is checked against a schema on load; each problem names the file, the key and
what is wrong, and they are raised together as one :class:`RulesError`.

YAML is read with a loader that resolves no numbers, booleans or dates: every scalar stays a string, so an id such
as ``1.10`` can never turn into the float 1.1. Numeric fields are converted by the schema, which says which keys
are numbers. The loader is libyaml's C parser when PyYAML was built with it (about four times faster than the
pure-Python one on the bundled rules, the same documents), else the pure-Python one.

A rules folder given with ``--rules`` is laid over the bundled one: a file at the same relative path replaces the
bundled file, and new files add to it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from cse_migrate.errors import RulesError, UsageError
from cse_migrate.model import RuleFileInfo

BUNDLED_RULES = Path(__file__).resolve().parent.parent / "mappings"

RELATIONSHIPS = ("equal", "subset-of", "superset-of", "intersects-with", "not-related")
RATIONALES = ("syntactic", "semantic", "functional")
PROVENANCES = ("official", "analyst", "user", "supplier")
ROLES = ("target", "legacy")
KINDS = ("framework", "crosswalk", "lexicon", "vocabulary", "noise")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

# Settings a target framework may carry, with their types and allowed ranges.
SETTING_SPECS: dict[str, tuple[type, float, float]] = {
    "map_threshold": (float, 0.0, 1.0),
    "strong_threshold": (float, 0.0, 1.0),
    "secondary_ratio": (float, 0.0, 1.0),
    "stale_months": (int, 1, 600),
    "met_min_strong": (int, 1, 1000),
    "duplicate_similarity": (float, 50.0, 100.0),
    "crosswalk_weight": (float, 0.0, 100.0),
    "context_weight": (float, 0.0, 100.0),
    "score_scale": (float, 0.01, 1000.0),
    "fuzzy_cutoff": (float, 50.0, 100.0),
    "review_below": (float, 0.0, 1.0),
    "review_margin": (float, 0.0, 1.0),
    "semantic_weight": (float, 0.0, 100.0),
    "semantic_temperature": (float, 0.001, 10.0),
    # Ratings and readiness for hierarchical frameworks (official CSE structure); see cse_migrate/ratings.py.
    "compliance_plus_min_strong": (int, 1, 1000),
    "compliance_plus_min_sources": (int, 1, 100),
    "compliance_min_strong": (int, 1, 1000),
    "readiness_min_compliance_share": (float, 0.0, 1.0),
    "readiness_max_partial": (int, 0, 1000),
    "readiness_max_not_evidenced": (int, 0, 1000),
}
DEFAULT_SETTINGS: dict[str, float | int] = {
    "map_threshold": 0.4,
    "strong_threshold": 0.7,
    "secondary_ratio": 0.75,
    "stale_months": 36,
    "met_min_strong": 2,
    "duplicate_similarity": 92.0,
    "crosswalk_weight": 1.0,
    "context_weight": 0.6,
    "score_scale": 3.0,
    "fuzzy_cutoff": 85.0,
    "review_below": 0.65,
    "review_margin": 0.1,
    "semantic_weight": 0.5,
    "semantic_temperature": 0.02,
    "compliance_plus_min_strong": 3,
    "compliance_plus_min_sources": 2,
    "compliance_min_strong": 2,
    "readiness_min_compliance_share": 0.7,
    "readiness_max_partial": 1,
    "readiness_max_not_evidenced": 0,
}
# Names of hierarchy levels, by depth (1 = top). Deeper levels are called "level N".
LEVEL_NAMES = ("criterion", "sub-criterion", "element")


# libyaml's parser where PyYAML has it; the scalar resolvers below are Python either way, so both give the same data.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StringLoader(_SafeLoader):  # type: ignore[misc]
    """A SafeLoader whose plain scalars are all strings (except null), so ids keep their exact spelling."""


_StringLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    description: str
    parent: str | None = None


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    version: str
    role: str
    description: str
    provenance: str
    criteria: tuple[Criterion, ...]
    settings: dict[str, float | int]
    file: str
    extends: str | None = None  # the base framework whose criteria, settings and lexicon this one inherits
    settings_provenance: dict[str, str] = field(default_factory=dict)  # setting -> where its value comes from

    def criterion(self, cid: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == cid), None)

    # --- hierarchy (criteria with a parent): mapping happens at the leaves, higher levels aggregate ---------

    @property
    def is_hierarchical(self) -> bool:
        """True when some criterion has a parent (sub-criteria, elements); five-points is flat."""
        return any(c.parent is not None for c in self.criteria)

    def roots(self) -> list[Criterion]:
        """The top-level criteria, in framework order."""
        return [c for c in self.criteria if c.parent is None]

    def children(self, cid: str) -> list[Criterion]:
        """The direct children of ``cid``, in framework order."""
        return [c for c in self.criteria if c.parent == cid]

    def leaves(self) -> list[Criterion]:
        """Criteria without children, in framework order: where evidence is mapped."""
        parents = {c.parent for c in self.criteria if c.parent is not None}
        return [c for c in self.criteria if c.id not in parents]

    def ancestors(self, cid: str) -> list[str]:
        """The ids above ``cid``, nearest first (empty for a top-level criterion or an unknown id)."""
        parent_of = {c.id: c.parent for c in self.criteria}
        out: list[str] = []
        current = parent_of.get(cid)
        while current is not None and current not in out:  # the loader rejects cycles; never loop anyway
            out.append(current)
            current = parent_of.get(current)
        return out

    def level(self, cid: str) -> int:
        """Depth of ``cid``: 1 for a criterion, 2 for a sub-criterion, 3 for an element."""
        return len(self.ancestors(cid)) + 1

    def level_name(self, cid: str) -> str:
        """"criterion", "sub-criterion", "element" (or "level N" deeper down)."""
        depth = self.level(cid)
        return LEVEL_NAMES[depth - 1] if depth <= len(LEVEL_NAMES) else f"level {depth}"

    def level_plural(self, cid: str) -> str:
        """"criteria", "sub-criteria", "elements": the plural of :meth:`level_name`."""
        name = self.level_name(cid)
        return name[:-2] + "a" if name.endswith("criterion") else name + "s"

    def at_level(self, cid: str, depth: int) -> str:
        """The ancestor of ``cid`` at ``depth`` (``cid`` itself when it is not deeper than that)."""
        chain = [cid, *self.ancestors(cid)]  # nearest first, top last
        return chain[-depth] if depth <= len(chain) else cid

    def top(self, cid: str) -> str:
        """The top-level criterion ``cid`` belongs to."""
        return self.at_level(cid, 1)

    def leaves_under(self, cid: str) -> list[str]:
        """The leaf ids at or below ``cid``, in framework order (``[cid]`` for a leaf)."""
        return [leaf.id for leaf in self.leaves() if leaf.id == cid or cid in self.ancestors(leaf.id)]


@dataclass(frozen=True)
class CrosswalkRule:
    id: str
    source_framework: str
    source: str
    target_framework: str
    target: str
    relationship: str
    strength: int
    rationale: str
    provenance: str
    note: str
    file: str


@dataclass(frozen=True)
class Phrase:
    text: str
    weight: float


@dataclass(frozen=True)
class CriterionLexicon:
    criterion: str
    phrases: tuple[Phrase, ...]
    against: tuple[Phrase, ...]
    expected_evidence: tuple[str, ...]
    actions: tuple[str, ...]
    file: str = ""  # the lexicon file this entry comes from (a base framework's, when inherited)


@dataclass(frozen=True)
class Lexicon:
    framework: str
    version: str
    criteria: dict[str, CriterionLexicon]
    file: str


@dataclass(frozen=True)
class Vocabulary:
    """Shared text knowledge: abbreviations, US to UK spellings, stop words, non-customer-facing phrases."""

    abbreviations: dict[str, str]
    spellings: dict[str, str]
    stopwords: frozenset[str]
    not_customer_facing: tuple[Phrase, ...]
    number_words: dict[str, str]


@dataclass(frozen=True)
class NoisePattern:
    id: str
    pattern: re.Pattern[str]
    description: str
    file: str


@dataclass(frozen=True)
class RuleSet:
    frameworks: dict[str, Framework]
    crosswalks: tuple[CrosswalkRule, ...]
    lexicons: dict[str, Lexicon]
    vocabulary: Vocabulary
    noise: tuple[NoisePattern, ...]
    files: tuple[RuleFileInfo, ...]
    version: str
    roots: tuple[str, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())  # not wrong, but worth a rules author's look

    def framework(self, fid: str) -> Framework:
        try:
            return self.frameworks[fid]
        except KeyError:
            known = ", ".join(sorted(self.frameworks))
            raise UsageError(f"unknown framework '{fid}'; available: {known}") from None

    def targets(self) -> list[Framework]:
        return [f for f in self.frameworks.values() if f.role == "target"]

    def crosswalk_rules(self, source: str, target: str) -> list[CrosswalkRule]:
        return [r for r in self.crosswalks if r.source_framework == source and r.target_framework == target]

    def lineage(self, fid: str) -> list[str]:
        """``fid`` and the frameworks it extends, nearest first (``["my-elements", "cse-2008"]``)."""
        out: list[str] = []
        current: str | None = fid
        while current is not None and current in self.frameworks and current not in out:
            out.append(current)
            current = self.frameworks[current].extends
        return out

    def crosswalk_rules_into(self, source: str, target: str) -> list[CrosswalkRule]:
        """Rules from ``source`` into ``target``, or into the nearest framework it extends that has some.

        An element pack extending cse-2008 thus reuses the cse-2008 crosswalks (their targets are its
        sub-criteria, which are parents of its elements).
        """
        for fid in self.lineage(target) or [target]:
            found = self.crosswalk_rules(source, fid)
            if found:
                return found
        return []


class _Checker:
    """Collects schema problems for one file; every message names the file and the key path."""

    def __init__(self, file: str, problems: list[str]) -> None:
        self.file = file
        self.problems = problems

    def fail(self, key: str, message: str) -> None:
        self.problems.append(f"{self.file}: {key}: {message}")

    def mapping(self, value: Any, key: str) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        self.fail(key, f"must be a mapping, got {_describe(value)}")
        return {}

    def seq(self, value: Any, key: str) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.fail(key, f"must be a list, got {_describe(value)}")
        return []

    def text(self, data: dict[str, Any], name: str, key: str, required: bool = True, default: str = "") -> str:
        value = data.get(name)
        if value is None:
            if required:
                self.fail(f"{key}.{name}".lstrip("."), "is required")
            return default
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key}.{name}".lstrip("."), f"must be non-empty text, got {_describe(value)}")
            return default
        return value.strip()

    def choice(self, data: dict[str, Any], name: str, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(data, name, key)
        if value and value not in allowed:
            self.fail(f"{key}.{name}".lstrip("."), f"'{value}' is not one of: {', '.join(allowed)}")
        return value

    def ident(self, data: dict[str, Any], name: str, key: str) -> str:
        value = self.text(data, name, key)
        if value and not ID_PATTERN.match(value):
            self.fail(f"{key}.{name}".lstrip("."), f"'{value}' is not a valid id (letters, digits, . _ -)")
        return value

    def number(self, value: Any, key: str, kind: type, low: float, high: float) -> float | int | None:
        try:
            number: float | int = kind(str(value).strip())
        except (TypeError, ValueError):
            self.fail(key, f"must be a {'whole ' if kind is int else ''}number, got {_describe(value)}")
            return None
        if not low <= number <= high:
            self.fail(key, f"{number} is outside {low:g}..{high:g}")
            return None
        return number

    def unknown(self, data: dict[str, Any], allowed: set[str], key: str) -> None:
        for name in data:
            if name not in allowed:
                where = f"{key}.{name}".lstrip(".")
                self.fail(where, f"unknown key; allowed: {', '.join(sorted(allowed))}")


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _parse_framework(doc: dict[str, Any], c: _Checker) -> Framework | None:
    c.unknown(doc, {"kind", "id", "title", "version", "role", "description", "provenance", "settings",
                    "settings_provenance", "criteria", "extends"}, "")
    fid = c.ident(doc, "id", "")
    extends = c.ident(doc, "extends", "") if doc.get("extends") is not None else None
    # an extending framework may leave its role out: it inherits the base's (filled in by _resolve_extensions)
    role = c.choice(doc, "role", "", ROLES) if extends is None or doc.get("role") is not None else ""
    settings: dict[str, float | int] = {}
    for name, value in c.mapping(doc.get("settings") or {}, "settings").items():
        if name not in SETTING_SPECS:
            c.fail(f"settings.{name}", f"unknown setting; allowed: {', '.join(SETTING_SPECS)}")
            continue
        kind, low, high = SETTING_SPECS[name]
        number = c.number(value, f"settings.{name}", kind, low, high)
        if number is not None:
            settings[name] = number
    provenance_of: dict[str, str] = {}
    for name, value in c.mapping(doc.get("settings_provenance") or {}, "settings_provenance").items():
        if name not in SETTING_SPECS:
            c.fail(f"settings_provenance.{name}", f"unknown setting; allowed: {', '.join(SETTING_SPECS)}")
        elif not isinstance(value, str) or not value.strip():
            c.fail(f"settings_provenance.{name}", f"must be non-empty text, got {_describe(value)}")
        else:
            provenance_of[str(name)] = " ".join(value.split())
    criteria: list[Criterion] = []
    seen: set[str] = set()
    for i, raw in enumerate(c.seq(doc.get("criteria"), "criteria")):
        key = f"criteria[{i}]"
        entry = c.mapping(raw, key)
        c.unknown(entry, {"id", "title", "description", "parent"}, key)
        cid = c.ident(entry, "id", key)
        if cid in seen:
            c.fail(f"{key}.id", f"duplicate criterion id '{cid}'")
        seen.add(cid)
        parent = entry.get("parent")
        criteria.append(Criterion(cid, c.text(entry, "title", key), c.text(entry, "description", key, False),
                                  str(parent) if parent is not None else None))
    if extends is None:  # an extending framework's parents may be the base's criteria: checked on resolution
        _check_parents(criteria, c)
    if not criteria:
        c.fail("criteria", "a framework needs at least one criterion")
    if not fid:
        return None
    return Framework(fid, c.text(doc, "title", ""), c.text(doc, "version", "", False, "1"), role,
                     c.text(doc, "description", "", False), c.choice(doc, "provenance", "", PROVENANCES),
                     tuple(criteria), settings, c.file, extends, provenance_of)


def _check_parents(criteria: Sequence[Criterion], c: _Checker) -> None:
    """Every parent must be a criterion of the framework, and no criterion may be its own ancestor."""
    parent_of = {crit.id: crit.parent for crit in criteria}
    for crit in criteria:
        if crit.parent is not None and crit.parent not in parent_of:
            c.fail(f"criteria[{crit.id}].parent", f"'{crit.parent}' is not a criterion of this framework")
            continue
        seen = {crit.id}
        current = crit.parent
        while current is not None:
            if current in seen:
                c.fail(f"criteria[{crit.id}].parent", "the parents form a cycle")
                break
            seen.add(current)
            current = parent_of.get(current)


def _parse_crosswalk(doc: dict[str, Any], c: _Checker) -> list[CrosswalkRule]:
    c.unknown(doc, {"kind", "id", "source", "target", "description", "rules"}, "")
    c.ident(doc, "id", "")
    source = c.ident(doc, "source", "")
    target = c.ident(doc, "target", "")
    out: list[CrosswalkRule] = []
    for i, raw in enumerate(c.seq(doc.get("rules"), "rules")):
        key = f"rules[{i}]"
        entry = c.mapping(raw, key)
        c.unknown(entry, {"id", "from", "to", "relationship", "strength", "rationale", "provenance", "note"}, key)
        strength = c.number(entry.get("strength"), f"{key}.strength", int, 0, 10)
        out.append(CrosswalkRule(
            id=c.ident(entry, "id", key), source_framework=source, source=c.text(entry, "from", key),
            target_framework=target, target=c.text(entry, "to", key),
            relationship=c.choice(entry, "relationship", key, RELATIONSHIPS),
            strength=int(strength or 0), rationale=c.choice(entry, "rationale", key, RATIONALES),
            provenance=c.choice(entry, "provenance", key, PROVENANCES), note=c.text(entry, "note", key, False),
            file=c.file))
    return out


def _phrases(c: _Checker, value: Any, key: str) -> tuple[Phrase, ...]:
    out = []
    for text, weight in c.mapping(value or {}, key).items():
        number = c.number(weight, f"{key}.{text}", float, 0.0, 100.0)
        if not str(text).strip():
            c.fail(key, "an empty phrase")
        elif number is not None:
            out.append(Phrase(str(text).strip(), float(number)))
    return tuple(out)


def _texts(c: _Checker, value: Any, key: str) -> tuple[str, ...]:
    out = []
    for i, item in enumerate(c.seq(value, key)):
        if isinstance(item, str) and item.strip():
            out.append(item.strip())
        else:
            c.fail(f"{key}[{i}]", f"must be non-empty text, got {_describe(item)}")
    return tuple(out)


def _parse_lexicon(doc: dict[str, Any], c: _Checker) -> Lexicon | None:
    c.unknown(doc, {"kind", "framework", "version", "description", "criteria"}, "")
    fid = c.ident(doc, "framework", "")
    criteria: dict[str, CriterionLexicon] = {}
    for cid, raw in c.mapping(doc.get("criteria"), "criteria").items():
        key = f"criteria.{cid}"
        entry = c.mapping(raw, key)
        c.unknown(entry, {"phrases", "against", "expected_evidence", "actions"}, key)
        criteria[str(cid)] = CriterionLexicon(
            str(cid), _phrases(c, entry.get("phrases"), f"{key}.phrases"),
            _phrases(c, entry.get("against"), f"{key}.against"),
            _texts(c, entry.get("expected_evidence"), f"{key}.expected_evidence"),
            _texts(c, entry.get("actions"), f"{key}.actions"), c.file)
    return Lexicon(fid, c.text(doc, "version", "", False, "1"), criteria, c.file) if fid else None


def _parse_vocabulary(doc: dict[str, Any], c: _Checker) -> Vocabulary:
    c.unknown(doc, {"kind", "description", "abbreviations", "spellings", "stopwords", "not_customer_facing",
                    "number_words"}, "")

    def pairs(name: str) -> dict[str, str]:
        out = {}
        for k, v in c.mapping(doc.get(name) or {}, name).items():
            if not isinstance(v, str):
                c.fail(f"{name}.{k}", f"must be text, got {_describe(v)}")
            else:
                out[str(k).lower()] = v.lower()
        return out

    return Vocabulary(pairs("abbreviations"), pairs("spellings"),
                      frozenset(w.lower() for w in _texts(c, doc.get("stopwords"), "stopwords")),
                      _phrases(c, doc.get("not_customer_facing"), "not_customer_facing"), pairs("number_words"))


def _parse_noise(doc: dict[str, Any], c: _Checker) -> list[NoisePattern]:
    c.unknown(doc, {"kind", "description", "patterns"}, "")
    out = []
    for i, raw in enumerate(c.seq(doc.get("patterns"), "patterns")):
        key = f"patterns[{i}]"
        entry = c.mapping(raw, key)
        c.unknown(entry, {"id", "pattern", "description"}, key)
        pid = c.ident(entry, "id", key)
        text = c.text(entry, "pattern", key)
        try:
            compiled = re.compile(text, re.IGNORECASE)
        except re.error as exc:
            c.fail(f"{key}.pattern", f"not a valid regular expression: {exc}")
            continue
        out.append(NoisePattern(pid, compiled, c.text(entry, "description", key, False), c.file))
    return out


def _rule_files(roots: list[Path]) -> dict[str, Path]:
    """Relative path -> file, later roots replacing earlier ones (the overlay rule)."""
    files: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            raise RulesError([f"{root}: rules folder not found; give a folder laid out like mappings/"])
        for path in sorted(root.rglob("*.y*ml")):
            files[path.relative_to(root).as_posix()] = path
    return files


def load_rules(extra: Path | None = None, bundled: Path = BUNDLED_RULES) -> RuleSet:
    """Load the bundled rules, lay ``extra`` over them, validate everything and return the rule set."""
    roots = [bundled] + ([extra] if extra is not None else [])
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
        c = _Checker(label, problems)
        try:
            doc = yaml.load(raw.decode("utf-8"), Loader=_StringLoader)
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            c.fail("(file)", f"not valid YAML: {str(exc).splitlines()[0]}")
            continue
        doc = c.mapping(doc, "(file)")
        kind = doc.get("kind")
        if kind not in KINDS:
            c.fail("kind", f"must be one of: {', '.join(KINDS)}; got {_describe(kind)}")
            continue
        if kind == "framework":
            fw = _parse_framework(doc, c)
            if fw and fw.id in frameworks:
                c.fail("id", f"framework '{fw.id}' is also defined in {frameworks[fw.id].file}")
            elif fw:
                frameworks[fw.id] = fw
        elif kind == "crosswalk":
            crosswalks.extend(_parse_crosswalk(doc, c))
        elif kind == "lexicon":
            lex = _parse_lexicon(doc, c)
            if lex:
                lexicons[lex.framework] = lex
        elif kind == "vocabulary":
            vocab = _parse_vocabulary(doc, c)
        else:
            noise.extend(_parse_noise(doc, c))
    _resolve_extensions(frameworks, lexicons, problems)
    _check_references(frameworks, crosswalks, lexicons, problems)
    if vocab is None:
        problems.append(f"{roots[-1]}: no vocabulary file (kind: vocabulary) was found")
    warnings: list[str] = []
    if vocab is not None:
        _check_phrases(lexicons, vocab, warnings)
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
        checker = _Checker(fw.file, problems)
        _check_parents(criteria, checker)
        frameworks[fid] = replace(fw, role=fw.role or base.role, criteria=criteria,
                                  settings={**base.settings, **fw.settings},
                                  settings_provenance={**base.settings_provenance, **fw.settings_provenance})
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


def _check_phrases(lexicons: dict[str, Lexicon], vocab: Vocabulary, warnings: list[str]) -> None:
    """A phrase of several words that stop words reduce to one word (or none) matches far more than its author
    may have meant ("one to one" matches any "one"): warn, naming the phrase and what is left of it. A warning,
    not an error, because "head of" matching every "head" is sometimes exactly what was meant."""
    from cse_migrate.text import tokens, words  # text depends on this module's Vocabulary

    for lex in lexicons.values():
        for cid, entry in lex.criteria.items():
            for section, phrases in (("phrases", entry.phrases), ("against", entry.against)):
                for phrase in phrases:
                    left = tokens(phrase.text, dataclasses.replace(vocab, abbreviations={}))
                    if len(words(phrase.text)) > 1 and len(left) < 2:
                        kept = f"'{left[0]}'" if left else "nothing"
                        warnings.append(f"{lex.file}: criteria.{cid}.{section}.{phrase.text}: stop words leave "
                                        f"{kept} of this phrase, which then matches that word anywhere")


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


def effective_settings(framework: Framework) -> dict[str, float | int]:
    """The framework's settings over the defaults."""
    return {**DEFAULT_SETTINGS, **framework.settings}


def lexicon_chain(framework: Framework, lexicon: Lexicon, cid: str) -> list[CriterionLexicon]:
    """The lexicon entries that apply to ``cid``: its own first, then its ancestors' (nearest first).

    A leaf is matched with all their phrases, and takes its expected evidence and actions from the nearest
    entry that has any, so an element inherits what its sub-criterion's lexicon says.
    """
    return [lexicon.criteria[i] for i in (cid, *framework.ancestors(cid)) if i in lexicon.criteria]
