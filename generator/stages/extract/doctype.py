"""The kind of document."""

from __future__ import annotations

import re

from generator.model import Block
from generator.stages.extract.sentences import sentences

BESLISNOTA = re.compile(r"^(TER BESLISSING|Beslisnota\b)|^Geadviseerd besluit\b", re.IGNORECASE)
OPENING_OFFER = re.compile(
    r"\bHierbij\s+(?:bied\s+ik\s+u|ontvangt\s+u|zend\s+ik\s+u|stuur\s+ik\s+u|informeer\s+ik\s+u\s+over)"
    r"(?:,[^,]{1,120},)?\s+(?P<object>(?:de|het|een)\s+[^,]{3,200}?)(?:\s+aan)?(?:,|\.?$)"
)
KINDS = (
    ("geannoteerde-agenda", re.compile(r"^(?:de|het|een)\s+geannoteerde agenda\b", re.IGNORECASE)),
    ("verslag", re.compile(r"^(?:de|het|een)\s+(?:verslag|schriftelijk verslag)\b", re.IGNORECASE)),
)
TITLED_OBJECT = re.compile(
    r"^(?:de|het)\s+(?P<title>(?:nota|verslag|rapportage|jaarrapportage|beleidsbrief|visie|strategie|geannoteerde agenda)\b.*)$",
    re.IGNORECASE,
)
MEMO_KIND_LINE = re.compile(r"^(?:Beslis)?[Nn]ota$")
SUBJECT_LABEL = re.compile(r"^(?:Betreft|Onderwerp)\b\s*[:|]?\s*(.+?)[\s|]*$")
OFFERING = r"(?:(?:kamer)?brief\s+(?:inzake|over|met|bij|betreffende)\s+(?:de\s+|het\s+)?)?"
"""A letter titled by what it carries ("Kamerbrief inzake geannoteerde agenda ...") is that."""
KIND_LINES = (
    ("geannoteerde-agenda", re.compile(rf"^{OFFERING}geannoteerde agenda\b", re.IGNORECASE)),
    ("verslag", re.compile(rf"^{OFFERING}(?:schriftelijk\s+)?verslag\b|^vastgesteld\s+\d", re.IGNORECASE)),
    (
        "verdrag",
        re.compile(
            r"^(?:verdrag|overeenkomst|notawisseling|briefwisseling|tractatenblad|protocol|agreement|treaty|"
            r"convention|exchange of notes|memorandum of understanding)\b",
            re.IGNORECASE,
        ),
    ),
    ("nota", re.compile(r"^(?:memorie van toelichting|nota|initiatiefnota|defensienota|beleidsnota)\b", re.IGNORECASE)),
    ("kamerbrief", re.compile(r"^(?:brief van\b|brief regering$|kamerbrief\b)", re.IGNORECASE)),
)
"""A line that names the document's kind in its first words: a page title, a subject line,
the kind a Kamerstuk states after its number ("Nr. 14 VERSLAG VAN EEN ALGEMEEN OVERLEG")."""
NUMBER_LINE = re.compile(r"^Nr\.\s*\d+\s+\S", re.IGNORECASE)
DELIVERED = ("verslag", "geannoteerde-agenda")
KIND_LINE_PREFIX = re.compile(
    r"^(?:Nr\.\s*\d+\s+|(?:Betreft|Onderwerp)\s*:?\s*|Brief regering\s*:\s*(?=\S))", re.IGNORECASE
)
TITLE_LINE = 300
"""A longer line, or one that ends a sentence, is prose: it names no kind."""
ADDRESSED = re.compile(
    r"^Aan de [Vv]oorzitter van de (?:Tweede|Eerste) Kamer|\bKamervragen\b|\b[Vv]aste [Cc]ommissie voor\b"
)
PARLIAMENT = re.compile(r"Tweede Kamer|Eerste Kamer|Staten-Generaal|BRIEF VAN", re.IGNORECASE)


OPENING_REACH = 12
"""Paragraphs in which a letter's opening is looked for: a saved page puts its own lines first."""


def opening(blocks: tuple[Block, ...]) -> tuple[str | None, str | None]:
    """The object of the opening sentence ("het verslag van ..."), with its sentence."""
    paragraphs = [block for block in blocks if block.kind == "paragraph"][:OPENING_REACH]
    for block in paragraphs:
        start, end = next(sentences(block.text), (0, 0))
        sentence = block.text[start:end]
        if match := OPENING_OFFER.search(sentence[:600]):
            return match.group("object"), sentence
    return None, None


def doc_type(blocks: tuple[Block, ...], has_kamerstuk: bool, front: list[str] = ()) -> tuple[str, str | None]:
    """The kind a document states: a decision memo's marks, the object a letter offers
    ("Hierbij bied ik u het verslag ... aan"), the first line that names a kind; then
    where it was sent."""
    header = [block.text for block in blocks if block.kind == "header"]
    headings = [block.text for block in blocks if block.kind == "heading"]
    for line in header + headings:
        if BESLISNOTA.match(line):
            return "beslisnota", line
    offered, sentence = opening(blocks)
    sentence = sentence if offered else None
    if offered:
        for kind, pattern in KINDS:
            if pattern.match(offered):
                return kind, sentence
    stated, line = kind_from_lines(front)
    if stated:
        return stated, line
    parliament = next((line for line in header if PARLIAMENT.search(line)), None)
    if has_kamerstuk or parliament:
        return "kamerbrief", parliament
    if offered or sentence:
        addressed = next((line for line in front if ADDRESSED.search(line[:TITLE_LINE])), None)
        if addressed:  # a letter that offers something, to parliament or one of its committees
            return "kamerbrief", addressed
    memo = next((line for line in header + headings if MEMO_KIND_LINE.match(line)), None)
    if memo:
        return "nota", memo
    return "overig", None


def kind_from_lines(lines: list[str]) -> tuple[str | None, str | None]:
    """The kind the first lines state. A Kamerstuk states its own after its number ("Nr. 3
    BRIEF VAN ...", "Nr. 3 MEMORIE VAN TOELICHTING"), and that wins over a page title,
    except that a letter whose title is a report or an agenda is that report or agenda."""
    first: tuple[str, str] | None = None
    for line in lines:
        if ADDRESSED.match(line):  # "Aan de Voorzitter van de Tweede Kamer ...", also run into the text
            stated = ("kamerbrief", line[:TITLE_LINE])
        elif len(line) > TITLE_LINE or (line.endswith(".") and not line.endswith("nr.")):
            continue
        else:
            stated = _kind_of_line(line)
        if stated is None:
            continue
        if NUMBER_LINE.match(line):
            delivered = first is not None and first[0] in DELIVERED and stated[0] == "kamerbrief"
            return first if delivered else stated
        first = first or stated
    return first or (None, None)


def _kind_of_line(line: str) -> tuple[str, str] | None:
    words = KIND_LINE_PREFIX.sub("", line, count=1)
    if words.replace(" ", "").upper().startswith("TRACTATENBLAD"):  # printed spaced out
        return "verdrag", line
    for kind, pattern in KIND_LINES:
        if pattern.match(words):
            return kind, line
    return None
