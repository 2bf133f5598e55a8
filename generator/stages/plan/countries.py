"""A page per country: where it is a partner (and why), where it is only named, and with what."""

from __future__ import annotations

from collections import Counter

from generator.model import Country, Document
from generator.model.pages import Counted, CountriesContext, CountryContext
from generator.model.paths import country_path, feed_path, initiative_path, topic_path
from generator.model.site_index import Index
from generator.stages.plan.summaries import by_year, counted, per_year


def country_context(country: Country, index: Index) -> CountryContext:
    partner_docs = index.partner_of.get(country.code, ())
    mentioned = index.mentioned_in.get(country.code, ())

    def partner_sentence(document: Document) -> str | None:
        return _evidence(document.record.partners, country.code)

    def named_sentence(document: Document) -> str | None:
        return _evidence(document.record.countries, country.code)

    return CountryContext(
        name=country.name,
        code=country.code,
        feed=feed_path("partners", country.slug) if partner_docs else None,
        partner_count=len(partner_docs),
        partner_years=by_year(partner_docs, index, partner_sentence),
        mentioned_count=len(mentioned),
        mentioned_years=by_year(mentioned, index, named_sentence),
        initiatives=_initiatives(partner_docs),
        co_partners=_co_partners(country, partner_docs),
        topics=_topics(partner_docs),
        per_year=per_year((*partner_docs, *mentioned)),
    )


def _evidence(mentions, code: str) -> str | None:
    return next((mention.evidence for mention in mentions if mention.term.code == code), None)


def countries_context(index: Index) -> CountriesContext:
    def item(country: Country, documents: dict) -> Counted:
        return Counted(label=country.name, path=country_path(country), count=len(documents.get(country.code, ())))

    partners = [item(country, index.partner_of) for country in index.partners]
    others = [item(country, index.mentioned_in) for country in index.countries if country.code not in index.partner_of]
    return CountriesContext(partners=partners, others=others)


def _initiatives(documents: tuple[Document, ...]) -> list[Counted]:
    counts = Counter(m.term.id for d in documents for m in d.record.initiatives)
    names = {m.term.id: m.term.name for d in documents for m in d.record.initiatives}
    return counted(counts, names, {key: initiative_path(key) for key in names})


def _co_partners(country: Country, documents: tuple[Document, ...]) -> list[Counted]:
    others = [m.term for d in documents for m in d.record.partners if m.term.code != country.code]
    counts = Counter(other.code for other in others)
    names = {other.code: other.name for other in others}
    return counted(counts, names, {other.code: country_path(other) for other in others})


def _topics(documents: tuple[Document, ...]) -> list[Counted]:
    counts = Counter(m.term.id for d in documents for m in d.record.topics)
    names = {m.term.id: m.term.name for d in documents for m in d.record.topics}
    return counted(counts, names, {key: topic_path(key) for key in names})
