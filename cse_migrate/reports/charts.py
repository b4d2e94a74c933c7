"""The executive summary's two pictures, drawn with Pillow as PNG.

* A RAG heat map: criteria by sub-criteria for the official CSE structure (each cell a sub-criterion in its
  estimated rating's colour), one row of criteria for a flat framework such as the five points. A cell whose
  content is good but whose evidence is out of date is hatched, so the reader sees the two axes at once.
* A currency chart: per criterion, how much of the evidence is recent, old, undated or dated after the as-of date.

Each function returns the PNG bytes and the alt text that goes with the picture. The pictures are two simple
figures (rectangles, lines and words), so they are drawn directly: text with FreeType in the bundled DejaVu Sans
(anti-aliased), shapes on whole pixels, the slanting hatch lines from a tile drawn once with its edges smoothed.
The PNG carries no software version or time stamp, so the same result gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache, lru_cache

from PIL import Image, ImageDraw

from cse_migrate.model import CriterionResult, RunResult
from cse_migrate.reports.fonts import dejavu
from cse_migrate.reports.png import encode_png

# Darker than the table fills, so the picture reads in colour and on a grey-scale print.
RAG_COLOURS = {"Compliance Plus": "#1E7B34", "Compliance": "#63BE7B", "Partial Compliance": "#F4B942",
               "Not evidenced": "#D9534F", "Met": "#63BE7B", "Partially met": "#F4B942", "Gap": "#D9534F"}
AGE_COLOURS = {"recent": "#63BE7B", "old": "#F4B942", "undated": "#BFBFBF", "future": "#6FA8DC"}
AGE_LABELS = {"recent": "recent", "old": "out of date", "undated": "undated", "future": "dated after the as-of date"}
_DPI = 200
_WIDTH_IN = 6.7  # the pictures are placed 16.5 cm wide in the report
_LINE_SPACING = 1.2  # baseline to baseline, in ems
_INK = (0, 0, 0)
_PAPER = (255, 255, 255)

Box = tuple[float, float, float, float]  # left, top, right, bottom, in pixels


def reading(c: CriterionResult) -> str:
    return c.rating or c.status


def px(points: float) -> float:
    """Points (1/72 inch) as pixels of the picture."""
    return points * _DPI / 72


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _blend(colour: tuple[int, int, int], paper: float) -> tuple[int, int, int]:
    """``colour`` seen through white paper of opacity ``paper``."""
    return tuple(round(255 * paper + c * (1 - paper)) for c in colour)  # type: ignore[return-value]


class _Canvas:
    """A white picture ``height_in`` inches tall at the report's width, and the few things the charts draw."""

    def __init__(self, height_in: float) -> None:
        self.image = Image.new("RGB", (round(_WIDTH_IN * _DPI), round(height_in * _DPI)), _PAPER)
        self.draw = ImageDraw.Draw(self.image)

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height

    def rectangle(self, box: Box, fill: tuple[int, int, int], outline: tuple[int, int, int] | None = None,
                  line: int = 0) -> None:
        """A rectangle on whole pixels, so its edges are sharp; one narrower or lower than half a pixel covers no
        pixel and is not drawn (Pillow refuses a box that ends before it starts)."""
        left, top, right, bottom = (round(v) for v in box)
        if right > left and bottom > top:
            self.draw.rectangle((left, top, right - 1, bottom - 1), fill=fill, outline=outline, width=line)

    def hatch(self, box: Box, colour: tuple[int, int, int], period: int) -> None:
        """Lay ``///`` lines of ``colour`` over ``box``, aligned to the picture so neighbouring cells match."""
        left, top, right, bottom = (round(v) for v in box)
        mask = _hatch_mask(self.width, self.height, period).crop((left, top, right, bottom))
        self.image.paste(colour, (left, top, right, bottom), mask)

    def text(self, centre: tuple[float, float], label: str, size_pt: float, colour: tuple[int, int, int] = _INK,
             align: str = "m", bold: bool = False) -> Box:
        """Lines of text centred vertically on ``centre``; ``align`` "m" centres each line on its x, "r" ends
        each line there, "l" starts each line there. Returns the box the lines take."""
        lines = label.split("\n")
        step = _LINE_SPACING * px(size_pt)
        x, y = centre
        widths = [_length(line, size_pt, bold) for line in lines]
        for i, line in enumerate(lines):
            self.line((x, y + (i - (len(lines) - 1) / 2) * step), line, size_pt, colour, f"{align}m", bold)
        widest = max(widths)
        left = {"m": x - widest / 2, "r": x - widest, "l": x}[align]
        return left, y - len(lines) * step / 2, left + widest, y + len(lines) * step / 2

    def line(self, at: tuple[float, float], text: str, size_pt: float, colour: tuple[int, int, int], anchor: str,
             bold: bool) -> None:
        """One line of text anchored at ``at``: the pixels ``ImageDraw.text`` draws there (its glyphs are laid at
        the point's fraction of a pixel and placed at its whole pixels), from a mask drawn once per text,
        size and fraction (the charts repeat their labels: drawing them was a fifth of a chart's time)."""
        x, y = at
        whole_x, whole_y = int(x), int(y)
        mask, (left, top) = _glyphs(text, size_pt, bold, anchor, (x - whole_x, y - whole_y))
        self.image.paste(colour, (whole_x + left, whole_y + top, whole_x + left + mask.width,
                                  whole_y + top + mask.height), mask)

    def text_size(self, label: str, size_pt: float, bold: bool = False) -> tuple[float, float]:
        lines = label.split("\n")
        return (max(_length(line, size_pt, bold) for line in lines),
                len(lines) * _LINE_SPACING * px(size_pt))

    def legend(self, entries: Sequence[tuple[str, tuple[int, int, int], bool]], centre: tuple[float, float],
               size_pt: float) -> None:
        """One row of swatches with their words (a swatch marked True is white and hatched, black-edged),
        centred on ``centre``."""
        em = px(size_pt)
        swatch_w, swatch_h, gap, spacing = 2.0 * em, 0.7 * em, 0.8 * em, 2.0 * em
        widths = [swatch_w + gap + self.text_size(label, size_pt)[0] for label, _, _ in entries]
        x = centre[0] - (sum(widths) + spacing * (len(entries) - 1)) / 2
        y = centre[1]
        for (label, colour, hatched), width in zip(entries, widths, strict=True):
            box = (x, y - swatch_h / 2, x + swatch_w, y + swatch_h / 2)
            if hatched:
                edge = max(1, round(px(0.8)))
                self.rectangle(box, _PAPER, outline=_INK, line=edge)
                self.hatch((box[0] + edge, box[1] + edge, box[2] - edge, box[3] - edge), _INK, _HATCH_PERIOD)
            else:
                self.rectangle(box, colour)
            self.text((x + swatch_w + gap, y), label, size_pt, align="l")
            x += width + spacing

    def png(self) -> bytes:
        return encode_png(self.image, _DPI)


@lru_cache(maxsize=8192)
def _length(text: str, size_pt: float, bold: bool) -> float:
    return dejavu(px(size_pt), bold).getlength(text)


@lru_cache(maxsize=8192)
def _glyphs(text: str, size_pt: float, bold: bool, anchor: str,
            fraction: tuple[float, float]) -> tuple[Image.Image, tuple[int, int]]:
    """The coverage mask of ``text`` drawn at a point ``fraction`` of a pixel past whole pixels, and where its
    top left corner lies from those whole pixels. Drawn by ``ImageDraw.text`` at the same fraction (so the same
    glyphs), inside a margin, with full ink: pasting a colour through it blends as drawing does."""
    font = dejavu(px(size_pt), bold)
    left, top, right, bottom = font.getbbox(text, anchor=anchor)
    margin = 2  # the fraction and anti-aliasing reach a pixel past the box at most
    x0, y0 = min(0, math.floor(left) - margin), min(0, math.floor(top) - margin)
    mask = Image.new("L", (max(1, math.ceil(right) + margin - x0), max(1, math.ceil(bottom) + margin - y0)), 0)
    ImageDraw.Draw(mask).text((fraction[0] - x0, fraction[1] - y0), text, font=font, fill=255, anchor=anchor)
    return mask, (x0, y0)


_HATCH_PERIOD = 22  # pixels between hatch lines, along a row (matplotlib's "///" at 200 dpi)
_HATCH_LINE = px(1.0)  # the lines' thickness


@cache
def _hatch_tile(period: int) -> Image.Image:
    """One period of 45-degree lines as a coverage mask, each pixel sampled 4 by 4 so the edges are smooth;
    lines run where x + y is a multiple of ``period``, so tiles meet seamlessly."""
    tile = Image.new("L", (period, period), 0)
    half = _HATCH_LINE / 2 * math.sqrt(2)  # half the line's thickness, measured along a row
    samples = [(i + 0.5) / 4 for i in range(4)]
    for y in range(period):
        for x in range(period):
            hits = 0
            for dy in samples:
                for dx in samples:
                    along = (x + dx + y + dy) % period
                    hits += min(along, period - along) <= half
            tile.putpixel((x, y), round(255 * hits / 16))
    return tile


@cache
def _hatch_mask(width: int, height: int, period: int) -> Image.Image:
    mask = Image.new("L", (width, height), 0)
    tile = _hatch_tile(period)
    for top in range(0, height, period):
        for left in range(0, width, period):
            mask.paste(tile, (left, top))
    return mask


def heat_map(result: RunResult) -> tuple[bytes, str]:
    """The RAG heat map as PNG bytes, with its alt text."""
    roots = [c for c in result.criteria if c.parent is None]
    by_id = {c.id: c for c in result.criteria}
    rows = [[by_id[cid] for cid in root.children] or [root] for root in roots]
    flat = all(not root.children for root in roots)
    if flat:
        canvas = _Canvas(1.5)
        rows, columns = [roots], len(roots)
        area = (0.02 * canvas.width, 0.02 * canvas.height, 0.99 * canvas.width, 0.8 * canvas.height)
    else:
        canvas = _Canvas(0.55 * len(rows) + 0.7)
        columns = max(len(r) for r in rows)
        area = (0.2 * canvas.width, 0.02 * canvas.height, 0.99 * canvas.width, 0.86 * canvas.height)
    # the cells' grid: columns of width 1 from -0.02 to columns + 0.02, rows of height 1 from -0.05 to rows + 0.05
    unit_x = (area[2] - area[0]) / (columns + 0.04)
    unit_y = (area[3] - area[1]) / (len(rows) + 0.1)

    def at(col: float, row: float) -> tuple[float, float]:
        return area[0] + (col + 0.02) * unit_x, area[1] + (row + 0.05) * unit_y

    for row, parts in enumerate(rows):
        if not flat:
            root = roots[row]
            canvas.text(at(-0.08, row + 0.5), wrap(f"{root.id} {root.title}", 22), 7.5, align="r", bold=True)
        for col, c in enumerate(parts):
            draw_cell(canvas, (*at(col + 0.03, row + 0.05), *at(col + 0.97, row + 0.95)), c,
                      f"{c.id}\n{wrap(c.title, 16 if flat else 20)}", 7 if flat else 6.3)
    scale = ("Met", "Partially met", "Gap") if flat else ("Compliance Plus", "Compliance", "Partial Compliance",
                                                         "Not evidenced")
    entries = [(s, _rgb(RAG_COLOURS[s]), False) for s in scale] + [("covered, but out of date", _PAPER, True)]
    canvas.legend(entries, (canvas.width / 2, canvas.height - px(9.5)), 6.5)
    return canvas.png(), heat_map_alt(result, flat)


def draw_cell(canvas: _Canvas, box: Box, c: CriterionResult, label: str, size_pt: float) -> None:
    """One cell in its reading's colour, labelled white on the dark colours and black on the light ones; a cell
    whose evidence is out of date is hatched and its label sits on a pale box, so the hatching never crosses the
    words."""
    colour = _rgb(RAG_COLOURS[reading(c)])
    old = "currency" in c.held_back and not c.children
    canvas.rectangle(box, colour)
    centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    if not old:
        dark = reading(c) in ("Compliance Plus", "Not evidenced", "Gap")
        canvas.text(centre, label, size_pt, _PAPER if dark else _INK)
        return
    canvas.hatch(box, _PAPER, _HATCH_PERIOD)
    width, height = canvas.text_size(label, size_pt)
    pad = px(1.5)
    canvas.rectangle((centre[0] - width / 2 - pad, centre[1] - height / 2 - pad / 2, centre[0] + width / 2 + pad,
                      centre[1] + height / 2), _blend(colour, 0.8))
    canvas.text(centre, label, size_pt)


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


def integer_ticks(top: float, most: int = 9) -> list[int]:
    """Whole-number ticks from 0 up to ``top``, at a step of 1, 2 or 5 times a power of ten, at most ``most``."""
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if math.floor(top / step) + 1 <= most:
                return list(range(0, math.floor(top / step) * step + 1, step))
        power *= 10


def currency_chart(result: RunResult) -> tuple[bytes, str]:
    """A horizontal stacked bar per criterion: recent, out of date, undated, after the as-of date."""
    roots = [c for c in result.criteria if c.parent is None]
    counts = [age_counts(result, c) for c in roots]
    canvas = _Canvas(0.3 * len(roots) + 0.75)
    left, top, right, bottom = 0.34 * canvas.width, 0.2 * canvas.height, 0.98 * canvas.width, 0.78 * canvas.height
    ages = [a for a in AGE_COLOURS if a != "future" or any(n["future"] for n in counts)]
    x_top = max(1.0, max((sum(n.values()) for n in counts), default=0) * 1.05)
    # rows 0 .. n-1 top to bottom, bars 0.65 high, with a margin of 5% of the span above and below
    span = len(roots) - 1 + 0.65
    y_first = -0.325 - 0.05 * span

    def x_at(value: float) -> float:
        return left + value / x_top * (right - left)

    def y_at(position: float) -> float:
        return top + (position - y_first) / (span * 1.1) * (bottom - top)

    tick, line = px(3.5), max(1, round(px(0.8)))
    for pos, (c, n) in enumerate(zip(roots, counts, strict=True)):
        start = 0
        for age in ages:
            if n[age]:
                # at least a pixel wide, so that a few items beside thousands still show
                box = (x_at(start), y_at(pos - 0.325), max(x_at(start + n[age]), x_at(start) + 1), y_at(pos + 0.325))
                canvas.rectangle(box, _rgb(AGE_COLOURS[age]))
                if canvas.text_size(str(n[age]), 6.5)[0] <= box[2] - box[0]:  # a count wider than its part would
                    canvas.text(((box[0] + box[2]) / 2, y_at(pos)), str(n[age]), 6.5)  # cover its neighbours'
            start += n[age]
        canvas.rectangle((left - tick, y_at(pos) - line / 2, left, y_at(pos) + line / 2), _INK)
        canvas.text((left - tick - px(3.5), y_at(pos)), wrap(f"{c.id} {c.title}", 34), 7, align="r")
    canvas.rectangle((left - line / 2, top, left + line / 2, bottom + line / 2), _INK)  # the two spines
    canvas.rectangle((left - line / 2, bottom - line / 2, right, bottom + line / 2), _INK)
    for value in integer_ticks(x_top):
        x = x_at(value)
        canvas.rectangle((x - line / 2, bottom, x + line / 2, bottom + tick), _INK)
        canvas.text((x, bottom + tick + px(3.5) + px(4)), str(value), 8)
    canvas.text(((left + right) / 2, bottom + tick + px(3.5) + px(8) + px(4) + px(4.5)), "evidence items", 7)
    entries = [(AGE_LABELS[a], _rgb(AGE_COLOURS[a]), False) for a in ages]
    canvas.legend(entries, (left + 0.4 * (right - left), top - px(9)), 6.5)
    return canvas.png(), currency_alt(result, roots, counts)


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
