"""The kind of document and its title."""

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
TITLED_OBJECT = re.compile(r"^(?:de|het)\s+(?P<title>(?:nota|verslag|rapportage|jaarrapportage|beleidsbrief|visie|strategie|geannoteerde agenda)\b.*)$", re.IGNORECASE)
MEMO_KIND_LINE = re.compile(r"^(?:Beslis)?[Nn]ota$")
SUBJECT_LABEL = re.compile(r"^(?:Betreft|Onderwerp)\s*:?\s*(.+)$")
PARLIAMENT = re.compile(r"Tweede Kamer|Eerste Kamer|Staten-Generaal|BRIEF VAN", re.IGNORECASE)


def opening(blocks: tuple[Block, ...]) -> tuple[str | None, str | None]:
    """The object of the opening sentence ("het verslag van ..."), with its sentence."""
    for block in blocks:
        if block.kind == "paragraph":
            start, end = next(sentences(block.text), (0, 0))
            sentence = block.text[start:end]
            match = OPENING_OFFER.search(sentence[:600])
            return (match.group("object"), sentence) if match else (None, None)
    return None, None


def doc_type(blocks: tuple[Block, ...], has_kamerstuk: bool) -> tuple[str, str | None]:
    header = [block.text for block in blocks if block.kind == "header"]
    headings = [block.text for block in blocks if block.kind == "heading"]
    for line in header + headings:
        if BESLISNOTA.match(line):
            return "beslisnota", line
    offered, sentence = opening(blocks)
    if offered:
        for kind, pattern in KINDS:
            if pattern.match(offered):
                return kind, sentence
    parliament = next((line for line in header if PARLIAMENT.search(line)), None)
    if has_kamerstuk or parliament:
        return "kamerbrief", parliament
    memo = next((line for line in header + headings if MEMO_KIND_LINE.match(line)), None)
    if memo:
        return "nota", memo
    return "overig", None


def title(blocks: tuple[Block, ...]) -> tuple[str | None, str | None]:
    """A stated subject ("Betreft ..."), the line after a memo's "Nota", or the offered document."""
    for index, block in enumerate(blocks):
        if block.kind in ("header", "heading") and (match := SUBJECT_LABEL.match(block.text)):
            return match.group(1).strip(), block.text
        if block.kind in ("header", "heading") and MEMO_KIND_LINE.match(block.text) and index + 1 < len(blocks):
            following = blocks[index + 1]
            if following.kind in ("header", "heading"):
                return following.text, f"{block.text} / {following.text}"
    offered, sentence = opening(blocks)
    if offered and (match := TITLED_OBJECT.match(offered)):
        words = match.group("title")
        return words[:1].upper() + words[1:], sentence
    return None, None
