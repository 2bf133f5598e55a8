"""Which named countries are partners: states the Netherlands works with in this document.

The words that decide are the vocabulary's partner signals (vocabulary/partner_signals.yml);
this module only says how they combine. States listed together ("Duitsland, Nederland en
Frankrijk", "het Koninkrijk België, het Koninkrijk der Nederlanden en het Groothertogdom
Luxemburg") share what is said before and after the list. Each mention earns points:
- being listed with the Netherlands in a sentence about cooperation (the parties to a
  treaty, the members of a force) earns 2, whatever else the sentence says;
- a threat word whose nearest state is in the mention's list costs 2;
- a counterpart ("de ministers van defensie van Japan", "mijn Duitse collega"), a joint
  body ("Navo-Georgië commissie") or support received ("steun aan Oekraïne") earns 2;
- a cooperation word (or an initiative of the vocabulary close by) earns 2 when the Netherlands takes part: the sentence names the
  Netherlands or "we"/"ik", the state follows "met"/"with" or "tussen"/"between" within
  three words, or the sentence speaks of participation in a paragraph naming the
  Netherlands; otherwise 1.
A country with 2 points in total, and at least one mention worth 2, is a partner.
States the vocabulary marks as adversaries need twice that and no threat at all,
so that a talk with a Chinese counterpart does not make China a partner.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.model import Block, Country
from generator.vocabulary.signals import Signals

THREAT_REACH = 60
"""Characters around a mention in which a threat word counts against it."""
SIGNAL_REACH = 80
"""Characters before and after a list of states searched for counterparts and the like."""
DIRECT_WORDS = 4
""""met"/"tussen" and at most three words before a state."""
LIST_GAP = 120
"""The longest text between two states that can still be one list."""
PARTNER_POINTS = 2
TOKEN = re.compile(r"\w+|[^\w\s]")
LIST_ITEM = re.compile(r"\s*(?:[•·▪◦*\-–]|\d{1,3}[.)]|[a-z][.)])\s")


@dataclass(frozen=True)
class CountryMention:
    country: Country
    sentence: str
    """The sentence as evidence (without footnote markers)."""
    block: int
    start: int
    end: int
    """Where the mention is in its block's text."""
    sentence_start: int
    sentence_end: int


@dataclass
class _Group:
    """States listed together in one sentence, and what is said around the list."""

    mentions: list[CountryMention]
    with_self: bool = False
    threat: bool = False


def partners(
    mentions: list[CountryMention], blocks: tuple[Block, ...], signals: Signals, formats: dict[int, list[int]]
) -> dict[str, str]:
    """ISO code -> the sentence that made the country a partner. `formats` holds, by
    block, where the vocabulary's initiatives are named: a programme, an agreement, a
    mission or a cooperation format close to a state speaks of cooperation by itself."""
    score: Counter[str] = Counter()
    threats: Counter[str] = Counter()
    evidence: dict[str, list[str]] = defaultdict(list)
    by_sentence: dict[tuple[int, int], list[CountryMention]] = defaultdict(list)
    for mention in mentions:
        by_sentence[(mention.block, mention.sentence_start)].append(mention)
    paragraphs: dict[int, bool] = {}
    lead_ins = _lead_ins(blocks) if mentions else {}
    for (block, _), found in by_sentence.items():
        text = blocks[block].text
        if block not in paragraphs:
            paragraphs[block] = signals.self.search(text) is not None
        said = _Sentence(text[found[0].sentence_start : found[0].sentence_end], lead_ins.get(block, ""), signals)
        for group in _groups(sorted(found, key=lambda mention: mention.start), text, signals):
            named = _near(group, formats.get(block, []))
            points = _group_points(group, text, paragraphs[block], said, named, signals)
            for mention in group.mentions:
                code = mention.country.code
                score[code] += points
                threats[code] += points < 0
                if points >= PARTNER_POINTS:
                    evidence[code].append(mention.sentence)
    countries = {mention.country.code: mention.country for mention in mentions}
    return {
        code: sentences[0]
        for code, sentences in evidence.items()
        if _is_partner(countries[code], score[code], threats[code], len(sentences))
    }


def _is_partner(country: Country, score: int, threats: int, strong: int) -> bool:
    if country.adversary:
        return threats == 0 and strong >= 2 and score >= 2 * PARTNER_POINTS
    return score >= PARTNER_POINTS


def _groups(found: list[CountryMention], text: str, signals: Signals) -> list[_Group]:
    """The mentions of one sentence, in text order, split into lists of states; each
    list knows whether the Netherlands is one of its members and whether a threat word
    is nearest to one of its states."""
    groups: list[_Group] = []
    for mention in found:
        if groups:
            previous = groups[-1].mentions[-1]
            joined, with_self = _joins(text[previous.end : mention.start], signals)
            if joined and mention.start - previous.end <= LIST_GAP:
                groups[-1].mentions.append(mention)
                groups[-1].with_self |= with_self
                continue
        groups.append(_Group([mention]))
    for group in groups:
        head, tail = group.mentions[0], group.mentions[-1]
        before = text[max(head.sentence_start, head.start - SIGNAL_REACH) : head.start]
        after = text[tail.end : min(tail.sentence_end, tail.end + SIGNAL_REACH)]
        group.with_self |= _self_at_edge(reversed(TOKEN.findall(before)), signals)
        group.with_self |= _self_at_edge(TOKEN.findall(after), signals)
    _mark_threats(groups, text, signals)
    return groups


def _joins(gap: str, signals: Signals) -> tuple[bool, bool]:
    """Whether the text between two states joins them into one list, and whether it
    names the Netherlands as another member."""
    tokens = [token.lower() for token in TOKEN.findall(gap)]
    if len(gap) > LIST_GAP or not tokens:
        return False, False
    allowed = signals.party_words | signals.self_names
    if not all(token in allowed for token in tokens):
        return False, False
    return True, any(token in signals.self_names for token in tokens)


def _self_at_edge(tokens, signals: Signals) -> bool:
    """The Netherlands joined to the list from outside: "Nederland en België", "België
    en Nederland", "tussen het Koninkrijk der Nederlanden en de Regering van ..."."""
    for count, token in enumerate(tokens):
        token = token.lower()
        if token in signals.self_names:
            return count > 0
        if token not in signals.party_words or count > 12:
            return False
    return False


def _mark_threats(groups: list[_Group], text: str, signals: Signals) -> None:
    """A threat word counts against the state nearest to it, and the states listed with it."""
    first, last = groups[0].mentions[0], groups[-1].mentions[-1]
    start = max(first.sentence_start, first.start - THREAT_REACH)
    window = text[start : min(last.sentence_end, last.end + THREAT_REACH)]
    members = [(mention, group) for group in groups for mention in group.mentions]
    starts = [mention.start for mention, _ in members]
    for match in signals.threat.finditer(window):
        where = (start + match.start(), start + match.end())
        position = bisect_right(starts, where[0])
        nearest = min(
            (_distance(members[index][0], where), index) for index in (position - 1, position) if 0 <= index < len(members)
        )
        if nearest[0] <= THREAT_REACH:
            members[nearest[1]][1].threat = True


def _distance(mention: CountryMention, span: tuple[int, int]) -> int:
    return max(span[0] - mention.end, mention.start - span[1], 0)


class _Sentence:
    """What a sentence says, whichever of its states is scored: each searched once."""

    def __init__(self, sentence: str, lead_in: str, signals: Signals):
        self.cooperation = bool(signals.cooperation.search(sentence) or (lead_in and signals.cooperation.search(lead_in)))
        self.names_self = bool(signals.self.search(sentence))
        self.participation = bool(signals.participation.search(sentence))


def _group_points(group: _Group, text: str, paragraph_self: bool, said: _Sentence, named: bool, signals: Signals) -> int:
    head, tail = group.mentions[0], group.mentions[-1]
    cooperation = named or said.cooperation
    if group.with_self and cooperation:
        return 2  # listed with the Netherlands: the parties to a treaty, the members of a force
    if group.threat:
        return -2
    before = text[max(head.sentence_start, head.start - SIGNAL_REACH) : head.start]
    after = text[tail.end : min(tail.sentence_end, tail.end + SIGNAL_REACH)]
    bare = _without_articles(before, signals)
    if (
        signals.counterpart_before.search(bare)
        or signals.counterpart_after.match(after)
        or signals.beneficiary_before.search(bare)
        or signals.beneficiary_after.match(after)
        or (signals.forum_before.search(before) and signals.forum_after.match(after))
    ):
        return 2
    if not cooperation:
        return 0
    if said.names_self:
        return 2
    if signals.direct.search(" ".join(before.split()[-DIRECT_WORDS:])):
        return 2
    if said.participation and paragraph_self:
        return 2
    return 1


def _without_articles(before: str, signals: Signals) -> str:
    words = before.split()
    while words and words[-1].lower() in signals.articles:
        words.pop()
    return " ".join(words) + " "


def _near(group: _Group, places: list[int]) -> bool:
    """Whether an initiative is named close to the list (`places`: sorted positions)."""
    head, tail = group.mentions[0], group.mentions[-1]
    low, high = max(head.sentence_start, head.start - SIGNAL_REACH), min(tail.sentence_end, tail.end + SIGNAL_REACH)
    index = bisect_right(places, high) - 1
    return index >= 0 and places[index] >= low


def _lead_ins(blocks: tuple[Block, ...]) -> dict[int, str]:
    """For each item of a list ("• 2007: Duitsland, Nederland, ..."), the end of the
    sentence that introduces the list ("De landen die deelname ... hebben toegezegd zijn:")."""
    lead_ins: dict[int, str] = {}
    introduction = ""
    for index, block in enumerate(blocks):
        if LIST_ITEM.match(block.text):
            if introduction:
                lead_ins[index] = introduction
            continue
        text = block.text.rstrip()
        introduction = text[-SIGNAL_REACH * 3 :] if text.endswith(":") else ""
    return lead_ins
