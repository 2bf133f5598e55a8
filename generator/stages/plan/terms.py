"""Pages for initiatives and topics, and their overviews."""

from __future__ import annotations

from collections import Counter

from generator.model import Document, Term
from generator.model.pages import InitiativeContext, TermsContext, TopicContext
from generator.model.paths import country_path, feed_path, initiative_path, topic_path
from generator.model.site_index import Index
from generator.stages.plan.summaries import by_year, counted, passages, per_year

LATEST = 5
"""Newest documents an initiative's page quotes first."""


def initiative_context(initiative: Term, index: Index) -> InitiativeContext:
    documents = index.by_initiative.get(initiative.id, ())
    dated = [document for document in documents if document.record.date]
    undated = documents[len(dated):]  # the index keeps undated documents last

    def sentence(document: Document) -> str | None:
        return _evidence(document.record.initiatives, initiative.id)

    return InitiativeContext(
        name=initiative.name,
        aliases=list(initiative.aliases),
        description=initiative.description,
        kind=initiative.kind,
        discovered=initiative.discovered,
        feed=feed_path("initiatieven", initiative.id),
        partners=_partners(documents),
        document_count=len(documents),
        latest=passages(dated[:LATEST], index, sentence),
        undated=passages(undated[:LATEST], index, sentence),
        undated_count=len(undated),
        first_mention=index.summary(dated[-1]) if dated else None,
        last_mention=index.summary(dated[0]) if dated else None,
        per_year=per_year(documents, lambda document: _mentions(document.record.initiatives, initiative.id)),
        years=by_year(documents, index),
    )


def topic_context(topic: Term, index: Index) -> TopicContext:
    documents = index.by_topic.get(topic.id, ())
    initiatives = Counter(m.term.id for d in documents for m in d.record.initiatives)
    names = {m.term.id: m.term.name for d in documents for m in d.record.initiatives}
    return TopicContext(
        name=topic.name,
        description=topic.description,
        feed=feed_path("onderwerpen", topic.id),
        document_count=len(documents),
        years=by_year(documents, index),
        partners=_partners(documents),
        initiatives=counted(initiatives, names, {key: initiative_path(key) for key in names}),
    )


def _evidence(mentions, term_id: str) -> str | None:
    return next((mention.evidence for mention in mentions if mention.term.id == term_id), None)


def _mentions(mentions, term_id: str) -> int:
    return next((mention.count for mention in mentions if mention.term.id == term_id), 0)


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
