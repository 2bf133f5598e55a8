"""Home, dossiers and the timeline."""

from __future__ import annotations

from generator.model import Kamerstuk, spaced_dossier
from generator.model.pages import (
    Counted,
    DossierContext,
    DossierEntry,
    HomeContext,
    Link,
    TermsContext,
    YearContext,
)
from generator.model.paths import dossier_path, official_url, year_path
from generator.model.site_index import Index

NEWEST_ON_HOME = 10


def home_context(index: Index) -> HomeContext:
    years = sorted(index.years)
    return HomeContext(
        document_count=len(index.documents),
        partner_count=len(index.partners),
        initiative_count=len(index.initiatives),
        topic_count=len(index.topics),
        dossier_count=len(index.dossiers),
        first_year=years[0] if years else None,
        last_year=years[-1] if years else None,
        newest=index.summaries(index.documents[:NEWEST_ON_HOME]),
    )


def dossier_context(dossier: str, index: Index) -> DossierContext:
    """Every known number of the dossier in order: archived ones and ones only cited."""
    archived = {d.record.kamerstuk.number: d for d in index.dossiers[dossier]}
    cited = {key.rsplit("-", 1)[1] for key in index.cited_by if key.rsplit("-", 1)[0] == dossier}
    entries = [
        DossierEntry(
            number=number,
            document=index.summary(archived[number]) if number in archived else None,
            url=official_url(Kamerstuk(dossier, number)),
        )
        for number in sorted(set(archived) | cited, key=int)
    ]
    titles = [d.record.dossier_title for d in index.dossiers[dossier] if d.record.dossier_title]
    return DossierContext(dossier=spaced_dossier(dossier), title=titles[0] if titles else None, entries=entries)


def dossiers_overview(index: Index) -> TermsContext:
    terms = [
        Counted(label=spaced_dossier(dossier), path=dossier_path(dossier), count=len(documents))
        for dossier, documents in index.dossiers.items()
    ]
    return TermsContext(
        title="Dossiers",
        introduction="Kamerstukdossiers met documenten in dit archief, met het aantal documenten.",
        terms=terms,
    )


def year_context(year: int, index: Index) -> YearContext:
    years = sorted(index.years)
    position = years.index(year)
    earlier = years[position - 1] if position > 0 else None
    later = years[position + 1] if position + 1 < len(years) else None
    return YearContext(
        year=year,
        documents=index.summaries(index.years[year]),
        previous=Link(label=str(earlier), path=year_path(earlier)) if earlier else None,
        next=Link(label=str(later), path=year_path(later)) if later else None,
    )


def years_overview(index: Index) -> TermsContext:
    terms = [Counted(label=str(year), path=year_path(year), count=len(docs)) for year, docs in index.years.items()]
    return TermsContext(title="Tijdlijn", introduction="Documenten per jaar, van nieuw naar oud.", terms=terms)

