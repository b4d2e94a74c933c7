"""Password-protected Office files: a clear error, or decrypted in memory with ``--password``.

msoffcrypto-tool decrypts xlsx/docx (ECMA-376 standard and agile encryption) and Excel/Word 97-2003 (RC4 and
RC4 CryptoAPI). The plain bytes are held in memory and handed to the reader; they are never written beside the
input. The password is never echoed in a message or a report.
"""

from __future__ import annotations

import io
from dataclasses import replace

import msoffcrypto
from msoffcrypto.exceptions import DecryptionError, FileFormatError, InvalidKeyError, ParseError

from cse_migrate.errors import InputFileError
from cse_migrate.readers.base import FileToRead, describe, human_size, parser_errors

_ERRORS = parser_errors(DecryptionError, FileFormatError, ParseError)

PASSWORD_HINT = "run again with --password (or set CSE_MIGRATE_PASSWORD), or save an unprotected copy"


def decrypt(job: FileToRead) -> FileToRead:
    """The same file with its decrypted bytes as content, opened with ``job.password``. Raises
    :class:`InputFileError` without a password, with a wrong one, or when the encryption cannot be opened."""
    password = job.password
    if password is None:
        raise InputFileError(job.name, f"is password-protected; {PASSWORD_HINT}")
    out = io.BytesIO()
    try:
        with job.open() as stream:
            office = msoffcrypto.OfficeFile(stream)
            office.load_key(password=password)
            office.decrypt(out)
    except InvalidKeyError as exc:
        raise InputFileError(job.name, "is password-protected and the password given does not open it; check "
                                       "the password, or save an unprotected copy") from exc
    except _ERRORS as exc:
        raise InputFileError(job.name, f"is password-protected and could not be decrypted ({describe(exc)}); "
                                       "save an unprotected copy") from exc
    content = out.getvalue()
    if len(content) > job.limits.max_file_bytes:
        raise InputFileError(job.name, f"decrypts to {human_size(len(content))}, over the "
                                       f"{job.limits.max_file_mb:g} MB limit; raise --max-file-mb if it is genuine")
    return replace(job, content=content)
