"""Dutch dates: "19 juni 2019", "18 nov. 2025", "18-11-2025"."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
    # English, as treaties and notes write them ("DONE at The Hague on 12 May 2016")
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
WRITTEN_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|e)?\s+(?:day\s+of\s+)?({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
PLACE_AND_DATE = re.compile(r"^(?:Den Haag|'s-Gravenhage|Brussel)\s*,\s*(.+)$")
DATE_LABEL = re.compile(r"^Datum\s*[:|]?\s*(.*)$")
STATED = re.compile(r"^Vastgesteld\s+(.+)$")
"""A committee's report is dated the day it was adopted."""
PLACE_LINE = re.compile(r"^[A-Z][\w'’. -]{1,40},\s*(\d{1,2}\s+\w+\.?\s+\d{4})$")
"""A line of a place and a date only: "Washington, 2 juli 2018", "The Hague, 3 May 2005"."""
PLACE_IN_LINE = re.compile(r"(?:^|\s)(?:Den Haag|'s-Gravenhage),\s*(\d{1,2}\s+\w+\s+\d{4})")
"""The letter date within a line, as pages that run the letterhead together print it."""
CLOSING = re.compile(r"\b(?:GEDAAN|Gedaan|DONE|Done)\s+(?:te|at|in)\s+[A-ZÀ-Ý]")
"""A treaty's closing formula, followed within a few words by the day it was signed."""
CLOSING_REACH = 80
SITE_DATE = re.compile(r"^(?:.*\bdatum:\s*(?=\d{4}-)|Gepubliceerd\s*:\s*|Datum publicatie\s*:?\s*)(.+)$", re.IGNORECASE)
"""Dates a site prints above the document (weaker than the document's own)."""
STAMP = re.compile(r"^(\d{1,2}-\d{1,2}-\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


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
    for match in ISO_DATE.finditer(text):
        year, month, day = (int(part) for part in match.groups())
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


def find_document_date(
    header_lines: list[str], body_lines: list[str], front: list[str] = ()
) -> tuple[dt.date | None, str | None]:
    """The document's own date, strongest statement first: its letterhead ("Den Haag, 19
    juni 2019", "Datum 18 november 2025"), the day a report was adopted ("Vastgesteld 2
    maart 2022"), a place-and-date line, a treaty's closing ("GEDAAN te Münster op 8
    november 2006"), a closing "Den Haag, ..." line; last, the date the site it was saved
    from prints above it. Dates merely mentioned in the text are never taken: a null
    date is better than a wrong one."""
    for index, line in enumerate(header_lines):
        label = DATE_LABEL.match(line) or PLACE_AND_DATE.match(line)
        if not label:
            continue
        candidates = [label.group(1), *header_lines[index + 1 : index + 2]]
        for candidate in candidates:
            if (found := parse_date(candidate)) is not None:
                return found, f"{line} {candidate}".strip() if candidate != label.group(1) else line
    for pattern in (STATED, DATE_LABEL, PLACE_LINE, PLACE_IN_LINE):
        for line in front:
            match = pattern.match(line) if pattern is not PLACE_IN_LINE else pattern.search(line)
            if match and (found := parse_date(match.group(1))) is not None:
                return found, line
    for line in body_lines:
        for match in CLOSING.finditer(line):
            if (found := parse_date(line[match.start() : match.end() + CLOSING_REACH])) is not None:
                return found, line[match.start() : match.end() + CLOSING_REACH]
    for line in body_lines:
        place = PLACE_AND_DATE.match(line)
        if place and (found := parse_date(place.group(1))) is not None:
            return found, line
    for pattern in (SITE_DATE, STAMP):
        for line in front:
            if (match := pattern.match(line)) and (found := parse_date(match.group(1))) is not None:
                return found, line
    return None, None
