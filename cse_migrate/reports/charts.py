"""The executive summary's two pictures, drawn with matplotlib (Agg backend, no display needed) as PNG.

* A RAG heat map: criteria by sub-criteria for the official CSE structure (each cell a sub-criterion in its
  estimated rating's colour), one row of criteria for a flat framework such as the five points. A cell whose
  content is good but whose evidence is out of date is hatched, so the reader sees the two axes at once.
* A currency chart: per criterion, how much of the evidence is recent, old, undated or dated after the as-of date.

Each function returns the PNG bytes and the alt text that goes with the picture. The PNG carries no software
version or time stamp, so the same result gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from cse_migrate.model import CriterionResult, RunResult

# Darker than the table fills, so the picture reads in colour and on a grey-scale print.
RAG_COLOURS = {"Compliance Plus": "#1E7B34", "Compliance": "#63BE7B", "Partial Compliance": "#F4B942",
               "Not evidenced": "#D9534F", "Met": "#63BE7B", "Partially met": "#F4B942", "Gap": "#D9534F"}
AGE_COLOURS = {"recent": "#63BE7B", "old": "#F4B942", "undated": "#BFBFBF", "future": "#6FA8DC"}
AGE_LABELS = {"recent": "recent", "old": "out of date", "undated": "undated", "future": "dated after the as-of date"}
_DPI = 200
_FONT: Any = {"font.family": "DejaVu Sans", "font.size": 8, "svg.hashsalt": "cse-migrate"}


def reading(c: CriterionResult) -> str:
    return c.rating or c.status


def _figure(width: float, height: float) -> Figure:
    """A figure of its own, not pyplot's: pyplot would register it with a window manager (off-screen here) and
    keep it until closed; saving it as PNG renders it with Agg, off-screen, on any machine."""
    return Figure(figsize=(width, height))


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    return buffer.getvalue()


def heat_map(result: RunResult) -> tuple[bytes, str]:
    """The RAG heat map as PNG bytes, with its alt text."""
    roots = [c for c in result.criteria if c.parent is None]
    by_id = {c.id: c for c in result.criteria}
    rows = [[by_id[cid] for cid in root.children] or [root] for root in roots]
    flat = all(not root.children for root in roots)
    width = max(len(r) for r in rows) if not flat else len(roots)
    with matplotlib.rc_context(_FONT):
        if flat:
            figure = _figure(6.7, 1.5)
            axes = figure.subplots()
            cells = [(0, i, c, f"{c.id}\n{wrap(c.title, 16)}") for i, c in enumerate(roots)]
            axes.set_ylim(-0.05, 1.05)
        else:
            figure = _figure(6.7, 0.55 * len(rows) + 0.7)
            axes = figure.subplots()
            cells = [(row, col, c, f"{c.id}\n{wrap(c.title, 20)}") for row, parts in enumerate(rows)
                     for col, c in enumerate(parts)]
            axes.set_ylim(len(rows) + 0.05, -0.05)
            for row, root in enumerate(roots):
                axes.text(-0.08, row + 0.5, wrap(f"{root.id} {root.title}", 22), ha="right", va="center",
                          fontsize=7.5, fontweight="bold")
        for row, col, c, label in cells:
            old = "currency" in c.held_back and not c.children
            axes.add_patch(Rectangle((col + 0.03, row + 0.05), 0.94, 0.9, facecolor=RAG_COLOURS[reading(c)],
                                     edgecolor="white", hatch="///" if old else None, linewidth=0.5))
            dark = reading(c) in ("Compliance Plus", "Not evidenced", "Gap") and not old
            # on a hatched cell the label sits on a pale box, so the hatching never crosses the words
            box = {"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1.5} if old else None
            axes.text(col + 0.5, row + 0.5, label, ha="center", va="center", fontsize=7 if flat else 6.3,
                      color="white" if dark else "black", bbox=box)
        axes.set_xlim(-0.02, width + 0.02)
        axes.axis("off")
        scale = ("Met", "Partially met", "Gap") if flat else ("Compliance Plus", "Compliance",
                                                             "Partial Compliance", "Not evidenced")
        handles = [Patch(facecolor=RAG_COLOURS[s], label=s) for s in scale]
        handles.append(Patch(facecolor="white", edgecolor="black", hatch="///",
                             label="covered, but out of date"))
        figure.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False, fontsize=6.5)
        figure.subplots_adjust(left=0.02 if flat else 0.2, right=0.99, top=0.98, bottom=0.2 if flat else 0.14)
        data = _png(figure)
    return data, heat_map_alt(result, flat)


def heat_map_alt(result: RunResult, flat: bool) -> str:
    """Alt text that says what the picture shows, part by part."""
    parts = [c for c in result.criteria if not c.children] if not flat else list(result.criteria)
    listed = "; ".join(f"{c.id} {reading(c)}" + (" (out of date)" if "currency" in c.held_back else "")
                       for c in parts)
    kind = "criteria" if flat else "sub-criteria, one row per criterion"
    return f"Heat map of the estimated readings by {kind}: {listed}."


def age_counts(result: RunResult, criterion: CriterionResult) -> dict[str, int]:
    """How many of a criterion's evidence items are recent, old, undated or dated after the as-of date."""
    items = result.item_by_id()
    counts = dict.fromkeys(AGE_COLOURS, 0)
    for item_id, _score in criterion.evidence:
        found = items.get(item_id)
        if found is not None:
            counts[found.freshness] += 1
    return counts


def currency_chart(result: RunResult) -> tuple[bytes, str]:
    """A horizontal stacked bar per criterion: recent, out of date, undated, after the as-of date."""
    roots = [c for c in result.criteria if c.parent is None]
    counts = [age_counts(result, c) for c in roots]
    with matplotlib.rc_context(_FONT):
        figure = _figure(6.7, 0.3 * len(roots) + 0.75)
        axes = figure.subplots()
        labels = [wrap(f"{c.id} {c.title}", 34) for c in roots]
        positions = list(range(len(roots)))
        left = [0] * len(roots)
        for age, colour in AGE_COLOURS.items():
            values = [c[age] for c in counts]
            if not any(values) and age == "future":
                continue
            axes.barh(positions, values, left=left, color=colour, label=AGE_LABELS[age], height=0.65)
            for pos, (start, value) in enumerate(zip(left, values, strict=True)):
                if value:
                    axes.text(start + value / 2, pos, str(value), ha="center", va="center", fontsize=6.5)
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.set_yticks(positions, labels, fontsize=7)
        axes.invert_yaxis()
        axes.set_xlabel("evidence items", fontsize=7)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.legend(loc="lower center", bbox_to_anchor=(0.4, 1.0), ncol=4, frameon=False, fontsize=6.5)
        figure.subplots_adjust(left=0.34, right=0.98, top=0.8, bottom=0.22)
        data = _png(figure)
    return data, currency_alt(result, roots, counts)


def currency_alt(result: RunResult, roots: Sequence[CriterionResult], counts: Sequence[dict[str, int]]) -> str:
    listed = "; ".join(f"{c.id} {n['recent']} recent, {n['old']} out of date, {n['undated']} undated"
                       + (f", {n['future']} dated after the as-of date" if n["future"] else "")
                       for c, n in zip(roots, counts, strict=True))
    return f"Bar chart of evidence age by criterion: {listed}."


def wrap(text: str, width: int) -> str:
    """Break a label into lines of about ``width`` characters, at spaces only (no word is ever split)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines[:3]) + ("…" if len(lines) > 3 else "")
