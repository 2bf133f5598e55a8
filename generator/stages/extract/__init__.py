"""Extract a record, with evidence, from a cleaned document."""

from __future__ import annotations

from generator.model import Citation, CleanDocument, Kamerstuk, Problem, Record, plain
from generator.model.slugs import slugify
from generator.model.text import words_digest
from generator.stages.extract import dates, doctype, front, people, references, titles
from generator.stages.extract.official import official_facts
from generator.stages.extract.sentences import sentences
from generator.stages.extract.terms import find_terms
from generator.vocabulary.lexicon import Lexicon

__all__ = ["extract", "former_ids", "make_id"]


def extract(document: CleanDocument, lexicon: Lexicon) -> tuple[Record, list[Problem]]:
    blocks = document.blocks
    header = [block.text for block in blocks if block.kind == "header"]
    body = [block.text for block in blocks if block.kind not in ("header",)]
    source = str(document.source.path)
    evidence: dict[str, str] = {}
    problems: list[Problem] = []

    def note(field: str, span: str | None) -> None:
        if span:
            evidence[field] = span

    published = official_facts(document.source.metadata)
    lines = front.front_lines(document.source)
    date, span = dates.find_document_date(header, body, lines)
    note("date", span)
    if date is None and published.issued:
        date, span = published.issued, published.evidence["date"]
        note("date", span)
    kamerstuk, dossier_title, span = _kamerstuk(document, header, lines)
    if published.kamerstuk:
        kamerstuk, span = published.kamerstuk, published.evidence["kamerstuk"]
    dossier_title = published.dossier_title or dossier_title
    note("kamerstuk", span)
    memo_reference, span = references.memo_reference(header or lines)
    note("reference", span if memo_reference else None)
    kind, span = doctype.doc_type(blocks, kamerstuk is not None, [*filter(None, [published.kind_words]), *lines])
    note("doc_type", span)
    if kind == "verdrag" and not memo_reference:
        memo_reference, span = front.treaty_reference(lines)
        note("reference", span)
    reference = kamerstuk.display if kamerstuk else memo_reference
    title, span = (published.title, published.evidence.get("title")) if published.title else titles.title(blocks)
    note("title", span)
    author, span = people.author(blocks, lines)
    if author is None and published.submitter:
        author, span = published.submitter, published.evidence["author"]
    note("author", span)
    recipient, span = people.recipient(header)
    note("recipient", span)
    redacted, span = people.is_redacted(document.text)
    note("redacted", span)
    cites, spans = _cites(document, kamerstuk)
    note("cites", " | ".join(spans) or None)
    terms = find_terms(blocks, lexicon)
    record_id = make_id(kamerstuk, memo_reference, kind, date, title, document.text)

    record = Record(
        source=source,
        id=record_id,
        former_ids=former_ids(record_id, kamerstuk, memo_reference, kind, date, document.source.sha256),
        doc_type=kind,
        title=title,
        date=date,
        date_source="stated" if date else None,
        reference=reference,
        kamerstuk=kamerstuk,
        dossier_title=dossier_title,
        author=author,
        recipient=recipient,
        redacted=redacted,
        countries=terms.countries,
        partners=terms.partners,
        organisations=terms.organisations,
        initiatives=terms.initiatives,
        topics=terms.topics,
        cites=cites,
        evidence=evidence,
    )
    return record, problems


def _kamerstuk(document: CleanDocument, header: list[str], lines: list[str]) -> tuple[Kamerstuk | None, str | None, str | None]:
    """The footer a printed Kamerstuk repeats on every page, else its letterhead or the
    metadata of the site it was saved from."""
    from_footer, footer_span = references.kamerstuk_from_furniture(document.furniture.kamerstuk_lines)
    dossier, dossier_title, number, header_span = references.kamerstuk_from_header(header)
    if from_footer:
        return from_footer, dossier_title, footer_span
    if dossier and number:
        return Kamerstuk(dossier, number), dossier_title, header_span
    found, front_title, span = front.kamerstuk_from_front(lines)
    return found, dossier_title or front_title, span


def _cites(document: CleanDocument, own: Kamerstuk | None) -> tuple[tuple[Citation, ...], list[str]]:
    """Each cited Kamerstuk once, with the first sentence that cites it."""
    cites: dict[str, Citation] = {}
    spans: list[str] = []
    for block in document.blocks:
        if block.kind not in ("paragraph", "footnote", "heading"):
            continue
        for start, end in sentences(block.text):
            sentence = plain(block.text[start:end])
            for cited, span in references.citations(sentence, own):
                cites.setdefault(cited.key, Citation(cited, sentence))
                spans.append(span)
    return tuple(cites.values()), list(dict.fromkeys(spans))


ID_NAME_CHARS = 60
"""How much of a title a derived id keeps: enough to tell documents apart, short enough to read."""


def make_id(kamerstuk: Kamerstuk | None, reference: str | None, kind: str, date, title: str | None, text: str) -> str:
    """A readable id from the content: "kst-33279-29", "mindef20250041931", or, when nothing
    better is stated, the type, date and title ("verslag-2019-06-27-bijeenkomst-navo-...").
    Without a title, a digest of the words stands in: unlike the file's bytes, it survives
    new line endings, re-wrapped lines and a re-save in another encoding."""
    if kamerstuk:
        return slugify(f"kst-{kamerstuk.dossier}-{kamerstuk.number}")
    if reference:
        return slugify(reference)
    name = slugify(title or "").removeprefix(f"{kind}-") or words_digest(text)[:8]
    if len(name) > ID_NAME_CHARS:
        name = name[: ID_NAME_CHARS + 1].rsplit("-", 1)[0]
    return slugify("-".join(part for part in (kind, date.isoformat() if date else None, name) if part))


def former_ids(
    record_id: str, kamerstuk: Kamerstuk | None, reference: str | None, kind: str, date, sha256: str
) -> tuple[str, ...]:
    """The id that version 0.1 gave a document without a Kamerstuk or reference
    (type, date and a hash of the file's bytes): its published address is redirected."""
    if kamerstuk or reference:
        return ()
    legacy = slugify("-".join(part for part in (kind, date.isoformat() if date else None, sha256[:8]) if part))
    return (legacy,) if legacy != record_id else ()
