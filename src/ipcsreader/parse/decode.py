"""Bytes of a saved page → clean text, or a PageError saying why there is no text."""

from __future__ import annotations

import codecs
import re

from ipcsreader.errors import PageError
from ipcsreader.text import ESCAPES, clean_lines, repair_mojibake

# Control characters a text page never holds (tab, newline, CR and form feed are fine).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BINARY_SHARE = 0.02
_SNIFF = 8192


def decode(data: bytes) -> str:
    """The text of ``data``: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if not data.strip():
        raise PageError("an empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return check_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise PageError("a binary file, not a saved web page") from None
    if b"\x00" in data[:_SNIFF]:
        raise PageError("a binary file, not a saved web page")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Not UTF-8: pages saved on Windows are cp1252; its five unused bytes are dropped.
        text = data.decode("cp1252", errors="ignore")
    return check_text(text)


def check_text(text: str) -> str:
    """``text`` if it reads as text; PageError for control-character noise or nothing at all."""
    sample = text[:_SNIFF]
    if not sample.strip():
        raise PageError("an empty file")
    if len(_CONTROLS.findall(sample)) > _BINARY_SHARE * len(sample):
        raise PageError("a binary file, not a saved web page")
    return text


def normalise(text: str) -> list[str]:
    """Lines of ``text`` with mojibake repaired and whitespace cleaned; blank lines are ""."""
    # Escape sequences go whole, before their ESC is dropped on its own with the controls.
    text = ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return clean_lines(_CONTROLS.sub("", repair_mojibake(text)))
