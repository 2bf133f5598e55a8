"""Small, shared views of records for lists and links."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from generator.model import Document, plain
from generator.model.labels import display_title, doc_type_label, dutch_date
from generator.model.pages import Counted, DocumentSummary
from generator.model.paths import document_path


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


def summaries(documents: Iterable[Document]) -> list[DocumentSummary]:
    return [summary(document) for document in documents]


def counted(counts: Counter, labels: dict, paths: dict) -> list[Counted]:
    """Most frequent first, then by label."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], labels[item[0]].casefold()))
    return [Counted(label=labels[key], path=paths[key], count=count) for key, count in ordered]
