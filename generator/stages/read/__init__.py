"""Read a source file into text, one reader per format.

A reader turns a file's bytes into pages of text plus problems; it never raises.
`read` adds what every format shares: a size limit, a missing or empty file,
NUL bytes, line endings and Unicode normalisation.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

from generator.model import Level, Problem, SourceText, error
from generator.model.project import MAX_BYTES
from generator.stages.read.htmltext import read_html
from generator.stages.read.official_metadata import metadata_file_for, read_metadata
from generator.stages.read.pdf import read_pdf
from generator.stages.read.reading import Reading
from generator.stages.read.text import read_text
from generator.stages.read.word import read_docx

Reader = Callable[[Path, bytes], tuple[Reading, list[Problem]]]

READERS: dict[str, Reader] = {
    ".docx": read_docx,
    ".htm": read_html,
    ".html": read_html,
    ".md": read_text,
    ".pdf": read_pdf,
    ".txt": read_text,
}

SUPPORTED_SUFFIXES = tuple(sorted(READERS))

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "Reader", "find_documents", "is_document", "metadata_file", "read"]


def is_document(path: Path) -> bool:
    """True for a file the generator reads (sidecars and hidden files are not)."""
    return (
        path.suffix.lower() in READERS
        and not path.name.startswith(".")
        and not path.name.endswith(".meta.yml")
    )


def find_documents(source: Path) -> tuple[list[Path], list[Problem]]:
    """Documents under `source`, sorted, and what could not be looked at. Hidden folders
    (".git", ".Trash-1000") and links to folders are not entered (a folder linked in
    would give its documents twice); a link to a file outside `source` is not followed."""
    root = source.resolve()
    found: list[Path] = []
    problems: list[Problem] = []

    def unreadable(exc: OSError) -> None:
        problems.append(error(exc.filename or source, f"cannot be read: {exc.strerror or exc}; its documents are left out"))

    for folder, subfolders, files in os.walk(source, onerror=unreadable):
        here = Path(folder)
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in files:
            path = here / name
            try:
                inside = path.resolve().is_relative_to(root)
            except (OSError, RuntimeError) as exc:  # a link loop, a name too long
                problems.append(error(path, f"cannot be followed: {exc}"))
                continue
            if inside and is_document(path) and path.is_file():
                found.append(path)
    return sorted(found), problems


def read(
    path: Path, display: str | None = None, max_bytes: int = MAX_BYTES
) -> tuple[SourceText | None, list[Problem]]:
    """Read one document; a file that cannot be read yields an error, not an exception."""
    shown = display or str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        expected = ", ".join(SUPPORTED_SUFFIXES)
        return None, [error(shown, f"expected one of {expected}, found '{path.suffix}'", "format")]
    data, problem = _read_bytes(path, shown, max_bytes)
    if problem is not None:
        return None, [problem]
    (pages, footnotes, metadata), problems = reader(Path(shown), data)
    if any(problem.level is Level.ERROR for problem in problems):
        return None, problems
    pages = tuple(_normalise(page) for page in pages)
    if not any(page.strip() for page in pages):
        return None, [*problems, error(shown, "expected text, found an empty document", "text")]
    beside = metadata_file(path)
    if beside is not None:
        published, metadata_problems = read_metadata(beside, str(Path(shown).with_name(beside.name)))
        metadata = (*metadata, *published)
        problems += metadata_problems
    digest = hashlib.sha256(data).hexdigest()
    return SourceText(path=Path(shown), pages=pages, sha256=digest, footnotes=footnotes, metadata=metadata), problems


def metadata_file(document: Path) -> Path | None:
    """The publisher's metadata file beside `document` (its facts go into the record)."""
    return metadata_file_for(document, is_document)


def _read_bytes(path: Path, shown: str, max_bytes: int) -> tuple[bytes, Problem | None]:
    """The file's bytes, unless it is larger than `max_bytes` (checked before reading)."""
    try:
        size = path.stat().st_size
        data = b""
        if size <= max_bytes:
            with path.open("rb") as file:
                data = file.read(max_bytes + 1)  # the file may have grown since stat()
            size = len(data)
    except OSError as exc:
        return b"", error(shown, f"cannot be read: {exc.strerror or exc}")
    if size > max_bytes:
        return b"", error(shown, f"expected a file of at most {_size(max_bytes)}, found {_size(size)}")
    return data, None


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB ({count:,} bytes)"
    return f"{count:,} bytes"


def _normalise(page: str) -> str:
    """NFC, so that "é" is one code point whichever program wrote it; no NULs or stray CRs."""
    page = page.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return unicodedata.normalize("NFC", page)
