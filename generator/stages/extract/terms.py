"""Countries, partners, organisations, initiatives and topics, found with the vocabulary."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from generator.model import Block, Mention, Span, plain
from generator.stages.extract.discovery import discover_initiatives
from generator.stages.extract.partners import CountryMention, partners
from generator.stages.extract.sentences import sentences
from generator.vocabulary.lexicon import (
    COUNTRY,
    INITIATIVE,
    ORGANISATION,
    TOPIC,
    Lexicon,
)
from generator.vocabulary.matcher import Matcher


class Found(NamedTuple):
    """A vocabulary hit in context (a tuple: there are hundreds per document)."""

    key: str
    sentence: str
    offset_in_sentence: int
    block: int
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.block, self.start, self.end)


@dataclass(frozen=True)
class Terms:
    countries: tuple[Mention, ...]
    partners: tuple[Mention, ...]
    organisations: tuple[Mention, ...]
    initiatives: tuple[Mention, ...]
    topics: tuple[Mention, ...]


def find_terms(blocks: tuple[Block, ...], lexicon: Lexicon) -> Terms:
    found = list(_found(blocks, lexicon.matcher))
    discovered = _discovered(blocks, lexicon)
    by_kind: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        by_kind[item.key.partition(":")[0]].append(item)
    countries = _mentions(by_kind[COUNTRY], lexicon)
    return Terms(
        countries=countries,
        partners=_partners(by_kind[COUNTRY], blocks, lexicon),
        organisations=_mentions(by_kind[ORGANISATION], lexicon),
        initiatives=_mentions(by_kind[INITIATIVE], lexicon) + discovered,
        topics=_topics(by_kind[TOPIC], lexicon),
    )


def _found(blocks: tuple[Block, ...], matcher: Matcher):
    """Every hit with its sentence. Each block is scanned once; a hit that runs over the
    end of its sentence is not a mention."""
    for index, block in enumerate(blocks):
        if block.kind == "header":
            continue
        hits = matcher.find(block.text)
        if not hits:
            continue
        bounds = list(sentences(block.text))
        starts = [start for start, _ in bounds]
        plain_sentences: dict[int, str] = {}
        for hit in hits:
            position = bisect_right(starts, hit.start) - 1
            start, end = bounds[max(position, 0)]
            if position < 0 or hit.end > end:
                continue
            if position not in plain_sentences:
                plain_sentences[position] = plain(block.text[start:end])
            for key in hit.keys:
                yield Found(key, plain_sentences[position], hit.start - start, index, hit.start, hit.end)


def _discovered(blocks: tuple[Block, ...], lexicon: Lexicon) -> tuple[Mention, ...]:
    """Initiatives defined in the text that the vocabulary lacks, with how often they occur."""
    text = "\n\n".join(block.text for block in blocks if block.kind in ("paragraph", "heading", "footnote"))
    new = discover_initiatives(text, lexicon.matcher)
    if not new:
        return ()
    entries = {f"{INITIATIVE}:{term.id}": term for term, _ in new}
    counter = Matcher((form, f"{INITIATIVE}:{term.id}") for term, _ in new for form in (term.name, *term.aliases))
    found = list(_found(blocks, counter))
    return _mentions(found, Lexicon(lexicon.vocabulary, counter, entries))


def _mentions(found: list[Found], lexicon: Lexicon) -> tuple[Mention, ...]:
    counts = Counter(item.key for item in found)
    first: dict[str, Found] = {}
    for item in found:
        first.setdefault(item.key, item)
    return tuple(Mention(lexicon.entries[key], counts[key], first[key].sentence, first[key].span) for key in counts)


def _partners(found: list[Found], blocks: tuple[Block, ...], lexicon: Lexicon) -> tuple[Mention, ...]:
    mentions = [
        CountryMention(lexicon.entries[item.key], item.sentence, item.offset_in_sentence, item.block)
        for item in found
    ]
    evidence = partners(mentions, blocks)
    counts = Counter(item.key for item in found)
    first: dict[str, Found] = {}
    for item in found:
        first.setdefault(item.key, item)
    return tuple(
        Mention(lexicon.entries[key], counts[key], evidence[key.partition(":")[2]], first[key].span)
        for key in counts
        if key.partition(":")[2] in evidence
    )


def _topics(found: list[Found], lexicon: Lexicon) -> tuple[Mention, ...]:
    """Topics signalled at least twice; the strongest one when none is."""
    mentions = sorted(_mentions(found, lexicon), key=lambda mention: -mention.count)
    strong = tuple(mention for mention in mentions if mention.count >= 2)
    return strong or tuple(mentions[:1])
