"""Gather all records before any page is planned: by id, by partner, newest first."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .model import Country, Document, Record


@dataclass(frozen=True)
class Index:
    documents: tuple[Document, ...]
    """Newest first; undated documents last."""
    by_id: dict[str, Document]
    partners: tuple[Country, ...]
    """Every country that is a partner in at least one document, by Dutch name."""
    by_partner: dict[str, tuple[Document, ...]]
    """By ISO code, newest first."""


def newest_first(record: Record) -> tuple[int, str, str]:
    ordinal = record.date.toordinal() if record.date else dt.date.min.toordinal()
    return (-ordinal, record.id, record.source)


def build_index(documents: list[Document]) -> Index:
    ordered = tuple(sorted(documents, key=lambda document: newest_first(document.record)))
    by_partner: dict[str, list[Document]] = defaultdict(list)
    partners: dict[str, Country] = {}
    for document in ordered:
        for mention in document.record.partners:
            country = mention.term
            assert isinstance(country, Country)
            partners[country.code] = country
            by_partner[country.code].append(document)
    return Index(
        documents=ordered,
        by_id={document.record.id: document for document in ordered},
        partners=tuple(sorted(partners.values(), key=lambda country: country.name.casefold())),
        by_partner={code: tuple(docs) for code, docs in by_partner.items()},
    )
