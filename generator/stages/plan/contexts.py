"""The data each template receives: one TypedDict per page kind.

Paths are relative to the generated docs folder ("partners/japan.md"); templates
turn them into relative links with `url()` or `link()`.
"""

from __future__ import annotations

from typing import TypedDict

from generator.model import Block, Text


class PageText:
    """The text a document's page shows, loaded when the template first reads it. Pickled
    (which is how a page's fingerprint is made) as the text's digest alone, so that
    fingerprinting an unchanged page never loads its text."""

    def __init__(self, text: Text):
        self._text = text
        self._shown: tuple[list[Block], bool] | None = None

    @property
    def blocks(self) -> list[Block]:
        return self._load()[0]

    @property
    def truncated(self) -> bool:
        """True when the text is too long to show in full; the source file has it all."""
        return self._load()[1]

    def _load(self) -> tuple[list[Block], bool]:
        if self._shown is None:
            blocks = self._text.load().blocks
            shown = _page_blocks(blocks)
            self._shown = (shown, len(shown) < len(blocks))
        return self._shown

    def __reduce__(self):
        return (str, (self._text.digest,))


MAX_PAGE_TEXT = 400_000
"""Characters of text shown on a page; longer documents end with a link to the source file,
so that one huge input cannot make the site build or the search index explode."""


def _page_blocks(blocks: tuple[Block, ...]) -> list[Block]:
    shown: list[Block] = []
    total = 0
    for block in blocks:
        total += len(block.text)
        if total > MAX_PAGE_TEXT and shown:
            break
        shown.append(block)
    return shown


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
    year: int | None
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
    text: PageText
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
