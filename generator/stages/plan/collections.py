"""Home, dossiers and the timeline."""

from __future__ import annotations

from collections import Counter

from generator.model import Kamerstuk, spaced_dossier
from generator.model.pages import (
    CitingDocument,
    Counted,
    DossierContext,
    DossierEntry,
    HomeContext,
    Link,
    TermsContext,
    YearContext,
)
from generator.model.paths import dossier_path, feed_path, official_url, year_path
from generator.model.site_index import Index, number_order
from generator.stages.plan.summaries import UNDATED_LABEL, shortened

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
    """Every known number of the dossier in order: archived ones and ones only cited; for
    those, the documents that cite them with the sentence."""
    archived = {d.record.kamerstuk.number: d for d in index.dossiers[dossier]}
    cited = index.cited_numbers.get(dossier, ())
    entries = []
    for number in sorted(set(archived) | set(cited), key=number_order):
        document = archived.get(number)
        citing = () if document else index.cited_by.get(f"{dossier}-{number}", ())
        entries.append(
            DossierEntry(
                number=number,
                document=index.summary(document) if document else None,
                url=official_url(Kamerstuk(dossier, number)),
                cited_by=[
                    CitingDocument(document=index.summary(item.document), sentence=shortened(item.sentence))
                    for item in citing
                ],
            )
        )
    return DossierContext(
        dossier=spaced_dossier(dossier),
        title=dossier_title(dossier, index),
        feed=feed_path("dossiers", dossier.lower()),
        entries=entries,
    )


def dossier_title(dossier: str, index: Index) -> str | None:
    """The dossier's name as its documents state it; the most common one if they differ."""
    titles = Counter(d.record.dossier_title for d in index.dossiers[dossier] if d.record.dossier_title)
    return titles.most_common(1)[0][0] if titles else None


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


def year_context(year: int | None, index: Index) -> YearContext:
    """A year of the timeline; None: the documents without a date, after the oldest year."""
    years = sorted(index.years)
    if year is None:
        oldest = years[0] if years else None
        return YearContext(
            year=None,
            documents=index.summaries(index.undated),
            previous=None,
            next=Link(label=str(oldest), path=year_path(oldest)) if oldest else None,
        )
    position = years.index(year)
    earlier = years[position - 1] if position > 0 else None
    later = years[position + 1] if position + 1 < len(years) else None
    previous = Link(label=str(earlier), path=year_path(earlier)) if earlier else None
    if position == 0 and index.undated:
        previous = Link(label=UNDATED_LABEL, path=year_path(None))
    return YearContext(
        year=year,
        documents=index.summaries(index.years[year]),
        previous=previous,
        next=Link(label=str(later), path=year_path(later)) if later else None,
    )


def years_overview(index: Index) -> TermsContext:
    terms = [Counted(label=str(year), path=year_path(year), count=len(docs)) for year, docs in index.years.items()]
    if index.undated:
        terms.append(Counted(label=UNDATED_LABEL, path=year_path(None), count=len(index.undated)))
    return TermsContext(
        title="Tijdlijn",
        introduction="Documenten per jaar, van nieuw naar oud; documenten zonder datum staan onderaan.",
        terms=terms,
    )
