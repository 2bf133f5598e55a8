"""Kamerstuk references, memo references and citations."""

from __future__ import annotations

import re

from generator.model import Kamerstuk, normalise_dossier

DOSSIER = r"\d{2}\s?\d{3}(?:\s?-\s?(?:\d{1,3}|[A-Z]{1,4})|\s(?:[IVXL]{1,5}|[A-Z])(?![\w-]))?"
"""33 279, 21 501-28, 33 750-X, 36 200 X (a budget chapter: a Roman numeral or one letter)."""
FOOTER = re.compile(
    rf"vergaderjaar\s+(?P<from>\d{{4}})\s*[–-]\s*(?P<to>\d{{4}}),\s*(?P<dossier>{DOSSIER}),\s*nr\.\s*(?P<number>\d+)"
)
HEADER_DOSSIER = re.compile(rf"^(?P<dossier>{DOSSIER})\s{{2,}}(?P<title>\S.*)$")
HEADER_NUMBER = re.compile(r"^Nr\.\s*(?P<number>\d+)\b")
NUMBERS = r"nrs?\.\s*(?P<numbers>\d+(?:\s*(?:,|en|t/m|&)\s*\d+){0,20})"
CITATION = re.compile(
    rf"(?:[Kk]amerstuk(?:ken)?\s+(?:I{{1,2}}\s+)?(?:\d{{4}}(?:[/–-]\d{{2,4}})?,?\s+)?|(?<=\())"
    rf"(?P<dossier>{DOSSIER}),?\s*{NUMBERS}"
)
""""Kamerstuk 33 279, nr. 10", "Kamerstukken II 2017/18, 34 958, nrs. 1, 4 t/m 6", and the
bare form in brackets: "(28 676, nr. 71)"."""
MEMO_REFERENCE_LABEL = re.compile(r"^(?:Onze referentie|Ons kenmerk|Kenmerk|Referentie)\s*:?\s*(.*)$")
MEMO_REFERENCE = re.compile(r"\b([A-Z]{1,12}[-/]?\d{6,}(?:[-/]\d+)?)\b")


def kamerstuk_from_furniture(lines: tuple[str, ...]) -> tuple[Kamerstuk | None, str | None]:
    for line in lines:
        if match := FOOTER.search(line):
            vergaderjaar = f"{match.group('from')}-{match.group('to')}"
            dossier = normalise_dossier(match.group("dossier"))
            return Kamerstuk(dossier, match.group("number"), vergaderjaar), line
    return None, None


def kamerstuk_from_header(lines: list[str]) -> tuple[str | None, str | None, str | None, str | None]:
    """(dossier, dossier title, number, evidence) from a letterhead like "28676  NAVO" / "Nr. 471"."""
    dossier = title = number = None
    evidence: list[str] = []
    for line in lines[:8]:
        if dossier is None and (match := HEADER_DOSSIER.match(line)):
            dossier, title = normalise_dossier(match.group("dossier")), match.group("title").strip()
            evidence.append(line)
        elif number is None and (match := HEADER_NUMBER.match(line)):
            number = match.group("number")
            evidence.append(line)
    return dossier, title, number, " / ".join(evidence) or None


def memo_reference(lines: list[str]) -> tuple[str | None, str | None]:
    for index, line in enumerate(lines):
        label = MEMO_REFERENCE_LABEL.match(line)
        if not label:
            continue
        for candidate in (label.group(1), *lines[index + 1 : index + 2]):
            if match := MEMO_REFERENCE.search(candidate):
                return match.group(1), f"{line} {candidate}".strip()
    return None, None


def citations(text: str, own: Kamerstuk | None) -> list[tuple[Kamerstuk, str]]:
    """Every Kamerstuk cited in `text` with its matched span, the document's own excluded."""
    found: list[tuple[Kamerstuk, str]] = []
    if "nr" not in text:  # every form has "nr." or "nrs."; most sentences have neither
        return found
    for match in CITATION.finditer(text):
        dossier = normalise_dossier(match.group("dossier"))
        for number in _numbers(match.group("numbers")):
            cited = Kamerstuk(dossier, number)
            if own is None or cited.key != own.key:
                found.append((cited, match.group(0)))
    return found


def _numbers(text: str) -> list[str]:
    """ "1, 4 t/m 6" -> 1, 4, 5, 6 (a range longer than 50 is read as its two ends)."""
    numbers: list[str] = []
    for part in re.split(r"\s*(?:,|\ben\b|&)\s*", text):
        ends = [int(n) for n in re.findall(r"\d+", part)]
        if "t/m" in part and len(ends) == 2 and 0 <= ends[1] - ends[0] <= 50:
            numbers += [str(n) for n in range(ends[0], ends[1] + 1)]
        else:
            numbers += [str(n) for n in ends]
    return list(dict.fromkeys(numbers))
