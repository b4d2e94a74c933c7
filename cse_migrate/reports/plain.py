"""Plain English for the pages a client reads: where evidence came from, why it was filed where it was, and what it
is about.

A client reads "self assessment 2007, sheet Crit 2, row 7", not ``northshire_self_assessment_2007.xlsx!Crit 2 row 7``,
and "mentions “customer panel” and “satisfaction survey”; filed under Charter Mark 2.1", not rule ids and scores.
The exact file names, rule ids and scores stay in evidence.xlsx, results.json and the method appendix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from cse_migrate.model import ItemResult, Mapping, Source
from cse_migrate.reports.common import review_why

_WORDS = re.compile(r"[A-Za-z0-9]+")
_NAME_SEPARATORS = re.compile(r"[_\-\s/]+")
_YEAR = re.compile(r"\b(?:19[89]\d|20\d\d)\b")
# File names are often written in lower case; a reader expects these words as the organisations write them.
_NAME_CASE = {w.casefold(): w for w in ("CM", "CSE", "NHS", "GP", "PCT", "KPI", "KPIs", "SLA", "EqIA", "FOI", "ICT",
                                        "HR", "CRM", "PALS")}
_NAME_PHRASES = re.compile(r"\b(charter mark|customer service excellence)\b", re.IGNORECASE)
# Phrases too general to name what a piece of evidence is about.
_VAGUE = {"data", "staff", "level", "percent", "met", "target", "head of", "management", "performance",
          "development", "programme", "completed", "resources", "receives", "agreed by", "lapsed"}


def document_labels(files: Iterable[str], organisation: str) -> dict[str, str]:
    """A short, readable name per input file: the file's own words without the organisation's name or the
    extension ("northshire_self_assessment_2007.xlsx" -> "self assessment 2007"). Two files that would read alike
    keep their full names, so a citation always leads to one file."""
    drop = {w.casefold() for w in _WORDS.findall(organisation)}
    labels: dict[str, str] = {}
    for name in files:
        stem = PurePath(name).stem if "/" not in name else PurePath(name).with_suffix("").as_posix()
        words = [_NAME_CASE.get(w.casefold(), w) for w in _NAME_SEPARATORS.split(stem)
                 if w and w.casefold() not in drop]
        label = _NAME_PHRASES.sub(lambda m: m.group(1).title(), " ".join(words))
        labels[name] = label[:1].upper() + label[1:] if words else name
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {name: (label if seen[label] == 1 else name) for name, label in labels.items()}


def place(source: Source, labels: dict[str, str], heading: str = "") -> str:
    """Where in its file an item is: "self assessment 2007, sheet Crit 2, row 7", "application 2007, page 3,
    paragraph 2", "evidence log, row 12", with the heading it sits under when known."""
    parts = [labels.get(source.file, source.file)]
    if source.sheet is not None:
        parts.append(f"sheet {source.sheet}" + (" (hidden)" if source.hidden else ""))
    parts.extend(source.places())
    if heading:
        parts.append(f"under {heading}")
    return ", ".join(parts)


def heading_of(result: ItemResult, legacy_titles: dict[str, str]) -> str:
    """The legacy section a paragraph sits under, when its reference came from a heading ("criterion 2")."""
    ref = result.item.cm_ref
    if ref is None or not result.item.ref_from_context or result.item.source.sheet is not None:
        return ""
    return f"the Charter Mark {ref.full} heading"


def cite(result: ItemResult, labels: dict[str, str], legacy_titles: dict[str, str] | None = None) -> str:
    """A client-facing citation of an item's place."""
    return place(result.item.source, labels, heading_of(result, legacy_titles or {}))


def key_phrases(mapping: Mapping | None, text: str, most: int = 3) -> list[str]:
    """The lexicon phrases that carried a mapping, strongest first, without one that repeats a longer one."""
    if mapping is None:
        return []
    phrases = sorted((r for r in mapping.reasons if r.kind == "phrase" and r.contribution > 0),
                     key=lambda r: (-r.contribution, -len(r.detail), r.detail))
    chosen: list[str] = []
    for reason in phrases:
        phrase = reason.detail.strip()
        if any(phrase.casefold() in c.casefold() or c.casefold() in phrase.casefold() for c in chosen):
            continue
        chosen.append(phrase)
        if len(chosen) == most:
            break
    return chosen


def topic(result: ItemResult, criterion: str, fallback: str) -> str:
    """What an item is about, in a few of its own words: its strongest specific phrase for ``criterion``
    ("customer panel"), else ``fallback`` (the part's title)."""
    mapping = next((m for m in result.mappings if m.criterion == criterion), None)
    mapping = mapping or (result.mappings[0] if result.mappings else None)
    if mapping is not None:
        candidates = sorted((r for r in mapping.reasons if r.kind == "phrase" and r.contribution > 0
                             and r.detail.casefold() not in _VAGUE),
                            key=lambda r: (len(r.detail.split()) < 2, -r.contribution, r.detail))
        if candidates:
            return candidates[0].detail
    return fallback


def join_words(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def reason_sentence(result: ItemResult, criterion: str, titles: dict[str, str] | None = None) -> str:
    """Why an item is filed under ``criterion``, as a sentence: 'mentions “customer panel” and “satisfaction
    survey”; filed under Charter Mark 2.1; also counts towards 1.3'."""
    mapping = next((m for m in result.mappings if m.criterion == criterion), None)
    parts = [review_why(result)] if review_why(result) else []  # "confirmed by reviewer", "moved by reviewer"
    phrases = key_phrases(mapping, result.item.text)
    if phrases:
        parts.append("mentions " + join_words([f"“{p}”" for p in phrases]))
    if mapping is not None and any(r.kind == "semantic" for r in mapping.reasons):
        parts.append("reads like other evidence of this part")
    ref = result.item.cm_ref
    if mapping is not None and ref is not None and any(r.kind == "crosswalk" for r in mapping.reasons):
        where = "sits under the Charter Mark" if result.item.ref_from_context else "filed under Charter Mark"
        parts.append(f"{where} {ref.full}")
    others = [m.criterion for m in result.mappings if m.criterion != criterion]
    if others:
        parts.append("also counts towards " + join_words(others))
    return "; ".join(parts) if parts else "matched on its wording"


def years_in(text: str) -> list[int]:
    """The years written in a piece of text, in order."""
    return [int(y) for y in _YEAR.findall(text)]


def quote(text: str, limit: int) -> str:
    """``text`` in quotation marks, cut at a word boundary beyond ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[: limit - 1]
        space = cut.rfind(" ")
        text = (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.-") + "…"
    return f"“{text}”"
