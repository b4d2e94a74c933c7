"""CSV and TSV evidence logs: encoding detected, delimiter sniffed.

Legacy logs come from Excel on Windows, so cp1252 (curly quotes, pound signs) is as common as UTF-8, with or
without a byte-order mark; delimiters are commas, semicolons (European Excel) or tabs.
"""

from __future__ import annotations

import csv
import io

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead, Source
from cse_migrate.readers.base import FileToRead, check_rows
from cse_migrate.readers.common import SheetRows, rows_to_items

_DELIMITERS = ",;\t|"


def decode(raw: bytes, name: str, advice: str = "export it again as CSV (UTF-8)") -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else cp1252; returns (text, encoding)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputFileError(name, f"is not valid UTF-16 text ({exc.reason}); {advice}") from exc
    if b"\x00" in raw[:4096]:
        raise InputFileError(name, f"looks like a binary file, not text; {advice}")
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


def read_csv(job: FileToRead) -> FileRead:
    name = job.name
    rows = csv_rows(job)

    def source(index: int, column: str | None) -> Source:
        return Source(file=name, extractor="csv", row=index + 1, column=column)

    items, blank, other = rows_to_items(rows, source)
    return FileRead(name, "csv", tuple(items), len(rows), blank, other)


def csv_tables(job: FileToRead) -> list[SheetRows]:
    """The file's rows as one table, for a table of data."""
    return [(job.name, False, csv_rows(job))]


def csv_rows(job: FileToRead) -> list[list[object]]:
    """The rows of a CSV file (encoding and delimiter detected), within the row limit."""
    name = job.name
    text, _encoding = decode(job.read_bytes(), name)
    if not text.strip():
        raise InputFileError(name, "is empty; export the evidence log again or remove the file")
    delimiter = "\t" if job.path.suffix.lower() == ".tsv" else sniff_delimiter(text)
    rows: list[list[object]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(list(row))
            check_rows(len(rows), "the file", name, job.limits)  # stop early: never hold more than the limit
    except csv.Error as exc:
        raise InputFileError(name, f"is not valid CSV ({exc}); open it in a spreadsheet and save as CSV") from exc
    return rows
