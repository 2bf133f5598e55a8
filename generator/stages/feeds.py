"""Atom feeds for the whole archive and for each country, initiative, topic and dossier.

Each feed holds the FEED_ENTRIES newest documents (a feed tells subscribers what is
new; the pages list everything). Entries are newest first, dated with the document's own date (undated documents
come last and take the oldest date in the archive, so output stays deterministic
and ordered), and link to the document's page relative to the feed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from feedgen.feed import FeedGenerator

from generator.model import Document
from generator.model.labels import doc_type_label, dutch_date
from generator.model.paths import feed_path, relative_url
from generator.model.site_index import UNDATED, Index, newest_first

FEED_ID = "urn:defensie-archief:{kind}:{key}"
SITE_TITLE = "Archief internationale militaire samenwerking"
FEED_ENTRIES = 50


def feeds(index: Index) -> dict[str, str]:
    """Feed path (relative to the docs folder) -> Atom XML."""
    return {path: make() for path, _, make in feed_units(index)}


def feed_units(index: Index) -> list[tuple[str, list[str], Callable[[], str]]]:
    """(feed path, what its XML is made from, the function that makes it) for every feed: a
    feed whose newest documents, their titles and the fallback date are as they were need
    not be made again."""
    fallback = _oldest_date(index)
    groups = [("alles", "alles", "Alle documenten", index.documents)]
    groups += [("partners", c.slug, c.name, index.partner_of.get(c.code, ())) for c in index.partners]
    groups += [("initiatieven", t.id, t.name, index.by_initiative.get(t.id, ())) for t in index.initiatives]
    groups += [("onderwerpen", t.id, t.name, index.by_topic.get(t.id, ())) for t in index.topics]
    # A dossier lists its documents by number; its feed, like every feed, holds the newest.
    groups += [("dossiers", d.lower(), f"Dossier {d}", _newest(docs)) for d, docs in index.dossiers.items()]
    units = []
    for kind, key, title, documents in groups:
        newest = documents[:FEED_ENTRIES]
        inputs = [title, fallback.isoformat(), *(f"{d.record_digest}:{index.summary(d)['title']}" for d in newest)]
        units.append((feed_path(kind, key), inputs, partial(_feed, kind, key, f"{SITE_TITLE}: {title}", newest, fallback, index)))
    return units


def _newest(documents: tuple[Document, ...]) -> tuple[Document, ...]:
    return tuple(sorted(documents, key=lambda document: newest_first(document.record)))


def _oldest_date(index: Index) -> dt.date:
    dates = [document.record.date for document in index.documents if document.record.date]
    return min(dates) if dates else dt.date(1980, 1, 1)


def _feed(kind: str, key: str, title: str, documents: tuple[Document, ...], fallback: dt.date, index: Index) -> str:
    path = feed_path(kind, key)
    generator = FeedGenerator()
    generator.id(FEED_ID.format(kind=kind, key=key))
    generator.title(title)
    generator.language("nl")
    generator.link(href=relative_url("index.html", path), rel="alternate")
    generator.updated(_timestamp(max((d.record.date or fallback for d in documents), default=fallback)))
    for document in reversed(documents):  # feedgen prepends: add oldest first
        _entry(generator, document, path, fallback, index.summary(document)["title"])
    return generator.atom_str(pretty=True).decode("utf-8")


def _entry(generator: FeedGenerator, document: Document, feed: str, fallback: dt.date, title: str) -> None:
    record = document.record
    entry = generator.add_entry()
    entry.id(FEED_ID.format(kind="document", key=record.id))
    entry.title(title)
    entry.link(href=relative_url(f"documenten/{record.id}/", feed))
    entry.updated(_timestamp(record.date or fallback))
    if record.date:
        entry.published(_timestamp(record.date))
    entry.summary(_summary(document))


def _summary(document: Document) -> str:
    record = document.record
    facts = [doc_type_label(record.doc_type), dutch_date(record.date) if record.date else UNDATED]
    if record.reference:
        facts.append(record.reference)
    if record.partners:
        facts.append("partnerlanden: " + ", ".join(sorted(m.term.name for m in record.partners)))
    return "; ".join(facts)


def _timestamp(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
