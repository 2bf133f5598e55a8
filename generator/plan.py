"""Decide every page of the site and the data each template receives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypedDict

from .index import Index
from .labels import display_title, doc_type_label, dutch_date
from .markdown_text import plain
from .model import Block, Country, Document, Mention, Problem, error


class Link(TypedDict):
    label: str
    path: str
    """Target page, relative to the docs folder ("partners/japan.md")."""


class DocumentSummary(TypedDict):
    id: str
    title: str
    path: str
    date: str
    doc_type: str
    reference: str | None


class HomeContext(TypedDict):
    document_count: int
    partner_count: int
    newest: list[DocumentSummary]
    first_year: int | None
    last_year: int | None


class DocumentsContext(TypedDict):
    documents: list[DocumentSummary]


class DocumentContext(TypedDict):
    document: DocumentSummary
    author: str | None
    recipient: str | None
    redacted: bool
    partners: list[Link]
    other_countries: list[str]
    blocks: list[Block]
    source_name: str


class PartnerContext(TypedDict):
    name: str
    code: str
    documents: list[DocumentSummary]


class PartnersContext(TypedDict):
    partners: list[Link]
    counts: dict[str, int]


@dataclass(frozen=True)
class Page:
    path: str
    """Relative to the generated docs folder, e.g. "documenten/kst-33279-29.md"."""
    template: str
    context: Any
    front_matter: dict[str, Any]


NEWEST_ON_HOME = 10


def document_path(document_id: str) -> str:
    return f"documenten/{document_id}.md"


def partner_path(country: Country) -> str:
    return f"partners/{country.slug}.md"


def plan(index: Index) -> tuple[list[Page], list[Problem]]:
    pages = [_home(index), _documents(index), _partners(index)]
    pages += [_document(document) for document in index.documents]
    pages += [_partner(country, index) for country in index.partners]
    return _refuse_collisions(pages)


def _refuse_collisions(pages: list[Page]) -> tuple[list[Page], list[Problem]]:
    seen: dict[str, Page] = {}
    problems: list[Problem] = []
    for page in pages:
        if page.path in seen:
            problems.append(error(page.path, "two pages would be written to this path; the second is skipped"))
            continue
        seen[page.path] = page
    return list(seen.values()), problems


def summary(document: Document) -> DocumentSummary:
    record = document.record
    return DocumentSummary(
        id=record.id,
        title=plain(display_title(record)),
        path=document_path(record.id),
        date=dutch_date(record.date),
        doc_type=doc_type_label(record.doc_type),
        reference=record.reference,
    )


def _home(index: Index) -> Page:
    years = [document.record.date.year for document in index.documents if document.record.date]
    context = HomeContext(
        document_count=len(index.documents),
        partner_count=len(index.partners),
        newest=[summary(document) for document in index.documents[:NEWEST_ON_HOME]],
        first_year=min(years) if years else None,
        last_year=max(years) if years else None,
    )
    return Page("index.md", "home.md.j2", context, {"description": "Archief internationale militaire samenwerking"})


def _documents(index: Index) -> Page:
    context = DocumentsContext(documents=[summary(document) for document in index.documents])
    return Page("documenten/index.md", "documents.md.j2", context, {})


def _document(document: Document) -> Page:
    record = document.record
    partner_codes = {mention.term.code for mention in record.partners if isinstance(mention.term, Country)}
    context = DocumentContext(
        document=summary(document),
        author=_author(document),
        recipient=record.recipient,
        redacted=record.redacted,
        partners=[_country_link(mention) for mention in _sorted(record.partners)],
        other_countries=[
            mention.term.name for mention in _sorted(record.countries) if mention.term.code not in partner_codes
        ],
        blocks=list(document.clean.blocks),
        source_name=document.clean.source.path.name,
    )
    front_matter = {"description": plain(display_title(record))}
    if record.date:
        front_matter["date"] = record.date.isoformat()
    return Page(document_path(record.id), "document.md.j2", context, front_matter)


def _author(document: Document) -> str | None:
    author = document.record.author
    if author is None:
        return None
    return f"{author.name}, {author.role}" if author.role else author.name


def _sorted(mentions: tuple[Mention, ...]) -> list[Mention]:
    return sorted(mentions, key=lambda mention: mention.term.name.casefold())


def _country_link(mention: Mention) -> Link:
    country = mention.term
    assert isinstance(country, Country)
    return Link(label=country.name, path=partner_path(country))


def _partner(country: Country, index: Index) -> Page:
    documents = index.by_partner.get(country.code, ())
    context = PartnerContext(name=country.name, code=country.code, documents=[summary(d) for d in documents])
    return Page(partner_path(country), "partner.md.j2", context, {"description": f"Samenwerking met {country.name}"})


def _partners(index: Index) -> Page:
    links = [Link(label=country.name, path=partner_path(country)) for country in index.partners]
    counts = {country.name: len(index.by_partner.get(country.code, ())) for country in index.partners}
    return Page("partners/index.md", "partners.md.j2", PartnersContext(partners=links, counts=counts), {})
