"""Countries, partners, organisations, initiatives and topics, found with the vocabulary."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from generator.model import Block, Mention, Span, plain
from generator.stages.extract.discovery import discover_initiatives, discover_named, overlaps, redefined_acronyms
from generator.stages.extract.partners import CountryMention, partners
from generator.stages.extract.sentences import sentences
from generator.vocabulary.lexicon import (
    COUNTRY,
    INITIATIVE,
    ORGANISATION,
    TOPIC,
    Lexicon,
)
from generator.vocabulary.matcher import Hit, Matcher

NEIGHBOUR_REACH = 40
"""How far a neighbouring word of an acronym is looked for."""
LANGUAGE_WORDS = 6
"""Words after a state's adjective searched for "taal", "tekst" ("de Duitse en Franse taal")."""
CAPITAL_WORD_BEFORE = re.compile(r"(?<![\w-])([A-ZÀ-Ý]{2,}[A-ZÀ-Ý0-9]*)[ \t]+\Z")
CAPITAL_WORD_AFTER = re.compile(r"[ \t]+([A-ZÀ-Ý]{2,}[A-ZÀ-Ý0-9]*)(?![\w-])")


class Found(NamedTuple):
    """A vocabulary hit in context (a tuple: there are hundreds per document)."""

    key: str
    sentence: str
    offset_in_sentence: int
    block: int
    start: int
    end: int
    sentence_end: int
    """Where the sentence ends in the block's text."""

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
    text = "\n\n".join(block.text for block in blocks)
    found = list(_found(blocks, lexicon.matcher, redefined_acronyms(text, lexicon.matcher, _forms(lexicon))))
    discovered = _discovered(blocks, lexicon, found)
    by_kind: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        by_kind[item.key.partition(":")[0]].append(item)
    signals = lexicon.vocabulary.signals
    by_kind[COUNTRY] = [item for item in by_kind[COUNTRY] if not _is_language(blocks[item.block].text, item.end, signals)]
    countries = _mentions(by_kind[COUNTRY], lexicon)
    return Terms(
        countries=countries,
        partners=_partners(by_kind[COUNTRY], by_kind[INITIATIVE], blocks, lexicon),
        organisations=_mentions(by_kind[ORGANISATION], lexicon),
        initiatives=_mentions(by_kind[INITIATIVE], lexicon) + discovered,
        topics=_topics(by_kind[TOPIC], lexicon),
    )


def _found(blocks: tuple[Block, ...], matcher: Matcher, redefined: frozenset[str] = frozenset()):
    """Every hit with its sentence. Each block is scanned once; a hit that runs over the
    end of its sentence is not a mention, unless the form itself holds the full stop
    ("10. Panzerdivision"); nor is an acronym that does not stand as a name."""
    for index, block in enumerate(blocks):
        hits = _names(block.text, matcher.find(block.text), redefined)
        if not hits:
            continue
        bounds = list(sentences(block.text))
        starts = [start for start, _ in bounds]
        plain_sentences: dict[int, str] = {}
        for hit in hits:
            position = bisect_right(starts, hit.start) - 1
            start, end = bounds[max(position, 0)]
            if position < 0 or (hit.end > end and "." not in block.text[hit.start : hit.end]):
                continue
            if position not in plain_sentences:
                plain_sentences[position] = plain(block.text[start:end])
            for key in hit.keys:
                yield Found(key, plain_sentences[position], hit.start - start, index, hit.start, hit.end, end)


def _forms(lexicon: Lexicon):
    def forms(key: str) -> tuple[str, ...]:
        entry = lexicon.entries.get(key)
        return () if entry is None else (entry.name, *getattr(entry, "aliases", ()))

    return forms


def _names(text: str, hits: list[Hit], redefined: frozenset[str]) -> list[Hit]:
    """Hits without the acronyms that are no names here: one the text defines as something
    else, or a capitalised word among other capitalised words that name nothing
    ("TEN BLIJKE WAARVAN" is a treaty's closing formula, not Tactical Edge Networking)."""
    if not hits:
        return hits
    covered = sorted((hit.start, hit.end) for hit in hits)
    kept = []
    for hit in hits:
        form = text[hit.start : hit.end]
        if _is_acronym(form) and (form in redefined or _among_capitals(text, hit, covered)):
            continue
        kept.append(hit)
    return kept


def _is_acronym(form: str) -> bool:
    letters = [char for char in form if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _among_capitals(text: str, hit: Hit, covered: list[tuple[int, int]]) -> bool:
    """True when a word next to the hit, on its line, is written in capitals and is not
    itself a vocabulary form (`covered`: the spans of all hits, sorted)."""
    before = CAPITAL_WORD_BEFORE.search(text, max(0, hit.start - NEIGHBOUR_REACH), hit.start)
    after = CAPITAL_WORD_AFTER.match(text, hit.end, hit.end + NEIGHBOUR_REACH)
    for word in (before, after):
        if word and not _is_covered(word.start(1), covered):
            return True
    return False


def _is_covered(position: int, covered: list[tuple[int, int]]) -> bool:
    index = bisect_right(covered, (position, float("inf"))) - 1
    return index >= 0 and covered[index][0] <= position < covered[index][1]


def _is_language(text: str, end: int, signals) -> bool:
    """"de Portugese taal", "in de Duitse en Franse tekst": a language, not the state."""
    words = text[end : end + NEIGHBOUR_REACH * 2].split()[:LANGUAGE_WORDS]
    for position, word in enumerate(words):
        if signals.language_after.match(" ".join(words[position:])):
            return True
        if not (word.lower() in signals.party_words or word[:1].isupper()):
            return False
    return False


DISCOVERY_BLOCKS = ("paragraph", "heading", "footnote")
BLOCK_SEPARATOR = "\n\n"


def _discovered(blocks: tuple[Block, ...], lexicon: Lexicon, known: list[Found]) -> tuple[Mention, ...]:
    """Initiatives the vocabulary lacks, defined or named in the text, with how often they
    occur. A name is found where the text writes it, not inside an initiative the
    vocabulary knows (`known`: its hits); a treaty's title also where the text writes it
    with its parties."""
    searched = [index for index, block in enumerate(blocks) if block.kind in DISCOVERY_BLOCKS]
    text = BLOCK_SEPARATOR.join(blocks[index].text for index in searched)
    at, offset = {}, 0
    for index in searched:
        at[index] = offset
        offset += len(blocks[index].text) + len(BLOCK_SEPARATOR)
    spans = sorted((at[item.block] + item.start, at[item.block] + item.end, (item.key,)) for item in known if item.block in at)
    forms = {term.id: (term, {term.name, *term.aliases}) for term, _ in discover_initiatives(text, lexicon.matcher)}
    for term, named_as in discover_named(text, lexicon.matcher, spans):
        forms.setdefault(term.id, (term, {term.name, named_as}))
    if not forms:
        return ()
    entries = {f"{INITIATIVE}:{id}": term for id, (term, _) in forms.items()}
    counter = Matcher((form, f"{INITIATIVE}:{id}") for id, (_, written) in forms.items() for form in written)
    by_block = defaultdict(list)
    for item in known:
        by_block[item.block].append((item.start, item.end, (item.key,)))
    for block_spans in by_block.values():
        block_spans.sort()
    found = [item for item in _found(blocks, counter) if not overlaps(by_block[item.block], item.start, item.end, f"{INITIATIVE}:")]
    return _mentions(found, Lexicon(lexicon.vocabulary, counter, entries))


def _mentions(found: list[Found], lexicon: Lexicon) -> tuple[Mention, ...]:
    counts = Counter(item.key for item in found)
    first: dict[str, Found] = {}
    for item in found:
        first.setdefault(item.key, item)
    return tuple(Mention(lexicon.entries[key], counts[key], first[key].sentence, first[key].span) for key in counts)


def _partners(found: list[Found], initiatives: list[Found], blocks: tuple[Block, ...], lexicon: Lexicon) -> tuple[Mention, ...]:
    mentions = [
        CountryMention(
            lexicon.entries[item.key], item.sentence, item.block, item.start, item.end,
            item.start - item.offset_in_sentence, item.sentence_end,
        )
        for item in found
    ]
    formats: dict[int, list[int]] = defaultdict(list)
    for item in initiatives:
        formats[item.block].append(item.start)
    for places in formats.values():
        places.sort()
    evidence = partners(mentions, blocks, lexicon.vocabulary.signals, formats)
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
