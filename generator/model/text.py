"""A document's text: as read (pages) and as cleaned (blocks)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Footnote:
    """A note as its format stores it apart from the text (Word's footnotes part)."""

    label: str
    """The number shown where the text refers to it."""
    text: str


@dataclass(frozen=True)
class SourceText:
    """A document as read from disk: its text, page by page."""

    path: Path
    pages: tuple[str, ...]
    sha256: str
    """Hash of the file's bytes; identifies the content, not the name."""
    footnotes: tuple[Footnote, ...] = ()
    """Notes the format keeps apart; the text refers to each with `footnote_ref(label)`."""
    metadata: tuple[tuple[str, str], ...] = ()
    """(name, content) of the metadata the publisher attached: an HTML page's <meta> elements,
    a metadata.xml beside the document ("DC.identifier", "OVERHEIDop.dossiernummer", ...)."""

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)


BlockKind = Literal["heading", "paragraph", "header", "signature", "footnote"]


@dataclass(frozen=True)
class Block:
    """One unit of cleaned text: a heading, a paragraph, a letterhead line..."""

    kind: BlockKind
    text: str
    """Plain text; footnote references appear as `footnote_ref(label)` markers."""
    label: str | None = None
    """The footnote's number, for footnote blocks."""


FOOTNOTE_REF_OPEN = "\ue000"
FOOTNOTE_REF_CLOSE = "\ue001"


FOOTNOTE_MARKER = re.compile(f"{FOOTNOTE_REF_OPEN}(\\d{{1,3}}){FOOTNOTE_REF_CLOSE}")


def footnote_ref(label: str) -> str:
    """An in-text marker for a footnote reference; renderers turn it into markup."""
    return f"{FOOTNOTE_REF_OPEN}{label}{FOOTNOTE_REF_CLOSE}"


def plain(text: str) -> str:
    """Text without in-text markers, for titles, evidence and search."""
    return FOOTNOTE_MARKER.sub("", text)


@dataclass(frozen=True)
class Furniture:
    """What the page furniture said before it was removed."""

    kamerstuk_lines: tuple[str, ...] = ()
    """Removed lines that carry a Kamerstuk reference ("Tweede Kamer, vergaderjaar ...")."""


@dataclass(frozen=True)
class CleanDocument:
    """Text without page furniture, hyphenation breaks or hard line wraps."""

    source: SourceText
    blocks: tuple[Block, ...]
    furniture: Furniture = Furniture()

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


def words_digest(text: str) -> str:
    """A digest of a text's words, blind to how they are spaced, wrapped or cased."""
    return hashlib.blake2b(" ".join(text.casefold().split()).encode(), digest_size=16).hexdigest()
