"""What every tabular reader shares: finding the header row, reading dates, turning rows into raw items.

Spreadsheets, CSV logs and Word tables all arrive here as lists of cell values, so a header written as "Crit."
or "Supporting evidence" two rows below a title block is found the same way whatever the file format.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from rapidfuzz import fuzz, process

from cse_migrate.model import FileRead, RawItem, Source
from cse_migrate.refs import parse_ref
from cse_migrate.text import fold

# Header names per role. Fuzzy-matched, so "Crit.", "Criteria" and "Supporting Evidence:" all land.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("evidence", "supporting evidence", "description", "description of evidence", "evidence description",
             "item", "evidence item", "details", "narrative", "summary", "activity", "example", "examples",
             "what we do", "how we meet this", "how we meet it", "evidence provided", "evidence summary",
             "comments", "notes", "action", "actions"),
    "ref": ("ref", "reference", "ref no", "cm ref", "charter mark ref", "element", "element ref", "element no",
            "criterion", "criteria", "crit", "crit.", "cm criterion", "sub-criterion", "subcriterion", "principle",
            "section", "no.", "number", "id"),
    "date": ("date", "date of evidence", "date logged", "dated", "when", "year", "period", "date added",
             "evidence date", "last updated", "review date"),
    "owner": ("owner", "evidence owner", "responsible officer", "lead", "lead officer", "responsible",
              "contact", "officer", "by whom", "who", "author", "team"),
}
# Lower rank wins when two columns claim the same role ("Supporting evidence" beats "Comments").
_TEXT_RANK = {name: i for i, name in enumerate(HEADER_NAMES["text"])}
HEADER_SCAN_ROWS = 20
HEADER_MIN_SCORE = 88.0

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_name) if m})
_MONTHS["sept"] = 9
_SEASONS = {"spring": 5, "summer": 8, "autumn": 11, "winter": 12}
_D_M_Y = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_D_MON_Y = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b")
_MON_Y = re.compile(r"\b([a-z]{3,9})\.?[\s\-']+(\d{4}|\d{2})\b")
_SEASON_Y = re.compile(r"\b(spring|summer|autumn|winter)\s+(\d{4})\b")
_FY = re.compile(r"\b((?:19|20)\d{2})\s*[/\-]\s*(\d{2}|(?:19|20)\d{2})\b")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


@dataclass(frozen=True)
class Columns:
    """Which column (0-based) plays which role; ``header_row`` is the index of the header row or -1."""

    header_row: int
    text: int | None
    refs: tuple[int, ...]
    date: int | None
    owner: int | None
    names: tuple[str, ...]
    composite: bool = False  # a results table: each row's text is built from every cell and its header


def cell_text(value: object) -> str:
    """A cell value as text: whole numbers without '.0', dates as ISO, None as empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    value = int(text)
    return value + (2000 if value < 50 else 1900) if value < 100 else value


def parse_date(value: object) -> date | None:
    """Read a real or text date. Partial dates ("March 2006", "2005") become the period's last day, the
    generous reading, so evidence is never called stale because of how its date was written."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = fold(cell_text(value))
    if not text:
        return None
    try:
        if m := _ISO.search(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _D_M_Y.search(text):
            day, month, year = int(m[1]), int(m[2]), _year(m[3])
            if month > 12 >= day:  # written month-first (US style): swap
                day, month = month, day
            return date(year, month, day)
        if (m := _D_MON_Y.search(text)) and m[2][:3] in _MONTHS:
            return date(int(m[3]), _MONTHS[m[2][:3]], int(m[1]))
        if m := _SEASON_Y.search(text):
            return _end_of_month(int(m[2]), _SEASONS[m[1]])
        for found in _MON_Y.finditer(text):
            if found[1] in _MONTHS:
                return _end_of_month(_year(found[2]), _MONTHS[found[1]])
        if m := _FY.search(text):
            start = int(m[1])
            end = _year(m[2]) if len(m[2]) == 2 else int(m[2])
            if end == start + 1:
                return date(end, 3, 31)  # UK financial year 2004/05 ends 31 March 2005
        if m := _YEAR.search(text):
            return date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


HeaderRoles = dict[str, list[tuple[int, str]]]  # role -> (column, header name matched), left to right


def header_role(cell: str, names: dict[str, tuple[str, ...]], min_score: float) -> tuple[str, str] | None:
    """(role, header name) a header cell names, if any; fuzzy, so "Crit." and "Descripton" land."""
    text = fold(cell).strip(" :*#.")
    if not text or len(text) > 40:
        return None
    choices = [(role, name) for role, role_names in names.items() for name in role_names]
    found = process.extractOne(text, [name for _, name in choices], scorer=fuzz.ratio, score_cutoff=min_score)
    return choices[found[2]] if found is not None else None


def find_header(rows: Sequence[Sequence[object]], names: dict[str, tuple[str, ...]],
                accept: Callable[[HeaderRoles], bool], min_score: float = HEADER_MIN_SCORE,
                scan_rows: int = HEADER_SCAN_ROWS) -> tuple[int, HeaderRoles] | None:
    """The first of the first ``scan_rows`` rows whose text cells name roles that ``accept`` takes, with those
    roles: the header finder of evidence tables, element lists and any other table of data."""
    for index, row in enumerate(rows[:scan_rows]):
        roles: HeaderRoles = {}
        for col, value in enumerate(row):
            found = header_role(cell_text(value), names, min_score) if isinstance(value, str) else None
            if found:
                roles.setdefault(found[0], []).append((col, found[1]))
        if accept(roles):
            return index, roles
    return None


def find_columns(rows: Sequence[Sequence[object]]) -> Columns:
    """Find the header row among the first rows: the first row where a text column and one other role match."""
    found = find_header(rows, HEADER_NAMES, lambda roles: "text" in roles and len(roles) >= 2)
    if found is None:
        return _guess_columns(rows)
    index, roles = found
    text_col = min(roles["text"], key=lambda pair: (_TEXT_RANK[pair[1]], pair[0]))[0]
    names = tuple(cell_text(v) for v in rows[index])
    return Columns(index, text_col, tuple(c for c, _ in roles.get("ref", [])),
                   roles["date"][0][0] if "date" in roles else None,
                   roles["owner"][0][0] if "owner" in roles else None, names)


# A cell that is a figure: digits with the signs and separators figures are written with, and nothing else. Two
# checks rather than one expression with a digit between two starred classes, which backtracks quadratically
# on a long run of digits that ends in a letter.
_FIGURE_CHARS = re.compile(r"[\s\d.,%£$€+\-/:()]+")
_DIGIT = re.compile(r"\d")


def _is_figure(value: object) -> bool:
    if isinstance(value, int | float):
        return True
    text = cell_text(value)
    return _FIGURE_CHARS.fullmatch(text) is not None and _DIGIT.search(text) is not None


def _results_header(rows: Sequence[Sequence[object]]) -> int | None:
    """The header row of a results table ("Year | Complaints received | Answered within 10 days"): two or more
    text cells, none a figure, with figures filling most cells of the row below. None when there is none."""
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS - 1]):
        names = [cell_text(v) for v in row if cell_text(v)]
        below = [v for v in rows[index + 1] if cell_text(v)] if index + 1 < len(rows) else []
        if len(names) >= 2 and not any(_is_figure(n) for n in names) and below \
                and sum(_is_figure(v) for v in below) * 2 >= len(below):
            return index
    return None


def compose_row(names: Sequence[str], cells: Sequence[str], date: int | None) -> str:
    """A results-table row as one statement: "2004/05: Complaints received 52; Answered within 10 days 79%"."""
    parts = [f"{names[c]} {value}".strip() if c < len(names) and names[c] else value
             for c, value in enumerate(cells) if value and c != date]
    lead = cells[date] if date is not None and date < len(cells) and cells[date] else ""
    return f"{lead}: {'; '.join(parts)}" if lead and parts else lead or "; ".join(parts)


def _guess_columns(rows: Sequence[Sequence[object]]) -> Columns:
    """No header naming an evidence column. A results table of figures becomes one statement per row, its cells
    named by their headers; otherwise the text column is the one with the most words."""
    header = _results_header(rows)
    if header is not None:
        names = tuple(cell_text(v) for v in rows[header])
        roles = [header_role(n, HEADER_NAMES, HEADER_MIN_SCORE) for n in names]
        date = next((c for c, r in enumerate(roles) if r and r[0] == "date"), None)
        return Columns(header, None, (), date, None, names, composite=True)
    width = max((len(r) for r in rows), default=0)
    words = [0] * width
    for row in rows:
        for col, value in enumerate(row):
            if isinstance(value, str):
                words[col] += len(value.split())
    text_col = max(range(width), key=lambda c: (words[c], -c)) if width and any(words) else None
    return Columns(-1, text_col, (), None, None, ())


def rows_to_items(rows: Sequence[Sequence[object]], make_source: Callable[[int, str | None], Source],
                  context_ref: str | None = None) -> tuple[list[RawItem], int, int]:
    """Turn table rows into raw items. Returns (items, blank rows, rows above or at the header).

    ``make_source(row_index, column_letter_or_name)`` builds the provenance for a row. A row whose only text
    is a criterion heading ("Criterion 2: ...") becomes an item (the noise detector lists it) and sets the
    context for the rows below it.
    """
    cols = find_columns(rows)
    items: list[RawItem] = []
    blank = 0
    skipped = cols.header_row + 1
    for index in range(cols.header_row + 1, len(rows)):
        row = rows[index]
        cells = [cell_text(v) for v in row]
        if not any(cells):
            blank += 1
            continue
        text = cells[cols.text] if cols.text is not None and cols.text < len(cells) else ""
        if cols.composite:
            text = compose_row(cols.names, cells, cols.date)
        filled = [c for c in cells if c]
        if not text:
            # the text column is empty: a heading band, a totals line or a note written in another column
            text = max(filled, key=len)
        ref = next((cells[c] for c in cols.refs if c < len(cells) and parse_ref(cells[c])), None)
        if ref is None:
            ref = next((cells[c] for c in cols.refs if c < len(cells) and cells[c]), None)
        if len(filled) == 1 and len(text) < 150 and parse_ref(text):
            context_ref = text  # a heading band: it sets the criterion for the rows below
        raw_date = row[cols.date] if cols.date is not None and cols.date < len(row) else None
        owner = cells[cols.owner] if cols.owner is not None and cols.owner < len(cells) else ""
        column = cols.names[cols.text] if cols.names and cols.text is not None else None
        items.append(RawItem(text=text, source=make_source(index, column), cm_ref=ref, context_ref=context_ref,
                             date=parse_date(raw_date) if raw_date not in (None, "") else None,
                             date_text=cell_text(raw_date) or None, owner=owner or None))
    return items, blank, skipped


SheetRows = tuple[str, bool, list[list[object]]]  # (sheet title, hidden, rows) as every spreadsheet reader gives them


def items_from_sheets(sheets: Iterable[SheetRows], name: str, extractor: str) -> FileRead:
    """Turn each sheet's rows into items, counting what was read; a sheet named after a criterion ("Crit 2",
    "C3") gives its rows that criterion. Shared by the xlsx, xls and ods readers."""
    items: list[RawItem] = []
    units = blank = other = 0
    for title, hidden, rows in sheets:
        sheet_ref = title if parse_ref(title, max_criterion=9) else None

        def source(index: int, column: str | None, title: str = title, hidden: bool = hidden) -> Source:
            return Source(file=name, extractor=extractor, sheet=title, row=index + 1, column=column, hidden=hidden)

        found, b, o = rows_to_items(rows, source, context_ref=sheet_ref)
        items.extend(found)
        units += len(rows)
        blank += b
        other += o
    return FileRead(name, extractor, tuple(items), units, blank, other)
