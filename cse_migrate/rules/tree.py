"""Print a framework as a tree: ``cse-migrate frameworks show ID``.

Each line is one criterion, indented by its level, with its id, title and, for a parent, how many children and
elements it has, so a user can see at a glance which sub-criteria an imported element list covers.
"""

from __future__ import annotations

from cse_migrate.rules import Framework


def framework_tree(framework: Framework) -> str:
    """The header line (id, title, role, counts per level, provenance) and one line per criterion."""
    per_level: dict[str, int] = {}
    for c in framework.criteria:
        name = framework.level_plural(c.id)
        per_level[name] = per_level.get(name, 0) + 1
    counts = ", ".join(f"{n} {name}" for name, n in per_level.items())
    based = f"; extends {framework.extends}" if framework.extends else ""
    lines = [f"{framework.id}: {framework.title}", f"  {framework.role} framework, {counts}; provenance "
                                                   f"{framework.provenance}{based}"]
    for root in framework.roots():
        lines += tree_lines(framework, root.id, 0)
    return "\n".join(lines)


def count(framework: Framework, ids: list[str]) -> str:
    """``1 element``, ``3 sub-criteria``."""
    noun = framework.level_name(ids[0]) if len(ids) == 1 else framework.level_plural(ids[0])
    return f"{len(ids)} {noun}"


def tree_lines(framework: Framework, cid: str, depth: int) -> list[str]:
    """The line for ``cid`` and, below it, its children's, depth-first in framework order."""
    criterion = framework.criterion(cid)
    assert criterion is not None
    children = framework.children(cid)
    note = ""
    if children:
        note = f"  [{count(framework, [c.id for c in children])}"
        leaves = [leaf for leaf in framework.leaves_under(cid) if framework.level(leaf) > framework.level(cid) + 1]
        note += f", {count(framework, leaves)}]" if leaves else "]"
    lines = [f"{'  ' * depth}{cid:<8} {criterion.title}{note}"]
    for child in children:
        lines += tree_lines(framework, child.id, depth + 1)
    return lines
