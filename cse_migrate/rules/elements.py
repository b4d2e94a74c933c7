"""Turn a user's CSE element list (.xlsx or .csv) into a framework pack that extends cse-2008.

The 57 element texts are the standard owner's material and are not bundled: users load them from their own copy.
The list needs an id column ("1.1.1") and a text column (the element's wording); a title column is optional.
Header names are matched fuzzily ("Element", "Ref", "Element text", "Description", "Requirement", ...), below a
title block if need be. Every id is checked against the base framework's structure: it must have the form
criterion.sub-criterion.element, its sub-criterion must exist (1.1.1 belongs under 1.1), and it must be unique.
Every problem names the file and the row, and they are reported together.

The pack written to the output folder is an ordinary rules folder (use it with ``--rules PACK``):

* ``frameworks/<id>.yaml``: ``extends: cse-2008``, one criterion per element with its sub-criterion as parent,
  and rating settings suited to elements (with their provenance);
* ``lexicons/<id>.yaml``: per element, phrases taken from the element's own text (distinctive words and pairs of
  words, with modest weights). An element also inherits its sub-criterion's lexicon, which does most of the work;
  its own phrases tell it apart from its sibling elements. Edit them to tune the matching.

The pack is the user's data: it holds their copy of the element texts, so keep it with their other private files.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from cse_migrate.errors import InputFileError, InputNotFoundError, RulesError, UsageError
from cse_migrate.limits import DEFAULT_LIMITS, Limits
from cse_migrate.output import atomic_write_text, ensure_folder
from cse_migrate.readers import read_tables
from cse_migrate.readers.common import cell_text, find_header
from cse_migrate.rules import ID_PATTERN, Framework, RuleSet, Vocabulary
from cse_migrate.text import words

# Header names per role, fuzzy-matched. "Element" alone is the id column: lists are headed "Element | Text".
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "element", "element id", "element ref", "element no", "element number", "ref", "reference",
           "ref no", "no", "no.", "number", "code", "element code"),
    "title": ("title", "element title", "name", "element name", "heading", "short title", "label", "summary"),
    "text": ("text", "element text", "description", "element description", "requirement", "wording",
             "statement", "element wording", "details", "detail", "full text", "criterion text"),
}
HEADER_MIN_SCORE = 85.0
HEADER_SCAN_ROWS = 15
_PLAIN_WORD = re.compile(r"[a-z][a-z'-]*")
ELEMENT_ID = re.compile(r"^(?:el(?:ement)?\.?\s*)?(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\.?$", re.IGNORECASE)
TITLE_CHARS = 80
# Words that say nothing about which element a text is: every element is about customers and services.
GENERIC_WORDS = frozenset({
    "customer", "customers", "service", "services", "organisation", "organisations", "organization", "demonstrate",
    "demonstrates", "evidence", "ensure", "ensures", "able", "appropriate", "relevant", "including", "provide",
    "provides", "show", "shows", "make", "makes", "take", "takes", "ways", "way", "need", "needs", "where",
    "what", "how", "they", "their", "them", "those", "your", "you", "has", "have", "that", "this", "with",
    "which", "into", "across", "within", "also", "been", "being", "there", "about", "through", "order",
})
MAX_WORDS = 10
MAX_PAIRS = 6
# Modest on purpose: an element's own words only tell it from its siblings; alone they never map an item.
WORD_WEIGHT = 1.0
PAIR_WEIGHT = 2.0

# Element-level rating settings written into every pack: an element is one requirement, so fewer items show it.
ELEMENT_SETTINGS: dict[str, int] = {"compliance_min_strong": 1, "compliance_plus_min_strong": 2,
                                    "readiness_max_partial": 3}
ELEMENT_SETTINGS_PROVENANCE = {
    "compliance_min_strong": "analyst (element pack): an element is one requirement, so one strong, fresh item "
                             "can show it; sub-criteria without loaded elements use the same number.",
    "compliance_plus_min_strong": "analyst (element pack): two strong, fresh items from different files as a sign "
                                  "of practice beyond the element.",
    "readiness_max_partial": "analyst (element pack): Charter Mark allowed 2 to 4 partial compliances per criterion "
                             "of 7 to 15 elements; the CSE limit is unconfirmed.",
}


@dataclass(frozen=True)
class ElementRow:
    """One element as read from the list, with the row it came from (1-based, as a spreadsheet shows it)."""

    row: int
    id: str
    parent: str
    title: str
    text: str


@dataclass(frozen=True)
class ImportResult:
    """What was imported and where the pack was written."""

    framework_id: str
    base_id: str
    elements: tuple[ElementRow, ...]
    files: tuple[Path, ...]

    def per_parent(self) -> dict[str, int]:
        return dict(Counter(e.parent for e in self.elements))


def import_elements(source: Path, rules: RuleSet, base_id: str, outdir: Path, framework_id: str = "",
                    title: str = "", limits: Limits = DEFAULT_LIMITS, password: str | None = None) -> ImportResult:
    """Read ``source`` (with the evidence readers, ``limits`` and ``password``), check it against ``base_id``'s
    structure and write the pack to ``outdir``."""
    base = rules.framework(base_id)
    if not base.is_hierarchical:
        raise UsageError(f"framework '{base_id}' has no sub-criteria to put elements under; use cse-2008")
    framework_id = framework_id or f"{base_id}-elements"
    if not ID_PATTERN.match(framework_id):
        raise UsageError(f"'{framework_id}' is not a valid framework id (letters, digits, . _ -)")
    if framework_id in rules.frameworks and rules.frameworks[framework_id].extends != base_id:
        raise UsageError(f"framework id '{framework_id}' is already taken; choose another with --id")
    try:
        rows = read_rows(source, limits, password)
    except InputFileError as exc:  # an unreadable element list is a rules problem (exit 4), not a skipped input
        raise RulesError([str(exc)]) from exc
    elements = check_elements(source.name, rows, base)
    framework_doc = framework_document(framework_id, title or f"{base.title} with elements from {source.name}",
                                       base_id, source, elements)
    lexicon_doc = lexicon_document(framework_id, elements, rules.vocabulary)
    written = write_pack(outdir, framework_id, framework_doc, lexicon_doc)
    return ImportResult(framework_id, base_id, tuple(elements), written)


# --- reading ---------------------------------------------------------------------------------------------


def read_rows(source: Path, limits: Limits = DEFAULT_LIMITS, password: str | None = None) -> list[list[object]]:
    """All rows of the first sheet (or CSV) that has an element-list header, read by the evidence readers (format
    judged by content, the same limits); blank cells as None or ""."""
    if not source.exists():
        raise InputNotFoundError(f"{source}: no such file; give the element list as .xlsx or .csv")
    sheets = [rows for _title, hidden, rows in read_tables(source, source.name, limits, password) if not hidden]
    for rows in sheets:
        if find_element_header(rows) is not None:
            return rows
    return sheets[0] if sheets else []


def find_element_header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]] | None:
    """(header row index, role -> column) for the first row naming an id column and a text or title column."""
    found = find_header(rows, HEADER_NAMES, lambda roles: "id" in roles and ("text" in roles or "title" in roles),
                        HEADER_MIN_SCORE, HEADER_SCAN_ROWS)
    if found is None:
        return None
    index, roles = found
    return index, {role: columns[0][0] for role, columns in roles.items()}


# --- checking --------------------------------------------------------------------------------------------


def check_elements(name: str, rows: Sequence[Sequence[object]], base: Framework) -> list[ElementRow]:
    """Every element row, checked against ``base``; all problems are raised together, each naming its row."""
    header = find_element_header(rows)
    if header is None:
        raise RulesError([f"{name}: no header row found in the first {HEADER_SCAN_ROWS} rows; give columns "
                          "named for example 'Element' (the id, such as 1.1.1) and 'Text' (its wording)"])
    header_row, roles = header
    problems: list[str] = []
    elements: list[ElementRow] = []
    first_row: dict[str, int] = {}
    known = {c.id for c in base.criteria}

    def cell(row: Sequence[object], role: str) -> str:
        col = roles.get(role)
        return " ".join(cell_text(row[col]).split()) if col is not None and col < len(row) else ""

    for index in range(header_row + 1, len(rows)):
        row, number = rows[index], index + 1
        raw_id, text, title = cell(row, "id"), cell(row, "text"), cell(row, "title")
        if not (raw_id or text or title):
            continue  # a blank spacer row
        where = f"{name}: row {number}"
        element_id = normalise_id(raw_id)
        if not raw_id:
            problems.append(f"{where}: no element id; give it in the id column (for example 1.1.1)")
            continue
        if element_id is None:
            hint = " (format the id column as text: Excel turned it into a number)" \
                if isinstance(row[roles["id"]], int | float) else ""
            problems.append(f"{where}: '{raw_id}' is not an element id of the form criterion.sub-criterion.element, "
                            f"for example 1.1.1{hint}")
            continue
        parent = element_id.rsplit(".", 1)[0]
        if parent not in known or base.level(parent) != 2:
            problems.append(f"{where}: element {element_id} belongs under sub-criterion {parent}, which {base.id} "
                            f"does not have (its sub-criteria are {', '.join(sub_criteria(base))})")
            continue
        if element_id in first_row:
            problems.append(f"{where}: duplicate element id {element_id} (first on row {first_row[element_id]})")
            continue
        first_row[element_id] = number
        if not text and not title:
            problems.append(f"{where}: element {element_id} has no text; give its wording from your copy of the "
                            "standard")
            continue
        elements.append(ElementRow(number, element_id, parent, title or shorten(text), text or title))
    if not elements and not problems:
        problems.append(f"{name}: no elements found below the header on row {header_row + 1}")
    if problems:
        raise RulesError(problems)
    return sorted(elements, key=lambda e: tuple(int(p) for p in e.id.split(".")))


def normalise_id(raw: str) -> str | None:
    """"1.1.1", "Element 1.1.1", "01.1.1." -> "1.1.1"; anything else -> None."""
    match = ELEMENT_ID.match(raw.strip())
    return ".".join(str(int(p)) for p in match.groups()) if match else None


def sub_criteria(base: Framework) -> list[str]:
    return [c.id for c in base.criteria if base.level(c.id) == 2]


def shorten(text: str) -> str:
    """A title from the element's text: its first words, cut at a word boundary."""
    if len(text) <= TITLE_CHARS:
        return text
    cut = text[: TITLE_CHARS - 1]
    return cut[: cut.rfind(" ")].rstrip(" ,;:.-") + "…" if " " in cut else cut + "…"


# --- the pack --------------------------------------------------------------------------------------------


def framework_document(framework_id: str, title: str, base_id: str, source: Path,
                       elements: Sequence[ElementRow]) -> dict[str, Any]:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    return {
        "kind": "framework", "id": framework_id, "title": title, "version": f"elements-{digest}",
        "extends": base_id, "provenance": "user",
        "description": (f"{base_id} with {len(elements)} element(s) from the user's own copy of the standard, "
                        f"imported from {source.name} (sha256 {digest}) by 'cse-migrate frameworks import'. "
                        "The element texts are the standard owner's material: keep this pack private."),
        "settings": dict(ELEMENT_SETTINGS),
        "settings_provenance": dict(ELEMENT_SETTINGS_PROVENANCE),
        "criteria": [{"id": e.id, "parent": e.parent, "title": e.title, "description": e.text} for e in elements],
    }


def lexicon_document(framework_id: str, elements: Sequence[ElementRow], vocab: Vocabulary) -> dict[str, Any]:
    # a word found in more than half of the elements does not tell one element from another
    spread = Counter(w for e in elements for w in set(content_words(e.text, vocab)))
    common = {w for w, n in spread.items() if len(elements) > 3 and n * 2 > len(elements)}
    criteria = {}
    for e in elements:
        phrases = element_phrases(e.text, vocab, common)
        if phrases:
            criteria[e.id] = {"phrases": phrases}
    return {
        "kind": "lexicon", "framework": framework_id, "version": "1",
        "description": ("Phrases taken from each element's own text at import (distinctive words weigh "
                        f"{WORD_WEIGHT:g}, pairs of words {PAIR_WEIGHT:g}). Each element also inherits its "
                        "sub-criterion's phrases from the base lexicon. Edit freely to tune the matching."),
        "criteria": criteria,
    }


def content_words(text: str, vocab: Vocabulary) -> list[str]:
    """The words of ``text`` that can tell elements apart: no stop words, generic words or numbers."""
    return [w for w in words(text) if len(w) >= 4 and not w.isdigit() and w not in vocab.stopwords
            and w not in GENERIC_WORDS and _PLAIN_WORD.fullmatch(w)]


def element_phrases(text: str, vocab: Vocabulary, common: set[str]) -> dict[str, float]:
    """Distinctive single words and adjacent pairs from an element's text, with modest weights."""
    sequence = [w for w in content_words(text, vocab) if w not in common]
    pairs = [f"{a} {b}" for a, b in pairwise(sequence) if a != b]
    out: dict[str, float] = {}
    for pair in dict.fromkeys(pairs):
        if len(out) >= MAX_PAIRS:
            break
        out[pair] = PAIR_WEIGHT
    for word in list(dict.fromkeys(sequence))[:MAX_WORDS]:
        out[word] = WORD_WEIGHT
    return out


def write_pack(outdir: Path, framework_id: str, framework_doc: dict[str, Any],
               lexicon_doc: dict[str, Any]) -> tuple[Path, ...]:
    """Write the two YAML files, each atomically; the pack is laid out like mappings/."""
    ensure_folder(outdir)
    paths = (outdir / "frameworks" / f"{framework_id}.yaml", outdir / "lexicons" / f"{framework_id}.yaml")
    header = ("# Written by 'cse-migrate frameworks import'. It holds the user's copy of element texts: keep it\n"
              "# private. Check it with 'cse-migrate rules validate PACK'; use it with '--rules PACK'.\n")
    for path, doc in zip(paths, (framework_doc, lexicon_doc), strict=True):
        atomic_write_text(path, header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110,
                                                        default_flow_style=False))
    return paths
