"""Shared immutable values passed from one pipeline stage to the next.

Stages import these types, never each other. Every value is frozen: a stage
returns a new value instead of completing an old one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import Enum
from pathlib import Path
from typing import Literal


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input; reported, never raised."""

    level: Level
    file: str
    """The file as the user named it (or would recognise it)."""
    message: str
    """What was expected and what was found."""
    field: str | None = None
    """The record field or configuration key concerned, if any."""

    def __str__(self) -> str:
        where = f"'{self.field}' of '{self.file}'" if self.field else f"'{self.file}'"
        return f"{self.level.value}: {where}: {self.message}"


def error(file: str | Path, message: str, field: str | None = None) -> Problem:
    return Problem(Level.ERROR, str(file), message, field)


def warning(file: str | Path, message: str, field: str | None = None) -> Problem:
    return Problem(Level.WARNING, str(file), message, field)


# --- read ---------------------------------------------------------------


@dataclass(frozen=True)
class SourceText:
    """A document as read from disk: its text, page by page."""

    path: Path
    pages: tuple[str, ...]
    sha256: str
    """Hash of the file's bytes; identifies the content, not the name."""

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)


# --- clean --------------------------------------------------------------

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


def footnote_ref(label: str) -> str:
    """An in-text marker for a footnote reference; renderers turn it into markup."""
    return f"{FOOTNOTE_REF_OPEN}{label}{FOOTNOTE_REF_CLOSE}"


@dataclass(frozen=True)
class Furniture:
    """What the page furniture said before it was removed."""

    lines: tuple[str, ...] = ()
    """The removed running headers, footers and page numbers, verbatim."""
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


# --- extract ------------------------------------------------------------


@dataclass(frozen=True)
class Kamerstuk:
    dossier: str
    """Dossier number without spaces, with its suffix if any: "33279", "21501-20", "36200-X"."""
    number: str
    vergaderjaar: str | None = None
    """Parliamentary year such as "2018-2019"."""

    @property
    def key(self) -> str:
        return f"{self.dossier}-{self.number}"

    @property
    def display(self) -> str:
        """Dutch display form: "Kamerstuk 33 279, nr. 29"."""
        return f"Kamerstuk {spaced_dossier(self.dossier)}, nr. {self.number}"


def spaced_dossier(dossier: str) -> str:
    """"33279" -> "33 279", "21501-20" -> "21 501-20", as parliament writes them."""
    head, sep, tail = dossier.partition("-")
    if head.isdigit() and len(head) > 3:
        head = f"{head[:-3]} {head[-3:]}"
    return head + sep + tail


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None


@dataclass(frozen=True)
class Country:
    code: str
    """ISO 3166-1 alpha-2."""
    name: str
    """Dutch name."""
    slug: str
    adversary: bool = False
    """Marked in the vocabulary: named as a partner only on strong, threat-free evidence."""

    def __reduce__(self):
        return (shared, (Country, _values(self)))


_shared: dict[tuple, object] = {}


def shared(kind: type, values: tuple) -> object:
    """One object for equal vocabulary entries, however many records mention them: a
    record unpickled from the cache would otherwise carry its own copy of every entry
    (a third of the memory of 10,000 loaded records)."""
    key = (kind, values)
    found = _shared.get(key)
    if found is None:
        found = _shared.setdefault(key, kind(*values))
    return found


def _values(entry: object) -> tuple:
    return tuple(getattr(entry, item.name) for item in fields(entry))


@dataclass(frozen=True)
class Term:
    """A vocabulary entry: an organisation, initiative or topic."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    """For topics: words that signal the topic in a text."""
    description: str | None = None
    kind: str | None = None
    discovered: bool = False
    """Found in a text by its definition, not (yet) in the vocabulary."""

    def __reduce__(self):
        return (shared, (Term, _values(self)))

    @property
    def slug(self) -> str:
        return self.id


@dataclass(frozen=True)
class Mention:
    """A term found in a text, with how often and where."""

    term: Country | Term
    count: int
    evidence: str
    """The first sentence that names it (for partners: the sentence that made it one)."""
    first: "Span | None" = None
    """Where the text first names it; None when a person added it in a sidecar."""


@dataclass(frozen=True)
class Span:
    """A stretch of one block of the cleaned text."""

    block: int
    start: int
    end: int


@dataclass(frozen=True)
class Citation:
    """Another Kamerstuk cited by a document, with the sentence that cites it."""

    target: Kamerstuk
    sentence: str


DOC_TYPES = (
    "kamerbrief",
    "beslisnota",
    "verslag",
    "nota",
    "geannoteerde-agenda",
    "verdrag",
    "overig",
)

DateSource = Literal["stated", "inferred", "override"]


@dataclass(frozen=True)
class Record:
    """Everything known about one document: the contract of `extract --json`."""

    source: str
    id: str
    doc_type: str
    title: str | None = None
    date: dt.date | None = None
    date_source: DateSource | None = None
    reference: str | None = None
    kamerstuk: Kamerstuk | None = None
    dossier_title: str | None = None
    """The dossier's name when the letterhead states it ("NAVO")."""
    author: Person | None = None
    recipient: str | None = None
    redacted: bool = False
    countries: tuple[Mention, ...] = ()
    partners: tuple[Mention, ...] = ()
    organisations: tuple[Mention, ...] = ()
    initiatives: tuple[Mention, ...] = ()
    topics: tuple[Mention, ...] = ()
    cites: tuple[Citation, ...] = ()
    evidence: dict[str, str] = field(default_factory=dict)
    """Per field, the text span it came from."""
    overridden: tuple[str, ...] = ()
    """Fields set by a person in the document's sidecar."""


@dataclass(frozen=True)
class Text:
    """A document's cleaned text, loaded when asked for: with thousands of documents only
    their records stay in memory, and a page whose text is unchanged never loads it."""

    digest: str
    """Changes whenever the cleaned text does."""
    load: Callable[[], CleanDocument]


@dataclass(frozen=True)
class Document:
    """A record together with the cleaned text it was extracted from."""

    record: Record
    source: Path
    """The file as read."""
    text: Text
    record_yaml: str = ""
    """The record as written to records/<id>.yml: dumped once where the record is made
    (in the extraction worker) and cached with it, as dumping YAML is slow."""

    @property
    def clean(self) -> CleanDocument:
        return self.text.load()
