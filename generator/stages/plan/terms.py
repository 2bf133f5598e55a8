"""Pages for initiatives and topics, and their overviews."""

from __future__ import annotations

from collections import Counter

from generator.model import Document, Term
from generator.model.pages import InitiativeContext, TermsContext, TopicContext
from generator.model.paths import country_path, initiative_path, topic_path
from generator.model.site_index import Index
from generator.stages.plan.summaries import counted


def initiative_context(initiative: Term, index: Index) -> InitiativeContext:
    documents = index.by_initiative.get(initiative.id, ())
    dated = [document for document in documents if document.record.date]
    return InitiativeContext(
        name=initiative.name,
        aliases=list(initiative.aliases),
        description=initiative.description,
        kind=initiative.kind,
        discovered=initiative.discovered,
        partners=_partners(documents),
        documents=index.summaries(documents),
        first_mention=index.summary(dated[-1]) if dated else None,
        last_mention=index.summary(dated[0]) if dated else None,
    )


def topic_context(topic: Term, index: Index) -> TopicContext:
    documents = index.by_topic.get(topic.id, ())
    initiatives = Counter(m.term.id for d in documents for m in d.record.initiatives)
    names = {m.term.id: m.term.name for d in documents for m in d.record.initiatives}
    return TopicContext(
        name=topic.name,
        description=topic.description,
        documents=index.summaries(documents),
        partners=_partners(documents),
        initiatives=counted(initiatives, names, {key: initiative_path(key) for key in names}),
    )


def initiatives_overview(index: Index) -> TermsContext:
    return TermsContext(
        title="Initiatieven",
        introduction="Programma's, verdragen, missies, samenwerkingsverbanden en wapensystemen, "
        "met het aantal documenten waarin ze voorkomen.",
        terms=_overview(index.initiatives, index.by_initiative, initiative_path),
    )


def topics_overview(index: Index) -> TermsContext:
    return TermsContext(
        title="Onderwerpen",
        introduction="De onderwerpen van de documenten, met het aantal documenten per onderwerp.",
        terms=_overview(index.topics, index.by_topic, topic_path),
    )


def _overview(terms: tuple[Term, ...], documents: dict, path) -> list:
    counts = Counter({term.id: len(documents.get(term.id, ())) for term in terms})
    return counted(counts, {term.id: term.name for term in terms}, {term.id: path(term.id) for term in terms})


def _partners(documents: tuple[Document, ...]) -> list:
    countries = [m.term for d in documents for m in d.record.partners]
    counts = Counter(country.code for country in countries)
    names = {country.code: country.name for country in countries}
    return counted(counts, names, {country.code: country_path(country) for country in countries})
