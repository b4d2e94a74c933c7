"""Load and validate the mapping rules under ``mappings/``.

Rules are data: frameworks, crosswalks, lexicons, a shared vocabulary and noise patterns, written in YAML. Every
file declares its ``kind`` and is checked against a schema on load; each problem names the file, the key and
what is wrong, and they are raised together as one :class:`RulesError`.

YAML is read with a loader that resolves no numbers, booleans or dates: every scalar stays a string, so an id such
as ``1.10`` can never turn into the float 1.1. Numeric fields are converted by the schema, which says which keys
are numbers.

A rules folder given with ``--rules`` is laid over the bundled one: a file at the same relative path replaces the
bundled file, and new files add to it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
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
}


class _StringLoader(yaml.SafeLoader):
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

    def criterion(self, cid: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == cid), None)


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
                    "criteria"}, "")
    fid = c.ident(doc, "id", "")
    role = c.choice(doc, "role", "", ROLES)
    settings: dict[str, float | int] = {}
    for name, value in c.mapping(doc.get("settings") or {}, "settings").items():
        if name not in SETTING_SPECS:
            c.fail(f"settings.{name}", f"unknown setting; allowed: {', '.join(SETTING_SPECS)}")
            continue
        kind, low, high = SETTING_SPECS[name]
        number = c.number(value, f"settings.{name}", kind, low, high)
        if number is not None:
            settings[name] = number
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
    for crit in criteria:
        if crit.parent is not None and crit.parent not in seen:
            c.fail(f"criteria[{crit.id}].parent", f"'{crit.parent}' is not a criterion of this framework")
    if not criteria:
        c.fail("criteria", "a framework needs at least one criterion")
    if not fid:
        return None
    return Framework(fid, c.text(doc, "title", ""), c.text(doc, "version", "", False, "1"), role,
                     c.text(doc, "description", "", False), c.choice(doc, "provenance", "", PROVENANCES),
                     tuple(criteria), settings, c.file)


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
            _texts(c, entry.get("actions"), f"{key}.actions"))
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
    _check_references(frameworks, crosswalks, lexicons, problems)
    if vocab is None:
        problems.append(f"{roots[-1]}: no vocabulary file (kind: vocabulary) was found")
    if problems:
        raise RulesError(problems)
    assert vocab is not None
    digest = hashlib.sha256("".join(i.sha256 for i in infos).encode()).hexdigest()[:12]
    return RuleSet(frameworks, tuple(crosswalks), lexicons, vocab, tuple(noise), tuple(infos),
                   f"rules-{digest}", tuple(str(r) for r in roots))


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
