"""Small, shared views of records for lists and links."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from generator.model.labels import display_title, doc_type_label, dutch_date
from generator.stages.render.markdown import plain
from generator.model import Document
from generator.stages.plan.contexts import Counted, DocumentSummary
from generator.stages.plan.paths import document_path


_made: dict[int, tuple[Document, DocumentSummary]] = {}
"""Summaries already made, by the document's identity: a document is listed on many pages."""


def summary(document: Document) -> DocumentSummary:
    known = _made.get(id(document))
    if known is not None and known[0] is document:
        return known[1]
    if len(_made) > 100_000:
        _made.clear()
    made = _summary(document)
    _made[id(document)] = (document, made)
    return made


def _summary(document: Document) -> DocumentSummary:
    record = document.record
    return DocumentSummary(
        id=record.id,
        title=plain(display_title(record)),
        path=document_path(record.id),
        date=dutch_date(record.date),
        year=record.date.year if record.date else None,
        doc_type=doc_type_label(record.doc_type),
        reference=record.reference,
    )


def summaries(documents: Iterable[Document]) -> list[DocumentSummary]:
    return [summary(document) for document in documents]


def counted(counts: Counter, labels: dict, paths: dict) -> list[Counted]:
    """Most frequent first, then by label."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], labels[item[0]].casefold()))
    return [Counted(label=labels[key], path=paths[key], count=count) for key, count in ordered]
