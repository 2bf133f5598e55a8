"""A document's title, where the document states one.

In order of strength: a subject line ("Betreft", "Onderwerp"), an official title label
("Officiële titel", a Tractatenblad's "A. TITEL"), the title a saved page puts on its first
line ("Verslag van een commissiedebat : Verslag van een commissiedebat, gehouden op ...",
"Dossier ; Brief regering; Stand van zaken ..."), the line after a memo's "Nota", the
document a letter offers ("Hierbij bied ik u de nota ... aan"), the heading a page or
report opens with, and the name a treaty gives itself ("Verdrag tussen ..."). Nothing
stated: None (a display title is made from the kind, dossier and date elsewhere).
"""

from __future__ import annotations

import re

from generator.model import Block
from generator.stages.extract.doctype import MEMO_KIND_LINE, SUBJECT_LABEL, TITLED_OBJECT, kind_from_lines, opening

TITLE_LABEL = re.compile(r"^(?:Officiële titel|Titel)\s*:?\s+(?P<title>\S.{2,400})$")
TITLE_HEADING = re.compile(r"^[A-Z]\.\s+TITEL\b")
PAGE_TITLE = (
    re.compile(r"^(?P<kind>[^:;]{3,60}?) : (?P<title>\S.{2,400})$"),
    re.compile(r"^[^;]{3,120} ; (?P<kind>[^;]{3,60}); (?P<title>\S.{2,400})$"),
)
"""The first line of a saved page: "<kind> : <title>" (the official site) or
"<dossier> ; <kind>; <title>" (an OpenKamer or tweedekamer.nl heading)."""
TREATY_NAME = re.compile(
    r"(?:^|(?<=#))\s*(?:Verdrag|Overeenkomst|Notawisseling|Briefwisseling|Uitvoeringsovereenkomst|Memorandum of Understanding|"
    r"Agreement|Convention|Treaty|Exchange of Notes)\s+(?:\w+\s+){0,3}?(?:tussen|between|houdende|inzake|"
    r"betreffende|concerning|regarding|on|van|of)\b"
)
NAME_END = re.compile(r"\s+#{1,6}|;\s|\.\s+(?=[A-Z])")
TREATY_REACH = 15
"""Blocks in which a treaty's name is looked for: after the publication's own lines."""
NOT_A_TITLE = re.compile(
    r"^(?:Kamerstuk|kst-|ID:|Nummer:|Datum|Bron:|Gepubliceerd|Tweede Kamer|Eerste Kamer|Ministerie van|"
    r"Aan de |Den Haag|'s-Gravenhage|Vergaderjaar)|\d{1,2}[- ]\d{1,2}[- ]\d{2,4}|^\W|[.:;,]$",
    re.IGNORECASE,
)
LONGEST = 300
SEPARATED_AAN = re.compile(r"^(\w+) aan (?=van\b)")
"""The particle of "aanbieden" left in the object: "(bied ik u) het verslag aan van de Raad"."""
SITE_NUMBER = re.compile(r"^Nummer: \d{4}D\d+, datum:")
"""A tkconv page: title, dossier title and kind on the lines before "Nummer: 2018D55663, datum: ..."."""


def title(blocks: tuple[Block, ...]) -> tuple[str | None, str | None]:
    """(title, the text it was read from)."""
    for rule in (_labelled, _page_title, _site_header, _memo, _offered, _leading_heading, _treaty_name):
        found = rule(blocks)
        if found[0]:
            return _tidy(found[0]), found[1]
    return None, None


def _labelled(blocks):
    for index, block in enumerate(blocks):
        if block.kind in ("header", "heading") and (match := SUBJECT_LABEL.match(block.text)):
            return match.group(1).strip(), block.text
        if (match := TITLE_LABEL.match(block.text)) and block.kind != "paragraph":
            return match.group("title"), block.text
        if TITLE_HEADING.match(block.text) and index + 1 < len(blocks):
            return blocks[index + 1].text, f"{block.text} / {blocks[index + 1].text}"
    return None, None


def _page_title(blocks):
    first = blocks[0].text if blocks else ""
    for pattern in PAGE_TITLE:
        if len(first) <= LONGEST + 100 and (match := pattern.match(first)) and kind_from_lines([match.group("kind")])[0]:
            return match.group("title"), first
    return None, None


def _site_header(blocks):
    for index, block in enumerate(blocks[:TREATY_REACH]):
        if SITE_NUMBER.match(block.text) and index >= 2 and kind_from_lines([blocks[index - 1].text])[0]:
            # title, [dossier title,] kind, number: the first line that can be a title
            candidate = next((b.text for b in blocks[max(0, index - 3):index - 1] if _plausible(b.text)), None)
            return candidate, candidate
    return None, None


def _memo(blocks):
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if block.kind in ("header", "heading") and MEMO_KIND_LINE.match(block.text) and following.kind in ("header", "heading"):
            return following.text, f"{block.text} / {following.text}"
    return None, None


def _offered(blocks):
    offered, sentence = opening(blocks)
    if offered and (match := TITLED_OBJECT.match(offered)):
        words = SEPARATED_AAN.sub(r"\1 ", match.group("title"))
        return words, sentence
    return None, None


def _leading_heading(blocks):
    """A page or report that opens with a heading: a news item, a saved Kamerbrief, a verslag."""
    if len(blocks) < 2 or blocks[0].kind != "heading":
        return None, None
    text = blocks[0].text
    return (text, text) if _plausible(text) else (None, None)


def _plausible(text: str) -> bool:
    """A line that can be a title: not too long, more than a word, not shouted (a kind line),
    not a site's or letterhead's own line, not only a kind ("Brief regering")."""
    words = text.split()
    if len(text) > LONGEST or len(words) < 2 or text.isupper() or NOT_A_TITLE.search(text):
        return False
    return not (len(words) <= 2 and kind_from_lines([text])[0] is not None)


def _treaty_name(blocks):
    """The name a treaty opens with (at a block's start or after a Markdown heading's marks);
    in text whose lines were run together, up to where the next part begins (a heading,
    a semicolon, a new sentence)."""
    for block in blocks[:TREATY_REACH]:
        if found := TREATY_NAME.search(block.text):
            name = NAME_END.split(block.text[found.start():].strip(), maxsplit=1)[0]
            return (name, block.text) if len(name) <= LONGEST + 200 else (None, None)
    return None, None


def _tidy(text: str) -> str:
    text = re.sub(r"\s*\d\)$|\s*[;:]$|^#+\s*", "", " ".join(text.split()))
    return text[:1].upper() + text[1:]
