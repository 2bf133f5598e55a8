"""Initiatives the vocabulary does not know yet, found from definitions such as
"Tactical Edge Networking (TEN)". They are marked as discovered and listed for a
curator by `python -m generator check`."""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.model import Term
from generator.model.slugs import slugify
from generator.vocabulary.matcher import Matcher

DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w-]*(?:,)?\s+(?:(?:of|and|for|the|to|in|on|de|van|voor|en|-)\s+)*){1,8}[A-Z][\w-]*)"
    r"\s+\((?P<abbreviation>[A-Z][A-Za-z0-9-]{1,11})\)"
)
HEAD_WORDS = frozenset(
    """initiative agreement arrangement programme program plan force forces mission operation system systems
    networking network munition munitions fund partnership corps group command capability capabilities facility
    project framework strategy treaty vehicle vehicles laboratory concept process pledge package compass
    exploitation dissemination defence defense readiness""".split()
)
MIN_WORDS = 2
CONTENT_LETTERS = 4
"""Shorter words ("of", "and", "the", "van") say nothing about what an expansion means."""


def discover_initiatives(text: str, known: Matcher) -> list[tuple[Term, str]]:
    """New initiatives defined in `text`, each with the definition it came from."""
    found: dict[str, tuple[Term, str]] = {}
    for match in DEFINITION.finditer(text):
        abbreviation = match.group("abbreviation").rstrip("-")
        name = _trim(match.group("name"), abbreviation)
        if name is None or _is_known(name, known) or _is_known(abbreviation, known):
            continue
        term = Term(id=slugify(name), name=name, aliases=(abbreviation,), discovered=True)
        found.setdefault(term.id, (term, match.group(0)))
    return list(found.values())


def _is_known(text: str, known: Matcher) -> bool:
    """True when one vocabulary form covers the whole text (not merely a word in it)."""
    return any(hit.start == 0 and hit.end == len(text) for hit in known.find(text))


def _trim(name: str, abbreviation: str) -> str | None:
    """Keep the words the abbreviation stands for; None unless it names a programme-like thing."""
    words = name.replace(",", "").split()
    capitals = [char for char in abbreviation if char.isupper()]
    start = _start_of_expansion(words, capitals)
    if start is None:
        return None
    words = words[start:]
    if len(words) < MIN_WORDS or not HEAD_WORDS & {word.lower() for word in words}:
        return None
    return " ".join(words)


def _start_of_expansion(words: list[str], capitals: list[str]) -> int | None:
    """The first word from which the capitalised initials spell the abbreviation's capitals."""
    for start in range(len(words)):
        initials = [word[0] for word in words[start:] if word[0].isupper()]
        if initials and initials[0] == capitals[0] and _is_subsequence(capitals, initials + _inner_capitals(words[start:])):
            return start
    return None


def _inner_capitals(words: list[str]) -> list[str]:
    return [char for word in words for char in word[1:] if char.isupper()]


def _is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(any(char == candidate for candidate in remaining) for char in needle)


def redefined_acronyms(text: str, known: Matcher, forms: Callable[[str], tuple[str, ...]]) -> frozenset[str]:
    """Acronyms of the vocabulary that `text` defines as something else: "Recognised Air
    Picture (RAP)" is not the Readiness Action Plan, so RAP means no vocabulary entry here.
    An expansion that shares a word with a form of the entry ("NAVO Missie in Irak (NMI)",
    "NATO Mission Iraq") is the same thing; `forms(key)` gives an entry's forms."""
    redefined: set[str] = set()
    for match in DEFINITION.finditer(text):
        abbreviation = match.group("abbreviation")
        meant = {key for hit in known.find(abbreviation) if hit.start == 0 and hit.end == len(abbreviation) for key in hit.keys}
        if not meant:
            continue
        words = match.group("name").replace(",", "").split()
        start = _start_of_expansion(words, [char for char in abbreviation if char.isupper()])
        expansion = _content_words(" ".join(words[start:] if start is not None else words))
        if not any(expansion & _content_words(form) for key in meant for form in forms(key) if form != abbreviation):
            redefined.add(abbreviation)
    return frozenset(redefined)


def _content_words(text: str) -> set[str]:
    return {word for word in re.split(r"[\W_]+", text.lower()) if len(word) >= CONTENT_LETTERS}
