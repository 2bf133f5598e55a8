"""records.json and records.csv: every record, for reuse outside the site.

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

from generator.model import Record
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
    return {"records.json": as_json, "records.csv": _csv(records, page_of)}


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
