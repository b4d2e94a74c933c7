"""PDFs that cost a parser minutes in a few kilobytes, generated (never committed): the cases of issue 11.

A content stream is compressed, so a 5 KB file can hold 2.4 MB of drawing operators; pypdf spends about 4 s on
each pass over such a stream, and a PDF can make it pass many times: a form XObject drawn again and again on one
page, or many pages sharing one content stream. ``text_pdf`` is the honest large case: many pages of distinct
text, which must be read within the scale targets.
"""

from __future__ import annotations

import zlib

# One pass over this stream takes pypdf about 4 s on the development machine (160,000 text operators).
SLOW_OPERATORS = 160_000


def assemble(objects: list[bytes]) -> bytes:
    """A PDF file from its numbered objects (object 1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def compressed_stream(body: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(body, 9)
    return (b"<< /Length " + str(len(packed)).encode() + b" /Filter /FlateDecode " + extra + b" >>\nstream\n"
            + packed + b"\nendstream")


def slow_operators(count: int = SLOW_OPERATORS) -> bytes:
    return b"BT /F1 11 Tf 72 800 Td " + b"(a) Tj 0 -1 Td " * count + b"ET"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def form_drawn_many_times(times: int = 50) -> bytes:
    """One page that draws one heavy form XObject ``times`` times."""
    page_body = b"q " + b"/Fm1 Do " * times + b"Q"
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        compressed_stream(page_body),
        compressed_stream(slow_operators(), b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                                            b"/Resources << /Font << /F1 6 0 R >> >>"),
        _FONT,
    ])


def pages_sharing_one_stream(pages: int = 150) -> bytes:
    """``pages`` pages whose /Contents are all the same heavy stream."""
    kids = " ".join(f"{5 + index} 0 R" for index in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> " \
           b"/Contents 3 0 R >>"
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        compressed_stream(slow_operators()),
        _FONT,
        *([page] * pages),
    ])


def text_pdf(pages: int, lines_per_page: int = 6) -> bytes:
    """``pages`` pages of distinct evidence text (each line names its page), as a long report would be."""
    kids = " ".join(f"{4 + 2 * index} 0 R" for index in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
               _FONT]
    for index in range(pages):
        lines = [f"Customer panel meeting {index * lines_per_page + line} reviewed leaflet {index % 97} and agreed "
                 f"changes to opening hours at office {line}." for line in range(lines_per_page)]
        body = ("BT /F1 11 Tf 14 TL 72 770 Td " + " ".join(f"({text}) Tj T*" for text in lines) + " ET").encode()
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
                       f">> >> /Contents {len(objects) + 2} 0 R >>".encode())
        objects.append(compressed_stream(body))
    return assemble(objects)
