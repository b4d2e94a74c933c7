"""Plain text and Markdown notes (.txt, .md), and the text legacy converters produce.

Text has no styles, so its shape is read from layout. A blank line ends a paragraph. Within a block of lines, a
line continues the paragraph above when that line was evidently wrapped by an editor (long, or fairly long with
the next line going on in lower case, and ending mid-sentence); otherwise each line is its own item, because
evidence notes are usually written one per line. Bullets and numbers ("-", "*", "•", "1.", "a)") start a new
item; bullet symbols are dropped from its text, numbers kept (they may be the criterion's). Lines with
tab-separated cells, or Markdown pipe tables, are tables and go through the same header finding as a
spreadsheet. In Markdown, ``#`` and underlined headings are structure and set the
criterion context; rules and fences are structure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cse_migrate.errors import InputFileError
from cse_migrate.model import FileRead
from cse_migrate.readers.base import FileToRead
from cse_migrate.readers.blocks import DocumentBuilder
from cse_migrate.readers.csv_reader import decode

WRAP_WIDTH = 60  # a line at least this long that stops mid-sentence was wrapped, not ended
NARROW_WRAP_WIDTH = 35  # ... and one this long, when the next line goes on in lower case
# Bullet symbols are dropped from the text; numbers ("1.", "a)") are kept, since "2. Engage ..." may be the
# criterion number, but they too start a new item. \uf0b7 and \uf0a7 are Word's Symbol-font bullets in PDFs.
_BULLET = re.compile(r"^\s*[-*+\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043\uf0b7\uf0a7]\s+")
_NUMBERED = re.compile(r"^\s*\(?(?:\d{1,3}|[a-z])[.)]\s+")
_TERMINAL = re.compile(r"[.!?:;)\]\"'\u201d\u2019]$")
# The opening of an ATX heading; its closing run of spaces and hashes is stripped by heading_text (a lazy group
# before a starred class of the same characters is quadratic on a long "# # # ..." line).
_MD_HEADING = re.compile(r"\s{0,3}#{1,6}\s+")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# One cell of the |---|:--:| line under a Markdown table header (is_table_separator splits the line into cells:
# one expression over the whole line has adjacent starred spaces and is quadratic on a long line of spaces).
_MD_SEPARATOR_CELL = re.compile(r":?-{2,}:?")
# Inline Markdown is removed without pairing the marks up: pairing with a lazy regular expression costs time
# quadratic in the line's length on a line of unclosed marks (a hostile file), these run in linear time.
_MD_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_MD_STRONG = re.compile(r"\*\*|__|`")
_MD_EMPHASIS = re.compile(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_MD_INLINE_MAX = 10_000  # longer lines are left as written


def read_text(job: FileToRead) -> FileRead:
    builder = DocumentBuilder(job, "txt")
    add_plain_text(builder, _decoded(job))
    return builder.result("txt")


def read_markdown(job: FileToRead) -> FileRead:
    builder = DocumentBuilder(job, "md")
    add_plain_text(builder, _decoded(job), markdown=True)
    return builder.result("md")


def _decoded(job: FileToRead) -> str:
    text, _encoding = decode(job.read_bytes(), job.name, "save it again as UTF-8 text")
    if not text.strip():
        raise InputFileError(job.name, "is empty (it holds no text); replace it with the real file or remove it")
    return text


def add_plain_text(builder: DocumentBuilder, text: str, markdown: bool = False, one_per_line: bool = False) -> None:
    """Feed text into ``builder``: paragraphs, tables and (for Markdown) headings, in order.

    ``one_per_line``: the text comes from a converter that writes each paragraph on one line, so lines are
    never joined."""
    lines = [line.rstrip() for line in text.splitlines()]
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            builder.add_paragraph(" ".join(paragraph))
            paragraph.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        table_end = _table_end(lines, index, markdown)
        if table_end > index:
            flush()
            _add_table(builder, lines[index:table_end], markdown)
            index = table_end
        elif markdown and (_MD_FENCE.match(line) or _MD_RULE.match(line)):
            flush()
            builder.add_furniture()
            index += 1
        elif markdown and (heading := heading_text(line)) is not None:
            flush()
            builder.add_heading(_strip_markdown(heading))
            index += 1
        elif markdown and line.strip() and not _BULLET.match(line) and _MD_SETEXT.match(following):
            flush()
            builder.add_heading(_strip_markdown(line.strip()))
            builder.add_furniture()  # the underline
            index += 2
        elif not line.strip():
            flush()
            builder.add_blank()
            index += 1
        else:
            bullet = _BULLET.match(line)
            body = (line[bullet.end():] if bullet else line).strip()
            if markdown:
                body = _strip_markdown(body)
            starts_item = one_per_line or bullet is not None or _NUMBERED.match(line) is not None
            if paragraph and (starts_item or not _continues(paragraph[-1], body)):
                flush()
            paragraph.append(body)
            index += 1
    flush()


def _table_end(lines: Sequence[str], index: int, markdown: bool) -> int:
    """Where a table starting at ``index`` ends (``index`` itself when no table starts there). A table is two
    or more lines with tab-separated cells, or (in Markdown) two or more pipe-table lines."""
    end = index
    while end < len(lines) and _is_table_line(lines[end], markdown):
        end += 1
    return end if end - index >= 2 else index


def _continues(previous: str, line: str) -> bool:
    """Does ``line`` carry on the paragraph that ``previous`` is part of? Only if ``previous`` stops
    mid-sentence and was long enough to have been wrapped: at the usual width, or at a narrower one when
    ``line`` goes on in lower case. Short lines are notes of their own, whatever case they start in."""
    if not line or _TERMINAL.search(previous):
        return False
    if len(previous) >= WRAP_WIDTH:
        return True
    return len(previous) >= NARROW_WRAP_WIDTH and line[0].islower()


def _is_table_line(line: str, markdown: bool) -> bool:
    stripped = line.strip()
    if "\t" in stripped:
        return True
    return markdown and stripped.startswith("|") and stripped.count("|") >= 2


def _add_table(builder: DocumentBuilder, lines: Sequence[str], markdown: bool) -> None:
    rows: list[list[object]] = []
    separators = 0
    for line in lines:
        if markdown and is_table_separator(line):
            separators += 1  # the |---|---| line under a Markdown header
            continue
        if markdown and line.strip().startswith("|"):
            cells = line.strip().strip("|").split("|")
            rows.append([_strip_markdown(c.strip()) for c in cells])
        else:
            rows.append([c.strip() for c in line.split("\t")])
    if rows:
        builder.add_table(rows)
    for _ in range(separators):
        builder.add_furniture()


def _strip_markdown(text: str) -> str:
    """Links keep their words; emphasis and code marks go (a * between spaces, or the _ in snake_case, stays)."""
    if len(text) > _MD_INLINE_MAX:
        return text
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub("", _MD_STRONG.sub("", text))


def heading_text(line: str) -> str | None:
    """The text of a Markdown ATX heading (``## Title ##`` gives ``Title``), or None for any other line."""
    match = _MD_HEADING.match(line)
    if match is None:
        return None
    rest = line[match.end():]
    end = len(rest)
    while end and (rest[end - 1] == "#" or rest[end - 1].isspace()):
        end -= 1
    return rest[:end]


def is_table_separator(line: str) -> bool:
    """True for the ``|---|:---:|`` line under a Markdown table header (outer pipes optional)."""
    inner = line.strip()
    inner = inner.removeprefix("|").removesuffix("|")
    return all(_MD_SEPARATOR_CELL.fullmatch(cell.strip()) for cell in inner.split("|"))
