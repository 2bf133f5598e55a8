"""Read a source file into text, one reader per format."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from .model import Problem, SourceText, error, warning

Reader = Callable[[Path, bytes], tuple[tuple[str, ...], list[Problem]]]


def _decode_text(path: Path, data: bytes) -> tuple[tuple[str, ...], list[Problem]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _split_pages(data.decode("utf-16")), []
    try:
        return _split_pages(data.decode("utf-8-sig")), []
    except UnicodeDecodeError as exc:
        problem = warning(
            path,
            f"expected UTF-8 text, found an invalid byte at offset {exc.start}; read as Windows-1252",
            "encoding",
        )
        return _split_pages(data.decode("cp1252", errors="replace")), [problem]


def _split_pages(text: str) -> tuple[str, ...]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return tuple(text.split("\f"))


READERS: dict[str, Reader] = {
    ".txt": _decode_text,
    ".md": _decode_text,
}

SUPPORTED_SUFFIXES = tuple(sorted(READERS))


def is_document(path: Path) -> bool:
    """True for a file the generator reads (sidecars and hidden files are not)."""
    return (
        path.suffix.lower() in READERS
        and not path.name.startswith(".")
        and not path.name.endswith(".meta.yml")
    )


def read(path: Path, display: str | None = None) -> tuple[SourceText | None, list[Problem]]:
    """Read one document; a file that cannot be read yields an error, not an exception."""
    shown = display or str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        expected = ", ".join(SUPPORTED_SUFFIXES)
        return None, [error(shown, f"expected one of {expected}, found '{path.suffix}'", "format")]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [error(shown, f"cannot be read: {exc.strerror}")]
    pages, problems = reader(Path(shown), data)
    if not any(page.strip() for page in pages):
        return None, [*problems, error(shown, "expected text, found an empty document", "text")]
    digest = hashlib.sha256(data).hexdigest()
    return SourceText(path=Path(shown), pages=pages, sha256=digest), problems
