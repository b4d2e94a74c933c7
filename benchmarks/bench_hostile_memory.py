"""Benchmark: peak memory on the two memory cases of issue 11, generated on the fly (not a test).

* an xlsx of a few rows whose shared-strings part holds 480 MB of text (7.4 million strings): read by the
  streaming reader, which keeps shared strings as UTF-8 with an offset table and moves them to an anonymous
  temporary file past 64 MB;
* a docx whose word/document.xml is 480 MB: refused before parsing (``--max-document-mb``, 50 MB by default),
  since python-docx holds about 14 times the XML in memory.

Each is analysed by ``cse-migrate analyse`` in a child process beside nothing else, and the peak resident memory
of the whole process tree (the run and its reading worker) is sampled from /proc every 0.1 s. Run from the
project folder::

    .venv/bin/python benchmarks/bench_hostile_memory.py [--mb 480] [--keep DIR]

The figures in README.md ("Scale and memory") come from this script.
"""

from __future__ import annotations

import argparse
import tempfile
import zipfile
from pathlib import Path

from bench_scale import run

_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
_REL = '<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/{kind}" Target="{target}"/>'
_SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CHUNK = 20_000


def _override(part: str, kind: str) -> str:
    return f'<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.{kind}"/>'


def make_xlsx(path: Path, megabytes: int) -> Path:
    """A workbook whose sharedStrings.xml is ``megabytes`` MB; the sheet uses one string in 7,000."""
    string = "Evidence string {:09d} kept in the shared strings table of the workbook"
    count = megabytes * 1024 * 1024 // (len(string.format(0)) + 13)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES.format(overrides=(
            _override("xl/workbook.xml", "spreadsheetml.sheet.main+xml")
            + _override("xl/worksheets/sheet1.xml", "spreadsheetml.worksheet+xml")
            + _override("xl/sharedStrings.xml", "spreadsheetml.sharedStrings+xml"))))
        archive.writestr("_rels/.rels", _RELS.format(rels=_REL.format(
            id="rId1", kind="officeDocument/2006/relationships/officeDocument", target="xl/workbook.xml")))
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{_SHEET_NS}" xmlns:r="http://schemas.openxmlformats.'
                                            'org/officeDocument/2006/relationships"><sheets><sheet name="Log" '
                                            'sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", _RELS.format(rels=(
            _REL.format(id="rId1", kind="officeDocument/2006/relationships/worksheet", target="worksheets/sheet1.xml")
            + _REL.format(id="rId2", kind="officeDocument/2006/relationships/sharedStrings",
                          target="sharedStrings.xml"))))
        rows = "".join(f'<row r="{n + 1}"><c r="A{n + 1}" t="s"><v>{n * 7000}</v></c></row>'
                       for n in range(count // 7000))
        archive.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{_SHEET_NS}"><sheetData>{rows}'
                                                     "</sheetData></worksheet>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(f'<sst xmlns="{_SHEET_NS}" count="{count}" uniqueCount="{count}">'.encode())
            for start in range(0, count, _CHUNK):
                out.write("".join(f"<si><t>{string.format(i)}</t></si>"
                                  for i in range(start, min(start + _CHUNK, count))).encode())
            out.write(b"</sst>")
    return path


def make_docx(path: Path, megabytes: int) -> Path:
    """A Word document whose word/document.xml is ``megabytes`` MB of distinct paragraphs."""
    paragraph = "<w:p><w:r><w:t>Evidence paragraph {:09d}: the customer panel reviewed the leaflet.</w:t></w:r></w:p>"
    count = megabytes * 1024 * 1024 // len(paragraph.format(0))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES.format(overrides=_override(
            "word/document.xml", "wordprocessingml.document.main+xml")))
        archive.writestr("_rels/.rels", _RELS.format(rels=_REL.format(
            id="rId1", kind="officeDocument/2006/relationships/officeDocument", target="word/document.xml")))
        with archive.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(f'<w:document xmlns:w="{_WORD_NS}"><w:body>'.encode())
            for start in range(0, count, _CHUNK):
                out.write("".join(paragraph.format(i) for i in range(start, min(start + _CHUNK, count))).encode())
            out.write(b"</w:body></w:document>")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=480, help="size of the hostile XML part")
    parser.add_argument("--keep", type=Path, help="generate the inputs here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for name, make in ((f"shared-strings-{args.mb}mb.xlsx", make_xlsx), (f"document-{args.mb}mb.docx", make_docx)):
            path = folder / name
            if not path.exists():
                make(path, args.mb)
            measured = run(path, Path(scratch) / f"out-{path.suffix[1:]}")
            print(f"{name:28s} {path.stat().st_size / 2**20:6.1f} MB on disk  {measured['seconds']:6.1f} s  "
                  f"peak {measured['peak_tree_rss_mb']:6.0f} MB (run + worker)  exit {measured['exit']:.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
