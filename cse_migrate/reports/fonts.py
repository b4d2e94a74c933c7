"""DejaVu Sans, bundled with the package (cse_migrate/fonts/, with its licence), opened with Pillow's FreeType.

The charts draw their words in it and the Word report measures its table columns' longest words in it: it is the
font LibreOffice falls back to where Calibri is missing, and wider than Calibri, so a column wide enough for it is
wide enough in Word too. Bundling it means the pictures and the widths are the same on every machine.

Text is laid out with Pillow's basic layout (glyph after glyph, with the font's kerning), not Raqm's: Raqm is an
optional part of a Pillow build, and the same text must give the same pixels and widths wherever it runs.
"""

from __future__ import annotations

import io
import os
import threading
from functools import cache
from pathlib import Path

from PIL import ImageFont

FONTS = Path(__file__).resolve().parent.parent / "fonts"
_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}

# One open font per process and thread: a FreeType face is not safe to use from two threads at once (Dask runs
# tasks in threads), and one opened before a batch forks its workers would be shared with them. The font file is
# read into memory once (FreeType reads a face opened from a path lazily, through a file offset that forked
# workers would share: "failed to load glyph"); memory is copied on write, so each process has its own.
_OPEN: dict[tuple[int, int, float, bool], ImageFont.FreeTypeFont] = {}
# Pillow opens every face in one FreeType library per process, and FreeType asks for a lock around opening a face
# when threads share a library (measuring and drawing with faces of their own need none)
_OPENING = threading.Lock()


@cache
def font_bytes(bold: bool) -> bytes:
    return (FONTS / _FILES[bold]).read_bytes()


def dejavu(size_px: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans (bold if asked) at ``size_px`` pixels to the em, for this process and thread."""
    key = (os.getpid(), threading.get_ident(), size_px, bold)
    found = _OPEN.get(key)
    if found is None:
        with _OPENING:
            found = _OPEN[key] = ImageFont.truetype(io.BytesIO(font_bytes(bold)), size_px,
                                                    layout_engine=ImageFont.Layout.BASIC)
    return found
