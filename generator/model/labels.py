"""Dutch words the site shows for values in the records."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from babel import Locale

from generator.model import Record

DOC_TYPE_LABELS = {
    "kamerbrief": "Kamerbrief",
    "beslisnota": "Beslisnota",
    "verslag": "Verslag",
    "nota": "Nota",
    "geannoteerde-agenda": "Geannoteerde agenda",
    "verdrag": "Verdrag",
    "overig": "Overig document",
}


DUTCH = Locale("nl")


MONTHS = dict(DUTCH.months["format"]["wide"])
"""CLDR's Dutch month names. Its long date pattern for Dutch is "d MMMM y"; filling it in
here costs a tenth of babel.dates.format_date, which rendering calls for every listed document."""


def dutch_date(date: dt.date | None) -> str:
    """"19 juni 2019"; "datum onbekend" when there is none."""
    return f"{date.day} {MONTHS[date.month]} {date.year}" if date else "datum onbekend"


def doc_type_label(doc_type: str) -> str:
    return DOC_TYPE_LABELS.get(doc_type, doc_type)


def display_title(record: Record) -> str:
    """The stated title, else one made from the type, reference or dossier, and date."""
    if record.title:
        return record.title
    label = doc_type_label(record.doc_type)
    about = f" over {record.dossier_title}" if record.dossier_title else ""
    when = f" van {dutch_date(record.date)}" if record.date else f" {record.id}"
    return f"{label}{about}{when}"


def distinct_titles(records: Iterable[Record]) -> dict[str, str]:
    """{id: display title}, where a title several documents share is told apart by the
    document's date, else its reference, else its id ("Defensieraad (8 juli 2011)")."""
    records = list(records)
    titles = {record.id: display_title(record) for record in records}
    shared = Counter(title.casefold() for title in titles.values())
    with_date = Counter((titles[r.id].casefold(), r.date) for r in records)
    for record in records:
        title = titles[record.id]
        if shared[title.casefold()] < 2:
            continue
        if record.date and with_date[(title.casefold(), record.date)] == 1 and dutch_date(record.date) not in title:
            titles[record.id] = f"{title} ({dutch_date(record.date)})"
        elif record.reference and record.reference not in title:
            titles[record.id] = f"{title} ({record.reference})"
        else:
            titles[record.id] = f"{title} ({record.id})"
    return titles
