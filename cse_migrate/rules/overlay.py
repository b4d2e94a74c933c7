"""Lay one rules file over another, entry by entry: how a pack changes the bundled rules without forking them.

A pack file at the same relative path as a bundled file (or an earlier pack's) is an *overlay*: it names only what
it changes. This module is a pure function over parsed YAML documents (every scalar a string, as
:mod:`cse_migrate.rules.yamlio` reads them); the schema checks the merged document afterwards, exactly as it
checks a file written whole.

What an overlay can say, by kind (``~`` is YAML's null):

* ``lexicon``: ``criteria.ID.phrases`` and ``.against`` map a phrase to a weight (adds it, or reweights it) or to
  ``remove`` / ``~`` (removes it); ``expected_evidence`` and ``actions`` take a list (added) or a mapping with
  ``add``, ``remove`` and ``replace`` lists; ``criteria.ID: ~`` removes a criterion's whole entry.
* ``crosswalk``: ``rules`` entries are matched by ``id``: the keys given override that rule's, ``remove: true``
  removes it, a new id adds a rule (written whole).
* ``vocabulary``: ``abbreviations``, ``spellings``, ``number_words`` and ``not_customer_facing`` by key (``~``
  removes); ``stopwords`` takes a list (added) or ``add`` / ``remove`` lists.
* ``noise``: ``patterns`` by ``id``: override, ``disable: true``, or add.
* ``statements``: ``rules`` by ``id``, as for a crosswalk.
* ``framework``: ``settings`` and ``settings_provenance`` by key (``~`` goes back to the default), ``criteria`` by
  ``id`` (override, ``remove: true``, add), and the scalar keys (title, description, ...).

``replace: true`` at the top of a file replaces the file below it whole, on purpose. Anything an overlay aims at
that is not there (a phrase, a rule id, a pattern id, an abbreviation) is a problem naming the file and the key.

Every entry remembers the file that last set it (:attr:`Layered.origins`), so that a mapping's explanation and an
error message name the pack that wrote the rule, not just the bundled file it was laid over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Path_ = tuple[str, ...]

TRUE = {"true", "yes", "on"}
FALSE = {"false", "no", "off"}
# A phrase's weight written as one of these removes the phrase (weights are numbers, so this cannot clash).
REMOVE_WORDS = {"remove"}

_SCALARS = {
    "framework": ("title", "version", "role", "description", "provenance", "extends"),
    "crosswalk": ("description",),
    "lexicon": ("version", "description"),
    "vocabulary": ("description",),
    "noise": ("description",),
    "statements": ("description",),
}
# Keys that name what a file is about: an overlay may repeat them, but not change them.
_IDENTITY = {"framework": ("id",), "crosswalk": ("id", "source", "target"), "lexicon": ("framework",),
             "vocabulary": (), "noise": (), "statements": ()}
_MAPS = {"vocabulary": ("abbreviations", "spellings", "number_words", "not_customer_facing"),
         "framework": ("settings", "settings_provenance")}
_LISTS_BY_ID = {"crosswalk": ("rules", "remove"), "noise": ("patterns", "disable"), "framework": ("criteria", "remove"),
                "statements": ("rules", "remove")}


@dataclass
class Layered:
    """A rules document built from one or more files, bottom first."""

    kind: str
    doc: dict[str, Any]
    origins: dict[Path_, str] = field(default_factory=dict)  # entry -> label of the file that last set it
    layers: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The top file's label (the file a reader would open to change this document)."""
        return self.layers[-1] if self.layers else ""

    def origin(self, *path: str) -> str:
        return self.origins.get(path, self.label)

    def key_labels(self) -> dict[str, str]:
        """Schema key prefix (as :class:`~cse_migrate.rules.schema.Checker` writes keys) -> file that set it."""
        out: dict[str, str] = {}
        doc = self.doc
        if self.kind == "lexicon":
            for cid, entry in _as_dict(doc.get("criteria")).items():
                out[f"criteria.{cid}"] = self.origin("criteria", str(cid))
                for section in ("phrases", "against"):
                    for text in _as_dict(_as_dict(entry).get(section)):
                        out[f"criteria.{cid}.{section}.{text}"] = self.origin("criteria", str(cid), section, str(text))
        elif self.kind in _LISTS_BY_ID:
            name = _LISTS_BY_ID[self.kind][0]
            for i, entry in enumerate(doc.get(name) or []):
                eid = str(_as_dict(entry).get("id"))
                out[f"{name}[{i}]"] = out[f"{name}[{eid}]"] = self.origin(name, eid)
        for section in _MAPS.get(self.kind, ()):
            for key in _as_dict(doc.get(section)):
                out[f"{section}.{key}"] = self.origin(section, str(key))
        return out


def _as_dict(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def is_true(value: Any) -> bool | None:
    """YAML true/false written as text (the loader keeps every scalar a string); None when it is neither."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if value is not None else ""
    return True if text in TRUE else False if text in FALSE else None


def first_layer(doc: dict[str, Any], label: str) -> Layered:
    """The document of a file that lays over nothing: every entry comes from ``label``."""
    doc = {k: v for k, v in doc.items() if k != "replace"}
    kind = str(doc.get("kind", ""))
    layered = Layered(kind, doc, {}, (label,))
    _stamp_all(layered, label)
    return layered


def _stamp_all(layered: Layered, label: str) -> None:
    doc, origins = layered.doc, layered.origins
    if layered.kind == "lexicon":
        for cid, entry in _as_dict(doc.get("criteria")).items():
            origins[("criteria", str(cid))] = label
            for section in ("phrases", "against"):
                for text in _as_dict(_as_dict(entry).get(section)):
                    origins[("criteria", str(cid), section, str(text))] = label
    if layered.kind in _LISTS_BY_ID:
        name = _LISTS_BY_ID[layered.kind][0]
        entries = doc.get(name) if isinstance(doc.get(name), list) else []
        for entry in entries or []:
            if isinstance(entry, dict) and entry.get("id") is not None:
                origins[(name, str(entry["id"]))] = label
    for section in _MAPS.get(layered.kind, ()):
        for key in _as_dict(doc.get(section)):
            origins[(section, str(key))] = label


def lay_over(base: Layered, top: dict[str, Any], label: str) -> tuple[Layered, list[str]]:
    """``top`` (the file ``label``) laid over ``base``; returns the merged document and any problems.

    ``base`` is not changed. Problems name ``label`` and the key, in the form the schema's checker uses."""
    problems: list[str] = []

    def fail(key: str, message: str) -> None:
        problems.append(f"{label}: {key}: {message}")

    replace = is_true(top.get("replace", "false"))
    if replace is None:
        fail("replace", f"must be true or false, got {top.get('replace')!r}")
    kind = str(top.get("kind", ""))
    if kind != base.kind:
        fail("kind", f"'{kind}' cannot lay over '{base.kind}' ({base.label}); a file at the same path must have "
                     "the same kind, or say 'replace: true' to replace it")
        return base, problems
    if replace:
        replaced = first_layer(top, label)
        replaced.layers = (*base.layers, label)
        return replaced, problems
    merged = Layered(kind, _copy(base.doc), dict(base.origins), (*base.layers, label))
    for key in _IDENTITY.get(kind, ()):
        if top.get(key) is not None and top.get(key) != base.doc.get(key):
            fail(key, f"'{top.get(key)}' differs from '{base.doc.get(key)}' in {base.label}; an overlay changes "
                      "entries, not what the file is about: put new content in a file of its own")
    for key in _SCALARS.get(kind, ()):
        if top.get(key) is not None:
            merged.doc[key] = top[key]
    known = {"kind", "replace", *(_IDENTITY.get(kind, ())), *(_SCALARS.get(kind, ()))}
    handlers: dict[str, Callable[[], None]] = {}
    for section in _MAPS.get(kind, ()):
        handlers[section] = _bind(_merge_map, merged, top, section, label, fail)
    if kind in _LISTS_BY_ID:
        name, drop = _LISTS_BY_ID[kind]
        handlers[name] = lambda: _merge_list(merged, top, name, drop, label, fail)
    if kind == "lexicon":
        handlers["criteria"] = lambda: _merge_lexicon(merged, top, label, fail)
    if kind == "vocabulary":
        handlers["stopwords"] = lambda: _merge_stopwords(merged, top, fail)
    for key, value in top.items():
        if key in handlers:
            if value is not None:
                handlers[key]()
        elif key not in known:
            merged.doc[key] = value  # an unknown key: kept, so the schema names it
    return merged, problems


def _bind(func: Callable[..., None], *args: Any) -> Callable[[], None]:
    return lambda: func(*args)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _merge_map(merged: Layered, top: dict[str, Any], section: str, label: str,
               fail: Callable[[str, str], None]) -> None:
    """Entries by key: a value sets (adds or changes) the entry, ``~`` removes it."""
    changes = top.get(section)
    if not isinstance(changes, dict):
        fail(section, "must be a mapping of entries to change")
        return
    target = merged.doc.setdefault(section, {}) if isinstance(merged.doc.get(section), dict) else {}
    merged.doc[section] = target
    for key, value in changes.items():
        removing = value is None or (section == "not_customer_facing" and str(value).strip() in REMOVE_WORDS)
        if removing:
            if key not in target:
                fail(f"{section}.{key}", f"is to be removed but there is no such entry in {merged.layers[-2]}")
                continue
            del target[key]
            merged.origins.pop((section, str(key)), None)
        else:
            target[key] = value
            merged.origins[(section, str(key))] = label


def _merge_list(merged: Layered, top: dict[str, Any], name: str, drop: str, label: str,
                fail: Callable[[str, str], None]) -> None:
    """Entries of a list matched by ``id``: override the keys given, drop (``remove``/``disable``), or add."""
    changes = top.get(name)
    if not isinstance(changes, list):
        fail(name, "must be a list of entries, each with the id of the entry it changes or adds")
        return
    current = merged.doc.get(name) if isinstance(merged.doc.get(name), list) else []
    entries: list[Any] = list(current or [])
    index = {str(e.get("id")): i for i, e in enumerate(entries) if isinstance(e, dict) and e.get("id") is not None}
    dropped: set[str] = set()
    below = merged.layers[-2] if len(merged.layers) > 1 else "the rules below"
    for i, change in enumerate(changes):
        if not isinstance(change, dict) or change.get("id") is None:
            fail(f"{name}[{i}]", "needs an id: the id of the entry it changes, or of a new entry")
            continue
        eid = str(change["id"])
        flag = is_true(change.get(drop, "false"))
        if flag is None:
            fail(f"{name}[{eid}].{drop}", f"must be true or false, got {change.get(drop)!r}")
            continue
        if eid in dropped:
            fail(f"{name}[{eid}]", f"was {'disabled' if drop == 'disable' else 'removed'} earlier in this file")
            continue
        if flag:
            if eid not in index:
                fail(f"{name}[{eid}].{drop}", f"there is no entry '{eid}' in {below} to {drop}")
                continue
            entries[index.pop(eid)] = None
            dropped.add(eid)
            merged.origins.pop((name, eid), None)
            continue
        fields = {k: v for k, v in change.items() if k != drop}
        if eid in index:
            existing = dict(entries[index[eid]])
            existing.update(fields)
            entries[index[eid]] = existing
        else:
            index[eid] = len(entries)
            entries.append(fields)
        merged.origins[(name, eid)] = label
    merged.doc[name] = [e for e in entries if e is not None]


def _merge_texts(current: Any, change: Any, key: str, below: str, fail: Callable[[str, str], None]) -> list[Any]:
    """A list of texts: a list adds; a mapping may ``add``, ``remove`` and ``replace``."""
    texts: list[Any] = list(current) if isinstance(current, list) else []
    if isinstance(change, list):
        return texts + [t for t in change if t not in texts]
    if not isinstance(change, dict):
        fail(key, "must be a list (added) or a mapping with add, remove or replace lists")
        return texts
    for verb in change:
        if verb not in ("add", "remove", "replace"):
            fail(f"{key}.{verb}", "unknown key; allowed: add, remove, replace")
    if change.get("replace") is not None:
        texts = list(change["replace"]) if isinstance(change["replace"], list) else []
    for text in change.get("remove") or []:
        if text not in texts:
            fail(f"{key}.remove", f"'{text}' is not in {below}")
        else:
            texts.remove(text)
    return texts + [t for t in change.get("add") or [] if t not in texts]


def _merge_stopwords(merged: Layered, top: dict[str, Any], fail: Callable[[str, str], None]) -> None:
    merged.doc["stopwords"] = _merge_texts(merged.doc.get("stopwords"), top["stopwords"], "stopwords",
                                           merged.layers[-2], fail)


def _merge_lexicon(merged: Layered, top: dict[str, Any], label: str, fail: Callable[[str, str], None]) -> None:
    changes = top.get("criteria")
    if not isinstance(changes, dict):
        fail("criteria", "must be a mapping of criterion ids to the changes for each")
        return
    below = merged.layers[-2]
    criteria = merged.doc.setdefault("criteria", {})
    for cid, change in changes.items():
        key = f"criteria.{cid}"
        if change is None or str(change).strip() in REMOVE_WORDS:
            if cid not in criteria:
                fail(key, f"is to be removed but {below} has no entry for criterion '{cid}'")
                continue
            del criteria[cid]
            for path in [p for p in merged.origins if p[:2] == ("criteria", str(cid))]:
                del merged.origins[path]
            continue
        if not isinstance(change, dict):
            fail(key, "must be a mapping (phrases, against, expected_evidence, actions)")
            continue
        entry = criteria.setdefault(cid, {})
        if not isinstance(entry, dict):
            entry = criteria[cid] = {}
        merged.origins[("criteria", str(cid))] = label
        for section, value in change.items():
            if section in ("phrases", "against"):
                _merge_phrases(merged, entry, str(cid), section, value, label, fail)
            elif section in ("expected_evidence", "actions"):
                entry[section] = _merge_texts(entry.get(section), value, f"{key}.{section}", below, fail)
            else:
                entry[section] = value  # unknown: the schema names it


def _merge_phrases(merged: Layered, entry: dict[str, Any], cid: str, section: str, value: Any, label: str,
                   fail: Callable[[str, str], None]) -> None:
    key = f"criteria.{cid}.{section}"
    if not isinstance(value, dict):
        fail(key, "must be a mapping of phrase: weight (or phrase: remove)")
        return
    phrases = entry.get(section) if isinstance(entry.get(section), dict) else {}
    entry[section] = phrases = dict(phrases or {})
    for text, weight in value.items():
        if weight is None or str(weight).strip().lower() in REMOVE_WORDS:
            if text not in phrases:
                fail(f"{key}.{text}", f"is to be removed but criterion '{cid}' has no such {section} phrase in "
                                      f"{merged.layers[-2]}")
                continue
            del phrases[text]
            merged.origins.pop(("criteria", cid, section, str(text)), None)
        else:
            phrases[text] = weight
            merged.origins[("criteria", cid, section, str(text))] = label
