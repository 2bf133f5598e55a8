"""What a document's opening lines say it is, in the forms the publication sites print.

Read from the lines as they arrived, before cleaning decides what is letterhead: a page
saved from a site starts with its menu, a metadata table or a header of labelled facts,
and only then the document. Each rule is a form, not a wording:

- the letterhead of a Kamerstuk: "33 279 Internationale militaire samenwerking" (one or
  more spaces) with "Nr. 13 BRIEF VAN ..." a few lines on, and "Vergaderjaar 2014-2015";
- the official site's metadata table: "Tweede Kamer der Staten-Generaal | 2008-2009 |
  28676 nr. 81", also with its cells run together ("2010-201121501-28 nr. 73");
- a site's identifier line: "ID: 33279-14", "Kamerstuk 33279-14", or an official
  address "kst-21501-28-261";
- the Tractatenblad's own reference: "Tractatenblad 2015, 97", "JAARGANG 2018 Nr. 125".
"""

from __future__ import annotations

import re

from generator.model import Kamerstuk, SourceText, normalise_dossier
from generator.stages.extract.references import DOSSIER

FRONT_LINES = 150
"""Lines read: a site's furniture and a letterhead fit in them."""
LONGEST_LINE = 2000
"""A longer line is prose (one paragraph per line); its start is enough."""
LETTERHEAD_REACH = 8
"""Lines between a dossier line and its "Nr." line: a Kamerstuk filed in several dossiers
lists them all, each with its title, the first being its own."""

COMPACT_DOSSIER = r"\d{5}(?:-[0-9A-Z]{1,4})??"
"""A dossier as sites write it in identifiers: "33279", "21501-28", "36200-X"."""
OFFICIAL_ID = re.compile(rf"\bkst-(?P<dossier>{COMPACT_DOSSIER})-(?P<number>\d{{1,4}})(?![\w-])", re.IGNORECASE)
TKCONV_DOSSIER = re.compile(
    r"\bkamerstukdossier\s+(?P<dossier>\d{5}(?:\s(?:\d{1,3}|[A-Z]{1,4}))?)\s*-\s*(?P<number>\d{1,4})\b"
)
"""tkconv's "Onderdeel van kamerstukdossier 21501 28-275 Defensieraad" (dossier 21 501-28, nr. 275)."""
SITE_ID = re.compile(rf"^(?:ID|Kamerstuk)\s*:?\s*(?P<dossier>{COMPACT_DOSSIER})-(?P<number>\d{{1,4}})$")
SITE_TABLE = re.compile(
    r"(?P<from>(?:19|20)\d\d)\s*[–-]\s*(?P<to>(?:19|20)\d\d)\s*\|?\s*"
    r"(?P<dossier>\d{5}(?:-[0-9A-Z]{1,4})?)\s+nr\.\s*(?P<number>\d{1,4})\b"
)
LETTERHEAD_NUMBER = re.compile(r"^Nr\.\s*(?P<number>\d{1,4})(?=\s+[A-Z]{2}|\s*$)", re.IGNORECASE)
LETTERHEAD_DOSSIER = re.compile(rf"^(?P<dossier>{DOSSIER})(?:\s+(?P<title>[A-Z«\"'(].{{1,400}}))?$")
"""The title may stand on the dossier's line or on the next one."""
VERGADERJAAR = re.compile(r"\bVergaderjaar\s+(?P<from>(?:19|20)\d\d)\s*[–-]\s*(?P<to>(?:19|20)\d\d)\b", re.IGNORECASE)
TRACTATENBLAD = re.compile(
    r"(?:Tractatenblad|\bTrb\.)\s*(?P<year>(?:19|20)\d\d)\s*,\s*(?:nr\.\s*)?(?P<number>\d{1,4})(?!\d)"
)
"""Also run into the cells around it, as the official site's metadata table prints it."""
TRB_VOLUME = re.compile(r"^JAARGANG\s+(?P<year>(?:19|20)\d\d)\s+Nr\.\s*(?P<number>\d{1,4})$", re.IGNORECASE)


def front_lines(source: SourceText) -> list[str]:
    """The first non-empty lines of the text as read, blanks collapsed, Markdown heading marks dropped."""
    lines: list[str] = []
    for page in source.pages:
        for line in page.split("\n"):
            line = " ".join(line[:LONGEST_LINE].split()).lstrip("#").strip()
            if line:
                lines.append(line)
                if len(lines) == FRONT_LINES:
                    return lines
    return lines


def kamerstuk_from_front(lines: list[str]) -> tuple[Kamerstuk | None, str | None, str | None]:
    """(Kamerstuk, dossier title, evidence): the letterhead first, then the site's metadata."""
    vergaderjaar = next((f"{m['from']}-{m['to']}" for line in lines if (m := VERGADERJAAR.search(line))), None)
    for index, line in enumerate(lines):
        number = LETTERHEAD_NUMBER.match(line)
        if not number:
            continue
        for at in range(max(0, index - LETTERHEAD_REACH), index):
            if dossier := LETTERHEAD_DOSSIER.match(lines[at]):
                found = Kamerstuk(normalise_dossier(dossier["dossier"]), number["number"], vergaderjaar)
                title = dossier["title"] or (lines[at + 1] if at + 1 < index else None)
                return found, title.strip() if title else None, f"{lines[at]} / {line}"
    for line in lines:
        if table := SITE_TABLE.search(line):
            found = Kamerstuk(normalise_dossier(table["dossier"]), table["number"], f"{table['from']}-{table['to']}")
            return found, None, line
    for pattern in (SITE_ID, OFFICIAL_ID, TKCONV_DOSSIER):
        for line in lines:
            if match := pattern.search(line):
                dossier = normalise_dossier(match["dossier"].replace(" ", "-"))  # tkconv: "21501 28"
                return Kamerstuk(dossier, match["number"], vergaderjaar), None, line
    return None, None, None


def treaty_reference(lines: list[str]) -> tuple[str | None, str | None]:
    """ "Trb. 2015, 97" from the Tractatenblad's own header (the first lines only: a later
    "Trb." is a reference to another publication)."""
    for line in lines[:12]:
        if match := TRB_VOLUME.match(line) or TRACTATENBLAD.search(line):
            return f"Trb. {match['year']}, {match['number']}", line
    return None, None
