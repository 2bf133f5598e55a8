"""records.json and records.csv: every record, for reuse outside the site; and lijsten.js,
the data the document lists' filter script works on.

records.json holds the full records of `extract --json`, in the order of the
documents list (newest first), one record per line. records.csv holds one row per document with the
main fields; lists are joined with "; " and countries are ISO codes. A cell that starts
with =, +, -, @, a tab or a carriage return gets a leading ' so that spreadsheet programs
show it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

from generator.model import Record, spaced_dossier
from generator.model.paths import LIST_DATA
from generator.model.records import record_to_dict
from generator.model.site_index import Index

CSV_COLUMNS = (
    "id", "title", "doc_type", "date", "date_source", "reference", "dossier", "number", "vergaderjaar",
    "author", "author_role", "recipient", "redacted", "partners", "countries", "organisations",
    "initiatives", "topics", "cites", "source", "page",
)


def exports(index: Index, page_of) -> dict[str, str]:
    """File name -> text. `page_of(record_id)` gives the page's path within the site."""
    records = [document.record for document in index.documents]
    data = [record_to_dict(record) for record in records]
    as_json = "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in data) + "\n]\n"
    return {"records.json": as_json, "records.csv": _csv(records, page_of), LIST_DATA: list_data(index)}


LIST_GLOBAL = "archiefLijsten"
"""The global that lijsten.js assigns (site_overrides/assets/javascripts/lists/lists.js reads it)."""
FACETS = ("soort", "partner", "onderwerp", "initiatief", "dossier")


def list_data(index: Index) -> str:
    """Every document in list order (newest first, undated last) as one compact row:
    [id, title, date as shown, year (0: none), type, reference, [partners], [topics],
    [initiatives], dossier (-1: none)]; types, partners, topics, initiatives and dossiers
    are positions in their tables of [key, label], sorted by label. A script assigning a
    global, so that the browser loads it from file:// too; one pass over the documents."""
    labels: dict[str, dict[str, str]] = {facet: {} for facet in FACETS}
    dossier_titles: dict[str, Counter] = {}
    for document in index.documents:
        record = document.record
        labels["soort"][record.doc_type] = index.summary(document)["doc_type"]
        labels["partner"].update((m.term.slug, m.term.name) for m in record.partners)
        labels["onderwerp"].update((m.term.id, m.term.name) for m in record.topics)
        labels["initiatief"].update((m.term.id, m.term.name) for m in record.initiatives)
        if record.kamerstuk:
            titles = dossier_titles.setdefault(record.kamerstuk.dossier, Counter())
            titles.update([record.dossier_title] if record.dossier_title else [])
    for dossier, titles in dossier_titles.items():
        title = titles.most_common(1)[0][0] if titles else None
        labels["dossier"][dossier] = f"{spaced_dossier(dossier)} {title}" if title else spaced_dossier(dossier)
    tables = {facet: sorted(found.items(), key=lambda item: (item[1].casefold(), item[0])) for facet, found in labels.items()}
    position = {facet: {key: n for n, (key, _) in enumerate(table)} for facet, table in tables.items()}
    rows = []
    for document in index.documents:
        record, summary = document.record, index.summary(document)
        kamerstuk = record.kamerstuk
        rows.append([
            record.id, summary["title"], summary["date"], record.date.year if record.date else 0,
            position["soort"][record.doc_type], summary["reference"] or "",
            sorted(position["partner"][m.term.slug] for m in record.partners),
            sorted(position["onderwerp"][m.term.id] for m in record.topics),
            sorted(position["initiatief"][m.term.id] for m in record.initiatives),
            position["dossier"][kamerstuk.dossier] if kamerstuk else -1,
        ])
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    head = ",\n".join(f'"{facet}":{json.dumps([list(item) for item in tables[facet]], **compact)}' for facet in FACETS)
    body = ",\n".join(json.dumps(row, **compact) for row in rows)
    return f"window.{LIST_GLOBAL} = {{\n{head},\n\"documenten\":[\n{body}\n]}};\n"


def _csv(records: list[Record], page_of) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        row = _row(record, page_of(record.id))
        writer.writerow({column: spreadsheet_safe(value) for column, value in row.items()})
    return buffer.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet program read a cell as a formula (CSV injection)."""


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet shows as text: one that could start a formula gets a leading `'`."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _row(record: Record, page: str) -> dict[str, str]:
    kamerstuk = record.kamerstuk

    def joined(values) -> str:
        return "; ".join(values)

    return {
        "id": record.id,
        "title": record.title or "",
        "doc_type": record.doc_type,
        "date": record.date.isoformat() if record.date else "",
        "date_source": record.date_source or "",
        "reference": record.reference or "",
        "dossier": kamerstuk.dossier if kamerstuk else "",
        "number": kamerstuk.number if kamerstuk else "",
        "vergaderjaar": (kamerstuk.vergaderjaar or "") if kamerstuk else "",
        "author": record.author.name if record.author else "",
        "author_role": (record.author.role or "") if record.author else "",
        "recipient": record.recipient or "",
        "redacted": "ja" if record.redacted else "nee",
        "partners": joined(sorted(m.term.code for m in record.partners)),
        "countries": joined(sorted(m.term.code for m in record.countries)),
        "organisations": joined(sorted(m.term.name for m in record.organisations)),
        "initiatives": joined(sorted(m.term.name for m in record.initiatives)),
        "topics": joined(sorted(m.term.name for m in record.topics)),
        "cites": joined(citation.target.key for citation in record.cites),
        "source": record.source,
        "page": page,
    }
