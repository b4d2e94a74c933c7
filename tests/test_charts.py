"""The executive summary's two pictures, read back from the Word report: present, at the size the page expects,
the same bytes from the same result, the alt text that says what they show, and drawn in the reading's colours."""

from __future__ import annotations

import html
import io
import re
import struct
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from report_fixture import make_run_result

from cse_migrate.model import RunResult
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import analyse
from cse_migrate.reports.charts import RAG_COLOURS, currency_chart, heat_map, integer_ticks, reading
from cse_migrate.reports.docx.report import write_gap_report
from cse_migrate.reports.fonts import FONTS, dejavu
from cse_migrate.rules import load_rules

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "eastmoor-libraries"

# The alt texts the matplotlib charts carried for the fixture's result: the pictures changed their drawing, not
# what they say.
FLAT_ALTS = ["Heat map of the estimated readings by criteria: 1 Met; 2 Partially met; 3 Partially met; 4 Gap; 5 Met.",
             "Bar chart of evidence age by criterion: 1 2 recent, 0 out of date, 0 undated; 2 1 recent, 0 out of date, "
             "1 undated; 3 0 recent, 1 out of date, 0 undated; 4 0 recent, 0 out of date, 0 undated; 5 2 recent, 0 "
             "out of date, 0 undated."]


@pytest.fixture(scope="module")
def hierarchical() -> RunResult:
    """A sample run on the official CSE structure: the heat map with a row of sub-criteria per criterion."""
    return analyse([SAMPLE], load_rules(), RunOptions(framework="cse-2008", as_of=date(2026, 12, 1)))


def pictures(result: RunResult, folder: Path) -> tuple[list[bytes], list[str]]:
    """The report's PNGs in the order they appear, and their alt texts."""
    path = folder / "gap-report.docx"
    write_gap_report(result, path)
    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("word/media/") and n.endswith(".png"))
        body = archive.read("word/document.xml").decode("utf-8")
        images = [archive.read(n) for n in names]
    alts = [html.unescape(a) for a in re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)]
    return images, alts


def chunks(png: bytes) -> list[str]:
    """The PNG's chunk types, in order."""
    found, at = [], 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        found.append(kind.decode("ascii"))
        at += 12 + length
    return found


def colours(png: bytes) -> set[tuple[int, int, int]]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {colour for _count, colour in image.getcolors(maxcolors=1 << 20) or []}


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@pytest.mark.parametrize("flat", [True, False])
def test_pictures_are_in_the_report_at_their_size(flat: bool, hierarchical: RunResult, tmp_path: Path) -> None:
    result = make_run_result() if flat else hierarchical
    images, alts = pictures(result, tmp_path)
    assert len(images) == 2 and len(alts) == 2
    rows = len([c for c in result.criteria if c.parent is None])
    heat_height = 1.5 if flat else 0.55 * rows + 0.7  # inches, at 200 dots per inch, 6.7 inches wide
    for png, height in zip(images, (heat_height, 0.3 * rows + 0.75), strict=True):
        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG" and image.mode == "RGB"
        assert image.size == (1340, round(height * 200))
        assert [round(d) for d in image.info["dpi"]] == [200, 200]
        assert set(chunks(png)) == {"IHDR", "pHYs", "IDAT", "IEND"}  # no time stamp, no software name


def test_alt_text_is_what_it_was(tmp_path: Path) -> None:
    assert pictures(make_run_result(), tmp_path)[1] == FLAT_ALTS


@pytest.mark.parametrize("flat", [True, False])
def test_same_result_gives_the_same_bytes(flat: bool, hierarchical: RunResult, tmp_path: Path) -> None:
    result = make_run_result() if flat else hierarchical
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first = pictures(result, tmp_path / "first")[0]
    second = pictures(result, tmp_path / "second")[0]
    assert first == second and len(first) == 2
    assert [heat_map(result)[0], currency_chart(result)[0]] == first


def test_heat_map_cells_are_in_their_readings_colours(hierarchical: RunResult) -> None:
    for result in (make_run_result(), hierarchical):
        drawn = colours(heat_map(result)[0])
        assert {rgb(RAG_COLOURS[reading(c)]) for c in result.criteria} <= drawn
        assert (255, 255, 255) in drawn and (0, 0, 0) in drawn  # paper, and the words


def test_text_is_anti_aliased(hierarchical: RunResult) -> None:
    """Words are drawn with grey edges, not in black and white alone: the greys between black and paper."""
    image = Image.open(io.BytesIO(currency_chart(hierarchical)[0])).convert("L")
    labels = image.crop((0, 0, 440, image.height))  # the criteria's names, left of the bars
    levels = {level for _count, level in labels.getcolors() or []}
    assert len([v for v in levels if 30 < v < 225]) > 50


def test_integer_ticks() -> None:
    assert integer_ticks(1.05) == [0, 1]
    assert integer_ticks(8.4) == [0, 1, 2, 3, 4, 5, 6, 7, 8]
    assert integer_ticks(26.25) == [0, 5, 10, 15, 20, 25]
    assert integer_ticks(33.6) == [0, 5, 10, 15, 20, 25, 30]
    assert integer_ticks(1050.0) == [0, 200, 400, 600, 800, 1000]


def test_bundled_fonts_open() -> None:
    assert {p.name for p in FONTS.iterdir()} >= {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE_DEJAVU"}
    assert dejavu(20).getname() == ("DejaVu Sans", "Book")
    assert dejavu(20, bold=True).getname() == ("DejaVu Sans", "Bold")


def test_png_writer_keeps_every_pixel() -> None:
    """The charts' own PNG writer: the file decodes to exactly the pixels drawn (anti-aliased text on flat
    colour, as in the charts), at the resolution asked for."""
    from PIL import ImageDraw

    from cse_migrate.reports.png import encode_png

    drawn = Image.new("RGB", (333, 101), (255, 255, 255))
    draw = ImageDraw.Draw(drawn)
    draw.rectangle((10, 10, 160, 60), fill=(99, 190, 123))
    draw.text((20, 20), "2.1 Customer insight", fill=(0, 0, 0), font=dejavu(14.0, False))
    png = encode_png(drawn, 200)
    decoded = Image.open(io.BytesIO(png))
    assert decoded.mode == "RGB" and decoded.tobytes() == drawn.tobytes()
    assert [round(d) for d in decoded.info["dpi"]] == [200, 200]
    assert chunks(png) == ["IHDR", "pHYs", "IDAT", "IEND"] and encode_png(drawn, 200) == png
    with pytest.raises(ValueError, match="RGB"):
        encode_png(drawn.convert("L"), 200)


def test_a_few_items_beside_thousands_still_show_and_their_counts_do_not_overlap(
        hierarchical: RunResult, monkeypatch: pytest.MonkeyPatch) -> None:
    # a portfolio of 20,000 recent items and one out of date: its part of the bar is under half a pixel wide
    # (Pillow refused to draw it, and the run stopped with an internal error)
    from cse_migrate.reports import charts
    from cse_migrate.reports.charts import AGE_COLOURS

    counts = {"recent": 20000, "old": 1, "undated": 0, "future": 0}
    monkeypatch.setattr(charts, "age_counts", lambda result, criterion: dict(counts))
    png, _alt = currency_chart(hierarchical)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert rgb(AGE_COLOURS["old"]) in {c for _n, c in image.getcolors(maxcolors=1 << 20) or []}  # still shows
    drawn: list[str] = []
    original = charts._Canvas.text

    def spy(self: object, centre: tuple[float, float], label: str, *args: object, **kwargs: object) -> object:
        drawn.append(label)
        return original(self, centre, label, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(charts._Canvas, "text", spy)
    currency_chart(hierarchical)
    assert "20000" in drawn and "1" not in drawn  # the one item's count would cover its neighbour's
