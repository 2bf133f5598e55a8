"""Gather all records before any page is planned: by country, initiative, topic,
dossier and year, and the citation graph in both directions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from generator.model import Document, Problem, Record, Term, error, plain, warning
from generator.model.labels import display_title, distinct_titles, doc_type_label, dutch_date
from generator.model.pages import DocumentSummary
from generator.model.paths import document_path
from generator.model.records import record_digest
from generator.model.site_index import UNDATED, CitedBy, Index, newest_first, number_order
from generator.model.text import words_digest


def build_index(documents: list[Document]) -> Index:
    ordered = tuple(sorted(documents, key=lambda document: newest_first(document.record)))
    partner_of, mentioned_in = _countries(ordered)
    initiatives, by_initiative = _terms(ordered, "initiatives")
    topics, by_topic = _terms(ordered, "topics")
    countries = {mention.term.code: mention.term for document in ordered for mention in document.record.countries}
    return Index(
        documents=ordered,
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
        undated=tuple(document for document in ordered if document.record.date is None),
        cited_by=_cited_by(ordered),
        cited_numbers=_cited_numbers(ordered),
        listed=_listed(ordered),
    )


def _listed(ordered: tuple[Document, ...]) -> dict[str, DocumentSummary]:
    titles = distinct_titles(document.record for document in ordered)
    return {document.record.id: summary(document, titles[document.record.id]) for document in ordered}


def summary(document: Document, title: str | None = None) -> DocumentSummary:
    """What a list shows of a document; `title`: its title told apart from the archive's others."""
    record = document.record
    return DocumentSummary(
        id=record.id,
        title=plain(title or display_title(record)),
        path=document_path(record.id),
        date=_date(record),
        doc_type=doc_type_label(record.doc_type),
        reference=record.reference,
    )


def _date(record: Record) -> str:
    """"19 juni 2019"; "zonder datum"; a date inferred from other evidence (a meeting's
    date) says so."""
    if record.date is None:
        return UNDATED
    date = dutch_date(record.date)
    return f"{date} (afgeleid)" if record.date_source == "inferred" else date


def _countries(
    ordered: tuple[Document, ...],
) -> tuple[dict[str, tuple[Document, ...]], dict[str, tuple[Document, ...]]]:
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
        dossier: tuple(sorted(docs, key=lambda d: number_order(d.record.kamerstuk.number)))
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


def _cited_numbers(ordered: tuple[Document, ...]) -> dict[str, tuple[str, ...]]:
    numbers: dict[str, set[str]] = defaultdict(set)
    for document in ordered:
        for citation in document.record.cites:
            numbers[citation.target.dossier].add(citation.target.number)
    return {dossier: tuple(sorted(found, key=number_order)) for dossier, found in sorted(numbers.items())}


def _frozen(groups: dict) -> dict:
    return {key: tuple(values) for key, values in sorted(groups.items())}


def unique_ids(documents: Iterable[Document]) -> tuple[list[Document], list[Problem]]:
    """Two documents with one id: neither page may silently replace the other.

    An id made from a type, date and title (no Kamerstuk or reference stated) may be
    shared by two different documents: the second gets a suffix from its words, the same
    in every build, and a warning suggests choosing an id in its sidecar. Anything else
    sharing an id is the same document twice, or a person's sidecar says so: an error."""
    by_id: dict[str, Document] = {}
    problems: list[Problem] = []
    for document in documents:
        first = by_id.setdefault(document.record.id, document)
        if first is document:
            continue
        if _derived_id(document.record) and _derived_id(first.record):
            renamed = _with_id(document, f"{document.record.id}-{words_digest(document.clean.text)[:6]}")
            if by_id.setdefault(renamed.record.id, renamed) is renamed:
                message = (
                    f"has the same type, date and title as '{first.record.source}'; its id is "
                    f"'{renamed.record.id}' (an 'id:' in its sidecar chooses another)"
                )
                problems.append(warning(document.record.source, message, "id"))
                continue
        message = f"has the same id '{document.record.id}' as '{first.record.source}'; only the first is published"
        problems.append(error(document.record.source, message, "id"))
    return list(by_id.values()), problems


def _derived_id(record: Record) -> bool:
    return record.kamerstuk is None and record.reference is None and "id" not in record.overridden


def _with_id(document: Document, new_id: str) -> Document:
    record = replace(document.record, id=new_id)
    return replace(document, record=record, record_digest=record_digest(record))
