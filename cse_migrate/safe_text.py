"""Text and names that every output can hold: XML 1.0 (docx, xlsx), UTF-8 (JSON) and the user's terminal.

Evidence arrives with characters no report can store: control characters from old converters, the
non-characters U+FFFE and U+FFFF (a CSV cell, an RTF ``\\u-2?``), lone surrogates (a PDF font that maps a glyph
to half a surrogate pair, or a file name that is not valid UTF-8, which Python carries as "surrogate escapes").
Left in, any one of them stops the Word or Excel writer, or the JSON encoder, with a traceback. So:

* :func:`xml_safe` is the one sanitiser: C0 controls (other than tab, newline and carriage return), DEL and C1
  controls are removed; non-characters and lone surrogates become U+FFFD, the replacement character, so a
  reader sees that something was there. Readers apply it to every item at the boundary and note how many items
  it changed; report writers apply it again to everything they write, names included.
* :func:`display_name` shows a file name that is not valid UTF-8 with replacement characters; the path itself
  keeps its original bytes, so the file is still opened and read.
* :func:`shorten` cuts a name or title to a format's limit with an ellipsis (a Word title holds 255 characters,
  an Excel sheet name 31).
* :func:`terminal_safe` escapes what a terminal would act on (``ESC [ 2 J`` in a file name clears the screen).
"""

from __future__ import annotations

import os
import re

# Non-characters: U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                           for plane in range(17))
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_REPLACED = re.compile(f"[\ud800-\udfff{_NONCHARACTERS}]")
_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
# What a terminal acts on: every C0 and C1 control (tab and newline included, since a file name that holds one
# would break the one-line message), DEL, and the bidirectional overrides that reorder what is shown.
_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
REPLACEMENT = "\ufffd"
CORE_PROPERTY_CHARS = 255  # a document property (title, subject) in Word and Excel files
ELLIPSIS = "\u2026"


def is_xml_safe(text: str) -> bool:
    """True when ``text`` holds nothing :func:`xml_safe` would change."""
    # isprintable() is false for every control, surrogate and unassigned code point (non-characters are
    # unassigned), so a printable text is safe; it is some 25 times as fast as the character-class search, which
    # is left for texts with line breaks, tabs or other separators
    return text.isprintable() or _UNSAFE.search(text) is None


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0, UTF-8 and the Office formats refuse removed or replaced."""
    if is_xml_safe(text):
        return text
    return _REPLACED.sub(REPLACEMENT, _CONTROLS.sub("", text))


def display_name(name: str) -> str:
    """A file or folder name as a person should see it: bytes that were not valid UTF-8 (carried by Python as
    surrogate escapes) shown as U+FFFD, and anything else no report can hold made safe."""
    try:
        name = os.fsencode(name).decode("utf-8", "replace")
    except UnicodeError:  # a lone surrogate that is not a surrogate escape (it did not come from the disk)
        name = name.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return xml_safe(name)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis when it was cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def terminal_safe(text: str, keep: str = "") -> str:
    """``text`` with every character a terminal would act on written as a visible escape (``\\x1b``), except
    those in ``keep`` (a message's own line breaks)."""
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return char if char in keep else char.encode("unicode_escape").decode("ascii")

    return _TERMINAL.sub(escape, text)
