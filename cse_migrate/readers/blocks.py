"""A document as a reader sees it: paragraphs, headings, page furniture and tables, in reading order.

The text-based readers (legacy Word through a converter, PDF, RTF, OpenDocument text, plain text, Markdown)
each find those blocks their own way and hand them to one :class:`DocumentBuilder`, which numbers them, tracks
the criterion context set by headings, counts every unit so that ``units = blank + structure + items`` holds,
and turns tables into rows with :func:`~cse_migrate.readers.common.rows_to_items` like every spreadsheet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cse_migrate.model import FileRead, RawItem, Source
from cse_migrate.readers.base import FileToRead, check_rows, clean_unit_text
from cse_migrate.readers.common import rows_to_items
from cse_migrate.refs import parse_ref

# A plain paragraph that reads like a heading ("Criterion 2: Actively engage ...", "CM4 Improve", "2.1
# Consultation") gives its criterion to what follows, as a heading band row does in a spreadsheet. It stays an
# item, and the noise rules list it. A bare number ("3 new leaflets printed") is too ambiguous to count.
HEADING_BAND_CHARS = 120
_NAMED_HEADING = re.compile(r"^(?:criterion|criteria|crit\.?|cm|element|section|principle)\s*[0-9ivx]",
                            re.IGNORECASE)
_SECTION_HEADING = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S+(?:\s+\S+){0,7}$")
# A paragraph that starts with an element reference ("2.1.3 Panel minutes ...") carries that reference, as the
# reference column of a table row does.
_LEADING_REF = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+\S")


def looks_like_heading(text: str) -> bool:
    """A short line that names a criterion or numbers a section, and does not read as a sentence."""
    if len(text) >= HEADING_BAND_CHARS or "\n" in text or text.endswith("."):
        return False
    return (_NAMED_HEADING.match(text) is not None or _SECTION_HEADING.match(text) is not None) \
        and parse_ref(text) is not None


class DocumentBuilder:
    """Collects one document's blocks and accounts for each of them."""

    def __init__(self, job: FileToRead, extractor: str, number_every_paragraph: bool = False) -> None:
        """``number_every_paragraph``: the source has real paragraphs (ODT, RTF, Word through antiword), so empty
        ones and captions are numbered too, exactly as the .docx reader numbers them; in layout-based sources
        (PDF, plain text) only paragraphs of text are numbered."""
        self.job = job
        self.extractor = extractor
        self.number_every_paragraph = number_every_paragraph
        self.items: list[RawItem] = []
        self.units = 0
        self.blank = 0
        self.other = 0
        self.notes: list[str] = []
        self.not_read: Counter[str] = Counter()  # pieces deliberately not read: note -> how many
        self.context: str | None = None
        self.paragraph_no = 0
        self.table_no = 0

    def _unit(self) -> None:
        self.units += 1
        check_rows(self.units, "the document", self.job.name, self.job.limits)

    def add_blank(self) -> None:
        """An empty paragraph or line: counted, never evidence."""
        self._unit()
        self.blank += 1
        if self.number_every_paragraph:
            self.paragraph_no += 1

    def add_heading(self, text: str) -> None:
        """A styled heading: structure, not evidence; a criterion heading sets the context below it."""
        text = clean_unit_text(text)
        if not text:
            self.add_blank()
            return
        self._unit()
        self.other += 1
        self.paragraph_no += 1
        if parse_ref(text):
            self.context = text

    def add_furniture(self) -> None:
        """A page header or footer, caption or table of contents line: counted as structure."""
        self._unit()
        self.other += 1
        if self.number_every_paragraph:
            self.paragraph_no += 1

    def add_paragraph(self, text: str, page: int | None = None) -> None:
        """A paragraph of text: one candidate evidence item (blank text is counted as blank)."""
        text = clean_unit_text(text)
        if not text:
            self.add_blank()
            return
        self._unit()
        self.paragraph_no += 1
        if looks_like_heading(text):
            self.context = text
        leading = _LEADING_REF.match(text)
        source = Source(file=self.job.name, extractor=self.extractor, paragraph=self.paragraph_no, page=page)
        self.items.append(RawItem(text=text, source=source, cm_ref=leading.group(1) if leading else None,
                                  context_ref=self.context))

    def add_table(self, rows: Sequence[Sequence[object]], page: int | None = None,
                  within: str | None = None) -> None:
        """A table: its header row is found and its rows become items, as in a spreadsheet. ``within`` says
        where a table nested in another table's cell sits ("table 1 row 2")."""
        self.table_no += 1
        number = self.table_no
        check_rows(len(rows), f"table {number}", self.job.name, self.job.limits)
        cleaned = [[clean_unit_text(c) if isinstance(c, str) else c for c in row] for row in rows]

        def source(index: int, column: str | None) -> Source:
            return Source(file=self.job.name, extractor=self.extractor, table=number, row=index + 1,
                          column=column, page=page, within=within)

        found, blank, other = rows_to_items(cleaned, source, context_ref=self.context)
        self.items.extend(found)
        self.units += len(rows)
        self.blank += blank
        self.other += other
        check_rows(self.units, "the document", self.job.name, self.job.limits)

    def start_page(self) -> None:
        """PDF paragraphs are numbered within their page, as a reader holding the page would count them."""
        self.paragraph_no = 0

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def result(self, fmt: str) -> FileRead:
        """The file's reading; pieces not read are counted, each kind with a note saying how many and why."""
        notes = (*self.notes, *(f"{count} {note}" for note, count in sorted(self.not_read.items())))
        return FileRead(self.job.name, fmt, tuple(self.items), self.units, self.blank, self.other, notes,
                        not_read=sum(self.not_read.values()))
