"""Read one rules YAML file strictly: duplicate keys are errors, YAML errors keep their line and column.

PyYAML quietly keeps the last of two equal keys, so a second ``"2":`` block in a lexicon used to replace
criterion 2's phrases without a word. :class:`StrictLoader` refuses it, naming the line of both. Every scalar stays
a string (see :class:`~cse_migrate.rules.schema.StringLoader`).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode

from cse_migrate.rules.schema import StringLoader


class YamlProblem(ValueError):
    """A file that is not valid rules YAML; ``str()`` is the problem with its line and column."""


class _Strict:
    """Refuses a key written twice in one mapping (mixed into a loader)."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)  # type: ignore[attr-defined]
            try:
                first = seen.get(key)
            except TypeError:  # an unhashable key: the base constructor reports it
                continue
            line = key_node.start_mark.line + 1
            if first is not None:
                raise YamlProblem(f"line {line}, column {key_node.start_mark.column + 1}: duplicate key "
                                  f"{key!r} (first at line {first}); a second block would silently replace "
                                  "the first, so merge the two")
            seen[key] = line
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc, no-any-return]


class StrictLoader(_Strict, StringLoader):
    """A :class:`StringLoader` that refuses a key written twice in one mapping."""


_Fast: type[Any] = StrictLoader
if getattr(yaml, "__with_libyaml__", False):
    class _FastStrictLoader(_Strict, yaml.CSafeLoader):
        """The same rules as :class:`StrictLoader` on libyaml's parser (about five times faster)."""

    _FastStrictLoader.yaml_implicit_resolvers = StringLoader.yaml_implicit_resolvers
    _Fast = _FastStrictLoader


def parse_yaml(text: str) -> Any:
    """Parse rules YAML; raise :class:`YamlProblem` saying where (line, column) and what is wrong."""
    try:
        return yaml.load(text, Loader=_Fast)  # a SafeLoader (or libyaml's CSafeLoader) with string scalars
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(part for part in (exc.context, exc.problem) if part) or "not valid YAML"
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        raise YamlProblem(f"{where}{what}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(str(exc).splitlines()[0]) from None


def read_yaml(raw: bytes) -> Any:
    """Decode UTF-8 (a byte order mark is allowed) and parse."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlProblem(f"byte {exc.start}: not UTF-8 text; save the file as UTF-8") from None
    return parse_yaml(text)
