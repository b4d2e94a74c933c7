"""Long tables in the Word report: a table shows at most :data:`WORD_TABLE_ROWS` rows, chosen so that every file
has a row among them, and says where the rest are (evidence.xlsx and results.json list every row).

A Word table of 200,000 rows is thousands of pages nobody reads, and took python-docx over an hour to build; the
rows a table does not show are never made (:class:`LazyRows`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar, overload

from cse_migrate.reports.docx.layout import Body, Cell, Column, add_table, add_text

WORD_TABLE_ROWS = 500  # rows of one table in the Word report; the workbook and JSON hold them all
T = TypeVar("T")


class LazyRows(Sequence[Sequence[Cell]], Generic[T]):
    """Table rows made from their sources only when shown: a table shows at most :data:`WORD_TABLE_ROWS`, so
    the cells of the other rows of a 200,000-item run are never made.

    With ``group`` (the file an item came from), a table too long to show whole shows the first row of every
    group before filling up with the others in order: one file of 200,000 lines must not push a small file's
    evidence out of the report."""

    def __init__(self, sources: Sequence[T], make: Callable[[T], Sequence[Cell]],
                 group: Callable[[T], str] | None = None) -> None:
        self.sources = sources
        self.make = make
        self.group = group

    def shown(self, limit: int) -> list[Sequence[Cell]]:
        """The rows a table of at most ``limit`` rows shows, in their order."""
        if len(self.sources) <= limit or self.group is None:
            return self[:limit]
        first: dict[str, int] = {}
        for index, source in enumerate(self.sources):
            first.setdefault(self.group(source), index)
        chosen = set(sorted(first.values())[:limit])
        for index in range(len(self.sources)):
            if len(chosen) >= limit:
                break
            chosen.add(index)
        return [self.make(self.sources[index]) for index in sorted(chosen)]

    def __len__(self) -> int:
        return len(self.sources)

    @overload
    def __getitem__(self, index: int) -> Sequence[Cell]: ...

    @overload
    def __getitem__(self, index: slice) -> list[Sequence[Cell]]: ...

    def __getitem__(self, index: int | slice) -> Sequence[Cell] | list[Sequence[Cell]]:
        if isinstance(index, slice):
            return [self.make(source) for source in self.sources[index]]
        return self.make(self.sources[index])


def add_table_or_note(body: Body, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], empty: str) -> None:
    """Add a table when there are rows, otherwise a sentence saying there is nothing to show.

    A table longer than :data:`WORD_TABLE_ROWS` shows that many rows (:meth:`LazyRows.shown`) and says that
    evidence.xlsx and results.json list them all: a Word table of 200,000 rows is thousands of pages nobody reads,
    and took python-docx over an hour to build."""
    if not rows:
        add_text(body, empty)
        return
    spread = isinstance(rows, LazyRows) and rows.group is not None
    add_table(body, columns, rows.shown(WORD_TABLE_ROWS) if isinstance(rows, LazyRows) else rows[:WORD_TABLE_ROWS])
    if len(rows) > WORD_TABLE_ROWS:
        which = "the first of each file, then the others in order" if spread else "the first ones"
        add_text(body, f"{WORD_TABLE_ROWS:,} of {len(rows):,} rows are shown here ({which}); evidence.xlsx and "
                       "results.json list every one.")
