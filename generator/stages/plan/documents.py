"""The page of each document and the list of all documents."""

from __future__ import annotations

from generator.model import Country, Document, Mention, Term
from generator.model.labels import display_title
from generator.model.pages import (
    Anchor,
    CitationLink,
    CitingDocument,
    DocumentContext,
    DocumentsContext,
    Link,
)
from generator.model.paths import (
    EXPORTS,
    country_path,
    document_path,
    dossier_path,
    initiative_path,
    official_url,
    source_path,
    topic_path,
)
from generator.model.site_index import Index
from generator.stages.plan.summaries import per_year

NEWEST_LISTED = 50
"""Documents "Alle documenten" lists without a script; every document is on its year's page,
and the filter script pages through all of them."""


def documents_page(index: Index) -> DocumentsContext:
    return DocumentsContext(
        total=len(index.documents),
        documents=index.summaries(index.documents[:NEWEST_LISTED]),
        years=per_year(index.documents),
        downloads=[Link(label=name, path=name) for name in EXPORTS],
    )


def document_context(document: Document, index: Index) -> DocumentContext:
    record = document.record
    partner_codes = {mention.term.code for mention in record.partners}
    kamerstuk = record.kamerstuk
    return DocumentContext(
        document=index.summary(document),
        reference_url=official_url(kamerstuk) if kamerstuk else None,
        dossier=_dossier_link(document),
        author=_author(document),
        recipient=record.recipient,
        redacted=record.redacted,
        partners=[_country_link(m.term) for m in _by_name(record.partners)],
        other_countries=[_country_link(m.term) for m in _by_name(record.countries) if m.term.code not in partner_codes],
        organisations=[mention.term.name for mention in _by_name(record.organisations)],
        initiatives=[Link(label=m.term.name, path=initiative_path(m.term.id)) for m in _by_name(record.initiatives)],
        topics=[Link(label=m.term.name, path=topic_path(m.term.id)) for m in _by_name(record.topics)],
        text_digest=document.text.digest,
        anchors=_anchors(record.partners, record.initiatives),
        cites=[_citation(citation, index) for citation in record.cites],
        cited_by=_cited_by(document, index),
        source=Link(label=document.source.name, path=source_path(record.id, document.source.suffix)),
        overridden=list(record.overridden),
    )


def document_front_matter(document: Document) -> dict:
    record = document.record
    tags = [m.term.name for m in _by_name(record.partners)]
    tags += [m.term.name for m in _by_name(record.initiatives)] + [m.term.name for m in _by_name(record.topics)]
    title = display_title(record)
    front = {
        "title": title,
        "description": title,
        "tags": list(dict.fromkeys(tags)),
        "hide": ["tags"],  # the key facts show them, grouped; the tag index still lists them
    }
    if record.date:
        front["date"] = record.date.isoformat()
    return front


def _by_name(mentions: tuple[Mention, ...]) -> list[Mention]:
    return sorted(mentions, key=lambda mention: mention.term.name.casefold())


def _country_link(country: Country | Term) -> Link:
    assert isinstance(country, Country)
    return Link(label=country.name, path=country_path(country))


def _author(document: Document) -> str | None:
    author = document.record.author
    if author is None:
        return None
    return f"{author.name}, {author.role}" if author.role else author.name


def _dossier_link(document: Document) -> Link | None:
    record = document.record
    if record.kamerstuk is None:
        return None
    label = record.kamerstuk.display.split(",")[0].replace("Kamerstuk ", "")
    if record.dossier_title:
        label = f"{label} ({record.dossier_title})"
    return Link(label=label, path=dossier_path(record.kamerstuk.dossier))


def _anchors(partners: tuple[Mention, ...], initiatives: tuple[Mention, ...]) -> list[Anchor]:
    """Links on the first mention of each partner and initiative, never overlapping."""
    candidates = [(m.first, country_path(m.term)) for m in partners if m.first]
    candidates += [(m.first, initiative_path(m.term.id)) for m in initiatives if m.first]
    candidates.sort(key=lambda item: (item[0].block, item[0].start, -(item[0].end - item[0].start)))
    anchors: list[Anchor] = []
    for span, path in candidates:
        last = anchors[-1] if anchors else None
        if last and last["block"] == span.block and span.start < last["end"]:
            continue
        anchors.append(Anchor(block=span.block, start=span.start, end=span.end, path=path))
    return anchors


def _citation(citation, index: Index) -> CitationLink:
    target = citation.target
    cited = index.by_kamerstuk.get(target.key)
    return CitationLink(
        label=target.display,
        path=document_path(cited.record.id) if cited else None,
        url=official_url(target),
        sentence=citation.sentence,
    )


def _cited_by(document: Document, index: Index) -> list[CitingDocument]:
    kamerstuk = document.record.kamerstuk
    if kamerstuk is None:
        return []
    return [
        CitingDocument(document=index.summary(item.document), sentence=item.sentence)
        for item in index.cited_by.get(kamerstuk.key, ())
    ]
