"""Make the format fixtures in tests/data/formats/ from the bundled Northshire sample.

The readers' golden tests compare each legacy or alternative format with the .xlsx or .docx it was converted
from, so the fixtures are conversions of the sample files, made once and committed (the tests then need neither
LibreOffice nor xlwt):

* ``northshire_self_assessment_2007.xls`` and ``.ods`` from the sample workbook, ``northshire_application.doc``,
  ``.odt``, ``.rtf`` and ``.pdf`` from the sample application, all by LibreOffice headless;
* ``northshire_self_assessment_2007_libreoffice.xlsx``: the .xls saved back as .xlsx by LibreOffice, which
  (like Excel, unlike openpyxl) writes shared strings and its own styles: the streaming xlsx reader is checked
  on it against openpyxl;
* ``encrypted_filepass.xls``: the .xls with a FILEPASS record (RC4 CryptoAPI header) inserted after its BOF, as
  Excel writes a password-protected workbook. Its content is not really encrypted (nothing can make Excel's
  encryption without Excel), but every reader decides on the record, as Excel does. The compound file is
  written with xlwt's writer (``pip install xlwt``).

Run from the project folder: ``.venv/bin/python tests/data/make_fixtures.py``.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "formats"
SAMPLE = HERE.parent.parent / "samples" / "northshire-revenues-benefits"
WORKBOOK = SAMPLE / "northshire_self_assessment_2007.xlsx"
APPLICATION = SAMPLE / "northshire_charter_mark_application_2007.docx"

_FILEPASS = 0x002F
# wEncryptionType 1 (RC4), vMajor 4 / vMinor 2 (CryptoAPI), then the start of an EncryptionHeader.
_FILEPASS_BODY = struct.pack("<HHHI", 1, 4, 2, 0x24) + bytes(48)


def convert(source: Path, extension: str, target: Path) -> None:
    """Convert with LibreOffice headless, in a profile of its own, and move the result to ``target``."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", extension,
                        "--outdir", work, str(source)], check=True, capture_output=True, timeout=120)
        shutil.move(str(Path(work, f"{source.stem}.{extension}")), target)


def insert_filepass(plain_xls: Path, target: Path) -> None:
    """Write ``plain_xls`` again with a FILEPASS record straight after the workbook's BOF record."""
    import olefile
    from xlwt.CompoundDoc import XlsDoc

    with olefile.OleFileIO(str(plain_xls)) as ole:
        workbook = ole.openstream("Workbook").read()
    _kind, size = struct.unpack_from("<HH", workbook, 0)
    bof_end = 4 + size
    record = struct.pack("<HH", _FILEPASS, len(_FILEPASS_BODY)) + _FILEPASS_BODY
    with target.open("wb") as out:
        XlsDoc().save(out, workbook[:bof_end] + record + workbook[bof_end:])


def main() -> None:
    OUT.mkdir(exist_ok=True)
    xls = OUT / "northshire_self_assessment_2007.xls"
    convert(WORKBOOK, "xls", xls)
    convert(WORKBOOK, "ods", OUT / "northshire_self_assessment_2007.ods")
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work, "northshire_self_assessment_2007_libreoffice.xls")
        shutil.copy(xls, copy)
        convert(copy, "xlsx", OUT / "northshire_self_assessment_2007_libreoffice.xlsx")
    for extension in ("doc", "odt", "rtf", "pdf"):
        convert(APPLICATION, extension, OUT / f"northshire_application.{extension}")
    insert_filepass(xls, OUT / "encrypted_filepass.xls")
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
