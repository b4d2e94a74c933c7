"""Tests for the stable zips: members packed once (:class:`Packed`) are written exactly as zipfile writes them,
pictures are stored rather than deflated again, and the Word report's parts shared with its template stay as
they were packed."""

from __future__ import annotations

import zipfile
import zlib
from datetime import datetime
from pathlib import Path

from report_fixture import make_run_result

from cse_migrate.reports.docx import report
from cse_migrate.reports.docx.report import build_gap_document, package_members
from cse_migrate.reports.zips import Packed, normalise_zip, write_zip

WHEN = datetime(2009, 3, 31)
MEMBERS = [
    ("[Content_Types].xml", b'<?xml version="1.0"?><Types>' + b"<Default/>" * 500 + b"</Types>"),
    ("word/media/image1.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40),
    ("docProps/thumbnail.jpeg", b"\xff\xd8\xff" + b"jpeg" * 100),
    ("word/empty.xml", b""),
    ("word/caf\u00e9.xml", "<t>caf\u00e9</t>".encode()),  # a name zip marks as UTF-8
]


def test_packed_members_give_the_bytes_zipfile_writes(tmp_path: Path) -> None:
    """write_zip, from contents or from members packed beforehand, writes the zip that zipfile's own writestr
    (normalise_zip's way) makes of the same members: the same bytes."""
    plain, packed, expected = tmp_path / "plain.zip", tmp_path / "packed.zip", tmp_path / "expected.zip"
    write_zip(plain, MEMBERS, WHEN)
    write_zip(packed, [Packed.of(name, content) for name, content in MEMBERS], WHEN)
    with zipfile.ZipFile(expected, "w") as archive:
        for name, content in MEMBERS:
            archive.writestr(name, content)
    normalise_zip(expected, WHEN)
    assert plain.read_bytes() == packed.read_bytes() == expected.read_bytes()
    with zipfile.ZipFile(packed) as archive:
        assert archive.testzip() is None
        assert [(info.filename, archive.read(info)) for info in archive.infolist()] == MEMBERS
        assert {info.date_time for info in archive.infolist()} == {(2009, 3, 31, 0, 0, 0)}


def test_pictures_are_stored_and_the_rest_deflated(tmp_path: Path) -> None:
    path = tmp_path / "members.zip"
    write_zip(path, MEMBERS, WHEN)
    with zipfile.ZipFile(path) as archive:
        methods = {info.filename: info.compress_type for info in archive.infolist()}
    assert methods == {"[Content_Types].xml": zipfile.ZIP_DEFLATED, "word/media/image1.png": zipfile.ZIP_STORED,
                       "docProps/thumbnail.jpeg": zipfile.ZIP_STORED, "word/empty.xml": zipfile.ZIP_DEFLATED,
                       "word/caf\u00e9.xml": zipfile.ZIP_DEFLATED}
    png = Packed.of("word/media/image1.png", MEMBERS[1][1])
    assert png.data == MEMBERS[1][1] and png.crc == zlib.crc32(MEMBERS[1][1]) and png.size == len(MEMBERS[1][1])
    xml = Packed.of(*MEMBERS[0])
    assert zlib.decompress(xml.data, -15) == MEMBERS[0][1] and len(xml.data) < xml.size


def test_reports_share_the_template_parts_and_leave_them_as_packed() -> None:
    """Every report uses the template's own styles, settings, theme ... (not copies), and writing one changes none
    of them: each still gives the content it was packed from, so the packed members are the report's."""
    document = build_gap_document(make_run_result())
    template = report._TEMPLATES[0]
    shared_names = {str(part.partname) for part in template.shared}
    assert {"/word/styles.xml", "/word/stylesWithEffects.xml", "/word/settings.xml", "/word/numbering.xml",
            "/word/theme/theme1.xml", "/docProps/thumbnail.jpeg"} <= shared_names
    assert not shared_names & {"/word/document.xml", "/docProps/core.xml", "/word/footer1.xml"}
    parts = {str(part.partname): part for part in document.part.package.parts}
    for part, packed in template.shared.items():
        assert parts[str(part.partname)] is part  # shared, not copied
        assert packed[0] == Packed.of(part.partname.membername, part.blob)
        assert packed[1:] == ([Packed.of(part.partname.rels_uri.membername, part.rels.xml)] if len(part.rels)
                              else [])
    assert document.part is not template.document.part
    assert document.core_properties.title != template.document.core_properties.title
    members = package_members(document)
    assert sum(isinstance(member, Packed) for member in members) == sum(map(len, template.shared.values()))
