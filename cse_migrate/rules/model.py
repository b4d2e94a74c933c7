"""The rules' domain types: frameworks and their criteria tree, crosswalk rules, lexicons, noise patterns
and the rule set that holds them. Pure data with the hierarchy maths; loading and checking live in
:mod:`cse_migrate.rules.loader` and :mod:`cse_migrate.rules.schema`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cse_migrate.errors import UsageError
from cse_migrate.model import CriterionNode, FrameworkSnapshot, PackInfo, RuleFileInfo, level_name
from cse_migrate.patterns import RulePattern
from cse_migrate.text import Phrase, Vocabulary

RELATIONSHIPS = ("equal", "subset-of", "superset-of", "intersects-with", "not-related")
RATIONALES = ("syntactic", "semantic", "functional")
PROVENANCES = ("official", "analyst", "user", "supplier")
ROLES = ("target", "legacy")
KINDS = ("framework", "crosswalk", "lexicon", "vocabulary", "noise", "statements")
# What a statement rule says a clause is (mappings/statements.yaml; docs/labeling.md, "What kind of statement it is").
MEANINGS = ("support", "absence", "plan")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")



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
    settings_files: dict[str, str] = field(default_factory=dict)  # setting -> the file that set it
    # another target framework whose shipped classifier's "not evidence" reading also leaves an item unmapped here
    # (at ``not_evidence_from_at``): "not evidence" means the same whatever the target, and one model may read it
    # from many more statements than this framework's own
    not_evidence_from: str | None = None

    def snapshot(self) -> FrameworkSnapshot:
        """The framework's tree (ids, titles, parents, levels) for a run's result."""
        return FrameworkSnapshot(self.id, self.title, tuple(CriterionNode(c.id, c.title, c.parent, self.level(c.id))
                                                             for c in self.criteria))

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
        return level_name(self.level(cid))

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
class NoisePattern:
    id: str
    pattern: RulePattern  # compiled on RE2 (linear time) by cse_migrate.patterns
    description: str
    file: str


@dataclass(frozen=True)
class StatementRule:
    """A rule that says what a clause states: ``support`` (set aside a negation that states a good result),
    ``absence`` (a practice missing, stopped or not yet done) or ``plan`` (only intended)."""

    id: str
    means: str
    pattern: RulePattern  # compiled on RE2 (linear time) by cse_migrate.patterns
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
    roots: tuple[str, ...] = field(default=())  # the sources' names: "bundled", then each pack's id
    warnings: tuple[str, ...] = field(default=())  # not wrong, but worth a rules author's look
    crosswalk_ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (source, target) -> crosswalk id
    packs: tuple[PackInfo, ...] = field(default=())  # the bundled rules, then each pack, in the order they apply
    bundled_version: str = ""  # the bundled rules' own version, which a pack's manifest pins
    statements: tuple[StatementRule, ...] = field(default=())  # absence and plan rules (mappings/statements.yaml)

    def framework(self, fid: str) -> Framework:
        try:
            return self.frameworks[fid]
        except KeyError:
            known = ", ".join(sorted(self.frameworks))
            raise UsageError(f"unknown framework '{fid}'; available: {known}") from None

    def targets(self) -> list[Framework]:
        return [f for f in self.frameworks.values() if f.role == "target"]

    def from_pack(self, file: str) -> bool:
        """True when rules file ``file`` comes from a pack laid over the bundled rules, not the bundled folder."""
        return len(self.roots) > 1 and not Path(file).is_relative_to(self.roots[0])

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


def lexicon_chain(framework: Framework, lexicon: Lexicon, cid: str) -> list[CriterionLexicon]:
    """The lexicon entries that apply to ``cid``: its own first, then its ancestors' (nearest first).

    A leaf is matched with all their phrases, and takes its expected evidence and actions from the nearest
    entry that has any, so an element inherits what its sub-criterion's lexicon says.
    """
    return [lexicon.criteria[i] for i in (cid, *framework.ancestors(cid)) if i in lexicon.criteria]
