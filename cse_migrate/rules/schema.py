"""The rules files' schema: a YAML loader that keeps every scalar a string, a checker that collects
problems naming the file and key, and one parser per ``kind``.

YAML is read with a loader that resolves no numbers, booleans or dates: every scalar stays a string, so an id such
as ``1.10`` can never turn into the float 1.1. Numeric fields are converted by the schema, which says which keys
are numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from cse_migrate.patterns import PatternError, compile_rule_pattern
from cse_migrate.rules.model import (
    ID_PATTERN,
    MEANINGS,
    PROVENANCES,
    RATIONALES,
    RELATIONSHIPS,
    ROLES,
    Criterion,
    CriterionLexicon,
    CrosswalkRule,
    Framework,
    Lexicon,
    NoisePattern,
    StatementRule,
)
from cse_migrate.rules.settings import SETTING_SPECS
from cse_migrate.text import Phrase, Vocabulary

# libyaml's C parser where PyYAML was built with it (about four times faster than the pure-Python parser on the
# bundled rules); the scalar resolvers below are Python either way, so both give the same documents.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StringLoader(_SafeLoader):  # type: ignore[misc]
    """A SafeLoader whose plain scalars are all strings (except null), so ids keep their exact spelling."""


StringLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Checker:
    """Collects schema problems for one file; every message names the file and the key path."""

    def __init__(self, file: str, problems: list[str], labels: dict[str, str] | None = None) -> None:
        self.file = file
        self.problems = problems
        # key prefix -> the file that wrote that entry, when the document was laid together from several files
        self.labels = labels or {}

    def fail(self, key: str, message: str) -> None:
        self.problems.append(f"{self.where(key)}: {key}: {message}")

    def where(self, key: str) -> str:
        """The file that wrote ``key``: the longest known prefix's file, else this document's own."""
        probe = key
        while probe:
            if probe in self.labels:
                return self.labels[probe]
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        return self.file

    def mapping(self, value: Any, key: str) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        self.fail(key, f"must be a mapping, got {describe(value)}")
        return {}

    def seq(self, value: Any, key: str) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.fail(key, f"must be a list, got {describe(value)}")
        return []

    def text(self, data: dict[str, Any], name: str, key: str, required: bool = True, default: str = "") -> str:
        value = data.get(name)
        if value is None:
            if required:
                self.fail(f"{key}.{name}".lstrip("."), "is required")
            return default
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key}.{name}".lstrip("."), f"must be non-empty text, got {describe(value)}")
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
            self.fail(key, f"must be a {'whole ' if kind is int else ''}number, got {describe(value)}")
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


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def parse_framework(doc: dict[str, Any], c: Checker) -> Framework | None:
    c.unknown(doc, {"kind", "id", "title", "version", "role", "description", "provenance", "settings",
                    "settings_provenance", "criteria", "extends", "not_evidence_from"}, "")
    fid = c.ident(doc, "id", "")
    extends = c.ident(doc, "extends", "") if doc.get("extends") is not None else None
    # an extending framework may leave its role out: it inherits the base's (filled in by _resolve_extensions)
    role = c.choice(doc, "role", "", ROLES) if extends is None or doc.get("role") is not None else ""
    settings: dict[str, float | int] = {}
    for name, value in c.mapping(doc.get("settings") or {}, "settings").items():
        if name not in SETTING_SPECS:
            c.fail(f"settings.{name}", f"unknown setting; allowed: {', '.join(SETTING_SPECS)}")
            continue
        spec = SETTING_SPECS[name]
        number = c.number(value, f"settings.{name}", spec.kind, spec.low, spec.high)
        if number is not None:
            settings[name] = number
    provenance_of: dict[str, str] = {}
    for name, value in c.mapping(doc.get("settings_provenance") or {}, "settings_provenance").items():
        if name not in SETTING_SPECS:
            c.fail(f"settings_provenance.{name}", f"unknown setting; allowed: {', '.join(SETTING_SPECS)}")
        elif not isinstance(value, str) or not value.strip():
            c.fail(f"settings_provenance.{name}", f"must be non-empty text, got {describe(value)}")
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
        check_parents(criteria, c)
    if not criteria:
        c.fail("criteria", "a framework needs at least one criterion")
    if not fid:
        return None
    return Framework(fid, c.text(doc, "title", ""), c.text(doc, "version", "", False, "1"), role,
                     c.text(doc, "description", "", False), c.choice(doc, "provenance", "", PROVENANCES),
                     tuple(criteria), settings, c.file, extends, provenance_of,
                     {name: c.file for name in settings},
                     c.ident(doc, "not_evidence_from", "") if doc.get("not_evidence_from") is not None else None)


def check_parents(criteria: Sequence[Criterion], c: Checker) -> None:
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


def parse_crosswalk(doc: dict[str, Any], c: Checker) -> list[CrosswalkRule]:
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


PHRASE_OPTIONS = {"weight", "ordered", "exact", "window"}


def _phrases(c: Checker, value: Any, key: str) -> tuple[Phrase, ...]:
    """``phrase: weight``, or ``phrase: {weight: 2, ordered: true, exact: true, window: 1}``."""
    out = []
    for text, spec in c.mapping(value or {}, key).items():
        where = f"{key}.{text}"
        options: dict[str, Any] = {"weight": spec}
        if isinstance(spec, dict):
            c.unknown(spec, PHRASE_OPTIONS, where)
            options = spec
        number = c.number(options.get("weight"), f"{where}.weight" if isinstance(spec, dict) else where,
                          float, 0.0, 100.0)
        flags = {name: _flag(c, options.get(name), f"{where}.{name}") for name in ("ordered", "exact")}
        window = options.get("window")
        width = None if window is None else c.number(window, f"{where}.window", int, 0, 20)
        if not str(text).strip():
            c.fail(key, "an empty phrase")
        elif number is not None:
            out.append(Phrase(str(text).strip(), float(number), flags["ordered"] or flags["exact"], flags["exact"],
                              None if width is None else int(width)))
    return tuple(out)


def _flag(c: Checker, value: Any, key: str) -> bool:
    if value is None:
        return False
    if str(value).strip().lower() in ("true", "yes"):
        return True
    if str(value).strip().lower() in ("false", "no"):
        return False
    c.fail(key, f"must be true or false, got {describe(value)}")
    return False


def _texts(c: Checker, value: Any, key: str) -> tuple[str, ...]:
    out = []
    for i, item in enumerate(c.seq(value, key)):
        if isinstance(item, str) and item.strip():
            out.append(item.strip())
        else:
            c.fail(f"{key}[{i}]", f"must be non-empty text, got {describe(item)}")
    return tuple(out)


def parse_lexicon(doc: dict[str, Any], c: Checker) -> Lexicon | None:
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


def parse_vocabulary(doc: dict[str, Any], c: Checker) -> Vocabulary:
    c.unknown(doc, {"kind", "description", "abbreviations", "spellings", "stopwords", "not_customer_facing",
                    "number_words", "merges"}, "")

    def pairs(name: str) -> dict[str, str]:
        out = {}
        for k, v in c.mapping(doc.get(name) or {}, name).items():
            if not isinstance(v, str):
                c.fail(f"{name}.{k}", f"must be text, got {describe(v)}")
            else:
                out[str(k).lower()] = v.lower()
        return out

    merges = c.mapping(doc.get("merges") or {}, "merges")
    c.unknown(merges, {"description", "blocked", "allowed", "stems"}, "merges")

    def word_pairs(name: str) -> frozenset[tuple[str, str]]:
        out = set()
        for i, item in enumerate(c.seq(merges.get(name), f"merges.{name}")):
            parts = item.split("~") if isinstance(item, str) else []
            if len(parts) != 2 or not all(p.strip() for p in parts):
                c.fail(f"merges.{name}[{i}]", f"must be two words joined by '~', got {describe(item)}")
                continue
            a, b = (p.strip().lower() for p in parts)
            out |= {(a, b), (b, a)}
        return frozenset(out)

    stems = {}
    for word, value in c.mapping(merges.get("stems") or {}, "merges.stems").items():
        if not isinstance(value, str) or not value.strip():
            c.fail(f"merges.stems.{word}", f"must be text, got {describe(value)}")
        else:
            stems[str(word).lower()] = value.strip().lower()
    return Vocabulary(pairs("abbreviations"), pairs("spellings"),
                      frozenset(w.lower() for w in _texts(c, doc.get("stopwords"), "stopwords")),
                      _phrases(c, doc.get("not_customer_facing"), "not_customer_facing"), pairs("number_words"),
                      word_pairs("blocked"), word_pairs("allowed"), stems)


def parse_noise(doc: dict[str, Any], c: Checker) -> list[NoisePattern]:
    c.unknown(doc, {"kind", "description", "patterns"}, "")
    out = []
    for i, raw in enumerate(c.seq(doc.get("patterns"), "patterns")):
        key = f"patterns[{i}]"
        entry = c.mapping(raw, key)
        c.unknown(entry, {"id", "pattern", "description"}, key)
        pid = c.ident(entry, "id", key)
        text = c.text(entry, "pattern", key)
        try:
            compiled = compile_rule_pattern(text)
        except PatternError as exc:
            c.fail(f"{key}.pattern", f"not a valid regular expression: {exc}")
            continue
        out.append(NoisePattern(pid, compiled, c.text(entry, "description", key, False), c.file))
    return out


_PHRASE_GAP = re.compile(r"[\s-]+")  # what separates the words of a statement rule's phrase


def phrases_pattern(phrases: Sequence[str]) -> str:
    """Literal phrases as one pattern: whole words, any run of spaces or hyphens between them."""
    parts = [r"[\s-]+".join(re.escape(word) for word in _PHRASE_GAP.split(p.strip().lower()) if word)
             for p in phrases]
    return r"\b(?:" + "|".join(part for part in parts if part) + r")\b"


def parse_statements(doc: dict[str, Any], c: Checker) -> list[StatementRule]:
    """Statement rules: each has an id, what it ``means`` (support, absence, plan), a ``pattern`` and/or
    ``phrases``, and a description. Patterns are compiled on RE2, like every rule pattern
    (:func:`cse_migrate.patterns.compile_rule_pattern`): their running time is linear in the text."""
    c.unknown(doc, {"kind", "description", "rules"}, "")
    out = []
    seen: set[str] = set()
    for i, raw in enumerate(c.seq(doc.get("rules"), "rules")):
        # Named by id where it has one: a pack's rules are merged into the bundled list, so an index would not
        # point into the file its author wrote.
        rid_given = raw.get("id") if isinstance(raw, dict) else None
        key = f"rules[{rid_given}]" if isinstance(rid_given, str) and rid_given else f"rules[{i}]"
        entry = c.mapping(raw, key)
        c.unknown(entry, {"id", "means", "pattern", "phrases", "description"}, key)
        rid = c.ident(entry, "id", key)
        if rid in seen:
            c.fail(f"{key}.id", f"duplicate rule id '{rid}'")
        seen.add(rid)
        means = c.choice(entry, "means", key, MEANINGS)
        pieces = []
        if entry.get("pattern") is not None:
            text = c.text(entry, "pattern", key)
            if text:
                pieces.append(text)
        phrases = _texts(c, entry.get("phrases"), f"{key}.phrases")
        if phrases:
            pieces.append(phrases_pattern(phrases))
        if not pieces:
            if "pattern" not in entry and not phrases:
                c.fail(key, "needs a pattern or phrases")
            continue
        try:
            compiled = compile_rule_pattern("|".join(f"(?:{p})" for p in pieces))
        except PatternError as exc:
            c.fail(f"{key}.pattern", f"not a valid regular expression: {exc}")
            continue
        out.append(StatementRule(rid, means, compiled, c.text(entry, "description", key, False), c.file))
    return out
