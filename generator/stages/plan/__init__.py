"""Decide every page of the site: its path, its template and the data it receives."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from generator.model import Problem, error
from generator.model.pages import Page
from generator.model.paths import (
    country_path,
    document_path,
    dossier_path,
    feed_path,
    initiative_path,
    source_path,
    topic_path,
    year_path,
)
from generator.model.site_index import Index
from generator.stages.plan import atoz, collections, countries, documents, terms

__all__ = ["Page", "plan", "source_files"]


def plan(index: Index) -> tuple[list[Page], list[Problem]]:
    pages = _overviews(index)
    pages += [
        Page(
            document_path(d.record.id),
            "document.md.j2",
            partial(documents.document_context, d, index),
            documents.document_front_matter(d),
            text=d.text,
        )
        for d in index.documents
    ]
    pages += [
        _hub(country_path(c), "country.md.j2", partial(countries.country_context, c, index), c.name,
             feed_path("partners", c.slug) if c.code in index.partner_of else None,
             {"partner": c.slug} if c.code in index.partner_of else None)
        for c in index.countries
    ]
    pages += [
        _hub(initiative_path(t.id), "initiative.md.j2", partial(terms.initiative_context, t, index), t.name,
             feed_path("initiatieven", t.id), {"initiatief": t.id})
        for t in index.initiatives
    ]
    pages += [
        _hub(topic_path(t.id), "topic.md.j2", partial(terms.topic_context, t, index), t.name,
             feed_path("onderwerpen", t.id), {"onderwerp": t.id})
        for t in index.topics
    ]
    pages += [
        _hub(dossier_path(dossier), "dossier.md.j2", partial(collections.dossier_context, dossier, index),
             _dossier_name(dossier, index), feed_path("dossiers", dossier.lower()), {"dossier": dossier})
        for dossier in index.dossiers
    ]
    years: list[int | None] = [*index.years, *([None] if index.undated else [])]
    pages += [
        Page(year_path(year), "year.md.j2", partial(collections.year_context, year, index),
             lists={"jaar": str(year) if year is not None else "zonder-datum"})
        for year in years
    ]
    return _refuse_collisions(pages)


def _overviews(index: Index) -> list[Page]:
    return [
        Page("index.md", "home.md.j2", partial(collections.home_context, index), {**_describe("Alle documenten", feed_path("alles", "alles")), "description": "Start"}),
        Page("documenten/index.md", "documents.md.j2", partial(documents.documents_page, index), lists={}),
        Page("partners/index.md", "countries.md.j2", partial(countries.countries_context, index)),
        Page("initiatieven/index.md", "terms.md.j2", partial(terms.initiatives_overview, index)),
        Page("onderwerpen/index.md", "terms.md.j2", partial(terms.topics_overview, index)),
        Page("dossiers/index.md", "terms.md.j2", partial(collections.dossiers_overview, index)),
        Page("tijdlijn/index.md", "terms.md.j2", partial(collections.years_overview, index)),
        Page("trefwoorden.md", "tags.md.j2", partial(atoz.atoz_context, index), _describe("Trefwoorden van A tot Z")),
    ]


def _dossier_name(dossier: str, index: Index) -> str:
    title = collections.dossier_title(dossier, index)
    return f"Dossier {dossier}: {title}" if title else f"Dossier {dossier}"


def _hub(path: str, template: str, make_context, name: str, feed: str | None, lists: dict | None) -> Page:
    """The page of a partner, initiative, topic or dossier: described by its name, with its
    feed, and the filter of its list of documents."""
    return Page(path, template, make_context, _describe(name, feed), lists=lists)


def _describe(name: str, feed: str | None = None) -> dict[str, Any]:
    """Front matter: a description, and the Atom feed the page advertises."""
    front: dict[str, Any] = {"description": name}
    if feed:
        front["feed"] = feed
        front["feed_title"] = f"Nieuwe documenten: {name}"
    return front


def _refuse_collisions(pages: list[Page]) -> tuple[list[Page], list[Problem]]:
    """Two pages at one path is a bug: keep the first and say so."""
    seen: dict[str, Page] = {}
    problems: list[Problem] = []
    for page in pages:
        if page.path in seen:
            problems.append(error(page.path, "two pages would be written to this path; the second is skipped"))
            continue
        seen[page.path] = page
    return list(seen.values()), problems


def source_files(index: Index, root: Path) -> dict[str, Path]:
    """The original documents (read from `root`), offered for download beside their pages."""
    return {
        source_path(d.record.id, d.source.suffix): root / d.source for d in index.documents
    }
