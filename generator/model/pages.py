"""Planned pages and the data each template receives: one TypedDict per page kind.

Paths are relative to the generated docs folder ("partners/japan.md"); templates
turn them into relative links with `url()` or `link()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypedDict

from generator.model.document import Text


@dataclass(frozen=True)
class Page:
    """One page of the site, as planned: where it goes, which template makes it, and how
    to get what the template receives."""

    path: str
    """Relative to the generated docs folder, e.g. "documenten/kst-33279-29.md"."""
    template: str
    make_context: Callable[[], Any]
    """Made when the page is made, so that only one page's context is in memory at a time.
    The context is plain data (it is also what tells whether the page changed)."""
    front_matter: dict[str, Any] = field(default_factory=dict)
    text: Text | None = None
    """A document's cleaned text, for its page; loaded only when the page is rendered."""


class Link(TypedDict):
    label: str
    path: str


class Counted(TypedDict):
    label: str
    path: str
    count: int


class DocumentSummary(TypedDict):
    id: str
    title: str
    path: str
    date: str
    doc_type: str
    reference: str | None


class Anchor(TypedDict):
    """A stretch of a block of text that links to another page (first mentions)."""

    block: int
    start: int
    end: int
    path: str


class CitationLink(TypedDict):
    label: str
    path: str | None
    """The cited document's page when it is in the archive."""
    url: str
    """Its official page at officielebekendmakingen.nl."""
    sentence: str


class CitingDocument(TypedDict):
    document: DocumentSummary
    sentence: str


class HomeContext(TypedDict):
    document_count: int
    partner_count: int
    initiative_count: int
    topic_count: int
    dossier_count: int
    first_year: int | None
    last_year: int | None
    newest: list[DocumentSummary]


class DocumentsContext(TypedDict):
    documents: list[DocumentSummary]


class DocumentContext(TypedDict):
    document: DocumentSummary
    reference_url: str | None
    dossier: Link | None
    author: str | None
    recipient: str | None
    redacted: bool
    partners: list[Link]
    other_countries: list[Link]
    organisations: list[str]
    initiatives: list[Link]
    topics: list[Link]
    text_digest: str
    """Changes when the document's cleaned text does; the text itself reaches the template as `text`."""
    anchors: list[Anchor]
    cites: list[CitationLink]
    cited_by: list[CitingDocument]
    source: Link
    overridden: list[str]


class CountryContext(TypedDict):
    name: str
    code: str
    partner_documents: list[DocumentSummary]
    mentioned_documents: list[DocumentSummary]
    initiatives: list[Counted]
    co_partners: list[Counted]
    topics: list[Counted]
    per_year: list[tuple[int, int]]


class CountriesContext(TypedDict):
    partners: list[Counted]
    others: list[Counted]


class InitiativeContext(TypedDict):
    name: str
    aliases: list[str]
    description: str | None
    kind: str | None
    discovered: bool
    partners: list[Counted]
    documents: list[DocumentSummary]
    first_mention: DocumentSummary | None
    last_mention: DocumentSummary | None


class TopicContext(TypedDict):
    name: str
    description: str | None
    documents: list[DocumentSummary]
    partners: list[Counted]
    initiatives: list[Counted]


class TermsContext(TypedDict):
    title: str
    introduction: str
    terms: list[Counted]


class DossierEntry(TypedDict):
    number: str
    document: DocumentSummary | None
    url: str


class DossierContext(TypedDict):
    dossier: str
    title: str | None
    entries: list[DossierEntry]


class YearContext(TypedDict):
    year: int
    documents: list[DocumentSummary]
    previous: Link | None
    next: Link | None
