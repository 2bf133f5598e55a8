"""PDF: the text layer of each page, as pypdf extracts it."""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PasswordType, PdfReader

from generator.model import Problem, error, warning
from generator.stages.read.failure import summary
from generator.stages.read.reading import Reading

HEADER = b"%PDF-"
HEADER_WINDOW = 1024
"""The PDF header may be preceded by junk, within the first kilobyte."""
EOF_WINDOW = 2048


def read_pdf(path: Path, data: bytes) -> tuple[Reading, list[Problem]]:
    """One entry per page; a file without a text layer, encrypted or damaged yields an error."""
    if HEADER not in data[:HEADER_WINDOW]:
        return Reading(()), [error(path, f"expected a PDF file starting with '%PDF-', found {_describe(data)}", "format")]
    # pypdf raises many exception types on malformed input; each becomes one problem.
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not _decrypted(reader):
                return Reading(()), [_encrypted(path)]
            return _pages(path, reader)
        except Exception as exc:
            return Reading(()), [_damaged(path, data, exc)]


def _decrypted(reader: PdfReader) -> bool:
    """Many PDFs are encrypted only against editing and open with an empty password."""
    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:  # e.g. an AES file without the cryptography package
        return False


def _pages(path: Path, reader: PdfReader) -> tuple[Reading, list[Problem]]:
    texts, failed = [], []
    for number, page in enumerate(reader.pages, start=1):
        try:
            texts.append(page.extract_text() or "")
        except Exception:
            texts.append("")
            failed.append(number)
    return Reading(tuple(texts)), _page_problems(path, texts, failed)


def _page_problems(path: Path, texts: list[str], failed: list[int]) -> list[Problem]:
    if not texts:
        return [error(path, "expected at least one page, found none", "text")]
    blank = [n for n, text in enumerate(texts, start=1) if not text.strip() and n not in failed]
    damaged = f"damaged page(s) {_numbers(failed)}"
    if len(blank) + len(failed) == len(texts):
        if failed:
            return [error(path, f"expected a page with text, found {damaged} and none with a text layer", "text")]
        pages = "its only page" if len(texts) == 1 else f"any of its {len(texts)} pages"
        message = f"expected a text layer, found none on {pages} (a scanned PDF? run OCR first)"
        return [error(path, message, "text")]
    problems = []
    if failed:
        problems.append(warning(path, f"expected readable pages, found {damaged}", "text"))
    if blank:
        message = f"expected text on every page, found none on page(s) {_numbers(blank)}"
        problems.append(warning(path, message, "text"))
    return problems


def _numbers(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers))


def _encrypted(path: Path) -> Problem:
    message = "expected an unencrypted PDF, found one that needs a password; remove the protection first"
    return error(path, message, "format")


def _damaged(path: Path, data: bytes, exc: Exception) -> Problem:
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        reason = "it does not end with the '%%EOF' marker (a truncated file?)"
    else:
        reason = summary(exc)
    return error(path, f"expected a readable PDF, found a damaged one: {reason}", "format")


def _describe(data: bytes) -> str:
    if not data:
        return "an empty file"
    return f"a file starting with {data[:8]!r}"


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs and warns about every oddity it repairs; the problems we report say enough."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
