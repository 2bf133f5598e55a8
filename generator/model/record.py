"""The record of a document: the contract of `extract --json`, and the terms it names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from typing import Literal


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


def normalise_dossier(text: str) -> str:
    """"33 279" -> "33279", "21 501-28" -> "21501-28", "36 200 X" -> "36200-X"."""
    compact = re.sub(r"\s*-\s*", "-", text.strip())
    head, _, suffix = compact.partition("-")
    parts = head.split()
    if len(parts) > 1 and not parts[-1].isdigit():
        suffix, head = parts[-1], "".join(parts[:-1])
    else:
        head = "".join(parts)
    return f"{head}-{suffix}" if suffix else head


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
    record unpickled from the cache would otherwise carry its own copy of every entry.
    Measured on 1,000 cached records: 19.7 MiB loaded this way, 43.6 MiB without (at
    10,000 documents about 240 MiB of a peak near 1 GiB)."""
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
    former_ids: tuple[str, ...] = ()
    """Ids this document was published under before; their addresses lead to its page."""
