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
    lists: dict[str, str] | None = None
    """The documents the page's list shows, as the filter script selects them from the list
    data ({"partner": "japan"}, {"jaar": "2019"}, {} for all); None: the page has no filter."""


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


class Passage(TypedDict):
    """A document in a list, with the sentence that put it there (None: none to show)."""

    document: DocumentSummary
    sentence: str | None


class YearGroup(TypedDict):
    """The documents of a list from one year, or those without a date (year None)."""

    year: int | None
    label: str
    """"2019", or "Zonder datum"."""
    items: list[Passage]


class YearCount(TypedDict):
    """How many documents of a page come from one year (year None: without a date)."""

    year: int | None
    label: str
    path: str
    """The year's page on the timeline."""
    count: int
    mentions: int | None
    """How often the documents of that year name the subject, where that is counted."""


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
    total: int
    documents: list[DocumentSummary]
    """The newest documents; the others are on the year pages of the timeline."""
    years: list[YearCount]
    downloads: list[Link]
    """The exports of all records (records.csv, records.json)."""


class IndexEntry(TypedDict):
    """One line of the A-Z index: a hub page, or another name for one (`see`)."""

    label: str
    path: str
    kind: str
    """"partnerland", "initiatief", ..."""
    count: int
    see: str | None
    """For another name (an alias): the name of the page it leads to."""


class IndexLetter(TypedDict):
    letter: str
    """"A", ..., "Z", or "0-9"."""
    anchor: str
    entries: list[IndexEntry]


class AtoZContext(TypedDict):
    letters: list[IndexLetter]


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
    feed: str | None
    partner_count: int
    partner_years: list[YearGroup]
    """Where it is a partner, with the sentence that makes it one."""
    mentioned_count: int
    mentioned_years: list[YearGroup]
    """Where it is only named, with the sentence that first names it."""
    initiatives: list[Counted]
    co_partners: list[Counted]
    topics: list[Counted]
    per_year: list[YearCount]
    """All its documents (partner or named) per year, newest first, undated last."""


class CountriesContext(TypedDict):
    partners: list[Counted]
    others: list[Counted]


class InitiativeContext(TypedDict):
    name: str
    aliases: list[str]
    description: str | None
    kind: str | None
    discovered: bool
    feed: str
    partners: list[Counted]
    document_count: int
    latest: list[Passage]
    """The newest dated documents, each with the sentence that names it."""
    undated: list[Passage]
    """Documents without a date (which may be newer than any dated one), with that sentence."""
    undated_count: int
    first_mention: DocumentSummary | None
    """The oldest and newest documents with a date."""
    last_mention: DocumentSummary | None
    per_year: list[YearCount]
    years: list[YearGroup]


class TopicContext(TypedDict):
    name: str
    description: str | None
    feed: str
    document_count: int
    years: list[YearGroup]
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
    """The official page of the Kamerstuk."""
    cited_by: list[CitingDocument]
    """For a number not in the archive: the documents that cite it, with the sentence."""


class DossierContext(TypedDict):
    dossier: str
    title: str | None
    feed: str
    entries: list[DossierEntry]


class YearContext(TypedDict):
    year: int | None
    """None: the page of the documents without a date."""
    documents: list[DocumentSummary]
    previous: Link | None
    next: Link | None
