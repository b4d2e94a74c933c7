"""PDF documents through pypdf, page by page.

A PDF holds positioned lines, not paragraphs, so paragraphs are rebuilt: a line continues the one above when
that one was wrapped (pypdf keeps the space at a soft line end; or it is long and stops mid-sentence; or the
next starts in lower case), and a bullet starts a new item. A short line repeated at the same place (one of the
top or bottom lines) on most pages, above or below other text, is a running header or footer ("Page 3 of 12"):
page furniture, counted and noted but not read as evidence. Its numbers must be the same on every page or follow
the page number, so body lines that differ only in their figures are never taken for furniture. Every item
cites its page, and paragraphs are numbered within the page, as a reader holding the page would count them.

A PDF with no text at all is a scan: it is refused with advice to run OCR. Pages without text in an otherwise
searchable PDF are listed in a note. A PDF locked with an empty user password (restrictions only) opens as
is; one that needs a password opens with ``--password``. pypdf's own limits guard against decompression bombs.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead
from cse_migrate.readers.base import FileToRead, describe, parser_errors
from cse_migrate.readers.blocks import DocumentBuilder
from cse_migrate.readers.encryption import PASSWORD_HINT

_ERRORS = parser_errors(PyPdfError)

_ADVICE = "open it in a PDF viewer and save or print it to a new PDF"
_OCR_ADVICE = ("run it through OCR (for example 'ocrmypdf') and add the searchable PDF, or type the evidence "
               "into the evidence log")
# ASCII and dash bullets need a space after them ("-5%" is a number); symbol bullets do not. \uf0b7, \uf0a7,
# \uf076 and \uf0d8 are Word's Symbol and Wingdings bullets as PDF text carries them.
_BULLET = re.compile(r"^\s*(?:[-*\u2013]\s+|[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043\uf0b7\uf0a7\uf076\uf0d8]\s*)")
_TERMINAL = re.compile(r"[.!?:;\"'\u201d\u2019]$")
_DIGITS = re.compile(r"\d+")
EDGE_LINES = 2  # how many lines at the top and at the bottom of a page may be a running header or footer
RUNNING_LINE_CHARS = 100  # a running header or footer is a short line; longer repeated lines are body text
WRAPPED_SHARE = 0.75  # a line this share of the page's longest line, stopping mid-sentence, was wrapped


def read_pdf(job: FileToRead) -> FileRead:
    with _quiet_pypdf():
        try:
            with job.open() as stream:
                reader = PdfReader(stream, strict=False)
                _unlock(reader, job)
                pages = [_page_lines(page.extract_text()) for page in reader.pages]
        except InputFileError:
            raise
        except DependencyError as exc:
            raise InputFileError(job.name, f"is an encrypted PDF and needs a library to open it ({exc}); "
                                           "install cse-migrate's dependencies again") from exc
        except FileNotDecryptedError as exc:
            raise InputFileError(job.name, f"is password-protected; {PASSWORD_HINT}") from exc
        except _ERRORS as exc:
            raise InputFileError(job.name, f"not a readable PDF ({describe(exc)}); {_ADVICE}") from exc
    if not any(line.strip() for lines in pages for line in lines):
        raise InputFileError(job.name, f"has no text layer: it looks like a scanned image; {_OCR_ADVICE}")
    return build(job, pages)


def _unlock(reader: PdfReader, job: FileToRead) -> None:
    if not reader.is_encrypted:
        return
    if reader.decrypt(""):  # restrictions only: the empty user password opens it
        return
    if job.password is None:
        raise InputFileError(job.name, f"is password-protected; {PASSWORD_HINT}")
    if not reader.decrypt(job.password):
        raise InputFileError(job.name, "is password-protected and the password given does not open it; check "
                                       "the password, or save an unprotected copy")


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repair it makes to a damaged file; the run reports one line per file instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _page_lines(text: str) -> list[str]:
    return [line.replace("\x00", "") for line in text.splitlines()]


def build(job: FileToRead, pages: list[list[str]]) -> FileRead:
    """Rebuild paragraphs page by page; furniture lines are counted, pages without text noted."""
    builder = DocumentBuilder(job, "pdf")
    furniture = running_lines(pages)
    paragraphs = _Paragraphs(builder)
    empty_pages = []
    for number, lines in enumerate(pages, start=1):
        if not any(line.strip() for line in lines):
            empty_pages.append(number)
            paragraphs.flush()  # a page without text breaks any paragraph
            continue
        paragraphs.add_page(lines, number, furniture.get(number - 1, set()))
    paragraphs.flush()
    removed = sum(len(found) for found in furniture.values())
    if removed:
        example = min((pages[page][i].strip() for page, found in furniture.items() for i in found), key=len)
        builder.note(f"{removed} running header or footer line(s) on {len(furniture)} page(s) were counted as page "
                     f"furniture, not evidence (short lines repeated at the top or bottom of most pages, such as "
                     f"'{example[:60]}')")
    if empty_pages:
        builder.note(f"page(s) {', '.join(map(str, empty_pages))} have no text layer (scanned images?) and were "
                     f"not read; {_OCR_ADVICE}")
    return builder.result("pdf")


# One place on a page where a running line can sit: ("top", 0) is the first line of text, ("bottom", 0) the last.
_Place = tuple[str, int, str]  # edge, offset from it, the line's shape


def running_lines(pages: list[list[str]]) -> dict[int, set[int]]:
    """Running headers and footers: page index -> indexes of its lines that are one.

    A line qualifies when the same short line (its numbers aside) sits at the same place (one of the first or
    last :data:`EDGE_LINES` lines of text) on at least half the pages, and on two or more; when its numbers are
    the same on every page or follow the page number ("Page 3 of 12": one number moving in step with the page),
    so that body lines that differ only in their figures stay evidence; and when the pages carrying it keep
    other text, as a header sits above a body. Outermost lines are judged first, so a second line is taken only
    when a body remains below (or above) it.
    """
    if len(pages) < 2:
        return {}
    places: defaultdict[_Place, list[tuple[int, int, tuple[int, ...]]]] = defaultdict(list)
    text_lines: list[int] = []
    for page, lines in enumerate(pages):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        text_lines.append(len(filled))
        for edge, ends in (("top", filled[:EDGE_LINES]), ("bottom", filled[::-1][:EDGE_LINES])):
            for offset, i in enumerate(ends):
                line = lines[i].strip()
                if len(line) <= RUNNING_LINE_CHARS:
                    numbers = tuple(int(n[:18]) for n in _DIGITS.findall(line))
                    places[(edge, offset, _shape(line))].append((page, i, numbers))
    needed = max(2, (len(pages) + 1) // 2)
    furniture: defaultdict[int, set[int]] = defaultdict(set)
    for (_, _, _), found in sorted(places.items(), key=lambda kv: (kv[0][1], kv[0][0], kv[0][2])):
        if len(found) < needed or not _numbers_fixed_or_paged(found):
            continue
        fresh = [(page, i) for page, i, _ in found if i not in furniture[page]]
        if sum(1 for page, _ in fresh if text_lines[page] - len(furniture[page]) > 1) < needed:
            continue  # without it most of these pages would hold no text: it is their body, not a header
        for page, i in fresh:
            furniture[page].add(i)
    return {page: lines for page, lines in furniture.items() if lines}


def _numbers_fixed_or_paged(found: list[tuple[int, int, tuple[int, ...]]]) -> bool:
    """Every number in the line is the same on each page, but for at most one that moves in step with the page
    number (a page count)."""
    paged = 0
    for j in range(len(found[0][2])):
        if len({numbers[j] for _, _, numbers in found}) == 1:
            continue
        if len({numbers[j] - page for page, _, numbers in found}) > 1:
            return False
        paged += 1
    return paged <= 1


def _shape(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).casefold())


class _Paragraphs:
    """Joins lines into paragraphs, across page breaks too: a paragraph that runs on to the next page is one
    item, cited at the page where it starts. Paragraphs are numbered within their page."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.lines: list[str] = []  # the paragraph being built
        self.started_on = 0  # its page
        self.page = 0
        self.page_started = False  # the builder's paragraph numbering has been reset for this page
        self.wrapped = False  # the previous line ended in a soft wrap

    def flush(self) -> None:
        if self.lines:
            if self.started_on == self.page:
                self._start_numbering()
            self.builder.add_paragraph(" ".join(self.lines), page=self.started_on)
            self.lines = []

    def _start_numbering(self) -> None:
        if not self.page_started:
            self.builder.start_page()
            self.page_started = True

    def add_page(self, lines: list[str], page: int, furniture: set[int]) -> None:
        """Add a page's lines; those at the indexes in ``furniture`` are running headers or footers."""
        self.page, self.page_started = page, False
        stripped = [line.strip() for line in lines]
        widest = max((len(line) for line in stripped), default=0)
        # Some producers (Word, LibreOffice) end each soft-wrapped line with a space: where a page shows that
        # signal it is trusted alone; elsewhere line length stands in for it.
        signalled = any(line.endswith(" ") and line.strip() for line in lines)
        for index, (raw, line) in enumerate(zip(lines, stripped, strict=True)):
            if not line:
                if self.started_on == page:
                    self.flush()  # a blank line ends a paragraph, but not one carried over from the last page
                self.builder.add_blank()
            elif index in furniture:
                self.builder.add_furniture()
            else:
                self._add_line(line, widest, signalled)
                self.wrapped = raw.endswith(" ")

    def _add_line(self, line: str, widest: int, signalled: bool) -> None:
        bullet = _BULLET.match(line)
        body = line[bullet.end():] if bullet else line
        if self.lines and self.started_on != self.page:
            # across a page break only a soft wrap or a lower-case start carries the paragraph on: the length
            # of the last line of a page says nothing about the first line of the next
            if bullet or _TERMINAL.search(self.lines[-1]) or not (self.wrapped or body[:1].islower()):
                self.flush()
        elif self.lines and (bullet or not (self.wrapped or _continues(self.lines[-1], body, widest, signalled))):
            self.flush()
        if not self.lines:
            self._start_numbering()
            self.started_on = self.page
        self.lines.append(body)


def _continues(previous: str, line: str, widest: int, signalled: bool) -> bool:
    if _TERMINAL.search(previous):
        return False
    return line[:1].islower() or (not signalled and len(previous) >= WRAPPED_SHARE * widest)
