"""Which named countries are partners: states the Netherlands works with in this document.

Each mention earns points from the sentence (and paragraph) around it:
- a threat word near the mention ("bedreiging", "inval", "zorgen over") costs 2;
- a counterpart ("mijn Duitse collega", "de ministers van defensie van Japan") earns 2;
- a cooperation word earns 2 when the Netherlands takes part: the sentence names the
  Netherlands or "we"/"ik", the country follows "met" or "tussen", or the sentence
  speaks of participation in a paragraph about Dutch involvement; otherwise 1.
A country with 2 points in total, and at least one mention worth 2, is a partner.
States the vocabulary marks as adversaries need twice that and no threat at all,
so that a talk with a Chinese counterpart does not make China a partner.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.model import Block, Country

SELF = re.compile(r"\b(?:Nederland|Nederlands|Nederlandse|we|wij|ons|onze|ik|mijn|Defensie|kabinet)\b")
COOPERATION = re.compile(
    r"samen\w*werk|samen\b|partner|bondgeno|bilateraa?l|overeenkomst|akkoord|verdrag|verklaring|declaration|"
    r"statement of intent|memorandum|\bmou\b|gezamenlijk|deelnemend|deelname|\bdeel\b|steun|bijdrage|"
    r"levert|leveren|ondertekend|tekende|getekend|oefen|training|coalitie|commitment|"
    r"betrokkenheid|uitwisseling|integratie|voorzitterschap"
)
PARTICIPATION = re.compile(r"deelnemend|deelname|\bdeel\b|samen met|gezamenlijk|coalitie")
COUNTERPART = re.compile(
    r"collega|ambtgeno|[Mm]inisters?\s+van\s+(?:[Dd]efensie\s+van\s+)?(?:\S+\s+){0,3}?[A-Z]|"
    r"\b[A-Z]\w+se\s+(?:en\s+\w+\s+)?[Mm]inisters?\b"
)
THREAT = re.compile(
    r"dreig|agressie|agressor|\binval|aanval|oorlog|schending|schendt|tegenstander|vijand|sanctie|destabilis|"
    r"ondermijn|retoriek|verdediging\s+tegen|weiger|ontken|doelwit|terroris|onderdrukking|naleving|"
    r"raketprogramma|nucleaire\s+programma|zorgen|bezorgd|uitdaging|desinformatie|assertie|spanning"
)
DIRECT = re.compile(r"\b(?:met|tussen)\s+(?:\S+\s+){0,3}$")
# COOPERATION, PARTICIPATION, THREAT and DIRECT are searched in lower-cased text: several
# times faster than re.IGNORECASE on long alternations.
THREAT_REACH = 80
"""Characters around a mention in which a threat word counts against it."""
DIRECT_REACH = 120
"""Characters before a mention searched for "met"/"tussen" and at most three words."""
PARTNER_POINTS = 2


@dataclass(frozen=True)
class CountryMention:
    country: Country
    sentence: str
    offset: int
    """Where the mention starts in `sentence`."""
    block: int


def partners(mentions: list[CountryMention], blocks: tuple[Block, ...]) -> dict[str, str]:
    """ISO code -> the sentence that made the country a partner."""
    score: Counter[str] = Counter()
    threats: Counter[str] = Counter()
    evidence: dict[str, list[str]] = {}
    for mention in mentions:
        code = mention.country.code
        points = mention_points(mention, blocks[mention.block].text)
        score[code] += points
        threats[code] += points < 0
        if points >= PARTNER_POINTS:
            evidence.setdefault(code, []).append(mention.sentence)
    countries = {mention.country.code: mention.country for mention in mentions}
    return {code: sentences[0] for code, sentences in evidence.items() if _is_partner(countries[code], score[code], threats[code], len(sentences))}


def _is_partner(country: Country, score: int, threats: int, strong: int) -> bool:
    if country.adversary:
        return threats == 0 and strong >= 2 and score >= 2 * PARTNER_POINTS
    return score >= PARTNER_POINTS


def mention_points(mention: CountryMention, paragraph: str) -> int:
    sentence, offset = mention.sentence, mention.offset
    if _threat_near(sentence, offset):
        return -2
    counterpart, cooperation, names_self, participation = _sentence_signals(sentence)
    if counterpart:
        return 2
    if not cooperation:
        return 0
    if names_self or DIRECT.search(sentence[max(0, offset - DIRECT_REACH) : offset].lower()):
        return 2
    if participation and _names_self(paragraph):
        return 2
    return 1


def _sentence_signals(sentence: str) -> tuple[bool, bool, bool, bool]:
    """What a sentence says, whichever of its countries is scored."""
    folded = sentence.lower()
    return (
        COUNTERPART.search(sentence) is not None,
        COOPERATION.search(folded) is not None,
        SELF.search(sentence) is not None,
        PARTICIPATION.search(folded) is not None,
    )


def _names_self(paragraph: str) -> bool:
    return SELF.search(paragraph) is not None


def _threat_near(sentence: str, offset: int) -> bool:
    window = sentence[max(0, offset - THREAT_REACH) : offset + THREAT_REACH]
    return THREAT.search(window.lower()) is not None
