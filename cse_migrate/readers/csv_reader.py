"""CSV and TSV evidence logs: encoding detected, delimiter sniffed.

Legacy logs come from Excel on Windows, so cp1252 (curly quotes, pound signs) is as common as UTF-8, with or
without a byte-order mark; delimiters are commas, semicolons (European Excel) or tabs.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead, Source
from cse_migrate.readers.common import rows_to_items

_DELIMITERS = ",;\t|"


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else cp1252; returns (text, encoding)."""
    if b"\x00" in raw[:4096]:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return raw.decode("utf-16"), "utf-16"
        raise InputFileError(name, "looks like a binary file, not text; export it again as CSV (UTF-8)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_csv(path: Path, name: str) -> FileRead:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(name, f"could not be opened ({exc.strerror}); check it exists and is readable") from exc
    text, _encoding = decode(raw, name)
    if not text.strip():
        raise InputFileError(name, "is empty; export the evidence log again or remove the file")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(text)
    try:
        rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""),
                                                                  delimiter=delimiter)]
    except csv.Error as exc:
        raise InputFileError(name, f"is not valid CSV ({exc}); open it in a spreadsheet and save as CSV") from exc

    def source(index: int, column: str | None) -> Source:
        return Source(file=name, extractor="csv", row=index + 1, column=column)

    items, blank, other = rows_to_items(rows, source)
    return FileRead(name, "csv", tuple(items), len(rows), blank, other)
