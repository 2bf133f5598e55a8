"""All records gathered: by country, initiative, topic, dossier and year, and the
citation graph in both directions. Made by the index stage, read by every later one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.document import Document
from generator.model.pages import DocumentSummary
from generator.model.record import Country, Record, Term


@dataclass(frozen=True)
class CitedBy:
    document: Document
    sentence: str


@dataclass(frozen=True)
class Index:
    documents: tuple[Document, ...]
    """Newest first; undated documents last."""
    by_kamerstuk: dict[str, Document]
    """By "dossier-number"."""
    countries: tuple[Country, ...]
    """Every country named in a document, by Dutch name."""
    partner_of: dict[str, tuple[Document, ...]]
    """By ISO code: documents in which the country is a partner, newest first."""
    mentioned_in: dict[str, tuple[Document, ...]]
    """By ISO code: documents that name the country without it being a partner."""
    initiatives: tuple[Term, ...]
    by_initiative: dict[str, tuple[Document, ...]]
    topics: tuple[Term, ...]
    by_topic: dict[str, tuple[Document, ...]]
    dossiers: dict[str, tuple[Document, ...]]
    """By dossier, in volgnummer order."""
    years: dict[int, tuple[Document, ...]]
    """Newest year first; documents without a date are in `undated`."""
    undated: tuple[Document, ...]
    """Documents without a date, in the order of `documents`."""
    cited_by: dict[str, tuple[CitedBy, ...]]
    """By "dossier-number" of the cited Kamerstuk."""
    cited_numbers: dict[str, tuple[str, ...]]
    """By dossier: the numbers of its Kamerstukken that documents cite, in order."""
    listed: dict[str, DocumentSummary]
    """By id: how each document is shown in lists and links (made once; a document is
    listed on many pages)."""

    def summary(self, document: Document) -> DocumentSummary:
        return self.listed[document.record.id]

    def summaries(self, documents) -> list[DocumentSummary]:
        return [self.listed[document.record.id] for document in documents]

    @property
    def partners(self) -> tuple[Country, ...]:
        return tuple(country for country in self.countries if country.code in self.partner_of)


UNDATED = "zonder datum"
"""What lists show for a document without a date, and the timeline's group of them."""


def newest_first(record: Record) -> tuple[int, str, str]:
    ordinal = record.date.toordinal() if record.date else dt.date.min.toordinal()
    return (-ordinal, record.id, record.source)


def number_order(number: str) -> tuple[int, str]:
    """Kamerstuk numbers in order: "2" before "10"; "12a" after "12"."""
    digits = "".join(char for char in number if char.isdigit()) or "0"
    return (int(digits), number)
