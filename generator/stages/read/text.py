"""Plain text (.txt, .md): bytes decoded to text, pages split at form feeds."""

from __future__ import annotations

import codecs
from pathlib import Path

from generator.model import Problem, warning
from generator.stages.read.reading import Reading

FALLBACK = "cp1252"
"""Windows-1252: what a Dutch office PC writes when it does not write UTF-8."""


def read_text(path: Path, data: bytes) -> tuple[Reading, list[Problem]]:
    """Decode a text file; form feeds separate its pages."""
    text, problems = decode(path, data)
    return Reading(split_pages(text)), problems


def split_pages(text: str) -> tuple[str, ...]:
    """Pages of a text, with every line ending made "\\n"."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return tuple(text.split("\f"))


def decode(path: Path, data: bytes, declared: str | None = None) -> tuple[str, list[Problem]]:
    """Text from bytes: a BOM wins, then UTF-8, then the declared encoding, then Windows-1252.

    Never raises: bytes that fit no encoding become U+FFFD, with a warning.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(path, data)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        offset = exc.start
    text = _decode_declared(data, declared) if declared else None
    if text is not None:
        return text, []
    problem = warning(
        path,
        f"expected UTF-8 text, found an invalid byte at offset {offset}; read as Windows-1252",
        "encoding",
    )
    return data.decode(FALLBACK, errors="replace"), [problem]


def _decode_utf16(path: Path, data: bytes) -> tuple[str, list[Problem]]:
    try:
        return data.decode("utf-16"), []
    except UnicodeDecodeError as exc:
        message = f"expected UTF-16 text, found an invalid byte at offset {exc.start}; replaced the invalid bytes"
        return data.decode("utf-16", errors="replace"), [warning(path, message, "encoding")]


def _decode_declared(data: bytes, encoding: str) -> str | None:
    """The text in the encoding a file declares, or None when that fails or is no text encoding."""
    try:
        if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
            return None  # as in browsers: text without a BOM cannot declare itself UTF-16
        return data.decode(encoding)
    except (LookupError, UnicodeError, ValueError):  # unknown names, base64 and the like, wrong bytes
        return None
