"""Limits on what one input file may cost to read, so that a hostile or broken file cannot exhaust the machine.

Evidence folders arrive from many hands: a 2 GB export, a zip bomb renamed .xlsx or a sheet with a million
formatted rows should cost one clear error for that file, never the whole batch. Each limit has a CLI option
(``--max-file-mb`` and friends) and is recorded in results.json ``settings`` so a run can be reproduced.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one input file may cost. The defaults fit ordinary evidence portfolios with a wide margin."""

    max_file_mb: float = 100.0  # the file on disk
    max_uncompressed_mb: float = 500.0  # everything inside a zip-based file (xlsx, docx, ods, odt) once expanded
    max_ratio: float = 100.0  # expanded size / compressed size of one zip member (a zip bomb's tell)
    max_rows: int = 200_000  # rows per sheet, table or CSV file; paragraphs per document
    max_cell_chars: int = 32_000  # one cell or paragraph; longer text is cut and the cut is noted
    # Seconds the whole reading of one file may take: the parser runs in a worker process that is stopped at
    # the limit (readers/worker.py); external converters (antiword, catdoc, LibreOffice) keep to it as well.
    timeout: float = 60.0
    max_zip_members: int = 10_000  # an Office file has tens of parts; tens of thousands is a hostile archive
    # Cells held for one sheet (rows times their width). A sheet with one cell in A1 and one in XFD1048576 is
    # a few bytes of XML but a grid of 17 billion cells; this bounds the grid, whatever the rows limit.
    max_cells: int = 20_000_000
    # Zip members smaller than this are not ratio-checked: small XML parts (styles, shared strings of a
    # repetitive sheet) legitimately compress 100-fold and cannot amplify far. The total size check still holds.
    ratio_floor_mb: float = 1.0
    # Above this much worksheet XML a workbook is read by the streaming reader (readers/xlsx_stream.py), which
    # gives the same values as openpyxl at a fraction of its time and memory; below it openpyxl reads it.
    stream_above_mb: float = 10.0

    # The largest XML part of a Word or OpenDocument file (word/document.xml, content.xml). python-docx and
    # odfpy hold the whole part as a tree of about 14 times its size (a 480 MB document.xml took 6.9 GB), so
    # this bounds a document's memory below 1 GiB; 50 MB of XML is some 20,000 pages of text.
    max_document_mb: float = 50.0

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * _MB)

    @property
    def max_uncompressed_bytes(self) -> int:
        return int(self.max_uncompressed_mb * _MB)

    @property
    def ratio_floor_bytes(self) -> int:
        return int(self.ratio_floor_mb * _MB)

    @property
    def stream_above_bytes(self) -> int:
        return int(self.stream_above_mb * _MB)

    def as_settings(self) -> dict[str, float | int]:
        """The limits as flat settings for results.json (``limit_`` prefixed, so they never clash)."""
        return {f"limit_{key}": value for key, value in asdict(self).items()}


DEFAULT_LIMITS = Limits()
