"""Dutch dates: "19 juni 2019", "18 nov. 2025", "18-11-2025"."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_NAMES})\.?\s+(\d{{4}})\b", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
PLACE_AND_DATE = re.compile(r"^(?:Den Haag|'s-Gravenhage|Brussel)\s*,\s*(.+)$")
DATE_LABEL = re.compile(r"^Datum\s*:?\s*(.*)$")


def parse_date(text: str) -> dt.date | None:
    """The first valid date written in `text`, or None."""
    for match in WRITTEN_DATE.finditer(text):
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
        if (found := _valid(year, month, day)) is not None:
            return found
    for match in NUMERIC_DATE.finditer(text):
        day, month, year = (int(part) for part in match.groups())
        if (found := _valid(year, month, day)) is not None:
            return found
    return None


FIRST_YEAR, LAST_YEAR = 1900, 2100
"""A document's date lies in these years; a year outside them is a typing error ("2109")."""


def _valid(year: int, month: int, day: int) -> dt.date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_document_date(header_lines: list[str], body_lines: list[str]) -> tuple[dt.date | None, str | None]:
    """The document's own date, from its letterhead ("Den Haag, 19 juni 2019", "Datum
    18 november 2025"), else from a closing "Den Haag, ..." line. Dates merely mentioned
    in the text are never taken: a null date is better than a wrong one."""
    for index, line in enumerate(header_lines):
        label = DATE_LABEL.match(line) or PLACE_AND_DATE.match(line)
        if not label:
            continue
        candidates = [label.group(1), *header_lines[index + 1 : index + 2]]
        for candidate in candidates:
            if (found := parse_date(candidate)) is not None:
                return found, f"{line} {candidate}".strip() if candidate != label.group(1) else line
    for line in body_lines:
        place = PLACE_AND_DATE.match(line)
        if place and (found := parse_date(place.group(1))) is not None:
            return found, line
    return None, None
