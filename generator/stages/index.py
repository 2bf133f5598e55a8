"""Gather all records before any page is planned: by country, initiative, topic,
dossier and year, and the citation graph in both directions."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from generator.model import Country, Document, Record, Term


@dataclass(frozen=True)
class CitedBy:
    document: Document
    sentence: str


@dataclass(frozen=True)
class Index:
    documents: tuple[Document, ...]
    """Newest first; undated documents last."""
    by_id: dict[str, Document]
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
    cited_by: dict[str, tuple[CitedBy, ...]]
    """By "dossier-number" of the cited Kamerstuk."""

    @property
    def partners(self) -> tuple[Country, ...]:
        return tuple(country for country in self.countries if country.code in self.partner_of)


def newest_first(record: Record) -> tuple[int, str, str]:
    ordinal = record.date.toordinal() if record.date else dt.date.min.toordinal()
    return (-ordinal, record.id, record.source)


def build_index(documents: list[Document]) -> Index:
    ordered = tuple(sorted(documents, key=lambda document: newest_first(document.record)))
    partner_of, mentioned_in = _countries(ordered)
    initiatives, by_initiative = _terms(ordered, "initiatives")
    topics, by_topic = _terms(ordered, "topics")
    countries = {
        mention.term.code: mention.term for document in ordered for mention in document.record.countries
    }
    return Index(
        documents=ordered,
        by_id={document.record.id: document for document in ordered},
        by_kamerstuk={d.record.kamerstuk.key: d for d in ordered if d.record.kamerstuk},
        countries=tuple(sorted(countries.values(), key=lambda country: country.name.casefold())),
        partner_of=partner_of,
        mentioned_in=mentioned_in,
        initiatives=initiatives,
        by_initiative=by_initiative,
        topics=topics,
        by_topic=by_topic,
        dossiers=_dossiers(ordered),
        years=_years(ordered),
        cited_by=_cited_by(ordered),
    )


def _countries(ordered: tuple[Document, ...]) -> tuple[dict[str, tuple[Document, ...]], dict[str, tuple[Document, ...]]]:
    partner_of: dict[str, list[Document]] = defaultdict(list)
    mentioned_in: dict[str, list[Document]] = defaultdict(list)
    for document in ordered:
        partners = {mention.term.code for mention in document.record.partners}
        for mention in document.record.countries:
            target = partner_of if mention.term.code in partners else mentioned_in
            target[mention.term.code].append(document)
    return _frozen(partner_of), _frozen(mentioned_in)


def _terms(ordered: tuple[Document, ...], field: str) -> tuple[tuple[Term, ...], dict[str, tuple[Document, ...]]]:
    terms: dict[str, Term] = {}
    by_id: dict[str, list[Document]] = defaultdict(list)
    for document in ordered:
        for mention in getattr(document.record, field):
            terms.setdefault(mention.term.id, mention.term)
            by_id[mention.term.id].append(document)
    return tuple(sorted(terms.values(), key=lambda term: term.name.casefold())), _frozen(by_id)


def _dossiers(ordered: tuple[Document, ...]) -> dict[str, tuple[Document, ...]]:
    by_dossier: dict[str, list[Document]] = defaultdict(list)
    for document in ordered:
        if document.record.kamerstuk:
            by_dossier[document.record.kamerstuk.dossier].append(document)
    return {
        dossier: tuple(sorted(docs, key=lambda d: int(d.record.kamerstuk.number)))
        for dossier, docs in sorted(by_dossier.items())
    }


def _years(ordered: tuple[Document, ...]) -> dict[int, tuple[Document, ...]]:
    by_year: dict[int, list[Document]] = defaultdict(list)
    for document in ordered:
        if document.record.date:
            by_year[document.record.date.year].append(document)
    return {year: tuple(docs) for year, docs in sorted(by_year.items(), reverse=True)}


def _cited_by(ordered: tuple[Document, ...]) -> dict[str, tuple[CitedBy, ...]]:
    cited_by: dict[str, list[CitedBy]] = defaultdict(list)
    for document in ordered:
        for citation in document.record.cites:
            cited_by[citation.target.key].append(CitedBy(document, citation.sentence))
    return _frozen(cited_by)


def _frozen(groups: dict) -> dict:
    return {key: tuple(values) for key, values in sorted(groups.items())}
