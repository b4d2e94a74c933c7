"""gap-report.pdf: the Word report printed through LibreOffice, with the contents' page numbers filled in.

LibreOffice lays the document out, computes every PAGEREF field of the contents and writes a PDF, so a consultant
can send a fixed copy. It needs LibreOffice (``soffice``) installed; without it the Word report is still written
and the error says what to install.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from cse_migrate.errors import OutputError
from cse_migrate.output import atomic_write
from cse_migrate.readers.convert import ConversionFailed, libreoffice_convert

PDF_TIMEOUT = 180.0  # seconds LibreOffice may take for one report


def write_pdf(docx: Path, pdf: Path, timeout: float = PDF_TIMEOUT) -> None:
    """Render ``docx`` to ``pdf`` (atomically) through LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="cse-migrate-pdf-") as work:
        try:
            converted = libreoffice_convert(docx, "pdf", Path(work), timeout)
        except ConversionFailed as exc:
            raise OutputError(f"{pdf}: could not make the PDF ({exc}); install LibreOffice "
                              "(apt-get install libreoffice-writer-nogui) or leave out --pdf") from exc

        def copy(tmp: Path) -> None:
            shutil.copyfile(converted, tmp)

        atomic_write(pdf, copy)
